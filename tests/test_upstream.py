"""kg serve --upstream: the query page, pages, guard, limits and exports in front of a real remote
SPARQL store (Oxigraph's own server; Virtuoso from Debian where installed), over real sockets."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.rdf import get_format
from kg.store import GraphStore
from server.upstream import bind_values
from tests.conftest import (
    HTML,
    PERSON,
    PROTOCOL_CHECK,
    ROOT,
    SERVER_FIXTURE_GRAPH,
    answers,
    run_server,
    running,
    sparql,
)
from tests.test_cluster import free_port
from tests.test_dumps import ISQL, VIRTUOSO, virtuoso  # noqa: F401 - the fixture, shared
from tests.test_push import OXIGRAPH

needs_oxigraph = pytest.mark.skipif(not OXIGRAPH.exists(), reason="no oxigraph server binary: pip install oxigraph")
#: The external conformance check lives in the shared material beside the clone, as test_server expects it.
needs_protocol_check = pytest.mark.skipif(
    not PROTOCOL_CHECK.exists(), reason=f"the conformance check is not at {PROTOCOL_CHECK} (shared/ beside the clone)"
)


def start_oxigraph(folder: Path) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve`` on a free loopback port, its default graph the union of its graphs (as the
    pages' queries expect: Virtuoso's default, Fuseki's ``unionDefaultGraph``)."""
    url = f"http://127.0.0.1:{free_port()}"
    with (folder / "oxigraph.log").open("wb") as log:
        process = subprocess.Popen(
            [str(OXIGRAPH), "serve", "--location", str(folder / "remote"), "--bind", url.removeprefix("http://"),
             "--union-default-graph"],
            stdout=log, stderr=subprocess.STDOUT,
        )
    return process, url


@pytest.fixture(scope="module")
def remote(server_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Oxigraph's server holding what the embedded live server holds, pushed with ``kg push``."""
    folder = tmp_path_factory.mktemp("upstream")
    process, url = start_oxigraph(folder)
    with running(process, lambda: answers(url + "/query?query=ASK%7B%7D"), (folder / "oxigraph.log").read_text):
        pushed = subprocess.run(
            [sys.executable, "-m", "kg", "push", "--store", str(server_store), "--update-url", url + "/update",
             "--graph-store-url", url + "/store", "-q"],
            capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
        )
        assert pushed.returncode == 0, pushed.stderr
        yield url


@pytest.fixture(scope="module", params=["queries", "graph-store"])
def upstream_server(request, remote: str, server_store: Path, tmp_path_factory: pytest.TempPathFactory):
    """``kg serve --upstream`` in front of ``remote``: dumps by queries alone, or by its Graph Store."""
    options = ["--upstream", remote + "/query", "--workers", "1", "--upstream-header", "X-Isnad-Test: yes"]
    if request.param == "graph-store":
        options += ["--upstream-store", remote + "/store"]
    # --store names the embedded store, which an upstream server must not read: a missing one.
    with run_server(tmp_path_factory.mktemp("none") / "absent", tmp_path_factory.mktemp("logs") / "up.log",
                    *options) as server:
        yield server


def embedded_export(store: Path, fmt: str) -> bytes:
    out = io.BytesIO()
    with GraphStore(store, read_only=True) as opened:
        opened.export(out, get_format(fmt))
    return out.getvalue()


@needs_oxigraph
def test_queries_answer_as_the_embedded_store_does(upstream_server, server_store) -> None:
    query = "SELECT ?p ?label WHERE { ?p a isnad:Person ; rdfs:label ?label } ORDER BY ?p ?label"
    answer = sparql(upstream_server, query)
    assert answer.status_code == 200, answer.text
    with GraphStore(server_store, read_only=True) as store:
        expected = [(row["p"].value, row["label"].value) for row in store.query(query)]
    got = [(row["p"]["value"], row["label"]["value"]) for row in answer.json()["results"]["bindings"]]
    assert got == expected and len(got) > 20
    csv = requests.get(upstream_server.url + "/sparql", params={"query": query, "format": "csv"}, timeout=30)
    assert csv.headers["Content-Type"].startswith("text/csv") and csv.text.count("\n") == len(expected) + 1
    page = requests.get(upstream_server.url + "/?query=ASK%7B%7D", headers=HTML, timeout=30)
    assert page.status_code == 200 and "/static/query.js" in page.text
    completions = requests.get(upstream_server.url + "/completions.json", timeout=30).json()
    assert {"iri": "https://w3id.org/isnad/ontology#Person", "kind": "class"}.items() <= next(
        term for term in completions["terms"] if term["iri"].endswith("#Person")).items()


@needs_oxigraph
def test_guard_refuses_service_and_updates(upstream_server) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.5)
    try:
        port = listener.getsockname()[1]
        refused = sparql(upstream_server, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}")
        assert refused.status_code == 400 and "is refused" in refused.text and refused.text.count("\n") == 1
        with pytest.raises(TimeoutError):
            listener.accept()  # neither this server nor the upstream called out
    finally:
        listener.close()
    update = requests.post(upstream_server.url + "/update", data={"update": "CLEAR ALL"}, timeout=30)
    assert update.status_code == 403 and "read-only" in update.text
    assert sparql(upstream_server, "ASK { ?s a isnad:Person }").json()["boolean"] is True


