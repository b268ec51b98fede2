"""A known agreement's listed parties (the gazetteer's isnad:party), through the whole pipeline:
those the article names are its parties wherever it names them, and a country the list does not
hold is none, whatever the words around the agreement say."""

from __future__ import annotations

from kg.model import Article
from kg.pipeline import extract

_DEAL = "agreement/iran-nuclear-deal"


def _article(text: str) -> Article:
    (article,) = extract(text, "test")
    return article


def _parties(text: str) -> set[str]:
    return set(_article(text).entities[_DEAL].parties)


def test_a_known_agreement_takes_the_listed_parties_the_article_names() -> None:
    text = (
        "وقال مسؤولون إن طهران ستواصل الالتزام بالاتفاق النووي رغم الضغوط. "
        "وفي سياق آخر، زار وزير الخارجية الصيني موسكو لبحث التجارة مع روسيا والصين."
    )
    parties = _parties(text)
    assert {"country/iran", "country/russia", "country/china"} <= parties
    assert "country/germany" not in parties  # listed, but the article does not name it


def test_a_country_the_list_does_not_hold_is_no_party() -> None:
    text = "وتعارض إسرائيل الاتفاق النووي مع إيران منذ توقيعه، وقالت الولايات المتحدة إنها ستنسحب منه."
    parties = _parties(text)
    assert "country/israel" not in parties
    assert {"country/iran", "country/united-states"} <= parties


def test_a_known_force_takes_the_listed_owner_the_article_names() -> None:
    named = _article("وقال مسؤول إن الحشد الشعبي سيبقى في الموصل حتى تنتهي العمليات في العراق.")
    assert named.entities["force/popular-mobilization-forces"].affiliation == ["country/iraq"]


def test_a_known_forces_owner_the_article_does_not_name_is_not_added() -> None:
    article = _article("وقال قائد ميداني إن الحشد الشعبي سيبقى في المدينة حتى انتهاء العمليات.")
    assert "country/iraq" not in article.entities["force/popular-mobilization-forces"].affiliation
