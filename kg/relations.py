"""The relations stage: who took part in a dialogue, who is bound by an agreement, whose
force it is, and when, where and how strong.

Each dialogue or agreement mention is read with its phrase — the mention and the words after
it up to the next comma, event or sentence end: nisba adjectives (الحوار الأمني الأمريكي
العراقي)، "بين X وY"، "بين البلدين" (the article's two principal countries), "مع X"، "إلى X"،
genitive actors, the first date and "في <place>". A sentence that holds a dialogue mention adds
its delegations (وفد عراقي، بقيادة/برئاسة X)، meetings (التقى، اجتمع مع، ضمت X وY)، visits
(زار واشنطن) and the person it puts at the event; the same patterns in sentences that name no
event go to the article's current dialogues (the main one and any without a date of its own).
An agreement also takes its signers (وقعت بغداد وواشنطن ... اتفاقية)، who passed it (الذي أقره
البرلمان) and its year. Forces are read by ``kg.forces``; the actors behind nisbas and names
come from ``kg.actors``; the words that signal holding, visits, signing, meetings and the rest
are token patterns (``kg/data/relation_triggers.jsonl``) that ``kg.matcher`` finds once per article.
"""

from __future__ import annotations

import re

from kg import dates, forces, resources
from kg.actors import AND_RE, ActorLexicon, ArticleActors, add_keys
from kg.clean import strip_article
from kg.document import document
from kg.event_dates import EventDates, EventPhrase
from kg.matcher import Match, Matcher, Triggers
from kg.model import Article, Source
from kg.spans import bounded_re, fold, principal_countries, words_pattern

#: Actors that take part in talks or are bound by agreements (a force is its owner's instrument).
_PARTY_TYPES = frozenset({"Person", "Organization", "Country"})
EVENT_TYPES = frozenset({"Dialogue", "Agreement"})


_THE_TWO_SIDES = "|".join(
    re.escape(strip_article(w)) for w in resources.words("speaker_nouns", "collective", fold) if " " not in w
)
_PRONOUN_SUFFIX = words_pattern("function_words", "pronoun_suffix")
_TO = words_pattern("function_words", "to")
#: A dialogue's or agreement's phrase ends at these (besides the sentence end): punctuation, and
#: what an agreement sets up ("يتضمن إنشاء مركز"), which is no party to it.
_PHRASE_STOP_RE = re.compile(rf"[\u060c,\u061b;:(]|(?<!\w)ب?{words_pattern('establishing_nouns')}(?!\w)")
_MAX_PHRASE_WORDS = 5
#: Words after "بين" that still name the sides ("بين الولايات المتحدة الأمريكية وجمهورية العراق").
_BETWEEN_WORDS = 6
_BETWEEN = words_pattern("function_words", "between")
_WITH = words_pattern("function_words", "with")
_BETWEEN_RE = bounded_re("function_words", "between")
_SIDES_AFTER_RE = re.compile(rf"\s+(?:{_BETWEEN}|{_WITH})(?!\w)")
_SIDES_RE = re.compile(rf"(?:{_BETWEEN}|{_WITH})")
#: Words between بين/مع and the first side ("مع رئيس هيئة الأركان الأردني يوسف الحنيطي" is one side).
_SIDE_WORDS = 2
_WITH_TO_RE = re.compile(rf"(?<!\w)(?:{_WITH}|{_TO}|{words_pattern('function_words', 'at')})\s+$")
_TO_RE = re.compile(rf"(?<!\w){_TO}\s+$")
_IN_RE = re.compile(rf"(?<!\w){words_pattern('function_words', 'in')}\s+(?:\S+\s+){{0,2}}$")
#: "The two sides" (الجانبان، البلدين): the article's principal countries.
_COLLECTIVE_RE = re.compile(rf"(?<!\w)[وبل]?(?:ال|لل)(?:{_THE_TWO_SIDES})(?!\w)")
#: An event noun that is someone's: زيارته، حوارها، لقائه، "حوار له".
_POSSESSED_RE = re.compile(rf"(?:\S{_PRONOUN_SUFFIX}(?!\w)|(?<!\w)ل{_PRONOUN_SUFFIX}(?!\w))")
_THAT_RE = re.compile(rf"(?<!\w){words_pattern('complementisers', 'that')}{_PRONOUN_SUFFIX}?(?!\w)")
_PERSON_WINDOW_WORDS = 8
#: Words between an agreement's phrase and the verb that passed it ("، الذي وقعته": the comma counts).
_PASSED_REACH_WORDS = 3
#: Words between that verb and who passed it ("وقعته أيضا الصين").
_PASSED_GAP_WORDS = 2
#: Words between a joint statement and its issuers ("بيان مشترك صادر عن X").
_ISSUER_WORDS = 3
#: Words that may stand between a subject and its verb ("X قد زار"، "X، الذي يزور").
_SUBJECT_GAP_WORDS = 2
_WORD_RE = re.compile(r"\w+")
#: A visit's destination follows the verb within this many words (after a delegation subject).
_VISIT_WINDOW_WORDS = 12
#: Words a delegation's nisba may stand after it (وفد أمني عراقي).
_DELEGATION_WORDS = 2
#: Words that may stand between "during/at" and the event it puts the subject at (خلال كلمته في).
_DURING_GAP_WORDS = 2
_DURING_REACH = 40
#: Verbs that make an agreement (sign, reach, conclude, agree, pass), as opposed to those that
#: keep or found one (التزم، أسس): a story that tells them tells a new agreement.
_CONCLUDING = frozenset({"sign", "reach", "conclude", "agree", "pass"})