@needs_oxigraph
def test_pages_are_the_embedded_servers_pages(upstream_server, live_server) -> None:
    dialogue = sparql(live_server, "SELECT ?d WHERE { ?d a isnad:Dialogue ; isnad:startDate ?date } LIMIT 1")
    for iri in (PERSON, dialogue.json()["results"]["bindings"][0]["d"]["value"]):
        path = "/id/" + iri.removeprefix("https://w3id.org/isnad/id/")
        pages = [requests.get(server.url + path, headers=HTML, timeout=30) for server in (upstream_server, live_server)]
        assert [page.status_code for page in pages] == [200, 200]
        assert '<svg class="timeline"' in pages[0].text
        assert pages[0].text.replace(upstream_server.url, "") == pages[1].text.replace(live_server.url, "")
    path = "/id/" + PERSON.removeprefix("https://w3id.org/isnad/id/")
    turtle = requests.get(upstream_server.url + path, headers={"Accept": "text/turtle"}, timeout=30)
    assert turtle.status_code == 200 and len(Graph().parse(data=turtle.text, format="turtle")) > 5
    missing = requests.get(upstream_server.url + "/id/person/nobody-at-all", timeout=30)
    assert missing.status_code == 404


@needs_oxigraph
def test_exports_equal_the_embedded_exports(upstream_server, server_store) -> None:
    turtle = requests.get(upstream_server.url + "/export.ttl", timeout=60)
    assert turtle.status_code == 200, turtle.text
    ours, theirs = Graph().parse(data=turtle.content, format="turtle"), Graph()
    theirs.parse(data=embedded_export(server_store, "turtle"), format="turtle")
    assert len(ours) > 3000 and isomorphic(ours, theirs)
    trig = requests.get(upstream_server.url + "/export.trig", timeout=60)
    quads = Dataset().parse(data=trig.content, format="trig")
    expected = Dataset().parse(data=embedded_export(server_store, "trig"), format="trig")
    assert set(quads.quads()) == set(expected.quads())
    graphml = requests.get(upstream_server.url + "/export.graphml", timeout=60)
    assert graphml.content == embedded_export(server_store, "graphml")
    missing = requests.get(upstream_server.url + "/export.ttl", params={"graph": "urn:x:absent"}, timeout=30)
    assert missing.status_code == 404


