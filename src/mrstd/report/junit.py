"""JUnit XML: one test case per file, failing when it has findings at or above --fail-on."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .base import Reporter, Run, display_path, register
from .text import format_finding


@register
class JunitReporter(Reporter):
    """For CI systems that show test reports (GitLab, Jenkins, Azure)."""

    name = "junit"
    order = 4
    description = "JUnit XML, one test case per file"

    def render(self, run: Run) -> str:
        by_file: dict[str, list[str]] = {display_path(f): [] for f in run.files}
        failing: dict[str, bool] = dict.fromkeys(by_file, False)
        first: dict[str, str] = {}
        for finding in run.findings:
            name = display_path(finding.file)
            by_file.setdefault(name, []).append(format_finding(finding))
            if finding.severity.rank >= run.fail_on.rank:
                failing[name] = True
                first.setdefault(name, f"{finding.code} {finding.message}")
        failures = sum(1 for v in failing.values() if v)
        suites = ET.Element("testsuites", name="mrstd validate")
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=f"mrstd.{run.profile}",
            tests=str(len(by_file)),
            failures=str(failures),
            errors="0",
            skipped="0",
        )
        suites.set("tests", str(len(by_file)))
        suites.set("failures", str(failures))
        for name, lines in by_file.items():
            case = ET.SubElement(suite, "testcase", name=name, classname="mrstd.validate")
            if failing.get(name):
                failure = ET.SubElement(case, "failure", message=first[name], type="mrstd.finding")
                failure.text = "\n".join(lines)
            elif lines:
                ET.SubElement(case, "system-out").text = "\n".join(lines)
        ET.indent(suites)
        body = ET.tostring(suites, encoding="unicode")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
