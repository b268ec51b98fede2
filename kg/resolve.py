"""The resolve stage: group an article's mentions into entities with deterministic keys.

A key is article-independent, so one real entity gets one IRI in every article: a gazetteer
entity keeps its gazetteer key; any other entity gets ``type/slug`` where the slug is the
camel-tools safe Buckwalter transliteration of its folded name, each word without its article
(ثابت عباسي = ثابت العباسي -> ``person/vAbt-EbAsy``). Unnamed people and one-off events (a
visit, a meeting) also carry a digest of the article text: "a US official" in two articles
is not known to be one person. An agreement known only by a description (لجنة عسكرية عليا،
اتفاق الطرفين) is keyed by its kind and its parties, and a visit by who goes where, once the
relations stage has read them (``identify_events``), so two articles describing one share its IRI.

Within the article: a capital used as a government is its Country; a surname or a bare title
(وزير الدفاع العراقي) refers to the person named with it; "المسؤول" to the last unnamed
official; "الحوار"/"الاتفاق" to the last dialogue/agreement; an unqualified government body
(وزارة الخارجية) takes the country of the nearest nationality word before it in its
paragraph when the gazetteer knows that country's body; event phrases that share their name
words with a known or earlier event are that event. Mentions that resolve to nothing are
dropped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from camel_tools.utils.charmap import CharMapper

from kg import clean, resources
from kg.lexicon import Lexicon, definite, sense, single_word, tokenize, word_set
from kg.mentions import ESTABLISH_WORDS, EVENT_TYPES, RANK_GRADES, RELATIVE_WORDS
from kg.model import Article, Entity, Mention, Source

#: Words after which an event phrase's name ends and its participants/date begin.
_COMPLEMENT_WORDS = frozenset().union(
    *(word_set("function_words", label) for label in ("between", "with", "to", "year", "relative", "on", "in")),
    word_set("content_verbs", "stipulates"),
    word_set("content_verbs", "concluded"),
)
#: Event heads of one-off occurrences (keys carry the article digest).
_ONE_OFF_HEADS = frozenset(clean.fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("one_off"))
_VISIT = sense("head_nouns", "visit")
_MINISTRY = sense("head_nouns", Source.MINISTRY)
_COUNTERPART = sense("titles", "counterpart")
_ON = single_word("function_words", "on")
#: Most words of a gazetteer event name that other talks may bear too (الحوار الاستراتيجي).
_GENERIC_NAME_WORDS = 2
_TANWEEN_ALEF = ("\u0627\u064b", "\u064b\u0627")  # اً and ًا
#: Endings of a relational (nisba) adjective, folded: عسكري، عسكرية.
_NISBA_ENDINGS = ("ي", *("ي" + ending for ending in word_set("nisba_endings", "singular")))
#: Share of name words two event phrases need in common to be the same event.
_SAME_EVENT_OVERLAP = 0.6
#: Most words of rank between a role and its name: "رئيس أركان الجيش الفريق أول ركن عبد الأمير".
_MAX_RANK_WORDS = 3
#: A bare role (no name after it) makes an unnamed person only when at least this long.
_MIN_ROLE_WORDS = 3
#: Mention sources that write a person's name (``kg.mentions``), and those that repeat a name
#: already met in the article (never minting a person of their own).
_NAMED_AGAIN = (Source.SURNAME, Source.RECURRING)
_NAMED_BY = (Source.TITLE, Source.GIVEN_NAME, Source.TAGGER, *_NAMED_AGAIN)


@cache
def _transliterator() -> CharMapper:
    return CharMapper.builtin_mapper("ar2safebw")


def slug(words: Iterable[str]) -> str:
    """An ASCII key part from folded Arabic words: article dropped, safe Buckwalter, '-' joined."""
    parts = [_transliterator()(clean.strip_article(w)) for w in words]
    return "-".join(p for p in parts if p) or "x"


def display(article: Article, mention: Mention) -> str:
    """The mention as a label: its text, with the article restored after a لل clitic (للقوات -> القوات)."""
    if mention.start and mention.text.startswith("ل") and article.text[mention.start - 1] == "ل":
        return "ا" + mention.text
    return mention.text


def name_words(text: str) -> list[str]:
    """Folded words of a name or phrase."""
    return list(_name_words(text))


@lru_cache(maxsize=1 << 15)
def _name_words(text: str) -> tuple[str, ...]:
    # names recur through an article and across a batch: tokenize each once
    return tuple(_without_tanween(t.folded, text[t.start : t.end]) for t in tokenize(text))


def _without_tanween(folded: str, raw: str) -> str:
    """A folded word without the alef of a written accusative tanween: اتفاقاً أمنياً = اتفاق أمني."""
    return folded[:-1] if raw.endswith(_TANWEEN_ALEF) and len(folded) > 3 else folded


def bare(words: Iterable[str]) -> frozenset[str]:
    """Folded words without their articles, as a set."""
    return frozenset(clean.strip_article(w) for w in words)


@dataclass
class _State:
    article: Article
    digest: str
    entities: dict[str, Entity] = field(default_factory=dict)
    last_of: dict[str, str] = field(default_factory=dict)  #: type (or "unnamed") -> last key
    last_by_head: dict[tuple[str, str], str] = field(default_factory=dict)  #: (type, head noun) -> last event key
    people: list[tuple[list[str], str]] = field(default_factory=list)  #: (name words, key)
    roles: dict[str, tuple[frozenset[str], str | None]] = field(default_factory=dict)  #: key -> (core, country)
    event_cores: dict[str, frozenset[str]] = field(default_factory=dict)
    named: dict[str, frozenset[str]] = field(default_factory=dict)  #: bodies met so far -> their words


class Resolver:
    """The resolve stage, built once from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.country_nisbas: dict[str, list[str]] = {}
        for nisba, key in lex.nisbas.items():
            self.country_nisbas.setdefault(key, []).append(nisba)
        #: gazetteer events: key -> (name-word cores of its aliases, participants)
        self.event_cores: dict[str, tuple[list[frozenset[str]], frozenset[str]]] = {}
        for entry in lex.gazetteer.values():
            if entry.type in EVENT_TYPES:
                cores = [bare(_core(name_words(a))) for a in (entry.label_ar, *entry.aliases)]
                self.event_cores[entry.key] = (cores, frozenset(entry.participants))

    def __call__(self, article: Article) -> Article:
        state = _State(article, article_digest(article.text))
        mentions = sorted(article.mentions, key=lambda m: (m.start, -m.end))
        roles = self._link_roles(article, mentions)
        kept = []
        for mention in mentions:
            if mention.source == Source.ROLE and id(mention) in roles:
                continue  # written once its name is resolved
            key = self._resolve(state, mention, mentions)
            if key is None:
                continue
            self._write(state, mention, key)
            kept.append(mention)
            role = roles.get(id(mention))
            if role is not None:
                role.entity = key
                state.entities[key].role = state.entities[key].role or role.text
                state.roles[key] = self._counterpart(state, key, *self._role_core(role.text))
                kept.append(role)
        article.mentions = sorted(kept, key=lambda m: (m.start, -m.end))
        article.entities = state.entities
        return article

    # ------------------------------------------------------------ writing
    def _write(self, state: _State, mention: Mention, key: str) -> None:
        mention.entity = key
        label = display(state.article, mention)
        entity = state.entities.get(key)
        if entity is None:
            entry = self.lex.gazetteer.get(key)
            if entry is not None:
                entity = Entity(key, entry.type, entry.label_ar, entry.label_en, wikidata=entry.wikidata)
            else:
                entity = Entity(key, mention.type, label)
            state.entities[key] = entity
        mention.type = entity.type
        # a dual ("وزارتي الدفاع والخارجية") names two bodies at once, a pronoun (بلاده) none
        known = label == entity.label_ar or label in entity.alt_labels
        if mention.source not in (Source.DUAL, Source.PRONOUN) and not known:
            entity.alt_labels.append(label)
        state.last_of[entity.type] = key
        if entity.type in EVENT_TYPES:
            state.last_by_head[entity.type, _event_head(mention.text)] = key

    # ------------------------------------------------------------ dispatch
    def _resolve(self, state: _State, mention: Mention, mentions: list[Mention]) -> str | None:
        if mention.source in (Source.GAZETTEER, Source.DUAL):
            if mention.type == "Person":
                self._remember_person(state, name_words(mention.text), mention.entity)
            if mention.type in EVENT_TYPES and not self._known_event_fits(mention, mentions):
                return None
            if mention.type in ("Organization", "Force") and mention.source == Source.GAZETTEER:
                # "مجلس النواب العراقي ... رئيس مجلس النواب": a shorter form later names the same body
                state.named.setdefault(mention.entity, bare(name_words(mention.text)))
            return mention.entity
        if mention.type == "Person":
            return self._resolve_person(state, mention)
        if mention.source == Source.PRONOUN:
            person = state.last_of.get("Person")
            return state.roles.get(person, (None, None))[1] if person else None
        if mention.type == "Government":
            return self._country_in(state, mention, mentions)
        if mention.type in EVENT_TYPES:
            return self._resolve_event(state, mention, mentions)
        return self._resolve_named(state, mention)

    def _known_event_fits(self, mention: Mention, mentions: list[Mention]) -> bool:
        """Whether a gazetteer event's sides are this article's: no other country named in the phrase
        around it ("الجولة الثالثة من الحوار الاستراتيجي بين العراق وإيران" is not the US-Iraq Strategic
        Dialogue its words name), and, for a short name any talks may bear (الحوار الاستراتيجي), all
        of them named somewhere in the article."""
        sides = set(self.lex.gazetteer[mention.entity].participants)
        if not sides:
            return True
        generic = len(name_words(mention.text)) <= _GENERIC_NAME_WORDS
        if generic and not sides <= {m.entity for m in mentions if m.entity}:
            return False
        around = [o for o in mentions if o.type in EVENT_TYPES and o.start <= mention.start and mention.end <= o.end]
        return not any(
            m.type == "Country" and m.entity not in sides and o.start <= m.start and m.end <= o.end
            for o in around
            for m in mentions
        )

    # ------------------------------------------------------------ people
    def _link_roles(self, article: Article, mentions: list[Mention]) -> dict[int, Mention]:
        """Map id(name mention) -> the role mention right before it, and id(role) -> role."""
        links: dict[int, Mention] = {}
        names = [m for m in mentions if m.type == "Person" and m.source in (*_NAMED_BY, Source.GAZETTEER)]
        for name in names:
            if name.role is not None:  # the mentions stage found the pair: "وزير الخارجية فؤاد حسين"
                links[id(name)] = links[id(name.role)] = name.role
        for role in (m for m in mentions if m.source == Source.ROLE and id(m) not in links):
            after = next((n for n in names if n.start >= role.end), None)
            if after is not None and self._title_gap(article.text[role.end : after.start]):
                links.setdefault(id(after), role)
                links[id(role)] = role
                continue
            before = next((n for n in reversed(names) if n.end <= role.start), None)
            if before is not None and article.text[before.end : role.start].strip() in ("،", ","):
                links.setdefault(id(before), role)  # "ديوك بيراك، نائب مدير القيادة ..."
                links[id(role)] = role
        return links

    def _title_gap(self, gap: str) -> bool:
        """Whether only titles, ranks and commas stand between a role and a name."""
        words = [clean.fold(w).strip("،,") for w in gap.split()]
        return len(words) <= _MAX_RANK_WORDS and all(
            not w or self.lex.titles.get(w) or self.lex.titles.get(clean.strip_article(w)) or w in RANK_GRADES
            for w in words
        )

    def _remember_person(self, state: _State, words: list[str], key: str) -> None:
        state.people.append(([clean.strip_article(w) for w in words], key))

    def _resolve_person(self, state: _State, mention: Mention) -> str | None:
        words = name_words(mention.text)
        if mention.source in _NAMED_BY:
            key = self.lex.lookup(words)
            if key is None:
                key = self._known_person(state, words)
            if key is None and mention.source not in _NAMED_AGAIN:
                key = f"person/{slug(words)}"
            if key is not None:
                self._remember_person(state, words, key)
            return key
        if mention.source == Source.UNNAMED:
            key = f"person/unnamed-{slug(words)}-{state.digest}"
            state.last_of["unnamed"] = key
            return key
        if mention.source == Source.BACK_REFERENCE:
            return state.last_of.get("unnamed")
        if mention.source == Source.ROLE:
            return self._person_by_role(state, mention, words)
        return None

    def _known_person(self, state: _State, words: list[str]) -> str | None:
        plain = [clean.strip_article(w) for w in words]
        for known, key in reversed(state.people):
            if plain[-1] == known[-1] and (len(plain) == 1 or plain[0] == known[0]):
                return key
        for key, entry in self.lex.gazetteer.items():
            if (
                entry.type == "Person"
                and plain == [clean.strip_article(w) for w in name_words(entry.label_ar)][-len(plain) :]
                and len(plain) == 1
            ):
                if any(k == key for _, k in state.people):
                    return key
        return None

    def _role_core(self, text: str) -> tuple[frozenset[str], str | None]:
        """A role's words without nationality words, and the country those name."""
        core, country = set(), None
        for word in name_words(text):
            nisba = self.lex.nisba_country(word) or self._country_named(word)
            if nisba:
                country = country or nisba
            else:
                core.add(clean.strip_article(word))
        return frozenset(core), country

    def _counterpart(self, state: _State, key: str, core: frozenset[str], country: str | None) -> tuple:
        """ "نظيره الأمريكي": the role of the person named before, with this one's country."""
        if any(w.startswith(_COUNTERPART) for w in core):
            others = [k for k in state.roles if k != key]
            if others:
                return state.roles[others[-1]][0], country
        return core, country

    def _country_named(self, word: str) -> str | None:
        key = self.lex.lookup([word])
        return key if key and self.lex.gazetteer[key].type == "Country" else None

    def _person_by_role(self, state: _State, mention: Mention, words: list[str]) -> str | None:
        core, country = self._role_core(mention.text)
        for key in reversed(list(state.roles)):
            known_core, known_country = state.roles[key]
            if known_core == core and (country is None or known_country is None or country == known_country):
                if country and not known_country:
                    state.roles[key] = (known_core, country)
                return key
        if len(words) < _MIN_ROLE_WORDS:
            return None
        # the holder of a role is one person across articles (رئيس جهاز مكافحة الإرهاب)
        key = f"person/role-{slug(w for w in words if w not in self.lex.stopwords)}"
        state.roles[key] = (core, country)
        if key not in state.entities:
            state.entities[key] = Entity(key, "Person", display(state.article, mention), role=mention.text)
        return key

    # ------------------------------------------------------------ governments, bodies, places
    def _country_in(self, state: _State, mention: Mention, mentions: list[Mention]) -> str | None:
        """The Country a government phrase names (حكومة العراق، الحكومة العراقية)."""
        for other in mentions:
            if other is not mention and mention.start <= other.start and other.end <= mention.end and other.entity:
                if self.lex.gazetteer.get(other.entity) and self.lex.gazetteer[other.entity].type == "Country":
                    return other.entity
        for word in name_words(mention.text):
            country = self.lex.nisba_country(word)
            if country:
                return country
        return None

    def _resolve_named(self, state: _State, mention: Mention) -> str | None:
        words = name_words(mention.text)
        if mention.source == Source.MINISTRY:  # الخارجية التركية is وزارة الخارجية التركية, and keyed so
            words = [_MINISTRY, *words]
        key = self.lex.lookup(words)
        # an outlet in quotes (لـ"الشرق الأوسط") is a known body, or none the gazetteer has as a place
        if key is not None and (mention.source != Source.QUOTED or self.lex.gazetteer[key].type == mention.type):
            return key
        qualify = clean.strip_article(words[0]) in self.lex.qualified_heads
        if qualify and not any(self.lex.nisba_country(w) for w in words):
            key = self._qualified(state, mention, words)
            if key is not None:
                return key
        names = bare(words)
        for key, known in state.named.items():
            small, big = sorted((names, known), key=len)
            if state.entities[key].type == mention.type and len(small) >= 2 and small <= big:
                return key  # "الفصائل المسلحة المناوئة" ... "الفصائل المسلحة"
        key = f"{mention.type.lower()}/{slug(words)}"
        state.named[key] = names
        return key

    def _qualified(self, state: _State, mention: Mention, words: list[str]) -> str | None:
        """An unqualified body (وزارة الخارجية) as the gazetteer's body of the country named before it."""
        text = state.article.text
        paragraph_start = text.rfind("\n", 0, mention.start) + 1
        for token in reversed(tokenize(text[paragraph_start : mention.start])):
            country = self.lex.nisba_country(token.folded) or self.lex.lookup([token.stem()])
            if country not in self.country_nisbas:
                continue
            for nisba in self.country_nisbas[country]:
                for form in ("ال" + nisba + "ه", "ال" + nisba):
                    key = self.lex.lookup([*words, form])
                    if key is not None:
                        return key
        return None

    # ------------------------------------------------------------ events
    def _resolve_event(self, state: _State, mention: Mention, mentions: list[Mention]) -> str | None:
        words = name_words(mention.text)
        core = _inner(_core(words), mention.type, self.lex)
        if mention.type == "Agreement":
            core = _established(words, core)
        if mention.source == Source.BACK_REFERENCE or (len(core) == 1 and definite(core[0])):
            # "الزيارة" is the last visit told, not the talks told since; else the last event
            same_head = state.last_by_head.get((mention.type, _event_head(mention.text)))
            # ... but "الزيارة التي قام بها ..." describes a visit of its own when none was told
            described = len(words) > len(core) and words[len(core)] in RELATIVE_WORDS
            previous = same_head or (None if described else state.last_of.get(mention.type))
            # "وجرى خلال اللقاء ..." after "استقبل X Y": a meeting the article told by its verb alone
            first_told = previous is None and clean.strip_article(core[0]) in _ONE_OFF_HEADS
            if previous or not first_told and (mention.source == Source.BACK_REFERENCE or len(words) == len(core)):
                return previous
        names = bare(core)
        inside = {
            o.entity
            for o in mentions
            if o is not mention and mention.start <= o.start and o.end <= mention.end and o.entity
        }
        mentioned = {e.key for e in state.entities.values()} | {m.entity for m in mentions if m.entity}
        for key, (cores, participants) in self.event_cores.items():
            if self.lex.gazetteer[key].type != mention.type or not participants <= mentioned:
                continue
            if inside & participants != inside & {k for k in inside if k.startswith("country/")} and inside:
                continue
            if any(_same_event(names, c) for c in cores if len(c) >= 2 and len(names) >= 2):
                return key
        for key, known in state.event_cores.items():
            if state.entities[key].type == mention.type and _same_event(names, known):
                return key
        if mention.source == Source.WEAK:
            return None
        key = f"{mention.type.lower()}/{slug(core)}"
        head = clean.strip_article(core[0])
        if (
            head in _ONE_OFF_HEADS
            or self.lex.unpossessed(head)
            or len(core) == 1
            or not any(definite(w) and w not in _collectives() for w in core)
        ):
            key += f"-{state.digest}"
            if mention.type == "Agreement":
                # a description varies between outlets past its kind: "لجنة عسكرية عليا" = "لجنة عسكرية مشتركة"
                kind = f"agreement/{slug(_kind_words(core))}-{state.digest}"
                key = key if kind in state.event_cores else kind
        state.event_cores[key] = names
        return key


