"""The SPARQL 1.1 Protocol: queries at /sparql, updates at /update, the service description.

Request parsing follows the Protocol's three ways in (GET, POST form-encoded, POST
``application/sparql-query``) and refuses everything else with the 4xx the Protocol's test
suite expects. Evaluation happens in the store pool (``server/pool.py``, via ``server/store.py``).
"""

from __future__ import annotations

import hmac

from flask import Blueprint, Response, abort, current_app, redirect, request, url_for
from werkzeug.datastructures import MultiDict, WWWAuthenticate
from werkzeug.exceptions import ClientDisconnected, Unauthorized

from kg.errors import QueryError
from server.answer import Reply
from server.negotiate import choose_query_formats, choose_rdf, file_extension, media_type, wants_html
from server.store import get_store

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
#: The header of every answer at /sparql: browser tools (YASGUI, notebooks) on other origins may query.
CORS_HEADERS = [("Access-Control-Allow-Origin", "*")]
#: What a preflight (OPTIONS) answer adds: only browsers' preflights read these.
CORS_PREFLIGHT_HEADERS = [
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Content-Type, Accept"),
    ("Access-Control-Max-Age", "86400"),
]
_UTF8 = {"utf-8", "utf8", "us-ascii", "ascii"}

#: The service description (SPARQL 1.1 Service Description), built by the store as a CONSTRUCT
#: so that it is served in every RDF format; ``?endpoint`` is bound to this endpoint's URL and the
#: default graph named after ``?dataset`` (an IRI, not BNODE(), which Virtuoso 7.2 cannot evaluate).
SERVICE_DESCRIPTION = """
PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>
PREFIX formats: <http://www.w3.org/ns/formats/>
PREFIX void: <http://rdfs.org/ns/void#>
CONSTRUCT {
  ?endpoint a sd:Service ; sd:endpoint ?endpoint ;
    sd:supportedLanguage sd:SPARQL11Query %(update_language)s ;
    sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
      formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD, formats:RDF_XML,
      formats:TriG, formats:N-Quads ;
    sd:defaultDataset ?dataset .
  ?dataset a sd:Dataset, void:Dataset ; sd:defaultGraph ?default .
  ?default a sd:Graph .
} WHERE { VALUES ?dataset { UNDEF } BIND(IRI(CONCAT(STR(?dataset), "#default-graph")) AS ?default) }
"""


