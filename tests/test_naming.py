"""kg.naming and kg.lexicon.name_key: one key for a name whatever its spelling."""

from __future__ import annotations

import pytest

from kg.lexicon import lexicon, name_key
from kg.naming import body_words, definite_genitive, slug
from kg.text import fold


def folded(text: str) -> list[str]:
    return [fold(word) for word in text.split()]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("عبد الرحيم الكبيسي", "عبدالرحيم الكبيسي"),  # a particle written apart or joined
        ("خالد ابن نايف", "خالد بن نايف"),  # 'son of' with or without its alef
        ("مصطفى أبي شقرا", "مصطفى أبو شقرا"),  # the kunya in the genitive
        ("جون كيللي", "جون كيلي"),  # a transliterated letter written twice
        ("يوسف الأحمدي", "يوسف احمدي"),  # the article and hamza seat
        ("مؤسسة الإغاثة", "موسسه الاغاثة"),  # hamza carriers, ة/ه
    ],
)
def test_spelling_variants_share_one_slug(one: str, other: str) -> None:
    assert slug(folded(one)) == slug(folded(other))


def test_name_key_joins_a_particle_to_the_word_after_it() -> None:
    assert name_key(folded("عبد الرحيم بن محمد")) == ("عبدالرحيم", "بن", "محمد")


def test_different_names_keep_different_slugs() -> None:
    assert slug(folded("محمد عبد الله")) != slug(folded("محمود عبد الله"))


def test_a_gazetteer_person_is_found_in_another_spelling() -> None:
    lex = lexicon()
    assert lex.lookup(folded("محمد ابن سلمان")) == "person/mohammed-bin-salman"
    assert lex.lookup(folded("سلمان ابن عبدالعزيز")) == "person/salman-bin-abdulaziz"


def test_places_keep_their_article_as_written() -> None:
    assert lexicon().lookup(folded("المالي")) is None


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("ماتياس فيلدرسون", "ماتياس فلدرسون"),  # a foreign name with or without its inner vowels
        ("كارولين زاخارينكو", "كارولين زخارينكو"),
    ],
)
def test_a_persons_transliteration_variants_share_one_slug(one: str, other: str) -> None:
    assert slug(folded(one), person=True) == slug(folded(other), person=True)
    assert slug(folded(one)) != slug(folded(other))  # other names keep their vowels


def test_given_names_keep_their_vowels_in_a_persons_slug() -> None:
    assert slug(folded("سليمان"), person=True) != slug(folded("سلمان"), person=True)


def test_a_gazetteer_person_is_found_in_a_transliteration_variant() -> None:
    assert lexicon().lookup(folded("مسعود برزاني")) == "person/masoud-barzani"


def test_a_letter_written_twice_counts_once_in_a_persons_slug() -> None:
    assert slug(folded("جون كيللي"), person=True) == slug(folded("جون كيلي"), person=True)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("للمجلس", "المجلس"), ("لجنة", "لجنة"), ("المجلس", "المجلس"), ("لمصر", "لمصر")],
)
def test_a_genitive_after_for_the_is_read_with_its_article(word: str, expected: str) -> None:
    assert definite_genitive(fold(word)) == fold(expected)


def test_a_bodys_words_after_a_genitive_are_its_words_without_it() -> None:
    assert body_words([fold("هيئة"), fold("للرقابة")]) == body_words([fold("الهيئة"), fold("الرقابة")])
