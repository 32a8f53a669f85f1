"""SARIF 2.1.0, the format code-scanning services read."""

from __future__ import annotations

from typing import Any

import orjson

from .. import __version__
from ..findings import Severity
from ..rules import Rule
from .base import Reporter, Run, display_path, register

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES_URI = "https://mrstd.dev/docs/rules.html"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} Source: {rule.citation}."},
        "helpUri": f"{RULES_URI}#{rule.code.lower()}",
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"profiles": list(rule.profiles), "citation": rule.citation},
    }


@register
class SarifReporter(Reporter):
    """One run of the mrstd tool; rules carry their citations."""

    name = "sarif"
    order = 2
    description = "SARIF 2.1.0 log"

    def render(self, run: Run) -> str:
        # Only the rules with results: the log stays small and says what was found.
        used = {f.code for f in run.findings}
        rules = [rule for rule in run.rules if rule.code in used]
        index = {rule.code: i for i, rule in enumerate(rules)}
        results = []
        artifacts: dict[str, int] = {}
        for f in run.findings:
            uri = display_path(f.file)
            artifacts.setdefault(uri, len(artifacts))
            at = (uri, artifacts[uri])
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message + (f" Hint: {f.hint}" if f.hint else "")},
                "locations": [_location(at, f.line, f.column, f.path)],
            }
            if f.related:
                result["relatedLocations"] = [
                    {
                        "id": number,
                        **_location(at, place.line, place.column, place.path),
                        **({"message": {"text": place.message}} if place.message else {}),
                    }
                    for number, place in enumerate(f.related, 1)
                ]
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            results.append(result)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "mrstd",
                            "version": __version__,
                            "informationUri": "https://mrstd.dev",
                            "rules": [_rule(rule) for rule in rules],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "artifacts": [{"location": {"uri": uri}} for uri in artifacts],
                    "results": results,
                    "properties": {"profile": run.profile},
                }
            ],
        }
        return orjson.dumps(log, option=orjson.OPT_INDENT_2).decode() + "\n"


def _location(
    artifact: tuple[str, int], line: int | None, column: int | None, path: str
) -> dict[str, Any]:
    """A SARIF location: the file, the line and column when known, the model path."""
    uri, index = artifact
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": index}}
    if line is not None:
        physical["region"] = {"startLine": line, "startColumn": column or 1}
    location: dict[str, Any] = {"physicalLocation": physical}
    if path:
        location["logicalLocations"] = [{"fullyQualifiedName": path, "kind": "element"}]
    return location
