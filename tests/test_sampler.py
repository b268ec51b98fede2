"""The sampling profiler of ``benchmarks.profile --sample``: it charges CPU to the function that
spends it and to those that called it, and leaves the process's SIGPROF handler as it was."""

import signal
import time

from benchmarks.sampler import CpuSampler


def _spin(seconds: float) -> int:
    """Burn ``seconds`` of CPU in this function itself."""
    end, turns = time.process_time() + seconds, 0
    while time.process_time() < end:
        turns += 1
    return turns


def _caller() -> int:
    """Spend CPU only through ``_spin``."""
    return _spin(0.15) + _spin(0.05)


def test_cpu_goes_to_the_function_spending_it_and_its_callers():
    with CpuSampler(interval=0.002) as sampler:
        _caller()
    spin = "tests/test_sampler.py:_spin"
    caller = "tests/test_sampler.py:_caller"
    assert sampler.samples >= 20  # 0.2 s of CPU: one sample every 2 ms asked, the kernel's tick at most 10 ms
    assert sampler.own[spin] >= 0.8 * sampler.samples  # the loop runs in _spin itself
    assert sampler.own[caller] <= 0.1 * sampler.samples  # _caller only waits on it
    assert sampler.inclusive[caller] >= 0.8 * sampler.samples  # but it is on the stack throughout
    lines = sampler.report(top=2, cpu_ms=200.0, count=2)
    assert lines[0].endswith("100.0 ms per article; by own CPU:")
    assert spin in lines[1]


def test_the_previous_handler_is_back_and_the_timer_stopped():
    def previous(_signum, _frame):
        return None

    old = signal.signal(signal.SIGPROF, previous)
    try:
        with CpuSampler():
            _spin(0.01)
        assert signal.getsignal(signal.SIGPROF) is previous
        assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGPROF, old)
