"""Dumps load unchanged into another triple store: Virtuoso 7.2 from Debian, run here on loopback.

Virtuoso keeps the backslash of an escaped prefixed name (``res:person\\/x``) in the IRI it
stores, so a dump it loads shows whether any IRI was written that way. Each test's Virtuoso runs
on free loopback ports with a database in a temporary folder and the virtuoso.ini written here;
it loads each dump with its bulk loader (``ld_dir`` + ``rdf_loader_run`` through ``isql-vt``)
and is asked over its SPARQL endpoint for the quads and IRIs it holds, which must be the store's.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from kg.store import GraphStore
from tests.conftest import answers, running

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
pytestmark = pytest.mark.skipif(
    not (VIRTUOSO and ISQL), reason="Virtuoso is not installed (Debian: apt-get install virtuoso-opensource-7-bin)."
)

#: The dump formats Virtuoso's bulk loader reads, as (kg export --format, file name it loads by).
DUMPS = [("turtle", "dump.ttl"), ("trig", "dump.trig"), ("nquads", "dump.nq"), ("ntriples", "dump.nt"),
         ("xml", "dump.rdf")]
#: The graph Virtuoso puts the triples of a triple format in.
TRIPLES_GRAPH = "urn:isnad-test:triples"
#: A graph loaded from elsewhere: IRIs under the dumps' own prefixes whose local parts a prefixed
#: name could carry only escaped.
FOREIGN_GRAPH = "urn:isnad-test:foreign"
FOREIGN = """
<https://w3id.org/isnad/ontology#odd~name> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <https://schema.org/a/b(c)> .
<http://www.wikidata.org/entity/statement/Q796-1!x> <http://purl.org/dc/terms/source> <https://schema.org/x,y> .
<http://www.wikidata.org/entity/Q796> <http://www.w3.org/2000/01/rdf-schema#label> "back\\\\slash res:a\\\\/b"@en .
"""

INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {dir}
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Virtuoso:
    """A running virtuoso-t: SQL through isql-vt, SPARQL over HTTP."""

    def __init__(self, folder: Path, sql_port: int, http_port: int):
        self.folder, self.sql_port, self.endpoint = folder, sql_port, f"http://127.0.0.1:{http_port}/sparql"

    def sql(self, statements: str) -> str:
        """Run SQL statements as dba; the output, which must hold no error."""
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],
            capture_output=True, text=True, timeout=300, check=False,
        )
        assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        return done.stdout

    def load(self, dump: Path) -> None:
        """Bulk-load one file (its format by its extension); its triples outside a graph go to TRIPLES_GRAPH."""
        self.sql(f"ld_dir('{dump.parent}', '{dump.name}', '{TRIPLES_GRAPH}'); rdf_loader_run();")
        state = self.sql(f"SELECT ll_state, ll_error FROM DB.DBA.load_list WHERE ll_file LIKE '%/{dump.name}';")
        assert re.search(r"^2\s+NULL\s*$", state, re.MULTILINE), state  # state 2 (done), no error

    def select(self, query: str) -> list[dict]:
        response = requests.post(
            self.endpoint, data={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=120
        )
        assert response.ok, response.text
        return response.json()["results"]["bindings"]

    def clear(self, graphs: list[str]) -> None:
        """Drop what earlier loads put in ``graphs``, and forget the loads."""
        self.sql("".join(f"SPARQL CLEAR GRAPH <{graph}>; " for graph in graphs) + "DELETE FROM DB.DBA.load_list;")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    with (folder / "output.log").open("wb") as log:
        process = subprocess.Popen([VIRTUOSO, "-f", "-c", "virtuoso.ini"], cwd=folder, stdout=log, stderr=log)
    server = Virtuoso(folder, sql_port, http_port)
    output = (folder / "output.log").read_text
    with running(process, lambda: answers(server.endpoint + "?query=ASK%20%7B%7D"), lambda: output(errors="replace"),
                 within=90, stop_within=30):
        yield server


@pytest.fixture(scope="module")
def dumped_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built, and a foreign graph loaded, into one store."""
    from click.testing import CliRunner

    from kg.cli import cli
    from tests.conftest import SEEDS

    folder = tmp_path_factory.mktemp("dumped")
    store = folder / "store"
    (folder / "foreign.nt").write_text(FOREIGN, encoding="utf-8")
    for args in (["build", str(SEEDS), "--quiet"], ["load", str(folder / "foreign.nt"), "--graph", FOREIGN_GRAPH]):
        result = CliRunner().invoke(cli, [*args, "--store", str(store)])
        assert result.exit_code == 0, result.output
    return store


