"""Mention detection on real newswire the extractor was never tuned for: ANERcorp's test split.

Usage: .venv/bin/python -m benchmarks.ner [--sentences-per-article N]

The test sentences are grouped into articles of ``N`` consecutive sentences and passed through
the mentions and resolve stages (no cleaning: the corpus has no boilerplate). Each mention is
mapped to the corpus tokens it overlaps and scored at entity level against the gold BIO spans:
a prediction counts only when its tokens and its class are exactly the gold entity's.
Person -> PERS; Country and Place -> LOC; Organization and Force -> ORG; dialogues and
agreements are not named entities in ANERcorp (its MISC) and are left out, as are mentions
that refer without naming (a role alone, "المسؤول", an unnamed official).

The baseline, computed in the same run, is a lookup tagger built from ``train.txt``: every
token sequence tagged as an entity there is tagged with its most frequent class in the test
text (longest match first). It shows what memorising the training names alone reaches.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable

from benchmarks.data import anercorp_sentences
from kg import mentions, resolve
from kg.model import Article
from kg.tagger import join_tokens, spans_of

CLASSES = ("PERS", "LOC", "ORG")
CLASS_OF_TYPE = {"Person": "PERS", "Country": "LOC", "Place": "LOC", "Organization": "ORG", "Force": "ORG"}
#: Mentions that refer without naming (a role, "the official", an unnamed source): no named entity.
UNNAMED_SOURCES = frozenset({"role", "unnamed", "back-reference", "weak"})
#: Phrases headed by a common noun (وزارة الدفاع، الحكومة العراقية، القوات الأمريكية): entities of
#: the graph, but ANERcorp's guidelines tag names only (its train split has الحكومة 101 times,
#: القوات 46 and وزارة 33, never as ORG), so the "names" figures leave them out.
DESCRIPTIVE_SOURCES = frozenset({"head-noun", "dual"})

Span = tuple[int, int, str]  #: first token, one past the last token, class


def gold_spans(tags: list[str]) -> set[Span]:
    """PERS/LOC/ORG spans of a BIO tag sequence (an I- without its B- opens an entity, as conlleval does)."""
    return {(first, last + 1, kind) for first, last, kind in spans_of(tags) if kind in CLASSES}


def articles(size: int) -> Iterable[tuple[list[str], list[str]]]:
    """The test split as (tokens, tags) of ``size`` consecutive sentences each."""
    sentences = anercorp_sentences(("test.txt",))
    for first in range(0, len(sentences), size):
        tokens = [pair for _, pairs in sentences[first : first + size] for pair in pairs]
        yield [token for token, _ in tokens], [tag for _, tag in tokens]


def predicted_spans(tokens: list[str]) -> tuple[set[Span], set[Span]]:
    """The extractor's mentions of one article as token spans with their ANERcorp class: all of
    them, and the names alone (no phrase headed by a common noun: ``DESCRIPTIVE_SOURCES``)."""
    text, offsets = join_tokens(tokens)
    article = resolve.resolve_entities(mentions.find_mentions(Article(source="anercorp", text=text)))
    every, names = set(), set()
    for mention in article.mentions:
        kind = CLASS_OF_TYPE.get(mention.type)
        covered = [i for i, (start, end) in enumerate(offsets) if start < mention.end and mention.start < end]
        if kind and covered and mention.source not in UNNAMED_SOURCES:
            span = (covered[0], covered[-1] + 1, kind)
            every.add(span)
            if mention.source not in DESCRIPTIVE_SOURCES:
                names.add(span)
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
    gold, every, names, baseline, offset = set(), set(), set(), set(), 0
    for tokens, tags in articles(args.sentences_per_article):
        gold |= _shifted(gold_spans(tags), offset)
        found_every, found_names = predicted_spans(tokens)
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
