"""The ``mrstd`` command: a thin layer over the library; the only place that prints or exits."""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .commands.common import Exit
from .commands.convert import convert_command
from .commands.rules import rules_command
from .commands.schema import schema_command
from .commands.validate import validate_command
from .ids.cli import id_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mrstd")
def main() -> None:
    """Machine-readable standards: validate, convert and inspect standards documents.

    Exit codes: 0 success, 1 invalid input or findings, 2 usage or I/O error.
    """


main.add_command(validate_command)
main.add_command(convert_command)
main.add_command(rules_command)
main.add_command(schema_command)
main.add_command(id_group)


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
