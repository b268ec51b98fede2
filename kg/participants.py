"""Who a sentence puts at an event: delegations and their leaders, meetings and receptions,
visits, joint statements, and the person the sentence sets at the event.

``SentenceParticipants`` reads one article's actors (``kg.actors``) and relation triggers
(``kg.matcher``); the relations stage asks it about the sentence of each dialogue mention, and
about sentences that name no event but tell a meeting or a visit.
"""

from __future__ import annotations

import re

from kg import resources
from kg.actors import ArticleActors, TriggerReader
from kg.event_dates import EventPhrase
from kg.lexicon import single_word
from kg.matcher import Match
from kg.mentions.words import AND
from kg.model import Mention
from kg.spans import bounded_re, fold, words_pattern

#: Actors that take part in talks or are bound by agreements (a force is its owner's instrument).
PARTY_TYPES = frozenset({"Person", "Organization", "Country"})
PRONOUN_SUFFIX = words_pattern("function_words", "pronoun_suffix")
THAT = words_pattern("complementisers", "that")
#: What may stand between a subject and its verb: "حماس أنها ستلتزم"، "«إيران» أنها سوف توقع"، "قد".
_PARTICLE = words_pattern("function_words", "verb_particle")
_SUBJECT_GAP_RE = re.compile(rf"[\s\"\u00bb\u201d]*(?:{AND}|(?:{THAT}{PRONOUN_SUFFIX}?\s+)?(?:{_PARTICLE}\s+)?)")
_AND_GAP_RE = re.compile(rf"\s*{AND}?")
#: Words after an agreement's phrase within which a later verb of its sentence is read as binding.
_LATER_VERB_WORDS = 12
TO = words_pattern("function_words", "to")
TO_RE = re.compile(rf"(?<!\w){TO}\s+$")
#: An event noun that is someone's: زيارته، حوارها، لقائه، "حوار له".
_POSSESSED_RE = re.compile(rf"(?:\S{PRONOUN_SUFFIX}(?!\w)|(?<!\w)ل{PRONOUN_SUFFIX}(?!\w))")
THAT_RE = re.compile(rf"(?<!\w){words_pattern('complementisers', 'that')}{PRONOUN_SUFFIX}?(?!\w)")
_PERSON_WINDOW_WORDS = 8
#: An event noun that is his (زيارته), and the words between him and it (بيانا بشأن زيارته).
_HIS = min(resources.words("function_words", "pronoun_suffix", fold), key=len)  # the masculine singular
_HIS_RE = re.compile(rf"\S{_HIS}(?!\w)")
_HIS_GAP_WORDS = 4
#: A comma, colon or quotation mark: what stands before it is no subject of what follows.
PAUSE_RE = re.compile('[\u060c,:"\u00ab\u00bb\u201c\u201d]')
#: Words between a meeting verb's subject and whom it meets (a place and a day: "في القاهرة أمس").
_OBJECT_WORDS = 5
#: A new clause: "، و"، or a complementiser (what follows is said, not met).
CLAUSE_RE = re.compile(rf"[\u060c,]\s*{AND}|(?<!\w){THAT}")
#: A place, not a person met: "التقى X في البيت الأبيض".
_AT_PLACE_RE = re.compile(rf"(?<!\w){words_pattern('function_words', 'in')}\s+$")
#: Words between a joint statement and its issuers ("بيان مشترك صادر عن X").
_ISSUER_WORDS = 3
#: Words that may stand between a subject and its verb ("X قد زار"، "X، الذي يزور").
_SUBJECT_GAP_WORDS = 2
_WORD_RE = re.compile(r"\w+")
#: A visit's destination follows the verb within this many words (after a delegation subject).
_VISIT_WINDOW_WORDS = 12
#: Words of an unnamed visitor's title, its nisba last: "الرئيس التونسي"، "وزير الخارجية الأردني".
_UNNAMED_VISITOR_WORDS = 3
#: Words a delegation's nisba may stand after it (وفد أمني عراقي).
_DELEGATION_WORDS = 2
#: What may stand between a delegation and whom it stands for: nothing, or من ("وفد من حماس").
_DELEGATION_GAP_RE = re.compile(rf"\s*(?:{words_pattern('function_words', 'of')}\s+)?")
#: Words that may stand between "during/at" and the event it puts the subject at (خلال كلمته في).
_DURING_GAP_WORDS = 2
_DURING_REACH = 40
#: Words after an event's mention within which a verb of bringing together tells its sides ("الذي جمعه").
_GATHER_WORDS = 2
WITH_RE = bounded_re("function_words", "with")
BETWEEN_RE = bounded_re("function_words", "between")
#: مع or بين as a whole word: what the sides of an event follow.
SIDES_RE = re.compile(rf"{WITH_RE.pattern}|{BETWEEN_RE.pattern}")
#: Words between بين/مع and the first side ("مع رئيس هيئة الأركان الأردني يوسف الحنيطي" is one side).
SIDE_WORDS = 2
#: Words after "بين" that still name the sides ("بين الولايات المتحدة الأمريكية وجمهورية العراق").
BETWEEN_WORDS = 6
#: A side named after بين/مع or as a signer may be an armed force ("بين روسيا والفصائل المعارضة"),
#: though a force the event only speaks of is no party.
SIDE_TYPES = PARTY_TYPES | {"Force"}
#: The conjunction written on the second side's first word: " والفصائل".
_SECOND_SIDE_RE = re.compile(rf"\s{AND}")
#: Prepositions written on a name: "مرتبطة بإيران" is no subject.
_FOR = single_word("function_words", "for")
_PREPOSITIONS = {single_word("function_words", "by"), _FOR} - {""}
#: Words of an event phrase within which "مع" names its other side ("محادثات مع الكويت").
_WITH_SIDE_WORDS = 3
#: Words between a subject and the talks it seeks "with" someone ("تسعى إلى مواصلة محادثات مع").
SUBJECT_EVENT_WORDS = 4
#: Words before an event that opens its sentence ("وفي كلمته بالجلسة")، and the words (its verb
#: and a title before the name) between the comma after it and the subject who speaks at it
#: ("، أكد مندوب الكويت X").
_OPENING_WORDS = 3
_VERB_WORDS = 3


