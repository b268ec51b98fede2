"""kg.mentions.tagged and kg.mentions.people: where names begin."""

from __future__ import annotations

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