class RelationFinder:
    """The relations stage, built once from the actor lexicon (nisbas and the gazetteer)."""

    def __init__(self, lexicon: ActorLexicon, matcher: Matcher) -> None:
        self.lexicon = lexicon
        self.matcher = matcher

    @classmethod
    def from_resources(cls) -> RelationFinder:
        """The stage built from the nisbas and the gazetteer of ``kg/data``."""
        gazetteer = resources.load_gazetteer() if resources.GAZETTEER_FILE.exists() else ()
        lexicon = ActorLexicon(resources.load("nisba"), gazetteer, resources.load("bloc_nisba"))
        return cls(lexicon, Matcher.from_resource("relation_triggers"))

    def __call__(self, article: Article) -> Article:
        """Fill the article's dialogue, agreement and force relations."""
        actors = ArticleActors(article, self.lexicon)
        events = _EventReader(actors, Triggers(self.matcher(document(article).tokens), actors.ft))
        dialogues = event_phrases(actors, "Dialogue")
        for key, phrases in dialogues.items():
            events.read_dialogue(key, phrases)
        events.read_event_sentences(dialogues)
        for key, phrases in event_phrases(actors, "Agreement").items():
            events.read_agreement(key, phrases)
        forces.read_forces(actors)
        forces.read_strengths(actors)
        for key in [k for k, e in article.entities.items() if e.type == "Person"]:
            # a minister of a state serves it ("وزير الخارجية المصري" -> Egypt); a nationality alone does not
            add_keys(article.entities[key].affiliation, actors.role_countries([key], nationality=False), key)
        return article


def event_phrases(actors: ArticleActors, kind: str) -> dict[str, list[EventPhrase]]:
    """Each event entity's mention phrases, in text order."""
    events: dict[str, list[EventPhrase]] = {}
    for start, end, mention in actors.mentions:
        if mention.type == kind:
            phrase = EventPhrase(start, *_phrase_end(actors, end))
            if mention.source == Source.BACK_REFERENCE and not _SIDES_AFTER_RE.match(actors.text, end):
                # "المباحثات ركزت على تقييم خطر داعش": what follows a reference back is its clause
                phrase = EventPhrase(start, end, phrase.date_end)
            events.setdefault(mention.entity, []).append(phrase)
    return events


