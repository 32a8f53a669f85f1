"""docs/rules.md is generated from the registry and must not be stale."""

from __future__ import annotations

from pathlib import Path

from mrstd.rules import all_rules
from mrstd.rules.docs import render

ROOT = Path(__file__).resolve().parents[2]


def test_rules_md_is_up_to_date() -> None:
    current = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert current == render(), "docs/rules.md is stale: run python -m mrstd.rules.docs --write"


def test_every_rule_is_documented_with_examples() -> None:
    text = render()
    for rule in all_rules():
        assert f"### {rule.code} {rule.name}" in text
        assert rule.citation in text
