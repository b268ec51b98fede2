"""A definite title that names no one met before: an official the article does not name.

"وقال النائب العام إن"، "وأضاف الوزير الفرنسي أن": when no name follows the title, no person who
spoke last may hold it and no one was met under it (``TitleHolders.definite``), a title told
apart by "general" or a nisba is still someone: a Person labelled by the title phrase (the
title, "general" after it, its nisbas), with that phrase as its role and the countries of its
nisbas as its affiliation. Its key is the article's own (``PhraseReader.entity``), so it merges
with no named person of another body, and the same title later in the article refers back to it.
A bare title (وقال الرئيس) stays no one: read on ANT and ANERcorp articles, it most often stood
for a head of state the article names without his title.
"""

from __future__ import annotations

from kg.lexicon import word_set
from kg.speaker_phrases import Phrase, PhraseReader
from kg.text import fold
from kg.unknown_names import INNER_GAP_RE, WORD_RE

#: "general" after a title (النائب العام، الأمين العام): part of the title, not a name or body.
_GENERAL = word_set("role_words", "general")


def unnamed_title(reader: PhraseReader, pos: int, end: int) -> Phrase:
    """The unnamed official a definite title written from ``pos`` to ``end`` stands for, and
    the whole title phrase."""
    text = reader.text
    word = WORD_RE.search(text, end)
    general = bool(word) and INNER_GAP_RE.match(text[end : word.start()]) and fold(word.group()) in _GENERAL
    end = word.end() if general else end
    countries, stop = reader.names.nisba_countries(end)
    if not (general or stop > end):
        return Phrase([], pos, pos)  # "وقال الرئيس": most often a head of state named without his title
    return Phrase([reader.entity("Person", pos, stop, countries)], pos, stop)
