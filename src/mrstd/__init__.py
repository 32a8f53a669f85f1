"""mrstd: machine-readable standards documents.

Read, build, query, validate and convert standards documents::

    import mrstd
    doc = mrstd.load("examples/iso-widget.json")
    print(doc.metadata.identifier.value)

``import mrstd`` loads nothing else: each name below is imported on first use (a module
``__getattr__``, as pydantic's own package does), so that a command that only parses
identifiers never builds the document model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Every public name and the module that defines it.
_SOURCES = {
    "SCHEMA_VERSION": "mrstd.model",
    "Document": "mrstd.model",
    "Conversion": "mrstd.conversion",
    "convert": "mrstd.conversion",
    "ConversionError": "mrstd.errors",
    "DocumentError": "mrstd.errors",
    "FormatError": "mrstd.errors",
    "MrstdError": "mrstd.errors",
    "Problem": "mrstd.errors",
    "UnsupportedVersionError": "mrstd.errors",
    "dump": "mrstd.api",
    "dumps": "mrstd.api",
    "dumps_bytes": "mrstd.api",
    "load": "mrstd.api",
    "loads": "mrstd.api",
    "Finding": "mrstd.findings",
    "Provision": "mrstd.validation",
    "Severity": "mrstd.findings",
    "provisions": "mrstd.validation",
    "render": "mrstd.rendering",
    "diff": "mrstd.changes",
    "adoption_diff": "mrstd.changes",
    "validate": "mrstd.validation",
    "validate_bytes": "mrstd.validation",
    "validate_file": "mrstd.validation",
}
_MODULES = ("ids",)

__all__ = [
    "SCHEMA_VERSION",
    "Conversion",
    "ConversionError",
    "Document",
    "DocumentError",
    "Finding",
    "FormatError",
    "MrstdError",
    "Problem",
    "Provision",
    "Severity",
    "UnsupportedVersionError",
    "__version__",
    "adoption_diff",
    "convert",
    "diff",
    "dump",
    "dumps",
    "dumps_bytes",
    "ids",
    "load",
    "loads",
    "provisions",
    "render",
    "validate",
    "validate_bytes",
    "validate_file",
]

if TYPE_CHECKING:
    from . import ids
    from .api import dump, dumps, dumps_bytes, load, loads
    from .changes import adoption_diff, diff
    from .conversion import Conversion, convert
    from .errors import (
        ConversionError,
        DocumentError,
        FormatError,
        MrstdError,
        Problem,
        UnsupportedVersionError,
    )
    from .model import SCHEMA_VERSION, Document
    from .rendering import render
    from .validation import (
        Finding,
        Provision,
        Severity,
        provisions,
        validate,
        validate_bytes,
        validate_file,
    )


def __getattr__(name: str) -> Any:
    if name in _SOURCES:
        value = getattr(importlib.import_module(_SOURCES[name]), name)
    elif name in _MODULES:
        value = importlib.import_module(f"mrstd.{name}")
    else:
        raise AttributeError(f"module 'mrstd' has no attribute {name!r}")
    globals()[name] = value  # once imported, found like any other attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