def _event_head(text: str) -> str:
    """The head noun of an event mention, folded, without its clitics and article (والزيارة:
    زياره), the same for every written form of one head."""
    return clean.strip_article(tokenize(text)[0].stem())


@cache
def _collectives() -> frozenset[str]:
    """The two sides (الطرفين، البلدين ...): definite, but a reference back, not a name, so
    "اتفاق الطرفين" is this article's agreement, not one of that name in every article."""
    return frozenset(clean.fold(r["pattern"]) for r in resources.load("speaker_nouns") if r["label"] == "collective")


def _core(words: list[str]) -> list[str]:
    """The name words of an event phrase: up to its first complement (بين، إلى، لعام ...)."""
    for index, word in enumerate(words):
        if index and word in _COMPLEMENT_WORDS:
            return words[:index]
    return words


def _established(words: list[str], core: list[str]) -> list[str]:
    """An agreement named only by "the two sides" is the body it sets up: "اتفاق الطرفين على
    تشكيل لجنة عسكرية" -> لجنة عسكرية (other articles name that body, not the agreement)."""
    if any(w not in _collectives() for w in core[1:]):
        return core
    rest = words[len(core) :]
    on = rest.index(_ON) if _ON in rest else -1
    if 0 <= on <= 1 and on + 1 < len(rest) and rest[on + 1] in ESTABLISH_WORDS:
        body = _core(rest[on + 2 :])
        return body if len(body) >= 2 else core
    return core


