"""The functions most users need: load, loads, dump, dumps, convert."""

from __future__ import annotations

from pathlib import Path

from .errors import FormatError
from .formats import ConversionLog, detect_format, get_format
from .formats.base import Format, writer_options
from .io import read_source, write_atomic
from .model import Document


def _reader(fmt: Format) -> Format:
    if fmt.read is None:
        raise FormatError(f"format {fmt.name!r} cannot be read")
    return fmt


def _writer(fmt: Format) -> Format:
    if fmt.write is None:
        raise FormatError(f"format {fmt.name!r} cannot be written")
    return fmt


def loads(
    data: bytes | str,
    format: str | None = None,
    *,
    source: str | None = None,
    log: ConversionLog | None = None,
) -> Document:
    """Read a document from bytes or text; the format is detected when not given, from
    the content, else from the extension of ``source``, the file name the data came from
    (which messages also give; ``<string>`` when None)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fmt = _reader(get_format(format) if format else detect_format(source, raw))
    assert fmt.read is not None
    return fmt.read(raw, source or "<string>", log if log is not None else ConversionLog())


def load(
    path: str | Path, format: str | None = None, *, log: ConversionLog | None = None
) -> Document:
    """Read a document from a file; the format comes from its content or extension."""
    return loads(read_source(path), format, source=str(path), log=log)


def dumps_bytes(
    doc: Document, format: str = "json", *, log: ConversionLog | None = None, **options: str
) -> bytes:
    """Serialize a document to bytes in ``format``, with the options the format takes
    (``tag_set`` for STS; ``rdf_format`` and ``base`` for RDF)."""
    fmt, checked = _writer_and_options(format, options)
    assert fmt.write is not None
    return fmt.write(doc, log if log is not None else ConversionLog(), **checked)


def dumps(
    doc: Document, format: str = "json", *, log: ConversionLog | None = None, **options: str
) -> str:
    """Serialize a document to text in ``format`` (canonical JSON by default): made as text
    by a format that writes text (``Format.write_text``), else its bytes decoded."""
    fmt, checked = _writer_and_options(format, options)
    used = log if log is not None else ConversionLog()
    if fmt.write_text is not None:
        return fmt.write_text(doc, used, **checked)
    assert fmt.write is not None
    return fmt.write(doc, used, **checked).decode("utf-8")


def _writer_and_options(format: str, options: dict[str, str]) -> tuple[Format, dict[str, str]]:
    fmt = _writer(get_format(format))
    return fmt, writer_options(fmt, dict(options))


def dump(
    doc: Document,
    path: str | Path,
    format: str | None = None,
    *,
    log: ConversionLog | None = None,
) -> None:
    """Write a document to a file atomically; the format comes from the extension if not given."""
    fmt = get_format(format) if format else detect_format(str(path), None)
    write_atomic(path, dumps_bytes(doc, fmt.name, log=log))
