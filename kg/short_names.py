"""Known bodies an article names by a short form first (issue 18: duplicates).

The resolve stage reads an article in order: a shorter form met after a body's name is that
body (``kg.resolve``), and so is a fuller form met after a short one it does not know. News also
writes a short form before the full name the gazetteer knows ("حلف الأطلسي ... حلف شمال
الأطلسي"). Once the article is read, a minted organisation is the known body whose name opens
with the same head noun and holds all its name words, when exactly one body of the article does.

A known body whose name ends in a genitive that names another known body (الجمعية العامة
للأمم المتحدة) is also written by its first words alone (الجمعية العامة) where the article
names that other body: such a minted organisation is the known one (``join_genitive_short_names``).

A body's command written as a leadership noun in construct before the body's name or its first
words (قيادة التحالف، قيادة الحركة) speaks and acts for that body: a minted organisation so named
is the one organisation of the article whose name opens with those words (``join_leaderships``),
when those words are definite and the phrase ends with them: "قيادة الحزب الحاكم" is another
party's, cut short, and "قيادة جماعة" names none. The definite head (القيادة العامة، القيادة
المركزية) names a command of its own and is left alone.

Only organisations: a force's extra words change who it is (قوات الحكومة, القوات الموالية
للحكومة). A government body named without its country (وزارة الخارجية) is never joined: which
country's it is depends on where it is written.
"""

from __future__ import annotations

from kg.lexicon import Lexicon, affix, definite, sense
from kg.model import Entity, Mention
from kg.naming import ResolveState, body_words, definite_genitive, name_words
from kg.text import strip_article

#: A short form's words (without articles) -> (known body, the known body its genitive names).
GenitiveBodies = dict[tuple[str, ...], list[tuple[str, str]]]

#: The type whose short and full forms are joined.
_TYPE = "Organization"
_MINISTRY = sense("head_nouns", "ministry")
_LEADERSHIP = sense("head_nouns", "leadership")
#: Characters after a mention read for the word that follows it.
_LOOKAHEAD = 24
#: Fewest name words a short form needs to be joined: one word (المجموعة) is too often a description.
_MIN_WORDS = 2


def join_short_names(lex: Lexicon, state: ResolveState, kept: list[Mention]) -> None:
    """Join each minted organisation of ``state`` to the one known body its name is a short form of."""
    bodies = {key: _forms(e) for key, e in state.entities.items() if e.type == _TYPE}
    for key, forms in bodies.items():
        if key in lex.gazetteer:
            continue
        head, widest = max(forms, key=lambda form: len(form[1]))
        if len(widest) < _MIN_WORDS or head in lex.qualified_heads:
            continue  # an unqualified ministry or council is its own country's (``kg.resolve._qualified``)
        fuller = [
            other
            for other, theirs in bodies.items()
            if other != key and any(head == their_head and widest < words for their_head, words in theirs)
        ]
        if len(fuller) == 1 and fuller[0] in lex.gazetteer:
            move_entity(state, kept, key, fuller[0])


def join_headless_names(lex: Lexicon, state: ResolveState, kept: list[Mention]) -> None:
    """Join each minted organisation named by its name alone (الجزيرة، بدر) to the one body of
    the article named by a head noun and that name (قناة الجزيرة، تنظيم بدر، وكالة سبوتنيك). A
    ministry is left out (الخارجية): which country's it is depends on where it is written."""
    bodies = {key: _names(e) for key, e in state.entities.items() if e.type == _TYPE}
    for key, names in bodies.items():
        if key in lex.gazetteer:
            continue
        widest = max(names, key=len)
        headed = [
            other
            for other, theirs in bodies.items()
            if other != key and any(_headed(lex, words) and words[1:] == widest for words in theirs)
        ]
        if len(headed) == 1 and widest:
            move_entity(state, kept, key, headed[0])


