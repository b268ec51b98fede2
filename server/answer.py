"""A store request's answer on its way from the producer thread to the response.

The producer (a query or export running in the store) writes the answer into ``Answer``, a
bounded buffer with a header; the request thread waits on it with a deadline, holds back the
first part so that an early error still becomes an error response, and streams the rest with
back-pressure. ``Producers`` is the pool of threads the producers run on.
"""

from __future__ import annotations

import collections
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from kg import errors, stack


class Cancelled(Exception):
    """Raised in a producer's write once its consumer has given up on the answer."""


class Answer:
    """One request's answer as its producer writes it: a header, chunks, then the end or an error.

    The producer side (``start``, ``write``, ``finish``) is a binary file object for
    ``write_results`` and ``GraphStore.export``; the consumer side waits with deadlines.

    Args:
        limit: bytes buffered before the producer's ``write`` waits for the consumer.
    """

    def __init__(self, limit: int):
        self.limit = limit
        self.header: dict | None = None
        self.chunks: collections.deque[bytes] = collections.deque()
        self.buffered = 0
        self.error: errors.IsnadError | None = None
        self.finished = False
        self.cancelled = False
        #: Bytes buffered at which a waiting consumer can go on: the producer wakes it only then,
        #: not at every chunk (while the request thread waits for the first 4 MB or the end, a
        #: wake-up per chunk would be a trip through the GIL for nothing).
        self.ready_at = 1
        self._changed = threading.Condition()

    # -- the producer's side ------------------------------------------------------------------

    def start(self, header: dict) -> None:
        """Say what the answer is (media kind and format)."""
        with self._changed:
            self.header = header

    def write(self, data: bytes) -> int:
        """Add a chunk, waiting while the consumer is ``limit`` bytes behind.

        Raises:
            Cancelled: the consumer gave up; the producer should stop.
        """
        if not data:
            return 0
        with self._changed:
            while self.buffered >= self.limit and not self.cancelled:
                self._changed.wait()
            if self.cancelled:
                raise Cancelled
            self.chunks.append(bytes(data))
            self.buffered += len(data)
            if self.buffered >= self.ready_at:
                self._changed.notify_all()
        return len(data)

    def flush(self) -> None:
        """Nothing to do: chunks are handed on as they are written."""

    def finish(self, error: errors.IsnadError | None = None) -> None:
        """End the answer, completely or with ``error``."""
        with self._changed:
            self.error, self.finished = error, True
            self._changed.notify_all()

    # -- the consumer's side ------------------------------------------------------------------

    def hold(self, size: int, deadline: float) -> bool:
        """Wait until the answer is complete or more than ``size`` bytes of it are buffered.

        Returns:
            Whether the answer is complete.

        Raises:
            TimeoutError: neither happened before ``deadline`` (a ``time.monotonic`` value).
            IsnadError: the answer failed.
        """
        with self._changed:
            self.ready_at = size + 1
            while not self.finished and not (self.header is not None and self.chunks and self.buffered > size):
                self._wait(deadline)
            self.ready_at = 1
            if self.finished and self.error is not None:
                raise self.error
            return self.finished

    def take(self, deadline: float) -> bytes | None:
        """The next chunk, or None at the end.

        Raises:
            TimeoutError: nothing came before ``deadline``.
            IsnadError: the answer failed.
        """
        with self._changed:
            while not self.chunks and not self.finished:
                self._wait(deadline)
            if self.chunks:
                chunk = self.chunks.popleft()
                self.buffered -= len(chunk)
                self._changed.notify_all()
                return chunk
            if self.error is not None:
                raise self.error
            return None

    def cancel(self) -> None:
        """Give up on the answer: the producer's next write raises ``Cancelled``."""
        with self._changed:
            self.cancelled = True
            self._changed.notify_all()

    def _wait(self, deadline: float) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        self._changed.wait(remaining)


class Producers:
    """Threads that run producers: an idle one takes the next job, a new one starts when none is.

    Daemon threads, because one stuck in a query must not hold up the exit of a retired process.
    """

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[Callable[..., None], tuple]] = queue.SimpleQueue()
        self._idle = 0
        self._lock = threading.Lock()

    def submit(self, job: Callable[..., None], *args: object) -> None:
        """Run ``job(*args)`` on a producer thread."""
        with self._lock:
            start = self._idle == 0
            if not start:
                self._idle -= 1
        if start:
            stack.start_thread(self._serve, name="isnad-producer")
        self._jobs.put((job, args))

    def _serve(self) -> None:
        while True:
            job, args = self._jobs.get()
            job(*args)
            with self._lock:
                self._idle += 1


@dataclass
class Reply:
    """A store answer: its header and the body chunks (a list when complete, else a stream)."""

    header: dict
    body: list[bytes] | Iterator[bytes] = field(default_factory=list)
