"""Pushing the store's graphs to a remote SPARQL 1.1 store (Virtuoso, Fuseki, QLever, Oxigraph's server).

Each named graph of the local store replaces the remote graph of the same name, one request per
graph: a Graph Store Protocol ``PUT`` of its N-Triples where the remote store offers the protocol,
else a SPARQL Update ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``, which SPARQL
stores apply as one request. Pushing again replaces each graph by the same content, so a push is
idempotent and a push cut off part way is completed by running it again. Remote graphs that the
local store does not hold are left alone.

Requests go over one kept-alive connection; a failed answer stops the push with one line naming
the graph and the remote's status.
"""

from __future__ import annotations

import http.client
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.errors import InputError, RemoteError
from kg.store import GraphStore

#: Seconds one request may take (a large graph on a busy store).
REQUEST_TIMEOUT = 120.0


@dataclass
class PushReport:
    """What one push did."""

    graphs: int = 0
    triples: int = 0
    seconds: float = 0.0

    def summary(self, target: str) -> str:
        """One line: graphs, triples, seconds and graphs per second."""
        rate = self.graphs / self.seconds if self.seconds else 0.0
        return (
            f"Pushed {self.graphs} graphs ({self.triples} triples) to {target} in {self.seconds:.2f} s: "
            f"{rate:.0f} graphs/s"
        )


def parse_headers(headers: Iterable[str]) -> dict[str, str]:
    """``Name: value`` strings as a dict.

    Raises:
        InputError: one is not ``Name: value``.
    """
    parsed = {}
    for header in headers:
        name, colon, value = header.partition(":")
        if not colon or not name.strip() or any(c.isspace() for c in name.strip()):
            raise InputError(f"--header '{header}' is not 'Name: value'.")
        parsed[name.strip()] = value.strip()
    return parsed


def _split_url(url: str) -> urllib.parse.SplitResult:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"'{url}' is not an http(s) URL.")
    return parts


class _Connection:
    """One kept-alive HTTP(S) connection to a URL's host, reopened once if the remote closed it."""

    def __init__(self, url: str, headers: dict[str, str]):
        self.url = url
        self._parts = _split_url(url)
        self._headers = headers
        self._connection: http.client.HTTPConnection | None = None

    def _open(self) -> http.client.HTTPConnection:
        kind = http.client.HTTPSConnection if self._parts.scheme == "https" else http.client.HTTPConnection
        return kind(self._parts.hostname, self._parts.port, timeout=REQUEST_TIMEOUT)

    def send(self, method: str, query: str, body: bytes, content_type: str, what: str) -> None:
        """Send one request to the URL (plus ``query``) and check the answer is 2xx.

        Raises:
            RemoteError: the remote cannot be reached or did not answer 2xx.
        """
        target = self._parts.path or "/"
        query = "&".join(part for part in (self._parts.query, query) if part)
        target += f"?{query}" if query else ""
        headers = {**self._headers, "Content-Type": content_type}
        for attempt in (1, 2):
            if self._connection is None:
                self._connection = self._open()
            try:
                self._connection.request(method, target, body=body, headers=headers)
                response = self._connection.getresponse()
                answer = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                self.close()
                if attempt == 2:
                    raise RemoteError(f"{self.url} closed the connection while {what}: {exc}") from None
            except OSError as exc:
                self.close()
                raise RemoteError(f"Cannot reach {self.url} while {what}: {exc.strerror or exc}") from None
        if not 200 <= response.status < 300:
            detail = " ".join(answer.decode("utf-8", errors="replace").split())[:200]
            raise RemoteError(f"{self.url} answered {response.status} {response.reason} while {what}: {detail}")

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def push(
    store: GraphStore,
    update_url: str,
    graph_store_url: str | None = None,
    headers: dict[str, str] | None = None,
    progress: Callable[[int, str], None] | None = None,
) -> PushReport:
    """Replace each named graph of ``store`` in the remote store.

    Args:
        store: the local store (read).
        update_url: the remote's SPARQL Update endpoint.
        graph_store_url: its Graph Store Protocol endpoint; when given, graphs are PUT there.
        headers: sent with every request (``Authorization``, ...).
        progress: called with (1-based index, graph name) after each graph is replaced.

    Raises:
        InputError: a URL is not http(s).
        RemoteError: a request failed; the graphs before it are replaced.
    """
    started = time.perf_counter()
    report = PushReport()
    _split_url(update_url)
    connection = _Connection(graph_store_url or update_url, headers or {})
    try:
        for index, name in enumerate(sorted(node.value for node in store.native.named_graphs()), start=1):
            ntriples = store.export_graph_ntriples(name)
            what = f"replacing <{name}>"
            if graph_store_url:
                query = urllib.parse.urlencode({"graph": name})
                connection.send("PUT", query, ntriples, "application/n-triples", what)
            else:
                update = f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n".encode() + ntriples + b"}}"
                connection.send("POST", "", update, "application/sparql-update; charset=utf-8", what)
            report.graphs += 1
            report.triples += ntriples.count(b"\n")
            if progress:
                progress(index, name)
    finally:
        connection.close()
    report.seconds = time.perf_counter() - started
    return report
