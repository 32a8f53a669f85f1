"""Executors of bulk jobs: this machine's processes, or a Dask cluster (:mod:`.dask`).

Every engine runs a task over batches of items and gives the results back in the items'
order, whatever order the batches finish in, so that a job's outputs and reports do not
depend on the engine that ran it. At most a few batches per worker are in flight, and the
items are pulled from their iterator as batches are handed out, read ahead by no more than
those batches and one more: enough to see the end of the input coming and cut the last
batches small, so that the workers finish together.

A batch whose task fails as a whole (its process died, or the task raised) is run again
one item at a time, so that the item that fails it is reported by ``failed`` as that
item's own result and the others of its batch are still done.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Generic, TypeVar

from ..errors import MrstdError

__all__ = ["BATCH", "Engine", "EngineError", "LocalEngine", "Task", "chunks", "crash_message"]

I = TypeVar("I")  # noqa: E741 - an item
R = TypeVar("R")

#: A task: a batch of items to their results, one each, in order.
Task = Callable[[list[I]], list[R]]

#: Items a batch run in this process (there is no cost of a task to spread).
BATCH = 16

#: The time a task should take. A task costs Dask a few milliseconds (scheduling it,
#: moving its batch and results) and a process pool about one, so a quarter of a second
#: makes that cost 1-2%; and the workers finish a job within about that of each other.
#: Batches are sized to it from the times of the tasks done so far (docs/scale.md).
TASK_SECONDS = 0.25
#: Items in the first batches, before any task's time is known: small, so that every
#: worker starts at once; and the most in one batch.
FIRST_BATCH = 4
MAX_BATCH = 1024

#: Batches in flight per worker: one running, the next ones ready to start.
WINDOW = 3


def crash_message(exc: BaseException) -> str:
    """What a file's result says when its task failed, or killed the process running it."""
    return f"internal error: {type(exc).__name__}: {exc}"


class EngineError(MrstdError):
    """An engine could not start: Dask is not installed, or its scheduler is out of reach."""


class Engine(ABC):
    """Runs tasks over batches of items on some workers."""

    #: How many tasks run at once.
    workers: int = 1
    #: The address of the dashboard of a cluster the engine started, to show its user.
    dashboard: str | None = None

    def map(
        self,
        task: Task[I, R],
        items: Iterable[I],
        *,
        failed: Callable[[I, BaseException], R],
        batch: int | None = None,
    ) -> Iterator[tuple[I, R]]:
        """Each item with its result, in the items' order. ``batch`` fixes the items a
        task; by default batches are sized so that a task takes about TASK_SECONDS."""
        if self.workers <= 1 and not self.remote:
            for chunk in chunks(items, batch or BATCH):
                yield from zip(chunk, self._run_here(task, chunk, failed), strict=True)
            return
        sizer = _Sizer(batch)
        ahead = _Ahead(items, self.workers)
        limit = ahead.limit
        timed = TimedTask(task)
        pending: dict[Any, tuple[int, list[I]]] = {}
        ready: dict[int, tuple[list[I], list[R]]] = {}
        handed = emitted = 0
        while True:
            while handed - emitted < limit and (new := ahead.take(sizer)):
                pending[self._submit(timed, new)] = (handed, new)
                handed += 1
            if not pending:
                return
            for future in self._wait(list(pending)):
                index, chunk = pending.pop(future)
                try:
                    results, seconds = self._result(future)
                    sizer.observe(len(chunk), seconds)
                except Exception as exc:  # the batch failed as a whole: split it
                    self._recover(future, exc)
                    results = self._split(timed, chunk, failed)
                ready[index] = (chunk, results)
            while emitted in ready:
                chunk, results = ready.pop(emitted)
                yield from zip(chunk, results, strict=True)
                emitted += 1

    # A subclass gives these.

    #: Whether tasks run away from this process (then even one worker runs them there).
    remote: bool = False

    @abstractmethod
    def _submit(self, task: TimedTask[I, R], chunk: list[I]) -> Any:
        """Start the task on a batch; a future."""

    @abstractmethod
    def _wait(self, futures: list[Any]) -> Iterable[Any]:
        """Those of ``futures`` that are done, once at least one is (in any order: results
        are put back in the items' order by :meth:`map`)."""

    @abstractmethod
    def _result(self, future: Any) -> tuple[list[Any], float]:
        """A done future's results, or the exception that stopped its task."""

    @abstractmethod
    def close(self) -> None:
        """Release the workers."""

    def __enter__(self: E) -> E:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Shared.

    def _split(
        self, timed: TimedTask[I, R], chunk: list[I], failed: Callable[[I, BaseException], R]
    ) -> list[R]:
        """A batch that failed as a whole, run again one item a task on the workers."""

        def run(item: I) -> list[R]:
            future = self._submit(timed, [item])
            try:
                return self._result(future)[0]
            except Exception as exc:
                self._recover(future, exc)
                raise

        return _one_by_one(run, chunk, failed)

    @abstractmethod
    def _recover(self, future: Any, exc: BaseException) -> None:
        """Make the workers usable again after ``future`` failed with ``exc`` (a pool one
        of whose processes died is broken as a whole, and is started afresh)."""

    @staticmethod
    def _run_here(
        task: Task[I, R], chunk: list[I], failed: Callable[[I, BaseException], R]
    ) -> list[R]:
        try:
            return task(chunk)
        except Exception:
            return _one_by_one(lambda item: task([item]), chunk, failed)


