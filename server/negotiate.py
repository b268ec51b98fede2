"""Choosing a response format from a ``format`` parameter or the ``Accept`` header (with q-values).

RDF formats come from ``kg.rdf.FORMATS`` (the one alias table); SPARQL results formats are listed
here. Every alias of a format is offered, so ``Accept: application/json`` gets SPARQL JSON and
``text/plain`` gets N-Triples.
"""

from __future__ import annotations

from functools import lru_cache

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.errors import InputError
from kg.rdf import FORMATS, get_format

#: SPARQL results format name -> its media type.
RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
_RESULT_OFFERS = {
    **{media: name for name, media in RESULT_MEDIA_TYPES.items()},
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
#: RDF offers in order of preference when the client accepts anything: Turtle first.
_RDF_OFFERS = {alias: fmt.name for alias, fmt in FORMATS.items() if "/" in alias and fmt.is_rdf}
#: Where a whole graph is asked for, its property graph (GraphML) is offered too, after RDF.
_GRAPH_OFFERS = {**_RDF_OFFERS, **{alias: fmt.name for alias, fmt in FORMATS.items() if "/" in alias}}
_RESULT_OFFER_LIST = tuple(_RESULT_OFFERS)
_RDF_OFFER_LIST = tuple(_RDF_OFFERS)
_GRAPH_OFFER_LIST = tuple(_GRAPH_OFFERS)
#: What a graph result is written as when a results format was named, and the reverse.
_GRAPH_FOR_RESULTS = {"json": "jsonld", "xml": "xml", "csv": "ntriples", "tsv": "ntriples"}


def rdf_media_type(name: str) -> str:
    """The media type of an RDF format name."""
    return get_format(name).media_type


def media_type(kind: str, fmt: str) -> str:
    """The Content-Type of a worker reply: SPARQL results or RDF, with a charset for text types."""
    media = rdf_media_type(fmt) if kind == "QueryTriples" else RESULT_MEDIA_TYPES[fmt]
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


def file_extension(kind: str, fmt: str) -> str:
    """The file extension of a worker reply: the RDF format's, or the results format's name."""
    return get_format(fmt).extension if kind == "QueryTriples" else fmt


@lru_cache(maxsize=512)
def _best(accept: str, offers: tuple[str, ...]) -> str | None:
    # Clients send a handful of distinct Accept headers, and matching one against every offer
    # costs more than the rest of a small query's request: each header is matched once.
    return parse_accept_header(accept, MIMEAccept).best_match(offers) if accept else None


def choose_rdf(accept: str, param: str | None, default: str = "turtle", property_graphs: bool = False) -> str | None:
    """The RDF format asked for by ``param`` or the Accept header, or None when it admits none.

    Args:
        property_graphs: GraphML may be chosen too (a whole graph is asked for, not a query's answer).

    Raises:
        InputError: ``param`` names no RDF format (nor, with ``property_graphs``, GraphML).
    """
    if param:
        fmt = get_format(param)
        if not (fmt.is_rdf or (property_graphs and not fmt.folder)):
            raise InputError(f"'{fmt.name}' is not an RDF format; this answer is RDF only.")
        return fmt.name
    if not accept:
        return default
    offers = _GRAPH_OFFERS if property_graphs else _RDF_OFFERS
    best = _best(accept, _GRAPH_OFFER_LIST if property_graphs else _RDF_OFFER_LIST)
    return offers[best] if best else None


def choose_query_formats(accept: str, param: str | None) -> tuple[str, str]:
    """The (results format, graph format) a query reply is written in.

    The query's form (SELECT/ASK or CONSTRUCT/DESCRIBE) is known only once it is parsed, so both
    are chosen up front. An Accept header naming neither kind gets the defaults (SPARQL JSON,
    Turtle) rather than a 406: tools send browser-like headers.

    Raises:
        InputError: ``param`` names no format.
    """
    if param:
        name = param.strip().lower()
        if name in _RESULT_OFFERS or name in RESULT_MEDIA_TYPES:
            results = _RESULT_OFFERS.get(name, name)
            return results, _GRAPH_FOR_RESULTS[results]
        if name in FORMATS and FORMATS[name].is_rdf:
            return "json", FORMATS[name].name
        valid = ", ".join([*RESULT_MEDIA_TYPES, *sorted({f.name for f in FORMATS.values() if f.is_rdf})])
        raise InputError(f"Unknown format '{param}'; choose one of: {valid}.")
    results = _best(accept, _RESULT_OFFER_LIST)
    return _RESULT_OFFERS[results] if results else "json", choose_rdf(accept, None) or "turtle"


def wants_html(accept: str) -> bool:
    """Whether a browser is asking (HTML preferred over every RDF format), by its Accept header."""
    return _best(accept, ("text/html", *_RDF_OFFER_LIST)) in ("text/html", "application/xhtml+xml")
