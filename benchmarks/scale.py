"""Benchmarks of scaling out: the writer's paths, extraction on Dask workers, pushing to a remote store.

- writer: the same extracted articles (``kg extract`` shards of an ANERcorp corpus, read into
  memory) written into a fresh on-disk store one transaction per file (``kg build``'s writer),
  through the bulk writer (``kg build --bulk``), and, as the peer, pyoxigraph's own ``bulk_load``
  of the same N-Quads in one file. In-process, in turns, so only the writing is timed.
- cluster: ``kg build --bulk --scheduler`` of an ANERcorp corpus against a Dask cluster of two
  single-threaded workers and one of one worker, both started here on 127.0.0.1 (scheduler and
  worker processes), warmed up by a first build, then measured in turns.
- push: ``kg push`` of a built corpus to Oxigraph's own server (``oxigraph serve`` on 127.0.0.1,
  from the ``oxigraph`` package), by SPARQL Update and by Graph Store Protocol PUTs, in graphs/s;
  for scale, the same dataset sent as one N-Quads ``POST /store`` (the server's own bulk upload).
"""

from __future__ import annotations

import contextlib
import gc
import os
import resource
import shutil
import signal
import statistics
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks import data, embedded
from benchmarks.embedded import CPU_SAMPLE
from benchmarks.http import free_port, query_url, serving
from benchmarks.measure import KG, ROOT, Figure, medians_in_turns, note, run

#: Articles the writer benchmark writes: about 160k quads, two bulk batches.
WRITER_ARTICLES = 200
#: The bulk writer's target: within this factor of pyoxigraph's bulk_load of the same N-Quads.
BULK_TARGET = 1.3
#: Articles each cluster build extracts.
CLUSTER_ARTICLES = 300
#: Two workers against one: the issue's target on two cores.
CLUSTER_TARGET = 1.7
DASK = ROOT / ".venv" / "bin" / "dask"
OXIGRAPH = ROOT / ".venv" / "bin" / "oxigraph"
#: Articles of the store pushed.
PUSH_ARTICLES = 100


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
    cpu: dict[str, list[float]] = {"transactional": [], "bulk": []}  #: CPU seconds of each run, by writer

    # Each writer gets a fresh store, opened before the clock starts and closed after it stops:
    # what is compared is writing, not opening a store (rdflib's side of GraphStore costs ~0.2 s).
    def transactional() -> float:
        shutil.rmtree(store, ignore_errors=True)
        with GraphStore(store) as target:
            started, cpu_started = time.perf_counter(), time.process_time()
            for found in extracted:
                write_file(target, found)
            target.native.flush()
            cpu["transactional"].append(time.process_time() - cpu_started)
            return time.perf_counter() - started

    def bulk() -> float:
        shutil.rmtree(store, ignore_errors=True)
        with GraphStore(store) as target:
            started, cpu_started = time.perf_counter(), time.process_time()
            with BulkWriter(target) as bulk_writer:
                for found in extracted:
                    bulk_writer.write(found)
            cpu["bulk"].append(time.process_time() - cpu_started)
            return time.perf_counter() - started

    def bulk_load() -> float:
        shutil.rmtree(store, ignore_errors=True)
        native = ox.Store(str(store))
        started = time.perf_counter()
        native.bulk_load(path=dump, format=ox.RdfFormat.N_QUADS)
        native.flush()
        seconds = time.perf_counter() - started
        del native
        gc.collect()  # RocksDB's lock goes with the last reference
        return seconds

    found = medians_in_turns(repeats, {"peer": bulk_load, "bulk": bulk, "transactional": transactional})
    shutil.rmtree(store, ignore_errors=True)
    count = len(extracted)
    rate = {name: count / seconds for name, seconds in found.items()}
    ratio = found["bulk"] / found["peer"]
    name = f"writer, {count} articles ({quads // 1000}k quads)"
    # CPU, unlike wall time, does not depend on what else this shared machine runs.
    bulk_cpu, transactional_cpu = (statistics.median(cpu[key]) * 1000 / count for key in ("bulk", "transactional"))
    return [
        Figure("  writer CPU per article: bulk", f"{bulk_cpu:.1f} ms", f"transactional {transactional_cpu:.1f} ms",
               transactional_cpu / bulk_cpu, "-", None),
        Figure(f"{name}: bulk", f"{rate['bulk']:.0f} art/s", f"pyoxigraph bulk_load {rate['peer']:.0f} art/s",
               ratio, f"<= {BULK_TARGET}x", ratio <= BULK_TARGET),
        Figure(f"{name}: transactional", f"{rate['transactional']:.0f} art/s", f"bulk {rate['bulk']:.0f} art/s",
               found["transactional"] / found["bulk"], "-", None),
    ]


