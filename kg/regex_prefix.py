"""The first characters a regular expression can match, as a look-ahead that rejects fast.

Python's ``re`` tries every branch of a large alternation at each position it starts from; a
grammar of many rules, each opening with optional words, costs that at every word of a text
although few words can open any rule. ``prefix_lookahead`` reads a pattern's parse tree and
writes the set of character sequences (up to a few characters) any match can begin with, as a
trie of literal branches (``(?=\\d|\\u0627(?:\\u0644...)|...)``), which ``re`` tests a character
at a time. The set is a superset of what the pattern can begin with: look-arounds and anchors
are passed over as if absent and a backreference stands for any characters, so a pattern
preceded by its look-ahead matches exactly what it matched alone, only sooner rejected.

The parse tree is read from ``re._parser`` and ``re._constants``, private modules: Python's
standard library has no public API to a pattern's parse (``sre_parse``, the old name, is the same
module behind a deprecation warning, and ``re.compile`` keeps no tree), and writing a second
regular-expression parser would be the larger risk. ``tests/test_regex_prefix.py`` pins every
name used here, so a Python that moves them fails there, loudly, not in the dates stage.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse

_ANY = r"[\s\S]"  # a character of any kind: what a backreference may hold
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

Prefix = tuple[str, ...]  #: one regex fragment per character; shorter than asked when a match can end there


def _char(c: int) -> str:
    return re.escape(chr(c))


def _charset(items: list) -> str:
    """The ``[...]`` class of an ``IN`` node's items."""
    parts = []
    for op, av in items:
        if op is sre.NEGATE:
            parts.insert(0, "^")
        elif op is sre.LITERAL:
            parts.append(_char(av))
        elif op is sre.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY:
            parts.append(_CATEGORIES[av])
        else:
            raise ValueError(f"no prefix for the class item {op}")
    return "[" + "".join(parts) + "]"


def _node(op: object, av: object, k: int) -> set[Prefix]:
    """The prefixes, up to ``k`` characters, of one parse-tree node."""
    if op is sre.LITERAL:
        return {(_char(av),)}
    if op is sre.NOT_LITERAL:
        return {(f"[^{_char(av)}]",)}
    if op is sre.IN:
        return {(_charset(av),)}
    if op is sre.ANY:
        return {(r"[^\n]",)}
    if op in _ZERO_WIDTH:
        return {()}
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        if add_flags or del_flags:
            raise ValueError("no prefix under inline flags")
        return _sequence(items, k)
    if op is sre.BRANCH:
        return set().union(*(_sequence(items, k) for items in av[1]))
    if op in _REPEATS:
        low, high, items = av
        # k repetitions or more begin with at least k characters, or with fewer when each may be empty
        return set().union(*(_sequence(list(items) * n, k) for n in range(min(low, k), min(high, k) + 1)))
    if op is sre.GROUPREF:
        return {(_ANY,) * n for n in range(k + 1)}
    raise ValueError(f"no prefix for {op}")


def _sequence(items: list, k: int) -> set[Prefix]:
    """The prefixes, up to ``k`` characters, of a sequence of parse-tree nodes."""
    open_, done = {()}, set()
    for op, av in items:
        grown = set()
        for prefix in open_:
            for more in _node(op, av, k - len(prefix)):
                (done if len(prefix) + len(more) == k else grown).add(prefix + more)
        open_ = grown
        if not open_:
            break
    return open_ | done


def _trie(prefixes: set[Prefix]) -> str:
    """The alternation of ``prefixes`` with common first fragments written once."""
    if () in prefixes:
        return ""  # a match may end here: nothing more to require
    branches: dict[str, set[Prefix]] = {}
    for prefix in prefixes:
        branches.setdefault(prefix[0], set()).add(prefix[1:])
    parts = [
        first + (f"(?:{rest})" if "|" in (rest := _trie(tails)) else rest) for first, tails in sorted(branches.items())
    ]
    return "|".join(parts)


def prefix_lookahead(pattern: str, k: int = 3) -> str:
    """A look-ahead ``(?=...)`` that holds wherever ``pattern`` could start a match, testing up
    to ``k`` characters; ``""`` when the pattern can match the empty string (nothing to test).

    Raises:
        ValueError: the pattern uses a construct this reading does not know (flags that change
            what a character matches, conditional groups).
    """
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.DOTALL | re.ASCII):
        raise ValueError("no prefix under global flags")
    prefixes = _sequence(list(parsed), k)
    if () in prefixes:
        return ""
    return f"(?={_trie(prefixes)})"
