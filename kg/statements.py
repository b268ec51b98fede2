"""The statements stage: reported speech acts (who said what) found by reporting cues.

A cue (``kg.cues``) is a reporting verb in any person/number (قال، أكدت، أكدا، يقول)، a
circumstantial participle (مشيراً، مضيفاً)، an attribution preposition at the head of a clause
(بحسب، وفقاً لـ)، a verbal noun with its subject (تأكيد البيان) or "قوله" after its speaker
("نقلت الوكالة عن السوداني قوله إن"). For each cue the stage finds the speaker (``kg.speakers``)
and the content: the quotation when one opens the content (or opens the sentence right before
the verb), else the clause after أن/إن (or the words after the subject) up to the end of the
sentence or the next cue's clause. A cue inside someone else's quotation or paraphrase is part
of that content, not a new statement, unless it names its own subject; a negated cue (لم يعلن)
is no report.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg import resources
from kg.contents import MIN_QUOTE_WORDS, ContentReader, skip_space
from kg.continuations import continued
from kg.cues import (
    AND,
    ARTICLE,
    COMPLEMENTISER_RE,
    CONJUNCTIONS,
    CONNECTORS,
    RELATIVES,
    Cue,
    CueForm,
    CueLexicon,
    after_relative,
    opens_content,
    statement_pattern,
    statement_words,
)
from kg.document import document
from kg.fronted_subjects import fronted_subject
from kg.model import Article, Statement
from kg.speakers import SpeakerReader, Subject
from kg.spokesmen import same_spokesmen
from kg.trailing_sources import DATELINE_RE, read_trailing_source
from kg.verbal_nouns import genitive_subject, main_clause_start, noun_follows, take_over_claim

#: Words right before a cue that make it no report: negation, "without", passive "تم", and
#: "which" (مما دعا X إلى: "which led X to").
_BLOCKING_WORDS = frozenset(statement_words("negation"))
#: A relative (or "على حد") before a verb with an object pronoun: "ما وصفه بـ"، "التي وصفتها بـ"
#: name what was described (the relative's antecedent is the object), no report.
_OBJECT_RELATIVES = frozenset(statement_words("object_relative") + statement_words("relative"))
#: Connectors that open a clause with a subject of its own (فيما ذكر X): what comes before is done.
_CONTRASTS = frozenset(statement_words("contrast"))
#: How far after its cue (or its subject after the cue) a statement may say it was issued "في
#: بيان" even inside its content.
_ISSUED_REACH = 12
#: A word, without the punctuation or quotation marks around it.
_WORD_RE = re.compile(r"\w+")
#: Between an attribution preposition and the verb of its source: nothing (حسبما), ما or لما.
_RELATIVE_WHAT_RE = re.compile(rf"\s*(?:{statement_pattern('what')}\s+)?")
#: "وقالت الوزارة في بيان إن": a statement issued as a written statement.
_IN_STATEMENT_RE = re.compile(rf"(?<!\w){statement_pattern('in_statement')}\s*{statement_pattern('statement')}(?!\w)")
#: A content opening right after the cue: أن/إن, a colon or a quotation mark.
_ADJACENT_CLAUSE_RE = re.compile(rf"\s*(?:{COMPLEMENTISER_RE.pattern}|[:\u00ab\u201c\"])")
#: Teh marbuta, the feminine ending of a participle (مضيفة).
_FEMININE_MARK = "\u0629"
_HER = statement_words("her")[0]
_EDGE_PUNCT = " \t\n\u060c,:\u061b;.-\u2013"


@dataclass
class _Found:
    """A statement under construction, in folded offsets."""

    cue: Cue
    speakers: list[str]
    subject: Subject | None
    content_start: int
    content_end: int
    direct: bool
    date: str | None = None


class StatementFinder:
    """The statements stage, built once from the cue lexicon."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon

    @classmethod
    def from_resources(cls) -> StatementFinder:
        """The stage built from the reporting verbs, speaker nouns and titles of ``kg/data``."""
        return cls(
            CueLexicon(resources.load("reporting_verbs"), resources.load("speaker_nouns"), resources.load("titles"))
        )

    def __call__(self, article: Article) -> Article:
        """Find the article's statements and store them on it."""
        article.statements = self.set_annotations(article, self.match(article))
        return article

    def cues(self, article: Article) -> list[Cue]:
        """The article's cues as the stage reads them: not negated, and a form that is also
        another word (بين) only with its clause right after it."""
        ctx = _Context(article, self.lexicon)
        return [c for c in ctx.cues() if not c.form.adjacent or _ADJACENT_CLAUSE_RE.match(ctx.text, c.end)]

    def match(self, article: Article) -> list[_Found]:
        """Find cues, resolve their speakers and content spans (folded offsets)."""
        ctx = _Context(article, self.lexicon)
        found: list[_Found] = []
        cues = ctx.cues()
        for index, cue in enumerate(cues):
            item = ctx.read(cue, cues[index + 1 :], found)
            if item is None:
                continue
            found.append(item)
            # "وقالت الوزارة في بيان إن"، "جاء في بيان"، "أعلنت في بيان الأحد مقتل ..."
            written = item.subject.end if item.subject and item.subject.explicit else item.cue.end
            reach = max(item.content_start, written + _ISSUED_REACH)
            issued = _IN_STATEMENT_RE.search(ctx.text, item.cue.start, reach)
            # a relaying verb's person is the relayer's (نقلت الوكالة عن X), not its source's
            number = item.cue.form.number or _gender(ctx.text, item.cue)
            number = "m" if item.cue.form.relay and item.subject else number
            number = "dual" if item.subject and item.subject.sides else number  # "وأكد الجانبان"
            # "الممر الذي أعلن الروس أن": a relative clause's own subject is not who goes on speaking
            inner = item.subject is not None and item.subject.explicit and after_relative(ctx.text, cue.start)
            inner |= item.cue.form.kind == "noun" and take_over_claim(found)  # "قال X إن مزاعم Y بأن"
            ctx.speakers.remember([] if inner else item.speakers, issued.start() if issued else None, number)
        ctx.close_contents(found, cues)
        holders = ctx.speakers.phrases.holders
        same_spokesmen(article, ctx.speakers.phrases.links, holders.merged)  # "متحدث باسم X" named later
        merged = holders.merge()  # title entities whose holders were named
        for item in found:
            item.speakers = list(dict.fromkeys(merged.get(k, k) for k in item.speakers))
        kept: dict[tuple[int, int], _Found] = {}
        for item in found:
            if not item.speakers or item.content_end <= item.content_start:
                continue
            span = (item.content_start, item.content_end)
            if span in kept:  # "وعلى لسان المتحدث ...، أعلنت بغداد أن": one speech act, both its speakers
                kept[span].speakers += [k for k in item.speakers if k not in kept[span].speakers]
            else:
                kept[span] = item
        return list(kept.values())

    def set_annotations(self, article: Article, found: list[_Found]) -> list[Statement]:
        """Turn found statements into ``Statement`` objects with ``Article.text`` offsets."""
        ft = document(article).folded
        statements = []
        for item in found:
            cue_start, cue_end = ft.original_span(item.cue.start, item.cue.end)
            start, end = ft.original_span(item.content_start, item.content_end)
            while start < end and article.text[start] in _EDGE_PUNCT:
                start += 1
            while end > start and article.text[end - 1] in _EDGE_PUNCT:
                end -= 1
            if end <= start:
                continue
            speaker = item.subject
            speaker_span = ft.original_span(speaker.start, speaker.end) if speaker else (None, None)
            statements.append(
                Statement(
                    cue=article.text[cue_start:cue_end],
                    cue_start=cue_start,
                    cue_end=cue_end,
                    content=article.text[start:end],
                    content_start=start,
                    content_end=end,
                    speakers=list(dict.fromkeys(item.speakers)),
                    speaker_start=speaker_span[0],
                    speaker_end=speaker_span[1],
                    direct_quote=item.direct,
                    date=item.date,
                )
            )
        return statements


