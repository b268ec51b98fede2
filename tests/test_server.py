"""The SPARQL endpoint over a real socket: Protocol, negotiation, the guard, limits, updates.

Every test talks to ``python -m kg serve`` (the ``live_server`` fixture) with real HTTP.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kg.store import GraphStore
from tests.conftest import (
    JSON_RESULTS,
    PERSON,
    PROTOCOL_CHECK,
    SERVER_FIXTURE_GRAPH,
    build_server_store,
    media,
    run_server,
    sparql,
)


def run_protocol_check(*args: str) -> subprocess.CompletedProcess:
    if not PROTOCOL_CHECK.exists():
        pytest.skip(f"The conformance check is not at {PROTOCOL_CHECK} (shared/ beside the clone).")
    return subprocess.run([sys.executable, str(PROTOCOL_CHECK), *args], capture_output=True, text=True, timeout=120)


# -- conformance --------------------------------------------------------------------------------


def test_protocol_check_passes_read_only(live_server) -> None:
    result = run_protocol_check(live_server.url + "/sparql", "--fixture-loaded", "--keep-fixture")
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0 and " 0 failed" in summary, result.stdout
    assert "0 skipped" in summary, result.stdout  # the dataset cases ran on the preloaded fixture


# -- queries ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept, expected",
    [
        (None, JSON_RESULTS),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("application/json", JSON_RESULTS),
    ],
)
def test_select_results_follow_accept(live_server, accept: str | None, expected: str) -> None:
    response = sparql(live_server, f"SELECT ?l WHERE {{ <{PERSON}> rdfs:label ?l }}",
                      headers={"Accept": accept} if accept else {})
    assert response.status_code == 200, response.text
    assert media(response) == expected
    assert "فؤاد حسين" in response.content.decode("utf-8")


@pytest.mark.parametrize(
    "param, expected, parse_as, extension",
    [
        ("turtle", "text/turtle", "turtle", "ttl"),
        ("ntriples", "application/n-triples", "nt", "nt"),
        ("jsonld", "application/ld+json", "json-ld", "jsonld"),
        ("rdfxml", "application/rdf+xml", "xml", "rdf"),
        ("trig", "application/trig", "trig", "trig"),
        ("nquads", "application/n-quads", "nquads", "nq"),
    ],
)
def test_construct_by_format_parameter(live_server, param: str, expected: str, parse_as: str, extension: str) -> None:
    query = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a isnad:Person ; rdfs:label ?l }"
    response = requests.get(live_server.url + "/sparql", params={"query": query, "format": param}, timeout=30)
    assert response.status_code == 200, response.text
    assert media(response) == expected
    assert response.headers["Content-Disposition"] == f'inline; filename="results.{extension}"'
    graph = Dataset() if parse_as in ("trig", "nquads") else Graph()
    graph.parse(data=response.content, format=parse_as)
    assert (URIRef(PERSON), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("فؤاد حسين", lang="ar")) in (
        graph if parse_as not in ("trig", "nquads") else {(s, p, o) for s, p, o, _ in graph.quads()}
    )


def test_default_graph_is_the_union_and_graph_reaches_one_article(live_server) -> None:
    response = sparql(live_server, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a isnad:Article } }")
    articles = int(response.json()["results"]["bindings"][0]["n"]["value"])
    assert articles >= 6  # five seeds and the fixture article
    response = sparql(live_server, f"ASK {{ <{PERSON}> a isnad:Person }}")
    assert response.json()["boolean"] is True


def test_oxigraph_engine_answers_what_rdflib_cannot_parse(live_server) -> None:
    # SPARQL 1.2 triple terms parse in Oxigraph and not in rdflib's evaluator.
    response = sparql(live_server, "SELECT ?t WHERE { BIND(<<( <urn:a> <urn:b> <urn:c> )>> AS ?t) }")
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"][0]["t"]["type"] == "triple"


def test_malformed_query_gets_400_with_the_parser_message(live_server) -> None:
    response = sparql(live_server, "SELECT ?x WHERE { ?x ?p }")
    assert response.status_code == 400
    assert response.text.startswith("Malformed query:") and "Traceback" not in response.text


def test_service_outside_the_allow_list_is_refused(live_server) -> None:
    response = sparql(live_server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert response.status_code == 400
    assert "allow-list" in response.text


def test_from_a_graph_not_in_the_store_is_refused(live_server) -> None:
    response = sparql(live_server, "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    assert response.status_code == 400
    assert "not a graph in this store" in response.text
    response = sparql(live_server, f"SELECT (COUNT(*) AS ?n) FROM <{SERVER_FIXTURE_GRAPH}> WHERE {{ ?s ?p ?o }}")
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == len(Graph().parse(
        Path(__file__).parent / "data" / "server_article.ttl"))


def test_wrong_method_and_media_type(live_server) -> None:
    assert requests.put(live_server.url + "/sparql", timeout=10).status_code == 405
    response = requests.post(live_server.url + "/sparql", data=b"ASK {}", headers={"Content-Type": "text/plain"},
                             timeout=10)
    assert response.status_code == 415


def test_service_description_and_cors(live_server) -> None:
    response = requests.get(live_server.url + "/sparql", headers={"Accept": "text/turtle"}, timeout=10)
    graph = Graph().parse(data=response.text, format="turtle")
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = next(graph.subjects(RDF.type, sd.Service))
    assert (service, sd.endpoint, URIRef(live_server.url + "/sparql")) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in graph
    response = requests.options(live_server.url + "/sparql", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST"}, timeout=10)
    assert response.status_code == 204 and response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


def test_read_only_server_refuses_updates(live_server) -> None:
    probe = 'INSERT DATA { GRAPH <urn:probe> { <urn:s> <urn:p> "x" } }'
    response = requests.post(live_server.url + "/update", data=probe,
                             headers={"Content-Type": "application/sparql-update"}, timeout=10)
    assert response.status_code == 403
    assert sparql(live_server, "ASK { GRAPH <urn:probe> { ?s ?p ?o } }").json()["boolean"] is False


def test_request_size_limit(live_server) -> None:
    huge = "ASK {} #" + "x" * 1_100_000
    response = requests.post(live_server.url + "/sparql", data=huge.encode(),
                             headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert response.status_code == 413


# -- the query time limit -----------------------------------------------------------------------

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def test_runaway_query_is_stopped_and_others_are_served(server_store: Path, tmp_path: Path) -> None:
    with run_server(server_store, tmp_path / "server.log", "--query-timeout", "2", "--workers", "2") as server:
        outcome: dict[str, object] = {}

        def runaway() -> None:
            started = time.monotonic()
            response = sparql(server, RUNAWAY)
            outcome.update(status=response.status_code, text=response.text, seconds=time.monotonic() - started)

        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.3)
        started = time.monotonic()
        quick = sparql(server, "ASK { ?s a isnad:Person }")
        quick_seconds = time.monotonic() - started
        thread.join()
        assert quick.status_code == 200 and quick_seconds < 1.5
        assert outcome["status"] == 503 and "2 s limit" in str(outcome["text"]), outcome
        assert float(outcome["seconds"]) < 6  # type: ignore[arg-type]
        # Both workers are usable afterwards (the stopped one was replaced).
        for _ in range(3):
            assert sparql(server, "ASK {}").json()["boolean"] is True


# -- read-write ---------------------------------------------------------------------------------

TOKEN = "test-token-5f2c9a"


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory):
    store = build_server_store(tmp_path_factory.mktemp("writable") / "store")
    log = tmp_path_factory.mktemp("writable-log") / "server.log"
    with run_server(store, log, "--allow-update", env={"ISNAD_UPDATE_TOKEN": TOKEN}) as server:
        yield server


def test_protocol_check_passes_read_write(writable_server) -> None:
    result = run_protocol_check(writable_server.url + "/sparql", "--update-url", writable_server.url + "/update",
                                "--update-header", f"Authorization: Bearer {TOKEN}")
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0 and " 0 failed" in summary and "0 skipped" in summary, result.stdout


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x"])
def test_updates_need_the_token(writable_server, authorization: str | None) -> None:
    headers = {"Content-Type": "application/sparql-update"}
    if authorization:
        headers["Authorization"] = authorization
    update = 'INSERT DATA { GRAPH <urn:denied> { <urn:s> <urn:p> "x" } }'
    response = requests.post(writable_server.url + "/update", data=update, headers=headers, timeout=30)
    assert response.status_code == 401 and response.headers["WWW-Authenticate"].lower().startswith("bearer")
    assert sparql(writable_server, "ASK { GRAPH <urn:denied> { ?s ?p ?o } }").json()["boolean"] is False


def test_update_with_the_token_is_visible_to_queries(writable_server) -> None:
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    update = 'INSERT DATA { GRAPH <urn:accepted> { <urn:s> rdfs:label "بغداد"@ar } }'
    response = requests.post(writable_server.url + "/update", data=update.encode(), headers=headers, timeout=30)
    assert response.status_code == 204, response.text
    rows = sparql(writable_server, "SELECT ?l WHERE { GRAPH <urn:accepted> { <urn:s> rdfs:label ?l } }").json()
    assert rows["results"]["bindings"][0]["l"]["value"] == "بغداد"
    refused = requests.post(writable_server.url + "/update", data="LOAD <http://127.0.0.1:9/x.ttl>",
                            headers=headers, timeout=30)
    assert refused.status_code == 400 and "LOAD is refused" in refused.text
    assert TOKEN not in writable_server.output()


def test_allow_update_without_a_token_refuses_to_start(server_store: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ISNAD_UPDATE_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(server_store), "--allow-update",
                             "--port", "0"], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode != 0
    assert result.stderr.strip() == "Error: --allow-update needs a token: set ISNAD_UPDATE_TOKEN in the environment."


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "none"), "--port", "0"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "No store at" in result.stderr


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--workers", "-1", "--workers must be 0 (two per core) or more, not -1."),
    ("--header-timeout", "0", "--header-timeout must be above 0 seconds, not 0.0."),
    ("--client-connections", "-5", "--client-connections must be 0 (no cap) or more, not -5."),
])
def test_bad_server_setting_is_one_line(server_store: Path, option: str, value: str, message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(server_store), option, value,
                             "--port", "0"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {message}"


def test_default_is_two_server_processes_per_core(server_store: Path, tmp_path: Path) -> None:
    from kg.config import usable_cores

    with run_server(server_store, tmp_path / "server.log") as server:
        deadline = time.monotonic() + 10
        while server.output().count("Booting worker") < 2 * usable_cores() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.output().count("Booting worker") == 2 * usable_cores(), server.output()


def test_json_results_are_well_formed(live_server) -> None:
    response = sparql(live_server, "SELECT * WHERE { ?s a isnad:Country } LIMIT 2", method="POST")
    document = json.load(io.BytesIO(response.content))
    assert document["head"]["vars"] == ["s"] and len(document["results"]["bindings"]) == 2


def test_long_query_string_is_414(live_server) -> None:
    response = requests.get(live_server.url + "/sparql", params={"query": "ASK {} #" + "x" * 1_100_000}, timeout=30)
    assert response.status_code == 414


def test_app_factory_refuses_updates_without_a_token(server_store: Path) -> None:
    from kg.errors import InputError
    from server import create_app

    with pytest.raises(InputError, match="ISNAD_UPDATE_TOKEN"):
        create_app({"STORE_PATH": str(server_store), "ALLOW_UPDATE": True, "UPDATE_TOKEN": None})


def test_app_in_process(client) -> None:
    response = client.get("/sparql", query_string={"query": f"ASK {{ <{PERSON}> a isnad:Person }}"})
    assert response.get_json()["boolean"] is True
    assert client.post("/update", data="CLEAR ALL", content_type="application/sparql-update").status_code == 403


def test_writable_server_refuses_a_store_another_process_writes(tmp_path: Path) -> None:
    store_path = build_server_store(tmp_path / "store")
    with GraphStore(store_path):  # holds the writer's lock
        result = subprocess.run(
            [sys.executable, "-m", "kg", "serve", "--store", str(store_path), "--allow-update", "--port", "0"],
            capture_output=True, text=True, timeout=60, env={**os.environ, "ISNAD_UPDATE_TOKEN": TOKEN},
        )
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "another process" in result.stderr


def test_runaway_update_is_rolled_back_and_the_writer_replaced(tmp_path: Path) -> None:
    store_path = build_server_store(tmp_path / "store")
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    runaway = ("INSERT { GRAPH <urn:runaway> { ?a ?b ?c } } "
               "WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }")
    with run_server(store_path, tmp_path / "server.log", "--allow-update", "--query-timeout", "2",
                    env={"ISNAD_UPDATE_TOKEN": TOKEN}) as server:
        response = requests.post(server.url + "/update", data=runaway, headers=headers, timeout=30)
        assert response.status_code == 503 and "2 s limit" in response.text
        assert sparql(server, "ASK { GRAPH <urn:runaway> { ?s ?p ?o } }").json()["boolean"] is False
        update = 'INSERT DATA { GRAPH <urn:after> { <urn:s> <urn:p> "ok" } }'
        assert requests.post(server.url + "/update", data=update, headers=headers, timeout=30).status_code == 204
        assert sparql(server, "ASK { GRAPH <urn:after> { ?s ?p ?o } }").json()["boolean"] is True



def test_unacceptable_and_malformed_parameters(live_server) -> None:
    assert requests.get(live_server.url + "/void", headers={"Accept": "image/png"}, timeout=10).status_code == 406
    response = requests.get(live_server.url + "/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"},
                            timeout=10)
    assert response.status_code == 400 and "is not a valid IRI" in response.text
    response = requests.get(live_server.url + "/sparql", params={"query": "ASK {}", "format": "png"}, timeout=10)
    assert response.status_code == 400 and response.text.startswith("Unknown format 'png'; choose one of: json")


def test_access_log_has_one_line_per_request(live_server) -> None:
    marker = "access-log-probe"
    response = requests.get(live_server.url + "/sparql", params={"query": f"ASK {{}} # {marker}"},
                            headers={"Referer": "https://notebook.example/", "User-Agent": "probe/1.0"}, timeout=10)
    assert response.status_code == 200
    deadline = time.monotonic() + 5
    while marker not in live_server.output() and time.monotonic() < deadline:
        time.sleep(0.05)
    line = next(line for line in live_server.output().splitlines() if marker in line)
    # Apache's combined format, without the user of Basic credentials.
    assert re.fullmatch(
        r'127\.0\.0\.1 - - \[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "GET /sparql\?query=\S+ HTTP/1\.1" 200 '
        rf'{len(response.content)} "https://notebook\.example/" "probe/1\.0"', line), line


def test_every_server_process_opens_the_store_before_its_first_query(server_store: Path, tmp_path: Path) -> None:
    with run_server(server_store, tmp_path / "server.log", "--workers", "3") as server:
        store = str(server_store.resolve())

        def holds_store(pid: int) -> bool:
            fds = Path(f"/proc/{pid}/fd")
            return any(os.path.realpath(fd).startswith(store) for fd in fds.iterdir())

        deadline = time.monotonic() + 20
        while True:
            children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
            # Only one process has answered a query (the fixture's readiness probe).
            if len(children) == 3 and all(holds_store(int(pid)) for pid in children):
                break
            assert time.monotonic() < deadline, (children, server.output())
            time.sleep(0.1)