def _kind_words(core: list[str]) -> list[str]:
    """A description's words up to its first relational adjective, which tells its kind: "لجنة
    عسكرية عليا" -> لجنة عسكرية, "مذكرة تفاهم أمنية" whole; later adjectives vary by outlet."""
    for index in range(1, len(core)):
        word = clean.strip_article(core[index])
        if len(word) > 3 and word.endswith(_NISBA_ENDINGS):
            return core[: index + 1]
    return core


def _inner(core: list[str], kind: str, lex: Lexicon) -> list[str]:
    """The named event inside a round/session phrase: "الجولة الثالثة من الحوار الاستراتيجي" -> الحوار الاستراتيجي."""
    for index in range(1, len(core)):
        word = core[index]
        for _, stem in clean.strip_clitics(word):
            base = stem[2:] if definite(stem) else stem
            if lex.heads.get(base) == kind and definite(stem):
                return [stem, *core[index + 1 :]]
    return core


def _same_event(names: frozenset[str], known: frozenset[str]) -> bool:
    """Two event name-word sets are one event: one holds the other, or they overlap enough."""
    if not names or not known:
        return False
    small, big = sorted((names, known), key=len)
    if small <= big:
        return True
    return len(names & known) / len(names | known) >= _SAME_EVENT_OVERLAP


