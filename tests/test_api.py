"""The public Python API: rdflib Dataset on the store, DataFrames from a store and from `kg serve`,
extracting and adding text, and the README's notebook example run as written."""

from __future__ import annotations

import re
import shutil
import socket
from pathlib import Path

import pandas as pd
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS

import kg
from kg.errors import InputError, QueryError, RemoteError
from kg.store import GraphStore
from tests.conftest import PERSON, ROOT, SEEDS

STATEMENTS = """SELECT ?statement ?speaker ?content WHERE {
  ?statement a isnad:Statement ; isnad:speaker ?speaker ; isnad:content ?content } ORDER BY ?statement ?speaker"""
TYPED = """SELECT ?day ?month ?year ?count ?share ?quoted ?name ?none WHERE {
  VALUES (?day ?month ?year ?count ?share ?quoted ?name ?none) {
    ("2024-03-12"^^xsd:date "2020-06"^^xsd:gYearMonth "2019"^^xsd:gYear 3 0.5 true "بغداد"@ar UNDEF)
    ("2024-03-13"^^xsd:date "2020-07"^^xsd:gYearMonth "2020"^^xsd:gYear UNDEF 1.5 false "Baghdad"@en UNDEF)
  } }"""


def graph_size(store: GraphStore, graph: str) -> int:
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))["n"].value)


def test_open_dataset_is_rdflib_on_oxigraph(built_store: Path) -> None:
    dataset = kg.open_dataset(built_store)
    assert isinstance(dataset, Dataset) and type(dataset.store).__name__ == "OxigraphStore"
    with GraphStore(built_store, read_only=True) as store:
        article = str(next(store.article_graphs()))
        size = graph_size(store, article)
    graph = Graph(dataset.store, identifier=URIRef(article))
    assert len(graph) == size
    assert graph.value(URIRef(article), DCTERMS.title) is not None
    assert len(Graph().parse(data=graph.serialize(format="turtle"), format="turtle")) == size
    statements = dataset.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a isnad:Statement }",
                               initNs={"isnad": "https://w3id.org/isnad/ontology#"})
    assert int(next(iter(statements))[0]) > 0


def test_query_frame_types_cells_and_labels_iris(built_store: Path) -> None:
    with kg.open_store(built_store) as store:
        typed = kg.query_frame(store, TYPED)
        said = kg.query_frame(store, STATEMENTS)
        bare = kg.query_frame(store, STATEMENTS, labels=False)
    assert str(typed["day"].dtype) == "datetime64[ns]" or typed["day"].dtype.kind == "M"
    assert list(typed["day"]) == [pd.Timestamp("2024-03-12"), pd.Timestamp("2024-03-13")]
    assert list(typed["month"]) == [pd.Period("2020-06", "M"), pd.Period("2020-07", "M")]
    assert list(typed["year"]) == [pd.Period("2019", "Y"), pd.Period("2020", "Y")]
    assert str(typed["count"].dtype) == "Int64" and typed["count"][0] == 3 and pd.isna(typed["count"][1])
    assert str(typed["share"].dtype) == "Float64" and typed["share"].sum() == 2.0
    assert str(typed["quoted"].dtype) == "boolean" and list(typed["quoted"]) == [True, False]
    assert list(typed["name"]) == ["بغداد", "Baghdad"] and typed["none"].isna().all()
    assert list(said.columns) == ["statement", "speaker", "speaker_label_ar", "speaker_label_en", "content"]
    iraq = said[said["speaker"] == "https://w3id.org/isnad/id/country/iraq"]
    assert set(iraq["speaker_label_ar"]) == {"العراق"} and set(iraq["speaker_label_en"]) == {"Iraq"}
    assert list(bare.columns) == ["statement", "speaker", "content"]


def test_query_frame_from_kg_serve_equals_the_store(live_server, server_store: Path) -> None:
    remote = kg.query_frame(live_server.url + "/sparql", STATEMENTS)
    with kg.open_store(server_store) as store:
        local = kg.query_frame(store, STATEMENTS)
    assert len(remote) > 10 and PERSON in set(remote["speaker"])
    pd.testing.assert_frame_equal(remote, local)
    typed = kg.query_frame(live_server.url + "/sparql", TYPED)
    assert typed["day"].dtype.kind == "M" and str(typed["count"].dtype) == "Int64"


def test_query_frame_errors(live_server, built_store: Path) -> None:
    with kg.open_store(built_store) as store:
        with pytest.raises(QueryError, match="Only a SELECT"):
            kg.query_frame(store, "ASK { ?s ?p ?o }")
        with pytest.raises(QueryError, match="Only a SELECT"):
            kg.query_frame(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1")
        with pytest.raises(QueryError, match="Malformed"):
            kg.query_frame(store, "SELECT ?s WHERE {")
    with pytest.raises(QueryError, match="answered 400"):
        kg.query_frame(live_server.url + "/sparql", "SELECT ?s WHERE {")
    with pytest.raises(QueryError, match="only a SELECT"):
        kg.query_frame(live_server.url + "/sparql", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1")
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with pytest.raises(RemoteError, match="Cannot reach"):
        kg.query_frame(f"http://127.0.0.1:{port}/sparql", "SELECT * WHERE { ?s ?p ?o }", timeout=5)
    with pytest.raises(InputError, match="not an endpoint URL"):
        kg.query_frame(str(built_store), "SELECT * WHERE { ?s ?p ?o }")


def test_extract_and_add_text(tmp_path: Path) -> None:
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    articles = kg.extract_text(text, source="pasted")
    assert articles[0].source == "pasted" and articles[0].statements
    with kg.open_store(tmp_path / "store", writable=True) as store:
        first = kg.add_text(store, text, source="pasted")
        quads = store.quad_count()
        assert kg.add_text(store, text, source="pasted") == first and store.quad_count() == quads
        said = kg.query_frame(store, STATEMENTS)
        assert len({s.rsplit("/statement/", 1)[0] for s in said["statement"]}) == 1
        assert store.graph_exists("https://w3id.org/isnad/ontology")
        with pytest.raises(InputError, match="no article text"):
            kg.add_text(store, "hello world", source="english.txt")
        assert store.quad_count() == quads
    with kg.open_store(tmp_path / "store") as store, pytest.raises(InputError, match="read-only"):
        kg.add_text(store, text)


def readme_example() -> str:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Python and notebooks", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_example_runs(live_server, built_store: Path, tmp_path: Path, monkeypatch) -> None:
    store = tmp_path / "notebook-store"
    shutil.copytree(built_store, store)
    monkeypatch.setenv("ISNAD_STORE", str(store))
    code = readme_example()
    assert "http://127.0.0.1:5000/sparql" in code
    namespace: dict = {}
    exec(compile(code.replace("http://127.0.0.1:5000", live_server.url), "README.md", "exec"), namespace)
    said, remote = namespace["said"], namespace["remote"]
    assert "person/fuad-hussein" in namespace["article"].statements[0].speakers[0]
    assert {"speaker_label_ar", "speaker_label_en"} <= set(said.columns) and len(remote) > 0
    assert said["date"].dtype.kind == "M"
    assert said[said["date"] == "2024-03-10"]["speaker_label_ar"].tolist() == ["فؤاد حسين"]
    assert namespace["added"][0] in namespace["turtle"]
