"""Write articles of the ANT corpus (``../shared/data/ant/middle_east.jsonl.gz``) as ``.txt``
files: the title, a date line in Arabic built from the corpus's timestamp, then the body.

    python -m benchmarks.ant_articles OUT --gold DIR          # the article of each DIR/NAME.json
    python -m benchmarks.ant_articles OUT --ids ID [ID ...]
    python -m benchmarks.ant_articles OUT --sample N [--seed S] [--exclude DIR ...]

The hand-annotated ANT sets are gold files only (``NAME.json``, whose ``source`` names the
article's id); the corpus's text is not committed here, so ``--gold`` writes each ``NAME.txt``
beside its gold from the shared copy, byte for byte as the annotators read it. ``--sample`` draws
articles of 1,000-2,600 characters with at least two reporting cues and an event word, at most
a quarter from each outlet, leaving out the ids of the files in each ``--exclude`` folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path

from kg import resources

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ant" / "middle_east.jsonl.gz"
_ID_RE = re.compile(r"id (\S+)")
#: The selection the sets were drawn with (a fixed criterion of the sampler, not the extractor's
#: language data, so that a draw stays the same when the lexicon grows).
_CUE_RE = re.compile("قال|أعلن|أكد|بحسب|أوضح|أضاف")
_EVENT_RE = re.compile("محادثات|اجتماع|اتفاق|زيارة|لقاء|قوات|مفاوضات|قمة")
_LENGTHS = (1000, 2600)


def _first_per_id(name: str, label: str) -> dict[int, str]:
    """The first word the data gives for each number (months 1-12, weekdays 0-6)."""
    found: dict[int, str] = {}
    for record in resources.load(name):
        if record["label"] == label:
            found.setdefault(int(record["id"]), record["pattern"])
    return found


def article_text(record: dict) -> str:
    """One corpus record as the annotators read it: title, date line, body."""
    when = parsedate_to_datetime(record["time"])
    weekday = _first_per_id("date_words", "weekday")[when.weekday()]
    month = _first_per_id("months", "month")[when.month]
    return f"{record['title']}\n{weekday} {when.day} {month} {when.year}\n{record['text'].strip()}\n"


def records() -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def sample(corpus: list[dict], count: int, seed: int, excluded: set[str]) -> list[dict]:
    """``count`` articles with reporting cues and events, at most a quarter from each outlet."""
    pool = [
        r
        for r in corpus
        if r["id"] not in excluded
        and _LENGTHS[0] <= len(r["text"]) <= _LENGTHS[1]
        and len(_CUE_RE.findall(r["text"])) >= 2
        and _EVENT_RE.search(r["text"])
    ]
    random.Random(seed).shuffle(pool)
    per_outlet: dict[str, int] = {}
    chosen = []
    for record in pool:
        per_outlet[record["source"]] = per_outlet.get(record["source"], 0) + 1
        if per_outlet[record["source"]] <= max(1, count // 4):
            chosen.append(record)
    return chosen[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--gold", type=Path, help="write NAME.txt for each NAME.json of this folder")
    group.add_argument("--ids", nargs="+")
    group.add_argument("--sample", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[])
    args = parser.parse_args(argv)
    if not CORPUS.is_file():
        print(f"Error: {CORPUS}: no such file (the shared ANT corpus).", file=sys.stderr)
        return 1
    corpus = records()
    by_id = {r["id"]: r for r in corpus}
    if args.gold:
        names = {}
        for gold in sorted(args.gold.glob("*.json")):
            match = _ID_RE.search(json.loads(gold.read_text(encoding="utf-8")).get("source", ""))
            if match and match.group(1) in by_id:
                names[gold.stem] = by_id[match.group(1)]
        chosen = list(names.items())
    else:
        picked = [by_id[i] for i in args.ids if i in by_id] if args.ids else sample(
            corpus, args.sample, args.seed, {p.stem.removeprefix("ant_") for d in args.exclude for p in d.glob("*.txt")}
        )
        chosen = [(f"ant_{r['id']}", r) for r in picked]
    args.out.mkdir(parents=True, exist_ok=True)
    for name, record in chosen:
        (args.out / f"{name}.txt").write_text(article_text(record), encoding="utf-8")
    print(f"{len(chosen)} articles written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
