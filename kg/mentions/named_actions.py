"""Agreements and operations named by what they do, which the head-noun chain does not read
(issue 18).

- A ceasefire agreement: an agreement head with "لوقف إطلاق النار" after it ("اتفاق لوقف إطلاق
  نار في قطاع غزة", with where it holds); the ceasefire alone later ("وقف إطلاق النار"، "وقف
  النار") is a reference back to it (``Source.WEAK``: resolve ties it to the agreement told, or
  drops it when none was).
- A resolution named by its number: "قرار مجلس الأمن رقم 2254"، "القرار الأممي (2216)"، "القرار
  2254" (an Agreement: the states it binds are not told in the phrase). The words between the
  noun and its number are the body that passed it, its relational adjectives and رقم; a year
  (قرار في عام 2013) is no number of a resolution.
- A military operation named in quotation marks after its noun (عملية "عاصفة الحزم") is a
  Force, and so is every other writing of that name in the article, quoted or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import definite, tokenize, word_set
from kg.mentions.base import TokenView
from kg.mentions.event_places import relational
from kg.mentions.events import relative_end
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import AND, RELATIVE_WORDS
from kg.model import MentionType, Source

#: The words of "وقف إطلاق النار", in order; the middle one may be left out (وقف النار).
_CEASE, _FIRE_OPEN, _FIRE = (word_set("force_words", label) for label in ("cease", "fire_open", "fire"))
_OPERATION = word_set("force_words", "operation")
_IN = word_set("function_words", "in")
_OPEN_QUOTE_RE = re.compile('^[ \t\u00a0]*["\u201c\u00ab][ \t\u00a0]*$')
_CLOSE_QUOTE_RE = re.compile('^[ \t\u00a0]*["\u201d\u00bb]')
#: Nouns of a resolution (قرار) and the word that gives its number (رقم).
_RESOLUTION, _NUMBERED = word_set("event_words", "resolution"), word_set("event_words", "numbered")
#: A resolution's number: three or four digits (2216), not a year's word before it.
_RESOLUTION_NUMBER_RE = re.compile(r"^\d{3,4}$")
#: The gap before a number may open a bracket: "القرار (2231)".
_NUMBER_GAP_RE = re.compile(r"^[ \t\u00a0]*\(?[ \t\u00a0]*$")
#: Most words between a resolution's noun and its number (مجلس الأمن الدولي رقم).
_MAX_RESOLUTION_WORDS = 5
#: Most words of an operation's name (عاصفة الحزم، نبع السلام، درع الفرات).
_MAX_NAME_WORDS = 4
#: The verbal noun of reaching an agreement (تم التوصل إليه), besides the verbs of agreeing.
_REACHED = word_set("date_words", "reached")
#: Who the sides of a ceasefire may be.
_SIDES = (MentionType.COUNTRY, MentionType.ORGANIZATION, MentionType.FORCE, MentionType.PERSON)


def propose_named_actions(view: TokenView) -> Iterator[Proposal]:
    """Ceasefire agreements and their references back, then operations and their names."""
    agreement_heads = view.lex.single_heads["Agreement"] - view.lex.committed_heads
    taken: set[int] = set()
    for i in view.ctx.doc.tokens_reading(agreement_heads | _CEASE):  # the tokens _ceasefire may open at
        if i in view.claimed or i in taken:
            continue
        proposal = _ceasefire(view, i, agreement_heads)
        if proposal is not None:
            taken.update(range(proposal.first, proposal.last + 1))
            yield proposal
    for i in view.ctx.doc.tokens_reading(_RESOLUTION):
        if i not in view.claimed and i not in taken and (proposal := _resolution(view, i)) is not None:
            taken.update(range(proposal.first, proposal.last + 1))
            yield proposal
    for name in _operation_names(view):
        yield from _writings(view, name, taken)


def _bare(word: str) -> str:
    return word[2:] if definite(word) else word


def _ceasefire_end(view: TokenView, i: int) -> int | None:
    """The last token of "وقف (إطلاق) النار" starting at token i, else None."""
    if not any(stem in _CEASE for _, stem in view.tokens[i].readings):
        return None
    k = i + 1
    if k < len(view.tokens) and view.joined(k - 1) and view.tokens[k].folded in _FIRE_OPEN:
        k += 1
    if k < len(view.tokens) and view.joined(k - 1) and _bare(view.tokens[k].folded) in _FIRE:
        return k
    return None


def _ceasefire(view: TokenView, i: int, heads: frozenset[str]) -> Proposal | None:
    """ "اتفاق لوقف إطلاق النار في غزة" (an agreement), or "وقف إطلاق النار" (a reference back)."""
    skip, stem = view.tokens[i].readings[-1]
    if _bare(stem) in heads and i + 1 < len(view.tokens) and view.joined(i):
        end = _ceasefire_end(view, i + 1)
        if end is None:
            return None
        reach = end
        if end + 2 < len(view.tokens) and view.joined(end) and view.tokens[end + 1].folded in _IN:
            if view.joined(end + 1) and view.claimed.get(end + 2) in ("Country", "Place"):
                reach = end + 2
                while view.claimed.get(reach + 1) == view.claimed[end + 2] and view.joined(reach):
                    reach += 1
        return view.offer(MentionType.AGREEMENT, i, end, Source.HEAD_NOUN, skip, reach=reach)
    end = _ceasefire_end(view, i)
    if end is None:
        return None
    skip = next(s for s, w in view.tokens[i].readings if w in _CEASE)
    if (sides := _reached_by(view, end)) is not None:
        return view.offer(MentionType.AGREEMENT, i, end, Source.HEAD_NOUN, skip, reach=sides)
    return view.offer(MentionType.AGREEMENT, i, end, Source.WEAK, skip)


def _reached_by(view: TokenView, end: int) -> int | None:
    """The last token of the sides a reaching clause names after a bare ceasefire ending at token
    ``end`` ("وقف إطلاق النار الذي تم التوصل إليه بين X وY"، "الذي توصلت إليه X مع Y"): such a
    ceasefire is an agreement of the article's own, not a reference back; else None."""
    k = end + 1
    if k >= len(view.tokens) or not view.joined(end) or view.tokens[k].folded not in RELATIVE_WORDS:
        return None
    stop = relative_end(view, k, MentionType.AGREEMENT)
    reached = stop is not None and any(
        stem in view.lex.agreement_verbs or stem in _REACHED
        for t in range(k + 1, stop + 1)
        for _, stem in view.tokens[t].readings
    )
    first = (stop or 0) + 2
    if not reached or first >= len(view.tokens) or view.claimed.get(first) not in _SIDES:
        return None
    last = view._claimed_end(first)
    if view.joined(last) and view.tokens[last + 1].folded.startswith(AND) and view.claimed.get(last + 1) in _SIDES:
        last = view._claimed_end(last + 1)
    return last


