"""The documents in a folder, all at once: what ``mrstd convert`` and ``mrstd validate``
read from one (they list it as they go, through :func:`mrstd.bulk.walk`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .bulk import readable, walk
from .formats import get_format
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
    found = Folder()
    for source in walk(
        [str(folder)], readable(format), lambda name: found.skipped.append(Path(name))
    ):
        assert source.kind is not None
        found.documents.append((Path(source.name), get_format(source.kind)))
    return found