def other_side_follows(actors: ArticleActors, event: EventPhrase) -> bool:
    """Whether the event names its other side with "مع" a few words after its noun ("محادثات مع
    الكويت"): who opens its clause or reports it is then its first side."""
    return bool(WITH_RE.search(actors.text, event.start, actors.words_after(event.start, _WITH_SIDE_WORDS)))


def _subject_after(text: str, sentence: int, event: EventPhrase, person: tuple[int, int, Mention]) -> bool:
    """Whether the event opens the sentence ("وفي كلمته بالجلسة،") and the person is the subject
    of the verb right after its comma ("، دعا الوزير X")."""
    opening = len(text[sentence : event.start].split()) <= _OPENING_WORDS
    gap = text[event.end : person[0]]
    pause = PAUSE_RE.search(gap)
    return opening and bool(pause) and len(gap[pause.end() :].split()) <= _VERB_WORDS


def gathered(reader: TriggerReader, sentence: int, stop: int, event: EventPhrase, persons: list) -> list[str]:
    """Whom a verb of bringing together told right after the event names: its object ("لقاء
    جمع X وY"، "الاجتماع الذي جمع X ونظيره Y") and, for its pronoun, the persons named before
    the event in its clause: the last for "him" ("بعد اللقاء الذي جمعه بـY"), all for "them"
    ("وأكد X وY بعد قمة جمعتهما")."""
    reach = reader.actors.words_after(event.end, _GATHER_WORDS)
    verbs = reader.triggers.find(("gather",), event.start, reach)
    if not verbs:
        return []
    start, end, verb = verbs[0]  # its object after it, past بـ/مع/بين
    actors = [m.entity for _s, _e, m in reader.actors.coordinated(end, stop, PARTY_TYPES, SIDE_WORDS)]
    clause = max((m.end() for m in THAT_RE.finditer(reader.text, sentence, event.start)), default=sentence)
    before = [t[2].entity for t in persons if clause <= t[0] and t[1] <= min(event.start, start)]
    if verb.id == "them":  # "them two", "them all": every person its clause names before it
        actors += before
    elif verb.id == "his":
        actors += before[-1:]
    return actors


