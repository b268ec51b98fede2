"""Sources named after what they reported: "...، وفقاً لما ذكرته وكالة «رويترز»."

A sentence that ends with an attribution preposition and its source (بحسب، وفقاً لـ، حسبما
أعلنت، على ما أفاد) reports the words before it. The source must be an actor (``kg.speakers``:
"وفق الاتفاق" or "حسب المحافظات" name none), and after it may come only the rest of its name,
a bracketed remark or its quoted short name, where or in what it said so (في غزة، في بيان), and the sentence's end or a
comma before a new clause (و-، a relative, a connector, a preposition, a date). A source set off
by commas inside what it reported ("ويشمل الاتفاق، وفق X، ...") reported the whole sentence;
a document so set off ("واستعرض الجانبان، وفق البيان، التحديات") only records it.
"""

from __future__ import annotations

import re

from kg.cues import (
    ARTICLE,
    BREAK_RE,
    BY,
    CONJUNCTIONS,
    CONNECTORS,
    FOR,
    Cue,
    CueLexicon,
    statement_pattern,
    statement_words,
    strip_article,
)
from kg.issuers import names_document
from kg.lexicon import WORD_RE
from kg.spans import FoldedText
from kg.speakers import SpeakerReader, Subject

#: A dateline before the first sentence: one or two words of place and a dash.
DATELINE_RE = re.compile(r"\s*[^\W\d]+(?:\s[^\W\d]+)?\s*[-\u2013]\s*")
#: What may follow a source that closes its sentence: the definite rest of its name (الوكالة
#: الوطنية للإعلام، المرصد السوري لحقوق الإنسان), a bracketed remark ((رسمية)), quotation marks.
_NAME_REST = rf"\s*(?:{ARTICLE}|{FOR}{FOR}|{BY}{ARTICLE}|{FOR}(?=\S+\s+{ARTICLE}))\S+"
NAME_REST_RE = re.compile(_NAME_REST)
MAX_NAME_REST_WORDS = 3
#: ... its short name in quotation marks (وكالة الأنباء الرسمية "واس")،
_SHORT_NAME = r"(?:\s*[\"\u201c\u00ab][^\"\u201d\u00bb\u060c,.]{1,40}[\"\u201d\u00bb])?"
#: ... then where or in what it said so (في غزة، في بيان), and the sentence's end or a comma
#: and the word that opens what follows.
_ADJUNCT = rf"(?:\s+{statement_pattern('in_statement')}(?:\s+[^\s\u060c,.]+){{1,{MAX_NAME_REST_WORDS}}})?"
_CLOSING_RE = re.compile(
    rf"(?:(?=\s){_NAME_REST}){{0,{MAX_NAME_REST_WORDS}}}(?:\s*\([^()]*\))?{_SHORT_NAME}{_ADJUNCT}"
    rf"(?:[\s\"\u201d\u00bb.]*|\s*[\u060c,]\s*(?P<next>\S+)[\s\S]*)"
)
#: Fewer words before a source set off by commas are no report of their own (وبدأت، وفق X،).
_MIN_REPORT_WORDS = 4
#: Most words between the preposition and a source set off inside its report (حسبما قالت X).
_MAX_SOURCE_GAP_WORDS = 2
_RELATIVES = frozenset(statement_words("relative"))
#: What ends the outlet a source spoke to: a comma or the sentence's end.
_CLAUSE_MARK_RE = re.compile(r"[\u060c,.]")
#: "بحسب بيان للوزارة نشرته وكالة X": the outlet that carried the source's document, a verb
#: with the document's pronoun and the outlet (a clause of its own, the issuer still speaks).
_PUBLISHED_IT_RE = re.compile(rf"[\s\u060c,]*{statement_pattern('published_it')}\s+(?=\w)")
#: Most words of the outlet and where it carried the document (وكالة الأنباء الرسمية على موقعها).
_MAX_PUBLISHER_WORDS = 6


