"""How many dialogues and agreements the extractor dates, and what cleaning drops, on unlabelled articles.

Usage: .venv/bin/python -m benchmarks.dates_probe DIR [--show 30] [--dropped] [--nameless]

For every article of DIR (one text file each, in process): the dialogues and agreements
extracted, how many carry a date (a dialogue's start date, an agreement's year), and how many
articles have a publication date. ``--show N`` prints N undated events with the sentence they were
found in and the article's date words, to read why no date was given. ``--dropped`` counts the
source lines cleaning kept and dropped and prints the dropped lines of paragraph length, so a lost
body paragraph shows. ``--nameless`` hides the file names from the extractor, so no publication date
is read from them: what the pages' own text dates.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from kg import clean, dates, pipeline
from kg.model import Article

_EVENT_TYPES = ("Dialogue", "Agreement")
#: A dropped line at least this many words long is printed by ``--dropped``: it may be a paragraph.
_LONG_LINE_WORDS = 15


def _event_date(entity: object) -> str | None:
    return getattr(entity, "start_date", None) or getattr(entity, "date", None)


def _sentence(text: str, mention_start: int) -> str:
    start = max(text.rfind(".", 0, mention_start), text.rfind("\n", 0, mention_start)) + 1
    ends = [e for e in (text.find(".", mention_start), text.find("\n", mention_start)) if e >= 0]
    return text[start : min(ends) if ends else len(text)].strip()


def probe(files: list[Path], show: int, nameless: bool = False) -> Counter:
    """Count events and their dates over ``files``; print up to ``show`` undated ones."""
    tally: Counter = Counter()
    shown = 0
    for path in files:
        try:
            articles = pipeline.extract(path.read_text(encoding="utf-8"), "article.txt" if nameless else path.name)
        except Exception as error:  # noqa: BLE001 - a probe reports and goes on
            tally["failed"] += 1
            print(f"# {path.name}: {error}")
            continue
        for article in articles:
            tally["articles"] += 1
            tally["published"] += article.published is not None
            for entity in article.entities.values():
                if entity.type not in _EVENT_TYPES:
                    continue
                tally[entity.type] += 1
                if _event_date(entity):
                    tally[f"{entity.type} dated"] += 1
                    continue
                if shown < show:
                    shown += 1
                    _show(article, entity)
    return tally


def _show(article: Article, entity: object) -> None:
    mention = next((m for m in article.mentions if m.entity == entity.key), None)
    found = [article.text[s.start : s.end] for s in dates.find_dates(article.text, article.published)]
    print(f"## {article.source} published={article.published} {entity.type}: {entity.label_ar}")
    if mention is not None:
        print("   ", _sentence(article.text, mention.start)[:300])
    print("    date words:", " | ".join(found[:8]) or "-")


def dropped(files: list[Path]) -> Counter:
    """Count the non-empty source lines kept and dropped by cleaning; print long dropped lines."""
    tally: Counter = Counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        article = clean.split_articles(text, path.name)[0]
        kept = set(article.text.split("\n"))
        lines = [line.strip() for line in text.splitlines()[1:] if line.strip()]
        for line in lines:
            # a first paragraph keeps its text without its credited dateline ("دبي (CNN)-- ")
            if line in kept or any(k and line.endswith(k) for k in kept):
                tally["kept"] += 1
                continue
            tally["dropped"] += 1
            if len(line.split()) >= _LONG_LINE_WORDS:
                tally["dropped long"] += 1
                print(f"- {path.name}: {line[:200]}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print this many undated events")
    parser.add_argument("--dropped", action="store_true", help="count the lines cleaning drops")
    parser.add_argument("--nameless", action="store_true", help="read no date from the file names")
    args = parser.parse_args()
    files = sorted(p for p in args.dir.iterdir() if p.is_file())
    if args.dropped:
        tally = dropped(files)
        print(f"lines kept {tally['kept']}, dropped {tally['dropped']} ({tally['dropped long']} of paragraph length)")
        return
    tally = probe(files, args.show, args.nameless)
    print(
        f"articles {tally['articles']} (published date {tally['published']}, failed {tally['failed']}); "
        + "; ".join(f"{t} {tally[t]}, dated {tally[t + ' dated']}" for t in _EVENT_TYPES)
    )


if __name__ == "__main__":
    main()
