"""The query page at ``/``: an editor, example queries, a results table, downloads, and the data
behind the editor's completions (``/completions.json``) and the neighbourhood picture
(``/neighbourhood.json``)."""

from __future__ import annotations

import time

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request

from kg.guard import is_iri
from kg.rdf import ONTOLOGY_GRAPH, PREFIXES
from server.examples import EXAMPLES
from server.pages import compact, local_path
from server.store import get_store

bp = Blueprint("ui", __name__)

#: Entity-to-entity links drawn in the neighbourhood picture: the resource's own links, and
#: the other participants and parties of the dialogues and agreements it takes part in.
NEIGHBOURHOOD = """
SELECT ?x ?s ?p ?o (SAMPLE(?sl) AS ?slabel) (SAMPLE(?ol) AS ?olabel) (SAMPLE(?st) AS ?stype) (SAMPLE(?ot) AS ?otype)
WHERE {
  { ?x ?p ?o BIND(?x AS ?s) }
  UNION { ?s ?p ?x BIND(?x AS ?o) }
  UNION { ?s ?via ?x . ?s ?p ?o FILTER(?via IN (isnad:participant, isnad:party, isnad:affiliation)) }
  FILTER(?p IN (isnad:participant, isnad:party, isnad:affiliation, isnad:location))
  OPTIONAL { ?s rdfs:label ?sl FILTER(LANGMATCHES(LANG(?sl), "ar")) }
  OPTIONAL { ?o rdfs:label ?ol FILTER(LANGMATCHES(LANG(?ol), "ar")) }
  OPTIONAL { ?s a ?st FILTER(STRSTARTS(STR(?st), STR(isnad:))) }
  OPTIONAL { ?o a ?ot FILTER(STRSTARTS(STR(?ot), STR(isnad:))) }
} GROUP BY ?x ?s ?p ?o LIMIT %(limit)d
"""


#: What the editor completes besides the prefixes: the ontology's classes and properties, and
#: the classes and properties the store uses.
_OWL = "http://www.w3.org/2002/07/owl#"
COMPLETION_TERMS = f"""
SELECT ?term ?kind (SAMPLE(?l) AS ?label) WHERE {{
  {{ GRAPH <{ONTOLOGY_GRAPH}> {{
      VALUES (?type ?kind) {{ (<{_OWL}Class> "class") (<{_OWL}ObjectProperty> "property")
                             (<{_OWL}DatatypeProperty> "property") }}
      ?term a ?type OPTIONAL {{ ?term rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en")) }} }} }}
  UNION {{ {{ SELECT DISTINCT ?term WHERE {{ ?s a ?term }} }} BIND("class" AS ?kind) }}
  UNION {{ {{ SELECT DISTINCT ?term WHERE {{ ?s ?term ?o }} }} BIND("property" AS ?kind) }}
  FILTER(ISIRI(?term))
}} GROUP BY ?term ?kind
"""
#: Seconds a server whose store can change (writable, or an upstream) keeps the completions; a
#: read-only embedded store is seen as it was when it was opened, so its completions are kept for good.
#: Finding the store's properties reads every triple (0.23 s for 42,000 quads, so seconds for millions).
COMPLETION_SECONDS = 300.0


@bp.route("/")
def index() -> str:
    """The query page (``?query=`` fills the editor and runs it, so a query can be shared as a link)."""
    return render_template(
        "index.html",
        query=request.args.get("query"),
        examples=EXAMPLES,
        max_rows=current_app.config["MAX_ROWS"],
        base=current_app.config["BASE"],
    )


@bp.route("/completions.json")
def completions() -> Response:
    """The editor's completions: predeclared prefixes, and classes and properties with their kind and label."""
    cached = current_app.extensions.get("isnad_completions")
    if cached is None or (get_store().changes and time.monotonic() - cached[0] > COMPLETION_SECONDS):
        terms = [
            {"iri": row["term"]["value"], "kind": row["kind"]["value"], "label": row.get("label", {}).get("value")}
            for row in get_store().select(COMPLETION_TERMS)
        ]
        cached = current_app.extensions["isnad_completions"] = (time.monotonic(), terms)
    response = jsonify({"prefixes": {name: str(ns) for name, ns in PREFIXES.items()}, "terms": cached[1]})
    response.headers["Cache-Control"] = f"max-age={int(COMPLETION_SECONDS)}"
    return response


@bp.route("/neighbourhood.json")
def neighbourhood() -> Response:
    """Nodes and edges around ``?iri``: actors, dialogues, agreements, forces, places."""
    iri = request.args.get("iri", "")
    if not is_iri(iri):
        abort(400, "Give the resource as ?iri=<absolute IRI>.")
    rows = get_store().select(NEIGHBOURHOOD % {"limit": min(int(current_app.config["MAX_ROWS"]), 300)}, x=iri)
    nodes: dict[str, dict] = {iri: {"id": iri, "label": None, "type": None, "href": local_path(iri), "centre": True}}
    edges = []
    for row in rows:
        for end in ("s", "o"):
            node = row[end]["value"]
            label = row.get(f"{end}label", {}).get("value")
            kind = row.get(f"{end}type", {}).get("value")
            entry = nodes.setdefault(node, {"id": node, "label": None, "type": None, "href": local_path(node)})
            entry["label"] = entry["label"] or label
            entry["type"] = entry["type"] or (compact(kind).split(":", 1)[-1] if kind else None)
        edges.append({"source": row["s"]["value"], "target": row["o"]["value"], "label": compact(row["p"]["value"])})
    return jsonify({"centre": iri, "nodes": list(nodes.values()), "edges": edges})
