"""A matching view of an article text that still answers in ``Article.text`` offsets.

Reporting verbs, dates and relation patterns are matched on a folded copy of the text
(diacritics U+064B-U+065F, superscript alef U+0670 and tatweel U+0640 dropped; hamza-carrying
alefs U+0622/U+0623/U+0625/U+0671 written as bare alef U+0627), so "اوضح" and "أوضحَ" are the
same word. ``FoldedText`` keeps the offset map both ways, and finds the sentence and quotation
boundaries every statement and relation rule needs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from camel_tools.utils.normalize import normalize_alef_ar

from kg import resources
from kg.model import Article, Mention

_DROPPED = frozenset(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640])
_DROPPED_RE = re.compile("[" + "".join(sorted(_DROPPED)) + "]+")

#: Quotation marks that open and close a quotation.
_PAIRED_QUOTES = {"\u201c": "\u201d", "\u00ab": "\u00bb"}
#: Marks that open and close alike; paired in order within one paragraph.
_SYMMETRIC_QUOTES = '"\u201d'
_QUOTE_MARKS = "".join(_PAIRED_QUOTES) + "".join(_PAIRED_QUOTES.values()) + _SYMMETRIC_QUOTES
_QUOTE_OR_LINE_RE = re.compile("[\n" + re.escape(_QUOTE_MARKS) + "]")
#: Any quotation mark: a quotation opens only at one (``FoldedText.quote_opening``).
QUOTE_MARK_RE = re.compile("[" + re.escape(_QUOTE_MARKS) + "]")

_SENTENCE_END_RE = re.compile(r"[.!?\u061f](?=\s|$)|\n\s*\n")
_LINE_END_RE = re.compile(r"\n")
_WORDS_RE = re.compile(r"\S+")
#: A line of at least this many words that stops without punctuation was wrapped by the
#: scraper mid-sentence ("قال البيان" / "مؤكدا على أن ..."), so its newline is not a boundary.
_WRAPPED_LINE_WORDS = 6


def trie_regex(words: Iterable[str]) -> str:
    """One regex alternation of literal ``words`` factored by common prefixes, longest first.

    Python's ``re`` tries every branch of a flat alternation at every position; a trie lets it
    reject a position after its first letter (the cue and noun patterns: 30x faster). It matches
    what the flat alternation of the words longest first matches, tried in the same order: the
    words that match at one position are prefixes of each other, and a longer one is tried first.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items(), reverse=True) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return emit(trie)


def strip_marks(text: str) -> str:
    """Drop the marks no matching reads: diacritics U+064B-U+065F, superscript alef U+0670, tatweel U+0640."""
    return _DROPPED_RE.sub("", text)


def fold(text: str) -> str:
    """Fold a string for matching: drop the marks (``strip_marks``), write hamza alefs as bare
    alef (camel-tools' ``normalize_alef_ar``). ``kg.text.fold``, the lexicon's key, starts here."""
    return normalize_alef_ar(strip_marks(text))


def words_pattern(name: str, label: str | None = None) -> str:
    """A regex group matching any word of a ``kg/data`` word list (those with ``label``), folded
    as ``fold`` folds the text it is matched against (``resources.alternation``)."""
    return resources.alternation(name, label, fold)


def bounded_re(name: str, label: str | None = None) -> re.Pattern[str]:
    """A word of a ``kg/data`` word list standing as a whole word."""
    return re.compile(rf"(?<!\w){words_pattern(name, label)}(?!\w)")


