"""The query page at ``/``: an editor, example queries, a results table, downloads, and the data
behind the neighbourhood picture (``/neighbourhood.json``)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request

from kg.guard import is_iri
from server.pages import compact, local_path
from server.store import get_store

bp = Blueprint("ui", __name__)

#: Ready-made queries on the graph contract (ONTOLOGY.md), as (title, SPARQL).
EXAMPLES = [
    (
        "Who said what about US forces",
        """SELECT DISTINCT ?speaker ?name ?content ?date ?article WHERE {
  ?statement a isnad:Statement ;
             isnad:speaker ?speaker ;
             isnad:content ?content .
  ?speaker rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?statement isnad:date ?date }
  OPTIONAL { ?statement prov:wasDerivedFrom ?article }
  FILTER(REGEX(?content, "أمريك|أميرك|واشنطن|التحالف"))
}
ORDER BY ?date
LIMIT 200""",
    ),
    (
        "Dialogues and their participants",
        """SELECT DISTINCT ?dialogue ?name ?participant ?participantName ?start ?place WHERE {
  ?dialogue a isnad:Dialogue ; rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?dialogue isnad:participant ?participant .
             ?participant rdfs:label ?participantName FILTER(LANG(?participantName) = "ar") }
  OPTIONAL { ?dialogue isnad:startDate ?start }
  OPTIONAL { ?dialogue isnad:location ?place }
}
ORDER BY ?start ?dialogue
LIMIT 200""",
    ),
    (
        "Agreements and their parties",
        """SELECT DISTINCT ?agreement ?name ?party ?partyName ?date WHERE {
  ?agreement a isnad:Agreement ; rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?agreement isnad:party ?party .
             ?party rdfs:label ?partyName FILTER(LANG(?partyName) = "ar") }
  OPTIONAL { ?agreement isnad:date ?date }
}
ORDER BY ?agreement
LIMIT 200""",
    ),
    (
        "Statements per speaker over time",
        """SELECT ?speaker ?name ?month (COUNT(DISTINCT ?statement) AS ?statements) WHERE {
  ?statement a isnad:Statement ; isnad:speaker ?speaker .
  ?speaker rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?statement isnad:date ?said }
  OPTIONAL { ?statement prov:wasDerivedFrom/dcterms:date ?published }
  BIND(SUBSTR(STR(COALESCE(?said, ?published)), 1, 7) AS ?month)
}
GROUP BY ?speaker ?name ?month
ORDER BY ?month DESC(?statements)
LIMIT 500""",
    ),
    (
        "Articles and their headlines",
        """SELECT DISTINCT ?article ?title ?source WHERE {
  ?article a isnad:Article .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:source ?source }
}
LIMIT 100""",
    ),
]

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


@bp.route("/")
def index() -> str:
    """The query page (``?query=`` fills the editor, so a query can be shared as a link)."""
    return render_template(
        "index.html",
        query=request.args.get("query"),
        examples=EXAMPLES,
        max_rows=current_app.config["MAX_ROWS"],
        base=current_app.config["BASE"],
    )


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
