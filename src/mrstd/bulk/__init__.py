"""Bulk jobs: ``convert``, ``validate`` and ``library add`` over many files, on this
machine's processes or on a Dask cluster (docs/scale.md).

>>> from mrstd.bulk import open_engine
>>> with open_engine("local", jobs=2) as engine:  # doctest: +SKIP
...     for item, result in engine.map(task, items, failed=on_error): ...

The engine is chosen by name (``local`` or ``dask``); the files of a job come from
:func:`walk`, which lists folders and fsspec URLs lazily.
"""

from __future__ import annotations

from .engines import BATCH, Engine, EngineError, LocalEngine, Task, chunks, crash_message
from .sources import STDIN, Source, is_folder, readable, walk

__all__ = [
    "BATCH",
    "ENGINES",
    "STDIN",
    "Engine",
    "EngineError",
    "LocalEngine",
    "Source",
    "Task",
    "chunks",
    "crash_message",
    "is_folder",
    "open_engine",
    "readable",
    "walk",
]

#: The names ``--engine`` takes.
ENGINES = ("local", "dask")


def open_engine(
    name: str = "local", *, jobs: int | None = None, scheduler: str | None = None
) -> Engine:
    """The engine called ``name``: ``local`` runs ``jobs`` processes (this one for 1);
    ``dask`` joins the cluster at ``scheduler`` or starts a local one of ``jobs`` workers
    (one a core by default). Close it after the job (it is a context manager)."""
    if name == "local":
        if scheduler is not None:
            raise EngineError("--scheduler needs --engine dask")
        return LocalEngine(jobs or 1)
    if name == "dask":
        from .dask import DaskEngine  # noqa: PLC0415 - Dask is an optional extra

        return DaskEngine(scheduler, jobs)
    raise ValueError(f"unknown engine {name!r}; use one of {', '.join(ENGINES)}")
