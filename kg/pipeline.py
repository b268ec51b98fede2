"""The extraction pipeline: text in, enriched ``Article`` objects out.

Segmentation (``kg.clean.split_articles``) turns one source text into its main article (an
article glued on after it is dropped); the article then passes through the ``Pipeline``'s stages
in order. A stage is a callable that takes an ``Article`` and returns it enriched, and declares
what it requires and assigns, checked when the pipeline is built (spaCy's pipeline components).
The first stage reads the text once into the article document (``kg.document``) every later
stage reads; the stages are built once per process from the lexicon (``default_pipeline``).

Extraction is bounded: a source text over ``MAX_TEXT_CHARS`` is refused, and one that takes
longer than ``TIME_LIMIT`` seconds is stopped and reported, so no input can hang a build.
"""

from __future__ import annotations

import gc
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from kg import clean
from kg.errors import ExtractionError, InputError
from kg.model import Article

#: Most characters one source text may have: a news article is tens of thousands; a file
#: this big is a dump of many, and would take minutes.
MAX_TEXT_CHARS = 2_000_000
#: Most seconds the extraction of one source text may take before it is stopped.
TIME_LIMIT = 60.0
_UNSERIALISABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The collector's threshold for its youngest generation while the pipeline extracts (Python's
#: default is 700 new objects): an article makes and drops tens of thousands of small objects,
#: and at 700 enough of them outlive a young collection to set off full collections, each
#: traversing the lexicon, the stages' tables and the word caches again (50 ms and growing as the
#: caches fill). At 10,000 the young ones mostly die before a collection: over 600 fresh ANT
#: articles the collector's time went 0.69 -> 0.11 ms per article (no full collection left).
YOUNG_GC_THRESHOLD = 10_000
#: What an article holds before any stage runs (``clean.split_articles`` fills it).
GIVEN = frozenset({"text", "title", "published"})


@dataclass(frozen=True)
class Stage:
    """One pipeline stage: a callable that takes an ``Article`` and returns it enriched, with
    what it reads of the article and what it writes (spaCy's ``requires``/``assigns``)."""

    name: str
    run: Callable[[Article], Article]
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()


