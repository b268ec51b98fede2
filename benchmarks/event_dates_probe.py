"""Probe of event dates on unlabelled articles: each dialogue and agreement with the dates it was
given, its sentence and the date expressions read there, to read what the date rules give and to
compare two versions of them.

    python -m benchmarks.event_dates_probe DIR [--limit N] [--save FILE] [--against FILE]

Prints, for each dialogue and agreement, its dates (a dialogue's start and end, an agreement's
year), the page's date, the sentence of its first mention with each date expression in it marked
``[words=value]``. ``--save`` writes every event's dates to FILE (JSON); ``--against`` prints
only the events whose dates differ from those FILE holds, and counts gains (a date where there was
none), losses and changes. No gold is needed: the lines are for reading, not for scoring.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from benchmarks.probe_files import probe_articles, probe_parser
from kg import dates
from kg.model import Article, Entity

_EVENT_TYPES = ("Dialogue", "Agreement")
#: A sentence is printed up to this many characters.
_SENTENCE_CHARS = 400


def event_dates(entity: Entity) -> str:
    """An event's dates as one string: "start..end" for a dialogue, the year of an agreement."""
    if entity.type == "Agreement":
        return entity.date or "-"
    return f"{entity.start_date or '-'}..{entity.end_date or '-'}"


def marked_sentence(article: Article, entity: Entity) -> str:
    """The sentence of the event's first mention, each date expression in it marked with its value."""
    mention = next((m for m in article.mentions if m.entity == entity.key), None)
    if mention is None:
        return ""
    text = article.text
    start = max(text.rfind(".", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
    ends = [e for e in (text.find(".", mention.end), text.find("\n", mention.end)) if e >= 0]
    end = min(ends) if ends else len(text)
    spans = [s for s in dates.find_dates(text, article.published) if start <= s.start < end]
    out, at = [], start
    for span in spans:
        out.append(text[at : span.start])
        value = span.value + (f"..{span.until}" if span.until else "") if span.value else "?"
        out.append(f"[{text[span.start : span.end]}={value}]")
        at = span.end
    out.append(text[at:end])
    return "".join(out).strip()[:_SENTENCE_CHARS]


def main(argv: list[str] | None = None) -> int:
    parser = probe_parser(__doc__.splitlines()[0], "unused")
    parser.add_argument("--save", type=Path, help="write every event's dates to this JSON file")
    parser.add_argument("--against", type=Path, help="print only events whose dates differ from this JSON file")
    args = parser.parse_args(argv)
    before = json.loads(args.against.read_text(encoding="utf-8")) if args.against else None
    saved: dict[str, str] = {}
    totals: Counter = Counter()
    for path, articles in probe_articles(args.directory, args.limit):
        for article in articles:
            for entity in sorted(article.entities.values(), key=lambda e: e.key):
                if entity.type not in _EVENT_TYPES:
                    continue
                key = f"{path.name}|{entity.type}|{entity.label_ar}"
                value = event_dates(entity)
                saved[key] = value
                totals[entity.type] += 1
                totals[entity.type + " dated"] += value not in ("-", "-..-")
                if before is not None:
                    old = before.get(key)
                    if old == value:
                        continue
                    kind = "new event" if old is None else "gain" if old in ("-", "-..-") else "change"
                    kind = "loss" if value in ("-", "-..-") and old is not None else kind
                    totals[kind] += 1
                    print(f"## {kind}: {path.name} {entity.type} {entity.label_ar}: {old} -> {value}")
                else:
                    print(f"## {path.name} published={article.published} {entity.type} {entity.label_ar}: {value}")
                print("   ", marked_sentence(article, entity))
    if args.save:
        args.save.write_text(json.dumps(saved, ensure_ascii=False, indent=0), encoding="utf-8")
    print("# " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