def _protocol_text(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise QueryError(f"Give one '{name}' parameter, not {len(values)}.")
    return values[0] if values else None


def _check_charset() -> None:
    charset = request.mimetype_params.get("charset")
    if charset and charset.lower() not in _UTF8:
        abort(415, f"Request bodies must be UTF-8, not {charset}.")


def _body_text() -> str:
    _check_charset()
    try:
        return request.get_data().decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError("The request body is not valid UTF-8.") from None


@bp.before_app_request
def read_body_within_limits() -> None:
    """Read a request body up front, bounded in size and in how long it may stall.

    A body sent without Content-Length (chunked) is bounded like any other: Werkzeug stops at
    MAX_CONTENT_LENGTH but hands on what it read as if it were all, so one more read past the
    limit raises 413 when the client sent more. Under ``kg serve`` the front (``server/front.py``)
    has read the whole body before a thread runs this, so the 408 for a body that stops arriving
    for BODY_TIMEOUT seconds matters only where the app runs under another WSGI server.
    """
    if request.method not in ("POST", "PUT"):
        return
    timeout = float(current_app.config["BODY_TIMEOUT"])
    connection = request.environ.get("gunicorn.socket")
    previous = connection.gettimeout() if connection is not None else None
    if connection is not None:
        connection.settimeout(timeout)
    try:
        request.get_data(cache=True)
        if request.content_length is None:
            request.stream.read(1)
    except ClientDisconnected:
        abort(408, f"The request body stalled for {timeout:g} s; send it whole.")
    finally:
        if connection is not None:
            connection.settimeout(previous)  # the reply may take as long as its client reads


@bp.before_app_request
def limit_query_string() -> None:
    """Bound GET requests like bodies are bounded (gunicorn's own request-line limit is off)."""
    if len(request.query_string) > current_app.config["MAX_CONTENT_LENGTH"]:
        abort(414, "The request line is too long; POST the query instead.")


@bp.after_request
def add_cors(response: Response) -> Response:
    """Let browser tools (YASGUI, notebooks) on other origins query the endpoint."""
    if request.path == "/sparql":
        response.headers.extend(CORS_HEADERS)
        if request.method == "OPTIONS":
            response.headers.extend(CORS_PREFLIGHT_HEADERS)
    return response


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"])
def query() -> Response:
    """Answer a SPARQL query (GET, POST form, POST sparql-query) or describe the service."""
    if request.method == "OPTIONS":
        return Response(status=204)
    if request.method == "GET":
        params: MultiDict = request.args
        if "update" in params:
            raise QueryError("Updates are not accepted by GET; POST them to /update.")
        text = _protocol_text(params.getlist("query"), "query")
        if text is None:
            return describe_service()
    elif request.mimetype == FORM:
        params, text = _form_operation("query", "update", "Updates are not accepted at /sparql; POST them to /update.")
    elif request.mimetype == "application/sparql-query":
        params, text = request.args, _body_text()
    elif request.mimetype == "application/sparql-update":
        raise QueryError("Updates are not accepted at /sparql; POST them to /update.")
    else:
        abort(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded.")
    results_format, graph_format = choose_query_formats(request.headers.get("Accept", ""), params.get("format"))
    default_graphs = params.getlist("default-graph-uri")
    named_graphs = params.getlist("named-graph-uri")
    dataset_given = bool(default_graphs or named_graphs)
    reply = get_store().query(
        text,
        results_format=results_format,
        graph_format=graph_format,
        default_graphs=default_graphs if dataset_given else None,
        named_graphs=named_graphs if dataset_given else None,
    )
    return Response(reply.body, headers=reply_headers(reply, params.get("format")))


def _form_operation(field: str, other_field: str, misdirected: str) -> tuple[MultiDict, str]:
    """The parameters of a form POST (its query string and its form) and the text of its one
    ``field``; a form carrying the other endpoint's ``other_field`` is refused with ``misdirected``."""
    _check_charset()
    params = MultiDict([*request.args.items(multi=True), *request.form.items(multi=True)])
    if other_field in params:
        raise QueryError(misdirected)
    text = _protocol_text(params.getlist(field), field)
    if text is None:
        raise QueryError(f"The form has no '{field}' field.")
    return params, text


def reply_headers(reply: Reply, format_param: str | None) -> list[tuple[str, str]]:
    """The headers of a query's answer: its media type, ``Vary``, a file name when a ``format``
    was asked for, and its length when it is complete (else it is sent chunked)."""
    kind, fmt = reply.header["kind"], reply.header["format"]
    headers = [("Content-Type", media_type(kind, fmt)), ("Vary", "Accept")]
    if format_param:
        headers.append(("Content-Disposition", f'inline; filename="results.{file_extension(kind, fmt)}"'))
    if isinstance(reply.body, list):
        headers.append(("Content-Length", str(sum(map(len, reply.body)))))
    return headers


def describe_service() -> Response:
    """The SPARQL service description, in the RDF format asked for (browsers go to the query page)."""
    if wants_html(request.headers.get("Accept", "")):
        return redirect(url_for("ui.index"))
    fmt = choose_rdf(request.headers.get("Accept", ""), request.args.get("format"))
    if fmt is None:
        abort(406, "The service description is available as Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads.")
    store = get_store()
    text = SERVICE_DESCRIPTION % {"update_language": ", sd:SPARQL11Update" if store.writable else ""}
    reply = store.query(
        text,
        graph_format=fmt,
        substitutions={"endpoint": request.base_url, "dataset": url_for("exports.void", _external=True)},
    )
    return Response(reply.body, content_type=media_type("QueryTriples", fmt))


@bp.route("/update", methods=["POST"])
def update() -> Response:
    """Apply a SPARQL 1.1 Update (only on a server started with --allow-update, with the token)."""
    store = get_store()
    if not store.writable:
        abort(403, store.read_only_message)
    _require_token()
    if request.mimetype == FORM:
        params, text = _form_operation("update", "query", "Queries are not accepted at /update; send them to /sparql.")
    elif request.mimetype == "application/sparql-update":
        params, text = request.args, _body_text()
    else:
        abort(415, "POST an update as application/sparql-update or application/x-www-form-urlencoded.")
    store.update(text, params.getlist("using-graph-uri"), params.getlist("using-named-graph-uri"))
    return Response(status=204)


def _require_token() -> None:
    expected = current_app.config["UPDATE_TOKEN"].encode("utf-8")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    # Constant-time comparison: the answer's timing must not reveal how much of a guess was right.
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"), expected):
        raise Unauthorized(
            "Updates need 'Authorization: Bearer <token>' with the server's token.",
            www_authenticate=WWWAuthenticate("bearer", {"realm": "isnad"}),
        )
