"""Benchmarks of scaling out: the writer's paths, extraction on Dask workers, pushing to a remote store.

- writer: the same extracted articles (``kg extract`` shards of an ANERcorp corpus, read into
  memory) written into a fresh on-disk store one transaction per file (``kg build``'s writer),
  through the bulk writer (``kg build --bulk``), and, as the peer, pyoxigraph's own ``bulk_load``
  of the same N-Quads in one file. In-process, in turns, so only the writing is timed.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from benchmarks import data
from benchmarks.measure import KG, Figure, medians_in_turns, run

#: Articles the writer benchmark writes: about 160k quads, two bulk batches.
WRITER_ARTICLES = 200
#: The bulk writer's target: within this factor of pyoxigraph's bulk_load of the same N-Quads.
BULK_TARGET = 1.3


def writer(work: Path, repeats: int) -> list[Figure]:
    """Writer throughput: one transaction per file vs the bulk writer vs pyoxigraph's bulk_load."""
    import pyoxigraph as ox

    from kg.build import write_file
    from kg.bulk import BulkWriter
    from kg.shards import read_shard
    from kg.store import GraphStore

    corpus, shards = work / "writer-corpus", work / "writer-shards"
    data.write_corpus(corpus, WRITER_ARTICLES, seed=19)
    run([KG, "extract", corpus, "-o", shards, "--quiet"], timeout=900)
    extracted = [read_shard(path) for path in sorted(shards.glob("*.nq"))]
    dump = work / "writer.nq"
    dump.write_bytes(b"".join(path.read_bytes() for path in sorted(shards.glob("*.nq"))))
    quads = sum(graph.triples for found in extracted for graph in found.graphs)
    store = work / "writer-store"

    def transactional() -> float:
        shutil.rmtree(store, ignore_errors=True)
        started = time.perf_counter()
        with GraphStore(store) as target:
            for found in extracted:
                write_file(target, found)
        return time.perf_counter() - started

    def bulk() -> float:
        shutil.rmtree(store, ignore_errors=True)
        started = time.perf_counter()
        with GraphStore(store) as target, BulkWriter(target) as bulk_writer:
            for found in extracted:
                bulk_writer.write(found)
        return time.perf_counter() - started

    def bulk_load() -> float:
        shutil.rmtree(store, ignore_errors=True)
        started = time.perf_counter()
        native = ox.Store(str(store))
        native.bulk_load(path=dump, format=ox.RdfFormat.N_QUADS)
        native.flush()
        del native
        return time.perf_counter() - started

    found = medians_in_turns(repeats, {"peer": bulk_load, "bulk": bulk, "transactional": transactional})
    shutil.rmtree(store, ignore_errors=True)
    count = len(extracted)
    rate = {name: count / seconds for name, seconds in found.items()}
    ratio = found["bulk"] / found["peer"]
    name = f"writer, {count} articles ({quads // 1000}k quads)"
    return [
        Figure(f"{name}: bulk", f"{rate['bulk']:.0f} art/s", f"pyoxigraph bulk_load {rate['peer']:.0f} art/s",
               ratio, f"<= {BULK_TARGET}x", ratio <= BULK_TARGET),
        Figure(f"{name}: transactional", f"{rate['transactional']:.0f} art/s", f"bulk {rate['bulk']:.0f} art/s",
               found["transactional"] / found["bulk"], "-", None),
    ]
