"""Hostile clients against a real ``kg serve`` (writable, with a token): nothing they send escapes.

Each attack is checked by its effect, not by the message alone: a SERVICE call to a host off the
allow-list is refused *and* a listener on that host sees no connection; an injection attempt or an
update with a bad token is refused *and* the store's quads are unchanged; runaway queries are
stopped *and* another client is answered meanwhile; the token never reaches the log.
"""

from __future__ import annotations

import base64
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest
import requests

from tests.conftest import build_server_store, run_server, sparql
from tests.test_concurrency import kg

TOKEN = "hostile-test-token-7d1e0b93"
QUERY_TIMEOUT = 2
WORKERS = 2
BODY_TIMEOUT = 2
UPDATE = {"Content-Type": "application/sparql-update"}
AUTHORIZED = {**UPDATE, "Authorization": f"Bearer {TOKEN}"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """A writable server with a short query timeout and two query workers."""
    store = build_server_store(tmp_path_factory.mktemp("hostile") / "store")
    log = tmp_path_factory.mktemp("hostile-log") / "server.log"
    options = ("--allow-update", "--query-timeout", str(QUERY_TIMEOUT), "--workers", str(WORKERS),
               "--body-timeout", str(BODY_TIMEOUT))
    with run_server(store, log, *options, env={"ISNAD_UPDATE_TOKEN": TOKEN}) as live:
        yield live


class Listener:
    """A TCP port that records every connection made to it: the host a SERVICE call would reach."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()


@pytest.fixture(scope="module")
def listener():
    """A host that is not on the SERVICE allow-list."""
    host = Listener()
    yield host
    host.socket.close()


def quad_count(server) -> int:
    """Quads in the store, asked through the endpoint."""
    response = sparql(server, COUNT)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


# -- runaway queries ----------------------------------------------------------------------------


def answer_retrying(server, query: str, within: float) -> tuple[requests.Response, float]:
    """Ask until answered, retrying on 503 as a client would; return the answer and the wait.

    While every worker is taken a query is shed as "busy", and time spent queued for a worker
    counts against its limit, so even a trivial query can be stopped once during the flood.
    """
    started = time.monotonic()
    while True:
        response = sparql(server, query)
        waited = time.monotonic() - started
        if response.status_code != 503 or waited > within:
            return response, waited
        time.sleep(0.1)


def test_more_runaway_queries_than_workers_time_out_and_another_client_is_answered(server):
    bound = 3 * QUERY_TIMEOUT + 4  # one round of runaways stopped at the limit, and workers replaced
    with ThreadPoolExecutor(max_workers=2 * WORKERS) as pool:
        started = time.monotonic()
        runaways = [pool.submit(sparql, server, CROSS_PRODUCT) for _ in range(2 * WORKERS)]
        time.sleep(0.3)
        quick, waited = answer_retrying(server, "ASK { ?s a isnad:Article }", within=bound)
        answers = [future.result() for future in runaways]
        all_seconds = time.monotonic() - started
    assert quick.status_code == 200 and quick.json()["boolean"] is True, quick.text
    assert waited < bound, f"the quick query waited {waited:.1f} s"
    for answer in answers:  # stopped at the limit, or shed while every worker was taken
        assert answer.status_code == 503, answer.text
        assert f"{QUERY_TIMEOUT} s limit" in answer.text or "busy" in answer.text, answer.text
    assert any(f"{QUERY_TIMEOUT} s limit" in answer.text for answer in answers)
    assert all_seconds < bound
    assert server.process.poll() is None
    assert sparql(server, "ASK {}").json()["boolean"] is True


def test_a_stream_cut_at_the_limit_is_not_a_complete_response(server):
    huge = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    try:
        response = requests.get(server.url + "/sparql", params={"query": huge, "format": "csv"}, stream=True,
                                timeout=30)
        for _ in response.iter_content(1 << 20):
            pass
    except requests.exceptions.ChunkedEncodingError:
        return  # the connection was aborted: the client knows the result is incomplete
    assert response.status_code != 200, "a cut-off result was delivered as a complete 200"


def test_stalled_bodies_are_refused_and_free_their_threads(server):
    # twice as many stalled clients as the server has threads: they are refused in two rounds
    host, port = server.url.split("//")[1].split(":")
    stalled = []
    try:
        for _ in range(16):
            connection = socket.create_connection((host, int(port)))
            connection.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                               b"Content-Length: 100000\r\n\r\nASK")
            stalled.append(connection)
        time.sleep(0.5)
        started = time.monotonic()
        response = requests.get(server.url + "/sparql", params={"query": "ASK {}"}, timeout=6 * BODY_TIMEOUT)
        waited = time.monotonic() - started
        assert response.status_code == 200
        assert waited < 3 * BODY_TIMEOUT, f"the quick query waited {waited:.1f} s"
        for connection in stalled:
            connection.settimeout(3 * BODY_TIMEOUT)
            assert connection.recv(64).startswith(b"HTTP/1.1 408 ")
    finally:
        for connection in stalled:
            connection.close()


# -- request size -------------------------------------------------------------------------------


def test_huge_update_body_is_refused_and_changes_nothing(server):
    before = quad_count(server)
    triples = "".join(f'<urn:big:{i}> <urn:p> "{"x" * 100}" .\n' for i in range(20_000))
    body = f"INSERT DATA {{ GRAPH <urn:big> {{ {triples} }} }}".encode()
    response = requests.post(server.url + "/update", data=body, headers=AUTHORIZED, timeout=30)
    assert response.status_code == 413
    assert quad_count(server) == before


def test_chunked_body_is_bounded_like_any_other(server):
    def chunks():
        yield b"ASK {} #"
        for _ in range(50):
            yield b"x" * 100_000  # 5 MB in all, five times the limit

    response = requests.post(server.url + "/sparql", data=chunks(),
                             headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert response.status_code == 413
    small = requests.post(server.url + "/sparql", data=iter([b"ASK ", b"{}"]),
                          headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert small.status_code == 200 and small.json()["boolean"] is True, small.text


# -- deep nesting -------------------------------------------------------------------------------

#: Nested past the guard's limit: once a SIGSEGV in pyoxigraph's parser, killing the process.
DEEP_BRACKETS = "SELECT * WHERE { FILTER(" + "(" * 10_000 + "true" + ")" * 10_000 + ") }"
#: Legal, within every limit, and deeper than a default 8 MiB thread stack holds in Oxigraph.
DEEP_NEGATIONS = "FILTER(" + "!" * 20_000 + "true)"


def test_deep_nesting_is_refused_in_one_line_and_a_deep_legal_query_is_answered(server):
    for method in ("GET", "POST"):
        response = sparql(server, DEEP_BRACKETS, method=method)
        assert response.status_code == 400, response.text
        assert "deeper than 400" in response.text and "\n" not in response.text.strip()
    response = sparql(server, "ASK { " + DEEP_NEGATIONS + " }")
    assert response.status_code == 200 and response.json()["boolean"] is True, response.text
    assert sparql(server, "ASK {}").json()["boolean"] is True


def test_deep_updates_neither_crash_the_writer_nor_change_the_store_when_refused(server):
    before = quad_count(server)
    insert = "INSERT { GRAPH <urn:deep> { <urn:s> <urn:p> 1 } } WHERE "
    deep = insert + "{ FILTER(" + "(" * 10_000 + "true" + ")" * 10_000 + ") }"
    response = requests.post(server.url + "/update", data=deep.encode(), headers=AUTHORIZED, timeout=30)
    assert response.status_code == 400 and "deeper than 400" in response.text, response.text
    assert quad_count(server) == before
    legal = insert + "{ " + DEEP_NEGATIONS + " }"
    response = requests.post(server.url + "/update", data=legal.encode(), headers=AUTHORIZED, timeout=30)
    assert response.ok, response.text
    assert quad_count(server) == before + 1
    response = requests.post(server.url + "/update", data=b"DROP GRAPH <urn:deep>", headers=AUTHORIZED, timeout=30)
    assert response.ok and quad_count(server) == before, response.text


# -- SERVICE and LOAD ---------------------------------------------------------------------------


def service_queries(url: str) -> list[str]:
    """Ways to name one endpoint in a query: IRIs, prefixes, BASE, variables, escapes, nesting."""
    host, path = url.rsplit("/", 1)
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE # a comment\n <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX e: <{host}/> SELECT * WHERE {{ SERVICE e:{path} {{ ?s ?p ?o }} }}",
        f"BASE <{host}/> SELECT * WHERE {{ SERVICE <{path}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{url[:-1]}\\u{ord(url[-1]):04X}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        # Local-name escapes once read by the guard as a comment and as a string (issue 16).
        f"PREFIX ex: <http://example.org/> SELECT * WHERE {{ BIND(ex:a\\#b AS ?v) SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX res: <http://example.org/> SELECT * WHERE {{ BIND(res:a\\'b AS ?v) SERVICE <{url}> {{ }} }} # '",
    ]


def test_service_to_a_host_off_the_allow_list_never_connects(server, listener):
    for query in service_queries(listener.url):
        for method in ("GET", "POST"):
            response = sparql(server, query, method=method)
            assert response.status_code == 400, (query, response.status_code, response.text)
            assert "\n" not in response.text.strip()
    time.sleep(0.2)
    assert listener.connections == 0


def test_updates_cannot_reach_a_host_off_the_allow_list(server, listener):
    before = quad_count(server)
    updates = [
        f"LOAD <{listener.url}>",
        f"load silent <{listener.url}> into graph <urn:loaded>",
        "LOAD <file:///etc/passwd> INTO GRAPH <urn:passwd>",
        f"INSERT {{ GRAPH <urn:fetched> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
        f"INSERT DATA {{ GRAPH <urn:ok> {{ <urn:s> <urn:p> 1 }} }} ; LOAD <{listener.url}>",
        f"PREFIX ex: <http://example.org/> INSERT DATA {{ ex:a\\#b ex:p 1 }} ; LOAD <{listener.url}>",
        f"PREFIX ex: <http://example.org/> INSERT {{ GRAPH <urn:fetched> {{ ?s ?p ?o }} }} "
        f"WHERE {{ BIND(ex:a\\#b AS ?v) SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
    ]
    for update in updates:
        response = requests.post(server.url + "/update", data=update.encode(), headers=AUTHORIZED, timeout=30)
        assert response.status_code == 400, (update, response.text)
    time.sleep(0.2)
    assert listener.connections == 0
    assert quad_count(server) == before


# -- injection through pages and UI parameters --------------------------------------------------

INJECTIONS = [
    "x> } ; DROP ALL ; INSERT DATA { <urn:s> <urn:p> <urn:o> } #",
    'x" } } ; CLEAR ALL ; #',
    "x>%20%7D%20;%20DROP%20ALL%20;%20%23",
    "x\n} DROP ALL {",
    "> ?p ?o } UNION { ?s ?p ?o",
    "x'); DROP ALL; --",
]


def test_injection_through_pages_and_parameters_reads_and_changes_nothing(server):
    # A query built by pasting the payload in would answer with data (the UNION payload matches
    # every triple) or fail to parse; bound as a value, each names a resource that does not exist.
    before = quad_count(server)
    for payload in INJECTIONS:
        quoted = quote(payload, safe="")
        for page in (f"/id/person/{quoted}", f"/id/{quoted}"):
            for headers in ({"Accept": "text/html"}, {"Accept": "text/turtle"}):
                response = requests.get(server.url + page, headers=headers, timeout=30)
                assert response.status_code == 404, (page, response.status_code, response.text[:300])
        around = requests.get(f"{server.url}/neighbourhood.json", timeout=30,
                              params={"iri": "https://w3id.org/isnad/id/" + payload})
        assert around.status_code == 400 or around.json()["edges"] == [], around.text[:300]
        for dump in ("/export.ttl", "/rdf-graph-store"):
            response = requests.get(server.url + dump, params={"graph": payload}, timeout=30)
            assert 400 <= response.status_code < 500, (dump, response.status_code, response.text[:300])
        assert requests.get(f"{server.url}/", params={"query": payload}, timeout=30).status_code == 200
    assert quad_count(server) == before
    assert sparql(server, "ASK { GRAPH ?g { <urn:s> <urn:p> <urn:o> } }").json()["boolean"] is False


def test_query_parameter_is_escaped_in_the_query_page(server):
    payload = "</textarea><script>alert('isnad')</script>"
    page = requests.get(server.url + "/", params={"query": payload}, timeout=30)
    assert page.status_code == 200
    assert "<script>alert('isnad')</script>" not in page.text


# -- the update token ---------------------------------------------------------------------------

BAD_CREDENTIALS = [
    {},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer "},
    {"Authorization": f"Bearer {TOKEN[:-1]}"},
    {"Authorization": f"Bearer {TOKEN} extra"},
    {"Authorization": f"Bearer {TOKEN.upper()}"},
    {"Authorization": f"Token {TOKEN}"},
    {"Authorization": "Basic " + base64.b64encode(f"{TOKEN}:".encode()).decode()},
    {"Authorization": "Basic " + base64.b64encode(f"admin:{TOKEN}".encode()).decode()},
    {"X-Update-Token": TOKEN},
]


@pytest.mark.parametrize("credentials", BAD_CREDENTIALS, ids=range(len(BAD_CREDENTIALS)))
def test_a_wrong_or_missing_token_never_changes_the_store(server, credentials):
    before = quad_count(server)
    update = "DROP ALL"
    response = requests.post(server.url + "/update", data=update, headers={**UPDATE, **credentials}, timeout=30)
    assert response.status_code == 401, response.text
    form = requests.post(server.url + "/update", data={"update": update, "access_token": TOKEN},
                         headers=credentials, timeout=30)
    assert form.status_code == 401, form.text
    assert quad_count(server) == before


def test_the_token_never_reaches_the_log(server):
    for credentials in [{"Authorization": f"Bearer {TOKEN}"}, *BAD_CREDENTIALS]:
        requests.post(server.url + "/update", data="CLEAR GRAPH <urn:none>", headers={**UPDATE, **credentials},
                      timeout=30)
    requests.post(server.url + "/update", data="NOT AN UPDATE", headers=AUTHORIZED, timeout=30)
    time.sleep(0.5)  # let the access log flush
    assert TOKEN not in server.output()


# -- RDF uploads --------------------------------------------------------------------------------


def test_rdf_uploads_are_not_accepted_by_the_server(server):
    for method in ("PUT", "POST", "DELETE"):
        response = requests.request(method, server.url + "/rdf-graph-store", params={"graph": "urn:x"},
                                    data=b"<urn:s> <urn:p> <urn:o> .", headers={"Content-Type": "text/turtle",
                                                                               **AUTHORIZED}, timeout=30)
        assert response.status_code == 405, (method, response.status_code)


@pytest.mark.parametrize("suffix", ["rdf", "jsonld"])
def test_kg_load_refuses_rdf_xml_and_json_ld_in_one_line(tmp_path, suffix):
    dump = tmp_path / f"dump.{suffix}"
    dump.write_text("{}" if suffix == "jsonld" else "<rdf:RDF/>", encoding="utf-8")
    result = kg("load", dump, "--store", tmp_path / "store")
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {dump}: kg load reads ntriples, nquads, turtle, trig, not " + (
        "jsonld." if suffix == "jsonld" else "xml."
    )
    assert not (tmp_path / "store").exists()


def test_the_store_parser_reads_no_local_file_and_fetches_no_context(tmp_path, listener):
    # Should an upload path ever be added, it goes through the store's parser (kg.load.check_file);
    # rdflib's JSON-LD parser, by contrast, fetches remote contexts.
    from kg.errors import InputError
    from kg.load import check_file
    from kg.rdf import get_format

    secret = tmp_path / "secret.txt"
    secret.write_text("do-not-read-me", encoding="utf-8")
    rdf_xml = tmp_path / "entities.rdf"
    rdf_xml.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY file SYSTEM "{secret.as_uri()}">'
        f'<!ENTITY remote SYSTEM "{listener.url}">]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
        '<rdf:Description rdf:about="http://example.org/a"><ex:p>&file;&remote;</ex:p></rdf:Description></rdf:RDF>',
        encoding="utf-8",
    )
    json_ld = tmp_path / "context.jsonld"
    json_ld.write_text(f'{{"@context": "{listener.url}", "@id": "http://example.org/a", "name": "x"}}')
    for path, fmt in ((rdf_xml, "xml"), (json_ld, "jsonld")):
        with pytest.raises(InputError) as refused:
            check_file(path, get_format(fmt))
        assert "do-not-read-me" not in str(refused.value)
    time.sleep(0.2)
    assert listener.connections == 0
