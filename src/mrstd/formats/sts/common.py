"""Pieces shared by the STS reader and writer: namespaces, fast node building, foreign XML."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, TypeVar

from lxml import etree

from ...model.base import Node
from ...model.inline import Text as _Text
from ...model.types import ID_PATTERN, python_regex
from ..base import Change, ConversionLog
from ..xmlescape import escape_attr, escape_text
from ..xmlsafe import comments_and_pis

TBX_NS = "urn:iso:std:iso:30042:ed-1"
MML_NS = "http://www.w3.org/1998/Math/MathML"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
#: The OASIS exchange table model in NISO STS Extended (module-oasis.xsd), and the same
#: model in OASIS's own namespace, which ISO STS documents use.
OASIS_NS = "http://www.niso.org/standards/z39-96/ns/oasis-exchange/table"
OASIS_OPEN_NS = "http://docs.oasis-open.org/ns/oasis-exchange/table"
#: The formal public identifier old CALS files (ISOSTS 1.1's table tests) give as the
#: namespace: not a URI, so a warning, but the same table model.
OASIS_FPI_NS = "-//OASIS//DTD XML Exchange Table Model 19990315//EN"

XLINK_HREF = f"{{{XLINK_NS}}}href"
XML_LANG = f"{{{XML_NS}}}lang"
MATH = f"{{{MML_NS}}}math"


def tbx(name: str) -> str:
    """Clark name of a TBX element."""
    return f"{{{TBX_NS}}}{name}"


#: The model's Id: an NCName (see mrstd.model.types.Id).
ID_RE = python_regex(ID_PATTERN)
PARTIAL_DATE_RE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
ICS_RE = re.compile(r"[0-9]{2}(\.[0-9]{3}(\.[0-9]{2})?)?\Z")
_XMLNS_DECL = re.compile(r' xmlns:([A-Za-z_][\w.\-]*)="[^"]*"')

N = TypeVar("N", bound=Node)

#: An lxml element. The lxml stubs type attribute values as ``str | bytes`` and
#: ``sourceline`` oddly; the reader only ever sees str (lxml returns str for
#: parsed text), so elements are typed loosely.
El = Any

_TEMPLATES: dict[type, dict[str, Any]] = {}
_set = object.__setattr__


def build(cls: type[N], **values: Any) -> N:
    """Build a model node without validation; callers pass values that already conform.

    Validating every node costs several times more than reading the XML (see
    docs/performance.md); the reader checks the constrained strings (ids, dates,
    codes) itself, and the corpus tests re-validate whole documents through JSON.
    """
    template = _TEMPLATES.get(cls)
    if template is None:
        template = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.default is not dataclasses.MISSING:
                template[f.name] = f.default
            else:
                template[f.name] = None
        _TEMPLATES[cls] = template
    data = template.copy()
    data.update(values)
    obj = object.__new__(cls)
    _set(obj, "__dict__", data)  # frozen value types refuse normal assignment
    return obj


def text_node(text: str) -> Any:
    """A Text run, built directly (the most frequent node)."""
    obj = object.__new__(_Text)
    obj.__dict__ = {"type": "text", "text": text}
    return obj


def template(cls: type[Node]) -> dict[str, Any]:
    """The default field values of a model type, in declaration order."""
    build(cls)
    return _TEMPLATES[cls]


def make(cls: type[N], data: dict[str, Any]) -> N:
    """A node from a filled-in copy of ``template(cls)`` (the fastest way to build one)."""
    obj = object.__new__(cls)
    obj.__dict__ = data
    return obj


class Unmodelled(Exception):
    """The element does not fit the model; the caller keeps it as foreign XML."""


def localname(tag: str) -> str:
    """The local part of a Clark name."""
    return tag.rpartition("}")[2]


#: Attributes the fast path of serialize() formats itself; lxml's items() is quadratic, so
#: an element with more is left to tostring().
_FEW = 32
#: A prefix used by an element or attribute name: ``<mml:math``, `` xlink:href=``.
_PREFIX_USE = re.compile(r"[<\s/]([A-Za-z_][\w.-]*):[A-Za-z_]")


def serialize(el: El) -> str:
    """An element as a standalone XML fragment, with only the namespace declarations it uses."""
    tag = el.tag
    if not len(el) and "}" not in tag and len(el.attrib) <= _FEW:
        # Text-only, un-namespaced elements are common (named-content): format directly.
        parts = [f"<{tag}"]
        for name, value in el.items():
            if "}" in name:
                break
            parts.append(f' {name}="{escape_attr(value)}"')
        else:
            text = el.text
            if text:
                parts.append(f">{escape_text(text)}</{tag}>")
            else:
                parts.append("/>")
            return "".join(parts)
    xml = etree.tostring(el, encoding="unicode", with_tail=False)
    head_end = xml.find(">")
    head = xml[:head_end]
    if " xmlns:" in head:
        # The prefixes used, found in one pass (not one search of the text per declaration,
        # which was quadratic: 100,000 declarations took minutes).
        used = set(_PREFIX_USE.findall(xml))

        def keep(match: re.Match[str]) -> str:
            return match.group(0) if match.group(1) in used else ""

        xml = _XMLNS_DECL.sub(keep, head) + xml[head_end:]
    return xml


def has_text_beside(el: El) -> bool:
    """Whether an element holds text of its own beside its children (not just whitespace)."""
    # Called for every list item and paragraph container: a plain loop, no tuple.
    text = el.text
    if text and not text.isspace():
        return True
    for child in el:
        text = child.tail
        if text and not text.isspace():
            return True
    return False


def no_text_beside(el: El) -> None:
    """Raise Unmodelled when an element-only container holds text: kept opaque, not lost."""
    if has_text_beside(el):
        raise Unmodelled(f"text directly in <{localname(el.tag)}>")


def text_of(el: El) -> str:
    """All text inside an element."""
    return "".join(el.itertext())


def simple_text(el: El) -> str:
    """The text of an element that must hold text only (no child elements)."""
    if len(el):
        for child in el:
            if isinstance(child.tag, str):
                raise Unmodelled(f"<{localname(el.tag)}> holds markup")
        return text_of(el)
    return el.text or ""


class Ctx:
    """State of one read: the log, the source, ids in use, aggregated losses."""

    def __init__(self, source: str, log: ConversionLog, ids: set[str]) -> None:
        self.source = source
        self.log = log
        self.ids = ids
        self._serial = 0
        self.dropped: Counter[tuple[str, str]] = Counter()
        self.dropped_line: dict[tuple[str, str], int | None] = {}
        # Comments already reported, and elements kept verbatim with comments inside: what
        # ``finish`` skips. Holding the proxies keeps them alive, so lxml hands out the same
        # objects again.
        self.accounted: list[El] = []

    def new_id(self, stem: str) -> str:
        """A fresh id not used anywhere in the source."""
        while True:
            self._serial += 1
            candidate = f"{stem}-{self._serial}"
            if candidate not in self.ids:
                self.ids.add(candidate)
                return candidate

    def opaque(self, el: El, path: str, why: str = "") -> str:
        """Serialize an unmodelled element and record it."""
        tag = el.tag
        if "}" in tag:
            prefix = "tbx:" if tag.startswith(f"{{{TBX_NS}}}") else ""
            tag = prefix + localname(tag)
        detail = f"<{tag}> kept as foreign XML ({why})" if why else f"<{tag}> kept as foreign XML"
        self.log.add(Change.OPAQUE, path, detail, el.sourceline)
        return self.verbatim(el)

    def verbatim(self, el: El) -> str:
        """An element as XML kept in the model (with any comments inside it)."""
        xml = serialize(el)
        if "<!--" in xml or "<?" in xml:
            self.accounted.append(el)
        return xml

    def stray_text(self, el: El, path: str) -> None:
        """Record text directly inside a container that holds elements only."""
        if has_text_beside(el):
            where = localname(el.tag)
            self.log.add(Change.LOST, path, f"text directly in <{where}>", el.sourceline)

    def skipped(self, node: El, path: str) -> None:
        """Record a comment or processing instruction, which the model has no place for."""
        self.accounted.append(node)
        self.log.add(Change.LOST, path, "comment or processing instruction", node.sourceline)

    def drop_attr(self, el: El, attr: str) -> None:
        """Record an attribute the model cannot carry (reported once per element and name)."""
        key = (localname(el.tag), localname(attr))
        if key not in self.dropped:
            self.dropped_line[key] = el.sourceline
        self.dropped[key] += 1

    def finish(self, root: El, data: bytes) -> None:
        """Write the aggregated losses into the log, and every comment not yet accounted for."""
        accounted = set(self.accounted)
        for node in comments_and_pis(root, data):
            if node in accounted or any(
                a in accounted or a.tag == MATH for a in node.iterancestors()
            ):
                continue
            self.log.add(Change.LOST, "", "comment or processing instruction", node.sourceline)
        for (element, attr), count in sorted(self.dropped.items()):
            self.log.add(
                Change.LOST,
                "",
                f"attribute @{attr} on <{element}> is not modelled ({count} occurrences)",
                self.dropped_line[(element, attr)],
            )


#: Prefix of the custom-meta names under which mrstd carries metadata that NISO STS has
#: no element for; the reader turns them back into the typed fields.
CARRIED_PREFIX = "mrstd:"


def oasis_column_name(columns: Sequence[Any], start: str, colspan: int) -> str | None:
    """The name of the column ``colspan - 1`` after the one named ``start`` (its nameend)."""
    numbered = {c.number or i + 1: c.name for i, c in enumerate(columns)}
    first = next((n for n, name in numbered.items() if name == start), None)
    return None if first is None else numbered.get(first + colspan - 1)
