"""Meetings, receptions and visits told by a past verb (kg.mentions.meetings), through the whole
pipeline: exact sets of Dialogue nodes with their participants, so a spurious meeting fails too."""

from __future__ import annotations

import pytest

from kg.model import Entity
from kg.pipeline import extract


def _dialogues(text: str) -> list[tuple[Entity, dict[str, Entity]]]:
    (article,) = extract(text, "test")
    return [(e, article.entities) for e in article.entities.values() if e.type == "Dialogue"]


def _labels(text: str) -> set[str]:
    return {e.label_ar for e, _entities in _dialogues(text)}


def _participants(text: str) -> set[str]:
    ((meeting, entities),) = _dialogues(text)
    return {entities[k].label_ar for k in meeting.participants}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reception: the host after the verb, whom he receives right after, a day between
        (
            "واستقبل الرئيس التونسي قيس سعيد، الاثنين، وزير الخارجية الإيطالي لويجي دي مايو.",
            {"استقبل الرئيس التونسي قيس سعيد، الاثنين، وزير الخارجية الإيطالي لويجي دي مايو"},
        ),
        # the host's title in apposition between commas is his, not whom he receives
        (
            "واستقبل اللواء سالم حداد، قائد القوات البرية الأردنية، الفريق أول ماهر نصر.",
            {"استقبل اللواء سالم حداد، قائد القوات البرية الأردنية، الفريق أول ماهر نصر"},
        ),
        # a meeting with the side met after بـ
        (
            "والتقى وزير الخارجية الأردني أيمن الصفدي بنظيره المصري سامح شكري.",
            {"التقى وزير الخارجية الأردني أيمن الصفدي بنظيره المصري سامح شكري"},
        ),
        # after مع
        (
            "واجتمع الرئيس الفلسطيني محمود عباس مع العاهل الأردني الملك عبد الله الثاني.",
            {"اجتمع الرئيس الفلسطيني محمود عباس مع العاهل الأردني الملك عبد الله الثاني"},
        ),
        # a visit to a named country
        ("وزار الرئيس الجزائري عبد المجيد تبون تونس.", {"زار الرئيس الجزائري عبد المجيد تبون تونس"}),
        # التقى with the side met as its object
        (
            "والتقى رئيس الوزراء الإيطالي ماريو دراغي الرئيس الجزائري عبد المجيد تبون.",
            {"التقى رئيس الوزراء الإيطالي ماريو دراغي الرئيس الجزائري عبد المجيد تبون"},
        ),
        # several visits told at once, and one told as the first
        ("وزار الرئيس الجزائري عبد المجيد تبون تونس ثلاث مرات.", set()),
        ("وزار الرئيس الجزائري عبد المجيد تبون تونس مرتين.", set()),
        ("وزار الرئيس الجزائري عبد المجيد تبون تونس لأول مرة.", {"زار الرئيس الجزائري عبد المجيد تبون تونس"}),
        # the place of the meeting between its sides
        (
            "والتقى وزير الخارجية الأردني أيمن الصفدي في القاهرة أمس نظيره المصري سامح شكري.",
            {"التقى وزير الخارجية الأردني أيمن الصفدي في القاهرة أمس نظيره المصري سامح شكري"},
        ),
        # a side before the verb after a preposition is no subject: the subject after it meets
        (
            "وبعد اجتماعه مع الرئيس الفلسطيني محمود عباس، التقى الرئيس المصري عبد الفتاح السيسي الملك سلمان.",
            {"اجتماعه مع الرئيس الفلسطيني محمود عباس", "التقى الرئيس المصري عبد الفتاح السيسي الملك سلمان"},
        ),
        # the host's own titles, or a name his titles introduce, are no one he meets
        ("والتقى الأمير الشيخ صباح الأحمد الجابر الصباح في الكويت.", set()),
        ("واستقبل الشيخ خليفة بن زايد نائب رئيس المجلس رئيس اللجنة العليا أمس المهنئين.", set()),
        # a supposed meeting (a conditional before the verb or its subject): none; a reported one: told
        ("وإذا التقى الرئيس التونسي قيس سعيد بالرئيس الجزائري عبد المجيد تبون فسيبحثان الحدود.", set()),
        ("ولو زار الرئيس الجزائري عبد المجيد تبون تونس لتغير الكثير.", set()),
        ("وإن زار الرئيس الجزائري عبد المجيد تبون تونس فسيلتقي نظيره.", set()),
        ("وإذا الرئيس التونسي قيس سعيد التقى الرئيس الجزائري عبد المجيد تبون فسيبحثان الحدود.", set()),
        (
            "وقال إن الرئيس التونسي قيس سعيد التقى الرئيس الجزائري عبد المجيد تبون.",
            {"الرئيس التونسي قيس سعيد التقى الرئيس الجزائري عبد المجيد تبون"},
        ),
        # a visit to a place that is no state visited: none
        ("وزار الرئيس الجزائري عبد المجيد تبون ولاية وهران.", set()),
        # a visit only planned, a present verb, a negated one, a meeting with no named side: none
        ("ومن المقرر أن يزور الرئيس الجزائري عبد المجيد تبون تونس.", set()),
        ("ويلتقي وزير الخارجية الأردني أيمن الصفدي بنظيره المصري سامح شكري.", set()),
        ("ولم يلتق وزير الخارجية الأردني أيمن الصفدي بنظيره المصري.", set()),
        ("والتقى وزير الخارجية الأردني أيمن الصفدي بالصحفيين.", set()),
    ],
)
def test_meetings_told_by_a_past_verb(text: str, expected: set[str]) -> None:
    assert _labels(text) == expected


