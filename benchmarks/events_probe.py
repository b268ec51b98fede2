"""Probe of the event and force rules on unlabelled articles: what dialogues, agreements and
forces each article becomes, and totals to compare before and after a change.

    python -m benchmarks.events_probe DIR [--list FILE] [--limit N]

Prints one line of totals: articles, dialogues, agreements, forces, forces with no owner,
forces with a strength, one-word events (a head noun alone names no event), and events that
share their head word and a place or a date word with another event of their article (a likely
duplicate: "قمة X" and "القمة ... في X"). ``--list`` writes each article's nodes to FILE for
reading against the text. No gold is needed: the figures are for reading, not for scoring.
"""

from __future__ import annotations

import sys
from collections import Counter

from benchmarks.probe_files import probe_articles, probe_parser
from kg.model import Article, Entity

_KINDS = ("Dialogue", "Agreement", "Force")


def describe(entity: Entity, article: Article) -> str:
    """One line for a node: its type, labels and relations, with the names of the related nodes."""

    def name(key: str) -> str:
        other = article.entities.get(key)
        return other.label_ar if other else key

    parts = [f"{entity.type:9} {entity.label_ar}"]
    if entity.alt_labels:
        parts.append("aka " + " | ".join(entity.alt_labels))
    for label, keys in (("with", entity.participants), ("parties", entity.parties), ("of", entity.affiliation)):
        if keys:
            parts.append(f"{label} " + ", ".join(name(k) for k in keys))
    if entity.strength is not None:
        parts.append(f"strength {entity.strength}")
    if entity.location:
        parts.append(f"at {name(entity.location)}")
    return "  ".join(parts)


def tally(article: Article, totals: Counter) -> list[Entity]:
    """Count an article's event and force nodes into ``totals``; returns them in label order."""
    nodes = sorted((e for e in article.entities.values() if e.type in _KINDS), key=lambda e: (e.type, e.label_ar))
    totals["articles"] += 1
    for entity in nodes:
        totals[entity.type] += 1
        if entity.type == "Force":
            totals["force without owner"] += not entity.affiliation
            totals["force with strength"] += entity.strength is not None
        elif len(entity.label_ar.split()) == 1:
            totals["one-word event"] += 1
    heads = Counter((e.type, e.label_ar.split()[0].removeprefix("ال")) for e in nodes if e.type != "Force")
    totals["events sharing a head"] += sum(n - 1 for n in heads.values())
    return nodes


def main(argv: list[str] | None = None) -> int:
    """Run the probe over a directory of article files."""
    parser = probe_parser(__doc__.splitlines()[0], "write each article's nodes to this file")
    args = parser.parse_args(argv)
    totals: Counter = Counter()
    lines: list[str] = []
    for path, articles in probe_articles(args.directory, args.limit):
        for article in articles:
            nodes = tally(article, totals)
            lines.append(f"== {path.name}")
            lines.extend("  " + describe(e, article) for e in nodes)
    if args.list:
        args.list.write_text("\n".join(lines) + "\n", encoding="utf-8")
    order = ("articles", *_KINDS, "force without owner", "force with strength", "one-word event")
    print("  ".join(f"{key}={totals[key]}" for key in (*order, "events sharing a head")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
