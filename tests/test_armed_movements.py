"""Armed movements and whose their fighters are, through the whole pipeline: a movement's fighters
named by its plural are a Force, its political body an Organization; rebels named by a people's
nisba are not that state's; a backing word joined to another noun backs that noun."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.pipeline import extract


def _article(text: str) -> Article:
    (article,) = extract(text, "test")
    return article


def _types(text: str) -> dict[str, str]:
    return {e.label_ar: e.type for e in _article(text).entities.values()}


def _affiliations(text: str) -> dict[str, list[str]]:
    return {e.label_ar: e.affiliation for e in _article(text).entities.values() if e.type == "Force"}


def test_a_movements_fighters_are_a_force_and_its_body_an_organization() -> None:
    text = "وقصفت الطائرات مواقع الحوثيين قرب الحدود، فيما قال متحدث باسم جماعة أنصار الله إن الجماعة سترد."
    types = _types(text)
    assert types["الحوثيون"] == "Force"
    assert types["جماعة الحوثي"] == "Organization"


@pytest.mark.parametrize(
    "text",
    [
        # the rebels' nisba is the land they fight in
        "وأطلق المتمردون الحوثيون اليمنيون قذائف على قرية حدودية.",
        "واستهدفت الغارات المتمردين الحوثيين اليمنيين في الجبال.",
    ],
)
def test_rebels_are_not_the_state_their_nisba_names(text: str) -> None:
    assert _affiliations(text)["الحوثيون"] == []


def test_a_backing_word_of_a_joined_noun_is_not_the_forces() -> None:
    text = "ويشهد البلد قتالا بين الحوثيين والقوات الموالية للرئيس عادل منصور منذ سنوات."
    assert _affiliations(text)["الحوثيون"] == []


def test_a_backer_after_a_force_owns_it() -> None:
    text = "وهاجم الحوثيون المدعومون من إيران سفينة تجارية."
    assert _affiliations(text)["الحوثيون"] == ["country/iran"]


@pytest.mark.parametrize("label", ["قوات الشرعية", "القوات الشرعية"])
def test_the_recognised_governments_forces_are_its_states(label: str) -> None:
    text = f"وأعلنت الحكومة اليمنية أن {label} صدت هجوما على مواقعها قرب المدينة."
    assert _affiliations(text)[label] == ["country/yemen"]


def test_a_nisba_in_a_militias_name_is_not_the_country_the_article_is_about() -> None:
    """The government forces of an article on Yemen whose militia is called Iranian three times,
    named with no nisba of their own, are no Iranian force."""
    text = (
        "وشنت الميليشيات الإيرانية هجوما على مدينة مأرب في اليمن، وقصفت الميليشيات الإيرانية الأحياء، "
        "وزرعت الميليشيات الإيرانية الألغام. وتمكنت القوات الحكومية من صد الهجوم."
    )
    assert _affiliations(text)["القوات الحكومية"] == ["country/yemen"]


def test_a_force_a_sent_count_is_to_support_is_not_the_senders() -> None:
    """Troops a state sends are its own; the force named after them, which they go to support, is not."""
    text = "وقالت الصحيفة إن بريطانيا نشرت 70 جنديا في البلدة لدعم وحدات حماية الشعب الكردية."
    assert _affiliations(text)["وحدات حماية الشعب"] == []
