"""Building: article files -> pipeline -> article graphs -> the store, one file at a time.

Each file is committed in one transaction (``GraphStore.replace_graphs``) together with the
removal of whatever that file produced before, so a crash or a bad file mid-batch leaves every
earlier article intact and no partial graph behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import pipeline, rdf
from kg.errors import IsnadError
from kg.sources import find_files, read_source
from kg.store import GraphStore

ONTOLOGY_FILE = Path(__file__).resolve().parent.parent / "ontology" / "isnad.ttl"
GAZETTEER_FILE = Path(__file__).resolve().parent / "data" / "gazetteer.ttl"


@dataclass
class BuildReport:
    """What one build did."""

    files: int = 0
    articles: int = 0
    triples: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)  #: one line per file that failed

    def summary(self) -> str:
        """One line: articles, triples, seconds (and failures when any)."""
        line = f"Built {self.articles} articles from {self.files} files: {self.triples} triples in {self.seconds:.2f} s"
        return line + (f"; {len(self.failures)} files failed" if self.failures else "")


def load_reference_graphs(store: GraphStore) -> None:
    """Load the ontology and the gazetteer into their own named graphs (replacing old copies)."""
    store.load_graph(rdf.ONTOLOGY_GRAPH, ONTOLOGY_FILE)
    if GAZETTEER_FILE.exists():
        store.load_graph(rdf.GAZETTEER_GRAPH, GAZETTEER_FILE)


def build_file(store: GraphStore, path: Path) -> tuple[int, int]:
    """Extract one file and replace its graphs in the store.

    Returns:
        (articles, triples) written.

    Raises:
        IsnadError: the file is unusable or extraction failed; the store is unchanged.
    """
    source = read_source(path)
    articles = pipeline.extract(source.text, path.name)
    graphs = [rdf.article_graph(article, source.origin)[1] for article in articles]
    triples = store.replace_graphs(graphs, drop=store.graphs_from(source.origin))
    return len(graphs), triples


def build(
    paths: Iterable[str | Path],
    store: GraphStore,
    progress: Callable[[int, Path], None] | None = None,
) -> BuildReport:
    """Build every article file under ``paths`` into ``store``; bad files are reported, not fatal."""
    started = time.perf_counter()
    report = BuildReport()
    load_reference_graphs(store)
    for index, path in enumerate(find_files(paths), start=1):
        report.files += 1
        if progress:
            progress(index, path)
        try:
            articles, triples = build_file(store, path)
        except IsnadError as exc:
            report.failures.append(str(exc))
            continue
        report.articles += articles
        report.triples += triples
    report.seconds = time.perf_counter() - started
    return report
