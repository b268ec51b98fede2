"""Each server process's front: a request is read whole before it takes a thread.

gunicorn's threaded worker hands a connection to one of its threads as soon as a byte arrives,
and the thread then reads the request line, headers and body blocking: a client sending its
headers a byte a second, or stopping before the blank line, holds that thread (eight per process)
as long as it likes, and a few dozen such clients leave none for anyone else. ``FrontWorker``
keeps everything of gunicorn's worker (its event loop, thread pool, keep-alive, heartbeat,
graceful retirement, access log) but reads each request on the event loop into a buffer first,
and hands it to a thread only once it is whole (``server/framing.py``); the thread's parser then
reads from that buffer and never waits on the client. On the event loop:

- the request line and headers must arrive within ``--header-timeout`` seconds of the connection
  (of the first byte, on a kept-alive one): else 408, or a silent close if nothing came at all;
- a body that stalls for ``--body-timeout`` seconds, or averages under ``MIN_BODY_RATE`` after
  that long, gets 408; one over ``--max-request-bytes``
  (by its Content-Length, or as its chunks arrive) gets 413 at once;
- one client address holds at most ``--client-connections`` connections at once across all the
  server's processes (``ClientTable``); past that a new connection is answered 429 and closed.
"""

from __future__ import annotations

import errno
import mmap
import selectors
import socket
import time
import zlib
from dataclasses import dataclass
from http import HTTPStatus

from gunicorn.workers.gthread import TConn, ThreadWorker

from server.framing import Refusal, RequestReader

#: Columns of the client table: addresses hashed to one column share its count (and cap).
BUCKETS = 4096
#: Bytes a second a request body must average once it has been arriving for ``--body-timeout``
#: seconds (as Apache's mod_reqtimeout MinRate): a body trickled a byte at a time, never
#: stalling long enough for the timeout, is refused all the same.
MIN_BODY_RATE = 500
#: Seconds between sweeps of the connections being read for passed deadlines.
SWEEP_INTERVAL = 0.25


class ClientTable:
    """Open connections per client address, counted across the server's processes.

    An anonymous shared mapping, made before the processes fork, with one row per process that
    only that process's event loop writes (so no lock). The arbiter gives each new process a free
    row and clears it when the process has exited, so a process that dies, even killed, takes its
    counts with it. A process started when no row is free counts in a private row.

    Args:
        rows: rows to share (processes alive at once, counting those retiring).
        cap: connections one address may hold; 0 for no cap.
    """

    def __init__(self, rows: int, cap: int):
        self.cap = cap
        self._shared = memoryview(mmap.mmap(-1, rows * BUCKETS * 4)).cast("i")
        self._free = list(range(rows))
        self._rows = [self._shared[row * BUCKETS:(row + 1) * BUCKETS] for row in range(rows)]
        self._own = self._rows[0]
        self._private: list[memoryview] = []

    # -- the arbiter's side (gunicorn's pre_fork and child_exit hooks) -------------------------

    def claim(self, _arbiter: object, worker: object) -> None:
        """Give a process about to be forked a free row (``worker.client_row``, None if none)."""
        worker.client_row = self._free.pop() if self._free else None  # type: ignore[attr-defined]

    def release(self, _arbiter: object, worker: object) -> None:
        """Clear an exited process's row and make it free again."""
        row = getattr(worker, "client_row", None)
        if row is not None:
            self._rows[row][:] = memoryview(bytes(BUCKETS * 4)).cast("i")
            self._free.append(row)

    # -- a process's side -----------------------------------------------------------------------

    def attach(self, row: int | None) -> None:
        """Count this process's connections in ``row`` (a private one when None)."""
        if row is None:
            self._own = memoryview(bytearray(BUCKETS * 4)).cast("i")
            self._private = [self._own]
        else:
            self._own = self._rows[row]

    def open(self, address: str) -> int | None:
        """Count a new connection from ``address``: its column, or None when the address is at its cap."""
        column = zlib.crc32(address.encode()) % BUCKETS
        if self.cap and sum(row[column] for row in self._rows + self._private) >= self.cap:
            return None
        self._own[column] += 1
        return column

    def close(self, column: int) -> None:
        """Count a connection's end."""
        self._own[column] -= 1


@dataclass(frozen=True)
class FrontLimits:
    """What the front enforces (the settings of the same names)."""

    header_timeout: float
    body_timeout: float
    max_request_bytes: int
    clients: ClientTable


class _Connection(TConn):
    """gunicorn's connection, with the request being read and the client's count to give back."""

    def __init__(self, worker: FrontWorker, sock: socket.socket, client: object, server: object, column: int):
        super().__init__(worker.cfg, sock, client, server)
        self.reader: RequestReader | None = None
        self.deadline = 0.0
        self.body_started: float | None = None
        self._clients: ClientTable | None = worker.limits.clients
        self._column = column

    def close(self, graceful: bool = False) -> None:
        if self._clients is not None:
            self._clients.close(self._column)
            self._clients = None
        super().close(graceful)


