"""Reading sources and writing outputs atomically."""

from __future__ import annotations

import functools
import os
import re
import secrets
import stat
import tempfile
from pathlib import Path
from typing import Any

from .errors import MrstdError


class SourceError(MrstdError):
    """A file could not be read or written (missing, a directory, no permission)."""


#: ``scheme://`` at the start of a name: an fsspec URL (a drive letter has one character).
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(name: str | Path) -> bool:
    """Whether ``name`` is a URL (``s3://``, ``memory://``, ``file://``), not a path."""
    return isinstance(name, str) and _URL.match(name) is not None


def local_path(name: str) -> str | None:
    """The path a name stands for on this machine: itself, or a ``file://`` URL's path;
    None for a URL of another file system."""
    if not is_url(name):
        return name
    if name.startswith("file://"):
        return name[len("file://") :]
    return None


def url_filesystem(url: str) -> tuple[Any, str]:
    """The fsspec file system of a URL and the path on it (fsspec is in ``mrstd[dask]``)."""
    try:
        from fsspec.core import url_to_fs  # noqa: PLC0415 - optional, and slow to import
    except ImportError:
        raise SourceError(f"{url}: reading URLs needs fsspec: pip install 'mrstd[dask]'") from None
    try:
        fs, where = url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise SourceError(f"{url}: {exc}") from None
    return fs, str(where)


def read_source(path: str | Path) -> bytes:
    """The bytes of a file or URL, or SourceError with a one-line reason."""
    local = local_path(path) if isinstance(path, str) else path
    if local is None:
        return _read_url(str(path))
    p = Path(local)
    try:
        return p.read_bytes()
    except IsADirectoryError:
        raise SourceError(f"{p}: is a directory, not a file") from None
    except FileNotFoundError:
        raise SourceError(f"{p}: no such file") from None
    except OSError as exc:
        raise SourceError(f"{p}: cannot read: {exc.strerror or exc}") from None


def _read_url(url: str) -> bytes:
    fs, where = url_filesystem(url)
    try:
        data: bytes = fs.cat_file(where)
    except FileNotFoundError:
        raise SourceError(f"{url}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{url}: is a directory, not a file") from None
    except OSError as exc:
        raise SourceError(f"{url}: cannot read: {exc.strerror or exc}") from None
    return data


def _umask_mode() -> int:
    """The mode a new file gets from ``open()``: 0o666 less the process umask.

    Linux states the umask in /proc; setting it to read it back (the only portable way)
    would briefly let another thread create a world-writable file, so that is the fallback.
    """
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers never see a half-written file.

    A regular file is replaced through a temporary file and a rename, and gets the old
    file's mode; a new file gets the umask's, like any other tool's output. The temporary
    file has no name until it is complete (``O_TMPFILE`` where the system has it), when a
    new file is linked straight into place, so that even a killed process leaves nothing
    behind. Other targets are written as they are: through a symlink
    to the file it points to, in place for a file with several hard links (replacing it
    would break the links), and directly into a device or FIFO (``-o /dev/stdout``).
    A URL of another file system (``s3://``) is written as one object, which object stores
    make visible whole or not at all.
    """
    local = local_path(path) if isinstance(path, str) else path
    if local is None:
        _write_url(str(path), data)
        return
    target = Path(local)
    try:
        if target.is_symlink():
            target = Path(os.path.realpath(target))
        try:
            info = os.stat(target)
        except FileNotFoundError:
            info = None
        if info is not None and not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise SourceError(f"{path}: is a directory, not a file")
            with open(target, "wb") as handle:  # a device, FIFO or socket
                handle.write(data)
            return
        if info is not None and info.st_nlink > 1:
            with open(target, "r+b") as handle:  # keep the hard links
                handle.write(data)
                handle.truncate()
            return
        _replace(target, data, stat.S_IMODE(info.st_mode) if info is not None else None)
    except OSError as exc:
        raise SourceError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _write_url(url: str, data: bytes) -> None:
    fs, where = url_filesystem(url)
    try:
        fs.pipe_file(where, data)
    except OSError as exc:
        raise SourceError(f"{url}: cannot write: {exc.strerror or exc}") from None


def _replace(target: Path, data: bytes, mode: int | None) -> None:
    """Write ``target`` through a temporary file: with ``mode`` (the file it replaces had
    it), or, for a new file (None), the mode the umask gives."""
    directory = str(target.parent) if str(target.parent) else "."
    named = _anonymous(directory, target.name, data, mode)
    if named == _IN_PLACE:
        return
    if named is None:  # no O_TMPFILE on this system or file system: a named temporary file
        fd, named = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                os.fchmod(handle.fileno(), mode if mode is not None else _umask_mode())
        except BaseException:
            Path(named).unlink(missing_ok=True)
            raise
    try:
        os.replace(named, target)
    except BaseException:
        Path(named).unlink(missing_ok=True)
        raise


@functools.cache
def _root_fd() -> int:
    return os.open("/", os.O_RDONLY)


#: What :func:`_anonymous` returns when the file is in place already.
_IN_PLACE = ""


def _anonymous(directory: str, name: str, data: bytes, mode: int | None) -> str | None:
    """Write ``data`` to an ``O_TMPFILE`` file and only then give it a name: for a new file
    (``mode`` None: the kernel applies the umask to the open's 0o666) its target's, as
    atomic as a rename and a third of the work (two processes making files in one folder
    wait on each other's folder changes); else a temporary name beside the file it
    replaces, for the rename, after taking that file's mode. None where the system or file
    system cannot."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return None
    try:
        fd = os.open(directory, flag | os.O_WRONLY, 0o666 if mode is None else mode)
    except OSError:
        return None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        if mode is not None:
            os.fchmod(fd, mode)  # the open's mode went through the umask
        else:
            try:
                os.link(f"/proc/self/fd/{fd}", os.path.join(directory, name), src_dir_fd=_root_fd())
                return _IN_PLACE
            except FileExistsError:  # made meanwhile: replaced, as below
                pass
            except OSError:
                return None
        for _ in range(100):
            candidate = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.tmp")
            try:
                # A dir fd makes Python call linkat() with AT_SYMLINK_FOLLOW, which links
                # the open file itself rather than its /proc entry.
                os.link(f"/proc/self/fd/{fd}", candidate, src_dir_fd=_root_fd())
            except FileExistsError:
                continue
            except OSError:
                return None  # linking is not allowed here (overlay file systems)
            return candidate
    return None