def test_a_reception_has_both_sides_and_their_states() -> None:
    text = "واستقبل الرئيس التونسي قيس سعيد وزير الخارجية الإيطالي لويجي دي مايو."
    assert {"قيس سعيد", "لويجي دي مايو", "تونس", "إيطاليا"} <= _participants(text)


def test_a_visit_has_the_visitor_and_the_state_visited() -> None:
    assert {"عبد المجيد تبون", "الجزائر", "تونس"} <= _participants("وزار الرئيس الجزائري عبد المجيد تبون تونس.")


def test_the_meeting_noun_after_the_verb_is_the_same_meeting() -> None:
    text = (
        "واستقبل الرئيس التونسي قيس سعيد وزير الخارجية الإيطالي لويجي دي مايو. وجرى خلال اللقاء بحث العلاقات الثنائية."
    )
    ((meeting, _entities),) = _dialogues(text)
    # named by its noun; the verb's clause tells it and is another label
    assert (meeting.label_ar, meeting.alt_labels) == (
        "اللقاء",
        ["استقبل الرئيس التونسي قيس سعيد وزير الخارجية الإيطالي لويجي دي مايو"],
    )


def test_a_meeting_takes_the_day_told_between_its_sides() -> None:
    text = "والتقى الرئيس التونسي قيس سعيد يوم 14 أكتوبر 2021 بالرئيس الجزائري عبد المجيد تبون."
    ((meeting, _entities),) = _dialogues(text)
    assert meeting.start_date == "2021-10-14"


def test_a_meeting_told_right_after_a_visit_is_part_of_the_visit() -> None:
    text = "ويجري وزير الخارجية الإيطالي لويجي دي مايو زيارة إلى تونس. والتقى دي مايو بالرئيس التونسي قيس سعيد."
    ((visit, entities),) = _dialogues(text)
    assert {"لويجي دي مايو", "قيس سعيد"} <= {entities[k].label_ar for k in visit.participants}


def test_a_meeting_told_sentences_after_another_event_is_one_of_its_own() -> None:
    text = (
        "ويجري وزير الخارجية الإيطالي لويجي دي مايو زيارة إلى تونس. وقال إن العلاقات جيدة. "
        "وأضاف أن البلدين شريكان. والتقى رئيس الوزراء الإيطالي ماريو دراغي بالرئيس التونسي قيس سعيد."
    )
    assert len(_dialogues(text)) == 2


def test_a_meeting_a_statement_recounts_is_no_meeting_of_its_own() -> None:
    text = "وقال البيان إن «رئيس الوزراء الإيطالي ماريو دراغي التقى الرئيس التونسي قيس سعيد»."
    assert _dialogues(text) == []


def test_two_meetings_told_by_their_verbs_are_two() -> None:
    text = (
        "والتقى رئيس الوزراء الإيطالي ماريو دراغي بالرئيس التونسي قيس سعيد في روما. "
        "وشارك بعدها في مؤتمر لدعم الاستثمار. وزار دراغي الجزائر الشهر الماضي."
    )
    assert len(_dialogues(text)) == 2


def test_a_reception_right_after_an_event_none_of_its_sides_named_is_its_own() -> None:
    text = (
        "وتستعد القاهرة لاستضافة القمة العربية الشهر المقبل. "
        "واستقبل الرئيس التونسي قيس سعيد وزير الخارجية الإيطالي لويجي دي مايو."
    )
    assert len(_dialogues(text)) == 2


def _participants_of(text: str, label_word: str) -> set[str]:
    """The participants of the one dialogue whose label holds ``label_word``."""
    ((event, entities),) = [(e, ents) for e, ents in _dialogues(text) if label_word in e.label_ar]
    return {entities[k].label_ar for k in event.participants}


