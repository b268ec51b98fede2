"""The relations stage: who took part in a dialogue, who is bound by an agreement, whose
force it is, and when, where and how strong.

Each dialogue or agreement mention is read with its phrase — the mention and the words after
it up to the next comma, event or sentence end: nisba adjectives (الحوار الأمني الأمريكي
العراقي)، "بين X وY"، "بين البلدين" (the article's two principal countries), "مع X"، "إلى X"،
genitive actors, the first date and "في <place>". A sentence that holds a dialogue mention adds
its delegations (وفد عراقي، بقيادة/برئاسة X)، meetings (التقى، اجتمع مع، ضمت X وY)، visits
(زار واشنطن) and its first person; the same patterns in sentences that name no event go to the
article's current dialogues (the main one and any without a date of its own). Forces take
nisba adjectives (القوات الأميركية)، genitive owners (قوات التحالف)، "المدعومة من X"، the
owner of the force that includes them ("قوات الأمن العراقية، بضمنها قوات البيشمركة") and
strengths ("أكثر من 5000 جندي أمريكي"). Countries implied only by a nisba get their gazetteer
entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg import dates, resources
from kg.model import Article, Entity, Mention
from kg.spans import FoldedText, fold, typed_mentions

ACTOR_TYPES = frozenset({"Person", "Organization", "Country", "Force"})
#: Actors that take part in talks or are bound by agreements (a force is its owner's instrument).
_PARTY_TYPES = frozenset({"Person", "Organization", "Country"})
EVENT_TYPES = frozenset({"Dialogue", "Agreement"})

_NISBA_SUFFIXES = r"(?:ة|ين|ون|ان|تين|ات|ا|ه)?"
#: A dialogue's or agreement's phrase ends at these (besides the sentence end).
_PHRASE_STOP_RE = re.compile(r"[\u060c,\u061b;:(]")
_MAX_PHRASE_WORDS = 5
#: Words after "بين" that still name the sides ("بين الولايات المتحدة الأمريكية وجمهورية العراق").
_BETWEEN_WORDS = 6
_BETWEEN_RE = re.compile(r"(?<!\w)بين(?!\w)")
_WITH_TO_RE = re.compile(r"(?<!\w)(?:مع|الى|لدى)\s+$")
_IN_RE = re.compile(r"(?<!\w)في\s+(?:\S+\s+){0,2}$")
_COLLECTIVE_RE = re.compile(r"(?<!\w)[وبل]?(?:ال|لل)(?:بلدين|بلدان|طرفين|طرفان|جانبين|جانبان|وفدين|وفدان)(?!\w)")
_DELEGATION_RE = re.compile(r"(?<!\w)[وب]?(?:ال)?وفد(?:ا|ين|ان)?(?:\s+\S+){0,2}")
_LEADER_RE = re.compile(
    r"(?<!\w)(?:بقيادة|برئاسة|يرأسه|يترأسه|ترأسه|قاده|قادها|يقوده|قاد|ترأس|يتكون من|يتألف من|يضم|"
    r"يشارك فيه|يشارك فيها|شارك فيه|المرافق|المرافقين)(?!\w)"
)
_MEETING_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:التقى|التقت|يلتقي|اجتمع|اجتمعت|يجتمع|استقبل|استقبلت|يستقبل)|[وب]?لقاء|ضمت|ضم|بحضور|بمشاركة)(?!\w)"
)
_VISIT_RE = re.compile(
    r"(?<!\w)(?:[وف]?(?:زار|زارت|يزور|تزور|وصل|وصلت|توجه)|زيارة|زيارته|زيارتها)(?:\s+(?:الى|إلى))?\s+"
)
#: "During/at" words that put the sentence's subject at the event named right after them.
_DURING_RE = re.compile(r"(?<!\w)(?:خلال|اثناء|في|على هامش|ضمن)(?:\s+\S+){0,2}\s*$")
#: An event noun that is someone's: زيارته، حوارها، لقائه، "حوار له".
_POSSESSED_RE = re.compile(r"(?:\S(?:ه|ها|هم|هما)(?!\w)|(?<!\w)(?:له|لها|لهم)(?!\w))")
_THAT_RE = re.compile(r"(?<!\w)[بف]?ان(?:ه|ها|هم)?(?!\w)")
_COUNTERPART_RE = re.compile(r"(?<!\w)(?:مسؤولين|مسؤولون|ممثلين|ممثلون|نظيره|نظيرها|نظيريه|المسؤولين)(?!\w)")
_PASSED_RE = re.compile(r"(?<!\w)(?:اقره|اقرها|اصدره|اصدرها|وقعه|وقعها|وقعته|صوت عليه|صادق عليه|اقر)\s+$")
_SIGNED_RE = re.compile(
    r"(?<!\w)[وف]?(?:وقع|وقعت|وقعا|وقعتا|يوقع|توقع|ابرم|ابرمت|ابرما|يبرم|تبرم|توصل|توصلت|توصلا|يتوصل|اقر|اقرت|صادق|صادقت)(?!\w)"
)
_INCLUDING_RE = re.compile(r"(?:بضمنها|بضمنهم|بما في ذلك|ومنها|من بينها|بينها|ومن ضمنها|وبضمنها)[\s\u060c,]*$")
_BACKED_RE = re.compile(
    r"(?:المدعوم|المدعومة|المدعومين|مدعومة|الموالي|الموالية|الموالين|موالية|موالي|التابع|التابعة)\s+(?:من|ل)?\s*$"
)
#: Head nouns of a descriptive force name, which names its owner itself when it has one.
_FORCE_HEAD_RE = re.compile(r"^(?:ال)?(?:قوات|قوة|جيش|فصائل|مليشيات|ميليشيات|مليشات|جماعات|وحدات|طيران)(?!\w)")
_BACKED_INSIDE_RE = re.compile(r"(?<!\w)(?:ال)?(?:مدعوم|موالي|تابع)(?:ة|ين)?(?:\s+من)?(?!\w)")
_AND_RE = re.compile(r"^[\s\u060c,]*و$")
_OF_RE = re.compile(r"^\s*ب$")
_STRENGTH_RE = re.compile(
    r"(?:(?:اكثر من|نحو|حوالي|قرابة|زهاء|ما يقارب|ما يزيد عن|ما يزيد على)\s+)?"
    r"(?P<n>\d[\d,\u066c]*)\s*(?P<k>الف|الاف)?\s+"
    r"(?P<unit>جندي|جنود|عسكري|عسكريين|مقاتل|مقاتلين|عنصر|فرد|افراد)(?!\w)"
)
_CASUALTY_RE = re.compile(r"(?:مقتل|قتل|اصابة|جرح|اعتقال|اسر|مصرع)\s+$")
_PERSON_WINDOW_WORDS = 8
#: A visit's destination follows the verb within this many words (after a delegation subject).
_VISIT_WINDOW_WORDS = 12


class _NameIndex:
    """Whole-word finder for a set of names, with the article clitics (و، ب، ل، لل) allowed."""

    def __init__(self, names: dict[str, set[str]]) -> None:
        self._values = []
        parts = []
        for name in sorted(names, key=len, reverse=True):
            words = name.split()
            if not words or len(name) < 3:
                continue
            body = r"\s+".join(rf"(?:ال|لل)?{re.escape(w)}" for w in words)
            parts.append(rf"(?P<n{len(self._values)}>{body})")
            self._values.append(names[name])
        alternation = "|".join(parts) or r"(?!x)x"
        self._regex = re.compile(rf"(?<!\w)(?:[وبفل]|وب|ول|لل|وال|بال|ال)?(?:{alternation})(?!\w)")

    def find(self, text: str, start: int, stop: int, skip: str = "") -> list[tuple[int, set[str]]]:
        """(offset, values) of every name found in text[start:stop]; a name whose only value is
        ``skip`` (the entity being read) is looked inside, so "قوات التحالف الدولي" yields
        "التحالف الدولي"."""
        found = []
        pos = start
        while m := self._regex.search(text, pos, stop):
            values = self._values[int(m.lastgroup[1:])]
            if values == {skip}:
                pos = m.start() + 1
                continue
            found.append((m.start(), values))
            pos = m.end()
        return found


def _names_of(entities) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for entity, value in entities:
        for label in (entity.label_ar, *(getattr(entity, "alt_labels", None) or getattr(entity, "aliases", ()))):
            names.setdefault(_bare(label), set()).add(value)
    return names


@dataclass
class _Phrase:
    start: int  #: folded span of an event mention and the words after it that name its actors
    end: int
    date_end: int  #: where a date of the event may still stand


class RelationFinder:
    """The relations stage, built once from the nisba lexicon and the gazetteer."""

    def __init__(self, nisba_records: list[dict], gazetteer: tuple) -> None:
        self._nisba_country = {fold(r["pattern"]): r["id"] for r in nisba_records}
        forms = "|".join(re.escape(f) for f in sorted(self._nisba_country, key=len, reverse=True))
        self._nisba_re = re.compile(rf"(?<!\w)(?:[وب]?ال|لل)?(?P<nisba>{forms}){_NISBA_SUFFIXES}(?!\w)")
        self._by_key = {e.key: e for e in gazetteer}
        self._countries = {
            _bare(label): e.key for e in gazetteer if e.type == "Country" for label in (e.label_ar, *e.aliases)
        }
        self._capital_of = {e.key: e.capital_of for e in gazetteer if e.capital_of in self._by_key}
        #: The gazetteer force a nationality names ("القوات الأمريكية" for أمريكي), by country key.
        self._national_force: dict[str, str] = {}
        for entry in gazetteer:
            if entry.type == "Force" and (m := self._nisba_re.search(fold(entry.label_ar))):
                country = self._countries.get(_bare(self._nisba_country[m.group("nisba")]))
                if country:
                    self._national_force.setdefault(country, entry.key)
        #: Known actors' names (a capital's names standing for its country), as gazetteer keys.
        self.gazetteer_names = _NameIndex(
            _names_of(
                [
                    (e, self._capital_of.get(e.key, e.key))
                    for e in gazetteer
                    if e.type in ACTOR_TYPES or e.key in self._capital_of
                ]
            )
        )

    def __call__(self, article: Article) -> Article:
        """Fill the article's dialogue, agreement and force relations."""
        _Reader(article, self).run()
        return article

    def country_entity(self, article: Article, name: str) -> str | None:
        """The key of the Country called ``name`` (an article entity, else from the gazetteer)."""
        wanted = _bare(name)
        for entity in article.entities.values():
            if entity.type == "Country" and wanted in {_bare(x) for x in (entity.label_ar, *entity.alt_labels)}:
                return entity.key
        key = self._countries.get(wanted)
        return self.known_entity(article, key) if key else None

    def known_entity(self, article: Article, key: str) -> str:
        """Make sure the gazetteer entity ``key`` is one of the article's entities; return the key."""
        if key not in article.entities:
            entry = self._by_key[key]
            article.entities[key] = Entity(
                key=key,
                type=entry.type,
                label_ar=entry.label_ar,
                label_en=entry.label_en,
                alt_labels=list(entry.aliases),
                wikidata=entry.wikidata,
            )
        return key

    def labels(self, article: Article) -> list[tuple[str, str]]:
        """(key, bare label) of every organisation and country the article or gazetteer knows."""
        entities = [e for e in article.entities.values() if e.type in ("Organization", "Country")]
        known = [e for e in self._by_key.values() if e.type in ("Organization", "Country")]
        return [
            (e.key, _bare(label))
            for e in (*entities, *known)
            for label in (e.label_ar, *getattr(e, "alt_labels", getattr(e, "aliases", ())))
        ]

    def national_force(self, article: Article, country: str) -> Entity | None:
        """The gazetteer's armed forces of ``country``, made an article entity owned by it."""
        key = self._national_force.get(country)
        if key is None:
            return None
        force = article.entities[self.known_entity(article, key)]
        _add(force.affiliation, [country], key)
        return force

    def capital_country(self, key: str) -> str | None:
        """The country a capital (by gazetteer key) stands for."""
        return self._capital_of.get(key)


