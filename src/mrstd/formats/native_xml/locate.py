"""Between model paths and XML elements: for error messages and validation findings."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lxml import etree

from ...model import Document
from ...paths import PathPart
from .mapping import ClassSpec, FieldSpec, Kind

if TYPE_CHECKING:  # the reader uses spec_of at run time; this module only names its type
    from .reader import Reader


def _is_element(node: Any) -> bool:
    return isinstance(node.tag, str)


def _run_index(parent: Any, child: Any) -> int:
    """The index of ``child`` among the inline runs of ``parent``."""
    index = 1 if parent.text else 0
    for sibling in parent:
        if sibling is child:
            return index
        if _is_element(sibling):
            index += 1
        if sibling.tail:
            index += 1
    return index


def _item_index(parent: Any, child: Any) -> int:
    index = 0
    for sibling in parent:
        if sibling is child:
            return index
        if _is_element(sibling):
            index += 1
    return index


def path_of(reader: Reader, element: Any, field: str | None = None) -> tuple[PathPart, ...]:
    """The model path of an element (and of one of its fields)."""
    chain = [element]
    while chain[-1].getparent() is not None:
        chain.append(chain[-1].getparent())
    chain.reverse()
    path: list[PathPart] = []
    spec: ClassSpec | None = reader.mapping.root
    wrapper: FieldSpec | None = None
    for parent, child in itertools.pairwise(chain):
        if wrapper is not None:
            f = wrapper
        elif spec is not None and spec.unwrapped is not None:
            f = spec.unwrapped
            path.append(f.name)
        elif spec is not None:
            found = reader.children[spec.cls].get(child.tag)
            if found is None:
                break
            path.append(found.name)
            if found.kind is Kind.MODEL and not found.union:
                spec, wrapper = next(iter(found.items.values())), None
            elif found.kind is Kind.XML:
                break
            else:
                spec, wrapper = None, found
            continue
        else:
            break
        # ``child`` is an item of the sequence ``f`` held by ``parent``.
        if f.kind is Kind.SEQ_INLINE:
            path.append(_run_index(parent, child))
        else:
            path.append(_item_index(parent, child))
        if f.kind is Kind.SEQ_SCALAR or f.kind is Kind.XML:
            break
        item_spec = reader.items[id(f)].get(child.tag)
        if item_spec is None:
            break
        spec, wrapper = item_spec, None
    if field is not None and spec is not None and wrapper is None:
        path.append(field)
    return tuple(path)


def field_of_attribute(reader: Reader, element: Any, attribute: str) -> str | None:
    """The model field an attribute of ``element`` holds, if the element is known."""
    spec = spec_of(reader, element)
    if spec is None:
        return None
    f = spec.attrs.get(attribute)
    return f.name if f is not None else None


def spec_of(reader: Reader, element: Any) -> ClassSpec | None:
    parent = element.getparent()
    if parent is None:
        return reader.mapping.root
    parent_spec = spec_of(reader, parent)
    if parent_spec is None:
        # The parent may be a wrapper: find the field through the grandparent.
        grand = parent.getparent()
        grand_spec = spec_of(reader, grand) if grand is not None else None
        if grand_spec is None:
            return None
        f = reader.children[grand_spec.cls].get(parent.tag)
        if f is None or f.kind in (Kind.MODEL, Kind.XML, Kind.SEQ_SCALAR):
            return None
        return reader.items[id(f)].get(element.tag)
    if parent_spec.unwrapped is not None:
        return reader.items[id(parent_spec.unwrapped)].get(element.tag)
    f = reader.children[parent_spec.cls].get(element.tag)
    if f is not None and f.kind is Kind.MODEL and not f.union:
        return next(iter(f.items.values()))
    return None


def position(data: bytes, element: Any, attribute: str | None = None) -> tuple[int, int]:
    """(line, column) of an element's start tag, or of one of its attributes."""
    line = element.sourceline or 1
    qname = _qname(element)
    root = element.getroottree().getroot()
    nth = 0
    for other in root.iter(element.tag):
        if other is element:
            break
        if other.sourceline == line:
            nth += 1
    starts = _line_starts(data)
    tag = re.compile(b"<" + re.escape(qname.encode()) + rb"(?=[\s/>])")
    offset = None
    for candidate in (line, line - 1, line + 1):
        if not 1 <= candidate <= len(starts):
            continue
        begin = starts[candidate - 1]
        end = starts[candidate] if candidate < len(starts) else len(data)
        matches = list(tag.finditer(data, begin, end))
        if matches:
            offset = matches[min(nth, len(matches) - 1)].start()
            break
    if offset is None:
        return line, 1
    if attribute is not None:
        name = _attribute_qname(element, attribute)
        close = data.find(b">", offset)
        found = re.compile(rb"\s(" + re.escape(name.encode()) + rb")\s*=").search(
            data, offset, close if close != -1 else len(data)
        )
        if found is not None:
            offset = found.start(1)
    return _line_col(data, starts, offset)


