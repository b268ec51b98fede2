"""Speakers of constructions read after what was said or across sentences: a group of people
or sources alone after a trailing attribution (حسبما قال مسؤولون.). The sentences are written
for these tests."""

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
