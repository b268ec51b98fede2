"""Whose an event is by the possessor pronoun of its noun, and who answers from it "for their
part" in the sentences after (``kg.referents``), through the relations stage.

Each case gives the mentions the earlier stages would give (``tests.mentioned``) and asserts the
exact set: a side missing or a spurious one fails it.
"""

from __future__ import annotations

import pytest

from tests.test_participants import ALGERIA, EGYPT, JORDAN, KUWAIT, SAFADI, SAUDI, SISI, SUDAN, make_article


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        (  # "his meeting": the person before it, far from it, with his state
            "وقال وزير الخارجية الأردني أيمن الصفدي للصحفيين في جدة بعد يومين من لقائه بالرئيس المصري "
            "عبد الفتاح السيسي إن التنسيق مستمر.",
            {SAFADI, JORDAN, SISI, EGYPT},
        ),
        (  # the nearest person, whom a relative clause refers back to, not the sentence's subject
            "وتحدث عبد الفتاح السيسي عن أيمن الصفدي، الذي غادر بعد زيارته إلى الكويت.",
            {SAFADI, JORDAN, KUWAIT},
        ),
        (  # "her meeting" inside a quotation is no one's outside it
            'وقالت الكويت: "الحكومة عقدت اجتماعها مع السعودية".',
            {SAUDI},
        ),
        (  # and its speaker is no side of talks "with" someone in it
            'وقال أيمن الصفدي: "الحكومة عقدت اجتماعها مع السعودية".',
            {SAUDI},
        ),
    ],
)
def test_the_possessor_of_an_event_noun_takes_part(text: str, participants: set[str]) -> None:
    found = make_article(text).entities["dialogue/talks"].participants
    assert set(found) == participants, found


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # "its understanding with": the state before it, besides the side after مع
        ("وانتظرت مصر تنفيذ تفاهمها مع السودان.", {EGYPT, SUDAN}),
        # a person is no "her"
        ("وقال أيمن الصفدي إن تفاهمها مع السودان صامد.", {SUDAN}),
    ],
)
def test_the_possessor_of_an_agreement_noun_is_a_party(text: str, parties: set[str]) -> None:
    found = make_article(text).entities["agreement/mou"].parties
    assert set(found) == parties, found


@pytest.mark.parametrize(
    ("second", "participants"),
    [
        # one who speaks "for his part" in the next sentence answers from the same event
        ("وأكد وزير الخارجية الأردني أيمن الصفدي من جانبه أن التعاون ضروري.", {SISI, EGYPT, SAFADI, JORDAN}),
        ("وأكد أيمن الصفدي بدوره أن التعاون ضروري.", {SISI, EGYPT, SAFADI, JORDAN}),
        # without those words he is no participant
        ("وأكد أيمن الصفدي أن التعاون ضروري.", {SISI, EGYPT}),
        # the subject right after them when they open the sentence, also on the next line
        ("من جانبه، قال وزير الخارجية الأردني أيمن الصفدي إن التعاون ضروري.", {SISI, EGYPT, SAFADI, JORDAN}),
        ("\nمن جهته، قال أيمن الصفدي إن التعاون ضروري.", {SISI, EGYPT, SAFADI, JORDAN}),
        # but not one named further on in that sentence
        ("من جانبه، رحب البرلمان بما قاله أيمن الصفدي.", {SISI, EGYPT}),
        # the answers go on past one sentence that is none
        ("وأضاف أن الأمر عاجل. من جهته، قال أيمن الصفدي إن التعاون ضروري.", {SISI, EGYPT, SAFADI, JORDAN}),
        # and end after two
        ("وأضاف أن الأمر عاجل. وتابع أن الحل قريب. من جهته، قال أيمن الصفدي إن التعاون ضروري.", {SISI, EGYPT}),
    ],
)
def test_one_who_speaks_for_his_part_next_is_at_the_same_event(second: str, participants: set[str]) -> None:
    article = make_article(f"وقال الرئيس المصري عبد الفتاح السيسي خلال حفل التوقيع إن الأمر مهم. {second}")
    assert set(article.entities["dialogue/signing"].participants) == participants


def test_no_one_answers_at_an_event_nobody_was_put_at() -> None:
    text = "وقال عبد الفتاح السيسي بعد حفل التوقيع إن الأمر مهم. وأكد أيمن الصفدي من جانبه أن التعاون ضروري."
    article = make_article(text)
    assert article.entities["dialogue/signing"].participants == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # "his withdrawal" from it: the person before, for his state
        ("وأعلن الرئيس الجزائري عبد المجيد تبون أمس انسحابه من الاتفاقية الأمنية.", {ALGERIA}),
        # a state may be "his" too, and the reporter of the words is no party
        ("وقال أيمن الصفدي إن السودان أعلن انسحابه من الاتفاقية الأمنية.", {SUDAN}),
        # "her withdrawal": the state before, not one after a preposition
        ("وفرضت الكويت عقوبات على مصر منذ انسحابها من الاتفاقية الأمنية.", {KUWAIT}),
        # the withdrawal noun after the clitic ل, its subject after it
        ("ودعت مصر إلى الاستعداد لانسحاب السودان من الاتفاقية الأمنية.", {SUDAN}),
    ],
)
def test_who_withdraws_from_an_agreement_was_bound_by_it(text: str, parties: set[str]) -> None:
    found = make_article(text).entities["agreement/security"].parties
    assert set(found) == parties, found
