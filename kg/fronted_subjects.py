"""The subject of a bare verb written before it, so that the noun after the verb is its object.

Arabic puts the subject after the verb (دعا X Y إلى), but news also writes it first: after كان
and the particle قد (وكان X قد أعلن), and right before a verb without و/ف where the subject opens
its clause (X دعا Y إلى، وكان X طالب Y بـ، أن X حث Y على). There the noun after the verb is the
one called on, asked or warned: the object, never the speaker.
"""

from __future__ import annotations

import re

from kg.cues import BREAK_RE, BY, COMPLEMENTISER_RE, CONNECTORS, Cue, statement_words
from kg.spans import words_pattern
from kg.speaker_phrases import PUNCTUATION_RE
from kg.speakers import SpeakerReader, Subject
from kg.trailing_sources import DATELINE_RE

#: "قد" before a verb whose subject stands before it (وكان المرصد قد أعلن).
PARTICLES = frozenset(statement_words("particle"))
#: Words after which a subject opens a clause: كان (وكان X دعا) and the connectors (كما، فيما).
_AUXILIARY_RE = re.compile(words_pattern("statement_words", "auxiliary"))
#: Prepositions no subject ends with: "حذر Y من أن" (BREAK_RE has the others).
_OBJECT_PREPOSITIONS = frozenset(statement_words("object_preposition"))
#: How far after the verb its own subject may start, and what was said after it.
_SUBJECT_REACH = 3
_CLAUSE_REACH = 80


def fronted_subject(text: str, speakers: SpeakerReader, cue: Cue, sentence: int, embedded: bool) -> Subject | None:
    """The subject of the bare verb ``cue`` written before it, or None when it has none there.

    A verb inside what an earlier statement says (وقال X إن Y دعا Z إلى) is part of it: its
    subject right before it is then an empty subject (no statement of its own, not Z's)."""
    words = text[sentence : cue.start].split()
    if cue.form.kind != "verb" or cue.prefixed or not words:
        return None
    plural = cue.form.number in ("dual", "plural")
    if words[-1] in PARTICLES:
        return speakers.before(cue.start, sentence, plural=plural) if len(words) > 1 else None
    subject = speakers.before(cue.start, sentence, plural=plural)
    if not subject or not subject.keys or subject.relative or text[subject.end : cue.start].strip():
        return None
    if not _opens_clause(text, sentence, _phrase_start(speakers, subject, sentence)):
        return None
    if not embedded and _subject_after(text, speakers, cue, subject):
        return None
    return Subject([], subject.start, subject.end) if embedded else subject


def _subject_after(text: str, speakers: SpeakerReader, cue: Cue, subject: Subject) -> bool:
    """Whether the verb has its subject after it all the same: the same one again (a headline
    glued to its sentence: "X أعلن X عن") or a phrase what was said follows without a
    preposition between (a byline before "أعلن الوزير X أن"). An object is followed by one
    (دعا Y إلى أن، حذر Y من أن), and so is the noun after a verb of telling (أبلغ Y أن)."""
    if cue.form.addressee:
        return False
    after = [t for t in speakers.mentions.within(cue.end, cue.end + _SUBJECT_REACH) if t[2].entity]
    if after and not text[cue.end : after[0][0]].strip() and after[0][2].entity in subject.keys:
        return True
    said = COMPLEMENTISER_RE.search(text, cue.end, cue.end + _CLAUSE_REACH)
    if not said or len(said.group().split()) > 1 or said.group().startswith(BY):
        return False  # none, or after إلى/على or بـ: "دعا Y إلى أن"، "وصف Y بأنه"
    if PUNCTUATION_RE.search(text, cue.end, said.start()):
        return False  # another clause's: "حذر Y من كذا، قائلاً إن"
    before = text[cue.end : said.start()].split()
    return len(before) > 0 and not BREAK_RE.fullmatch(before[-1]) and before[-1] not in _OBJECT_PREPOSITIONS


def _phrase_start(speakers: SpeakerReader, subject: Subject, sentence: int) -> int:
    """Where the subject's phrase starts: before the titles of the same person (الرئيس X)."""
    start = subject.start
    for s, e, mention in reversed(speakers.mentions.within(sentence, start)):
        if e <= start and mention.entity in subject.keys and not speakers.text[e:start].strip():
            start = s
    return start


def _opens_clause(text: str, sentence: int, start: int) -> bool:
    """Whether a subject at ``start`` opens its clause: at the sentence's start (after a dateline),
    after كان, a connector or أن/إن. After any other word it may be a verbal noun's object (بعد
    لقائه X قال)."""
    lead = text[sentence:start]
    if not lead.strip() or DATELINE_RE.fullmatch(lead):
        return True
    last = lead.split()[-1]
    return bool(_AUXILIARY_RE.fullmatch(last) or last in CONNECTORS or COMPLEMENTISER_RE.fullmatch(last))