def _resolution(view: TokenView, i: int) -> Proposal | None:
    """ "قرار مجلس الأمن الدولي رقم 2254"، "القرار الأممي (2216)": a resolution up to its number."""
    skip = next((s for s, stem in view.tokens[i].readings if _bare(stem) in _RESOLUTION), None)
    if skip is None:
        return None
    k = i
    while k + 1 < len(view.tokens) and k - i <= _MAX_RESOLUTION_WORDS and view.joined(k, _NUMBER_GAP_RE):
        word = view.tokens[k + 1].folded
        if _RESOLUTION_NUMBER_RE.match(word):
            # the body that passed it keeps its own mention inside the resolution's
            held = frozenset(view.claimed.keys() & range(i, k + 2))
            return Proposal(MentionType.AGREEMENT, i, k + 1, Source.HEAD_NOUN, skip, rule=view.rule, held=held)
        if not view.joined(k):
            return None  # a bracket opens only before the number
        if view.claimed.get(k + 1) == MentionType.ORGANIZATION:
            k = view._claimed_end(k + 1)  # the body that passed it: "مجلس الأمن"
        elif word in _NUMBERED or (k + 1 not in view.claimed and definite(word) and relational(word)):
            k += 1  # "رقم"، "الأممي"، "الدولي"
        else:
            return None
    return None