class Pipeline:
    """The stages in order, checked when built: each reads only what an earlier stage assigned."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        """Raises:
        ValueError: a stage requires what no stage before it assigns, or two stages share a name.
        """
        self.stages = tuple(stages)
        available, names = set(GIVEN), set()
        for stage in self.stages:
            if stage.name in names:
                raise ValueError(f"Two pipeline stages are named '{stage.name}'.")
            names.add(stage.name)
            if missing := sorted(stage.requires - available):
                raise ValueError(
                    f"Stage '{stage.name}' requires {', '.join(missing)}, which no stage before it assigns."
                )
            available |= stage.assigns

    @classmethod
    def from_lexicon(cls) -> Pipeline:
        """The extraction pipeline, its stages built once from the language resources of ``kg/data``."""
        # Imported here: the stages load camel-tools and the tagger, which only extraction needs.
        from kg import document, events, mentions, relations, resolve, statements
        from kg.lexicon import lexicon

        lex = lexicon()
        return cls(
            [
                Stage("document", document.make_document, frozenset({"text", "published"}), frozenset({"document"})),
                Stage("mentions", mentions.MentionStage(lex), frozenset({"document"}), frozenset({"mentions"})),
                Stage(
                    "resolve",
                    resolve.Resolver(lex),
                    frozenset({"document", "mentions"}),
                    frozenset({"entities", "mentions.entity"}),
                ),
                # relations before statements: "the two sides" of a joint statement are the dialogue's participants
                Stage(
                    "relations",
                    relations.RelationFinder.from_resources(),
                    frozenset({"document", "mentions.entity", "entities"}),
                    frozenset({"relations"}),
                ),
                # agreements known by a description take their keys from the parties relations found
                Stage(
                    "identify",
                    events.EventIdentifier(lex),
                    frozenset({"entities", "relations"}),
                    frozenset({"event keys"}),
                ),
                Stage(
                    "statements",
                    statements.StatementFinder.from_resources(),
                    frozenset({"document", "mentions.entity", "entities", "relations", "event keys"}),
                    frozenset({"statements"}),
                ),
            ]
        )

    def stage(self, name: str) -> Callable[[Article], Article]:
        """The stage called ``name``.

        Raises:
            KeyError: no stage has that name.
        """
        for stage in self.stages:
            if stage.name == name:
                return stage.run
        raise KeyError(f"No pipeline stage '{name}'; the stages are {', '.join(s.name for s in self.stages)}.")

    def __call__(self, article: Article, disable: Iterable[str] = (), deadline: float | None = None) -> Article:
        """Run every enabled stage over one article.

        Args:
            article: the article to enrich.
            disable: names of stages to skip.
            deadline: a ``time.monotonic()`` value; past it, no further stage starts.

        Raises:
            ExtractionError: a stage failed, returned something other than an Article, or the
                deadline passed; the message names the stage.
        """
        skipped = set(disable)
        for stage in self.stages:
            if stage.name in skipped:
                continue
            try:
                if deadline is not None and time.monotonic() > deadline:
                    raise _TimeUp
                result = stage.run(article)
            except _TimeUp:
                raise ExtractionError(
                    f"{article.source}: extraction ran out of time in stage '{stage.name}'; the article is skipped."
                ) from None
            except Exception as exc:  # a stage bug must not take the whole batch down
                raise ExtractionError(f"stage '{stage.name}' failed on {article.source}: {exc}") from exc
            if not isinstance(result, Article):
                raise ExtractionError(f"stage '{stage.name}' returned {type(result).__name__}, not Article")
            article = result
        return article


@cache
def default_pipeline() -> Pipeline:
    """The process's pipeline, built on first use (workers each build their own); the process's
    collector then runs its young collections less often (``collect_young_less_often``)."""
    collect_young_less_often()
    return Pipeline.from_lexicon()


def collect_young_less_often() -> None:
    """Raise the collector's threshold for its youngest generation to ``YOUNG_GC_THRESHOLD``,
    unless the process set it higher or turned collection off (0)."""
    young, older, oldest = gc.get_threshold()
    if 0 < young < YOUNG_GC_THRESHOLD:
        gc.set_threshold(YOUNG_GC_THRESHOLD, older, oldest)


class _TimeUp(BaseException):
    """The time limit ran out (a BaseException, so no stage's ``except Exception`` swallows it)."""


@contextmanager
def time_limit(source: str, seconds: float | None = None) -> Iterator[float]:
    """Stop the block after ``seconds`` (default ``TIME_LIMIT``); yields the deadline.

    A SIGALRM timer stops even a regex stuck backtracking (``re`` checks for signals while it
    matches) or a parser gone quadratic. Signals reach only the main thread, so elsewhere (a
    server thread) only the deadline between stages holds; a timer already armed (an enclosing
    ``time_limit``) is left to govern.

    Raises:
        ExtractionError: the time ran out; the message names ``source``.
    """
    seconds = TIME_LIMIT if seconds is None else seconds
    armable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    previous = None

    def interrupt(signum: int, frame: object) -> None:
        raise _TimeUp

    if armable:
        previous = signal.signal(signal.SIGALRM, interrupt)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield time.monotonic() + seconds
    except _TimeUp:
        raise ExtractionError(f"{source}: extraction took over {seconds:g} s; the article is skipped.") from None
    finally:
        if armable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def extract(text: str, source: str, disable: Iterable[str] = ()) -> list[Article]:
    """Split a source text into articles and run the stages over each, within ``TIME_LIMIT``.

    Characters no RDF serialisation can carry (C0 controls but tab and newlines, U+FFFE,
    U+FFFF; RDF/XML is XML 1.0) are dropped first, so offsets index the text as stored.

    Raises:
        InputError: the text is longer than ``MAX_TEXT_CHARS``.
        ExtractionError: a stage failed or the time limit ran out.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"{source}: {len(text):,} characters is too long for one article (the limit is {MAX_TEXT_CHARS:,}); "
            "split the file."
        )
    text = _UNSERIALISABLE_RE.sub("", text)
    with time_limit(source) as deadline:
        pipeline = default_pipeline()
        return [pipeline(article, disable, deadline) for article in clean.split_articles(text, source)]