def article_digest(text: str) -> str:
    """The part of an article-scoped key that names its article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def identify_events(article: Article, lex: Lexicon) -> Article:
    """Key the events known only by a description by what they are, so two articles describing
    one share its IRI (needs the relations stage):

    - an agreement by its kind (``_kind_words``) and its parties: "لجنة عسكرية عليا بين البلدين" in
      one article and "لجنة عسكرية مشتركة بين الولايات المتحدة والعراق" in another are one entity
      (not by its year: an article often dates an agreement by the talks that reached it, another
      not at all); with fewer than two parties it keeps its article-scoped key;
    - a visit by who goes where, and its year (its own date, else the article's): "الزيارة التي
      قام بها وفد عسكري عراقي إلى الولايات المتحدة" = "ويجري الوفد العراقي ... زيارة إلى
      الولايات المتحدة"; with no place, or no visiting country, it keeps its article-scoped key;
    - a named event the gazetteer lacks, by its name and its countries when it has two or more
      ("الحوار الاستراتيجي" of Iraq and Iran is not that of Iraq and Turkey).
    """
    suffix = "-" + article_digest(article.text)
    renamed: dict[str, str] = {}
    for key, entity in article.entities.items():
        if not key.endswith(suffix):
            countries = sorted(_slug_of(k) for k in {*entity.participants, *entity.parties} if k.startswith("country/"))
            if entity.type in EVENT_TYPES and key not in lex.gazetteer and len(countries) >= 2:
                renamed[key] = "--".join([key, *countries])  # "الحوار الاستراتيجي" of Iraq and Iran
            continue
        if entity.type == "Agreement" and len(entity.parties) >= 2:
            parts = [key[: -len(suffix)], *sorted(_slug_of(p) for p in entity.parties)]
            renamed[key] = "--".join(parts)
        elif entity.type == "Dialogue" and entity.location and _event_head(entity.label_ar) == _VISIT:
            place = lex.gazetteer.get(entity.location)
            host = place.capital_of if place and place.capital_of else entity.location  # to Baghdad = to Iraq
            hosts = (host, entity.location)
            visitors = sorted(_slug_of(p) for p in entity.participants if p.startswith("country/") and p not in hosts)
            year = (entity.start_date or article.published or "")[:4]
            if visitors:
                parts = [f"dialogue/{slug([_VISIT])}", *visitors, "to", _slug_of(host)]
                renamed[key] = "--".join(parts + [year] if year else parts)
    if len(set(renamed.values())) < len(renamed) or set(renamed.values()) & set(article.entities):
        return article  # two descriptions would become one key: leave them as they are
    rename_entities(article, renamed)
    return article


def _slug_of(key: str) -> str:
    """The part of an entity key after its type: country/iraq -> iraq."""
    return key.split("/", 1)[-1]


def rename_entities(article: Article, renamed: dict[str, str]) -> None:
    """Give entities new keys everywhere the article refers to them."""
    if not renamed:
        return

    def new(key: str) -> str:
        return renamed.get(key, key)

    for mention in article.mentions:
        mention.entity = mention.entity and new(mention.entity)
    for entity in article.entities.values():
        entity.key = new(entity.key)
        entity.participants = [new(k) for k in entity.participants]
        entity.parties = [new(k) for k in entity.parties]
        entity.affiliation = [new(k) for k in entity.affiliation]
        entity.location = entity.location and new(entity.location)
    for statement in article.statements:
        statement.speakers = [new(k) for k in statement.speakers]
    article.entities = {entity.key: entity for entity in article.entities.values()}


class EventIdentifier:
    """The identify stage (``identify_events``), built once from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, article: Article) -> Article:
        """Key the article's events known only by a description by what they are."""
        return identify_events(article, self.lex)


def resolve_entities(article: Article) -> Article:
    """The process pipeline's resolve stage: fill ``Article.entities`` and set each kept
    mention's ``entity``."""
    from kg.pipeline import default_pipeline  # the pipeline builds this module's stages

    return default_pipeline().stage("resolve")(article)
