"""Districts and the adjectives of a kind of place, read for ``kg.mentions.heads.HeadPhrases``.

"مديرية" before a place's name is a district (مديرية كتاف، مديرية الدريهمي: Yemen's), a Place,
and "مركز" in construct with one is the district's seat (مركز مديرية حيس); before an office's
domain it is a directorate, a body (مديرية الأمن، مديرية حماية الملكية، مديرية الجرائم الكبرى).
A nisba agreeing with a kind of place after a bare name is the kind's adjective, no part of the
name (مدينة أجدابيا الساحلية، مديرية رازح الحدودية). The pronoun after a force's word of backing or
alliance is part of the force's name (الفصائل الموالية لها). A dual kind of place names two
places, each a Place of its own (بلدتي الفوعة وكفريا، مديريتي حيس والجراحي: ``NamedPairs``).
"""

from __future__ import annotations

from kg.lexicon import definite
from kg.mentions.base import TokenView
from kg.mentions.event_places import relational
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import (
    AND,
    ARTICLE,
    COUNTRY,
    DISTRICT_OFFICES,
    DISTRICT_SEATS,
    DISTRICTS,
    DUAL_CONSTRUCT,
    FEMININE,
    FOR,
    NISBA,
    PLACE,
    PLACE_CATEGORIES,
    TIE_PRONOUNS,
    TIES,
    direction_word,
)
from kg.model import Source
from kg.text import strip_article

#: The duals in construct of the kinds of place (بلدتي، مدينتي، محافظتي، مديريتي).
DUAL_KINDS = frozenset(
    kind[: -len(FEMININE)] + ending
    for kind in PLACE_CATEGORIES | DISTRICTS
    if kind.endswith(FEMININE)
    for ending in DUAL_CONSTRUCT
)


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


class NamedPairs(TokenView):
    """Two places a dual kind of place names, "X وY" right after it (بلدتي الفوعة وكفريا، مديريتي
    حيس والجراحي): each a Place of its own, a name the gazetteer knows keeping its mention."""

    rule = Rule.HEAD

    def propose(self) -> list[Proposal]:
        for i in self.ctx.doc.tokens_reading(DUAL_KINDS):
            first, second = i + 1, i + 2
            if second >= len(self.tokens) or not (self.joined(i) and self.joined(first)):
                continue
            if i in self.claimed or not self.tokens[second].folded.startswith(AND):
                continue
            # "وكفر بطنا": the second name goes on with a bare word the phrase does not end at
            last = second + 1 if second + 1 < len(self.tokens) and self._name_goes_on(second) else second
            names = [(first, first, 0), (second, last, len(AND))]
            if all(k in self.claimed or self._name(k, skip) for k, _last, skip in names):
                kind = next(stem for _, stem in self.tokens[i].readings if stem in DUAL_KINDS)
                kind = next(kind[: -len(end)] for end in DUAL_CONSTRUCT if kind.endswith(end)) + FEMININE
                for k, end, skip in names:
                    if k not in self.claimed:  # "محافظتي حجة وصنعاء": the known محافظة حجة
                        known = self.lex.lookup([kind, *(t.folded for t in self.tokens[k : end + 1])])
                        source = Source.GAZETTEER if known else Source.HEAD_NOUN
                        self.add(PLACE, k, end, source, skip, entity=known)
        return self.proposals

    def _name_goes_on(self, k: int) -> bool:
        """Whether the bare word after token k, in its phrase, is the rest of its name: one the
        tagger is sure of (وكفر بطنا; not وعربين أكثر، والفوعة تنفيذا)."""
        word = self.tokens[k + 1].folded
        return self.joined(k) and not definite(word) and self._name(k + 1, 0) and self._sure_name_word(k + 1)

    def _name(self, k: int, skip: int) -> bool:
        """Whether token k, its first ``skip`` letters (و) left out, can be a place's name."""
        word = self.tokens[k].folded[skip:]
        return len(word) > 2 and self.ctx.word_tests.may_name(word) and not direction_word(word)
