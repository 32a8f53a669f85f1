"""Timing helpers shared by the benchmarks.

Our code and its baseline are timed alternately, each run after a collection, and the
best run of each is kept: the two see the same machine load, and the ratio is stable.
Results are freed after the clock stops, so neither side pays for tearing down its
output (lxml frees a tree in C, mrstd's model is freed object by object by CPython).
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _once(func: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def compare(
    ours: Callable[[], object], baseline: Callable[[], object], runs: int = 9
) -> tuple[float, float]:
    """Best times of ``ours`` and ``baseline``, run alternately ``runs`` times each."""
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(_once(ours))
        theirs.append(_once(baseline))
    return min(mine), min(theirs)


def paired_ratio(
    ours: Callable[[], object], baseline: Callable[[], object], runs: int = 21
) -> float:
    """The median of the ratios of runs of ``ours`` and ``baseline`` made one after the other.

    On a machine whose speed drifts during a run (a shared virtual machine), the best times
    of the two can come from different moments; a pair sees the same moment, and the median
    ignores the pairs a pause hit. Issue 12's ratios are measured this way.
    """
    ratios = []
    for _ in range(runs):
        mine = _once(ours)
        ratios.append(mine / _once(baseline))
    return statistics.median(ratios)


def row(name: str, times: tuple[float, float], target: float | None = None) -> str:
    """One line of a benchmark table: our time, the baseline's, the ratio and the target."""
    ours, baseline = times
    ratio = ours / baseline
    verdict = "" if target is None else ("  ok" if ratio <= target else "  MISSED")
    goal = "" if target is None else f" (target <= {target:g}x)"
    return (
        f"{name:<42} {ours * 1000:9.1f} ms vs {baseline * 1000:9.1f} ms"
        f"  {ratio:5.2f}x{goal}{verdict}"
    )
