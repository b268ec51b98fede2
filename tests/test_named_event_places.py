"""A city in construct with an agreement's or a conference's head is part of the event's name:
no mention of its state or of a place, while the event keeps its name."""

from __future__ import annotations

import pytest

from kg.document import build
from kg.lexicon import lexicon
from kg.mentions import propose_mentions
from kg.model import MentionType

COUNTRY, PLACE = MentionType.COUNTRY, MentionType.PLACE
AGREEMENT, DIALOGUE = MentionType.AGREEMENT, MentionType.DIALOGUE


def _mentions(text: str) -> list[tuple[MentionType, str]]:
    return [(m.type, m.text) for m in propose_mentions(build(text), lexicon())]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("وجدد الوزير التزام بلاده بمعاهدة لندن الموقعة قبل عقود.", (AGREEMENT, "معاهدة لندن")),
        ("ودعا الرئيس إلى احترام اتفاق القاهرة بين الفصائل.", (AGREEMENT, "اتفاق القاهرة")),
        ("وتطرق البيان إلى ميثاق بغداد ومبادئه.", (AGREEMENT, "ميثاق بغداد")),
        ("وتحدث الوزير أمام مؤتمر برلين للسلام يوم السبت.", (DIALOGUE, "مؤتمر برلين للسلام")),
    ],
)
def test_a_city_naming_an_event_is_no_place_of_the_story(text: str, event: tuple[MentionType, str]) -> None:
    found = _mentions(text)
    event_kind, event_text = event
    assert any(kind == event_kind and name.startswith(event_text) for kind, name in found)
    city = event_text.split()[1]
    assert not any(kind in (COUNTRY, PLACE) and name == city for kind, name in found)


def test_the_same_city_elsewhere_still_names_its_state() -> None:
    found = _mentions("وأعلنت القاهرة دعمها لاتفاق القاهرة الموقع أمس.")
    assert [name for kind, name in found if kind == COUNTRY] == ["القاهرة"]


def test_two_capitals_after_an_agreement_are_its_sides() -> None:
    found = _mentions("ورحب المجلس باتفاق موسكو وأنقرة على وقف القتال.")
    assert {name for kind, name in found if kind == COUNTRY} == {"موسكو", "أنقرة"}


def test_a_city_after_a_preposition_is_where_the_event_is() -> None:
    found = _mentions("وشارك الوزير في مؤتمر صحفي في بغداد.")
    assert any(kind in (COUNTRY, PLACE) and name == "بغداد" for kind, name in found)
