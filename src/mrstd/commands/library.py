"""``mrstd library``: a digital standard library in one SQLite file, over
:class:`mrstd.library.Library`."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import MrstdError
from ..io import write_atomic
from ..library import Library
from ..library.report import STATS_FORMATS, render_stats
from ..library.store import sources_of
from ..library.tabular import FIELDS, parse_map
from .common import Exit, Progress, echo_err, engine_options, opened_engine

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "library.sqlite"


def _db_option(function: F) -> F:
    return click.option(
        "--db",
        default=lambda: os.environ.get("MRSTD_LIBRARY", DEFAULT_DB),
        show_default=f"$MRSTD_LIBRARY or {DEFAULT_DB}",
        help="The library file.",
    )(function)


def _json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Output JSON.")(function)


def _guarded(function: F) -> F:
    """A library error as one line and exit code 2, not a traceback."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except MrstdError as exc:
            echo_err(f"error: {exc}")
            sys.exit(Exit.USAGE)

    return wrapper  # type: ignore[return-value]


@contextmanager
def _open(db: str, readonly: bool = True) -> Iterator[Library]:
    library = Library(db, readonly=readonly)
    try:
        yield library
    finally:
        library.close()


def _emit(data: Any, as_json: bool, text: Callable[[Any], str]) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text(data), nl=False)


@click.group(name="library")
def library_group() -> None:
    """A digital standard library: many standards, their relations (adoptions with their
    degree, replacements, citations) and the Outline's metrics, in one SQLite file.

    Exit codes: 0 done, 2 usage or I/O error (an unreadable library, an unknown column).
    """


@library_group.command(name="add")
@_db_option
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--map",
    "column_map",
    help="Columns of a table: field=column,… Fields: " + ", ".join(FIELDS) + ".",
)
@engine_options
@_json_option
@_guarded
def add_command(
    db: str,
    paths: tuple[str, ...],
    column_map: str | None,
    engine: str,
    scheduler: str | None,
    jobs: int | None,
    as_json: bool,
) -> None:
    """Add catalogues (CSV, XLSX) and documents (any format mrstd reads; folders are
    searched recursively). Adding a file again changes nothing unless it changed; a record
    that cannot be read is reported with its place and the rest are added."""
    mapping = parse_map(column_map)
    with (
        _open(db, readonly=False) as library,
        opened_engine(engine, jobs, scheduler) as runner,
        Progress("Adding", sources_of(paths)) as bar,
    ):
        report = library.add(
            paths,
            mapping=mapping,
            engine=runner,
            progress=lambda done: bar.advance(done - bar.done),
        )
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{len(report.added)} added, {len(report.replaced)} replaced, "
        f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped; "
        f"{report.records} records, {report.relations} relations"
    )
    if report.problems:
        kinds = Counter(p.kind for p in report.problems)
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        echo_err(f"{len(report.problems)} problems ({summary}): mrstd library problems lists them")


def _standards_text(found: list[dict[str, Any]]) -> str:
    lines = []
    for item in found:
        lines.append(
            f"{item['designation']}  {item.get('title') or ''}  "
            f"[{item.get('status') or 'status unknown'}]".rstrip()
        )
        for relation in item.get("adopts", []):
            lines.append(
                f"  adopts {relation['adopts']} ({relation['degree'] or 'degree unknown'})"
            )
        for source in item.get("sources", []):
            lines.append(f"  from {source}")
    return "\n".join(lines) + "\n" if lines else "not found\n"


@library_group.command(name="find")
@_db_option
@click.argument("identifier")
@_json_option
@_guarded
def find_command(db: str, identifier: str, as_json: bool) -> None:
    """A standard in any spelling (ＧＢ／Ｔ　１９００１－２０１６ finds GB/T 19001-2016); an
    undated designation gives every edition, the latest first."""
    with _open(db) as library:
        found = []
        for standard in library.find(identifier):
            item = standard.as_dict()
            item["adopts"] = [
                a
                for a in library.adoptions(standard.designation)
                if a["designation"] == standard.designation
            ]
            found.append(item)
    _emit(found, as_json, _standards_text)
    if not found:
        sys.exit(Exit.INVALID)


@library_group.command(name="search")
@_db_option
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@_json_option
@_guarded
def search_command(db: str, query: str, limit: int, as_json: bool) -> None:
    """Full-text search over titles and clause text (Chinese works: trigrams)."""
    with _open(db) as library:
        hits = library.search(query, limit)
    _emit(
        hits,
        as_json,
        lambda hs: "".join(f"{h['designation']} {h['place']}: {h['snippet']}\n" for h in hs),
    )


