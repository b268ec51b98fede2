"""Persons an article names by a short form before it names them in full (issue 18: duplicates).

The resolve stage reads an article in order: a name met after a person's fuller name is that
person (``kg.resolve``). News also writes the short form first: "الرئيس روحاني" in the lead,
"الرئيس الإيراني حسن روحاني" further on; a surname the tagger finds in a headline-like first
line, the full name in the body. Read in order, the short form mints a person of its own.
Once the article is read, a person known only by a short form is the one person of the
article whose fuller name it shortens (``shortens``); when two do (حافظ الأسد، بشار الأسد for
الأسد) it is left alone, since which one it names is not written.
"""

from __future__ import annotations

from collections.abc import Collection

from kg.lexicon import name_key, word_set
from kg.model import Entity, Mention, Source
from kg.naming import ResolveState, name_words
from kg.short_names import move_entity

#: "son/daughter of" (name_key writes ابن as بن): a name after it is the parent's (خليفة in حمد بن خليفة).
_LINEAGE = word_set("name_particles", "lineage")


def shortens(short: list[str] | tuple[str, ...], full: list[str] | tuple[str, ...]) -> bool:
    """Whether a name (``name_key`` words) is a short form of a fuller one: its last words
    (أوغلو، داود أوغلو for أحمد داود أوغلو), its first and last (given name and surname), its
    first words (محمد بن سلمان for محمد بن سلمان آل سعود), or its given name alone, as news
    names again a person it introduced in full ("الشيخ محمد"، a compound عبد الفتاح too)."""
    short, full = list(short), list(full)
    if full[-len(short) :] == short or full[: len(short)] == short:
        return True
    return len(short) >= 2 and short[0] == full[0] and short[-1] == full[-1]


def join_early_short_names(
    state: ResolveState, kept: list[Mention], known: Collection[str], unnamed: tuple[str, ...]
) -> None:
    """Join each person the article knows only by a short name to the one person whose fuller
    name it shortens. ``known`` are the gazetteer's keys (a known person's own name is never a
    short form of another's); ``unnamed`` the key prefixes of persons named by no name."""
    # a title the person was named by (ملك البلد، الملك) is no name another shortens or lengthens
    roles = {mention.text for mention in kept if mention.source == Source.ROLE}
    people = {
        key: _names(entity, roles)
        for key, entity in state.entities.items()
        if entity.type == "Person" and not key.startswith(unnamed)
    }
    for key, names in people.items():
        if key in known or key not in state.entities:
            continue
        widest = max(names, key=len, default=())
        if not widest:
            continue
        fuller = [
            other
            for other, theirs in people.items()
            if other != key and other in state.entities and any(_shortened_by(widest, full) for full in theirs)
        ]
        if len(fuller) == 1:
            move_entity(state, kept, key, fuller[0])


def _names(entity: Entity, roles: Collection[str]) -> list[tuple[str, ...]]:
    """Each label's words as ``name_key`` writes people's names, but for the titles in ``roles``."""
    labels = (label for label in (entity.label_ar, *entity.alt_labels) if label not in roles)
    return [name_key(name_words(label), loose_vowels=True) for label in labels]


def _shortened_by(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether a fuller name is shortened to ``short``, which is not a parent's name it ends with
    (سلمان is not محمد بن سلمان)."""
    if len(full) <= len(short) or not shortens(short, full):
        return False
    return full[: len(short)] == short or full[-len(short) - 1] not in _LINEAGE
