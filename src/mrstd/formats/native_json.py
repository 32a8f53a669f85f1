"""Native JSON: the canonical, lossless serialization of the model."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

import orjson
from pydantic import ValidationError

from ..errors import DocumentError, Problem, ProblemKind, UnsupportedVersionError
from ..model import SCHEMA_VERSION, Document
from ..paths import PathPart, format_path, strip_union_tags
from ..versioning import readable_versions, upgrade, version_of
from .base import ConversionLog, Format, register
from .jsonpos import line_column, locate, locate_many

_BOM = b"\xef\xbb\xbf"


_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
_FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name != "schema_")


def dumps_bytes(doc: Document) -> bytes:
    """Canonical JSON: fields in model order, null for absent values, two-space indent.

    orjson writes dataclasses natively, under their Python names; only the root is
    given as a dict, so that its first key is "$schema".
    """
    if not isinstance(doc, Document):
        raise TypeError(f"expected a Document, got {type(doc).__name__}")
    root = {"$schema": doc.schema_, **{name: getattr(doc, name) for name in _FIELDS}}
    return orjson.dumps(root, option=_OPTIONS)


_SCHEMA_FIRST = re.compile(rb'\s*\{\s*"\$schema"\s*:')


def loads_bytes(data: bytes, source: str = "<string>") -> Document:
    """Read a document from JSON; any failure raises DocumentError with positions."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        doc = Document.model_validate_json(data, strict=True)
        # The model defaults $schema for documents built in Python; a file must name it.
        # Where it is the first key, as mrstd writes it, it is certainly the root's;
        # anywhere else (or a value "$schema") is for the slow path to judge.
        if _SCHEMA_FIRST.match(data) is not None:
            return doc
        fast_error = None
    except ValidationError as exc:
        fast_error = exc
    # Slow path: find out exactly what is wrong, and where.
    text = _decode(data, source)
    try:
        parsed = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        line, col = line_column(text, exc.pos)
        reason = exc.msg.split(":")[0] if "Recursion" not in exc.msg else "nesting is too deep"
        problem = Problem(f"invalid JSON: {reason}", line, col, kind=ProblemKind.SYNTAX)
        raise DocumentError(source, [problem]) from None
    if not isinstance(parsed, dict):
        problem = Problem("a document must be a JSON object", 1, 1, kind=ProblemKind.SYNTAX)
        raise DocumentError(source, [problem])
    version = version_of(parsed.get("$schema"))
    if version != SCHEMA_VERSION:
        _check_version(parsed, text, version, source)
        assert version is not None
        parsed = upgrade(parsed, version)
        try:
            # Validated as JSON, strictly, exactly as a current document is.
            return Document.model_validate_json(orjson.dumps(parsed), strict=True)
        except ValidationError as exc:
            fast_error = exc
    if fast_error is None:
        return doc  # valid, with the root's $schema somewhere other than first
    raise DocumentError(source, _problems(fast_error, parsed, text)) from None


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded"
        raise DocumentError(
            source, [Problem(message, line, col, kind=ProblemKind.ENCODING)]
        ) from None


def _check_version(parsed: dict[str, Any], text: str, version: str | None, source: str) -> None:
    readable = ", ".join(readable_versions())
    if "$schema" not in parsed:
        message = f"missing $schema; this release reads {readable}"
    elif version is None:
        named = parsed["$schema"]
        message = f"$schema {named!r} names no mrstd schema version; this release reads {readable}"
    elif version in readable_versions():
        return
    else:
        message = f"unsupported schema version {version}; this release reads {readable}"
    line, col = locate(text, ("$schema",))
    raise UnsupportedVersionError(source, [Problem(message, line, col, "$schema")])


def _problems(error: ValidationError, parsed: Any, text: str) -> list[Problem]:
    items = [
        (strip_union_tags(item["loc"], parsed), _message(item))
        for item in error.errors(include_url=False)
    ]
    places = locate_many(text, [loc for loc, _ in items])
    return [Problem(message, *places[loc], format_path(loc)) for loc, message in items]


def _message(item: Any) -> str:
    kind = item["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown field"
    if kind in ("missing", "missing_argument"):
        return "required field is missing"
    if kind == "union_tag_invalid":
        expected = item.get("ctx", {}).get("expected_tags", "")
        return f"unknown type {item['input'].get('type')!r}; expected one of {expected}"
    if kind == "union_tag_not_found":
        return "object has no 'type' field"
    text = str(item["msg"])
    return text[0].lower() + text[1:] if text else kind


def _read(data: bytes, source: str, log: ConversionLog) -> Document:
    return loads_bytes(data, source)


def _write(doc: Document, log: ConversionLog) -> bytes:
    return dumps_bytes(doc)


def _locate(
    data: bytes, paths: Sequence[tuple[PathPart, ...]]
) -> dict[tuple[PathPart, ...], tuple[int, int]]:
    return locate_many(data.decode("utf-8", "replace"), paths)


def _sniff(data: bytes) -> bool:
    head = data[:4096].lstrip(_BOM + b" \t\r\n")
    return head.startswith(b"{") and b'"$schema"' in head and b"mrstd" in head


FORMAT = register(
    Format(
        name="json",
        description="mrstd native JSON (canonical, lossless)",
        extensions=(".json",),
        lossy=False,
        read=_read,
        write=_write,
        sniff=_sniff,
        locate=_locate,
    )
)
