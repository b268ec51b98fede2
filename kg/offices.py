"""Offices written two ways: رئيس الحكومة is رئيس الوزراء, الناطق the المتحدث, العاهل the ملك.

The resolve stage compares a bare role with the roles each person was named with
(``kg.resolve``); each synonym of ``kg/data/office_synonyms.jsonl`` is first written as its one
form, so a role names its holder again whichever of the two words the article used.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from kg import resources
from kg.text import fold, strip_article


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(strip_article(fold(word)) for word in phrase.split())


@cache
def _synonyms() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(words of an office, words of its one form), longest first."""
    pairs = ((_words(r["pattern"]), _words(r["id"])) for r in resources.load("office_synonyms"))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def same_office(words: list[str]) -> list[str]:
    """Folded role words with each office synonym written as its one form (without its article)."""
    bare = [strip_article(word) for word in words]
    out: list[str] = []
    at = 0
    while at < len(words):
        for synonym, one in _synonyms():
            if tuple(bare[at : at + len(synonym)]) == synonym:
                out.extend(one)
                at += len(synonym)
                break
        else:
            out.append(words[at])
            at += 1
    return out


def respelt(words: Iterable[str]) -> bool:
    """Whether role words name an office by a synonym of its one form (رئيس الحكومة)."""
    words = list(words)
    return same_office(words) != [strip_article(word) for word in words]
