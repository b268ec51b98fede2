"""The words of a speaker phrase after its head: relational (nisba) adjectives, and how each word
goes on the phrase (``kg.speaker_phrases``)."""

from __future__ import annotations

import re

from kg import resources
from kg.cues import ARTICLE, BREAK_RE, COMPLEMENTISER_RE, FOR, statement_words, strip_article
from kg.lexicon import Lexicon, affix
from kg.text import fold

#: The nisba ending ي, and the feminine plural ending ات.
_NISBA_MARK = statement_words("nisba_mark")[0]
_NOUN_PLURAL = affix("feminine_plural")
#: The endings of a relational (nisba) adjective, folded: ي، ية، يون، يين، يان، يتان، يا (not the
#: feminine plural يات, which ends too many nouns: عمليات، ولايات).
_NISBA_ENDINGS = [_NISBA_MARK + e for e in resources.words("nisba_endings", fold=fold) if e != _NOUN_PLURAL]
_NISBA_RE = re.compile(rf"\w\w(?:{'|'.join(sorted({_NISBA_MARK, *_NISBA_ENDINGS}, key=len, reverse=True))})$")


def is_nisba(word: str) -> bool:
    """Whether a folded word is a relational adjective, with or without its article."""
    return bool(_NISBA_RE.search(fold(strip_article(word))))


def qualifier(lex: Lexicon, word: str, index: int, nisba: bool, definite_seen: bool, construct: bool) -> str | None:
    """How a word goes on the head's phrase, or None when it ends it: "nisba" (a relational
    adjective: دبلوماسية، محلية، مصرية)، "definite" (a genitive and its adjectives: هيئة البث
    الإسرائيلية، مكتب الرئيس)، "word" (one plain word right after the head: مسؤول كبير،
    وكالة أنباء; or a noun in construct with a definite genitive: أمين عام رابطة الموانئ)."""
    if word in lex.stopwords or BREAK_RE.fullmatch(word) or COMPLEMENTISER_RE.fullmatch(word):
        return None
    if word.isdigit() and index == 0:
        return "word"  # "القناة 12 العبرية"
    if any(ch.isdigit() for ch in word) or word[:1] == FOR and lex.nisba_country(fold(word)) is None:
        return None
    if word.startswith(ARTICLE):
        return "definite" if definite_seen or not nisba else None
    if definite_seen:
        return None
    if _NISBA_RE.search(fold(word)) or _NISBA_RE.search(word):  # غربي folds to غرب
        return "nisba"
    return "word" if index == 0 or construct and not nisba else None
