"""One of a group as a speaker: "وقال أحد المسؤولين إن"، "أكد أحد أعضاء وفد الفصائل لوكالة X أن".

The words after أحد (not إحدى, as often one of some things: إحدى الصحف، الروايات) up to where
the subject ends (what was said opening with أن/إن, a colon or a quotation; a comma; the
addressee after ل; a preposition of ``subject_break``) are the group the speaker is one of. A
group read before under the same head (أحد المسؤولين after "مسؤولون أميركيون") is that group, a
person named in the phrase that person (أحد موقعي البيان فلان); any other phrase of a few words
is an unnamed Person named by the whole phrase, affiliated to the bodies and states named in it
(أحد أعضاء وفد الفصائل).
"""

from __future__ import annotations

import re

from kg.actors import ACTOR_TYPES
from kg.cues import ARTICLE, BREAK_RE, COMPLEMENTISER_RE, FOR, statement_words
from kg.speaker_phrases import Phrase, PhraseReader, refer
from kg.unknown_names import WORD_RE

#: "أحد": one of the group named after it.
ONE_OF = frozenset(statement_words("one_of"))
#: Most words of the group after أحد (أحد أعضاء وفد الفصائل المفاوض).
_MAX_WORDS = 5
_RELATIVES = frozenset(statement_words("relative"))
#: What ends the group: punctuation or the opening of a quotation.
_END_RE = re.compile(r"[\u060c,:;.\"\u201c\u00ab(]")


def read_member(phrases: PhraseReader, quantifier: str, start: int, pos: int, limit: int) -> Phrase | None:
    """The speaker "one of" a group stands for when ``quantifier``, written from ``start`` to
    ``pos``, is أحد; None when it is not, or no short phrase of nouns follows."""
    if quantifier not in ONE_OF:
        return None
    text = phrases.text
    words = []
    addressee = []  #: "لوكالة الأنباء الألمانية": whom the speaker spoke to, read past
    for word in WORD_RE.finditer(text, pos, limit):
        gap = text[words[-1].end() if words else pos : word.start()]
        if _END_RE.search(gap) or COMPLEMENTISER_RE.fullmatch(word.group()) or BREAK_RE.fullmatch(word.group()):
            break
        if words and word.group().startswith(FOR) and not word.group().startswith(ARTICLE):
            addressee = [e for _s, e, _m in phrases.mentions.within(word.start() + 1, word.start() + 2)]
            break
        if word.group() in phrases.lex.finite_verbs or word.group() in _RELATIVES or len(words) == _MAX_WORDS:
            return None  # "وقال أحد الذين شاركوا": a clause, not a group
        words.append(word)
    if not words:
        return None
    if (head := words[0].group()).startswith(ARTICLE) and (earlier := refer(phrases, head, words[0].start(), False)):
        return Phrase(earlier, start, words[0].end())
    end = words[-1].end()
    named = [t for t in phrases.mentions.within(pos, end) if t[2].type in ACTOR_TYPES and t[2].entity]
    if person := next((t for t in named if t[2].type == "Person"), None):
        return Phrase([person[2].entity], start, person[1])  # "أحد موقعي البيان فلان": the person named
    served = [m.entity for _s, _e, m in named]
    return Phrase([phrases.entity("Person", start, end, served)], start, max([end, *addressee]))
