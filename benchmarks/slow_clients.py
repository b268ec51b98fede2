"""Slow clients against ``kg serve``: a plain query's p99 latency while 1,000 slow connections are open.

Half of the slow connections send a request line and headers a byte a second; the other half send
a request line and some headers without the final blank line, then nothing. Whenever the server
closes one (its header timeout), another takes its place, so that 1,000 stay open throughout.
They come from 127.0.0.2, 127.0.0.3, ..., ``PER_ADDRESS`` from each, under the server's
per-client cap (which would otherwise refuse most of them: a defence of its own, tested in
``tests/test_slow_clients.py``). A plain query is then sent every ``PACE`` seconds, each on a new
connection as a new client's would be, and its p99 latency is printed next to the same figure on
the same server with no slow connection open, the two phases taking turns.
"""

from __future__ import annotations

import contextlib
import http.client
import selectors
import socket
import statistics
import threading
import time
import urllib.parse
from pathlib import Path

from benchmarks import data
from benchmarks.http import RESULTS_JSON, THROUGHPUT_ENTITIES, free_port, kg_serve, query_url, serving, store_from_dump
from benchmarks.measure import Figure, note
from server.serve import raise_file_limit

SLOW_CONNECTIONS = 1000
#: Slow connections from each source address (the server's default cap is 100).
PER_ADDRESS = 50
#: Seconds each phase lasts: longer than the default header timeout, so that the server closes
#: slow connections (and they are replaced) while queries are measured.
PHASE_SECONDS = 12.0
#: Seconds between two plain queries.
PACE = 0.04
#: The start of a request that never ends: no blank line after the headers.
UNFINISHED = b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-client\r\n"
#: What a trickling connection sends, a byte a second (it never reaches the end of its headers).
TRICKLED = UNFINISHED + b"X-Padding: " + b"a" * 4096


class SlowClients:
    """``count`` slow connections to ``host:port``, kept open by a thread until the block ends.

    Connection ``i`` comes from 127.0.0.(2 + i // per_address); even ones trickle, odd ones
    stall. ``closed`` records, for each connection the server closed, the seconds it was open and
    the first bytes it was answered.

    Args:
        trickle_every: seconds between the bytes a trickling connection sends.
        reopen: replace each connection the server closes.
    """

    def __init__(self, host: str, port: int, count: int, per_address: int = PER_ADDRESS,
                 trickle_every: float = 1.0, reopen: bool = True):
        self.target = (host, port)
        self.count, self.per_address = count, per_address
        self.trickle_every, self.reopen = trickle_every, reopen
        self.closed: list[tuple[float, bytes]] = []
        self._opened: dict[socket.socket, tuple[int, float, int]] = {}  # slot, when, bytes sent
        self._selector = selectors.DefaultSelector()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="slow-clients")

    def __enter__(self) -> SlowClients:
        raise_file_limit(self.count + 1024)
        for slot in range(self.count):
            self._open(slot)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        for sock in list(self._opened):
            sock.close()
        self._selector.close()

    @property
    def open(self) -> int:
        """Connections open now."""
        return len(self._opened)

    def _open(self, slot: int) -> None:
        source = f"127.0.0.{2 + slot // self.per_address}"
        sock = socket.create_connection(self.target, timeout=10, source_address=(source, 0))
        first = UNFINISHED if slot % 2 else TRICKLED[:1]
        sock.sendall(first)
        sock.setblocking(False)
        self._opened[sock] = (slot, time.monotonic(), len(first))
        self._selector.register(sock, selectors.EVENT_READ)

    def _run(self) -> None:
        next_trickle = time.monotonic() + self.trickle_every
        while not self._stop.is_set():
            for key, _ in self._selector.select(timeout=0.05):
                self._closed_by_server(key.fileobj)  # readable: the server's answer, or its close
            if time.monotonic() >= next_trickle:
                next_trickle += self.trickle_every
                for sock, (slot, opened, sent) in list(self._opened.items()):
                    if slot % 2 == 0 and sent < len(TRICKLED):
                        with contextlib.suppress(OSError):
                            sock.send(TRICKLED[sent:sent + 1])
                            self._opened[sock] = (slot, opened, sent + 1)

    def _closed_by_server(self, sock: socket.socket) -> None:
        try:
            answer = sock.recv(64)
        except OSError:
            answer = b""
        slot, opened, _ = self._opened.pop(sock)
        self.closed.append((time.monotonic() - opened, answer))
        self._selector.unregister(sock)
        sock.close()
        if self.reopen:
            self._open(slot)


def plain_query_latencies(url: str, seconds: float, pace: float = PACE) -> list[float]:
    """Milliseconds of plain GET queries, each on a new connection, one every ``pace`` s for ``seconds``.

    Raises:
        RuntimeError: a query was not answered 200.
    """
    parts = urllib.parse.urlsplit(url)
    target = f"{parts.path}?{parts.query}"
    timings: list[float] = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.perf_counter()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        connection.request("GET", target, headers={"Accept": RESULTS_JSON})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}: {body[:200]!r}")
        timings.append((time.perf_counter() - started) * 1000)
        time.sleep(max(0.0, pace - (time.perf_counter() - started)))
    return timings


def p99(values: list[float]) -> float:
    """The 99th percentile."""
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def slow_clients(work: Path, repeats: int) -> list[Figure]:
    """A plain query's p99 with 1,000 slow connections open, against none, in turns."""
    _, store = store_from_dump(work, "small", THROUGHPUT_ENTITIES)
    port = free_port()
    url = query_url(f"http://127.0.0.1:{port}/sparql", data.SIMPLE_SELECT)
    quiet: list[float] = []
    attacked: list[float] = []
    closed = opened = 0
    with serving("kg serve", kg_serve(store, port), url, work / "serve-slow.log"):
        plain_query_latencies(url, 1.0)  # warm-up
        for turn in range(repeats):
            note(f"slow clients: turn {turn + 1} of {repeats} ({2 * PHASE_SECONDS:.0f} s)")
            quiet += plain_query_latencies(url, PHASE_SECONDS)
            with SlowClients("127.0.0.1", port, SLOW_CONNECTIONS) as clients:
                attacked += plain_query_latencies(url, PHASE_SECONDS)
                closed += len(clients.closed)
                opened += SLOW_CONNECTIONS + len(clients.closed)
    ours, peer = p99(attacked), p99(quiet)
    return [
        Figure(f"plain query p99, {SLOW_CONNECTIONS:,} slow conns", f"{ours:.1f} ms",
               f"no slow connection: p99 {peer:.1f} ms", ours / peer, "p99 <= 1 s", ours <= 1000),
        Figure("  slow connections the server closed", f"{closed} of {opened}",
               f"{len(attacked)} queries, median {statistics.median(attacked):.1f} ms", 1.0, "-", None),
    ]
