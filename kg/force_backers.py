"""Who backs a force, and whether it fights its state (``kg.forces``).

A word of backing (``force_words`` "backed": المدعومة، الموالية، التابعة) inside a force's phrase
or right after it names its backer: "الفصائل المدعومة من طهران"، "الموالية لإيران"، "المبايع لتنظيم
"الدولة الإسلامية"". Only a belonging word (التابعة لـ) makes a nationality's force another's, or
any backer named inside an armed group's phrase (الفصائل السورية الموالية لتركيا). A backing word
after a noun joined to the force by و is that noun's ("X والقوات الموالية لـY").
A force whose name, or the noun its name qualifies, says it fights its state (المعارضة، المتمردون)
is not the state its nisba names.
"""

from __future__ import annotations

import re

from kg import resources
from kg.actors import ArticleActors
from kg.lexicon import single_word
from kg.mentions.words import AND
from kg.model import Entity
from kg.spans import fold, words_pattern

_ARTICLE = single_word("affixes", "article")
_CONJUNCTIONS = "".join(resources.words("affixes", "conjunction", fold))
_OF = words_pattern("function_words", "of")
_FOR = words_pattern("function_words", "for")
#: A word of backing, then the backer (its body's noun may stand before its quoted name).
_BACKED_RE = re.compile(
    rf"{words_pattern('force_words', 'backed')}\s+(?:{_OF}|{_FOR})?\s*(?:\w+\s*[\"\u00ab\u201c])?\s*$"
)
#: A word of backing inside a force's phrase: "المليشيات المدعومة من طهران".
BACKED_INSIDE_RE = re.compile(
    rf"(?<!\w)(?:{_ARTICLE})?{words_pattern('force_words', 'backed_stem')}(?:ة|ين)?(?:\s+{_OF})?(?!\w)"
)
#: Between a force's phrase that ends on its backing word and the backer: "مدعومة" من إيران.
BACKER_GAP_RE = re.compile(rf"^\s*(?:{_OF}\s+|{_FOR})?$")
#: A noun joined by و, with its article (والقوات).
_JOINED_NOUN_RE = re.compile(rf"(?<!\w){AND}{_ARTICLE}\w")
_BELONGING = frozenset(resources.words("force_words", "belonging_stem", fold))
#: Heads of armed groups, not of a state's forces (فصائل، ميليشيات).
_IRREGULAR_HEADS = frozenset(
    resources.words("force_words", "irregular_head", fold) + resources.words("force_words", "group_head", fold)
)
_OPPOSED = frozenset(resources.words("force_words", "opposed", fold))
#: A state's government as a word of a force's name (الحكومية، النظام).
_GOVERNMENT = frozenset(w.removeprefix(_ARTICLE) for w in resources.words("force_words", "government", fold))
#: How far before a force's name the noun it qualifies is read.
_BEFORE_CHARS = 40


def backed_by(gap: str) -> bool:
    """Whether the words between a force and an actor back it by that actor (", المدعومة من"),
    with no noun joined by و before the backing word (والقوات الموالية لـ)."""
    backing = _BACKED_RE.search(gap)
    return backing is not None and not _JOINED_NOUN_RE.search(gap, 0, backing.start())


def belongs(words: str) -> bool:
    """Whether folded words of backing say the force belongs to what follows (التابعة لـ)."""
    return any(stem in words for stem in _BELONGING)


def backer_owns(force: Entity) -> bool:
    """Whether a backer named inside a force's phrase owns it whatever nationality the phrase
    names: an armed group's head (الفصائل السورية الموالية لتركيا: Syrians, Turkey's), not a
    state's forces (الجيش المصري المدعوم من فرنسا is Egypt's)."""
    words = fold(force.label_ar).split()
    return bool(words) and words[0].removeprefix(_ARTICLE) in _IRREGULAR_HEADS


def government_force(force: Entity) -> bool:
    """Whether a force's name calls it a government's (القوات الحكومية، قوات النظام): a state's
    own, which a backer named with it does not own ("القوات الحكومية، مدعومة من روسيا")."""
    return any(word.removeprefix(_ARTICLE) in _GOVERNMENT for word in fold(force.label_ar).split()[1:])


def opposed_force(force: Entity) -> bool:
    """Whether a force's name says it fights its state (``force_words`` "opposed": المعارضة، الحر)."""
    return any(word.removeprefix(_ARTICLE) in _OPPOSED for word in fold(force.label_ar).split())


def opposed_before(actors: ArticleActors, start: int) -> bool:
    """Whether the noun right before a force's name says it fights its state, the name its
    adjective (المتمردون الحوثيون اليمنيون: rebels in Yemen, not Yemen's)."""
    words = fold(actors.text[max(0, start - _BEFORE_CHARS) : start]).split()
    if not words:
        return False
    word = words[-1][1:] if words[-1][:1] in _CONJUNCTIONS else words[-1]  # one conjunction: والمتمردون
    return word.removeprefix(_ARTICLE) in _OPPOSED
