"""Crash consistency: ``kill -9`` a build mid-batch, then check the store file by file.

The build runs as a real subprocess (``python -m kg build``) in its own process group, so the
kill takes every worker it started with it. After each kill the store must open, every source
file's article graphs must be either all present and identical to an uninterrupted build's or
all absent, and a final uninterrupted re-run must end with exactly the uninterrupted build's quads.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from kg.store import GraphStore
from tests.conftest import ROOT

#: How many times one batch is killed before it is allowed to finish.
KILLS = 5
#: Longest any single build may take; a hung build fails the test instead of the CI job.
RUN_TIMEOUT = 240.0
#: How often the test looks at the store while a build runs.
POLL = 0.001


def build_process(folder: Path, store: Path) -> subprocess.Popen[bytes]:
    """Start ``kg build`` on ``folder`` in a new session (its own process group)."""
    return subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(folder), "--store", str(store), "--quiet"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def wal_files(store: Path) -> set[str]:
    """The store's write-ahead log files (RocksDB's ``NNNNNN.log``)."""
    return {path.name for path in store.glob("*.log")} if store.exists() else set()


def wal_written(store: Path, old: set[str]) -> int:
    """Bytes appended to write-ahead logs that were not there before the build started.

    Every committed transaction lands in the log first, so this measures how far the build got
    whatever its speed or worker layout.
    """
    total = 0
    for name in wal_files(store) - old:
        try:
            total += (store / name).stat().st_size
        except FileNotFoundError:  # a log retired by a flush between listing and stat
            pass
    return total


def finish(process: subprocess.Popen[bytes]) -> None:
    """Wait for a build to exit by itself and assert it succeeded."""
    try:
        out, err = process.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"the build took longer than {RUN_TIMEOUT} s") from None
    assert process.returncode == 0, (out + err).decode(errors="replace")


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the build and every process it started."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:  # it finished before the kill landed
        pass
    process.communicate()


def snapshot(store_path: Path) -> tuple[dict[str, frozenset[str]], dict[str, set[str]]]:
    """Open the store read-write (as the next build will) and read it back.

    Returns:
        Every graph's quads (the default graph under ``""``) and, per source file IRI, the
        article graphs built from it.
    """
    graphs: dict[str, set[str]] = defaultdict(set)
    with GraphStore(store_path) as store:
        for quad in store.native.quads_for_pattern(None, None, None, None):
            name = getattr(quad.graph_name, "value", "")
            graphs[name].add(str(quad))
        by_origin: dict[str, set[str]] = defaultdict(set)
        for row in store.query("SELECT ?g ?o WHERE { GRAPH ?g { ?g a isnad:Article ; prov:wasDerivedFrom ?o } }"):
            by_origin[row["o"].value].add(row["g"].value)
    return {name: frozenset(quads) for name, quads in graphs.items()}, by_origin


def assert_whole_files_only(
    store_path: Path, reference: dict[str, frozenset[str]], origins: dict[str, set[str]]
) -> int:
    """Assert each graph equals the reference's and each file is all there or absent.

    Returns:
        How many source files are present.
    """
    graphs, by_origin = snapshot(store_path)
    assert "" not in graphs, "quads in the default graph"
    for name, quads in graphs.items():
        assert name in reference, f"graph <{name}> is not in the uninterrupted build"
        assert quads == reference[name], f"graph <{name}> differs from the uninterrupted build (partial write?)"
    for origin, names in by_origin.items():
        assert names == origins[origin], f"{origin}: only some of its article graphs are in the store"
    return len(by_origin)


def build_watching_log(folder: Path, store: Path) -> int:
    """Run one uninterrupted build; return the most log bytes it was seen to have written."""
    old = wal_files(store)
    process = build_process(folder, store)
    written = 0
    while process.poll() is None:
        written = max(written, wal_written(store, old))
        time.sleep(POLL)
    finish(process)
    return written


def test_kill_nine_mid_build_keeps_whole_articles_and_rerun_completes(article_batch, tmp_path):
    rng = random.Random(20240607)
    reference_store = tmp_path / "reference"
    first_build = build_watching_log(article_batch, reference_store)
    reference, origins = snapshot(reference_store)
    assert len(origins) == len(list(article_batch.iterdir()))
    # A rebuild writes differently (it drops what each file made before), so kill points
    # during rebuilds are drawn from a rebuild's log volume.
    rebuild = build_watching_log(article_batch, reference_store)
    assert first_build > 0 and rebuild > 0, "the build wrote no log the test could watch"
    assert snapshot(reference_store)[0] == reference, "rebuilding the same files changed the store"

    deadline = time.monotonic() + RUN_TIMEOUT

    def build_and_kill(store: Path, target: float) -> int:
        """Start a build, kill it once ``target`` log bytes are written; return the files present."""
        old = wal_files(store)
        process = build_process(article_batch, store)
        while process.poll() is None and wal_written(store, old) < target:
            assert time.monotonic() < deadline, "the build hung"
            time.sleep(POLL)
        time.sleep(rng.uniform(0.0, 0.005))  # not always right after a commit
        kill_group(process)
        return assert_whole_files_only(store, reference, origins)

    # The first kill cuts a first build half-way (on a fresh store again should a slow poll
    # have let the build finish first); the rest land anywhere in rebuilds of what is there.
    for attempt in range(3):
        store = tmp_path / f"crashed-{attempt}"
        present = [build_and_kill(store, first_build * 0.5)]
        if 0 < present[0] < len(origins):
            break
    assert 0 < present[0] < len(origins), f"no kill landed mid-batch: {present[0]} files present"
    present += [build_and_kill(store, rebuild * rng.uniform(0.05, 0.95)) for _ in range(KILLS - 1)]
    assert all(count >= present[0] for count in present), present  # whole files are never lost

    finish(build_process(article_batch, store))
    graphs, _ = snapshot(store)
    assert graphs == reference
    assert sum(map(len, graphs.values())) == sum(map(len, reference.values()))
