"""The app's store: one ``StorePool`` per app, started when the app is created.

Views call ``get_store()`` and the ``Store`` methods below; none of them opens the store or
knows how a request's running time is bounded.
"""

from __future__ import annotations

import atexit
import json

from flask import Flask, current_app

from server.answer import Reply
from server.pool import StorePool


class Store:
    """The store operations the server's views use, each bounded by the query timeout.

    Args:
        pool: the started worker pool.
        base_iri: what relative IRIs in queries and updates resolve against.
    """

    def __init__(self, pool: StorePool, base_iri: str):
        self.pool = pool
        self.base_iri = base_iri

    @property
    def writable(self) -> bool:
        """Whether updates are accepted."""
        return self.pool.writable

    def query(
        self,
        sparql: str,
        results_format: str = "json",
        graph_format: str = "turtle",
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        substitutions: dict[str, str] | None = None,
    ) -> Reply:
        """Run a query; the reply is serialised in ``results_format`` (SELECT/ASK) or ``graph_format``.

        The reply header says which: ``{"kind": "QuerySolutions"|"QueryBoolean"|"QueryTriples", "format": ...}``.
        """
        return self.pool.run(
            {
                "op": "query",
                "query": sparql,
                "results_format": results_format,
                "graph_format": graph_format,
                "default_graphs": default_graphs,
                "named_graphs": named_graphs,
                "substitutions": substitutions,
                "base_iri": self.base_iri,
            }
        )

    def select(self, sparql: str, **iris: str) -> list[dict[str, dict]]:
        """Run a SELECT with variables bound to IRIs; rows map variable -> SPARQL JSON term."""
        reply = self.query(sparql, substitutions=iris or None)
        document = json.loads(b"".join(reply.body))
        return document["results"]["bindings"]

    def ask(self, sparql: str, **iris: str) -> bool:
        """Run an ASK with variables bound to IRIs."""
        return bool(json.loads(b"".join(self.query(sparql, substitutions=iris or None).body))["boolean"])

    def export(self, fmt: str, graph: str | None = None, union: bool = False) -> Reply:
        """Stream the dataset, one graph, or (``union``) the default graph, in RDF format ``fmt``."""
        return self.pool.run({"op": "export", "format": fmt, "graph": graph, "union": union}, stream_idle=True)

    def update(self, sparql: str, using: list[str], using_named: list[str]) -> None:
        """Apply a SPARQL update (the server must be writable)."""
        self.pool.update({"update": sparql, "using": using, "using_named": using_named, "base_iri": self.base_iri})


def init_app(app: Flask) -> None:
    """Start the store for ``app`` and stop its writer when the process exits.

    Raises:
        StoreError: the store cannot be opened for writing (a writable app).
    """
    pool = StorePool(
        app.config["STORE_PATH"],
        timeout=app.config["QUERY_TIMEOUT"],
        service_allow=app.config["SERVICE_ALLOW"],
        writable=app.config["ALLOW_UPDATE"],
    )
    pool.start()
    atexit.register(pool.close)
    app.extensions["isnad_store"] = Store(pool, app.config["BASE"])


def get_store() -> Store:
    """The current app's store."""
    return current_app.extensions["isnad_store"]

