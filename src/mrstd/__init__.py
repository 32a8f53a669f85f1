"""mrstd: machine-readable standards documents.

Read, build, query, validate and convert standards documents::

    import mrstd
    doc = mrstd.load("examples/iso-widget.json")
    print(doc.metadata.identifier.value)
"""

from __future__ import annotations

from . import ids
from .api import dump, dumps, dumps_bytes, load, loads
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
from .validation import (
    Finding,
    Provision,
    Severity,
    provisions,
    validate,
    validate_bytes,
    validate_file,
)

__version__ = "0.1.0"

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
    "convert",
    "dump",
    "dumps",
    "dumps_bytes",
    "ids",
    "load",
    "loads",
    "provisions",
    "validate",
    "validate_bytes",
    "validate_file",
]
