"""Token patterns over the article document: the relation triggers (holds, visits, signs, leads, meets).

spaCy's ``Matcher`` is the model: a pattern is data, a record of ``kg/data/relation_triggers.jsonl``
with a ``label`` (what the words signal: ``visit``, ``hold``, ``sign`` ...) and a list of
``tokens``, each a spec one word of the text must meet:

- ``{"words": ["بقيادة", "برئاسة"]}``: the word is one of these (folded as the tokens are);
- ``{"lexicon": "speaker_nouns", "label": "collective"}``: the word is one of a word list of
  ``kg/data`` (those with that label), so the list stays in one file;
- ``{"verbs": "holding_verbs", "label": "hold"}``: the word is a form of a verb of that lexicon
  (records with that label, or any label), inflected by rule (``inflect``); with ``"number":
  "dual"``, only the forms of that number;
- ``"clitics": "وف"``: the proclitic letters the word may carry (default: none); a verb always
  may carry و/ف;
- ``"op": "?"``: the word may be missing.

A verb lexicon (``holding_verbs``, ``agreement_verbs``, ``relation_verbs``) holds one record per
verb with its past (3rd person masculine) ``pattern`` and ``present`` stem, and the written forms
are generated as the reporting verbs' are (``kg.cues.expand_forms``): past + ت/ا/تا/وا, ي/ت +
present (+ ان/ون), and the future with س; an irregular verb lists its ``forms``, and a record
with ``"pos": "word"`` is one word as written (التزامه). A match is found over the document's
tokens and their clitic readings (``kg.lexicon.tokenize``) and answers in ``Article.text`` offsets;
``Triggers`` holds one article's matches in the folded-text offsets the relation rules read.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from kg import resources
from kg.cues import expand_forms
from kg.errors import InputError
from kg.text import fold, strip_clitics

if TYPE_CHECKING:
    from kg.document import Document
    from kg.lexicon import Token
    from kg.spans import FoldedText

#: The future particle written on a present verb: ستعقد، سيزور.
_FUTURE = "\u0633"
_CONJUNCTIONS = "\u0648\u0641"
_PRESENT_PREFIXES = ("\u064a", "\u062a")


def inflect(record: dict) -> list[str]:
    """Every folded written form of one verb-lexicon record (see the module docstring)."""
    if record.get("pos") == "word":
        return [fold(record["pattern"])]
    forms = [fold(form) for form in expand_forms({**record, "label": "verb"})]
    past = fold(record["pattern"])[:2]  # a past that starts as a present does: تلقى، توصل
    future = [_FUTURE + form for form in forms if form.startswith(_PRESENT_PREFIXES) and not form.startswith(past)]
    return list(dict.fromkeys(forms + future))


@cache
def verb_forms(name: str, label: str | None = None, number: str | None = None) -> dict[str, dict]:
    """Folded form -> record, for the verbs of a lexicon resource (those with ``label``), only
    the forms of one ``number`` (m, f, dual, plural: ``verb_inflection.jsonl``) when given."""
    forms: dict[str, dict] = {}
    for record in resources.load(name):
        if label is None or record["label"] == label:
            numbered = expand_forms({**record, "label": "verb"}) if number else {}
            for form in inflect(record):
                if number is None or form in numbered and numbered[form].number == number:
                    forms.setdefault(form, record)
    return forms


@dataclass(frozen=True)
class TokenSpec:
    """What one word of a pattern must be."""

    forms: dict[str, dict]  #: folded form -> the lexicon record it comes from ({} for a listed word)
    clitics: str  #: proclitic letters it may carry
    optional: bool

    @classmethod
    def from_record(cls, spec: dict, where: str) -> TokenSpec:
        """A spec from its JSON object; ``where`` names the record in errors.

        Raises:
            InputError: the spec names neither ``words`` nor ``verbs``.
        """
        if "verbs" in spec:
            forms, clitics = verb_forms(spec["verbs"], spec.get("label"), spec.get("number")), _CONJUNCTIONS
        elif "lexicon" in spec:
            forms, clitics = {fold(w): {} for w in resources.words(spec["lexicon"], spec.get("label"))}, ""
        elif "words" in spec:
            forms, clitics = {fold(w): {} for w in spec["words"]}, ""
        else:
            raise InputError(f"{where}: a token spec needs 'words', 'lexicon' or 'verbs'.")
        return cls(forms, spec.get("clitics", clitics), spec.get("op") == "?")

    def reading(self, token: Token) -> str | None:
        """The form of ``token`` this spec accepts (a clitic reading), else None."""
        for _length, stem in token.readings:
            if stem in self.forms and set(_prefix(token.folded, stem)) <= set(self.clitics):
                return stem
        return None


def _prefix(folded: str, stem: str) -> str:
    """The proclitics before ``stem`` in ``folded`` (لل before a stem that got its ال back)."""
    cut = len(folded) - len(stem)
    return folded[:cut] if folded.endswith(stem) else folded[: cut + 1]


@dataclass(frozen=True)
class Match:
    """One pattern found: its label, the id of the verb or pattern, and its ``Article.text`` span."""

    label: str
    id: str
    start: int
    end: int
    first: int  #: token index of the first word matched
    last: int  #: token index after the last


@dataclass(frozen=True, eq=False)
class Pattern:
    """One pattern record: what it signals, its id, and a spec for each word."""

    label: str
    id: str
    tokens: tuple[TokenSpec, ...]


class Matcher:
    """Every pattern of a resource, matched over a document's tokens."""

    def __init__(self, records: Iterable[dict], name: str = "patterns") -> None:
        """Raises:
        InputError: a record has no ``tokens`` list, or one of its specs is malformed.
        """
        self.patterns: list[Pattern] = []
        for number, record in enumerate(records, start=1):
            where = f"{name} record {number}"
            if not isinstance(record.get("tokens"), list) or not record["tokens"]:
                raise InputError(f"{where}: a pattern needs a non-empty 'tokens' list.")
            specs = tuple(TokenSpec.from_record(spec, where) for spec in record["tokens"])
            self.patterns.append(Pattern(record["label"], record.get("id", ""), specs))
        #: The patterns a word may open, by the folded forms of their first word (a pattern whose
        #: first word is optional may open at any word): each word is looked up, not matched
        #: against every pattern.
        self._by_first: dict[str, list[Pattern]] = {}
        self._anywhere = [p for p in self.patterns if p.tokens[0].optional]
        self._order = {p: n for n, p in enumerate(self.patterns)}
        for pattern in self.patterns:
            if not pattern.tokens[0].optional:
                for form in pattern.tokens[0].forms:
                    self._by_first.setdefault(form, []).append(pattern)

        #: the patterns a word may open, in file order, by its folded form (words recur)
        self._candidates = lru_cache(maxsize=1 << 16)(self._opened_by)

    def _opened_by(self, folded: str) -> tuple[Pattern, ...]:
        # the stems of a token's clitic readings (``Token.readings``)
        stems = [stem for _n, stem in strip_clitics(folded)]
        candidates = [p for stem in stems if stem in self._by_first for p in self._by_first[stem]]
        candidates += self._anywhere
        if len(candidates) > 1:  # each pattern once, in file order
            candidates = sorted(set(candidates), key=self._order.__getitem__)
        return tuple(candidates)

    @classmethod
    def from_resource(cls, name: str = "relation_triggers") -> Matcher:
        """The matcher of one pattern resource of ``kg/data``."""
        return cls(resources.load(name), name)

    def __call__(self, tokens: Sequence[Token], opening: Iterable[int] | None = None) -> list[Match]:
        """Every match in text order (at each word, each pattern's longest match); ``opening``:
        the indexes, in order, of the only tokens a pattern may open at, when the caller knows them."""
        found = []
        for index in range(len(tokens)) if opening is None else opening:
            for pattern in self._candidates(tokens[index].folded):
                if match := self._match_at(pattern, tokens, index):
                    found.append(match)
        return found

    def find(self, doc: Document) -> list[Match]:
        """Every match in an article document, looked for only at the tokens reading one of the
        patterns' first words (``Document.tokens_reading``, which also gives tokens reading one
        without its article: ``_candidates`` has no pattern for those), unless a pattern may open
        at any word."""
        return self(doc.tokens, None if self._anywhere else doc.tokens_reading(self._by_first.keys()))

    @staticmethod
    def _match_at(pattern: Pattern, tokens: Sequence[Token], index: int) -> Match | None:
        position, verb = index, ""
        for spec in pattern.tokens:
            form = spec.reading(tokens[position]) if position < len(tokens) else None
            if form is None:
                if spec.optional:
                    continue
                return None
            verb = verb or spec.forms[form].get("id", "")
            position += 1
        if position == index:  # only optional words, none there
            return None
        return Match(pattern.label, pattern.id or verb, tokens[index].start, tokens[position - 1].end, index, position)


class Triggers:
    """An article's matches, in the offsets of its folded text (``kg.spans.FoldedText``), with range lookups."""

    def __init__(self, matches: list[Match], ft: FoldedText) -> None:
        self.items = sorted(
            ((ft.folded_index(m.start), ft.folded_index(m.end), m) for m in matches), key=lambda t: t[:2]
        )
        self._starts = [item[0] for item in self.items]

    def find(self, labels: tuple[str, ...], start: int = 0, stop: int | None = None) -> list[tuple[int, int, Match]]:
        """The triggers with one of ``labels`` that start in [start, stop), as (start, end, match)."""
        last = len(self.items) if stop is None else bisect.bisect_left(self._starts, stop)
        return [t for t in self.items[bisect.bisect_left(self._starts, start) : last] if t[2].label in labels]
