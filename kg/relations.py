"""The relations stage: who took part in a dialogue, who is bound by an agreement, whose
force it is, and when, where and how strong.

Each dialogue or agreement mention is read with its phrase — the mention and the words after
it up to the next comma, event or sentence end: nisba adjectives (الحوار الأمني الأمريكي
العراقي)، "بين X وY"، "بين البلدين" (the two states the event or the text before it names), "مع X"، "إلى X"،
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

from kg import dates, forces, known_sides, memberships, resources
from kg.actors import AND_RE, ActorLexicon, ArticleActors, add_keys
from kg.collective_sides import collective_sides, counted_states
from kg.document import document
from kg.event_dates import EventDates, EventPhrase
from kg.event_phrases import event_phrases
from kg.lexicon import sense, single_word
from kg.matcher import Matcher, Triggers
from kg.mentions.meetings import meetings_apart
from kg.mentions.words import EVENT_TYPES
from kg.model import Article
from kg.participants import (
    BETWEEN_RE,
    CLAUSE_RE,
    PARTY_TYPES,
    SIDE_TYPES,
    TO,
    TO_RE,
    WITH_RE,
    SentenceParticipants,
)
from kg.referents import EventReferents
from kg.requesters import requesters
from kg.same_events import event_head
from kg.spans import principal_countries, words_pattern
from kg.subjects import UnwrittenSubjects
from kg.title_chains import TitleChains
from kg.trailing_sources import DATELINE_RE

#: What stands before a place an event goes to or is held with: مع، إلى، لدى, or the clitic لـ
#: joined to the place's name ("زيارة ترامب للقدس": the mention starts after it)
_WITH_TO_RE = re.compile(
    rf"(?<!\w)(?:(?:{WITH_RE.pattern}|{TO}|{words_pattern('function_words', 'at')})\s+"
    rf"|{words_pattern('function_words', 'for')})$"
)
_IN_RE = re.compile(rf"(?<!\w){words_pattern('function_words', 'in')}\s+(?:\S+\s+){{0,2}}$")
#: Words between an agreement's phrase and the verb that passed it ("، الذي وقعته": the comma counts).
_PASSED_REACH_WORDS = 3
#: Words between that verb and who passed it ("وقعته أيضا الصين").
_PASSED_GAP_WORDS = 2
_SIGNER_TYPES = SIDE_TYPES | {"Place"}
#: Words between an agreement verb and the force that signs it: "توصلت فصائل X إلى اتفاق".
_SIGNER_WORDS = 2
#: Words after a passing verb within which مع names the signers' other side ("الذي وقعته القوى
#: الكبرى مع إيران": an unnamed group of three words, then مع).
_PASSED_WITH_WORDS = 5
#: Words between "أنه"/"إنها" and the agreement verb of who says it: a particle ("أنها قد وقعت").
_REPORTED_WORDS = 1
#: "من" right before an agreement: what one withdraws from.
_FROM_RE = re.compile(rf"(?<!\w){words_pattern('function_words', 'of')}\s+$")
#: Verbs that make an agreement (sign, reach, conclude, agree, pass), as opposed to those that
#: keep or found one (التزم، أسس): a story that tells them tells a new agreement.
_CONCLUDING = frozenset({"sign", "reach", "conclude", "agree", "pass"})
_VISIT = sense("head_nouns", "visit")
#: "قام X بجولة" holds it, the ب-object of قام; "قام X بقصف ... قبل القمة" does not.
_BY = single_word("function_words", "by")


class RelationFinder:
    """The relations stage, built once from the actor lexicon (nisbas and the gazetteer)."""

    def __init__(self, lexicon: ActorLexicon, matcher: Matcher) -> None:
        self.lexicon = lexicon
        self.matcher = matcher
        self.title_chains = TitleChains()

    @classmethod
    def from_resources(cls) -> RelationFinder:
        """The stage built from the nisbas and the gazetteer of ``kg/data``."""
        gazetteer = resources.load_gazetteer() if resources.GAZETTEER_FILE.exists() else ()
        lexicon = ActorLexicon(resources.load("nisba"), gazetteer, resources.load("bloc_nisba"))
        return cls(lexicon, Matcher.from_resource("relation_triggers"))

    def __call__(self, article: Article) -> Article:
        """Fill the article's dialogue, agreement and force relations."""
        actors = ArticleActors(article, self.lexicon)
        # before the events: a participant acts for the body a title chain names (الأمين العام لـ[body] [name])
        actors.chained = self.title_chains.bodies(actors)
        actors.chained_titles = self.title_chains.before_honorifics(actors)  # العاهل [nisba] الملك [name]
        events = _EventReader(actors, Triggers(self.matcher.find(document(article)), actors.ft))
        dialogues = event_phrases(actors, "Dialogue")
        for key, phrases in dialogues.items():
            events.read_dialogue(key, phrases)
        events.read_event_sentences(dialogues)
        agreements = event_phrases(actors, "Agreement")
        for key, phrases in agreements.items():
            events.read_agreement(key, phrases)
        events.read_signings(dialogues, agreements)
        forces.read_forces(actors)
        forces.read_strengths(actors)
        memberships.read_memberships(actors, events.triggers)
        known_sides.read_known_sides(article, self.lexicon)
        for key in [k for k, e in article.entities.items() if e.type == "Person"]:
            # a minister serves his state (وزير الخارجية المصري; no mere nationality) and the body his title names
            bodies = actors.role_countries([key], nationality=False) + actors.role_bodies([key])
            add_keys(article.entities[key].affiliation, bodies, key)
        return article


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
        self.participants = SentenceParticipants(actors, triggers)
        self.referents = EventReferents(actors, triggers)
        self.subjects = UnwrittenSubjects(actors, triggers, self.participants)

    def _phrase_actors(
        self, phrase: EventPhrase, own: str, nisba_outside: tuple[str, ...] = (), hosts: bool = True
    ) -> tuple[list[str], str | None]:
        """(actors, location) a phrase names: nisbas (not those inside mentions of the types
        ``nisba_outside``), بين/مع/إلى actors, genitives, في <place>. Without ``hosts``, a city
        after في (signed in Washington) or one it is named after (اتفاقية روما) binds no state."""
        actors: list[str] = []
        location = None
        held_in = list(named_for := self.actors.name_city(phrase.start))  #: cities after في, or naming it
        venues: list[tuple[int, int]] = []  #: the seats after في (البيت الأبيض) and cities it is named after
        destinations: list[str] = []  #: countries a visit goes to: "زيارة إلى الإمارات والسعودية"
        previous_end = phrase.start
        for start, end, mention in self.actors.within(phrase.start, phrase.date_end):
            if mention.entity == own or mention.type in EVENT_TYPES:
                continue
            before = self.text[phrase.start : start]
            if (
                mention.type == "Country"
                and start < phrase.end
                and (TO_RE.search(before) or destinations and AND_RE.match(self.text[previous_end:start]))
            ):
                destinations.append(mention.entity)
            previous_end, place = end, _IN_RE.search(before)
            if mention.type in ("Place", "Country") and place and not BETWEEN_RE.search(place.group()):
                location = location or mention.entity
                if mention.type == "Place":
                    held_in.append((start, end))
                    continue
            if start >= phrase.end:  # past the actors' reach, only a place may still be named
                continue
            # "اجتماع في البيت الأبيض مع X": the seat it is held in takes no part
            seat = mention.type == "Organization" and place and WITH_RE.match(self.text, end + 1)
            if seat or not hosts and mention.type == "Country" and (start, end) in named_for:
                venues.append((start, end))
            elif mention.type in PARTY_TYPES:
                actors.append(mention.entity)
            elif mention.type == "Place" and _WITH_TO_RE.search(before):
                location = location or mention.entity
                actors += self.actors.capital_country(mention)
        actors += self.participants.side_forces(phrase.start, phrase.end)
        spans = _between(phrase.start, phrase.end, sorted(venues + ([] if hosts else held_in)))
        named = [k for start, stop in spans for k in self.actors.named(start, stop) if k != own]
        actors += [k for k in named if self.article.entities[k].type in PARTY_TYPES]
        actors += self.actors.nisba_countries(phrase.start, phrase.end, nisba_outside)
        # a bloc's nisba in the event's own name: "القمة العربية" is the Arab League's
        actors += self.actors.blocs(phrase.start, self._own_end(own, phrase))
        if len(set(destinations)) == 1:  # a tour of several countries took place in none of them
            location = location or destinations[0]
        return actors, location

    def _sentence(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts, past the dateline a paragraph may open with
        ("القاهرة - وقع ..."، "الرياض - واس - "): the place the desk filed from is no subject."""
        start = self.ft.sentence_start(pos)
        if start == 0 or self.text[start - 1] == "\n":
            for _agency in range(2):
                dateline = DATELINE_RE.match(self.text, start, pos)
                start = dateline.end() if dateline else start
        return start

    def _own_end(self, key: str, phrase: EventPhrase) -> int:
        """Where the event's own mention that opens ``phrase`` ends (0 if none does)."""
        return max((e for _s, e, m in self.actors.within(phrase.start, phrase.start + 1) if m.entity == key), default=0)

    def _sides(self, found: list[str], start: int, stop: int) -> list[str]:
        """Who the collective words in text[start:stop] stand for (``kg.collective_sides``)."""
        return collective_sides(self.actors, self.triggers, self.principal, found, start, stop)

    def _holders(self, sentence: int, phrase: EventPhrase) -> tuple[list[str], str | None, dates.DateSpan | None]:
        """What stands between a holding verb and the event's mention: who holds it ("عقدت بغداد
        وواشنطن الجولة الثالثة")، its place (the host of "استضافت بغداد الحوار"، or "انطلقت في
        بغداد ... أعمال الجولة") and its date ("انطلقت، يوم 15 أيار 2024، أعمال الجولة")."""
        done = self.text[phrase.start - 1 : phrase.start] == _BY
        held = [t for t in self.triggers.find(("hold", "host"), sentence, phrase.start) if done or t[2].id != "do"]
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
        # or before the verb, as its subject: "بغداد وأنقرة ستعقدان"، "أن بلاده ستعقد جولة"، "X يقوم بزيارة"
        actors = actors or self.participants.holder_before(sentence, verb_start)
        host = actors[0] if verb.label == "host" and actors else place
        # and holders the article does not name, by their nationality: "عقد الملك الأردني والسفير البريطاني"
        actors += self.actors.nisba_countries(verb_end, phrase.start, ("Force",))
        return actors, host, date


class _EventReader(_PhraseReader):
    """The dialogue and agreement rules over one article's actors."""

    def read_dialogue(self, key: str, phrases: list[EventPhrase]) -> None:
        """Fill a dialogue's participants, place and dates from its phrases and their sentences."""
        entity = self.article.entities[key]
        for phrase in phrases:
            actors, location = self._phrase_actors(phrase, key)
            sentence = self._sentence(phrase.start)
            actors += self.participants.in_sentence(sentence, self.ft.sentence_end(phrase.start), phrase)
            actors += self.referents.possessor(sentence, phrase) + self.subjects(sentence, phrase)
            actors += self.referents.reporter_with(sentence, phrase)
            actors += requesters(self.actors, phrase)  # who asked for it sits in it
            actors += self.subjects.pair(phrase.start, phrase.end)
            if any(self.article.entities[a].type == "Person" for a in actors):
                # who answers "for his part" in the next sentence: "وشدد X من جانبه على"
                actors += self.referents.answering(self.ft.sentence_end(phrase.start))
            holders, host, held_on = self._holders(sentence, phrase)
            actors += holders
            actors += self._sides(entity.participants + actors, phrase.start, phrase.end)
            actors += counted_states(self.actors, self.triggers, phrase.start, phrase.date_end)
            add_keys(entity.participants, actors, key)
            add_keys(entity.participants, self.referents.hosts(sentence, phrase, entity.participants), key)
            entity.location = entity.location or location or host
            if not (entity.start_date or entity.end_date) and (span := self.dates.first(phrase) or held_on):
                entity.start_date, entity.end_date = self.dates.first_and_last(span, phrase)
            if entity.start_date and not entity.end_date and (last := self.dates.until(sentence, phrase)):
                entity.end_date = last.value if last.value > entity.start_date else None
        # "وصل المبعوث إلى العاصمة السبت ... وتأتي الزيارة": a visit named by its noun alone
        if not entity.start_date and event_head(entity.label_ar) == _VISIT:
            span = self.dates.arrival(self.triggers.find(("visit",)), min(p.start for p in phrases))
            entity.start_date = span.value if span else None
        if not (entity.start_date or entity.end_date) and (
            near := next(((span, p) for p in phrases if (span := self.dates.nearest(p))), None)
        ):
            entity.start_date, entity.end_date = self.dates.first_and_last(*near)
        if entity.start_date and not entity.end_date:
            entity.end_date = self.dates.last_day_told(entity.start_date, phrases)
        add_keys(entity.participants, self._served(entity.participants), key)

    def _served(self, keys: list[str]) -> list[str]:
        """Whom participants act for: the states of their roles; for one whose role names no
        state, the body their title names ("المبعوث الأممي" -> the United Nations), or the state
        that body belongs to ("رئيس جهاز مكافحة الإرهاب" -> Iraq, by the body's name "جهاز مكافحة
        الإرهاب العراقي")."""
        served = self.actors.role_countries(keys)
        for key in keys:
            if not self.actors.role_countries([key]):
                for body in self.actors.role_bodies([key], top=True):
                    served += self.actors.body_states(body) or [body]
        return served

    def read_event_sentences(self, dialogues: dict[str, list[EventPhrase]]) -> None:
        """Delegations and meetings told where no event is named join current dialogues, not verb-told meetings."""
        joined, apart = meetings_apart(self.actors.mentions)  # a meeting on a visit names no event
        if not (told := [k for k in dialogues if k not in apart]):
            return
        entities = self.article.entities
        main = max(told, key=lambda k: len(dialogues[k]))
        current = [k for k in told if k == main or not entities[k].start_date]
        event_sentences = {self._sentence(p.start) for ps in dialogues.values() for p in ps if p.start not in joined}
        seen = set()
        for start, _end, _match in self.triggers.find(("leader", "meeting", "presence", "visit", "joint")):
            sentence = self._sentence(start)
            if sentence in event_sentences or sentence in seen:
                continue
            seen.add(sentence)
            actors = self.participants.in_sentence(sentence, self.ft.sentence_end(start))
            for key in current:
                add_keys(entities[key].participants, actors + self._served(actors), key)

    def read_agreement(self, key: str, phrases: list[EventPhrase]) -> None:
        """Fill an agreement's parties and date from its phrases and their sentences."""
        entity = self.article.entities[key]
        # its date where any of its phrases tells it made ("الذي وقع ... في تموز 2015") before the nearest ones
        made = next((span for p in phrases if (span := self.dates.made(p, self._own_end(key, p)))), None)
        entity.date = self.dates.of_making(made.value if made else None, self.article.published)
        for phrase in phrases:
            # who attends the signing ("بحضور السفير الأمريكي") or backs the deal ("اتفاق تدعمه
            # واشنطن"، "برعاية أمريكية") is no party to it
            if present := self.triggers.find(("presence", "backer"), phrase.start, phrase.end):
                phrase = EventPhrase(phrase.start, present[0][0], phrase.date_end)
            # "قانون ينص على إخراج القوات الأمريكية": the force's nationality is no party
            actors, _location = self._phrase_actors(phrase, key, ("Force", "Organization"), hosts=False)
            sentence, stop = self._sentence(phrase.start), self.ft.sentence_end(phrase.start)
            # who passed or signed it, named after it: "القانون الذي أقره البرلمان"، "الاتفاق، الذي
            # وقعته أيضا الصين وروسيا"
            reach = self.actors.words_after(phrase.end, _PASSED_REACH_WORDS)
            for _s, end, _m in self.triggers.find(("passed",), phrase.start, reach):
                # a capital stands for its state: "الاتفاق الذي توصلت إليه القاهرة وتل أبيب"; armed
                # forces sign too: "الذي توصلت إليه الفصائل وتل أبيب"
                chain = self.actors.coordinated(end, stop, _SIGNER_TYPES, _PASSED_GAP_WORDS)
                # and their other side after مع: "الذي وقعته أنقرة مع روسيا"، "وقعته القوى الكبرى مع إيران"
                reach_with = self.actors.words_after(end, _PASSED_WITH_WORDS)
                if with_ := WITH_RE.search(self.text, chain[-1][1] if chain else end, reach_with):
                    chain += self.actors.coordinated(with_.end(), stop, _SIGNER_TYPES, 1)
                signers = [m for _s, _e, m in chain]
                actors += [m.entity for m in signers if m.type in ("Country", "Organization", "Force")]
                actors += [k for m in signers if m.type == "Place" for k in self.actors.capital_country(m)]
                actors += self.actors.role_countries([m.entity for m in signers if m.type == "Person"])
            signed = self.triggers.find(("sign",), sentence, phrase.start)
            # who withdraws from it was bound by it: "انسحاب بلاده من الاتفاق"، "الانسحاب الأمريكي من الاتفاق"
            # (not "انسحاب القوات من مصر بموجب الاتفاق": the agreement is what one withdraws from)
            if _FROM_RE.search(self.text, sentence, phrase.start):
                signed = sorted(signed + self.triggers.find(("withdraw",), sentence, phrase.start))
            # a verb of another clause binds to something else: "هل توافق X على الطلب، وما الصفقة"
            if signed and not CLAUSE_RE.search(self.text, signed[-1][1], phrase.start):
                # "وقعت بغداد وواشنطن اتفاقية": the signers stand between verb and agreement
                verb_start, verb_end, _verb = signed[-1]
                signers = [m for _s, _e, m in self.actors.within(verb_end, phrase.start)]
                between = [m.entity for m in signers if m.type in ("Country", "Organization")]
                # "وقع وزير الدفاع العراقي ونظيره التركي مذكرة": the ministers sign for their countries
                between += self.actors.role_countries([m.entity for m in signers if m.type == "Person"])
                # and a counterpart's nisba: "وقع الوزير الأردني ونظيره العراقي"
                between += self.actors.nisba_countries(verb_end, phrase.start)
                # and armed forces among the signers right after the verb: "توصلت روسيا والفصائل إلى
                # اتفاق"، "توصل فصائل X"، or their other side after مع: "توصلت روسيا مع الفصائل"
                chain = self.actors.coordinated(verb_end, phrase.start, SIDE_TYPES, _SIGNER_WORDS)
                between += [m.entity for _s, _e, m in chain if m.type == "Force"]
                between += self.participants.side_forces(verb_end, phrase.start)
                # or before the verb, as its subject: "واشنطن وبغداد تؤسسان لشراكة"
                between = between or self.participants.subject_before(sentence, verb_start)
                # or who says they made it: "أعلن X، أكبر فصائل المنطقة، أنه توصل إلى اتفاق" (a
                # person for his state)
                if not between and (reporter := self.referents.reporter(sentence, verb_start, _REPORTED_WORDS)):
                    between = self.actors.role_countries([reporter[0].entity]) if reporter[0].type == "Person" else []
                    between = between or [m.entity for m in reporter if m.type != "Person"]
                # or the state of the person right before it: "قرار الرئيس الأمريكي الانسحاب من الاتفاق"
                between = between or self.actors.role_countries(self.participants.person_before(sentence, verb_start))
                # or whom "his/her withdrawal" refers to: "أعلن الرئيس الأمريكي انسحابه من الاتفاق"
                between = between or self.referents.withdrawer(sentence, signed[-1])
                # or after the agreement right after the verb: "وقعت على الاتفاق إيران والصين"
                if not between and len(self.text[verb_end : phrase.start].split()) <= 1:
                    own_end = self._own_end(key, phrase)
                    chain = self.actors.coordinated(own_end, stop, ("Country", "Organization"), 1)
                    between = [m.entity for _s, _e, m in chain]
                actors += between
            actors += self.participants.signers_after(phrase, stop)
            # whose it is: "ضمن تفاهمها مع واشنطن" (a person's: his state's, "اتفاقه مع")
            possessor = self.referents.possessor(sentence, phrase)
            actors += possessor + self.actors.role_countries(possessor)
            actors += self._sides(entity.parties + actors, sentence, stop)
            actors += counted_states(self.actors, self.triggers, phrase.start, stop)  # the states its clause tells of
            add_keys(entity.parties, [a for a in actors if self.article.entities[a].type != "Person"], key)
            # "الانسحاب من الاتفاق في 8 مايو": the dates around are the withdrawal's (EventDates.made reads its own)
            withdrawn = bool(signed) and signed[-1][2].label == "withdraw" or self.dates.told_about(phrase)
            if not (entity.date or withdrawn):  # a withdrawal's is only the date its name or clause tells (made)
                span = self.dates.first(phrase) or self.dates.before(sentence, phrase.start)
                entity.date = self.dates.of_making(span.value if span else None, self.article.published)
            # "وقع البلدان اليوم اتفاقية": made in the story, in the year of its dateline
            concluded = bool(signed) and signed[-1][2].id in _CONCLUDING
            # "تم التوصل إلى اتفاق": one the story tells made; a known one (الاتفاق النووي) is older
            concluded |= self.dates.told_as_made(phrase) and self.actors.lexicon.gazetteer_entry(key) is None
            if not entity.date and concluded and self.article.published:
                entity.date = self.dates.made_in(phrase, self.article.published)
        if not entity.date and self.actors.lexicon.gazetteer_entry(key) is None:
            # an agreement the talks reached; a known one (اتفاقية الإطار الاستراتيجي) is older
            entity.date = self.dates.of_making(self._dialogue_year(phrases), self.article.published)

    def read_signings(self, dialogues: dict[str, list[EventPhrase]], agreements: dict[str, list[EventPhrase]]) -> None:
        """A signing (حفل التوقيع) or a mediation (وساطة مصرية) is attended by the parties of the
        agreement named in its sentence; a signing else by those of the article's one agreement."""
        entities = self.article.entities
        with_parties = [k for k in agreements if entities[k].parties]
        for key, phrases in dialogues.items():
            for phrase in phrases:
                if not (kind := self.triggers.find(("signing", "mediation"), phrase.start, self._own_end(key, phrase))):
                    continue
                sentence, stop = self._sentence(phrase.start), self.ft.sentence_end(phrase.start)
                signed = [k for k in with_parties if any(sentence <= p.start < stop for p in agreements[k])]
                if not signed and len(with_parties) == 1 and kind[0][2].label == "signing":
                    signed = with_parties
                for agreement in signed:
                    add_keys(entities[key].participants, entities[agreement].parties, key)

    def _dialogue_year(self, phrases: list[EventPhrase]) -> str | None:
        """An undated agreement reached at the article's dated dialogue: the dialogue's year."""
        for phrase in phrases:
            start, stop = self._sentence(phrase.start), self.ft.sentence_end(phrase.start)
            if self.triggers.find(("collective",), start, stop):
                dated = [e.start_date for e in self.article.entities.values() if e.type == "Dialogue" and e.start_date]
                return dated[0][:4] if dated else None
        return None


def _between(start: int, stop: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of [start, stop) outside ``spans`` (in text order)."""
    out = []
    for a, b in spans:
        out.append((start, min(a, stop)))
        start = max(start, b)
    return [*out, (start, stop)]


def find_relations(article: Article) -> Article:
    """The pipeline's relations stage: participants, parties, affiliations, dates, places, strengths."""
    from kg.pipeline import default_pipeline  # the pipeline builds this module's stages

    return default_pipeline().stage("relations")(article)