@library_group.command(name="adopters")
@_db_option
@click.argument("identifier")
@_json_option
@_guarded
def adopters_command(db: str, identifier: str, as_json: bool) -> None:
    """The standards that adopt a document, and how (IDT, MOD, NEQ, EQV)."""
    with _open(db) as library:
        found = library.adopters(identifier)
    _emit(
        found,
        as_json,
        lambda fs: "".join(
            f"{f['designation']} adopts {f['adopts']} ({f['degree'] or 'degree unknown'})\n"
            for f in fs
        ),
    )


@library_group.command(name="adoptions")
@_db_option
@click.argument("identifier")
@_json_option
@_guarded
def adoptions_command(db: str, identifier: str, as_json: bool) -> None:
    """What a standard adopts, and how."""
    with _open(db) as library:
        found = library.adoptions(identifier)
    _emit(
        found,
        as_json,
        lambda fs: "".join(
            f"{f['designation']} adopts {f['adopts']} ({f['degree'] or 'degree unknown'})\n"
            for f in fs
        ),
    )


@library_group.command(name="chain")
@_db_option
@click.argument("identifier")
@_json_option
@_guarded
def chain_command(db: str, identifier: str, as_json: bool) -> None:
    """The replacement chain through a standard, oldest first, and the editions of its
    work."""
    with _open(db) as library:
        found = library.chain(identifier)

    def text(data: dict[str, Any]) -> str:
        lines = []
        for step in data["chain"]:
            replaces = ", ".join(
                r["designation"] + (" (in part)" if r["partial"] else "") for r in step["replaces"]
            )
            lines.append(step["designation"] + (f"  replaces {replaces}" if replaces else ""))
        lines.append("editions: " + ", ".join(data["editions"]))
        return "\n".join(lines) + "\n"

    _emit(found, as_json, text)


@library_group.command(name="stale")
@_db_option
@click.option("--all", "everything", is_flag=True, help="Informative citations too.")
@_json_option
@_guarded
def stale_command(db: str, everything: bool, as_json: bool) -> None:
    """Standards in force that cite a withdrawn or replaced standard, and what replaced
    it."""
    with _open(db) as library:
        found = library.stale_citations(normative_only=not everything)
    _emit(
        found,
        as_json,
        lambda fs: "".join(
            f"{f['designation']} cites {f['cites']} ({f['resolved']}), replaced by "
            f"{', '.join(f['replaced_by']) or 'nothing: withdrawn'}\n"
            for f in fs
        ),
    )


@library_group.command(name="status")
@_db_option
@click.argument("identifier")
@click.option("--at", "on", type=click.DateTime(formats=["%Y-%m-%d"]), help="The date (today).")
@_json_option
@_guarded
def status_command(db: str, identifier: str, on: dt.datetime | None, as_json: bool) -> None:
    """The status of a standard on a date."""
    with _open(db) as library:
        found = library.status(identifier, on.date() if on is not None else None)
    _emit(
        found,
        as_json,
        lambda fs: (
            "".join(f"{f['designation']} on {f['on']}: {f['status']} ({f['why']})\n" for f in fs)
            or "not found\n"
        ),
    )


@library_group.command(name="stats")
@_db_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(STATS_FORMATS)),
    default="text",
    show_default=True,
)
@click.option(
    "--reference",
    type=click.Path(exists=True, dir_okay=False),
    help="International documents to measure the conversion rate against, one a line.",
)
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Reference date (today).")
@click.option("-o", "--output", default="-", help="Output file, or - for stdout.")
@_guarded
def stats_command(
    db: str, output_format: str, reference: str | None, as_of: dt.datetime | None, output: str
) -> None:
    """The Outline's metrics: counts and shares by mandate, category, ICS/CCS and year;
    adoption share and degree mix by five-year cohort; standards in force by age; intervals;
    citations of withdrawn standards; the conversion rate against a reference set. Every
    metric states its formula."""
    lines = Path(reference).read_text("utf-8").splitlines() if reference else None
    with _open(db) as library:
        stats = library.stats(reference=lines, as_of=as_of.date() if as_of else None)
    text = render_stats(stats, output_format)
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))


@library_group.command(name="export")
@_db_option
@click.argument("folder")
@_guarded
def export_command(db: str, folder: str) -> None:
    """Every table as Parquet in FOLDER, for DuckDB or Spark."""
    with _open(db) as library:
        written = library.export(folder)
    click.echo("".join(f"{path}\n" for path in written), nl=False)


@library_group.command(name="problems")
@_db_option
@_json_option
@_guarded
def problems_command(db: str, as_json: bool) -> None:
    """What could not be read, with its place in its source."""
    with _open(db) as library:
        found = library.problems()
    _emit(
        found,
        as_json,
        lambda ps: "".join(f"{p['location']}: {p['kind']}: {p['message']}\n" for p in ps),
    )
