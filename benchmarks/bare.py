"""A bare WSGI app answering GET queries straight from pyoxigraph: no guard, no time limit, no
format choice, no log.

Served by gunicorn as ``kg serve`` is, on the same store, it shows how fast any server of this
store can answer a query through HTTP on this machine: what is left between it and ``kg serve``
is Isnad's own work per request. The store is named by ``ISNAD_BARE_STORE``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs

import pyoxigraph as ox

_store = ox.Store.read_only(os.environ["ISNAD_BARE_STORE"])


def app(environ: dict, start_response: Callable[..., object]) -> Iterable[bytes]:
    """Answer the ``query`` parameter as SPARQL JSON."""
    sparql = parse_qs(environ["QUERY_STRING"])["query"][0]
    out = io.BytesIO()
    _store.query(sparql, use_default_graph_as_union=True).serialize(out, ox.QueryResultsFormat.JSON)
    body = out.getvalue()
    start_response("200 OK", [("Content-Type", "application/sparql-results+json"), ("Content-Length", str(len(body)))])
    return [body]
