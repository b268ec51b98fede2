"""The peers' side of the embedded benchmarks: pyoxigraph used directly, nothing of Isnad imported.

    python -m benchmarks.peers bulk_load STORE DUMP GRAPH   # N-Triples dump into one named graph
    python -m benchmarks.peers dump STORE OUT GRAPH         # that graph as Turtle
    python -m benchmarks.peers query STORE SPARQL REPEATS   # median in-process latency, in ms
"""

from __future__ import annotations

import statistics
import sys
import time

import pyoxigraph as ox


def bulk_load(store: str, dump: str, graph: str) -> None:
    """Load an N-Triples file with the native bulk loader."""
    native = ox.Store(store)
    native.bulk_load(path=dump, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
    native.flush()


def dump(store: str, out: str, graph: str) -> None:
    """Write one graph as Turtle with pyoxigraph's own serialiser."""
    ox.Store.read_only(store).dump(out, ox.RdfFormat.TURTLE, from_graph=ox.NamedNode(graph))


def query(store: str, sparql: str, repeats: str) -> None:
    """Print the median latency of a SELECT, results fully read, after one warm-up."""
    native = ox.Store.read_only(store)
    timings = []
    for _ in range(int(repeats) + 1):
        started = time.perf_counter()
        for _row in native.query(sparql, use_default_graph_as_union=True):
            pass
        timings.append(time.perf_counter() - started)
    print(statistics.median(timings[1:]) * 1000)


if __name__ == "__main__":
    {"bulk_load": bulk_load, "dump": dump, "query": query}[sys.argv[1]](*sys.argv[2:])
