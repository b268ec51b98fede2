"""The bulk writer: extracted files' quads spooled and loaded in batches by Oxigraph's bulk loader.

One transaction per file costs the writer about 19 ms of CPU per seed-size article; Oxigraph's
bulk loader writes the same quads as sorted files straight into the store for about 7.4 ms
(benchmarks/run --only writer), so a writer fed by many extracting machines keeps up.

The bulk loader is not a transaction, so a journal keeps the crash promise of ``kg build``:
before a batch is loaded, the journal (``isnad-bulk.journal`` in the store's folder, written
and synced first) names every graph the batch will write or replace; those graphs are then
dropped in one transaction, the spool is bulk-loaded, and the journal is removed. A build killed
at any point leaves at most one batch in doubt, named in the journal: the next process that
opens the store for writing drops those graphs before anything else (``repair``), so each
file's graphs are all there or absent, and running the build again completes the batch. A
read-only open refuses a store with a pending journal rather than show half a batch.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg import config
from kg.errors import StoreError

if TYPE_CHECKING:
    from kg.build import ExtractedFile
    from kg.store import GraphStore, SerializedGraph

JOURNAL = "isnad-bulk.journal"
#: The spool is TriG: each graph's N-Triples inside ``<name> { }`` as they come from the workers,
#: which saves rewriting every line as N-Quads (a sixth of the writer's CPU) and parses as fast.
SPOOL = "isnad-bulk.spool.trig"
#: Files from which ``kg build`` takes the bulk path by itself. The bulk loader's cost per quad is
#: flat from batches of about 50 seed-size articles up (measured from 50 to 500). On a machine
#: whose cores all extract, the writer's CPU is taken from the extraction: at ``-j2`` on 2 cores
#: one transaction per file cost the writer 21.6 ms of CPU per article against 9.7 through the
#: bulk loader (300 ANERcorp articles, workers about 50 ms each), about a sixth of all the CPU an
#: article costs. From 100 files that is worth a crash sending up to one batch (about 125
#: articles, some 4 s of extraction at ``-j2``) back to the rerun.
AUTO_BULK_FILES = 100


def as_trig(graph: SerializedGraph) -> str:
    """A graph's N-Triples lines as a TriG graph block (the spool's records, and a first write's load)."""
    return f"<{graph.name}> {{\n{graph.ntriples}\n}}\n"


def journal_path(store_path: Path) -> Path:
    """Where a store's bulk journal lives."""
    return store_path / JOURNAL


def interrupted(store_path: Path) -> bool:
    """Whether a bulk batch was being loaded into the store when its writer stopped."""
    return journal_path(store_path).exists()


def repair(native: ox.Store, store_path: Path) -> int:
    """Drop every graph of an interrupted bulk batch, so each of its files is absent; clear the journal.

    Returns:
        How many graphs were dropped.

    Raises:
        StoreError: the journal is unreadable or the drop failed (the journal stays for the next try).
    """
    path = journal_path(store_path)
    try:
        graphs = json.loads(path.read_text(encoding="utf-8"))["graphs"]
    except FileNotFoundError:
        return 0
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"The bulk journal {path} cannot be read ({exc}); remove it and rebuild.") from None
    _drop(native, graphs, store_path)
    native.flush()
    path.unlink()
    _sync_folder(store_path)
    return len(graphs)


def _drop(native: ox.Store, graphs: list[str], store_path: Path) -> None:
    if not graphs:
        return
    try:
        native.update(" ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in graphs))
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"Writing to the store at {store_path} failed: {exc}") from None


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class BulkWriter:
    """Collects extracted files into a spool and bulk-loads it every ``batch_quads`` quads
    (default: the ``bulk_batch_quads`` setting).

    Files are loaded in input order and a file always replaces what its source produced before,
    as with one transaction per file: a file whose graphs (or source) another file of the
    pending batch already writes starts a new batch, so the later file wins as it would alone.
    """

    def __init__(self, store: GraphStore, batch_quads: int | None = None):
        self.store = store
        # The bulk loader's cost per quad is flat from about 40k quads (50 seed-size articles)
        # up; the default, 100k, bounds what a crash sends back to the rerun and the spool on disk.
        self.batch_quads = int(config.get("bulk_batch_quads")) if batch_quads is None else batch_quads
        self._spool_path = store.path / SPOOL
        self._spool = self._spool_path.open("w", encoding="utf-8")
        self._quads = 0
        self._writes: set[str] = set()  #: graphs the pending batch loads
        self._drops: set[str] = set()  #: graphs the pending batch replaces or removes
        self._origins: set[str] = set()

    def write(self, extracted: ExtractedFile) -> tuple[int, int]:
        """Add one file to the pending batch (loading the batch when full).

        Returns:
            (articles, triples) the file adds.

        Raises:
            StoreError: a batch could not be loaded; the files of earlier batches are in the store.
        """
        names = {graph.name for graph in extracted.graphs}
        if extracted.origin in self._origins or not names.isdisjoint(self._writes):
            self.flush()
        self._origins.add(extracted.origin)
        self._drops.update(str(name) for name in self.store.graphs_from(extracted.origin))
        self._writes.update(names)
        triples = sum(graph.triples for graph in extracted.graphs)
        self._spool.write("".join(as_trig(graph) for graph in extracted.graphs))
        self._quads += triples
        if self._quads >= self.batch_quads:
            self.flush()
        return len(extracted.graphs), triples

    def flush(self) -> None:
        """Load the pending batch: journal it, drop what it replaces, bulk-load the spool, clear the journal.

        Raises:
            StoreError: the load failed; the journal names the batch, whose graphs the next
                writer drops.
        """
        if not self._origins:
            return
        self._spool.close()
        graphs = sorted(self._writes | self._drops)
        journal = journal_path(self.store.path)
        # Written aside and renamed into place: a kill while writing leaves no journal (and nothing
        # has been dropped or loaded yet) rather than an empty one the next build cannot read.
        pending = journal.with_name(journal.name + ".new")
        with pending.open("w", encoding="utf-8") as out:
            json.dump({"graphs": graphs}, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(pending, journal)
        _sync_folder(self.store.path)
        # Only graphs the store holds: a first build's batches then cost no transaction at all.
        _drop(self.store.native, [name for name in graphs if self.store.graph_exists(name)], self.store.path)
        try:
            self.store.native.bulk_load(path=self._spool_path, format=ox.RdfFormat.TRIG)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"Bulk loading into the store at {self.store.path} failed: {exc}") from None
        self.store.native.flush()
        journal.unlink()
        _sync_folder(self.store.path)
        self._spool = self._spool_path.open("w", encoding="utf-8")
        self._quads = 0
        self._writes, self._drops, self._origins = set(), set(), set()

    def close(self) -> None:
        """Load what is pending and remove the spool."""
        try:
            self.flush()
        finally:
            self._spool.close()
            self._spool_path.unlink(missing_ok=True)

    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None or not issubclass(kind, StoreError) and issubclass(kind, Exception):
            self.close()  # the files before a failed extraction are written, as in a transactional build
        else:  # a batch that failed to load stays in the journal, which the next writer repairs
            self._spool.close()
            self._spool_path.unlink(missing_ok=True)
