"""What every report format receives, and the registry of formats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import ClassVar

from ..findings import Finding, Severity
from ..io import is_url
from ..rules import Rule, all_rules


@dataclass
class Run:
    """The outcome of validating some files: every finding, and how the run was set up."""

    files: list[str]
    findings: list[Finding]
    profile: str = "generic"
    fail_on: Severity = Severity.ERROR
    rules: list[Rule] = field(default_factory=all_rules)

    def counts(self) -> Counter[Severity]:
        """How many findings of each severity."""
        return Counter(f.severity for f in self.findings)

    @property
    def failed(self) -> bool:
        """Whether any finding is at or above ``fail_on``."""
        return any(f.severity.rank >= self.fail_on.rank for f in self.findings)

    def files_with_findings(self) -> int:
        """How many files have at least one finding."""
        return len({f.file for f in self.findings})

    def summary(self) -> str:
        """One line for people: files checked, findings by severity."""
        counts = self.counts()
        n = len(self.files)
        files = f"{n} file{'s' if n != 1 else ''}"
        if not self.findings:
            return f"Checked {files}: no findings."
        parts = []
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            k = counts.get(severity, 0)
            noun = {"error": "error", "warning": "warning", "info": "info"}[severity.value]
            parts.append(f"{k} {noun}{'s' if k != 1 and severity is not Severity.INFO else ''}")
        bad = self.files_with_findings()
        return f"Checked {files}: {', '.join(parts)} in {bad} file{'s' if bad != 1 else ''}."


def display_path(path: str | None) -> str:
    """A path with forward slashes, as reports print it; a URL as it is."""
    if not path:
        return "<input>"
    if is_url(path):
        return path
    return PurePath(path).as_posix().replace("\\", "/")


class Reporter:
    """A report format: turns a run into text."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    #: Whether the format is for machines; the CLI then writes the summary to stderr.
    machine: ClassVar[bool] = True
    #: Position in listings such as ``--help``.
    order: ClassVar[int] = 99

    def render(self, run: Run) -> str:
        """The whole report."""
        raise NotImplementedError


_REGISTRY: dict[str, type[Reporter]] = {}


def register(cls: type[Reporter]) -> type[Reporter]:
    """Class decorator adding a report format to the registry."""
    _REGISTRY[cls.name] = cls
    return cls


def get_reporter(name: str) -> Reporter:
    """An instance of the format called ``name`` (KeyError if unknown)."""
    return _REGISTRY[name]()


def reporter_names() -> Sequence[str]:
    """Every registered format name, in registration order."""
    return sorted(_REGISTRY, key=lambda name: (_REGISTRY[name].order, name))
