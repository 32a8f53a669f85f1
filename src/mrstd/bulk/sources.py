"""The files of a bulk job, listed lazily: folders on this machine and fsspec URLs.

A folder is listed one directory at a time, in the order of its sorted paths (the order
:func:`mrstd.folders.documents_in` gives), so the first file is handed out before the last
directory is read and a million-file input never becomes a million-element list.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import FormatError
from ..formats import detect_format, get_format
from ..io import is_url, local_path, url_filesystem

__all__ = ["STDIN", "Source", "is_folder", "readable", "walk"]

STDIN = "-"

#: What a file is, by its name: a kind (a format name, ``"table"``) or None to pass it over.
Classify = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Source:
    """One file of a job."""

    #: The path or URL, as reports show it.
    name: str
    #: Its ``/``-separated path under the folder it was found in; its name when given alone.
    relative: str
    #: What ``classify`` made of it; for a file given by name, what it made of the name
    #: (None: read it as its content says).
    kind: str | None


def readable(format: str | None = None) -> Classify:
    """The classifier of ``convert`` and ``validate``: a file's format by its name, or
    ``format`` for every file; None for a name no format reads."""
    if format is not None:
        name = get_format(format).name
        return lambda _file: name

    def by_name(file: str) -> str | None:
        try:
            fmt = detect_format(file, None)
        except FormatError:
            return None
        return fmt.name if fmt.read is not None else None

    return by_name


def is_folder(name: str) -> bool:
    """Whether a path or URL names a folder."""
    local = local_path(name)
    if local is not None:
        return os.path.isdir(local)
    fs, where = url_filesystem(name)
    return bool(fs.isdir(where))


def walk(
    inputs: Iterable[str],
    classify: Classify,
    skipped: Callable[[str], None] | None = None,
) -> Iterator[Source]:
    """The files of ``inputs`` (paths, URLs, or ``-`` for stdin), folders searched at any
    depth. Hidden files and folders (a name starting with ``.``), and files ``classify``
    gives None for, are passed to ``skipped``. A file given by name is yielded as it is,
    whether it exists or not, so that its reader reports it. A file reached twice (a folder
    and a file in it) is yielded once."""
    given = list(inputs)
    seen: set[str] | None = set() if len(given) > 1 else None
    for name in given:
        for source in _walk_one(name, classify, skipped or _ignore):
            if seen is not None:
                if source.name in seen:
                    continue
                seen.add(source.name)
            yield source


def _ignore(_name: str) -> None:
    return None


def _walk_one(name: str, classify: Classify, skipped: Callable[[str], None]) -> Iterator[Source]:
    if name == STDIN:
        yield Source(STDIN, STDIN, None)
        return
    local = local_path(name)
    if local is None:
        fs, root = url_filesystem(name)
        if fs.isdir(root):
            yield from _walk_url(fs, root, name.rstrip("/"), "", classify, skipped)
        else:
            base = name.rsplit("/", 1)[-1]
            yield Source(name, base, classify(base))
        return
    if os.path.isdir(local):
        yield from _walk_dir(str(Path(name)) if not is_url(name) else name, "", classify, skipped)
    else:
        yield Source(name, os.path.basename(local), classify(os.path.basename(local)))


def _walk_dir(
    folder: str, prefix: str, classify: Classify, skipped: Callable[[str], None]
) -> Iterator[Source]:
    local = local_path(folder) or folder
    try:
        with os.scandir(local) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        skipped(folder)
        return
    for entry in entries:
        name = f"{folder}/{entry.name}" if is_url(folder) else os.path.join(folder, entry.name)
        relative = prefix + entry.name
        if entry.name.startswith("."):
            skipped(name)
        elif entry.is_dir():
            if not entry.is_symlink():  # as os.walk: a linked folder is not followed
                yield from _walk_dir(name, relative + "/", classify, skipped)
        elif (kind := classify(entry.name)) is None:
            skipped(name)
        else:
            yield Source(name, relative, kind)


def _walk_url(
    fs: object, root: str, url: str, prefix: str, classify: Classify, skipped: Callable[[str], None]
) -> Iterator[Source]:
    listing = fs.ls(root, detail=True)  # type: ignore[attr-defined]
    for info in sorted(listing, key=lambda item: str(item["name"])):
        base = str(info["name"]).rstrip("/").rsplit("/", 1)[-1]
        name, relative = f"{url}/{base}", prefix + base
        if base.startswith("."):
            skipped(name)
        elif info["type"] == "directory":
            yield from _walk_url(fs, info["name"], name, relative + "/", classify, skipped)
        elif (kind := classify(base)) is None:
            skipped(name)
        else:
            yield Source(name, relative, kind)
