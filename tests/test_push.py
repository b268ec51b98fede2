"""kg push: the store's graphs replaced in a real remote SPARQL store (Oxigraph's own server)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from kg.store import GraphStore
from tests.test_cluster import free_port

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
if not OXIGRAPH.exists():
    OXIGRAPH = Path(shutil.which("oxigraph") or OXIGRAPH)
pytestmark = pytest.mark.skipif(not OXIGRAPH.exists(), reason="no oxigraph server binary: pip install oxigraph")


@pytest.fixture
def remote(tmp_path: Path) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port, with its own store; yields its base URL."""
    url = f"http://127.0.0.1:{free_port()}"
    with (tmp_path / "oxigraph.log").open("wb") as log:
        process = subprocess.Popen(
            [str(OXIGRAPH), "serve", "--location", str(tmp_path / "remote"), "--bind", url.removeprefix("http://")],
            stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, (tmp_path / "oxigraph.log").read_text()
            try:
                if requests.get(url + "/query", params={"query": "ASK {}"}, timeout=5).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "oxigraph serve did not start"
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def remote_quads(url: str) -> set[str]:
    answer = requests.get(url + "/store", headers={"Accept": "application/n-quads"}, timeout=30)
    answer.raise_for_status()
    return {str(quad) for quad in ox.parse(answer.content, format=ox.RdfFormat.N_QUADS)}


def local_quads(store: Path) -> set[str]:
    with GraphStore(store, read_only=True) as opened:
        return {str(quad) for quad in opened.native}


@pytest.mark.parametrize("protocol", ["update", "graph-store"])
def test_push_replaces_every_graph_idempotently(kg, built_store, remote, protocol):
    stale = "<https://example.org/stale> <https://example.org/p> <https://example.org/o>"
    with GraphStore(built_store, read_only=True) as store:
        article = str(next(store.article_graphs()))
    # what an earlier push of an older build left in the remote: replaced, not added to
    requests.post(remote + "/update", data=f"INSERT DATA {{ GRAPH <{article}> {{ {stale} }} }}",
                  headers={"Content-Type": "application/sparql-update"}, timeout=30).raise_for_status()
    options = ["--update-url", remote + "/update", "-q"]
    if protocol == "graph-store":
        options += ["--graph-store-url", remote + "/store"]
    for _ in range(2):
        result = kg("push", "--store", built_store, *options, "--header", "X-Isnad-Test: yes")
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Pushed 7 graphs (") and "graphs/s" in result.stdout
        assert remote_quads(remote) == local_quads(built_store)


def test_remote_errors_are_one_line(kg, built_store, remote):
    result = kg("push", "--store", built_store, "--update-url", remote + "/nope")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: ") and "404" in result.stderr and "Traceback" not in result.output
    result = kg("push", "--store", built_store, "--update-url", remote + "/update", "--header", "no colon")
    assert result.exit_code == 1 and "is not 'Name: value'" in result.stderr
    closed = f"http://127.0.0.1:{free_port()}/update"
    result = kg("push", "--store", built_store, "--update-url", closed)
    assert result.exit_code == 1 and "Cannot reach" in result.stderr and result.stderr.count("\n") == 1


def test_headers_and_graph_store_puts_reach_the_remote(kg, built_store):
    """A recording HTTP server on loopback: each graph is one PUT ?graph=<name> of N-Triples, with the headers."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen: list[tuple[str, str, str, int]] = []

    class Recorder(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_PUT(self) -> None:  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen.append((self.path, self.headers["Authorization"], self.headers["Content-Type"], len(body)))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        result = kg("push", "--store", built_store, "--update-url", url + "/update", "--graph-store-url",
                    url + "/store", "--header", "Authorization: Bearer s3cret", "-q")
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.output
    with GraphStore(built_store, read_only=True) as store:
        names = sorted(node.value for node in store.native.named_graphs())
    from urllib.parse import parse_qs, urlsplit

    assert [parse_qs(urlsplit(path).query)["graph"][0] for path, *_ in seen] == names
    assert {(auth, kind) for _, auth, kind, _ in seen} == {("Bearer s3cret", "application/n-triples")}
    assert all(size > 0 for *_, size in seen)
