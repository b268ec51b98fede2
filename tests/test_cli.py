"""The kg command end to end against a real on-disk store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS


def nquads(kg, store: Path) -> list[str]:
    result = kg("export", "--store", store, "--format", "nquads")
    assert result.exit_code == 0, result.output
    return sorted(line for line in result.stdout.splitlines() if line.strip())


def article_graphs(kg, store: Path) -> set[str]:
    result = kg("query", "SELECT ?g WHERE { GRAPH ?g { ?g a isnad:Article } }", "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    return set(result.stdout.split()[1:])


def test_build_seeds_makes_one_graph_per_article(kg, built_store):
    graphs = article_graphs(kg, built_store)
    assert len(graphs) >= 5
    assert all(g.startswith("https://w3id.org/isnad/id/article/") for g in graphs)


def test_build_prints_one_summary_line(kg, store_path):
    result = kg("build", SEEDS, "--store", store_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1].startswith("Built 5 articles from 5 files:")
    assert " triples in " in result.stdout


def test_rebuild_is_idempotent(kg, built_store):
    before = nquads(kg, built_store)
    result = kg("build", SEEDS, "--store", built_store)
    assert result.exit_code == 0, result.output
    assert nquads(kg, built_store) == before


def test_changed_file_replaces_its_graph(kg, store_path, seeds_copy):
    assert kg("build", seeds_copy, "--store", store_path).exit_code == 0
    before = article_graphs(kg, store_path)
    first = sorted(seeds_copy.glob("*.txt"))[0]
    # A paragraph added mid-body (what follows "اقرأ أيضاً" at the end is boilerplate and dropped).
    text = first.read_text(encoding="utf-8")
    middle = text.index("\n\n", len(text) // 3)
    first.write_text(text[:middle] + "\n\nوقال المتحدث إن الحوار سيستمر." + text[middle:], encoding="utf-8")
    assert kg("build", first, "--store", store_path).exit_code == 0
    after = article_graphs(kg, store_path)
    assert len(after) == len(before)
    assert len(after - before) >= 1 and len(before - after) >= 1


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("markup-only.html", b"<html><script>var x = 1;</script></html>", "no text"),
    ],
)
def test_bad_file_gets_one_line_and_batch_continues(kg, store_path, tmp_path, name, content, message):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_good.txt").write_bytes((SEEDS / sorted(os.listdir(SEEDS))[0]).read_bytes())
    (folder / name).write_bytes(content)
    (folder / "z_good.txt").write_bytes((SEEDS / sorted(os.listdir(SEEDS))[1]).read_bytes())
    result = kg("build", folder, "--store", store_path)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and name in errors[0] and message in errors[0]
    assert "Traceback" not in result.output
    assert len(article_graphs(kg, store_path)) == 2


def test_missing_file_is_an_error(kg, store_path, tmp_path):
    result = kg("build", tmp_path / "nope.txt", SEEDS, "--store", store_path)
    assert result.exit_code == 1
    assert "nope.txt: no such file." in result.stderr
    assert len(article_graphs(kg, store_path)) == 5


def test_windows_1256_and_html_articles_are_read(kg, store_path, tmp_path):
    # Two bodies: an article's IRI is derived from its text, so one body in two files is one article.
    legacy = "قال وزير الدفاع العراقي إن التعاون مستمر.\n"
    page = "قال وزير الخارجية العراقي إن الحوار مستمر.\n"
    (tmp_path / "legacy.txt").write_bytes(("عنوان الخبر الأول اليوم\n" + legacy).encode("cp1256"))
    (tmp_path / "page.html").write_text(
        "<html><head><title>x</title><script>alert(1)</script></head>"
        f"<body><h1>عنوان الصفحة في الموقع</h1><p>{page}</p></body></html>",
        encoding="utf-8",
    )
    result = kg("build", tmp_path / "legacy.txt", tmp_path / "page.html", "--store", store_path)
    assert result.exit_code == 0, result.output
    titles_query = "SELECT ?t WHERE { ?a a isnad:Article ; dcterms:title ?t }"
    titles = kg("query", titles_query, "--store", store_path, "--format", "csv")
    assert "عنوان الخبر الأول اليوم" in titles.stdout and "عنوان الصفحة في الموقع" in titles.stdout
    assert "alert" not in nquads(kg, store_path).__str__()


def test_malformed_query_is_one_line(kg, built_store):
    result = kg("query", "SELECT ?x WHERE { ?x", "--store", built_store)
    assert result.exit_code != 0
    assert result.stderr.startswith("Error: Malformed query:")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "table"])
def test_query_formats(kg, built_store, fmt):
    count_query = "SELECT (COUNT(*) AS ?n) WHERE { ?a a isnad:Article }"
    result = kg("query", count_query, "--store", built_store, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "5"
    else:
        assert "5" in result.stdout


def test_query_ask_and_construct(kg, built_store):
    ask = kg("query", "ASK { ?a a isnad:Article }", "--store", built_store)
    assert ask.stdout.strip() == "true"
    construct = kg("query", "CONSTRUCT { ?a a isnad:Article } WHERE { ?a a isnad:Article }", "--store", built_store)
    assert construct.exit_code == 0
    assert construct.stdout.count("Article") >= 5


def test_query_on_missing_store_is_one_line(kg, tmp_path):
    result = kg("query", "ASK {}", "--store", tmp_path / "none")
    assert result.exit_code != 0
    assert "No store at" in result.stderr


def test_stats_counts(kg, built_store):
    result = kg("stats", "--store", built_store)
    assert result.exit_code == 0
    assert "articles  5" in result.stdout


def test_validate_passes_on_seeds(kg, built_store):
    result = kg("validate", "--store", built_store)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


def test_store_env_variable_is_the_default(runner, tmp_path):
    from kg.cli import cli

    env = {"ISNAD_STORE": str(tmp_path / "envstore")}
    result = runner.invoke(cli, ["build", str(SEEDS)], env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "envstore" / "CURRENT").exists()


def test_python_dash_m_runs_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0
    for command in ("build", "query", "export", "validate", "stats", "mentions"):
        assert command in result.stdout


@pytest.mark.parametrize(
    "command", [["stats"], ["export", "--format", "nquads"], ["query", "SELECT * WHERE { ?s ?p ?o }"]],
    ids=["stats", "export", "query"],
)
def test_closed_stdout_ends_quietly(built_store, command):
    # `kg stats | head -1`: the reader has gone before the command writes (its end is closed here
    # before the process starts writing), so every write meets a closed pipe.
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", *command, "--store", str(built_store)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(60) == 1
    assert stderr == ""


def test_mentions_json_spans_index_the_article_text(kg):
    from kg.pipeline import extract
    from kg.sources import read_source

    path = sorted(SEEDS.glob("*.txt"))[0]
    result = kg("mentions", path, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    mentions = [row for row in rows if row["type"] not in ("Statement", "Article")]
    assert mentions, "the extractor found no mentions in a seed article"
    texts = {article.part: article.text for article in extract(read_source(path).text, path.name)}
    for row in mentions:
        assert {"type", "text", "start", "end", "entity"} <= row.keys()
        assert texts[row["part"]][row["start"] : row["end"]] == row["text"]
