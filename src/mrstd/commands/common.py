"""What every command shares: exit codes, error lines, progress display."""

from __future__ import annotations

import os
import sys
from enum import IntEnum

import click

from ..errors import DocumentError


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


def show_progress(count: int, threshold: int = 20) -> bool:
    """A progress bar only for many files, on a terminal, and never in CI logs."""
    return count > threshold and sys.stderr.isatty() and not os.environ.get("CI")
