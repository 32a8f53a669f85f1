"""Reading STS front metadata: std-meta, std-doc-meta, iso-meta, reg-meta, nat-meta."""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import ValidationError

from ...ids import IdentifierError, parse_cached
from ...model import (
    AdoptionLink,
    Committee,
    Copyright,
    CustomField,
    Dates,
    Degree,
    DocumentIdentifier,
    IcsCode,
    IdentifierType,
    Localized,
    Metadata,
    Organization,
    OtherDate,
    Relation,
    RelationKind,
    StatedDate,
    StructuredIdentifier,
    Title,
)
from ...model.enums import DateType
from ...model.metadata import Note as MetaNote
from ..base import Change
from .common import (
    CARRIED_PREFIX,
    ICS_RE,
    PARTIAL_DATE_RE,
    XML_LANG,
    Ctx,
    El,
    Unmodelled,
    build,
    simple_text,
)

META_ELEMENTS = ("std-doc-meta", "std-meta", "iso-meta", "reg-meta", "nat-meta")

#: std-xref/@type values naming a relation kind; the original value is kept too.
RELATIONS: dict[str, RelationKind] = {
    **{kind.value: kind for kind in RelationKind if kind is not RelationKind.OTHER},
    "supersedes": RelationKind.SUPERSEDES,
    "replaces": RelationKind.SUPERSEDES,
    "superseded-by": RelationKind.SUPERSEDED_BY,
    "replaced-by": RelationKind.SUPERSEDED_BY,
    "amends": RelationKind.AMENDS,
    "amended-by": RelationKind.AMENDED_BY,
    "corrects": RelationKind.CORRECTS,
    "revises": RelationKind.REVISES,
    "adopts": RelationKind.ADOPTS,
    "adopted-from": RelationKind.ADOPTS,
    "endorses": RelationKind.ADOPTS,
    "translation-of": RelationKind.TRANSLATION_OF,
    "part-of": RelationKind.PART_OF,
    "cites": RelationKind.CITES,
}

#: Degrees of correspondence (ISO/IEC Guide 21-1:2005, 4.2) as std-xref/@type states them.
DEGREES: dict[str, Degree] = {"IDT": Degree.IDT, "MOD": Degree.MOD, "NEQ": Degree.NEQ}

_STD_IDENT_PARTS = {
    "originator": "agency",
    "doc-type": "type",
    "doc-number": "docnumber",
    "part-number": "part",
    "edition": "edition",
    "version": "version",
    "suppl-type": "supplement_type",
    "suppl-number": "supplement_number",
    "suppl-version": "supplement_version",
    "year": "year",
}

#: Children of doc-ident, and proj-id / release-version directly in std-meta: plain text
#: fields of Metadata (an empty element is kept as an empty string).
_RELEASE_FIELDS = {
    "sdo": "sdo",
    "proj-id": "project_id",
    "language": "release_language",
    "release-version": "release_version",
    "urn": "urn",
}
_TEXT_FIELDS = {
    "proj-id": "project_id",
    "release-version": "release_version",
    "wi-number": "work_item",
    "release-version-id": "release_version_id",
}
#: Metadata elements whose value the model holds in a constrained field: an empty one
#: carries nothing, and is reported instead of kept.
_EMPTY_CARRIES_NOTHING = frozenset(
    {"content-language", "std-ref", "doc-ref", "comm-ref", "release-date", "pub-date"}
)


#: Metadata elements whose content is elements only: text beside them has no place.
_ELEMENT_ONLY = frozenset(
    {"title-wrap", "std-ident", "std-xref", "permissions", "custom-meta-group", "kwd-group"}
)


