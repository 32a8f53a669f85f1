"""Report formats: text, json, sarif, github, junit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from mrstd.report import Run, get_reporter, reporter_names
from mrstd.rules import Finding, Severity

FINDINGS = [
    Finding(
        "MRS102",
        Severity.ERROR,
        "cross-reference to 'x'",
        "body[0].blocks[1]",
        "did you mean 'y'?",
        "docs\\a.json",
        12,
        7,
    ),
    Finding("MRS302", Severity.WARNING, "dated: 100%, ok", "body[1]", None, "docs/b.json", 3, 1),
    Finding("MRS508", Severity.INFO, "has to\nline", "", None, "docs/b.json", None, None),
]


def run(fail_on: Severity = Severity.ERROR) -> Run:
    return Run(
        files=["docs\\a.json", "docs/b.json", "docs/c.json"],
        findings=list(FINDINGS),
        profile="iso",
        fail_on=fail_on,
    )


def test_registry() -> None:
    assert list(reporter_names()) == ["text", "json", "sarif", "github", "junit"]
    with pytest.raises(KeyError):
        get_reporter("html")


def test_text() -> None:
    out = get_reporter("text").render(run()).splitlines()
    assert out[0] == "docs/a.json:12:7: MRS102 cross-reference to 'x' [body[0].blocks[1]]"
    assert out[1] == "    hint: did you mean 'y'?"
    # a newline in a message is written as an escape: it cannot start a forged line
    assert out[3] == "docs/b.json: MRS508 has to\\nline"


def test_summary() -> None:
    assert run().summary() == "Checked 3 files: 1 error, 1 warning, 1 info in 2 files."
    assert Run(files=["a"], findings=[]).summary() == "Checked 1 file: no findings."


def test_json() -> None:
    data = json.loads(get_reporter("json").render(run()))
    assert data["summary"] == {
        "errors": 1,
        "warnings": 1,
        "info": 1,
        "files_with_findings": 2,
        "failed": True,
    }
    assert data["findings"][0]["file"] == "docs/a.json"
    assert data["findings"][0]["line"] == 12 and data["findings"][0]["hint"]


def test_failed_follows_fail_on() -> None:
    only_warning = Run(files=["a"], findings=[FINDINGS[1]])
    assert not only_warning.failed
    only_warning.fail_on = Severity.WARNING
    assert only_warning.failed


def test_sarif_structure() -> None:
    log = json.loads(get_reporter("sarif").render(run()))
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["MRS102", "MRS302", "MRS508"]
    assert results[0]["ruleIndex"] == 0
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 12, "startColumn": 7}
    assert "region" not in results[2]["locations"][0]["physicalLocation"]


def test_github_escapes() -> None:
    lines = get_reporter("github").render(run()).splitlines()
    assert lines[0].startswith("::error file=docs/a.json,line=12,col=7,title=MRS102::")
    assert "%0Ahint: did you mean" in lines[0]
    assert lines[1].startswith("::warning ") and "100%25" in lines[1]
    assert lines[2] == "::notice file=docs/b.json,title=MRS508::MRS508 has to\\nline"


def test_junit() -> None:
    root = ET.fromstring(get_reporter("junit").render(run()))
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "3" and suite.get("failures") == "1"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases["docs/a.json"].find("failure") is not None
    assert cases["docs/b.json"].find("failure") is None
    assert cases["docs/b.json"].find("system-out") is not None
    assert list(cases["docs/c.json"]) == []
