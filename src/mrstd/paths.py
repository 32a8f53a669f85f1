"""Paths inside a document, as users see them: ``body[0].blocks[2].content``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

PathPart = str | int


def format_path(parts: Iterable[PathPart]) -> str:
    """Render ``('body', 0, 'title')`` as ``body[0].title``."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(("." if out else "") + part)
    return "".join(out)


def strip_union_tags(loc: Sequence[PathPart], data: Any) -> tuple[PathPart, ...]:
    """Drop the tag names pydantic inserts into locations inside discriminated unions."""
    kept: list[PathPart] = []
    node = data
    for part in loc:
        if (
            isinstance(node, dict)
            and isinstance(part, str)
            and part not in node
            and (node.get("type") == part or part.startswith("function-"))
        ):
            continue
        kept.append(part)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    return tuple(kept)
