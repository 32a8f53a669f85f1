"""The state every part of the STS writer shares: the output, the log, where it is,
and the helpers each part uses (escaping, the text of foreign fragments)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from ...errors import ConversionError
from ..base import Change, ConversionLog
from ..xmlescape import escape_attr, escape_text
from .common import has_text_beside
from .read_body import DATED
from .write_content import RICH

TAG_SETS = ("interchange", "extended")


esc = escape_text
attr = escape_attr


def optional_attrs(*pairs: tuple[str, object]) -> str:
    """Attributes for the pairs whose value is set, escaped, in the order given."""
    return "".join(f' {name}="{attr(str(value))}"' for name, value in pairs if value is not None)


def foreign_text(xml: str) -> str:
    """The character data of a serialized fragment, with spaces between separate items.

    Without them, words from adjacent elements (``<main>A</main><std-ref>B``) would run
    together; inline elements in mixed content join their text as written. A block element's
    text starts and ends with a space, so that it stays apart from text around it.
    """
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return re.sub(r"<[^>]*>", "", xml)
    parts: list[str] = []

    def walk(el: Any) -> None:
        block = not isinstance(el.tag, str) or etree.QName(el).localname not in RICH
        # Children of an element that holds no text of its own are separate items.
        mixed = has_text_beside(el)
        if block:
            parts.append(" ")
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
            elif not mixed:
                parts.append(" ")
        if block:
            parts.append(" ")

    walk(root)
    return "".join(parts)


def runs_text(runs: Sequence[Any]) -> str:
    """Plain text of inline runs."""
    out: list[str] = []
    for run in runs:
        kind = run.type
        if kind == "text":
            out.append(run.text)
        elif kind == "foreign":
            out.append(foreign_text(run.xml))
        elif kind == "inline-formula":
            out.append(run.text or "")
        elif kind == "footnote-ref":
            out.append(run.label or "")
        elif kind == "standard-ref":
            out.append(run.identifier)
            out.append(runs_text(run.content))
        elif kind == "link" and not run.content:
            out.append(run.href)
        elif hasattr(run, "content"):
            out.append(runs_text(run.content))
    return "".join(out)


_DATED_NAME = {dated: name for name, dated in DATED.items()}


def std_attrs(node: Any) -> str:
    """The attributes of a ``std``: its std-id, and dated or undated when the source said."""
    attrs = f' std-id="{attr(node.std_id)}"' if node.std_id is not None else ""
    if node.marked_dated is not None:
        attrs += f' type="{_DATED_NAME[node.marked_dated]}"'
    return attrs


def std_ref_attrs(node: Any) -> str:
    if node.identifier_marked_dated is None:
        return ""
    return f' type="{_DATED_NAME[node.identifier_marked_dated]}"'


class WriterBase:
    """The state of one export run, shared by the parts of the writer (``write.Writer``)."""

    def __init__(self, log: ConversionLog, tag_set: str) -> None:
        if tag_set not in TAG_SETS:
            raise ConversionError(f"unknown STS tag set {tag_set!r}; use one of {TAG_SETS}")
        self.log = log
        self.tag_set = tag_set
        self.out: list[str] = []
        #: Where in the document the writer is, for the log: a path, and the index of the
        #: block in it (formatted only when something is logged).
        self._where: tuple[str, int | None] = ("", None)
        #: Escaped named-content names, by name.
        self._names: dict[str, str] = {}
        #: The STS default language of a standard (xml:lang default "en").
        self.lang = "en"

    @property
    def path(self) -> str:
        """The path of what is being written, as the log gives it."""
        base, index = self._where
        return base if index is None else f"{base}[{index}]"

    @path.setter
    def path(self, value: str) -> None:
        self._where = (value, None)

    def lost(self, detail: str) -> None:
        self.log.add(Change.LOST, self.path, detail)

    def normalised(self, detail: str) -> None:
        self.log.add(Change.NORMALISED, self.path, detail)

    # What the parts call in one another, each implemented by one part (write.Writer
    # inherits them all).

    def blocks(self, blocks: Sequence[Any], allowed: frozenset[str], path: str) -> None:
        raise NotImplementedError("BlockWriter")

    def block(self, b: Any, allowed: frozenset[str]) -> None:
        raise NotImplementedError("BlockWriter")

    def caption(self, title: Sequence[Any], paragraphs: Sequence[Any]) -> None:
        raise NotImplementedError("BlockWriter")

    def table(self, b: Any) -> None:
        raise NotImplementedError("TableWriter")

    def footnote(self, b: Any) -> None:
        raise NotImplementedError("BlockWriter")

    def term_entry(self, b: Any) -> None:
        raise NotImplementedError("TermWriter")

    def unwrapped(
        self,
        blocks: Sequence[Any],
        where: str,
        inline: frozenset[str],
        allowed: frozenset[str],
        moved: str | None = None,
    ) -> None:
        raise NotImplementedError("TermWriter")

    def term_as_definition(self, b: Any, allowed: frozenset[str]) -> None:
        raise NotImplementedError("TermWriter")

    def inlines(self, runs: Sequence[Any], allowed: frozenset[str]) -> None:
        raise NotImplementedError("InlineWriter")

    def hoisting_inlines(self, runs: Sequence[Any], allowed: frozenset[str]) -> list[Any]:
        raise NotImplementedError("InlineWriter")
