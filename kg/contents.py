"""Where a statement's content opens after its cue and subject: أن/إن, a quotation, a colon, إلى
after a verb of clause, or a noun after the verb's object preposition (أفاد بمقتل). A verb that
takes a noun keeps a verbal noun with its subject's pronoun as content when a comma separates
it from a later أن (أعلنت X، الثلاثاء، تأييدها ...، معبرة عن أملها بأن).
"""

from __future__ import annotations

import re

from kg.cues import (
    ARTICLE,
    BREAK_RE,
    BY,
    COMPLEMENTISER_RE,
    DOCUMENT_PRONOUN_RE,
    FOR,
    RELATIVES,
    Cue,
    after_relative,
    object_start,
    statement_pattern,
    statement_words,
)
from kg.spans import QUOTE_MARK_RE, FoldedText, MentionSpans
from kg.speaker_phrases import PUNCTUATION_RE
from kg.speakers import Subject
from kg.trailing_sources import MAX_NAME_REST_WORDS, NAME_REST_RE

#: Pronoun suffixes a verbal noun content carries for its subject (تأييدها، رفضه، دعمهم).
_POSSESSIVES = tuple(w for w in statement_words("pronoun_suffix") if w.startswith("\u0647"))
#: A verbal noun with its pronoun has this many letters or more (دعمه، تأييدها).
_MIN_NOUN_LETTERS = 4
_TO_RE = re.compile(rf"{statement_pattern('to')}\s+")
_WORD_RE = re.compile(r"\S+")
#: إلى/على right before a quotation: it opens what was said (أشارت X إلى "...").
_TO_BEFORE_RE = re.compile(rf"(?<!\w){statement_pattern('to')}\s*$")
_LETTERS_RE = re.compile(r"\w+")
#: A noun right after a verb's object preposition (بمقتل، بوصول): three letters or more.
_NOUN_OBJECT_RE = re.compile(r"\w{3,}")
_OPENING_MARKS = '"\u201c\u00ab'
#: A complementiser counts as the content's start only this many words after the subject.
_MAX_SUBJECT_WORDS = 25
#: A bare verb's content opens with a quotation or أن within this many words.
_MAX_BARE_LEAD_WORDS = 3
#: The words a content's opening is looked for in, by whether the subject is written: the
#: next ``_MAX_BARE_LEAD_WORDS`` + 1 words or ``_MAX_SUBJECT_WORDS`` + 1 (one match, not a search per word).
_LEAD_RES = {
    explicit: re.compile(rf"(?:\s*\S+){{1,{most + 1}}}")
    for explicit, most in ((False, _MAX_BARE_LEAD_WORDS), (True, _MAX_SUBJECT_WORDS))
}
#: An adjunct set off by commas right after a bare verb (وأضاف، خلال مؤتمر صحفي، أن): its words
#: do not count against the verb's lead.
_SET_OFF_RE = re.compile(r"\s*[\u060c,](?:\s*[^\s\u060c,.:\"\u201c\u00ab]+){1,6}\s*[\u060c,]")
#: Where a bare verb's words were said, right after it (وأضاف في حديث لقناة X، وقال خلال مؤتمر
#: صحفي مع نظيره): its content may open as far after it as after a written subject.
_SPEECH_EVENT_RE = re.compile(
    rf"\s*{statement_pattern('in_speech')}\s+(?:{ARTICLE})?{statement_pattern('speech_event')}"
    rf"{statement_pattern('pronoun_suffix')}?(?!\w)"
)
#: Most words a describing verb's object has before بأن (وصف X الخطوة الأخيرة بأنها).
_MAX_DESCRIBED_WORDS = 10
_COMMA_RE = re.compile(r"[\u060c,]")
#: Most words whom a verb asked may have between its subject and its object (وطالب X الحكومة
#: ومجلس الأمة بقيادة), and how far they reach.
_MAX_ADDRESSEE_WORDS = 4
_ADDRESSEE_REACH = 60
#: Quoted stretches shorter than this are names («رويترز»، "داعش")، not quotations.
MIN_QUOTE_WORDS = 4