def _reply(status: int, message: str) -> bytes:
    body = (message + "\n").encode()
    return (f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body


class FrontWorker(ThreadWorker):
    """gunicorn's threaded worker, reading each request whole on its event loop first.

    Its limits come from the application (``app.front_limits``); the arbiter must call
    ``ClientTable.claim`` and ``release`` as its ``pre_fork`` and ``child_exit`` hooks.
    """

    def init_process(self) -> None:
        self.limits: FrontLimits = self.app.front_limits
        self.limits.clients.attach(getattr(self, "client_row", None))
        self.reading: set[_Connection] = set()
        self._next_sweep = 0.0
        super().init_process()  # runs the event loop

    def accept(self, listener: socket.socket) -> None:
        """Accept a connection and start reading its first request, unless its client is at the cap."""
        try:
            sock, address = listener.accept()
        except OSError as exc:
            # Out of file descriptors (the run loop stops accepting before, at worker_connections):
            # the connection waits in the backlog rather than ending this process.
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK, errno.EMFILE, errno.ENFILE):
                raise
            return
        client = _client(address)
        column = self.limits.clients.open(client)
        if column is None:
            message = f"Too many connections from {client}: at most {self.limits.clients.cap} at once."
            self.log.info("Refused %s: 429 %s", client, message)
            sock.setblocking(False)
            _send(sock, _reply(429, message))
            sock.close()
            return
        self.nr_conns += 1
        conn = _Connection(self, sock, address, listener.getsockname(), column)
        self.poller.register(conn.sock, selectors.EVENT_READ, lambda _sock: self.on_client_socket_readable(conn, _sock))
        self._start_reading(conn)

    def enqueue_req(self, conn: _Connection) -> None:
        """A kept-alive connection holding the start of its next request (read with the one before):
        read the rest on the event loop first."""
        conn.sock.setblocking(False)
        self.poller.register(conn.sock, selectors.EVENT_READ, lambda _sock: self.on_client_socket_readable(conn, _sock))
        self._start_reading(conn, conn.parser.unreader.take_buffered())

    def on_client_socket_readable(self, conn: _Connection, client: socket.socket) -> None:
        """Bytes from a client: the first of a kept-alive connection's next request, or more of one."""
        if conn not in self.reading:
            self.keepalived_conns.remove(conn)
            self._start_reading(conn)
        try:
            data = conn.sock.recv(1 << 16)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._drop(conn)
            return
        self._received(conn, data)

    def handle(self, conn: _Connection):  # type: ignore[no-untyped-def]
        """Serve a whole request on a thread: gunicorn's parser reads it from the buffer."""
        conn.init()
        assert conn.reader is not None
        conn.parser.unreader.unread(bytes(conn.reader.data))
        conn.reader = None
        return super().handle(conn)

    def murder_pending(self) -> None:
        """Close the connections whose request did not arrive in time (called by the event loop)."""
        super().murder_pending()
        now = time.monotonic()
        if now < self._next_sweep:
            return
        self._next_sweep = now + SWEEP_INTERVAL
        for conn in [conn for conn in self.reading if conn.deadline <= now]:
            assert conn.reader is not None
            if not conn.reader.data:
                self._drop(conn)  # nothing sent at all: an idle or speculative connection
            elif conn.reader.head_end is None:
                self._refuse(conn, 408, f"The request line and headers did not arrive within "
                                        f"{self.limits.header_timeout:g} s.")
            else:
                self._refuse(conn, 408, f"The request body stalled for {self.limits.body_timeout:g} s or came slower "
                                        f"than {MIN_BODY_RATE} bytes/s; send it whole.")

    # -- reading a request ----------------------------------------------------------------------

    def _start_reading(self, conn: _Connection, data: bytes = b"") -> None:
        conn.reader = RequestReader(self.limits.max_request_bytes)
        conn.deadline = time.monotonic() + self.limits.header_timeout
        conn.body_started = None
        self.reading.add(conn)
        if data:
            self._received(conn, data)

    def _received(self, conn: _Connection, data: bytes) -> None:
        reader = conn.reader
        assert reader is not None
        try:
            reader.feed(data)
        except Refusal as refusal:
            self._refuse(conn, refusal.status, refusal.message)
            return
        if reader.complete:
            self.reading.discard(conn)
            self.poller.unregister(conn.sock)
            super().enqueue_req(conn)
        elif reader.head_end is not None:
            # A body may stall for body_timeout, and must average MIN_BODY_RATE after that long.
            now = time.monotonic()
            if conn.body_started is None:
                conn.body_started = now
            received = len(reader.data) - reader.head_end
            conn.deadline = min(now, conn.body_started + received / MIN_BODY_RATE) + self.limits.body_timeout
            if reader.expects_continue:
                reader.drop_expectation()
                _send(conn.sock, b"HTTP/1.1 100 Continue\r\n\r\n")

    def _refuse(self, conn: _Connection, status: int, message: str) -> None:
        self.log.info("Refused %s: %d %s", _client(conn.client), status, message)
        _send(conn.sock, _reply(status, message))
        self._drop(conn)

    def _drop(self, conn: _Connection) -> None:
        self.reading.discard(conn)
        self.poller.unregister(conn.sock)
        self.nr_conns -= 1
        conn.close()


def _client(address: object) -> str:
    """A client's address as the cap counts it (a Unix socket's clients are one)."""
    return address[0] if isinstance(address, tuple) else "local"


def _send(sock: socket.socket, data: bytes) -> None:
    """Send a short reply without waiting: whatever the socket takes now (all of it, in practice)."""
    try:
        sock.send(data)
    except OSError:
        pass
