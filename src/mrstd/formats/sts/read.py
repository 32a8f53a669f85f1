"""Reading a whole STS document: standard, adoption nesting, front, body and back."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from lxml import etree

from ...errors import DocumentError, Problem
from ...model import Clause, ClauseKind, Document, DocumentIdentifier, ForeignBlock, Layer, Metadata
from ...model.base import no_gc
from ..base import Change, ConversionLog
from ..xmlsafe import as_utf8, parse_xml
from .common import (
    MML_NS,
    TBX_NS,
    XLINK_NS,
    XML_LANG,
    Ctx,
    El,
    Unmodelled,
    build,
    no_text_beside,
)
from .read_body import (
    anonymous,
    block,
    caption_of,
    clause,
    clauses_of,
    element_or_foreign,
    inlines,
    label_text,
    valid_id,
)
from .read_front import META_ELEMENTS, metadata

# Imported for what they add to read_body.BLOCK_HANDLERS: term sections, tables, arrays.
from . import read_tables, read_terms  # noqa: F401  # isort: skip

#: Prefixes that old ISOSTS files declare only through DTD default attributes.
_WELL_KNOWN = {b"tbx": TBX_NS, b"xlink": XLINK_NS, b"mml": MML_NS}
_ROOT = re.compile(rb"<(standard|adoption)(?=[\s>/])")


def declare_prefixes(data: bytes, source: str, log: ConversionLog) -> bytes:
    """Bind the tbx, xlink and mml prefixes on the root when used but never declared.

    ISOSTS files may rely on the DTD's #FIXED ``xmlns:tbx`` attributes; without the
    DTD they are not namespace-well-formed. The namespaces are the standard ones.
    """
    missing = [
        prefix
        for prefix in _WELL_KNOWN
        if prefix + b":" in data
        and b"xmlns:" + prefix + b"=" not in data
        and re.search(rb"<" + prefix + rb":|\s" + prefix + rb":[\w.-]+\s*=", data)
    ]
    if not missing:
        return data
    match = _ROOT.search(data)
    if match is None:
        return data
    decls = b"".join(b' xmlns:%s="%s"' % (p, _WELL_KNOWN[p].encode()) for p in missing)
    names = ", ".join(p.decode() for p in missing)
    log.add(
        Change.NORMALISED,
        "",
        f"undeclared namespace prefixes ({names}) bound to their standard namespaces, "
        "as the STS DTD would",
        data.count(b"\n", 0, match.start()) + 1,
    )
    return data[: match.end()] + decls + data[match.end() :]


def read_sts(data: bytes, source: str, log: ConversionLog) -> Document:
    """Read NISO STS (Interchange or Extended) or ISOSTS 1.1 into a document."""
    data = declare_prefixes(as_utf8(data, source), source, log)
    root = parse_xml(
        data, source, allow_internal_entities=True, html_entities=True, warnings=log.warnings
    )
    ctx = Ctx(source, log, _LazyIds(root))
    lang = root.get(XML_LANG) or "en"
    with no_gc():
        if root.tag == "adoption":
            fields = _adoption(ctx, root, "", lang)
        elif root.tag == "standard":
            fields = _standard(ctx, root, "", lang)
        else:
            raise DocumentError(
                source, [Problem(f"root <{root.tag}> is not standard or adoption", 1, 1)]
            )
        ctx.finish(root, data)
        return build(Document, **fields)


#: Every @id value, as plain strings (lxml's default "smart" strings each keep a reference
#: to their element, which costs far more than the strings).
_ALL_IDS = etree.XPath("//@id", smart_strings=False)


class _LazyIds(set[str]):
    """The ids of the source, collected only when a new id must be made."""

    def __init__(self, root: El) -> None:
        super().__init__()
        self._root: El | None = root

    def __contains__(self, item: object) -> bool:
        if self._root is not None:
            self.update(cast("list[str]", _ALL_IDS(self._root)))
            self._root = None
        return super().__contains__(item)


def _empty_metadata() -> Metadata:
    return build(
        Metadata, identifier=build(DocumentIdentifier, value="unidentified", scheme="derived")
    )


def _standard(ctx: Ctx, el: El, path: str, lang: str) -> dict[str, Any]:
    lang = el.get(XML_LANG) or lang
    metas: list[Metadata] = []
    preface: list[Clause] = []
    body: list[Clause] = []
    annexes: list[Clause] = []
    back: list[Clause] = []
    for name in el.attrib:
        if name not in ("dtd-version", XML_LANG):
            ctx.drop_attr(el, name)
    ctx.stray_text(el, path)
    for part in el:
        tag = part.tag
        if tag == "front":
            ctx.stray_text(part, f"{path}preface")
            loose: list[El] = []
            for child in part:
                if not isinstance(child.tag, str):
                    continue
                if child.tag in META_ELEMENTS:
                    metas.append(metadata(ctx, child, f"{path}metadata", lang))
                else:
                    loose.append(child)
            preface.extend(clauses_of(ctx, loose, f"{path}preface"))
        elif tag == "body":
            ctx.stray_text(part, f"{path}body")
            body.extend(clauses_of(ctx, part, f"{path}body"))
        elif tag == "back":
            _back(ctx, part, path, annexes, back)
        elif isinstance(tag, str):
            # Not front, body or back: kept in place, before or after the body.
            where, seen = (back, "back") if body or back or annexes else (preface, "preface")
            xml = ctx.opaque(part, f"{path}{seen}[{len(where)}].blocks[0]", "in standard")
            where.append(anonymous([_foreign(xml)]))
    fields: dict[str, Any] = {
        "preface": tuple(preface),
        "body": tuple(body),
        "annexes": tuple(annexes),
        "back": tuple(back),
    }
    if not metas:
        return {"metadata": _empty_metadata(), **fields}
    # Several metadata elements in one front (ISOSTS iso-meta, reg-meta*, nat-meta*)
    # describe one adoption chain: the last is the outermost (national) layer.
    inner: Layer | None = None
    for index, meta in enumerate(metas):
        if index == 0:
            inner = build(Layer, metadata=meta, **fields)
        else:
            inner = build(Layer, metadata=meta, adopted=inner)
    assert inner is not None
    return {
        "metadata": inner.metadata,
        "preface": inner.preface,
        "body": inner.body,
        "annexes": inner.annexes,
        "back": inner.back,
        "adopted": inner.adopted,
    }


def _back(ctx: Ctx, el: El, path: str, annexes: list[Clause], back: list[Clause]) -> None:
    for name in el.attrib:
        ctx.drop_attr(el, name)
    ctx.stray_text(el, f"{path}back")
    loose: list[Any] = []

    def flush() -> None:
        if loose:
            back.append(anonymous(list(loose)))
            loose.clear()

    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag in ("label", "title"):
            loose.extend(block(ctx, child, f"{path}back[{len(back)}].blocks[{len(loose)}]"))
        elif tag == "app-group":
            for name in child.attrib:
                ctx.drop_attr(child, name)
            ctx.stray_text(child, f"{path}annexes")
            for app in child:
                if not isinstance(app.tag, str):
                    continue
                apath = f"{path}annexes[{len(annexes)}]"
                if app.tag == "app":
                    annexes.append(
                        element_or_foreign(ctx, app, apath, _later(clause, ctx, app, apath))
                    )
                else:
                    xml = ctx.opaque(app, f"{apath}.blocks[0]", "inside app-group")
                    annexes.append(anonymous([_foreign(xml)], ClauseKind.ANNEX))
        elif tag == "sec":
            flush()
            bpath = f"{path}back[{len(back)}]"
            back.append(element_or_foreign(ctx, child, bpath, _later(clause, ctx, child, bpath)))
        elif tag == "ref-list":
            flush()
            bpath = f"{path}back[{len(back)}]"
            back.append(
                element_or_foreign(ctx, child, bpath, _later(_bibliography, ctx, child, bpath))
            )
        else:
            loose.extend(block(ctx, child, f"{path}back[{len(back)}].blocks[{len(loose)}]"))
    flush()


def _later(
    fn: Callable[[Ctx, El, str], Clause], ctx: Ctx, el: El, path: str
) -> Callable[[], Clause]:
    """Bind a clause reader to its arguments, to run inside the foreign fallback."""
    return lambda: fn(ctx, el, path)


def _foreign(xml: str) -> Any:
    return build(ForeignBlock, xml=xml)


def _bibliography(ctx: Ctx, el: El, path: str) -> Clause:
    cid = None
    for name, value in el.items():
        if name == "id":
            cid = valid_id(value)
        elif name != "content-type":
            raise Unmodelled(f"attribute @{name} on ref-list")
    content_type = el.get("content-type")
    no_text_beside(el)
    label = None
    title: tuple[Any, ...] = ()
    blocks: list[Any] = []
    subclauses: list[Clause] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "label" and label is None and not title and not blocks:
            label = label_text(child)
        elif child.tag == "title" and not title and not blocks:
            title = inlines(ctx, child, f"{path}.title")
        elif child.tag == "ref-list":
            # A group of references inside the bibliography: a subclause.
            subclauses.append(_bibliography(ctx, child, f"{path}.subclauses[{len(subclauses)}]"))
        elif subclauses:
            raise Unmodelled(f"<{child.tag}> after a nested ref-list")
        else:
            blocks.extend(block(ctx, child, f"{path}.blocks[{len(blocks)}]"))
    return build(
        Clause,
        id=cid,
        label=label,
        title=title,
        kind=ClauseKind.BIBLIOGRAPHY,
        blocks=tuple(blocks),
        subclauses=tuple(subclauses),
        # mrstd writes "bibl"; any other content-type is kept as written.
        type_label=content_type if content_type != "bibl" else None,
    )


def _adoption(ctx: Ctx, el: El, path: str, lang: str) -> dict[str, Any]:
    lang = el.get(XML_LANG) or lang
    meta: Metadata | None = None
    preface: list[Clause] = []
    annexes: list[Clause] = []
    back: list[Clause] = []
    adopted: Layer | None = None
    for name in el.attrib:
        if name not in ("dtd-version", XML_LANG):
            ctx.drop_attr(el, name)
    ctx.stray_text(el, path)
    for part in el:
        tag = part.tag
        if not isinstance(tag, str):
            continue
        if tag == "adoption-front":
            ctx.stray_text(part, f"{path}preface")
            loose: list[El] = []
            for child in part:
                if not isinstance(child.tag, str):
                    continue
                if child.tag in ("std-meta", "std-doc-meta"):
                    found = metadata(ctx, child, f"{path}metadata", lang)
                    if meta is None or child.tag == "std-meta":
                        if meta is not None:
                            ctx.log.add(
                                Change.LOST,
                                f"{path}metadata",
                                "std-doc-meta beside std-meta in adoption-front",
                                child.sourceline,
                            )
                        meta = found
                else:
                    loose.append(child)
            preface.extend(clauses_of(ctx, loose, f"{path}preface"))
        elif tag == "back":
            _back(ctx, part, path, annexes, back)
        elif tag in ("standard", "adoption") and adopted is None:
            inner_path = f"{path}adopted."
            fields = (
                _standard(ctx, part, inner_path, lang)
                if tag == "standard"
                else _adoption(ctx, part, inner_path, lang)
            )
            adopted = build(Layer, **fields)
        else:
            ctx.log.add(
                Change.LOST, path or "", f"<{tag}> in adoption is not modelled", part.sourceline
            )
    return {
        "metadata": meta or _empty_metadata(),
        "preface": tuple(preface),
        "annexes": tuple(annexes),
        "back": tuple(back),
        "adopted": adopted,
    }


__all__ = ["caption_of", "declare_prefixes", "read_sts"]
