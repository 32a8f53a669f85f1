"""Formats mrstd reads and writes, behind a small registry."""

from __future__ import annotations

from . import native_json, native_xml, rdf, relaton, sts
from .base import (
    Change,
    ConversionEntry,
    ConversionLog,
    Format,
    detect_format,
    formats,
    get_format,
    register,
)

# Importing a format module registers it.
_REGISTERED = (native_json, native_xml, relaton, sts, rdf)

__all__ = [
    "Change",
    "ConversionEntry",
    "ConversionLog",
    "Format",
    "detect_format",
    "formats",
    "get_format",
    "register",
]
