"""Parsing Relaton YAML (the v1.2.x layout of the relaton-data-* sets) into the model."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ...errors import DocumentError, Problem
from ...errors import ProblemKind as _Kind
from ...model import Document
from ..base import ConversionLog
from .hash_parse import from_hash

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BOM = b"\xef\xbb\xbf"

_ID_KEY = re.compile(rb"^(docid|docidentifier):", re.MULTILINE)

_TITLE_KEY = re.compile(rb"^title:", re.MULTILINE)


def sniff(data: bytes) -> bool:
    """A YAML mapping with a top-level docid (or docidentifier) and title."""
    head = data[:65536].lstrip(_BOM).lstrip()
    if head[:1] in (b"{", b"[", b"<"):
        return False
    return bool(_ID_KEY.search(head) and _TITLE_KEY.search(head))


def parse(data: bytes, source: str) -> Any:
    """The YAML value of a Relaton file; DocumentError with a position on bad YAML."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        message = f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded"
        raise DocumentError(source, [Problem(message, line, 1, kind=_Kind.ENCODING)]) from None
    try:
        value = yaml.load(text, Loader=_Loader)  # a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        message = f"invalid YAML: {exc.problem or exc.context or 'syntax error'}"
        raise DocumentError(source, [Problem(message, line, col, kind=_Kind.SYNTAX)]) from None
    except yaml.YAMLError as exc:
        problem = Problem(f"invalid YAML: {exc}", 1, 1, kind=_Kind.SYNTAX)
        raise DocumentError(source, [problem]) from None
    except (ValueError, OverflowError) as exc:
        # a scalar YAML resolves but Python cannot hold: 2026-02-30, a 100,000-digit integer
        problem = Problem(f"invalid YAML value: {exc}", 1, 1, kind=_Kind.SYNTAX)
        raise DocumentError(source, [problem]) from None
    except RecursionError:
        problem = Problem("invalid YAML: nesting is too deep", 1, 1, kind=_Kind.SYNTAX)
        raise DocumentError(source, [problem]) from None
    try:
        size = _expanded_size(value, {})
    except RecursionError:
        size = MAX_YAML_NODES + 1
    if size > MAX_YAML_NODES:
        message = f"YAML aliases expand beyond {MAX_YAML_NODES:,} values; refused"
        raise DocumentError(source, [Problem(message, 1, 1, kind=_Kind.SYNTAX)])
    return value


#: How many values a Relaton record may hold once its aliases are expanded. A real record
#: holds a few hundred; a few hundred bytes of nested aliases expand to billions.
MAX_YAML_NODES = 1_000_000


def _expanded_size(value: Any, memo: dict[int, int]) -> int:
    """The number of values ``value`` holds with every alias expanded, counted once per
    shared object (so the count costs as much as the document, not as its expansion)."""
    if not isinstance(value, (list, dict)):
        return 1
    key = id(value)
    found = memo.get(key)
    if found is not None:
        return found
    memo[key] = MAX_YAML_NODES + 1  # a cycle (a recursive alias) expands without end
    items = value.values() if isinstance(value, dict) else value
    size = 1
    for item in items:
        size += _expanded_size(item, memo)
        if size > MAX_YAML_NODES:
            break
    memo[key] = size
    return size


def read(data: bytes, source: str, log: ConversionLog) -> Document:
    """A Document (metadata only) from Relaton YAML."""
    value = parse(data, source)
    if value is None:
        raise DocumentError(source, [Problem("empty document", 1, 1, kind=_Kind.SYNTAX)])
    return from_hash(value, source, log)
