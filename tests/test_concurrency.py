"""Concurrent use of one store: builders, queries and servers at the same time.

The rule (README, "Concurrent use"): one process writes a store at a time, and nothing reads it
while it is written, because Oxigraph's read-only mode is undefined while another process
writes. Each test holds a real ``kg build`` mid-batch by giving it a FIFO as its last article:
the build has the store open for writing until the test writes the article into the pipe.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.store import GraphStore, written_by_another_process
from tests.conftest import ROOT, SEEDS, run_server, sparql

#: Longest any command may take; a lock-up fails the test instead of hanging the suite.
TIMEOUT = 120.0
SEED_FILES = sorted(SEEDS.glob("*.txt"))
COUNT_ARTICLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a isnad:Article } }"


def kg(*args: object, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kg ARGS`` to completion."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def article_count(store: Path) -> int:
    """Articles in the store, through ``kg query``."""
    result = kg("query", COUNT_ARTICLES, "--store", store, "--format", "csv")
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[1])


def wait_until(condition, what: str, process: subprocess.Popen[bytes] | None = None) -> None:  # noqa: ANN001
    """Poll ``condition`` until true; fail naming ``what`` (with the process's output) otherwise."""
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if process is not None and process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"{what}: the build exited early: {(out + err).decode(errors='replace')}")
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.01)


@contextmanager
def build_held_open(store: Path, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A ``kg build`` of one seed and a FIFO, holding the store for writing until the block ends.

    On leaving the block the last article goes into the FIFO and the build must finish cleanly.
    """
    fifo = tmp_path / "held.txt"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(SEED_FILES[0]), str(fifo), "--store", str(store), "--quiet"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        wait_until(lambda: written_by_another_process(store), "the build opened the store", process)
        yield process
        release(fifo, SEED_FILES[1].read_bytes())
        out, err = process.communicate(timeout=TIMEOUT)
        assert process.returncode == 0, (out + err).decode(errors="replace")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()


def release(fifo: Path, content: bytes) -> None:
    """Write ``content`` into the FIFO once the build has opened it for reading."""

    def opened() -> int | None:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            return None

    fd = None

    def reader_waiting() -> bool:
        nonlocal fd
        fd = opened()
        return fd is not None

    wait_until(reader_waiting, "the build reads its last article")
    os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(content)


def test_second_builder_refuses_with_one_line_and_first_completes(tmp_path):
    store = tmp_path / "store"
    with build_held_open(store, tmp_path):
        second = kg("build", SEEDS, "--store", store, timeout=60)
        assert second.returncode == 1
        assert second.stderr.strip() == (
            f"Error: The store at {store} is in use by another process (a build or a server); "
            "stop it or use another --store."
        )
    assert article_count(store) == 2  # the first build's two articles, none of the second's five


@pytest.mark.parametrize(
    "command",
    [
        ("query", COUNT_ARTICLES),
        ("stats",),
        ("export", "--format", "nquads"),
        ("validate",),
    ],
)
def test_reading_during_a_build_refuses_with_one_line(tmp_path, command):
    store = tmp_path / "store"
    assert kg("build", SEED_FILES[2], "--store", store).returncode == 0
    with build_held_open(store, tmp_path):
        started = time.monotonic()
        result = kg(*command, "--store", store, timeout=60)
        assert time.monotonic() - started < 30, "a reader waited on the build instead of refusing"
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.strip() == (
            f"Error: The store at {store} is being written by another process (a build, a load or a writable "
            "server); try again when it has finished."
        )
    assert article_count(store) == 3


def test_two_builders_started_together_serialise_or_refuse(article_batch, tmp_path):
    reference = tmp_path / "reference"
    assert kg("build", article_batch, "--store", reference, "--quiet").returncode == 0
    expected = kg("export", "--store", reference, "--format", "nquads").stdout

    store = tmp_path / "store"
    command = [sys.executable, "-m", "kg", "build", str(article_batch), "--store", str(store), "--quiet"]
    builders = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
    outcomes = [(p.returncode, out + err) for p in builders for out, err in [p.communicate(timeout=TIMEOUT)]]
    for code, output in outcomes:
        assert code == 0 or "is in use by another process" in output, output
        assert "Traceback" not in output
    assert any(code == 0 for code, _ in outcomes)
    assert sorted(kg("export", "--store", store, "--format", "nquads").stdout.splitlines()) == sorted(
        expected.splitlines()
    )


def test_reader_in_the_writing_process_leaves_the_writer_lock_alone(tmp_path):
    # Probing RocksDB's LOCK from the process that holds it would release the lock (POSIX
    # locks belong to the process), letting a second writer in; the probe must skip it.
    store = tmp_path / "store"
    assert kg("build", SEED_FILES[0], "--store", store).returncode == 0
    with GraphStore(store) as writer:
        GraphStore(store, read_only=True).close()
        assert len(writer.native) > 0
        intruder = kg("build", SEED_FILES[1], "--store", store, timeout=60)
        assert intruder.returncode == 1 and "in use by another process" in intruder.stderr


def test_a_server_will_not_start_on_a_store_being_built(tmp_path):
    store = tmp_path / "store"
    assert kg("build", SEED_FILES[2], "--store", store).returncode == 0
    with build_held_open(store, tmp_path):
        served = kg("serve", "--store", store, "--port", "0", timeout=60)
    assert served.returncode == 1
    assert served.stderr.strip().splitlines() == [
        f"Error: The store at {store} is being written by another process (a build, a load or a writable "
        "server); try again when it has finished."
    ]
    assert article_count(store) == 3


def test_a_running_server_answers_in_one_line_during_a_build_and_fully_after(tmp_path):
    store = tmp_path / "store"
    assert kg("build", SEED_FILES[2], "--store", store).returncode == 0
    busy = (
        f"The store at {store} is being written by another process (a build, a load or a writable "
        "server); try again when it has finished."
    )
    with run_server(store, tmp_path / "server.log", "--workers", "2", "--query-timeout", "5") as server:
        with build_held_open(store, tmp_path):
            for _ in range(6):
                started = time.monotonic()
                response = sparql(server, COUNT_ARTICLES)
                assert time.monotonic() - started < 10, "a query hung on the build"
                # A worker opened before the build answers from the store as it was; one opening
                # now refuses, as every reader does while a build writes.
                assert response.status_code == 200 or (response.status_code, response.text.strip()) == (503, busy)
        for _ in range(6):
            assert sparql(server, COUNT_ARTICLES).status_code == 200
        assert server.process.poll() is None
