"""The Dask engine: batches run as tasks on a Dask cluster (``pip install 'mrstd[dask]'``).

With a scheduler address, the job runs on that cluster, whose workers need mrstd
installed and the inputs and outputs in reach (a shared disk, or an object store by URL).
Without one, a ``LocalCluster`` of one single-threaded worker process a core is started
for the job and closed after it.

Dask reschedules the tasks of a worker that dies on the others. A task that has killed
workers too often (``distributed.scheduler.allowed-failures``) fails with ``KilledWorker``;
the engine then runs its batch one file at a time, so the file that kills is reported as
that file's error (:mod:`.engines`).

A local cluster is started with Dask's monitors slowed (:data:`MONITORS`), where this
process's Dask configuration leaves them at Dask's defaults: on two cores, the ticks and
monitors of the scheduler and the nannies, which all run in this process, took as much of
the machine as the job's own scheduling did.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any

from .engines import Engine, EngineError, I, R, TimedTask

__all__ = ["MONITORS", "DaskEngine"]

#: How often a local cluster's servers measure themselves (Dask's defaults: a tick every
#: 20 ms, the system monitor every 500 ms, each nanny's memory monitor every 100 ms). A
#: tick checks that the event loop is responsive; at 500 ms it still does, more coarsely.
#: Measured on a 2-worker job of 2,000 files (docs/performance.md): the client process's
#: CPU fell from 0.6-1.0 s to 0.3-0.5 s a job. The workers' statistical profiler (a thread
#: that samples the running task's stack every 10 ms, for the dashboard's profile page) is
#: off: it took the GIL from the task 100 times a second, and a job on one worker ran about
#: 10% faster without it (docs/scale.md). The dashboard's task stream and progress remain.
MONITORS: dict[str, object] = {
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.worker.profile.enabled": False,
}


def _slowed_monitors() -> AbstractContextManager[object]:
    """Dask's configuration set to MONITORS while a cluster starts, but for those the
    user's configuration sets to a value of its own."""
    import dask.config  # noqa: PLC0415 - imported with the engine

    defaults = dask.config.merge(*dask.config.defaults)
    return dask.config.set(
        {
            key: value
            for key, value in MONITORS.items()
            if dask.config.get(key, None) == dask.config.get(key, None, config=defaults)
        }
    )


class DaskEngine(Engine):
    """Tasks on a Dask cluster: the one at ``scheduler``, else a local one of ``workers``
    processes (one a core by default)."""

    remote = True

    def __init__(
        self, scheduler: str | None = None, workers: int | None = None, *, client: Any = None
    ) -> None:
        try:
            from distributed import Client, LocalCluster  # noqa: PLC0415 - optional extra
        except ImportError:
            raise EngineError("--engine dask needs Dask: pip install 'mrstd[dask]'") from None
        self._cluster: Any = None
        self._own_client = client is None
        if client is not None:
            self._client = client
        elif scheduler is not None:
            try:
                self._client = Client(scheduler, timeout="10s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise EngineError(
                    f"cannot reach the Dask scheduler at {scheduler}: {exc}"
                ) from None
        else:
            with warnings.catch_warnings(), _slowed_monitors():
                warnings.simplefilter("ignore", UserWarning)  # port 8787 taken: another one
                self._cluster = LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,  # the work is CPU-bound Python: a process a core
                    processes=True,
                    # A worker logs its own shutdown races (a heartbeat caught by the
                    # scheduler closing: about one close in 50 here) as an ERROR with a
                    # traceback. What a job's user needs comes back with the results: a
                    # task's failure as its files' errors, a lost worker's tasks rerun.
                    silence_logs=logging.CRITICAL,
                )
            self._client = Client(self._cluster)
            self.dashboard = self._client.dashboard_link
        self.workers = max(1, sum(self._client.nthreads().values()))

    def _submit(self, task: TimedTask[I, R], chunk: list[I]) -> Any:
        return self._client.submit(task, chunk, pure=False)

    def _wait(self, futures: list[Any]) -> Iterable[Any]:
        from distributed import wait  # noqa: PLC0415 - imported with the engine

        done: Iterable[Any] = wait(futures, return_when="FIRST_COMPLETED").done
        return done

    def _result(self, future: Any) -> tuple[list[Any], float]:
        result: tuple[list[Any], float] = future.result()
        return result

    def _recover(self, future: Any, exc: BaseException) -> None:
        """Nothing to do: the scheduler replaces a worker that died and reruns its tasks."""

    def close(self) -> None:
        if self._own_client:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
