"""Shared fixtures: a real Oxigraph store on disk, the CLI runner, the seed articles."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Where a test's store lives (created on first build)."""
    return tmp_path / "store"


@pytest.fixture
def runner() -> CliRunner:
    """Runs the ``kg`` CLI in-process."""
    return CliRunner()


@pytest.fixture
def kg(runner: CliRunner):
    """Invoke ``kg ARGS...`` and return the click Result."""

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed articles that a test may change."""
    target = tmp_path / "articles"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def built_store(kg, store_path: Path) -> Path:
    """A store with the five seeds built into it."""
    result = kg("build", SEEDS, "--store", store_path)
    assert result.exit_code == 0, result.output
    return store_path


def write_article_batch(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` distinct real-Arabic article files mixed from the seeds' paragraphs.

    Each file is a seed headline followed by 3-6 paragraphs drawn from all seeds (every 7th is
    HTML), so a batch exercises the extractor on varied text without committing a corpus.
    """
    rng = random.Random(seed)
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    headlines = [text.strip().splitlines()[0] for text in seeds]
    paragraphs = [p.strip() for text in seeds for p in text.split("\n\n") if len(p.strip()) >= 100]
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(count):
        body = [rng.choice(headlines), *rng.sample(paragraphs, rng.randint(3, 6))]
        if index % 7 == 6:
            path = folder / f"{index:03d}.html"
            path.write_text("<html><body>" + "".join(f"<p>{p}</p>" for p in body) + "</body></html>", encoding="utf-8")
        else:
            path = folder / f"{index:03d}.txt"
            path.write_text("\n\n".join(body) + "\n", encoding="utf-8")
        files.append(path)
    return files


@pytest.fixture
def article_batch(tmp_path: Path) -> Path:
    """A folder of 40 article files for batch, crash and concurrency tests."""
    folder = tmp_path / "batch"
    write_article_batch(folder, 40)
    return folder