def test_a_meeting_on_a_visit_keeps_its_sides_at_the_talks_the_visit_holds() -> None:
    text = (
        "واختتمت جولة الحوار الاستراتيجي بين تونس وإيطاليا أمس في روما. "
        "ويجري وزير الخارجية التونسي عثمان الجرندي زيارة إلى إيطاليا. "
        "والتقى الجرندي بوزير الخارجية الإيطالي لويجي دي مايو. "
        "وتناول الحوار الاستراتيجي التعاون الاقتصادي."
    )
    assert "لويجي دي مايو" in _participants_of(text, "زيارة")
    assert "لويجي دي مايو" in _participants_of(text, "الحوار")


def test_a_meeting_told_by_its_verb_alone_takes_no_side_from_other_sentences() -> None:
    text = (
        "واستقبل الرئيس التونسي قيس سعيد وزير الخارجية الإيطالي لويجي دي مايو. "
        "وتحدث رئيس الحكومة الليبية عبد الحميد الدبيبة بحضور وزير الداخلية الليبي."
    )
    assert "ليبيا" not in _participants(text)


def test_a_meeting_told_during_a_visit_is_part_of_it() -> None:
    text = "وخلال زيارته إلى تونس، التقى وزير الخارجية الإيطالي لويجي دي مايو بالرئيس التونسي قيس سعيد."
    ((visit, _entities),) = _dialogues(text)
    assert visit.label_ar == "زيارته إلى تونس"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit going on, told by a relative clause on the visitor
        ("وقال وزير الخارجية الياباني تارو كونو، الذي يزور مصر، إن بلاده تدعم التنمية.", {"يزور مصر"}),
        ("وأكدت الرئيسة الكرواتية كوليندا غرابار، التي تزور الأردن حاليا، دعم بلادها.", {"تزور الأردن"}),
        # the relative clause of a place, a present verb opening its clause, one only likely: none
        ("وهذه هي المدينة التي يزور فيها الوزراء المعرض كل عام.", set()),
        ("ويزور وزير الخارجية الياباني تارو كونو مصر الأسبوع المقبل.", set()),
        ("وقال وزير الخارجية الياباني تارو كونو إنه قد يزور مصر.", set()),
    ],
)
def test_visits_going_on_told_by_a_relative_clause(text: str, expected: set[str]) -> None:
    assert _labels(text) == expected


def test_a_visit_going_on_has_the_visitor_it_refers_back_to() -> None:
    text = "وقال وزير الخارجية الياباني تارو كونو، الذي يزور مصر، إن بلاده تدعم التنمية."
    assert {"تارو كونو", "اليابان", "مصر"} <= _participants(text)


def test_a_visit_going_on_is_the_visit_its_noun_tells_elsewhere() -> None:
    text = (
        "وقال وزير الخارجية الياباني تارو كونو، الذي يزور مصر، إن بلاده تدعم التنمية. "
        "وأضاف أن بلاده تريد السلام. وتابع أن الاقتصاد مهم. "
        "وتأتي زيارة الوزير تارو كونو في إطار جولة إقليمية."
    )
    visits = [e for e, _entities in _dialogues(text) if "يزور مصر" in (e.label_ar, *e.alt_labels)]
    assert [(e.label_ar, e.alt_labels) for e in visits] == [("زيارة الوزير تارو كونو", ["يزور مصر"])]


@pytest.mark.parametrize(
    "after",
    [
        "وتناول اللقاء العلاقات الثنائية.",  # the talks noun as the next sentence's subject
        "وعقد الجانبان جلسة مباحثات مغلقة.",  # talks "the two sides" held
    ],
)
def test_talks_told_right_after_a_reception_are_the_reception(after: str) -> None:
    text = "واستقبل الرئيس التونسي قيس سعيد وزير الخارجية الإيطالي لويجي دي مايو. " + after
    assert len(_dialogues(text)) == 1


def test_talks_with_someone_the_reception_does_not_name_are_other_talks() -> None:
    text = (
        "واستقبل الرئيس التونسي قيس سعيد وزير الخارجية الإيطالي لويجي دي مايو. "
        "وكان سعيد قد عقد اجتماعا مع رئيس الحكومة الليبية عبد الحميد الدبيبة."
    )
    assert len(_dialogues(text)) == 2


@pytest.mark.parametrize("verb", ["سيقوم بزيارة", "يجري زيارة"])
def test_a_visit_held_by_the_person_written_before_its_verb_has_him(verb: str) -> None:
    text = f"وذكرت الرئاسة أن الرئيس التونسي قيس سعيد {verb} رسمية إلى الجزائر الأسبوع المقبل."
    assert {"قيس سعيد", "تونس", "الجزائر"} <= _participants(text)
