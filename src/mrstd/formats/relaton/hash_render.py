"""Rendering the model as a Relaton record (a v1.2.9 hash), for the YAML and XML writers;
what Relaton has no place for is logged. See docs/relaton.md."""

from __future__ import annotations

import json
import re

from ...model import (
    Contributor,
    Document,
    DocumentIdentifier,
    Metadata,
    Organization,
    RelationKind,
    Role,
    StructuredIdentifier,
)
from ...model.enums import DateType
from ..base import Change, ConversionLog
from . import vocab
from .common import (
    GROUPS,
    SCHEMA_VERSION,
    TITLE_PARTS,
    UNDETERMINED,
    Hash,
    committee_identifier,
    strip_none,
)

_STAGE_CODE = re.compile(r"^([0-9]{2})\.([0-9]{2})\Z")


def _localized(text_: str, language: str | None, script: str | None, fmt: bool = False) -> Hash:
    out: Hash = {"content": text_}
    if language and language != UNDETERMINED:
        out["language"] = [language]
    if script:
        out["script"] = [script]
    if fmt:
        out["format"] = "text/plain"
    return out


def _custom(meta: Metadata) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for field in meta.custom:
        found.setdefault(field.name, []).append(field.value)
    return found


def is_gb(meta: Metadata) -> bool:
    """Whether the record is written with the GB extension."""
    return bool(
        meta.scope or meta.mandate or meta.prefix or meta.topic or meta.ccs or meta.plan_number
    )


def to_hash(doc: Document, log: ConversionLog, flavour: str) -> Hash:
    """The Relaton v1.2.9 hash of a document's metadata; ``flavour`` is yaml or xml.

    Everything the hash cannot carry is recorded in ``log`` as LOST.
    """
    meta = doc.metadata
    custom = _custom(meta)
    _log_body(doc, log)
    h: Hash = {"schema-version": SCHEMA_VERSION}
    if "relaton.id" in custom:
        h["id"] = custom["relaton.id"][0]
    h["type"] = custom.get("relaton.type", ["standard"])[0]
    if meta.fetched:
        h["fetched"] = meta.fetched
    elif "relaton.fetched" in custom:
        h["fetched"] = custom["relaton.fetched"][0]
    if "relaton.formattedref" in custom:
        h["formattedref"] = {"content": custom["relaton.formattedref"][0]}
    h["title"] = _titles(meta, log)
    if meta.links:
        h["link"] = [
            {"content": link.href, **({"type": link.type} if link.type else {})}
            for link in meta.links
        ]
    stated = any(i.primary is not None for i in (meta.identifier, *meta.alternate_identifiers))
    h["docid"] = [_docid(meta.identifier, bool(meta.identifier.primary) or not stated)] + [
        _docid(i, bool(i.primary)) for i in meta.alternate_identifiers
    ]
    if meta.docnumber:
        h["docnumber"] = meta.docnumber
    dates = _dates(meta, custom)
    if dates:
        h["date"] = dates
    contributors = _contributors(meta, log)
    if contributors:
        h["contributor"] = contributors
    if meta.edition:
        edition: Hash = {"content": meta.edition}
        if "relaton.edition-number" in custom:
            edition["number"] = custom["relaton.edition-number"][0]
        h["edition"] = edition
    revdate = next(
        (
            d.value
            for d in meta.dates.other
            if d.type is DateType.OTHER and d.label == "revision-date"
        ),
        None,
    )
    if revdate:
        h["revdate"] = revdate
    elif "relaton.date.revdate" in custom:
        h["revdate"] = custom["relaton.date.revdate"][0]
    if meta.version:
        h["version"] = {"draft": meta.version}
    if meta.notes:
        h["biblionote"] = [
            {"content": n.text, **({"type": n.type} if n.type else {})} for n in meta.notes
        ]
    if meta.languages:
        h["language"] = list(meta.languages)
    if meta.scripts:
        h["script"] = list(meta.scripts)
    if meta.abstract:
        h["abstract"] = [_localized(a.text, a.language, a.script, True) for a in meta.abstract]
    status = _status(meta, custom, log)
    if status:
        h["docstatus"] = status
    copyrights = _copyrights(meta, log)
    if copyrights:
        h["copyright"] = copyrights
    relations = _relations(meta, log)
    if relations:
        h["relation"] = relations
    if "relaton.place" in custom:
        h["place"] = custom["relaton.place"]
    if meta.keywords:
        h["keyword"] = [
            _localized(k.text, k.language, k.script) if (k.language or k.script) else k.text
            for k in meta.keywords
        ]
    h["ext"] = _ext(meta, custom, log)
    for name, values in custom.items():
        if name.startswith("relaton:") and flavour == "yaml":
            key = name[len("relaton:") :]
            for value in values:
                target = h["ext"] if key.startswith("ext.") else h
                target[key.removeprefix("ext.")] = json.loads(value)
        elif name.startswith("relaton-xml:") and flavour == "yaml":
            log.add(Change.LOST, f"metadata.custom[{name}]", "XML-only Relaton element")
        elif name.startswith("relaton:") and flavour == "xml":
            log.add(Change.LOST, f"metadata.custom[{name}]", "YAML-only Relaton key")
        elif not name.startswith(("relaton.", "relaton:", "relaton-xml:")):
            log.add(Change.LOST, f"metadata.custom[{name}]", "custom field has no Relaton place")
    for field in _NO_RELATON_PLACE:
        if getattr(meta, field):
            log.add(Change.LOST, f"metadata.{field}", f"{field} has no Relaton place")
    for i, d in enumerate(meta.dates.other):
        if d.type is DateType.PUBLICATION:
            path = f"metadata.dates.other[{i}]"
            log.add(Change.LOST, path, "a publication date beside the release date (pub-date)")
    for i, s in enumerate(meta.structured_identifiers):
        for field in ("supplement_version", "isbn", "issn"):
            if getattr(s, field):
                path = f"metadata.structured_identifiers[{i}].{field}"
                log.add(Change.LOST, path, f"{field} of a structured identifier has no place")
    return h


