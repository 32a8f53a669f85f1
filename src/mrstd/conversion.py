"""Converting files and folders between formats: the public API behind ``mrstd convert``.

``convert(source, output, to=...)`` converts one file (``"-"`` is stdin or stdout) or a whole
folder. Every output path is checked before anything is converted, every output is written
atomically (:func:`mrstd.io.write_atomic`), and what a conversion kept opaque, normalised or
lost is in the returned :class:`Conversion`, and in the JSON report when one is asked for.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .api import load, loads
from .errors import DocumentError, FormatError, MrstdError
from .folders import documents_in
from .formats import ConversionLog, detect_format, get_format
from .formats.base import Format, writer_options
from .io import SourceError, write_atomic

__all__ = ["Conversion", "FileConversion", "convert"]

STDIO = "-"


@dataclass
class FileConversion:
    """One file converted, or not: its log, or the error lines that stopped it."""

    source: str
    output: str
    log: ConversionLog = field(default_factory=ConversionLog)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Conversion:
    """What one call of :func:`convert` did: one entry per file tried, and the files it
    skipped because they are not in a format mrstd reads (hidden files, ``.py``, ``.md``)."""

    target: Format
    folder: bool = False
    files: list[FileConversion] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def converted(self) -> list[FileConversion]:
        return [f for f in self.files if f.ok]

    @property
    def failed(self) -> list[FileConversion]:
        return [f for f in self.files if not f.ok]

    def summary(self) -> str:
        """``converted 3 of 4 file(s) to json; 1 failed; 2 skipped``."""
        text = (
            f"converted {len(self.converted)} of {len(self.files)} file(s) to "
            f"{self.target.name}; {len(self.failed)} failed"
        )
        return text + (f"; {len(self.skipped)} skipped" if self.skipped else "")

    def as_json(self) -> dict[str, Any]:
        """The report: for one file, its log; for a folder, one log per file."""
        if not self.folder:
            return self.files[0].log.as_json()
        return {
            "summary": self.summary(),
            "files": {
                f.source: {"output": f.output, "errors": f.errors, **f.log.as_json()}
                for f in self.files
            },
            "skipped": self.skipped,
        }


def convert(
    source: str | Path,
    output: str | Path,
    *,
    to: str | None = None,
    source_format: str | None = None,
    report: str | Path | None = None,
    sts_tag_set: str | None = None,
    rdf_format: str | None = None,
    base: str | None = None,
) -> Conversion:
    """Convert ``source`` (a file, a folder, or ``"-"`` for stdin) to ``output`` (a file, a
    folder, or ``"-"`` for stdout).

    The target format is ``to``, else the output's extension (JSON for stdout and folders).
    ``report`` names a file, or ``"-"`` for stdout, for the JSON report of the conversion.
    ``sts_tag_set`` (STS), ``rdf_format`` and ``base`` (RDF) are the target's options.
    One file that cannot be read raises :class:`DocumentError`; in a folder, each file's
    errors are kept in its :class:`FileConversion` and the others are still converted.
    Paths that cannot be written raise :class:`SourceError` before anything is converted.
    """
    src, out = str(source), str(output)
    rep = str(report) if report is not None else None
    folder = src != STDIO and os.path.isdir(src)
    target = _target(out, to, folder)
    options = writer_options(
        target, {"tag_set": sts_tag_set, "rdf_format": rdf_format, "base": base}
    )
    _check_report(rep, out)
    if folder:
        jobs, skipped = _folder_jobs(Path(src), out, target, source_format)
        result = Conversion(target, folder=True, skipped=skipped)
        for path, dest in jobs:
            one = FileConversion(path, dest)
            try:
                os.makedirs(os.path.dirname(dest) or ".", exist_ok=True)
                _convert_file(one, source_format, target, options)
            except DocumentError as exc:
                one.errors = [problem.render(exc.source) for problem in exc.problems]
            except MrstdError as exc:
                one.errors = [str(exc)]
            result.files.append(one)
    else:
        _check_output(src, out)
        one = FileConversion(src, out)
        _convert_file(one, source_format, target, options)
        result = Conversion(target, files=[one])
    if rep is not None:
        data = orjson.dumps(result.as_json(), option=orjson.OPT_INDENT_2)
        _write(rep, data)
    return result


def _target(output: str, to: str | None, folder: bool) -> Format:
    if folder and output == STDIO:
        raise SourceError("-o -: a folder is converted into a folder, not to stdout")
    if folder and os.path.exists(output) and not os.path.isdir(output):
        raise SourceError(f"{output}: is a file; a folder is converted into a folder")
    if to:
        fmt = get_format(to)
    elif output == STDIO or folder:
        fmt = get_format("json")
    else:
        fmt = detect_format(output, None)
    if fmt.write is None:
        raise FormatError(f"format {fmt.name!r} cannot be written")
    return fmt


def _check_report(report: str | None, output: str) -> None:
    if report is None:
        return
    if report == STDIO and output == STDIO:
        raise SourceError("--report -: the converted document already goes to stdout")
    if report != STDIO:
        _check_writable(report)


def _check_output(source: str, output: str) -> None:
    if output == STDIO:
        return
    _check_writable(output)
    if source != STDIO and os.path.exists(output) and _same_file(source, output):
        raise SourceError(f"{output}: is the source itself; write the output elsewhere")


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_writable(path: str) -> None:
    """Refuse a path that cannot be written, before any work is done."""
    if os.path.isdir(path):
        raise SourceError(f"{path}: is a directory, not a file")
    parent = os.path.dirname(path) or "."
    if not os.path.isdir(parent):
        raise SourceError(f"{path}: cannot write: no folder {parent}")
    if not os.access(parent, os.W_OK):
        raise SourceError(f"{path}: cannot write: permission denied")


def _folder_jobs(
    source: Path, out_dir: str, target: Format, source_format: str | None
) -> tuple[list[tuple[str, str]], list[str]]:
    """Each file to convert with its output path; files not to convert are skipped.

    The documents are those ``mrstd validate`` finds (``folders.documents_in``). An output name is
    the source name with the extension of its format replaced (``a.xml.json`` gives
    ``a.xml.xml``), and two sources that would write one output are refused.
    """
    ext = target.extensions[0] if target.extensions else ".out"
    jobs: list[tuple[str, str]] = []
    claimed: dict[str, str] = {}
    found = documents_in(source, source_format)
    for path, fmt in found.documents:
        relative = path.relative_to(source)
        name = path.name
        lower = name.lower()
        for known in sorted(fmt.extensions, key=len, reverse=True):
            if lower.endswith(known):
                name = name[: -len(known)]
                break
        dest = os.path.join(out_dir, str(relative.parent), name + ext)
        dest = os.path.normpath(dest)
        if dest in claimed:
            raise SourceError(f"{claimed[dest]} and {path} would both be written to {dest}")
        claimed[dest] = str(path)
        jobs.append((str(path), dest))
    if not jobs:
        raise SourceError(f"{source}: no files to convert")
    return jobs, [str(path) for path in found.skipped]


def _convert_file(
    one: FileConversion, source_format: str | None, target: Format, options: dict[str, str]
) -> None:
    if one.source == STDIO:
        doc = loads(sys.stdin.buffer.read(), source_format, source="<stdin>", log=one.log)
    else:
        doc = load(one.source, source_format, log=one.log)
    assert target.write is not None
    _write(one.output, target.write(doc, one.log, **options))


def _write(path: str, data: bytes) -> None:
    if path == STDIO:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomic(path, data)
