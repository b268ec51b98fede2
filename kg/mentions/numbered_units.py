"""Units named by their number (issue 18): "اللواء 47"، "الفرقة الرابعة"، "الكتيبة الثانية".

A unit's noun (``force_words`` "numbered_unit": لواء، فرقة، كتيبة، فيلق), definite, with a number
or an ordinal after it (``date_words`` "ordinal", or its feminine: الرابعة، الأولى) names one unit,
a Force. Before a name the noun is a rank (اللواء محمد), and after a title (قائد اللواء الخامس)
the unit is the title's, which the people rule reads. Its number names it within its army: it is
keyed by its owner, or within its article when none is told (``kg.same_forces``).
"""

from __future__ import annotations

from kg.lexicon import affix, definite, word_set
from kg.mentions.base import TokenView
from kg.mentions.proposals import Proposal
from kg.mentions.words import DIGITS_RE
from kg.model import MentionType, Source
from kg.text import fold, strip_article

NUMBERED_UNITS = word_set("force_words", "numbered_unit")
_ORDINALS = frozenset(w for w in word_set("date_words", "ordinal") if " " not in w)
#: The feminine of an ordinal: الرابع -> الرابعة, and the one whose stem changes (الأول -> الأولى).
_FEMININE_ORDINALS = frozenset(w + affix("feminine") for w in _ORDINALS) | word_set("force_words", "ordinal")


def is_numbered(label: str) -> bool:
    """Whether a force's label is a unit's noun and its number or ordinal (اللواء 47)."""
    words = fold(label).split()
    return (
        len(words) == 2
        and strip_article(words[0]) in NUMBERED_UNITS
        and (DIGITS_RE.match(words[1]) is not None or words[1] in _ORDINALS or words[1] in _FEMININE_ORDINALS)
    )


def numbered_unit(view: TokenView, i: int) -> Proposal | None:
    """The unit at token i named by its number or ordinal, else None."""
    skip = next(
        (skip for skip, stem in view.tokens[i].readings if definite(stem) and stem[2:] in NUMBERED_UNITS), None
    )
    number = i + 1
    if skip is None or number >= len(view.tokens) or not view.joined(i) or number in view.claimed:
        return None
    if not is_numbered(f"{view.tokens[i].stem()} {view.tokens[number].folded}"):
        return None
    return view.offer(MentionType.FORCE, i, number, Source.HEAD_NOUN, skip)
