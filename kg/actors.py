"""Where an article names actors: nisba adjectives, known names, capitals, the gazetteer.

``ActorLexicon`` is built once from the nationality adjectives (``kg/data/nisba.jsonl``: a
form like أمريكي with its country's Arabic label) and the gazetteer: it finds nisbas in any
inflection (الأميركية، عراقياً، الأمريكيين)، names of known actors (a capital standing for its
country), and makes a gazetteer entity one of an article's entities when a relation needs it
(a country implied only by "القوات الأميركية"). ``ArticleActors`` is one article read for the
relation rules: its folded text, typed mentions, nisbas, dates and the helpers that find the
actors in a stretch of text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kg import resources
from kg.document import document
from kg.matcher import Triggers
from kg.mentions.words import AND
from kg.mentions.words import ARTICLE as _ARTICLE
from kg.mentions.words import BY as _BY
from kg.mentions.words import FOR as _FOR
from kg.mentions.words import FOR_THE as _FOR_THE
from kg.model import Article, Entity, Mention, Source
from kg.name_index import CONJUNCTIONS as _CONJUNCTIONS
from kg.name_index import NameIndex
from kg.resources import GazetteerEntry
from kg.spans import MentionSpans, fold, trie_regex

ACTOR_TYPES = frozenset({"Person", "Organization", "Country", "Force"})
#: What follows a nisba's ي in its inflections (الأمريكية، العراقيين، الأميركيتان).
_NISBA_SUFFIXES = resources.alternation("nisba_endings", fold=fold) + "?"
#: Words of the longest state name read inside a title (جمهورية الكونغو الديمقراطية).
_LONGEST_STATE_NAME = 4
#: The longest personal name (with its title) a nisba may stand inside (محمد شياع السوداني).
_NAME_CHARS = 80
#: The gap between two coordinated names: "X وY"، "X، وY".
AND_RE = re.compile(rf"^[\s\u060c,]*{AND}$")
#: A word as ``ArticleActors.words_after`` counts them: what stands between spaces.
_NON_SPACE_RE = re.compile(r"\S+")
_SECOND_WORD_RE = re.compile(r"\S+\s+([^\s\u060c,.]+)")
#: The types ``ActorLexicon.labels`` lists.
_BODY_TYPES = ("Organization", "Country")
#: Where a title names the place its holder is posted or sent to: "سفير مصر لدى الأردن"، في، إلى.
_POSTED = "|".join(resources.alternation("function_words", label, fold) for label in ("at", "in", "to"))
_POSTED_RE = re.compile(rf"(?<!\w)(?:{_POSTED})(?!\w)")
_COMMA_AND_RE = re.compile(rf"[\u060c,]\s*{AND}")
#: Words that open with the letter of "and" but are no coordination: "، وفقا لما أوردته X" names a source.
_FUNCTION_WORDS = frozenset(resources.words("stopwords", "function", fold)) - {AND}


def labels_of(item: Entity | GazetteerEntry) -> tuple[str, ...]:
    """Every Arabic label of an article entity or a gazetteer entry."""
    others = item.alt_labels if isinstance(item, Entity) else item.aliases
    return (item.label_ar, *others)


def names_of(items: Iterable[tuple[Entity | GazetteerEntry, str]]) -> dict[str, set[str]]:
    """Bare label -> values, from (entity or gazetteer entry, value) pairs."""
    names: dict[str, set[str]] = {}
    for item, value in items:
        for label in labels_of(item):
            names.setdefault(bare(label), set()).add(value)
    return names


@lru_cache(maxsize=65536)
def bare(label: str) -> str:
    """A label folded for lookup, without a leading ال on any word."""
    return " ".join(w[len(_ARTICLE) :] if w.startswith(_ARTICLE) and len(w) > 3 else w for w in fold(label).split())


class ActorLexicon:
    """Nationality adjectives and the gazetteer's actors, compiled once."""

    def __init__(
        self, nisba_records: list[dict], gazetteer: Iterable[GazetteerEntry], bloc_records: Iterable[dict] = ()
    ) -> None:
        gazetteer = tuple(gazetteer)
        self._nisba_country = {fold(r["pattern"]): r["id"] for r in nisba_records}
        self._nisba_re = _nisba_re(self._nisba_country)
        self._by_key = {e.key: e for e in gazetteer}
        #: (key, bare label) of the gazetteer's organisations and countries by the label's first
        #: word, read once (``labels``)
        self._body_labels: dict[str, list[tuple[str, str]]] = {}
        for e in self._by_key.values():
            for label in labels_of(e) if e.type in _BODY_TYPES else ():
                self._body_labels.setdefault(bare(label).partition(" ")[0], []).append((e.key, bare(label)))
        #: Nisbas of blocs (عربي -> the Arab League), by gazetteer key: "القمة العربية" is the League's.
        self._bloc = {fold(r["pattern"]): r["id"] for r in bloc_records if r["id"] in self._by_key}
        self._bloc_re = _nisba_re(self._bloc) if self._bloc else None
        self._countries = {
            bare(label): e.key for e in gazetteer if e.type == "Country" for label in (e.label_ar, *e.aliases)
        }
        #: the countries' names that take the article (السعودية), folded
        self._definite_countries = {
            fold(label)
            for e in gazetteer
            if e.type == "Country"
            for label in (e.label_ar, *e.aliases)
            if fold(label).startswith(_ARTICLE)
        }
        self._capital_of = {e.key: e.capital_of for e in gazetteer if e.capital_of in self._by_key}
        #: the capitals' names, bare: "اتفاقية روما" is named after where it was signed
        self._capital_names = {bare(label) for e in gazetteer if e.key in self._capital_of for label in labels_of(e)}
        #: the states a title names before where it is posted, by the title (titles recur)
        self.title_states = lru_cache(maxsize=1 << 14)(self._title_states)
        #: The gazetteer force a nationality names ("القوات الأمريكية" for أمريكي), by country key.
        self._national_force: dict[str, str] = {}
        for entry in gazetteer:
            if entry.type == "Force":
                for name in self.nisba_names(entry.label_ar):
                    if country := self._countries.get(bare(name)):
                        self._national_force.setdefault(country, entry.key)
        #: Known actors' names (a capital's names standing for its country), as gazetteer keys.
        self.gazetteer_names = NameIndex(
            names_of(
                [
                    (e, self._capital_of.get(e.key, e.key))
                    for e in gazetteer
                    if e.type in ACTOR_TYPES or e.key in self._capital_of
                ]
            )
        )

    def country_entity(self, article: Article, name: str, known: bool = True) -> str | None:
        """The key of the Country called ``name`` (an article entity, else, with ``known``, from
        the gazetteer)."""
        wanted = bare(name)
        for entity in article.entities.values():
            if entity.type == "Country" and wanted in {bare(x) for x in (entity.label_ar, *entity.alt_labels)}:
                return entity.key
        key = self._countries.get(wanted)
        return self.known_entity(article, key) if key and known else None

    def countries_in(self, folded: str) -> list[str]:
        """Gazetteer keys of the states a folded phrase names by their own names (not their
        capitals'), a word or a few long: "نائب وزير خارجية روسيا" -> Russia."""
        # a state with a conjunction or لـ on it: "وزير خارجية ومغتربي لبنان"، "سفير لمصر"
        clitics = _CONJUNCTIONS + _FOR
        words = [w[1:] if w[:1] in clitics and bare(w[1:]) in self._countries else w for w in folded.split()]
        found = []
        for size in range(_LONGEST_STATE_NAME, 0, -1):
            for start in range(len(words) - size + 1):
                if key := self._countries.get(bare(" ".join(words[start : start + size]))):
                    found.append(key)
                    words[start : start + size] = [""] * size
        return found

    def _title_states(self, title: str) -> tuple[str, ...]:
        """Gazetteer keys of the states a title names before where it is posted: "سفير مصر لدى
        الأردن" -> Egypt, "وزير خارجية إيران" -> Iran."""
        return tuple(self.countries_in(_POSTED_RE.split(fold(title), maxsplit=1)[0]))

    def known_entity(self, article: Article, key: str) -> str:
        """Make sure the gazetteer entity ``key`` is one of the article's entities; return the key."""
        if key not in article.entities:
            article.entities[key] = self._by_key[key].entity(aliases=True)
        return key

    def labels(self, article: Article, first: str) -> list[tuple[str, str]]:
        """(key, bare label) of every organisation and country the article or gazetteer knows
        whose label's first word is ``first``."""
        entities = [e for e in article.entities.values() if e.type in _BODY_TYPES]
        names = [(e.key, bare(label)) for e in entities for label in labels_of(e)]
        return [(k, name) for k, name in names if name.partition(" ")[0] == first] + self._body_labels.get(first, [])

    def national_force(self, article: Article, country: str) -> Entity | None:
        """The gazetteer's armed forces of ``country``, made an article entity owned by it."""
        key = self._national_force.get(country)
        if key is None:
            return None
        force = article.entities[self.known_entity(article, key)]
        add_keys(force.affiliation, [country], key)
        return force

    def blocs(self, folded: str, start: int, stop: int) -> list[tuple[int, str]]:
        """(offset, gazetteer key) of the blocs whose nisbas stand in folded[start:stop]."""
        found = self._bloc_re.finditer(folded, start, stop) if self._bloc_re else ()
        return [(m.start(), self._bloc[m.group("nisba")]) for m in found]

    def nisbas(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, nisba form) of each nationality adjective in a folded text; a country's
        own name read as an accusative nisba (سوريا = سوري + ا) is none, but a name the article
        makes an adjective ("السورية"، "للسورية": "سورية" is the country) unless the name takes
        the article ("السعودية")."""
        for m in self._nisba_re.finditer(folded):
            word = folded[m.start("nisba") : m.end()]
            named = bare(word) in self._countries
            if named and folded[m.start() : m.start("nisba")].endswith((_ARTICLE, _FOR_THE)):
                named = _ARTICLE + word in self._definite_countries
            if not named:
                yield m.start(), m.end(), m.group("nisba")

    def nisba_names(self, text: str) -> list[str]:
        """The Arabic labels of the countries the nationality adjectives in ``text`` name."""
        return [self._nisba_country[form] for _s, _e, form in self.nisbas(fold(text))]

    def country_of_nisba(self, form: str) -> str:
        """The Arabic label of the country a nisba form names."""
        return self._nisba_country[form]

    def gazetteer_entry(self, key: str) -> GazetteerEntry | None:
        """The gazetteer's entry for an entity key, if it has one."""
        return self._by_key.get(key)

    def capital_country(self, key: str) -> str | None:
        """The country a capital (by gazetteer key) stands for."""
        return self._capital_of.get(key)

    def is_capital(self, name: str) -> bool:
        """Whether a name is a capital's (روما، باريس), not its state's."""
        return bare(name) in self._capital_names