def metadata(ctx: Ctx, el: El, path: str, lang: str) -> Metadata:
    """One metadata element; children the model cannot hold are kept verbatim."""
    values: dict[str, Any] = {"source_element": el.tag}
    identifiers: list[DocumentIdentifier] = []
    titles: list[Title] = []
    foreign: list[str] = []
    lists: dict[str, list[Any]] = {
        "languages": [],
        "ics": [],
        "committees": [],
        "relations": [],
        "adoptions": [],
        "copyright": [],
        "notes": [],
        "custom": [],
        "structured_identifiers": [],
        "publishers": [],
        "abstract": [],
        "keywords": [],
        "secretariats": [],
        "release_dates": [],
    }
    dates: dict[str, Any] = {"other": []}
    originator = el.get("originator")
    if originator:
        values["originator"] = originator
    for name in el.attrib:
        if name != "originator":
            ctx.drop_attr(el, name)
    ctx.stray_text(el, path)
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag in _ELEMENT_ONLY:
            ctx.stray_text(child, path)
        if tag in _EMPTY_CARRIES_NOTHING and _is_empty(child):
            attrs = "".join(f' {k}="{v}"' for k, v in child.items())
            what = f"empty <{tag}{attrs}>: it holds no value"
            ctx.log.add(Change.LOST, path, what, child.sourceline)
            continue
        try:
            if tag == "title-wrap":
                titles.append(_title(child, lang))
            elif tag == "std-ref":
                kind = _only_attr(child, "type")
                value = _nonempty(child)
                identifiers.append(
                    build(
                        DocumentIdentifier,
                        value=value,
                        type=_designation_type(value),
                        scheme=kind or None,
                    )
                )
            elif tag == "doc-ref":
                _only_attr(child)
                identifiers.append(
                    build(
                        DocumentIdentifier,
                        value=_nonempty(child),
                        type=IdentifierType.OTHER,
                        scheme="doc-ref",
                    )
                )
            elif tag == "std-ident" and not lists["structured_identifiers"]:
                lists["structured_identifiers"].append(_std_ident(child, values))
            elif tag == "content-language":
                _only_attr(child)
                lists["languages"].append(_nonempty(child))
            elif (
                tag == "release-date"
                and "published" not in dates
                and not child.attrib
                and PARTIAL_DATE_RE.match(simple_text(child))
            ):
                dates["published"] = simple_text(child)
            elif tag == "release-date":
                lists["release_dates"].append(_stated_date(child))
            elif tag == "pub-date":
                _only_attr(child)
                value = _date(child)
                dates["other"].append(build(OtherDate, type=DateType.PUBLICATION, value=value))
            elif tag == "meta-date":
                kind = _only_attr(child, "type")
                if kind == DateType.PUBLICATION.value:
                    ctx.log.add(
                        Change.NORMALISED,
                        path,
                        "meta-date of type publication written back as pub-date",
                        child.sourceline,
                    )
                if kind in _MAIN_DATES and kind not in dates:
                    dates[kind] = _date(child)
                elif kind in {t.value for t in DateType}:
                    dates["other"].append(build(OtherDate, type=DateType(kind), value=_date(child)))
                else:
                    raise Unmodelled("meta-date type")
            elif tag == "ics":
                _only_attr(child)
                code = simple_text(child).strip()
                if ICS_RE.match(code) is None:
                    raise Unmodelled("ICS code")
                lists["ics"].append(build(IcsCode, code=code))
            elif tag == "comm-ref":
                _only_attr(child)
                lists["committees"].append(build(Committee, identifier=_nonempty(child)))
            elif tag == "std-xref":
                _std_xref(child, lists)
            elif tag == "permissions":
                lists["copyright"].append(_permissions(child))
            elif tag == "meta-note":
                kind = _only_attr(child, "content-type")
                paras = _paragraphs_of(child, "p")
                lists["notes"].append(
                    build(MetaNote, text=paras[0], type=kind, more=tuple(paras[1:]))
                )
            elif tag == "custom-meta-group":
                _only_attr(child)
                lists["custom"].extend(_custom(child))
            elif tag == "std-org":
                lists["publishers"].append(_std_org(child))
            elif tag == "abstract":
                lists["abstract"].append(_localized_paragraph(child, lang))
            elif tag == "kwd-group":
                lists["keywords"].extend(_keywords(child, lang))
            elif tag == "doc-ident" and not any(f in values for f in _RELEASE_FIELDS.values()):
                _doc_ident(child, values)
            elif tag in _TEXT_FIELDS and _TEXT_FIELDS[tag] not in values:
                _only_attr(child)
                values[_TEXT_FIELDS[tag]] = simple_text(child)
            elif tag == "secretariat":
                _only_attr(child)
                lists["secretariats"].append(simple_text(child))
            elif tag == "page-count" and "page_count" not in values:
                count = _only_attr(child, "count")
                if count is None or len(child) or child.text:
                    raise Unmodelled("page-count without a count")
                values["page_count"] = count
            else:
                raise Unmodelled("")
        except Unmodelled as exc:
            foreign.append(ctx.verbatim(child))
            detail = f"<{tag}> kept as foreign XML"
            ctx.log.add(
                Change.OPAQUE,
                f"{path}.foreign[{len(foreign) - 1}]",
                detail + (f" ({exc})" if str(exc) else ""),
                child.sourceline,
            )
    _restore_carried(lists, values, identifiers, titles)
    identifier = identifiers[0] if identifiers else _fallback_identifier(ctx, values, path, el)
    return build(
        Metadata,
        identifier=identifier,
        alternate_identifiers=tuple(identifiers[1:]),
        titles=tuple(titles),
        dates=build(Dates, **{**dates, "other": tuple(dates["other"])}),
        foreign=tuple(foreign),
        **{k: tuple(v) for k, v in lists.items()},
        **values,
    )


