"""A description's or role's words without those naming a nationality (``without_nationality``),
as the resolve stage reads them for unnamed people and for roles."""

from __future__ import annotations

from kg.lexicon import lexicon
from kg.naming import name_words
from kg.text import fold
from kg.unnamed_people import without_nationality


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
