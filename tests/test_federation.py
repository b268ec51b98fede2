"""Federated queries from kg query: SERVICE reaches allow-listed endpoints only.

A second SPARQL endpoint runs on 127.0.0.1 (free port) in a thread: a small SPARQL 1.1
Protocol server (GET ``?query=``, POST ``application/sparql-query`` or form-encoded) over an
in-memory Oxigraph store, answering SPARQL JSON results and recording every query it gets.
"""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pyoxigraph as ox
import pytest

from kg import rdf
from kg.model import Article, Entity
from kg.store import GraphStore
from tests.conftest import run_server, sparql

#: What the second endpoint knows: positions held (P39) by Wikidata items, with Arabic labels.
REMOTE_DATA = """
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT DATA {
  wd:Q3700793 wdt:P39 wd:Q1476165 .
  wd:Q1476165 rdfs:label "رئيس وزراء العراق"@ar .
  wd:Q6279 wdt:P39 wd:Q11696 .
}
"""

JOIN = """PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?name ?positionLabel WHERE {{
  ?person a isnad:Person ; rdfs:label ?name ; skos:exactMatch ?item .
  SERVICE <{endpoint}> {{ ?item wdt:P39 ?position . ?position rdfs:label ?positionLabel }}
}}"""


class Endpoint:
    """A SPARQL endpoint over an in-memory store; ``queries`` lists what it was asked."""

    def __init__(self, data: str):
        self.store = ox.Store()
        self.store.update(data)
        self.queries: list[str] = []

    def answer(self, query: str) -> bytes:
        self.queries.append(query)
        out = io.BytesIO()
        self.store.query(query).serialize(out, ox.QueryResultsFormat.JSON)
        return out.getvalue()


def _handler(endpoint: Endpoint) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._reply(dict(parse_qsl(urlsplit(self.path).query)).get("query", ""))

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            form = self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded")
            self._reply(dict(parse_qsl(body)).get("query", "") if form else body)

        def _reply(self, query: str) -> None:
            try:
                body, status = endpoint.answer(query), 200
            except SyntaxError as exc:
                body, status = str(exc).encode("utf-8"), 400
            self.send_response(status)
            self.send_header("Content-Type", "application/sparql-results+json" if status == 200 else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def _serve(endpoint: Endpoint) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(endpoint))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def remote() -> Endpoint:
    """What the second endpoint holds and was asked."""
    return Endpoint(REMOTE_DATA)


@pytest.fixture
def endpoint(remote: Endpoint) -> Iterator[str]:
    """The URL of the second endpoint, running."""
    yield from _serve(remote)


@pytest.fixture
def people_store(store_path: Path) -> Path:
    """A store with one article whose two people are linked to Wikidata."""
    article = Article(source="a.txt", text="قال محمد شياع السوداني وجو بايدن")
    for key, label, qid in (("person/sudani", "محمد شياع السوداني", "Q3700793"), ("person/biden", "جو بايدن", "Q6279")):
        article.entities[key] = Entity(key=key, type="Person", label_ar=label, wikidata=qid)
    with GraphStore(store_path) as store:
        store.replace_graphs([rdf.article_graph(article)[1]])
    return store_path


def test_allow_listed_service_is_reached_and_joined(kg, people_store, endpoint, remote, monkeypatch):
    monkeypatch.setenv("ISNAD_SERVICE_ALLOW", endpoint)
    result = kg("query", JOIN.format(endpoint=endpoint), "--store", people_store, "--format", "csv")
    assert result.exit_code == 0, result.output
    # Only the person with a labelled position on the remote side joins.
    assert result.stdout.splitlines() == ["name,positionLabel", "محمد شياع السوداني,رئيس وزراء العراق"]
    assert len(remote.queries) >= 1 and "P39" in remote.queries[0]


def test_service_off_the_allow_list_is_refused_and_never_called(kg, people_store, endpoint, remote, monkeypatch):
    monkeypatch.delenv("ISNAD_SERVICE_ALLOW", raising=False)
    result = kg("query", JOIN.format(endpoint=endpoint), "--store", people_store)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: SERVICE <{endpoint}> is refused"), result.output
    assert "https://query.wikidata.org/sparql" in lines[0]  # the message says what is allowed
    assert remote.queries == []


def test_allow_list_is_exact_not_a_prefix(kg, people_store, endpoint, remote, monkeypatch):
    monkeypatch.setenv("ISNAD_SERVICE_ALLOW", endpoint)
    other_path = endpoint.replace("/sparql", "/admin")
    result = kg("query", JOIN.format(endpoint=other_path), "--store", people_store)
    assert result.exit_code == 1 and f"SERVICE <{other_path}> is refused" in result.output
    assert remote.queries == []


@pytest.mark.parametrize(
    "service",
    [
        "SERVICE ?endpoint",  # decided at run time: could be anything
        "SERVICE SILENT <http://169.254.169.254/latest/meta-data/>",  # cloud metadata, silently
        "SERVICE ex:sparql",  # a prefixed name resolves to an IRI off the list
    ],
)
def test_service_targets_the_guard_cannot_approve_are_refused(kg, people_store, service):
    query = f"""PREFIX ex: <http://127.0.0.1:9/>
    SELECT * WHERE {{ BIND(<http://127.0.0.1:9/sparql> AS ?endpoint) {service} {{ ?s ?p ?o }} }}"""
    result = kg("query", query, "--store", people_store)
    assert result.exit_code == 1
    assert "is refused" in result.output and len(result.output.strip().splitlines()) == 1, result.output


def closed_port_endpoint() -> str:
    """An endpoint on a port that was free a moment ago: nothing listens there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/sparql"


#: A host that never resolves (RFC 2606 reserves .invalid), like any host when offline.
UNRESOLVABLE_ENDPOINT = "http://isnad-test.invalid/sparql"


def test_unreachable_allow_listed_service_is_one_line(kg, people_store, monkeypatch):
    endpoint = closed_port_endpoint()
    monkeypatch.setenv("ISNAD_SERVICE_ALLOW", endpoint)
    result = kg("query", JOIN.format(endpoint=endpoint), "--store", people_store)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: Query failed at the SERVICE endpoint <{endpoint}>: "), result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


@pytest.fixture
def failing_endpoint() -> Iterator[str]:
    """An endpoint that answers every query with HTTP 500 and an error page."""

    class Failing(Endpoint):
        def answer(self, query: str) -> bytes:
            raise SyntaxError("<html><body><h1>Internal error</h1>\n" + "x" * 5000 + "</body></html>")

    yield from _serve(Failing(""))


def test_server_answers_502_in_one_line_for_a_service_that_fails(people_store, failing_endpoint, tmp_path):
    endpoints = [closed_port_endpoint(), UNRESOLVABLE_ENDPOINT, failing_endpoint]
    with run_server(people_store, tmp_path / "server.log", "--service-allow", " ".join(endpoints)) as server:
        for endpoint in endpoints:
            for query in (JOIN.format(endpoint=endpoint), f"ASK {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"):
                for method in ("GET", "POST"):  # the fast path and the Flask view
                    response = sparql(server, query, method)
                    assert response.status_code == 502, (method, query, response.text)
                    lines = response.text.splitlines()
                    assert len(lines) == 1 and f"SERVICE endpoint <{endpoint}>" in lines[0], response.text
                    assert len(lines[0]) < 500
        assert "Traceback" not in server.output(), server.output()
