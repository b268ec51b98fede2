"""A source named as a document of a body (بحسب بيان لـX، وفقاً لتقرير صادر عن X، بيان أصدرته X):
the document's issuer speaks the sentence it closes, and the outlet that carried the document
(نشرته وكالة Y) does not stop it or take its place."""

from __future__ import annotations

import pytest

from kg.pipeline import extract

REPORT = "وأغلقت السلطات المعبر الحدودي أمام الشاحنات طوال الأسبوع"


def credited(body: str) -> list[list[str]]:
    """The speaker labels of each statement of the body."""
    article = extract("خبر اليوم\n\n" + body, "test")[0]
    return [[article.entities[k].label_ar for k in s.speakers] for s in article.statements]


@pytest.mark.parametrize(
    "outlet",
    ["نشرته وكالة رويترز", "بثته وكالة الأنباء الرسمية", "، نقلته وكالة الأنباء الأردنية", "أوردته وكالة رويترز"],
)
def test_the_outlet_that_carried_the_document_does_not_stop_its_issuer(outlet: str) -> None:
    found = credited(f"{REPORT}، بحسب بيان لوزارة الداخلية اللبنانية {outlet}.")
    assert found == [["وزارة الداخلية اللبنانية"]]


def test_a_report_of_a_body_carried_by_an_outlet_is_the_bodys() -> None:
    found = credited(f"{REPORT}، وفقاً لتقرير لمنظمة العفو الدولية نشرته وكالة رويترز.")
    assert found == [["منظمة العفو الدولية"]]


def test_an_outlet_clause_too_long_to_name_an_outlet_still_stops_the_source() -> None:
    found = credited(
        f"{REPORT}، بحسب بيان لوزارة الداخلية اللبنانية نشرته وكالة رويترز بعد ساعات من اجتماع طويل عقد في العاصمة."
    )
    assert found == []


@pytest.mark.parametrize("issued", ["أصدرته", "نشرته", "صدر الأحد عن"])
def test_the_body_that_issued_the_document_after_it_is_its_issuer(issued: str) -> None:
    found = credited(f"{REPORT}، بحسب بيان {issued} وزارة الداخلية اللبنانية.")
    assert found == [["وزارة الداخلية اللبنانية"]]


def test_the_statement_a_body_issued_speaks_for_it_later() -> None:
    found = credited(
        "وجاء في بيان أصدرته وزارة الخارجية المغربية الاثنين أن الرباط ترفض التدخل في شؤونها. "
        "وأضاف البيان أن الحوار هو السبيل الوحيد."
    )
    assert found == [["وزارة الخارجية المغربية"], ["وزارة الخارجية المغربية"]]


def test_a_document_of_an_unknown_body_carried_by_an_outlet_is_not_the_outlets() -> None:
    found = credited(
        "وقالت وزارة الخارجية المغربية إن الرباط ترفض التدخل. "
        "وجاء في بيان للهيئة نشرته وكالة رويترز أن الحوار ضروري. وأضاف البيان أن اللقاء تأجل."
    )
    assert all(["وكالة رويترز"] != speakers for speakers in found)


def test_an_outlet_that_published_a_document_did_not_issue_it() -> None:
    found = credited(
        "وأعلنت وزارة الخارجية المغربية في بيان نشرته وكالة المغرب العربي للأنباء أن الحوار ضروري. "
        "وأضاف البيان أن اللقاء تأجل."
    )
    assert found == [["وزارة الخارجية المغربية"], ["وزارة الخارجية المغربية"]]
