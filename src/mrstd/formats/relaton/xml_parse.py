"""Parsing Relaton XML (``bibdata`` with ``ext``, and ``bibitem``) into the model.

The XML becomes the same v1.2.x hash as the YAML reader gives, so that one mapping
(``hash_parse``) serves both."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ...errors import DocumentError, Problem
from ...model import Document
from ..base import Change, ConversionLog
from ..xmlsafe import parse_xml
from .common import Hash
from .hash_parse import from_hash

_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(bibdata|bibitem)[\s>/]")

_PROLOG = re.compile(rb"^(\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*)*", re.DOTALL)

_GROUP_TAGS = {
    "technical-committee": "technical_committee",
    "subcommittee": "subcommittee",
    "workgroup": "workgroup",
    "secretariat": "secretariat",
}


def sniff(data: bytes) -> bool:
    """XML whose root element is ``bibdata`` or ``bibitem``."""
    head = data[:4096]
    prolog = _PROLOG.match(head)
    start = prolog.end() if prolog else 0
    return bool(_ROOT.match(head, start))


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str)]


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    # Line breaks are layout; other spacing (even doubled) is data and is kept.
    return re.sub(r"[ \t]*[\r\n][\s]*", " ", "".join(str(t) for t in el.itertext())).strip() or None


def _child(el: etree._Element, name: str) -> etree._Element | None:
    for c in _children(el):
        if _local(c.tag) == name:
            return c
    return None


def _all(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in _children(el) if _local(c.tag) == name]


def _localized(el: etree._Element) -> Hash:
    out: Hash = {"content": _text(el)}
    for attr in ("language", "script", "type", "format"):
        if el.get(attr) is not None:
            out[attr] = el.get(attr)
    return out


def _raw(el: etree._Element) -> str:
    copy = etree.fromstring(etree.tostring(el))
    copy.tail = None
    # Indentation between elements is layout: drop it so that a written record reads back equal.
    for node in copy.iter():
        if len(node) and node.text is not None and not node.text.strip():
            node.text = None
        if node is not copy and node.tail is not None and not node.tail.strip():
            node.tail = None
    return etree.tostring(copy, encoding="unicode")


class _Reader:
    def __init__(self, log: ConversionLog) -> None:
        self.log = log
        self.opaque: list[tuple[str, str]] = []

    def record(self, root: etree._Element) -> Hash:
        h: Hash = {}
        if root.get("id"):
            # An anchor, not document data; it names the record only when nothing else does.
            h["_anchor"] = root.get("id")
        if root.get("type"):
            h["type"] = root.get("type")
        for el in _children(root):
            name = _local(el.tag)
            handler = getattr(self, "el_" + name.replace("-", "_"), None)
            if handler is not None:
                handler(el, h)
            else:
                self.opaque.append((f"relaton-xml:{name}", _raw(el)))
                self.log.add(Change.OPAQUE, name, "kept as a custom field")
        return h

    def add(self, h: Hash, key: str, value: Any) -> None:
        h.setdefault(key, []).append(value)

    def el_fetched(self, el: etree._Element, h: Hash) -> None:
        h["fetched"] = _text(el)

    def el_formattedref(self, el: etree._Element, h: Hash) -> None:
        h["formattedref"] = {"content": _text(el)}

    def el_title(self, el: etree._Element, h: Hash) -> None:
        self.add(h, "title", _localized(el))

    def el_uri(self, el: etree._Element, h: Hash) -> None:
        self.add(h, "link", {"content": _text(el), "type": el.get("type")})

    el_source = el_uri

    def el_docidentifier(self, el: etree._Element, h: Hash) -> None:
        docid: Hash = {"id": _text(el), "type": el.get("type")}
        if el.get("primary") == "true":
            docid["primary"] = True
        for attr in ("scope", "language", "script", "locale"):
            if el.get(attr) is not None:
                docid[attr] = el.get(attr)
        self.add(h, "docid", docid)

    def el_docnumber(self, el: etree._Element, h: Hash) -> None:
        h["docnumber"] = _text(el)

    def el_date(self, el: etree._Element, h: Hash) -> None:
        h.setdefault("date", []).append(self.date(el))

    def date(self, el: etree._Element) -> Hash:
        out: Hash = {"type": el.get("type")}
        on = _child(el, "on")
        if on is not None:
            out["value"] = _text(on)
        elif _child(el, "from") is not None or _child(el, "to") is not None:
            out["from"] = _text(_child(el, "from"))
            out["to"] = _text(_child(el, "to"))
        else:
            out["value"] = _text(el)
        return out

    def el_contributor(self, el: etree._Element, h: Hash) -> None:
        roles = [
            {"type": r.get("type"), "description": [_text(d) for d in _all(r, "description")]}
            for r in _all(el, "role")
        ]
        out: Hash = {"role": roles}
        org = _child(el, "organization")
        if org is not None:
            out["organization"] = self.organization(org)
        person = _child(el, "person")
        if person is not None:
            out["person"] = self.person(person)
        self.add(h, "contributor", out)

    def organization(self, el: etree._Element) -> Hash:
        # An empty name is a name stated empty (as JIS records state it), not no name.
        out: Hash = {
            "name": [{**_localized(n), "content": _text(n) or ""} for n in _all(el, "name")]
        }
        for c in _children(el):
            name = _local(c.tag)
            if name == "abbreviation":
                out["abbreviation"] = _text(c)
            elif name == "uri":
                out["uri"] = _text(c)
            elif name == "address":
                formatted = _child(c, "formattedAddress")
                out["address"] = [
                    {"formatted_address": _text(formatted) if formatted is not None else _text(c)}
                ]
            elif name == "contact":
                address = _child(c, "address")
                if address is not None:
                    formatted = _child(address, "formattedAddress")
                    out["address"] = [
                        {
                            "formatted_address": _text(
                                formatted if formatted is not None else address
                            )
                        }
                    ]
            elif name != "name":
                out[name] = True  # present, so that the mapping records it as lost
        return out

    def person(self, el: etree._Element) -> Hash:
        out: Hash = {}
        name = _child(el, "name")
        if name is not None:
            parts: Hash = {}
            for c in _children(name):
                key = _local(c.tag).replace("-", "_")
                if key in ("forename", "prefix", "addition"):
                    parts.setdefault(key, []).append(
                        {"content": _text(c), "initial": c.get("initial")}
                    )
                else:
                    parts[key] = {"content": _text(c)}
            out["name"] = parts
        for c in _children(el):
            if _local(c.tag) != "name":
                out[_local(c.tag)] = True
        return out

    def el_edition(self, el: etree._Element, h: Hash) -> None:
        h["edition"] = {"content": _text(el), "number": el.get("number")}

    def el_version(self, el: etree._Element, h: Hash) -> None:
        self.add(
            h,
            "version",
            {
                "revision_date": _text(_child(el, "revision-date")),
                "draft": _text(_child(el, "draft")),
            },
        )

    def el_note(self, el: etree._Element, h: Hash) -> None:
        self.add(h, "biblionote", {"content": _text(el), "type": el.get("type")})

    def el_language(self, el: etree._Element, h: Hash) -> None:
        self.add(h, "language", _text(el))

    def el_script(self, el: etree._Element, h: Hash) -> None:
        self.add(h, "script", _text(el))

    def el_abstract(self, el: etree._Element, h: Hash) -> None:
        if _children(el):
            self.log.add(Change.NORMALISED, "abstract", "marked-up abstract kept as plain text")
        self.add(h, "abstract", _localized(el))

    def el_status(self, el: etree._Element, h: Hash) -> None:
        out: Hash = {}
        for name in ("stage", "substage"):
            c = _child(el, name)
            if c is not None:
                out[name] = {"value": _text(c), "abbreviation": c.get("abbreviation")}
        if _child(el, "iteration") is not None:
            out["iteration"] = _text(_child(el, "iteration"))
        h["docstatus"] = out

    def el_copyright(self, el: etree._Element, h: Hash) -> None:
        out: Hash = {"from": _text(_child(el, "from")), "owner": []}
        for owner in _all(el, "owner"):
            org = _child(owner, "organization")
            person = _child(owner, "person")
            if org is not None:
                out["owner"].append(self.organization(org))
            elif person is not None:
                out["owner"].append({"person": self.person(person)})
        for name in ("to", "scope"):
            if _child(el, name) is not None:
                out[name] = _text(_child(el, name))
        self.add(h, "copyright", out)

    def el_relation(self, el: etree._Element, h: Hash) -> None:
        out: Hash = {"type": el.get("type")}
        bib: Hash = {}
        for c in _children(el):
            name = _local(c.tag)
            if name == "description":
                out["description"] = {"content": _text(c)}
            elif name == "bibitem":
                for b in _children(c):
                    bname = _local(b.tag)
                    if bname == "docidentifier":
                        self.el_docidentifier(b, bib)
                    elif bname == "date":
                        bib.setdefault("date", []).append(self.date(b))
                    elif bname in ("formattedref", "title"):
                        bib.setdefault(bname, _text(b))
                if c.get("id"):
                    bib["id"] = c.get("id")
            else:
                out[name] = True
        out["bibitem"] = bib
        self.add(h, "relation", out)

    def el_keyword(self, el: etree._Element, h: Hash) -> None:
        self.add(h, "keyword", _localized(el))

    def el_place(self, el: etree._Element, h: Hash) -> None:
        if _children(el):
            self.opaque.append(("relaton-xml:place", _raw(el)))
            self.log.add(Change.OPAQUE, "place", "kept as a custom field")
        else:
            self.add(h, "place", _text(el) or "")

    def el_ext(self, el: etree._Element, h: Hash) -> None:
        ext: Hash = {}
        for c in _children(el):
            name = _local(c.tag)
            if name == "doctype":
                ext["doctype"] = {"type": _text(c), "abbreviation": c.get("abbreviation")}
            elif name in ("subdoctype", "plannumber", "flavor"):
                ext[name] = _text(c)
            elif name == "editorialgroup":
                group: Hash = {}
                for g in _children(c):
                    key = _GROUP_TAGS.get(_local(g.tag), _local(g.tag))
                    group.setdefault(key, []).append(
                        {
                            "name": _text(g),
                            "number": g.get("number"),
                            "type": g.get("type"),
                            "identifier": g.get("identifier"),
                            "prefix": g.get("prefix"),
                        }
                    )
                ext["editorialgroup"] = group
            elif name in ("ics", "ccs"):
                ext.setdefault(name, []).append(
                    {"code": _text(_child(c, "code")), "text": _text(_child(c, "text"))}
                )
            elif name == "gbcommittee":
                ext.setdefault("gbcommittee", []).append({"name": _text(c), "type": c.get("type")})
            elif name == "gbtype":
                ext["gbtype"] = {_local(g.tag): _text(g) for g in _children(c)}
            elif name == "structuredidentifier":
                ext.setdefault("structuredidentifier", []).append(self.structured(c))
            else:
                self.opaque.append((f"relaton-xml:ext/{name}", _raw(c)))
                self.log.add(Change.OPAQUE, f"ext/{name}", "kept as a custom field")
        h["ext"] = ext

    def structured(self, el: etree._Element) -> Hash:
        out: Hash = {"type": el.get("type")}
        for c in _children(el):
            name = _local(c.tag).replace("-", "_")
            if name == "project_number":
                out["project_number"] = {"content": _text(c), **{k: v for k, v in c.attrib.items()}}
            elif name in ("tc_documentnumber", "tc_document_number"):
                out["tc_document_number"] = _text(c)
            elif name == "agency":
                out.setdefault("agency", []).append(_text(c))
            else:
                out[name] = _text(c)
        return out


def _line(el: etree._Element) -> int:
    line = el.sourceline
    return line if isinstance(line, int) else 1


def read(data: bytes, source: str, log: ConversionLog) -> Document:
    """A Document (metadata only) from a Relaton ``bibdata`` or ``bibitem``."""
    root = parse_xml(data, source)
    name = _local(root.tag)
    if name in ("documents", "relaton-collection") or _all(root, "bibitem"):
        found = root.xpath("//*[local-name()='bibitem' or local-name()='bibdata']")
        count = len(found) if isinstance(found, list) else 0
        message = (
            f"a collection of {count} Relaton records, not one record; convert them one at a time"
        )
        raise DocumentError(source, [Problem(message, _line(root), 1)])
    if name not in ("bibdata", "bibitem"):
        problem = Problem(
            f"not a Relaton record: root element is {name!r}, not bibdata or bibitem",
            _line(root),
            1,
        )
        raise DocumentError(source, [problem])
    reader = _Reader(log)
    return from_hash(reader.record(root), source, log, reader.opaque)
