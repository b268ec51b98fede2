"""The states a counted plural ("الدول الثلاث"، "البلدان الأربعة") stands for at an event, through
the whole pipeline: the list of that many states the article has named (before it, or right after
it), else the last that many states it named."""

from __future__ import annotations

from kg.model import Article, Entity
from kg.pipeline import extract


def _article(text: str) -> Article:
    (article,) = extract(text, "test")
    return article


def _events(article: Article, kind: str) -> list[Entity]:
    return [e for e in article.entities.values() if e.type == kind]


def test_a_counted_plural_at_a_meeting_is_the_list_named_before_it() -> None:
    text = (
        "تبادلت الجزائر وتونس وليبيا رسائل بشأن أمن الحدود خلال الأسابيع الماضية. "
        "وقال مسؤول إن اجتماعا ضم وزراء الداخلية في الدول الثلاث سيعقد الشهر المقبل."
    )
    (meeting,) = _events(_article(text), "Dialogue")
    assert {"country/algeria", "country/tunisia", "country/libya"} <= set(meeting.participants)


def test_the_list_must_hold_as_many_states_as_the_number_says() -> None:
    text = (
        "تبادلت الجزائر وتونس رسائل بشأن أمن الحدود، وزار وفد من المغرب ومصر وليبيا والسودان العاصمة. "
        "وقال مسؤول إن اجتماعا ضم وزراء الداخلية في الدول الأربع سيعقد الشهر المقبل."
    )
    (meeting,) = _events(_article(text), "Dialogue")
    four = {"country/morocco", "country/egypt", "country/libya", "country/sudan"}
    assert four <= set(meeting.participants)
    assert "country/algeria" not in meeting.participants


def test_a_counted_plural_in_an_agreements_clause_names_its_parties() -> None:
    text = (
        "تتفاوض مصر والسودان وإثيوبيا منذ سنوات بشأن مياه النهر. "
        "ونصت الاتفاقية الموقعة عام 2015 على ألا تلحق أي من الدول الثلاث ضررا بالأخرى."
    )
    (agreement,) = _events(_article(text), "Agreement")
    assert {"country/egypt", "country/sudan", "country/ethiopia"} <= set(agreement.parties)


def test_states_before_an_agreement_that_speak_of_it_are_no_parties() -> None:
    text = (
        "رحبت النرويج وبريطانيا والولايات المتحدة بالخطوة. "
        "وقالت الدول الثلاث في بيان إن اتفاق السلام يحتاج إلى دعم دولي."
    )
    for agreement in _events(_article(text), "Agreement"):
        assert "country/norway" not in agreement.parties
