"""Entities an article names twice in a row, the second name an alias (issue 18: duplicates),
and the order in which the resolve stage joins entities minted twice for one (``join_minted_twice``).

"X، المعروف باسم Y"، "X، والملقب بـ Y": the words after the comma say Y is another name of X, so
the two mentions are one entity however little their words share (a nickname, a surname the
first name lacks). Read once the article is resolved: each name may have minted an entity.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from kg.early_names import join_early_short_names
from kg.lexicon import Lexicon
from kg.model import Mention
from kg.naming import ResolveState
from kg.short_names import (
    GenitiveBodies,
    join_genitive_short_names,
    join_headless_names,
    join_leaderships,
    join_short_names,
    move_entity,
)
from kg.spans import fold, words_pattern
from kg.unnamed_people import UNNAMED_KEYS

#: Most words of a name the first mention left out ("قاسم عبدالله [علي أحمد]، والمعروف باسم").
_CUT_WORDS = 2
#: What stands between a name and its alias: the rest of a name the tagger cut short (two words
#: at most), a comma, "and" maybe, an alias word, "by"/"by the name" maybe, and an opening
#: quotation mark: "، المعروف بـ«...»"، "، والملقب باسم".
_ALIAS_GAP_RE = re.compile(
    rf"(?:\s+[^\s\u060c,.:;]+){{0,{_CUT_WORDS}}}\s*[\u060c,]\s*\u0648?{words_pattern('name_particles', 'alias')}"
    rf"(?:\s+{words_pattern('name_particles', 'alias-by')}(?!\w)|\s+\u0628)?\s*[\"'\u00ab\u201c]?\s*"
)
#: Types whose names may be given an alias.
_NAMED_TYPES = ("Person", "Organization", "Force")


def join_minted_twice(lex: Lexicon, genitives: GenitiveBodies, state: ResolveState, kept: list[Mention]) -> None:
    """Once the article is read, join the entities minted twice for one: a person's short name
    before the full one (``kg.early_names``), a body's short, genitive or headless name
    (``kg.short_names``), a name and its alias."""
    join_early_short_names(state, kept, lex.gazetteer, UNNAMED_KEYS)
    join_short_names(lex, state, kept)
    join_genitive_short_names(lex, genitives, state, kept)
    join_headless_names(lex, state, kept)
    join_leaderships(lex, state, kept)
    join_aliases(state, kept, lex.gazetteer)


def join_aliases(state: ResolveState, kept: list[Mention], known: Collection[str]) -> None:
    """Make one entity of each name and the alias written after it. The alias becomes the
    first name's, unless only the alias is a known one (``known``: the gazetteer's keys)."""
    text = state.article.text
    named = sorted((m for m in kept if m.entity and m.type in _NAMED_TYPES), key=lambda m: (m.start, -m.end))
    for first, alias in zip(named, named[1:], strict=False):
        if first.type != alias.type or first.entity == alias.entity or alias.start < first.end:
            continue
        if not _ALIAS_GAP_RE.fullmatch(fold(text[first.end : alias.start])):
            continue
        only_alias_known = alias.entity in known and first.entity not in known
        old, new = (first.entity, alias.entity) if only_alias_known else (alias.entity, first.entity)
        if old in known or old not in state.entities or new not in state.entities:
            continue  # two known entities stay two: the gazetteer knows them apart
        move_entity(state, kept, old, new)
