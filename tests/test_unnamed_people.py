"""A description's or role's words without those naming a nationality (``without_nationality``),
as the resolve stage reads them for unnamed people and for roles; an unnamed group written in
another case (``same_group``)."""

from __future__ import annotations

from kg.lexicon import lexicon
from kg.model import Entity
from kg.naming import name_words
from kg.text import fold
from kg.unnamed_people import UNNAMED, same_group, without_nationality


def test_nationality_words_are_set_apart_and_the_rest_lose_their_article() -> None:
    lex = lexicon()
    core, country = without_nationality(name_words("المسؤول الأمني الأردني البارز"), lex.nisba_country)
    assert core == tuple(fold(w) for w in ("مسؤول", "أمني", "بارز"))
    assert country == "country/jordan"


def test_the_first_country_named_is_the_descriptions() -> None:
    lex = lexicon()
    _core, country = without_nationality(name_words("دبلوماسي مصري سوداني"), lex.nisba_country)
    assert country == "country/egypt"


def test_no_nationality_leaves_every_word() -> None:
    core, country = without_nationality(name_words("مصدر مطلع"), lambda _word: None)
    assert (core, country) == ((fold("مصدر"), fold("مطلع")), None)


def _group(label: str) -> dict[str, Entity]:
    key = f"{UNNAMED}group-1"
    return {key: Entity(key, "Person", label)}


def test_a_group_in_another_case_or_with_its_article_is_the_group_met_before() -> None:
    known = _group("شهود عيان محليون")
    assert same_group(known, name_words("شهود عيان محليين")) == f"{UNNAMED}group-1"
    assert same_group(known, name_words("الشهود العيان المحليين")) == f"{UNNAMED}group-1"


def test_a_dual_in_its_two_cases_is_one_group() -> None:
    assert same_group(_group("خبيران قانونيان"), name_words("خبيرين قانونيين")) == f"{UNNAMED}group-1"


def test_other_words_a_singular_or_a_named_person_are_no_group_met_before() -> None:
    assert same_group(_group("خبراء قانونيون"), name_words("خبراء اقتصاديون")) is None
    assert same_group(_group("مهندسون زراعيون"), name_words("مهندس زراعي")) is None
    named = {"person/x": Entity("person/x", "Person", "مهندسين زراعيين")}
    assert same_group(named, name_words("مهندسون زراعيون")) is None
