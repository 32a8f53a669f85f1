"""The format registry: every format declares what it reads, writes and may lose."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum

from ..errors import FormatError, Problem
from ..model import Document
from ..paths import PathPart
from .xmlsafe import wide_encoding


class Change(str, Enum):
    """What happened to a piece of the source during a conversion."""

    OPAQUE = "opaque"  # kept verbatim as foreign XML, not modelled
    NORMALISED = "normalised"  # kept, but written differently
    LOST = "lost"  # could not be carried into the target format
    INVALID = "invalid"  # written as the source had it, which the target's schema refuses


@dataclass(frozen=True)
class ConversionEntry:
    """One thing the conversion kept opaque, normalised or lost."""

    change: Change
    path: str
    detail: str
    line: int | None = None


_new = object.__new__


@dataclass
class ConversionLog:
    """Collects what a read or write did not carry over unchanged."""

    entries: list[ConversionEntry] = field(default_factory=list)
    #: Problems of the source that did not stop the reader (``mrstd validate`` reports each
    #: as MRS007): an XML namespace that is not a URI, say.
    warnings: list[Problem] = field(default_factory=list)

    def add(self, change: Change, path: str, detail: str, line: int | None = None) -> None:
        """Record one entry."""
        # Built without the frozen dataclass's __init__, which sets each field through
        # object.__setattr__: readers log an entry for many elements of some documents.
        item = _new(ConversionEntry)
        item.__dict__.update(change=change, path=path, detail=detail, line=line)
        self.entries.append(item)

    def count(self, change: Change) -> int:
        """How many entries of one kind."""
        return sum(1 for entry in self.entries if entry.change is change)

    def as_json(self) -> dict[str, object]:
        """A JSON-ready summary and the full list."""
        return {
            "summary": {change.value: self.count(change) for change in Change},
            "entries": [
                {
                    "change": e.change.value,
                    "path": e.path,
                    "detail": e.detail,
                    **({"line": e.line} if e.line is not None else {}),
                }
                for e in self.entries
            ],
            **(
                {"warnings": [{"message": w.message, "line": w.line} for w in self.warnings]}
                if self.warnings
                else {}
            ),
        }


Reader = Callable[[bytes, str, ConversionLog], Document]
#: ``write(doc, log, **options)``: the options are those the format names in
#: ``Format.write_options`` (STS: ``tag_set``); a caller passes no others.
Writer = Callable[..., bytes]
#: A writer of the text itself (``mrstd.dumps``), for a format whose writer makes text:
#: cheaper than its bytes decoded again. It takes the options ``write`` takes.
TextWriter = Callable[..., str]
#: Maps a path inside the model back to (line, column) in the source bytes, for findings.
#: Places model paths in a source: (line, column) of each path found, all in one pass.
Locator = Callable[
    [bytes, Sequence["tuple[PathPart, ...]"]], "dict[tuple[PathPart, ...], tuple[int, int]]"
]


@dataclass(frozen=True)
class Format:
    """A format mrstd reads and/or writes.

    ``lossy`` says whether writing a document in this format can lose information;
    a lossy writer records exactly what it lost in the :class:`ConversionLog`.
    """

    name: str
    description: str
    extensions: tuple[str, ...]
    lossy: bool
    read: Reader | None = None
    write: Writer | None = None
    write_text: TextWriter | None = None
    #: Keyword options the writer takes, each with the values it accepts.
    write_options: tuple[tuple[str, tuple[str, ...]], ...] = ()
    sniff: Callable[[bytes], bool] | None = None
    locate: Locator | None = None
    aliases: tuple[str, ...] = ()


_REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format to the registry."""
    for name in (fmt.name, *fmt.aliases):
        _REGISTRY[name] = fmt
    _extensions.cache_clear()
    return fmt


def formats() -> list[Format]:
    """All registered formats, each once."""
    seen: dict[str, Format] = {}
    for fmt in _REGISTRY.values():
        seen.setdefault(fmt.name, fmt)
    return list(seen.values())


def get_format(name: str) -> Format:
    """The format called ``name``, or a FormatError that lists the known ones."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(f.name for f in formats()))
        raise FormatError(f"unknown format {name!r}; known formats: {known}") from None


def writer_options(target: Format, given: dict[str, str | None]) -> dict[str, str]:
    """The writer options given (None: not given), checked against those the target format
    declares; an option declared with no values takes any value (an IRI, say)."""
    declared = dict(target.write_options)
    options: dict[str, str] = {}
    for name, value in given.items():
        if value is None:
            continue
        if name not in declared:
            raise FormatError(f"{target.name} output takes no option {name!r}")
        if declared[name] and value not in declared[name]:
            raise FormatError(f"{name} {value!r}: use one of {', '.join(declared[name])}")
        options[name] = value
    return options


@functools.cache
def _extensions() -> dict[str, tuple[str, ...]]:
    """Each format's extensions, the longest first, the format with the longest extension
    first (a folder's listing asks this of every file; the registry changes only by
    registering)."""
    ordered = sorted(formats(), key=lambda f: -max(map(len, f.extensions), default=0))
    return {f.name: tuple(sorted(f.extensions, key=len, reverse=True)) for f in ordered}


def strip_extension(filename: str, fmt: Format) -> str:
    """``filename`` without the longest of the format's extensions it ends with, in any
    case (``a.sts.xml`` of a format of ``.sts.xml`` and ``.xml`` gives ``a``)."""
    lower = filename.lower()
    for extension in _extensions()[fmt.name]:
        if lower.endswith(extension):
            return filename[: -len(extension)]
    return filename


def detect_format(filename: str | None, data: bytes | None) -> Format:
    """Pick a format by content where it is distinctive, else by file extension."""
    if data is not None:
        codec = wide_encoding(data)
        if codec is not None:  # sniffers look for ASCII markup: give them the head as UTF-8
            data = data[:65536].decode(codec, "ignore").encode("utf-8")
        for fmt in formats():
            if fmt.sniff is not None and fmt.sniff(data):
                return fmt
    if filename:
        lower = filename.lower()
        for name, extensions in _extensions().items():
            if lower.endswith(extensions):
                return _REGISTRY[name]
    where = filename or "input"
    raise FormatError(
        f"{where}: cannot detect the format; name it (format= in Python, --from on the "
        "command line)"
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, for a writer that builds many small
    objects and no reference cycles: otherwise the young objects it makes trigger a full
    collection, which walks every object of the loaded document (on the NISO sample, one
    such pass costs more than writing the whole document as JSON). Reference counting
    still frees everything as usual; the collector is restored as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
