"""Exceptions raised by mrstd; each renders as one line a user can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

#: Characters that would break a one-line message or an XML report: C0 and C1 controls
#: (newline included), surrogates, and the non-characters U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def one_line(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x01``), so
    that a message stays one line and any report format can carry it: a key holding a
    newline cannot forge a second finding line."""
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


#: Problems one DocumentError keeps; the rest are counted in a last problem. (One 12 MB
#: file once gave 114 MB of error lines.)
MAX_PROBLEMS = 100


class MrstdError(Exception):
    """Base class of every error mrstd raises on purpose."""


class ProblemKind(Enum):
    """What kind of problem stops a source from being read; each has its own load code
    (``mrstd rule MRS001`` ...), given where the problem is raised, not guessed from text."""

    SYNTAX = "syntax"  # not well-formed JSON, XML or YAML (MRS001)
    ENCODING = "encoding"  # bytes that are not UTF-8, or an unsupported encoding (MRS002)
    CONTENT = "content"  # well-formed, but not a document of the model (MRS003)


@dataclass(frozen=True)
class Problem:
    """One problem found in a source: where it is and what is wrong."""

    message: str
    line: int | None = None
    column: int | None = None
    path: str = ""
    kind: ProblemKind = ProblemKind.CONTENT

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", one_line(self.message))
        object.__setattr__(self, "path", one_line(self.path))

    def render(self, source: str) -> str:
        """``file:line:col: message [path]``."""
        where = source
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.message}"
        return f"{text} [{self.path}]" if self.path else text


class DocumentError(MrstdError):
    """A source could not be read as a document: bad syntax, wrong types, bad structure."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            problems = [
                *problems[:MAX_PROBLEMS],
                Problem(f"... and {more:,} more problem(s) not shown", kind=problems[-1].kind),
            ]
        self.problems = problems
        super().__init__(problems[0].render(source) if problems else source)


class UnsupportedVersionError(DocumentError):
    """The document is written in a schema version this release cannot read."""


class FormatError(MrstdError):
    """The format is unknown, cannot be detected, or cannot be read or written."""


class ConversionError(MrstdError):
    """A document cannot be written in the requested format."""