@contextlib.contextmanager
def dask_cluster(workers: int, log: Path, sessions: list[int] | None = None) -> Iterator[str]:
    """A ``dask scheduler`` and ``workers`` single-threaded workers on 127.0.0.1; yields its address.

    ``sessions``, when given, gets the session id of the scheduler, then of each worker (a worker
    and its nanny share one), for ``session_cpu``.
    """
    address = f"tcp://127.0.0.1:{free_port()}"
    with log.open("ab") as out:
        command = [DASK, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"]
        started = [subprocess.Popen(command, stdout=out, stderr=out, start_new_session=True)]
        started += [
            subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                             stdout=out, stderr=out, start_new_session=True)
            for _ in range(workers)
        ]
    if sessions is not None:
        sessions += [process.pid for process in started]  # each was started in a session of its own
    try:
        yield address
    finally:
        for process in started:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def session_cpu(session: int) -> tuple[float, float]:
    """CPU seconds spent so far by the live processes of one session (a Dask process and its
    children): by their main threads (each process's event loop), and by their other threads
    (a worker's task thread, where extraction runs)."""
    main, other = 0, 0
    for task in Path("/proc").glob("[0-9]*/task/[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            fields = task.read_text().rsplit(")", 1)[1].split()  # after the command: state ppid pgrp session
            if int(fields[3]) == session:
                ticks = int(fields[11]) + int(fields[12])  # utime, stime
                if task.parent.name == task.parent.parent.parent.name:
                    main += ticks
                else:
                    other += ticks
    return main / os.sysconf("SC_CLK_TCK"), other / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def paused(sessions: list[int]) -> Iterator[None]:
    """The processes of ``sessions`` stopped (SIGSTOP) for the block, then resumed.

    An idle Dask process still takes 1.5-3% of a core (its event loop's heartbeats, memory and
    system monitors, the worker's profiler): the cluster not being measured would otherwise take
    that from the one that is, and more from two workers that need both cores than from one.
    """
    for session in sessions:
        os.killpg(session, signal.SIGSTOP)
    try:
        yield
    finally:
        for session in sessions:
            os.killpg(session, signal.SIGCONT)


def cluster_cpu(address: str, sessions: list[int], corpus: Path, work: Path) -> tuple[float, float, float, float]:
    """CPU milliseconds per article of the worker's task thread, of the worker's and its nanny's
    event loops, of the writer (``kg build``) and of the scheduler over one ``kg build --bulk
    --scheduler`` of ``corpus``: CPU time, unlike wall time, does not depend on what else this
    shared machine runs, so this says what a task costs besides extraction."""
    store = work / "cluster-store-cpu"
    shutil.rmtree(store, ignore_errors=True)
    before = [session_cpu(session) for session in sessions]
    writer_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run([KG, "build", corpus, "--store", store, "--quiet", "--bulk", "--scheduler", address], timeout=900)
    writer_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = [session_cpu(session) for session in sessions]
    shutil.rmtree(store)
    articles = len(list(corpus.glob("*.txt")))
    loops = sum(end[0] - start[0] for start, end in zip(before[1:], after[1:], strict=True))
    tasks = sum(end[1] - start[1] for start, end in zip(before[1:], after[1:], strict=True))
    scheduler = sum(after[0]) - sum(before[0])
    writer = (writer_after.ru_utime + writer_after.ru_stime) - (writer_before.ru_utime + writer_before.ru_stime)
    return tuple(seconds * 1000 / articles for seconds in (tasks, loops, writer, scheduler))  # type: ignore[return-value]


