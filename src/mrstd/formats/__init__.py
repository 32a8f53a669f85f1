"""Formats mrstd reads and writes, behind a small registry."""

from __future__ import annotations

import importlib

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

# Each module registers itself; a missing optional module must not break the others.
for _name in ("native_json", "native_xml", "sts", "relaton"):
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"{__name__}.{_name}":
            raise

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
