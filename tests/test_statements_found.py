"""Statements found where their content opens past words that look like its start: a quoted
name or label in the speaker's phrase before أن/إن."""

from __future__ import annotations

import pytest

from kg.statements import find_statements
from tests import mentioned

NAMES = {
    "سامي الحربي": ("Person", "person/harbi"),
    "الحربي": ("Person", "person/harbi"),
    "وكالة الأنباء الأردنية": ("Organization", "org/petra"),
}


def statements_of(text: str) -> list[tuple[str, list[str], str, bool]]:
    """(cue, speakers, content, direct quote) of each statement found in ``text``."""
    article = find_statements(mentioned.make_article(text, NAMES))
    return [(s.cue, s.speakers, s.content, s.direct_quote) for s in article.statements]


@pytest.mark.parametrize(
    "text",
    [
        'وقال سامي الحربي، المتحدث باسم قوات "التحالف الدولي في العراق"، الأحد، إن الغارات أصابت أهدافا عسكرية.',
        'ويقول الحربي، الذي تعده صحف غربية "أحد أبرز قادة الميدان"، إن الغارات أصابت أهدافا عسكرية.',
    ],
)
def test_a_quoted_name_in_the_speakers_phrase_is_not_what_was_said(text: str) -> None:
    [(cue, speakers, content, direct)] = statements_of(text)
    assert (speakers, content, direct) == (["person/harbi"], "الغارات أصابت أهدافا عسكرية", False)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('وقال الحربي "لن نتوقف عن ملاحقة المسلحين" في إشارة إلى أن العملية مستمرة.', "لن نتوقف عن ملاحقة المسلحين"),
        ('وأشار الحربي في مؤتمر صحفي إلى "تراجع كبير في عدد الهجمات" دون أن يذكر أرقاما.', "تراجع كبير في عدد الهجمات"),
    ],
)
def test_a_quotation_that_opens_the_content_stays_its_content(text: str, content: str) -> None:
    [(_cue, speakers, said, direct)] = statements_of(text)
    assert (speakers, said, direct) == (["person/harbi"], content, True)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "ووصف الحربي، الخميس، قرار الحكومة بإغلاق المعابر الحدودية مع الجارة الشمالية بأنه خطوة متسرعة.",
            "قرار الحكومة بإغلاق المعابر الحدودية مع الجارة الشمالية بأنه خطوة متسرعة",
        ),
        (
            "ووصف الحربي، في مقابلة مع التلفزيون الرسمي مساء الأحد، إغلاق المعابر بأنه خطوة متسرعة.",
            "إغلاق المعابر بأنه خطوة متسرعة",
        ),
        (
            "ووصف قائد العمليات في الجيش، سامي الحربي، إغلاق المعابر في الشمال، بأنه خطوة متسرعة.",
            "إغلاق المعابر في الشمال، بأنه خطوة متسرعة",
        ),
        ("ووصفه الحربي بأنه خطوة متسرعة.", "خطوة متسرعة"),
    ],
)
def test_what_a_describing_verb_describes_is_part_of_the_content(text: str, content: str) -> None:
    [(_cue, speakers, said, _direct)] = statements_of(text)
    assert (speakers, said) == (["person/harbi"], content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وتحدث الحربي عن تراجع كبير في عدد الهجمات.", "تراجع كبير في عدد الهجمات"),
        ("وكان الحربي تحدث الأسبوع الماضي عن تراجع كبير في عدد الهجمات.", "تراجع كبير في عدد الهجمات"),
    ],
)
def test_speaking_about_reports_what_was_spoken_of(text: str, content: str) -> None:
    [(_cue, speakers, said, _direct)] = statements_of(text)
    assert (speakers, said) == (["person/harbi"], content)


@pytest.mark.parametrize(
    "text",
    ["وتحدث الحربي مع نظيره الأردني عبر الهاتف.", "وقد تحدث تغييرات كبيرة في المنطقة خلال الأشهر المقبلة."],
)
def test_talking_with_or_happening_is_no_report(text: str) -> None:
    assert statements_of(text) == []
