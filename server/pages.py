"""Linked data: every minted IRI ``<base>...`` is served at ``/id/...``.

Browsers get an HTML page (labels in Arabic and English, types, the Wikidata link, a person's
statements with the quoted span highlighted in the article, an article's text with its mentions
linked); RDF clients get Turtle, JSON-LD, N-Triples (or any other RDF format) by content
negotiation. Request input reaches SPARQL only as a bound IRI (pyoxigraph substitutions), never
as query text.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request

from kg.guard import is_iri
from kg.rdf import PREFIXES
from server.negotiate import choose_rdf, media_type, wants_html
from server.store import get_store
from server.timeline import timeline_for

bp = Blueprint("pages", __name__)

#: The resource's own triples and those pointing at it (a symmetric description).
DESCRIPTION = "CONSTRUCT { ?x ?p ?o . ?s ?q ?x } WHERE { { ?x ?p ?o } UNION { ?s ?q ?x } }"
EXISTS = "ASK { { ?x ?p ?o } UNION { ?s ?q ?x } }"

PROPERTIES = """
SELECT ?x ?p ?o (SAMPLE(?l) AS ?label) WHERE {
  ?x ?p ?o FILTER(?p != nif:isString)
  OPTIONAL { ?o rdfs:label|dcterms:title ?l FILTER(LANGMATCHES(LANG(?l), "ar")) }
} GROUP BY ?x ?p ?o ORDER BY ?p ?o LIMIT %(limit)d
"""

INCOMING = """
SELECT ?x ?s ?p (SAMPLE(?l) AS ?label) WHERE {
  ?s ?p ?x FILTER(?p NOT IN (isnad:speaker, itsrdf:taIdentRef, nif:referenceContext))
  OPTIONAL { ?s rdfs:label|dcterms:title ?l FILTER(LANGMATCHES(LANG(?l), "ar")) }
} GROUP BY ?x ?s ?p ORDER BY ?p ?s LIMIT %(limit)d
"""

STATEMENTS = """
SELECT ?x ?statement ?content ?date ?article ?title ?begin ?end WHERE {
  ?statement isnad:speaker ?x ; isnad:content ?content .
  OPTIONAL { ?statement isnad:date ?date }
  OPTIONAL { ?statement prov:wasDerivedFrom ?article OPTIONAL { ?article dcterms:title ?title } }
  OPTIONAL { ?statement nif:beginIndex ?begin ; nif:endIndex ?end }
} ORDER BY ?date ?statement LIMIT %(limit)d
"""

TEXT = "SELECT ?x ?text WHERE { ?x nif:isString ?text } LIMIT 1"

MENTIONS = """
SELECT ?x ?begin ?end ?entity WHERE {
  ?m nif:referenceContext ?x ; a nif:Phrase ; nif:beginIndex ?begin ; nif:endIndex ?end .
  OPTIONAL { ?m itsrdf:taIdentRef ?entity }
} ORDER BY ?begin LIMIT %(limit)d
"""

#: The contract's properties shown as a summary at the top of a page, in this order.
FACTS = [
    ("participant", "Participants"),
    ("party", "Parties"),
    ("affiliation", "Affiliation"),
    ("location", "Place"),
    ("startDate", "Start"),
    ("endDate", "End"),
    ("date", "Date"),
    ("strength", "Strength"),
    ("role", "Role"),
]

#: Characters of article text shown on each side of a highlighted statement.
CONTEXT_CHARS = 240

_LABEL = str(PREFIXES["rdfs"]) + "label"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_WIKIDATA = str(PREFIXES["wd"])
_DISPLAY_PREFIXES = {**PREFIXES, "rdf": _TYPE[: -len("type")]}
_WEB_SCHEMES = ("http://", "https://")


def local_path(iri: str) -> str | None:
    """The ``/id/...`` path serving ``iri``, or None when the IRI is not minted here."""
    base = current_app.config["BASE"]
    return "/id/" + iri[len(base):] if iri.startswith(base) else None


def href(iri: str) -> str | None:
    """Where a link to ``iri`` goes: its ``/id/`` page, the IRI itself when it is http(s), else
    nowhere (None). An IRI from a loaded dump or an update can be ``javascript:...``, which as a
    link would run in this site's pages."""
    path = local_path(iri)
    if path is not None:
        return path
    return iri if iri[:8].lower().startswith(_WEB_SCHEMES) else None


