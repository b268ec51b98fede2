"""kg.mentions: a head-noun or title chain ends before a word no name goes on with
(``kg/data/name_stops.jsonl``): where a body is, what it does, a time adverb, a tie to another
body, a finite verb."""

from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.model import Article


def spans_of(text: str) -> dict[str, str]:
    """Each mention's words -> its type."""
    return {m.text: str(m.type) for m in find_mentions(Article(source="t", text=text)).mentions}


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        # where a force is: said of it, no part of its name
        ("وقالت المصادر إن الفصائل المتواجدة في الريف رفضت الخروج", "الفصائل", None),
        ("وانسحبت كتائب الفاروق المتمركزة قرب السد من مواقعها", "كتائب الفاروق", "Force"),
        # what a force holds or takes part in
        ("وقال لواء التوحيد المسيطر على البلدة إنه انسحب", "لواء التوحيد", "Force"),
        ("وأعلنت القوات الجوية الأردنية المشاركة في التحالف مقتل طيار", "القوات الجوية الأردنية", "Force"),
        # a tie to another body, after a force as after a body
        ("وتبنت ألوية الحسين التابعة للحرس الجمهوري الهجوم", "ألوية الحسين", "Force"),
        ("وهاجمت ميليشيات الزهراء الموالية للنظام القرية", "ميليشيات الزهراء", "Force"),
        # a title's body ends before it too: the person is the head of the body
        ("وقال رئيس هيئة الحشد المدعومة من الحكومة إن القتال انتهى", "رئيس هيئة الحشد", "Person"),
        # an adverb of time opens the rest of the clause
        ("وتتولى هيئة حمص اعتبارا من الشهر المقبل الإشراف", "هيئة حمص", "Organization"),
        # what a body does in talks
        ("وأكد مجلس القبائل المفاوض أن الشروط مقبولة", "مجلس القبائل", "Organization"),
    ],
)
def test_a_chain_ends_before_a_word_no_name_goes_on_with(text: str, span: str, kind: str | None) -> None:
    found = spans_of(text)
    assert not any(s.startswith(span + " ") for s in found), found
    if kind is not None:
        assert found.get(span) == kind, found


def test_a_body_head_does_not_take_a_verb_after_it_as_its_name() -> None:
    found = spans_of("وقالت إن هيئة أسست قبل عامين تشرف على الانتخابات")
    assert "هيئة أسست" not in found, found


def test_a_name_adjective_that_is_a_participle_stays_in_the_name() -> None:
    found = spans_of("وقالت القوات المسلحة الأردنية إن الحدود آمنة")
    assert any(s.startswith("القوات المسلحة") for s in found), found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("وهاجمت الميليشيات الموالية للحكومة البلدة", "الميليشيات الموالية"),
        # a nationality and the tie: loyal to another than the nationality names
        ("ودخلت الفصائل العراقية الموالية لطهران البلدة", "الفصائل العراقية الموالية"),
    ],
)
def test_a_force_told_apart_only_by_its_tie_keeps_it(text: str, span: str) -> None:
    found = spans_of(text)
    assert any(s.startswith(span) for s in found), found


@pytest.mark.parametrize(
    ("text", "span", "longer"),
    [
        # a verb or noun with a possessive suffix after the head's genitive: the clause goes on
        ("وقالت لجنة تحقيق تديرها الأمم المتحدة إن الأدلة كافية.", "لجنة تحقيق", "لجنة تحقيق تديرها"),
        ("وأعلنت قيادة فصائل يدعمها الجيش أنها انسحبت.", "قيادة فصائل", "قيادة فصائل يدعمها"),
    ],
)
def test_a_chain_ends_before_a_word_with_a_possessive_suffix(text, span, longer):
    spans = spans_of(text)
    assert span in spans and longer not in spans


def test_a_feminine_noun_with_a_suffix_is_the_last_genitive_of_its_chain():
    assert "رئيس مجلس إدارتها" in spans_of("وقال رئيس مجلس إدارتها خالد سامي إن الأرباح زادت.")
