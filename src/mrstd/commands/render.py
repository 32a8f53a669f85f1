"""``mrstd render``: a document as one HTML page, through :func:`mrstd.render`."""

from __future__ import annotations

import sys

import click

from ..api import load, loads
from ..errors import DocumentError, MrstdError
from ..formats import formats
from ..io import write_atomic
from ..rendering import RENDER_FORMATS, render
from .common import Exit, echo_err, error_lines

_FORMAT_NAMES = sorted({f.name for f in formats() if f.read is not None})


@click.command(name="render")
@click.argument("source")
@click.option("-o", "--output", default="-", help="Output file, or - for stdout (the default).")
@click.option("--from", "source_format", type=click.Choice(_FORMAT_NAMES), help="Input format.")
@click.option(
    "--format", "output_format", type=click.Choice(RENDER_FORMATS), default="html", help="Output."
)
@click.pass_context
def render_command(
    ctx: click.Context, source: str, output: str, source_format: str | None, output_format: str
) -> None:
    """Render SOURCE (a file in any format mrstd reads, or - for stdin) for reading: one
    self-contained HTML page with live cross-references.

    Exit codes: 0 rendered, 1 the source could not be read, 2 usage or I/O error.
    """
    try:
        if source == "-":
            doc = loads(sys.stdin.buffer.read(), source_format, source="<stdin>")
        else:
            doc = load(source, source_format)
        page = render(doc, output_format).encode("utf-8")
        if output == "-":
            sys.stdout.buffer.write(page)
            sys.stdout.buffer.flush()
        else:
            write_atomic(output, page)
    except DocumentError as exc:
        for line in error_lines(exc):
            echo_err(line)
        ctx.exit(Exit.INVALID)
    except MrstdError as exc:
        echo_err(str(exc))
        ctx.exit(Exit.USAGE)
