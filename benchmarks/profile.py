"""Where a build's CPU goes, per article: each pipeline stage, the mapping to N-Triples, the write.

Usage: .venv/bin/python -m benchmarks.profile [--corpus anercorp|ant|eval] [--articles 120] [--cprofile 30]
       [--sample 40]

All in this process, over the articles of a corpus (``benchmarks.data.corpus_files``: ANERcorp
cuts of seed size, the default; real ANT articles; the seeds and dev2) after one warm-up article, in
CPU time (``time.process_time``), which unlike wall time does not depend on what else this
shared machine runs. The mention components' tagger is split from the stage that calls it, since
it is a third of extraction. ``--cprofile N`` runs the same work again under cProfile and prints
its N most costly functions by own time and by cumulative time (a profile costs about 2x; read
its shares, not its milliseconds). ``--sample N`` builds as many new articles again under a
sampling profiler (``benchmarks.sampler``: no tracing cost, so small functions called per token
are not over-charged as under cProfile) and prints its N most costly functions in milliseconds
per article.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from benchmarks import data


def _timed(spent: dict[str, float], name: str, call: Callable) -> Callable:
    """``call``, adding the CPU seconds each call takes to ``spent[name]``."""

    def run(*args: object, **kwargs: object) -> object:
        started = time.process_time()
        try:
            return call(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started

    return run


def build_path(files: list[Path], store_path: Path, spent: dict[str, float]) -> int:
    """Extract, map and write ``files`` as ``kg build -j1`` does, adding CPU seconds by part to ``spent``.

    Returns:
        The number of articles built.
    """
    from kg import pipeline, rdf, tagger
    from kg.build import ExtractedFile, extract_articles, load_reference_graphs, write_file
    from kg.pipeline import Stage
    from kg.sources import read_source
    from kg.store import GraphStore, SerializedGraph

    line = pipeline.default_pipeline()
    for stage in line.stages:  # the listing's order: the tagger under the stage that calls it
        spent[f"stage {stage.name}"] += 0.0
        if stage.name == "mentions":
            spent["  of which the name tagger"] += 0.0
    original_stages, original_tagger = line.stages, tagger.NameTagger.__call__
    line.stages = tuple(Stage(s.name, _timed(spent, f"stage {s.name}", s.run), s.requires, s.assigns)
                        for s in original_stages)
    tagger.NameTagger.__call__ = _timed(spent, "  of which the name tagger", original_tagger)
    articles = 0
    try:
        with GraphStore(store_path) as store:
            load_reference_graphs(store)
            for path in files:
                started = time.process_time()
                source = read_source(path)
                spent["reading the file"] += time.process_time() - started
                found = extract_articles(source)
                started = time.process_time()
                graphs = [rdf.article_triples(article, source.origin) for article in found]
                spent["N-Triples (kg.rdf)"] += time.process_time() - started
                extracted = ExtractedFile(path, source.origin, 0,
                                          [SerializedGraph(str(g.iri), g.ntriples, g.triples) for g in graphs])
                started = time.process_time()
                write_file(store, extracted)
                spent["store write (one transaction)"] += time.process_time() - started
                articles += len(found)
    finally:
        line.stages, tagger.NameTagger.__call__ = original_stages, original_tagger
    return articles


def _sampled(work: Path, corpus: str, articles: int, top: int) -> None:
    """Build ``articles`` articles not built before (new words cost more than known ones) under
    the sampling profiler and print its ``top`` functions."""
    from benchmarks.sampler import CpuSampler

    shutil.rmtree(work / "store", ignore_errors=True)
    files = data.corpus_files(corpus, articles, work / "sampled", seed=2)
    started = time.process_time()
    with CpuSampler() as sampler:
        built = build_path(files, work / "store", defaultdict(float))
    cpu_ms = (time.process_time() - started) * 1000
    print(f"Sampling profile over {built} new {corpus} articles (extraction, N-Triples and the write):")
    print("\n".join(sampler.report(top, cpu_ms, count=built)))


def main(argv: list[str] | None = None) -> int:
    """Print CPU milliseconds per article by part (and a cProfile listing when asked)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=data.CORPORA, default="anercorp", help="The corpus (default anercorp).")
    parser.add_argument("--articles", type=int, default=120, help="Articles to build (default 120; eval has 16).")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="Also print cProfile's top N.")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="Also print a sampling profile's top N, over new articles.")
    args = parser.parse_args(argv)
    from kg import pipeline

    work = Path(tempfile.mkdtemp(prefix="isnad-profile-"))
    try:
        warm, *files = data.corpus_files(args.corpus, args.articles + 1, work / "corpus", seed=1)
        pipeline.extract(warm.read_text(encoding="utf-8"), warm.name)  # resources load on first use
        spent: dict[str, float] = defaultdict(float)
        started = time.process_time()
        articles = build_path(files, work / "store", spent)
        total = time.process_time() - started
        print(f"CPU per article over {articles} {args.corpus} articles, in one process:")
        for name, seconds in spent.items():
            print(f"  {name:<34} {seconds * 1000 / articles:6.1f} ms")
        extraction = sum(seconds for name, seconds in spent.items() if name.startswith("stage "))
        print(f"  {'extraction (every stage)':<34} {extraction * 1000 / articles:6.1f} ms")
        print(f"  {'whole path':<34} {total * 1000 / articles:6.1f} ms")
        if args.cprofile:
            shutil.rmtree(work / "store")
            profile = cProfile.Profile()
            profile.runcall(build_path, files, work / "store", defaultdict(float))
            stats = pstats.Stats(profile)
            stats.sort_stats("tottime").print_stats(args.cprofile)
            stats.sort_stats("cumulative").print_stats(args.cprofile)
        if args.sample:
            _sampled(work, args.corpus, args.articles, args.sample)
    finally:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