def resolution_number(text: str) -> str | None:
    """The number of a resolution's phrase ("لقرار الأممي رقم (2216" -> "2216"), else None: one
    resolution however an article names its body or writes رقم and brackets, so it is keyed by
    its number alone."""
    tokens = tokenize(text)
    if len(tokens) < 2 or not _RESOLUTION_NUMBER_RE.match(tokens[-1].folded):
        return None
    heads = {_bare(stem) for _, stem in tokens[0].readings}
    return tokens[-1].folded if heads & _RESOLUTION else None


def _operation_names(view: TokenView) -> list[tuple[str, ...]]:
    """The folded words of each name in quotation marks that an operation noun stands before,
    there (عملية "عاصفة الحزم") or at another writing of it (عملية عاصفة الحزم ... "عاصفة الحزم")."""
    quoted = {}  # folded words of a quoted phrase -> whether an operation noun is right before it there
    for i in view.before_open_quotes():
        if not _OPEN_QUOTE_RE.match(view.gap(i)):
            continue
        for last in range(i + 1, min(i + 1 + _MAX_NAME_WORDS, len(view.tokens) - 1)):
            if _CLOSE_QUOTE_RE.match(view.gap(last)):
                name = tuple(view.tokens[k].readings[-1][1] for k in range(i + 1, last + 1))
                quoted[name] = quoted.get(name, False) or _operation(view, i)
                break
            if not view.joined(last):
                break
    operations: list[int] | None = None  # the operation nouns' tokens, found once if a name needs them
    names = []
    for name, after_noun in quoted.items():
        if _common(view, name[0]):
            continue
        if not after_noun and operations is None:
            # the index gives the tokens with a reading among the nouns, or among them without
            # its article: those _operation accepts, and a few it refuses
            operations = [i for i in view.ctx.doc.tokens_reading(_OPERATION) if _operation(view, i)]
        if after_noun or _after_noun_unquoted(view, name, operations):
            names.append(name)
    return names


def _common(view: TokenView, word: str) -> bool:
    """Whether a name's first word is a head noun or a function word: "الحوار الوطني" after
    عملية is a process of talks, no operation."""
    return word in view.lex.stopwords or _bare(word) in view.lex.heads


def _operation(view: TokenView, i: int) -> bool:
    """Whether token i is an operation noun (عملية)."""
    return any(stem in _OPERATION for _, stem in view.tokens[i].readings)


def _after_noun_unquoted(view: TokenView, name: tuple[str, ...], operations: list[int]) -> bool:
    """Whether the name is written somewhere right after an operation noun (at a token of
    ``operations``) without quotation marks."""
    size = len(name)
    return any(
        view.joined(i) and tuple(t.readings[-1][1] for t in view.tokens[i + 1 : i + 1 + size]) == name
        for i in operations
        if i < len(view.tokens) - size
    )


def _writings(view: TokenView, name: tuple[str, ...], taken: set[int]) -> Iterator[Proposal]:
    """Every writing of an operation's name in the article, with its noun when it has one
    before it unquoted (عملية عاصفة الحزم)."""
    size = len(name)
    for i in range(len(view.tokens) - size + 1):
        if tuple(view.tokens[k].readings[-1][1] for k in range(i, i + size)) != name:
            continue
        first = view.tokens[i].readings[-1][0]
        if any(k in view.claimed or k in taken for k in range(i, i + size)):
            continue
        if any(not view.joined(k) for k in range(i, i + size - 1)):
            continue
        start = i
        if i > 0 and view.joined(i - 1) and _operation(view, i - 1):
            start, first = i - 1, view.tokens[i - 1].readings[-1][0]
        taken.update(range(start, i + size))
        yield view.offer(MentionType.FORCE, start, i + size - 1, Source.HEAD_NOUN, first)


class NamedActions(TokenView):
    """Ceasefire agreements and their references back; military operations by their quoted names."""

    rule = Rule.NAMED_ACTION

    def propose(self) -> list[Proposal]:
        return list(propose_named_actions(self))
