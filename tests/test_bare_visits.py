"""A visit told by its noun alone and tied to nobody and no place makes no node
(``kg.bare_visits``); one whose visitor or host the article names stays, through the pipeline."""

from __future__ import annotations

import pytest

from kg.bare_visits import drop_bare_visits
from kg.model import Article, Entity, Mention
from kg.pipeline import extract


def dialogues_of(text: str) -> dict[str, list[str]]:
    """Each dialogue node's label and participants."""
    (article,) = extract(text, "test")
    return {e.label_ar: e.participants for e in article.entities.values() if e.type == "Dialogue"}


@pytest.mark.parametrize(
    "text",
    [
        # postponed, and no visitor nor host in the article
        "وقالت الصحيفة إن الزيارة أرجئت إلى موعد لم يحدد بعد.",
        # a quarter called after the word
        "واشتكى سكان حي الزيارة من انقطاع الكهرباء طوال الأسبوع.",
        "وقال المتحدث إن الزيارة ستتم في موعدها.",
    ],
)
def test_a_visit_tied_to_nobody_makes_no_node(text: str) -> None:
    assert dialogues_of(text) == {}


def test_a_visit_whose_visitor_is_told_stays() -> None:
    text = "وصل وزير الخارجية الفرنسي جان إيف لودريان إلى بغداد يوم الأحد. وتستمر الزيارة يومين."
    (participants,) = dialogues_of(text).values()
    assert "country/france" in participants


def test_only_the_bare_visit_and_its_mentions_go() -> None:
    bare = Entity(key="dialogue/visit-1", type="Dialogue", label_ar="الزيارة")
    named = Entity(key="dialogue/visit-2", type="Dialogue", label_ar="الزيارة", location="country/oman")
    talks = Entity(key="dialogue/talks-1", type="Dialogue", label_ar="المحادثات")
    article = Article(source="test", text="x")
    article.entities = {e.key: e for e in (bare, named, talks)}
    article.mentions = [
        Mention(start=0, end=1, text="الزيارة", type="Dialogue", entity=bare.key),
        Mention(start=2, end=3, text="الزيارة", type="Dialogue", entity=named.key),
    ]
    drop_bare_visits(article)
    assert set(article.entities) == {named.key, talks.key}
    assert [m.entity for m in article.mentions] == [named.key]