def _phrase_end(actors: ArticleActors, end: int) -> tuple[int, int]:
    """Where an event mention's phrase ends: (for its actors, for its date). A date may
    stand further on ("حوار ... في العاصمة واشنطن من 7 إلى 8 أغسطس") than a participant."""
    text = actors.text
    sentence_end = stop = actors.ft.sentence_end(end)
    following = [s for s, _, m in actors.mentions.within(end, stop) if m.type in EVENT_TYPES]
    if following:
        sentence_end = stop = following[0]
    if m := _PHRASE_STOP_RE.search(text, end, stop):
        stop = m.start()
    words = list(re.finditer(r"\S+", text[end:stop]))
    reach, sides_end = _MAX_PHRASE_WORDS, end
    for index, word in enumerate(words[:reach]):
        if _BETWEEN_RE.fullmatch(word.group()):  # "بين X وY" is read whole, however far into the reach
            reach = max(reach, index + 1 + _BETWEEN_WORDS)
        if _SIDES_RE.fullmatch(word.group()):  # and so are the sides after بين/مع, titles and all
            sides = actors.coordinated(end + word.end(), sentence_end, _PARTY_TYPES, _SIDE_WORDS)
            sides_end = max(sides_end, sides[-1][1] if sides else end)
    phrase_end = end + words[reach - 1].end() if len(words) > reach else stop
    return max(phrase_end, sides_end), max(stop, sides_end)


