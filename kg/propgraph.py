"""Property-graph exports: the article graphs as nodes and edges for the graph tools analysts use.

GraphML is read by Gephi, Cytoscape, yEd, NetworkX and igraph; ``nodes.csv`` and
``relationships.csv`` are the files ``neo4j-admin database import`` reads. Both are written from
one ``PropertyGraph``, which the SPARQL queries of ``kg.rdf`` (``PROPERTY_GRAPH_*``, the whole
mapping) read from the store: entities and statements are nodes, the relations between them edges,
and each node and edge lists the article graphs it comes from.
"""

from __future__ import annotations

import csv
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kg.errors import InputError
from kg.rdf import NODE_PROPERTIES, PROPERTY_GRAPH_EDGES, PROPERTY_GRAPH_NODES, PROPERTY_GRAPH_PROPERTIES, Format

if TYPE_CHECKING:
    from kg.store import GraphStore

#: Node files list several labels or articles in one field, split on this (neo4j-admin's default).
ARRAY_DELIMITER = ";"

#: GraphML value type -> neo4j-admin header type (strings need none).
_NEO4J_TYPES = {"string": "", "long": ":long", "boolean": ":boolean"}

# XML 1.0 cannot carry these characters at all, escaped or not.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})


@dataclass
class Node:
    """An entity or a statement: its IRI, class names, property values and source articles."""

    iri: str
    types: set[str] = field(default_factory=set)
    properties: dict[str, str] = field(default_factory=dict)  #: name (NODE_PROPERTIES) -> lexical value
    articles: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        """What a drawing shows: the Arabic name, or a statement's content."""
        return self.properties.get("label_ar") or self.properties.get("content") or self.iri


@dataclass
class Edge:
    """One relation between two nodes, with the articles that state it."""

    source: str
    type: str
    target: str
    articles: set[str] = field(default_factory=set)


