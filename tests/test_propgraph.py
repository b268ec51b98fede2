"""Property-graph exports: GraphML read by NetworkX and igraph, neo4j-admin CSV, /export.graphml.

Every count is checked against the same count asked of the store in SPARQL, written here apart
from the export's own queries.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
import requests

from kg.store import GraphStore
from tests.conftest import sparql

nx = pytest.importorskip("networkx", reason="networkx (the test extra) is not installed")
igraph = pytest.importorskip("igraph", reason="igraph (the test extra) is not installed")

NODE_CLASSES = "isnad:Person isnad:Organization isnad:Country isnad:Force isnad:Place isnad:Agreement " \
               "isnad:Dialogue isnad:Statement"
NODES_BY_SPARQL = f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  GRAPH ?g {{ ?g a isnad:Article . ?e a ?c }} VALUES ?c {{ {NODE_CLASSES} }} }}"""
#: Edges of each type: relations between typed nodes, and statement -> entity named in its content.
EDGES_BY_SPARQL = {
    name: f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{
      GRAPH ?g {{ ?g a isnad:Article . ?s isnad:{name} ?o ; a ?sc . ?o a ?oc }}
      VALUES ?sc {{ {NODE_CLASSES} }} VALUES ?oc {{ {NODE_CLASSES} }} }} }}"""
    for name in ("participant", "party", "affiliation", "location", "speaker")
}
EDGES_BY_SPARQL["mentions"] = """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?e WHERE {
  GRAPH ?g { ?s a isnad:Statement ; nif:beginIndex ?b ; nif:endIndex ?end .
             ?m itsrdf:taIdentRef ?e ; nif:beginIndex ?mb ; nif:endIndex ?me . ?e a ?c }
  FILTER(?mb >= ?b && ?me <= ?end) } }"""
IRAQ = "https://w3id.org/isnad/id/country/iraq"


def count(store: Path, query: str) -> int:
    with GraphStore(store, read_only=True) as graphs:
        return int(next(iter(graphs.query(query)))["n"].value)


def edge_counts(store: Path) -> Counter:
    return Counter({name: count(store, query) for name, query in EDGES_BY_SPARQL.items()})


@pytest.fixture
def graphml(kg, built_store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "isnad.graphml"
    result = kg("export", "--store", built_store, "--format", "graphml", "-o", target)
    assert result.exit_code == 0, result.output
    return target


def test_networkx_reads_the_graph_the_store_holds(graphml: Path, built_store: Path) -> None:
    graph = nx.read_graphml(graphml)
    assert graph.number_of_nodes() == count(built_store, NODES_BY_SPARQL)
    expected = edge_counts(built_store)
    assert Counter(data["type"] for _, _, data in graph.edges(data=True)) == +expected
    assert graph.number_of_edges() == expected.total()
    iraq = graph.nodes[IRAQ]
    assert (iraq["type"], iraq["label_en"], iraq["wikidata"]) == ("Country", "Iraq", "Q796")
    assert iraq["label_ar"] == "العراق"
    articles = f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?g isnad:mentions <{IRAQ}> }} }}"
    mentioning = count(built_store, articles)
    assert len(iraq["articles"].split()) == mentioning > 1


def test_statements_are_nodes_with_their_speaker_and_article(graphml: Path) -> None:
    graph = nx.read_graphml(graphml)
    statements = [(iri, data) for iri, data in graph.nodes(data=True) if data["type"] == "Statement"]
    assert statements
    for iri, data in statements:
        assert data["content"] and data["cue"] and data["articles"] == data["article"]
        assert iri.startswith(data["article"] + "/statement/")
    speakers = [(s, t) for s, t, data in graph.edges(data=True) if data["type"] == "speaker"]
    assert {graph.nodes[s]["type"] for s, _ in speakers} == {"Statement"}
    assert "Statement" not in {graph.nodes[t]["type"] for _, t in speakers}


def test_igraph_reads_the_same_counts(graphml: Path, built_store: Path) -> None:
    graph = igraph.Graph.Read_GraphML(str(graphml))
    assert graph.vcount() == count(built_store, NODES_BY_SPARQL)
    assert Counter(graph.es["type"]) == +edge_counts(built_store)
    forces = [v for v in graph.vs if v["type"] == "Force" and v["strength"] == v["strength"] and v["strength"] > 0]
    assert forces, "a force with its strength as a number"


def test_neo4j_csv_files(kg, built_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "neo4j"
    result = kg("export", "--store", built_store, "--format", "csv", "-o", folder)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["nodes.csv", "relationships.csv"]
    nodes = list(csv.DictReader(io.StringIO((folder / "nodes.csv").read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO((folder / "relationships.csv").read_text(encoding="utf-8"))))
    assert list(nodes[0])[:2] == ["iri:ID", ":LABEL"] and "articles:string[]" in nodes[0]
    assert "strength:long" in nodes[0] and "direct_quote:boolean" in nodes[0]
    assert list(edges[0]) == [":START_ID", ":END_ID", ":TYPE", "articles:string[]"]
    assert len(nodes) == count(built_store, NODES_BY_SPARQL)
    expected = Counter({name.upper(): n for name, n in (+edge_counts(built_store)).items()})
    assert Counter(row[":TYPE"] for row in edges) == expected
    ids = {row["iri:ID"] for row in nodes}
    assert all(row[":START_ID"] in ids and row[":END_ID"] in ids for row in edges)
    iraq = next(row for row in nodes if row["iri:ID"] == IRAQ)
    assert len(iraq["articles:string[]"].split(";")) > 1


def test_one_article_and_errors(kg, built_store: Path, tmp_path: Path) -> None:
    with GraphStore(built_store, read_only=True) as store:
        article = str(next(store.article_graphs()))
    result = kg("export", "--store", built_store, "--format", "graphml", "--graph", article)
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(io.BytesIO(result.stdout_bytes))
    assert {data["articles"] for _, data in graph.nodes(data=True)} == {article}
    no_folder = kg("export", "--store", built_store, "--format", "csv")
    assert no_folder.exit_code == 1 and "-o DIR" in no_folder.stderr
    a_file = tmp_path / "taken"
    a_file.write_text("keep me", encoding="utf-8")
    on_file = kg("export", "--store", built_store, "--format", "csv", "-o", a_file)
    assert on_file.exit_code == 1 and "is a file" in on_file.stderr and a_file.read_text(encoding="utf-8") == "keep me"
    on_folder = kg("export", "--store", built_store, "--format", "graphml", "-o", tmp_path)
    assert on_folder.exit_code == 1 and "is a folder" in on_folder.stderr
    construct = kg("query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", "--store", built_store,
                   "--format", "graphml")
    assert construct.exit_code == 1 and construct.stderr.startswith("Error: 'graphml' is a property-graph format")


def test_text_xml_cannot_carry_is_dropped(kg, built_store: Path, tmp_path: Path) -> None:
    """Control characters and markup in a literal still give well-formed GraphML."""
    with GraphStore(built_store) as store:
        store.update(
            'INSERT DATA { GRAPH <https://w3id.org/isnad/id/article/x> { '
            '<https://w3id.org/isnad/id/article/x> a isnad:Article . '
            '<https://w3id.org/isnad/id/person/x> a isnad:Person ; rdfs:label "a <b> & \\"c\\"\\u000B d"@ar } }'
        )
    target = tmp_path / "x.graphml"
    assert kg("export", "--store", built_store, "--format", "graphml", "-o", target).exit_code == 0
    assert nx.read_graphml(target).nodes["https://w3id.org/isnad/id/person/x"]["label_ar"] == 'a <b> & "c" d'


def test_server_export_graphml(live_server) -> None:
    response = requests.get(live_server.url + "/export.graphml", timeout=60)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/graphml+xml"
    assert response.headers["Content-Disposition"] == 'attachment; filename="isnad.graphml"'
    graph = nx.read_graphml(io.BytesIO(response.content))
    served = sparql(live_server, NODES_BY_SPARQL).json()["results"]["bindings"][0]["n"]["value"]
    assert graph.number_of_nodes() == int(served)
    assert requests.get(live_server.url + "/export.csv", timeout=30).status_code == 404


def test_negotiation_offers_graphml_for_graphs_only(live_server) -> None:
    article = "https://w3id.org/isnad/id/article/servertest"
    response = requests.get(live_server.url + "/rdf-graph-store", params={"graph": article},
                            headers={"Accept": "application/graphml+xml"}, timeout=30)
    assert response.headers["Content-Type"] == "application/graphml+xml"
    graph = nx.read_graphml(io.BytesIO(response.content))
    assert graph.nodes["https://w3id.org/isnad/id/person/servertest-fuad-hussein"]["articles"] == article
    anything = requests.get(live_server.url + "/rdf-graph-store?default", headers={"Accept": "*/*"}, timeout=30)
    assert anything.headers["Content-Type"].startswith("text/turtle")
    for path in ("/void?format=graphml", "/sparql?format=graphml&query=CONSTRUCT+WHERE+%7B%3Fs+%3Fp+%3Fo%7D"):
        refused = requests.get(live_server.url + path, timeout=30)
        assert refused.status_code == 400 and "graphml" in refused.text, path