def _qname(element: Any) -> str:
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local


def _attribute_qname(element: Any, attribute: str) -> str:
    if not attribute.startswith("{"):
        return attribute
    ns, _, local = attribute[1:].partition("}")
    for prefix, uri in (element.nsmap or {}).items():
        if uri == ns and prefix:
            return f"{prefix}:{local}"
    return local


def _line_starts(data: bytes) -> list[int]:
    starts = [0]
    index = data.find(b"\n")
    while index != -1:
        starts.append(index + 1)
        index = data.find(b"\n", index + 1)
    return starts


def _line_col(data: bytes, starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    begin = starts[line - 1]
    column = len(data[begin:offset].decode("utf-8", "replace")) + 1
    return line, column


def find(reader: Reader, root: Any, path: Sequence[PathPart]) -> tuple[Any, str | None]:
    """The element a model path leads to (as deep as it can be followed), and the
    attribute name when the path ends at an attribute."""
    element = root
    spec: ClassSpec | None = reader.mapping.root
    wrapper: FieldSpec | None = None
    parts = list(path)
    while parts:
        part = parts.pop(0)
        if wrapper is not None:
            if not isinstance(part, int):
                break
            item = _nth_item(element, wrapper, part)
            if item is None or wrapper.kind is Kind.SEQ_SCALAR:
                return (item if item is not None else element), None
            if item is element:  # a text run: the position of its parent element
                return element, None
            spec = reader.items[id(wrapper)].get(item.tag)
            element, wrapper = item, None
            continue
        if spec is None or not isinstance(part, str):
            break
        f = next((x for x in spec.fields if x.name == part), None)
        if f is None:
            break
        if f.kind is Kind.ATTR:
            return element, f.xml_name
        if f.kind in (Kind.BODY, Kind.CONST):
            return element, None
        if f is spec.unwrapped:
            wrapper = f
            if f.kind is Kind.XML:
                return element, None
            continue
        child = element.find(reader.q(f.xml_name))
        if child is None:
            break
        element = child
        if f.kind is Kind.MODEL and not f.union:
            spec = next(iter(f.items.values()))
        elif f.kind is Kind.XML:
            return element, None
        else:
            spec, wrapper = None, f
    return element, None


def _nth_item(parent: Any, f: FieldSpec, index: int) -> Any:
    if f.kind is Kind.SEQ_INLINE:
        runs: list[Any] = []
        if parent.text:
            runs.append(parent)
        for child in parent:
            if _is_element(child):
                runs.append(child)
            if child.tail:
                runs.append(parent)
        return runs[index] if 0 <= index < len(runs) else None
    items = [c for c in parent if _is_element(c)]
    return items[index] if 0 <= index < len(items) else None


__all__ = ["Document", "field_of_attribute", "find", "path_of", "position"]
