"""kg.mentions: a title written with the article before its own adjective (الأمين العام) is a
title, and a body named inside a title's chain keeps what it is for (kg.mentions.heads)."""

from __future__ import annotations

from kg.mentions import find_mentions
from kg.model import Article, Source


def mentions(text: str) -> list[tuple[str, str, str]]:
    article = find_mentions(Article(source="t", text=text))
    return [(str(m.type), m.text, str(m.source)) for m in article.mentions]


def test_a_definite_title_before_its_adjective_is_the_role_of_the_name_after_it():
    found = mentions("وقال الأمين العام للحزب يوهان برغمان إن الانتخابات نزيهة.")
    assert ("Person", "الأمين العام للحزب", str(Source.ROLE)) in found, found
    assert ("Person", "يوهان برغمان", str(Source.TITLE)) in found, found


def test_the_same_word_without_the_adjective_is_no_title():
    found = mentions("وفاز الأمين بالجائزة الأولى في المسابقة.")
    assert not any(source == str(Source.ROLE) for _, _, source in found), found


def test_a_body_inside_a_titles_chain_keeps_the_genitive_that_says_what_it_is_for():
    found = mentions("وصرح رئيس الاتحاد الوطني لعمال المناجم كريم السعدي بأن الإضراب مستمر.")
    assert ("Organization", "الاتحاد الوطني لعمال المناجم", str(Source.HEAD_NOUN)) in found, found
