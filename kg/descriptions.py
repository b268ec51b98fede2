"""Descriptions that refer back (issue 18): a definite head noun followed only by epithets
names no body of its own. "التنظيم المتطرف" after تنظيم الدولة الإسلامية, "الميليشيات الانقلابية"
after ميليشيات الحوثي: such a description is the body of its type met last under that head
noun in the article, as news writes a group's name once and describes it after; so is an
organisation's head alone (المرصد after المرصد السوري لحقوق الإنسان), also when no head-noun list has it but a
body's own name opens with it. A description met before any body of its head stays a node of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.lexicon import Lexicon, definite, flagged_words
from kg.model import Entity
from kg.naming import ResolveState, name_words
from kg.text import strip_article

#: Adjectives that describe a named group and name none (المتطرف، الانقلابية).
EPITHETS = flagged_words("epithets", "describes")
#: Types a description may refer back to.
_BODY_TYPES = ("Organization", "Force")
#: The type a head alone may refer back to: a force's head alone (الشرطة، الجيش) is left to the
#: forces' own rules (``kg.same_forces``).
_HEAD_ALONE_TYPE = "Organization"


def described(state: ResolveState, mention_type: str, words: list[str]) -> str | None:
    """The key of the body a description (folded ``words``: head noun, then epithets only, or
    none) refers back to, else None."""
    if mention_type not in _BODY_TYPES or not words or not definite(words[0]):
        return None
    if len(words) == 1 and mention_type != _HEAD_ALONE_TYPE:
        return None
    if not all(word in EPITHETS for word in words[1:]):
        return None
    return state.last_body.get((mention_type, strip_article(words[0])))


def remember_body(lex: Lexicon, state: ResolveState, entity: Entity) -> None:
    """Record a body as the last met under each head noun its names open with."""
    if entity.type in _BODY_TYPES:
        for head in _heads(lex, entity):
            state.last_body[entity.type, head] = entity.key


def _heads(lex: Lexicon, entity: Entity) -> Iterator[str]:
    """The head nouns its labels (and its gazetteer names) open with: of the body's type, or of
    no type the head-noun list knows (مرصد)."""
    entry = lex.gazetteer.get(entity.key)
    labels = [entity.label_ar, *entity.alt_labels, *(entry.aliases if entry else ())]
    for label in labels:
        words = name_words(label)
        head = strip_article(words[0]) if words else ""
        if lex.heads.get(head) in (entity.type, None):
            yield head