class _PhraseReader:
    """What the text around an event says: the actors of its phrase, who holds it, and who its
    sentence puts at it (delegations, leaders, meetings, visits)."""

    def __init__(self, actors: ArticleActors, triggers: Triggers) -> None:
        self.actors = actors
        self.triggers = triggers
        self.article = actors.article
        self.ft = actors.ft
        self.text = actors.text
        self.mentions = actors.mentions
        self.principal = principal_countries(actors.article)
        self.dates = EventDates(actors)

    def _phrase_actors(
        self, phrase: EventPhrase, own: str, nisba_outside: tuple[str, ...] = ()
    ) -> tuple[list[str], str | None]:
        """(actors, location) a phrase names: nisbas (not those inside mentions of the types
        ``nisba_outside``), بين/مع/إلى actors, genitives, في <place>."""
        actors: list[str] = []
        location = None
        destinations: list[str] = []  #: countries a visit goes to: "زيارة إلى الإمارات والسعودية"
        previous_end = phrase.start
        for start, end, mention in self.actors.within(phrase.start, phrase.date_end):
            if mention.entity == own or mention.type in EVENT_TYPES:
                continue
            before = self.text[phrase.start : start]
            if (
                mention.type == "Country"
                and start < phrase.end
                and (_TO_RE.search(before) or destinations and AND_RE.match(self.text[previous_end:start]))
            ):
                destinations.append(mention.entity)
            previous_end = end
            place = _IN_RE.search(before)
            if mention.type in ("Place", "Country") and place and not _BETWEEN_RE.search(place.group()):
                location = location or mention.entity
                if mention.type == "Place":
                    continue
            if start >= phrase.end:  # past the actors' reach, only a place may still be named
                continue
            if mention.type in ("Person", "Organization", "Country"):
                actors.append(mention.entity)
            elif mention.type == "Place" and _WITH_TO_RE.search(before):
                location = location or mention.entity
                actors += self.actors.capital_country(mention)
        entities = self.article.entities
        actors += [
            k for k in self.actors.named(phrase.start, phrase.end) if entities[k].type in _PARTY_TYPES and k != own
        ]
        actors += self.actors.nisba_countries(phrase.start, phrase.end, nisba_outside)
        # a bloc's nisba in the event's own name: "القمة العربية" is the Arab League's
        own_end = max(
            (e for _s, e, m in self.actors.within(phrase.start, phrase.start + 1) if m.entity == own), default=0
        )
        actors += self.actors.blocs(phrase.start, own_end)
        if _COLLECTIVE_RE.search(self.text, phrase.start, phrase.end):
            actors += self.principal
        if len(set(destinations)) == 1:  # a tour of several countries took place in none of them
            location = location or destinations[0]
        return actors, location

    def _holders(self, sentence: int, phrase: EventPhrase) -> tuple[list[str], str | None, dates.DateSpan | None]:
        """What stands between a holding verb and the event's mention: who holds it ("عقدت بغداد
        وواشنطن الجولة الثالثة")، its place (the host of "استضافت بغداد الحوار"، or "انطلقت في
        بغداد ... أعمال الجولة") and its date ("انطلقت، يوم 15 أيار 2024، أعمال الجولة")."""
        held = self.triggers.find(("hold", "host"), sentence, phrase.start)
        if not held:
            return [], None, None
        verb_start, verb_end, verb = held[-1]
        date = next((span for s, _e, span in self.dates.spans if verb_end <= s < phrase.start), None)
        between = self.actors.within(verb_end, phrase.start)
        place = next(
            (
                m.entity
                for s, _e, m in between
                if m.type in ("Place", "Country") and _IN_RE.search(self.text, verb_end, s)
            ),
            None,
        )
        persons = [(s, e) for s, e, m in between if m.type == "Person"]
        actors = [
            m.entity
            for s, _e, m in between
            # a body inside a person's title (رئيس جهاز مكافحة الإرهاب) is no holder of its own
            if m.type == "Person" or m.type in ("Country", "Organization") and not any(a <= s < b for a, b in persons)
        ]
        # or before the verb, as its subject: "بغداد وأنقرة ستعقدان"، "أن بلاده ستعقد جولة"
        actors = actors or self._subject_before(sentence, verb_start)
        host = actors[0] if verb.label == "host" and actors else place
        return actors, host, date

    def _sentence_participants(self, sentence: int, stop: int, event: EventPhrase | None = None) -> list[str]:
        """Actors a sentence puts at an event: delegations, leaders, meetings, visits, and the
        sentence's first person when the sentence puts that person at the event: before it,
        with "during/at" just before the event and no أن between ("قال فؤاد حسين خلال كلمته في
        مؤتمر الحوار", "أثناء اجتماع المجلس"), or after an event that is theirs ("زيارته"،
        "حوار له"). A person who speaks "after" or "about" the event is no participant."""
        text, actors = self.text, []
        persons = [t for t in self.actors.within(sentence, stop) if t[2].type == "Person"]
        if event is not None and persons and not self.ft.quote_at(persons[0][0]):
            lead = persons[0]
            if lead[1] <= event.start:
                if self._at_event(sentence, event) and not _THAT_RE.search(text, lead[1], event.start):
                    # with those coordinated with him: "بحث كل من الوزير ... ونظيره ...، في اتصال هاتفي"
                    actors += self._persons_after(lead[0], event.start) or [lead[2].entity]
            elif _POSSESSED_RE.search(text, event.start, event.end):
                actors.append(lead[2].entity)
        for start, end, _m in self.triggers.find(("delegation",), sentence, stop):
            actors += self.actors.nisba_countries(start, self.actors.words_after(end, _DELEGATION_WORDS))
        for _start, end, _m in self.triggers.find(("counterpart",), sentence, stop):
            actors += self.actors.nisba_countries(end, end + 20)
        for _start, end, _m in self.triggers.find(("leader",), sentence, stop):
            actors += self.actors.nisba_countries(end, self.actors.words_after(end, 3))
            actors += self._persons_after(end, stop)
        for start, end, _m in self.triggers.find(("meeting", "presence"), sentence, stop):
            before = [t for t in persons if t[1] <= start]
            if before:
                actors.append(before[-1][2].entity)
            window = self.actors.words_after(end, _PERSON_WINDOW_WORDS)
            actors += [t[2].entity for t in self.actors.within(end, window) if t[2].type == "Person"]
            actors += self._persons_after(end, stop, types=("Person", "Organization"))
            actors += self.actors.nisba_countries(end, self.actors.words_after(end, 4))
        for _start, end, _m in self.triggers.find(("joint",), sentence, stop):
            # who issues a joint statement took part: "بيان مشترك صادر عن X وY"، "بيان مشترك سعودي إيراني"
            issuers = self.actors.coordinated(end, stop, _PARTY_TYPES, _ISSUER_WORDS)
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
            chain = self.actors.coordinated(end, stop, ("Person", "Organization"), 1)
            visitors = list(dict.fromkeys(m.entity for _s, _e, m in chain))
            end = chain[-1][1] if chain else end
        window = self.actors.words_after(end, _VISIT_WINDOW_WORDS)
        following = [t for t in self.actors.within(end, min(stop, window)) if t[2].entity not in visitors]
        places = [t for t in following if t[2].type in ("Country", "Place")]
        next_to = following[:1] if following and following[0][0] <= self.actors.words_after(end, 2) else []
        arrived = visit.last - visit.first > 1 or next_to and _TO_RE.search(self.text, end, next_to[0][0])
        if visit.id == "arrive" and not arrived:
            next_to = []  # one arrives "at" a place: "وصلت النمسا إلى قناعة" is no visit to Austria
        destination = (places if lax else next_to)[:1]
        out = []
        for _s, _e, mention in destination:
            out += [mention.entity] if mention.type == "Country" else self.actors.capital_country(mention)
        # a visit to a state is one of its talks: the visitor takes part
        return out + visitors if out and next_to == places[:1] else out

    def _at_event(self, sentence: int, event: EventPhrase) -> bool:
        """Whether a "during/at" word stands a few words before the event ("خلال كلمته في مؤتمر")."""
        return any(
            len(self.text[end : event.start].split()) <= _DURING_GAP_WORDS
            for _s, end, _m in self.triggers.find(("during",), max(sentence, event.start - _DURING_REACH), event.start)
        )

    def _persons_after(self, pos: int, stop: int, types: tuple[str, ...] = ("Person",)) -> list[str]:
        """The first person (or organisation) within a few words after ``pos``, and those
        coordinated with it ("ضمت وزير الدفاع ثابت العباسي، ومساعدة وزير الدفاع سيليست واندر")."""
        chain = self.actors.coordinated(pos, stop, types, _PERSON_WINDOW_WORDS)
        return list(dict.fromkeys(m.entity for _s, _e, m in chain))

    def _subject_before(self, sentence: int, verb: int) -> list[str]:
        """The countries and bodies written just before a verb, joined by و (its subject)."""
        found: list[str] = []
        end = verb
        for start, stop, mention in reversed(list(self.actors.within(sentence, verb))):
            if mention.type not in ("Country", "Organization"):
                break
            if not re.fullmatch(r"\s*و?", self.text[stop:end]):
                break
            found.insert(0, mention.entity)
            end = start - (self.text[start - 1 : start] == "و")
        return found


