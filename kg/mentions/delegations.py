"""A delegation sent or going somewhere, or sent to negotiate, as the visit or talks it stands for
(issue 18): "أرسلت القاهرة وفدا أمنيا إلى غزة"، "وصل وفد من الكونغرس إلى عمان"، "وفد التفاوض
الروسي". No head noun names such an event: the delegation's phrase, with where it goes, is what
the article calls it. A delegation with no destination and no talks (قال الوفد، الوفد المرافق
له) is no event.

The phrase runs from the delegation's word over its description (its kind, its nationality,
"من X", the body it comes from) to its destination, after إلى or لـ. Who sent it and where it
goes are left to the relations stage as the event's sides.

A delegation that is the subject or object of a verb of visiting ("وفد X زار Y"، "يزور وفد X
Y") is left alone: such a clause tells a visit the article mostly names elsewhere (زيارة رسمية)
or a round of talks it was part of ("في إطار حوار ..."), whose node it would duplicate.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.lexicon import word_set
from kg.mentions.base import TokenView
from kg.mentions.event_places import after_for, destination_end, relational
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import CONJUNCTIONS, NAMED_ACTORS, PLACES, VISIT_TO
from kg.model import MentionType, Source
from kg.text import strip_article

#: A delegation, one or two (وفد، وفدا، وفدين، وفدي).
_DELEGATIONS = word_set("event_words", "delegation")
#: Words that make a delegation's phrase its talks (وفد التفاوض، الوفد المفاوض).
_NEGOTIATING = word_set("event_words", "negotiating")
#: Words of its rank between a delegation and its destination (رفيع المستوى), and the word
#: before whom it comes from (من), read only before a name.
_DESCRIBING, _FROM = word_set("event_words", "delegation_describing"), word_set("event_words", "delegation_from")
#: Most words between an event's phrase and the delegation that makes it (قام بها).
_EVENT_GAP = 3
#: Most words of a delegation's description.
_REACH = 6


def propose_delegations(view: TokenView) -> Iterator[Proposal]:
    """Delegations with a destination, or sent to negotiate, as Dialogue proposals."""
    for i in view.ctx.doc.tokens_reading(_DELEGATIONS):
        if i in view.claimed or _makes_an_event(view, i):
            continue
        skip = next((s for s, stem in view.tokens[i].readings if strip_article(stem) in _DELEGATIONS), 0)
        last, negotiating = _described_end(view, i)
        end = destination_end(view, last + 1) if view.joined(last) else None
        if end is None and negotiating:
            end = last
        if end is not None:
            # the delegation's word is all it claims: the actors and places named in its phrase
            # keep their own mentions, which the relations stage reads as the event's sides
            yield view.offer(MentionType.DIALOGUE, i, i, Source.HEAD_NOUN, skip, reach=end)


def _described_end(view: TokenView, i: int) -> tuple[int, bool]:
    """The last token of the delegation's description after token i ("وفدا أمنيا"، "وفد من
    الكونغرس الأمريكي"، "وفد الفصائل المفاوض"), and whether it tells the delegation negotiating.
    A place after لـ is where it goes."""
    last, negotiating = i, False
    while last + 1 < len(view.tokens) and last - i < _REACH and view.joined(last):
        k = last + 1
        word = view.tokens[k].folded
        if word in _FROM and k + 1 < len(view.tokens) and view.joined(k) and view.claimed.get(k + 1) in NAMED_ACTORS:
            last = view._claimed_end(k + 1)  # "وفد من الكونغرس": whom it comes from
            continue
        if word in VISIT_TO or any(stem in view.lex.stopwords for _, stem in view.tokens[k].readings):
            break
        if view.claimed.get(k) in (*NAMED_ACTORS, *PLACES):
            if view.claimed.get(k) in PLACES and after_for(view, k):
                break  # "لتل أبيب": its destination; "وفد للحوثيين": whose it is
            last = view._claimed_end(k)
        elif word in _NEGOTIATING:
            last, negotiating = k, True
        elif word in _DESCRIBING or _nisba(word):
            last = k
        else:
            break
    return last, negotiating


def _makes_an_event(view: TokenView, i: int) -> bool:
    """Whether the delegation at token i is who makes an event told just before it: "زيارة وفد
    المجلس إلى دمشق"، "زيارة قام بها وفد برلماني": that event's node is its visit."""
    for proposal in view.kept:
        end = proposal.last if proposal.reach is None else proposal.reach
        if proposal.kind == MentionType.DIALOGUE and not proposal.read_only and 0 < i - end <= _EVENT_GAP:
            if all(view.joined(k) for k in range(end, i)):
                return True
    return False


def _nisba(word: str) -> bool:
    """Whether a folded word is a relational adjective, its kind or nationality (أمنيا، سوري،
    عسكريين), not a noun that ends like a feminine one (بقيادة، رحلته)."""
    return relational(word, any_inflection=True) and not word.startswith(CONJUNCTIONS)


class Delegations(TokenView):
    """Delegations sent or going somewhere, or sent to negotiate."""

    rule = Rule.DELEGATION

    def propose(self) -> list[Proposal]:
        return list(propose_delegations(self))
