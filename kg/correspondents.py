"""The article's own correspondent: "مراسلنا" (our correspondent) and "المراسل".

An outlet reports what its correspondent saw and heard: "وأفاد مراسلنا بأن"، "حسبما أفاد
مراسلنا"، "وقال المراسل إن". A reporter head (``reporter`` in ``kg/data/speaker_nouns.jsonl``:
مراسل، مراسلة) with the possessive "our", or written definite and alone where no reporter was
named before (``refer``: "مراسل الوكالة X ... وقال المراسل" is X), is one unnamed Person of the
article: labelled and titled by the head, so every later "مراسلنا" or "المراسل" is the same
speaker. The outlet is the page's publisher, which the text need not name, so it has no
affiliation.

An outlet that relays its own reporter ("نقلت الوكالة عن مراسلها قوله") names him with "its": he
is an unnamed Person of that outlet, labelled by the head and the outlet, affiliated to it.
"""

from __future__ import annotations

import re

from kg import resources
from kg.cues import ARTICLE, statement_words
from kg.spans import fold
from kg.speaker_phrases import PhraseReader, refer

_WORD_RE = re.compile(r"\w+")
#: Reporter heads, folded -> as written (مراسله -> مراسلة).
_REPORTERS = {fold(r["pattern"]): r["pattern"] for r in resources.load("speaker_nouns") if r.get("reporter")}
_OUR, _OUR_AFTER_TEH_MARBUTA = statement_words("our")
#: Teh marbuta, folded: the ending that is written ت before "our".
_TEH_MARBUTA = fold("\u0629")
#: Every written "our correspondent" (مراسلنا، مراسلتنا) -> its head, folded.
_OURS = {
    (head[: -len(_TEH_MARBUTA)] + _OUR_AFTER_TEH_MARBUTA if head.endswith(_TEH_MARBUTA) else head + _OUR): head
    for head in _REPORTERS
}
#: Every written "its correspondent" (مراسلها، مراسله، مراسلتها) -> its head, folded.
_ITS = {
    head[: -len(_TEH_MARBUTA)] + its if head.endswith(_TEH_MARBUTA) else head + its: head
    for head in _REPORTERS
    for its in statement_words("its_after_teh_marbuta" if head.endswith(_TEH_MARBUTA) else "its")
}


def own_correspondent(reader: PhraseReader, word: str, pos: int) -> list[str]:
    """The speaker a written word (folded, without its conjunction) at ``pos`` names when it is
    the article's own correspondent: [its key], else []."""
    folded = _OURS.get(word) or (word[len(ARTICLE) :] if word.startswith(ARTICLE) else None)
    if folded not in _REPORTERS:
        return []
    if earlier := refer(reader, ARTICLE + folded, pos, loose=False):
        return earlier  # the reporter named before under that head (مراسل «سكاي نيوز» ... مراسلنا)
    return [_reporter(reader, pos, len(word), [], _REPORTERS[folded])]


def relayed_correspondent(reader: PhraseReader, pos: int, relayer: list[str]) -> tuple[list[str], int, int]:
    """(keys, start, end) of the relayer's own reporter when the word at ``pos`` (after a
    relaying verb's عن) names him (نقلت الوكالة عن مراسلها), else ([], pos, pos): no one known."""
    word = _WORD_RE.match(reader.text, pos)
    head = _ITS.get(word.group()) if word else None
    if word is None or head is None or len(relayer) != 1:
        return [], pos, pos
    outlet = reader.article.entities[relayer[0]].label_ar
    return [_reporter(reader, pos, len(word.group()), relayer, f"{_REPORTERS[head]} {outlet}")], pos, word.end()


def _reporter(reader: PhraseReader, pos: int, length: int, affiliation: list[str], label: str) -> str:
    """Mint the reporter whose word stands at ``pos``, labelled ``label``; the word as written
    (مراسلنا، مراسلها) is kept as another label, as readers and annotators name him so."""
    key = reader.entity("Person", pos, pos + length, affiliation, label=label)
    begin, stop = reader.ft.original_span(pos, pos + length)
    reader.article.entities[key].add_label(reader.article.text[begin:stop])
    return key