def _bare(label: str) -> str:
    """A label folded for lookup, without a leading ال on any word."""
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in fold(label).split())


class _Reader:
    """One article's folded text, mentions, dates and nisbas, as the relation rules read them."""

    def __init__(self, article: Article, finder: RelationFinder) -> None:
        self.article = article
        self.finder = finder
        self.ft = FoldedText(article.text)
        self.text = self.ft.folded
        self.mentions = [
            (self.ft.folded_index(m.start), self.ft.folded_index(m.end), m) for m in typed_mentions(article)
        ]
        persons = [(s, e) for s, e, m in self.mentions if m.type == "Person"]
        self.nisbas = [
            (m.start(), m.end(), m.group("nisba"))
            for m in finder._nisba_re.finditer(self.text)
            # a surname (محمد شياع السوداني) or a country name read as an accusative nisba
            # (سوريا = سوري + ا) is no nationality
            if not any(s <= m.start() < e for s, e in persons) and _bare(m.group()) not in finder._countries
        ]
        self.names = _NameIndex(_names_of((e, e.key) for e in article.entities.values() if e.type in ACTOR_TYPES))
        self.dates = [
            (self.ft.folded_index(d.start), self.ft.folded_index(d.end), d)
            for d in dates.find_dates(article.text, article.published, self.ft)
            if d.value
        ]

    def entity(self, mention: Mention) -> Entity:
        return self.article.entities[mention.entity]

    def run(self) -> None:
        dialogues = self._events("Dialogue")
        for key, phrases in dialogues.items():
            self._read_dialogue(key, phrases)
        self._read_event_sentences(dialogues)
        for key, phrases in self._events("Agreement").items():
            self._read_agreement(key, phrases)
        self._read_forces()
        self._read_strengths()

    # ---------------------------------------------------------------- events

    def _events(self, kind: str) -> dict[str, list[_Phrase]]:
        """Each event entity's mention phrases, in text order."""
        events: dict[str, list[_Phrase]] = {}
        for start, end, mention in self.mentions:
            if mention.type == kind:
                events.setdefault(mention.entity, []).append(_Phrase(start, *self._phrase_end(end)))
        return events

    def _phrase_end(self, end: int) -> tuple[int, int]:
        """Where an event mention's phrase ends: (for its actors, for its date). A date may
        stand further on ("حوار ... في العاصمة واشنطن من 7 إلى 8 أغسطس") than a participant."""
        stop = self.ft.sentence_end(end)
        if m := _PHRASE_STOP_RE.search(self.text, end, stop):
            stop = m.start()
        following = [s for s, _, m in self.mentions if s >= end and m.type in EVENT_TYPES]
        if following:
            stop = min(stop, following[0])
        words = list(re.finditer(r"\S+", self.text[end:stop]))
        reach = _MAX_PHRASE_WORDS
        for index, word in enumerate(words[:reach]):
            if word.group() == "بين":  # "بين X وY" is read whole, however far into the reach
                reach = max(reach, index + 1 + _BETWEEN_WORDS)
        if len(words) > reach:
            return end + words[reach - 1].end(), stop
        return stop, stop

    def _phrase_actors(
        self, phrase: _Phrase, own: str, nisba_outside: tuple[str, ...] = ()
    ) -> tuple[list[str], str | None]:
        """(actors, location) a phrase names: nisbas (not those inside mentions of the types
        ``nisba_outside``), بين/مع/إلى actors, genitives, في <place>."""
        actors: list[str] = []
        location = None
        for start, _end, mention in self._within(phrase.start, phrase.date_end):
            if mention.entity == own or mention.type in EVENT_TYPES:
                continue
            before = self.text[phrase.start : start]
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
                actors += self._capital_country(mention)
        entities = self.article.entities
        actors += [k for k in self._named(phrase.start, phrase.end) if entities[k].type in _PARTY_TYPES and k != own]
        actors += self._nisba_countries(phrase.start, phrase.end, nisba_outside)
        if _COLLECTIVE_RE.search(self.text, phrase.start, phrase.end):
            actors += self.principal_countries()
        return actors, location

    def _read_dialogue(self, key: str, phrases: list[_Phrase]) -> None:
        entity = self.article.entities[key]
        for phrase in phrases:
            actors, location = self._phrase_actors(phrase, key)
            sentence = self.ft.sentence_start(phrase.start)
            actors += self._sentence_participants(sentence, self.ft.sentence_end(phrase.start), phrase)
            _add(entity.participants, actors, key)
            entity.location = entity.location or location
            if not entity.start_date and (span := self._first_date(phrase)):
                entity.start_date, entity.end_date = span.value, span.until
        _add(entity.participants, self._role_countries(entity.participants), key)

    def _read_event_sentences(self, dialogues: dict[str, list[_Phrase]]) -> None:
        """Delegations and meetings told in sentences that name no event go to current dialogues."""
        if not dialogues:
            return
        entities = self.article.entities
        main = max(dialogues, key=lambda k: len(dialogues[k]))
        current = [k for k in dialogues if k == main or not entities[k].start_date]
        event_sentences = {self.ft.sentence_start(p.start) for ps in dialogues.values() for p in ps}
        seen = set()
        for m in (*_LEADER_RE.finditer(self.text), *_MEETING_RE.finditer(self.text)):
            sentence = self.ft.sentence_start(m.start())
            if sentence in event_sentences or sentence in seen:
                continue
            seen.add(sentence)
            actors = self._sentence_participants(sentence, self.ft.sentence_end(m.start()))
            for key in current:
                _add(entities[key].participants, actors + self._role_countries(actors), key)

    def _sentence_participants(self, sentence: int, stop: int, event: _Phrase | None = None) -> list[str]:
        """Actors a sentence puts at an event: delegations, leaders, meetings, visits, and the
        sentence's first person when the sentence puts that person at the event: before it,
        with "during/at" just before the event and no أن between ("قال فؤاد حسين خلال كلمته في
        مؤتمر الحوار", "أثناء اجتماع المجلس"), or after an event that is theirs ("زيارته"،
        "حوار له"). A person who speaks "after" or "about" the event is no participant."""
        text, actors = self.text, []
        persons = [t for t in self._within(sentence, stop) if t[2].type == "Person"]
        if event is not None and persons and not self.ft.quote_at(persons[0][0]):
            lead = persons[0]
            if lead[1] <= event.start:
                at_event = _DURING_RE.search(text, max(sentence, event.start - 40), event.start)
                if at_event and not _THAT_RE.search(text, lead[1], event.start):
                    actors.append(lead[2].entity)
            elif _POSSESSED_RE.search(text, event.start, event.end):
                actors.append(lead[2].entity)
        for m in _DELEGATION_RE.finditer(text, sentence, stop):
            actors += self._nisba_countries(m.start(), m.end())
        for m in _COUNTERPART_RE.finditer(text, sentence, stop):
            actors += self._nisba_countries(m.end(), m.end() + 20)
        for m in _LEADER_RE.finditer(text, sentence, stop):
            actors += self._nisba_countries(m.end(), self._words_after(m.end(), 3))
            actors += self._persons_after(m.end(), stop)
        for m in _MEETING_RE.finditer(text, sentence, stop):
            before = [t for t in persons if t[1] <= m.start()]
            if before:
                actors.append(before[-1][2].entity)
            window = self._words_after(m.end(), _PERSON_WINDOW_WORDS)
            actors += [t[2].entity for t in self._within(m.end(), window) if t[2].type == "Person"]
            actors += self._persons_after(m.end(), stop, types=("Person", "Organization"))
            actors += self._nisba_countries(m.end(), self._words_after(m.end(), 4))
        for m in _VISIT_RE.finditer(text, sentence, stop):
            window = self._words_after(m.end(), _VISIT_WINDOW_WORDS)
            places = [t for t in self._within(m.end(), min(stop, window)) if t[2].type in ("Country", "Place")]
            for _s, _e, mention in places[:1]:
                if mention.type == "Country":
                    actors.append(mention.entity)
                elif mention.type == "Place":
                    actors += self._capital_country(mention)
        return actors

    def _persons_after(self, pos: int, stop: int, types: tuple[str, ...] = ("Person",)) -> list[str]:
        """The first person (or organisation) within a few words after ``pos``, and those
        coordinated with it ("ضمت وزير الدفاع ثابت العباسي، ومساعدة وزير الدفاع سيليست واندر")."""
        limit = self._words_after(pos, _PERSON_WINDOW_WORDS)
        chain = [t for t in self._within(pos, stop) if t[2].type in types]
        if not chain or chain[0][0] > limit:
            return []
        found, end = [chain[0][2].entity], chain[0][1]
        for start, stop_, mention in chain[1:]:
            gap = self.text[end:start]
            if not (_AND_RE.match(gap) or len(gap.split()) <= 5 and re.search(r"[\u060c,]\s*و", gap)):
                break
            found.append(mention.entity)
            end = stop_
        return found

    def _read_agreement(self, key: str, phrases: list[_Phrase]) -> None:
        entity = self.article.entities[key]
        for phrase in phrases:
            # "قانون ينص على إخراج القوات الأمريكية": the force's nationality is no party
            actors, _location = self._phrase_actors(phrase, key, nisba_outside=("Force", "Organization"))
            for start, _end, mention in self._within(phrase.start, phrase.end):
                if mention.type in ("Organization", "Country") and _PASSED_RE.search(self.text[phrase.start : start]):
                    actors.append(mention.entity)
            sentence, stop = self.ft.sentence_start(phrase.start), self.ft.sentence_end(phrase.start)
            if _COLLECTIVE_RE.search(self.text, sentence, stop):
                actors += self.principal_countries()
            signed = list(_SIGNED_RE.finditer(self.text, sentence, phrase.start))
            if signed:  # "وقعت بغداد وواشنطن اتفاقية": the signers stand between verb and agreement
                actors += [
                    m.entity
                    for _s, _e, m in self._within(signed[-1].end(), phrase.start)
                    if m.type in ("Country", "Organization")
                ]
            _add(entity.parties, [a for a in actors if self.article.entities[a].type != "Person"], key)
            if not entity.date:
                span = self._first_date(phrase) or self._date_before(sentence, phrase.start)
                entity.date = span.value if span else None
        if not entity.date:
            entity.date = self._dialogue_year(phrases)

    def _dialogue_year(self, phrases: list[_Phrase]) -> str | None:
        """An undated agreement reached at the article's dated dialogue: the dialogue's year."""
        for phrase in phrases:
            start, stop = self.ft.sentence_start(phrase.start), self.ft.sentence_end(phrase.start)
            if _COLLECTIVE_RE.search(self.text, start, stop):
                dated = [e.start_date for e in self.article.entities.values() if e.type == "Dialogue" and e.start_date]
                return dated[0][:4] if dated else None
        return None

    # ---------------------------------------------------------------- forces

    def _read_forces(self) -> None:
        entities = self.article.entities
        forces = [t for t in self.mentions if t[2].type == "Force"]
        for start, end, mention in forces:
            entity = self.entity(mention)
            owners = self._nisba_countries(start, self._words_after(end, 1))
            if backer := _BACKED_INSIDE_RE.search(self.text, start, end):  # "المليشيات المدعومة من طهران"
                owners += [
                    k
                    for k in self._named(backer.end(), end, entity.key)
                    if entities[k].type in ("Organization", "Country", "Force")
                ]
            after = [t for t in self.mentions if t[0] >= end]
            if after:
                gap = self.text[end : after[0][0]]
                if _OF_RE.match(gap) and after[0][2].type in ("Force", "Organization"):
                    owners.append(after[0][2].entity)
                if re.match(r"^\s+في\s+$", gap) and after[0][2].type in ("Country", "Place"):
                    entity.location = entity.location or after[0][2].entity
            backed = [t for t in after if _BACKED_RE.search(self.text[end : t[0]]) and t[0] - end < 40]
            if backed and backed[0][2].type in ACTOR_TYPES:
                owners.append(backed[0][2].entity)
            if not owners:
                owners = self._owner_named_short(mention, entity.key)
            _add(entity.affiliation, owners, entity.key)
        # a force listed under another ("بضمنها"، "و") shares its owner when it names none
        for (_s1, e1, m1), (s2, _e2, m2) in zip(forces, forces[1:], strict=False):
            first, second = entities[m1.entity], entities[m2.entity]
            gap = self.text[e1:s2]
            listed = _INCLUDING_RE.search(gap) or _AND_RE.match(gap) and not _FORCE_HEAD_RE.match(fold(m2.text))
            if first.affiliation and not second.affiliation and listed:
                _add(second.affiliation, first.affiliation, second.key)

    def _owner_named_short(self, mention: Mention, own: str) -> list[str]:
        """The owner a descriptive force name names after its head noun, in full or by its first
        words: "قوات التحالف الدولي"، "قوات التحالف" -> the one known body named (or whose name
        starts) "التحالف"; "قوات سوريا الديمقراطية" names no owner."""
        words = _bare(mention.text).split()
        if len(words) < 2 or not _FORCE_HEAD_RE.match(fold(mention.text)):
            return []
        short = " ".join(words[1:])
        owners = {
            key
            for key, label in self.finder.labels(self.article)
            if key != own and (label == short or label.startswith(short + " "))
        }
        if len(owners) != 1:
            return []
        (key,) = owners
        return [self.finder.known_entity(self.article, key) if key not in self.article.entities else key]

    def _read_strengths(self) -> None:
        for m in _STRENGTH_RE.finditer(self.text):
            if _CASUALTY_RE.search(self.text[max(0, m.start() - 12) : m.start()]):
                continue
            number = int(re.sub(r"\D", "", m.group("n")))
            if m.group("k"):
                number *= 1000
            force = self._force_for_strength(m.start(), m.end())
            if force and force.strength is None:
                force.strength = number

    def _force_for_strength(self, start: int, end: int) -> Entity | None:
        """The force a strength belongs to: a force mention covering or following it, else the
        force owned by the nisba right after it (5000 جندي أمريكي -> القوات الأمريكية)."""
        for s, e, mention in self.mentions:
            if mention.type == "Force" and (s <= start < e or s <= end <= e or 0 <= s - end <= 5):
                return self.entity(mention)
        countries = self._nisba_countries(end, self._words_after(end, 1))
        for key in countries:
            owned = [e for e in self.article.entities.values() if e.type == "Force" and key in e.affiliation]
            if owned:
                return owned[0]
            if force := self.finder.national_force(self.article, key):
                return force
        return None

    # ---------------------------------------------------------------- helpers

    def _within(self, start: int, stop: int) -> list[tuple[int, int, Mention]]:
        return [t for t in self.mentions if start <= t[0] < stop]

    def _words_after(self, pos: int, count: int) -> int:
        end = pos
        for m in re.finditer(r"\S+", self.text[pos : pos + 200]):
            end = pos + m.end()
            count -= 1
            if count == 0:
                break
        return end

    def _named(self, start: int, stop: int, own: str = "") -> list[str]:
        """Actors named in text[start:stop] by any label, mention or not (names inside an
        event's own mention: "الحوار الاستراتيجي بين واشنطن وبغداد"), ``own`` excepted."""
        keys = [k for _pos, values in self.names.find(self.text, start, stop, own) for k in sorted(values)]
        for _pos, known in self.finder.gazetteer_names.find(self.text, start, stop, own):
            keys += [self.finder.known_entity(self.article, k) for k in sorted(known)]
        return keys

    def _nisba_countries(self, start: int, stop: int, outside: tuple[str, ...] = ()) -> list[str]:
        """Countries of the nisbas in text[start:stop], but those inside mentions of ``outside`` types."""
        inside = [(a, b) for a, b, m in self._within(start, stop) if m.type in outside]
        keys = []
        for s, _e, form in self.nisbas:
            if start <= s < stop and not any(a <= s < b for a, b in inside):
                key = self.finder.country_entity(self.article, self.finder._nisba_country[form])
                keys += [key] if key else []
        return keys

    def _capital_country(self, mention: Mention) -> list[str]:
        """A capital (a Place) stands for its country, as the gazetteer says."""
        country = self.finder.capital_country(mention.entity)
        return [self.finder.known_entity(self.article, country)] if country else []

    def _first_date(self, phrase: _Phrase) -> dates.DateSpan | None:
        for s, _e, span in self.dates:
            if phrase.start <= s < phrase.date_end:
                return span
        return None

    def _date_before(self, sentence: int, pos: int) -> dates.DateSpan | None:
        before = [span for s, _e, span in self.dates if sentence <= s < pos]
        return before[-1] if before else None

    def principal_countries(self) -> list[str]:
        """The two countries the article mentions most."""
        counts: dict[str, int] = {}
        for _s, _e, mention in self.mentions:
            if mention.type == "Country":
                counts[mention.entity] = counts.get(mention.entity, 0) + 1
        return sorted(counts, key=lambda k: -counts[k])[:2]

    def _role_countries(self, keys: list[str]) -> list[str]:
        """Countries of participants' roles, as the entity or any title mention gives them:
        "رئيس الوزراء العراقي مصطفى الكاظمي" -> Iraq."""
        out = []
        for key in keys:
            entity = self.article.entities.get(key)
            if not entity or entity.type != "Person":
                continue
            # the title mentions only: a name may end in a nisba-like surname (محمد شياع السوداني)
            roles = [entity.role or ""] + [
                m.text for _s, _e, m in self.mentions if m.entity == key and m.source == "role"
            ]
            for m in self.finder._nisba_re.finditer(fold(" ".join(roles))):
                country = self.finder.country_entity(self.article, self.finder._nisba_country[m.group("nisba")])
                out += [country] if country else []
        return out


def _add(target: list[str], keys: list[str], own: str) -> None:
    """Append keys not yet in ``target`` (never the entity itself)."""
    for key in keys:
        if key and key != own and key not in target:
            target.append(key)


_FINDER: RelationFinder | None = None


def find_relations(article: Article) -> Article:
    """The pipeline stage: fill participants, parties, affiliations, dates, places, strengths."""
    global _FINDER
    if _FINDER is None:
        gazetteer = resources.load_gazetteer() if resources.GAZETTEER_FILE.exists() else ()
        _FINDER = RelationFinder(resources.load("nisba"), gazetteer)
    return _FINDER(article)
