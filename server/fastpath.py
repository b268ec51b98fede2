"""The hot path of the SPARQL endpoint: ``GET /sparql?query=...`` answered without Flask.

A plain GET query is what notebooks, dashboards and SPARQL libraries send most, and for a small
query Flask's request and response machinery costs more than twice the query itself. This WSGI middleware
answers exactly that shape (a ``query``, optionally a ``format``, nothing else) through the same
store, format choice and headers as the view in ``server/sparql.py``; every other request, and every request
it is unsure of, goes on to the Flask app unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from http import HTTPStatus
from urllib.parse import parse_qsl

from kg.errors import IsnadError
from server.errors import INTERNAL_ERROR
from server.negotiate import choose_query_formats
from server.sparql import CORS_HEADERS, reply_headers
from server.store import Store

log = logging.getLogger(__name__)

WSGIApp = Callable[[dict, Callable[..., object]], Iterable[bytes]]

#: The parameters a fast-path request may carry; any other (a dataset, an update) goes to Flask.
_PARAMETERS = frozenset({"query", "format"})


def error_reply(status: int, message: str, start_response: Callable[..., object]) -> Iterable[bytes]:
    """An API error answered as WSGI: the status, and the message as one line of plain text."""
    body = (message + "\n").encode("utf-8")
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    start_response(f"{status} {HTTPStatus(status).phrase}", headers + CORS_HEADERS)
    return [body]


class QueryFastPath:
    """WSGI middleware answering plain GET queries at /sparql, passing everything else on.

    Args:
        app: the Flask app's WSGI callable (``app.wsgi_app``).
        store: the app's store.
        max_query_bytes: the longest query string answered here (longer ones get Flask's 414).
    """

    def __init__(self, app: WSGIApp, store: Store, max_query_bytes: int):
        self.app = app
        self.store = store
        self.max_query_bytes = max_query_bytes

    def __call__(self, environ: dict, start_response: Callable[..., object]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != "/sparql" or environ.get("REQUEST_METHOD") != "GET":
            return self.app(environ, start_response)
        query_string = environ.get("QUERY_STRING", "")
        if len(query_string) > self.max_query_bytes:
            return self.app(environ, start_response)
        params = parse_qsl(query_string, keep_blank_values=True)
        names = [name for name, _ in params]
        if names.count("query") != 1 or names.count("format") > 1 or not _PARAMETERS.issuperset(names):
            return self.app(environ, start_response)
        return self._answer(dict(params), environ.get("HTTP_ACCEPT", ""), start_response)

    def _answer(self, params: dict[str, str], accept: str, start_response: Callable[..., object]) -> Iterable[bytes]:
        try:
            results_format, graph_format = choose_query_formats(accept, params.get("format"))
            reply = self.store.query(params["query"], results_format=results_format, graph_format=graph_format)
        except IsnadError as exc:
            return error_reply(exc.status, str(exc), start_response)
        except Exception:
            log.exception("Unexpected error on GET /sparql")
            return error_reply(500, INTERNAL_ERROR, start_response)
        start_response("200 OK", [*reply_headers(reply, params.get("format")), *CORS_HEADERS])
        return reply.body