class ContentReader:
    """One article's folded text and dates, as the content rules read them."""

    def __init__(self, ft: FoldedText, date_starts: dict[int, int]) -> None:
        self.ft = ft
        self.text = ft.folded
        self.date_starts = date_starts  #: folded start -> end of each date

    def after_cue(self, cue: Cue, subject: Subject | None) -> int:
        """Where what was said may start: after the subject written after the cue, else after the
        cue and the pronoun of the document its words came in (دعت فيه إلى: not "فيه")."""
        if subject is not None and subject.explicit:
            return subject.end
        pronoun = DOCUMENT_PRONOUN_RE.match(self.text, cue.end)
        return pronoun.end() if pronoun else cue.end

    def opening(self, cue: Cue, subject: Subject | None, search_end: int, limit: int) -> tuple[int, int, bool] | None:
        """(start, end, direct) of the content when it opens with أن/إن, a quotation or a colon.

        The opening is looked for before ``search_end``; the content runs to ``limit``.
        """
        text = self.text
        explicit = subject is not None and subject.explicit
        pos = self.after_cue(cue, subject)
        if cue.form.object_word and (start := self._noun_object(cue.form.object, skip_space(text, pos))):
            return start, limit, False  # "عبّر X عن مخاوفه من أن": the noun it governs, not a clause in it
        lead_end = pos
        if not explicit and (set_off := _SET_OFF_RE.match(text, pos)):
            lead_end = set_off.end()
        wide = explicit or cue.form.addressee or bool(_SPEECH_EVENT_RE.match(text, pos))  # أبلغ Y أن
        if lead := _LEAD_RES[wide].match(text, lead_end, search_end):  # the words an opening may stand in
            lead_end = lead.end()
        markers = []
        if (m := COMPLEMENTISER_RE.search(text, pos, lead_end)) and not self._noun_first(cue, pos, m.start()):
            markers.append((m.start(), "that", m.end()))
        colon = text.find(":", pos, lead_end)
        if colon >= 0:
            markers.append((colon, "colon", colon + 1))
        for mark in QUOTE_MARK_RE.finditer(text, pos, lead_end):  # both markers stand at a quotation mark
            index = mark.start()
            quote = self.ft.quote_opening(index)
            if quote and len(text[quote[0] + 1 : quote[1]].split()) >= MIN_QUOTE_WORDS:  # its words, not its mark
                if not self._named_in_lead(pos, quote, markers):
                    markers.append((index, "quote", index))
                break
            if text[index] in _OPENING_MARKS and self._unpaired(index):
                markers.append((index, "unclosed", index + 1))
                break
        if markers and self._object_first(cue, pos, min(markers)[0]):
            markers = []  # "طالبت X بالإفراج عن Y المتهم بـ"نشر ..."": the quotation is inside what was asked
        if not markers:
            opening = skip_space(text, pos)
            if cue.form.clause and not (cue.form.relay or cue.form.that_only) and (m := _TO_RE.match(text, opening)):
                return m.end(), limit, False
            if cue.form.object and (start := self._noun_object(cue.form.object, opening)):
                return start, limit, False
            return None
        start, what, after = min(markers)
        if what == "that" and (described := self._described(cue, subject, start)) is not None:
            return described, limit, False  # "وصف X الخطوة بأنها ...": what it describes too
        if what == "unclosed":  # a quotation the page never closes (cut off): it runs to the end
            return after, limit, True
        if what != "quote":
            after = skip_space(text, after)
            quote = self.ft.quote_opening(after)
            if not quote or len(text[quote[0] + 1 : quote[1]].split()) < MIN_QUOTE_WORDS:
                return after, limit, False
            start = after
        quote = self.ft.quote_opening(start)
        return quote[0] + 1, min(quote[1], limit), True

    def _named_in_lead(self, pos: int, quote: tuple[int, int], markers: list[tuple[int, str, int]]) -> bool:
        """Whether a quotation stands inside the words before a later أن/إن, away from where the
        content opens: a name or a label in the speaker's phrase (المتحدث باسم قوات "X"، إن; صنفته
        كـ"X"، إن), not what was said."""
        that = next((start for start, what, _after in markers if what == "that"), None)
        if that is None or that < quote[1] or self.ft.quote_at(that):
            return False
        opening = skip_space(self.text, pos, "\u060c,")
        opening = skip_space(self.text, self.date_starts.get(opening, opening), "\u060c,:")
        return quote[0] > opening and not _TO_BEFORE_RE.search(self.text, opening, quote[0])

    def addressee_object(self, cue: Cue, subject: Subject | None, mentions: MentionSpans) -> int | None:
        """Where the noun asked for opens, at its clitic, when a verb only where it opens a clause
        names whom it asked between its subject and its clitic object (وطالب X الحكومة ومجلس الأمة
        بقيادة حوار): a word with the clitic within ``_MAX_ADDRESSEE_WORDS`` words, outside any name (بريطانيا
        is the addressee, not its object, in ``mentions``); None when the object follows the
        subject right away."""
        obj = cue.form.object
        if not (cue.form.opening and obj and not cue.form.object_word and subject and subject.end > cue.start):
            return None
        opening = skip_space(self.text, subject.end, "\u060c,")
        opening = skip_space(self.text, self.date_starts.get(opening, opening), "\u060c,")
        names = [(s, e) for s, e, _m in mentions.within(opening, opening + _ADDRESSEE_REACH)]
        for index, word in enumerate(_LETTERS_RE.finditer(self.text, opening, opening + _ADDRESSEE_REACH)):
            if index > _MAX_ADDRESSEE_WORDS or PUNCTUATION_RE.search(self.text, opening, word.start()):
                return None
            named = any(s <= word.start() < e for s, e in names)
            if word.group().startswith(obj) and len(word.group()) > len(obj) + 2 and not named:
                return word.start() if index else None
            if COMPLEMENTISER_RE.fullmatch(word.group()) or BREAK_RE.fullmatch(word.group()):
                return None
        return None

    def _object_first(self, cue: Cue, pos: int, marker: int) -> bool:
        """Whether the noun of a verb's clitic object (طالب X بالإفراج، أفاد بمقتل) opens before
        the first quotation, colon or أن of its lead, which then stand inside what was said."""
        obj = cue.form.object
        if not obj or cue.form.object_word or after_relative(self.text, cue.start):
            return False  # "الاجتماع الذي طالبت X بعقده، إن": the object is the relative's noun
        start = self._noun_object(obj, skip_space(self.text, pos))
        return start is not None and start < marker

    def _noun_first(self, cue: Cue, pos: int, clause: int) -> bool:
        """Whether a cue that takes a noun opens its content with a verbal noun bearing its
        subject's pronoun before a comma, so a clause after the comma is another's ("أعلنت X،
        الثلاثاء، تأييدها ...، معبرة عن أملها بأن")."""
        if cue.form.clause:
            return False
        opening = skip_space(self.text, pos, "\u060c,")
        opening = skip_space(self.text, self.date_starts.get(opening, opening), "\u060c,")
        word = _WORD_RE.match(self.text, opening)
        if not word or word.end() > clause or BREAK_RE.fullmatch(word.group().strip("\u060c,")):
            return False
        noun = word.group().strip("\u060c,")
        if len(noun) < _MIN_NOUN_LETTERS or noun[:1] in (FOR, BY) or noun.startswith(ARTICLE):
            return False
        if not noun.endswith(_POSSESSIVES):
            return False
        return any(mark in self.text[word.end() : clause] for mark in "\u060c,")

    def _described(self, cue: Cue, subject: Subject | None, clause: int) -> int | None:
        """Where what a describing verb or participle describes opens, when it names it between its
        written subject (or the participle) and a clause opening with بأن: a few words, past a day
        or what is set off by commas after the subject (وصف X، في بيان، الخطوة بأنها; وصف X، وزير
        الخارجية، الخطوة بأنها), not opening with a preposition (لوكالة: whom it was said to) or a
        relative (the subject's clause); None when it names none."""
        after = subject.end if subject and subject.explicit else cue.end
        if not (cue.form.described and (subject or cue.form.kind == "participle") and self.text.startswith(BY, clause)):
            return None
        opening = skip_space(self.text, after, "\u060c,")
        comma = _COMMA_RE.search(self.text, opening, clause) if opening > after else None
        if comma and self.text[comma.end() : clause].strip():  # past what is set off after the subject,
            opening = skip_space(self.text, comma.end(), "\u060c,")  # not past the object's own comma
        opening = skip_space(self.text, self.date_starts.get(opening, opening), "\u060c,")
        words = self.text[opening:clause].split()
        if not 0 < len(words) <= _MAX_DESCRIBED_WORDS or BREAK_RE.fullmatch(words[0]) or words[0][:1] in (FOR, BY):
            return None
        if words[0] in RELATIVES:  # "وصف X الذي زار Y الخطوة بأنها": the subject's clause, not what it describes
            return None
        return opening

    def _noun_object(self, preposition: str, pos: int) -> int | None:
        """Where a noun content opens with the verb's object preposition ("أفاد المرصد السوري
        لحقوق الإنسان بمقتل ..."): after the rest of the subject's name, if it goes on, and the day
        set off after it ("أفادت مصادر محلية، الجمعة، بمقتل"); at a clitic (بمقتل), after a word
        (عن قلقه)."""
        for _ in range(MAX_NAME_REST_WORDS + 1):  # "إعلان شركة "X" الأمريكية عن": past the name's closing mark
            pos = skip_space(self.text, self.date_starts.get(pos, pos), '\u060c,"\u201d\u00bb')
            start = object_start(self.text, pos, preposition)
            if start is not None and _NOUN_OBJECT_RE.match(self.text, start):
                return pos if len(preposition) == 1 else start  # a clitic stays on its noun, as written
            if not (rest := NAME_REST_RE.match(self.text, pos)):
                return None
            pos = skip_space(self.text, rest.end())
        return None

    def _unpaired(self, index: int) -> bool:
        """Whether the quotation mark at ``index`` opens no quotation, closes none and stands in none."""
        ft = self.ft
        return not (ft.quote_opening(index) or ft.quote_closing(index) or ft.quote_at(index))


def skip_space(text: str, pos: int, also: str = "") -> int:
    """The first offset from ``pos`` that is no space (nor one of ``also``)."""
    while pos < len(text) and (text[pos].isspace() or text[pos] in also):
        pos += 1
    return pos
