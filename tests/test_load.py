"""kg load: native bulk loading of RDF dumps, all-or-nothing on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import GraphStore

LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
NTRIPLES = "".join(f'<https://example.org/e{i}> {LABEL} "كيان {i}"@ar .\n' for i in range(50))
NQUADS = '<https://example.org/a> <https://example.org/p> <https://example.org/b> <https://example.org/g> .\n'
TURTLE = """@prefix ex: <https://example.org/> .
ex:x ex:p "1", "2" ; ex:q ex:y .
"""
TRIG = """@prefix ex: <https://example.org/> .
ex:g1 { ex:s ex:p ex:o . }
ex:g2 { ex:s ex:p ex:o2 . ex:s ex:p ex:o3 . }
"""


def quads(store_path: Path) -> list[tuple[str, str, str, str]]:
    with GraphStore(store_path, read_only=True) as store:
        return [(q.subject.value, q.predicate.value, str(q.object), str(q.graph_name)) for q in store.native]


@pytest.fixture
def dumps(tmp_path: Path) -> dict[str, Path]:
    files = {"nt": NTRIPLES, "nq": NQUADS, "ttl": TURTLE, "trig": TRIG}
    for ext, text in files.items():
        (tmp_path / f"dump.{ext}").write_text(text, encoding="utf-8")
    return {ext: tmp_path / f"dump.{ext}" for ext in files}


def test_load_reads_every_format_and_counts_quads(kg, store_path, dumps):
    result = kg("load", *dumps.values(), "--store", store_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().startswith("Loaded 57 quads from 4 files")
    stored = quads(store_path)
    assert len(stored) == 57
    graphs = {graph for *_, graph in stored}
    # Triples without a graph land in their file's graph; quads keep their own.
    assert f"<{dumps['nt'].resolve().as_uri()}>" in graphs and f"<{dumps['ttl'].resolve().as_uri()}>" in graphs
    assert {"<https://example.org/g>", "<https://example.org/g1>", "<https://example.org/g2>"} <= graphs


def test_loaded_triples_answer_queries(kg, store_path, dumps):
    assert kg("load", dumps["nt"], "--store", store_path).exit_code == 0
    result = kg("query", 'SELECT ?e WHERE { ?e rdfs:label "كيان 7"@ar }', "--store", store_path, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.split()[1:] == ["https://example.org/e7"]


def test_graph_option_names_the_target_graph(kg, store_path, dumps):
    assert kg("load", dumps["ttl"], "--graph", "https://example.org/mine", "--store", store_path).exit_code == 0
    assert {graph for *_, graph in quads(store_path)} == {"<https://example.org/mine>"}


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("broken.nt", '<https://example.org/a> <https://example.org/p> "unterminated .\n', "not valid ntriples"),
        ("broken.ttl", "@prefix ex: <https://example.org/> .\nex:a ex:p .\n", "not valid turtle"),
        ("dump.json", "{}", "cannot tell the format"),
        ("dump.rdf", "<rdf:RDF/>", "kg load reads"),
    ],
)
def test_bad_file_is_one_line_and_leaves_the_store_untouched(kg, store_path, dumps, tmp_path, name, content, message):
    assert kg("load", dumps["nq"], "--store", store_path).exit_code == 0
    before = quads(store_path)
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    # The good file comes first: it must not be loaded either.
    result = kg("load", dumps["nt"], bad, "--store", store_path)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and name in result.stderr and message in result.stderr
    assert "Traceback" not in result.output
    assert quads(store_path) == before


def test_missing_file_creates_no_store(kg, store_path, tmp_path):
    result = kg("load", tmp_path / "absent.nt", "--store", store_path)
    assert result.exit_code == 1
    assert "no such file" in result.stderr
    assert not store_path.exists()


def test_triple_export_writes_each_triple_of_overlapping_graphs_once(kg, store_path, tmp_path):
    # The same entity description in many article graphs, as a grown store has it.
    lines = []
    for graph in range(30):
        for entity in range(graph % 7, graph % 7 + 10):
            lines.append(f'<https://example.org/e{entity}> {LABEL} "كيان {entity}"@ar <https://example.org/g{graph}> .')
        lines.append(f"_:b{graph} {LABEL} \"{graph}\" <https://example.org/g{graph}> .")
    dump = tmp_path / "overlap.nq"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert kg("load", dump, "--store", store_path).exit_code == 0
    result = kg("export", "--store", store_path, "--format", "ntriples")
    assert result.exit_code == 0, result.output
    written = result.stdout.splitlines()
    assert len(written) == len(set(written)) == 16 + 30
