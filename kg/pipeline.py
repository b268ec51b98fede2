"""The extraction pipeline: text in, enriched ``Article`` objects out.

Segmentation (``kg.clean.split_articles``) turns one source text into the main article plus
any full article glued on after it; each then passes through ``STAGES`` in order. A stage is a
callable that takes an ``Article`` and returns it enriched (spaCy's pipeline components).

Extraction is bounded: a source text over ``MAX_TEXT_CHARS`` is refused, and one that takes
longer than ``TIME_LIMIT`` seconds is stopped and reported, so no input can hang a build.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from kg import clean, mentions, relations, resolve, statements
from kg.errors import ExtractionError, InputError
from kg.model import Article

Stage = Callable[[Article], Article]

#: Most characters one source text may have: a news article is tens of thousands; a file
#: this big is a dump of many, and would take minutes.
MAX_TEXT_CHARS = 2_000_000
#: Most seconds the extraction of one source text may take before it is stopped.
TIME_LIMIT = 60.0
_UNSERIALISABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: (name, stage) in the order they run. Later stages read what earlier ones wrote.
STAGES: list[tuple[str, Stage]] = [
    ("mentions", mentions.find_mentions),
    ("resolve", resolve.resolve_entities),
    # relations before statements: "the two sides" of a joint statement are the dialogue's participants
    ("relations", relations.find_relations),
    # agreements known by a description take their keys from the parties relations found
    ("identify", resolve.identify_events),
    ("statements", statements.find_statements),
]


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


def run(article: Article, disable: Iterable[str] = (), deadline: float | None = None) -> Article:
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
    for name, stage in STAGES:
        if name in skipped:
            continue
        try:
            if deadline is not None and time.monotonic() > deadline:
                raise _TimeUp
            result = stage(article)
        except _TimeUp:
            raise ExtractionError(
                f"{article.source}: extraction ran out of time in stage '{name}'; the article is skipped."
            ) from None
        except Exception as exc:  # a stage bug must not take the whole batch down
            raise ExtractionError(f"stage '{name}' failed on {article.source}: {exc}") from exc
        if not isinstance(result, Article):
            raise ExtractionError(f"stage '{name}' returned {type(result).__name__}, not Article")
        article = result
    return article


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
        return [run(article, disable, deadline) for article in clean.split_articles(text, source)]
