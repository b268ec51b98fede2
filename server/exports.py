"""Whole-store and per-graph dumps, the Graph Store Protocol's read side, and the VoID description.

Dumps stream from the store worker to the client chunk by chunk; nothing builds the whole
serialisation in memory.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, abort, current_app, request, url_for

from kg.errors import InputError
from kg.rdf import get_format
from server.negotiate import choose_rdf, media_type
from server.store import get_store

bp = Blueprint("exports", __name__)

_FILE_NAME_RE = re.compile(r"[^A-Za-z0-9._-]+")

#: The VoID description: counts by class, articles, Wikidata links. ``?dataset``, ``?endpoint``
#: and ``?dump`` are bound to this server's URLs; ``?base`` to the IRI base of minted resources.
VOID = """
PREFIX void: <http://rdfs.org/ns/void#>
CONSTRUCT {
  ?dataset a void:Dataset ; dcterms:title "Isnad knowledge graph"@en ;
    void:sparqlEndpoint ?endpoint ; void:dataDump ?dump ; void:uriSpace ?space ;
    void:triples ?triples ; void:entities ?entities ; void:distinctSubjects ?subjects ;
    void:vocabulary isnad: ; void:classPartition ?partition ; void:subset ?links .
  ?partition void:class ?class ; void:entities ?members .
  ?links a void:Linkset ; void:linkPredicate skos:exactMatch ; void:target ?dataset, ?wikidata ;
    void:triples ?linkCount .
} WHERE {
  VALUES (?dataset ?base) { (UNDEF UNDEF) }  # in scope, so that the bound IRIs reach the BINDs
  { SELECT (COUNT(*) AS ?triples) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } }
  { SELECT (COUNT(DISTINCT ?s) AS ?subjects) WHERE { ?s ?p ?o } }
  { SELECT (COUNT(DISTINCT ?e) AS ?entities) WHERE {
      ?e a ?c VALUES ?c { isnad:Person isnad:Organization isnad:Country isnad:Force isnad:Place
                          isnad:Agreement isnad:Dialogue isnad:Statement isnad:Article } } }
  { SELECT (COUNT(*) AS ?linkCount) WHERE { SELECT DISTINCT ?e ?q WHERE { ?e skos:exactMatch ?q
      FILTER(STRSTARTS(STR(?q), "http://www.wikidata.org/entity/")) } } }
  BIND(IRI(CONCAT(STR(?dataset), "#wikidata-links")) AS ?links)
  BIND(<http://www.wikidata.org/entity/> AS ?wikidata)
  BIND(STR(?base) AS ?space)
  OPTIONAL {
    { SELECT ?class (COUNT(DISTINCT ?m) AS ?members) WHERE {
        ?m a ?class VALUES ?class { isnad:Person isnad:Organization isnad:Country isnad:Force isnad:Place
                                    isnad:Agreement isnad:Dialogue isnad:Statement isnad:Article } }
      GROUP BY ?class }
    BIND(IRI(CONCAT(STR(?dataset), "#", STRAFTER(STR(?class), "#"))) AS ?partition)
  }
}
"""


def _file_name(graph: str | None, extension: str) -> str:
    if graph is None:
        return f"isnad.{extension}"
    tail = _FILE_NAME_RE.sub("-", graph.rstrip("/").rsplit("/id/", 1)[-1]).strip("-")
    return f"isnad-{tail or 'graph'}.{extension}"


@bp.route("/export.<extension>")
def export(extension: str) -> Response:
    """Stream the whole dataset, or one graph (``?graph=IRI``), as ``/export.ttl|trig|nq|nt|jsonld|rdf|graphml``."""
    try:
        fmt = get_format(extension)
    except InputError:
        fmt = None
    if fmt is None or fmt.folder:
        abort(404, f"No export /export.{extension}; try /export.ttl, /export.trig, /export.nq or /export.graphml.")
    graph = request.args.get("graph")
    reply = get_store().export(fmt.name, graph)
    response = Response(reply.body, content_type=media_type("QueryTriples", fmt.name))
    response.headers["Content-Disposition"] = f'attachment; filename="{_file_name(graph, fmt.extension)}"'
    return response


@bp.route("/rdf-graph-store", methods=["GET", "HEAD"])
def graph_store() -> Response:
    """Graph Store Protocol, read side: ``?graph=IRI`` for one graph, ``?default`` for the default graph."""
    graph = request.args.get("graph")
    if (graph is None) == ("default" not in request.args):
        raise InputError("Name exactly one of ?graph=IRI or ?default.")
    fmt = choose_rdf(request.headers.get("Accept", ""), request.args.get("format"), property_graphs=True)
    if fmt is None:
        abort(406, "Graphs are available as Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads or GraphML.")
    reply = get_store().export(fmt, graph, union=graph is None)
    response = Response(reply.body, content_type=media_type("QueryTriples", fmt))
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/void")
def void() -> Response:
    """The dataset's VoID description, in the RDF format asked for."""
    fmt = choose_rdf(request.headers.get("Accept", ""), request.args.get("format"))
    if fmt is None:
        abort(406, "The VoID description is available as Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads.")
    reply = get_store().query(
        VOID,
        graph_format=fmt,
        substitutions={
            "dataset": url_for("exports.void", _external=True),
            "endpoint": url_for("sparql.query", _external=True),
            "dump": url_for("exports.export", extension="trig", _external=True),
            "base": current_app.config["BASE"],
        },
    )
    response = Response(reply.body, content_type=media_type("QueryTriples", fmt))
    response.headers["Vary"] = "Accept"
    return response
