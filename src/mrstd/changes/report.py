"""A diff or an adoption report as text, JSON or (a diff) an HTML redline."""

from __future__ import annotations

from ..errors import FormatError
from .redline import render_redline
from .result import AdoptionDiff, Change, Diff

#: The formats a diff is written in.
DIFF_FORMATS = ("text", "json", "html")


def format_diff(result: Diff, format: str = "text") -> str:
    """A diff as ``text`` (a line a change), ``json`` or ``html`` (a redline of the new
    document)."""
    if format == "text":
        return _diff_text(result)
    if format == "json":
        return result.model_dump_json(by_alias=True, indent=2) + "\n"
    if format == "html":
        return render_redline(result)
    raise FormatError(f"cannot write a diff as {format!r}; formats: {', '.join(DIFF_FORMATS)}")


def format_adoption(result: AdoptionDiff, format: str = "text") -> str:
    """An adoption report as ``text`` or ``json``."""
    if format == "text":
        return _adoption_text(result)
    if format == "json":
        return result.model_dump_json(by_alias=True, indent=2) + "\n"
    raise FormatError(f"cannot write an adoption report as {format!r}; formats: text, json")


def _line(change: Change) -> str:
    place = change.new or change.old
    where = f"  [{place.path}]" if place is not None else ""
    return f"{change.kind.value:<20} {change.unit.value:<11} {change.detail}{where}"


def _diff_text(result: Diff) -> str:
    lines = [f"--- {result.old.identifier}", f"+++ {result.new.identifier}"]
    lines += [_line(change) for change in result.changes]
    counts = result.counts()
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    lines.append(f"{len(result.changes)} changes" + (f": {summary}" if summary else ""))
    return "\n".join(lines) + "\n"


def _adoption_text(result: AdoptionDiff) -> str:
    lines: list[str] = []
    for step in result.steps:
        declared = step.declared.value if step.declared is not None else "not declared"
        lines.append(f"{step.adopting.identifier} adopts {step.adopted.identifier}")
        lines.append(
            f"  declared degree: {declared}; the evidence supports: {step.supported.value}"
        )
        lines += [f"  - {reason}" for reason in step.reasons]
        for title, changes in (
            ("additions", step.additions),
            ("deletions", step.deletions),
            ("modifications", step.modifications),
        ):
            lines.append(f"  {title}: {len(changes)}")
            lines += [f"    {_line(change)}" for change in changes]
    return "\n".join(lines) + "\n"
