"""kg.mentions.people: a feminine unnamed-title word (دبلوماسية، مسؤولة) after a plural noun is that
noun's adjective (مصادر دبلوماسية، جهود دبلوماسية), not a woman official; after a verb it is one.
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.model import Article


def people(text: str) -> set[str]:
    article = find_mentions(Article(source="t", text=text))
    return {m.text for m in article.mentions if m.type == "Person"}


@pytest.mark.parametrize(
    "text",
    [
        "وتتواصل جهود دبلوماسية حثيثة لوقف القتال في الجنوب.",
        "وأعلنت مصادر دبلوماسية عربية أن اللقاء أرجئ.",
    ],
)
def test_a_feminine_title_word_after_a_plural_noun_is_its_adjective(text: str) -> None:
    assert not any(name.startswith("دبلوماسية") for name in people(text))


def test_after_a_verb_it_is_a_woman_official() -> None:
    assert "دبلوماسية عربية" in people("وقالت دبلوماسية عربية إن اللقاء أرجئ.")
