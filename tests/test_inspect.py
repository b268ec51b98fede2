"""`kg mentions`: each article's text comes with the offsets that index it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEEDS


def mentions_json(kg, path: Path) -> list[dict]:
    result = kg("mentions", path, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def check_offsets(rows: list[dict]) -> dict[int, str]:
    """Every row's span indexes the text of the Article row before it; returns the texts by part."""
    texts: dict[int, str] = {}
    for row in rows:
        if row["type"] == "Article":
            assert row["part"] not in texts and (row["start"], row["end"]) == (0, len(row["text"]))
            texts[row["part"]] = row["text"]
            continue
        text = texts[row["part"]]  # the article's row came first
        assert text[row["start"]:row["end"]] == row["text"], row
        if row["type"] == "Statement":
            assert text[row["cue_start"]:row["cue_end"]] == row["cue"]
    return texts


def test_every_offset_indexes_the_article_text_given(kg) -> None:
    titles = []
    for path in sorted(SEEDS.glob("*.txt")):
        rows = mentions_json(kg, path)
        assert rows[0]["type"] == "Article"
        titles.append(rows[0]["title"])
        texts = check_offsets(rows)
        assert len(rows) > len(texts) + 5
    assert any(titles)


def test_the_text_given_is_the_cleaned_text_not_the_file(kg, tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    headline, body = seed.split("\n", 1)
    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{p}</p><p>. .</p>" for p in body.split("\n\n") if p.strip())
    page.write_text(f"<html><body><h1>{headline}</h1><nav>الرئيسية</nav>{paragraphs}</body></html>", encoding="utf-8")
    rows = mentions_json(kg, page)
    texts = check_offsets(rows)
    assert ". ." not in texts[0] and "<p>" not in texts[0]
    assert any(row["type"] == "Statement" for row in rows)
    table = kg("mentions", page).stdout.splitlines()
    assert table[2].split()[:3] == ["0", "Article", "0"] and rows[0]["article"] in table[2]
