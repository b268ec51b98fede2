"""How often the relations stage leaves an event with fewer than two sides, on articles nobody tuned for.

Usage: .venv/bin/python -m benchmarks.relations_probe DIR [--show N] [--kind Dialogue|Agreement]

Every ``.txt`` file of DIR goes through the whole pipeline in this process. The figures are
the dialogues with fewer than two participants, the agreements with fewer than two parties,
and the persons introduced by a title naming a country (a nisba in their role) with no
``affiliation``. No gold is needed, so it runs on unlabelled articles (``/tmp/antsample``,
``../shared/data/ant``): a rise in these counts after a change is a regression to read, a fall
is recall gained (read the ``--show`` examples to see it was not gained by a spurious side).
``--show N`` prints N events of each kind that fall short, with the sentence of each mention.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from kg import pipeline
from kg.errors import IsnadError
from kg.model import Article, Entity

_SIDES = {"Dialogue": "participants", "Agreement": "parties"}


def _sides(entity: Entity) -> list[str]:
    return getattr(entity, _SIDES[entity.type])


def _sentence(article: Article, start: int, end: int) -> str:
    """The line of ``article.text`` around a mention, the mention in brackets."""
    text = article.text
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right = min(x for x in (text.find(".", end), text.find("\n", end), len(text)) if x >= 0)
    return f"{text[left:start].strip()} [{text[start:end]}] {text[end:right].strip()}"


def probe(files: list[Path]) -> tuple[Counter, list[tuple[Article, Entity]]]:
    """Counts over the articles of ``files`` and the events that fall short.

    Returns:
        (counts by name, (article, event) of each dialogue or agreement with fewer than two sides).
    """
    counts: Counter = Counter()
    short = []
    for path in files:
        try:
            articles = pipeline.extract(path.read_text(encoding="utf-8"), path.name)
        except IsnadError:
            counts["failed files"] += 1
            continue
        for article in articles:
            counts["articles"] += 1
            for entity in article.entities.values():
                if entity.type in _SIDES:
                    counts[entity.type] += 1
                    if len(_sides(entity)) < 2:
                        counts[f"{entity.type} < 2 sides"] += 1
                        short.append((article, entity))
                elif entity.type == "Person" and entity.role:
                    counts["titled persons"] += 1
                    counts["titled persons affiliated"] += bool(entity.affiliation)
    return counts, short


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--show", type=int, default=0, help="events that fall short to print, of each kind")
    parser.add_argument("--kind", choices=sorted(_SIDES), help="print only this kind")
    args = parser.parse_args()
    counts, short = probe(sorted(args.dir.glob("*.txt")))
    for kind in _SIDES:
        total, few = counts[kind], counts[f"{kind} < 2 sides"]
        print(f"{kind}: {total}, with fewer than two {_SIDES[kind]}: {few} ({few / max(total, 1):.0%})")
    titled = counts["titled persons"]
    print(f"persons with a role: {titled}, with an affiliation: {counts['titled persons affiliated']}")
    print(f"articles: {counts['articles']}, files that failed: {counts['failed files']}")
    shown: Counter = Counter()
    for article, entity in short:
        if shown[entity.type] >= args.show or args.kind and entity.type != args.kind:
            continue
        shown[entity.type] += 1
        sides = [article.entities[k].label_ar for k in _sides(entity)]
        print(f"\n== {article.source}: {entity.type} {entity.label_ar!r} {_SIDES[entity.type]}={sides}")
        for mention in article.mentions:
            if mention.entity == entity.key:
                print("   ", _sentence(article, mention.start, mention.end))


if __name__ == "__main__":
    main()
