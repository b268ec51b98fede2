"""kg build --bulk: the same store as one transaction per file, and the crash promise kept by a journal.

The crash test kills a real ``kg build --bulk`` (``kill -9`` of its process group) while a batch
is being loaded - the moment the journal exists - and at random moments, with small batches so a
build has many. After each kill the store must open, every file be all there or absent, and a
final uninterrupted run must give exactly the reference build's quads.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from kg import build as build_module
from kg import bulk
from kg.errors import StoreError
from kg.store import GraphStore
from tests.conftest import ROOT, SEEDS
from tests.test_crash import RUN_TIMEOUT, assert_whole_files_only, finish, kill_group, snapshot

#: Quads per bulk batch in these tests: four or five articles, so a 40-file build has about ten.
SMALL_BATCH = "3000"
KILLS = 5


def bulk_process(folder: Path, store: Path) -> subprocess.Popen[bytes]:
    """Start ``kg build --bulk`` with small batches, in its own process group."""
    return subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(folder), "--store", str(store), "--quiet", "--bulk", "--jobs", "2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        env={**os.environ, "ISNAD_BULK_BATCH_QUADS": SMALL_BATCH},
    )


def test_bulk_build_stores_what_the_transactional_build_stores(kg, tmp_path):
    folder = tmp_path / "batch"
    shutil.copytree(SEEDS, folder)
    # The same text under two names: one article graph, which the later file owns, as it would
    # when files are committed one by one; and a rebuild of the same files changes nothing.
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder / "zz_copy.txt")
    for mode in ("transactional", "bulk"):
        args = ["build", folder, "--store", tmp_path / mode, "-j", "1", "-q"] + (["--bulk"] if mode == "bulk" else [])
        for _ in range(2):
            result = kg(*args)
            assert result.exit_code == 0, result.output
    transactional, by_origin = snapshot(tmp_path / "transactional")
    assert snapshot(tmp_path / "bulk") == (transactional, by_origin)
    assert len(by_origin) == 5 and any(origin.endswith("zz_copy.txt") for origin in by_origin)
    assert not (tmp_path / "bulk" / bulk.SPOOL).exists() and not bulk.interrupted(tmp_path / "bulk")


def test_kill_nine_mid_bulk_build_keeps_whole_files_and_rerun_completes(article_batch, tmp_path):
    rng = random.Random(19)
    reference_store = tmp_path / "reference"
    finish(bulk_process(article_batch, reference_store))
    reference, origins = snapshot(reference_store)
    assert len(origins) == len(list(article_batch.iterdir()))

    store = tmp_path / "crashed"
    deadline = time.monotonic() + RUN_TIMEOUT
    present = []
    refused = 0
    for kill in range(KILLS):
        process = bulk_process(article_batch, store)
        batches, loading = 0, False
        wanted = rng.randint(1, 6)  # kill while the n-th batch of this run is being loaded
        while process.poll() is None:
            assert time.monotonic() < deadline, "the build hung"
            if bulk.interrupted(store) and not loading:
                batches += 1
                if batches == wanted:
                    break
            loading = bulk.interrupted(store)
            time.sleep(0.0005)
        time.sleep(rng.uniform(0.0, 0.01) if kill % 2 else 0.0)
        kill_group(process)
        if bulk.interrupted(store):  # readers never see a batch half loaded
            refused += 1
            try:
                GraphStore(store, read_only=True).close()
            except StoreError as exc:
                assert "was interrupted" in str(exc)
            else:
                raise AssertionError("a read-only open showed a store with a batch in doubt")
        present.append(assert_whole_files_only(store, reference, origins))  # opens for writing: repairs
        assert not bulk.interrupted(store)
    assert refused > 0, "no kill landed while a batch was being loaded"
    assert any(0 < count < len(origins) for count in present), present

    finish(bulk_process(article_batch, store))
    assert snapshot(store)[0] == reference


def test_a_build_of_enough_files_takes_the_bulk_path_by_itself(tmp_path, monkeypatch):
    """From ``AUTO_BULK_FILES`` files ``kg build`` writes through the bulk loader without --bulk;
    one file fewer, one transaction per file. Lowered to the five seeds so the test is quick."""
    bulk_writes: list[int] = []

    class CountingWriter(bulk.BulkWriter):
        def write(self, extracted: build_module.ExtractedFile) -> tuple[int, int]:
            bulk_writes.append(1)
            return super().write(extracted)

    monkeypatch.setattr(bulk, "BulkWriter", CountingWriter)
    for threshold, expected in ((6, 0), (5, 5)):
        monkeypatch.setattr(build_module, "AUTO_BULK_FILES", threshold)
        bulk_writes.clear()
        with GraphStore(tmp_path / f"store-{threshold}") as store:
            report = build_module.build([SEEDS], store, jobs=1)
        assert report.files == 5 and not report.failures
        assert len(bulk_writes) == expected
    assert snapshot(tmp_path / "store-6") == snapshot(tmp_path / "store-5")