def join_leaderships(lex: Lexicon, state: ResolveState, kept: list[Mention]) -> None:
    """Join each minted organisation named by the leadership noun in construct and a body's words
    (قيادة التحالف) to the one other organisation of the article whose name opens with those words."""
    bodies = {key: _names(e) for key, e in state.entities.items() if e.type == _TYPE}
    for key in bodies:
        entity = state.entities.get(key)
        if entity is None or key in lex.gazetteer:
            continue  # joined to another already
        led = [_names_of(label)[1:] for label in (entity.label_ar, *entity.alt_labels) if _led(label)]
        if not led or not all(_ends_there(state.article.text, m) for m in kept if m.entity == key):
            continue
        body = max(led, key=len)
        opening = [
            other
            for other, theirs in bodies.items()
            if other != key and other in state.entities and any(words[: len(body)] == body for words in theirs)
        ]
        if len(opening) == 1:
            move_entity(state, kept, key, opening[0])


def _led(label: str) -> bool:
    """Whether a name opens with the leadership noun in construct (no article) before definite words."""
    words = name_words(label)
    return len(words) >= 2 and words[0] == _LEADERSHIP and all(definite(w) for w in words[1:])


def _ends_there(text: str, mention: Mention) -> bool:
    """Whether the phrase of a mention ends with it: no definite word follows it (الحاكم)."""
    after = name_words(text[mention.end : mention.end + _LOOKAHEAD])
    return not (after and definite(after[0]))


def _headed(lex: Lexicon, words: tuple[str, ...]) -> bool:
    """Whether a body's name words open with an organisation's head noun other than a ministry's."""
    return len(words) >= 2 and lex.heads.get(words[0]) == _TYPE and words[0] != _MINISTRY


def _names(entity: Entity) -> list[tuple[str, ...]]:
    """Each label's name words, each without its article."""
    return [_names_of(label) for label in (entity.label_ar, *entity.alt_labels)]


def _names_of(label: str) -> tuple[str, ...]:
    """A label's name words, each without its article."""
    return tuple(strip_article(w) for w in name_words(label))


def genitive_bodies(lex: Lexicon) -> GenitiveBodies:
    """The known organisations whose name ends in a genitive with ل naming another known body,
    by the words before it: الجمعية العامة -> (un-general-assembly, united-nations)."""
    for_the, found = affix("for_the"), {}
    for key, entry in lex.gazetteer.items():
        if entry.type != _TYPE:
            continue
        for label in (entry.label_ar, *entry.aliases):
            words = name_words(label)
            at = next((i for i, w in enumerate(words) if i >= _MIN_WORDS and w.startswith(for_the)), None)
            if at is None:
                continue
            owner = lex.lookup([definite_genitive(words[at]), *words[at + 1 :]])
            if owner is not None and owner != key:
                found.setdefault(tuple(strip_article(w) for w in words[:at]), []).append((key, owner))
    return found


def join_genitive_short_names(
    lex: Lexicon, genitives: GenitiveBodies, state: ResolveState, kept: list[Mention]
) -> None:
    """Join each minted organisation named by the first words of a known body's name to that
    body, when the article names the body its genitive names (``genitive_bodies``)."""
    for key, entity in list(state.entities.items()):
        if entity.type != _TYPE or key in lex.gazetteer:
            continue
        words = tuple(strip_article(w) for w in name_words(entity.label_ar))
        known = [body for body, owner in genitives.get(words, ()) if owner in state.entities]
        if len(known) == 1:
            state.entities.setdefault(known[0], lex.gazetteer[known[0]].entity())
            move_entity(state, kept, key, known[0])


def _forms(entity: Entity) -> list[tuple[str, frozenset[str]]]:
    """Each label's head noun (without its article) and name words."""
    forms = []
    for label in (entity.label_ar, *entity.alt_labels):
        words = name_words(label)
        forms.append((strip_article(words[0]) if words else "", body_words(words)))
    return forms


def move_entity(state: ResolveState, kept: list[Mention], old: str, new: str) -> None:
    """Write every mention of ``old`` as ``new``'s, which takes its labels."""
    entity, target = state.entities.pop(old), state.entities[new]
    for label in (entity.label_ar, *entity.alt_labels):
        target.add_label(label)
    for mention in kept:
        if mention.entity == old:
            mention.entity = new
