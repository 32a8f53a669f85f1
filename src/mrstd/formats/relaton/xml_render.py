"""Rendering the model as Relaton XML: the hash of ``hash_render``, written in the element
order of the Relaton grammar (relaton-bib 1.20 ``BibliographicItem``)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from ...errors import ConversionError
from ...model import Document
from ..base import Change, ConversionLog
from ..xmlescape import BAD_CHARS
from .common import Hash, as_list, text
from .hash_render import to_hash
from .xml_parse import _GROUP_TAGS

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
