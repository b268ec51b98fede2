"""Timing, memory and reporting helpers shared by the benchmarks.

These machines are noisy: every figure is the median of several runs, and every figure is
printed next to a peer measured in the same run, as a ratio.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
KG = ROOT / ".venv" / "bin" / "kg"


@dataclass
class Run:
    """One finished process: wall time and peak resident memory."""

    seconds: float
    peak_rss: int  #: bytes
    output: str


def run(command: Sequence[str | os.PathLike[str]], cwd: Path | None = None, timeout: float = 300.0) -> Run:
    """Run a command to completion: its wall time and the peak RSS of its own process.

    Raises:
        RuntimeError: the command failed or overran ``timeout`` (its output is in the message).
    """
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen([str(part) for part in command], cwd=cwd or ROOT, stdout=log, stderr=log)
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        try:
            # wait4, not wait: the kernel's rusage for exactly this child gives its peak RSS.
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode(errors="replace")
    if process.returncode != 0:
        last = next((line for line in reversed(output.splitlines()) if line.strip()), "no output")
        name = " ".join(str(part) for part in command[:2])
        raise RuntimeError(f"{name} failed ({process.returncode}): {last}\n{output[-2000:]}")
    return Run(seconds, usage.ru_maxrss * 1024, output)


def in_turns(repeats: int, measures: dict[str, Callable[[], T]]) -> dict[str, list[T]]:
    """``repeats`` results of each of ``measures``, which take turns: a slow spell of this shared
    machine then falls on all of them alike, not on whichever ran during it."""
    found: dict[str, list[T]] = {name: [] for name in measures}
    for _ in range(repeats):
        for name, measure in measures.items():
            found[name].append(measure())
    return found


def medians_in_turns(repeats: int, measures: dict[str, Callable[[], float]]) -> dict[str, float]:
    """The median of each of ``measures`` over ``repeats`` turns (``in_turns``)."""
    return {name: statistics.median(values) for name, values in in_turns(repeats, measures).items()}


def python_snippet(code: str) -> list[str]:
    """A command running ``code`` in the project's interpreter."""
    return [str(PYTHON), "-c", code]


def peer_command(action: str, *args: object) -> list[str]:
    """A command running one pyoxigraph peer (``benchmarks/peers.py``) in a fresh interpreter."""
    return [str(PYTHON), "-m", "benchmarks.peers", action, *map(str, args)]


@dataclass
class Figure:
    """One printed line: our figure, the peer's, their ratio and whether the target holds."""

    name: str
    ours: str
    peer: str
    ratio: float  #: ours relative to the peer, oriented so that the target reads naturally
    target: str
    ok: bool | None  #: None when there is no target to hold (information only)


def print_header() -> None:
    """The column titles."""
    print(f"{'figure':<40} {'isnad':>22}  {'peer (same run)':<36} {'ratio':>7}  {'target':<12} ok", flush=True)
    print("-" * 128, flush=True)


def print_figure(figure: Figure) -> None:
    """One aligned result line."""
    verdict = {True: "yes", False: "NO", None: "-"}[figure.ok]
    print(
        f"{figure.name:<40} {figure.ours:>22}  {figure.peer:<36} {figure.ratio:>6.2f}x  {figure.target:<12} {verdict}",
        flush=True,
    )


def print_skip(name: str, reason: str) -> None:
    """A figure that could not be measured here, and why."""
    print(f"{name:<40} {reason}", flush=True)


def note(message: str) -> None:
    """A progress line on stderr (the figures go to stdout)."""
    print(f"# {message}", file=sys.stderr, flush=True)
