"""A description the article once set right before a person's name, used again alone as a
speaker (issue 18: duplicates): "وجه الرئيس دعوة لأمير البلاد، الشيخ X، ..." then "ورحب أمير
البلاد بالدعوة" is X speaking, not someone the article does not name. The statement rules read
such a description as an unnamed person's; it is the one named person it stood before, when
exactly one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.spans import words_pattern
from kg.unnamed_people import UNNAMED_KEYS

if TYPE_CHECKING:
    from kg.speaker_phrases import PhraseReader

#: Fewest words a description needs to name one person by itself ("المسؤول" names anyone).
_MIN_WORDS = 2
#: The clitics a description may carry (وللأمير، لأمير) and the comma after it.
_CLITICS = rf"(?:{words_pattern('clitics', 'conjunction')})?(?:{words_pattern('clitics', 'preposition')})?"
_COMMA = r"\s*[\u060c,]\s*"


def named_in_apposition(reader: PhraseReader, start: int, end: int) -> str | None:
    """The key of the one named person whose name the folded phrase ``start``-``end`` is set
    before elsewhere in the article, after a comma; None when no such person or several."""
    phrase = reader.text[start:end]
    if len(phrase.split()) < _MIN_WORDS:
        return None
    keys = set()
    for found in re.finditer(rf"(?<!\w){_CLITICS}{re.escape(phrase)}{_COMMA}", reader.text):
        if found.start() <= start < found.end():
            continue
        named = reader.mention_at(found.end())
        if named and named[2].type == "Person" and named[2].entity and not named[2].entity.startswith(UNNAMED_KEYS):
            keys.add(named[2].entity)
    return keys.pop() if len(keys) == 1 else None
