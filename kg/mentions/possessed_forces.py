"""Forces named by their possessor's pronoun (issue 18): "قواتها"، "قواته الجوية"، "قواتنا
الأمنية"، "جيشه", and in construct with "his country" ("قوات بلاده").

A force's noun with a pronoun suffix, and the definite relational adjectives after it (its
branch: الخاصة، الأمنية، الجوية), is a force whose owner the possessor is: ``kg.force_possessors``
reads it back from the text. Before "بلاده" the noun reaches over it, which keeps its own mention
(``kg.mentions.lists.OwnCountry``: the country of the person before it) and owns the force.
"""

from __future__ import annotations

from functools import cache

from kg.lexicon import definite, word_set
from kg.mentions.arms import MAX_ADJECTIVES
from kg.mentions.base import TokenView
from kg.mentions.event_places import relational
from kg.mentions.proposals import Proposal
from kg.mentions.words import OWN_COUNTRY
from kg.model import MentionType, Source
from kg.text import fold

#: The pronoun suffixes a force's noun may carry: the third person's (قواته) and the first's
#: (قواتنا); not the dual's (قواتهما), which names two owners.
FIRST_PERSON = word_set("force_words", "first_person")
_SUFFIXES = word_set("force_words", "possessor_suffix") | FIRST_PERSON
_FORCE_NOUNS = word_set("force_words", "possessed_head")
#: Words of a branch after a force's noun that no relational ending shows (المسلحة، الخاصة).
_BRANCH = word_set("force_words", "branch")


@cache
def possessed_forms() -> dict[str, str]:
    """Each force noun (``force_words`` "possessed_head") with a pronoun suffix (folded: قواتها،
    جيشه) -> the suffix."""
    return {noun + suffix: suffix for noun in _FORCE_NOUNS for suffix in _SUFFIXES}


def possessed_suffix(word: str) -> str | None:
    """The pronoun suffix of a force noun that carries one (قواتها -> ها), else None."""
    return possessed_forms().get(fold(word))


def possessed_force(view: TokenView, i: int) -> Proposal | None:
    """The force at token i named by its possessor (see the module docstring), else None."""
    forms = possessed_forms()
    skip = next((skip for skip, stem in view.tokens[i].readings if stem in forms), None)
    if skip is None:
        return _own_country(view, i)
    last = i
    while last + 1 < len(view.tokens) and last - i < MAX_ADJECTIVES and view.joined(last):
        word = view.tokens[last + 1].folded
        if last + 1 in view.claimed or not (definite(word) and (relational(word) or word in _BRANCH)):
            break
        last += 1  # "قواتها الخاصة"، "قواتنا الأمنية"
    return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip)


def _own_country(view: TokenView, i: int) -> Proposal | None:
    """ "قوات بلاده": a force's noun in construct with "his country", reaching over it (not قوة:
    "قوة بلاده" is its power)."""
    country = i + 1
    if country >= len(view.tokens) or not view.joined(i) or country in view.claimed:
        return None
    noun = next((skip for skip, stem in view.tokens[i].readings if stem in _FORCE_NOUNS), None)
    if noun is None or view.tokens[country].folded not in OWN_COUNTRY:
        return None
    return view.offer(MentionType.FORCE, i, i, Source.HEAD_NOUN, noun, reach=country)
