"""``file:line:col: MRS101 message [path]``, one finding a line, hints indented below."""

from __future__ import annotations

from ..findings import Finding
from .base import Reporter, Run, display_path, register


def format_finding(finding: Finding) -> str:
    """One finding as a line: ``file:line:col: CODE message [path]``."""
    where = display_path(finding.file)
    if finding.line is not None:
        where += f":{finding.line}:{finding.column or 1}"
    line = f"{where}: {finding.code} {finding.message}"
    return f"{line} [{finding.path}]" if finding.path else line


@register
class TextReporter(Reporter):
    """Lines for people and for editors that jump to ``file:line:col``."""

    name = "text"
    order = 0
    description = "file:line:col: CODE message [path], with hints"
    machine = False

    def render(self, run: Run) -> str:
        out = []
        for finding in run.findings:
            out.append(format_finding(finding))
            if finding.hint:
                out.append(f"    hint: {finding.hint}")
        return "\n".join(out) + ("\n" if out else "")
