"""The documents in a folder: what ``mrstd convert`` and ``mrstd validate`` read from one."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FormatError
from .formats import detect_format, get_format
from .formats.base import Format


@dataclass
class Folder:
    """The documents found under a folder, and what was passed over."""

    #: Each document with the format it is read as, sorted by path.
    documents: list[tuple[Path, Format]] = field(default_factory=list)
    #: Files of no readable format, and hidden files and folders (a name starting with
    #: ``.``, whose content is not listed), sorted by path.
    skipped: list[Path] = field(default_factory=list)


def documents_in(folder: str | Path, format: str | None = None) -> Folder:
    """Every document under ``folder``, at any depth.

    Without ``format``, a file's format comes from its name (its extension), and a file of
    no readable format is skipped; with ``format``, every file is read as that format.
    Hidden files and folders are skipped either way.
    """
    forced = get_format(format) if format is not None else None
    found = Folder()
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        found.skipped.extend(here / d for d in dirs if d.startswith("."))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = here / name
            fmt = None if name.startswith(".") else forced or _readable(name)
            if fmt is None:
                found.skipped.append(path)
            else:
                found.documents.append((path, fmt))
    found.documents.sort(key=lambda item: item[0])
    found.skipped.sort()
    return found


def _readable(name: str) -> Format | None:
    """The format a file is read as by its name; None when none reads it."""
    try:
        fmt = detect_format(name, None)
    except FormatError:
        return None
    return fmt if fmt.read is not None else None