class _Context:
    """One article's folded text, cues, speakers and dates, as the statement rules read them."""

    def __init__(self, article: Article, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon
        doc = document(article)
        self.ft = doc.folded
        self.text = self.ft.folded
        self.dates = [(self.ft.folded_index(d.start), self.ft.folded_index(d.end), d.value) for d in doc.dates]
        self.speakers = SpeakerReader(article, self.ft, lexicon, self.dates)
        self.contents = ContentReader(self.ft, self.speakers.date_starts)
        #: sentences whose cue had a subject no one could name: their participles speak for it too
        self._unnamed_sentences: set[int] = set()

    def cues(self) -> list[Cue]:
        """The article's cues, but those negated (لم يعلن), after "without" (دون ذكر) or the verb
        of an attribution preposition's source (بحسب ما قال X)."""
        out: list[Cue] = []
        for cue in self.lexicon.cues(self.text):
            source = out[-1] if out and out[-1].form.kind == "preposition" else None
            if source and _RELATIVE_WHAT_RE.fullmatch(self.text, source.end, cue.start):
                continue  # "بحسب ما قال X": the verb belongs to the source, not a statement of its own
            sentence = self.ft.sentence_start(cue.start)
            words = self.text[sentence : cue.start].split()
            last = words[-1] if words else ""
            if cue.form.opening and not (cue.prefixed or last[-1:] in "\u060c," or self._opens_clause(sentence, cue)):
                if last not in CONNECTORS and (last in RELATIVES or not self._object_word_after(cue)):
                    continue  # "طالب" a verb only where it opens a clause, else a noun (student)
            if last[:1] in CONJUNCTIONS and last[1:] in _BLOCKING_WORDS:
                last = last[1:]  # "ولم يعلن"
            if last not in _BLOCKING_WORDS and not (cue.form.pronoun and last in _OBJECT_RELATIVES):
                out.append(cue)
        return out

    def read(self, cue: Cue, later: list[Cue], found: list[_Found]) -> _Found | None:
        """Resolve one cue against the statements found before it, or None when it is none.

        Args:
            cue: the cue to read.
            later: the cues after it; a participle or a و-verb among them opens a new clause,
                so this cue's content cannot start beyond it.
            found: the statements found so far.
        """
        ft, kind, speakers_of = self.ft, cue.form.kind, self.speakers
        sentence = ft.sentence_start(cue.start)
        quote = ft.quote_at(cue.start)
        limit = min(ft.sentence_end(cue.start), quote[1] if quote else len(self.text))
        clause_end = next((opening for c in later if (opening := self._clause_opening(c, sentence)) is not None), limit)
        if cue.form.requires and cue.form.requires.isdisjoint(_WORD_RE.findall(self.text, cue.end, limit)):
            return None  # "حمل المتظاهرون لافتات": no subject read, none minted
        if kind == "preposition" and not self._opens_clause(sentence, cue):
            return self._trailing_source(cue, sentence, limit, found)
        if cue.form.adjacent and not _ADJACENT_CLAUSE_RE.match(self.text, cue.end):
            return None  # "بين بغداد وواشنطن" is "between", "وبين أن" a report
        in_sentence = []
        for item in reversed(found):  # the statements of this sentence are the last ones found
            if item.cue.start < sentence:
                break
            in_sentence.insert(0, item)
        embedded = kind == "verb" and self._embedded(cue, in_sentence, sentence)
        if kind == "attributed":  # "نقلت الوكالة عن السوداني قوله إن": the name right before
            subject = speakers_of.before(cue.start, sentence, governed=True)
            if not subject or not subject.keys:
                return None
        elif (front := fronted_subject(self.text, speakers_of, cue, sentence, embedded)) is not None:
            subject = front  # "وكان ماكرون قد انتقد الخطة"، "ماكرون دعا إيران إلى": the words after the object
        else:  # "قال X إن Y أبلغ Z بأن": inside what X said, the noun after a verb of telling is whom Y told
            subject = None if kind == "participle" or embedded and cue.form.addressee else speakers_of.after(cue, limit)
        addressed = self.contents.addressee_object(cue, subject, self.speakers.mentions)  # "وطالب X الحكومة بقيادة"
        if cue.form.opening and addressed is None and not self._object_opens(cue, subject):
            return None  # "وطالب الحسيني" a given name, unless what was asked follows its subject
        if subject is not None and not subject.keys:
            self._unnamed_sentences.add(sentence)
            self.speakers.previous_unknown = True  # "وقال الأطباء ... لكنهم كشفوا": not the sides
            return None
        if quote and not (kind == "verb" and subject and subject.keys):
            return None
        if embedded and not subject:
            return None
        if kind in ("noun", "preposition") and not subject:
            return None
        if kind == "noun" and not genitive_subject(self.text, cue, subject):
            return None  # "رسالة تحذير لروسيا": whom it was addressed to, not who warned
        if kind == "participle" and not in_sentence and sentence in self._unnamed_sentences:
            return None  # "وقال الصباح إن ...، مشيراً إلى": not the previous sentence's speaker
        if kind == "participle" and not in_sentence and cue.form.opening:
            return None  # "كانت الأهداف معبرة عن": reflecting, unless it goes on a report
        speakers = subject.keys if subject else []
        if not subject and kind == "verb" and not cue.prefixed:
            subject = speakers_of.before(cue.start, sentence)
            if subject is not None and not subject.keys:
                speakers_of.previous_unknown = True
                return None
            speakers = subject.keys if subject else []
        if not speakers:
            speakers = continued(speakers_of, cue, sentence, [f.speakers for f in in_sentence])
        content = (
            (addressed, limit, False)
            if addressed is not None
            else self._fronted_quote(cue, sentence, in_sentence)
            or self.contents.opening(cue, subject, min(limit, clause_end), limit)
        )
        if content is None:
            if cue.form.clause or quote and not self._connected(cue, sentence):
                return None  # in a quotation a noun content only after و or a connector (فيما أكدت)
            opening = self._opens_clause(sentence, cue)
            if kind == "noun" and not noun_follows(self.text, subject, opening, self.speakers.phrases.lex.finite_verbs):
                return None
            start = self.contents.after_cue(cue, subject)
            content = (start, limit, False)
        start, end, direct = content
        if cue.form.requires and not _lays_blame(cue.form, _WORD_RE.findall(self.text, start, end)):
            return None  # "حمل المتظاهرون لافتات": not a report without the blame it lays
        if subject and subject.relative and not direct and (comma := self.text.find("\u060c", start, end)) > 0:
            end = comma  # a relative clause ends where the sentence it sits in goes on
        if kind == "noun" and not direct and not COMPLEMENTISER_RE.search(self.text, cue.end, start):
            end = main_clause_start(self.text, start, end, self.speakers.phrases.lex.finite_verbs)
        start, date = self._date_before_content(cue, start)
        return _Found(cue, speakers, subject, start, end, direct, date)

    def _object_opens(self, cue: Cue, subject: Subject | None) -> bool:
        """Whether what was said follows a cue that is a verb only where it opens a clause: after
        its subject (وطالب X بوقف، عبّر X، الخميس، عن قلقه), or right after it, its subject
        before it or continued (وطالب بوقف، X عبّر عن قلقه). Whom it asked between its subject and
        its object (``addressee_object``) the caller reads first, once for the cue."""
        obj = cue.form.object
        if subject is None or subject.end <= cue.start:
            return opens_content(self.text, cue.end, obj)
        opening = skip_space(self.text, subject.end, "\u060c,")
        opening = self.speakers.date_starts.get(opening, opening)
        return opens_content(self.text, opening, obj)

    def _object_word_after(self, cue: Cue) -> bool:
        """Whether a cue that is a verb only where it opens a clause has its object preposition,
        written as a word, right after it (عبّر عن: never the preposition عبر "via"). A clitic
        (طالب بجامعة: a student at) does not tell the verb from the noun. After a relative (التي
        عبرت عن) it is as often a thing that reflects as a speaker, so the caller drops it."""
        return cue.form.object_word and opens_content(self.text, cue.end, cue.form.object)

    def _fronted_quote(self, cue: Cue, sentence: int, in_sentence: list[_Found]) -> tuple[int, int, bool] | None:
        """A quotation that opens the sentence right before its verb: «نحن مستعدون»، قال الوزير."""
        if cue.form.kind != "verb" or in_sentence:
            return None
        pos = cue.start
        while pos > sentence and (self.text[pos - 1].isspace() or self.text[pos - 1] in "\u060c,"):
            pos -= 1
        quote = self.ft.quote_closing(pos - 1) if pos > sentence else None
        if quote and quote[0] == sentence and len(self.text[quote[0] : quote[1]].split()) >= MIN_QUOTE_WORDS:
            return quote[0] + 1, quote[1], True
        return None

    def _date_before_content(self, cue: Cue, start: int) -> tuple[int, str | None]:
        """The statement's date, written between the cue and the content ("قال، الجمعة، إن")
        or opening the content ("أكدت واشنطن، الثلاثاء، التزامها"), which then starts after it."""
        date = None
        opening = skip_space(self.text, start, "\u060c,")
        first = bisect.bisect_left(self.dates, (cue.end,))
        for s, e, value in self.dates[first:]:
            if s > opening:
                break
            if s < start:
                date = value or date
            elif s == opening:
                start, date = e, value or date
        return start, date

    def _trailing_source(self, cue: Cue, sentence: int, limit: int, found: list[_Found]) -> _Found | None:
        """A source named after what it reported (``kg.trailing_sources``), unless the sentence
        already reports someone: then the source is where the report was read."""
        if found and found[-1].cue.start >= sentence:
            return None
        if read := read_trailing_source(self.ft, self.lexicon, self.speakers, cue, sentence, limit):
            subject, start, end = read
            return _Found(cue, subject.keys, subject, start, end, False)
        return None

    def _opens_clause(self, sentence: int, cue: Cue) -> bool:
        """Whether the cue opens its sentence, after a dateline if any ("القدس - ووفقاً لـ")."""
        lead = self.text[sentence : cue.start]
        return not lead.strip() or bool(DATELINE_RE.fullmatch(lead))

    def _connected(self, cue: Cue, sentence: int) -> bool:
        """Whether a cue opens a clause with و/ف or after a connector (وأكدت، فيما أكدت)."""
        words = self.text[sentence : cue.start].split()
        return cue.prefixed or bool(words) and words[-1] in CONNECTORS

    def _clause_opening(self, cue: Cue, sentence: int) -> int | None:
        """Where a later cue opens a new clause: a و-verb or participle at itself, a verb after a
        contrasting connector at the connector (فيما ذكر X); None when it opens none."""
        if cue.prefixed or cue.form.kind == "participle":
            return cue.start
        words = self.text[sentence : cue.start].split()
        return self.text.rfind(words[-1], sentence, cue.start) if words and words[-1] in _CONTRASTS else None

    def _embedded(self, cue: Cue, in_sentence: list[_Found], sentence: int) -> bool:
        """A bare verb inside an earlier statement's content belongs to that content."""
        if cue.prefixed:
            return False
        words = self.text[sentence : cue.start].split()
        if words and words[-1] in CONNECTORS:
            return False  # "كما قال": a clause of its own
        if len(words) > 1 and words[-1] in RELATIVES and words[-2][-1:] in "\u060c,":
            return False  # "وفق X، الذي قال": a relative clause on the source set off by a comma
        return any(f.content_start <= cue.start for f in in_sentence if f.cue.form.kind != "noun")

    def _opens_next_clause(self, cue: Cue) -> bool:
        """A و-verb or a verb after a contrasting connector (فيما ذكر), or a participle or source
        set off by a comma ("، مضيفاً"، "، حسبما نقلت الوكالة"); a participle without one is the
        verbal noun it is spelt like (إلى متابعة)."""
        if cue.prefixed:
            return True
        if cue.form.kind == "verb" and self._clause_opening(cue, self.ft.sentence_start(cue.start)) is not None:
            return True
        before = cue.start
        while before > 0 and self.text[before - 1].isspace():
            before -= 1
        comma = self.text[before - 1 : before] in ("\u060c", ",")
        return cue.form.kind in ("participle", "preposition") and comma

    def close_contents(self, found: list[_Found], cues: list[Cue]) -> None:
        """End each content where the next clause of its sentence opens: at the next statement,
        or at a و-verb or participle cue outside quotations even if it made no statement
        ("أعلن الجيش اعتقال أحد الحراس وقال مصدر إنه ...") or at a source set off by a comma."""
        opens = sorted(
            {f.cue.start for f in found if f.cue.form.kind != "noun"}  # a verbal noun stands in a clause
            | {c.start for c in cues if self._opens_next_clause(c) and not self.ft.quote_at(c.start)}
        )
        for item in found:
            index = bisect.bisect_right(opens, item.content_start)
            index += index < len(opens) and opens[index] == item.cue.start  # a source inside its content
            if index == len(opens) or self.ft.sentence_start(opens[index]) != self.ft.sentence_start(item.cue.start):
                continue
            stop = opens[index]
            words = self.text[item.content_start : stop].split()
            if words and words[-1] in CONNECTORS:
                stop = self.text.rfind(words[-1], item.content_start, stop)
            item.content_end = min(item.content_end, stop)


def _gender(text: str, cue: Cue) -> str:
    """The gender of a participle or "قوله" by its ending (مضيفة، قولها: f; مضيفاً، قوله: m);
    "" for other cues."""
    if cue.form.kind == "participle":
        return "f" if text[cue.end - 1] == _FEMININE_MARK else "m"
    if cue.form.kind == "attributed":
        return "f" if text.endswith(_HER, cue.start, cue.end) else "m"
    return ""


def find_statements(article: Article) -> Article:
    """The process pipeline's statements stage: fill ``Article.statements``."""
    from kg.pipeline import default_pipeline  # the pipeline builds this module's stages

    return default_pipeline().stage("statements")(article)


def _lays_blame(form: CueForm, words: list[str]) -> bool:
    """Whether what a blame verb's subject said holds its required word where the verb puts it
    (``CueForm.requires_at``: after the party blamed in حمّل X Y المسؤولية) and opens with no word
    that goes on with the subject, a definite coordinated word or a relative: "وحمّلت حماس
    والفصائل المسؤولية" read with حماس as subject has its speaker elsewhere, حماس is the object."""
    if not words or words[0].startswith(AND + ARTICLE) or words[0] in RELATIVES:
        return False
    first, last = form.requires_at
    return not form.requires.isdisjoint(words[first : last + 1])
