"""Store workers the server can stop: how a query's running time is bounded.

pyoxigraph has no query timeout and cannot interrupt a running query, so every store request
runs in a child process (``server/worker.py``) that is killed and replaced when it overruns.
Query workers open the store read-only and run in parallel, so one runaway query never holds up
other clients. A read-write server has one more child, the writer, which alone opens the store
for writing (Oxigraph allows one writer); after each update it writes a snapshot of the store
(a RocksDB checkpoint, hard links) that the query workers then read, because opening a store
read-only while another process writes it is undefined behaviour in Oxigraph.
"""

from __future__ import annotations

import collections
import errno
import json
import logging
import os
import queue
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg import errors
from server.worker import FRAME_HEADER

log = logging.getLogger(__name__)

#: Bytes of a query reply held back before answering, so that an error or a timeout in that
#: part still becomes a proper error response; longer replies are streamed after it.
BUFFER_BYTES = 4 << 20
#: Snapshots kept besides the current one, for queries still reading them.
KEEP_SNAPSHOTS = 2


class _WorkerGoneError(Exception):
    """The child process went away mid-reply."""


class Child:
    """One worker process and the pipe pair to it."""

    def __init__(self, store_path: str, role: str, service_allow: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server.worker", store_path, role, service_allow],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        self._fd = self.proc.stdout.fileno()
        self._pending = bytearray()

    def send(self, request: dict) -> None:
        """Hand the child one request."""
        try:
            self.proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
        except (BrokenPipeError, ValueError):
            raise _WorkerGoneError from None

    def read_frame(self, deadline: float) -> tuple[bytes, bytes]:
        """The next frame (kind, payload).

        Raises:
            TimeoutError: nothing complete arrived before ``deadline`` (a ``time.monotonic`` value).
            _WorkerGoneError: the child exited.
        """
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


@dataclass
class Reply:
    """A worker's answer: its header and the body chunks (a list when complete, else a stream)."""

    header: dict
    body: list[bytes] | Iterator[bytes] = field(default_factory=list)


def _raise_for(payload: bytes) -> None:
    detail = json.loads(payload)
    cls = getattr(errors, detail["error"], errors.IsnadError)
    if not (isinstance(cls, type) and issubclass(cls, errors.IsnadError)):
        cls = errors.IsnadError
    raise cls(detail["message"])


class _Stream:
    """The rest of a long reply, read from its worker as the client takes it.

    ``close()`` (which the WSGI server calls when the response ends, even one never iterated, for
    a client gone before the first byte) replaces a worker left mid-reply.

    Args:
        deadline: when the whole reply must be done; None bounds each chunk by the pool's timeout.
    """

    def __init__(self, pool: StorePool, child: Child, chunks: list[bytes], deadline: float | None, release):  # type: ignore[no-untyped-def]
        self.pool, self.child, self.release = pool, child, release
        self.chunks = collections.deque(chunks)
        self.deadline = deadline
        self.done = False

    def __iter__(self) -> _Stream:
        return self

    def __next__(self) -> bytes:
        if self.chunks:
            return self.chunks.popleft()
        if self.done:
            raise StopIteration
        try:
            kind, payload = self.child.read_frame(self.deadline or time.monotonic() + self.pool.timeout)
        except (TimeoutError, _WorkerGoneError):
            log.error("A streamed reply was cut off: its worker overran the %g s limit or died.", self.pool.timeout)
            self.close()
            raise ReplyCutOffError(errno.ECONNRESET, "the reply was cut off") from None
        if kind == b"D":
            return payload
        self.done = True
        self.release(self.child)
        if kind == b"X":
            log.error("A streamed reply failed after it started: %s", json.loads(payload)["message"])
            raise ReplyCutOffError(errno.ECONNRESET, "the reply failed after it started")
        raise StopIteration

    def close(self) -> None:
        """End the reply; a worker still mid-reply is replaced."""
        if not self.done:
            self.done = True
            self.pool._replace(self.child)


class ReplyCutOffError(ConnectionResetError):
    """A reply whose status line has gone out cannot become an error any more: the connection
    is dropped instead, before the final chunk, so the client knows the body is incomplete.
    (gunicorn closes a connection quietly on ECONNRESET, without writing that chunk.)"""


class StorePool:
    """The server's store workers.

    Args:
        store_path: the store directory.
        size: how many query workers run in parallel.
        timeout: seconds a query may run.
        service_allow: SERVICE endpoints queries may call beside Wikidata's.
        writable: also start the writer (``--allow-update``).
    """

    def __init__(self, store_path: str, size: int, timeout: float, service_allow: str = "", writable: bool = False):
        self.store_path = str(store_path)
        self.size = max(1, size)
        self.timeout = timeout
        self.service_allow = service_allow
        self.writable = writable
        # Last in, first out: under light load one warm worker answers (its caches hot, no
        # wake-up of a sleeping process), the others take over only when it is busy.
        self._idle: queue.LifoQueue[Child] = queue.LifoQueue()
        self._writer: Child | None = None
        self._writer_lock = threading.Lock()
        self._snapshot_dir: Path | None = None
        self._snapshots: list[str] = []
        self.current = self.store_path  # what query workers read

    def start(self) -> None:
        """Start the workers (and the writer with its first snapshot when writable).

        Raises:
            StoreError: the store cannot be opened.
        """
        if self.writable:
            self._snapshot_dir = Path(tempfile.mkdtemp(prefix=".isnad-snapshots-", dir=Path(self.store_path).parent))
            self._writer = Child(self.store_path, "writer", self.service_allow)
            self._write({"op": "snapshot"}, timeout=max(self.timeout, 60.0))
        for _ in range(self.size):
            self._idle.put(Child(self.store_path, "reader", self.service_allow))
        self.run({"op": "open"})  # fail now, with the store's own message, not at the first query

    def close(self) -> None:
        """Stop every worker and remove the snapshots."""
        children = [self._writer] if self._writer else []
        while not self._idle.empty():
            children.append(self._idle.get_nowait())
        for child in children:
            child.kill()
        if self._snapshot_dir is not None:
            shutil.rmtree(self._snapshot_dir, ignore_errors=True)

    # -- reading ---------------------------------------------------------------------------

    def run(self, request: dict, stream_idle: bool = False) -> Reply:
        """Run a read request (``query`` or ``export``) on a free query worker.

        Args:
            request: the worker request.
            stream_idle: bound the time between chunks rather than the whole reply (dumps, whose
                length grows with the store, not with what a client asked for).

        Raises:
            QueryTimeout: the request overran the timeout; its worker was replaced.
            StoreError: every worker stayed busy for the whole timeout, or a worker died.
            IsnadError: the worker's own error (malformed query, unknown graph, ...).
        """
        deadline = time.monotonic() + self.timeout
        try:
            child = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise errors.StoreError(f"All {self.size} query workers are busy; try again shortly.") from None
        # A dump streams from its first chunk: errors (an unknown graph) come before any output.
        hold = 0 if stream_idle else BUFFER_BYTES
        return self._exchange(child, {**request, "store": self.current}, deadline, stream_idle, self._release, hold)

    def _exchange(  # type: ignore[no-untyped-def]
        self, child: Child, request: dict, deadline: float, stream_idle: bool, release, hold: int = BUFFER_BYTES
    ) -> Reply:
        try:
            child.send(request)
            kind, payload = child.read_frame(deadline)
            if kind == b"X":
                release(child)
                _raise_for(payload)
            header = json.loads(payload)
            chunks: list[bytes] = []
            held = 0
            while held < hold or not chunks:
                kind, payload = child.read_frame(deadline)
                if kind == b"D":
                    chunks.append(payload)
                    held += len(payload)
                    continue
                release(child)
                if kind == b"X":
                    _raise_for(payload)
                return Reply(header, chunks)
        except TimeoutError:
            self._replace(child)
            raise errors.QueryTimeout(
                f"The request ran longer than the {self.timeout:g} s limit and was stopped; "
                "narrow the query (more specific patterns, a LIMIT)."
            ) from None
        except _WorkerGoneError:
            self._replace(child)
            raise errors.StoreError("A store worker stopped unexpectedly; the request was not completed.") from None
        return Reply(header, _Stream(self, child, chunks, deadline if not stream_idle else None, release))

    def _release(self, child: Child) -> None:
        self._idle.put(child)

    def _replace(self, child: Child) -> None:
        child.kill()
        if child is self._writer:
            self._writer = Child(self.store_path, "writer", self.service_allow)
        else:
            self._idle.put(Child(self.store_path, "reader", self.service_allow))

    # -- writing ---------------------------------------------------------------------------

    def update(self, request: dict) -> None:
        """Apply an update through the writer, then point the query workers at its snapshot.

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
            reply = self._exchange(
                self._writer,
                {**request, "snapshot_dir": str(self._snapshot_dir)},
                time.monotonic() + timeout,
                False,
                lambda child: None,
            )
            self._snapshots.append(reply.header["snapshot"])
            self.current = self._snapshots[-1]
            for old in self._snapshots[: -1 - KEEP_SNAPSHOTS]:
                shutil.rmtree(old, ignore_errors=True)
            del self._snapshots[: -1 - KEEP_SNAPSHOTS]
