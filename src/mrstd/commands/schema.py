"""``mrstd schema``: print the published JSON Schema."""

from __future__ import annotations

import click

from ..schema import render


@click.command(name="schema")
def schema_command() -> None:
    """Print the JSON Schema of the document format."""
    click.echo(render(), nl=False)