class _EventReader(_PhraseReader):
    """The dialogue and agreement rules over one article's actors."""

    def read_dialogue(self, key: str, phrases: list[EventPhrase]) -> None:
        """Fill a dialogue's participants, place and dates from its phrases and their sentences."""
        entity = self.article.entities[key]
        for phrase in phrases:
            actors, location = self._phrase_actors(phrase, key)
            sentence = self.ft.sentence_start(phrase.start)
            actors += self._sentence_participants(sentence, self.ft.sentence_end(phrase.start), phrase)
            holders, host, held_on = self._holders(sentence, phrase)
            add_keys(entity.participants, actors + holders, key)
            entity.location = entity.location or location or host
            if not entity.start_date and (span := self.dates.first(phrase) or held_on):
                entity.start_date, entity.end_date = span.value, span.until
            if entity.start_date and not entity.end_date and (last := self.dates.until(sentence, phrase)):
                entity.end_date = last.value if last.value > entity.start_date else None
        if not entity.start_date and (span := next(filter(None, map(self.dates.nearest, phrases)), None)):
            entity.start_date, entity.end_date = span.value, span.until
        if entity.start_date and not entity.end_date:
            entity.end_date = self.dates.last_day_told(entity.start_date, phrases)
        add_keys(entity.participants, self.actors.role_countries(entity.participants), key)

    def read_event_sentences(self, dialogues: dict[str, list[EventPhrase]]) -> None:
        """Delegations and meetings told in sentences that name no event go to current dialogues."""
        if not dialogues:
            return
        entities = self.article.entities
        main = max(dialogues, key=lambda k: len(dialogues[k]))
        current = [k for k in dialogues if k == main or not entities[k].start_date]
        event_sentences = {self.ft.sentence_start(p.start) for ps in dialogues.values() for p in ps}
        seen = set()
        for start, _end, _match in self.triggers.find(("leader", "meeting", "presence", "visit", "joint")):
            sentence = self.ft.sentence_start(start)
            if sentence in event_sentences or sentence in seen:
                continue
            seen.add(sentence)
            actors = self._sentence_participants(sentence, self.ft.sentence_end(start))
            for key in current:
                add_keys(entities[key].participants, actors + self.actors.role_countries(actors), key)

    def read_agreement(self, key: str, phrases: list[EventPhrase]) -> None:
        """Fill an agreement's parties and date from its phrases and their sentences."""
        entity = self.article.entities[key]
        for phrase in phrases:
            # who attends the signing ("بحضور السفير الأمريكي") or backs the deal ("اتفاق تدعمه
            # واشنطن"، "برعاية أمريكية") is no party to it
            if present := self.triggers.find(("presence", "backer"), phrase.start, phrase.end):
                phrase = EventPhrase(phrase.start, present[0][0], phrase.date_end)
            # "قانون ينص على إخراج القوات الأمريكية": the force's nationality is no party
            actors, _location = self._phrase_actors(phrase, key, nisba_outside=("Force", "Organization"))
            sentence, stop = self.ft.sentence_start(phrase.start), self.ft.sentence_end(phrase.start)
            # who passed or signed it, named after it: "القانون الذي أقره البرلمان"، "الاتفاق، الذي
            # وقعته أيضا الصين وروسيا"
            reach = self.actors.words_after(phrase.end, _PASSED_REACH_WORDS)
            for _s, end, _m in self.triggers.find(("passed",), phrase.start, reach):
                signers = [m for _s, _e, m in self.actors.coordinated(end, stop, _PARTY_TYPES, _PASSED_GAP_WORDS)]
                actors += [m.entity for m in signers if m.type != "Person"]
                actors += self.actors.role_countries([m.entity for m in signers if m.type == "Person"])
            if _COLLECTIVE_RE.search(self.text, sentence, stop):
                actors += self.principal
            signed = self.triggers.find(("sign",), sentence, phrase.start)
            if signed:  # "وقعت بغداد وواشنطن اتفاقية": the signers stand between verb and agreement
                verb_start, verb_end, _verb = signed[-1]
                signers = [m for _s, _e, m in self.actors.within(verb_end, phrase.start)]
                between = [m.entity for m in signers if m.type in ("Country", "Organization")]
                # "وقع وزير الدفاع العراقي ونظيره التركي مذكرة": the ministers sign for their countries
                between += self.actors.role_countries([m.entity for m in signers if m.type == "Person"])
                # and a counterpart's nisba: "وقع الوزير الأردني ونظيره العراقي"
                between += self.actors.nisba_countries(verb_end, phrase.start)
                # or before the verb, as its subject: "واشنطن وبغداد تؤسسان لشراكة"
                actors += between or self._subject_before(sentence, verb_start)
            add_keys(entity.parties, [a for a in actors if self.article.entities[a].type != "Person"], key)
            if not entity.date:
                span = self.dates.first(phrase) or self.dates.before(sentence, phrase.start)
                entity.date = span.value if span else None
            # "وقع البلدان اليوم اتفاقية": made in the story, in the year of its dateline
            concluded = bool(signed) and signed[-1][2].id in _CONCLUDING
            if not entity.date and concluded and self.article.published:
                entity.date = self.article.published[:4]
        if not entity.date and self.actors.lexicon.gazetteer_entry(key) is None:
            # an agreement the talks reached; a known one (اتفاقية الإطار الاستراتيجي) is older
            entity.date = self._dialogue_year(phrases)

    def _dialogue_year(self, phrases: list[EventPhrase]) -> str | None:
        """An undated agreement reached at the article's dated dialogue: the dialogue's year."""
        for phrase in phrases:
            start, stop = self.ft.sentence_start(phrase.start), self.ft.sentence_end(phrase.start)
            if _COLLECTIVE_RE.search(self.text, start, stop):
                dated = [e.start_date for e in self.article.entities.values() if e.type == "Dialogue" and e.start_date]
                return dated[0][:4] if dated else None
        return None


def find_relations(article: Article) -> Article:
    """The process pipeline's relations stage: fill participants, parties, affiliations, dates,
    places, strengths."""
    from kg.pipeline import default_pipeline  # the pipeline builds this module's stages

    return default_pipeline().stage("relations")(article)