Quads = set[tuple[str, str, str, str]]


def store_quads(store: Path, datasets: bool) -> tuple[Quads, set[str]]:
    """The store's quads as (subject, predicate, object, graph) values, and the IRIs among them.

    Without ``datasets`` (a triple format) each distinct triple counts once, in TRIPLES_GRAPH.
    """
    quads, found = set(), set()
    with GraphStore(store, read_only=True) as opened:
        for quad in opened.native:
            graph = quad.graph_name.value if datasets else TRIPLES_GRAPH
            quads.add((quad.subject.value, quad.predicate.value, quad.object.value, graph))
            found |= {quad.subject.value, quad.predicate.value, graph}
            if isinstance(quad.object, ox.NamedNode):
                found.add(quad.object.value)
    return quads, found


def virtuoso_quads(virtuoso: Virtuoso, graphs: list[str]) -> tuple[Quads, set[str]]:
    """What Virtuoso holds in ``graphs``, as ``store_quads`` gives it."""
    values = " ".join(f"<{graph}>" for graph in graphs)
    rows = virtuoso.select(f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
    quads = {(row["s"]["value"], row["p"]["value"], row["o"]["value"], row["g"]["value"]) for row in rows}
    found = {row[name]["value"] for row in rows for name in "spog" if row[name]["type"] == "uri"}
    return quads, found


@pytest.mark.parametrize("fmt, name", DUMPS, ids=[fmt for fmt, _ in DUMPS])
def test_every_dump_loads_unchanged_into_virtuoso(kg, virtuoso, dumped_store, tmp_path, fmt, name):
    dump = tmp_path / name
    result = kg("export", "--store", dumped_store, "--format", fmt, "-o", dump)
    assert result.exit_code == 0, result.output
    expected, expected_iris = store_quads(dumped_store, datasets=fmt in ("trig", "nquads"))
    graphs = sorted({quad[3] for quad in expected})
    virtuoso.load(dump)
    try:
        loaded, loaded_iris = virtuoso_quads(virtuoso, graphs)
        wrong = sorted(loaded_iris - expected_iris)
        assert not wrong, f"{len(wrong)} IRIs Virtuoso read differently, e.g. {wrong[:3]}"
        assert loaded_iris == expected_iris
        assert len(loaded) == len(expected), (len(loaded), len(expected))
    finally:
        virtuoso.clear(graphs)


def test_turtle_and_trig_write_escaped_names_in_full(kg, dumped_store):
    for fmt, parse_as in (("turtle", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG)):
        result = kg("export", "--store", dumped_store, "--format", fmt)
        assert result.exit_code == 0, result.output
        text = result.stdout
        assert "@prefix res:" not in text and "<https://w3id.org/isnad/id/person/" in text
        assert "<https://schema.org/a/b(c)>" in text and "<https://w3id.org/isnad/ontology#odd~name>" in text
        assert "<http://www.wikidata.org/entity/statement/Q796-1!x>" in text and "wd:Q796 " in text
        assert '"back\\\\slash res:a\\\\/b"@en' in text  # a literal keeps its own escapes
        parsed = ox.Store()
        parsed.load(result.stdout_bytes, parse_as, to_graph=ox.NamedNode(TRIPLES_GRAPH) if fmt == "turtle" else None)
        assert {q[:3] for q in store_quads(dumped_store, datasets=False)[0]} == {
            (q.subject.value, q.predicate.value, q.object.value) for q in parsed
        }
