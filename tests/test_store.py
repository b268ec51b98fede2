"""kg.store: a real Oxigraph store on disk: replacing graphs, queries, read-only use, stats."""

from __future__ import annotations

import io

import pytest
from rdflib import Graph, URIRef

from kg import catalog, rdf
from kg.errors import QueryError, StoreError
from kg.model import Article, Entity
from kg.store import GraphStore, SerializedGraph


def _graph(text: str, origin: str, entity: str = "country/iraq") -> SerializedGraph:
    article = Article(source="a.txt", text=text)
    article.entities = {entity: Entity(entity, "Country", "العراق")}
    triples = rdf.article_triples(article, origin=origin)
    return SerializedGraph(str(triples.iri), triples.ntriples, triples.triples)


@pytest.fixture
def store(tmp_path):
    with GraphStore(tmp_path / "store") as opened:
        yield opened


def test_replacing_a_source_drops_the_graphs_it_made_before(store) -> None:
    first = _graph("النص الأول", "file:///a.txt")
    assert store.replace_ntriples([first]) == first.triples
    assert [str(g) for g in store.graphs_from("file:///a.txt")] == [first.name]
    second = _graph("النص الثاني", "file:///a.txt", "country/iran")
    store.replace_ntriples([second], drop=store.graphs_from("file:///a.txt"))
    assert [str(g) for g in store.graphs_from("file:///a.txt")] == [second.name]
    assert not store.graph_exists(first.name)
    assert catalog.stats(store).articles == 1 and catalog.stats(store).entities["Country"] == 1


def test_a_failed_write_leaves_the_store_unchanged(store) -> None:
    store.replace_ntriples([_graph("نص", "file:///a.txt")])
    before = store.quad_count()
    broken = SerializedGraph("https://w3id.org/isnad/id/article/x", "<a> <b> .", 1)
    with pytest.raises(StoreError, match="Writing to the store"):
        store.replace_ntriples([broken], drop=store.graphs_from("file:///a.txt"))
    assert store.quad_count() == before


def test_queries_see_the_union_of_graphs_and_bad_ones_are_query_errors(store) -> None:
    store.replace_ntriples([_graph("نص", "file:///a.txt")])
    rows = list(store.query("SELECT ?e WHERE { ?e a isnad:Country }"))
    assert [row["e"].value for row in rows] == [str(rdf.entity_iri("country/iraq"))]
    with pytest.raises(QueryError, match="Malformed query"):
        store.query("SELECT WHERE {")


def test_a_read_only_store_refuses_updates_and_a_missing_one_says_build(tmp_path) -> None:
    with GraphStore(tmp_path / "s") as writable:
        writable.replace_ntriples([_graph("نص", "file:///a.txt")])
    with GraphStore(tmp_path / "s", read_only=True) as read_only:
        assert catalog.stats(read_only).articles == 1
        with pytest.raises(StoreError, match="read-only"):
            read_only.update("INSERT DATA { <a:x> <a:y> <a:z> }")
    with pytest.raises(StoreError, match="build one first"):
        GraphStore(tmp_path / "none", read_only=True)


def test_export_writes_the_graphs_in_the_format_asked(store) -> None:
    graph = _graph("نص", "file:///a.txt")
    store.replace_ntriples([graph])
    out = io.BytesIO()
    store.export(out, rdf.get_format("nquads"))
    lines = out.getvalue().decode().splitlines()
    assert len(lines) == graph.triples and all(line.endswith(f"<{graph.name}> .") for line in lines)


def test_a_reference_file_replaces_its_graph_with_what_rdflib_reads_in_it(store, tmp_path) -> None:
    turtle = tmp_path / "places.ttl"
    turtle.write_text(
        '@prefix ex: <http://example.org/> .\n'
        'ex:a ex:name "بغداد"@ar , "Baghdad"@en ; ex:rank 3 .\nex:b ex:near ex:a .\n',
        encoding="utf-8",
    )
    name = URIRef("http://example.org/graph/places")
    store.load_graph(name, turtle)
    assert store.load_graph(name, turtle) == 4  # loaded again: replaced, not added to
    expected = Graph().parse(turtle, format="turtle")
    found = Graph().parse(data=store.export_graph_ntriples(str(name)), format="nt")
    assert set(found) == set(expected) and len(found) == 4
    turtle.write_text("ex:a ex:b", encoding="utf-8")
    with pytest.raises(StoreError, match="places.ttl"):
        store.load_graph(name, turtle)
    assert len(Graph().parse(data=store.export_graph_ntriples(str(name)), format="nt")) == 4
