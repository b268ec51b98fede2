"""The ANT article writer that rebuilds the hand-annotated sets' texts from the shared corpus."""

from __future__ import annotations

import json

import pytest

from benchmarks import ant_articles

pytestmark = pytest.mark.skipif(not ant_articles.CORPUS.is_file(), reason="no shared ANT corpus")


def test_an_article_is_its_title_an_arabic_date_line_and_its_body(tmp_path) -> None:
    assert ant_articles.main([str(tmp_path), "--ids", "BB-middleEast-1-20180218"]) == 0
    lines = (tmp_path / "ant_BB-middleEast-1-20180218.txt").read_text(encoding="utf-8").split("\n")
    # Sun, 18 Feb 2018 in the corpus's timestamp
    assert lines[1] == "الأحد 18 فبراير 2018"
    assert lines[0] and lines[2]


def test_gold_files_get_their_article_beside_them(tmp_path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"source": "ANT corpus v2.1, id BB-middleEast-1-20180218"}))
    (tmp_path / "other.json").write_text(json.dumps({"source": "some other outlet"}))
    assert ant_articles.main([str(tmp_path), "--gold", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == ["one.txt"]


def test_a_sample_is_drawn_the_same_way_again(tmp_path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    ant_articles.main([str(first), "--sample", "8", "--seed", "3"])
    ant_articles.main([str(second), "--sample", "8", "--seed", "3"])
    names = sorted(p.name for p in first.glob("*.txt"))
    assert len(names) == 8 and names == sorted(p.name for p in second.glob("*.txt"))
    # at most a quarter from one outlet
    assert max(sum(n.startswith(f"ant_{o}") for n in names) for o in ("BB", "CN", "FR", "SK")) <= 2


def test_the_benchmarks_draw_ant_articles_as_a_corpus_the_same_way_again(tmp_path) -> None:
    from benchmarks import data

    first = data.corpus_files("ant", 3, tmp_path / "a", seed=5)
    again = data.corpus_files("ant", 3, tmp_path / "b", seed=5)
    other = data.corpus_files("ant", 3, tmp_path / "c", seed=6)
    texts = [p.read_text(encoding="utf-8") for p in first]
    assert len(set(texts)) == 3 and all(t.split("\n")[1].split()[-1].isdigit() for t in texts)  # the date line's year
    assert texts == [p.read_text(encoding="utf-8") for p in again]
    assert texts != [p.read_text(encoding="utf-8") for p in other]
