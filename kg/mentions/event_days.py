"""The day a dialogue's head is in construct with, before whom it is between or with: "اجتماع
الثلاثاء بين X وY"، "لقاء الخميس مع الوفد" (the day names the meeting, and its phrase reads on to
its sides); a day with no side after it is left to the date rules ("اجتماع الأحد" alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.lexicon import word_set
from kg.mentions.words import BETWEEN, WITH

if TYPE_CHECKING:
    from kg.mentions.events import EventPhrases

#: The days of the week.
_WEEKDAYS = word_set("date_words", "weekday")


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
