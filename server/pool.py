"""How the server runs store requests, and how their running time is bounded.

Queries and exports run in the server's own process: pyoxigraph releases the GIL while it
evaluates, so requests on different threads run in parallel, and a query costs no trip to
another process. Each request's answer is written by a producer thread into a bounded buffer that
the response reads from, so the request thread can give up at the time limit and a large answer
streams with back-pressure.

pyoxigraph has no query timeout and cannot interrupt a query. A request that overruns gets 503
at the limit and its producer is told to stop: it does at its next write, so an answer that is
being serialised ends at once. A producer still inside the store a moment later can only be
stopped by ending the process, so the pool calls ``on_stuck``: under gunicorn that retires this
worker process gracefully (its other requests finish, the arbiter starts a fresh one).

A read-write server has one child process, the writer (``server/worker.py``), which alone opens
the store for writing (Oxigraph allows one writer), so that an overrunning update can be killed
(and is rolled back) without ending the server. After each update it writes a snapshot of the
store (a RocksDB checkpoint, hard links) that queries then read, because opening a store
read-only while another process writes it is undefined behaviour in Oxigraph.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kg import errors
from kg.rdf import get_format
from kg.results import write_results
from kg.store import GraphStore
from server.answer import Answer, Reply, Runner
from server.worker import FRAME_HEADER

#: Snapshots kept besides the current one, for queries still reading them.
KEEP_SNAPSHOTS = 2
#: Seconds a new writer waits for a replaced writer's lock to go (a retired process's writer).
WRITER_START_SECONDS = 10.0


class _WorkerGoneError(Exception):
    """The writer process went away mid-reply."""


def _read(store: GraphStore, request: dict, answer: Answer) -> None:
    """Run a read request (``query`` or ``export``) on ``store``, writing its answer."""
    if request["op"] == "query":
        result = store.query(
            request["query"],
            default_graphs=request.get("default_graphs"),
            named_graphs=request.get("named_graphs"),
            substitutions=request.get("substitutions"),
            base_iri=request.get("base_iri"),
        )
        kind = type(result).__name__  # QuerySolutions, QueryBoolean or QueryTriples
        fmt = request["graph_format"] if kind == "QueryTriples" else request["results_format"]
        answer.start({"kind": kind, "format": fmt})
        write_results(result, fmt, answer, request["query"])
    elif request["op"] == "export":
        answer.start({"format": request["format"]})
        store.export(answer, get_format(request["format"]), request.get("graph"), request.get("union", False))
    else:
        raise errors.InputError(f"Unknown read operation '{request['op']}'.")


class Child:
    """A worker process (``server/worker.py``) and the pipe pair to it."""

    def __init__(self, store_path: str, role: str, service_allow: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server.worker", store_path, role, service_allow],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        self._fd = self.proc.stdout.fileno()
        self._pending = bytearray()

    def request(self, request: dict, deadline: float) -> dict:
        """Run one request; its reply header.

        Raises:
            TimeoutError: no reply before ``deadline`` (a ``time.monotonic`` value).
            _WorkerGoneError: the child exited.
            IsnadError: the child's own error.
        """
        try:
            self.proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
        except (BrokenPipeError, ValueError):
            raise _WorkerGoneError from None
        kind, payload = self._frame(deadline)
        if kind == b"X":
            detail = json.loads(payload)
            cls = getattr(errors, detail["error"], errors.IsnadError)
            if not (isinstance(cls, type) and issubclass(cls, errors.IsnadError)):
                cls = errors.IsnadError
            raise cls(detail["message"])
        self._frame(deadline)  # the end frame
        return json.loads(payload)

    def _frame(self, deadline: float) -> tuple[bytes, bytes]:
        kind, length = FRAME_HEADER.unpack(self._read(FRAME_HEADER.size, deadline))
        return kind, self._read(length, deadline)

    def _read(self, size: int, deadline: float) -> bytes:
        while len(self._pending) < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._fd], [], [], remaining)[0]:
                raise TimeoutError
            chunk = os.read(self._fd, 1 << 16)
            if not chunk:
                raise _WorkerGoneError
            self._pending += chunk
        data = bytes(self._pending[:size])
        del self._pending[:size]
        return data

    def kill(self) -> None:
        """Stop the child now."""
        self.proc.kill()
        self.proc.wait()
        self.proc.stdin.close()
        self.proc.stdout.close()


def check_store(store_path: str, writable: bool, service_allow: str = "") -> None:
    """Open the store in a child process, as a server would, and close it again.

    For a process that must not hold the store itself (gunicorn's master, which forks).

    Raises:
        StoreError: the store cannot be opened.
    """
    child = Child(store_path, "writer" if writable else "reader", service_allow)
    try:
        child.request({"op": "open"}, time.monotonic() + 60.0)
    except (TimeoutError, _WorkerGoneError):
        raise errors.StoreError(f"The store at {store_path} could not be opened.") from None
    finally:
        child.kill()


class StorePool:
    """The server's store: queries in this process, updates through the writer.

    Args:
        store_path: the store directory.
        timeout: seconds a query may run.
        service_allow: SERVICE endpoints queries may call beside Wikidata's.
        writable: also start the writer (``--allow-update``).
        on_stuck: called when a stopped query is still running in the store and only ending
            the process will stop it (default: log it and let it run).
    """

    def __init__(self, store_path: str, timeout: float, service_allow: str = "", writable: bool = False,
                 on_stuck: Callable[[], None] | None = None):
        self.store_path = str(store_path)
        self.timeout = timeout
        self.service_allow = service_allow
        self.writable = writable
        self.runner = Runner(timeout, self._overrun, on_stuck or (lambda: None))
        self._reader: GraphStore | None = None
        self._reader_lock = threading.Lock()
        self._writer: Child | None = None
        self._writer_lock = threading.Lock()
        self._snapshot_dir: Path | None = None
        self._snapshots: list[str] = []
        self.current = self.store_path  # what queries read

    def start(self) -> None:
        """Start the writer and take its first snapshot (when writable).

        The store is opened for reading at the first request, so a process started while a
        build holds the store answers that build's one-line refusal instead of failing to start.

        Raises:
            StoreError: the writer cannot open the store.
        """
        if not self.writable:
            return
        self._snapshot_dir = Path(tempfile.mkdtemp(prefix=".isnad-snapshots-", dir=Path(self.store_path).parent))
        give_up = time.monotonic() + WRITER_START_SECONDS
        while True:
            self._writer = Child(self.store_path, "writer", self.service_allow)
            try:
                self._write({"op": "snapshot"}, timeout=max(self.timeout, 60.0))
                return
            except errors.StoreError:
                self._writer.kill()
                if time.monotonic() > give_up:
                    raise
                time.sleep(0.2)

    def close(self) -> None:
        """Stop the writer and remove the snapshots."""
        if self._writer is not None:
            self._writer.kill()
            self._writer = None
        if self._snapshot_dir is not None:
            shutil.rmtree(self._snapshot_dir, ignore_errors=True)

    # -- reading ---------------------------------------------------------------------------

    def run(self, request: dict, stream_idle: bool = False) -> Reply:
        """Run a read request (``query`` or ``export``) on a producer thread (``Runner.run``).

        Args:
            request: what to run (see ``server/store.py``).
            stream_idle: bound the time between chunks rather than the whole reply.

        Raises:
            QueryTimeout: the request overran the timeout and was stopped.
            IsnadError: the request's own error (malformed query, unknown graph, closed store, ...).
        """
        return self.runner.run(lambda answer: _read(self._store(), request, answer), stream_idle)

    def _overrun(self) -> errors.IsnadError:
        return errors.QueryTimeout(
            f"The request ran longer than the {self.timeout:g} s limit and was stopped; "
            "narrow the query (more specific patterns, a LIMIT)."
        )

    def open_in_background(self) -> None:
        """Open the store for reading on a thread of its own, so that the first query need not
        wait for it; a store that cannot be opened now is left for a request to report."""

        def open_quietly() -> None:
            with contextlib.suppress(errors.IsnadError):
                self._store()

        threading.Thread(target=open_quietly, daemon=True, name="isnad-open").start()

    def _store(self) -> GraphStore:
        # The store queries read now; reopened when an update moved them to a new snapshot
        # (queries still running keep the store object they started on).
        with self._reader_lock:
            if self._reader is None or str(self._reader.path) != self.current:
                self._reader = GraphStore(self.current, read_only=True, service_allow=self.service_allow)
            return self._reader

    # -- writing ---------------------------------------------------------------------------

    def update(self, request: dict) -> None:
        """Apply an update through the writer, then point queries at its snapshot.

        Raises:
            StoreError: the server is read-only.
            QueryTimeout: the update overran the timeout; it was rolled back.
            IsnadError: the writer's own error (malformed or refused update).
        """
        if self._writer is None:
            raise errors.StoreError("This server is read-only; start it with --allow-update to accept updates.")
        self._write({**request, "op": "update"}, timeout=self.timeout)

    def _write(self, request: dict, timeout: float) -> None:
        with self._writer_lock:
            assert self._writer is not None and self._snapshot_dir is not None
            try:
                header = self._writer.request({**request, "snapshot_dir": str(self._snapshot_dir)},
                                              time.monotonic() + timeout)
            except TimeoutError:
                self._replace_writer()
                raise errors.QueryTimeout(
                    f"The update ran longer than the {self.timeout:g} s limit and was stopped; nothing was changed."
                ) from None
            except _WorkerGoneError:
                self._replace_writer()
                raise errors.StoreError("The store writer stopped unexpectedly; the update was not done.") from None
            self._snapshots.append(header["snapshot"])
            self.current = self._snapshots[-1]
            for old in self._snapshots[: -1 - KEEP_SNAPSHOTS]:
                shutil.rmtree(old, ignore_errors=True)
            del self._snapshots[: -1 - KEEP_SNAPSHOTS]

    def _replace_writer(self) -> None:
        assert self._writer is not None
        self._writer.kill()
        self._writer = Child(self.store_path, "writer", self.service_allow)
