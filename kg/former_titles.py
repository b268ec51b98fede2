"""A title with "former", "next" or "new" after it (الرئيس الأمريكي السابق، رئيس الوزراء المقبل) is
not whoever holds the title now: where the mentions stage read the title as someone met before,
the speaker is an official the article does not name, labelled by the whole phrase, with the
countries of its nisbas as affiliation, unless that person was himself introduced as the former,
next or new holder (then the phrase refers back to him).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.cues import statement_words
from kg.model import Article, Mention, Source
from kg.spans import fold
from kg.text import fold as lexicon_fold
from kg.unknown_names import INNER_GAP_RE, WORD_RE, UnknownNames

if TYPE_CHECKING:
    from kg.speaker_phrases import PhraseReader
    from kg.speakers import SpeakerReader

#: Adjectives that set a title's holder apart in time (السابق، المقبل، الجديد).
_TIME_ADJECTIVES = frozenset(statement_words("title_time"))
_REFERRING = (Source.ROLE, Source.BACK_REFERENCE)


def former_holder(reader: SpeakerReader, found: tuple[int, int, Mention]) -> tuple[list[str], int, int] | None:
    """(keys, start, end) of the unnamed official a title mention with a time adjective right
    after it stands for, or None when no such adjective follows or the mention is a name."""
    start, end, mention = found
    text = reader.text
    stop = time_adjective_end(text, end)
    if mention.source not in _REFERRING or stop is None:
        return None
    if not another_holder(reader.article, text, end, [mention.entity] if mention.entity else []):
        return None  # "السفير الجديد [name]" ... "السفير الجديد": the same new ambassador
    lex = reader.phrases.lex
    nisbas = (lex.nisba_country(lexicon_fold(w)) for w in text[start:stop].split())
    countries = list(dict.fromkeys(c for c in nisbas if c and reader.phrases.names.known(c)))
    return [reader.phrases.entity("Person", start, stop, countries)], start, stop


def time_adjective_end(text: str, pos: int) -> int | None:
    """Where a time adjective written right after ``pos`` (a title's end) ends, if one is."""
    word = WORD_RE.search(text, pos)
    if word and INNER_GAP_RE.match(text[pos : word.start()]) and word.group() in _TIME_ADJECTIVES:
        return word.end()
    return None


def another_holder(article: Article, text: str, end: int, keys: list[str]) -> bool:
    """Whether a title ending at ``end`` names a holder other than the persons ``keys`` met
    under it: a time adjective follows it that none of their roles has (الرئيس السابق after
    "الرئيس X"; but "السفير الجديد" after "السفير الجديد X" is X)."""
    stop = time_adjective_end(text, end)
    if stop is None:
        return False
    adjective = text[end:stop].split()[-1]
    return not any(adjective in fold(article.entities[k].role or "").split() for k in keys if k in article.entities)


def same_holder(names: UnknownNames, end: int, persons: list[str]) -> bool:
    """Whether a definite title ending at ``end`` may be a person met before: its nisbas name his
    country (not "الرئيس التونسي" for an Iraqi), and no time adjective sets another holder apart."""
    stop = names.nisba_end(end)
    return names.nisbas_agree(end, persons) and not another_holder(names.article, names.ft.folded, stop, persons)


def same_holders(reader: PhraseReader, end: int, keys: list[str]) -> list[str]:
    """The persons ``keys`` a title ending at ``end`` refers back to, or none when a time
    adjective after its nisbas sets another holder apart (``another_holder``)."""
    return [] if another_holder(reader.article, reader.text, reader.names.nisba_end(end), keys) else keys
