"""Findings and their severities: the bottom layer every part of mrstd may import.

A finding is one problem found in a document. Rules make them (:mod:`mrstd.rules`), readers
make them for sources they cannot read (:mod:`mrstd.validation`), reporters print them
(:mod:`mrstd.report`); this module depends on nothing of mrstd but :mod:`mrstd.errors` and
:mod:`mrstd.paths`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .errors import one_line
from .paths import PathPart

__all__ = ["Finding", "Related", "Severity"]


class Severity(str, Enum):
    """How bad a finding is; ``--fail-on`` compares against this order."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        """Higher is worse: info 0, warning 1, error 2."""
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass
class Related:
    """Another place a finding's cause shows, reported with the finding rather than as
    findings of their own (SARIF ``relatedLocations``)."""

    path: str
    message: str = ""
    line: int | None = None
    column: int | None = None
    loc: tuple[PathPart, ...] = field(default=(), repr=False, compare=False)

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready dict (without the internal ``loc``)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class Finding:
    """One problem found in a document: what, how bad, and where.

    ``path`` is the model path users see (``body[2].subclauses[0]``); ``file``, ``line`` and
    ``column`` are filled in from the source when the document was read from a file.
    """

    code: str
    severity: Severity
    message: str
    path: str = ""
    hint: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    loc: tuple[PathPart, ...] = field(default=(), repr=False, compare=False)
    #: The other places with the same cause (one cause, one finding).
    related: tuple[Related, ...] = ()

    def __post_init__(self) -> None:
        # Messages quote document text; each finding must stay one line in every report.
        self.message = one_line(self.message)
        if self.hint is not None:
            self.hint = one_line(self.hint)

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready dict (without the internal ``loc``)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "hint": self.hint,
            "related": [place.as_json() for place in self.related],
        }
