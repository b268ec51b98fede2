"""One event told twice in other words, within one article (issue 18): a summit told where it is
held ("القمة الخليجية ... التي عقدت في العلا") and later named by that place ("قمة العلا") is
one summit; so is a meeting told where it is held and named by the place it is held in. And a
person's visits one article tells are one visit ("زيارة الرئيس شي جين بينغ" = "زيارته للإمارات"),
unless they are to other places or on other dates. Talks told as another of their kind
("اتصالا هاتفيا آخر") are not the talks of that kind told before.

The relations stage has read each event's location by then; this finds the pairs, and
``kg.events`` merges them (``merge_entities``) before it keys events by what they are.
"""

from __future__ import annotations

import re

from kg.lexicon import Lexicon, definite, sense, tokenize, word_set
from kg.mentions.event_places import relational
from kg.mentions.meetings import visit_by_verb
from kg.mentions.words import NISBA
from kg.model import Article, Entity
from kg.naming import bare, name_words
from kg.text import strip_article

_PLACES = ("Place", "Country")
_VISIT = sense("head_nouns", "visit")
_PERSON, _COUNTRY = "person/", "country/"
_SENTENCE_END_RE = re.compile(r"[.!?\u061f\n]")
#: "في" right before a place (its own word, not a clitic).
_IN_RE = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(word_set('function_words', 'in')))})\s+$")
#: Characters read before a place for its "في".
_IN_CHARS = 6
#: "Another", "a new one" (آخر، جديدة) right after an indefinite event head: an event of its own.
_ANOTHER = word_set("event_words", "another")
#: Words of time within an event (خلال، أثناء، هامش): talks told right before them and a visit are held on it.
_AMID = word_set("event_words", "amid")
#: Most words between talks and the visit they are held during (على هامش).
_AMID_WORDS = 2
_PUNCTUATION_RE = re.compile(r"[^\w\s]")
_OF = word_set("function_words", "of")


def event_head(text: str) -> str:
    """The head noun of an event's label, folded, without its clitics and article (والزيارة:
    زياره), the same for every written form of one head."""
    return strip_article(tokenize(text)[0].stem())


def another_of_its_kind(words: list[str], after: str) -> bool:
    """Whether an indefinite event phrase (folded ``words``) says it is another one of its kind,
    by a word right after its head and the adjectives of its kind, in the phrase or in the text
    just ``after`` it: "أجرى اتصالا هاتفيا آخر مع ..."، "لقاء آخر" (not "جولة جديدة من
    المحادثات", a round of talks told before)."""
    if not words or definite(words[0]):
        return False
    following = [*words[1:], *name_words(after)[:3]]
    while following and relational(_without_alef(following[0])):
        following = following[1:]  # اتصالا هاتفيا آخر، زيارة رسمية أخرى
    return bool(following) and following[0] in _ANOTHER and not (len(following) > 1 and following[1] in _OF)


def _without_alef(word: str) -> str:
    """A folded adjective without the alef of an accusative written without its tanween (هاتفيا)."""
    return word[:-1] if word.endswith(NISBA + "ا") else word


def named_by_place(article: Article, lex: Lexicon) -> dict[str, str]:
    """Events named by a place (head + place name: "قمة العلا") that another event of the same
    head is told to be held in: old key -> the key of the event told with its place. Each event
    told with its place keeps its own key (the map holds it too, so the merge keeps that one)."""
    dialogues = [e for e in article.entities.values() if e.type == "Dialogue"]
    renamed: dict[str, str] = {}
    for held in dialogues:
        where = [held.location] if held.location else _held_in(article, held.key)
        if not where or held.key in renamed:
            continue
        places = {name for key in where for name in _place_names(article, lex, key)}
        for named in dialogues:
            if named is held or named.key in renamed or named.location not in (None, *where):
                continue
            if event_head(named.label_ar) == event_head(held.label_ar) and _names_place(named, places):
                renamed.setdefault(held.key, held.key)
                renamed[named.key] = held.key
    return renamed


def same_visitor(article: Article, lex: Lexicon) -> dict[str, str]:
    """Visits of one article whose visitors share a person, or told by "his visit" (زيارته) with
    no person named, to no other place on no other date: old key -> the key of the first of them
    told (which the map holds too)."""
    # a visit told by its verb (زار X البلد، X الذي يزور البلد) after those told by their noun: their label stays
    visits = sorted((e for e in article.entities.values() if e.type == "Dialogue" and _visit(e, lex)), key=_by_verb)
    renamed: dict[str, str] = {}
    for index, first in enumerate(visits):
        if first.key in renamed:
            continue
        people = {k for k in first.participants if k.startswith(_PERSON)}
        for other in visits[index + 1 :]:
            if other.key in renamed or not (people & set(other.participants) or _his(other, lex)):
                continue
            if _by_verb(other) > _by_verb(first) and not people <= set(other.participants):
                continue  # told by its verb, the visit of someone the noun's visitors are not all of
            if _differ(first.location, other.location) or _differ(first.start_date, other.start_date):
                continue
            hosts, other_hosts = _hosts(article, first), _hosts(article, other)
            if hosts and other_hosts and not hosts & other_hosts:
                continue  # to Baghdad, and to Tehran
            renamed.setdefault(first.key, first.key)
            renamed[other.key] = first.key
    return renamed


