"""``mrstd validate``: check files and folders against the rules, in CI-friendly formats."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..bulk import STDIN, Engine, LocalEngine, crash_message, readable, walk
from ..errors import FormatError
from ..formats import get_format
from ..io import SourceError, write_atomic
from ..model.enums import DraftingRules
from ..report import Run, get_reporter, reporter_names
from ..rules import PROFILES, Finding, Severity, all_rules, select_rules
from ..rules import load as load_codes
from ..validation import validate_bytes, validate_file
from .common import Exit, Progress, echo_err, engine_options, opened_engine

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_KEYS = (
    "profile",
    "select",
    "ignore",
    "fail-on",
    "output-format",
    "jobs",
    "drafting-rules",
)


#: The values of --drafting-rules and [tool.mrstd] drafting-rules.
DRAFTING_RULES = tuple(rules.value for rules in DraftingRules)


class ConfigError(click.UsageError):
    """The [tool.mrstd] section of pyproject.toml is wrong."""


@dataclass(frozen=True)
class Settings:
    """The options of one run, after merging the command line over pyproject.toml."""

    profile: str = "generic"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    output_format: str = "text"
    #: Processes or workers (None: one process locally, one worker a core on Dask).
    jobs: int | None = None
    source_format: str | None = None
    #: The drafting rules of documents whose metadata does not state them.
    drafting_rules: str | None = None


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml in ``start`` or a parent folder."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> tuple[dict[str, Any], Path | None]:
    """The ``[tool.mrstd]`` table of the nearest pyproject.toml (empty when none)."""
    path = find_pyproject(start or Path.cwd())
    if path is None:
        return {}, None
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    table = data.get("tool", {}).get("mrstd", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.mrstd] must be a table")
    unknown = sorted(set(table) - set(CONFIG_KEYS) - {k.replace("-", "_") for k in CONFIG_KEYS})
    if unknown:
        known = ", ".join(CONFIG_KEYS)
        raise ConfigError(
            f"{path}: [tool.mrstd]: unknown keys {', '.join(unknown)}; known: {known}"
        )
    return {k.replace("_", "-"): v for k, v in table.items()}, path


def _codes(value: Any, key: str, where: Path | None) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: [tool.mrstd] {key} must be a list of codes or prefixes")
    return _split(value)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        out.extend(part.strip().upper() for part in value.split(",") if part.strip())
    return tuple(out)


def _check_codes(prefixes: Sequence[str], option: str) -> None:
    codes = [rule.code for rule in all_rules()]
    for prefix in prefixes:
        if not any(code.startswith(prefix) for code in codes):
            raise click.UsageError(f"{option} {prefix}: no rule code starts with it")


def resolve_settings(
    profile: str | None,
    select: Sequence[str],
    ignore: Sequence[str],
    fail_on: str | None,
    output_format: str | None,
    jobs: int | None,
    source_format: str | None,
    drafting_rules: str | None = None,
) -> Settings:
    """Command-line options over ``[tool.mrstd]`` defaults over built-in defaults."""
    config, where = load_config()
    choice = {
        "profile": PROFILES,
        "fail-on": FAIL_ON,
        "output-format": tuple(reporter_names()),
        "drafting-rules": DRAFTING_RULES,
    }
    for key, allowed in choice.items():
        if key in config and config[key] not in allowed:
            raise ConfigError(
                f"{where}: [tool.mrstd] {key} = {config[key]!r}; use one of {', '.join(allowed)}"
            )
    if "jobs" in config and (not isinstance(config["jobs"], int) or config["jobs"] < 1):
        raise ConfigError(f"{where}: [tool.mrstd] jobs must be a positive integer")
    settings = Settings(
        profile=profile or config.get("profile", "generic"),
        select=_split(select) if select else _codes(config.get("select", []), "select", where),
        ignore=_split(ignore) if ignore else _codes(config.get("ignore", []), "ignore", where),
        fail_on=fail_on or config.get("fail-on", "error"),
        output_format=output_format or config.get("output-format", "text"),
        jobs=jobs or config.get("jobs"),
        source_format=source_format,
        drafting_rules=drafting_rules or config.get("drafting-rules"),
    )
    _check_codes(settings.select, "--select")
    _check_codes(settings.ignore, "--ignore")
    return settings


def collect(paths: Sequence[str], format: str | None = None) -> list[str]:
    """Files to check: files as given, and the documents under each folder (those
    ``mrstd convert`` would read, :func:`mrstd.bulk.walk`). A path that does not exist is
    kept, so that it is reported."""
    return [source.name for source in walk(paths, readable(format))]


def _check_one(path: str, settings: Settings, data: bytes | None) -> list[Finding]:
    options: dict[str, Any] = {
        "profile": settings.profile,
        "select": settings.select,
        "ignore": settings.ignore,
        "format": settings.source_format,
        "drafting_rules": settings.drafting_rules,
    }
    try:
        if data is not None:
            found = validate_bytes(data, path, **options)
        else:
            found = validate_file(path, **options)
        for finding in found:
            finding.loc = ()  # placed already; less to send back from a worker
        return found
    except Exception as exc:  # one bad file must not stop the others
        return _crashed((path, data), exc)


def _check_batch(settings: Settings, batch: list[tuple[str, bytes | None]]) -> list[list[Finding]]:
    return [_check_one(path, settings, data) for path, data in batch]


def _crashed(item: tuple[str, bytes | None], exc: BaseException) -> list[Finding]:
    """The finding of a file whose check failed, or killed the process checking it."""
    rule = load_codes.INTERNAL_ERROR
    message = crash_message(exc)
    return [Finding(rule.code, rule.severity, message, file=item[0])]


def check_files(
    files: Iterable[str],
    settings: Settings,
    stdin: bytes | None = None,
    engine: Engine | None = None,
) -> Iterator[tuple[str, list[Finding]]]:
    """Each file with its findings, in order, checked by ``engine`` (this process when
    None). The path ``-`` is the ``stdin`` bytes, read once by the caller."""
    items = ((path, stdin if path == STDIN else None) for path in files)
    task = functools.partial(_check_batch, settings)
    for (path, _data), found in (engine or LocalEngine()).map(task, items, failed=_crashed):
        yield path, found


#: The severities --fail-on and [tool.mrstd] fail-on accept, alike.
FAIL_ON = ("error", "warning", "info")


def _severity_choice() -> click.Choice[str]:
    return click.Choice(FAIL_ON, case_sensitive=False)


@click.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--output-format",
    "-f",
    "output_format",
    type=click.Choice(list(reporter_names())),
    default=None,
    help="Report format (default: text, or [tool.mrstd] output-format).",
)
@click.option("--profile", type=click.Choice(PROFILES), default=None, help="Rule profile.")
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only these codes or prefixes (comma-separated, repeatable), e.g. MRS1,MRS501.",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these codes or prefixes.")
@click.option(
    "--fail-on",
    type=_severity_choice(),
    default=None,
    help="Exit 1 when a finding is at or above this severity (default: error).",
)
@engine_options
@click.option("--from", "source_format", default=None, help="Read files in this format.")
@click.option(
    "--drafting-rules",
    type=click.Choice(DRAFTING_RULES),
    default=None,
    help="The drafting rules of documents whose metadata does not state them (default: those "
    "in force when each was published; [tool.mrstd] drafting-rules).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the report to this file instead of stdout.",
)
def validate_command(
    paths: tuple[str, ...],
    output_format: str | None,
    profile: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    jobs: int | None,
    source_format: str | None,
    drafting_rules: str | None,
    output: str | None,
    engine: str,
    scheduler: str | None,
) -> None:
    """Validate documents (files, or folders searched recursively) against coded rules.

    Exit codes: 0 when no finding is at or above --fail-on, 1 when there is one, 2 for usage
    or I/O errors (a path that cannot be read). Project defaults come from [tool.mrstd] in the
    nearest pyproject.toml.
    """
    settings = resolve_settings(
        profile,
        select,
        ignore,
        fail_on.lower() if fail_on else None,
        output_format,
        jobs,
        source_format,
        drafting_rules,
    )
    if source_format is not None:
        try:
            get_format(source_format)
        except FormatError as exc:
            raise click.UsageError(str(exc)) from None
    files: list[str] = []
    findings: list[Finding] = []
    stdin = sys.stdin.buffer.read() if STDIN in paths else None
    names = (source.name for source in walk(paths, readable(source_format)))
    with (
        opened_engine(engine, settings.jobs, scheduler) as runner,
        Progress("Validating", walk(paths, readable(source_format))) as bar,
    ):
        try:
            for path, found in check_files(names, settings, stdin, runner):
                files.append(path)
                findings.extend(found)
                bar.advance()
        except SourceError as exc:  # a URL whose file system cannot be listed
            echo_err(f"error: {exc}")
            sys.exit(Exit.USAGE)
    run = Run(
        files=files,
        findings=findings,
        profile=settings.profile,
        fail_on=Severity(settings.fail_on),
        rules=[*_load_rules(), *select_rules(settings.profile, settings.select, settings.ignore)],
    )
    reporter = get_reporter(settings.output_format)
    report = reporter.render(run)
    if output:
        try:
            write_atomic(output, report.encode("utf-8"))
        except SourceError as exc:
            echo_err(f"error: {exc}")
            sys.exit(Exit.USAGE)
        echo_err(run.summary())
    elif reporter.machine:
        click.echo(report, nl=False)
        echo_err(run.summary())
    else:
        click.echo(report, nl=False)
        click.echo(run.summary())
    if any(f.code == load_codes.UNREADABLE.code for f in findings):
        sys.exit(Exit.USAGE)
    sys.exit(Exit.INVALID if run.failed else Exit.OK)


def _load_rules() -> list[Any]:
    return [rule for rule in all_rules() if rule.load_phase]


validate = validate_command
