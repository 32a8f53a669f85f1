"""``mrstd diff``: compare two documents, or an adoption with the text it adopts, through
:func:`mrstd.diff` and :func:`mrstd.adoption_diff`."""

from __future__ import annotations

import sys

import click

from ..api import load
from ..changes import DIFF_FORMATS, adoption_diff, diff, format_adoption, format_diff
from ..errors import DocumentError, MrstdError
from ..formats import formats
from ..io import write_atomic
from .common import Exit, echo_err, error_lines

_FORMAT_NAMES = sorted({f.name for f in formats() if f.read is not None})


@click.command(name="diff")
@click.argument("old")
@click.argument("new", required=False)
@click.option(
    "--adoption",
    is_flag=True,
    help="Compare OLD's adopting layer with the layer it adopts (or with NEW, the adopted "
    "text, when OLD holds none), and state the degree the evidence supports.",
)
@click.option(
    "--format", "output_format", type=click.Choice(DIFF_FORMATS), default="text", help="Output."
)
@click.option("-o", "--output", default="-", help="Output file, or - for stdout (the default).")
@click.option("--from", "source_format", type=click.Choice(_FORMAT_NAMES), help="Input format.")
@click.pass_context
def diff_command(
    ctx: click.Context,
    old: str,
    new: str | None,
    adoption: bool,
    output_format: str,
    output: str,
    source_format: str | None,
) -> None:
    """Compare OLD with NEW (any formats mrstd reads): clauses, paragraphs, tables, figures,
    formulas, term entries and references aligned, and each change classified (added,
    removed, moved, renumbered, text edited, provision strength, value or unit, reference,
    designation, metadata). With --adoption, the deviations of an adoption.

    Exit codes: 0 compared (whether or not anything changed), 1 a document could not be
    read, 2 usage or I/O error.
    """
    try:
        if not adoption and new is None:
            raise click.UsageError("give two documents to compare, or --adoption")
        before = load(old, source_format)
        after = load(new, source_format) if new is not None else None
        if adoption:
            if output_format == "html":
                raise click.UsageError("an adoption report is written as text or json")
            text = format_adoption(adoption_diff(before, after), output_format)
        else:
            assert after is not None
            text = format_diff(diff(before, after), output_format)
        data = text.encode("utf-8")
        if output == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            write_atomic(output, data)
    except DocumentError as exc:
        for line in error_lines(exc):
            echo_err(line)
        ctx.exit(Exit.INVALID)
    except MrstdError as exc:
        echo_err(f"error: {exc}")
        ctx.exit(Exit.USAGE)
