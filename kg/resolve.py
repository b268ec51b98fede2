"""The resolve stage: group an article's mentions into entities with deterministic keys.

A key is article-independent, so one real entity gets one IRI in every article: a gazetteer
entity keeps its gazetteer key; any other entity gets ``type/slug`` where the slug is the
camel-tools safe Buckwalter transliteration of its folded name, each word without its article
(ثابت عباسي = ثابت العباسي -> ``person/vAbt-EbAsy``). Unnamed people and one-off events (a
visit, a meeting) also carry a digest of the article text: "a US official" in two articles
is not known to be one person. An agreement known only by a description (لجنة عسكرية عليا،
اتفاق الطرفين) is keyed by its kind and its parties, and a visit by who goes where, once the
relations stage has read them (``kg.events.identify_events``), so two articles describing one share its IRI.
Names and keys are made by ``kg.naming``, dialogues and agreements resolved by ``kg.events``,
short names in brackets read by ``kg.brackets``.

Within the article: a capital used as a government is its Country; a surname or a bare title
(وزير الدفاع العراقي) refers to the person named with it; "المسؤول" to the last unnamed
official; "الحوار"/"الاتفاق" to the last dialogue/agreement; an unqualified government body
(وزارة الخارجية) takes the country of the nearest nationality word before it in its
paragraph when the gazetteer knows that country's body; event phrases that share their name
words with a known or earlier event are that event. Mentions that resolve to nothing are
dropped.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from kg.aliases import join_minted_twice
from kg.brackets import abbreviation, named_in_brackets
from kg.counterparts import counterpart_holder, honorific_title, is_counterpart, nationality_fits
from kg.descriptions import described, remember_body
from kg.document import document
from kg.early_names import shortens
from kg.events import EventResolver, event_head
from kg.lexicon import Lexicon, affix, name_key, sense
from kg.meeting_parts import join_meetings
from kg.mentions import EVENT_TYPES
from kg.mentions.joint_forces import states_named
from kg.mentions.words import DISTRICTS, PLACE_CATEGORIES
from kg.model import Article, Entity, Mention, Source
from kg.naming import (
    ResolveState,
    article_digest,
    bare,
    body_words,
    direction_key,
    display,
    name_words,
    outlet_name,
    slug,
    styled_title,
)
from kg.offices import respelt, same_office
from kg.role_links import link_roles
from kg.short_names import genitive_bodies
from kg.shortened_roles import shortened_holder
from kg.text import strip_article
from kg.unnamed_people import ROLE, UNNAMED, UNNAMED_KEYS, described_again, holds, without_nationality

_MINISTRY = sense("head_nouns", "ministry")
_COUNTERPART = sense("titles", "counterpart")
#: A bare role (no name after it) makes an unnamed person only when at least this long.
_MIN_ROLE_WORDS = 3
#: Fewest words a body's name keeps once its country nisba is dropped from its key.
_MIN_OWN_NAME_WORDS = 3
#: Mention sources that write a person's name (``kg.mentions``), and those that repeat a name
#: already met in the article (never minting a person of their own).
_NAMED_AGAIN = (Source.SURNAME, Source.RECURRING)
_NAMED_BY = (Source.TITLE, Source.GIVEN_NAME, Source.TAGGER, *_NAMED_AGAIN)
#: Sources of person mentions that may name a person the article names only further on.
_NAMED_LATER = (*_NAMED_AGAIN, Source.ROLE, Source.BACK_REFERENCE)


class Resolver:
    """The resolve stage, built once from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.country_nisbas: dict[str, list[str]] = {}
        for nisba, key in lex.nisbas.items():
            self.country_nisbas.setdefault(key, []).append(nisba)
        self.events = EventResolver(lex)
        self.genitives = genitive_bodies(lex)
        self._office = lru_cache(maxsize=1 << 12)(self._office)  # roles recur (وزير الخارجية)

    def __call__(self, article: Article) -> Article:
        state = ResolveState(article, article_digest(article.text))
        mentions = sorted(article.mentions, key=lambda m: (m.start, -m.end))
        roles = link_roles(self.lex, article, mentions, (*_NAMED_BY, Source.GAZETTEER))
        kept, unheld = [], []
        for mention in mentions:
            if mention.source == Source.ROLE and id(mention) in roles:
                continue  # written once its name is resolved
            key = abbreviation(state, mention, kept) or named_in_brackets(state, mention, mentions)
            key = key or self._resolve(state, mention, mentions)
            if key is None:
                if mention.type == "Person" and mention.source in _NAMED_LATER:
                    unheld.append(mention)
                continue
            self._keep(state, mention, key, roles.get(id(mention), []), kept)
        _name_later(self, state, kept, unheld, roles)
        join_minted_twice(self.lex, self.genitives, state, kept)
        article.mentions = sorted(kept, key=lambda m: (m.start, -m.end))
        article.entities = state.entities
        join_meetings(article)
        _label_styled(article)
        return article

    def _keep(self, state: ResolveState, mention: Mention, key: str, roles: list[Mention], kept: list[Mention]) -> None:
        """Write a resolved mention and the roles set around it (``_link_roles``)."""
        self._write(state, mention, key)
        kept.append(mention)
        for at, role in enumerate(roles):
            role.entity = key
            state.entities[key].role = state.entities[key].role or role.text
            core, country, synonym = self._office(role.text)
            office = self._counterpart(state, key, core, country)
            # a role in apposition after a titled name ("الشيخ X، مدير مكتب الاتصال القطري") names
            # him again, but his country stays the one his first role gave, if it gave one
            if at == 0 or state.roles[key][1] is None:
                state.roles[key] = office
            if holds(self.lex, role.text, mention.text):
                state.held.append((key, *office, synonym))
            kept.append(role)

    # ------------------------------------------------------------ writing
    def _write(self, state: ResolveState, mention: Mention, key: str) -> None:
        mention.entity = key
        label = display(state.article, mention, self.lex)
        entity = state.entities.get(key)
        if entity is None:
            entry = self.lex.gazetteer.get(key)
            if entry is not None:
                entity = entry.entity()
            else:
                entity = Entity(key, mention.type, label)
            state.entities[key] = entity
        mention.type = entity.type
        # a dual ("وزارتي الدفاع والخارجية") names two bodies at once, a pronoun (بلاده) none
        if mention.source not in (Source.DUAL, Source.PRONOUN):
            entity.add_label(label)
        _label_by_name(entity, mention, label)
        state.last_of[entity.type] = key
        remember_body(self.lex, state, entity)
        if entity.type in EVENT_TYPES:
            state.last_by_head[entity.type, event_head(mention.text)] = key

    # ------------------------------------------------------------ dispatch
    def _resolve(self, state: ResolveState, mention: Mention, mentions: list[Mention]) -> str | None:
        if mention.source in (Source.GAZETTEER, Source.DUAL):
            if mention.type == "Person":
                self._remember_person(state, name_words(mention.text), mention.entity)
            if mention.type in EVENT_TYPES and not self.events.fits(mention, mentions):
                return None
            if mention.type in ("Organization", "Force") and mention.source == Source.GAZETTEER:
                # "مجلس النواب العراقي ... رئيس مجلس النواب": a shorter form later names the same body
                state.named.setdefault(mention.entity, body_words(name_words(mention.text)))
            return mention.entity
        if mention.type == "Person":
            return self._resolve_person(state, mention)
        if mention.source == Source.PRONOUN:
            person = state.last_of.get("Person")
            return state.roles.get(person, (None, None))[1] if person else None
        if mention.type == "Government":
            return self._country_in(state, mention, mentions)
        if mention.type in EVENT_TYPES:
            return self.events.resolve(state, mention, mentions)
        return self._resolve_named(state, mention)

    # ------------------------------------------------------------ people
    def _remember_person(self, state: ResolveState, words: list[str], key: str) -> None:
        state.people.append((list(name_key(words, loose_vowels=True)), key))

    def _resolve_person(self, state: ResolveState, mention: Mention) -> str | None:
        words = name_words(display(state.article, mention, self.lex))
        if mention.source in _NAMED_BY:
            key = self.lex.lookup(words)
            if key is None:
                key = self._known_person(state, words)
            if key is None and mention.source not in _NAMED_AGAIN:
                key = f"person/{slug(words, person=True)}"
            if key is not None:
                self._remember_person(state, words, key)
            return key
        if mention.source == Source.UNNAMED:
            key = described_again(self.lex, state.entities, words) or f"{UNNAMED}{slug(words)}-{state.digest}"
            state.last_of["unnamed"] = key
            return key
        if mention.source == Source.BACK_REFERENCE:
            return state.last_of.get("unnamed")
        if mention.source == Source.ROLE:
            return self._person_by_role(state, mention, words)
        return None

    def _known_person(self, state: ResolveState, words: list[str]) -> str | None:
        """The person met before whose name this one shortens or lengthens (``shortens``)."""
        plain = list(name_key(words, loose_vowels=True))
        met = dict.fromkeys(key for _, key in reversed(state.people))
        for known, key in reversed(state.people):
            if shortens(plain, known) or len(plain) > len(known) >= 2 and shortens(known, plain):
                return key
        for key in met:  # a known person met under an alias, named again by the end of their label
            entry = self.lex.gazetteer.get(key)
            if (
                entry is not None
                and entry.type == "Person"
                and name_key(name_words(entry.label_ar), loose_vowels=True)[-len(plain) :] == tuple(plain)
            ):
                return key
        return None

    def _role_words(self, text: str) -> tuple[tuple[str, ...], str | None]:
        """A role's words without nationality words (its nisba or name), each without its
        article, and the country those name."""
        return without_nationality(
            name_words(text), lambda word: self.lex.nisba_country(word) or _country_named(self.lex, word)
        )

    def _office(self, text: str) -> tuple[frozenset[str], str | None, bool]:
        """A role's words, each office in its one form (``kg.offices``), the country it names, and
        whether it names the office by a synonym of that form."""
        words, country = self._role_words(text)
        return frozenset(same_office(list(words))), country, respelt(words)

    def _counterpart(self, state: ResolveState, key: str, core: frozenset[str], country: str | None) -> tuple:
        """ "نظيره الأمريكي": the role of the person named before, with this one's country."""
        if any(w.startswith(_COUNTERPART) for w in core):
            others = [k for k in state.roles if k != key]
            if others:
                return state.roles[others[-1]][0], country
        return core, country

    def _person_by_role(self, state: ResolveState, mention: Mention, words: list[str]) -> str | None:
        core, country, synonym = self._office(mention.text)
        strict = honorific_title(self.lex, words)  # "الرئيس الفرنسي": only a holder of that country
        for at, (key, known_core, known_country, known_respelt) in reversed(list(enumerate(state.held))):
            if strict and not nationality_fits(self.lex, key, known_country, country):
                continue
            if _same_office((core, country, synonym), (known_core, known_country, known_respelt)):
                if country and not known_country:
                    state.held[at] = (key, known_core, country, known_respelt)
                    state.roles[key] = (known_core, country)
                return key
        roles = {key: entity.role for key, entity in state.entities.items()}
        if key := shortened_holder(mention.text, core, country, state.roles, roles):
            return key
        if len(words) < _MIN_ROLE_WORDS:
            return None
        # the holder of a role is one person across articles (رئيس جهاز مكافحة الإرهاب), whichever
        # synonym names the office (الناطق، المتحدث)
        key = f"{ROLE}{slug(same_office([w for w in words if w not in self.lex.stopwords]))}"
        state.roles[key] = (core, country)
        state.held.append((key, core, country, synonym))
        if key not in state.entities:
            state.entities[key] = Entity(key, "Person", display(state.article, mention, self.lex), role=mention.text)
        return key

    # ------------------------------------------------------------ governments, bodies, places
    def _country_in(self, state: ResolveState, mention: Mention, mentions: list[Mention]) -> str | None:
        """The Country a government phrase names (حكومة العراق، الحكومة العراقية)."""
        for other in mentions:
            if other is not mention and mention.start <= other.start and other.end <= mention.end and other.entity:
                if self.lex.gazetteer.get(other.entity) and self.lex.gazetteer[other.entity].type == "Country":
                    return other.entity
        for word in name_words(mention.text):
            country = self.lex.nisba_country(word)
            if country:
                return country
        # "نظام الأسد": the regime of a leader met before is the state the article gave him a
        # title of (الرئيس السوري), or the gazetteer's state of a known leader
        leaders = [o for o in mentions if o.type == "Person" and mention.start < o.start and o.end <= mention.end]
        if leaders and (key := self._known_person(state, name_words(leaders[0].text))):
            known = self.lex.gazetteer.get(key)
            return state.roles.get(key, (None, None))[1] or (known.nationality if known else None)
        return None

    def _resolve_named(self, state: ResolveState, mention: Mention) -> str | None:
        # keyed as labelled: للقوات leaves لقوات, the same body as القوات
        words = name_words(display(state.article, mention, self.lex))
        if (named := _after_category(mention, words)) is not None:
            words = named  # "مدينة درعا" is keyed, and found in the gazetteer, as درعا
        if mention.source == Source.MINISTRY:  # الخارجية التركية is وزارة الخارجية التركية, and keyed so
            words = [_MINISTRY, *words]
        key = self.lex.lookup(words) or _known_outlet(self.lex, words, mention.type)
        # an outlet in quotes (لـ"الشرق الأوسط") is a known body, or none the gazetteer has as a place
        # a known place after its kind is that place, never the state a capital stands for
        typed = mention.source == Source.QUOTED or named is not None
        if key is not None and (not typed or self.lex.gazetteer[key].type == mention.type):
            return key
        if (key := described(state, mention.type, words)) is not None:
            return key  # "التنظيم المتطرف" after the group's name
        qualify = strip_article(words[0]) in self.lex.qualified_heads and not any(map(self.lex.nisba_country, words))
        if qualify and (key := _qualified(self, state, mention, words)) is not None:
            return key
        if mention.type == "Place" and (key := direction_key(self.lex, words)):
            return key  # "جنوبي سورية" is "جنوب سوريا"
        names = body_words(words) if mention.type == "Organization" else bare(words)
        for key, known in state.named.items():
            small, big = sorted((names, known), key=len)
            if state.entities[key].type != mention.type or len(small) < 2 or not small <= big:
                continue  # the states are read only of the few names that may be the same body
            if not (states := states_named(self.lex, small)) or states == states_named(self.lex, big):
                return key  # "الفصائل المسلحة المناوئة" ... "الفصائل المسلحة"; else a joint force of both
        key = f"{mention.type.lower()}/{slug(_own_name(self.lex, words) if mention.type == 'Organization' else words)}"
        state.named[key] = names
        return key


