"""`kg build`'s progress line: drawn on a terminal (a real pty), absent in a pipe or with --quiet."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import BuildReport
from kg.progress import format_duration, progress_text
from tests.conftest import ROOT, write_article_batch


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("progress") / "batch"
    write_article_batch(folder, 6)
    return folder


def run_build(batch: Path, store: Path, *options: str, terminal: bool) -> tuple[str, str]:
    """Run ``kg build`` with stderr on a pseudo-terminal (or a pipe); return (stdout, stderr)."""
    command = [sys.executable, "-m", "kg", "build", str(batch), "--store", str(store), "--jobs", "1", *options]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300, check=True)
        return done.stdout, done.stderr
    controller, terminal_end = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=terminal_end, cwd=ROOT) as process:
        os.close(terminal_end)
        drawn = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            drawn += chunk
        stdout = process.stdout.read().decode("utf-8")
        assert process.wait(timeout=300) == 0, drawn
    os.close(controller)
    return stdout, drawn.decode("utf-8")


def test_a_terminal_gets_articles_per_second_and_time_left(batch: Path, tmp_path: Path) -> None:
    stdout, drawn = run_build(batch, tmp_path / "store", terminal=True)
    assert stdout.startswith("Built 6 articles from 6 files")
    assert "[1/6] " in drawn and "[6/6] " in drawn and " articles/s" in drawn
    assert " left" in drawn.split("[6/6]")[0]  # an estimate while files remain
    assert drawn.endswith("\r\x1b[K")  # the line is erased once the build is done


def test_no_progress_in_a_pipe_or_with_quiet(batch: Path, tmp_path: Path) -> None:
    stdout, stderr = run_build(batch, tmp_path / "piped", terminal=False)
    assert stdout.startswith("Built 6 articles") and stderr == ""
    stdout, drawn = run_build(batch, tmp_path / "quiet", "--quiet", terminal=True)
    assert stdout.startswith("Built 6 articles") and drawn == ""


@pytest.mark.parametrize(
    "seconds, text", [(0.2, "<1 s"), (45.4, "45 s"), (125, "2 min 05 s"), (3790, "1 h 03 min")]
)
def test_durations(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_the_line_fits_the_terminal() -> None:
    report = BuildReport(files=120, total=500, articles=130, seconds=5.5)
    assert progress_text(report) == "[120/500] 23.6 articles/s, 17 s left"
    line = progress_text(report, Path("batch/a/long/folder/name/120.txt"), width=60)
    assert len(line) <= 60 and line.endswith("/120.txt") and "…" in line
    assert progress_text(report, Path("x" * 200), width=45) == "[120/500] 23.6 articles/s, 17 s left"