#: Metadata fields Relaton has no element or key for (written nowhere, so reported LOST).
_NO_RELATON_PLACE = (
    "originator",
    "publishers",
    "sdo",
    "project_id",
    "release_language",
    "release_version",
    "release_version_id",
    "urn",
    "work_item",
    "secretariats",
    "page_count",
    "drafting_rules",
)


def _log_body(doc: Document, log: ConversionLog) -> None:
    for group in ("preface", "body", "annexes", "back"):
        clauses = getattr(doc, group)
        if clauses:
            log.add(
                Change.LOST,
                group,
                f"{len(clauses)} top-level clause(s): Relaton carries no content",
            )
    if doc.adopted is not None:
        log.add(Change.LOST, "adopted", "the adopted layer: Relaton describes one document")


def _titles(meta: Metadata, log: ConversionLog) -> list[Hash]:
    out: list[Hash] = []
    for i, title in enumerate(meta.titles):
        if title.type is not None or title.untyped:
            if title.full:
                entry = _localized(title.full, title.language, title.script, True)
                out.append({**entry, "type": title.type} if title.type else entry)
            for field in ("introductory", "main", "complementary"):
                if getattr(title, field):
                    log.add(
                        Change.LOST,
                        f"metadata.titles[{i}].{field}",
                        "a title with its own type is written whole, without parts",
                    )
            continue
        for ttype, field in TITLE_PARTS.items():
            value = getattr(title, field)
            if value:
                entry = _localized(value, title.language, title.script, True)
                entry["type"] = ttype
                out.append(entry)
        if title.part_label:
            log.add(Change.LOST, f"metadata.titles[{i}].part_label", "Relaton has no part label")
    return out


def _docid(ident: DocumentIdentifier, primary: bool) -> Hash:
    out: Hash = {"id": ident.value}
    rtype = ident.scheme or vocab.ID_TYPE_NAMES.get(ident.type)
    if rtype:
        out["type"] = rtype
    if primary:
        out["primary"] = True
    return out


