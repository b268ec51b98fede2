"""kg.body_heads and kg.speaker_phrases: a definite body head (الصحيفة، المنظمة، السفارة) later in
the article is the body named before under that head, even when the name left the head out
(صحيفة "X") or a name follows the head as the verb's object. The sentences are written for
these tests."""

from __future__ import annotations

import pytest

from kg.pipeline import extract


def credited(body: str) -> list[tuple[str, list[str]]]:
    """(cue, speaker labels) of each statement of a body under a one-line title."""
    article = extract("خبر اليوم\n\n" + body, "test")[0]
    return [(s.cue, [article.entities[k].label_ar for k in s.speakers]) for s in article.statements]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # an outlet named after its head, quoted or not
        ('ونشرت صحيفة "الرائد" المحلية تقريرا عن الأزمة. وقالت الصحيفة إن المفاوضات متعثرة منذ أسابيع.', "الرائد"),
        ("ونشرت وكالة Reuters تقريرا عن الأزمة. وأضافت الوكالة أن المفاوضات متعثرة منذ أسابيع.", "Reuters"),
        # any body before a quoted name
        ('وأصدرت منظمة "أصدقاء البحر" تقريرا عن التلوث. وقالت المنظمة إن الشواطئ ملوثة.', "أصدقاء البحر"),
    ],
)
def test_a_definite_head_refers_back_to_the_name_written_after_it(body: str, speaker: str) -> None:
    assert credited(body)[-1] == (credited(body)[-1][0], [speaker])


def test_a_genitive_after_a_head_is_not_its_name() -> None:
    said = credited("وزار وفد من مفوضية الأمم المتحدة السامية المخيم. وقالت المفوضية إن الأوضاع صعبة.")
    assert all("الأمم المتحدة" not in speakers for _cue, speakers in said)


def test_a_name_after_a_definite_head_is_its_object_and_the_head_refers_back() -> None:
    said = credited(
        "وكانت السفارة الروسية في لندن قد نفت الاتهامات أمس. وانتقدت السفارة بريطانيا، قائلة إن الاتهامات باطلة."
    )
    assert said[-1] == ("قائلة", ["السفارة الروسية"])


def test_a_body_of_a_known_body_is_not_that_body() -> None:
    said = credited("وأعلن مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية أن آلاف الأسر نزحت من المدينة.")
    assert said == [("وأعلن", ["مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"])]


def test_a_known_body_after_its_own_head_is_that_body() -> None:
    assert credited("وقالت منظمة الأمم المتحدة إن المحادثات ستستأنف الأسبوع المقبل.") == [("وقالت", ["الأمم المتحدة"])]
