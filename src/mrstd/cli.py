"""The ``mrstd`` command: a thin layer over the library; the only place that prints or exits."""

from __future__ import annotations

import importlib
import os
import sys

import click

from . import __version__
from .commands.common import Exit

#: Each command and where it is defined: a command's module is imported only when that
#: command runs (or help lists it), so "mrstd id parse" never loads the document model.
COMMANDS = {
    "validate": "mrstd.commands.validate:validate_command",
    "convert": "mrstd.commands.convert:convert_command",
    "render": "mrstd.commands.render:render_command",
    "diff": "mrstd.commands.diff:diff_command",
    "rules": "mrstd.commands.rules:rules_command",
    "rule": "mrstd.commands.rules:rule_command",
    "schema": "mrstd.commands.schema:schema_command",
    "id": "mrstd.ids.cli:id_group",
    "library": "mrstd.commands.library:library_group",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, _, name = where.partition(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mrstd")
def main() -> None:
    """Machine-readable standards: validate, convert and inspect standards documents.

    Exit codes: 0 success, 1 invalid input or findings, 2 usage or I/O error.
    """


def run() -> None:
    """Entry point: an unexpected failure is one line on stderr, not a traceback.

    Set MRSTD_DEBUG=1 to see the traceback of an internal error.
    """
    try:
        main(standalone_mode=True)
    except RecursionError:
        click.echo("error: input is nested too deeply", err=True)
        sys.exit(Exit.INVALID)
    except Exception as exc:
        if os.environ.get("MRSTD_DEBUG"):
            raise
        click.echo(
            f"internal error: {type(exc).__name__}: {exc} (MRSTD_DEBUG=1 shows more)", err=True
        )
        sys.exit(Exit.USAGE)


if __name__ == "__main__":
    run()
