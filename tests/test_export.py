"""Exports: every format parses back, and tools other than rdflib count the same triples."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, URIRef

from kg.rdf import ISNAD

FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt", "jsonld": "json-ld", "xml": "xml"}


def export(kg, store: Path, fmt: str, *extra: str) -> bytes:
    result = kg("export", "--store", store, "--format", fmt, *extra)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def distinct_triples(kg, store: Path) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    result = kg("query", query, "--store", store, "--format", "csv")
    return int(result.stdout.split()[1])


def quad_count(kg, store: Path) -> int:
    result = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store, "--format", "csv")
    return int(result.stdout.split()[1])


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_parses_back_with_rdflib(kg, built_store, fmt):
    data = export(kg, built_store, fmt)
    if fmt in ("trig", "nquads", "jsonld"):
        parsed = Dataset()
        parsed.parse(data=data, format=FORMATS[fmt])
        assert sum(1 for _ in parsed.quads()) == quad_count(kg, built_store)
    else:
        parsed = Graph().parse(data=data, format=FORMATS[fmt])
        assert len(parsed) == distinct_triples(kg, built_store)


def test_one_graph_export(kg, built_store):
    graph_query = "SELECT ?g WHERE { GRAPH ?g { ?g a isnad:Article } } LIMIT 1"
    result = kg("query", graph_query, "--store", built_store, "--format", "csv")
    graph = result.stdout.split()[1]
    data = export(kg, built_store, "turtle", "--graph", graph)
    parsed = Graph().parse(data=data, format="turtle")
    assert (URIRef(graph), RDF.type, ISNAD.Article) in parsed
    missing = kg("export", "--store", built_store, "--graph", "https://example.org/nothing")
    assert missing.exit_code != 0 and "No graph" in missing.stderr


def test_export_to_file_and_unknown_format(kg, built_store, tmp_path):
    target = tmp_path / "dump.nq"
    assert kg("export", "--store", built_store, "--format", "nq", "-o", target).exit_code == 0
    assert target.read_bytes().count(b"\n") == quad_count(kg, built_store)
    bad = kg("export", "--store", built_store, "--format", "yaml")
    assert bad.exit_code != 0 and "choose one of" in bad.stderr


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils (rapper) is not installed")
@pytest.mark.parametrize("fmt, syntax", [("turtle", "turtle"), ("nquads", "nquads"), ("trig", "trig")])
def test_rapper_counts_match(kg, built_store, tmp_path, fmt, syntax):
    target = tmp_path / f"dump.{fmt}"
    target.write_bytes(export(kg, built_store, fmt))
    result = subprocess.run(["rapper", "-c", "-i", syntax, str(target)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    count = int(result.stderr.split("returned ")[1].split()[0])
    expected = distinct_triples(kg, built_store) if fmt == "turtle" else quad_count(kg, built_store)
    assert count == expected
