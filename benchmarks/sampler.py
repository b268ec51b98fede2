"""A statistical CPU profile of this process: where its CPU goes, by function, at no tracing cost.

cProfile charges every Python call its own bookkeeping, so small functions called for every token
look several times costlier than they are (a surname test asked of every token showed as 4-5% of
extraction under cProfile and timed at nothing measurable on its own). This samples instead: a
``SIGPROF`` timer interrupts the process every ``interval`` seconds of its CPU time (the kernel
rounds it up to its tick: about one sample per 4-5 ms of CPU on this machine), and the
handler counts the function running (its own time) and every function on the stack under it
(inclusive time). A function's share of the samples is its share of the CPU, within the
sampling error (a function seen in n samples: about 1/sqrt(n)).

Only the main thread is sampled (signals reach only it); a C function's time goes to the Python
function that called it (a regex search to the rule that searched).
"""

from __future__ import annotations

import signal
from collections import Counter
from pathlib import Path
from types import CodeType, FrameType, TracebackType

#: The sampling interval asked for, in seconds of CPU (the kernel's tick may make it longer).
INTERVAL = 0.0005


def _label(code: CodeType) -> str:
    """``file:function`` of a code object, the file relative to the repository or site-packages."""
    path = Path(code.co_filename)
    parts = path.parts
    for anchor in ("site-packages", "kg", "benchmarks", "server", "tests"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            path = Path(*parts[index + (anchor == "site-packages") :])
            break
    return f"{path}:{code.co_name}"


class CpuSampler:
    """Samples the stack of the main thread while in its ``with`` block.

    Attributes:
        own: function label -> samples taken while it ran itself.
        inclusive: function label -> samples taken while it was on the stack.
        samples: every sample taken.
    """

    def __init__(self, interval: float = INTERVAL) -> None:
        self.interval = interval
        self.own: Counter[str] = Counter()
        self.inclusive: Counter[str] = Counter()
        self.samples = 0
        self._previous: object = None
        #: the label of each code object met (made once: a sample walks some forty frames)
        self._labels: dict[CodeType, str] = {}

    def _sample(self, _signum: int, frame: FrameType | None) -> None:
        self.samples += 1
        if frame is None:
            return
        labels = self._labels
        on_stack = set()
        while frame is not None:
            code = frame.f_code
            label = labels.get(code) or labels.setdefault(code, _label(code))
            if not on_stack:
                self.own[label] += 1
            on_stack.add(label)
            frame = frame.f_back
        self.inclusive.update(on_stack)  # a recursive function counts once per sample

    def __enter__(self) -> CpuSampler:
        self._previous = signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, self._previous)  # type: ignore[arg-type]

    def report(self, top: int, cpu_ms: float, per: str = "article", count: int = 1) -> list[str]:
        """The ``top`` functions by own and by inclusive CPU, as lines of milliseconds per
        ``per``: ``cpu_ms`` of CPU over ``count`` of them is shared out by the samples."""
        scale = cpu_ms / count / max(self.samples, 1)
        lines = [f"{self.samples} samples, {cpu_ms / count:.1f} ms per {per}; by own CPU:"]
        lines += [f"  {n * scale:7.2f} ms  {label}" for label, n in self.own.most_common(top)]
        lines.append("by inclusive CPU (the function and what it calls):")
        lines += [f"  {n * scale:7.2f} ms  {label}" for label, n in self.inclusive.most_common(top)]
        return lines
