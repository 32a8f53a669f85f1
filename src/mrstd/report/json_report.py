"""A JSON object with the findings, the summary and the run's settings."""

from __future__ import annotations

import orjson

from ..findings import Severity
from .base import Reporter, Run, display_path, register


@register
class JsonReporter(Reporter):
    """Machine-readable findings; ``file`` paths use forward slashes."""

    name = "json"
    order = 1
    description = "JSON object: findings, summary, settings"

    def render(self, run: Run) -> str:
        counts = run.counts()
        findings = []
        for finding in run.findings:
            item = finding.as_json()
            item["file"] = display_path(finding.file)
            findings.append(item)
        data = {
            "version": 1,
            "profile": run.profile,
            "fail_on": run.fail_on.value,
            "files": len(run.files),
            "summary": {
                "errors": counts.get(Severity.ERROR, 0),
                "warnings": counts.get(Severity.WARNING, 0),
                "info": counts.get(Severity.INFO, 0),
                "files_with_findings": run.files_with_findings(),
                "failed": run.failed,
            },
            "findings": findings,
        }
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