class SentenceParticipants(TriggerReader):
    """The participant rules of one article: what its sentences say of who takes part."""

    def in_sentence(self, sentence: int, stop: int, event: EventPhrase | None = None) -> list[str]:
        """Actors a sentence puts at an event: delegations, leaders, meetings, visits, joint
        statements, and (given the ``event`` the sentence names) its subject (``_lead``)."""
        actors: list[str] = []
        persons = [t for t in self.actors.within(sentence, stop) if t[2].type == "Person"]
        if event is not None:
            actors += self._lead(sentence, stop, event, persons) + gathered(self, sentence, stop, event, persons)
        for start, end, _m in self.triggers.find(("delegation",), sentence, stop):
            actors += self.actors.nisba_countries(start, self.actors.words_after(end, _DELEGATION_WORDS))
            # in the event's own sentence, the actor written right before it: who sends, receives
            # or leads it ("أرسلت القاهرة وفدا"، "استقبل الرئيس X وفدا"، "رأس الوزير X وفدا")
            before = [t for t in self.actors.within(sentence, start) if t[1] <= start]
            if event is not None and before and before[-1][2].type in PARTY_TYPES:
                actors += [before[-1][2].entity] if not self.text[before[-1][1] : start].strip() else []
            # and whom it stands for, named after it in the event's own sentence: "وفد حماس"، "وفد من الحكومة"
            sent = self.actors.coordinated(end, stop, SIDE_TYPES - {"Person"}, _DELEGATION_WORDS)[:1]
            if event is not None and sent and _DELEGATION_GAP_RE.fullmatch(self.text, end, sent[0][0]):
                actors.append(sent[0][2].entity)
        for _start, end, _m in self.triggers.find(("counterpart",), sentence, stop):
            actors += self.actors.nisba_countries(end, end + 20)
        for _start, end, _m in self.triggers.find(("leader",), sentence, stop):
            actors += self.actors.nisba_countries(end, self.actors.words_after(end, 3))
            actors += self.persons_after(end, stop)
        for start, end, meeting in self.triggers.find(("meeting", "presence"), sentence, stop):
            before = [t for t in persons if t[1] <= start]
            if before:
                actors.append(before[-1][2].entity)
            elif meeting.id == "verb":  # no subject before the verb: the one met follows the one after it
                actors += _met_object(self, end, stop)
            window = self.actors.words_after(end, _PERSON_WINDOW_WORDS)
            actors += [t[2].entity for t in self.actors.within(end, window) if t[2].type == "Person"]
            actors += self.persons_after(end, stop, types=("Person", "Organization"))
            actors += self.actors.nisba_countries(end, self.actors.words_after(end, 4))
        for _start, end, _m in self.triggers.find(("joint",), sentence, stop):
            # who issues a joint statement took part: "بيان مشترك صادر عن X وY"، "بيان مشترك سعودي إيراني"
            issuers = self.actors.coordinated(end, stop, PARTY_TYPES, _ISSUER_WORDS)
            actors += [m.entity for _s, _e, m in issuers]
            actors += self.actors.nisba_countries(end, self.actors.words_after(end, _ISSUER_WORDS))
        for start, end, visit in self.triggers.find(("visit",), sentence, stop):
            actors += self._visit(sentence, stop, (start, end, visit), persons, lax=event is not None)
        return actors

    def _visit(self, sentence: int, stop: int, trigger: tuple[int, int, Match], persons: list, lax: bool) -> list[str]:
        """A visit's destination and visitors. The visitor is the person or body just before a
        visit verb (its subject: "وكان X قد زار"، "X، الذي يزور") or right after the verb or noun
        ("وزار الوزير X طهران"، "زيارة X"), and counts when a state or capital is what is visited,
        right after (not "ستزور المنطقة"). In a sentence that names the event (``lax``) the
        destination may stand further on ("زار وفد عراقي برئاسة X واشنطن")."""
        start, end, visit = trigger
        visitors = []
        if visit.id in ("verb", "arrive"):
            before = [t for t in persons if sentence <= t[0] and t[1] <= start]
            if before and len(_WORD_RE.findall(self.text[before[-1][1] : start])) <= _SUBJECT_GAP_WORDS:
                visitors = [before[-1][2].entity]
        if not visitors and visit.last - visit.first == 1:  # after "إلى" the destination follows
            chain = [(e, m.entity) for _s, e, m in self.actors.coordinated(end, stop, ("Person", "Organization"), 1)]
            # or an official the article does not name, by the nationality of his title: "وصل الرئيس التونسي"
            unnamed = self.actors.nisba_spans(end, self.actors.words_after(end, _UNNAMED_VISITOR_WORDS))
            chain = chain or [(e, key) for _s, e, key in unnamed[:1]]
            visitors = list(dict.fromkeys(key for _e, key in chain))
            end = chain[-1][0] if chain else end
        window = self.actors.words_after(end, _VISIT_WINDOW_WORDS)
        following = [t for t in self.actors.within(end, min(stop, window)) if t[2].entity not in visitors]
        places = [t for t in following if t[2].type in ("Country", "Place")]
        next_to = following[:1] if following and following[0][0] <= self.actors.words_after(end, 2) else []
        arrived = visit.last - visit.first > 1 or next_to and TO_RE.search(self.text, end, next_to[0][0])
        if visit.id == "arrive" and not arrived:
            next_to = []  # one arrives "at" a place: "وصلت النمسا إلى قناعة" is no visit to Austria
        destination = (places if lax else next_to)[:1]
        out = []
        for _s, _e, mention in destination:
            out += [mention.entity] if mention.type == "Country" else self.actors.capital_country(mention)
        # a visit to a state is one of its talks: the visitor takes part
        return out + visitors if out and next_to == places[:1] else out

    def _lead(self, sentence: int, stop: int, event: EventPhrase, persons: list) -> list[str]:
        """The sentence's first person when the sentence puts that person at the event: before
        it, with "during/at" just before the event ("قال فؤاد حسين خلال كلمته في مؤتمر الحوار"،
        "أثناء اجتماع المجلس") or the event theirs ("بيانا بشأن زيارته"), and no أن between; or
        after an event that is theirs ("زيارته"، "حوار له"). With them, those coordinated with
        them and those they act with ("اتفق X مع Y ... خلال اجتماع"). States or bodies that open
        the sentence are put at the event the same way ("اتفقت ليبيا والسودان خلال اجتماع"), and
        so is a subject a few words before talks "with" someone ("السعودية تسعى إلى مواصلة
        محادثات مع الكويت"). After a complementiser the sentence is read from it on: who reports
        the talks is not at them ("وقال المسؤول إن X نقل الرسالة في محادثات مع Y"). A person who
        speaks "after" or "about" the event is no participant."""
        text, actors = self.text, []
        possessed = _POSSESSED_RE.search(text, event.start, event.end)
        clause = max((m.end() for m in THAT_RE.finditer(text, sentence, event.start)), default=sentence)
        persons = [t for t in persons if t[0] >= clause]
        opening = self.actors.within(clause, event.start)[:1]
        if (
            opening
            and opening[0][2].type in ("Country", "Organization")
            and not PAUSE_RE.search(text, opening[0][1], event.start)
            # a person between is the one at the event: "نقلت الوكالة عن X قوله أثناء زيارة"
            and not any(opening[0][1] <= t[0] < event.start for t in persons)
            and (
                self._at_event(sentence, event)
                or self.for_event(opening[0][1], event)
                or self._other_side_with(clause, opening[0], event)
            )
        ):
            chain = self.actors.coordinated(opening[0][0], event.start, ("Country", "Organization"), 1)
            actors += [m.entity for _s, _e, m in chain]
        if not persons or self.ft.quote_at(persons[0][0]):
            return actors
        lead = persons[0]
        last_named = max((e for _s, e, m in persons if m.entity == lead[2].entity and e <= event.start), default=0)
        if lead[1] > event.start:
            # an event told first: a side it names itself, and the subject that speaks at it after
            # it ("وخلال لقائه بالرئيس Y، أكد X"، "وخلال الاجتماع، قال الوزير X")
            sides = [lead] if possessed else []
            subject = next((t for t in persons if t[0] >= event.end), None)
            # "during" it, or the event's own noun, naming that side, is "his" ("لقائه")
            his = lead[0] < event.end and self.triggers.find(
                ("possessed",), event.start, self.actors.words_after(event.start, 1)
            )
            at_event = bool(his) or self._at_event(sentence, event)
            if (
                subject is not None
                and subject not in sides
                and at_event
                and _subject_after(text, sentence, event, subject)
            ):
                sides.append(subject)
            return actors + [m.entity for _s, _e, m in sides]
        # "his visit" a few words after him, in his own words: "أعلن X، الإثنين، بيانا بشأن زيارته"
        his = (
            _HIS_RE.search(text, event.start, event.end)
            and len(text[last_named : event.start].split()) <= _HIS_GAP_WORDS
            and self.ft.quote_at(event.start) is None
        )
        at_event = (
            self._at_event(sentence, event)
            or self.for_event(lead[1], event)
            or self._other_side_with(clause, lead, event)
        )
        if (his or at_event) and not THAT_RE.search(text, lead[1], event.start):
            # with those coordinated with him: "بحث كل من الوزير ... ونظيره ...، في اتصال هاتفي"
            actors += self.persons_after(lead[0], event.start) or [lead[2].entity]
            for _s, with_end, _m in self.triggers.find(("with",), lead[1], event.start):
                actors += [m.entity for _s, _e, m in self.actors.coordinated(with_end, event.start, PARTY_TYPES, 1)]
        return actors

    def _at_event(self, sentence: int, event: EventPhrase) -> bool:
        """Whether a "during/at" word stands a few words before the event ("خلال كلمته في مؤتمر"),
        with no word of time outside it between ("في تصريح عقب الاجتماع"، "في أعقاب جلسة": after it)."""
        return any(
            len(self.text[end : event.start].split()) <= _DURING_GAP_WORDS
            and not self.triggers.find(("outside",), end, event.start)
            for _s, end, _m in self.triggers.find(("during",), max(sentence, event.start - _DURING_REACH), event.start)
        )

    def for_event(self, subject_end: int, event: EventPhrase) -> bool:
        """Whether the event is the purpose of the verb of the subject ending at ``subject_end``:
        a purpose word stands right before it ("توجه X للمشاركة في القمة")، or the subject travels
        and the event's noun carries the ل of purpose ("وصل X إلى الرياض للقاء Y"; not "البيان
        الختامي للقمة")، in the subject's own clause."""
        if CLAUSE_RE.search(self.text, subject_end, event.start):
            return False
        start = event.start
        travels = self.triggers.find(("visit", "travel"), self.ft.sentence_start(start), start)
        if travels and self.text[start - 1 : start] == _FOR and self.text[start - 2 : start - 1].isspace():
            return True
        reach = max(subject_end, start - _DURING_REACH)
        return any(
            len(self.text[end:start].split()) <= _DURING_GAP_WORDS
            for _s, end, _m in self.triggers.find(("purpose",), reach, start)
        )

    def _other_side_with(self, clause: int, subject: tuple[int, int, Mention], event: EventPhrase) -> bool:
        """Whether the event names its other side with "مع" ("محادثات مع الكويت") a few words
        after the clause's subject, which is then its first side. The subject opens the clause,
        after its verb at most ("وتسعى السعودية"), not inside a phrase ("جهات مرتبطة بإيران")."""
        start, end, _mention = subject
        opens = len(self.text[clause:start].split()) <= 1 and self.text[start - 1 : start] not in _PREPOSITIONS
        # and the talks are told in the same breath: not in a quotation after "قال X:"
        near = len(self.text[end : event.start].split()) <= SUBJECT_EVENT_WORDS
        near = near and not PAUSE_RE.search(self.text, end, event.start)
        return opens and near and other_side_follows(self.actors, event)

    def persons_after(self, pos: int, stop: int, types: tuple[str, ...] = ("Person",)) -> list[str]:
        """The first person (or organisation) within a few words after ``pos``, and those
        coordinated with it ("ضمت وزير الدفاع ثابت العباسي، ومساعدة وزير الدفاع سيليست واندر")."""
        chain = self.actors.coordinated(pos, stop, types, _PERSON_WINDOW_WORDS)
        return list(dict.fromkeys(m.entity for _s, _e, m in chain))

    def side_forces(self, start: int, stop: int) -> list[str]:
        """The armed forces text[start:stop] names as sides after بين/مع ("بين روسيا والفصائل"):
        the first side or those coordinated with it, a force named inside the event's own mention
        ("مفاوضات تولتها روسيا مع الفصائل")، or the second side after one no rule names ("بين
        الدولة العبرية والفصائل")."""
        forces, entities = [], self.actors.article.entities
        for word in SIDES_RE.finditer(self.text, start, stop):
            chain = self.actors.coordinated(word.end(), stop, SIDE_TYPES, SIDE_WORDS)
            forces += [m.entity for _s, _e, m in chain if m.type == "Force"]
            reach = self.actors.words_after(word.end(), SIDE_WORDS)
            named = self.actors.names.find(self.text, word.end(), stop)
            forces += [k for pos, keys in named if pos <= reach for k in keys if entities[k].type == "Force"]
            if BETWEEN_RE.fullmatch(word.group()):
                sides_end = min(stop, self.actors.words_after(word.end(), BETWEEN_WORDS))
                following = self.actors.within(word.end(), sides_end)
                forces += [
                    m.entity for s, _e, m in following if m.type == "Force" and _SECOND_SIDE_RE.match(self.text, s - 2)
                ]
        return forces

    def person_before(self, sentence: int, verb: int) -> list[str]:
        """The person named right before a verb or verbal noun, no word or pause between
        ("قرار الرئيس X الانسحاب")."""
        before = [t for t in self.actors.within(sentence, verb) if t[2].type == "Person"]
        if not before or self.text[before[-1][1] : verb].strip():
            return []
        return [before[-1][2].entity]

    def holder_before(self, sentence: int, verb: int) -> list[str]:
        """The subject written before a holding verb: its countries and bodies (``subject_before``),
        else the person named right before it ("أكد أن الرئيس X يقوم بزيارة"، "X سيجري محادثات")."""
        return self.subject_before(sentence, verb) or self.person_before(sentence, verb)

    def subject_before(self, sentence: int, verb: int) -> list[str]:
        """The countries and bodies written just before a verb, joined by و (its subject), also
        past a complementiser or a particle ("أعلنت حماس أنها ستلتزم"، "إيران قد وقعت")."""
        found: list[str] = []
        end, gap = verb, _SUBJECT_GAP_RE
        for start, stop, mention in reversed(list(self.actors.within(sentence, verb))):
            if mention.type not in ("Country", "Organization") or not gap.fullmatch(self.text, stop, end):
                break
            found.insert(0, mention.entity)
            end, gap = start - (self.text[start - 1 : start] == "و"), _AND_GAP_RE
        return found

    def signers_after(self, phrase: EventPhrase, stop: int) -> list[str]:
        """The subjects of agreement verbs later in the agreement's sentence ("لضمان تنفيذ
        الاتفاق، وإن الأردن ومصر وافقتا على ...")، up to a verb whose object is another agreement."""
        actors = []
        reach = self.actors.words_after(phrase.end, _LATER_VERB_WORDS)
        for verb_start, verb_end, _verb in self.triggers.find(("sign",), phrase.end, min(stop, reach)):
            if any(m.type == "Agreement" for _s, _e, m in self.actors.within(verb_end, stop)):
                break
            actors += self.subject_before(phrase.end, verb_start)
        return actors


def _met_object(reader: SentenceParticipants, verb_end: int, stop: int) -> list[str]:
    """Who a meeting verb's subject meets: the actors after the subject right after the verb,
    past a place or a time but in the same clause ("استقبل الرئيس X في القاهرة أمس الوزير Y"،
    "التقى X بنظيره Y")."""
    subject = reader.actors.coordinated(verb_end, stop, PARTY_TYPES, _PERSON_WINDOW_WORDS)
    if not subject:
        return []
    chain = reader.actors.coordinated(subject[-1][1], stop, ("Person", "Organization"), _OBJECT_WORDS)
    gap = reader.text[subject[-1][1] : chain[0][0]] if chain else ""
    if not chain or CLAUSE_RE.search(gap) or _AT_PLACE_RE.search(gap):
        return []
    return list(dict.fromkeys(m.entity for _s, _e, m in chain))
