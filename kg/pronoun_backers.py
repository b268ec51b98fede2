"""A force backed by a pronoun: "القوات التركية والفصائل الموالية لها"، "تشن أنقرة مع فصائل
موالية لها"، "الجيش السوري والميليشيات المتحالفة معه".

The pronoun after the backing or allied word (``force_words`` "backed", "allied") stands for the
actor named right before the force, a few words back in its sentence (joined by و، مع، أو،
"مدعومة بـ"): that actor's state when it is a force with an owner (the Turkish forces' Turkey),
else the actor itself. As with a backer named in full, an armed group's nisba then says where its
fighters come from, not whose they are (فصائل سورية موالية لها: Turkey's, not Syria's).
"""

from __future__ import annotations

import re

from kg.actors import ACTOR_TYPES, ArticleActors, add_keys
from kg.force_backers import backer_owns
from kg.model import Mention
from kg.spans import words_pattern

_BACKING = rf"(?:{words_pattern('force_words', 'backed')}|{words_pattern('force_words', 'allied')})"
_PRONOUN = (
    rf"(?:{words_pattern('function_words', 'for')}|{words_pattern('function_words', 'of')}\s*"
    rf"|{words_pattern('function_words', 'with')}\s*){words_pattern('function_words', 'pronoun_suffix')}(?!\w)"
)
#: The backing word ending the force's phrase or right after it, then the pronoun: "موالية" لها.
_AFTER_RE = re.compile(rf"(?:\s+{_BACKING})?\s+{_PRONOUN}")
_ENDS_BACKING_RE = re.compile(rf"(?<!\w){_BACKING}$")
#: A force's phrase that takes in its backing word and the pronoun: "الفصائل الموالية لها".
_ENDS_PRONOUN_RE = re.compile(rf"(?<!\w){_BACKING}\s+{_PRONOUN}$")
#: Words between the antecedent and the force it backs: "و"، "مع"، "بالتعاون مع"، "مدعومة بـ".
_GAP_WORDS = 3
#: How far before a force its antecedent's mention may start.
_BEFORE_CHARS = 80
_SENTENCE_STOPS = frozenset(".!?\u061f\n")


def read_pronoun_backers(actors: ArticleActors) -> None:
    """Give each force a pronoun says is backed by the actor named before it that actor's owner."""
    entities = actors.article.entities
    for start, end, mention in actors.mentions:
        if mention.type != "Force" or not _backed_by_pronoun(actors.text, mention, end):
            continue
        antecedent = _antecedent(actors, start)
        if antecedent is None:
            continue
        force = entities[mention.entity]
        owners = _owners(actors, antecedent, force.key)
        if not owners:
            continue
        if backer_owns(force):  # "فصائل سورية موالية لها": the nisba is its fighters' land
            force.affiliation[:] = [k for k in force.affiliation if k not in actors.nisba_countries(start, end)]
        add_keys(force.affiliation, owners, force.key)


def _backed_by_pronoun(text: str, mention: Mention, end: int) -> bool:
    """Whether a backing word and a pronoun end the force's phrase or follow it (موالية لها)."""
    after = _AFTER_RE.match(text, end)
    if after is None:
        return bool(_ENDS_PRONOUN_RE.search(text, mention.start, end))
    return bool(after.group().split()[:-1]) or bool(_ENDS_BACKING_RE.search(text[:end]))


def _antecedent(actors: ArticleActors, start: int) -> Mention | None:
    """The actor mention ending a few words before a force, in its sentence, if one."""
    before = [t for t in actors.within(max(0, start - _BEFORE_CHARS), start) if t[1] <= start]
    if not before:
        return None
    # the last to end, and of those the longest: "قوات النظام السوري", not the "النظام السوري" in it
    _s, end, mention = min(before, key=lambda t: (-t[1], t[0]))
    gap = actors.text[end:start]
    if len(gap.split()) > _GAP_WORDS or _SENTENCE_STOPS.intersection(gap):
        return None
    return mention if mention.type in ACTOR_TYPES or mention.type == "Place" else None


def _owners(actors: ArticleActors, antecedent: Mention, own: str) -> list[str]:
    """Whose the backed force is: the antecedent force's owners, a capital's state, or the actor."""
    if antecedent.type == "Place":
        return actors.capital_country(antecedent)
    entity = actors.entity(antecedent)
    if entity.type == "Force" and entity.affiliation:
        return [k for k in entity.affiliation if k != own]
    return [entity.key] if entity.key != own else []
