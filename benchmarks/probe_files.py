"""The articles of a probe over unlabelled files (``benchmarks/*_probe.py``): each file of a
directory through the whole pipeline, a file that fails named on stderr and skipped."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from kg.errors import IsnadError
from kg.model import Article
from kg.pipeline import extract


def probe_parser(description: str, listing: str) -> argparse.ArgumentParser:
    """The arguments every listing probe takes: a directory, ``--list FILE`` and ``--limit N``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--list", type=Path, help=listing)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N files")
    return parser


def probe_articles(directory: Path, limit: int = 0) -> Iterator[tuple[Path, list[Article]]]:
    """Each ``.txt`` file of ``directory`` (the first ``limit`` when given) with its articles."""
    for path in sorted(directory.glob("*.txt"))[: limit or None]:
        try:
            articles = extract(path.read_text(encoding="utf-8"), path.name)
        except (IsnadError, UnicodeDecodeError) as exc:
            print(f"Error: {path.name}: {exc}", file=sys.stderr)
            continue
        yield path, articles
