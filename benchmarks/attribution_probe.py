"""Attribution on unlabelled articles: the sentences with a reporting cue that made no statement.

Usage: .venv/bin/python -m benchmarks.attribution_probe [DIR] [--show 5] [--sample 30 --seed 1]

Every article of DIR (default ``/tmp/antsample``; any directory of ``.txt`` articles, such as
``../shared/data/ant``) goes through the extraction pipeline in this process. A sentence that
holds a reporting cue (a reporting verb in any person, a participle, بحسب/وفقاً لـ/نقلاً عن, a
verbal noun, "قوله") but neither makes a statement nor lies inside one's content is a miss; the
misses are grouped by the construction around the cue (what stands right after it, or before
it), so the largest groups are the constructions to fix first. A statement is "suspect" when its
verb has a written noun right after it but the speaker came from elsewhere (a continuation):
the syntax gives a speaker the rules did not take. No gold is needed; the figures are an upper
bound on misses (some cues are no report: "أعلن الحداد"), read with ``--show`` to judge them.
``--sample`` prints random statements with their speakers for a hand check of precision.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.cues import COMPLEMENTISER_RE, Cue, CueLexicon, statement_words
from kg.document import document
from kg.errors import IsnadError
from kg.model import Article
from kg.pipeline import default_pipeline, extract
from kg.statements import StatementFinder


@dataclass
class Miss:
    """One sentence with a cue and no statement."""

    source: str
    group: str
    sentence: str


def construction(article: Article, cue: Cue, lexicon: CueLexicon) -> str:
    """A coarse name for the construction around a cue: its kind, and what follows it."""
    ft = document(article).folded
    text = ft.folded
    sentence = ft.sentence_start(cue.start)
    before = text[sentence : cue.start].split()
    if ft.quote_at(cue.start):
        return f"{cue.form.kind}: inside a quotation"
    after = text[cue.end : ft.sentence_end(cue.start)].split()
    first = after[0].strip('\u060c,:"\u00ab\u201c') if after else ""
    if not first:
        return f"{cue.form.kind}: closes its sentence"
    if COMPLEMENTISER_RE.fullmatch(first) or text[cue.end : cue.end + 3].lstrip()[:1] in ':"\u00ab\u201c':
        where = "opens its sentence" if not before else "after words"
        return f"{cue.form.kind}: no subject, {where}"
    starts = {int(ft.folded_index(m.start)) for m in article.mentions if m.entity}
    at = text.find(first, cue.end)
    if at in starts:
        entity = next(m for m in article.mentions if m.entity and ft.folded_index(m.start) == at)
        return f"{cue.form.kind}: {entity.type} mention after"
    head = first[2:] if first.startswith(statement_words("article")[0]) else first
    if head in lexicon.speaker_heads:
        return f"{cue.form.kind}: speaker head after ({'definite' if head != first else 'bare'})"
    if first.startswith(statement_words("article")[0]):
        return f"{cue.form.kind}: unknown definite noun after"
    if before and not cue.prefixed:
        return f"{cue.form.kind}: after words, bare word after"
    return f"{cue.form.kind}: bare word after"


def probe(article: Article, finder: StatementFinder) -> tuple[int, list[tuple[str, str]], int, list[int]]:
    """(cue sentences, misses as (group, sentence), statements, indices of suspect statements)."""
    ft = document(article).folded
    lexicon = finder.lexicon
    cues = finder.cues(article)
    said = [
        (ft.folded_index(s.cue_start), ft.folded_index(s.content_start), ft.folded_index(s.content_end))
        for s in article.statements
    ]
    sentences: dict[int, Cue] = {}
    for cue in cues:
        sentences.setdefault(ft.sentence_start(cue.start), cue)
    misses = []
    for start, cue in sentences.items():
        end = ft.sentence_end(start)
        covered = any(start <= c <= end or cs <= cue.start < ce for c, cs, ce in said)
        if not covered:
            line = article.text[ft.original(start) : ft.original(end)].replace("\n", " ")
            misses.append((construction(article, cue, lexicon), line))
    suspects = []
    forms = {c.start: c for c in cues}
    for index, s in enumerate(article.statements):
        cue = forms.get(ft.folded_index(s.cue_start))
        if cue is None or cue.form.kind != "verb" or s.speaker_start is not None:
            continue
        group = construction(article, cue, lexicon)
        if "after" in group and "no subject" not in group:
            suspects.append(index)
    return len(sentences), misses, len(article.statements), suspects


def main(argv: list[str] | None = None) -> int:
    """Probe every article of a directory and print the figures and the largest groups."""
    parser = argparse.ArgumentParser(prog="attribution_probe", description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default="/tmp/antsample", type=Path)
    parser.add_argument("--show", type=int, default=3, help="Example sentences printed per group.")
    parser.add_argument("--sample", type=int, default=0, help="Random statements printed for a hand check.")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    files = sorted(args.directory.glob("*.txt"))
    if not files:
        print(f"Error: no .txt articles in {args.directory}.", file=sys.stderr)
        return 1
    finder = default_pipeline().stage("statements")
    cue_sentences = statements = 0
    groups: dict[str, list[Miss]] = defaultdict(list)
    suspects: list[str] = []
    sample: list[str] = []
    for path in files:
        try:
            articles = extract(path.read_text(encoding="utf-8"), path.name)
        except IsnadError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            continue
        for article in articles:
            count, misses, made, suspect = probe(article, finder)
            cue_sentences += count
            statements += made
            for group, line in misses:
                groups[group].append(Miss(path.name, group, line))
            for index, s in enumerate(article.statements):
                speakers = " + ".join(article.entities[k].label_ar for k in s.speakers)
                row = f"{path.name}: [{s.cue}] {speakers} <- {s.content[:90]}"
                sample.append(row)
                if index in suspect:
                    around = article.text[s.cue_start : s.cue_start + 60].replace("\n", " ")
                    suspects.append(f"{row}\n      at: {around}")
    missed = sum(len(m) for m in groups.values())
    print(f"articles {len(files)}  cue sentences {cue_sentences}  statements {statements}")
    print(f"cue sentences with no statement {missed} ({missed / max(cue_sentences, 1):.0%})")
    print(f"statements whose verb has a noun after it but a speaker from elsewhere {len(suspects)}")
    for group, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n{len(items):4d}  {group}")
        for miss in items[: args.show]:
            print(f"      {miss.source}: {miss.sentence[:220]}")
    if args.show and suspects:
        print("\nsuspect statements:")
        for row in suspects[: args.show * 3]:
            print(f"  {row}")
    if args.sample:
        print(f"\n{args.sample} random statements (seed {args.seed}):")
        for row in random.Random(args.seed).sample(sample, min(args.sample, len(sample))):
            print(f"  {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