def _dates(meta: Metadata, custom: dict[str, list[str]]) -> list[Hash]:
    out: list[Hash] = []
    reverse = {v: k for k, v in vocab.MAIN_DATES.items()}
    for field in ("published", "implemented", "withdrawn", "confirmed"):
        value = getattr(meta.dates, field)
        if value:
            out.append({"type": reverse[field], "value": value})
    names = {v: k for k, v in vocab.OTHER_DATES.items()}
    for other in meta.dates.other:
        if other.type is DateType.OTHER and other.label == "revision-date":
            continue
        if other.type is DateType.PUBLICATION:
            continue  # no Relaton date type: reported LOST where the hash is built
        if other.type is DateType.OTHER:
            dtype = other.label or "other"
        else:
            dtype = names.get(other.type, other.type.value)
        out.append({"type": dtype, "value": other.value})
    for name, values in custom.items():
        if name.startswith("relaton.date."):
            dtype = name[len("relaton.date.") :]
            for value in values:
                if dtype == "revdate":
                    continue
                if "/" in value:
                    start, _, end = value.partition("/")
                    out.append(
                        {
                            "type": dtype,
                            **({"from": start} if start else {}),
                            **({"to": end} if end else {}),
                        }
                    )
                else:
                    out.append({"type": dtype, "value": value})
    return out


def _contributors(meta: Metadata, log: ConversionLog) -> list[Hash]:
    out: list[Hash] = []
    people = [
        Contributor.model_validate({"role": "publisher", "organization": o})
        for o in meta.publishers
    ]
    for i, contributor in enumerate([*people, *meta.contributors]):
        roles: list[Hash] = []
        stated: list[Contributor | Role] = [contributor, *contributor.more_roles]
        for role in stated:
            written: Hash = {"type": role.original_role or role.role.value}
            if role.role_description:
                written["description"] = [{"content": role.role_description}]
            roles.append(written)
        entry: Hash = {}
        if contributor.organization is not None:
            entry["organization"] = _organization(contributor.organization)
            if contributor.person:
                log.add(
                    Change.LOST,
                    "metadata.contributors.person",
                    "a Relaton contributor is an organization or a person",
                )
        elif contributor.person:
            entry["person"] = {"name": {"completename": {"content": contributor.person}}}
        if not entry:
            path = f"metadata.contributors[{i - len(people)}]"
            log.add(Change.LOST, path, "a contributor with neither organization nor person")
            continue
        entry["role"] = roles
        out.append(entry)
    return out


def _organization(org: Organization) -> Hash:
    names = [_localized(org.name, org.language, org.script)] + [
        _localized(n.text, n.language, n.script) for n in org.alternate_names
    ]
    out: Hash = {"name": names}
    if org.abbreviation:
        out["abbreviation"] = {"content": org.abbreviation}
    if org.uri:
        out["url"] = org.uri
    if org.address:
        out["address"] = [{"formatted_address": org.address}]
    return out


def _status(meta: Metadata, custom: dict[str, list[str]], log: ConversionLog) -> Hash:
    status = meta.status
    out: Hash = {}
    if status.stage:
        match = _STAGE_CODE.match(status.stage)
        assert match is not None
        out["stage"] = {"value": match.group(1)}
        out["substage"] = {"value": match.group(2)}
        if status.label:
            log.add(
                Change.LOST, "metadata.status.label", "the stage code is written, not the label"
            )
    elif status.label:
        out["stage"] = {"value": status.label}
        if status.substage:
            out["substage"] = {"value": status.substage}
    if status.abbreviation and "stage" in out:
        out["stage"]["abbreviation"] = status.abbreviation
    if status.iteration is not None:
        out["iteration"] = str(status.iteration)
    elif "relaton.iteration" in custom:
        out["iteration"] = custom["relaton.iteration"][0]
    if status.lifecycle is not None:
        log.add(
            Change.LOST,
            "metadata.status.lifecycle",
            "Relaton has no lifecycle apart from the stage",
        )
    if out and "stage" not in out:
        log.add(Change.LOST, "metadata.status", "a status without a stage")
        return {}
    return out


