"""The progress line ``kg build`` draws on a terminal: files done, articles/s, time left."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import IO

from kg.build import BuildReport

#: Seconds between redraws: often enough to look alive, rarely enough to cost nothing.
REDRAW_SECONDS = 0.1
_CLEAR_LINE = "\r\x1b[K"


def format_duration(seconds: float) -> str:
    """A short human duration: ``<1 s``, ``45 s``, ``2 min 05 s``, ``1 h 03 min``."""
    if seconds < 1:
        return "<1 s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"


def progress_text(report: BuildReport, path: Path | None = None, width: int = 0) -> str:
    """The line for a build in progress, e.g. ``[120/500] 23.4 articles/s, 16 s left  batch/120.txt``.

    Args:
        width: when not 0, the path is shortened from the left (or left out) to fit this many characters.
    """
    rate = report.articles / report.seconds if report.seconds > 0 else 0.0
    line = f"[{report.files}/{report.total}] {rate:.1f} articles/s"
    if 0 < report.files < report.total:
        line += f", {format_duration((report.total - report.files) * report.seconds / report.files)} left"
    if path is None:
        return line
    name, room = str(path), width - len(line) - 2
    if width and len(name) > room:
        name = "…" + name[len(name) - room + 1:] if room > 10 else ""
    return f"{line}  {name}".rstrip()


class ProgressLine:
    """Redraws one line on a terminal as a build goes; a ``with`` block erases it at the end.

    Args:
        out: the terminal (stderr, so that the summary on stdout stays clean when redirected).
    """

    def __init__(self, out: IO[str]):
        self.out = out
        self.drawn = 0.0  #: when the line was last drawn (monotonic seconds)

    def __call__(self, report: BuildReport, path: Path) -> None:
        now = time.monotonic()
        if now - self.drawn < REDRAW_SECONDS and report.files < report.total:
            return
        self.drawn = now
        # A wrapped line cannot be redrawn with a carriage return: keep it inside the terminal.
        line = progress_text(report, path, width=shutil.get_terminal_size((80, 24)).columns - 1)
        self.out.write(_CLEAR_LINE + line)
        self.out.flush()

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.drawn:
            self.out.write(_CLEAR_LINE)
            self.out.flush()
