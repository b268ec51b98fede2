"""Mention detection on real newswire the extractor was never tuned for: ANERcorp's test split.

Usage: .venv/bin/python -m benchmarks.ner [--sentences-per-article N]

The test sentences are grouped into articles of ``N`` consecutive sentences and passed through
the mentions and resolve stages (no cleaning: the corpus has no boilerplate). Each mention is
mapped to the corpus tokens it overlaps and scored at entity level against the gold BIO spans:
a prediction counts only when its tokens and its class are exactly the gold entity's.
Person -> PERS; Country and Place -> LOC; Organization and Force -> ORG; dialogues and
agreements are not named entities in ANERcorp (its MISC) and are left out, as are mentions
that refer without naming (a role alone, "المسؤول", an unnamed official).

Phrases headed by a common noun (``head-noun``, ``dual``: البنك المركزي، مدينة هانوفر، الحكومة
العراقية) are entities of the graph, but ANERcorp tags some heads with their phrase (بنك، منظمة،
اتحاد), some only for the name after them (مدينة [هانوفر]، إقليم [كشمير]، صحيفة [ديلي تلغراف])
and most not at all (its train split has الحكومة 101 times, never inside a name). The "names"
column scores each head by its convention, learnt from how the train split tags the
extractor's phrases with that head: the whole phrase, the words after the head, or none.
"All mentions" scores every phrase whole.

The baseline, computed in the same run, is a lookup tagger built from ``train.txt``: every
token sequence tagged as an entity there is tagged with its most frequent class in the test
text (longest match first). It shows what memorising the training names alone reaches.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks.data import anercorp_sentences
from kg import lexicon, mentions, resolve
from kg.model import Article
from kg.tagger import join_tokens, spans_of
from kg.text import fold, strip_article, strip_clitics

CLASSES = ("PERS", "LOC", "ORG")
CLASS_OF_TYPE = {"Person": "PERS", "Country": "LOC", "Place": "LOC", "Organization": "ORG", "Force": "ORG"}
#: Mentions that refer without naming (a role, "the official", an unnamed source): no named entity.
UNNAMED_SOURCES = frozenset({"role", "unnamed", "back-reference", "weak"})
#: Mention sources of phrases headed by a common noun, scored by their head's convention.
DESCRIPTIVE_SOURCES = frozenset({"head-noun", "dual"})
#: A head's convention: the phrase is the name, the words after the head are, or none is.
WHOLE, AFTER_HEAD, NONE = "whole", "after-head", "none"

Span = tuple[int, int, str]  #: first token, one past the last token, class


def gold_spans(tags: list[str]) -> set[Span]:
    """PERS/LOC/ORG spans of a BIO tag sequence (an I- without its B- opens an entity, as conlleval does)."""
    return {(first, last + 1, kind) for first, last, kind in spans_of(tags) if kind in CLASSES}


def articles(size: int, split: str = "test.txt") -> Iterable[tuple[list[str], list[str]]]:
    """A split as (tokens, tags) of ``size`` consecutive sentences each."""
    sentences = anercorp_sentences((split,))
    for first in range(0, len(sentences), size):
        tokens = [pair for _, pairs in sentences[first : first + size] for pair in pairs]
        yield [token for token, _ in tokens], [tag for _, tag in tokens]


@dataclass
class Found:
    """One mention as corpus tokens: its span and class, and for a head-noun phrase its head."""

    span: Span
    head: str | None  #: the folded head noun of a descriptive phrase


def mention_spans(tokens: list[str]) -> list[Found]:
    """The extractor's mentions of one article as corpus-token spans with their ANERcorp class."""
    text, offsets = join_tokens(tokens)
    article = resolve.resolve_entities(mentions.find_mentions(Article(source="anercorp", text=text)))
    found = []
    for mention in article.mentions:
        kind = CLASS_OF_TYPE.get(mention.type)
        covered = [i for i, (start, end) in enumerate(offsets) if start < mention.end and mention.start < end]
        if kind and covered and mention.source not in UNNAMED_SOURCES:
            head = _head_noun(mention.text) if mention.source in DESCRIPTIVE_SOURCES else None
            found.append(Found((covered[0], covered[-1] + 1, kind), head))
    return found


def _head_noun(text: str) -> str:
    """The head noun opening a phrase, without its clitics and article (لمجلس الأمن: مجلس)."""
    readings = strip_clitics(fold(text.split()[0]))
    heads = lexicon.lexicon().heads
    return next((strip_article(s) for _, s in readings if strip_article(s) in heads), readings[0][1])