@dataclass
class PropertyGraph:
    """Nodes by IRI and edges by (source, type, target)."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)


def read_property_graph(store: GraphStore, graph: str | None = None) -> PropertyGraph:
    """Read the property graph of every article graph, or of one.

    Raises:
        NotFound: ``graph`` is not in the store.
    """
    options: dict[str, list[str]] = {} if graph is None else {"default_graphs": [], "named_graphs": [graph]}
    result = PropertyGraph()
    for row in store.query(PROPERTY_GRAPH_NODES, **options):
        node = result.nodes.setdefault(row["node"].value, Node(row["node"].value))
        node.types.add(row["type"].value)
        node.articles.add(row["article"].value)
    for row in store.query(PROPERTY_GRAPH_PROPERTIES, **options):
        properties = result.nodes[row["node"].value].properties
        key, value = row["key"].value, row["value"].value
        # Articles may disagree (two spellings of a name): keep one, the same one every time.
        properties[key] = min(value, properties.get(key, value))
    for row in store.query(PROPERTY_GRAPH_EDGES, **options):
        key = (row["source"].value, row["type"].value, row["target"].value)
        result.edges.setdefault(key, Edge(*key)).articles.add(row["article"].value)
    return result


def write_property_graph(store: GraphStore, fmt: Format, target: IO[bytes] | Path, graph: str | None = None) -> None:
    """Write the store's property graph (or one article graph's) with the writer ``fmt`` names.

    Args:
        target: a binary stream, or the folder a folder format (``csv``) writes its files into.

    Raises:
        InputError: a folder format was asked for without a folder.
        NotFound: ``graph`` is not in the store.
    """
    if fmt.folder and not isinstance(target, Path):
        raise InputError(f"The {fmt.name} export is a folder of files: use kg export --format {fmt.name} -o DIR.")
    module, _, function = fmt.writer.partition(":")
    writer = getattr(importlib.import_module(module), function)
    writer(read_property_graph(store, graph), target)


# -- GraphML --------------------------------------------------------------------------------

def _xml(value: str) -> str:
    return _NOT_XML_RE.sub("", value).translate(_XML_ESCAPES)


def _graphml_keys() -> list[tuple[str, str, str, str]]:
    """(key id, for, attr.name, attr.type) of every GraphML attribute."""
    node_keys = [("type", "string"), ("label", "string"), *((k, t) for k, (_, t) in NODE_PROPERTIES.items())]
    node_keys.append(("articles", "string"))
    keys = [(f"n{i}", "node", name, kind) for i, (name, kind) in enumerate(node_keys)]
    keys += [("e0", "edge", "type", "string"), ("e1", "edge", "articles", "string")]
    return keys


def _graphml_lines(graph: PropertyGraph) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/'
        'xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    keys = _graphml_keys()
    for key_id, domain, name, kind in keys:
        yield f'  <key id="{key_id}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>\n'
    node_keys = {name: key_id for key_id, domain, name, _ in keys if domain == "node"}
    yield '  <graph id="isnad" edgedefault="directed">\n'
    for node in graph.nodes.values():
        values = {
            "type": ARRAY_DELIMITER.join(sorted(node.types)),
            "label": node.label,
            **{name: node.properties[name] for name in NODE_PROPERTIES if name in node.properties},
            "articles": " ".join(sorted(node.articles)),
        }
        data = "".join(f'<data key="{node_keys[k]}">{_xml(v)}</data>' for k, v in values.items())
        yield f'    <node id="{_xml(node.iri)}">{data}</node>\n'
    for index, edge in enumerate(graph.edges.values()):
        articles = _xml(" ".join(sorted(edge.articles)))
        yield (
            f'    <edge id="e{index}" source="{_xml(edge.source)}" target="{_xml(edge.target)}">'
            f'<data key="e0">{_xml(edge.type)}</data><data key="e1">{articles}</data></edge>\n'
        )
    yield "  </graph>\n</graphml>\n"


def write_graphml(graph: PropertyGraph, out: IO[bytes]) -> None:
    """Write ``graph`` as GraphML: a directed graph whose node ids are the IRIs.

    Nodes carry ``type``, ``label`` (for drawings), the ``NODE_PROPERTIES`` they have and
    ``articles`` (space-separated article IRIs); edges carry ``type`` and ``articles``.
    """
    for line in _graphml_lines(graph):
        out.write(line.encode("utf-8"))


# -- neo4j-admin CSV -----------------------------------------------------------------------

def _neo4j_files(graph: PropertyGraph) -> dict[str, list[list[str]]]:
    """The rows (header first) of ``nodes.csv`` and ``relationships.csv``."""
    names = list(NODE_PROPERTIES)
    typed_names = [name + _NEO4J_TYPES[kind] for name, (_, kind) in NODE_PROPERTIES.items()]
    nodes = [["iri:ID", ":LABEL", "label", *typed_names, "articles:string[]"]]
    for node in graph.nodes.values():
        nodes.append([
            node.iri,
            ARRAY_DELIMITER.join(sorted(node.types)),
            node.label,
            *(node.properties.get(name, "") for name in names),
            ARRAY_DELIMITER.join(sorted(node.articles)),
        ])
    relationships = [[":START_ID", ":END_ID", ":TYPE", "articles:string[]"]]
    for edge in graph.edges.values():
        # Relationship types are upper case by Neo4j's convention (SPEAKER, PARTICIPANT, ...).
        relationships.append([edge.source, edge.target, edge.type.upper(), ARRAY_DELIMITER.join(sorted(edge.articles))])
    return {"nodes.csv": nodes, "relationships.csv": relationships}


def write_neo4j_csv(graph: PropertyGraph, folder: Path) -> None:
    """Write ``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import`` into ``folder``.

    Each file is written under a temporary name and renamed, so a failed export never leaves a
    truncated file under the real name.

    Raises:
        InputError: ``folder`` is an existing file.
    """
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file; the csv export writes nodes.csv and relationships.csv into a folder.")
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in _neo4j_files(graph).items():
        partial = folder / (name + ".partial")
        try:
            with partial.open("w", encoding="utf-8", newline="") as out:
                csv.writer(out).writerows(rows)
            partial.replace(folder / name)
        finally:
            partial.unlink(missing_ok=True)
