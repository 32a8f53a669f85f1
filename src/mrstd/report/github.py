"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…::message``."""

from __future__ import annotations

from ..findings import Severity
from .base import Reporter, Run, display_path, register

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


@register
class GithubReporter(Reporter):
    """Annotations GitHub shows on the lines of a pull request."""

    name = "github"
    order = 3
    description = "GitHub Actions annotations (::error file=...,line=...,col=...::...)"

    def render(self, run: Run) -> str:
        out = []
        for f in run.findings:
            props = [f"file={_property(display_path(f.file))}"]
            if f.line is not None:
                props.append(f"line={f.line}")
                props.append(f"col={f.column or 1}")
            props.append(f"title={_property(f.code)}")
            message = f"{f.code} {f.message}"
            if f.path:
                message += f" [{f.path}]"
            if f.hint:
                message += f"\nhint: {f.hint}"
            out.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_data(message)}")
        return "\n".join(out) + ("\n" if out else "")
