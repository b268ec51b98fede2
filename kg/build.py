"""Building: article files -> pipeline -> article graphs -> the store.

Extraction (reading, the pipeline, mapping to triples and serialising them) runs in worker
processes, one per core by default; this process is the only writer. Each file's graphs arrive
as N-Triples text and are committed in one transaction (``GraphStore.replace_ntriples``)
together with the removal of whatever that file produced before, in input order, so a crash or
a bad file mid-batch leaves every earlier article intact and no partial graph behind.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from kg import rdf
from kg.bulk import AUTO_BULK_FILES
from kg.config import usable_cores
from kg.errors import ExtractionError, InputError, IsnadError
from kg.model import Article
from kg.sources import Source, find_files, read_source
from kg.store import GraphStore, SerializedGraph
from kg.text import has_arabic

ONTOLOGY_FILE = Path(__file__).resolve().parent.parent / "ontology" / "isnad.ttl"
GAZETTEER_FILE = Path(__file__).resolve().parent / "data" / "gazetteer.ttl"

#: Files handed to the workers ahead of the writer, per worker: enough to keep every core busy
#: while the writer commits, few enough that a huge batch never piles up in memory.
_AHEAD_PER_WORKER = 8


@dataclass
class BuildReport:
    """What one build did."""

    files: int = 0
    total: int = 0  #: files found to build
    articles: int = 0
    triples: int = 0
    bytes: int = 0  #: size of the article files built
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)  #: one line per file that failed

    def summary(self, done: str = "Built", unit: str = "files", into: str = "") -> str:
        """One line: articles, triples, seconds (and failures when any), e.g. ``Built 5 articles
        from 5 files: ...``; ``into`` names where they went (`` into shards/``)."""
        line = (f"{done} {self.articles} articles from {self.files} {unit}{into}: "
                f"{self.triples} triples in {self.seconds:.2f} s")
        return line + (f"; {len(self.failures)} {unit} failed" if self.failures else "")


@dataclass
class ExtractedFile:
    """One file after extraction: its graphs ready to write, or why it failed."""

    path: Path
    origin: str = ""
    size: int = 0
    graphs: list[SerializedGraph] = field(default_factory=list)
    error: str | None = None


def load_reference_graphs(store: GraphStore) -> None:
    """Load the ontology and the gazetteer into their own named graphs (replacing old copies)."""
    store.load_graph(rdf.ONTOLOGY_GRAPH, ONTOLOGY_FILE)
    if GAZETTEER_FILE.exists():
        store.load_graph(rdf.GAZETTEER_GRAPH, GAZETTEER_FILE)


def extract_file(path: Path, data: bytes | None = None) -> ExtractedFile:
    """Read one file, run the pipeline and serialise its article graphs (runs in a worker).

    ``data`` is the file's content when it was read elsewhere (a cluster worker gets the bytes,
    not the file). A problem with the file or the extraction is returned in ``error``, never
    raised, so one bad file costs one line and the batch goes on.
    """
    # Imported here: the extractor (camel-tools takes about a second and a half to import)
    # loads only where extraction runs, never in a writer that hands it to workers.
    from kg import pipeline

    try:
        # Reading is inside the limit too: a hostile page can send a parser quadratic.
        with pipeline.time_limit(str(path)):
            source = read_source(path, data)
            articles = extract_articles(source)
            graphs = [rdf.article_triples(article, source.origin) for article in articles]
    except IsnadError as exc:
        return ExtractedFile(path, error=str(exc))
    return ExtractedFile(
        path,
        origin=source.origin,
        size=len(data) if data is not None else path.stat().st_size,
        graphs=[SerializedGraph(str(g.iri), g.ntriples, g.triples) for g in graphs],
    )


def extract_articles(source: Source) -> list[Article]:
    """Run the pipeline over one source, refusing one that would store an article without text.

    Every article's IRI is minted from its text, so articles with no text would all get the
    same IRI and each would silently replace the one before.

    Raises:
        InputError: the source has no Arabic letter, or no article text is left after cleaning.
        ExtractionError: a stage failed or the time limit ran out.
    """
    from kg import pipeline

    if not has_arabic(source.text):
        raise InputError(f"{source.path}: the file has no Arabic text; Isnad builds articles written in Arabic.")
    articles = pipeline.extract(source.text, source.path.name)
    if not all(article.text for article in articles):
        raise InputError(
            f"{source.path}: no article text is left after cleaning (only a headline, page furniture "
            "or lines without Arabic); nothing was stored."
        )
    return articles


def write_file(store: GraphStore, extracted: ExtractedFile) -> tuple[int, int]:
    """Replace the graphs a file produced before by its new ones, in one transaction.

    Returns:
        (articles, triples) written.

    Raises:
        StoreError: the write failed; the store is unchanged.
    """
    triples = store.replace_ntriples(extracted.graphs, drop=store.graphs_from(extracted.origin))
    return len(extracted.graphs), triples


def default_jobs() -> int:
    """Extraction workers when none are asked for: one per core this process may use."""
    return usable_cores()


class _WorkerExtraction:
    """Files handed to ``jobs`` worker processes ahead of the writer, results in input order.

    Workers start (and import the extractor) as soon as this is made, so that cost overlaps
    whatever the writer does before it asks for the first result.
    """

    def __init__(self, paths: list[Path], jobs: int):
        # forkserver, not fork: this process holds the store's RocksDB threads, which a fork
        # would copy mid-flight. The server builds the pipeline once; workers fork from it.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.pipeline", "kg.build", "kg.warm_pipeline"])
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
        self._queue = iter(paths)
        self._pending: deque[tuple[Path, Future[ExtractedFile]]] = deque(
            (path, self._pool.submit(extract_file, path)) for path in islice(self._queue, jobs * _AHEAD_PER_WORKER)
        )

    def __iter__(self) -> Iterator[ExtractedFile]:
        while self._pending:
            path, future = self._pending.popleft()
            try:
                extracted = future.result()
            except BrokenProcessPool:
                raise ExtractionError(
                    f"An extraction worker died while building {path} (out of memory?); "
                    "the files before it are in the store. Retry with fewer --jobs."
                ) from None
            next_path = next(self._queue, None)
            if next_path is not None:
                self._pending.append((next_path, self._pool.submit(extract_file, next_path)))
            yield extracted

    def close(self) -> None:
        """Stop the workers, dropping files not started yet."""
        self._pool.shutdown(cancel_futures=True)


@contextmanager
def extraction(files: list[Path], jobs: int | None = None, scheduler: str | None = None) -> Iterator[
    Iterable[ExtractedFile]
]:
    """The files extracted, in input order: here, in local worker processes or on a Dask cluster.

    Args:
        files: the article files.
        jobs: local worker processes (default: one per core; 1 extracts in this process).
        scheduler: a Dask scheduler address (``tcp://host:8786``) or ``local``; overrides ``jobs``.

    Raises:
        InputError: the scheduler cannot be reached, or Dask is not installed.
    """
    if scheduler is not None:
        from kg.cluster import ClusterExtraction

        with ClusterExtraction(files, scheduler) as extracted:
            yield extracted
        return
    jobs = min(jobs or default_jobs(), len(files))
    workers = _WorkerExtraction(files, jobs) if jobs > 1 else None
    try:
        yield workers if workers is not None else map(extract_file, files)
    finally:
        if workers is not None:
            workers.close()


@contextmanager
def file_writer(store: GraphStore, bulk: bool = False) -> Iterator[Callable[[ExtractedFile], tuple[int, int]]]:
    """What writes each extracted file: one transaction each, or ``kg.bulk``'s batches (flushed at the end)."""
    if not bulk:
        yield lambda extracted: write_file(store, extracted)
        return
    from kg.bulk import BulkWriter

    with BulkWriter(store) as writer:
        yield writer.write


def write_extracted(
    extracted_files: Iterable[ExtractedFile],
    write: Callable[[ExtractedFile], tuple[int, int]],
    report: BuildReport,
    progress: Callable[[BuildReport, Path], None] | None = None,
) -> BuildReport:
    """Hand each extracted file to ``write`` in order, counting what it wrote and what failed.

    ``progress`` is called with the report so far (its ``seconds`` brought up to date) and the
    file's path after each file is written or fails.
    """
    started = time.perf_counter() - report.seconds
    for extracted in extracted_files:
        report.files += 1
        if extracted.error is not None:
            report.failures.append(extracted.error)
        else:
            articles, triples = write(extracted)
            report.articles += articles
            report.triples += triples
            report.bytes += extracted.size
        if progress:
            report.seconds = time.perf_counter() - started
            progress(report, extracted.path)
    return report


def build(
    paths: Iterable[str | Path],
    store: GraphStore,
    progress: Callable[[BuildReport, Path], None] | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    bulk: bool = False,
) -> BuildReport:
    """Build every article file under ``paths`` into ``store``; bad files are reported, not fatal.

    Args:
        paths: article files and folders of them.
        store: the store to write (this process is its only writer).
        progress: called with the report so far (files done of ``total``, articles, seconds)
            and the file's path as each file is written or fails.
        jobs: extraction worker processes (default: one per core; 1 extracts in this process).
        scheduler: extract on a Dask cluster instead (``tcp://host:8786``, or ``local``).
        bulk: write through Oxigraph's bulk loader in batches (``kg.bulk``) rather than one
            transaction per file; taken anyway from ``kg.bulk.AUTO_BULK_FILES`` files.

    Raises:
        ExtractionError: a worker process died; earlier files are written.
        StoreError: a write failed; earlier files are written.
    """
    started = time.perf_counter()
    files = list(find_files(paths))
    report = BuildReport(total=len(files))
    with extraction(files, jobs, scheduler) as extracted_files:
        load_reference_graphs(store)
        with file_writer(store, bulk or len(files) >= AUTO_BULK_FILES) as write:
            write_extracted(extracted_files, write, report, progress)
    report.seconds = time.perf_counter() - started
    return report
