"""Words right after a dialogue's head that tell it:

- the day it is in construct with, before whom it is between or with: "اجتماع الثلاثاء بين X
  وY"، "لقاء الخميس مع الوفد" (the day names the meeting, and its phrase reads on to its sides); a
  day with no side after it is left to the date rules ("اجتماع الأحد" alone);
- a verb of bringing together after an indefinite head, with whom it brought together named after
  it, tells the talks held: "مؤتمر يضم قادة الجيوش"، "اجتماع ضم وزراء الخارجية"، "قمة جمعت الرئيس X
  ونظيره Y". Whom is a member's plural title (``event_words`` "members") or an actor a rule found;
  a dual or a group told before ("لقاء جمع الرجلين"، "يضم الدول الأربع") refers back to talks the
  article told, and the future (سيضم) tells talks to come.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.lexicon import definite, word_set
from kg.mentions.base import TokenView
from kg.mentions.words import BETWEEN, COUNTRY, FORCE, NAMED_ACTORS, WITH

if TYPE_CHECKING:
    from kg.mentions.events import EventPhrases

#: The days of the week.
_WEEKDAYS = word_set("date_words", "weekday")
#: Verbs of bringing together (ضم، جمع), past and present.
_GATHERING = word_set("event_words", "gathering")
#: Plural titles after a meeting head that name who meet (وزراء، قادة).
MEMBERS = word_set("event_words", "members")
#: Who may be brought together, named.
_GATHERED = (COUNTRY, FORCE, *NAMED_ACTORS)


def day_before_sides(view: EventPhrases, day: int) -> bool:
    """Whether token ``day`` is a day of the week that "بين" or "مع" and a side follow."""
    k = day + 1
    if k + 1 >= len(view.tokens) or view.tokens[day].folded not in _WEEKDAYS:
        return False
    if not (view.joined(day - 1) and view.joined(day) and view.joined(k)):
        return False
    word = view.tokens[k].folded
    if word == BETWEEN:
        return view._coordinated_actors(k + 1) is not None
    return word == WITH and view._counterpart_end(k) is not None


def gathered(view: TokenView, i: int, last: int) -> bool:
    """Whether the indefinite dialogue head at token i, its chain ending at token ``last``, is
    followed within that chain, or right after it, by a verb of bringing together and whom it
    brought together."""
    if definite(view.tokens[i].folded):
        return False
    for k in range(i + 1, min(last + 1, len(view.tokens) - 2) + 1):
        if not (view.joined(k - 1) and view.joined(k)):
            return False
        if view.tokens[k].folded in _GATHERING:
            member = view.tokens[k + 1]
            return view.claimed.get(k + 1) in _GATHERED or any(stem in MEMBERS for _, stem in member.readings)
    return False
