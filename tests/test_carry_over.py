"""Who a bare verb goes on with (kg.continuations): after "the two sides" spoke, after a connector. The
sentences are written for these tests."""

from __future__ import annotations

from tests.test_speakers import credited


def test_the_two_sides_with_one_country_known_are_no_one() -> None:
    found = credited(
        "وقال وزير الزراعة التونسي منير بن سالم إن الموسم سيكون جيداً.\n\n"
        "وأكد الجانبان ضرورة تنسيق المواقف.\n\nوأضاف أن صادرات الزيت سترتفع."
    )
    assert [(cue, speakers) for cue, speakers, _content in found] == [
        ("وقال", ["منير بن سالم"]),
        ("وأضاف", ["منير بن سالم"]),
    ]


def test_a_singular_verb_after_the_two_sides_goes_on_with_the_one_who_spoke_before_them() -> None:
    found = credited(
        "وقال وزير الزراعة التونسي منير بن سالم إن التعاون بين تونس والجزائر يتقدم.\n\n"
        "وأكد الطرفان ضرورة تنسيق المواقف، وأضافا أن اللجنة المشتركة ستجتمع.\n\n"
        "وأضاف أن صادرات الزيت سترتفع."
    )
    speakers = {content.split()[0]: speakers for _cue, speakers, content in found}
    assert sorted(speakers["ضرورة"]) == sorted(speakers["اللجنة"]) == ["الجزائر", "تونس"]
    assert speakers["صادرات"] == ["منير بن سالم"]


def test_a_connector_written_with_wa_before_a_bare_verb_opens_its_clause() -> None:
    found = credited(
        "وقال وزير الزراعة التونسي منير بن سالم إن الموسم سيكون جيداً. ولكنه أضاف أن الأسعار سترتفع.\n\n"
        "وكما أكد فإن الصادرات ستتضاعف."
    )
    assert [(cue, speakers) for cue, speakers, _content in found] == [
        ("وقال", ["منير بن سالم"]),
        ("أضاف", ["منير بن سالم"]),
        ("أكد", ["منير بن سالم"]),
    ]
