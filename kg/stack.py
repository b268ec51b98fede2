"""Threads with a stack deep enough for Oxigraph's parser and evaluator.

Oxigraph parses SPARQL by recursive descent and evaluates the resulting trees recursively, in
native code on the calling thread's stack. A query of a few tens of kilobytes can nest deeper than
the 8 MiB a thread gets by default: 10,000 nested brackets, or 20,000 ``!``, ``+`` or ``UNION`` in a
row, overflow it and the process dies with SIGSEGV (no exception can be caught). The guard refuses
bracket nesting past ``kg.guard.MAX_NESTING`` and queries with more than
``kg.guard.MAX_OPERATORS`` punctuation characters; what it lets through must still fit the stack,
so every thread that parses or evaluates SPARQL is started here. Measured with pyoxigraph 0.5:
the deepest constructs take under 3.5 KiB of stack per level, so 512 MiB holds about 150,000
levels. The stack is reserved address space: a thread commits only the pages it touches.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import TypeVar

#: Stack size of the threads that parse and evaluate SPARQL.
DEEP_STACK_BYTES = 512 << 20

_T = TypeVar("_T")
# threading.stack_size is process-wide: hold it only while one thread starts.
_SIZE_LOCK = threading.Lock()


def start_thread(target: Callable[..., object], *args: object, name: str, daemon: bool = True) -> threading.Thread:
    """Start ``target(*args)`` on a new thread with a ``DEEP_STACK_BYTES`` stack."""
    thread = threading.Thread(target=target, args=args, name=name, daemon=daemon)
    with _SIZE_LOCK:
        previous = threading.stack_size(DEEP_STACK_BYTES)
        try:
            thread.start()
        finally:
            threading.stack_size(previous)
    return thread


def call(func: Callable[..., _T], *args: object) -> _T:
    """``func(*args)`` run on a deep-stack thread, its result or exception handed back."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = func(*args)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread below
            # pyoxigraph's results may only be dropped on the thread that made them: free the
            # traceback's locals here, keeping the traceback itself for ISNAD_DEBUG.
            _clear_frames(exc)
            outcome["error"] = exc

    start_thread(run, name="isnad-deep-stack", daemon=False).join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _clear_frames(exc: BaseException | None) -> None:
    """Clear the locals of every frame in ``exc``'s traceback and in those of its causes and contexts."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__
