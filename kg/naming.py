"""How the resolve stage names and keys entities: name words, slugs, the article digest, and
what it remembers of one article while it reads it (``ResolveState``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from camel_tools.utils.charmap import CharMapper

from kg import resources
from kg.lexicon import Lexicon, affix, flagged_words, name_key, tokenize
from kg.mentions.event_places import NISBA_ENDINGS
from kg.mentions.words import DIRECTIONS, FEMININE, NISBA, direction_word
from kg.model import Article, Entity, Mention
from kg.text import fold, strip_article

#: The kinds of outlet written before an outlet's own name (صحيفة), folded.
_OUTLET_HEADS = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("outlet"))
#: An accusative tanween written with its alef (اً, ًا), as written (marks kept).
_TANWEEN_ALEF = tuple(resources.words("affixes", "tanween_alef"))
#: Titles a name is written with (الملك، الأمير، الشيخ): the title and the name are a label too.
_STYLED = flagged_words("titles", "styled")
#: Characters before a name to look for a styled title in: the longest, its space and the space before it.
_STYLED_WINDOW = max(map(len, _STYLED)) + 2


@cache
def _transliterator() -> CharMapper:
    return CharMapper.builtin_mapper("ar2safebw")


def slug(words: Iterable[str], person: bool = False) -> str:
    """An ASCII key part from folded Arabic words: their ``name_key`` (article dropped, spelling
    variants one way; for a ``person``'s name, long vowels inside foreign words too), safe
    Buckwalter, '-' joined."""
    parts = [_transliterator()(w) for w in name_key(words, loose_vowels=person)]
    return "-".join(p for p in parts if p) or "x"


def display(article: Article, mention: Mention, lex: Lexicon) -> str:
    """The mention as a label: its text, with the article restored after a لل clitic (للقوات ->
    القوات). A head noun that begins with ل keeps it: with the article (للجنة الفنية -> اللجنة
    الفنية), or without one in construct with a definite noun (للقاء الملك -> لقاء الملك)."""
    clitic, rest = affix("for_the")[0], affix("for_the")[1:]  # لل: ل + the article's ل
    if not (mention.start and mention.text.startswith(rest) and article.text[mention.start - 1] == clitic):
        return mention.text
    words = [fold(w) for w in mention.text.split()[:2]]
    if words[0] not in lex.heads and lex.unpossessed(words[0]) is None:
        return affix("article")[0] + mention.text
    if len(words) > 1 and words[1] != strip_article(words[1]) and not words[1].endswith(NISBA_ENDINGS):
        return mention.text
    return affix("article") + mention.text


def direction_key(lex: Lexicon, words: list[str]) -> str | None:
    """The key of a part of a known place or country named by its direction: the directions in
    their plain form, then the known key, so "شمال شرق سوريا"، "شمال شرقي سورية" and "الشمال الشرقي
    السوري" are one place in every article (``place/cmAl-crq--syria``); None for other words."""
    directions = []
    for word in words[:2]:
        if not direction_word(word):
            break
        stem = strip_article(word)
        plain = stem.removesuffix(FEMININE).removesuffix(NISBA)
        directions.append(stem if stem in DIRECTIONS else plain)
    rest = words[len(directions) :]
    if not directions or not rest:
        return None
    known = lex.lookup(rest) or (lex.nisba_country(rest[0]) if len(rest) == 1 else None)
    return f"place/{slug(directions)}--{known.split('/', 1)[1]}" if known else None


def name_words(text: str) -> list[str]:
    """Folded words of a name or phrase."""
    return list(_name_words(text))


@lru_cache(maxsize=1 << 15)
def _name_words(text: str) -> tuple[str, ...]:
    # names recur through an article and across a batch: tokenize each once
    return tuple(_without_tanween(t.folded, text[t.start : t.end]) for t in tokenize(text))


def _without_tanween(folded: str, raw: str) -> str:
    """A folded word without the alef of a written accusative tanween: اتفاقاً أمنياً = اتفاق أمني."""
    return folded[:-1] if raw.endswith(_TANWEEN_ALEF) and len(folded) > 3 else folded


def outlet_name(words: list[str]) -> list[str] | None:
    """The own name of an outlet written after its kind (صحيفة واشنطن بوست -> واشنطن بوست), the
    name other articles write alone; None when the words open with no such kind, or when the word
    after it is an indefinite adjective (صحيفة بريطانية، صحيفة محلية): a description, not a name."""
    if len(words) < 2 or words[0] not in _OUTLET_HEADS:
        return None
    first = words[1]
    if not first.startswith(affix("article")) and first.endswith((FEMININE, NISBA)):
        return None
    return words[1:]


def bare(words: Iterable[str]) -> frozenset[str]:
    """Folded words without their articles, as a set."""
    return frozenset(strip_article(w) for w in words)


def body_words(words: Iterable[str]) -> frozenset[str]:
    """A body's folded name words as a set, each without its article, also after a genitive ل
    (المفوضية العليا للانتخابات ... مفوضية الانتخابات: للانتخابات is الانتخابات)."""
    return bare(definite_genitive(w) for w in words)


def definite_genitive(word: str) -> str:
    """A folded word written after the genitive ل with the article it hides (للانتخابات ->
    الانتخابات); any other word as it is."""
    for_the = affix("for_the")
    return affix("article") + word[len(for_the) :] if word.startswith(for_the) else word


@lru_cache(maxsize=4)
def article_digest(text: str) -> str:
    """The part of an article-scoped key that names its article (asked by five stages of each
    article: hashed once)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


@dataclass
class ResolveState:
    """What the resolve stage has met so far in one article."""

    article: Article
    digest: str
    entities: dict[str, Entity] = field(default_factory=dict)
    last_of: dict[str, str] = field(default_factory=dict)  #: type (or "unnamed") -> last key
    last_by_head: dict[tuple[str, str], str] = field(default_factory=dict)  #: (type, head noun) -> last event key
    people: list[tuple[list[str], str]] = field(default_factory=list)  #: (name words, key)
    roles: dict[str, tuple[frozenset[str], str | None]] = field(default_factory=dict)  #: key -> (core, country)
    #: every role a person was written with, in reading order: a later one (الشيخ) keeps the
    #: earlier office (وزير الخارجية القطري) that a bare mention of it names again
    #: (key, core, country, whether the role wrote its office as a synonym: ``kg.offices``)
    held: list[tuple[str, frozenset[str], str | None, bool]] = field(default_factory=list)
    event_cores: dict[str, frozenset[str]] = field(default_factory=dict)
    named: dict[str, frozenset[str]] = field(default_factory=dict)  #: bodies met so far -> their words
    abbreviations: dict[frozenset[str], str] = field(default_factory=dict)  #: bracketed short name -> body key
    last_body: dict[tuple[str, str], str] = field(default_factory=dict)  #: (type, head noun) -> last body key


def styled_title(text: str, start: int) -> str | None:
    """The title a name at ``start`` is written with right before it (ولي العهد الأمير X، الشيخ
    X: ``titles.jsonl``'s "styled"), as written; None when there is none."""
    before = text[max(0, start - _STYLED_WINDOW) : start]
    words = before.split(" ")
    whole = len(words) > 2 or start <= _STYLED_WINDOW  # the title's first letter is not cut off
    if len(words) < 2 or words[-1] or not whole or fold(words[-2]) not in _STYLED:
        return None
    return words[-2]
