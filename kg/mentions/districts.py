"""Districts and the adjectives of a kind of place, read for ``kg.mentions.heads.HeadPhrases``.

"مديرية" before a place's name is a district (مديرية كتاف، مديرية الدريهمي: Yemen's), a Place,
and "مركز" in construct with one is the district's seat (مركز مديرية حيس); before an office's
domain it is a directorate, a body (مديرية الأمن، مديرية حماية الملكية، مديرية الجرائم الكبرى).
A nisba agreeing with a kind of place after a bare name is the kind's adjective, no part of the
name (مدينة أجدابيا الساحلية، مديرية رازح الحدودية). The pronoun after a force's word of backing or
alliance is part of the force's name (الفصائل الموالية لها).
"""

from __future__ import annotations

from kg.lexicon import definite
from kg.mentions.base import TokenView
from kg.mentions.event_places import relational
from kg.mentions.words import (
    ARTICLE,
    COUNTRY,
    DISTRICT_OFFICES,
    DISTRICT_SEATS,
    DISTRICTS,
    FEMININE,
    FOR,
    NISBA,
    PLACE,
    PLACE_CATEGORIES,
    TIE_PRONOUNS,
    TIES,
)
from kg.text import strip_article


def district_at(view: TokenView, i: int) -> bool:
    """Whether the indefinite district head at token i (مديرية) is followed by a place's name: a
    known place, or a word that can name with no office's domain (أمن، الصحة) nor a purpose
    (للحماية) in it, no noun in construct (حماية الملكية) and no adjective of its own after it,
    only one that agrees with the district (رازح الحدودية; not الجرائم الكبرى، التوجيه المعنوي)."""
    tokens = view.tokens
    if i + 1 >= len(tokens) or tokens[i].stem() not in DISTRICTS or not view.joined(i):
        return False
    word = tokens[i + 1].folded
    if view.claimed.get(i + 1) in (PLACE, COUNTRY):
        return True  # "مديرية المخا": a known place's district
    if not view.is_word(i + 1) or strip_article(word) in DISTRICT_OFFICES or word.startswith(FOR):
        return False
    if not definite(word) and word.endswith(FEMININE):
        return False
    after = tokens[i + 2].folded if i + 2 < len(tokens) and view.joined(i + 1) else ""
    return not (definite(after) and not after.endswith(FEMININE))


def district_seat(view: TokenView, i: int) -> bool:
    """Whether token i is a district's seat in construct with a named district (مركز مديرية حيس)."""
    return view.tokens[i].stem() in DISTRICT_SEATS and district_at(view, i + 1)


def agrees(view: TokenView, head: int, word: str) -> bool:
    """Whether the definite folded word agrees as an adjective with the feminine place head at
    token ``head`` (مدينة ... المطلة). After a masculine head agreement shows in no ending that a
    name's last word lacks (مطار رفيق الحريري في بيروت)."""
    bare = word[len(ARTICLE) :]
    return view.tokens[head].stem().endswith(FEMININE) and bare.endswith(FEMININE) and len(bare) > 3


def kind_adjective(view: TokenView, head: int, word: str) -> bool:
    """Whether the definite folded word after a bare name is an adjective of the kind of place at
    token ``head`` (a nisba agreeing with it), not the name's; a facility keeps its own (قاعدة
    حميميم العسكرية)."""
    bare_name = not definite(view.tokens[head + 1].folded)
    nisba = relational(word) and len(strip_article(word)) > len(NISBA) + 3  # الحدودية، not الفقيه
    kinds = PLACE_CATEGORIES | DISTRICTS
    return bare_name and view.tokens[head].stem() in kinds and agrees(view, head, word) and nisba


def tie_pronoun_end(view: TokenView, last: int) -> int:
    """The end of a force's name at token ``last``, with the pronoun after its word of backing or
    alliance (الفصائل الموالية لها، الميليشيات المتحالفة معه)."""
    word = view.tokens[last].folded
    tied = word in TIES or strip_article(word) in TIES
    if tied and last + 1 < len(view.tokens) and view.joined(last):
        return last + (view.tokens[last + 1].folded in TIE_PRONOUNS)
    return last
