"""The query guard: SERVICE, FROM and LOAD are inspected before anything runs, failing closed."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.guard import MAX_NESTING, add_using, check_query, check_update, outside_calls
from kg.store import GraphStore

EVIL = "http://evil.example/sparql"
WIKIDATA = "https://query.wikidata.org/sparql"


def no_graphs(iri: str) -> bool:
    return False


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT * WHERE {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{EVIL}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE <{EVIL}> {{ ?s ?p ?o }} }}",
        "PREFIX e: <http://evil.example/> SELECT * WHERE { SERVICE e:sparql { ?s ?p ?o } }",
        "BASE <http://evil.example/> SELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://evil.example/> } }",
        f"SELECT * WHERE {{ ?s ?p 'x' . SERVICE<{EVIL}>{{?s ?p ?o}} }}",
        f'SELECT * WHERE {{ ?s ?p """a\n""" SERVICE <{EVIL}> {{ ?s ?p ?o }} }}',
        "SELECT * WHERE { SERVICE <http\\u003A//evil.example/sparql> { ?s ?p ?o } }",
    ],
)
def test_service_off_the_allow_list_is_refused(query: str) -> None:
    with pytest.raises(QueryError, match="SERVICE"):
        check_query(query, no_graphs)


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT * WHERE {{ ?s ?p \"SERVICE <{EVIL}> {{ }}\" }}",
        f"SELECT * WHERE {{ ?s ?p '''service <{EVIL}>''' }}",
        f"SELECT * WHERE {{ ?s ?p ?o }} # SERVICE <{EVIL}> {{ }}",
        "SELECT ?service WHERE { ?service ?p ?o FILTER(?o < 3 && ?o > 1) }",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ex:service ex:from ?o }",
        f"SELECT * WHERE {{ SERVICE <{WIKIDATA}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE { SERVICE <https\\u003A//query.wikidata.org/sparql> { ?s ?p ?o } }",
    ],
)
def test_service_in_strings_comments_names_and_to_wikidata_passes(query: str) -> None:
    check_query(query, no_graphs)


def test_the_allow_list_takes_configured_endpoints() -> None:
    query = f"SELECT * WHERE {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }}"
    assert outside_calls(query).services == (EVIL,)
    check_query(query, no_graphs, allow=[EVIL])


@pytest.mark.parametrize(
    "query",
    [
        # Local-name escapes (PN_LOCAL_ESC) once read as a comment or a string start.
        f"PREFIX ex: <http://example.org/> SELECT * WHERE {{ BIND(ex:a\\#b AS ?v) SERVICE <{EVIL}> {{ ?s ?p ?o }} }}",
        f"PREFIX res: <http://example.org/> SELECT * WHERE {{ BIND(res:a\\'b AS ?v) SERVICE <{EVIL}> {{ }} }} # '",
        f'PREFIX ex: <http://example.org/> SELECT * WHERE {{ BIND(ex:a\\"b AS ?v) SERVICE <{EVIL}> {{ }} }} # "',
        # A string escape that closes the string for one reading and not for the other.
        f'SELECT * WHERE {{ BIND("a\\u0022 AS ?x) SERVICE <{EVIL}> {{ }} BIND("b" AS ?y) }}',
        f"SELECT * WHERE {{ \u017fERVICE <{EVIL}> {{ ?s ?p ?o }} }}",  # long s: casefolds to s
    ],
)
def test_escapes_cannot_hide_a_service(query: str) -> None:
    with pytest.raises(QueryError, match="SERVICE|Refused"):
        check_query(query, no_graphs)


def test_a_service_the_checking_parser_cannot_read_is_refused() -> None:
    with pytest.raises(QueryError, match="cannot read it"):
        check_query(f"SELECT * WHERE {{ SERVICE <{WIKIDATA}> {{ ?s ?p ?o ", no_graphs)
    # Without the words, what the checking parser cannot read is left to the engine.
    check_query("SELECT * WHERE { ?s ?p <<( ?a ?b ?c )>> }", no_graphs)


def test_nesting_is_bounded_before_parsing() -> None:
    deep = "SELECT * WHERE { FILTER(" + "(" * MAX_NESTING + "1" + ")" * MAX_NESTING + ") }"
    with pytest.raises(QueryError, match=f"deeper than {MAX_NESTING}"):
        check_query(deep, no_graphs)
    with pytest.raises(QueryError, match=f"deeper than {MAX_NESTING}"):
        check_update("INSERT { ?s ?p ?o } WHERE { " + "{" * 1000 + "}" * 1000 + " }")
    shallow = "SELECT * WHERE { FILTER(" + "(" * 390 + "1" + ")" * 390 + ") }"
    check_query(shallow, no_graphs)
    # Brackets inside strings and IRIs do not count; many brackets side by side do not nest.
    check_query("SELECT * WHERE { ?s ?p '" + "(" * 1000 + "' }", no_graphs)
    check_query("SELECT * WHERE { VALUES ?x { " + "(1) " * 1000 + "} }", no_graphs)


def test_from_must_name_a_graph_in_the_store() -> None:
    known = {"http://example.org/g"}.__contains__
    check_query("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", known)
    with pytest.raises(QueryError, match="not a graph in this store"):
        check_query("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }", known)
    with pytest.raises(QueryError, match="FROM <http://elsewhere.example/data.ttl>"):
        check_query("SELECT * FROM <http://elsewhere.example/data.ttl> WHERE { ?s ?p ?o }", known)


@pytest.mark.parametrize(
    "update",
    ["LOAD <http://evil.example/data.ttl>", "load silent <file:///etc/passwd> into graph <urn:g>",
     f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{EVIL}> {{ ?s ?p ?o }} }}"],
)
def test_updates_that_fetch_are_refused(update: str) -> None:
    with pytest.raises(QueryError):
        check_update(update)


def test_protocol_dataset_becomes_using_clauses() -> None:
    update = "DELETE { ?s ?p 'where' } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o } ; INSERT { ?s a ?o } WHERE { ?s ?p ?o }"
    rewritten = add_using(update, ["urn:a"], ["urn:b"])
    assert rewritten.count("USING <urn:a> USING NAMED <urn:b> WHERE") == 2
    assert "'where'" in rewritten
    with pytest.raises(QueryError, match="USING or WITH"):
        add_using("WITH <urn:g> INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", ["urn:a"], [])
    with pytest.raises(QueryError, match="DELETE WHERE"):
        add_using("DELETE WHERE { ?s ?p ?o }", ["urn:a"], [])
    with pytest.raises(QueryError, match="absolute IRI"):
        add_using("INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", ["urn:a> } ; DROP ALL ; #"], [])


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._answer()

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        self._answer()

    def _answer(self) -> None:
        self.hits.append(self.path)
        body = b'{"head":{"vars":["o"]},"results":{"bindings":[]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint():
    """A local HTTP endpoint that records every request made to it."""
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def test_store_never_contacts_a_refused_endpoint(built_store: Path, endpoint: str) -> None:
    query = f"SELECT ?o WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"
    with GraphStore(built_store, read_only=True, service_allow="") as store:
        with pytest.raises(QueryError, match="allow-list"):
            store.query(query)
    assert _Recorder.hits == []
    # The same query on an allow-listed endpoint does reach it: the guard is what stopped it.
    with GraphStore(built_store, read_only=True, service_allow=endpoint) as store:
        assert list(store.query(query)) == []
    assert len(_Recorder.hits) == 1


def test_kg_query_refuses_service(kg, built_store: Path, endpoint: str) -> None:
    result = kg("query", f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}", "--store", built_store)
    assert result.exit_code == 1, result.output
    assert "is refused" in result.output and "Traceback" not in result.output
    assert _Recorder.hits == []


def test_kg_query_survives_deep_queries(tmp_path: Path) -> None:
    """As a process: a deep query once ended ``kg query`` with SIGSEGV (exit 139) and no message."""
    store = tmp_path / "store"
    with GraphStore(store) as graph:
        graph.update("INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> 1 } }")

    def kg_query(query: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kg", "query", query, "--store", str(store), "--format", "json"],
                              capture_output=True, text=True, timeout=120)

    refused = kg_query("SELECT * WHERE { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }")
    assert refused.returncode == 1, refused
    assert refused.stderr.strip().count("\n") == 0 and f"deeper than {MAX_NESTING}" in refused.stderr
    answered = kg_query("ASK { FILTER(" + "!" * 20_000 + "true) }")
    assert answered.returncode == 0, answered.stderr
    assert '"boolean": true' in answered.stdout.replace('":true', '": true')
