"""People an article does not name, told apart and joined (issue 18: duplicates).

Two questions the resolve stage asks of them: whether a role written with a name surely is that
person's office, so that the role alone names them again further on (``holds``); and whether an
unnamed person is one met before under the same description, written once with their
nationality and once without (``described_again``: "مصدر أمني" ... "مصدر أمني فلسطيني"), or
once in one case and once in another (``same_group``: "دبلوماسيون" ... "دبلوماسيين").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from kg.cues import plural_case
from kg.lexicon import Lexicon, affix, definite
from kg.model import Entity
from kg.naming import name_words, slug
from kg.text import strip_article

#: The key prefix of persons the article describes and does not name (``kg.resolve``).
UNNAMED = "person/unnamed-"
#: The key prefix of persons known only by a role (``kg.resolve``: "person/role-<office>").
ROLE = "person/role-"
#: Keys of persons known only by a description or a role: no holder a later title names.
UNNAMED_KEYS = (UNNAMED, ROLE)
#: Fewest description words, nationality aside: "مسؤول" alone is any other official.
_MIN_CORE_WORDS = 2


def holds(lex: Lexicon, role: str, name: str) -> bool:
    """Whether a role written with a name surely is that person's office, to name them again.

    Not when a definite role ends in an unknown indefinite noun, in construct with what
    follows: the name after "المتحدث باسم عائلة" is the family's, not the spokesman's (a
    known place closes it: السفير السعودي لدى أنقرة). Nor when the name opens with the
    conjunction and no given name: "رئيس الدولة وسعادة محمد" coordinates a second person."""
    words, named = name_words(role), name_words(name)
    last = words[-1] if words else ""
    open_construct = (
        len(words) > 1
        and definite(words[0])
        and not definite(last)
        and not lex.nisba_country(last)
        and lex.lookup([last]) is None
    )
    first = named[0] if named else ""
    coordinated = first.startswith(affix("and")) and first not in lex.given_names
    return not open_construct and not coordinated


def described_again(lex: Lexicon, entities: Mapping[str, Entity], words: list[str]) -> str | None:
    """The unnamed person of the article described by the same words (folded ``words``) but for a
    nationality one of the two descriptions leaves out, when exactly one is; else None. Two
    nationalities that differ are two people (مصدر أمني فلسطيني، مصدر أمني إسرائيلي), and a
    bare description between two such is neither."""
    core, country = _description(lex, tuple(words))
    if len(core) < _MIN_CORE_WORDS:
        return None
    found = []
    for key, entity in entities.items():
        if key.startswith(UNNAMED):
            known_core, known_country = _description(lex, tuple(name_words(entity.label_ar)))
            if known_core == core and known_country != country and None in (country, known_country):
                found.append(key)
    return found[0] if len(found) == 1 else None


def _description(lex: Lexicon, words: tuple[str, ...]) -> tuple[frozenset[str], str | None]:
    """A description's words without its nationality words, and the country those name."""
    core, country = without_nationality(words, lex.nisba_country)
    return frozenset(core), country


def without_nationality(
    words: Iterable[str], nationality: Callable[[str], str | None]
) -> tuple[tuple[str, ...], str | None]:
    """A person's description or role (folded ``words``) without the words that name a
    country (``nationality``: its key, else None), each without its article, and the first
    country those name: مصدر أمني فلسطيني -> (مصدر، أمني), Palestine."""
    core, country = [], None
    for word in words:
        if named := nationality(word):
            country = country or named
        else:
            core.append(strip_article(word))
    return tuple(core), country


def unnamed_key(entities: Mapping[str, Entity], label: str, digest: str) -> str:
    """The key of the unnamed person of the article (``digest``) a speaker phrase (``label``)
    describes: the group met before in another case (``same_group``), else its own."""
    words = name_words(label)
    return same_group(entities, words) or f"{UNNAMED}{slug(words)}-{digest}"


def same_group(entities: Mapping[str, Entity], words: list[str]) -> str | None:
    """The unnamed person (a group) of the article described by the same words (folded ``words``)
    with each masculine plural or dual among them in one case (``plural_case``): "دبلوماسيون
    غربيون" ... "الدبلوماسيين الغربيين"; else None. A singular and its plural stay two
    (مسؤول، مسؤولون)."""
    plain = _one_case(words)
    for key, entity in entities.items():
        if key.startswith(UNNAMED) and _one_case(name_words(entity.label_ar)) == plain:
            return key
    return None


def _one_case(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(plural_case(strip_article(word)) for word in words)