def read_trailing_source(
    ft: FoldedText, lexicon: CueLexicon, speakers: SpeakerReader, cue: Cue, sentence: int, limit: int
) -> tuple[Subject, int, int] | None:
    """(source, content start, content end) in folded offsets of the source an attribution
    preposition names after what it reported, or None.

    Args:
        ft: the article's folded text.
        lexicon: the cue lexicon (a sentence with a reporting verb before the source is
            someone else's report the source relays: "وقال X إن ...، وفقاً لوكالة").
        speakers: the article's speaker reader.
        cue: the attribution preposition.
        sentence: folded offset where its sentence starts.
        limit: where its sentence (or enclosing quotation) ends.
    """
    text = ft.folded
    lead = text[sentence : cue.start].rstrip().rstrip("\u060c,").rstrip()
    if not lead or ft.quote_at(cue.start):
        return None
    if any(c.form.kind == "verb" for c in lexicon.cues(lead)):
        return None
    subject = speakers.after(cue, limit)
    if subject and not subject.keys:  # "حسبما قال مسؤولون.": a group alone, if nothing follows it
        subject = _lone_group(lexicon, speakers, subject.start)
    if not subject:
        return None
    after = subject.end
    while after < len(text) and (text[after].isspace() or text[after] in "\u060c,"):
        after += 1
    after = speakers.date_starts.get(after, subject.end)  # "بحسب ما أعلنت الوزارة، الثلاثاء."
    after = _past_outlet(lexicon, speakers, after, limit)  # "حسبما قال X لوكالة Y."
    after = _past_publisher(text, after, limit)  # "بحسب بيان لـX نشرته وكالة Y."
    closing = _CLOSING_RE.fullmatch(text, after, limit)
    if not closing:
        return None
    if not subject.keys:
        subject.keys = [speakers.phrases.entity("Person", subject.start, subject.end, [])]
        speakers.phrases.plural.add(subject.keys[0])
    dateline = DATELINE_RE.match(lead)
    start = sentence + (dateline.end() if dateline else 0)
    if closing["next"] and (
        len(lead.split()) < _MIN_REPORT_WORDS or not _new_clause(speakers, closing.start("next"), closing["next"])
    ):
        if names_document(speakers, subject) or len(text[cue.end : subject.start].split()) > _MAX_SOURCE_GAP_WORDS:
            return None  # "واستعرض الجانبان، وفق البيان، التحديات": what a document records, no report
        return subject, start, limit  # "ويشمل الاتفاق، حسب المرصد، انسحاب ...": the whole sentence
    return subject, start, sentence + len(lead)


def _past_outlet(lexicon: CueLexicon, speakers: SpeakerReader, pos: int, limit: int) -> int:
    """Where the outlet a source told what it reported ends, if one is written at ``pos`` (لوكالة
    X، للقناة الرسمية، لـ[a known outlet]): ل, then an outlet head or a body's name, up to the
    comma or the end of the sentence within a few words; else ``pos``."""
    text = speakers.text
    at = pos + len(text[pos:limit]) - len(text[pos:limit].lstrip("\u060c, "))
    word = WORD_RE.match(text, at)
    if not word or word.group()[:1] != FOR:
        return pos
    outlet = strip_article(word.group()[1:]) in lexicon.outlet_heads or any(
        t[2].type == "Organization" for t in speakers.mentions.within(at + 1, at + 2)
    )
    stop = _CLAUSE_MARK_RE.search(text, at, limit)
    end = stop.start() if stop else limit
    return end if outlet and len(text[at:end].split()) <= 1 + MAX_NAME_REST_WORDS else pos


def _past_publisher(text: str, pos: int, limit: int) -> int:
    """Where the clause naming the outlet that carried the source's document ends, if one opens
    at ``pos`` (نشرته وكالة Y، بثته القناة الرسمية): up to the comma or the sentence's end within
    a few words; else ``pos``."""
    verb = _PUBLISHED_IT_RE.match(text, pos, limit)
    if not verb:
        return pos
    stop = _CLAUSE_MARK_RE.search(text, verb.end(), limit)
    end = stop.start() if stop else limit
    return end if len(text[verb.end() : end].split()) <= _MAX_PUBLISHER_WORDS else pos


def _lone_group(lexicon: CueLexicon, speakers: SpeakerReader, pos: int) -> Subject | None:
    """The span, with no speaker yet, of an indefinite group of people or sources written alone
    at ``pos`` (مسؤولون، لمصادر): it speaks only where it closes what it reported, which the
    caller checks before making it an unnamed Person."""
    text = speakers.text
    for start in (pos, pos + 1) if text.startswith(FOR, pos) else (pos,):
        word = WORD_RE.match(text, start)
        if word and word.group() in lexicon.closing_heads:
            return Subject([], start, word.end())
    return None


def _new_clause(speakers: SpeakerReader, pos: int, word: str) -> bool:
    """Whether the word at ``pos`` after a comma opens a new clause: with و/ف, a relative or
    connector, a preposition or a date ("، وتوجه"، "، الذي قال"، "، في وقت"، "، الاثنين")."""
    if word[:1] in CONJUNCTIONS and len(word) > 2 or word in _RELATIVES or word in CONNECTORS:
        return True
    return bool(BREAK_RE.fullmatch(word)) or pos in speakers.date_starts