class ArticleActors:
    """One article's folded text, typed mentions, nisbas and dates, as the relation rules read them."""

    def __init__(self, article: Article, lexicon: ActorLexicon) -> None:
        self.article = article
        self.lexicon = lexicon
        doc = document(article)
        self.ft = doc.folded
        self.text = self.ft.folded
        self.mentions = MentionSpans(article, self.ft)
        # a surname (محمد شياع السوداني) is no nationality
        self.nisbas = [nisba for nisba in lexicon.nisbas(self.text) if not self._in_person(nisba[0])]
        self._titles: dict[str, list[str]] = {}  #: person key -> its title mentions' texts
        self._title_spans: dict[str, list[tuple[int, int]]] = {}  #: person key -> its title mentions' spans
        for start, end, mention in self.mentions:
            if mention.type == "Person" and mention.source == Source.ROLE:
                self._titles.setdefault(mention.entity, []).append(mention.text)
                self._title_spans.setdefault(mention.entity, []).append((start, end))
        self.names = NameIndex(names_of((e, e.key) for e in article.entities.values() if e.type in ACTOR_TYPES))
        #: person key -> the bodies title chains written right before its name end in (kg.title_chains)
        self.chained: dict[str, list[str]] = {}
        #: person key -> title chains written before an honorific its name's mention took in (kg.title_chains)
        self.chained_titles: dict[str, list[str]] = {}
        self.dates = [(self.ft.folded_index(d.start), self.ft.folded_index(d.end), d) for d in doc.dates if d.value]

    def _in_person(self, pos: int) -> bool:
        """Whether a person mention covers folded offset ``pos`` (names are a few words long)."""
        return any(e > pos and m.type == "Person" for _s, e, m in self.mentions.within(pos - _NAME_CHARS, pos + 1))

    def entity(self, mention: Mention) -> Entity:
        """The article entity a mention names."""
        return self.article.entities[mention.entity]

    def within(self, start: int, stop: int) -> list[tuple[int, int, Mention]]:
        """The mentions starting in text[start:stop], as (folded start, folded end, mention)."""
        return self.mentions.within(start, stop)

    def words_after(self, pos: int, count: int) -> int:
        """Folded offset where the ``count``-th word after ``pos`` ends."""
        end = pos
        for m in _NON_SPACE_RE.finditer(self.text, pos, pos + 200):
            end = m.end()
            count -= 1
            if count == 0:
                break
        return end

    def coordinated(
        self, pos: int, stop: int, types: Iterable[str], within_words: int
    ) -> list[tuple[int, int, Mention]]:
        """The first mention of ``types`` starting within ``within_words`` words after ``pos``
        and those coordinated with it, up to ``stop``: "X وY"، "X، وY"، a title and the name
        after it ("وزير الخارجية المغربي ناصر بوريطة")، a few words between a comma and و
        ("ضمت وزير الدفاع ثابت العباسي، ومساعدة وزير الدفاع سيليست واندر")."""
        types = frozenset(types)
        candidates = [t for t in self.within(pos, stop) if t[2].type in types]
        if not candidates or candidates[0][0] > self.words_after(pos, within_words):
            return []
        chain = [candidates[0]]
        for item in candidates[1:]:
            gap = self.text[chain[-1][1] : item[0]]
            same = item[2].entity == chain[-1][2].entity and gap.strip() in ("", "\u060c", ",")  # "الوزير، X"
            if not (same or AND_RE.match(gap) or len(gap.split()) <= 5 and _comma_and(gap)):
                break
            chain.append(item)
        return chain

    def named(self, start: int, stop: int, own: str = "") -> list[str]:
        """Actors named in text[start:stop] by any label, mention or not (names inside an
        event's own mention: "الحوار الاستراتيجي بين واشنطن وبغداد"), ``own`` excepted."""
        keys = [k for _pos, values in self.names.find(self.text, start, stop, own) for k in sorted(values)]
        for _pos, known in self.lexicon.gazetteer_names.find(self.text, start, stop, own):
            keys += [self.lexicon.known_entity(self.article, k) for k in sorted(known)]
        return keys

    def nisba_countries(self, start: int, stop: int, outside: tuple[str, ...] = ()) -> list[str]:
        """Countries of the nisbas in text[start:stop], but those inside mentions of ``outside`` types."""
        return [key for _s, _e, key in self.nisba_spans(start, stop, outside)]

    def nisba_spans(self, start: int, stop: int, outside: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
        """(start, end, country key) of the nisbas in text[start:stop], but those inside mentions of
        ``outside`` types."""
        inside = [(a, b) for a, b, m in self.within(start, stop) if m.type in outside]
        spans = []
        first = bisect.bisect_left(self.nisbas, (start,))
        for s, e, form in self.nisbas[first:]:
            if s >= stop:
                break
            if not any(a <= s < b for a, b in inside):
                key = self.lexicon.country_entity(self.article, self.lexicon.country_of_nisba(form))
                spans += [(s, e, key)] if key else []
        return spans

    def blocs(self, start: int, stop: int) -> list[str]:
        """The blocs (made article entities) whose nisbas stand in text[start:stop], but inside
        an actor's name (الجمهورية العربية السورية)."""
        names = [(a, b) for a, b, m in self.within(start, stop) if m.type in ACTOR_TYPES or m.type == "Place"]
        found = self.lexicon.blocs(self.text, start, stop)
        return [
            self.lexicon.known_entity(self.article, k) for pos, k in found if not any(a <= pos < b for a, b in names)
        ]

    def capital_country(self, mention: Mention) -> list[str]:
        """A capital (a Place) stands for its country, as the gazetteer says."""
        country = self.lexicon.capital_country(mention.entity)
        return [self.lexicon.known_entity(self.article, country)] if country else []

    def name_city(self, event_start: int) -> list[tuple[int, int]]:
        """The span of the capital's name right after an event's head noun that the mentions read
        as part of the event's name ("اتفاقية روما"): the city it was made in, no side of it."""
        second = _SECOND_WORD_RE.match(self.text, event_start)
        return [second.span(1)] if second and self.lexicon.is_capital(second.group(1)) else []

    def role_countries(self, keys: list[str], nationality: bool = True) -> list[str]:
        """Countries of participants' roles, as the entity or any title mention gives them
        ("رئيس الوزراء العراقي مصطفى الكاظمي" -> Iraq), or the gazetteer's nationality of a known
        official (لويد أوستن -> the United States). Without ``nationality``, only countries the
        article names, and a known official's only where the article gives him a title that names
        no body: a president or minister serves his state, a militia's leader does not."""
        out = []
        for key in keys:
            entity = self.article.entities.get(key)
            if not entity or entity.type != "Person":
                continue
            # the title mentions only: a name may end in a nisba-like surname (محمد شياع السوداني)
            roles = [entity.role or "", *self._titles.get(key, ()), *self.chained_titles.get(key, ())]
            out += self.countries_named(self.lexicon.nisba_names(" ".join(roles)), known=nationality)
            out += self._states_in_titles(roles, known=nationality)
            known = self.lexicon.gazetteer_entry(key)  # a known official acts for his country
            if known and known.nationality and (nationality or self._state_title(key, roles, known.nationality)):
                out.append(self.lexicon.known_entity(self.article, known.nationality))
        return out

    def _state_title(self, key: str, roles: list[str], state: str) -> bool:
        """Whether a known official's titles here make him serve his state: the article names the
        state and gives him a title (الرئيس، الوزير) that names no body he serves instead."""
        return state in self.article.entities and any(roles) and not self.role_bodies([key])

    def role_bodies(self, keys: list[str], top: bool = False) -> list[str]:
        """The bodies persons' titles name before where they are posted: an organisation
        ("المتحدث باسم حركة X"، "مبعوث الأمم المتحدة إلى اليمن") or a bloc by its nisba
        ("المبعوث الأممي"), or that a title chain ends in right before their name (``chained``).
        With ``top``, only the last body of each title, the one the others are part of ("عضو
        اللجنة المركزية لحركة X" -> X)."""
        out = []
        for key in keys:
            for start, end in self._title_spans.get(key, ()):
                posted = _POSTED_RE.search(self.text, start, end)
                served = posted.start() if posted else end
                found = [
                    (s, m.entity) for s, e, m in self.within(start, served) if m.type == "Organization" and e <= served
                ]
                # a bloc's nisba qualifies the title itself (المبعوث الأممي), not a noun of the title's
                # chain (التحالف العربي، البحر العربي) nor a state's name (المملكة العربية السعودية)
                found += [
                    (p, self.lexicon.known_entity(self.article, k))
                    for p, k in self.lexicon.blocs(self.text, start, served)
                    if len(self.text[start:p].split()) == 1
                ]
                out += [k for _p, k in sorted(found)[-1 if top else 0 :]]
            out += self.chained.get(key, [])
        return list(dict.fromkeys(out))

    def body_states(self, key: str) -> list[str]:
        """The states a body's names make it one of: "وزارة الدفاع العراقية" -> Iraq."""
        known = self.lexicon.gazetteer_entry(key)
        labels = labels_of(self.article.entities[key]) + (labels_of(known) if known else ())
        return self.countries_named(self.lexicon.nisba_names(" ".join(labels)))

    def _states_in_titles(self, titles: list[str], known: bool) -> list[str]:
        """States a title names before where it is posted: "سفير مصر لدى الأردن" -> Egypt,
        "وزير خارجية إيران" -> Iran (with ``known``, gazetteer states become article entities)."""
        keys = []
        for title in titles:
            for key in self.lexicon.title_states(title):
                if known or key in self.article.entities:
                    keys.append(self.lexicon.known_entity(self.article, key))
        return keys

    def countries_named(self, names: Iterable[str], known: bool = True) -> list[str]:
        """The keys of the countries with these Arabic labels (with ``known``, gazetteer
        countries are made article entities)."""
        keys = [self.lexicon.country_entity(self.article, name, known) for name in names]
        return [key for key in keys if key]


def _comma_and(gap: str) -> bool:
    """Whether a comma and و join the next actor ("، ومساعدة وزير الدفاع X"), the و a clitic,
    not the first letter of a function word ("، وفقا لما أوردته X")."""
    found = _COMMA_AND_RE.search(gap)
    # a و at the gap's end is the clitic of the actor's own name ("، والأمير X")
    return bool(found) and (gap[found.end() - 1 :].split() + [""])[0] not in _FUNCTION_WORDS


def _nisba_re(forms: Iterable[str]) -> re.Pattern[str]:
    """Nisba stems in any inflection, with the article (الأمريكية، عراقياً، الأمريكيين) or the
    conjunction of a coordinated one ("قوات روسية وإيرانية")."""
    return re.compile(
        rf"(?<!\w)(?:[{AND}{_BY}]?{_ARTICLE}|{_FOR_THE}|{AND})?(?P<nisba>{trie_regex(forms)}){_NISBA_SUFFIXES}(?!\w)"
    )


def add_keys(target: list[str], keys: list[str], own: str) -> None:
    """Append keys not yet in ``target`` (never the entity itself)."""
    for key in keys:
        if key and key != own and key not in target:
            target.append(key)


class TriggerReader:
    """A reader of one article's relation rules: its actors and the triggers the matcher found
    (the participants, the referents and the unwritten subjects of its events)."""

    def __init__(self, actors: ArticleActors, triggers: Triggers) -> None:
        self.actors = actors
        self.triggers = triggers
        self.ft = actors.ft
        self.text = actors.text
