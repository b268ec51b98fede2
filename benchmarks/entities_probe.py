"""Probe of the entity rules on unlabelled articles: which actors each article becomes, by type
and by the rule that found them, and totals to compare before and after a change.

    python -m benchmarks.entities_probe DIR [--list FILE] [--limit N]

Prints one line of totals per type (entities, and how many the gazetteer knows) and one of
entities by the source of their first mention. ``--list`` writes one line per entity
(article, type, first source, key, labels) to FILE: two lists made before and after a change
``diff`` to the entities it adds, drops or merges, for reading against the text. No gold is
needed: the figures are for reading, not for scoring.
"""

from __future__ import annotations

import sys
from collections import Counter

from benchmarks.probe_files import probe_articles, probe_parser
from kg.model import Article

#: The actor types this probe reads; events and forces have their own (``benchmarks.events_probe``).
_ACTORS = ("Person", "Organization", "Country", "Place")


def entity_lines(article: Article, totals: Counter) -> list[str]:
    """Count an article's actors into ``totals`` and describe each on one line."""
    first_source: dict[str, str] = {}
    for mention in sorted(article.mentions, key=lambda m: m.start):
        if mention.entity:
            first_source.setdefault(mention.entity, str(mention.source))
    lines = []
    for key, entity in sorted(article.entities.items(), key=lambda item: (item[1].type, item[0])):
        if entity.type not in _ACTORS:
            continue
        source = first_source.get(key, "none")
        totals[entity.type] += 1
        totals[f"source {source}"] += 1
        labels = " | ".join((entity.label_ar, *entity.alt_labels))
        lines.append(f"{article.source}\t{entity.type}\t{source}\t{key}\t{labels}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the probe over a directory of article files."""
    parser = probe_parser(__doc__.splitlines()[0], "write one line per entity to this file")
    args = parser.parse_args(argv)
    totals: Counter = Counter()
    lines: list[str] = []
    for _path, articles in probe_articles(args.directory, args.limit):
        totals["articles"] += 1
        for article in articles:
            lines.extend(entity_lines(article, totals))
    if args.list:
        args.list.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("  ".join(f"{key}={totals[key]}" for key in ("articles", *_ACTORS)))
    sources = sorted(key for key in totals if key.startswith("source "))
    print("  ".join(f"{key.removeprefix('source ')}={totals[key]}" for key in sources))
    return 0


if __name__ == "__main__":
    sys.exit(main())
