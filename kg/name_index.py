"""Whole-word finding of a set of names in a folded text, with the clitics a name may carry
(``kg.actors``: an article's actors and the gazetteer's, in the stretches the relation rules read)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg import resources
from kg.mentions.words import AND, ARTICLE, BY, FOR, FOR_THE
from kg.spans import fold

#: The conjunctions a name may carry, folded, as one character class.
CONJUNCTIONS = "".join(resources.words("affixes", "conjunction", fold))
#: The proclitics a name may carry: a conjunction or preposition, و with one, the article after them.
_PROCLITICS = rf"(?:[{CONJUNCTIONS}{BY}{FOR}]|{AND}{BY}|{AND}{FOR}|{FOR_THE}|{AND}{ARTICLE}|{BY}{ARTICLE}|{ARTICLE})"


class NameIndex:
    """Whole-word finder for a set of names, with the article clitics (و، ب، ل، لل) allowed.

    Each search compiles a pattern of just the names whose words all occur in the stretch
    searched: an article's own index is used on a few short phrases, and one pattern of all its
    names cost 5-6 ms to compile per article (``re`` parses patterns in Python), a tenth of the
    extraction. A name missing from the stretch cannot match there, so the answer is the same.
    The pattern of a set of names is made once per process (``_names_regex``).
    """

    def __init__(self, names: dict[str, set[str]]) -> None:
        #: (words, values) of each name, longest first: the pattern prefers the longest name.
        longest_first = sorted(names, key=len, reverse=True)
        self._names = [
            (tuple(name.split()), names[name]) for name in longest_first if len(name) >= 3 and not name.isspace()
        ]
        #: The names by a letter pair of their longest word, which the stretch must hold for the
        #: name to be in it: a few names are tried per search instead of every one. The pair is
        #: the one fewest longest words share (most begin with the article's two letters).
        self._by_pair: dict[str, list[int]] = {}
        #: The longest word of each name: a stretch without it holds no other word of the name either.
        self._longest = [max(words, key=len) for words, _values in self._names]
        pairs = [{word[i : i + 2] for i in range(len(word) - 1)} or {word} for word in self._longest]
        shared = Counter(pair for word_pairs in pairs for pair in word_pairs)
        for index, word_pairs in enumerate(pairs):
            self._by_pair.setdefault(min(sorted(word_pairs), key=shared.__getitem__), []).append(index)

    def _regex(self, stretch: str) -> tuple[re.Pattern[str] | None, list[int]]:
        """The pattern of the names whose words all occur in ``stretch`` (None when none do),
        and their indexes in ``self._names`` by the pattern's group numbers."""
        longest, by_pair = self._longest, self._by_pair
        if len(by_pair) <= len(stretch):  # an article's few names: each pair looked for in the stretch
            keys = [key for key in by_pair if key in stretch]
        else:  # the stretch's letter pairs and letters, looked up among the many
            keys = ({stretch[i : i + 2] for i in range(len(stretch))} | set(stretch)) & by_pair.keys()
        chosen = [
            index
            for index in sorted(i for key in keys for i in by_pair[key] if longest[i] in stretch)
            if all(w in stretch for w in self._names[index][0])
        ]
        return (_names_regex(tuple(self._names[index][0] for index in chosen)) if chosen else None), chosen

    def find(self, text: str, start: int, stop: int, skip: str = "") -> list[tuple[int, set[str]]]:
        """(offset, values) of every name found in text[start:stop]; a name whose only value is
        ``skip`` (the entity being read) is looked inside, so "قوات التحالف الدولي" yields
        "التحالف الدولي"."""
        regex, chosen = self._regex(text[start:stop])
        found: list[tuple[int, set[str]]] = []
        pos = start
        while regex is not None and (m := regex.search(text, pos, stop)):
            values = self._names[chosen[int(m.lastgroup[1:])]][1]
            if values == {skip}:
                pos = m.start() + 1
                continue
            found.append((m.start(), values))
            pos = m.end()
        return found


@lru_cache(maxsize=4096)
def _names_regex(names: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """Any of ``names`` (each its words) as a whole word, the first that matches winning; group
    ``n<i>`` is ``names[i]``. Made once per process for each set of names: the names a stretch
    holds recur across articles (a state, a president), and ``re`` parses a pattern in Python."""
    parts = []
    for position, words in enumerate(names):
        joined = r"\s+".join(rf"(?:{ARTICLE}|{FOR_THE})?{re.escape(w)}" for w in words)
        parts.append(rf"(?P<n{position}>{joined})")
    return re.compile(rf"(?<!\w){_PROCLITICS}?(?:{'|'.join(parts)})(?!\w)")
