"""Reading sources and writing outputs atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import MrstdError


class SourceError(MrstdError):
    """A file could not be read or written (missing, a directory, no permission)."""


def read_source(path: str | Path) -> bytes:
    """The bytes of a file, or SourceError with a one-line reason."""
    p = Path(path)
    try:
        return p.read_bytes()
    except IsADirectoryError:
        raise SourceError(f"{p}: is a directory, not a file") from None
    except FileNotFoundError:
        raise SourceError(f"{p}: no such file") from None
    except OSError as exc:
        raise SourceError(f"{p}: cannot read: {exc.strerror or exc}") from None


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Readers never see a half-written file, and a failure leaves no file behind.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise SourceError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise SourceError(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
