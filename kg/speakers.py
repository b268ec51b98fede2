"""Who made a statement: the speaker rules of the statements stage.

In order: the subject written after the verb (a name, a title and name, coordinated names,
"كل من X وY")؛ the subject written right before it (الخزعلي رأى، "ديفد شينكر، قال" at the head
of the sentence, "الفصائل، التي تطالب")؛ the joint statement (البيان المشترك، بيان صادر عن X)
speaking for its issuer or the sides of the article's main dialogue (its country participants:
a speaker is an actor, never the dialogue itself); "the two sides" (الجانبان، الوفدان) for
those sides; "البيان" alone for whoever last issued one, if anyone did; "المسؤول" or a definite
title for the last person who spoke, else for an official the article does not name
(``kg.unnamed_titles``). A verb with no written subject reads its person and number
(``kg.continuations``). A written subject that names nobody known (مراقبون، مصادر، a title
whose name was not recognised) gives the statement no speaker, so it is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from kg.correspondents import own_correspondent, relayed_correspondent
from kg.cues import (
    AND,
    ARTICLE,
    BREAK_RE,
    COMPLEMENTISER_RE,
    CONJUNCTIONS,
    FOR,
    Cue,
    CueLexicon,
    statement_pattern,
    statement_words,
    strip_article,
)
from kg.former_titles import former_holder, same_holder
from kg.issuers import ISSUED_BY, ISSUER_REACH_CHARS, issued_statements, issuer_follows
from kg.members import read_group, read_member
from kg.model import Article, Mention, Source
from kg.quoted_speakers import quoted_speaker
from kg.relay_sources import relayed_source
from kg.spans import FoldedText, MentionSpans, fold, main_dialogue, principal_countries
from kg.speaker_phrases import PUNCTUATION_RE, PhraseReader, refer
from kg.subject_bodies import read_body
from kg.subject_gaps import (
    QUOTE_CLOSERS,
    after_preposition,
    apposition,
    clause_follows,
    colon_follows,
    feminine_word,
    possessed_object,
    skip_lead,
    subject_gap,
)
from kg.unnamed_titles import unnamed_title

ACTOR_TYPES = frozenset({"Person", "Organization", "Country", "Force"})
#: Mention types that can be the grammatical subject of a reporting verb.
SUBJECT_TYPES = ACTOR_TYPES | {"Dialogue"}

#: What stands between an attribution preposition and its source: عن (نقلاً عن)، and "what it
#: reported" (وفقاً لما ذكرته، بحسب ما أفادت به، حسبما نقلت).
_FROM = statement_pattern("from")
_PREPOSITION_LEAD_RE = re.compile(
    rf"\s*(?:{_FROM}\s+|{statement_pattern('what')}\s+\S+\s+(?:{statement_pattern('with_it')}\s+)?)?"
)
_COORDINATION_RE = re.compile(rf"^[\s\u060c,]*{AND}$")
#: What may stand between a verb or attribution preposition and a non-person speaker: the
#: preposition's clitic, and a document with its issuer link (وفق بيان صادر عن الوزارة).
_DOCUMENT = rf"{statement_pattern('document')}\s+(?:{ISSUED_BY}|{FOR})?"
_DOCUMENT_RE = re.compile(_DOCUMENT)
_PREPOSITION_GAP_RE = re.compile(rf"^\s*(?:{_FROM}\s+|{FOR})?(?:{_DOCUMENT})?$")
_RELATIVE_GAP_RE = re.compile(rf"^[\s\u060c,{QUOTE_CLOSERS}]*{statement_pattern('relative')}\s+$")
_EACH_OF_RE = re.compile(r"\s+".join(statement_words("each_of")[0].split()) + r"\s+")
#: A part of a group before it (بعض السكان، عدد من القادة): the group speaks.
_GROUP_OF_RE = re.compile(rf"{statement_pattern('group_of')}\s+")
#: The relative "what" written on an attribution preposition (حسبما).
_WHAT = statement_words("what")[0]
#: One word without the punctuation after it ("وفق المرصد." names المرصد).
_BARE_WORD_RE = re.compile(r"\w+")
#: A person title may stand between the verb and the name (قال وزير الخارجية العراقي فؤاد حسين).
_MAX_TITLE_WORDS = 8
#: "جاء ذلك في بيان": what was just reported came in a document, so that document is its speaker's.
_THAT_CAME_RE = re.compile(
    rf"(?<!\w){statement_pattern('that_came')}\s+{statement_pattern('in_statement')}\s*{_DOCUMENT}"
)
#: How far after a name a name coordinated with it may start ("X، وY").
_COORDINATION_REACH_CHARS = 8
#: Words written with ال that are no nouns (إلى folds to الى).
_PARTICLES = frozenset(statement_words("particle"))
#: "الذي": a relative clause on a man, so on the last person before it.
_MASCULINE_RELATIVE = statement_words("relative")[0]
_FUNCTION_WORDS = frozenset(statement_words("relative") + statement_words("not_noun"))
#: Only a verb's subject where it stands: a quantifier (بعض، عدة) or nominative plural/dual (حقوقيون، الزعيمان).
_SUBJECT_QUANTIFIERS = frozenset(statement_words("subject_quantifier"))
_NOMINATIVE_RE = re.compile(
    rf"(?:\w{{3,}}{statement_pattern('nominative_ending')}|{ARTICLE}\w{{3,}}{statement_pattern('nominative_dual')})$"
)


@dataclass
class Subject:
    """A statement's written subject: the speaker keys and where the words stand (folded)."""

    keys: list[str]  #: empty when the subject names nobody known
    start: int
    end: int
    explicit: bool = True  #: written after the verb (VSO)
    relative: bool = False  #: the verb opens a relative clause on it (الفصائل، التي تطالب)
    sides: bool = False  #: "the two sides" (الجانبان): a singular verb after it is not theirs


