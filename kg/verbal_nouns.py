"""A verbal noun as a reporting cue, where its speaker is its genitive: تأكيد X نية أوروبا،
إعلان X عن، تحذير X من، مطالبات X بـ، مزاعم X بأن (``kg/data/reporting_verbs.jsonl``, label
``noun``). A noun of a claim, which takes no preposition of its own (مزاعم، اتهامات), reports
only the clause right after its genitive: elsewhere it is the object of another report (وصف X
اتهامات Y لبلاده بأنها: what X said).

The speaker is written right after the noun (a title set off by a comma before the name and the
quotation marks around a name may stand between: إعلان الرئيس الأمريكي، X؛ إعلان شركة "X");
what was said is the clause after أن, the noun after the noun's own preposition, or, for a noun
that takes one (تأكيد، إعلان), the noun right after the speaker. The noun stands in a clause of
its own sentence (بعد إعلان X عن ...، عقدت الوزيرة): what was said ends where that sentence goes on.
"""

from __future__ import annotations

import re

from kg.contents import skip_space
from kg.cues import BREAK_RE, COMPLEMENTISER_RE, CONNECTORS, FOR, Cue
from kg.speaker_phrases import PUNCTUATION_RE
from kg.speakers import Subject

_WORD_RE = re.compile(r"\w+")
#: What may stand between a verbal noun and its genitive's name: the comma after a title, the
#: quotation marks around a name.
_APPOSITION_MARKS_RE = re.compile(r"[\u060c\"\u201c\u00ab]")
_COMMA_RE = re.compile(r"[\u060c,]")


def genitive_subject(text: str, cue: Cue, subject: Subject) -> bool:
    """Whether a verbal noun's written subject is its genitive: after it with no punctuation
    but a title's comma or a name's quotation marks between, after no preposition, and not
    after a clitic (رسالة تحذير لروسيا: whom it was addressed to); a noun with no preposition of
    its own only with its clause right after the genitive (مزاعم X بأن)."""
    first = _WORD_RE.search(text, cue.end)
    return (
        subject.explicit
        and (bool(cue.form.object) or bool(COMPLEMENTISER_RE.match(text, skip_space(text, subject.end, "\u060c,"))))
        and first is not None
        and not text[subject.start - 1 : subject.start].isalpha()
        and not PUNCTUATION_RE.search(text, cue.end, first.start())
        and not PUNCTUATION_RE.search(_APPOSITION_MARKS_RE.sub(" ", text[cue.end : subject.start]))
        and not BREAK_RE.fullmatch(first.group())
    )


def noun_follows(text: str, subject: Subject, opening: bool, finite_verbs: frozenset[str]) -> bool:
    """Whether a noun, what was said, follows a verbal noun's subject right away (تأكيد X نية
    أوروبا): not a preposition, a time word, a ل-genitive that goes on with a name, nor, when
    the noun opens its sentence (``opening``), the verb it is the subject of (إعلان X جاء بعد)."""
    word = _WORD_RE.search(text, subject.end)
    return (
        word is not None
        and not PUNCTUATION_RE.search(text, subject.end, word.start())
        and word.group()[:1] != FOR
        and not BREAK_RE.fullmatch(word.group())
        and not (opening and word.group() in finite_verbs)
    )


def main_clause_start(text: str, start: int, end: int, finite_verbs: frozenset[str]) -> int:
    """Where the sentence a verbal noun's phrase stands in goes on after a comma, at a verb or a
    connector (بعد إعلان X عن طرد السفير، عقدت الوزيرة); ``end`` when it does not. A comma
    inside the phrase (عقد لمدة عشر سنوات، بقيمة ...) does not end it."""
    for comma in _COMMA_RE.finditer(text, start, end):
        word = _WORD_RE.search(text, comma.end(), end)
        if word and (word.group() in CONNECTORS or word.group() in finite_verbs):
            return comma.start()
    return end


def take_over_claim(found: list) -> bool:
    """Whether the statement found last, a verbal noun's, stands inside what an earlier one of its
    sentence says (قال X إن مزاعم Y بأن ...: X goes on speaking after it, not Y). An earlier verb
    whose object the noun is (نفت X مزاعم Y بأن، رفض X اتهامات Y بأن) read the claim's clause as
    its own: the clause is the claim's, and that verb's statement is dropped. A noun that takes a
    preposition of its own (إعلان X عن) leaves it: "صرح X قبيل إعلان المحكمة أن" is X's too."""
    noun = found[-1]
    for earlier in found[-2::-1]:
        if earlier.cue.start < noun.cue.start and earlier.content_start >= noun.cue.end:
            if not noun.cue.form.object:  # "صرح X قبيل إعلان المحكمة أن": X's words as well
                found.remove(earlier)
            return True
        if earlier.content_start <= noun.cue.start < earlier.content_end:
            return True
    return False