@needs_oxigraph
@needs_protocol_check
def test_protocol_check_passes_through_the_upstream(upstream_server) -> None:
    checked = subprocess.run(
        [sys.executable, str(PROTOCOL_CHECK), upstream_server.url + "/sparql", "--fixture-loaded"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert checked.returncode == 0 and " 0 failed" in checked.stdout, checked.stdout[-3000:]


@contextlib.contextmanager
def serve_upstream(url: str, log: Path, *options: str) -> Iterator[str]:
    """``kg serve --upstream url`` until the block ends; ready when its query page answers (which
    reads no store)."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--upstream", url, "--port", str(port), "--workers", "1", *options],
            stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=os.environ.copy(),
        )
    base = f"http://127.0.0.1:{port}"
    with running(process, lambda: answers(base + "/"), log.read_text):
        yield base


def assert_one_line(response: requests.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert response.text.count("\n") == 1 and words in response.text and "Traceback" not in response.text


def test_unreachable_upstream_is_502_in_one_line(tmp_path) -> None:
    closed = f"http://127.0.0.1:{free_port()}/query"
    with serve_upstream(closed, tmp_path / "serve.log") as base:
        assert_one_line(requests.get(base + "/sparql", params={"query": "ASK {}"}, timeout=30), 502, "Cannot reach")
        assert_one_line(requests.get(base + "/export.nq", timeout=30), 502, "Cannot reach")
        page = requests.get(base + "/id/person/x", headers=HTML, timeout=30)
        assert page.status_code == 502 and "Cannot reach the upstream store" in page.text
    assert "Traceback" not in (tmp_path / "serve.log").read_text()


def test_silent_upstream_is_504_at_the_time_limit(tmp_path) -> None:
    """An upstream that accepts the connection and never answers: 504 at --query-timeout."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    threading.Thread(target=lambda: held.append(listener.accept()[0]), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
        with serve_upstream(url, tmp_path / "serve.log", "--query-timeout", "1") as base:
            started = time.monotonic()
            answer = requests.get(base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, timeout=30)
            assert_one_line(answer, 504, "did not answer within")
            assert time.monotonic() - started < 5
    finally:
        listener.close()
        for connection in held:
            connection.close()


def test_errors_the_upstream_answers_are_one_line(tmp_path) -> None:
    """A recording upstream: it gets the headers and the bound query; its 400 and 500 come back as 400 and 502."""
    seen: list[tuple[str, str]] = []

    class Upstream(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            from urllib.parse import parse_qs

            query = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())["query"][0]
            seen.append((self.headers["Authorization"], query))
            status, body = (400, "Parse error: unexpected token\nat line 3") if "BROKEN" in query else (500, "boom")
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args: object) -> None:
            pass

    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{upstream.server_port}/sparql"
        with serve_upstream(url, tmp_path / "serve.log", "--upstream-header", "Authorization: Bearer s3cret") as base:
            broken = requests.get(base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p BROKEN }"}, timeout=30)
            assert_one_line(broken, 400, "refused the query: Parse error: unexpected token at line 3")
            assert_one_line(requests.get(base + "/sparql", params={"query": "ASK {}"}, timeout=30), 502, "answered 500")
    finally:
        upstream.shutdown()
        upstream.server_close()
    assert seen and all(auth == "Bearer s3cret" for auth, _ in seen)
    assert "PREFIX isnad: <https://w3id.org/isnad/ontology#>" in seen[0][1]


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--upstream", "ftp://example.org/sparql"], "is not an http(s) URL"),
        (["--upstream", "http://127.0.0.1:1/q", "--upstream-header", "no colon"], "is not 'Name: value'"),
        (["--upstream", "http://127.0.0.1:1/q", "--allow-update"], "--allow-update cannot be used with --upstream"),
    ],
)
def test_bad_upstream_options_are_one_line(runner, arguments, message) -> None:
    from kg.cli import cli

    result = runner.invoke(cli, ["serve", "--port", "0", *arguments], env={"ISNAD_UPDATE_TOKEN": "t"})
    assert result.exit_code == 1 and message in result.output and result.output.count("\n") == 1, result.output


