"""Short names in brackets: "وكالة الأنباء الكويتية (كونا)" names one body twice.

Read by the resolve stage (``kg.resolve``) before it keys a body by its own words.
"""

from __future__ import annotations

import bisect

from kg.model import Mention, Source
from kg.naming import ResolveState, bare, name_words

#: Types a bracketed short name may abbreviate, and the brackets.
_BODY_TYPES = ("Organization", "Force")
_OPEN, _CLOSE = "(", ")"


def abbreviation(state: ResolveState, mention: Mention, kept: list[Mention]) -> str | None:
    """ "وكالة الأنباء الكويتية (كونا)": a short name in brackets right after a body's name is
    that body, there and wherever the article writes it again."""
    if mention.type not in _BODY_TYPES or mention.source in (Source.GAZETTEER, Source.DUAL):
        return None
    words = bare(name_words(mention.text))
    if words in state.abbreviations:
        return state.abbreviations[words]
    text = state.article.text
    full = kept[-1] if kept else None
    if (
        full is None
        or full.type != mention.type
        or text[full.end : mention.start].strip() != _OPEN
        or text[mention.end :].lstrip()[:1] != _CLOSE
    ):
        return None
    state.abbreviations[words] = full.entity
    return full.entity


def named_in_brackets(state: ResolveState, mention: Mention, mentions: list[Mention]) -> str | None:
    """ "وكالة الأنباء السورية الرسمية (سانا)"، "وزارة الدفاع (البنتاغون)": a body's name right
    before the short name in brackets of a body the gazetteer knows is that body."""
    if mention.type not in _BODY_TYPES or mention.source in (Source.GAZETTEER, Source.DUAL):
        return None
    text = state.article.text
    known = next(iter(mentions[bisect.bisect_right(mentions, mention.end, key=lambda m: m.start) :]), None)
    if (
        known is None
        or known.source != Source.GAZETTEER
        or known.type != mention.type
        or text[mention.end : known.start].strip() != _OPEN
        or text[known.end :].lstrip()[:1] != _CLOSE
    ):
        return None
    return known.entity
