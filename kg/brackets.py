"""Short names in brackets: "وكالة الأنباء الكويتية (كونا)" names one body twice, as a one-word
short name in quotation marks does (وكالة الأنباء الفلسطينية "وفا").

Read by the resolve stage (``kg.resolve``) before it keys a body by its own words.
"""

from __future__ import annotations

import bisect

from kg.model import Mention, Source
from kg.naming import ResolveState, bare, name_words

#: Types a bracketed short name may abbreviate, and the brackets.
_BODY_TYPES = ("Organization", "Force")
_OPEN, _CLOSE = "(", ")"
#: Quotation marks that set off a one-word short name as brackets do (وكالة الأنباء الفلسطينية "وفا").
_QUOTES = {'"': '"', "\u00ab": "\u00bb", "\u201c": "\u201d"}


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
    if full is None or full.type != mention.type or not _enclosed(text, full.end, mention, quoted=len(words) == 1):
        return None
    state.abbreviations[words] = full.entity
    return full.entity


def _enclosed(text: str, after: int, mention: Mention, quoted: bool) -> bool:
    """Whether ``mention`` stands in brackets right after ``after`` (the end of a body's name),
    or, ``quoted`` (a one-word short name), in quotation marks."""
    opening = text[after : mention.start].strip()
    closing = {_OPEN: _CLOSE, **(_QUOTES if quoted else {})}.get(opening)
    return closing is not None and text[mention.end :].lstrip()[:1] == closing


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