class SpeakerReader:
    """One article's mentions, speaker nouns and dialogue, and who spoke last."""

    def __init__(
        self, article: Article, ft: FoldedText, lexicon: CueLexicon, dates: list[tuple[int, int, str | None]]
    ) -> None:
        self.article = article
        self.ft = ft
        self.text = ft.folded
        self.titles = lexicon.titles
        self.mentions = MentionSpans(article, ft, SUBJECT_TYPES)
        self.nouns = lexicon.nouns(self.text)
        self._noun_starts = {noun[0]: noun for noun in self.nouns}
        self.date_starts = {start: end for start, end, _value in dates}  #: folded date spans
        self.phrases = PhraseReader(article, ft, self.mentions, lexicon, set(self.date_starts))
        self.principal = principal_countries(article)
        self.dialogue_sides = _dialogue_sides(article, d, self.principal) if (d := main_dialogue(article)) else []
        #: last name (folded) -> person key, for names written without a mention
        self.surnames = {
            fold(entity.label_ar).split()[-1]: entity.key
            for entity in article.entities.values()
            if entity.type == "Person" and len(entity.label_ar.split()) >= 2
        }
        #: (folded offset, speakers) of each statement issued "في بيان" / "أصدرت X بياناً", or
        #: named with its issuer ("جاء في بيان للخارجية"، "بيان المنظمة"، "بيان صادر عن X")
        self.issuers = issued_statements(self.text, self.mentions, partial(mention_subject, self), self.phrases.outlets)
        self.previous: list[str] = []  #: speakers of the last statement
        self.previous_person: list[str] = []  #: the last statement speakers that are persons
        #: whether the last speaker was a feminine verb's subject; whether one since named no one known;
        #: whether the last were a dual or plural verb's or "the two sides" (not a singular verb's)
        self.previous_feminine = self.previous_unknown = self.previous_many = False

    def remember(self, speakers: list[str], issued_at: int | None = None, number: str = "") -> None:
        """Note the speakers of the statement just found, for bare verbs and "المسؤول" after it,
        and, when the statement came "in a statement" (في بيان) at ``issued_at``, as the issuer
        "البيان" refers back to. ``number`` is its verb's (a participle's "" keeps the last)."""
        if speakers:
            self.previous, self.previous_unknown = speakers, False
            self.issuers += [(issued_at, speakers)] if issued_at is not None else []
            self.previous_feminine = number == "f" if number else self.previous_feminine
            self.previous_many = number in ("dual", "plural") if number else self.previous_many
        persons = [k for k in speakers if self.article.entities[k].type == "Person"]
        self.previous_person = persons if persons and not self.previous_many else self.previous_person

    def after(self, cue: Cue, limit: int) -> Subject | None:
        """The subject written after a cue: a speaker noun, a name, or a title and name; for a
        relaying verb (نقلت الوكالة عن X) the source after عن, when one is written."""
        text, pos = self.text, cue.end
        # "حسبما نقلت": the relative ما is written on the preposition, so read from it
        lead_at = pos - len(_WHAT) if text.endswith(_WHAT, cue.start, cue.end) else pos
        preposition = cue.form.kind == "preposition"
        if preposition and (clitic := _PREPOSITION_LEAD_RE.match(text, lead_at)):
            pos = clitic.end()
        subject = self._subject_at(pos, limit, preposition, cue.form.number if cue.form.kind == "verb" else None)
        relay = cue.form.relay and subject and subject.keys
        if relay and (source := relayed_source(text, subject.end, limit, self.date_starts)) is not None:
            relayed = self._subject_at(source, limit, True)  # else "عن مراسلها", or no one known
            return relayed or Subject(*relayed_correspondent(self.phrases, source, subject.keys))
        return subject

    def _subject_at(self, pos: int, limit: int, preposition: bool, number: str | None = None) -> Subject | None:
        """The subject written from ``pos`` on (after a cue, or after عن); ``number``: the
        cue's when it is a verb."""
        text, pos = self.text, skip_lead(self.text, pos, limit, self.date_starts)  # "قال، الجمعة، إن"
        known = (self.titles, self.phrases.heads, self.phrases.lex.stopwords)  # words a possessed noun is not
        if number is not None and possessed_object(self.ft, pos, self.mentions, known):
            return None  # "أعلنت تأييدها": the verb's object; its subject is not after it
        if each := _EACH_OF_RE.match(text, pos):
            pos = each.end()
        if group := _GROUP_OF_RE.match(text, pos):  # "وقال بعض السكان إن": the group, or a phrase naming it
            inner = self._subject_at(group.end(), limit, preposition)
            if inner and inner.keys and inner.start == group.end():
                return Subject(inner.keys, pos, inner.end)
            phrase = read_group(self.phrases, pos, group.end(), limit)
            return (
                Subject(phrase.keys, pos, _coordinated(self, phrase.keys, phrase.end))
                if phrase
                else Subject([], pos, pos)
            )
        if self.ft.quote_opening(pos):
            if number is not None and (quoted := quoted_speaker(self, pos, number)):
                return Subject(*quoted)
            pos += 1
        noun = self._noun_starts.get(pos)
        if noun and noun[2] in ("document", "joint", "collective"):
            return self._noun_subject(*noun)
        if held := self.phrases.holders.in_place(pos, limit):  # مدير X في Y، [name]، قال
            return Subject([held[0]], pos, held[1])
        # "وأضاف المسؤول العراقي" is the official met before, read by _unresolved
        if not (noun and noun[2] == "anaphor") and (phrase := self.phrases.read_at(pos, limit, preposition)):
            if not (number == "m" and feminine_word(self.text[phrase.start : phrase.end])):
                return Subject(phrase.keys, phrase.start, phrase.end)
            # "واتهم الشرطة ووسائل الإعلام": a feminine noun after a masculine verb is its object
        window = limit
        document = _DOCUMENT_RE.match(text, pos) or (
            preposition and text.startswith(FOR, pos) and _DOCUMENT_RE.match(text, pos + 1)
        )  # "وفقاً لبيان صادر عن الجيش"
        if document and (issuers := self.phrases.names.nisba_countries(document.end()))[0]:
            return Subject(issuers[0], pos, issuers[1])  # "بيان سعودي أمريكي مشترك"
        for rx in (BREAK_RE, COMPLEMENTISER_RE):
            if m := rx.search(text, document.end() if document else pos, limit):
                window = min(window, m.start())
        colon = text.find(":", pos, window)
        window = colon if colon >= 0 else window
        # a dialogue speaks through its joint statement (بيان مشترك لحوار ...), not as a subject;
        # "واتهم الشرطة": a feminine noun after a masculine verb is its object
        actors = [t for t in self.mentions.within(pos, window) if t[2].type in ACTOR_TYPES]
        candidates = [t for t in actors if not (t[0] == pos and number == "m" and feminine_word(t[2].text))]
        if not candidates:  # "بحسب أرقام المرصد [a body no list knows]": the speaker phrase after a document
            issuer = self.phrases.read_at(document.end(), limit, False) if document else None
            return Subject(issuer.keys, pos, issuer.end) if issuer else self._unresolved(pos, noun, limit, number)
        if candidates[0][0] == pos and candidates[0][2].type != "Person":
            # "مكتب رئيس الوزراء X": the office, not X; but "وكالة أنباء «رويترز»" is the name after it
            named = [t for t in candidates[1:2] if t[2].type == candidates[0][2].type]
            if named and apposition(self.text, candidates[0], named[0], self.phrases.outlets, self.phrases.lex.heads):
                return mention_subject(self, named[0])
            return mention_subject(self, candidates[0])
        persons = [t for t in candidates if t[2].type == "Person" and len(text[pos : t[0]].split()) <= _MAX_TITLE_WORDS]
        # a written-out name beats the bare title or surname before it ("المتحدث باسم القوات
        # المسلحة العراقية العميد يحيى رسول"): the title chain may hold words taken for names
        named = [t for t in persons if t[2].source != Source.ROLE and len(t[2].text.split()) >= 2]
        first = (named or persons or candidates)[0]
        if persons and persons[0][0] == pos and self.phrases.holders.name_mention(persons[0][2]):
            first = persons[0]  # "وأضاف غريفيث الذي خلف X": the name right after the verb
        if not persons and not _PREPOSITION_GAP_RE.match(text[pos : first[0]]):
            return self._unresolved(pos, noun, limit, number)
        if first[2].source == Source.ROLE and (held := self.phrases.read_holder(pos, first, window)):
            return Subject(held.keys, held.start, held.end)  # "وزير الدولة لشؤون النقل [an unknown name]"
        if first[2].type == "Person" and first[0] > pos and self.phrases.head_at(pos):
            self.phrases.holders.give_role(pos, first)
        return Subject(*former) if (former := former_holder(self, first)) else mention_subject(self, first)

    def before(self, cue_start: int, sentence: int, governed: bool = False, plural: bool = False) -> Subject | None:
        """The subject written right before the verb (الخزعلي رأى، البيان المشترك نوه).

        A subject set off by a comma (ديفد شينكر، قال) must open the sentence: after a
        prepositional lead-in ("ورداً على سؤال ...، قال") the last noun is no subject. The
        particle قد may stand between them ("وكان المرصد قد أعلن"). A name right after a
        preposition is its object, unless ``governed`` ("نقلت الوكالة عن X قوله").
        """
        text = self.text
        lead = text[sentence:cue_start].rstrip()
        if lead.split()[-1:] and lead.split()[-1] in _PARTICLES:
            cue_start = len(lead) - len(lead.split()[-1]) + sentence
        for start, end, kind in reversed(self.nouns):
            if sentence <= start and end <= cue_start and subject_gap(self.text, text[end:cue_start], sentence, start):
                subject = self._noun_subject(start, end, kind)
                subject.explicit = False
                return subject
        before = [
            t for t in self.mentions.within(sentence, cue_start) if t[1] <= cue_start and t[2].type in ACTOR_TYPES
        ]
        if phrase := self.phrases.read_before(sentence, cue_start):
            return Subject(phrase.keys, phrase.start, phrase.end, explicit=False)
        if not before:
            return _unknown_before(self.text, sentence, cue_start)
        # the outermost of the mentions ending last: "الفصائل الموالية لإيران، التي" is the
        # militias, not Iran
        last = min(before, key=lambda t: (-t[1], t[0]))
        gap = text[last[1] : cue_start]
        if subject_gap(self.text, gap, sentence, last[0]):
            if not governed and after_preposition(text, sentence, last[0]):
                return None  # "وعندما سئل X عن موقفه إزاء سوريا قال": a preposition's object
            chosen = last
        elif _RELATIVE_GAP_RE.match(gap):
            persons = [t for t in before if t[2].type == "Person"]
            chosen = persons[-1] if gap.split()[-1] == _MASCULINE_RELATIVE and persons else last
            # "X وY التي أعلنت": things in the plural are feminine ("بين X وY، التي": Y alone)
            plural = plural or chosen[2].type != "Person" and not PUNCTUATION_RE.search(gap)
        else:
            return None
        subject = _with_coordinated(self, before, mention_subject(self, chosen, coordinate=False), plural)
        subject.explicit = False
        subject.relative = chosen is not last or not subject_gap(self.text, gap, sentence, last[0])
        return subject

    def _unresolved(
        self, pos: int, noun: tuple[int, int, str] | None, limit: int, number: str | None
    ) -> Subject | None:
        """A subject written after the verb that no mention resolves.

        A definite title or "المسؤول" refers back to the last person who spoke, else is an official
        the article does not name (``kg.unnamed_titles``); a known person's last name is that person.
        A verb's definite noun phrase before the clause that heads a body (``read_body``) is that
        body; one of a group (``kg.members``) a person. A subject by its form (بعض الشهود، حقوقيون،
        الزعيمان) is nobody known: an empty subject, not the previous speaker."""
        word = _BARE_WORD_RE.match(self.text, pos)
        if not word:
            return None
        stem = word.group()
        stem = stem[1:] if stem[:1] in CONJUNCTIONS and len(stem) > 4 else stem
        title = strip_article(stem) in self.titles
        referent = own_correspondent(self.phrases, stem, word.end() - len(stem)) or self.phrases.known_word(stem, pos)
        if referent:  # "وأفاد مراسلنا"، "وقال المراسل"; "وأضافت الهيئة"، "أفريكوم"، "الكرملي"
            return Subject(referent, pos, word.end())
        agrees = same_holder(self.phrases.names, word.end(), self.previous_person)  # not "الرئيس التونسي"
        anaphor = noun is not None and noun[2] == "anaphor"
        if anaphor or title and stem.startswith(ARTICLE) and agrees:  # "وأضاف الوزير"، "وقال الوزير [name]"
            met = self.previous_person
            keys = met if anaphor else self.phrases.holders.definite(pos, word.end(), limit, met, self.mentions)
            return Subject(list(keys), pos, word.end()) if keys else _unnamed(self.phrases, pos, word)
        if stem in self.surnames:  # a surname the mentions stage left unlinked (وقال العوادي)
            return Subject([self.surnames[stem]], pos, word.end())
        definite = stem != strip_article(stem) and stem not in _FUNCTION_WORDS
        clause = definite and clause_follows(self.ft, word.end())
        verb = number is not None  # "قبيل إعلان المحكمة أن": a noun's genitive is no subject
        if clause and verb and not (noun or title) and (body := read_body(self.phrases, pos, limit, number == "f")):
            return Subject(body.keys, body.start, body.end)  # "وقالت الهيئة العليا للانتخابات إن"، "ويقول الأردنيون إن"
        if stem in _SUBJECT_QUANTIFIERS or _NOMINATIVE_RE.match(stem) and stem not in _FUNCTION_WORDS:
            member = read_member(self.phrases, stem, pos, word.end(), limit)  # "وقال أحد أعضاء الوفد إن"
            return Subject(member.keys, pos, member.end) if member else Subject([], pos, pos)  # "واعتبر حقوقيون أن"
        if noun or title or clause or definite and colon_follows(self.ft, word.end()):
            # "وقال البابا من مقر إقامته إنه"، "وقالت الأم:": a definite noun before the clause is its subject
            return Subject([], pos, pos)
        return None

    def _noun_subject(self, start: int, end: int, kind: str) -> Subject:
        """A joint statement speaks for its issuer or the dialogue's sides; "the two sides" for
        those sides (else the principal countries); an unidentified speaker for nobody."""
        if kind == "anonymous":
            return Subject([], start, end)
        if kind in ("unnamed", "channel"):  # "المصادر قالت": the sources met before
            phrase = self.phrases.read(start, end)
            return Subject(phrase.keys if phrase else refer(self.phrases, self.text[start:end], start), start, end)
        if kind in ("document", "joint"):
            countries, stop = self.phrases.names.nisba_countries(end)
            if countries:  # "البيان السعودي الأمريكي المشترك"
                return Subject(countries, start, stop)
            after = self.mentions.within(end, end + ISSUER_REACH_CHARS)
            if after and issuer_follows(self.text[end : after[0][0]], after[0][2], self.phrases.outlets):
                issuers = mention_subject(self, after[0])  # "الصادر عن السعودية وإيران والصين"
                return Subject(issuers.keys, start, issuers.end)
            issuer = max(((at, keys) for at, keys in self.issuers if at < start), default=None)  # the latest
            came = [m.start() for m in _THAT_CAME_RE.finditer(self.text, 0, start)]
            if came and self.previous and (issuer is None or came[-1] > issuer[0]):
                issuer = (came[-1], self.previous)  # "قال X ... جاء ذلك في بيان ... وأضاف البيان": X's
            if issuer and (kind == "document" or len(issuer[1]) > 1):  # a joint one has issuers
                return Subject(issuer[1], start, end)  # "وقالت الوزارة في بيان ... وأضاف البيان"
            entities = self.article.entities
            if kind == "document" and self.previous and all(entities[k].type != "Person" for k in self.previous):
                return Subject(self.previous, start, end)  # "أعلنت القيادة حظر التجول ... وأضاف البيان"
            return Subject(self.dialogue_sides, start, end)
        return _two_sides(self.dialogue_sides or self.principal, start, end)

    def keys_of(self, mention: Mention) -> list[str]:
        """The speakers a mention names: its entity, or a dialogue's sides."""
        entity = self.article.entities[mention.entity]
        if entity.type == "Dialogue":
            return _dialogue_sides(self.article, entity.key, self.principal)
        return [entity.key]


