"""States link to Wikidata: by name in any spelling, by nisba, and never from a common word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import pipeline
from kg.lexicon import lexicon
from kg.text import fold

COUNTRY_TABLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "wikidata_countries.json"


def linked(text: str) -> dict[str, str | None]:
    """Country key -> QID of the countries one article mentions."""
    [article] = pipeline.extract(text, "t.txt", disable=("statements",))
    return {key: e.wikidata for key, e in article.entities.items() if e.type == "Country"}


@pytest.mark.skipif(not COUNTRY_TABLE.is_file(), reason="the shared country table is not here")
def test_every_state_of_the_table_is_in_the_gazetteer_with_its_item():
    table = json.loads(COUNTRY_TABLE.read_text(encoding="utf-8"))["countries"]
    lex = lexicon()
    for row in table:
        key = lex.lookup([fold(w) for w in row["label_ar"].split()])
        assert key is not None, row
        assert lex.gazetteer[key].wikidata == row["qid"], row


def test_states_named_in_any_spelling_link():
    found = linked(
        "قال وزير الخارجية إن بلاده وقعت مذكرة مع اثيوبيا والسعوديه، "
        "وإن وفدا سيزور تشاد وليبيريا وغانا قبل أن يعود إلى الجمهورية اليمنية عبر سلطنة عمان."
    )
    assert found["country/ethiopia"] == "Q115"
    assert found["country/saudi-arabia"] == "Q851"
    assert found["country/chad"] == "Q657"
    assert found["country/liberia"] == "Q1014"
    assert found["country/ghana"] == "Q117"
    assert found["country/oman"] == "Q842"


def test_a_state_named_only_by_its_nisba_links():
    found = linked("وقال المتحدث إن قوات تنزانية ستنضم إلى البعثة مع وحدات غانية.")
    assert found.get("country/ghana") == "Q117"
    assert found.get("country/tanzania") == "Q924"


def test_a_common_word_spelled_like_a_state_is_no_state():
    # مالي (Mali) and بنين (Benin) are also "financial" and "sons": with the article they are the words
    found = linked("قدمت الحكومة الدعم المالي للمدارس، ووزعت المنح على البنين والبنات.")
    assert "country/mali" not in found and "country/benin" not in found
    assert linked("وصل وزير الخارجية إلى مالي أمس.").get("country/mali") == "Q912"


def test_a_state_named_by_its_official_name_links():
    found = linked("وصل رئيس جمهورية مصر العربية إلى المملكة الأردنية الهاشمية في زيارة رسمية.")
    assert found.get("country/egypt") == "Q79" and found.get("country/jordan") == "Q810"


def test_a_state_name_keeps_its_article_while_a_surname_need_not():
    lex = lexicon()

    def key(text: str) -> str | None:
        return lex.lookup([fold(w) for w in text.split()])

    assert key("السلفادور") == "country/el-salvador"
    assert key("سلفادور") is None  # a man's name: the state is always written with its article
    assert key("قاسم اعرجي") == key("قاسم الأعرجي") == "person/qasim-al-araji"


def test_states_in_their_other_common_spellings_link():
    found = linked("وزار الوفد تشيكيا وبيلاروسيا ومولدوفا، ثم توجه إلى بنغلادش وسيريلانكا وكوت ديفوار.")
    assert found.get("country/czech-republic") == "Q213"
    assert found.get("country/belarus") == "Q184"
    assert found.get("country/moldova") == "Q217"
    assert found.get("country/bangladesh") == "Q902"
    assert found.get("country/sri-lanka") == "Q854"
    assert found.get("country/ivory-coast") == "Q1008"
