"""server.answer: the buffer between a producer thread and the response that reads it."""

from __future__ import annotations

import threading
import time

import pytest

from kg.errors import QueryError
from server.answer import Answer, Cancelled, Producers


def _soon(seconds: float = 2.0) -> float:
    return time.monotonic() + seconds


def test_a_short_answer_is_held_whole_and_taken_in_order() -> None:
    answer = Answer(limit=1 << 20)
    answer.start({"kind": "solutions"})
    answer.write(b"a")
    answer.write(b"b")
    answer.finish()
    assert answer.hold(1 << 20, _soon()) is True
    assert [answer.take(_soon()), answer.take(_soon()), answer.take(_soon())] == [b"a", b"b", None]


def test_the_producer_waits_while_the_consumer_is_behind_and_stops_when_cancelled() -> None:
    answer = Answer(limit=4)
    outcome: list[str] = []

    def produce() -> None:
        try:
            for _ in range(10):
                answer.write(b"xxxx")
        except Cancelled:
            outcome.append("cancelled")

    producer = threading.Thread(target=produce)
    producer.start()
    assert answer.take(_soon()) == b"xxxx"  # one chunk taken: the producer may write one more
    time.sleep(0.1)
    assert answer.buffered <= 4  # it waits rather than running ahead
    answer.cancel()
    producer.join(2)
    assert outcome == ["cancelled"] and not producer.is_alive()


def test_hold_times_out_and_an_error_reaches_the_consumer() -> None:
    answer = Answer(limit=1 << 20)
    with pytest.raises(TimeoutError):
        answer.hold(10, time.monotonic() + 0.05)
    answer.finish(QueryError("Malformed query: x"))
    with pytest.raises(QueryError, match="Malformed query"):
        answer.hold(10, _soon())


def test_producers_reuse_an_idle_thread() -> None:
    producers, names, done = Producers(), [], threading.Event()

    def job(last: bool) -> None:
        names.append(threading.current_thread().ident)
        if last:
            done.set()

    producers.submit(job, False)
    time.sleep(0.1)  # the first job is done and its thread idle
    producers.submit(job, True)
    assert done.wait(2)
    assert names[0] == names[1]
