"""Whether a token continues the phrase of the one before it, read one way for the mention
components (``Context.spaced``) and for the stages after them (``DocumentTokens``)."""

from __future__ import annotations

from kg.document import build
from kg.lexicon import lexicon
from kg.mentions.agreements_told import DocumentTokens
from kg.mentions.base import Context, TokenView


def test_document_tokens_join_as_the_components_view_does() -> None:
    # وقع الطرفان اتفاقا ، أمس في العاصمة . ثم عادا
    text = "وقع الطرفان اتفاقا،  أمس\tفي العاصمة.\nثم عادا"
    doc = build(text)
    tokens = DocumentTokens(text, doc.tokens)
    view = TokenView(Context.of(doc, lexicon(), None))
    # spaces and a tab join; a comma and a sentence's end do not; nothing past either end
    expected = [True, True, False, True, True, False, True, False]
    assert [tokens.joined(i) for i in range(len(doc.tokens))] == expected
    assert [view.joined(i) for i in range(len(doc.tokens) - 1)] == expected[:-1]
    assert not tokens.joined(-1)
