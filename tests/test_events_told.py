"""Events told by how they were made or who met, through the whole pipeline: agreements told
reached with a side no rule names (اتفاق مع النقابات) or announced by a verb before their subject
(أعلنت الوزارة التوصل إلى اتفاق), meetings named by the plural title of who meet (اجتماع وزراء
الخارجية العرب). Exact sets of labels, so a spurious node fails too. And the label of an event
told by its head alone: a phrase it is also told by."""

from __future__ import annotations

import pytest

from kg.events import label_by_phrase
from kg.model import Article, Entity
from kg.pipeline import extract


def agreements_of(text: str) -> set[str]:
    """The label of every agreement node the text gives."""
    (article,) = extract(text, "test")
    return {e.label_ar for e in article.entities.values() if e.type == "Agreement"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reached by a verb, its side only words: the side names it
        ("وقالت الشركة إنها توصلت إلى اتفاق مع الموردين.", {"اتفاق مع الموردين"}),
        # announced, with the subject between the verb and the verbal noun
        ("وأعلنت وزارة الصحة التوصل إلى اتفاق مع الأطباء المضربين.", {"اتفاق مع الأطباء المضربين"}),
        # a part of a group: the group, not its count
        ("وتوصل المحافظ إلى اتفاق مع عدد من التجار.", {"اتفاق مع عدد من التجار"}),
        # announced as not reached, or only sought: none
        ("ولم تؤكد الحكومة التوصل إلى اتفاق مع المحتجين.", set()),
        ("وأكد الوزير ضرورة التوصل إلى اتفاق مع المزارعين.", set()),
        # a bare head with no side and no scope names none, even reached
        ("وقال المتحدث إن الطرفين توصلا إلى اتفاق.", set()),
    ],
)
def test_reached_agreements(text: str, expected: set[str]) -> None:
    assert agreements_of(text) == expected


def dialogues_of(text: str) -> set[str]:
    """The label of every dialogue node the text gives."""
    (article,) = extract(text, "test")
    return {e.label_ar for e in article.entities.values() if e.type == "Dialogue"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting named by who meet, after its head or its لـ
        ("وتحدث الوزير في اجتماع وزراء الزراعة العرب عن الجفاف.", {"اجتماع وزراء الزراعة العرب"}),
        ("وقال الوزير عقب اجتماع لقادة الأحزاب إن الحوار مستمر.", {"اجتماع لقادة الأحزاب"}),
        # a summit after them is an event of its own
        (
            "وألقى الأمين العام كلمة أمام اجتماع وزراء المالية التحضيري للقمة الأفريقية.",
            {"اجتماع وزراء المالية التحضيري", "القمة الأفريقية"},
        ),
        # after a definite head the plural is the verb's object: no meeting named by it
        ("وضمت المحادثات وزراء الطاقة في البلدين.", set()),
        # a bare meeting head names none
        ("وقال الوزير عقب اجتماع إن الحوار مستمر.", set()),
    ],
)
def test_meetings_named_by_members(text: str, expected: set[str]) -> None:
    assert dialogues_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of bringing together, and whom: a member's plural title or a named actor
        ("وتحدث القائد في مؤتمر يضم قادة الجيوش العربية في القاهرة.", {"مؤتمر يضم قادة الجيوش العربية"}),
        (
            "وأكد البيان عقب لقاء جمع الرئيس الأمريكي جو بايدن بالأمين العام للأمم المتحدة أن الحوار مستمر.",
            {"لقاء جمع الرئيس الأمريكي جو بايدن بالأمين العام للأمم المتحدة"},
        ),
        # a dual told before refers back; the future tells talks to come; a team is no talks
        ("وقال الرئيس بعد لقاء جمع الرجلين في موسكو إن العلاقات قوية.", set()),
        ("وقال إن اجتماعا سيضم وزراء الخارجية الأسبوع المقبل.", set()),
        ("وقال المدرب إن الفريق يضم لاعبين جددا.", set()),
    ],
)
def test_meetings_told_by_whom_they_bring_together(text: str, expected: set[str]) -> None:
    assert dialogues_of(text) == expected


def _event(label: str, *others: str) -> Article:
    """An article with one dialogue labelled ``label``, told also as ``others``."""
    entity = Entity(key="dialogue/x", type="Dialogue", label_ar=label, alt_labels=list(others))
    return Article(source="test", text="", entities={entity.key: entity})


@pytest.mark.parametrize(
    ("label", "others", "expected"),
    [
        # a head alone takes the phrase of its own head a definite word names
        ("الاجتماع", ("المحادثات بين الوفدين", "اجتماع طارئ", "اجتماع مجلس الأمن"), "اجتماع مجلس الأمن"),
        # ... else the shortest phrase of another head
        ("اللقاء", ("المحادثات الثنائية", "المحادثات التي جرت في القصر"), "المحادثات الثنائية"),
        # no verb's subject after a definite head, no other of its kind: the head stays
        ("الاجتماع", ("الاجتماع الوزير", "اجتماع مماثل"), "الاجتماع"),
        # a phrase label is kept
        ("زيارة الرئيس", ("الزيارة",), "زيارة الرئيس"),
    ],
)
def test_label_by_phrase(label: str, others: tuple[str, ...], expected: str) -> None:
    article = _event(label, *others)
    label_by_phrase(article)
    entity = article.entities["dialogue/x"]
    assert entity.label_ar == expected
    assert sorted([entity.label_ar, *entity.alt_labels]) == sorted([label, *others])
