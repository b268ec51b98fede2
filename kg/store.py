"""The persistent graph store: an rdflib ``Dataset`` on the embedded Oxigraph store.

rdflib is the interface (the store is the plugin named in config, ``"Oxigraph"`` from
oxrdflib). Bulk paths - SPARQL evaluation, result serialisation and dumps - go straight to the
same underlying pyoxigraph store, because handing rdflib a parsed query or serialising through
rdflib's pure-Python code is orders of magnitude slower and not streamed.

Writes are atomic per article: replacing an article's graphs is one SPARQL update, which
Oxigraph applies in a single transaction, so a crash or a bad file never leaves half an
article in the store.
"""

from __future__ import annotations

import fcntl
import gc
import os
import struct
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.plugin import PluginException
from rdflib.plugin import get as get_plugin
from rdflib.store import Store as RdflibStore

from kg import bulk, config
from kg.dumps import dump_prefixes, dump_writer, union_triples
from kg.errors import InputError, NotFound, QueryError, RemoteError, StoreError
from kg.guard import add_using, allowed_services, check_query, check_update, is_iri, outside_calls
from kg.rdf import PREFIXES, Format

#: Results formats for SELECT/ASK, by alias.
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}

_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}

PREFIX_MAP = {name: str(ns) for name, ns in PREFIXES.items()}



@dataclass(frozen=True)
class SerializedGraph:
    """One named graph as N-Triples text, ready for a single native write."""

    name: str
    ntriples: str
    triples: int


def read_graph_file(name: URIRef | str, path: Path, fmt: str = "turtle") -> SerializedGraph:
    """An RDF file (``fmt``: a name of ``kg.rdf.FORMATS``) as graph ``name``'s N-Triples, read by
    Oxigraph's parser: every ``kg build`` loads the gazetteer, which rdflib took about 100 ms of
    CPU to parse and write out as N-Triples (this takes 5 ms).

    Raises:
        StoreError: the file cannot be read or parsed.
    """
    try:
        triples = list(ox.parse(path=str(path), format=_RDF_FORMATS[fmt]))
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"Reading {path} failed: {exc}") from None
    return SerializedGraph(str(name), ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), len(triples))


def as_nquads(graph: SerializedGraph) -> str:
    """A graph's N-Triples lines as N-Quads in that graph.

    Split on line feeds only: a literal never holds a raw one, but may hold other characters
    that ``str.splitlines`` would split on (U+2028, form feed).
    """
    suffix = f"<{graph.name}> .\n"
    return "".join(line.rstrip()[:-1] + suffix for line in graph.ntriples.split("\n") if line.strip())


