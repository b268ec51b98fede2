"""Shared fixtures: a real Oxigraph store on disk, the CLI runner, the seed articles."""

from __future__ import annotations

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
