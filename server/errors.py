"""Rendering every error in one place: one line of text for API clients, a page for browsers.

No stack trace ever reaches a client: unexpected exceptions are logged with their traceback and
answered with a fixed message.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from kg.errors import IsnadError
from server.negotiate import wants_html

#: Paths whose clients are programs (SPARQL tools, scripts): errors are plain text there.
API_PREFIXES = ("/sparql", "/update", "/rdf-graph-store", "/export", "/void", "/neighbourhood")
#: What a client is told of an unexpected exception (its traceback goes to the log only).
INTERNAL_ERROR = "Internal server error; the server log has the details."


def render_error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """An error response: HTML for a browser on a page, else the message as plain text."""
    if wants_html(request.headers.get("Accept", "")) and not request.path.startswith(API_PREFIXES):
        body = render_template("error.html", status=status, message=message)
        response = Response(body, status=status, mimetype="text/html")
    else:
        response = Response(message + "\n", status=status, mimetype="text/plain")
    response.headers.update(headers or {})
    return response


def _isnad_error(exc: IsnadError) -> Response:
    return render_error(exc.status, str(exc))


def _http_error(exc: HTTPException) -> Response:
    headers = {k: v for k, v in exc.get_headers() if k.lower() in ("allow", "www-authenticate")}
    return render_error(exc.code or 500, exc.description or exc.name, headers)


def _unexpected(exc: Exception) -> Response:
    current_app.logger.exception("Unexpected error on %s %s", request.method, request.path)
    return render_error(500, INTERNAL_ERROR)


def init_app(app: Flask) -> None:
    """Route every error through the renderers above."""
    app.register_error_handler(IsnadError, _isnad_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
