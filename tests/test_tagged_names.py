"""kg.mentions.tagged and kg.mentions.people: where names begin."""

from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.model import Article


def test_a_name_grown_around_a_known_given_name_leaves_the_list_s_and_out():
    text = "قتل في الغارة كل من أبو محمد الحلبي ووليد فارس الناصر."
    article = find_mentions(Article(source="t", text=text))
    people = [m.text for m in article.mentions if m.type == "Person"]
    assert "وليد فارس الناصر" in people


def test_a_name_before_its_title_leaves_the_list_s_and_out():
    text = "وحضر الاجتماع سامر الخطيب مدير المكتب، وموسى العلي وزير الخارجية."
    article = find_mentions(Article(source="t", text=text))
    assert "موسى العلي" in [m.text for m in article.mentions if m.type == "Person"]


def _people(text: str) -> list[str]:
    return [m.text for m in find_mentions(Article(source="t", text=text)).mentions if m.type == "Person"]


@pytest.mark.parametrize(
    "text, role, name",
    [
        ("وقال المتحدث باسمها أحمد سليمان إن العدد ارتفع.", "المتحدث باسمها", "أحمد سليمان"),
        ("ونقلت عن المتحدثة الرسمية باسمه ليلى حسن قولها إن العدد ارتفع.", "المتحدثة الرسمية باسمه", "ليلى حسن"),
    ],
)
def test_a_spokesman_on_behalf_of_a_body_named_before_is_followed_by_his_name(text, role, name):
    assert _people(text) == [role, name]


def test_a_rank_with_its_article_the_tagger_runs_into_a_name_is_no_part_of_it():
    text = "وقالت القيادة في تصريح من المتحدث باسمها الكولونيل جون بيترسون، بأن القوات انسحبت."
    assert "جون بيترسون" in _people(text)
