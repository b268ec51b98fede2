"""Sources named after what they reported (kg.trailing_sources): a group of people or sources
alone (حسبما قال مسؤولون.), the relaying preposition as often written without its tanween
(نقلا عن), the outlet a source told (حسبما قال X لوكالة Y.). The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.test_speakers import credited


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وأغلقت السلطات الطريق الساحلي أمام المركبات، حسبما قال مسؤولون.", "مسؤولون"),
        ("وتضررت ثلاث مدارس في القصف الليلي حسبما ذكرت مصادر.", "مصادر"),
        ("ونزح آلاف السكان من القرى الحدودية، وفقاً لناشطين.", "ناشطين"),
    ],
)
def test_a_group_alone_after_what_it_reported_speaks(body: str, speaker: str) -> None:
    [(cue, speakers, content)] = credited(body)
    assert speakers == [speaker] and content.split()[0] in ("وأغلقت", "وتضررت", "ونزح")


@pytest.mark.parametrize(
    "body",
    [
        "وأغلقت السلطات الطريق الساحلي أمام المركبات، حسبما قال مصدر.",  # one source: no one told apart
        "وأغلقت السلطات الطريق الساحلي أمام المركبات، وفقاً لمصادر في ساعات الصباح الأولى من اليوم.",
    ],
)
def test_a_lone_source_or_a_group_with_words_after_it_is_no_trailing_speaker(body: str) -> None:
    assert credited(body) == []


@pytest.mark.parametrize("relaying", ["نقلاً", "نقلا"])
def test_relaying_from_written_without_its_tanween_is_no_dual_verb(relaying: str) -> None:
    [(cue, speakers, content)] = credited(f"وتوقف ضخ المياه إلى الأحياء الشرقية، {relaying} عن وزارة الداخلية.")
    assert (cue, speakers) == (relaying, ["وزارة الداخلية"]) and content.startswith("وتوقف ضخ المياه")


@pytest.mark.parametrize("outlet", ["لوكالة الأنباء الألمانية", "لصحيفة الغد", "لرويترز"])
def test_the_outlet_a_trailing_source_told_is_no_new_clause(outlet: str) -> None:
    [(cue, speakers, content)] = credited(f"وتوقف ضخ المياه إلى الأحياء الشرقية، حسبما قال مسؤولون أردنيون {outlet}.")
    assert speakers == ["مسؤولون أردنيون"] and content == "وتوقف ضخ المياه إلى الأحياء الشرقية"
