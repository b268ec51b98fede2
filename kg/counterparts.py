"""A counterpart named by his title alone: "اتصال الرئيس الفرنسي بنظيره الروسي" names the Russian
holder of the French president's office, when the article named that holder with that title
before (الرئيس الروسي [name]). The person whose counterpart he is, is the person named last
before him in his paragraph; his office is that person's, his country the one his nisba names.
Only one holder met under that office and country is the counterpart: none, or two, name no one.
"""

from __future__ import annotations

from kg.lexicon import Lexicon, sense
from kg.model import Mention
from kg.naming import ResolveState
from kg.unnamed_people import UNNAMED_KEYS

_COUNTERPART = sense("titles", "counterpart")


def is_counterpart(core: frozenset[str]) -> bool:
    """Whether a role's words (without its nationality) are a counterpart's (نظيره، نظيرته)."""
    return any(word.startswith(_COUNTERPART) for word in core)


def counterpart_holder(state: ResolveState, mention: Mention, country: str | None, kept: list[Mention]) -> str | None:
    """The person a counterpart's title (``mention``, its nisba naming ``country``) refers to:
    the one holder, met before under the office of the person named last before the title in
    its paragraph, of ``country``; else None."""
    if country is None:
        return None
    text = state.article.text
    before = [
        m
        for m in kept
        if m.type == "Person" and m.entity in state.roles and m.end <= mention.start
        if "\n" not in text[m.end : mention.start]  # in its paragraph
    ]
    if not before:
        return None
    other = max(before, key=lambda m: m.end).entity or ""
    office = state.roles[other][0]
    holders = {
        key
        for key, core, held_country, _respelt in state.held
        if core == office and held_country == country and key != other and not key.startswith(UNNAMED_KEYS)
    }
    return holders.pop() if len(holders) == 1 and next(iter(holders)) in state.entities else None


def honorific_title(lex: Lexicon, words: list[str]) -> bool:
    """Whether a role's folded words are an honorific and its nationality alone (الرئيس الفرنسي)."""
    return len(words) > 1 and lex.titles.get(words[0]) == "honorific"


def nationality_fits(lex: Lexicon, key: str, known_country: str | None, country: str | None) -> bool:
    """Whether a person met under an office is of the country an honorific's nisba names: by the
    title he was named with, else by the gazetteer ("الرئيس" for a Frenchman is no "الرئيس اللبناني")."""
    if known_country is not None:
        return known_country == country
    entry = lex.gazetteer.get(key)
    return entry is not None and entry.nationality == country