E = TypeVar("E", bound=Engine)


class TimedTask(Generic[I, R]):
    """A task that also gives the time it took on its worker."""

    def __init__(self, task: Task[I, R]) -> None:
        self.task = task

    def __call__(self, chunk: list[I]) -> tuple[list[R], float]:
        start = time.perf_counter()
        results = self.task(chunk)
        return results, time.perf_counter() - start


class _Sizer:
    """The size of the next batch: ``fixed``, or what takes TASK_SECONDS at the time an
    item has taken so far."""

    def __init__(self, fixed: int | None) -> None:
        self.size = fixed or FIRST_BATCH
        self.fixed = fixed is not None
        self.items = 0
        self.seconds = 0.0

    def observe(self, items: int, seconds: float) -> None:
        if self.fixed:
            return
        self.items += items
        self.seconds += seconds
        each = self.seconds / self.items
        self.size = max(1, min(MAX_BATCH, round(TASK_SECONDS / each) if each else MAX_BATCH))


class _Ahead(Generic[I]):
    """The items not handed out yet, read ahead of the batches by as many as ``limit``
    batches (those in flight on ``workers``) and the next one hold, so that the end of the
    input is seen while the batches in flight still run. From then on, the remaining items
    are cut into smaller batches, for the workers to finish together (without it, one
    worker ran the last full batch, a quarter of a second, while the other had nothing
    left)."""

    def __init__(self, items: Iterable[I], workers: int) -> None:
        self.items = iter(items)
        self.workers = workers
        #: The batches in flight at most.
        self.limit = max(1, workers * WINDOW)
        self.buffer: deque[I] = deque()
        self.ended = False

    def take(self, sizer: _Sizer) -> list[I]:
        size = sizer.size
        if not self.ended:
            wanted = size * (self.limit + 1)
            if len(self.buffer) < wanted:
                self.buffer.extend(islice(self.items, wanted - len(self.buffer)))
                self.ended = len(self.buffer) < wanted
        workers = self.workers
        if self.ended and workers > 1 and not sizer.fixed:
            # A share of what is left for each worker, halved, down to an eighth of a
            # full batch (a task's own cost stays small beside its work).
            share = -(-len(self.buffer) // (2 * workers))
            size = max(min(size, share), -(-size // 8))
        buffer = self.buffer
        return [buffer.popleft() for _ in range(min(size, len(buffer)))]


def _one_by_one(
    run: Callable[[I], list[R]], chunk: list[I], failed: Callable[[I, BaseException], R]
) -> list[R]:
    """The results of a batch run again an item at a time: an item that fails gets
    ``failed``'s result, the others their own."""
    out: list[R] = []
    for item in chunk:
        try:
            out.extend(run(item))
        except Exception as exc:
            out.append(failed(item, exc))
    return out


def chunks(items: Iterable[I], size: int) -> Iterator[list[I]]:
    """``items`` in lists of ``size`` (the last one shorter), taken as they come."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class LocalEngine(Engine):
    """This machine: ``jobs`` processes (the work is CPU-bound Python), or this process for
    one job."""

    def __init__(self, jobs: int = 1) -> None:
        self.workers = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        return self._pool

    def _submit(self, task: TimedTask[I, R], chunk: list[I]) -> Future[tuple[list[R], float]]:
        pool = self._executor()
        try:
            future = pool.submit(task, chunk)
        except BrokenProcessPool:  # a batch killed one of its processes: start afresh
            self._drop(pool)
            pool = self._executor()
            future = pool.submit(task, chunk)
        future.pool = pool  # type: ignore[attr-defined]
        return future

    def _wait(self, futures: list[Any]) -> Iterable[Any]:
        return wait(futures, return_when=FIRST_COMPLETED).done

    def _result(self, future: Any) -> tuple[list[Any], float]:
        result: tuple[list[Any], float] = future.result()
        return result

    def _recover(self, future: Any, exc: BaseException) -> None:
        if isinstance(exc, BrokenProcessPool):
            self._drop(future.pool)

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        if pool is self._pool:
            pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