#: Dates the model holds as fields, which mrstd writes as meta-date.
_MAIN_DATES = frozenset({"implemented", "withdrawn", "confirmed"})


def _designation_type(value: str) -> IdentifierType:
    """A Chinese double number (GB/T 19001-2016/ISO 9001:2015) or a plain reference."""
    try:
        parsed = parse_cached(value)
    except IdentifierError:
        return IdentifierType.REFERENCE
    if parsed.scope is not None and parsed.adopts is not None:
        return IdentifierType.DOUBLE_NUMBER
    return IdentifierType.REFERENCE


def _restore_carried(
    lists: dict[str, list[Any]],
    values: dict[str, Any],
    identifiers: list[DocumentIdentifier],
    titles: list[Title],
) -> None:
    """Turn mrstd:<field> custom-meta, which mrstd's writer emits, back into typed fields.

    A value that does not validate stays an ordinary custom field.
    """
    kept: list[CustomField] = []
    for field in lists["custom"]:
        name = field.name.removeprefix(CARRIED_PREFIX)
        if name == field.name or name not in Metadata.model_fields:
            kept.append(field)
            continue
        try:
            probe = {"identifier": {"value": "-"}, name: orjson.loads(field.value)}
            value = getattr(Metadata.model_validate(probe), name)
        except (orjson.JSONDecodeError, ValidationError):
            kept.append(field)
            continue
        if name == "alternate_identifiers":
            identifiers.extend(value)
        elif name == "identifier" and identifiers and identifiers[0].value == value.value:
            identifiers[0] = value  # the std-ref's identifier, with what a std-ref cannot say
        elif name == "titles":
            titles[:] = value
        elif name in lists:
            lists[name] = list(value)
        else:
            values[name] = value
    lists["custom"] = kept


def _std_org(el: El) -> Organization:
    """A standards body named by ``std-org-name`` and optionally ``std-org-abbrev``."""
    _only_attr(el)
    parts = {c.tag: c for c in el if isinstance(c.tag, str)}
    if set(parts) - {"std-org-name", "std-org-abbrev"} or "std-org-name" not in parts:
        raise Unmodelled("std-org with more than a name and an abbreviation")
    abbrev = parts.get("std-org-abbrev")
    return build(
        Organization,
        name=_nonempty(parts["std-org-name"]),
        abbreviation=_nonempty(abbrev) if abbrev is not None else None,
    )


def _language(el: El, lang: str) -> str | None:
    return el.get(XML_LANG) or lang or None