def talks_during_visit(article: Article, lex: Lexicon) -> dict[str, str]:
    """Talks told held during a visit ("محادثاته مع X خلال زيارته لواشنطن"، "لقاء على هامش
    زيارة"): the visit's own talks, one event: old key -> the visit's key (the map holds it too)."""
    renamed: dict[str, str] = {}
    mentions = sorted((m for m in article.mentions if m.entity and m.type == "Dialogue"), key=lambda m: m.start)
    for talks, visit in zip(mentions, mentions[1:], strict=False):
        if talks.entity == visit.entity or talks.entity in renamed:
            continue
        between = article.text[talks.end : visit.start]
        gap = name_words(between)
        # one clause: "... لطاولة الحوار. وفي ختام زيارته" is no talks held during the visit
        if not gap or len(gap) > _AMID_WORDS or gap[-1] not in _AMID or _PUNCTUATION_RE.search(between):
            continue
        if _visit(article.entities[visit.entity], lex) and not _visit(article.entities[talks.entity], lex):
            renamed.setdefault(visit.entity, visit.entity)
            renamed[talks.entity] = visit.entity
    return renamed


def _by_verb(event: Entity) -> bool:
    """Whether a visit is told by its verb (its label the verb's words)."""
    return visit_by_verb(event.label_ar)


def _visit(event: Entity, lex: Lexicon) -> bool:
    """Whether an event is a visit, its head possessed or not (الزيارة، زيارته), or told by its verb."""
    head = event_head(event.label_ar)
    return (lex.unpossessed(head) or head) == _VISIT or _by_verb(event)


def _his(visit: Entity, lex: Lexicon) -> bool:
    """Whether a visit is told by its visitor's pronoun alone (زيارته للإمارات), no person named."""
    possessed = lex.unpossessed(name_words(visit.label_ar)[0])
    return bool(possessed) and not any(k.startswith(_PERSON) for k in visit.participants)


def _hosts(article: Article, visit: Entity) -> set[str]:
    """The countries a visit goes to: its countries but those its visitors act for."""
    theirs = {
        key
        for person in visit.participants
        if person.startswith(_PERSON) and person in article.entities
        for key in article.entities[person].affiliation
    }
    place = article.entities.get(visit.location or "")
    return {k for k in visit.participants if k.startswith(_COUNTRY) and k not in theirs} | (
        {visit.location} if place and place.type == "Country" else set()
    )


def _differ(one: str | None, other: str | None) -> bool:
    """Whether two values are both known and not the same."""
    return bool(one and other and one != other)


def _held_in(article: Article, key: str) -> list[str]:
    """The places "في X" names in the sentences of an event's mentions, after it ("القمة ...
    مساء الثلاثاء، والتي عقدت في محافظة العلا"): where an event no rule placed is held."""
    found = []
    for mention in article.mentions:
        if mention.entity != key:
            continue
        stop = _SENTENCE_END_RE.search(article.text, mention.end)
        end = stop.start() if stop else len(article.text)
        for other in article.mentions:
            before = article.text[max(mention.end, other.start - _IN_CHARS) : other.start]
            if other.type in _PLACES and mention.end <= other.start < end and _IN_RE.search(before):
                found.append(other.entity)
    return [key for key in dict.fromkeys(found) if key]


def _names_place(event: Entity, places: set[frozenset[str]]) -> bool:
    """Whether one of an event's labels is its head and a place's name, or its words (قمة العلا،
    لقمة الرياض)."""
    names = [bare(name_words(label)[1:]) for label in (event.label_ar, *event.alt_labels)]
    return any(name and any(name <= place for place in places) for name in names)


def _place_names(article: Article, lex: Lexicon, key: str) -> set[frozenset[str]]:
    """The names a place is written by, as word sets: its labels in the article and the
    gazetteer without their head noun (محافظة العلا -> العلا), and its capital's for a country (the summit in
    Riyadh is "قمة الرياض")."""
    entity = article.entities.get(key)
    labels = [entity.label_ar, *entity.alt_labels] if entity else []
    for entry in lex.gazetteer.values():
        if entry.key == key or entry.capital_of == key:
            labels += [entry.label_ar, *entry.aliases]
    names = set()
    for label in labels:
        words = name_words(label)
        if len(words) > 1 and strip_article(words[0]) in lex.heads:
            words = words[1:]  # محافظة العلا -> العلا
        names.add(bare(words))
    return names
