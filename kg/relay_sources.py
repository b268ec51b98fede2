"""Where a relayed source starts: "نقلت الوكالة عن X"، past what may stand between the relaying
outlet and عن.

Between the outlet's phrase and عن an outlet may write its short name, quoted or in brackets or set
off by commas (نقلت وكالة الأنباء الرسمية «X» / (X) / ، X، عن), up to two words of its own name
(نقلت وكالة X للأنباء عن), and when it relayed the words: a date or weekday (نقلت الوكالة الخميس
عن، في مارس الماضي عن) or a time phrase (في وقت سابق). Anything else there (a clause, a third word)
means عن is no relay's: "نقلت الوكالة تقريراً مطولاً عن الحادث" is about the incident.
"""

from __future__ import annotations

import re

from kg.cues import statement_pattern

#: How many plain words of the outlet's own name may stand before عن (وكالة X للأنباء عن).
_MAX_NAME_WORDS = 2
#: عن itself (or على لسان), with a quote closing the outlet's name before it.
_FROM_RE = re.compile(rf"[\s\"\u201d\u00bb]*{statement_pattern('from')}\s+")
#: The outlet's short name, quoted, in brackets or between commas; or a time phrase.
_SET_OFF_RE = re.compile(
    r"\s*(?:[\"\u201c\u00ab][^\"\u201d\u00bb\u060c,.]{1,40}[\"\u201d\u00bb]|\([^()\u060c,.]{1,40}\)"
    rf"|[\u060c,]\s*\w+\s*[\u060c,]|{statement_pattern('relay_time')}(?!\w))"
)
_WORD_RE = re.compile(r"\s+\w+")
_SPACE_RE = re.compile(r"\s*")


def relayed_source(text: str, end: int, limit: int, date_starts: dict[int, int]) -> int | None:
    """Where the source after عن starts, for a relaying outlet whose phrase ends at ``end``
    (folded offsets, before ``limit``); None when no عن of a relay follows it.

    Args:
        text: the folded article text.
        end: where the outlet's phrase ends.
        limit: where the verb's clause ends at the latest.
        date_starts: folded date spans, start -> end.
    """
    pos, words = end, 0
    while pos < limit:
        if source := _FROM_RE.match(text, pos):
            return source.end()
        at = _SPACE_RE.match(text, pos).end()
        if at in date_starts:
            pos = date_starts[at]
        elif set_off := _SET_OFF_RE.match(text, pos):
            pos = set_off.end()
        elif words < _MAX_NAME_WORDS and (word := _WORD_RE.match(text, pos)):
            pos, words = word.end(), words + 1
        else:
            return None
    return None
