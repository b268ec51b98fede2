"""A role written again shorter names the person it introduced: "المتحدث باسم وزارة الدفاع
سامر الخطيب ... وقال المتحدث باسم الوزارة" is one person, not a second one known by a role."""

from __future__ import annotations

from collections.abc import Mapping

from kg.lexicon import definite
from kg.mentions.words import TENURE
from kg.naming import name_words
from kg.text import strip_article
from kg.unnamed_people import UNNAMED_KEYS


def _head(role: str) -> str:
    words = name_words(role)
    return strip_article(words[0]) if words else ""


def shortened_holder(
    role: str,
    core: frozenset[str],
    country: str | None,
    held: Mapping[str, tuple[frozenset[str], str | None]],
    roles: Mapping[str, str | None],
) -> str | None:
    """The one person named before whose role ``role`` shortens, else None.

    Args:
        role: the later role as written, definite (المتحدث باسم الوزارة، رئيس الهيئة); an
            indefinite one (متحدث باسم الوزارة) may be anyone holding it.
        core: its words without nationality words, and ``country`` the one those name.
        held: each person named so far -> the core and country of the role they were named with.
        roles: each person -> the role as written (its first word is the head both must share:
            "وزير الخارجية" shortens no "نائب وزير الخارجية").

    Returns:
        The person's key when exactly one holder qualifies: the later role's words are a part of
        that holder's, with at least two words, no tenure word left out (السابق), and the two
        countries not at odds. Two or more qualifying holders name no one: a wrong merge costs
        more than a duplicate.
    """
    words = name_words(role)
    # definite itself (المتحدث باسم الوزارة) or in construct with a definite noun (رئيس الهيئة)
    if len(core) < 2 or not any(definite(word) for word in words[:2]):
        return None
    head = _head(role)
    found = [
        key
        for key, (known, known_country) in held.items()
        if not key.startswith(UNNAMED_KEYS)
        and core < known
        and not (known - core) & TENURE
        and (country is None or known_country in (None, country))
        and _head(roles.get(key) or "") == head
    ]
    return found[0] if len(found) == 1 else None
