"""kg extract -o DIR and kg load DIR: extraction without a store, shards ingested like a build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.store import GraphStore
from tests.conftest import SEEDS


def all_quads(store_path: Path) -> set[str]:
    with GraphStore(store_path, read_only=True) as store:
        return {str(quad) for quad in store.native}


@pytest.fixture(scope="module")
def seed_shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds extracted once into shards by the CLI."""
    from click.testing import CliRunner

    from kg.cli import cli

    folder = tmp_path_factory.mktemp("shards") / "out"
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), "-o", str(folder), "--jobs", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Extracted 5 articles from 5 files")
    return folder


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from kg.cli import cli

    store = tmp_path_factory.mktemp("built") / "store"
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "--store", str(store), "--jobs", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    return store


def test_extract_writes_one_nquads_shard_per_file(seed_shards):
    shards = sorted(seed_shards.glob("*.nq"))
    assert len(shards) == 5
    assert {shard.name.split(".")[0] for shard in shards} == {seed.stem for seed in SEEDS.glob("*.txt")}
    first = shards[0].read_text(encoding="utf-8").splitlines()
    assert first[0].startswith("# isnad-origin <file:///")
    assert all(line.endswith(" .") and line.count("<https://w3id.org/isnad/id/article/") >= 1 for line in first[1:])


def test_loading_shards_gives_the_store_a_build_gives(kg, seed_shards, seed_build, store_path):
    result = kg("load", seed_shards, "--store", store_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Loaded 5 articles from 5 shards")
    assert all_quads(store_path) == all_quads(seed_build)
    assert kg("load", seed_shards, "--store", store_path).exit_code == 0  # idempotent
    assert all_quads(store_path) == all_quads(seed_build)


def test_a_changed_shard_replaces_what_its_file_produced(kg, seed_shards, store_path, tmp_path):
    assert kg("load", seed_shards, "--store", store_path).exit_code == 0
    changed = tmp_path / "changed"
    changed.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    source = tmp_path / seed.name
    source.write_text("وزير الخارجية يلتقي نظيره في بغداد\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    assert kg("extract", source, "-o", changed, "-j", "1").exit_code == 0
    shard = next(changed.glob("*.nq"))
    # the new shard stands for the seed file: same origin, new text
    text = shard.read_text(encoding="utf-8").replace(source.resolve().as_uri(), seed.resolve().as_uri())
    shard.write_text(text, encoding="utf-8")
    with GraphStore(store_path, read_only=True) as store:
        before = set(map(str, store.article_graphs()))
    assert kg("load", changed, "--store", store_path).exit_code == 0
    with GraphStore(store_path, read_only=True) as store:
        after = set(map(str, store.article_graphs()))
        from_seed = set(map(str, store.graphs_from(seed.resolve().as_uri())))
    # the seed's old graph went in the same transaction as its new one came
    assert len(after) == 5 and len(from_seed) == 1
    assert from_seed.isdisjoint(before) and len(after - before) == 1


@pytest.mark.parametrize(
    "content, message",
    [
        ('<https://example.org/a> <https://example.org/p> "unterminated <https://example.org/g> .\n',
         "not valid N-Quads"),
        ("<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n", "outside a named graph"),
        ("<https://example.org/a> <https://example.org/p> <https://example.org/b> <https://example.org/g> .\n",
         "not an Isnad shard"),
    ],
)
def test_bad_shard_is_one_line_and_the_rest_load(kg, seed_shards, seed_build, store_path, tmp_path, content, message):
    folder = tmp_path / "mixed"
    shutil.copytree(seed_shards, folder)
    (folder / "002_bad.nq").write_text(content, encoding="utf-8")
    result = kg("load", folder, "--store", store_path)
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith("Error: ") and "002_bad.nq" in errors[0] and message in errors[0]
    assert "Traceback" not in result.output and "1 shards failed" in result.stdout
    assert all_quads(store_path) == all_quads(seed_build)


def test_extract_reports_a_bad_file_and_writes_the_rest(kg, tmp_path):
    folder = tmp_path / "batch"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    result = kg("extract", folder, "-o", tmp_path / "out", "-j", "1", "-q")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 1 and "empty.txt" in errors[0]
    assert len(list((tmp_path / "out").glob("*.nq"))) == 5


def test_dumps_and_shard_folders_do_not_mix(kg, seed_shards, store_path, tmp_path):
    dump = tmp_path / "dump.nt"
    dump.write_text("<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n", encoding="utf-8")
    result = kg("load", dump, seed_shards, "--store", store_path)
    assert result.exit_code == 1 and "not both" in result.stderr
    assert not store_path.exists()
