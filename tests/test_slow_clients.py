"""Slow and idle clients against a real ``kg serve``: they hold no server thread, and are closed.

Three hundred connections from 16 addresses send a request line and headers a few bytes a second
or stop before the blank line that ends them. Under gunicorn's plain threaded worker (two
processes, sixteen threads) they left a plain query unanswered past the header timeout, and no
address was refused. Here a plain query is still answered promptly, every slow connection is
answered 408 and closed once the header timeout has passed (not before), an address holding
its cap of connections is refused more, across both processes, and a body trickled in without
ever stalling is refused once it has been arriving for the body timeout.
"""

from __future__ import annotations

import contextlib
import socket
import statistics
import time

import pytest
import requests

from benchmarks.slow_clients import SlowClients
from tests.conftest import run_server

HEADER_TIMEOUT = 3
BODY_TIMEOUT = 2
CAP = 20
SLOW = 300


@pytest.fixture(scope="module")
def server(server_store, tmp_path_factory: pytest.TempPathFactory):
    """A read-only server with two processes, a short header timeout and a small per-client cap."""
    log = tmp_path_factory.mktemp("slow-clients") / "server.log"
    options = ("--workers", "2", "--header-timeout", str(HEADER_TIMEOUT), "--body-timeout", str(BODY_TIMEOUT),
               "--client-connections", str(CAP))
    with run_server(server_store, log, *options) as live:
        yield live


def _address(server) -> tuple[str, int]:
    host, port = server.url.split("//")[1].split(":")
    return host, int(port)


def test_slow_clients_hold_no_thread_and_are_closed_after_the_header_timeout(server):
    host, port = _address(server)
    with SlowClients(host, port, SLOW, per_address=CAP - 1, trickle_every=0.5, reopen=False) as clients:
        opened = time.monotonic()
        time.sleep(0.5)  # every slow connection has sent its first bytes
        waits = []
        for _ in range(20):
            started = time.monotonic()
            response = requests.get(server.url + "/sparql", params={"query": "ASK {}"}, timeout=HEADER_TIMEOUT)
            waits.append(time.monotonic() - started)
            assert response.status_code == 200
        assert statistics.median(waits) < 0.5 and max(waits) < 2, f"plain queries waited {waits}"
        while clients.open and time.monotonic() - opened < HEADER_TIMEOUT + 5:
            time.sleep(0.1)
        assert clients.open == 0, f"{clients.open} of {SLOW} slow connections still open"
    lasted = [seconds for seconds, _ in clients.closed]
    assert min(lasted) >= HEADER_TIMEOUT - 0.2, f"a slow connection was closed after {min(lasted):.1f} s"
    answers = {answer.split(b"\r\n")[0] for _, answer in clients.closed}
    assert answers == {b"HTTP/1.1 408 Request Timeout"}


def _connections(server, source: str, count: int) -> list[socket.socket]:
    return [socket.create_connection(_address(server), timeout=5, source_address=(source, 0)) for _ in range(count)]


def _refused(connections: list[socket.socket]) -> int:
    time.sleep(1.0)  # both processes have accepted (or refused) every connection
    refused = 0
    for connection in connections:
        connection.setblocking(False)
        try:
            answer = connection.recv(64)
        except BlockingIOError:
            continue  # still open, waiting for a request
        assert answer.startswith(b"HTTP/1.1 429 Too Many Requests"), answer
        refused += 1
    return refused


def test_an_address_over_its_cap_is_refused_and_its_count_goes_back_down(server):
    connections = _connections(server, "127.0.0.200", CAP + 5)
    try:
        assert _refused(connections) == 5
    finally:
        for connection in connections:
            connection.close()
    time.sleep(0.5)  # the server has seen them close
    connections = _connections(server, "127.0.0.200", CAP)
    try:
        assert _refused(connections) == 0
        other = requests.get(server.url + "/sparql", params={"query": "ASK {}"}, timeout=5)
        assert other.status_code == 200, "another address is refused too"
    finally:
        for connection in connections:
            connection.close()


def _read_until(connection: socket.socket, end: bytes) -> bytes:
    answer = b""
    while end not in answer:
        chunk = connection.recv(4096)
        assert chunk, answer
        answer += chunk
    return answer


def test_a_request_sent_in_pieces_is_answered_whole_and_continued_once(server):
    # the front buffers it until its last chunk, answering "100 Continue" itself, once
    head = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Expect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n")
    body = b"".join(b"1\r\n%c\r\n" % byte for byte in b"ASK {}") + b"0\r\n\r\n"
    with socket.create_connection(_address(server), timeout=10) as connection:
        for start in range(0, len(head), 7):
            connection.sendall(head[start:start + 7])
            time.sleep(0.01)
        assert _read_until(connection, b"\r\n\r\n") == b"HTTP/1.1 100 Continue\r\n\r\n"
        for start in range(0, len(body), 5):
            connection.sendall(body[start:start + 5])
            time.sleep(0.01)
        answer = _read_until(connection, b"true")
    assert answer.startswith(b"HTTP/1.1 200 OK"), answer


def test_a_body_trickled_without_stalling_is_refused_after_the_body_timeout(server):
    # a byte every half second never stalls for the body timeout, but is far under 500 bytes/s
    head = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 200\r\n\r\n"
    with socket.create_connection(_address(server), timeout=10) as connection:
        connection.sendall(head)
        started = time.monotonic()
        connection.setblocking(False)
        answer = b""
        while not answer and time.monotonic() - started < 4 * BODY_TIMEOUT:
            with contextlib.suppress(BlockingIOError):
                answer = connection.recv(64)
            with contextlib.suppress(OSError):
                connection.send(b"#")
            time.sleep(0.5)
        lasted = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408 Request Timeout"), answer
    assert BODY_TIMEOUT - 0.2 <= lasted <= BODY_TIMEOUT + 3, f"refused after {lasted:.1f} s"
