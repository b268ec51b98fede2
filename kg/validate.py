"""SHACL validation of article graphs against ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from kg.rdf import ONTOLOGY_GRAPH
from kg.store import GraphStore

SHAPES_FILE = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"


@dataclass
class ValidationReport:
    """The outcome of validating every article graph."""

    graphs: int = 0
    violations: list[str] = field(default_factory=list)  #: one line per violation

    def summary(self) -> str:
        """One line: graphs checked and violations found."""
        verdict = "conforms" if not self.violations else f"{len(self.violations)} violations"
        return f"Validated {self.graphs} article graphs against {SHAPES_FILE.name}: {verdict}"


def _graph(store: GraphStore, name: str) -> Graph:
    return Graph().parse(data=store.export_graph_ntriples(name), format="nt")


def validate_store(store: GraphStore) -> ValidationReport:
    """Validate each article graph on its own: an article graph is self-contained (ONTOLOGY.md)."""
    from pyshacl import validate

    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    ontology = _graph(store, str(ONTOLOGY_GRAPH))
    report = ValidationReport()
    for name in store.article_graphs():
        report.graphs += 1
        conforms, results, _ = validate(
            _graph(store, str(name)), shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True
        )
        if conforms:
            continue
        for result in results.subjects(SH.resultSeverity, SH.Violation):
            focus = results.value(result, SH.focusNode)
            path = results.value(result, SH.resultPath)
            message = results.value(result, SH.resultMessage)
            report.violations.append(f"<{name}>: {focus} {path or ''}: {message}")
    return report
