"""Statements whose content opens with what a verb governs: a promise or demand after بـ, an
insistence only with its clause, and a verb of telling inside what someone else said."""

from __future__ import annotations

import pytest

from kg.cues import expand_forms
from kg.statements import find_statements
from tests import mentioned

NAMES = {
    "سالم الورفلي": ("Person", "person/warfalli"),
    "الورفلي": ("Person", "person/warfalli"),
    "منظمة العفو الدولية": ("Organization", "org/amnesty"),
    "الحكومة التونسية": ("Country", "country/tunisia"),
    "تونس": ("Country", "country/tunisia"),
    "الجزائر": ("Country", "country/algeria"),
    "المغرب": ("Country", "country/morocco"),
}


def statements_of(text: str) -> list[tuple[str, list[str], str]]:
    """(cue, speakers, content) of each statement found in ``text``."""
    article = find_statements(mentioned.make_article(text, NAMES))
    return [(s.cue, s.speakers, s.content) for s in article.statements]


def test_a_demands_object_opens_it_before_a_quotation_inside_it() -> None:
    text = 'وطالبت منظمة العفو الدولية بالإفراج عن المدون المتهم بـ"إهانة هيئات الدولة وموظفيها العموميين".'
    assert statements_of(text) == [
        ("وطالبت", ["org/amnesty"], 'بالإفراج عن المدون المتهم بـ"إهانة هيئات الدولة وموظفيها العموميين"')
    ]


def test_a_quotation_right_after_a_demands_subject_is_still_its_content() -> None:
    text = 'وطالبت منظمة العفو الدولية "بالإفراج الفوري عن جميع المعتقلين السياسيين".'
    assert statements_of(text) == [("وطالبت", ["org/amnesty"], "بالإفراج الفوري عن جميع المعتقلين السياسيين")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ووعد وزير الداخلية الليبي سالم الورفلي بملاحقة المتورطين في الهجوم.",
            [("ووعد", ["person/warfalli"], "بملاحقة المتورطين في الهجوم")],
        ),
        (
            "وقال الورفلي إن التحقيق بدأ، ووعد بنشر نتائجه خلال أسبوع.",
            [("وقال", ["person/warfalli"], "التحقيق بدأ"), ("ووعد", ["person/warfalli"], "بنشر نتائجه خلال أسبوع")],
        ),
    ],
)
def test_a_promise_reports_what_it_promised_after_its_clitic(text: str, expected: list) -> None:
    assert statements_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وطالب المحتجون بتنفيذ وعد الورفلي بملاحقة المتورطين.",  # the noun "promise"
        "وأكد الورفلي أن الحكومة ستفي بما وعدت به.",  # inside a relative, what was promised is ما
    ],
)
def test_a_promise_noun_is_no_promise_of_its_own(text: str) -> None:
    assert [cue for cue, _speakers, _content in statements_of(text) if "وعد" in cue] == []


def test_insisting_reports_its_clause() -> None:
    assert statements_of("وتصر الحكومة التونسية على أن الانتخابات ستجري في موعدها.") == [
        ("وتصر", ["country/tunisia"], "الانتخابات ستجري في موعدها")
    ]


def test_insisting_on_a_noun_is_no_statement() -> None:
    assert statements_of("وتصر الحكومة التونسية على مواصلة الحملة الأمنية في الجبال.") == []


def test_whom_a_reported_speaker_told_is_no_speaker() -> None:
    text = "وقال الورفلي إن الجزائر أبلغت المغرب بأنها ستغلق الحدود مؤقتا."
    assert statements_of(text) == [("وقال", ["person/warfalli"], "الجزائر أبلغت المغرب بأنها ستغلق الحدود مؤقتا")]


@pytest.mark.parametrize("gap", ["", "،"])
def test_unnamed_diplomats_speak_with_what_they_said_right_after(gap: str) -> None:
    found = statements_of(f"وقال دبلوماسيون{gap} إن التصويت على المشروع أرجئ. وأضافوا أن المشاورات مستمرة.")
    assert [(cue, content) for cue, _speakers, content in found] == [
        ("وقال", "التصويت على المشروع أرجئ"),
        ("وأضافوا", "المشاورات مستمرة"),
    ]
    assert found[0][1] == found[1][1] and len(found[0][1]) == 1


def test_a_clause_only_cue_reads_the_key_on_forms_made_from_its_stems() -> None:
    forms = expand_forms({"label": "verb", "pattern": "رفض", "present": "رفض", "participle": "رافض", "that_only": True})
    assert {form.that_only for form in forms.values()} == {True}
