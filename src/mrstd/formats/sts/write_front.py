"""Writing STS metadata: std-meta, iso-meta, reg-meta and nat-meta, in the order each
element requires, with what has no STS element carried as custom-meta."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

import orjson

from ...fragments import root_name
from ...model import DateType, IdentifierType, Metadata
from .common import CARRIED_PREFIX
from .write_base import WriterBase, attr, esc, foreign_text
from .write_content import META_CHILDREN, META_ORDER

_RANK = {name: i for i, name in enumerate(META_ORDER)}

# Elements of a choice group share their rank, so they keep their relative order.
for _a, _b in (("std-org-group", "std-org"), ("comm-ref-group", "comm-ref"), ("ics-wrap", "ics")):
    _RANK[_a] = _RANK[_b]

_SINGLE = frozenset(
    {
        "doc-ident",
        "proj-id",
        "release-version",
        "std-ident",
        "doc-ref",
        "pub-date",
        "wi-number",
        "accrediting-organization",
        "authorization",
        "page-count",
        "counts",
        "is-proof",
        "release-version-id",
    }
)

_OTHER_DATE_FIELDS = ("implemented", "withdrawn", "confirmed")

#: Metadata fields with no STS element, carried as mrstd:<field> custom-meta.
_CARRIED_FIELDS = (
    "doc_type",
    "doc_type_label",
    "subdoctype",
    "scope",
    "mandate",
    "prefix",
    "topic",
    "status",
    "ccs",
    "links",
    "plan_number",
    "drafting_rules",
)

#: Release identification in doc-ident order: STS element and Metadata field.
_RELEASE_PARTS = (
    ("sdo", "sdo"),
    ("proj-id", "project_id"),
    ("language", "release_language"),
    ("release-version", "release_version"),
    ("urn", "urn"),
)

_RELEASE_FIELD = dict(
    _RELEASE_PARTS, **{"wi-number": "work_item", "release-version-id": "release_version_id"}
)

#: StructuredIdentifier fields std-ident writes.
_STD_IDENT_WRITTEN = frozenset(
    {"agency", "type", "docnumber", "part", "edition", "version", "supplement_type"}
    | {"supplement_number", "supplement_version", "year", "isbn", "issn"}
)

_ORG_WRITTEN = frozenset({"name", "abbreviation"})

_PARTLY_WRITTEN = (
    ("titles", frozenset({"language", "introductory", "main", "complementary", "full"})),
    ("committees", frozenset({"identifier"})),
    ("relations", frozenset({"kind", "identifier", "original_type"})),
    ("ics", frozenset({"code"})),
    ("keywords", frozenset({"text", "language"})),
    ("abstract", frozenset({"text", "language", "title"})),
)


def _beyond(items: Sequence[Any], written: frozenset[str]) -> bool:
    """Whether any item has a value in a field that its STS form does not write."""
    return any(
        getattr(item, f.name) != f.default
        for item in items
        for f in dataclasses.fields(item)
        if f.name not in written
    )


_DEFAULT_META = {name: Metadata.model_fields[name].default for name in _CARRIED_FIELDS}


class MetadataWriter(WriterBase):
    """Writing metadata elements."""

    def metadata(self, m: Metadata, element: str) -> None:
        allowed = META_CHILDREN[element]
        items: list[tuple[int, str, str]] = []
        # What STS has no element for travels as custom-meta named mrstd:<field>.
        carried: dict[str, Any] = {}
        carried_ids: list[Any] = []

        def add(name: str, xml: str) -> None:
            items.append((_RANK[name], name, xml))

        for title in m.titles:
            parts = "".join(
                f"<{tag}>{esc(value)}</{tag}>"
                for tag, value in (
                    ("intro", title.introductory),
                    ("main", title.main),
                    ("compl", title.complementary),
                    ("full", title.full),
                )
                if value is not None
            )
            add("title-wrap", f'<title-wrap xml:lang="{attr(title.language)}">{parts}</title-wrap>')
        for ident in (m.identifier, *m.alternate_identifiers):
            if ident.scheme == "derived":
                continue
            # A std-ref holds the value, and a dated/undated mark as its type; no other
            # scheme, nor Relaton's primary flag.
            whole = (
                ident.primary is None
                and ident.scheme in (None, "dated", "undated")
                and ident.type in (IdentifierType.REFERENCE, IdentifierType.DOUBLE_NUMBER)
            )
            if ident.scheme == "doc-ref":
                add("doc-ref", f"<doc-ref>{esc(ident.value)}</doc-ref>")
            elif ident is m.identifier or whole:
                kind = f' type="{ident.scheme}"' if ident.scheme in ("dated", "undated") else ""
                add("std-ref", f"<std-ref{kind}>{esc(ident.value)}</std-ref>")
                if not whole:
                    carried["identifier"] = ident
            else:
                carried_ids.append(ident)
        if m.structured_identifiers:
            s = m.structured_identifiers[0]
            ident_parts: list[tuple[str, str | None]] = [
                ("originator", s.agency[0] if s.agency else None),
                ("doc-type", s.type),
                ("doc-number", s.docnumber),
                ("part-number", s.part),
                ("edition", s.edition),
                ("version", s.version),
                *(("isbn", v) for v in s.isbn),
                *(("issn", v) for v in s.issn),
                ("suppl-type", s.supplement_type),
                ("suppl-number", s.supplement_number),
                ("suppl-version", s.supplement_version),
                ("year", s.year),
            ]
            add("std-ident", self._std_ident(ident_parts))
            # What std-ident cannot say travels whole: further structured identifiers, parts
            # STS has no element for, and plain fields that differ from the written parts.
            if (
                len(m.structured_identifiers) > 1
                or _beyond(m.structured_identifiers, _STD_IDENT_WRITTEN)
                or len(s.agency) > 1
            ):
                carried["structured_identifiers"] = m.structured_identifiers
            for field, part in (
                ("docnumber", s.docnumber),
                ("doc_type_label", s.type),
                ("edition", s.edition),
                ("version", s.version),
            ):
                if getattr(m, field) != part:
                    carried[field] = getattr(m, field)
            # The reader takes the originator from @originator, else from the agency.
            declared = m.originator if element in ("reg-meta", "nat-meta") else None
            if (declared or (s.agency[0] if s.agency else None)) != m.originator:
                carried["originator"] = m.originator
        elif not any(root_name(x) == "std-ident" for x in m.foreign):
            ident_parts = [
                ("originator", m.originator if element not in ("reg-meta", "nat-meta") else None),
                ("doc-type", m.doc_type_label),
                ("doc-number", m.docnumber),
                ("edition", m.edition),
                ("version", m.version),
            ]
            if any(value is not None for _, value in ident_parts):
                add("std-ident", self._std_ident(ident_parts))
                # Written from plain fields: tell the reader there was no structured identifier.
                carried["structured_identifiers"] = ()
        for org in (*m.publishers, *(c.organization for c in m.contributors if c.organization)):
            if not org.name:
                continue  # an empty std-org-name is no name; the contributors travel whole
            abbrev = (
                f"<std-org-abbrev>{esc(org.abbreviation)}</std-org-abbrev>"
                if org.abbreviation
                else ""
            )
            add(
                "std-org",
                f"<std-org><std-org-name>{esc(org.name)}</std-org-name>{abbrev}</std-org>",
            )
        self._release(m, allowed, add, carried)
        for language in m.languages:
            add("content-language", f"<content-language>{esc(language)}</content-language>")
        if m.dates.published:
            add("release-date", f"<release-date>{m.dates.published}</release-date>")
        for stated in m.release_dates:
            attrs = f' date-type="{attr(stated.type)}"' if stated.type is not None else ""
            if stated.value is not None:
                attrs += f' iso-8601-date="{stated.value}"'
            add("release-date", f"<release-date{attrs}>{esc(stated.text)}</release-date>")
        for field in _OTHER_DATE_FIELDS:
            value = getattr(m.dates, field)
            if value:
                add("meta-date", f'<meta-date type="{field}">{value}</meta-date>')
        for other in m.dates.other:
            if other.type is DateType.PUBLICATION:
                add("pub-date", f"<pub-date>{other.value}</pub-date>")
            else:
                add("meta-date", f'<meta-date type="{other.type.value}">{other.value}</meta-date>')
        for committee in m.committees:
            add("comm-ref", f"<comm-ref>{esc(committee.identifier)}</comm-ref>")
        for code in m.ics:
            add("ics", f"<ics>{code.code}</ics>")
        for relation in m.relations:
            kind = relation.original_type or relation.kind.value
            add(
                "std-xref",
                f'<std-xref type="{attr(kind)}"><std-ref>{esc(relation.identifier)}'
                "</std-ref></std-xref>",
            )
        for adoption in m.adoptions:
            add(
                "std-xref",
                f'<std-xref type="{adoption.degree.value}"><std-ref>{esc(adoption.identifier)}'
                "</std-ref></std-xref>",
            )
            if adoption.method or adoption.deviations or adoption.description:
                carried["adoptions"] = m.adoptions
        for c in m.copyright:
            parts_xml = ""
            for statement in (c.statement, *c.more_statements):
                if statement is not None:
                    parts_xml += f"<copyright-statement>{esc(statement)}</copyright-statement>"
            if c.year is not None:
                parts_xml += f"<copyright-year>{c.year}</copyright-year>"
            parts_xml += "".join(
                f"<copyright-holder>{esc(h)}</copyright-holder>" for h in c.holders
            )
            if c.license is not None:
                parts_xml += f"<license><license-p>{esc(c.license)}</license-p></license>"
            add("permissions", f"<permissions>{parts_xml}</permissions>")
        for abstract in m.abstract:
            lang = f' xml:lang="{attr(abstract.language)}"' if abstract.language else ""
            head = f"<title>{esc(abstract.title)}</title>" if abstract.title is not None else ""
            add("abstract", f"<abstract{lang}>{head}<p>{esc(abstract.text)}</p></abstract>")
        for keyword in m.keywords:
            lang = f' xml:lang="{attr(keyword.language)}"' if keyword.language else ""
            add("kwd-group", f"<kwd-group{lang}><kwd>{esc(keyword.text)}</kwd></kwd-group>")
        for note in m.notes:
            ctype = f' content-type="{attr(note.type)}"' if note.type else ""
            paras = "".join(f"<p>{esc(text)}</p>" for text in (note.text, *note.more))
            add("meta-note", f"<meta-note{ctype}>{paras}</meta-note>")
        if carried_ids:
            carried["alternate_identifiers"] = tuple(carried_ids)
        # Fields whose STS form holds only part of each item travel whole.
        if m.contributors or _beyond(m.publishers, _ORG_WRITTEN):
            carried["publishers"] = m.publishers
            carried["contributors"] = m.contributors
        for name, written in _PARTLY_WRITTEN:
            if _beyond(getattr(m, name), written):
                carried[name] = getattr(m, name)
        for name in _CARRIED_FIELDS:
            value = getattr(m, name)
            if value and value != _DEFAULT_META[name]:
                carried[name] = value
        custom = [(f.name, f.value) for f in m.custom] + [
            (CARRIED_PREFIX + name, orjson.dumps(value).decode()) for name, value in carried.items()
        ]
        if custom:
            fields = "".join(
                f"<custom-meta><meta-name>{esc(name)}</meta-name>"
                f"<meta-value>{esc(value)}</meta-value></custom-meta>"
                for name, value in custom
            )
            add("custom-meta-group", f"<custom-meta-group>{fields}</custom-meta-group>")
        for xml in m.foreign:
            name = root_name(xml)
            if name in _RANK:
                add(name, xml)
            else:
                self.lost(f"<{name}> has no place in {element}; kept as custom-meta text")
                text = foreign_text(xml)
                add(
                    "custom-meta-group",
                    f"<custom-meta-group><custom-meta><meta-name>{esc(name)}</meta-name>"
                    f"<meta-value>{esc(text)}</meta-value></custom-meta></custom-meta-group>",
                )
        w = self.out.append
        attrs = ""
        if element in ("reg-meta", "nat-meta") and m.originator:
            attrs = f' originator="{attr(m.originator)}"'
        w(f"<{element}{attrs}>\n")
        seen: set[str] = set()
        for _, name, xml in sorted(items, key=lambda item: item[0]):
            if name not in allowed:
                self.lost(f"<{name}> is not allowed in {element}; kept as custom-meta text")
                text = foreign_text(xml)
                xml = (
                    f"<custom-meta-group><custom-meta><meta-name>{esc(name)}</meta-name>"
                    f"<meta-value>{esc(text)}</meta-value></custom-meta></custom-meta-group>"
                )
                name = "custom-meta-group"
                # custom-meta-group is last in every metadata element, so order holds.
            if name in _SINGLE:
                if name in seen:
                    self.lost(f"a second <{name}> (STS allows one)")
                    continue
                seen.add(name)
            w(xml)
            w("\n")
        w(f"</{element}>\n")

    @staticmethod
    def _release(
        m: Metadata,
        allowed: frozenset[str],
        add: Callable[[str, str], None],
        carried: dict[str, Any],
    ) -> None:
        """Release identification (doc-ident, or its parts where the element holds them),
        work item, secretariats and page count; what the element cannot hold is carried."""
        release = [(tag, getattr(m, field)) for tag, field in _RELEASE_PARTS]
        if "doc-ident" in allowed:
            parts = "".join(f"<{t}>{esc(v)}</{t}>" for t, v in release if v is not None)
            if parts:
                add("doc-ident", f"<doc-ident>{parts}</doc-ident>")
            release = []
        release += [
            ("wi-number", m.work_item),
            ("release-version-id", m.release_version_id),
        ]
        for tag, value in release:
            if value is None:
                continue
            if tag in allowed:
                add(tag, f"<{tag}>{esc(value)}</{tag}>")
            else:
                carried[_RELEASE_FIELD[tag]] = value
        for secretariat in m.secretariats:
            add("secretariat", f"<secretariat>{esc(secretariat)}</secretariat>")
        if m.page_count is not None:
            add("page-count", f'<page-count count="{attr(m.page_count)}"/>')

    @staticmethod
    def _std_ident(parts: list[tuple[str, str | None]]) -> str:
        inner = "".join(f"<{tag}>{esc(value)}</{tag}>" for tag, value in parts if value is not None)
        return f"<std-ident>{inner}</std-ident>"
