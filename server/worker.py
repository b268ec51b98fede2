"""A store worker: a child process that holds the store open and runs one request at a time.

The server's writer runs here (``server/pool.py``): an update that overruns can only be stopped
by ending the process that applies it, and a child's end leaves the store as it was before the
update. The parent writes one JSON request per line to this process's stdin and reads framed
replies from its stdout:

    H <json>   header (the request's result: a new snapshot, or nothing)
    E          end of the reply
    X <json>   error: {"error": IsnadError subclass name, "message": one line}

Each frame is one kind byte and a 4-byte big-endian length, then the payload.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import IO

from kg import errors, stack
from kg.store import GraphStore

FRAME_HEADER = struct.Struct(">cI")


def send_frame(out: IO[bytes], kind: bytes, payload: bytes = b"") -> None:
    """Write one frame."""
    out.write(FRAME_HEADER.pack(kind, len(payload)))
    out.write(payload)


def _send_json(out: IO[bytes], kind: bytes, value: dict) -> None:
    send_frame(out, kind, json.dumps(value).encode("utf-8"))


class Worker:
    """The child's state: its store, opened on first use."""

    def __init__(self, path: str, writer: bool, service_allow: str):
        self.path = path
        self.writer = writer
        self.service_allow = service_allow
        self.store: GraphStore | None = None
        self.snapshots = 0

    def open(self) -> GraphStore:
        """The store, opened on first use."""
        if self.store is None:
            self.store = GraphStore(self.path, read_only=not self.writer, service_allow=self.service_allow)
        return self.store

    def handle(self, request: dict, out: IO[bytes]) -> None:
        """Run one request and write its reply frames."""
        op = request["op"]
        store = self.open()
        if op == "update":
            store.update(request["update"], request.get("using"), request.get("using_named"), request.get("base_iri"))
            _send_json(out, b"H", {"snapshot": self.snapshot(store, request["snapshot_dir"])})
        elif op == "open":  # the store opened above: the parent checks that it can be
            _send_json(out, b"H", {})
        elif op == "snapshot":
            _send_json(out, b"H", {"snapshot": self.snapshot(store, request["snapshot_dir"])})
        else:
            raise errors.InputError(f"Unknown worker operation '{op}'.")
        send_frame(out, b"E")

    def snapshot(self, store: GraphStore, directory: str) -> str:
        """Write a read-only copy of the store for queries to read; return its path."""
        self.snapshots += 1
        target = Path(directory) / f"{time.time_ns()}-{self.snapshots}"
        store.snapshot(target)
        return str(target)


def _exit_with_parent(parent: int) -> None:
    # A child whose server died must not linger holding the store.
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def main(argv: list[str]) -> int:
    """Serve requests from stdin until it closes.

    Args:
        argv: ``STORE_PATH reader|writer [SERVICE_ALLOW]``.
    """
    path, role = argv[0], argv[1]
    worker = Worker(path, writer=role == "writer", service_allow=argv[2] if len(argv) > 2 else "")
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    # Frames get a private copy of stdout; anything a library prints goes to stderr (the log).
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    for line in sys.stdin.buffer:
        try:
            worker.handle(json.loads(line), out)
        except errors.IsnadError as exc:
            _send_json(out, b"X", {"error": type(exc).__name__, "message": str(exc)})
        except Exception:  # noqa: BLE001 - the parent gets one line; the log gets the traceback
            traceback.print_exc(file=sys.stderr)
            _send_json(out, b"X", {"error": "IsnadError", "message": "Internal error while running the request."})
        out.flush()
    if worker.store is not None:
        worker.store.close()
    return 0


if __name__ == "__main__":
    # Updates are parsed and evaluated on this process's thread: give it the deep stack.
    sys.exit(stack.call(main, sys.argv[1:]))
