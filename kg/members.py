"""One of a group as a speaker: "وقال أحد المسؤولين إن"، "أكد أحد أعضاء وفد الفصائل لوكالة X أن".

The words after أحد (not إحدى, as often one of some things: إحدى الصحف، الروايات) up to where
the subject ends (what was said opening with أن/إن, a colon or a quotation; a comma; the
addressee after ل; a preposition of ``subject_break``) are the group the speaker is one of. A
group read before under the same head (أحد المسؤولين after "مسؤولون أميركيون") is that group, a
person named in the phrase that person (أحد موقعي البيان فلان); any other phrase of a few words
is an unnamed Person named by the whole phrase, affiliated to the bodies and states named in it
(أحد أعضاء وفد الفصائل).

A part of a group (بعض، عدد من، معظم: ``group_of``) speaks as the group: the entity its words
name when they open with one (بعض الدول الأوروبية), else the same kind of phrase read after the
quantifier, an unnamed Person named by the group without it (عدد من قادة المعارضة: قادة المعارضة).
"""

from __future__ import annotations

import re

from kg.actors import ACTOR_TYPES
from kg.cues import AND, ARTICLE, BREAK_RE, COMPLEMENTISER_RE, FOR, statement_pattern, statement_words
from kg.speaker_phrases import Phrase, PhraseReader, refer
from kg.unknown_names import WORD_RE

#: "أحد": one of the group named after it.
ONE_OF = frozenset(statement_words("one_of"))
#: Most words of the group after أحد (أحد أعضاء وفد الفصائل المفاوض).
_MAX_WORDS = 5
_RELATIVES = frozenset(statement_words("relative"))
#: What ends the group: punctuation or the opening of a quotation.
_END_RE = re.compile(r"[\u060c,:;.\"\u201c\u00ab(]")
#: What a group's phrase must stand before to be a subject: what was said (أن/إن, a colon or a
#: quotation, also after a comma), a preposition that is no time word (عن أملهم، في بيان; not
#: "بعد", where a false cue's object ends: "هدوء حذر معظم المدن بعد") or the addressee after ل.
_CLAUSE_NEXT_RE = re.compile(
    rf"[\s\u060c,]*(?:{COMPLEMENTISER_RE.pattern}|[:\"\u201c\u00ab])"
    rf"|\s+(?:{statement_pattern('group_end')}(?!\w)|{FOR}(?!{ARTICLE}))"
)


def read_member(phrases: PhraseReader, quantifier: str, start: int, pos: int, limit: int) -> Phrase | None:
    """The speaker "one of" a group stands for when ``quantifier``, written from ``start`` to
    ``pos``, is أحد; None when it is not, or no short phrase of nouns follows."""
    if quantifier not in ONE_OF:
        return None
    return _read_phrase(phrases, start, pos, limit, one=True)


def read_group(phrases: PhraseReader, start: int, pos: int, limit: int) -> Phrase | None:
    """The group a part of it (بعض، عدد من), written from ``start`` to ``pos``, speaks as: a
    group read before under the same head, else an unnamed Person named by the words after the
    quantifier, affiliated to the actors named in them; None when no short phrase of nouns follows."""
    return _read_phrase(phrases, start, pos, limit, one=False)


def _read_phrase(phrases: PhraseReader, start: int, pos: int, limit: int, one: bool) -> Phrase | None:
    """The speaker of a short phrase of nouns from ``pos`` after a quantifier written from
    ``start``: one of its members (``one``), or the group itself."""
    text = phrases.text
    words = []
    addressee = []  #: "لوكالة الأنباء الألمانية": whom the speaker spoke to, read past
    coordinated = False
    for word in WORD_RE.finditer(text, pos, limit):
        gap = text[words[-1].end() if words else pos : word.start()]
        if _END_RE.search(gap) or COMPLEMENTISER_RE.fullmatch(word.group()) or BREAK_RE.fullmatch(word.group()):
            break
        if words and word.group().startswith(AND) and phrases.mentions.within(word.start() + 1, word.start() + 2):
            coordinated = True  # "بعض الدول الأوروبية والصين": a name coordinated with the group
            break
        if words and word.group().startswith(FOR) and not word.group().startswith(ARTICLE):
            addressee = [e for _s, e, _m in phrases.mentions.within(word.start() + 1, word.start() + 2)]
            break
        if word.group() in phrases.lex.finite_verbs or word.group() in _RELATIVES or len(words) == _MAX_WORDS:
            return None  # "وقال أحد الذين شاركوا": a clause, not a group
        words.append(word)
    if not words or not (one or coordinated or _CLAUSE_NEXT_RE.match(text, words[-1].end())):
        return None  # "استنكرت العديد من الدول الهجوم، من بينها": the object may be in the phrase
    if (head := words[0].group()).startswith(ARTICLE) and (earlier := refer(phrases, head, words[0].start(), False)):
        return Phrase(earlier, start, words[0].end())
    end = words[-1].end()
    named = [t for t in phrases.mentions.within(pos, end) if t[2].type in ACTOR_TYPES and t[2].entity]
    person = next((t for t in named if t[2].type == "Person"), None)
    if one and person:
        return Phrase([person[2].entity], start, person[1])  # "أحد موقعي البيان فلان": the person named
    served = [m.entity for _s, _e, m in named]
    return Phrase([phrases.entity("Person", start if one else pos, end, served)], start, max([end, *addressee]))
