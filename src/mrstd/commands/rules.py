"""``mrstd rules``: every rule with its code, severity, profiles and citation."""

from __future__ import annotations

import json

import click

from ..rules import PROFILES, all_rules
from ..rules.docs import rule_text


@click.command("rules")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option(
    "--profile", type=click.Choice(PROFILES), default=None, help="Only the rules of a profile."
)
def rules_command(as_json: bool, profile: str | None) -> None:
    """List every validation rule: code, severity, profiles, name and citation."""
    chosen = [r for r in all_rules() if profile is None or profile in r.profiles]
    if as_json:
        click.echo(json.dumps([r.as_json() for r in chosen], ensure_ascii=False, indent=2))
        return
    for r in chosen:
        profiles = ",".join(r.profiles)
        click.echo(f"{r.code}  {r.severity.value:<7}  {profiles:<14}  {r.name}")
        click.echo(f"        {r.summary}")
        click.echo(f"        Source: {r.citation}")


@click.command("rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Explain one rule: what it checks and why, its source clause, and its failing and
    passing examples (as in docs/rules.md), e.g. ``mrstd rule MRS102``."""
    wanted = code.strip().upper()
    for rule in all_rules():
        if rule.code == wanted or rule.name == code.strip():
            click.echo("\n".join(rule_text(rule)).rstrip("\n"))
            return
    near = [r.code for r in all_rules() if r.code.startswith(wanted[:5])][:10]
    hint = f"; codes near it: {', '.join(near)}" if near else "; `mrstd rules` lists them"
    raise click.UsageError(f"no rule {code!r}{hint}")


rules = rules_command
