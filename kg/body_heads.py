"""The head nouns a definite head refers back through (الصحيفة، الوزارة، الداخلية، المنظمة).

Each actor mention is listed under the first word of its label, under the first word it is
written with (a ministry's portfolio: الخارجية السعودية, then الخارجية), a ministry also under the
head it leaves out (الوزارة), and a name written after a body head that the mention leaves out
(صحيفة "واشنطن بوست"، منظمة هيومن رايتس ووتش) also under that head: "الصحيفة" and "المنظمة"
later are that body, not a new one.
"""

from __future__ import annotations

from kg import resources
from kg.actors import ACTOR_TYPES
from kg.cues import ARTICLE, FOR
from kg.lexicon import Lexicon
from kg.model import Article, Source
from kg.resolve import display
from kg.spans import MentionSpans
from kg.text import fold as lexicon_fold
from kg.title_holders import head_word

#: The ministry's head noun (وزارة), which a ministry written by its portfolio alone leaves out.
MINISTRY_HEAD = next(head_word(r["pattern"]) for r in resources.load("head_nouns") if r.get("sense") == "ministry")
#: What a body head is the head of: bodies only (صحيفة، منظمة), not places (سفارة is both).
_BODY_TYPES = frozenset({"Organization", "Force"})
#: How far before a name its head is looked for, and after it a word going on with it.
_HEAD_REACH_CHARS = 40
#: Quotation marks that may open a name after its head.
_QUOTES = '"\u201c\u00ab'


def headed_mentions(
    article: Article, text: str, mentions: MentionSpans, lex: Lexicon, outlets: frozenset[str]
) -> list[tuple[int, str, str]]:
    """(folded start, head word, key) of each actor mention under each head it is written or
    named with, sorted by start; ``text`` is the folded article text ``mentions`` index,
    ``outlets`` the heads of news outlets (صحيفة، وكالة)."""
    headed = []
    for start, end, mention in mentions:
        if mention.type not in ACTOR_TYPES or not mention.entity:
            continue
        heads = {head_word(display(article, mention, lex)), head_word(mention.text)}
        if mention.source == Source.MINISTRY:
            heads.add(MINISTRY_HEAD)
        if mention.type in _BODY_TYPES and (head := _head_before(text, start, end, lex, outlets)):
            heads.add(head)  # صحيفة "واشنطن بوست": the name without its head
        headed += [(start, head, mention.entity) for head in sorted(heads) if head]
    return headed


def _head_before(text: str, start: int, end: int, lex: Lexicon, outlets: frozenset[str]) -> str | None:
    """The body head written right before a name that leaves it out: an outlet's (صحيفة وول ستريت
    جورنال), or any body's before a quoted or Latin name (منظمة "القبعات البيضاء") or a name no
    definite word goes on after. "مفوضية الأمم المتحدة السامية" is a genitive, not a name."""
    lead = text[max(0, start - _HEAD_REACH_CHARS) : start].rstrip(" \t\u00a0")
    first = text[start : start + 1]
    quoted = lead[-1:] in _QUOTES or first.isascii() and first.isalpha()
    words = lead.rstrip(_QUOTES + " ").rsplit(None, 1)[-1:]
    if not words or lex.heads.get(lexicon_fold(words[0])) not in _BODY_TYPES:
        return None
    following = text[end : end + _HEAD_REACH_CHARS].split(None, 1)[:1]
    genitive = bool(following) and following[0].startswith((ARTICLE, FOR + ARTICLE[1:]))
    return head_word(words[0]) if words[0] in outlets or quoted or not genitive else None
