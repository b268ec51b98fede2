"""The statements stage: reported speech acts (who said what) found by reporting cues.

A cue is a reporting verb in any person/number (قال، أكدت، أكدا، يقول)، a circumstantial
participle (مشيراً، مضيفاً)، an attribution preposition at the head of a clause (بحسب، وفقاً لـ)،
a verbal noun with its subject (تأكيد البيان) or "قوله" after its speaker ("نقلت الوكالة عن
السوداني قوله إن"). The cue lexicon is data
(``kg/data/reporting_verbs.jsonl``); forms are generated from each verb's past, present and
participle stems, with the conjunctions و/ف allowed in front.

For each cue the stage finds the speaker — the subject written after the verb, the subject
written right before it, the joint statement or "the two sides" of the article's dialogue
(``kg/data/speaker_nouns.jsonl``), or for a bare verb the previous speaker (masculine), the
nearest non-person actor of the sentence (feminine) or the dialogue's sides (dual) — and the
content: the quotation when one opens the content, else the clause after أن/إن up to the end of
the sentence or the next cue. A cue inside someone else's quotation or paraphrase is part of
that content, not a new statement, unless it names its own subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg import dates, resources
from kg.model import Article, Mention, Statement
from kg.spans import FoldedText, fold, typed_mentions

ACTOR_TYPES = frozenset({"Person", "Organization", "Country", "Force"})
#: Mention types that can be the grammatical subject of a reporting verb.
SUBJECT_TYPES = ACTOR_TYPES | {"Dialogue"}

_PAST_SUFFIXES = {"": "m", "\u062a": "f", "\u0627": "dual", "\u062a\u0627": "dual", "\u0648\u0627": "plural"}
_PRESENT_AFFIXES = {
    ("\u064a", ""): "m",
    ("\u062a", ""): "f",
    ("\u064a", "\u0627\u0646"): "dual",
    ("\u062a", "\u0627\u0646"): "dual",
    ("\u064a", "\u0648\u0646"): "plural",
}
#: Participle endings: masculine with tanween (written -ا after folding), feminine, plural.
_PARTICIPLE_SUFFIXES = ("\u0627", "\u0629", "\u064a\u0646", "\u062a\u064a\u0646")

#: Words right before a cue that make it no report: negation, "without", passive "تم".
_BLOCKING_WORDS = frozenset(fold(w) for w in "لم لن لا عدم دون بدون تم".split())
#: Words that open a new clause, so a cue after them starts a statement of its own.
_CONNECTORS = frozenset(fold(w) for w in "كما فيما بينما ثم حيث".split())
#: Words that end the stretch after a verb where its subject can stand.
_BREAK_RE = re.compile(r"(?<!\w)(?:في|خلال|اثناء|عقب|بعد|قبل|عبر|مع|امس|اليوم|على|عن|الى|حول|بشان|لدى|امام|منذ)(?!\w)")
#: Complementiser that opens a paraphrase: أن/إن with clitics and pronoun suffixes, optionally
#: after إلى/على (أشار إلى أن، أكد على أن).
_COMPLEMENTISER_RE = re.compile(r"(?<!\w)(?:(?:الى|على)\s+)?[بف]?ان(?:ه|ها|هم|هما|نا|ني|كم)?(?!\w)")
_TO_RE = re.compile(r"(?:الى|على)\s+")
_COORDINATION_RE = re.compile(r"^[\s\u060c,]*\u0648$")
#: Between a joint statement and its issuer: nothing, ل (بيان للخارجية، لمكتب X), or "صادر عن".
_GENITIVE_GAP_RE = re.compile(r"^\s*(?:\u0644\u0640?(?:\S+\s+)?|(?:ال)?صادرة?\s+(?:عن|من)\s+)?$")
#: What may stand between a preposition cue and its speaker: the preposition's own clitic.
#: What may stand between a verb or attribution preposition and a non-person speaker: the
#: preposition's clitic, and a document with its issuer link (وفق بيان صادر عن الوزارة).
_DOCUMENT = r"(?:بيان|تصريح|تصريحات|تقرير|كلمة|رسالة|تغريدة)\s+(?:(?:ال)?صادرة?\s+(?:عن|من)\s+|\u0644\u0640?)?"
_DOCUMENT_RE = re.compile(_DOCUMENT)
_PREPOSITION_GAP_RE = re.compile(rf"^\s*(?:عن\s+|\u0644\u0640?)?(?:{_DOCUMENT})?$")
_QUOTE_CLOSERS = '"\u201d\u00bb'
_ADJACENT_GAP_RE = re.compile(rf"^[\s{_QUOTE_CLOSERS}]*$")
_COMMA_GAP_RE = re.compile(rf"^[\s{_QUOTE_CLOSERS}]*[\u060c,][\s\u060c,]*$")
_RELATIVE_GAP_RE = re.compile(rf"^[\s\u060c,{_QUOTE_CLOSERS}]*(?:الذي|التي|الذين|اللذان|اللتان)\s+$")
_EACH_OF_RE = re.compile(r"كل\s+من\s+")
_WORD_RE = re.compile(r"\S+")
_EDGE_PUNCT = " \t\n\u060c,:\u061b;.-\u2013"
#: A complementiser counts as the content's start only this many words after the subject.
_MAX_SUBJECT_WORDS = 25
#: A person title may stand between the verb and the name (قال وزير الخارجية العراقي فؤاد حسين).
_MAX_TITLE_WORDS = 8
#: Quoted stretches shorter than this are names («رويترز»، "داعش")، not quotations.
_MIN_QUOTE_WORDS = 4
#: A person this many words into the sentence or fewer is its subject (وكان رئيس الوزراء ...).
_MAX_LEAD_WORDS = 2
#: A bare verb's content opens with a quotation or أن within this many words.
_MAX_BARE_LEAD_WORDS = 3


@dataclass(frozen=True)
class CueForm:
    """What a written cue form is: its kind, its person/number, and what content it needs."""

    kind: str  #: verb | participle | preposition | noun | attributed (قوله after its speaker)
    number: str  #: m | f | dual | plural (verbs); "" otherwise
    clause: bool  #: content must open with أن/إن, a quotation, a colon or إلى


def expand_forms(record: dict) -> dict[str, CueForm]:
    """Every folded written form of one cue record, generated from its stems.

    Args:
        record: a ``reporting_verbs.jsonl`` record: ``label`` (verb/preposition/noun),
            ``pattern`` (the past 3rd person masculine, or the word), ``present`` and
            ``participle`` stems, ``content`` ("clause" or "any") and optional explicit
            ``forms`` (form -> m/f/dual/plural/participle) for irregular verbs.

    Returns:
        Folded form -> CueForm.
    """
    clause = record.get("content") == "clause"
    label = record["label"]
    if label != "verb":
        return {fold(record["pattern"]): CueForm(label, "", clause)}
    forms: dict[str, CueForm] = {}
    for form, number in record.get("forms", {}).items():
        kind = "participle" if number == "participle" else "verb"
        forms[fold(form)] = CueForm(kind, "" if kind == "participle" else number, clause)
    if "forms" in record:
        return forms
    past = fold(record["pattern"])
    for suffix, number in _PAST_SUFFIXES.items():
        forms[past + suffix] = CueForm("verb", number, clause)
    if present := record.get("present"):
        for (prefix, suffix), number in _PRESENT_AFFIXES.items():
            forms[prefix + fold(present) + suffix] = CueForm("verb", number, clause)
    if participle := record.get("participle"):
        for suffix in _PARTICIPLE_SUFFIXES:
            forms[fold(participle) + suffix] = CueForm("participle", "", clause)
    return forms


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _noun_regex(pattern: str) -> str:
    """A speaker noun with its clitics: البيان also as وللبيان، بالبيان; مصادر also as المصادر."""
    if pattern.startswith("\u0627\u0644"):
        return rf"(?:[وفب]?ال|[وف]?لل){re.escape(pattern[2:])}"
    return rf"(?:[وفب]?ال|[وف]?لل|[وفبل])?{re.escape(pattern)}"


@dataclass
class _Cue:
    start: int  #: folded offsets of the cue word (with its و/ف)
    end: int
    form: CueForm
    prefixed: bool  #: written with و/ف in front


@dataclass
class _Subject:
    keys: list[str]
    start: int  #: folded span of the subject's words
    end: int
    explicit: bool = True  #: written after the verb (VSO)
    relative: bool = False  #: the verb opens a relative clause on it (الفصائل، التي تطالب)


@dataclass
class _Found:
    """A statement under construction, in folded offsets."""

    cue: _Cue
    speakers: list[str]
    subject: _Subject | None
    content_start: int
    content_end: int
    direct: bool
    date: str | None = None


class StatementFinder:
    """The statements stage, built once from the cue and speaker-noun lexicons."""

    def __init__(self, cue_records: list[dict], noun_records: list[dict], title_records: list[dict]) -> None:
        self.forms: dict[str, CueForm] = {}
        for record in cue_records:
            self.forms.update(expand_forms(record))
        self._cue_re = re.compile(rf"(?<!\w)([وف]?)({_alternation(self.forms)})(?!\w)")
        self._noun_kind = {}
        for record in noun_records:
            self._noun_kind[fold(record["pattern"])] = record["label"]
        nouns = sorted(self._noun_kind, key=len, reverse=True)
        self._noun_re = re.compile("|".join(rf"(?<!\w)(?P<n{i}>{_noun_regex(p)})(?!\w)" for i, p in enumerate(nouns)))
        self._noun_by_group = {f"n{i}": p for i, p in enumerate(nouns)}
        #: Person titles and ranks (without ال) that open a subject naming a person.
        self.titles = frozenset(_strip_article(fold(r["pattern"]).split()[0]) for r in title_records)

    def __call__(self, article: Article) -> Article:
        """Find the article's statements and store them on it."""
        article.statements = self.set_annotations(article, self.match(article))
        return article

    def match(self, article: Article) -> list[_Found]:
        """Find cues, resolve their speakers and content spans (folded offsets)."""
        ctx = _Context(article, self)
        found: list[_Found] = []
        cues = ctx.cues()
        for index, cue in enumerate(cues):
            item = ctx.read(cue, cues[index + 1 :], found)
            if item is None:
                continue
            found.append(item)
            ctx.remember(item.speakers)
        ctx.close_contents(found)
        return [f for f in found if f.speakers and f.content_end > f.content_start]

    def set_annotations(self, article: Article, found: list[_Found]) -> list[Statement]:
        """Turn found statements into ``Statement`` objects with ``Article.text`` offsets."""
        ft = FoldedText(article.text)
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
    """One article's folded text, mentions and dialogue, as the speaker rules read them."""

    def __init__(self, article: Article, finder: StatementFinder) -> None:
        self.article = article
        self.finder = finder
        self.ft = FoldedText(article.text)
        self.text = self.ft.folded
        self.mentions = [
            (self.ft.folded_index(m.start), self.ft.folded_index(m.end), m)
            for m in typed_mentions(article)
            if m.type in SUBJECT_TYPES
        ]
        self.nouns = [
            (m.start(), m.end(), finder._noun_kind[finder._noun_by_group[m.lastgroup]])
            for m in finder._noun_re.finditer(self.text)
        ]
        self.dialogue_keys = self._dialogue_speakers()
        self.previous: list[str] = []  #: speakers of the last statement
        self.previous_person: list[str] = []  #: the last statement speakers that are persons
        self.dates = [
            (self.ft.folded_index(d.start), self.ft.folded_index(d.end), d.value)
            for d in dates.find_dates(article.text, article.published, self.ft)
        ]

    # ---------------------------------------------------------------- cues

    def cues(self) -> list[_Cue]:
        out = []
        for m in self.finder._cue_re.finditer(self.text):
            form = self.finder.forms[m.group(2)]
            words = self.text[self.ft.sentence_start(m.start()) : m.start()].split()
            if words and words[-1] in _BLOCKING_WORDS:
                continue
            out.append(_Cue(m.start(), m.end(), form, bool(m.group(1))))
        return out

    def remember(self, speakers: list[str]) -> None:
        """Note the speakers of the statement just found, for bare verbs and "المسؤول" after it."""
        if speakers:
            self.previous = speakers
        persons = [k for k in speakers if self.article.entities[k].type == "Person"]
        if persons:
            self.previous_person = persons

    def read(self, cue: _Cue, later: list[_Cue], found: list[_Found]) -> _Found | None:
        """Resolve one cue against the statements found before it, or None when it is none.

        Args:
            cue: the cue to read.
            later: the cues after it; a participle or a و-verb among them opens a new clause,
                so this cue's content cannot start beyond it.
            found: the statements found so far.
        """
        previous = self.previous
        ft, kind = self.ft, cue.form.kind
        sentence = ft.sentence_start(cue.start)
        quote = ft.quote_at(cue.start)
        limit = min(ft.sentence_end(cue.start), quote[1] if quote else len(self.text))
        clause_end = next((c.start for c in later if c.form.kind == "participle" or c.prefixed), limit)
        if kind == "preposition" and not self._opens_clause(sentence, cue):
            return None
        if kind == "attributed":  # "نقلت الوكالة عن السوداني قوله إن": the name right before
            subject = self._subject_before(cue.start, sentence)
            if not subject or not subject.keys:
                return None
        else:
            subject = self._subject_after(cue, limit) if kind != "participle" else None
        if subject is not None and not subject.keys:
            return None
        if quote and not (kind == "verb" and subject and subject.keys):
            return None
        in_sentence = [f for f in found if f.cue.start >= sentence]
        if kind == "verb" and not subject and self._embedded(cue, in_sentence, sentence):
            return None
        if kind in ("noun", "preposition") and not subject:
            return None
        speakers = subject.keys if subject else []
        if not subject and kind == "verb" and not cue.prefixed:
            subject = self._subject_before(cue.start, sentence)
            if subject is not None and not subject.keys:
                return None
            speakers = subject.keys if subject else []
        if not speakers:
            speakers = self._bare_speakers(cue, sentence, in_sentence, previous)
        content = self._fronted_quote(cue, sentence, in_sentence) or self._content(
            cue, subject, min(limit, clause_end), limit
        )
        if content is None:
            if kind == "noun" or cue.form.clause:
                return None
            start = subject.end if subject and subject.explicit else cue.end
            content = (start, limit, False)
        start, end, direct = content
        if subject and subject.relative and not direct and (comma := self.text.find("\u060c", start, end)) > 0:
            end = comma  # a relative clause ends where the sentence it sits in goes on
        start, date = self._date_before_content(cue, start)
        return _Found(cue, speakers, subject, start, end, direct, date)

    def _fronted_quote(self, cue: _Cue, sentence: int, in_sentence: list[_Found]) -> tuple[int, int, bool] | None:
        """A quotation that opens the sentence right before its verb: «نحن مستعدون»، قال الوزير."""
        if cue.form.kind != "verb" or in_sentence:
            return None
        pos = cue.start
        while pos > sentence and (self.text[pos - 1].isspace() or self.text[pos - 1] in "\u060c,"):
            pos -= 1
        quote = self.ft.quote_closing(pos - 1) if pos > sentence else None
        if quote and quote[0] == sentence and len(self.text[quote[0] : quote[1]].split()) >= _MIN_QUOTE_WORDS:
            return quote[0] + 1, quote[1], True
        return None

    def _date_before_content(self, cue: _Cue, start: int) -> tuple[int, str | None]:
        """The statement's date, written between the cue and the content ("قال، الجمعة، إن")
        or opening the content ("أكدت واشنطن، الثلاثاء، التزامها"), which then starts after it."""
        date = None
        for s, e, value in self.dates:
            if cue.end <= s < start:
                date = value or date
            elif s == _skip_space(self.text, start, "\u060c,"):
                start, date = e, value or date
        return start, date

    def _opens_clause(self, sentence: int, cue: _Cue) -> bool:
        return not self.text[sentence : cue.start].strip()

    def _embedded(self, cue: _Cue, in_sentence: list[_Found], sentence: int) -> bool:
        """A bare verb inside an earlier statement's content belongs to that content."""
        if cue.prefixed:
            return False
        words = self.text[sentence : cue.start].split()
        if words and words[-1] in _CONNECTORS:
            return False
        return any(f.content_start <= cue.start for f in in_sentence)

    # ---------------------------------------------------------------- speakers

    def _subject_after(self, cue: _Cue, limit: int) -> _Subject | None:
        """The subject written after a verb: a speaker noun, a name, or a title and name."""
        text, pos = self.text, cue.end
        if cue.form.kind == "preposition" and (clitic := re.match(r"\s*(?:عن\s+)?", text[pos:])):
            pos += clitic.end()
        while pos < limit and (text[pos].isspace() or text[pos] in "\u060c,"):
            pos += 1
        if each := _EACH_OF_RE.match(text, pos):
            pos = each.end()
        if self.ft.quote_opening(pos):
            pos += 1
        noun = self._noun_at(pos)
        if noun and noun[2] in ("document", "collective"):
            return self._noun_subject(*noun)
        window = limit
        document = _DOCUMENT_RE.match(text, pos)
        for rx in (_BREAK_RE, _COMPLEMENTISER_RE):
            if m := rx.search(text, document.end() if document else pos, limit):
                window = min(window, m.start())
        colon = text.find(":", pos, window)
        window = colon if colon >= 0 else window
        candidates = [t for t in self.mentions if pos <= t[0] < window]
        if not candidates:
            return self._unresolved_subject(pos, noun)
        persons = [t for t in candidates if t[2].type == "Person" and len(text[pos : t[0]].split()) <= _MAX_TITLE_WORDS]
        # a written-out name beats the bare title or surname before it ("المتحدث باسم القوات
        # المسلحة العراقية العميد يحيى رسول"): the title chain may hold words taken for names
        named = [t for t in persons if t[2].source != "role" and len(t[2].text.split()) >= 2]
        first = (named or persons or candidates)[0]
        if not persons and not _PREPOSITION_GAP_RE.match(text[pos : first[0]]):
            return self._unresolved_subject(pos, noun)
        return self._mention_subject(first)

    def _unresolved_subject(self, pos: int, noun: tuple[int, int, str] | None) -> _Subject | None:
        """A subject written after the verb that no mention resolves.

        A definite title or "المسؤول" refers back to the last person who spoke. An unidentified
        speaker ("مراقبون"، "مصادر") or an indefinite title whose name the mentions stage did not
        find ("عضو لجنة الأمن ... علي البنداوي") is nobody known: the statement is dropped (an
        empty subject), rather than credited to the previous speaker as a bare verb would be.
        """
        word = _WORD_RE.match(self.text, pos)
        if not word:
            return None
        stem = word.group()
        stem = stem[1:] if stem[:1] in "\u0648\u0641" and len(stem) > 4 else stem
        title = _strip_article(stem) in self.finder.titles
        if noun and noun[2] == "anaphor" or title and stem.startswith("\u0627\u0644"):
            return _Subject(list(self.previous_person), pos, word.end())
        return _Subject([], pos, pos) if noun or title else None

    def _subject_before(self, cue_start: int, sentence: int) -> _Subject | None:
        """The subject written right before the verb (الخزعلي رأى، البيان المشترك نوه).

        A subject set off by a comma (ديفد شينكر، قال) must open the sentence: after a
        prepositional lead-in ("ورداً على سؤال ...، قال") the last noun is no subject.
        """
        text = self.text
        for start, end, kind in reversed(self.nouns):
            if sentence <= start and end <= cue_start and self._subject_gap(text[end:cue_start], sentence, start):
                subject = self._noun_subject(start, end, kind)
                subject.explicit = False
                return subject
        before = [t for t in self.mentions if sentence <= t[0] and t[1] <= cue_start]
        if not before:
            return None
        # the outermost of the mentions ending last: "الفصائل الموالية لإيران، التي" is the
        # militias, not Iran
        last = min(before, key=lambda t: (-t[1], t[0]))
        gap = text[last[1] : cue_start]
        if self._subject_gap(gap, sentence, last[0]):
            chosen = last
        elif _RELATIVE_GAP_RE.match(gap):
            persons = [t for t in before if t[2].type == "Person"]
            chosen = persons[-1] if gap.split()[-1] == "الذي" and persons else last
        else:
            return None
        subject = self._mention_subject(chosen, coordinate=False)
        subject.explicit = False
        subject.relative = chosen is not last or not self._subject_gap(gap, sentence, last[0])
        return subject

    def _subject_gap(self, gap: str, sentence: int, subject_start: int) -> bool:
        if _ADJACENT_GAP_RE.match(gap):
            return True
        return bool(_COMMA_GAP_RE.match(gap)) and not _BREAK_RE.search(self.text, sentence, subject_start)

    def _bare_speakers(self, cue: _Cue, sentence: int, in_sentence: list[_Found], previous: list[str]) -> list[str]:
        """The speaker of a verb with no written subject, by the verb's person and number."""
        number = cue.form.number
        if cue.form.kind == "participle":
            governing = [f for f in in_sentence if f.speakers]
            return governing[-1].speakers if governing else previous
        if number in ("dual", "plural"):
            return self.dialogue_keys or previous
        if number == "f":
            for start, end, mention in reversed(self.mentions):
                if sentence <= start and end <= cue.start and mention.type != "Person":
                    if not self.ft.quote_at(start) or self.ft.quote_at(cue.start):
                        return self._keys_of(mention)
            entities = self.article.entities
            if previous and all(entities[k].type != "Person" for k in previous if k in entities):
                return previous
            return []
        persons = [t for t in self.mentions if sentence <= t[0] and t[1] <= cue.start and t[2].type == "Person"]
        if persons and not in_sentence and len(self.text[sentence : persons[0][0]].split()) <= _MAX_LEAD_WORDS:
            # the sentence opened with this person as its subject ("وكان رئيس الوزراء السوداني
            # قد التقى بلينكن، حيث شدد على أن"): the verb continues it, not the last speaker
            return self._keys_of(persons[0][2])
        if previous:
            return previous
        return self._keys_of(persons[-1][2]) if persons else []

    def _noun_at(self, pos: int) -> tuple[int, int, str] | None:
        for start, end, kind in self.nouns:
            if start == pos:
                return start, end, kind
        return None

    def _noun_subject(self, start: int, end: int, kind: str) -> _Subject | None:
        """A joint statement speaks for its dialogue (or its issuer); "the two sides" for the
        dialogue and its sides; an unidentified speaker ("مصادر") for nobody."""
        if kind == "anonymous":
            return _Subject([], start, end)
        if kind == "document":
            after = [t for t in self.mentions if t[0] >= end]
            if after and _GENITIVE_GAP_RE.match(self.text[end : after[0][0]]):
                return _Subject(self._keys_of(after[0][2]), start, after[0][1])
            keys = self.dialogue_keys
        else:
            keys = self.dialogue_keys or self._principal_countries()
        return _Subject(keys, start, end)

    def _mention_subject(self, first: tuple[int, int, Mention], coordinate: bool = True) -> _Subject:
        keys = self._keys_of(first[2])
        end = first[1]
        if coordinate:
            for start, stop, mention in self.mentions:
                if start >= end and _COORDINATION_RE.match(self.text[end:start]):
                    keys += self._keys_of(mention)
                    end = stop
        return _Subject(keys, first[0], end)

    def _keys_of(self, mention: Mention) -> list[str]:
        entity = self.article.entities[mention.entity]
        if entity.type == "Dialogue":
            return self._dialogue_speakers_of(entity.key)
        return [entity.key]

    def _dialogue_speakers(self) -> list[str]:
        """The article's main dialogue (most mentioned) and its country participants."""
        counts: dict[str, int] = {}
        for mention in self.article.mentions:
            entity = self.article.entities.get(mention.entity or "")
            if entity and entity.type == "Dialogue":
                counts[entity.key] = counts.get(entity.key, 0) + 1
        if not counts:
            return []
        main = max(counts, key=lambda k: counts[k])  # dict order = first mention breaks ties
        return self._dialogue_speakers_of(main)

    def _dialogue_speakers_of(self, key: str) -> list[str]:
        entities = self.article.entities
        sides = [p for p in entities[key].participants if p in entities and entities[p].type == "Country"]
        return [key, *sides]

    def _principal_countries(self) -> list[str]:
        counts: dict[str, int] = {}
        for mention in self.article.mentions:
            if mention.type == "Country" and mention.entity:
                counts[mention.entity] = counts.get(mention.entity, 0) + 1
        return sorted(counts, key=lambda k: -counts[k])[:2]

    # ---------------------------------------------------------------- content

    def _content(
        self, cue: _Cue, subject: _Subject | None, search_end: int, limit: int
    ) -> tuple[int, int, bool] | None:
        """(start, end, direct) of the content when it opens with أن/إن, a quotation or a colon.

        The opening is looked for before ``search_end``; the content runs to ``limit``.
        """
        text = self.text
        explicit = subject is not None and subject.explicit
        pos = subject.end if explicit else cue.end
        max_words = _MAX_SUBJECT_WORDS if explicit else _MAX_BARE_LEAD_WORDS
        lead_end = pos
        for _ in range(max_words + 1):
            m = _WORD_RE.search(text, lead_end, search_end)
            if not m:
                break
            lead_end = m.end()
        markers = []
        if m := _COMPLEMENTISER_RE.search(text, pos, lead_end):
            markers.append((m.start(), "that", m.end()))
        colon = text.find(":", pos, lead_end)
        if colon >= 0:
            markers.append((colon, "colon", colon + 1))
        for index in range(pos, lead_end):
            quote = self.ft.quote_opening(index)
            if quote and len(text[quote[0] : quote[1]].split()) >= _MIN_QUOTE_WORDS:
                markers.append((index, "quote", index))
                break
        if not markers:
            if cue.form.clause and (m := _TO_RE.match(text, _skip_space(text, pos))):
                return m.end(), limit, False
            return None
        start, what, after = min(markers)
        if what != "quote":
            after = _skip_space(text, after)
            quote = self.ft.quote_opening(after)
            if not quote or len(text[quote[0] : quote[1]].split()) < _MIN_QUOTE_WORDS:
                return after, limit, False
            start = after
        quote = self.ft.quote_opening(start)
        return quote[0] + 1, min(quote[1], limit), True

    def close_contents(self, found: list[_Found]) -> None:
        """End each content at the clause of the next statement of its sentence."""
        for item, following in zip(found, found[1:], strict=False):
            if following.cue.start <= item.content_start:
                continue
            if self.ft.sentence_start(following.cue.start) != self.ft.sentence_start(item.cue.start):
                continue
            stop = following.cue.start
            words = self.text[item.content_start : stop].split()
            if words and words[-1] in _CONNECTORS:
                stop = self.text.rfind(words[-1], item.content_start, stop)
            item.content_end = min(item.content_end, stop)


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("\u0627\u0644") and len(word) > 3 else word


def _skip_space(text: str, pos: int, also: str = "") -> int:
    while pos < len(text) and (text[pos].isspace() or text[pos] in also):
        pos += 1
    return pos


_FINDER: StatementFinder | None = None


def find_statements(article: Article) -> Article:
    """The pipeline stage: fill ``Article.statements`` (lexicons load on first use)."""
    global _FINDER
    if _FINDER is None:
        _FINDER = StatementFinder(
            resources.load("reporting_verbs"), resources.load("speaker_nouns"), resources.load("titles")
        )
    return _FINDER(article)