@dataclass
class FoldedText:
    """``text`` folded for matching, with maps between folded and original offsets."""

    text: str
    folded: str = field(init=False)
    _origin: list[int] = field(init=False, repr=False)  #: folded index -> original index

    def __post_init__(self) -> None:
        # the kept stretches between runs of dropped characters, each mapped in one step
        origin: list[int] = []
        kept_from = 0
        for run in _DROPPED_RE.finditer(self.text):
            origin.extend(range(kept_from, run.start()))
            kept_from = run.end()
        origin.extend(range(kept_from, len(self.text) + 1))
        self.folded = fold(self.text)
        self._origin = origin

    # The quotations and sentence ends are found on first use: the date grammar folds every
    # short line of a page's header and footer, and reads neither.

    @cached_property
    def _quotes(self) -> list[tuple[int, int]]:
        """Folded (open, close) offsets of the quotations."""
        return _find_quotes(self.folded)

    @cached_property
    def _openings(self) -> dict[int, tuple[int, int]]:
        """The quotations by their opening mark (asked at every character the content rules read)."""
        return {span[0]: span for span in self._quotes}

    @cached_property
    def _ends(self) -> list[int]:
        """Folded sentence-end offsets."""
        return self._find_sentence_ends()

    def original(self, index: int) -> int:
        """The ``text`` offset of a folded offset (an end offset maps to just after its char)."""
        return self._origin[index]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The ``text`` span of a folded span (with the diacritics of its last letter), trimmed of
        surrounding whitespace."""
        begin, stop = self._origin[start], self._origin[end] if end > start else self._origin[start]
        while begin < stop and self.text[begin].isspace():
            begin += 1
        while stop > begin and self.text[stop - 1].isspace():
            stop -= 1
        return begin, stop

    def folded_index(self, original: int) -> int:
        """The folded offset of a ``text`` offset (a dropped char maps to the next kept one)."""
        return bisect.bisect_left(self._origin, original)

    def quote_at(self, index: int) -> tuple[int, int] | None:
        """The (open, close) folded offsets of the quotation enclosing ``index``, if any."""
        pos = bisect.bisect_right(self._quotes, (index, len(self.folded) + 1)) - 1
        if pos >= 0 and self._quotes[pos][0] < index < self._quotes[pos][1]:
            return self._quotes[pos]
        return None

    def quote_opening(self, index: int) -> tuple[int, int] | None:
        """The quotation whose opening mark sits at folded ``index``, if any."""
        return self._openings.get(index)

    def quote_closing(self, index: int) -> tuple[int, int] | None:
        """The quotation whose closing mark sits at folded ``index``, if any."""
        for span in self._quotes:
            if span[1] == index:
                return span
        return None

    def sentence_end(self, index: int) -> int:
        """Folded offset of the mark that ends the sentence holding ``index`` (quotations do not
        end it; the mark belongs to its sentence)."""
        pos = bisect.bisect_left(self._ends, index)
        return self._ends[pos] if pos < len(self._ends) else len(self.folded)

    def sentence_start(self, index: int) -> int:
        """Folded offset where the sentence holding ``index`` starts."""
        pos = bisect.bisect_left(self._ends, index) - 1
        start = self._ends[pos] + 1 if pos >= 0 else 0
        while start < index and self.folded[start].isspace():
            start += 1
        return start

    def _find_sentence_ends(self) -> list[int]:
        ends = {m.start() for m in _SENTENCE_END_RE.finditer(self.folded) if not self.quote_at(m.start())}
        for m in _LINE_END_RE.finditer(self.folded):
            line_start = self.folded.rfind("\n", 0, m.start()) + 1
            line = self.folded[line_start : m.start()].rstrip()
            wrapped = line[-1:].isalpha() and len(_WORDS_RE.findall(line)) >= _WRAPPED_LINE_WORDS
            if not wrapped:
                ends.add(m.start())
        return sorted(ends)


def _find_quotes(folded: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotations, each kept within one paragraph."""
    spans = []
    opened: int | None = None
    closer = ""
    for m in _QUOTE_OR_LINE_RE.finditer(folded):  # only the marks and line ends: text is long
        index, ch = m.start(), m.group()
        if ch == "\n":
            opened = None
        elif opened is None:
            if ch in _PAIRED_QUOTES:
                opened, closer = index, _PAIRED_QUOTES[ch]
            elif ch in _SYMMETRIC_QUOTES:
                opened, closer = index, ch
        elif ch == closer or (closer in _SYMMETRIC_QUOTES and ch in _SYMMETRIC_QUOTES):
            spans.append((opened, index))
            opened = None
    return spans


def typed_mentions(article: Article, types: frozenset[str] | None = None) -> list[Mention]:
    """The article's resolved mentions in text order, each typed as its entity (a mention
    found as "Government" names a Country); only those of ``types`` when given."""
    return [_typed(mention, kind) for kind, mention in _entity_types(article, types)]


def _typed(mention: Mention, kind: str) -> Mention:
    # what dataclasses.replace(mention, type=kind) makes, without its checks (tens of thousands a batch)
    return Mention(kind, mention.text, mention.start, mention.end, mention.entity, mention.source, mention.role)


def _entity_types(article: Article, types: frozenset[str] | None = None) -> list[tuple[str, Mention]]:
    """(entity type, mention) of the article's resolved mentions in text order, uncopied."""
    entities = article.entities
    found = [(entities[m.entity].type, m) for m in article.mentions if m.entity in entities]
    if types is not None:
        found = [pair for pair in found if pair[0] in types]
    return sorted(found, key=lambda pair: (pair[1].start, -pair[1].end))


def principal_countries(article: Article) -> list[str]:
    """The two countries the article mentions most ("the two countries", "both sides")."""
    counts: dict[str, int] = {}
    for kind, mention in _entity_types(article):
        if kind == "Country":
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
    return sorted(counts, key=lambda k: -counts[k])[:2]


def main_dialogue(article: Article) -> str | None:
    """The key of the dialogue the article mentions most (the first one on a tie), if any."""
    counts: dict[str, int] = {}
    for kind, mention in _entity_types(article):
        if kind == "Dialogue":
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


class MentionSpans:
    """An article's resolved mentions in folded offsets, sorted by start, with range lookups
    (the stages look up the mentions near each cue or event, so lookups must not scan all)."""

    def __init__(self, article: Article, ft: FoldedText, types: frozenset[str] | None = None) -> None:
        self.items = [(ft.folded_index(m.start), ft.folded_index(m.end), m) for m in typed_mentions(article, types)]
        self._starts = [item[0] for item in self.items]

    def __iter__(self):
        return iter(self.items)

    def within(self, start: int, stop: int) -> list[tuple[int, int, Mention]]:
        """The mentions that start in [start, stop), as (folded start, folded end, mention)."""
        return self.items[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, stop)]
