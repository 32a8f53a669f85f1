"""The digital standard library: many standards, their relations and the Outline's metrics,
in one SQLite file (``mrstd library``)."""

from __future__ import annotations

from .store import AddReport, Library, LibraryError, Standard

__all__ = ["AddReport", "Library", "LibraryError", "Standard"]