def compact(iri: str) -> str:
    """``isnad:Person`` for the full IRI, when a predeclared prefix (or ``rdf:``) covers it."""
    for prefix, namespace in _DISPLAY_PREFIXES.items():
        if iri.startswith(str(namespace)) and len(iri) > len(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


def _value(row: dict, name: str) -> str | None:
    term = row.get(name)
    return term["value"] if term else None


def split_span(text: str, begin: int, end: int, context: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """The text before, inside and after ``[begin, end)``, cut to ``context`` characters each side."""
    start, stop = max(0, begin - context), min(len(text), end + context)
    before = ("…" if start else "") + text[start:begin]
    after = text[end:stop] + ("…" if stop < len(text) else "")
    return before, text[begin:end], after


def link_mentions(text: str, mentions: list[tuple[int, int, str | None]]) -> list[tuple[str, str | None]]:
    """Cut ``text`` into (segment, entity IRI or None) pieces; overlapping mentions keep the first."""
    pieces, cursor = [], 0
    for begin, end, entity in sorted(mentions):
        if begin < cursor or end > len(text):
            continue
        pieces.append((text[cursor:begin], None))
        pieces.append((text[begin:end], entity))
        cursor = end
    pieces.append((text[cursor:], None))
    return [piece for piece in pieces if piece[0]]


@bp.app_template_filter("local_path")
def _local_path_filter(iri: str) -> str | None:
    return local_path(iri)


@bp.app_template_filter("href")
def _href_filter(iri: str | None) -> str | None:
    return href(iri) if iri else None


@bp.app_template_filter("compact")
def _compact_filter(iri: str) -> str:
    return compact(iri)


@bp.route("/id/<path:rest>")
def resource(rest: str) -> Response:
    """Describe one minted resource as HTML or RDF, by content negotiation."""
    iri = current_app.config["BASE"] + rest
    if not is_iri(iri):
        abort(404, "This is not the address of a resource.")
    store = get_store()
    if not store.ask(EXISTS, x=iri):
        abort(404, f"Nothing is known about <{iri}>.")
    if wants_html(request.headers.get("Accept", "")) and not request.args.get("format"):
        return Response(render_template("resource.html", **_page(iri)), mimetype="text/html")
    fmt = choose_rdf(request.headers.get("Accept", ""), request.args.get("format"))
    if fmt is None:
        abort(406, "This resource is available as HTML, Turtle, JSON-LD, N-Triples, RDF/XML, TriG or N-Quads.")
    reply = store.query(DESCRIPTION, graph_format=fmt, substitutions={"x": iri})
    response = Response(reply.body, content_type=media_type("QueryTriples", fmt))
    response.headers["Vary"] = "Accept"
    return response


def _page(iri: str) -> dict:
    store = get_store()
    limit = {"limit": int(current_app.config["MAX_ROWS"])}
    properties = store.select(PROPERTIES % limit, x=iri)
    labels = {"ar": [], "en": []}
    types, wikidata, rows = [], [], []
    for row in properties:
        prop, obj = _value(row, "p"), row["o"]
        if prop == _LABEL and obj.get("xml:lang") in labels:
            labels[obj["xml:lang"]].append(obj["value"])
        elif prop == _TYPE:
            types.append(obj["value"])
        if obj["type"] == "uri" and obj["value"].startswith(_WIKIDATA):
            wikidata.append(obj["value"])
        rows.append({"property": prop, "value": obj, "label": _value(row, "label")})
    isnad = str(PREFIXES["isnad"])
    facts = [
        (title, [row for row in rows if row["property"] == isnad + name])
        for name, title in FACTS
    ]
    incoming = [
        {"subject": _value(row, "s"), "property": _value(row, "p"), "label": _value(row, "label")}
        for row in store.select(INCOMING % limit, x=iri)
    ]
    return {
        "iri": iri,
        "labels": labels,
        "types": types,
        "wikidata": wikidata,
        "properties": rows,
        "facts": [(title, values) for title, values in facts if values],
        "incoming": incoming,
        "statements": _statements(iri, limit),
        "article": _article(iri, limit),
        "span": _own_span(rows),
        "timeline": timeline_for(iri, types),
    }


def _own_span(rows: list[dict]) -> dict | None:
    """For a statement or a mention: its article and its words highlighted in the article's text."""
    nif = str(PREFIXES["nif"])
    values = {row["property"][len(nif):]: row["value"]["value"] for row in rows if row["property"].startswith(nif)}
    if not {"referenceContext", "beginIndex", "endIndex"} <= values.keys():
        return None
    article = values["referenceContext"]
    found = get_store().select(TEXT, x=article)
    text = _value(found[0], "text") if found else None
    begin, end = int(values["beginIndex"]), int(values["endIndex"])
    if text is None or not 0 <= begin <= end <= len(text):
        return None
    return {"article": article, "parts": split_span(text, begin, end)}


def _statements(iri: str, limit: dict) -> list[dict]:
    store = get_store()
    texts: dict[str, str] = {}
    statements = []
    for row in store.select(STATEMENTS % limit, x=iri):
        article, begin, end = _value(row, "article"), _value(row, "begin"), _value(row, "end")
        item = {
            "iri": _value(row, "statement"),
            "content": _value(row, "content"),
            "date": _value(row, "date"),
            "article": article,
            "title": _value(row, "title"),
            "span": None,
        }
        if article and begin is not None and end is not None:
            if article not in texts:
                found = store.select(TEXT, x=article)
                texts[article] = _value(found[0], "text") if found else ""
            if int(end) <= len(texts[article]):
                item["span"] = split_span(texts[article], int(begin), int(end))
        statements.append(item)
    return statements


def _article(iri: str, limit: dict) -> list[tuple[str, str | None]] | None:
    store = get_store()
    found = store.select(TEXT, x=iri)
    if not found:
        return None
    mentions = [
        (int(_value(row, "begin")), int(_value(row, "end")), _value(row, "entity"))
        for row in store.select(MENTIONS % limit, x=iri)
    ]
    return link_mentions(_value(found[0], "text") or "", mentions)