def head_conventions(size: int) -> dict[str, str]:
    """How the train split tags the extractor's phrases, per head noun: the majority of WHOLE
    (a gold name starts at the head), AFTER_HEAD (one starts inside the phrase, after the head)
    and NONE (no gold name in the phrase)."""
    counts: dict[str, Counter[str]] = {}
    for tokens, tags in articles(size, "train.txt"):
        gold = gold_spans(tags)
        for found in mention_spans(tokens):
            if found.head is None:
                continue
            first, end, _ = found.span
            starts = {a for a, _, _ in gold if first <= a < end}
            convention = WHOLE if first in starts else AFTER_HEAD if starts else NONE
            counts.setdefault(found.head, Counter())[convention] += 1
    return {head: tally.most_common(1)[0][0] for head, tally in counts.items()}


def predicted_spans(tokens: list[str], conventions: dict[str, str]) -> tuple[set[Span], set[Span]]:
    """The extractor's mentions of one article: all of them whole, and the names alone, a
    head-noun phrase as its head's convention has it (a head the train split never met: none)."""
    every, names = set(), set()
    for found in mention_spans(tokens):
        first, end, kind = found.span
        every.add(found.span)
        convention = WHOLE if found.head is None else conventions.get(found.head, NONE)
        if convention == WHOLE:
            names.add(found.span)
        elif convention == AFTER_HEAD and end - first > 1:
            names.add((first + 1, end, kind))
    return every, names


def lookup_tagger() -> tuple[dict[tuple[str, ...], str], int]:
    """Every entity token sequence of train.txt with its most frequent class, and the longest length."""
    seen: dict[tuple[str, ...], Counter[str]] = {}
    for _, pairs in anercorp_sentences(("train.txt",)):
        tags = [tag for _, tag in pairs]
        for start, end, kind in gold_spans(tags):
            seen.setdefault(tuple(token for token, _ in pairs[start:end]), Counter())[kind] += 1
    table = {name: counts.most_common(1)[0][0] for name, counts in seen.items()}
    return table, max(map(len, table), default=1)


def lookup_spans(tokens: list[str], table: dict[tuple[str, ...], str], longest: int) -> set[Span]:
    """Longest-match-first tagging of ``tokens`` with the lookup table."""
    spans, index = set(), 0
    while index < len(tokens):
        for length in range(min(longest, len(tokens) - index), 0, -1):
            kind = table.get(tuple(tokens[index : index + length]))
            if kind:
                spans.add((index, index + length, kind))
                index += length
                break
        else:
            index += 1
    return spans


def score(gold: set[Span], found: set[Span]) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 per class and over all three (key ``ALL``)."""
    result = {}
    for kind in (*CLASSES, "ALL"):
        g = {s for s in gold if kind in ("ALL", s[2])}
        f = {s for s in found if kind in ("ALL", s[2])}
        hits = len(g & f)
        precision = hits / len(f) if f else 0.0
        recall = hits / len(g) if g else 0.0
        result[kind] = (precision, recall, 2 * precision * recall / (precision + recall) if hits else 0.0)
    return result


def _shifted(spans: set[Span], offset: int) -> set[Span]:
    return {(first + offset, end + offset, kind) for first, end, kind in spans}


def main(argv: list[str] | None = None) -> int:
    """Print P/R/F1 per class for the extractor and the lookup baseline."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ner", description=__doc__.splitlines()[0])
    parser.add_argument("--sentences-per-article", type=int, default=10)
    args = parser.parse_args(argv)
    table, longest = lookup_tagger()
    conventions = head_conventions(args.sentences_per_article)
    gold, every, names, baseline, offset = set(), set(), set(), set(), 0
    for tokens, tags in articles(args.sentences_per_article):
        gold |= _shifted(gold_spans(tags), offset)
        found_every, found_names = predicted_spans(tokens, conventions)
        every |= _shifted(found_every, offset)
        names |= _shifted(found_names, offset)
        baseline |= _shifted(lookup_spans(tokens, table, longest), offset)
        offset += len(tokens)
    print(f"ANERcorp test.txt: {offset:,} tokens, {len(gold):,} PERS/LOC/ORG entities (exact span and class)")
    systems = {"Isnad, all mentions": every, "Isnad, names": names, "lookup baseline": baseline}
    print(f"{'':8}" + "".join(f"{name:>24}" for name in systems))
    print(f"{'':8}" + f"{'P     R    F1':>24}" * len(systems))
    scores = [score(gold, found) for found in systems.values()]
    for kind in (*CLASSES, "ALL"):
        print(f"{kind:8}" + "".join(f"{'  '.join(f'{v:.2f}' for v in s[kind]):>24}" for s in scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