def _copyrights(meta: Metadata, log: ConversionLog) -> list[Hash]:
    out: list[Hash] = []
    for i, item in enumerate(meta.copyright):
        start = str(item.year) if item.year is not None else item.statement
        if start is None:
            log.add(Change.LOST, f"metadata.copyright[{i}]", "copyright without a year")
            continue
        if item.year is not None and item.statement:
            log.add(Change.LOST, f"metadata.copyright[{i}].statement", "copyright statement")
        if item.license:
            log.add(Change.LOST, f"metadata.copyright[{i}].license", "copyright licence")
        entry: Hash = {"owner": [{"name": [{"content": h}]} for h in item.holders], "from": start}
        out.append(entry)
    return out


def _relations(meta: Metadata, log: ConversionLog) -> list[Hash]:
    out: list[Hash] = []
    for i, relation in enumerate(meta.relations):
        canon_type, canon_desc = vocab.CANONICAL[relation.kind]
        rtype = relation.original_type or canon_type
        description = relation.description
        if relation.original_type is None and canon_desc is not None:
            # The description is what carries the kind (updates + "amends").
            if description is not None and description != canon_desc:
                log.add(
                    Change.LOST,
                    f"metadata.relations[{i}].description",
                    "the kind is written instead",
                )
            description = canon_desc
        if relation.kind is RelationKind.OTHER and relation.original_type is None:
            log.add(Change.NORMALISED, f"metadata.relations[{i}].kind", "written as 'related'")
        out.append(
            _relation(
                rtype,
                description,
                relation.identifier,
                relation.scheme,
                relation.date,
                relation.date_type,
            )
        )
    for i, adoption in enumerate(meta.adoptions):
        rtype = "adoptedAs" if adoption.inverse else "adoptedFrom"
        description = vocab.DEGREE_WORDS[adoption.degree]
        if adoption.description and vocab.degree_of(adoption.description) is adoption.degree:
            description = adoption.description
        elif adoption.description:
            log.add(
                Change.LOST, f"metadata.adoptions[{i}].description", "the degree is written instead"
            )
        for field in ("method", "deviations"):
            if getattr(adoption, field):
                log.add(
                    Change.LOST,
                    f"metadata.adoptions[{i}].{field}",
                    f"Relaton has no adoption {field}",
                )
        out.append(_relation(rtype, description, adoption.identifier, adoption.scheme, None, None))
    return out


def _relation(
    rtype: str,
    description: str | None,
    identifier: str,
    scheme: str | None,
    date: str | None,
    date_type: str | None,
) -> Hash:
    bib: Hash = {"formattedref": {"content": identifier, "format": "text/plain"}}
    if scheme is not None:
        bib["docid"] = [{"id": identifier, "type": scheme, "primary": True}]
    if date:
        bib["date"] = [{"type": date_type or "published", "value": date}]
    out: Hash = {"type": rtype}
    if description is not None:
        out["description"] = {"content": description, "format": "text/plain"}
    out["bibitem"] = bib
    return out


