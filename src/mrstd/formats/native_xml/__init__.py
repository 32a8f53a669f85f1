"""Native XML: a lossless XML serialization of the model, described by schemas/<version>/mrstd.xsd.

See docs/xml.md for the format. ``loads_bytes`` / ``dumps_bytes`` read and write it;
the format registers itself as ``xml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from ...errors import DocumentError, MrstdError, Problem, UnsupportedVersionError
from ...model import SCHEMA_VERSION, Document
from ...paths import PathPart, format_path
from ...versioning import readable_versions
from ..base import Change, ConversionLog, Format, register
from ..xmlsafe import as_utf8, comments_and_pis, parse_xml
from . import locate as _locate
from .mapping import MATHML_NS, NAMESPACE
from .reader import Invalid, reader
from .writer import write

__all__ = ["MATHML_NS", "NAMESPACE", "dumps_bytes", "loads_bytes"]

_NS_VERSION = re.compile(r"^https://mrstd\.dev/schema/([0-9]+\.[0-9]+)$")


def dumps_bytes(doc: Document) -> bytes:
    """The document as native XML (UTF-8, indented where whitespace is not content)."""
    return write(doc)


def loads_bytes(data: bytes, source: str = "<string>") -> Document:
    """Read native XML; every problem is a DocumentError with line, column and model path.

    Comments and processing instructions are not part of the model and are skipped;
    ``mrstd convert`` lists them in its report.
    """
    return _load(data, source)[1]


def _load(data: bytes, source: str) -> tuple[etree._Element, Document]:
    data = as_utf8(data, source)
    root = parse_xml(data, source)
    namespace = _check_root(root, data, source)
    try:
        return root, reader(namespace).read(root)
    except Invalid as exc:
        raise DocumentError(source, [_problem(data, exc, namespace)]) from None


def _skipped_nodes(root: etree._Element, data: bytes, log: ConversionLog) -> None:
    """Log every comment and processing instruction, which the model cannot hold."""
    r = reader(etree.QName(root).namespace or NAMESPACE)
    for node in comments_and_pis(root, data):
        what = "comment" if node.tag is etree.Comment else "processing instruction"
        parent = node.getparent()
        path = format_path(_locate.path_of(r, parent)) if parent is not None else ""
        log.add(Change.LOST, path, f"{what} not carried (not part of the model)", node.sourceline)


def _problem(data: bytes, exc: Invalid, namespace: str) -> Problem:
    r = reader(namespace)
    field = exc.field
    if exc.attribute is not None:
        field = _locate.field_of_attribute(r, exc.element, exc.attribute)
    path = _locate.path_of(r, exc.element, field)
    line, col = _locate.position(data, exc.element, exc.attribute)
    return Problem(exc.message, line, col, format_path(path))


def _check_root(root: etree._Element, data: bytes, source: str) -> str:
    """The namespace of a document this release reads; otherwise a one-line error."""
    tag = root.tag if isinstance(root.tag, str) else ""
    ns, local = tag[1:].split("}", 1) if tag.startswith("{") else ("", tag)
    if ns == NAMESPACE and local == "document":
        return ns
    line, col = _locate.position(data, root)
    match = _NS_VERSION.match(ns)
    if match and local == "document":
        version = match.group(1)
        if version in readable_versions() and version.split(".")[0] == SCHEMA_VERSION.split(".")[0]:
            return ns
        readable = ", ".join(readable_versions())
        message = f"unsupported schema version {version}; this release reads {readable}"
        raise UnsupportedVersionError(source, [Problem(message, line, col)])
    where = f"namespace {ns!r}" if ns else "no namespace"
    message = (
        f"not an mrstd XML document: the root element is <{local}> in {where}; "
        f'expected <document xmlns="{NAMESPACE}">'
    )
    raise DocumentError(source, [Problem(message, line, col)])


def _read(data: bytes, source: str, log: ConversionLog) -> Document:
    data = as_utf8(data, source)  # the positions and comments below are found in the bytes
    root, doc = _load(data, source)
    _skipped_nodes(root, data, log)
    return doc


def _write(doc: Document, log: ConversionLog) -> bytes:
    return dumps_bytes(doc)


def _locate_paths(
    data: bytes, paths: Sequence[tuple[PathPart, ...]]
) -> dict[tuple[PathPart, ...], tuple[int, int]]:
    try:
        data = as_utf8(data, "<locate>")
        root = parse_xml(data, "<locate>")
    except DocumentError:
        return {}
    spec = reader(etree.QName(root).namespace or NAMESPACE)
    found: dict[tuple[PathPart, ...], tuple[int, int]] = {}
    for path in paths:
        if path in found:
            continue
        try:
            element, attribute = _locate.find(spec, root, path)
            place = _locate.position(data, element, attribute)
        except (ValueError, MrstdError, RecursionError):
            place = None
        if place is not None:
            found[path] = place
    return found


_SNIFF = re.compile(
    rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:[A-Za-z_][\w.-]*:)?document[\s>/]",
    re.DOTALL,
)


def _sniff(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return _SNIFF.match(head) is not None and b"https://mrstd.dev/schema/" in head


FORMAT = register(
    Format(
        name="xml",
        description=f"mrstd native XML (lossless; schemas/{SCHEMA_VERSION}/mrstd.xsd)",
        extensions=(".xml",),
        lossy=False,
        read=_read,
        write=_write,
        sniff=_sniff,
        locate=_locate_paths,
        aliases=("mrstd-xml",),
    )
)
