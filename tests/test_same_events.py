"""One event told twice in other words within an article is one node (``kg.same_events``, and
talks held "during" an event told just before)."""

from __future__ import annotations

import pytest

from kg.pipeline import extract


def dialogues_of(text: str) -> list[tuple[str, frozenset[str]]]:
    """(label, all labels) of every dialogue node of the text."""
    (article,) = extract(text, "test")
    return sorted(
        (e.label_ar, frozenset([e.label_ar, *e.alt_labels])) for e in article.entities.values() if e.type == "Dialogue"
    )


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a summit told where it is held, later named by that place
        (
            "اختتمت أعمال قمة الدورة الحادية عشرة لمجلس التعاون مساء الخميس، والتي عقدت في محافظة العلا "
            "السعودية. وأشاد البيان الختامي لقمة العلا بالتضامن.",
            {"قمة الدورة الحادية", "قمة العلا"},
        ),
        # ... by its country's capital, the place the summit was given
        (
            "وعقدت القمة الخليجية الطارئة في الرياض يوم الأحد. وقال المتحدث إن قمة الرياض نجحت.",
            {"القمة الخليجية الطارئة", "قمة الرياض"},
        ),
        # talks held during a visit are the visit's
        (
            "وصل الوزير إلى أنقرة في زيارة تستغرق ثلاثة أيام، يجري خلالها محادثات مع نظيره.",
            {"زيارة تستغرق ثلاثة أيام", "محادثات"},
        ),
    ],
)
def test_one_event_in_other_words_is_one_node(text: str, labels: set[str]) -> None:
    (dialogue,) = dialogues_of(text)
    assert labels <= dialogue[1]


def test_a_meeting_named_by_another_place_is_another_meeting() -> None:
    text = "وعقد وزراء الخارجية العرب اجتماعا في القاهرة أمس. وقال الأمين العام إن اجتماع الرياض المقبل سيبحث الأزمة."
    assert len(dialogues_of(text)) == 2


def test_a_definite_event_described_by_adjectives_alone_is_the_one_told_before() -> None:
    text = "ووقعت الدولتان اتفاقية أمنية في الربيع. ووصف الوزير الاتفاقية الإقليمية التاريخية بأنها إنجاز."
    (article,) = extract(text, "test")
    (agreement,) = [e for e in article.entities.values() if e.type == "Agreement"]
    assert {agreement.label_ar, *agreement.alt_labels} == {"اتفاقية أمنية", "الاتفاقية الإقليمية التاريخية"}


def test_talks_held_during_a_visit_are_the_visit() -> None:
    """Talks told right before "خلال" and a visit are that visit's; across a sentence's end they are not."""
    one = "وأطلع الوزير نظيره على محادثاته مع الرئيس المصري خلال زيارته إلى القاهرة أمس."
    # one dialogue told both ways (the talks' label runs to the title with its nisba, a person's mention)
    assert [labels for _, labels in dialogues_of(one)] == [
        frozenset({"محادثاته مع الرئيس المصري", "زيارته إلى القاهرة"})
    ]
    two = "وعقد الوزير محادثات مع وزير الخارجية المصري. وفي ختام زيارته إلى القاهرة التقى الرئيس."
    assert len(dialogues_of(two)) == 2


def test_the_original_agreement_is_the_one_told_before() -> None:
    """ "الاتفاق الأصلي" describes the deal the article told, not a deal of that name in every article."""
    text = "وانسحبت الحكومة من اتفاق الحدود البحرية. وقال الوزير إن الاتفاق الأصلي منح بلاده حقوقا واسعة."
    (article,) = extract(text, "test")
    (agreement,) = [e for e in article.entities.values() if e.type == "Agreement"]
    assert {agreement.label_ar, *agreement.alt_labels} == {"اتفاق الحدود البحرية", "الاتفاق الأصلي"}


def test_an_event_described_by_adjectives_alone_and_told_nowhere_else() -> None:
    """A visit told first by description is its article's own (two articles' "الزيارة المرتقبة"
    are two visits); a conference so described names none."""
    keys = {
        e.key
        for text in ("ورحب الوزير بالزيارة المرتقبة.", "وأشاد الرئيس بالزيارة المرتقبة أمس.")
        for e in extract(text, "test")[0].entities.values()
        if e.type == "Dialogue"
    }
    assert len(keys) == 2
    assert dialogues_of("ودعا الوزير إلى المؤتمر المقترح.") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # one person's visits an article tells are one visit, "his visit" too
        (
            "بدأ رئيس الوزراء الهندي ناريندرا مودي زيارة رسمية تستغرق يومين. وقالت الصحيفة إن زيارة "
            "ناريندرا مودي تهدف إلى توقيع اتفاقات، وإن زيارته للقاهرة الأولى منذ عقد.",
            1,
        ),
        # ... but not to another country
        (
            "ووصل الرئيس التركي رجب طيب أردوغان إلى بغداد في زيارة تستغرق يومين. وكان أردوغان قد وصل إلى "
            "طهران الشهر الماضي في زيارة رسمية تستمر ثلاثة أيام.",
            2,
        ),
    ],
)
def test_one_person_s_visits_are_one(text: str, count: int) -> None:
    assert len(dialogues_of(text)) == count
