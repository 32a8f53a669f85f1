"""``mrstd convert``: one file, stdin/stdout, or a whole folder."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

import click
import orjson

from ..api import dumps_bytes
from ..errors import DocumentError, MrstdError
from ..formats import ConversionLog, detect_format, formats, get_format
from ..formats.base import Change, Format
from ..io import SourceError, read_source, write_atomic
from ..model import Document
from .common import Exit, echo_err, error_lines, show_progress

_FORMAT_NAMES = sorted({f.name for f in formats()})
_LOST_SHOWN = 5


def _read(data: bytes, name: str, source_format: str | None, log: ConversionLog) -> Document:
    fmt = get_format(source_format) if source_format else detect_format(name, data)
    if fmt.read is None:
        raise click.UsageError(f"format {fmt.name!r} cannot be read")
    return fmt.read(data, name, log)


def _target(output: str, to: str | None) -> Format:
    if to:
        return get_format(to)
    if output == "-":
        return get_format("json")
    return detect_format(output, None)


def _write(doc: Document, fmt: Format, log: ConversionLog, sts_tag_set: str | None) -> bytes:
    if sts_tag_set and fmt.name == "sts":
        from ..formats.sts import write_sts

        return write_sts(doc, log, tag_set=sts_tag_set)
    return dumps_bytes(doc, fmt.name, log=log)


def _report_losses(log: ConversionLog, fmt: Format, output: str) -> None:
    # Losses come from reading the source as well as from writing the target format.
    for change, what in (
        (Change.LOST, "lost converting to"),
        (Change.INVALID, "written as read but invalid in"),
    ):
        found = [e for e in log.entries if e.change is change]
        if not found:
            continue
        echo_err(f"{output}: {len(found)} item(s) {what} {fmt.name}:")
        for entry in found[:_LOST_SHOWN]:
            line = f" (source line {entry.line})" if entry.line is not None else ""
            echo_err(f"  {change.value} {entry.path or 'document'}{line}: {entry.detail}")
        if len(found) > _LOST_SHOWN:
            echo_err(f"  ... and {len(found) - _LOST_SHOWN} more (see --report)")


def convert_one(
    source: str,
    output: str,
    source_format: str | None,
    to: str | None,
    sts_tag_set: str | None = None,
) -> ConversionLog:
    """Convert one file (or stdin); writes nothing unless the whole conversion succeeds."""
    log = ConversionLog()
    data = sys.stdin.buffer.read() if source == "-" else read_source(source)
    name = "<stdin>" if source == "-" else source
    doc = _read(data, name, source_format, log)
    fmt = _target(output, to)
    if fmt.write is None:
        raise click.UsageError(f"format {fmt.name!r} cannot be written")
    result = _write(doc, fmt, log, sts_tag_set)
    if output == "-":
        sys.stdout.buffer.write(result)
        sys.stdout.buffer.flush()
    else:
        write_atomic(output, result)
    _report_losses(log, fmt, output)
    return log


def _folder_jobs(source: Path, out_dir: Path, fmt: Format) -> Iterator[tuple[Path, Path]]:
    ext = fmt.extensions[0] if fmt.extensions else ".out"
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        stem = path.name.split(".")[0]
        yield path, out_dir / path.parent.relative_to(source) / (stem + ext)


def _convert_folder(
    source: Path, out_dir: Path, source_format: str | None, to: str | None, tag_set: str | None
) -> int:
    fmt = get_format(to or "json")
    jobs = list(_folder_jobs(source, out_dir, fmt))
    if not jobs:
        echo_err(f"{source}: no files to convert")
        return Exit.USAGE
    failures: list[str] = []
    bar = (
        click.progressbar(jobs, label="converting", file=sys.stderr)
        if show_progress(len(jobs))
        else None
    )
    with bar if bar is not None else nullcontext(jobs) as iterator:
        for path, target in iterator:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                convert_one(str(path), str(target), source_format, fmt.name, tag_set)
            except DocumentError as exc:
                failures.extend(error_lines(exc))
            except MrstdError as exc:
                failures.append(str(exc))
    converted = len(jobs) - len(failures)
    for line in failures:
        echo_err(line)
    echo_err(f"converted {converted} of {len(jobs)} file(s) to {fmt.name}; {len(failures)} failed")
    return Exit.INVALID if failures else Exit.OK


@click.command(name="convert")
@click.argument("source")
@click.option("-o", "--output", required=True, help="Output file, folder, or - for stdout.")
@click.option("--from", "source_format", type=click.Choice(_FORMAT_NAMES), help="Input format.")
@click.option("--to", type=click.Choice(_FORMAT_NAMES), help="Output format.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False),
    help="Write a JSON report of what was kept opaque, normalised or lost.",
)
@click.option(
    "--sts-tag-set",
    type=click.Choice(["interchange", "extended"]),
    help="NISO STS tag set for --to sts (default interchange).",
)
@click.pass_context
def convert_command(
    ctx: click.Context,
    source: str,
    output: str,
    source_format: str | None,
    to: str | None,
    report: str | None,
    sts_tag_set: str | None,
) -> None:
    """Convert SOURCE (a file, a folder, or - for stdin) to another format."""
    try:
        if source != "-" and Path(source).is_dir():
            ctx.exit(_convert_folder(Path(source), Path(output), source_format, to, sts_tag_set))
        log = convert_one(source, output, source_format, to, sts_tag_set)
        if report:
            write_atomic(report, orjson.dumps(log.as_json(), option=orjson.OPT_INDENT_2))
    except DocumentError as exc:
        for line in error_lines(exc):
            echo_err(line)
        ctx.exit(Exit.INVALID)
    except SourceError as exc:
        echo_err(str(exc))
        ctx.exit(Exit.USAGE)
    except MrstdError as exc:
        echo_err(str(exc))
        ctx.exit(Exit.USAGE)
