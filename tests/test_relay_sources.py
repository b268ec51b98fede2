"""kg.relay_sources: a relaying outlet's source after عن, past what an outlet writes between
itself and عن (its short name in brackets or between commas, a date, a time phrase).

The sentences are written for these tests; each goes through the whole extraction pipeline.
"""

from __future__ import annotations

import pytest

from kg.pipeline import extract


def speakers_of(body: str) -> list[tuple[str, list[str]]]:
    """(cue, speaker labels) of each statement of the body under a one-line title."""
    article = extract("خبر اليوم\n\n" + body, "test")[0]
    return [(s.cue, [article.entities[k].label_ar for k in s.speakers]) for s in article.statements]


@pytest.mark.parametrize(
    "body",
    [
        "ونقلت وكالة الأنباء الرسمية (بترا) عن مصدر طبي قوله إن سبعة أصيبوا بجروح طفيفة.",
        "ونقلت وكالة الأنباء الرسمية، بترا، عن مصدر طبي قوله إن سبعة أصيبوا بجروح طفيفة.",
        "ونقلت وكالة الأنباء الرسمية السبت عن مصدر طبي قوله إن سبعة أصيبوا بجروح طفيفة.",
        "ونقلت وكالة الأنباء الرسمية في أبريل/ نيسان الماضي عن مصدر طبي قوله إن سبعة أصيبوا بجروح طفيفة.",
        "ونقلت وكالة الأنباء الرسمية في وقت سابق عن مصدر طبي قوله إن سبعة أصيبوا بجروح طفيفة.",
    ],
)
def test_the_source_after_an_outlets_short_name_or_a_time_speaks(body: str) -> None:
    assert [speakers for _cue, speakers in speakers_of(body)] == [["مصدر طبي"]]


def test_a_continuation_goes_on_with_the_relayed_source_not_the_outlet() -> None:
    found = speakers_of(
        "عقد البرلمان جلسة طارئة لبحث الأزمة في العاصمة.\n"
        "كما نقلت وسائل إعلام أمريكية في وقت سابق عن ريتشارد هولمز، المسؤول بوزارة الدفاع، قوله إن "
        "واشنطن ستواصل المحادثات مع الحلفاء. وأضاف أن الإدارة لم تتخذ قرارا نهائيا بعد."
    )
    assert found == [("نقلت", ["ريتشارد هولمز"]), ("وأضاف", ["ريتشارد هولمز"])]


def test_a_third_word_before_about_is_no_relay() -> None:
    # "a long report about the incident": عن is "about", the outlet relays no one
    found = speakers_of("وأوردت الوكالة تقريرا مطولا جدا عن الحادث قالت فيه إن الضحايا من المدنيين.")
    assert all("الحادث" not in " ".join(speakers) for _cue, speakers in found)
