"""A WSGI app that answers every request with the same small SPARQL JSON result.

Served by gunicorn exactly as ``kg serve`` serves Isnad (one process, threads), it measures the
fixed cost of one HTTP round trip on this machine, which the latency target allows on top of
the in-process query time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

_BODY = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"1"}}]}}'
_HEADERS = [("Content-Type", "application/sparql-results+json"), ("Content-Length", str(len(_BODY)))]


def app(environ: dict, start_response: Callable[..., object]) -> Iterable[bytes]:
    """Answer 200 with the fixed body."""
    start_response("200 OK", _HEADERS)
    return [_BODY]
