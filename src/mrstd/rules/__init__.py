"""Coded validation rules, one small function each, grouped in families.

Importing this package registers every rule; see :func:`all_rules`.
"""

from __future__ import annotations

from . import adoption, integrity, load, metadata, provisions, references, structure, terms
from .context import Context, Index, build_index
from .registry import (
    PROFILES,
    Finding,
    Rule,
    Severity,
    all_rules,
    get_rule,
    rule,
    select_rules,
)

FAMILIES = (load, integrity, structure, references, terms, provisions, metadata, adoption)

__all__ = [
    "PROFILES",
    "Context",
    "Finding",
    "Index",
    "Rule",
    "Severity",
    "all_rules",
    "build_index",
    "get_rule",
    "rule",
    "select_rules",
]