def mention_subject(reader: SpeakerReader, first: tuple[int, int, Mention], coordinate: bool = True) -> Subject:
    """The speakers a mention names as a subject, with the names coordinated after it (X وY وZ)."""
    keys = reader.keys_of(first[2])
    return Subject(keys, first[0], _coordinated(reader, keys, first[1]) if coordinate else first[1])


def _coordinated(reader: SpeakerReader, keys: list[str], end: int) -> int:
    """Add to ``keys`` the names coordinated after a subject ending at ``end`` (X وY وZ), each
    with the last; where the last ends."""
    coordinate = True
    while coordinate:
        coordinate = False
        for start, stop, mention in reader.mentions.within(end, end + _COORDINATION_REACH_CHARS):
            if _COORDINATION_RE.match(reader.text[end:start]):
                keys += [k for k in reader.keys_of(mention) if k not in keys]
                end, coordinate = stop, True
                break
    return end


def _unnamed(phrases: PhraseReader, pos: int, word: re.Match[str]) -> Subject:
    """A definite title (or "المسؤول") that names no one met before: an official the article
    does not name (``kg.unnamed_titles``), not the previous speaker and not dropped."""
    phrase = unnamed_title(phrases, pos, word.end())
    return Subject(phrase.keys, phrase.start, phrase.end)