def default_path() -> Path:
    """The store used when none is named: ``$ISNAD_STORE``, else the per-user data dir."""
    if os.environ.get("ISNAD_STORE"):
        return Path(os.environ["ISNAD_STORE"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "isnad" / "store"


def _open_plugin(name: str, native: ox.Store) -> RdflibStore:
    try:
        plugin = get_plugin(name, RdflibStore)
    except PluginException:
        raise StoreError(f"Unknown store '{name}'; Isnad runs on: Oxigraph.") from None
    return plugin(store=native)


class GraphStore:
    """An Isnad store on disk.

    Args:
        path: the store's directory (created when missing, unless ``read_only``).
        read_only: open without taking the writer's lock (for servers and queries).
        plugin: the rdflib store plugin name.
        service_allow: SERVICE endpoints queries may call beside Wikidata's (default: the
            ``service_allow`` setting).

    Raises:
        StoreError: the directory cannot be opened (in use by another writer, not a store).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        read_only: bool = False,
        plugin: str = "Oxigraph",
        service_allow: str | None = None,
    ):
        self.path = Path(path)
        self.read_only = read_only
        self.service_allow = allowed_services(config.get("service_allow") if service_allow is None else service_allow)
        try:
            if read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"No store at {self.path}; build one first with 'kg build'.")
                if written_by_another_process(self.path):
                    raise BlockingIOError("lock held by a writer")
                if bulk.interrupted(self.path):
                    raise StoreError(f"A bulk build into {self.path} was interrupted; run it again to complete it.")
                self.native = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.native = ox.Store(str(self.path))
                _OPEN_FOR_WRITING.add(self.path.resolve())
                bulk.repair(self.native, self.path)  # first, so no one sees half a bulk batch
        except OSError as exc:
            raise StoreError(_describe_open_error(self.path, exc, read_only)) from None
        self.dataset = Dataset(store=_open_plugin(plugin, self.native), default_union=True)
        for prefix, namespace in PREFIXES.items():
            self.dataset.bind(prefix, namespace)

    def close(self) -> None:
        """Flush and release the store."""
        if not self.read_only:
            self.native.flush()
            _OPEN_FOR_WRITING.discard(self.path.resolve())
        # RocksDB's lock goes only when the last reference to the native store does; rdflib's
        # graphs hold reference cycles, so collect them now rather than at some later point.
        self.dataset.close()
        del self.native, self.dataset
        gc.collect()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def graphs_from(self, origin: str) -> list[URIRef]:
        """The article graphs built from one source (``prov:wasDerivedFrom origin``)."""
        rows = self.native.query(
            f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g a isnad:Article ; prov:wasDerivedFrom {ox.NamedNode(origin)} }} }}",
            prefixes=PREFIX_MAP,
        )
        return [URIRef(row["g"].value) for row in rows]

    def replace_graphs(self, graphs: Iterable[Graph], drop: Iterable[URIRef] = ()) -> int:
        """Atomically drop ``drop`` and replace each of ``graphs`` by its new content.

        Returns:
            The number of triples written.

        Raises:
            StoreError: the write failed; the store is unchanged.
        """
        serialized = [SerializedGraph(str(g.identifier), g.serialize(format="nt"), len(g)) for g in graphs]
        return self.replace_ntriples(serialized, drop)

    def replace_ntriples(self, graphs: Iterable[SerializedGraph], drop: Iterable[URIRef | str] = ()) -> int:
        """Like ``replace_graphs`` for graphs already serialised (by build workers): one native update.

        Returns:
            The number of triples written.

        Raises:
            StoreError: the write failed; the store is unchanged.
        """
        graphs = list(graphs)
        names = {g.name for g in graphs} | {str(name) for name in drop}
        try:
            if any(self.native.contains_named_graph(ox.NamedNode(name)) for name in names):
                parts = [f"DROP SILENT GRAPH <{name}>" for name in sorted(names)]
                parts += [f"INSERT DATA {{ GRAPH <{g.name}> {{\n{g.ntriples}\n}} }}" for g in graphs]
                self.native.update(" ;\n".join(parts))
            else:
                # Nothing to replace (a file built for the first time): one load, itself a transaction,
                # costs half of a SPARQL update; as TriG, each graph's N-Triples go in as they are.
                self.native.load("".join(bulk.as_trig(g) for g in graphs), format=ox.RdfFormat.TRIG)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"Writing to the store at {self.path} failed: {exc}") from None
        return sum(g.triples for g in graphs)

    def bulk_load(self, path: Path, fmt: Format, graph: str) -> None:
        """Load a whole RDF file with Oxigraph's native bulk loader (fast, not a transaction).

        Args:
            path: the file (parse it first when a syntax error must leave the store untouched).
            fmt: its format.
            graph: the named graph for its triples outside a named graph.

        Raises:
            StoreError: the file could not be read or written; part of it may be loaded.
        """
        try:
            self.native.bulk_load(
                path=path, format=rdf_format_of(fmt), base_iri=path.resolve().as_uri(), to_graph=ox.NamedNode(graph)
            )
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"Loading {path} into the store at {self.path} failed: {_one_line(exc)}") from None

    def load_graph(self, name: URIRef, path: Path, fmt: str = "turtle") -> int:
        """Replace graph ``name`` with an RDF file's content (ontology, gazetteer; ``read_graph_file``)."""
        return self.replace_ntriples([read_graph_file(name, path, fmt)])

    # -- reading ---------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        substitutions: dict[str, str] | None = None,
        base_iri: str | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query on Oxigraph's engine, after the guard has inspected it.

        Args:
            sparql: the query.
            default_graphs, named_graphs: the SPARQL Protocol dataset (``default-graph-uri``,
                ``named-graph-uri``); when both are None the query's own FROM clauses apply, and
                without those the default graph is the union of all graphs.
            substitutions: variable name -> IRI, bound before evaluation (never spliced into text).
            base_iri: the IRI relative IRIs in the query resolve against.

        Raises:
            QueryError: the query is malformed (the message is the parser's) or refused by the
                guard (SERVICE off the allow-list, FROM a graph not in the store).
        """
        inspection = check_query(sparql, self.graph_exists, self.service_allow, PREFIX_MAP, base_iri)
        options: dict[str, object] = {"prefixes": PREFIX_MAP, "base_iri": base_iri}
        if default_graphs is not None or named_graphs is not None:
            options["default_graph"] = [named_node(g) for g in default_graphs or []]
            options["named_graphs"] = [named_node(g) for g in named_graphs or []]
        elif not inspection.has_dataset:  # Oxigraph's union flag would override the query's FROM
            options["use_default_graph_as_union"] = True
        if substitutions:
            options["substitutions"] = {ox.Variable(k): named_node(v) for k, v in substitutions.items()}
        try:
            return self.native.query(sparql, **options)
        except SyntaxError as exc:
            raise QueryError(f"Malformed query: {_one_line(exc)}") from None
        except OSError as exc:
            raise evaluation_error(exc, sparql) from None

    def update(
        self,
        sparql: str,
        using: list[str] | None = None,
        using_named: list[str] | None = None,
        base_iri: str | None = None,
    ) -> None:
        """Apply a SPARQL 1.1 Update in one transaction, after the guard has inspected it.

        Args:
            using, using_named: the SPARQL Protocol's ``using-graph-uri`` / ``using-named-graph-uri``.

        Raises:
            QueryError: the update is malformed or refused (LOAD, SERVICE off the allow-list).
            StoreError: the store is read-only or the write failed.
        """
        if self.read_only:
            raise StoreError("This store is open read-only; updates are refused.")
        check_update(sparql, self.service_allow, PREFIX_MAP, base_iri)
        sparql = add_using(sparql, using or [], using_named or [])
        try:
            self.native.update(sparql, prefixes=PREFIX_MAP, base_iri=base_iri)
        except SyntaxError as exc:
            raise QueryError(f"Malformed update: {_one_line(exc)}") from None
        except OSError as exc:
            raise evaluation_error(exc, sparql, "Update") from None

    def graph_exists(self, name: str) -> bool:
        """Whether the store holds a named graph called ``name``."""
        return is_iri(name) and self.native.contains_named_graph(ox.NamedNode(name))

    def snapshot(self, target: Path) -> None:
        """Write a consistent copy of the store to ``target`` (hard links where the disk allows)."""
        self.native.flush()
        self.native.backup(str(target))

    def export(self, out: IO[bytes], fmt: Format, graph: str | None = None, union: bool = False) -> None:
        """Stream the dataset (or one graph) to ``out`` in ``fmt``.

        A format that cannot hold named graphs (Turtle, N-Triples, RDF/XML) gets the distinct
        triples of all graphs when no graph is named; ``union`` asks for those in any format
        (the endpoint's default graph). A property-graph format (GraphML) gets the nodes and
        edges of the article graphs (``kg.propgraph``).

        Raises:
            NotFound: the named graph does not exist.
        """
        if graph is not None and not self.graph_exists(graph):
            raise NotFound(f"No graph <{graph}> in the store; 'kg stats' lists the articles.")
        if not fmt.is_rdf:
            from kg.propgraph import write_property_graph  # imported when asked for: it reads through this store

            write_property_graph(self, fmt, out, graph)
            return
        target, prefixes = rdf_format_of(fmt), dump_prefixes(fmt)
        with dump_writer(out, fmt) as writer:
            if graph is not None:
                node = ox.NamedNode(graph)
                if fmt.datasets:  # keep the graph's name: stream its quads rather than dump its triples
                    quads = self.native.quads_for_pattern(None, None, None, node)
                    ox.serialize(quads, writer, target, prefixes=prefixes)
                else:
                    self.native.dump(writer, target, from_graph=node, prefixes=prefixes)
            elif fmt.datasets and not union:
                self.native.dump(writer, target, prefixes=prefixes)
            else:
                ox.serialize(union_triples(self.native), writer, target, prefixes=prefixes)

    def export_graph_ntriples(self, name: str) -> bytes:
        """One named graph as N-Triples bytes (for tools that want an in-memory graph)."""
        return self.native.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))

    def article_graphs(self) -> Iterator[URIRef]:
        """The names of all article graphs."""
        for row in self.native.query("SELECT ?g WHERE { GRAPH ?g { ?g a isnad:Article } }", prefixes=PREFIX_MAP):
            yield URIRef(row["g"].value)

    def quad_count(self) -> int:
        return len(self.native)


def rdf_format_of(fmt: Format) -> ox.RdfFormat:
    """The pyoxigraph serialiser for an Isnad RDF format.

    Raises:
        InputError: ``fmt`` is a property-graph format (GraphML, CSV), which holds no RDF.
    """
    if not fmt.is_rdf:
        valid = ", ".join(_RDF_FORMATS)
        raise InputError(f"'{fmt.name}' is a property-graph format, not RDF; choose one of: {valid}.")
    return _RDF_FORMATS[fmt.name]


def named_node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise InputError(f"'{iri}' is not a valid IRI.") from None


def evaluation_error(exc: OSError, sparql: str, what: str = "Query") -> RemoteError | StoreError:
    """What an error Oxigraph raised while evaluating ``sparql`` was: a SERVICE endpoint that could
    not be reached or answered badly (502), when the query calls one; else the store's (503)."""
    # The query was accepted by the guard, so its SERVICE endpoints are all allow-listed IRIs.
    services = outside_calls(sparql, PREFIX_MAP).services
    if services:
        endpoints = ", ".join(f"<{iri}>" for iri in dict.fromkeys(services))
        # An endpoint's error page can be long: its first line or so is what says why.
        return RemoteError(f"{what} failed at the SERVICE endpoint {endpoints}: {_one_line(exc)[:300]}")
    return StoreError(f"{what} failed: {_one_line(exc)}")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


#: Stores this process has open read-write (see ``written_by_another_process``).
_OPEN_FOR_WRITING: set[Path] = set()
_FLOCK = struct.Struct("hhqqi4x")  # Linux's struct flock: type, whence, start, len, pid


def written_by_another_process(path: Path) -> bool:
    """Whether another process holds the store's writer lock (RocksDB's fcntl lock on LOCK).

    Oxigraph calls reading a store that another process writes undefined behaviour, so readers
    ask first. F_GETLK only asks; it takes no lock a starting build could trip over. A store
    this process writes is never probed: closing any descriptor of LOCK would release this
    process's own lock on it (POSIX locks belong to the process, not the descriptor).
    """
    if sys.platform != "linux" or path.resolve() in _OPEN_FOR_WRITING:
        return False
    try:
        fd = os.open(path / "LOCK", os.O_RDONLY)
    except OSError:
        return False
    try:
        probe = _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        return _FLOCK.unpack(fcntl.fcntl(fd, fcntl.F_GETLK, probe))[0] != fcntl.F_UNLCK
    finally:
        os.close(fd)


def _describe_open_error(path: Path, exc: OSError, read_only: bool) -> str:
    text = _one_line(exc)
    if "lock" in text.lower() and read_only:
        # The documented rule (README, Concurrent use): one writer at a time, and no readers
        # while it writes, because Oxigraph cannot serve reads from a store another process writes.
        return (
            f"The store at {path} is being written by another process (a build, a load or a writable server); "
            "try again when it has finished."
        )
    if "lock" in text.lower():
        return (
            f"The store at {path} is in use by another process (a build or a server); "
            "stop it or use another --store."
        )
    return f"Cannot open the store at {path}: {text}"

