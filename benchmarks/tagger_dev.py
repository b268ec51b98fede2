"""Where the name tagger loses names, on a development fold cut from ANERcorp's train split.

Usage: .venv/bin/python -m benchmarks.tagger_dev [--c1 C1] [--c2 C2] [--iterations N] [--model FILE]

The last ``--dev-share`` of train.txt's sentences (15%) is the development fold (or that share
from ``--dev-at``: a second fold shows how much a difference is noise); a model is trained on
the other sentences (or ``--model`` is read) and scored on the fold three ways,
exact span and class as ``benchmarks.ner`` scores ANERcorp's test split:

- the CRF alone, Viterbi decoding (what ``NameTagger`` calls names);
- the CRF alone, posterior decoding: a word is in a name when its probability of no name is
  under a threshold, with its likeliest name label;
- the whole pipeline (mentions and resolve, names column of ``benchmarks.ner``), with this
  model in place of the shipped one, and where its missed gold PERS names went: found by the
  CRF (exactly, in part) but dropped by the rules, or never found by the CRF.

The test split is not read: tune on this fold, measure test once with ``benchmarks.ner``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from benchmarks import ner
from benchmarks.data import anercorp_sentences
from kg import tagger
from kg.lexicon import lexicon, tokenize
from kg.tagger import NameTagger, join_tokens, spans_of

Article = tuple[list[str], list[str]]  #: corpus tokens and their gold tags


def folds(
    dev_share: float, size: int, dev_at: float | None = None
) -> tuple[list[list[tuple[str, str]]], list[Article]]:
    """The training sentences around the fold, and the fold as articles of ``size`` sentences;
    the fold starts ``dev_at`` into the split (default: it is the split's end)."""
    sentences = [pairs for _, pairs in anercorp_sentences(("train.txt",))]
    start = int(len(sentences) * (1 - dev_share if dev_at is None else dev_at))
    stop = start + int(len(sentences) * dev_share)
    dev = sentences[start:stop]
    articles = []
    for first in range(0, len(dev), size):
        pairs = [pair for sentence in dev[first : first + size] for pair in sentence]
        articles.append(([t for t, _ in pairs], [g for _, g in pairs]))
    return sentences[:start] + sentences[stop:], articles


def train_model(sentences: list[list[tuple[str, str]]], model: Path, c1: float, c2: float, iterations: int) -> None:
    """Train a model on ``sentences`` as ``kg train-tagger`` does."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as conll:
        for sentence in sentences:
            conll.write("".join(f"{token} {tag}\n" for token, tag in sentence) + "\n")
    tagger.train([Path(conll.name)], model, iterations=iterations, l1=c1, l2=c2)
    Path(conll.name).unlink()


def crf_spans(
    model: NameTagger, tokens: list[str], thresholds: list[float]
) -> tuple[set[ner.Span], list[set[ner.Span]]]:
    """The CRF's names in one article as corpus-token spans: Viterbi's, and per threshold the
    posterior decoding's."""
    text, offsets = join_tokens(tokens)
    words = tokenize(text)
    crf = model._tagger
    labels = [label for label in crf.labels() if label != "O"]
    viterbi: list[str] = []
    posteriors: list[list[tuple[float, str]]] = []  #: per word, P(O) and its likeliest name label
    gaps = tagger.gaps_between(text, words)
    for sentence in tagger.sentences(gaps):
        first, stop = sentence.start, sentence.stop
        viterbi += crf.tag(model.featurize.rows(words[first:stop], gaps[first : stop - 1]))
        for i in range(stop - first):
            best = max(labels, key=lambda label, i=i: crf.marginal(label, i))
            posteriors.append((crf.marginal("O", i), best))
    decoded = [[best if p_out < t else "O" for p_out, best in posteriors] for t in thresholds]
    return _to_corpus(viterbi, words, offsets), [_to_corpus(tags, words, offsets) for tags in decoded]


def _to_corpus(tags: list[str], words: list, offsets: list[tuple[int, int]]) -> set[ner.Span]:
    found = set()
    for first, last, kind in spans_of(tags):
        start, end = words[first].start, words[last].end
        covered = [i for i, (a, b) in enumerate(offsets) if a < end and start < b]
        if covered and kind in ner.CLASSES:
            found.add((covered[0], covered[-1] + 1, kind))
    return found


def _shifted(articles: list[Article]) -> Iterator[tuple[int, Article]]:
    offset = 0
    for article in articles:
        yield offset, article
        offset += len(article[0])


def report(name: str, gold: set[ner.Span], found: set[ner.Span]) -> None:
    scores = ner.score(gold, found)
    cells = [f"{kind}: {'  '.join(f'{v:.3f}' for v in scores[kind])}" for kind in (*ner.CLASSES, "ALL")]
    print(f"{name:34}" + "   ".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tagger_dev", description=__doc__.splitlines()[0])
    parser.add_argument("--c1", type=float, default=0.2)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--dev-share", type=float, default=0.15)
    parser.add_argument("--dev-at", type=float, help="where the fold starts, a share of the split (default: its end)")
    parser.add_argument("--sentences-per-article", type=int, default=10)
    parser.add_argument("--model", type=Path, help="score this model (trained on the sentences before the fold)")
    parser.add_argument("--save", type=Path, help="keep the trained model here")
    parser.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7,0.8")
    parser.add_argument("--no-pipeline", action="store_true")
    parser.add_argument("--sure-name", type=float, default=tagger.SURE_NAME, help="the pipeline's SURE_NAME")
    args = parser.parse_args(argv)
    train_sentences, dev = folds(args.dev_share, args.sentences_per_article, args.dev_at)
    model_path = args.model or args.save or Path(tempfile.mkdtemp()) / "dev.crfsuite"
    if args.model is None:
        began = time.time()
        train_model(train_sentences, model_path, args.c1, args.c2, args.iterations)
        print(f"trained on {len(train_sentences):,} sentences in {time.time() - began:.0f} s: {model_path}")
    model = NameTagger(model_path, lexicon())
    thresholds = [float(t) for t in args.thresholds.split(",")]
    gold, viterbi, decoded = set(), set(), [set() for _ in thresholds]
    for offset, (tokens, tags) in _shifted(dev):
        gold |= ner._shifted(ner.gold_spans(tags), offset)
        found, per_threshold = crf_spans(model, tokens, thresholds)
        viterbi |= ner._shifted(found, offset)
        for into, spans in zip(decoded, per_threshold, strict=True):
            into |= ner._shifted(spans, offset)
    print(f"dev fold: {sum(len(t) for t, _ in dev):,} tokens, {len(gold):,} entities")
    report("CRF alone, Viterbi", gold, viterbi)
    for t, found in zip(thresholds, decoded, strict=True):
        report(f"CRF alone, P(O) < {t}", gold, found)
    if args.no_pipeline:
        return 0
    tagger.MODEL_FILE, tagger.SURE_NAME = model_path, args.sure_name
    tagger.name_tagger.cache_clear()
    conventions = ner.head_conventions(args.sentences_per_article)
    names = set()
    for offset, (tokens, _tags) in _shifted(dev):
        names |= ner._shifted(ner.predicted_spans(tokens, conventions)[1], offset)
    report("pipeline, names", gold, names)
    missed = Counter()
    for span in gold - names:
        if span[2] != "PERS":
            continue
        overlapping = [f for f in viterbi if f[2] == "PERS" and f[0] < span[1] and span[0] < f[1]]
        missed["CRF exact, pipeline lost" if span in viterbi else "CRF partial" if overlapping else "CRF none"] += 1
    print("missed gold PERS:", dict(missed), "of", sum(1 for s in gold if s[2] == "PERS"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