def _name_later(
    resolver: Resolver, state: ResolveState, kept: list[Mention], unheld: list[Mention], roles: dict[int, list[Mention]]
) -> None:
    """Persons the article names in full only after a shorter or untitled mention of them.

    A name of two words or more written again before the article gives it in full (the
    tagger missed it there) is the person met later whose name it shortens. "أعلن المتحدث
    باسم الحركة ... وقال المتحدث باسم الحركة سامر الخطيب": a role written without a name is
    its holder when exactly one person named in the article holds that role (same words, no
    other country); so is a person known only by that role (``UNNAMED_KEYS``)."""
    for mention in unheld:
        words = name_words(display(state.article, mention, resolver.lex))
        # a lone word before any full name is too often a common noun the tagger ran into one
        if mention.source in _NAMED_AGAIN and len(words) > 1:
            key = resolver._known_person(state, words)
            if key is not None:
                resolver._keep(state, mention, key, roles.get(id(mention), []), kept)

    def holder_of(text: str) -> str | None:
        office, strict = resolver._office(text), honorific_title(resolver.lex, name_words(text))
        same = list(
            dict.fromkeys(
                holder
                for holder, *held in state.held
                if not holder.startswith(UNNAMED_KEYS) and _same_office(office, tuple(held))
                if not strict or nationality_fits(resolver.lex, holder, held[1], office[1])
            )
        )
        return same[0] if len(same) == 1 and same[0] in state.entities else None

    for mention in unheld:
        if mention.source in _NAMED_AGAIN or mention.entity is not None:
            continue
        core, country, _respelt = resolver._office(mention.text)
        if is_counterpart(core):  # "بنظيره الروسي": the holder of the office of the person before
            holder = counterpart_holder(state, mention, country, sorted(kept, key=lambda m: m.start))
        else:
            holder = holder_of(mention.text)
        if holder:
            resolver._write(state, mention, holder)
            kept.append(mention)
    for key, entity in list(state.entities.items()):
        if entity.type != "Person" or not key.startswith(UNNAMED_KEYS):
            continue
        if (holder := holder_of(entity.label_ar)) is None:
            continue
        named = state.entities[holder]
        for mention in kept:
            if mention.entity == key:
                mention.entity = holder
        named.add_label(entity.label_ar)
        del state.entities[key]


