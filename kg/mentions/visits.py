"""A visit or tour told with how long it lasts: "في زيارة تستغرق يومين"، "زيارة رسمية تستمر ثلاثة
أيام"، "جولة تستمر لأربعة أيام" (issue 18). The head-noun rule leaves an indefinite visit nobody
is said to make as a mere word; its length makes it one visit, and the phrase with its length is
what it is called.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg import counts
from kg.lexicon import affix, definite, sense, single_word, word_set
from kg.mentions.base import TokenView
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import adjective_like
from kg.model import MentionType, Source
from kg.spans import fold

#: Visits and tours (زيارة، جولة).
_VISITS = frozenset({sense("head_nouns", "visit"), sense("head_nouns", "tour")})
#: The same, and with the alef of the indefinite accusative: the words a timed visit opens with.
_VISIT_WORDS = _VISITS | {visit + affix("accusative_alef") for visit in _VISITS}
#: The preposition a length may take after its verb (تستمر لأربعة أيام).
_FOR = single_word("function_words", "for")
#: Verbs that give how long an event lasts before its length (تستغرق، تستمر).
_LASTS = frozenset(w for w in word_set("date_words", "duration") if " " not in w)
#: Most adjectives between a visit and its length (زيارة رسمية قصيرة).
_MAX_ADJECTIVES = 2


def propose_timed_visits(view: TokenView) -> Iterator[Proposal]:
    """Indefinite visits and tours followed by how long they last."""
    for i in view.ctx.doc.tokens_reading(_VISIT_WORDS):
        token = view.tokens[i]
        skip = next((s for s, stem in token.readings if stem.removesuffix(affix("accusative_alef")) in _VISITS), None)
        if skip is None or i in view.claimed:
            continue
        last = i
        while last - i < _MAX_ADJECTIVES and last + 1 < len(view.tokens) and view.joined(last):
            word = view.tokens[last + 1].folded
            if definite(word) or not adjective_like(word) or word in _LASTS:
                break
            last += 1
        verb = last + 1
        if verb + 1 >= len(view.tokens) or not view.joined(last) or view.tokens[verb].folded not in _LASTS:
            continue
        if not view.joined(verb):
            continue
        end = verb + 1  # its length: one word (يومين، أسبوعاً), or a count and its unit (ثلاثة أيام)
        if view.tokens[end].folded in _LASTS and end + 1 < len(view.tokens) and view.joined(end):
            end += 1  # "تستمر لمدة يومين"
        length = fold(view.text[view.tokens[end].start : view.tokens[end].end])  # the number grammar's fold
        if length.startswith(_FOR) and counts.is_count(length[len(_FOR) :]):
            length = length[len(_FOR) :]  # "لأربعة أيام"
        if counts.is_count(length) and end + 1 < len(view.tokens) and view.joined(end):
            end += 1
        if any(k in view.claimed for k in range(i, end + 1)):
            continue
        yield view.offer(MentionType.DIALOGUE, i, end, Source.HEAD_NOUN, skip)


class TimedVisits(TokenView):
    """Indefinite visits and tours followed by how long they last."""

    rule = Rule.TIMED_VISIT

    def propose(self) -> list[Proposal]:
        return list(propose_timed_visits(self))
