"""Sides of an event told by their titles alone (kg.mentions.people's honorific + nisba, and
kg.counterparts), through the whole pipeline: a title refers back to the person the article
named with it; one whose holder is not named, or a former holder's, names no one."""

from __future__ import annotations

import pytest

from kg.pipeline import extract

_NAMED = "وقال الرئيس التونسي قيس سعيد الأحد إن الأوضاع صعبة. وكان الرئيس المصري عبد الفتاح السيسي قد دعا إلى الحوار.\n"


def _participants(text: str) -> dict[str, frozenset[str]]:
    """Each dialogue's label -> the labels of its participants."""
    (article,) = extract(text, "test")
    entities = article.entities
    return {
        e.label_ar: frozenset(entities[k].label_ar for k in e.participants)
        for e in entities.values()
        if e.type == "Dialogue"
    }


def _people(text: str) -> set[str]:
    (article,) = extract(text, "test")
    return {e.label_ar for e in article.entities.values() if e.type == "Person"}


@pytest.mark.parametrize(
    "event",
    [
        "وتناول اتصال الرئيس التونسي بنظيره المصري أمس أزمة المياه.",
        "وتناول اتصال الرئيس التونسي بالرئيس المصري أمس أزمة المياه.",
    ],
)
def test_a_call_between_titles_takes_the_persons_named_with_them(event: str) -> None:
    (sides,) = _participants(_NAMED + event).values()
    assert {"قيس سعيد", "عبد الفتاح السيسي"} <= sides


def test_a_title_alone_as_a_subject_is_its_holder() -> None:
    (article,) = extract(_NAMED + "وبحث الرئيس المصري الأوضاع في غزة.", "test")
    titled = [m for m in article.mentions if m.text == "الرئيس المصري" and m.start > len(_NAMED)]
    assert [article.entities[m.entity or ""].label_ar for m in titled] == ["عبد الفتاح السيسي"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the Egyptian president's holder is not named: his counterpart names no one
        ("وقال الرئيس التونسي قيس سعيد إن اتصال الرئيس المصري بنظيره التونسي أمس كان مثمرا.", "الرئيس المصري"),
        ("وقال الرئيس التونسي قيس سعيد إن اتصاله أمس بنظيره المصري كان مثمرا.", "نظيره المصري"),
        # one named with the honorific alone, of no country the article or the gazetteer gives
        ("وقال الرئيس سامر الخطيب إن الحوار مستمر. والتقى الرئيس اللبناني أمس وفدا من الحزب.", "الرئيس اللبناني"),
        # a former holder is not the one named
        ("وقال الرئيس المصري عبد الفتاح السيسي إن الرئيس المصري السابق دعا إلى الحوار.", "الرئيس المصري السابق"),
    ],
)
def test_a_title_whose_holder_is_not_named_names_no_one(text: str, title: str) -> None:
    (article,) = extract(text, "test")
    assert [m.entity for m in article.mentions if m.text == title] == []