def _with_coordinated(reader: SpeakerReader, before: list, subject: Subject, plural: bool) -> Subject:
    """A subject before a dual or plural verb with the names coordinated to it (وكان X وY قد أكدا)."""
    while plural and (earlier := [t for t in before if t[1] <= subject.start]):
        first = min(earlier, key=lambda t: (-t[1], t[0]))
        gap = reader.text[first[1] : subject.start]
        if not gap.strip():  # the title written before the name
            subject = Subject(subject.keys, first[0], subject.end)
        elif _COORDINATION_RE.match(gap):
            keys = [k for k in reader.keys_of(first[2]) if k not in subject.keys]
            subject = Subject(keys + subject.keys, first[0], subject.end)
        else:
            break
    return subject


def _unknown_before(text: str, sentence: int, cue_start: int) -> Subject | None:
    """A noun phrase opening the sentence right before the verb that names no one known
    (الوزير الكويتي قال): someone unknown, so not the last speaker a bare verb would get."""
    words = text[sentence:cue_start].split()
    if not words or PUNCTUATION_RE.search(text, sentence, cue_start):
        return None
    first = words[0][1:] if words[0][:1] in CONJUNCTIONS else words[0]
    if words[-1].startswith(ARTICLE) and words[-1] not in _FUNCTION_WORDS and not BREAK_RE.fullmatch(first):
        return Subject([], sentence, cue_start, explicit=False)
    return None


def _two_sides(sides: list[str], start: int, end: int) -> Subject:
    """The two sides (الجانبان): the dialogue's or principal sides when there are two or more,
    else no one known (one country is not both sides)."""
    return Subject(sides if len(sides) > 1 else [], start, end, sides=True)


def _dialogue_sides(article: Article, key: str, principal: list[str]) -> list[str]:
    """A dialogue's joint statement is its sides': its country participants, else the
    article's principal countries (a speaker is an actor, so never the dialogue itself)."""
    entities = article.entities
    sides = [p for p in entities[key].participants if p in entities and entities[p].type == "Country"]
    return sides or principal