def _ext(meta: Metadata, custom: dict[str, list[str]], log: ConversionLog) -> Hash:
    ext: Hash = {"schema-version": "v1.0.0"}
    doctype: Hash = {"type": meta.doc_type_label or meta.doc_type.value}
    if "relaton.doctype-abbreviation" in custom:
        doctype["abbreviation"] = custom["relaton.doctype-abbreviation"][0]
    ext["doctype"] = doctype
    if meta.subdoctype:
        ext["subdoctype"] = meta.subdoctype
    gb = is_gb(meta)
    group: dict[str, list[Hash]] = {}
    gbcommittees: list[Hash] = []
    for i, committee in enumerate(meta.committees):
        if gb and not committee.number and not committee.type_code:
            gbcommittees.append(
                {"type": committee.type or "technical", "name": committee.identifier}
            )
            continue
        key = next((k for k, v in GROUPS.items() if v == committee.type), "technical_committee")
        if committee.type not in GROUPS.values():
            log.add(
                Change.NORMALISED,
                f"metadata.committees[{i}].type",
                "written as a technical committee",
            )
        entry: Hash = {"name": committee.name or ""}
        if committee.number:
            entry["number"] = committee.number
        if committee.type_code:
            entry["type"] = committee.type_code
        if committee.prefix:
            entry["prefix"] = committee.prefix
        synthetic = committee_identifier(
            committee.name, committee.number, committee.type_code, committee.prefix
        )
        if committee.identifier != synthetic:
            entry["identifier"] = committee.identifier
        group.setdefault(key, []).append(entry)
    if group:
        ext["editorialgroup"] = group
    ics = [{"code": c.code, **({"text": c.text} if c.text else {})} for c in meta.ics]
    ics += [json.loads(v) for v in custom.get("relaton.ics", [])]
    if ics:
        ext["ics"] = [strip_none(c) for c in ics]
    if meta.structured_identifiers:
        ext["structuredidentifier"] = [_structured(s) for s in meta.structured_identifiers]
    gbtype: Hash = {}
    for key in ("scope", "mandate"):
        value = getattr(meta, key)
        if f"relaton.gbtype.{key}" in custom:
            gbtype[key] = custom[f"relaton.gbtype.{key}"][0]
        elif value is not None:
            gbtype[key] = vocab.GB_NAMES[value]
    for key in ("prefix", "topic"):
        if getattr(meta, key):
            gbtype[key] = getattr(meta, key)
    if gbtype:
        ext["gbtype"] = gbtype
    ccs = [{"code": c.code, **({"text": c.text} if c.text else {})} for c in meta.ccs]
    ccs += [strip_none(json.loads(v)) for v in custom.get("relaton.ccs", [])]
    if ccs:
        ext["ccs"] = ccs
    if gbcommittees:
        ext["committee"] = gbcommittees
    if meta.plan_number:
        ext["plannumber"] = meta.plan_number
    return ext


def _structured(s: StructuredIdentifier) -> Hash:
    out: Hash = {}
    if s.type:
        out["type"] = s.type
    if s.agency or s.docnumber:
        # The generic (standoc) layout.
        for key, value in (
            ("agency", list(s.agency)),
            ("class", s.class_),
            ("docnumber", s.docnumber),
            ("partnumber", s.part),
            ("edition", s.edition),
            ("version", s.version),
            ("supplementtype", s.supplement_type),
            ("supplementnumber", s.supplement_number),
            ("amendment", s.amendment),
            ("corrigendum", s.corrigendum),
            ("language", s.language),
            ("year", s.year),
        ):
            if value:
                out[key] = value
        if s.project_number:
            out["project_number"] = s.project_number
        if s.subpart:
            out["subpart"] = s.subpart
    else:
        extra = {
            k: v
            for k, v in (
                ("amendment", s.amendment),
                ("corrigendum", s.corrigendum),
                ("origyr", s.year),
            )
            if v
        }
        if extra or (s.project_number is None and (s.part or s.subpart)):
            project: Hash = {"content": s.project_number or ""}
            if s.part:
                project["part"] = s.part
            if s.subpart:
                project["subpart"] = s.subpart
            project.update(extra)
            out["project_number"] = project
        else:
            if s.project_number:
                out["project_number"] = s.project_number
            if s.part:
                out["part"] = s.part
            if s.subpart:
                out["subpart"] = s.subpart
        for key, value in (
            ("edition", s.edition),
            ("version", s.version),
            ("language", s.language),
            ("supplementtype", s.supplement_type),
            ("supplementnumber", s.supplement_number),
            ("class", s.class_),
        ):
            if value:
                out[key] = value
    if s.tc_document_number:
        out["tc_document_number"] = s.tc_document_number
    return out
