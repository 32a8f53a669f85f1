"""Relaton XML: ``bibdata`` (with ``ext``) and ``bibitem`` records.

The reader turns the XML into the same v1.2.x hash as the YAML reader, so that one
mapping serves both; the writer turns that hash back into XML in the element order
of the Relaton grammar (relaton-bib 1.20 ``BibliographicItem``).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ...errors import ConversionError, DocumentError, Problem
from ...model import Document
from ..base import Change, ConversionLog
from ..xmlescape import BAD_CHARS
from ..xmlsafe import parse_xml
from .common import Hash, as_list, from_hash, text, to_hash

_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(bibdata|bibitem)[\s>/]")
_PROLOG = re.compile(rb"^(\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*)*", re.DOTALL)

#: Top-level elements in grammar order; opaque elements are written back in their slot.
ORDER = [
    "fetched",
    "formattedref",
    "title",
    "uri",
    "docidentifier",
    "docnumber",
    "date",
    "contributor",
    "edition",
    "version",
    "note",
    "language",
    "locale",
    "script",
    "abstract",
    "status",
    "copyright",
    "relation",
    "series",
    "medium",
    "place",
    "price",
    "extent",
    "size",
    "accesslocation",
    "license",
    "classification",
    "keyword",
    "validity",
    "depiction",
]
EXT_ORDER = [
    "doctype",
    "subdoctype",
    "flavor",
    "horizontal",
    "editorialgroup",
    "gbcommittee",
    "approvalgroup",
    "ics",
    "structuredidentifier",
    "stagename",
    "gbtype",
    "ccs",
    "plannumber",
]
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


# --- writing ------------------------------------------------------------------------


def _xml_text(value: Any) -> str:
    text = str(value)
    bad = BAD_CHARS.search(text)
    if bad is not None:
        # Replacing the character would change the record without saying so.
        raise ConversionError(
            f"character U+{ord(bad.group()):04X} cannot be written in XML (in {text[:40]!r})"
        )
    return text


def _sub(parent: etree._Element, tag: str, value: Any = None, **attrs: Any) -> etree._Element:
    el = etree.SubElement(parent, tag)
    for key, attr in attrs.items():
        if attr is not None:
            el.set(key.rstrip("_").replace("_", "-"), _xml_text(attr))
    if value is not None:
        el.text = _xml_text(value)
    return el


def _string(parent: etree._Element, tag: str, item: Any, **attrs: Any) -> etree._Element:
    """An element holding a localized string from the hash."""
    if isinstance(item, dict):
        attrs.setdefault("language", (as_list(item.get("language")) or [None])[0])
        attrs.setdefault("script", (as_list(item.get("script")) or [None])[0])
    return _sub(parent, tag, text(item), **attrs)


class _Writer:
    def __init__(self, h: Hash, opaque: dict[str, list[str]]) -> None:
        self.h = h
        self.opaque = opaque

    def build(self) -> etree._Element:
        h = self.h
        root = etree.Element("bibdata", type=str(h.get("type", "standard")))
        root.set("schema-version", str(h["schema-version"]))
        for name in ORDER:
            handler = getattr(self, "w_" + name, None)
            if handler is not None:
                handler(root)
            for raw in self.opaque.pop(name, []):
                root.append(etree.fromstring(raw))
        for rest in list(self.opaque):
            if "/" not in rest:
                for raw in self.opaque.pop(rest):
                    root.append(etree.fromstring(raw))
        self.w_ext(root)
        return root

    def w_fetched(self, root: etree._Element) -> None:
        if self.h.get("fetched"):
            _sub(root, "fetched", self.h["fetched"])

    def w_formattedref(self, root: etree._Element) -> None:
        if self.h.get("formattedref"):
            _sub(root, "formattedref", self.h["formattedref"]["content"])

    def w_title(self, root: etree._Element) -> None:
        for t in self.h.get("title", []):
            _string(root, "title", t, type=t.get("type"), format=t.get("format"))

    def w_uri(self, root: etree._Element) -> None:
        for link in self.h.get("link", []):
            _sub(root, "uri", link["content"], type=link.get("type"))

    def w_docidentifier(self, root: etree._Element) -> None:
        for docid in self.h["docid"]:
            primary = "true" if docid.get("primary") else None
            _sub(root, "docidentifier", docid["id"], type=docid.get("type"), primary=primary)

    def w_docnumber(self, root: etree._Element) -> None:
        if self.h.get("docnumber"):
            _sub(root, "docnumber", self.h["docnumber"])

    def w_date(self, root: etree._Element) -> None:
        for d in self.h.get("date", []):
            self.date(root, d)

    def date(self, parent: etree._Element, d: Hash) -> None:
        el = _sub(parent, "date", type=d["type"])
        if "value" in d:
            _sub(el, "on", d["value"])
        else:
            if d.get("from"):
                _sub(el, "from", d["from"])
            if d.get("to"):
                _sub(el, "to", d["to"])

    def w_contributor(self, root: etree._Element) -> None:
        for c in self.h.get("contributor", []):
            el = _sub(root, "contributor")
            for role in c["role"]:
                r = _sub(el, "role", type=role["type"])
                for d in role.get("description", []):
                    _sub(r, "description", d["content"])
            if "organization" in c:
                self.organization(el, c["organization"])
            else:
                person = _sub(el, "person")
                name = _sub(person, "name")
                _sub(name, "completename", c["person"]["name"]["completename"]["content"])

    def organization(self, parent: etree._Element, org: Hash) -> None:
        el = _sub(parent, "organization")
        for n in org["name"]:
            _string(el, "name", n)
        if org.get("abbreviation"):
            _sub(el, "abbreviation", text(org["abbreviation"]))
        if org.get("url"):
            _sub(el, "uri", org["url"])
        for addr in org.get("address", []):
            _sub(_sub(el, "address"), "formattedAddress", addr["formatted_address"])

    def w_edition(self, root: etree._Element) -> None:
        edition = self.h.get("edition")
        if edition:
            _sub(root, "edition", edition["content"], number=edition.get("number"))

    def w_version(self, root: etree._Element) -> None:
        draft = (self.h.get("version") or {}).get("draft")
        revdate = self.h.get("revdate")
        if draft or revdate:
            el = _sub(root, "version")
            if revdate:
                _sub(el, "revision-date", revdate)
            if draft:
                _sub(el, "draft", draft)

    def w_note(self, root: etree._Element) -> None:
        for n in self.h.get("biblionote", []):
            _sub(root, "note", n["content"], type=n.get("type"))

    def w_language(self, root: etree._Element) -> None:
        for lang in self.h.get("language", []):
            _sub(root, "language", lang)

    def w_script(self, root: etree._Element) -> None:
        for script in self.h.get("script", []):
            _sub(root, "script", script)

    def w_abstract(self, root: etree._Element) -> None:
        for a in self.h.get("abstract", []):
            _string(root, "abstract", a, format=a.get("format"))

    def w_status(self, root: etree._Element) -> None:
        status = self.h.get("docstatus")
        if not status:
            return
        el = _sub(root, "status")
        stage = status["stage"]
        _sub(el, "stage", stage["value"], abbreviation=stage.get("abbreviation"))
        if "substage" in status:
            _sub(el, "substage", status["substage"]["value"])
        if "iteration" in status:
            _sub(el, "iteration", status["iteration"])

    def w_copyright(self, root: etree._Element) -> None:
        for c in self.h.get("copyright", []):
            el = _sub(root, "copyright")
            _sub(el, "from", c["from"])
            for owner in c["owner"]:
                self.organization(_sub(el, "owner"), owner)

    def w_relation(self, root: etree._Element) -> None:
        for r in self.h.get("relation", []):
            el = _sub(root, "relation", type=r["type"])
            if "description" in r:
                _sub(el, "description", r["description"]["content"], format="text/plain")
            bib = r["bibitem"]
            b = _sub(el, "bibitem")
            _sub(b, "formattedref", bib["formattedref"]["content"], format="text/plain")
            for docid in bib.get("docid", []):
                _sub(b, "docidentifier", docid["id"], type=docid.get("type"), primary="true")
            for d in bib.get("date", []):
                self.date(b, d)

    def w_place(self, root: etree._Element) -> None:
        for place in self.h.get("place", []):
            _sub(root, "place", place)

    def w_keyword(self, root: etree._Element) -> None:
        for k in self.h.get("keyword", []):
            _string(root, "keyword", k)

    def w_ext(self, root: etree._Element) -> None:
        ext = self.h["ext"]
        el = _sub(root, "ext", **{"schema_version": ext.get("schema-version")})
        for name in EXT_ORDER:
            handler = getattr(self, "x_" + name, None)
            if handler is not None and name in ext:
                handler(el, ext[name])
            if name == "editorialgroup" and "committee" in ext:
                for c in ext["committee"]:
                    _sub(el, "gbcommittee", c["name"], type=c.get("type"))
            for raw in self.opaque.pop(f"ext/{name}", []):
                el.append(etree.fromstring(raw))
        for rest in list(self.opaque):
            for raw in self.opaque.pop(rest):
                el.append(etree.fromstring(raw))

    def x_doctype(self, el: etree._Element, value: Hash) -> None:
        _sub(el, "doctype", value["type"], abbreviation=value.get("abbreviation"))

    def x_subdoctype(self, el: etree._Element, value: str) -> None:
        _sub(el, "subdoctype", value)

    def x_editorialgroup(self, el: etree._Element, value: dict[str, list[Hash]]) -> None:
        group = _sub(el, "editorialgroup")
        tags = {v: k for k, v in _GROUP_TAGS.items()}
        for key in ("technical_committee", "subcommittee", "workgroup", "secretariat"):
            for c in value.get(key, []):
                _sub(
                    group,
                    tags[key],
                    c.get("name", ""),
                    number=c.get("number"),
                    type=c.get("type"),
                    identifier=c.get("identifier"),
                    prefix=c.get("prefix"),
                )

    def x_ics(self, el: etree._Element, value: list[Hash]) -> None:
        self.codes(el, "ics", value)

    def x_ccs(self, el: etree._Element, value: list[Hash]) -> None:
        self.codes(el, "ccs", value)

    def codes(self, el: etree._Element, tag: str, value: list[Hash]) -> None:
        for item in value:
            c = _sub(el, tag)
            _sub(c, "code", item["code"])
            if item.get("text"):
                _sub(c, "text", item["text"])

    def x_structuredidentifier(self, el: etree._Element, value: list[Hash]) -> None:
        for s in value:
            si = _sub(el, "structuredidentifier", type=s.get("type"))
            for agency in s.get("agency", []):
                _sub(si, "agency", agency)
            for key in ("class", "docnumber", "partnumber", "edition", "version"):
                if key in s:
                    _sub(si, key, s[key])
            project = s.get("project_number")
            if project is not None:
                attrs = dict(project) if isinstance(project, dict) else {}
                content = attrs.pop("content", project if isinstance(project, str) else "")
                for key in ("part", "subpart"):
                    if key in s:
                        attrs[key] = s[key]
                _sub(si, "project-number", content, **attrs)
            elif "part" in s or "subpart" in s:
                _sub(si, "project-number", "", part=s.get("part"), subpart=s.get("subpart"))
            for key in (
                "supplementtype",
                "supplementnumber",
                "amendment",
                "corrigendum",
                "language",
                "year",
            ):
                if key in s:
                    _sub(si, key, s[key])
            if s.get("tc_document_number"):
                _sub(si, "tc-document-number", s["tc_document_number"])

    def x_gbtype(self, el: etree._Element, value: Hash) -> None:
        g = _sub(el, "gbtype")
        for key in ("scope", "prefix", "mandate", "topic"):
            if key in value:
                _sub(g, f"gb{key}", value[key])

    def x_plannumber(self, el: etree._Element, value: str) -> None:
        _sub(el, "plannumber", value)


def write(doc: Document, log: ConversionLog) -> bytes:
    """Relaton XML (``bibdata`` with ``ext``) of a document's metadata.

    What it cannot carry (the content, fields with no Relaton place) is logged as LOST.
    """
    h = to_hash(doc, log, "xml")
    if "id" in h:
        # The YAML record id has no place in bibdata (the grammar gives it no id attribute).
        log.add(Change.LOST, "metadata.custom[relaton.id]", f"Relaton record id {h['id']!r}")
    opaque: dict[str, list[str]] = {}
    for field in doc.metadata.custom:
        if field.name.startswith("relaton-xml:"):
            opaque.setdefault(field.name[len("relaton-xml:") :], []).append(field.value)
    root = _Writer(h, opaque).build()
    body: bytes = etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
    return body
