"""The extraction pipeline: text in, enriched ``Article`` objects out.

Segmentation (``kg.clean.split_articles``) turns one source text into the main article plus
any full article glued on after it; each then passes through ``STAGES`` in order. A stage is a
callable that takes an ``Article`` and returns it enriched (spaCy's pipeline components).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg import clean, relations, statements
from kg.errors import ExtractionError
from kg.model import Article

Stage = Callable[[Article], Article]

#: (name, stage) in the order they run. Later stages read what earlier ones wrote.
STAGES: list[tuple[str, Stage]] = [
    # relations before statements: "the two sides" of a joint statement are the dialogue's participants
    ("relations", relations.find_relations),
    ("statements", statements.find_statements),
]


def run(article: Article, disable: Iterable[str] = ()) -> Article:
    """Run every enabled stage over one article.

    Raises:
        ExtractionError: a stage failed or returned something other than an Article; the
            message names the stage.
    """
    skipped = set(disable)
    for name, stage in STAGES:
        if name in skipped:
            continue
        try:
            result = stage(article)
        except Exception as exc:  # a stage bug must not take the whole batch down
            raise ExtractionError(f"stage '{name}' failed on {article.source}: {exc}") from exc
        if not isinstance(result, Article):
            raise ExtractionError(f"stage '{name}' returned {type(result).__name__}, not Article")
        article = result
    return article


def extract(text: str, source: str, disable: Iterable[str] = ()) -> list[Article]:
    """Split a source text into articles and run the stages over each."""
    return [run(article, disable) for article in clean.split_articles(text, source)]
