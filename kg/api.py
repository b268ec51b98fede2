"""The public Python API, for notebooks and scripts (README, "Python and notebooks").

Everything here is also reachable as ``kg.<name>``. The store is the one ``kg build`` writes;
the rdflib ``Dataset`` of ``open_dataset`` is the same data through rdflib's interface (the
Oxigraph plugin of oxrdflib), so rdflib's tools read it without a copy.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from kg import rdf
from kg.errors import InputError
from kg.frames import endpoint_fetch, results_frame, store_fetch
from kg.model import Article
from kg.store import GraphStore, SerializedGraph, default_path

if TYPE_CHECKING:
    import pandas as pd
    from rdflib import Dataset


def open_store(path: str | os.PathLike[str] | None = None, writable: bool = False) -> GraphStore:
    """Open an Isnad store: ``path``, else ``$ISNAD_STORE``, else the per-user store.

    Read-only unless ``writable`` (one process may write a store at a time); close it, or use it
    in a ``with`` block, to release it.

    Raises:
        StoreError: there is no store at ``path`` (read-only), or another process writes it.
    """
    return GraphStore(os.path.expanduser(path) if path is not None else default_path(), read_only=not writable)


def open_dataset(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The store as a read-only rdflib ``Dataset`` on Oxigraph; its default graph is the union of all graphs.

    ``Graph(dataset.store, identifier=URIRef(article_iri))`` is one article's graph (rdflib's
    ``Dataset.graph`` would try to create it, and ``get_graph`` walks every graph to find it);
    ``dataset.query`` runs SPARQL on Oxigraph's engine.

    Raises:
        StoreError: there is no store at ``path``, or another process writes it.
    """
    return open_store(path).dataset


def query_frame(source: GraphStore | str, sparql: str, labels: bool = True, timeout: float = 60.0) -> pd.DataFrame:
    """Run a SELECT on a store or a SPARQL endpoint and return the answer as a pandas DataFrame.

    Args:
        source: an open store, or the URL of a SPARQL endpoint (``http://host:5000/sparql``).
        sparql: a SELECT query; the prefixes of ``kg query`` are predeclared for a store, and
            ``kg serve`` predeclares them too.
        labels: add ``<column>_label_ar`` / ``<column>_label_en`` beside each column of IRIs.
        timeout: seconds to wait for an endpoint's answer.

    Returns:
        One column per variable: numbers, booleans and dates typed (``xsd:date`` as timestamps,
        ``xsd:gYearMonth``/``xsd:gYear`` as Periods), IRIs and other text as strings.

    Raises:
        QueryError: the query is malformed, refused, or not a SELECT.
        RemoteError: the endpoint cannot be reached.
    """
    if isinstance(source, str):
        if not source.startswith(("http://", "https://")):
            raise InputError(f"'{source}' is not an endpoint URL; pass kg.open_store(path) to query a store.")
        fetch = endpoint_fetch(source, timeout)
    else:
        fetch = store_fetch(source)
    return results_frame(fetch(sparql), fetch if labels else None)


def extract_text(text: str, source: str = "text") -> list[Article]:
    """Run the extractor on a string: the articles it holds, with their mentions, entities and statements.

    Raises:
        InputError: the text is too long for one article.
        ExtractionError: the extractor failed or ran out of time.
    """
    from kg import pipeline  # the extractor takes a second or two to import

    return pipeline.extract(text, source)


def add_text(store: GraphStore, text: str, source: str = "text", origin: str | None = None) -> list[str]:
    """Extract the articles of a string and write their graphs to ``store``, as ``kg build`` does a file.

    Args:
        store: a store opened with ``writable=True``.
        source: what the article's ``dcterms:source`` says it came from.
        origin: an IRI for where the text came from (a URL); adding text from the same origin
            again replaces what it gave before. The same text always replaces itself.

    Returns:
        The IRIs of the article graphs written.

    Raises:
        InputError: the store is open read-only, or the text holds no article text.
        StoreError: the write failed (the store is unchanged).
    """
    from kg.build import load_reference_graphs

    if store.read_only:
        raise InputError("This store is open read-only; open it with kg.open_store(path, writable=True).")
    articles = [article for article in extract_text(text, source) if article.text]
    if not articles:
        raise InputError(f"{source}: no article text is left once the page furniture is dropped; nothing was added.")
    if not store.graph_exists(str(rdf.ONTOLOGY_GRAPH)):
        load_reference_graphs(store)
    graphs = [rdf.article_triples(article, origin) for article in articles]
    store.replace_ntriples(
        [SerializedGraph(str(g.iri), g.ntriples, g.triples) for g in graphs],
        drop=store.graphs_from(origin) if origin else (),
    )
    return [str(g.iri) for g in graphs]
