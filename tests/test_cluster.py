"""kg build --scheduler: extraction on real Dask scheduler and worker processes on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, write_article_batch
from tests.test_crash import RUN_TIMEOUT, finish, snapshot

pytest.importorskip("distributed", reason="the cluster extra is not installed: pip install 'isnad[cluster]'")

DASK = Path(sys.executable).parent / "dask"
#: Seconds the scheduler and workers may take to start on a busy machine.
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def spawn(*args: str, log: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen([str(DASK), *args], stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                start_new_session=True, env={**os.environ, **(env or {})})


def stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@contextlib.contextmanager
def dask_cluster(
    folder: Path, workers: int, allowed_failures: int | None = None
) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    """A ``dask scheduler`` and ``workers`` single-threaded ``dask worker`` processes (no nanny,
    so a killed worker stays dead), all stopped at the end; ``allowed_failures``: how many
    workers a task may kill before the scheduler gives it up (Dask's default is 3)."""
    from distributed import Client

    folder.mkdir(parents=True, exist_ok=True)
    address = f"tcp://127.0.0.1:{free_port()}"
    failures = {} if allowed_failures is None else {
        "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": str(allowed_failures)}
    scheduler = spawn("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard",
                      log=folder / "scheduler.log", env=failures)
    started = [scheduler]
    try:
        started += [
            spawn("worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                  "--name", f"worker-{index}", log=folder / f"worker-{index}.log")
            for index in range(workers)
        ]
        with Client(address, timeout=START_TIMEOUT) as client:
            if workers:
                client.wait_for_workers(workers, timeout=START_TIMEOUT)
        yield address, started[1:]
    finally:
        for process in reversed(started):
            stop(process)


def all_quads(store: Path) -> dict[str, frozenset[str]]:
    return snapshot(store)[0]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with dask_cluster(tmp_path_factory.mktemp("dask"), workers=2) as (address, _):
        yield address


def test_cluster_build_is_a_local_build_and_bad_files_get_one_line(kg, cluster, tmp_path):
    folder = tmp_path / "batch"
    shutil.copytree(SEEDS, folder)
    (folder / "002_empty.txt").write_bytes(b"")
    (folder / "003_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    local = kg("build", folder, "--store", tmp_path / "local", "-j", "1", "-q")
    assert local.exit_code == 1
    for _ in range(2):  # and a rebuild on the cluster changes nothing
        result = kg("build", folder, "--store", tmp_path / "cluster", "--scheduler", cluster, "-q")
        assert result.exit_code == 1, result.output
        errors = result.stderr.splitlines()
        assert len(errors) == 2 and all(line.startswith("Error: ") for line in errors)
        assert "002_empty.txt" in errors[0] and "003_binary.txt" in errors[1]
        assert result.stdout.split(" in ")[0] == local.stdout.split(" in ")[0]  # articles and triples
        assert all_quads(tmp_path / "cluster") == all_quads(tmp_path / "local")


def test_extract_on_the_cluster_writes_the_same_shards(kg, cluster, tmp_path):
    for where in ("here", "cluster"):
        options = ["-j", "1"] if where == "here" else ["--scheduler", cluster]
        assert kg("extract", SEEDS, "-o", tmp_path / where, "-q", *options).exit_code == 0
    here = {path.name: path.read_bytes() for path in (tmp_path / "here").iterdir()}
    assert {path.name: path.read_bytes() for path in (tmp_path / "cluster").iterdir()} == here


def test_files_go_in_batches_and_come_back_in_input_order(kg, cluster, tmp_path):
    from distributed import Client, get_task_stream

    from kg.cluster import batch_size

    folder = tmp_path / "batch"
    write_article_batch(folder, 22)
    (folder / "005_empty.txt").write_bytes(b"")  # bad files amid the batches
    (folder / "011_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    files = len(list(folder.iterdir()))
    local = kg("build", folder, "--store", tmp_path / "local", "-j", "1")
    with Client(cluster) as observer, get_task_stream(observer) as stream:
        result = kg("build", folder, "--store", tmp_path / "cluster", "--scheduler", cluster)
    assert result.exit_code == 1, result.output
    size = batch_size(files, 2)
    assert size > 1
    tasks = [task for task in stream.data if task["key"].startswith("_extract_remote")]
    assert len(tasks) == -(-files // size)
    assert result.stdout.split(" in ")[0] == local.stdout.split(" in ")[0]  # articles and triples
    errors = result.stderr.splitlines()  # one line per bad file, in input order
    assert errors == local.stderr.splitlines() and len(errors) == 2 and all(e.startswith("Error: ") for e in errors)
    assert all_quads(tmp_path / "cluster") == all_quads(tmp_path / "local")


# With no failure allowed, the batch the killed worker held fails at once: its files are then
# sent again one per task, and still every one of them is built.
@pytest.mark.parametrize("allowed_failures", [None, 0])
def test_a_worker_killed_mid_build_gets_its_files_retried(tmp_path, allowed_failures):
    from distributed import Client

    article_batch = tmp_path / "batch"
    write_article_batch(article_batch, 120)  # several seconds of extraction, however fast the machine
    reference = tmp_path / "reference"
    finish(subprocess.Popen([sys.executable, "-m", "kg", "build", str(article_batch), "--store", str(reference),
                             "-q", "-j", "1"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    with dask_cluster(tmp_path / "dask", workers=2, allowed_failures=allowed_failures) as (address, workers), \
            Client(address) as observer:
        store = tmp_path / "cluster"
        build = subprocess.Popen(
            [sys.executable, "-m", "kg", "build", str(article_batch), "--store", str(store), "-q",
             "--scheduler", address], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        victim = next(worker for worker, details in observer.scheduler_info()["workers"].items()
                      if details["name"] == "worker-0")
        deadline = time.monotonic() + RUN_TIMEOUT
        first_busy = None
        while build.poll() is None:  # kill the victim while it extracts, a second into the build
            assert time.monotonic() < deadline, "the build hung"
            processing = observer.processing()
            if any(processing.values()):
                first_busy = first_busy or time.monotonic()
            if processing.get(victim) and time.monotonic() - first_busy > 1:
                break
            time.sleep(0.05)
        assert build.poll() is None, "the build ended before the worker could be killed"
        stop(workers[0])
        finish(build)
    assert all_quads(store) == all_quads(reference)


def test_local_scheduler_starts_its_own_cluster(kg, tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    result = kg("build", *seeds, "--store", tmp_path / "store", "--scheduler", "local", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Built 2 articles from 2 files")


def test_unreachable_scheduler_is_one_line(kg, tmp_path):
    result = kg("build", SEEDS, "--store", tmp_path / "store", "--scheduler", "tcp://127.0.0.1:notaport")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Cannot reach the Dask scheduler") and result.stderr.count("\n") == 1


def test_scheduler_without_workers_is_one_line(kg, tmp_path):
    with dask_cluster(tmp_path / "dask", workers=0) as (address, _):
        result = kg("build", SEEDS, "--store", tmp_path / "store", "--scheduler", address)
    assert result.exit_code == 1
    assert "has no workers" in result.stderr and result.stderr.count("\n") == 1
