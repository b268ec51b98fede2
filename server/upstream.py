"""``kg serve --upstream URL``: the server's pages, guard, limits and exports in front of a remote
SPARQL 1.1 endpoint (Virtuoso, QLever, Fuseki, Oxigraph's server) instead of the embedded store.

Every query passes the same guard as on the embedded store (``kg.guard``: SERVICE only to the
allow-list, no LOAD, FROM only graphs the upstream holds) and then goes to the upstream over the
SPARQL 1.1 Protocol with the predeclared prefixes and the resource base written into its
prologue. Variables a view binds to IRIs become a ``VALUES`` row at the head of the query's
WHERE group, so they are bound where the embedded store substitutes them.

Answers are asked for in the formats every SPARQL store writes (SPARQL JSON, N-Triples, N-Quads,
with XML, TSV, Turtle, TriG as second choices), parsed as they stream in and written out by the
same serialisers as the embedded store's answers, so a client gets the same formats, media
types and dumps whichever store answers.

The server is read-only: the guard's promise covers what this server runs, and an update
proxied with the upstream's credentials (``--upstream-header``) would hand every client of this
server the right to write there, where no timeout can roll it back. Graphs are written to the
upstream with ``kg push`` or its own update endpoint.

Exports: one graph by the Graph Store Protocol (``--upstream-store``) or a CONSTRUCT of it; the
dataset by one Graph Store ``GET`` of N-Quads or graph by graph (graph names paged by
``PAGE_ROWS``, under the row caps stores such as Virtuoso set); the union of the graphs by one
``CONSTRUCT`` of its distinct triples.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator, Mapping

import pyoxigraph as ox

from kg.dumps import dump_prefixes, dump_writer
from kg.errors import GatewayTimeout, InputError, IsnadError, NotFound, QueryError, RemoteError
from kg.guard import Token, allowed_services, check_query, is_iri, iter_tokens, tokenize
from kg.propgraph import write_property_graph
from kg.push import parse_headers
from kg.rdf import get_format
from kg.results import write_results
from kg.store import PREFIX_MAP, rdf_format_of
from server.answer import Answer, Reply, Runner
from server.remote import Body, Endpoint, check_url, media_type_of
from server.store import Store

FORM = "application/x-www-form-urlencoded"
#: What answers are asked for in: the formats every store writes first. A query's form picks one
#: list, because a store may answer a CONSTRUCT in the results format offered with it (Virtuoso).
ACCEPT_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.7"
ACCEPT_DATASET = "application/n-quads, application/trig;q=0.9"
#: Graph names asked for at a time when a dump walks the upstream graph by graph.
PAGE_ROWS = 10_000

GRAPH_EXISTS = "ASK { GRAPH ?g { ?s ?p ?o } }"
GRAPH_NAMES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g LIMIT %d OFFSET %d"
GRAPH_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
UNION_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
_QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
#: The variable Virtuoso 7.2 answers an ASK in, as a SELECT.
_VIRTUOSO_ASK = "__ASK_RETVAL"
#: Media types some stores give N-Triples besides its own.
_NTRIPLES_ALIASES = ("text/plain", "text/ntriples")


def bind_values(sparql: str, substitutions: Mapping[str, str]) -> str:
    """``sparql`` with its variables bound to IRIs by a ``VALUES`` row opening its WHERE group.

    Raises:
        InputError: an IRI is not valid.
        QueryError: the query has no WHERE group to bind them in.
    """
    for iri in substitutions.values():
        if not is_iri(iri):
            raise InputError(f"'{iri}' is not a valid IRI.")
    names = " ".join(f"?{name}" for name in substitutions)
    row = " ".join(f"<{iri}>" for iri in substitutions.values())
    values = f" VALUES ({names}) {{ ({row}) }} "
    tokens = tokenize(sparql)
    form = next((i for i, t in enumerate(tokens) if t.is_keyword(*_QUERY_FORMS)), None)
    if form is not None:
        index, depth = form + 1, 0
        if tokens[form].is_keyword("CONSTRUCT") and index < len(tokens) and tokens[index].text == "{":
            index = _after_group(tokens, index)  # the template, not the WHERE group
        for token in tokens[index:]:
            depth += {"(": 1, ")": -1}.get(token.text, 0) if token.kind == "punct" else 0
            if token.kind == "punct" and token.text == "{" and depth == 0:
                return sparql[: token.start + 1] + values + sparql[token.start + 1:]
    raise QueryError("The query has no WHERE group to bind its variables in.")


def read_head(sparql: str) -> tuple[str | None, frozenset[str]]:
    """The query's form (``SELECT``, ``CONSTRUCT``, ``ASK``, ``DESCRIBE``; None when it has none)
    and the prefixes its prologue declares; only the prologue is read."""
    declared, previous = set(), None
    for token in iter_tokens(sparql):
        if token.is_keyword(*_QUERY_FORMS):
            return token.text.upper(), frozenset(declared)
        if previous is not None and previous.is_keyword("PREFIX"):
            declared.add(token.text[:-1])
        previous = token
    return None, frozenset(declared)


def _after_group(tokens: list[Token], opening: int) -> int:
    depth = 0
    for index in range(opening, len(tokens)):
        if tokens[index].kind == "punct":
            depth += {"{": 1, "}": -1}.get(tokens[index].text, 0)
            if depth == 0:
                return index + 1
    return len(tokens)


def prologue(declared: frozenset[str], base_iri: str) -> str:
    """``BASE`` and the predeclared prefixes a query does not declare itself (``declared``), as
    SPARQL text to put before it (a remote store knows neither)."""
    lines = [f"BASE <{base_iri}>"] if base_iri else []
    lines += [f"PREFIX {name}: <{iri}>" for name, iri in PREFIX_MAP.items() if name not in declared]
    return "\n".join(lines) + "\n"


class UpstreamStore(Store):
    """A remote SPARQL 1.1 endpoint, read-only, as the server's store.

    Args:
        query_url: its query endpoint.
        store_url: its Graph Store Protocol endpoint, when it has one (used for dumps).
        headers: sent with every request (``Authorization``, ...).
        timeout: seconds a request may take.
        base_iri: what relative IRIs in queries resolve against.
        service_allow: SERVICE endpoints queries may call beside Wikidata's.
    """

    changes = True  # pushes and the store's own updates change it under the server

    def __init__(self, query_url: str, store_url: str | None, headers: Mapping[str, str], timeout: float,
                 base_iri: str, service_allow: str = ""):
        self.query_url = check_url(query_url, "--upstream")
        self.store_url = check_url(store_url, "--upstream-store") if store_url else None
        self.read_only_message = (
            f"This server answers from the upstream store {query_url} and is read-only; "
            "write there with 'kg push' or the store's own update endpoint."
        )
        self.base_iri = base_iri
        self.service_allow = allowed_services(service_allow)
        self.endpoint = Endpoint(headers, timeout)
        self.runner = Runner(timeout, lambda: GatewayTimeout(
            f"The upstream store at {query_url} did not answer within the {timeout:g} s limit; "
            "narrow the query (more specific patterns, a LIMIT)."
        ))

    @classmethod
    def from_config(cls, config: Mapping[str, object]) -> UpstreamStore:
        """The upstream an app's configuration names (``UPSTREAM``, ``UPSTREAM_STORE``, ``UPSTREAM_HEADER``).

        Raises:
            InputError: a URL is not http(s), or a header is not ``Name: value``.
        """
        headers = parse_headers(line for line in str(config["UPSTREAM_HEADER"] or "").split("\n") if line.strip())
        return cls(str(config["UPSTREAM"]), str(config["UPSTREAM_STORE"] or "") or None, headers,
                   float(config["QUERY_TIMEOUT"]), str(config["BASE"]), str(config["SERVICE_ALLOW"]))

    # -- the Store operations ---------------------------------------------------------------

    def query(
        self,
        sparql: str,
        results_format: str = "json",
        graph_format: str = "turtle",
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        substitutions: dict[str, str] | None = None,
    ) -> Reply:
        """Run a query on the upstream (``Store.query``)."""

        def produce(answer: Answer) -> None:
            check_query(sparql, self.graph_exists, self.service_allow, PREFIX_MAP, self.base_iri)
            text = bind_values(sparql, substitutions) if substitutions else sparql
            dataset = [("default-graph-uri", g) for g in default_graphs or []]
            dataset += [("named-graph-uri", g) for g in named_graphs or []]
            graph = read_head(sparql)[0] in ("CONSTRUCT", "DESCRIBE")
            body = self._post(text, ACCEPT_GRAPH if graph else ACCEPT_RESULTS, answer, dataset)
            self._write_answer(body, answer, results_format, graph_format, sparql)

        return self.runner.run(produce)

    def export(self, fmt: str, graph: str | None = None, union: bool = False) -> Reply:
        """Stream a dump of the upstream (``Store.export``)."""

        def produce(answer: Answer) -> None:
            target = get_format(fmt)
            if graph is not None and not self.graph_exists(graph):
                raise NotFound(f"No graph <{graph}> in the upstream store.")
            answer.start({"format": target.name})
            if not target.is_rdf:
                write_property_graph(_Solutions(self), target, answer, graph)
                return
            if graph is not None:
                statements = self._graph_triples(graph, answer)
                if target.datasets:  # keep the graph's name
                    node = ox.NamedNode(graph)
                    statements = (ox.Quad(t.subject, t.predicate, t.object, node) for t in statements)
            elif target.datasets and not union:
                statements = self._dataset_quads(answer)
            else:
                statements = self._triples(self._post(UNION_TRIPLES, ACCEPT_GRAPH, answer))
            with dump_writer(answer, target) as writer:
                ox.serialize(statements, writer, rdf_format_of(target), prefixes=dump_prefixes(target))

        return self.runner.run(produce, stream_idle=True)

    # -- reading the upstream ---------------------------------------------------------------

    def graph_exists(self, name: str) -> bool:
        """Whether the upstream holds a named graph called ``name`` with a triple in it."""
        if not is_iri(name):
            return False
        body = self._post(bind_values(GRAPH_EXISTS, {"g": name}), ACCEPT_RESULTS)
        return bool(self._parse_results(body))

    def solutions(self, sparql: str, dataset: list[tuple[str, str]] | None = None) -> ox.QuerySolutions:
        """The solutions of a SELECT, read as they arrive."""
        return self._parse_results(self._post(sparql, ACCEPT_RESULTS, None, dataset or []))

    def _post(self, sparql: str, accept: str, answer: Answer | None = None,
              dataset: list[tuple[str, str]] | None = None) -> Body:
        text = prologue(read_head(sparql)[1], self.base_iri) + sparql
        form = urllib.parse.urlencode([("query", text), *(dataset or [])]).encode("ascii")
        return self.endpoint.request("POST", self.query_url, form, FORM, accept, answer)

    def _parse_results(self, body: Body) -> ox.QuerySolutions | ox.QueryBoolean:
        media = media_type_of(body.response)
        results_format = ox.QueryResultsFormat.from_media_type(media)
        if results_format is None:
            what = media or "no media type"
            raise RemoteError(f"The upstream store at {body.url} answered {what}, not SPARQL results.")
        try:
            result = ox.parse_query_results(body, results_format)
            if isinstance(result, ox.QuerySolutions) and [v.value for v in result.variables] == [_VIRTUOSO_ASK]:
                # Virtuoso 7.2 (Debian's) answers ASK as one row of 1 or 0 in every results format.
                value = any(row[_VIRTUOSO_ASK].value in ("1", "true") for row in result)
                return ox.parse_query_results(json.dumps({"head": {}, "boolean": value}), ox.QueryResultsFormat.JSON)
            return result
        except (SyntaxError, OSError, ValueError) as exc:
            raise body.failure(exc) from None

    def _triples(self, body: Body) -> Iterator[ox.Triple]:
        for quad in self._parse_rdf(body, dataset=False):
            yield quad.triple

    def _parse_rdf(self, body: Body, dataset: bool) -> Iterator[ox.Quad]:
        media = media_type_of(body.response)
        rdf_format = ox.RdfFormat.N_TRIPLES if media in _NTRIPLES_ALIASES else ox.RdfFormat.from_media_type(media)
        if rdf_format is None or (dataset and not rdf_format.supports_datasets):
            wanted = "a dataset" if dataset else "RDF"
            raise RemoteError(f"The upstream store at {body.url} answered {media or 'no media type'}, not {wanted}.")
        try:
            yield from ox.parse(body, rdf_format)
        except (SyntaxError, OSError, ValueError) as exc:
            raise body.failure(exc) from None

    def _graph_triples(self, graph: str, answer: Answer) -> Iterator[ox.Triple]:
        if self.store_url:
            url = self.store_url + ("&" if "?" in self.store_url else "?") + urllib.parse.urlencode({"graph": graph})
            return self._triples(self.endpoint.request("GET", url, None, None, ACCEPT_GRAPH, answer))
        return self._triples(self._post(bind_values(GRAPH_TRIPLES, {"g": graph}), ACCEPT_GRAPH, answer))

    def _dataset_quads(self, answer: Answer) -> Iterator[ox.Quad]:
        if self.store_url:
            yield from self._parse_rdf(self.endpoint.request("GET", self.store_url, None, None, ACCEPT_DATASET,
                                                             answer), dataset=True)
            return
        offset = 0
        while True:
            names = [row["g"].value for row in self.solutions(GRAPH_NAMES % (PAGE_ROWS, offset))]
            for name in names:
                node = ox.NamedNode(name)
                for triple in self._graph_triples(name, answer):
                    yield ox.Quad(triple.subject, triple.predicate, triple.object, node)
            if len(names) < PAGE_ROWS:
                return
            offset += PAGE_ROWS

    def _write_answer(self, body: Body, answer: Answer, results_format: str, graph_format: str, sparql: str) -> None:
        if ox.QueryResultsFormat.from_media_type(media_type_of(body.response)) is not None:
            result = self._parse_results(body)
            answer.start({"kind": type(result).__name__, "format": results_format})
            try:
                write_results(result, results_format, answer, sparql)
            except (IsnadError, SyntaxError, OSError, ValueError) as exc:
                if isinstance(exc, IsnadError) and body.error is None:
                    raise
                raise body.failure(exc) from None
            return
        triples = self._triples(body)
        answer.start({"kind": "QueryTriples", "format": graph_format})
        ox.serialize(triples, answer, rdf_format_of(get_format(graph_format)))


class _Solutions:
    """The upstream as ``kg.propgraph`` reads a store: ``query(sparql, default_graphs, named_graphs)``."""

    def __init__(self, upstream: UpstreamStore):
        self.upstream = upstream

    def query(self, sparql: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> ox.QuerySolutions:
        dataset = [("default-graph-uri", g) for g in default_graphs or []]
        dataset += [("named-graph-uri", g) for g in named_graphs or []]
        return self.upstream.solutions(sparql, dataset)
