"""What a store holds, asked in the ontology's terms: its counts per class, and which of its
entities are linked to Wikidata (``kg link`` reads and writes these)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import StoreError
from kg.rdf import ENTITY_CLASSES, ISNAD
from kg.store import PREFIX_MAP, GraphStore, named_node


@dataclass(frozen=True)
class Stats:
    """What a store holds."""

    articles: int
    triples: int
    graphs: int
    entities: dict[str, int]


def stats(store: GraphStore) -> Stats:
    """Count articles, triples, graphs and entities per class."""
    per_class = {}
    for cls in ENTITY_CLASSES:
        rows = store.native.query(
            f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH ?g {{ ?g a isnad:Article . ?e a isnad:{cls} }} }}",
            prefixes=PREFIX_MAP,
        )
        per_class[cls] = int(next(iter(rows))["n"].value)
    return Stats(
        articles=sum(1 for _ in store.article_graphs()),
        triples=len(store.native),
        graphs=sum(1 for _ in store.native.named_graphs()),
        entities=per_class,
    )

def unlinked_entities(store: GraphStore, types: Iterable[str]) -> list[tuple[str, str, str]]:
    """Entities of ``types`` in article graphs that no graph links with ``skos:exactMatch``.

    Returns:
        (entity IRI, type name, Arabic label) triples, sorted by IRI.
    """
    classes = " ".join(f'({ox.NamedNode(str(ISNAD[name]))} "{name}")' for name in types)
    rows = store.native.query(
        f"""SELECT ?e ?type (MIN(?label) AS ?name) WHERE {{
              VALUES (?class ?type) {{ {classes} }}
              GRAPH ?g {{ ?g a isnad:Article . ?e a ?class ; rdfs:label ?label . FILTER(LANG(?label) = "ar") }}
              FILTER NOT EXISTS {{ ?e skos:exactMatch ?item }}
            }} GROUP BY ?e ?type ORDER BY ?e""",
        use_default_graph_as_union=True,
        prefixes=PREFIX_MAP,
    )
    return [(row["e"].value, row["type"].value, row["name"].value) for row in rows]

def exact_matches(store: GraphStore, entities: Iterable[str]) -> dict[str, set[str]]:
    """For each of ``entities`` that some article graph mentions, the IRIs it is ``skos:exactMatch`` to.

    Raises:
        InputError: an entity is not a valid IRI.
    """
    values = " ".join(str(named_node(iri)) for iri in entities)
    rows = store.native.query(
        f"""SELECT ?e ?item WHERE {{
              VALUES ?e {{ {values} }}
              GRAPH ?g {{ ?g a isnad:Article . ?e a ?class }}
              OPTIONAL {{ ?e skos:exactMatch ?item }}
            }}""",
        use_default_graph_as_union=True,
        prefixes=PREFIX_MAP,
    )
    found: dict[str, set[str]] = {}
    for row in rows:
        items = found.setdefault(row["e"].value, set())
        if row["item"] is not None:
            items.add(row["item"].value)
    return found

def add_exact_matches(store: GraphStore, links: Iterable[tuple[str, URIRef]]) -> int:
    """Atomically add ``entity skos:exactMatch item`` to every article graph the entity appears in.

    Returns:
        The number of triples added.

    Raises:
        StoreError: the write failed; the store is unchanged.
    """
    parts = [
        f"""INSERT {{ GRAPH ?g {{ {named_node(entity)} skos:exactMatch {ox.NamedNode(str(item))} }} }}
            WHERE {{ GRAPH ?g {{ ?g a isnad:Article . {named_node(entity)} a ?class }} }}"""
        for entity, item in links
    ]
    if not parts:
        return 0
    before = len(store.native)
    try:
        store.native.update(" ;\n".join(parts), prefixes=PREFIX_MAP)
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"Writing to the store at {store.path} failed: {exc}") from None
    return len(store.native) - before
