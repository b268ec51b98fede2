"""Sides of talks given by a subject the clause of the event does not write: the subject of the
verb whose purpose the talks are ("وصل X إلى القاهرة للقاء Y"), the one a relative clause
refers back to ("X، الذي يقوم بزيارة"), and the subject of the sentence before, where the
event's sentence opens on a verb with none of its own ("وتولى X منصبه. وقد سعى إلى إجراء
محادثات مع Y"); and the two persons a dual noun refers back to ("اتصال هاتفي بين الرئيسين").

Each case gives the mentions the earlier stages would give (``tests.mentioned``) and asserts the
exact set: a side missing or a spurious one fails it.
"""

from __future__ import annotations

import pytest

from tests import mentioned
from tests.test_participants import EGYPT, JORDAN, KUWAIT, NAMES, PERSONS, SAFADI, SISI, SUDAN, TEBBOUNE

ALGERIA = "country/algeria"
TALKS = "dialogue/talks"
EVENTS = {
    **NAMES,
    "لقاء": ("Dialogue", TALKS),
    "اتصال هاتفي": ("Dialogue", TALKS),
    "القمة": ("Dialogue", TALKS),
}


def participants(text: str) -> set[str]:
    article = mentioned.relations_of(text, EVENTS, dict(PERSONS.values()))
    return set(article.entities[TALKS].participants)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the one who travels "to meet": the subject of the verb the meeting is the purpose of
            "ووصل وزير الخارجية الأردني أيمن الصفدي، أمس، إلى الكويت للقاء الرئيس المصري عبد الفتاح السيسي.",
            {SAFADI, JORDAN, SISI, EGYPT, KUWAIT},
        ),
        (  # "to take part in" talks
            "وتوجه الرئيس المصري عبد الفتاح السيسي إلى الخرطوم للمشاركة في القمة.",
            {SISI, EGYPT, SUDAN},
        ),
        (  # but not one who reports the talks: after a complementiser the sentence is read from it on
            "وقال أيمن الصفدي إن وفدا سيتوجه إلى الكويت للمشاركة في القمة.",
            {KUWAIT},
        ),
    ],
)
def test_the_subject_of_the_verb_the_talks_are_the_purpose_of(text: str, expected: set[str]) -> None:
    assert participants(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the person a relative clause refers back to holds the talks it tells
            "وتحدث الرئيس المصري عن أيمن الصفدي، الذي يقوم بزيارة إلى الكويت.",
            {SAFADI, JORDAN, KUWAIT},
        ),
        (  # "and who chaired", the relative written with و
            "وتحدث وزير الخارجية الأردني أيمن الصفدي، والذي ترأس القمة، عن التنسيق.",
            {SAFADI, JORDAN},
        ),
        (  # "where he held": the subject of the clause before حيث
            "وأمضى الرئيس المصري عبد الفتاح السيسي يومين في الخرطوم حيث أجرى محادثات مع السودان.",
            {SISI, EGYPT, SUDAN},
        ),
    ],
)
def test_the_subject_a_relative_clause_refers_back_to(text: str, expected: set[str]) -> None:
    assert participants(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a sentence that opens on its verb, with no subject before the talks: the last sentence's
            "وتولى أيمن الصفدي منصبه عام 2017. وقد سعى إلى إجراء محادثات مع السودان.",
            {SAFADI, JORDAN, SUDAN},
        ),
        (  # not when the sentence writes its own subject
            "وتولى أيمن الصفدي منصبه عام 2017. وسعت الكويت إلى إجراء محادثات مع السودان.",
            {KUWAIT, SUDAN},
        ),
        (  # nor when the sentence before tells someone else's words
            "وقال أيمن الصفدي إن الرئيس الجزائري عبد المجيد تبون يدعم التهدئة. وقد سعى إلى إجراء محادثات مع السودان.",
            {SUDAN},
        ),
    ],
)
def test_the_subject_of_the_sentence_before(text: str, expected: set[str]) -> None:
    assert participants(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "between the two presidents": the two persons named last before
            "وبحث الرئيس المصري عبد الفتاح السيسي مع الرئيس الجزائري عبد المجيد تبون الأوضاع. "
            "وقالت الرئاسة في بيان إثر اتصال هاتفي بين الرئيسين إن التنسيق مستمر.",
            {SISI, EGYPT, TEBBOUNE, ALGERIA},
        ),
        (  # none when fewer than two persons are named before
            "وقالت الرئاسة في بيان إثر اتصال هاتفي بين الرئيسين إن التنسيق مستمر.",
            set(),
        ),
    ],
)
def test_a_dual_noun_refers_back_to_two_persons(text: str, expected: set[str]) -> None:
    assert participants(text) == expected
