"""Rendering the model as Relaton YAML (the v1.2.9 layout of the relaton-data-* sets)."""

from __future__ import annotations

from typing import Any

import yaml

from ...model import Document
from ..base import ConversionLog
from .hash_render import to_hash

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dumps(h: Any) -> bytes:
    """YAML text of a hash: block style, UTF-8, key order kept."""
    text: str = yaml.dump(
        h, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
    )
    return ("---\n" + text).encode("utf-8")


def write(doc: Document, log: ConversionLog) -> bytes:
    """Relaton YAML of a document's metadata; what it cannot carry is logged as LOST."""
    return dumps(to_hash(doc, log, "yaml"))