def _country_named(lex: Lexicon, word: str) -> str | None:
    """The Country a word names in the gazetteer (العراق), if any."""
    key = lex.lookup([word])
    return key if key and lex.gazetteer[key].type == "Country" else None


def _same_office(office: tuple, held: tuple) -> bool:
    """Whether a role (core, country, respelt) names the office a person was named with: the same
    office, of one country or of a country only one of the two names. Written once as its synonym
    (رئيس الحكومة, then رئيس الوزراء البريطاني), it needs both to name the same country or neither:
    the local head of government is often written without his country, a foreign one with it."""
    core, country, respelt = office
    known_core, known_country, known_respelt = held
    if core != known_core:
        return False
    if country == known_country:
        return True
    return (country is None or known_country is None) and respelt == known_respelt


def _qualified(resolver: Resolver, state: ResolveState, mention: Mention, words: list[str]) -> str | None:
    """An unqualified body (وزارة الخارجية) as the gazetteer's body of the country named before it."""
    paragraph_start = state.article.text.rfind("\n", 0, mention.start) + 1
    tokens = document(state.article).tokens
    starts = [t.start for t in tokens]
    before = tokens[bisect.bisect_left(starts, paragraph_start) : bisect.bisect_left(starts, mention.start)]
    for token in reversed([t for t in before if t.end <= mention.start]):
        country = resolver.lex.nisba_country(token.folded) or resolver.lex.lookup([token.stem()])
        if country not in resolver.country_nisbas:
            continue
        for nisba in resolver.country_nisbas[country]:
            article, feminine = affix("article"), affix("feminine")
            for form in (article + nisba + feminine, article + nisba):
                key = resolver.lex.lookup([*words, form])
                if key is not None:
                    return key
    return None


