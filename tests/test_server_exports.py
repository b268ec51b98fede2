"""Dumps, the Graph Store Protocol's read side and VoID, from a live ``kg serve``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import RDF

from kg.store import GraphStore
from tests.conftest import ISNAD, PERSON, RES, SERVER_FIXTURE_GRAPH, build_server_store, media, run_server, sparql

VOID = Namespace("http://rdfs.org/ns/void#")


@pytest.mark.parametrize("extension, parse_as", [("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads")])
def test_dumps_stream_with_a_file_name(live_server, extension: str, parse_as: str) -> None:
    with requests.get(f"{live_server.url}/export.{extension}", stream=True, timeout=30) as response:
        assert response.status_code == 200
        assert response.headers["Content-Disposition"] == f'attachment; filename="isnad.{extension}"'
        assert response.headers.get("Transfer-Encoding") == "chunked" and "Content-Length" not in response.headers
        body = b"".join(response.iter_content(1 << 16))
    data = Dataset()
    data.parse(data=body, format=parse_as)
    if parse_as == "turtle":
        assert (URIRef(PERSON), RDF.type, ISNAD.Person) in data.default_graph
    else:
        assert (URIRef(PERSON), RDF.type, ISNAD.Person, URIRef(SERVER_FIXTURE_GRAPH)) in data


def test_per_graph_export_and_graph_store_read(live_server) -> None:
    response = requests.get(live_server.url + "/export.nq", params={"graph": SERVER_FIXTURE_GRAPH}, timeout=30)
    assert response.headers["Content-Disposition"] == 'attachment; filename="isnad-article-servertest.nq"'
    assert {line.split()[-2] for line in response.text.splitlines()} == {f"<{SERVER_FIXTURE_GRAPH}>"}
    response = requests.get(live_server.url + "/rdf-graph-store", params={"graph": SERVER_FIXTURE_GRAPH},
                            headers={"Accept": "application/n-triples"}, timeout=30)
    assert media(response) == "application/n-triples"
    assert len(Graph().parse(data=response.text, format="nt")) == len(response.text.splitlines())
    response = requests.get(live_server.url + "/rdf-graph-store?default", headers={"Accept": "text/turtle"}, timeout=30)
    assert (URIRef(PERSON), RDF.type, ISNAD.Person) in Graph().parse(data=response.text, format="turtle")
    missing = requests.get(live_server.url + "/rdf-graph-store", params={"graph": RES + "article/nope"}, timeout=30)
    assert missing.status_code == 404
    assert requests.get(live_server.url + "/rdf-graph-store", timeout=30).status_code == 400


def count(server, query: str) -> int:
    return int(sparql(server, query).json()["results"]["bindings"][0]["n"]["value"])


def test_void_counts(live_server) -> None:
    response = requests.get(live_server.url + "/void", headers={"Accept": "text/turtle"}, timeout=30)
    graph = Graph().parse(data=response.text, format="turtle")
    dataset = next(graph.subjects(RDF.type, VOID.Dataset))
    partitions = {graph.value(p, VOID["class"]): graph.value(p, VOID.entities).toPython()
                  for p in graph.objects(dataset, VOID.classPartition)}
    for cls in ("Person", "Country", "Dialogue", "Agreement", "Force", "Statement", "Article"):
        assert partitions[ISNAD[cls]] == count(live_server, f"SELECT (COUNT(DISTINCT ?e) AS ?n) {{ ?e a isnad:{cls} }}")
    assert partitions[ISNAD.Article] >= 6
    links = next(graph.subjects(RDF.type, VOID.Linkset))
    assert graph.value(links, VOID.triples).toPython() == count(
        live_server, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?e ?q { ?e skos:exactMatch ?q } }") >= 2
    total = count(live_server, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    assert graph.value(dataset, VOID.triples).toPython() == total


def test_clients_leaving_mid_dump_do_not_use_up_the_workers(tmp_path: Path) -> None:
    store_path = build_server_store(tmp_path / "store")
    with GraphStore(store_path) as store:  # ~70k more triples: a dump far larger than the socket buffers
        store.update("INSERT { GRAPH <urn:bulk> { ?s ?p ?copy } } WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?n { "
                     + " ".join(str(n) for n in range(15)) + " } BIND(CONCAT(STR(?o), STR(?n)) AS ?copy) }")
    with run_server(store_path, tmp_path / "server.log", "--workers", "1", "--query-timeout", "5") as server:
        for _ in range(3):
            with requests.get(server.url + "/export.nq", stream=True, timeout=30) as response:
                assert response.status_code == 200
                next(response.iter_content(1 << 14))  # then hang up
        started = time.monotonic()
        assert sparql(server, "ASK { GRAPH <urn:bulk> { ?s ?p ?o } }").json()["boolean"] is True
        assert time.monotonic() - started < 4
        with requests.get(server.url + "/export.nq", timeout=60) as response:
            assert response.content.endswith(b" .\n") and len(response.content) > 3_000_000
