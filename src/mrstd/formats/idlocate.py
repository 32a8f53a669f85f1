"""Locating findings in XML sources that have no locator of their own, through ids.

A finding's path leads through the model; the deepest node on that path with an id
names an element of the source, whose line is known after parsing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from ..errors import MrstdError
from ..paths import PathPart
from .xmlsafe import parse_xml

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def deepest_id(doc: Any, path: Sequence[PathPart]) -> str | None:
    """The id of the deepest node with one along ``path``, starting at ``doc``."""
    node, found = doc, None
    for part in path:
        try:
            node = node[part] if isinstance(part, int) else getattr(node, part)
        except (AttributeError, IndexError, TypeError):
            break
        if dataclasses.is_dataclass(node):
            ident = getattr(node, "id", None)
            if isinstance(ident, str):
                found = ident
    return found


class IdLines:
    """Line numbers of the elements of one XML source, by id; parsed on first use."""

    def __init__(self, data: bytes, source: str) -> None:
        self._data, self._source = data, source
        self._lines: dict[str, int] | None = None

    def line(self, ident: str) -> int | None:
        """The line of the element with this id, if the source has one."""
        if self._lines is None:
            self._lines = {}
            try:
                root = parse_xml(
                    self._data, self._source, allow_internal_entities=True, html_entities=True
                )
            except MrstdError:
                return None
            for el in root.iter():
                value = el.get("id") or el.get(_XML_ID)
                line = el.sourceline
                if value is not None and isinstance(line, int):
                    self._lines.setdefault(value, line)
        return self._lines.get(ident)