def cluster(work: Path, repeats: int) -> list[Figure]:
    """``kg build --scheduler``: two Dask workers against one, the same corpus, in turns."""
    if not DASK.exists():
        return [Figure("kg build on Dask", "skipped", "the cluster extra is not installed", 0.0, "", None)]
    corpus = work / "cluster-corpus"
    data.write_corpus(corpus, CLUSTER_ARTICLES, seed=8786)
    warm_up = sorted(corpus.glob("*.txt"))[:4]

    def build_once(address: str, name: str, files: list[Path] | None = None) -> float:
        store = work / f"cluster-store-{name}"
        shutil.rmtree(store, ignore_errors=True)
        # --bulk: the writer's share of the two cores is then a third of a transactional one's
        seconds = run([KG, "build", *(files or [corpus]), "--store", store, "--quiet", "--bulk",
                       "--scheduler", address], timeout=900).seconds
        shutil.rmtree(store)
        return seconds

    log = work / "dask.log"
    sessions: dict[str, list[int]] = {"one": [], "two": []}
    with dask_cluster(2, log, sessions["two"]) as two, dask_cluster(1, log, sessions["one"]) as one:
        note("cluster: warming up the workers ...")
        for address in (two, one):  # workers import the pipeline on their first file
            build_once(address, "warm", warm_up * 2)

        found = medians_in_turns(repeats, {  # each cluster measured while the other is paused
            "one": lambda: _paused_build(sessions["two"], lambda: build_once(one, "one")),
            "two": lambda: _paused_build(sessions["one"], lambda: build_once(two, "two")),
        })
        with paused(sessions["two"]):
            tasks, loops, writer, scheduler = cluster_cpu(one, sessions["one"], corpus, work)
    extraction, mapping, _ = embedded.cpu_per_article(sorted(corpus.glob("*.txt"))[:CPU_SAMPLE], work)
    speedup = found["one"] / found["two"]
    rate, single = CLUSTER_ARTICLES / found["two"], CLUSTER_ARTICLES / found["one"]
    worker = tasks + loops
    # one worker gets a core, the writer and scheduler the other; two workers share both cores with them
    ceiling = 2 * max(worker, writer + scheduler) / (worker + writer + scheduler)
    return [
        Figure("  cluster CPU per article: worker task thread", f"{tasks:.1f} ms",
               f"extraction + N-Triples in-process {extraction + mapping:.1f} ms", tasks / (extraction + mapping),
               "-", None),
        Figure("  cluster CPU per article: worker and nanny event loops", f"{loops:.1f} ms",
               f"worker in all {worker:.1f} ms", loops / worker, "-", None),
        Figure("  cluster CPU per article: writer, scheduler", f"{writer:.1f} + {scheduler:.1f} ms",
               f"most 2 vs 1 workers allow: {ceiling:.2f}x", ceiling, "-", None),
        Figure(f"kg build {CLUSTER_ARTICLES} art., 2 Dask workers", f"{rate:.0f} art/s",
               f"1 Dask worker: {single:.0f} art/s", speedup, f">= {CLUSTER_TARGET}x", speedup >= CLUSTER_TARGET),
    ]


def _paused_build(sessions: list[int], build: Callable[[], float]) -> float:
    """``build``'s seconds, measured while the processes of ``sessions`` are paused."""
    with paused(sessions):
        return build()


def push(work: Path, repeats: int) -> list[Figure]:
    """``kg push`` to ``oxigraph serve``: SPARQL Update and Graph Store PUTs, against one bulk POST."""
    if not OXIGRAPH.exists():
        return [Figure("kg push", "skipped", "no oxigraph server: pip install oxigraph", 0.0, "", None)]
    import http.client

    corpus, store, dump = work / "push-corpus", work / "push-store", work / "push.nq"
    data.write_corpus(corpus, PUSH_ARTICLES, seed=7878)
    run([KG, "build", corpus, "--store", store, "--quiet"], timeout=900)
    run([KG, "export", "--store", store, "--format", "nquads", "-o", dump])
    graphs = PUSH_ARTICLES + 2  # the articles, the ontology and the gazetteer
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [OXIGRAPH, "serve", "--location", work / "push-remote", "--bind", f"127.0.0.1:{port}"]

    def kg_push(*options: str) -> float:
        return run([KG, "push", "--store", store, "--update-url", url + "/update", "--quiet", *options]).seconds

    def bulk_post() -> float:
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        connection.request("POST", "/store", body=dump.read_bytes(), headers={"Content-Type": "application/n-quads"})
        if connection.getresponse().status // 100 != 2:
            raise RuntimeError("oxigraph serve refused the N-Quads upload")
        connection.close()
        return time.perf_counter() - started

    with serving("oxigraph serve", command, query_url(url + "/query", "ASK {}"), work / "oxigraph.log"):
        found = medians_in_turns(repeats, {
            "update": kg_push, "put": lambda: kg_push("--graph-store-url", url + "/store"), "post": bulk_post,
        })
    rate = {name: graphs / seconds for name, seconds in found.items()}
    peer = f"one N-Quads POST {rate['post']:.0f} graphs/s"
    return [
        Figure(f"kg push {graphs} graphs, SPARQL Update", f"{rate['update']:.0f} graphs/s", peer,
               found["update"] / found["post"], "-", None),
        Figure(f"kg push {graphs} graphs, Graph Store PUT", f"{rate['put']:.0f} graphs/s", peer,
               found["put"] / found["post"], "-", None),
    ]