def _own_name(lex: Lexicon, words: list[str]) -> list[str]:
    """A body's name without the country nisba after it, when what is left is a name in itself:
    حزب العدالة والتنمية التركي is keyed as حزب العدالة والتنمية, whichever an article writes.
    A government body (وزارة الخارجية المصرية) or a short name (الجيش الليبي) keeps it."""
    own = outlet_name(words) or list(words)
    if strip_article(own[0]) in lex.qualified_heads:
        return own
    while len(own) > _MIN_OWN_NAME_WORDS and lex.nisba_country(own[-1]):
        own.pop()
    return own


def _known_outlet(lex: Lexicon, words: list[str], kind: str) -> str | None:
    """The known body of that type an outlet's own name names (صحيفة X: X), if any."""
    key = lex.lookup(own) if (own := outlet_name(words)) else None
    return key if key is not None and lex.gazetteer[key].type == kind else None


def _label_by_name(entity: Entity, mention: Mention, label: str) -> None:
    """A place written after its kind (مدينة درعا) is labelled by its name alone too."""
    if _after_category(mention, name_words(label)) is not None:
        entity.add_label(label.split(maxsplit=1)[1])


def _after_category(mention: Mention, words: list[str]) -> list[str] | None:
    """The words of a place's name after the kind of place written before it (مدينة درعا،
    محافظة صعدة: درعا، صعدة), or None when the mention opens with no such word."""
    if mention.type != "Place" or mention.source != Source.HEAD_NOUN or len(words) < 2:
        return None
    return words[1:] if words[0] in PLACE_CATEGORIES or words[0] in DISTRICTS else None


def resolve_entities(article: Article) -> Article:
    """The process pipeline's resolve stage: fill ``Article.entities`` and set each kept
    mention's ``entity``."""
    from kg.pipeline import default_pipeline  # the pipeline builds this module's stages

    return default_pipeline().stage("resolve")(article)


def _label_styled(article: Article) -> None:
    """Label each person named right after a title a name is written with by the two together
    (الأمير فيصل بن خالد), once the article is resolved: the label names him, it tells no one apart."""
    for mention in article.mentions:
        entity = article.entities.get(mention.entity or "")
        if entity is not None and entity.type == "Person" and (styled := styled_title(article.text, mention.start)):
            entity.add_label(f"{styled} {mention.text}")
