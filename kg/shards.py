"""Shards: the graphs of each article file as one N-Quads file, made without a store.

``kg extract`` runs the same extraction as ``kg build`` and writes, per article file, one
shard holding the article graphs that file produces (a second article glued on is dropped,
as in a build); any engine that can run a command over
a list of files (Spark, Ray, a loop over many machines) can therefore do the extraction.
``kg load DIR`` ingests a folder of shards: each shard replaces the graphs its file produced
before in one transaction, exactly as a build commits a file, so loading is idempotent and a
killed load leaves every file all there or absent.

A shard's first line is a comment naming the file it came from (``# isnad-origin <IRI>``), so
a file that yields no article still replaces what it produced before; a shard without it takes
the origin from its article graphs' ``prov:wasDerivedFrom``.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.build import BuildReport, ExtractedFile, extraction, file_writer, load_reference_graphs, write_extracted
from kg.errors import InputError
from kg.rdf import PROV
from kg.sources import find_files
from kg.store import GraphStore, SerializedGraph, as_nquads

SHARD_SUFFIX = ".nq"
_ORIGIN_HEADER = "# isnad-origin "
_ORIGIN_RE = re.compile(r"# isnad-origin <([^>\s]+)>")
_DERIVED_FROM = ox.NamedNode(str(PROV.wasDerivedFrom))
#: Characters of a file's name kept in its shard's name (the rest is a hash of its full path).
_STEM_CHARS = 80


def shard_name(origin: str, stem: str) -> str:
    """The shard file name for a source: its stem, for people, and a hash of its IRI, for uniqueness."""
    digest = hashlib.sha1(origin.encode("utf-8")).hexdigest()[:16]
    return f"{stem[:_STEM_CHARS]}.{digest}{SHARD_SUFFIX}"


def shard_text(extracted: ExtractedFile) -> str:
    """A file's article graphs as a shard: the origin header, then N-Quads."""
    return f"{_ORIGIN_HEADER}<{extracted.origin}>\n" + "".join(as_nquads(graph) for graph in extracted.graphs)


def write_shard(folder: Path, extracted: ExtractedFile) -> Path:
    """Write one file's shard atomically (a killed extract never leaves half a shard under the real name)."""
    target = folder / shard_name(extracted.origin, extracted.path.stem)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(shard_text(extracted), encoding="utf-8")
    os.replace(partial, target)
    return target


def find_shards(folders: Iterable[Path]) -> Iterator[Path]:
    """Every shard under ``folders``, sorted per folder (sub-folders included, as engines partition).

    Raises:
        InputError: a folder does not exist.
    """
    for folder in folders:
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder of shards.")
        yield from sorted(p for p in folder.rglob(f"*{SHARD_SUFFIX}") if p.is_file())


def read_shard(path: Path) -> ExtractedFile:
    """Parse a shard back into the graphs of its file; a bad shard is returned with ``error`` set."""
    try:
        data = path.read_bytes()
        by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
        origins = set()
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise InputError(f"{path}: a quad outside a named graph; shards hold article graphs only.")
            by_graph[quad.graph_name.value].append(quad.triple)
            if quad.predicate == _DERIVED_FROM and quad.subject == quad.graph_name:
                origins.add(quad.object.value)
    except SyntaxError as exc:
        return ExtractedFile(path, error=f"{path}: not valid N-Quads: {' '.join(str(exc).split())}")
    except InputError as exc:
        return ExtractedFile(path, error=str(exc))
    except OSError as exc:
        return ExtractedFile(path, error=f"{path}: cannot be read ({exc.strerror or exc}).")
    header = _ORIGIN_RE.match(data[:4096].decode("utf-8", errors="replace"))
    if header:
        origins = {header.group(1)}
    if len(origins) != 1:
        found = "no article graph says" if not origins else "its graphs name several files as"
        return ExtractedFile(path, error=f"{path}: not an Isnad shard ({found} where it came from).")
    graphs = [
        SerializedGraph(name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), len(triples))
        for name, triples in by_graph.items()
    ]
    return ExtractedFile(path, origin=origins.pop(), size=len(data), graphs=graphs)


def extract_to_folder(
    paths: Iterable[str | Path],
    folder: Path,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[BuildReport, Path], None] | None = None,
) -> BuildReport:
    """Extract every article file under ``paths`` into one shard each in ``folder``; no store.

    Raises:
        InputError: ``folder`` cannot be created.
        ExtractionError: a worker process died; the shards before it are written.
    """
    started = time.perf_counter()
    files = list(find_files(paths))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create the shard folder ({exc.strerror or exc}).") from None

    def write(extracted: ExtractedFile) -> tuple[int, int]:
        write_shard(folder, extracted)
        return len(extracted.graphs), sum(graph.triples for graph in extracted.graphs)

    with extraction(files, jobs, scheduler) as extracted_files:
        report = write_extracted(extracted_files, write, BuildReport(total=len(files)), progress)
    report.seconds = time.perf_counter() - started
    return report


def load_shards(
    folders: Iterable[Path],
    store: GraphStore,
    progress: Callable[[BuildReport, Path], None] | None = None,
    bulk: bool = False,
) -> BuildReport:
    """Load folders of shards into ``store``, one transaction per shard (or in bulk batches).

    The ontology and gazetteer are loaded as a build loads them, so extracting and loading
    gives the store a build would. A bad shard is reported in ``failures`` and skipped.

    Raises:
        InputError: a folder is missing.
        StoreError: a write failed; the shards before it are loaded.
    """
    started = time.perf_counter()
    shards = list(find_shards(folders))
    load_reference_graphs(store)
    with file_writer(store, bulk) as write:
        report = write_extracted(map(read_shard, shards), write, BuildReport(total=len(shards)), progress)
    report.seconds = time.perf_counter() - started
    return report
