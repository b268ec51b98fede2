"""The app's store: one ``Store`` per app, chosen and started when the app is created.

Views call ``get_store()`` and the ``Store`` methods below; none of them opens the store, knows
where it is, or how a request's running time is bounded. Two implementations answer them: the
embedded Oxigraph store (``EmbeddedStore``, through ``server/pool.py``) and a remote SPARQL 1.1
endpoint (``server/upstream.py: UpstreamStore``, ``kg serve --upstream URL``).
"""

from __future__ import annotations

import atexit
import json
from abc import ABC, abstractmethod
from collections.abc import Callable

from flask import Flask, current_app

from kg.errors import StoreError
from server.answer import Reply
from server.pool import StorePool


class Store(ABC):
    """The store operations the server's views use, each bounded by the query timeout."""

    #: Whether updates are accepted.
    writable: bool = False
    #: Whether what the store holds can change while the server runs (so caches must expire).
    changes: bool = False
    #: What an update sent to a read-only server is told.
    read_only_message = "This server is read-only; updates are refused."

    @abstractmethod
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
        ``substitutions`` binds variables to IRIs (never spliced into the text by a view).
        """

    @abstractmethod
    def export(self, fmt: str, graph: str | None = None, union: bool = False) -> Reply:
        """Stream the dataset, one graph, or (``union``) the default graph, in format ``fmt``."""

    def update(self, sparql: str, using: list[str], using_named: list[str]) -> None:
        """Apply a SPARQL update (the server must be writable)."""
        raise StoreError(self.read_only_message)

    def start_in_worker(self, retire: Callable[[], None]) -> None:  # noqa: B027 - a hook, empty by default
        """Get ready in a freshly forked server process; ``retire`` ends that process gracefully."""

    def close(self) -> None:  # noqa: B027 - a hook, empty by default
        """Release what the store holds (processes, connections)."""

    def select(self, sparql: str, **iris: str) -> list[dict[str, dict]]:
        """Run a SELECT with variables bound to IRIs; rows map variable -> SPARQL JSON term."""
        reply = self.query(sparql, substitutions=iris or None)
        document = json.loads(b"".join(reply.body))
        return document["results"]["bindings"]

    def ask(self, sparql: str, **iris: str) -> bool:
        """Run an ASK with variables bound to IRIs."""
        return bool(json.loads(b"".join(self.query(sparql, substitutions=iris or None).body))["boolean"])


class EmbeddedStore(Store):
    """The embedded Oxigraph store, read in this process and written through the writer.

    Args:
        pool: the started worker pool.
        base_iri: what relative IRIs in queries and updates resolve against.
    """

    def __init__(self, pool: StorePool, base_iri: str):
        self.pool = pool
        self.base_iri = base_iri
        self.writable = self.changes = pool.writable

    def query(
        self,
        sparql: str,
        results_format: str = "json",
        graph_format: str = "turtle",
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        substitutions: dict[str, str] | None = None,
    ) -> Reply:
        """Run a query on the embedded store (``Store.query``)."""
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

    def export(self, fmt: str, graph: str | None = None, union: bool = False) -> Reply:
        """Stream a dump of the embedded store (``Store.export``)."""
        return self.pool.run({"op": "export", "format": fmt, "graph": graph, "union": union}, stream_idle=True)

    def update(self, sparql: str, using: list[str], using_named: list[str]) -> None:
        """Apply a SPARQL update through the writer."""
        self.pool.update({"update": sparql, "using": using, "using_named": using_named, "base_iri": self.base_iri})

    def start_in_worker(self, retire: Callable[[], None]) -> None:  # noqa: B027 - a hook, empty by default
        """A query pyoxigraph cannot stop ends only with its process: ``retire`` it then. Open
        the store in the background so that the first query need not wait for it."""
        self.pool.runner.on_stuck = retire
        self.pool.open_in_background()

    def close(self) -> None:
        """Stop the writer and remove the snapshots."""
        self.pool.close()


def init_app(app: Flask) -> None:
    """Start the store for ``app`` (the upstream endpoint when one is configured) and release it
    when the process exits.

    Raises:
        InputError: the upstream URL or a header is malformed.
        StoreError: the embedded store cannot be opened for writing (a writable app).
    """
    store: Store
    if app.config["UPSTREAM"]:
        from server.upstream import UpstreamStore

        store = UpstreamStore.from_config(app.config)
    else:
        pool = StorePool(
            app.config["STORE_PATH"],
            timeout=app.config["QUERY_TIMEOUT"],
            service_allow=app.config["SERVICE_ALLOW"],
            writable=app.config["ALLOW_UPDATE"],
        )
        pool.start()
        store = EmbeddedStore(pool, app.config["BASE"])
    atexit.register(store.close)
    app.extensions["isnad_store"] = store


def get_store() -> Store:
    """The current app's store."""
    return current_app.extensions["isnad_store"]