def _localized_paragraph(el: El, lang: str) -> Localized:
    """An abstract holding one plain paragraph, after an optional plain title."""
    _only_attr(el, XML_LANG)
    parts = [c for c in el if isinstance(c.tag, str)]
    title = None
    if parts and parts[0].tag == "title" and not parts[0].attrib:
        title = simple_text(parts[0])
        parts = parts[1:]
    if len(parts) != 1 or parts[0].tag != "p" or len(parts[0].attrib):
        raise Unmodelled("abstract is not one plain paragraph")
    text = simple_text(parts[0])
    return build(Localized, text=text, language=_language(el, lang), title=title)


def _paragraphs_of(el: El, tag: str) -> list[str]:
    """The texts of an element holding plain paragraphs (``tag``) only, at least one."""
    parts = [c for c in el if isinstance(c.tag, str)]
    if not parts or any(p.tag != tag or len(p.attrib) for p in parts):
        raise Unmodelled(f"{el.tag} is not plain paragraphs")
    return [simple_text(p) for p in parts]


def _keywords(el: El, lang: str) -> list[Localized]:
    """The plain ``kwd`` items of a keyword group."""
    _only_attr(el, XML_LANG)
    items = [c for c in el if isinstance(c.tag, str)]
    if any(c.tag != "kwd" or c.attrib for c in items):
        raise Unmodelled("kwd-group with more than plain keywords")
    language = _language(el, lang)
    return [build(Localized, text=_nonempty(c), language=language) for c in items]


def _fallback_identifier(ctx: Ctx, values: dict[str, Any], path: str, el: El) -> DocumentIdentifier:
    # The model needs an identifier; without a std-ref, build one from the
    # structured parts, and mark it as such so the writer does not emit it.
    parts = [values.get("originator"), values.get("docnumber")]
    text = " ".join(p for p in parts if p) or "unidentified"
    ctx.log.add(
        Change.NORMALISED,
        f"{path}.identifier",
        f"no std-ref: identifier {text!r} derived (not written back)",
        el.sourceline,
    )
    return build(DocumentIdentifier, value=text, type=IdentifierType.OTHER, scheme="derived")


def _doc_ident(el: El, values: dict[str, Any]) -> None:
    """ISO's release identification: sdo, proj-id, language, release-version, urn."""
    _only_attr(el)
    found: dict[str, str] = {}
    for child in el:
        if not isinstance(child.tag, str):
            continue
        field = _RELEASE_FIELDS.get(child.tag)
        if field is None or field in found:
            raise Unmodelled(f"<{child.tag}> in doc-ident")
        _only_attr(child)
        found[field] = simple_text(child)
    if not found:
        raise Unmodelled("empty doc-ident")
    values.update(found)


def _is_empty(el: El) -> bool:
    return not len(el) and not (el.text or "").strip()


def _stated_date(el: El) -> StatedDate:
    """A date as written, with its date-type and ISO 8601 form (iso-8601-date)."""
    for name in el.attrib:
        if name not in ("date-type", "iso-8601-date"):
            raise Unmodelled(f"attribute @{name}")
    value = el.get("iso-8601-date")
    if value is not None and PARTIAL_DATE_RE.match(value) is None:
        raise Unmodelled("iso-8601-date not in ISO 8601 form")
    return build(StatedDate, text=simple_text(el), type=el.get("date-type"), value=value)


def _only_attr(el: El, allowed: str | None = None) -> str | None:
    for name in el.attrib:
        if name != allowed:
            raise Unmodelled(f"attribute @{name}")
    return el.get(allowed) if allowed else None


def _nonempty(el: El) -> str:
    text = simple_text(el)
    if not text:
        raise Unmodelled("empty")
    return text


def _date(el: El) -> str:
    text = simple_text(el)
    if PARTIAL_DATE_RE.match(text) is None:
        raise Unmodelled("date not in ISO 8601 form")
    return text


_TITLE_PARTS = {"intro": "introductory", "main": "main", "compl": "complementary", "full": "full"}


