"""What every command shares: exit codes, error lines, progress display."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from typing import Any, TypeVar

import click

from ..bulk import ENGINES, Engine, EngineError, open_engine
from ..errors import DocumentError

F = TypeVar("F", bound=Callable[..., Any])


class Exit(IntEnum):
    """Documented exit codes (see README)."""

    OK = 0
    INVALID = 1  # invalid input, or findings at or above --fail-on
    USAGE = 2  # usage or I/O error


def error_lines(exc: DocumentError) -> list[str]:
    """One ``file:line:col: message [path]`` line per problem."""
    return [problem.render(exc.source) for problem in exc.problems]


def echo_err(message: str) -> None:
    """Write one line to stderr."""
    click.echo(message, err=True)


def show_progress(count: int = 1, threshold: int = 20) -> bool:
    """Progress only for many files, on a terminal, and never in CI logs."""
    return count > threshold and sys.stderr.isatty() and not os.environ.get("CI")


class Progress:
    """Files done so far, on stderr, once there are many, on a terminal only
    (:func:`show_progress`). Jobs list their folders as they go, so the number of files is
    counted by a second listing in a background thread, ``files``, and shown with the
    share done once it is known."""

    def __init__(self, label: str, files: Iterable[object] = ()) -> None:
        self.label = label
        self.done = 0
        self.total: int | None = None
        self.shown = False
        if show_progress(threshold=0):
            threading.Thread(target=self._count, args=(files,), daemon=True).start()

    def _count(self, files: Iterable[object]) -> None:
        try:
            self.total = sum(1 for _ in files)
        except Exception:
            return

    def advance(self, count: int = 1) -> None:
        """``count`` more files done."""
        self.done += count
        if self.shown or show_progress(self.done):
            self.shown = True
            total = self.total
            of = f"/{total} ({100 * self.done // max(total, 1)}%)" if total else ""
            click.echo(f"\r{self.label}: {self.done}{of} files", err=True, nl=False)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            click.echo(err=True)


def engine_options(function: F) -> F:
    """``--engine``, ``--scheduler`` and ``-j``, for the commands that run bulk jobs."""
    function = click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="With --engine dask: the scheduler of a running cluster (tcp://host:8786); "
        "without it, a local cluster of --jobs workers is started.",
    )(function)
    function = click.option(
        "--engine",
        type=click.Choice(ENGINES),
        default="local",
        show_default=True,
        help="Run on this machine's processes, or on Dask (pip install 'mrstd[dask]').",
    )(function)
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Processes (local) or workers of a local Dask cluster (default: 1 local, one a "
        "core for Dask).",
    )(function)


@contextmanager
def opened_engine(name: str, jobs: int | None, scheduler: str | None) -> Iterator[Engine]:
    """The engine of a command; the dashboard of a Dask cluster it starts, on stderr; one
    line and exit code 2 when it cannot start."""
    try:
        engine = open_engine(name, jobs=jobs, scheduler=scheduler)
    except EngineError as exc:
        echo_err(f"error: {exc}")
        sys.exit(Exit.USAGE)
    if engine.dashboard:
        echo_err(f"Dask dashboard: {engine.dashboard}")
    with engine:
        yield engine
