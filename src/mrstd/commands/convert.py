"""``mrstd convert``: one file, stdin/stdout, or a whole folder, through :func:`mrstd.convert`."""

from __future__ import annotations

import click

from ..bulk import readable, walk
from ..conversion import Conversion, FileConversion, convert
from ..errors import DocumentError, MrstdError
from ..formats import formats
from ..formats.base import Change
from .common import Exit, Progress, echo_err, engine_options, error_lines, opened_engine

_FORMAT_NAMES = sorted({f.name for f in formats()})
_LOST_SHOWN = 5


def _report_losses(one: FileConversion, target: str) -> None:
    for warning in one.log.warnings:
        echo_err(f"warning: {warning.render(one.source)}")
    # Losses come from reading the source as well as from writing the target format.
    for change, what in (
        (Change.LOST, "lost converting to"),
        (Change.INVALID, "written as read but invalid in"),
    ):
        found = [e for e in one.log.entries if e.change is change]
        if not found:
            continue
        echo_err(f"{one.output}: {len(found)} item(s) {what} {target}:")
        for entry in found[:_LOST_SHOWN]:
            line = f" (source line {entry.line})" if entry.line is not None else ""
            echo_err(f"  {change.value} {entry.path or 'document'}{line}: {entry.detail}")
        if len(found) > _LOST_SHOWN:
            echo_err(f"  ... and {len(found) - _LOST_SHOWN} more (see --report)")


def _show(result: Conversion) -> int:
    for one in result.files:
        for line in one.errors:
            echo_err(line)
        if one.ok:
            _report_losses(one, result.target.name)
    if result.folder:
        echo_err(result.summary())
    return Exit.INVALID if result.failed else Exit.OK


@click.command(name="convert")
@click.argument("source")
@click.option("-o", "--output", required=True, help="Output file, folder, or - for stdout.")
@click.option("--from", "source_format", type=click.Choice(_FORMAT_NAMES), help="Input format.")
@click.option("--to", type=click.Choice(_FORMAT_NAMES), help="Output format.")
@click.option(
    "--report",
    help="Write a JSON report of what was kept opaque, normalised or lost (- for stdout).",
)
@click.option(
    "--sts-tag-set",
    type=click.Choice(["interchange", "extended"]),
    help="NISO STS tag set for --to sts (default interchange).",
)
@click.option(
    "--rdf-format",
    type=click.Choice(["turtle", "json-ld", "nt"]),
    help="RDF serialisation for --to rdf (default turtle).",
)
@click.option("--base", help="For --to rdf: the namespace IRIs start with (default: the URN).")
@engine_options
@click.pass_context
def convert_command(
    ctx: click.Context,
    source: str,
    output: str,
    source_format: str | None,
    to: str | None,
    report: str | None,
    sts_tag_set: str | None,
    rdf_format: str | None,
    base: str | None,
    engine: str,
    scheduler: str | None,
    jobs: int | None,
) -> None:
    """Convert SOURCE (a file, a folder, or - for stdin) to another format.

    Files in a folder that are not in a format mrstd reads are skipped and counted; a
    folder's files are converted by --engine. SOURCE and -o may be fsspec URLs (s3://...).
    Exit codes: 0 converted, 1 a source could not be read, 2 usage or I/O error.
    """
    try:
        files = walk([source], readable(source_format))
        with opened_engine(engine, jobs, scheduler) as runner, Progress("Converting", files) as bar:
            result = convert(
                source,
                output,
                to=to,
                source_format=source_format,
                report=report,
                sts_tag_set=sts_tag_set,
                rdf_format=rdf_format,
                base=base,
                engine=runner,
                progress=lambda _one: bar.advance(),
            )
    except DocumentError as exc:
        for line in error_lines(exc):
            echo_err(line)
        ctx.exit(Exit.INVALID)
    except MrstdError as exc:
        echo_err(str(exc))
        ctx.exit(Exit.USAGE)
    ctx.exit(_show(result))
