"""A store request's answer on its way from the producer thread to the response.

The producer (a query or export running in the store) writes the answer into ``Answer``, a
bounded buffer with a header; the request thread waits on it with a deadline, holds back the
first part so that an early error still becomes an error response, and streams the rest with
back-pressure. ``Producers`` is the pool of threads the producers run on, and ``Runner`` runs
one request through them within its time limit, whatever store the producer reads (the embedded
store, ``server/pool.py``, or an upstream endpoint, ``server/upstream.py``).
"""

from __future__ import annotations

import collections
import errno
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from kg import errors, stack

log = logging.getLogger(__name__)

#: Bytes of a query reply held back before answering, so that an error or a timeout in that
#: part still becomes a proper error response; longer replies are streamed after it.
BUFFER_BYTES = 4 << 20
#: Bytes a producer may run ahead of a streaming client before it waits for it.
STREAM_AHEAD_BYTES = 1 << 20
#: Seconds a stopped producer may take to leave the store before its process is retired.
STUCK_GRACE = 1.0


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
        #: Called once when the consumer gives up (an upstream producer closes its socket, so that a
        #: producer blocked reading it stops at once).
        self.on_cancel: Callable[[], None] | None = None
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
            on_cancel = self.on_cancel
        if on_cancel is not None:
            on_cancel()

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


class ReplyCutOffError(ConnectionResetError):
    """A reply whose status line has gone out cannot become an error any more: the connection
    is dropped instead, before the final chunk, so the client knows the body is incomplete.
    (gunicorn closes a connection quietly on ECONNRESET, without writing that chunk.)"""


class Runner:
    """Runs each request's producer on a thread and hands its answer back within a time limit.

    Args:
        timeout: seconds a request may run.
        overrun: the error a request that overran gets.
        on_stuck: called when a stopped producer is still running a moment later and only
            ending the process will stop it; None when every producer stops by itself (one
            reading a socket stops when it is shut, or at its timeout).
    """

    def __init__(self, timeout: float, overrun: Callable[[], errors.IsnadError],
                 on_stuck: Callable[[], None] | None = None):
        self.timeout = timeout
        self.overrun = overrun
        self.on_stuck = on_stuck
        self._producers = Producers()

    def run(self, produce: Callable[[Answer], None], stream_idle: bool = False) -> Reply:
        """Run ``produce(answer)`` on a producer thread; its reply, complete or streaming.

        Args:
            produce: writes the answer (``Answer.start`` then ``write``), raising ``IsnadError``.
            stream_idle: bound the time between chunks rather than the whole reply (dumps, whose
                length grows with the store, not with what a client asked for).

        Raises:
            IsnadError: ``overrun()`` when the request overran the timeout (it was stopped), or
                the producer's own error.
        """
        deadline = time.monotonic() + self.timeout
        # A dump streams from its first chunk: errors (an unknown graph) come before any output.
        hold = 0 if stream_idle else BUFFER_BYTES
        answer = Answer(limit=hold + STREAM_AHEAD_BYTES)
        self._producers.submit(self._produce, produce, answer)
        try:
            complete = answer.hold(hold, deadline)
        except TimeoutError:
            self.abandon(answer)
            raise self.overrun() from None
        assert answer.header is not None
        if complete:
            return Reply(answer.header, list(answer.chunks))
        return Reply(answer.header, _Stream(self, answer, None if stream_idle else deadline))

    def abandon(self, answer: Answer) -> None:
        """Stop a producer whose answer nobody will read; call ``on_stuck`` if it stays stuck."""
        answer.cancel()
        if self.on_stuck is None:
            return
        check = threading.Timer(STUCK_GRACE, self._check_stopped, (answer,))
        check.daemon = True
        check.start()

    def _check_stopped(self, answer: Answer) -> None:
        if not answer.finished and self.on_stuck is not None:
            log.error("A stopped query is still running in the store; retiring this process to end it.")
            self.on_stuck()

    @staticmethod
    def _produce(produce: Callable[[Answer], None], answer: Answer) -> None:
        error: errors.IsnadError | None = None
        try:
            produce(answer)
        except errors.IsnadError as exc:
            # The error goes to the request's thread. Its traceback (and the OSError behind it)
            # hold frames holding the query's results, which pyoxigraph lets be dropped only on
            # this thread: cut them off here.
            error = exc.with_traceback(None)
            error.__context__ = None
        except Exception:  # noqa: BLE001 - a stopped answer ends with whatever its write raised
            if not answer.cancelled:
                log.exception("A store request failed")
                error = errors.IsnadError("Internal error while running the request.")
        answer.finish(error)


class _Stream:
    """The rest of a long answer, read as the client takes it.

    ``close()`` (which the WSGI server calls when the response ends, even one never iterated, for
    a client gone before the first byte) stops a producer left mid-answer.

    Args:
        deadline: when the whole answer must be done; None bounds each chunk by the runner's timeout.
    """

    def __init__(self, runner: Runner, answer: Answer, deadline: float | None):
        self.runner, self.answer, self.deadline = runner, answer, deadline

    def __iter__(self) -> _Stream:
        return self

    def __next__(self) -> bytes:
        try:
            chunk = self.answer.take(self.deadline or time.monotonic() + self.runner.timeout)
        except TimeoutError:
            log.error("A streamed reply was cut off at the %g s limit.", self.runner.timeout)
            self.close()
            raise ReplyCutOffError(errno.ECONNRESET, "the reply was cut off") from None
        except errors.IsnadError as exc:
            log.error("A streamed reply failed after it started: %s", exc)
            raise ReplyCutOffError(errno.ECONNRESET, "the reply failed after it started") from None
        if chunk is None:
            raise StopIteration
        return chunk

    def close(self) -> None:
        """End the reply; a producer still writing it is stopped."""
        if not self.answer.finished:
            self.runner.abandon(self.answer)
