"""The token matcher of the relation triggers: patterns as data, verbs inflected by rule."""

from __future__ import annotations

import pytest

from kg import document
from kg.errors import InputError
from kg.lexicon import tokenize
from kg.matcher import Matcher, inflect


def found(matcher: Matcher, text: str) -> list[tuple[str, str, str]]:
    """(label, id, matched text) of every match in ``text``."""
    return [(m.label, m.id, text[m.start : m.end]) for m in matcher(tokenize(text))]


@pytest.fixture(scope="module")
def triggers() -> Matcher:
    return Matcher.from_resource("relation_triggers")


def test_a_document_is_matched_only_where_a_pattern_may_open_with_the_same_matches(triggers: Matcher) -> None:
    text = "وستعقد الدولتان جولة، فوقّعوا مذكرة في زيارة إلى عمّان على هامش القمة والتقى الوزيرين وزار بغداد."
    doc = document.build(text)
    everywhere = triggers(doc.tokens)
    assert len(everywhere) >= 5
    assert triggers.find(doc) == everywhere
    # a pattern whose first word is optional may open at any word: every token is visited
    optional_first = Matcher([{"label": "x", "tokens": [{"words": ["قد"], "op": "?"}, {"words": ["زار"]}]}])
    assert [m.label for m in optional_first.find(document.build("ثم زار الوزير"))] == ["x"]


def test_a_verb_is_inflected_by_rule() -> None:
    forms = set(inflect({"label": "hold", "pattern": "عقد", "present": "عقد"}))
    assert {"عقد", "عقدت", "عقدا", "عقدتا", "عقدوا", "يعقد", "تعقد", "يعقدان", "يعقدون"} <= forms
    assert {"سيعقد", "ستعقدان"} <= forms  # the future
    # a past that starts as a present does takes no future: تلقت is past, ستلقت no word
    assert "ستلقت" not in inflect({"label": "hold", "pattern": "تلقى", "forms": {"تلقى": "m", "تلقت": "f"}})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وستعقد الدولتان جولة جديدة", [("hold", "", "وستعقد")]),
        ("استضافت الرباط الاجتماع", [("host", "", "استضافت")]),
        ("فوقّعوا مذكرة تفاهم", [("sign", "sign", "فوقّعوا")]),
        ("وتتوصلان إلى اتفاق", [("sign", "reach", "وتتوصلان")]),
        ("يزوران القاهرة", [("visit", "verb", "يزوران")]),
        ("في زيارة إلى عمّان", [("during", "", "في"), ("visit", "noun", "زيارة إلى")]),
        ("وفد يتألف من خمسة وزراء", [("delegation", "", "وفد"), ("leader", "", "يتألف من")]),
        ("على هامش القمة", [("during", "", "على هامش")]),
        # a word of another word list (speaker_nouns' "the two sides"), with its clitics
        ("وأكد الجانبان", [("collective", "", "الجانبان")]),
        (
            "بين البلدين وللطرفين",
            [("collective", "", "البلدين"), ("collective", "", "وللطرفين")],
        ),
        ("التقى الرئيس ضيفه", [("meeting", "verb", "التقى")]),
        ("وكان في استقباله", [("during", "", "في"), ("meeting", "reception", "استقباله")]),
        (
            "الاتفاق الذي توصلت إليه",
            [("relative", "who", "الذي"), ("passed", "reach", "توصلت إليه"), ("sign", "reach", "توصلت")],
        ),
    ],
)
def test_triggers_are_found_over_tokens(triggers: Matcher, text: str, expected: list) -> None:
    assert found(triggers, text) == expected


def test_a_word_takes_only_the_clitics_its_pattern_allows(triggers: Matcher) -> None:
    # بلقاء (with ب) is a meeting; كلقاء (as a meeting) is not in the pattern's clitics
    assert found(triggers, "بلقاء") == [("meeting", "", "بلقاء")]
    assert found(triggers, "كلقاء") == []


@pytest.mark.parametrize(
    "record",
    [{"label": "x"}, {"label": "x", "tokens": []}, {"label": "x", "tokens": [{"op": "?"}]}],
)
def test_a_malformed_pattern_is_refused_with_its_record(record: dict) -> None:
    with pytest.raises(InputError, match="record 1"):
        Matcher([record])
