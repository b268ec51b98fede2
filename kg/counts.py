"""Number grammar: cardinal numbers written in digits, in words, or both -> integers.

Reads "1500"، "1,500"، "150 ألف"، "5 آلاف"، "ثلاثة آلاف"، "ألفين وخمسمائة"، "ثلاث مئة"، "خمسة
عشر"، "مئة ألف". The words are data (``kg/data/counts.jsonl``): units, tens and compound hundreds
(``number``)، the hundreds that multiply the unit before them (``hundred``: ثلاث مئة)، the leads
of the teens (``teen``: أحد عشر، اثنا عشر) and the multipliers (``multiplier``: ألف، آلاف، مليون).
A count is groups joined by و; a group is numbers read left to right, then an optional
multiplier that multiplies the group (or is 1000 itself: "ألف جندي"). Text is matched folded
(``kg.spans.fold``), with Arabic-Indic digits already read as ASCII.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg import resources
from kg.spans import fold, trie_regex

_DIGITS_RE = r"\d[\d,\u066c]*"
_TEN = 10
#: A count has at most this many groups joined by و ("ثلاثة آلاف وخمسمائة وعشرون"): a bound keeps
#: a long run of و-joined numbers with no counted noun from costing a rescan at every word.
_MAX_GROUPS = 5


@dataclass(frozen=True)
class _Words:
    numbers: dict[str, int]
    hundreds: dict[str, int]
    teens: dict[str, int]
    multipliers: dict[str, int]

    @property
    def tens(self) -> list[str]:
        """The forms of ten, which follow a unit in the teens (ثلاثة عشر)."""
        return [word for word, value in self.numbers.items() if value == _TEN]


@lru_cache(maxsize=1)
def _words() -> _Words:
    table: dict[str, dict[str, int]] = {"number": {}, "hundred": {}, "teen": {}, "multiplier": {}}
    for record in resources.load("counts"):
        table[record["label"]][fold(record["pattern"])] = int(record["id"])
    return _Words(table["number"], table["hundred"], table["teen"], table["multiplier"])


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first (so a longer form wins where a shorter one
    starts), factored by common prefixes (``spans.trie_regex``)."""
    return trie_regex(set(words))


@lru_cache(maxsize=1)
def count_pattern() -> str:
    """A regex (no groups, no word-boundary checks) for one count in folded text."""
    w = _words()
    # a teen's lead (أحد، اثنا) stands only before ten (أحد عشر): "أحد أفراده" counts no one
    tens = alternation(w.tens)
    teen = rf"(?:(?:{alternation(w.numbers)})(?:\s+(?:{tens}))?|(?:{alternation(w.teens)})\s+(?:{tens}))"
    single = rf"(?:{_DIGITS_RE}|{teen}|{alternation(w.hundreds)})"
    group = rf"{single}(?:\s+(?:{alternation(w.hundreds)}))?(?:\s+(?:{alternation(w.multipliers)}))?"
    alone = alternation(w.multipliers)  # "ألف جندي"
    one = rf"(?:{group}|{alone})"
    return rf"{one}(?:\s+و\s*{one}){{0,{_MAX_GROUPS - 1}}}"


@lru_cache(maxsize=1)
def _count_re() -> re.Pattern[str]:
    return re.compile(count_pattern())


def is_count(folded: str) -> bool:
    """Whether a folded word or phrase is one count (5، خمسة، ثلاثة آلاف)."""
    return _count_re().fullmatch(folded) is not None


def count_value(folded: str) -> int | None:
    """The integer a count (as matched by ``count_pattern``) stands for, else None."""
    w = _words()
    total, group, pending_unit = 0, 0, False
    parts: list[int] = []  # the value of each group joined by و, in order
    for word in folded.replace("\u060c", " ").split():
        joined = word == "و" or (word.startswith("و") and word[1:] and _known(word[1:], w))
        if joined:
            parts.append(total + group - sum(parts))
            word = word[1:]
        if not word:
            continue
        digits = re.sub(r"\D", "", word)
        if digits and word[0].isdigit():
            total, group = total + group, int(digits)
        elif word in w.multipliers:
            total, group = total + (group or 1) * w.multipliers[word], 0
        elif word in w.hundreds:
            group = group * w.hundreds[word] if pending_unit else group + w.hundreds[word]
        elif word in w.tens and pending_unit:
            group += 10
        elif word in w.numbers or word in w.teens:
            total, group = total + group, (w.numbers.get(word) or w.teens[word])
        else:
            return None
        pending_unit = word in w.numbers and (w.numbers[word] < 10) or word in w.teens
    value = total + group
    parts.append(value - sum(parts))
    # a number's groups go down (ثلاثة آلاف وخمسمائة), but for a unit before its tens (خمسة
    # وعشرون): "600 و700" are two numbers, a range, not 1300
    if any(after >= before >= _TEN for before, after in zip(parts, parts[1:], strict=False)):
        return None
    return value or None


def _known(word: str, w: _Words) -> bool:
    return word in w.numbers or word in w.hundreds or word in w.multipliers or word[:1].isdigit()