@pytest.mark.parametrize(
    "query, bound",
    [
        ("SELECT ?p WHERE { ?x ?p ?o }", "SELECT ?p WHERE { VALUES (?x) { (<urn:x:a>) }  ?x ?p ?o }"),
        ("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }",
         "CONSTRUCT { ?x ?p ?o } WHERE { VALUES (?x) { (<urn:x:a>) }  ?x ?p ?o }"),
        ("ASK { ?x a ?c }", "ASK { VALUES (?x) { (<urn:x:a>) }  ?x a ?c }"),
        ("# a {comment}\nSELECT (COUNT(*) AS ?n) { ?x ?p \"{\" }",
         "# a {comment}\nSELECT (COUNT(*) AS ?n) { VALUES (?x) { (<urn:x:a>) }  ?x ?p \"{\" }"),
    ],
)
def test_bound_variables_open_the_where_group(query: str, bound: str) -> None:
    assert bind_values(query, {"x": "urn:x:a"}) == bound


needs_virtuoso = pytest.mark.skipif(
    not (VIRTUOSO and ISQL), reason="Virtuoso is not installed (Debian: apt-get install virtuoso-opensource-7-bin)."
)


@pytest.fixture(scope="module")
def virtuoso_upstream(virtuoso, server_store: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: F811
    """``kg serve --upstream`` in front of Debian's Virtuoso 7.2, loaded with a TriG dump of the served store."""
    dump = virtuoso.folder / "served.trig"
    dump.write_bytes(embedded_export(server_store, "trig"))
    virtuoso.load(dump)
    with run_server(tmp_path_factory.mktemp("none") / "absent", tmp_path_factory.mktemp("logs") / "virtuoso-up.log",
                    "--upstream", virtuoso.endpoint, "--workers", "1") as server:
        yield server


@needs_virtuoso
def test_virtuoso_upstream(virtuoso_upstream, live_server, server_store) -> None:
    count = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a isnad:Person }"
    answers_ = [sparql(server, count).json()["results"]["bindings"][0]["n"]["value"]
                for server in (virtuoso_upstream, live_server)]
    assert answers_[0] == answers_[1] != "0"
    # Virtuoso 7.2 answers ASK as a SELECT of one 0/1 row; clients get a SPARQL boolean.
    assert sparql(virtuoso_upstream, "ASK { ?s a isnad:Person }").json() == {"head": {}, "boolean": True}
    refused = sparql(virtuoso_upstream, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert refused.status_code == 400 and "is refused" in refused.text
    path = "/id/" + PERSON.removeprefix("https://w3id.org/isnad/id/")
    pages = [requests.get(server.url + path, headers=HTML, timeout=30) for server in (virtuoso_upstream, live_server)]
    assert [page.status_code for page in pages] == [200, 200]
    # The same page; Virtuoso orders literals of different languages its own way.
    lines = [sorted(page.text.replace(server.url, "").splitlines())
             for page, server in zip(pages, (virtuoso_upstream, live_server), strict=True)]
    assert lines[0] == lines[1]
    exported = requests.get(virtuoso_upstream.url + "/export.ttl", params={"graph": SERVER_FIXTURE_GRAPH}, timeout=60)
    out = io.BytesIO()
    with GraphStore(server_store, read_only=True) as store:
        store.export(out, get_format("turtle"), SERVER_FIXTURE_GRAPH)
    ours, theirs = Graph().parse(data=exported.content, format="turtle"), Graph().parse(data=out.getvalue())
    assert len(ours) > 50 and isomorphic(ours, theirs)
    if not PROTOCOL_CHECK.exists():
        pytest.skip(f"the conformance check is not at {PROTOCOL_CHECK} (shared/ beside the clone)")
    checked = subprocess.run(
        [sys.executable, str(PROTOCOL_CHECK), virtuoso_upstream.url + "/sparql", "--fixture-loaded"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert checked.returncode == 0 and " 0 failed" in checked.stdout, checked.stdout[-3000:]
