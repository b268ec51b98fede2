"""Arabic text functions: the matching key every stage folds words to, clitics, the article.

They follow ``camel_tools/utils/normalize.py``: pure ``str -> str``, regexes compiled once at module
level, characters written as escapes and named here. Stages import them from here
(``from kg.text import fold``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

from kg import resources, spans

#: Hamza on waw (U+0624) and on yeh (U+0626), written as the bare letters in matching keys (by
#: ``str.replace``: ``str.translate`` looks every character of a text up in its table, 100x slower).
_HAMZA_CARRIERS = (("\u0624", "\u0648"), ("\u0626", "\u064a"))
#: Arabic letters (U+0621-U+064A, U+0671-U+06D3): a line without any is not article text.
_ARABIC_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
#: A word must keep at least this many letters after its clitics are stripped.
_MIN_STEM = 2


@dataclass(frozen=True)
class Clitics:
    """The proclitics of ``kg/data/clitics.jsonl``: conjunctions, prepositions, the article."""

    conjunction: str
    preposition: str
    article: str
    #: Words whose first letters ال are their own once folded, no article (ألوية -> الويه).
    lookalikes: frozenset[str]


@cache
def clitics() -> Clitics:
    """The proclitics of ``kg/data/clitics.jsonl``, read once."""
    records = resources.load("clitics")
    conjunctions, prepositions, article = (
        "".join(r["pattern"] for r in records if r["label"] == label)
        for label in ("conjunction", "preposition", "article")
    )
    lookalikes = frozenset(r["pattern"] for r in records if r["label"] == "article_lookalike")
    return Clitics(conjunctions, prepositions, article, lookalikes)


#: The article ال (``strip_article`` runs for most words of every article, many times over).
_ARTICLE = clitics().article


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds at least one Arabic letter."""
    return _ARABIC_RE.search(text) is not None


def normalize_letters(text: str) -> str:
    """Write alef variants as bare alef, alef maksura as yeh, teh marbuta as heh, hamza carriers bare."""
    text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
    for carrier, bare in _HAMZA_CARRIERS:
        text = text.replace(carrier, bare)
    return text


@cache
def _variant_rules() -> tuple[tuple[str, ...], re.Pattern[str] | None, tuple[tuple[re.Pattern[str], str], ...]]:
    """The variants written as plain words, one pattern of the others without their leading word
    boundary ``\\b``, and each variant's pattern with its replacement."""
    rules = resources.load("spelling_variants")
    patterns = [normalize_letters(r["pattern"]) for r in rules]
    replacements = tuple((re.compile(p), normalize_letters(r["id"])) for p, r in zip(patterns, rules, strict=True))
    words = tuple(p for p in patterns if re.escape(p) == p)
    others = [p for p in patterns if re.escape(p) != p]
    unbounded = re.compile("|".join(f"(?:{p.removeprefix(_BOUNDARY)})" for p in others)) if others else None
    return words, unbounded, replacements


#: A word boundary as a regex writes it.
_BOUNDARY = "\\b"


def normalize_spelling(text: str) -> str:
    """Write spelling variants one way (أمريكي/أميركي, استراتيجي/ستراتيجي), per ``spelling_variants.jsonl``.

    Expects text already passed through ``normalize_letters``.
    """
    words, others, rules = _variant_rules()
    # Most texts hold none, and finding that out is what this costs: the plain words are looked
    # for as substrings and the other patterns in one scan without their leading ``\\b`` (a pattern
    # that matches somewhere matches there without it too, and one that opens with letters lets
    # ``re`` skip to the characters that may open it; a match the boundary would refuse only costs
    # the rules' scan, which then changes nothing), instead of an alternation of every variant
    # tried at every character (50 ns a character)
    if not any(word in text for word in words) and (others is None or others.search(text) is None):
        return text
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def fold(text: str) -> str:
    """The matching key of a text (the lexicon's and the tokens'): the document's fold
    (``spans.fold``: marks dropped, hamza alefs bare), then alef maksura, teh marbuta and the
    hamza carriers written one way (``normalize_letters``) and spelling variants one way."""
    if len(text) <= _CACHED_FOLD_CHARS:
        return _fold_word(text)
    return normalize_spelling(normalize_letters(spans.fold(text)))


#: Texts up to this long (words, names) are folded once per process: they recur all the time.
_CACHED_FOLD_CHARS = 64


@lru_cache(maxsize=1 << 17)
def _fold_word(text: str) -> str:
    return normalize_spelling(normalize_letters(spans.fold(text)))


def strip_clitics(word: str) -> list[tuple[int, str]]:
    """The readings of a folded word as proclitics + stem, the bare word first.

    Args:
        word: a word already passed through ``fold``.

    Returns:
        ``(clitic_length, stem)`` pairs: ``(0, word)``, then و/ف + stem, then [و/ف] + ب/ل/ك +
        stem. ل before the article (لل) gives ل + the rest (للقاء -> لقاء, a word that begins
        with ل) and then the stem with its article restored (للقوات -> القوات), both of clitic
        length 1. Only readings leaving a stem of two letters or more.
    """
    proclitics = clitics()
    readings = [(0, word)]
    rest, offset = word, 0
    if rest[:1] and rest[0] in proclitics.conjunction and len(rest) - 1 >= _MIN_STEM:
        rest, offset = rest[1:], 1
        readings.append((offset, rest))
    if rest[:1] and rest[0] in proclitics.preposition and len(rest) - 1 >= _MIN_STEM:
        # ل before the article drops its alef: لل + stem is ل + ال + stem, or ل + a stem of
        # its own that begins with ل (للقاء الملك, للبنان); the article's reading stays last
        if rest[0] == proclitics.article[1] == rest[1:2]:
            readings.append((offset + 1, rest[1:]))
            readings.append((offset + 1, proclitics.article + rest[2:]))
        else:
            readings.append((offset + 1, rest[1:]))
    return readings


#: Folded words that begin with the article's letters but do not carry it.
ARTICLE_LOOKALIKES = frozenset(_fold_word(word) for word in clitics().lookalikes)


def strip_article(word: str) -> str:
    """Drop a leading definite article ال from a folded word (keeping words of 2 letters or less,
    and the words whose ال is their own: ألوية)."""
    return (
        word[len(_ARTICLE) :]
        if word.startswith(_ARTICLE) and len(word) > 4 and word not in ARTICLE_LOOKALIKES
        else word
    )
