"""What work costs, in the seconds of the machine the tests' budgets were set on.

A budget in a test is process seconds on that machine. Another machine, or this one under load
(another process sharing its caches, the host taking its cores back, memory paged out), runs the
same work slower, and a budget set here would fail there with nothing gone wrong. So each
measurement first runs a fixed reference work, and divides what the work took by how much slower
the reference ran than it does here (never by less than one: a faster machine keeps the budget as
it is). The least of a few runs is kept: a stall hits a run, a reader gone quadratic every run.

The test session's own heap is frozen while the work runs: collecting it is not the work's cost.
"""

from __future__ import annotations

import gc
import resource
import time
from collections.abc import Callable
from typing import TypeVar

from markdown_it import MarkdownIt

# Process seconds the reference work takes on the machine the budgets were set on (2 cores, the
# least of many runs, December 2026).
REFERENCE_SECONDS = 0.024
RUNS = 5
# A test fails at twice a speed target: the target itself is measured by the benchmarks on a
# quiet machine and reported in the notes (benchmarks/shapes.py for the shapes' 2 s per 100 KB);
# a test stands guard against a cost that grows faster than its input, or by a large factor.
MARGIN = 2.0

_NOTE = (
    "# Thursday June 04, 2020 at 15:00 GMT+8\n\n## Attendees\n\n* Ada Alpha (Huawei)\n* Bo Li\n\n"
    "## Notes\n\nWe reviewed the *roadmap* and the [design](design.md#goals), then `make check`.\n\n"
    "| item | owner |\n| --- | --- |\n| release | @ada |\n\n> A quote, and <b>markup</b>.\n\n"
)
_REFERENCE_TEXT = _NOTE * 60
_PARSER = MarkdownIt("commonmark").enable("table")

T = TypeVar("T")


def _reference() -> float:
    start = time.process_time()
    _PARSER.render(_REFERENCE_TEXT)
    return time.process_time() - start


def ceiling(target: float) -> float:
    """The seconds a test allows for work whose speed target is `target` seconds."""
    return MARGIN * target


def slowness() -> float:
    """How many times slower than the budgets' machine this one runs now (at least 1)."""
    return max(1.0, min(_reference() for _ in range(2)) / REFERENCE_SECONDS)


def timed(work: Callable[[], T]) -> tuple[float, T]:
    """Process seconds of one run of `work` with the heap before it frozen, and its result."""
    gc.collect()
    gc.freeze()
    try:
        start = time.process_time()
        result = work()
        return time.process_time() - start, result
    finally:
        gc.unfreeze()


def cost(work: Callable[[], T], within: float | Callable[[T], float] | None = None) -> tuple[float, T]:
    """The least of up to RUNS runs of `work`, in seconds of the budgets' machine, and the first
    run's result. Without a budget, three runs; with one (seconds, or seconds for the first run's
    result), runs stop at the first within it, or at one so far over it (four times and a second)
    that no stall of the machine explains it."""
    scale = slowness()
    best, result = timed(work)
    best /= scale
    budget = within(result) if callable(within) else within
    for run in range(1, RUNS):
        if budget is None and run == 3:
            break
        if budget is not None and (best <= budget or best > 4 * budget + 1):
            break
        scale = slowness()
        best = min(best, timed(work)[0] / scale)
    return best, result


def seconds_of(work: Callable[[], object], within: float | None = None) -> float:
    """`cost` without the result."""
    return cost(work, within)[0]


def children_cost(work: Callable[[], T]) -> tuple[float, T]:
    """The process seconds of the children `work` runs (a build run by `conftest.build`), in
    seconds of the budgets' machine as this one runs before it, and its result."""
    scale = slowness()
    before = _children()
    result = work()
    return (_children() - before) / scale, result


def _children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime
