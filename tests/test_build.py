"""Parallel building: workers extract, one writer commits each file atomically, in input order."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from kg.build import build
from kg.store import GraphStore
from tests.conftest import SEEDS


def all_quads(store_path: Path) -> set[str]:
    with GraphStore(store_path, read_only=True) as store:
        return {str(quad) for quad in store.native}


@pytest.mark.parametrize("jobs", [1, 2])
def test_build_writes_every_seed_in_input_order(tmp_path, jobs):
    written: list[str] = []
    with GraphStore(tmp_path / "store") as store:
        report = build([SEEDS], store, progress=lambda _, path: written.append(path.name), jobs=jobs)
    assert written == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert report.files == report.articles == 5 and not report.failures
    assert report.bytes == sum(p.stat().st_size for p in SEEDS.glob("*.txt"))


def test_parallel_build_stores_the_same_quads_as_sequential(kg, tmp_path):
    for jobs in ("1", "2"):
        result = kg("build", SEEDS, "--store", tmp_path / jobs, "--jobs", jobs)
        assert result.exit_code == 0, result.output
    sequential, parallel = all_quads(tmp_path / "1"), all_quads(tmp_path / "2")
    assert len(sequential) > 5
    assert parallel == sequential


def test_parallel_build_reports_bad_files_and_keeps_the_rest(kg, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for index, seed in enumerate(seeds):
        (folder / f"{index}_{seed.name}").write_bytes(seed.read_bytes())
    (folder / "2_empty.txt").write_bytes(b"")
    (folder / "3_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = kg("build", folder, "--store", tmp_path / "store", "--jobs", "2")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2 and "2_empty.txt" in errors[0] and "3_binary.txt" in errors[1]
    assert result.stdout.strip().endswith("2 files failed")
    with GraphStore(tmp_path / "store", read_only=True) as store:
        assert sum(1 for _ in store.article_graphs()) == len(seeds)


def test_jobs_must_be_positive(kg, tmp_path):
    result = kg("build", SEEDS, "--store", tmp_path / "store", "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.output


#: Files that hold no article, as (name, bytes, what the error line must say). Before they were
#: refused, each was built into an article with empty text; as an article's IRI is minted from
#: its text, every such file got the same IRI and silently replaced the one before.
JUNK_BASE64 = base64.b64encode(bytes(range(256)) * 3).decode("ascii")
JUNK_FILES = [
    ("png.txt", b"\x89PNG\r\n\x1a\n" + JUNK_BASE64.encode("ascii"), "binary (it starts with the signature of a PNG"),
    ("base64.txt", JUNK_BASE64.encode("ascii"), "has no Arabic text"),
    ("english.txt", b"The minister met his counterpart in Baghdad.\n\nThey talked.\n", "has no Arabic text"),
    ("headline.txt", "وزير الخارجية يلتقي نظيره العراقي\n".encode(), "no article text is left after cleaning"),
]


@pytest.mark.parametrize("name, content, reason", JUNK_FILES, ids=[name for name, _, _ in JUNK_FILES])
def test_a_file_without_article_text_is_refused_and_the_store_kept(kg, built_store, tmp_path, name, content, reason):
    before = all_quads(built_store)
    junk = tmp_path / name
    junk.write_bytes(content)
    result = kg("build", junk, "--store", built_store)
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [line for line in result.stderr.splitlines() if line.strip()], result.stderr
    assert len(errors) == 1 and errors[0].startswith(f"Error: {junk}: ") and reason in errors[0], result.stderr
    assert all_quads(built_store) == before


def test_an_article_file_turned_to_junk_keeps_its_article(kg, store_path, tmp_path):
    article = tmp_path / "article.txt"
    article.write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    assert kg("build", article, "--store", store_path).exit_code == 0
    before = all_quads(store_path)
    for _, content, reason in JUNK_FILES:
        article.write_bytes(content)
        result = kg("build", article, "--store", store_path)
        assert result.exit_code == 1 and reason in result.stderr, result.output
    assert all_quads(store_path) == before
