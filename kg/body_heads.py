"""The head nouns a definite head refers back through (الصحيفة، الوزارة، الداخلية، المنظمة).

Each actor mention is listed under the first word of its label, under the first word it is
written with (a ministry's portfolio: الخارجية السعودية, then الخارجية), a ministry also under the
head it leaves out (الوزارة), and a name written after a body head that the mention leaves out
(صحيفة "واشنطن بوست"، منظمة هيومن رايتس ووتش) also under that head: "الصحيفة" and "المنظمة"
later are that body, not a new one. A name followed by a genitive after ل is the body a longer
phrase belongs to (مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية), not the speaker itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg import resources
from kg.actors import ACTOR_TYPES
from kg.cues import ARTICLE, FOR
from kg.lexicon import Lexicon
from kg.model import Article, Source
from kg.resolve import display
from kg.spans import MentionSpans
from kg.text import fold as lexicon_fold
from kg.title_holders import head_word
from kg.unknown_names import INNER_GAP_RE, WORD_RE

if TYPE_CHECKING:
    from kg.speaker_phrases import PhraseReader

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


def genitive_end(reader: PhraseReader, word: re.Match[str], limit: int) -> int | None:
    """The end of a genitive after ل at ``word`` that goes on a body's name after its adjective
    (المرصد السوري لحقوق الإنسان، الهيئة الوطنية لشؤون اللاجئين): the noun with ل and the
    definite words after it, up to a date; None when none follows ("قالت الهيئة لوسائل الإعلام"
    is whom it spoke to) or ``word`` is no noun with ل."""
    text, end = reader.text, None
    if word.group()[:1] != FOR or word.group() in reader.lex.stopwords:
        return None
    for after in WORD_RE.finditer(text, word.end(), limit):
        if not INNER_GAP_RE.match(text[end or word.end() : after.start()]) or after.start() in reader.names.date_starts:
            break
        if not after.group().startswith(ARTICLE) or after.group() in reader.lex.stopwords:
            break
        end = after.end()
    return end


def genitive_after(reader: PhraseReader, end: int, limit: int) -> int | None:
    """The end of a genitive after ل right after a body's name ending at ``end`` (مكتب الأمم
    المتحدة لتنسيق الشؤون الإنسانية، مفوضية الأمم المتحدة لشؤون اللاجئين): the name is the body
    the phrase belongs to, and the phrase goes on to the genitive's end; None when none follows."""
    word = WORD_RE.search(reader.text, end, limit)
    if word is None or not INNER_GAP_RE.fullmatch(reader.text[end : word.start()]):
        return None
    return genitive_end(reader, word, limit)


def country_adjective(reader: PhraseReader, word: str) -> bool:
    """Whether a folded word after a definite head is a country's definite nisba (السفارة
    السعودية), which goes on with the head; any other name after it is the verb's object."""
    return word.startswith(ARTICLE) and bool(reader.names.country_nisba(word))
