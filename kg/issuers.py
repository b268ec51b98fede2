"""Who issued a document: the statements an article says were issued (أصدرت X بياناً، بيان
للخارجية، بيان صادر عن X), and the author of a document a sentence says its words came in
("جاء ذلك في تغريدة لـX ...، حيث قال"). Read by the speaker rules (``kg.speakers``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from kg.actors import ACTOR_TYPES
from kg.cues import AND, ARTICLE, DOCUMENT_PRONOUN_RE, FOR, statement_pattern, statement_words, strip_article
from kg.model import Mention
from kg.spans import MentionSpans, fold

if TYPE_CHECKING:
    from kg.speakers import SpeakerReader, Subject

#: Between a joint statement and its issuer: nothing, ل (بيان للخارجية، لمكتب X), "صادر عن"
#: / "صدر عن" after the statement's adjectives (البيان الثلاثي الصادر عن، بيان مشترك صدر عن) with
#: perhaps its date between (صدر الأحد عن), or the issuing verb with the document's pronoun
#: (بيان أصدرته الوزارة، بيان نشره المكتب).
ISSUED_BY = (
    rf"(?:{statement_pattern('issued')}\s+(?:\S+\s+)?{statement_pattern('issuer_link')}"
    rf"|{statement_pattern('issued_it')}|{statement_pattern('published_it')})\s+"
)
#: The statement's adjectives before its issuing word are no ل-phrase: "بيان للتحالف نشرته وكالة
#: X" names the issuer in the ل-phrase, not after the verb.
GENITIVE_GAP_RE = re.compile(rf"^\s*(?:{FOR}(?:\S+\s+)?|(?:(?!{FOR})\S+\s+){{0,2}}{ISSUED_BY})?$")
#: "نشرته وكالة X" after a document: the verb of an outlet that only carried it.
_CARRIED_RE = re.compile(rf"{statement_pattern('published_it')}\s+$")
#: How far after a joint statement its issuer may be named (بيان صادر عن وزارة ...).
ISSUER_REACH_CHARS = 40
#: "أصدرت وزارة الخارجية بياناً": an issuer and its statement.
_ISSUED_RE = re.compile(
    rf"(?<!\w){statement_pattern('issue_verb')}\s+(?:\S+\s+){{1,6}}?{statement_pattern('issued_statement')}(?!\w)"
)
#: A statement named as a document (بيان، وبيان، ببيان), whose issuer may follow it.
_NAMED_DOCUMENT_RE = re.compile(rf"(?<!\w)[{AND}{statement_words('by')[0]}]?{statement_pattern('statement')}(?!\w)")
#: "في تغريدة للبرادعي"، "في بيان لوزارة الخارجية": a document and, after its ل, whose it is.
_IN_DOCUMENT_OF_RE = re.compile(
    rf"(?<!\w){statement_pattern('in_statement')}\s*{statement_pattern('document')}\s+{FOR}(?=\w)"
)
#: "نشرت الوزارة تسجيلاً ..."، "أصدر الحزب بياناً": a body and the document it put out, which a
#: verb with the document's pronoun (قالت فيه) then speaks for.
_PUBLISHED_RE = re.compile(
    rf"(?<!\w){statement_pattern('issue_verb')}\s+(?:\S+\s+){{0,6}}?{statement_pattern('published_document')}(?!\w)"
)
#: Most words between a body written before its issuing verb and the verb (وكان الحزب قد أصدر).
_MAX_ISSUER_GAP_WORDS = 2
#: One word without the punctuation after it.
_BARE_WORD_RE = re.compile(r"\w+")


def issuer_follows(gap: str, issuer: Mention, outlets: Collection[str]) -> bool:
    """Whether ``issuer``, written ``gap`` after a document, issued it (بيان للخارجية، بيان صادر
    عن X، بيان نشرته الوزارة): an outlet that published it (بيان نشرته وكالة X) only carried it."""
    if not GENITIVE_GAP_RE.match(gap):
        return False
    return not (_CARRIED_RE.search(gap) and strip_article(fold(issuer.text).split()[0]) in outlets)


def issued_statements(
    text: str,
    mentions: MentionSpans,
    subject_of: Callable[[tuple[int, int, Mention]], Subject],
    outlets: Collection[str],
) -> list[tuple[int, list[str]]]:
    """(folded offset, issuers) of each statement an article says was issued (أصدرت X بياناً)
    or names with its issuer after it (بيان للخارجية، بيان صدر عن X), in text order."""
    issued = [
        (m.start(), keys)
        for m in _ISSUED_RE.finditer(text)
        if (keys := [t[2].entity for t in mentions.within(m.start(), m.end()) if t[2].type in ACTOR_TYPES][:1])
    ]
    for m in _NAMED_DOCUMENT_RE.finditer(text):
        after = [t for t in mentions.within(m.end(), m.end() + ISSUER_REACH_CHARS) if t[2].type in ACTOR_TYPES]
        if after and issuer_follows(text[m.end() : after[0][0]], after[0][2], outlets):
            issued.append((m.start(), subject_of(after[0]).keys))
    return sorted(issued, key=lambda item: item[0])


def document_author(reader: SpeakerReader, sentence: int, cue_start: int, cue_end: int) -> list[str]:
    """Whose document the sentence says its words came in, before a verb with no subject:
    "جاء ذلك في تغريدة للبرادعي ...، حيث قال" is the author's (the mention after ل, or a
    surname written with it); "أصدر الحزب بياناً، أكد فيه" the body that put the document out
    (the first actor between the verb and the document, else the one right before the verb:
    وكان الحزب قد أصدر بياناً), when the verb has its pronoun."""
    text = reader.text
    if DOCUMENT_PRONOUN_RE.match(text, cue_end):
        for m in reversed(list(_PUBLISHED_RE.finditer(text, sentence, cue_start))):
            actors = [t for t in reader.mentions.within(sentence, m.end()) if t[2].type in ACTOR_TYPES]
            after = [t for t in actors if t[0] >= m.start()]
            before = [t for t in actors if t[1] <= m.start() and _subject_gap(text[t[1] : m.start()])]
            if after or before:
                return reader.keys_of((after[:1] or before[-1:])[0][2])
    for m in reversed(list(_IN_DOCUMENT_OF_RE.finditer(text, sentence, cue_start))):
        after = [t for t in reader.mentions.within(m.end() - 1, m.end() + 1) if t[2].type in ACTOR_TYPES]
        if after:
            return reader.keys_of(after[-1][2])
        word = _BARE_WORD_RE.match(text, m.end())
        # "للبرادعي": ل before the article, which loses its alef
        name = ARTICLE + word.group()[1:] if word and word.group()[:1] == FOR else word and word.group()
        if name and (key := reader.surnames.get(name) or reader.phrases.surnames.get(name)):
            return [key]
    return []


def _subject_gap(gap: str) -> bool:
    """Whether a body may be the subject of the verb ``gap`` after it: no punctuation, two
    words at most (قد)."""
    return len(gap.split()) <= _MAX_ISSUER_GAP_WORDS and not any(c in gap for c in "\u060c,.:\"")


def names_document(reader: SpeakerReader, subject: Subject) -> bool:
    """Whether a subject is written as a document (البيان، البيان المشترك), not its issuer."""
    return any(start == subject.start and kind in ("document", "joint") for start, _end, kind in reader.nouns)