def _title(el: El, lang: str) -> Title:
    values: dict[str, Any] = {}
    for name in el.attrib:
        if name != XML_LANG:
            raise Unmodelled(f"attribute @{name}")
    for child in el:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag
        if tag == "main-title-wrap":
            parts = [c for c in child if isinstance(c.tag, str)]
            if len(parts) != 1 or parts[0].tag != "main" or len(child.attrib):
                raise Unmodelled("main-title-wrap")
            child, tag = parts[0], "main"
        field = _TITLE_PARTS.get(tag)
        if field is None or field in values or len(child.attrib):
            raise Unmodelled(f"<{tag}> in title-wrap")
        values[field] = simple_text(child)
    return build(Title, language=el.get(XML_LANG) or lang, **values)


def _std_ident(el: El, values: dict[str, Any]) -> StructuredIdentifier:
    _only_attr(el)
    parts: dict[str, Any] = {}
    numbers: dict[str, list[str]] = {"isbn": [], "issn": []}
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in numbers and not len(child.attrib):
            numbers[child.tag].append(simple_text(child))
            continue
        field = _STD_IDENT_PARTS.get(child.tag)
        if field is None or field in parts or len(child.attrib):
            raise Unmodelled(f"<{child.tag}> in std-ident")
        parts[field] = simple_text(child)
    agency = parts.pop("agency", None)
    if agency is not None:
        values.setdefault("originator", agency)
    for field, target in (("type", "doc_type_label"), ("docnumber", "docnumber")):
        if field in parts:
            values[target] = parts[field]
    for field in ("edition", "version"):
        if field in parts:
            values[field] = parts[field]
    return build(
        StructuredIdentifier,
        agency=(agency,) if agency is not None else (),
        isbn=tuple(numbers["isbn"]),
        issn=tuple(numbers["issn"]),
        **parts,
    )


def _std_xref(el: El, lists: dict[str, list[Any]]) -> None:
    kind = _only_attr(el, "type")
    parts = [c for c in el if isinstance(c.tag, str)]
    if len(parts) != 1 or parts[0].tag != "std-ref" or len(parts[0].attrib):
        raise Unmodelled("std-xref is not one std-ref")
    identifier = _nonempty(parts[0])
    if kind in DEGREES:
        lists["adoptions"].append(build(AdoptionLink, identifier=identifier, degree=DEGREES[kind]))
        return
    if not kind:
        raise Unmodelled("std-xref without a type")
    # A type with no kind of its own is kept by name, as mrstd's writer writes it.
    relation = RELATIONS.get(kind, RelationKind.OTHER)
    original = None if relation.value == kind else kind
    lists["relations"].append(
        build(Relation, kind=relation, identifier=identifier, original_type=original)
    )


def _permissions(el: El) -> Copyright:
    _only_attr(el)
    values: dict[str, Any] = {}
    holders: list[str] = []
    more: list[str] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if len(child.attrib):
            raise Unmodelled("attributes in permissions")
        tag = child.tag
        if tag == "copyright-statement" and "statement" not in values and not holders:
            values["statement"] = simple_text(child)
        elif tag == "copyright-statement" and "year" not in values and not holders:
            more.append(simple_text(child))
        elif tag == "copyright-year" and "year" not in values and not holders:
            text = simple_text(child)
            if not text.isdigit():
                raise Unmodelled("copyright-year")
            values["year"] = int(text)
        elif tag == "copyright-holder":
            holders.append(simple_text(child))
        elif tag == "license" and "license" not in values:
            paras = _paragraphs_of(child, "license-p")
            if len(paras) != 1:
                raise Unmodelled("license of several paragraphs")
            values["license"] = paras[0]
        else:
            raise Unmodelled(f"<{tag}> in permissions")
    return build(Copyright, holders=tuple(holders), more_statements=tuple(more), **values)


def _custom(el: El) -> list[CustomField]:
    out: list[CustomField] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        parts = [c for c in child if isinstance(c.tag, str)]
        if (
            child.tag != "custom-meta"
            or len(child.attrib)
            or [p.tag for p in parts] != ["meta-name", "meta-value"]
            or any(len(p.attrib) for p in parts)
        ):
            raise Unmodelled("custom-meta")
        out.append(build(CustomField, name=simple_text(parts[0]), value=simple_text(parts[1])))
    return out
