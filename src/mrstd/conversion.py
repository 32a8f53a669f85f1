"""Converting files and folders between formats: the public API behind ``mrstd convert``.

``convert(source, output, to=...)`` converts one file (``"-"`` is stdin or stdout) or a whole
folder. The output path is checked before anything is converted, every output is written
atomically (:func:`mrstd.io.write_atomic`), and what a conversion kept opaque, normalised or
lost is in the returned :class:`Conversion`, and in the JSON report when one is asked for.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .api import load, loads
from .bulk import Engine, LocalEngine, crash_message, is_folder, readable, walk
from .errors import DocumentError, FormatError, MrstdError
from .formats import ConversionLog, detect_format, get_format
from .formats.base import Format, strip_extension, writer_options
from .io import SourceError, is_url, local_path, write_atomic

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
    engine: Engine | None = None,
    progress: Callable[[FileConversion], None] | None = None,
) -> Conversion:
    """Convert ``source`` (a file, a folder, or ``"-"`` for stdin) to ``output`` (a file, a
    folder, or ``"-"`` for stdout).

    The target format is ``to``, else the output's extension (JSON for stdout and folders).
    ``report`` names a file, or ``"-"`` for stdout, for the JSON report of the conversion.
    ``sts_tag_set`` (STS), ``rdf_format`` and ``base`` (RDF) are the target's options.
    One file that cannot be read raises :class:`DocumentError`; in a folder, each file's
    errors are kept in its :class:`FileConversion` and the others are still converted.
    An output that cannot be written raises :class:`SourceError` before anything is
    converted; in a folder, of two sources that would write one output the second fails.

    A folder's files are converted by ``engine`` (:mod:`mrstd.bulk`; this process when
    None), each output written by the worker that made it, and ``progress`` is called with
    each file's result as it comes. The source and output may be fsspec URLs.
    """
    src, out = str(source), str(output)
    rep = str(report) if report is not None else None
    folder = src != STDIO and is_folder(src)
    target = _target(out, to, folder)
    options = writer_options(
        target, {"tag_set": sts_tag_set, "rdf_format": rdf_format, "base": base}
    )
    _check_report(rep, out)
    if folder:
        result = Conversion(target, folder=True)
        jobs = _folder_jobs(src, out, target, source_format, result)
        task = functools.partial(_convert_batch, source_format, target.name, options)
        runner = engine or LocalEngine()
        for _job, one in runner.map(task, jobs, failed=_crashed):
            result.files.append(one)
            if progress is not None:
                progress(one)
        if not result.files:
            raise SourceError(f"{src}: no files to convert")
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
    if folder and not is_url(output) and os.path.exists(output) and not os.path.isdir(output):
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
    """Refuse a path that cannot be written, before any work is done (a URL is tried when
    it is written)."""
    local = local_path(path)
    if local is None:
        return
    path = local
    if os.path.isdir(path):
        raise SourceError(f"{path}: is a directory, not a file")
    parent = os.path.dirname(path) or "."
    if not os.path.isdir(parent):
        raise SourceError(f"{path}: cannot write: no folder {parent}")
    if not os.access(parent, os.W_OK):
        raise SourceError(f"{path}: cannot write: permission denied")


def _folder_jobs(
    source: str, out_dir: str, target: Format, source_format: str | None, result: Conversion
) -> Iterator[tuple[str, str, str | None]]:
    """Each file to convert with its output path and the reason it may not be written,
    listed as the job goes; files not to convert go to ``result.skipped``.

    The documents are those ``mrstd validate`` finds (:func:`mrstd.bulk.walk`). An output
    name is the source name with the extension of its format replaced (``a.xml.json`` gives
    ``a.xml.xml``); of two sources that would write one output, the second is not converted
    and says so.
    """
    ext = target.extensions[0] if target.extensions else ".out"
    claimed: dict[str, str] = {}
    for found in walk([source], readable(source_format), result.skipped.append):
        parent, _, name = found.relative.rpartition("/")
        assert found.kind is not None
        dest = _join(out_dir, parent, strip_extension(name, get_format(found.kind)) + ext)
        clash = claimed.setdefault(dest, found.name)
        why = (
            None
            if clash == found.name
            else f"{clash} and {found.name} would both be written to {dest}"
        )
        yield found.name, dest, why


def _join(folder: str, parent: str, name: str) -> str:
    if is_url(folder):
        return "/".join(part for part in (folder.rstrip("/"), parent, name) if part)
    return os.path.normpath(os.path.join(folder, *parent.split("/"), name))


def _convert_batch(
    source_format: str | None,
    target: str,
    options: dict[str, str],
    batch: list[tuple[str, str, str | None]],
) -> list[FileConversion]:
    """Convert files, each written by this worker; a file's failure is its own."""
    fmt = get_format(target)
    out: list[FileConversion] = []
    made: set[str] = set()  # folders this batch has made: one system call a folder
    for source, dest, why in batch:
        one = FileConversion(source, dest)
        try:
            if why is not None:
                raise SourceError(why)
            local = local_path(dest)
            folder = (os.path.dirname(local) or ".") if local is not None else None
            if folder is not None and folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            _convert_file(one, source_format, fmt, options)
        except DocumentError as exc:
            one.errors = [problem.render(exc.source) for problem in exc.problems]
        except MrstdError as exc:
            one.errors = [str(exc)]
        except Exception as exc:  # a defect must not stop the other files
            one = _crashed((source, dest, why), exc)
        out.append(one)
    return out


def _crashed(job: tuple[str, str, str | None], exc: BaseException) -> FileConversion:
    """The result of a file whose conversion failed, or killed the process converting it."""
    return FileConversion(job[0], job[1], errors=[f"{job[0]}: {crash_message(exc)}"])


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
