"""Mapping between a Relaton record (as a v1.2.x hash) and the model.

Both the YAML and the XML flavours go through the same hash: the YAML layout of the
relaton-data-* sets (schema v1.2.9). Readers tolerate the v1.2 and v3 layouts; writers
produce v1.2.9. See docs/relaton.md for the field and relation mapping.

Custom fields carry what the model has no place for, so that a record survives
import and export:

* ``relaton.<what>``: a value both writers understand (the bibitem id, an invalid date...);
* ``relaton:<key>``: an unmodelled YAML key, its value as JSON (written back to YAML only);
* ``relaton-xml:<tag>``: an unmodelled XML element, verbatim (written back to XML only).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from ...errors import DocumentError, Problem
from ...model import (
    Contributor,
    Document,
    DocumentType,
    IdentifierType,
    Metadata,
    Organization,
    RelationKind,
    Role,
    StructuredIdentifier,
)
from ...model.enums import DateType
from ..base import Change, ConversionLog
from . import vocab

Hash = dict[str, Any]

SCHEMA_VERSION = "v1.2.9"
UNDETERMINED = "und"

_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
_ICS = re.compile(r"^[0-9]{2}(\.[0-9]{3}(\.[0-9]{2})?)?\Z")
_CCS = re.compile(r"^[A-HJ-NP-Z][0-9]{2}\Z")
_TWO_DIGITS = re.compile(r"^[0-9]{2}\Z")
_STAGE_CODE = re.compile(r"^([0-9]{2})\.([0-9]{2})\Z")

#: Title types that are parts of one title, in the order they are written.
TITLE_PARTS: dict[str, str] = {
    "title-intro": "introductory",
    "title-main": "main",
    "title-part": "complementary",
    "main": "full",
}
_PART_RANK = {field: rank for rank, field in enumerate(TITLE_PARTS.values())}

#: Editorial group keys (YAML) and the committee type they give.
GROUPS: dict[str, str] = {
    "technical_committee": "technical",
    "subcommittee": "subcommittee",
    "workgroup": "workgroup",
    "secretariat": "secretariat",
}

#: Top-level keys the mapping reads; any other key is kept opaque.
KNOWN_KEYS = {
    "schema-version",
    "schema_version",
    "id",
    "type",
    "fetched",
    "title",
    "link",
    "source",
    "uri",
    "docid",
    "docidentifier",
    "docnumber",
    "date",
    "contributor",
    "edition",
    "revdate",
    "version",
    "biblionote",
    "note",
    "language",
    "script",
    "abstract",
    "docstatus",
    "status",
    "copyright",
    "relation",
    "keyword",
    "ext",
    "editorialgroup",
    "ics",
    "structuredidentifier",
    "doctype",
    "subdoctype",
    "place",
    "formattedref",
}
KNOWN_EXT_KEYS = {
    "schema-version",
    "schema_version",
    "flavor",
    "doctype",
    "subdoctype",
    "editorialgroup",
    "ics",
    "structuredidentifier",
    "gbtype",
    "ccs",
    "plannumber",
    "committee",
    "gbcommittee",
}


# --- tolerant access to Relaton hashes -----------------------------------------------


def as_list(value: Any) -> list[Any]:
    """A list whatever the source wrote: nothing, one item or a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text(value: Any) -> str | None:
    """The text of a scalar, a ``{content: ...}`` hash or the first of a list."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, (str, int, float, datetime.date)):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    if isinstance(value, dict):
        for key in ("content", "value", "id", "name"):
            if key in value:
                return text(value[key])
        return None
    if isinstance(value, list):
        for item in value:
            found = text(item)
            if found is not None:
                return found
    return None


def first(value: Any) -> str | None:
    """The first language or script of a field that may be a list."""
    items = as_list(value)
    return text(items[0]) if items else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def as_json(value: Any) -> str:
    """Canonical JSON of a YAML value, for an opaque custom field."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


# --- reading ------------------------------------------------------------------------


class _Reader:
    """Builds the model's metadata dict from one Relaton hash."""

    def __init__(self, h: Hash, log: ConversionLog, opaque: list[tuple[str, str]]) -> None:
        self.h = h
        self.log = log
        self.custom: list[dict[str, str]] = [{"name": n, "value": v} for n, v in opaque]
        self.meta: dict[str, Any] = {}
        self.other_dates: list[dict[str, Any]] = []

    def keep(self, name: str, value: str) -> None:
        self.custom.append({"name": name, "value": value})

    def lost(self, path: str, detail: str) -> None:
        self.log.add(Change.LOST, path, detail)

    def malformed(self, path: str, value: Any, expected: str) -> None:
        """A value of the wrong shape: not kept, and the log says what it was."""
        self.lost(path, f"{as_json(value)[:80]} is not {expected}; not kept")

    def run(self) -> dict[str, Any]:
        h = self.h
        self.identifiers()
        self.titles(as_list(h.get("title")))
        self.meta["links"] = [
            {"href": href, "type": text(link.get("type")) if isinstance(link, dict) else None}
            for key in ("link", "source", "uri")
            for link in as_list(h.get(key))
            if (href := text(link))
        ]
        self.scalar("docnumber", h.get("docnumber"))
        self.dates(as_list(h.get("date")))
        if "revdate" in h:
            self.date_value("revdate", h["revdate"], None)
        self.contributors(as_list(h.get("contributor")))
        self.edition(h.get("edition"))
        self.version(h.get("version"))
        notes = as_list(h.get("biblionote")) + as_list(h.get("note"))
        self.meta["notes"] = [
            {"text": t, "type": text(n.get("type")) if isinstance(n, dict) else None}
            for n in notes
            if (t := text(n)) is not None
        ]
        self.meta["languages"] = [t for x in as_list(h.get("language")) if (t := text(x))]
        self.meta["scripts"] = [t for x in as_list(h.get("script")) if (t := text(x))]
        self.meta["abstract"] = self.localized(as_list(h.get("abstract")))
        self.status(h.get("docstatus") or h.get("status"))
        self.copyrights(as_list(h.get("copyright")))
        self.relations(as_list(h.get("relation")))
        self.keywords(as_list(h.get("keyword")))
        ext = h.get("ext")
        if not isinstance(ext, dict):
            ext = {}
        # Old layouts put the extension fields at the top level.
        for key in ("doctype", "subdoctype", "editorialgroup", "ics", "structuredidentifier"):
            if key in h and key not in ext:
                ext[key] = h[key]
        self.extension(ext)
        places = as_list(h.get("place"))
        if places and all(isinstance(p, str) for p in places):
            for place in places:
                self.keep("relaton.place", place)
        elif places:
            self.keep("relaton:place", as_json(h["place"]))
            self.log.add(Change.OPAQUE, "place", "kept as a custom field")
        for key, value in h.items():
            if key not in KNOWN_KEYS and not key.startswith("_"):
                self.keep(f"relaton:{key}", as_json(value))
                self.log.add(Change.OPAQUE, key, "kept as a custom field")
        formattedref = _clean(text(h.get("formattedref")))
        if formattedref:
            self.keep("relaton.formattedref", formattedref)
        if isinstance(h.get("id"), (str, int)):
            self.keep("relaton.id", str(h["id"]))
        kind = text(h.get("type"))
        if kind and kind != "standard":
            self.keep("relaton.type", kind)
        fetched = text(h.get("fetched"))
        if fetched:
            if _DATE.match(fetched):
                self.meta["fetched"] = fetched
            else:
                self.keep("relaton.fetched", fetched)
        if self.other_dates:
            self.meta.setdefault("dates", {})["other"] = self.other_dates
        self.meta["custom"] = self.custom
        return self.meta

    def scalar(self, field: str, value: Any) -> None:
        if isinstance(value, list) and len(value) > 1:
            self.malformed(field, value[1:], f"part of {field}, which has one value")
        found = _clean(text(value))
        if found is not None:
            self.meta[field] = found

    # identifiers ------------------------------------------------------------------

    def identifiers(self) -> None:
        ids: list[dict[str, Any]] = []
        primary: int | None = None
        for i, docid in enumerate(
            as_list(self.h.get("docid")) + as_list(self.h.get("docidentifier"))
        ):
            value = _clean(text(docid))
            if value is None:
                continue
            rtype = text(docid.get("type")) if isinstance(docid, dict) else None
            ids.append(identifier_dict(value, rtype))
            marked = isinstance(docid, dict) and docid.get("primary") in (True, "true")
            ids[-1]["primary"] = marked
            if isinstance(docid, dict):
                if primary is None and marked:
                    primary = len(ids) - 1
                for key in ("scope", "language", "script", "locale", "trademark"):
                    if key in docid:
                        self.lost(f"docid[{i}].{key}", f"identifier {key} is not kept")
        if not ids:
            fallback = (
                _clean(text(self.h.get("formattedref")))
                or _clean(text(self.h.get("id")))
                or _clean(text(self.h.get("_anchor")))
            )
            if fallback is None:
                raise ValueError("the record has no docidentifier, formattedref or id")
            ids.append({**identifier_dict(fallback, None), "primary": False})
            self.log.add(Change.NORMALISED, "docid", "no docidentifier; the record id is used")
        main = ids.pop(primary or 0)
        self.meta["identifier"] = main
        self.meta["alternate_identifiers"] = ids

    # titles -----------------------------------------------------------------------

    def titles(self, items: list[Any]) -> None:
        titles: list[dict[str, Any]] = []
        last_rank = -1
        for item in items:
            content = _clean(text(item))
            if content is None:
                continue
            entry = item if isinstance(item, dict) else {}
            language = first(entry.get("language")) or UNDETERMINED
            script = first(entry.get("script"))
            ttype = text(entry.get("type"))
            field = TITLE_PARTS.get(ttype) if ttype else None
            if field is None:
                titles.append(
                    {
                        "language": language,
                        "script": script,
                        "full": content,
                        "type": ttype,
                        "untyped": ttype is None,
                    }
                )
                last_rank = 99
                continue
            rank = _PART_RANK[field]
            current = titles[-1] if titles else None
            if (
                current is None
                or "full" in current
                or current["language"] != language
                or current["script"] != script
                or rank <= last_rank
            ):
                current = {"language": language, "script": script}
                titles.append(current)
            current[field] = content
            last_rank = rank
        self.meta["titles"] = titles

    # dates ------------------------------------------------------------------------

    def dates(self, items: list[Any]) -> None:
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.lost(f"date[{i}]", "a date without a type is not kept")
                continue
            dtype = text(item.get("type")) or "other"
            if "from" in item or "to" in item:
                value = f"{text(item.get('from')) or ''}/{text(item.get('to')) or ''}"
            else:
                value = text(item.get("value", item.get("at", item.get("on")))) or ""
            self.date_value(dtype, value, i)

    def date_value(self, dtype: str, raw: Any, index: int | None) -> None:
        value = text(raw) or ""
        if not _DATE.match(value):
            # Not a calendar date the model accepts (a range, a time, empty): keep it as given.
            self.keep(f"relaton.date.{dtype}", value)
            where = f"date[{index}]" if index is not None else dtype
            self.log.add(Change.OPAQUE, where, f"date {value!r} kept as a custom field")
            return
        dates = self.meta.setdefault("dates", {})
        main = vocab.MAIN_DATES.get(dtype)
        if main is not None and main not in dates:
            dates[main] = value
        elif dtype == "revdate":
            self.other_dates.append(
                {"type": DateType.OTHER, "value": value, "label": "revision-date"}
            )
        elif dtype in vocab.OTHER_DATES:
            self.other_dates.append({"type": vocab.OTHER_DATES[dtype], "value": value})
        else:
            self.other_dates.append({"type": DateType.OTHER, "value": value, "label": dtype})

    # contributors -----------------------------------------------------------------

    def contributors(self, items: list[Any]) -> None:
        out: list[dict[str, Any]] = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.malformed(f"contributor[{i}]", item, "a contributor (organization or person)")
                continue
            org = self.organization(item.get("organization"), f"contributor[{i}].organization")
            person = self.person(item.get("person"), f"contributor[{i}].person")
            if org is None and person is None:
                if "organization" not in item and "person" not in item:
                    self.lost(f"contributor[{i}]", "a contributor without organization or person")
                continue
            roles = []
            for role in as_list(item.get("role")) or [{"type": "contributor"}]:
                rtype = text(role.get("type")) if isinstance(role, dict) else text(role)
                rtype = rtype or "contributor"
                description = None
                if isinstance(role, dict):
                    description = _clean(text(role.get("description")))
                mapped = vocab.ROLES.get(rtype)
                roles.append(
                    {
                        "role": mapped or "other",
                        "original_role": None if mapped else rtype,
                        "role_description": description,
                    }
                )
            out.append({**roles[0], "more_roles": roles[1:], "organization": org, "person": person})
        self.meta["contributors"] = out

    def organization(self, value: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            if value is not None:
                self.malformed(path, value, "an organization")
            return None
        names = self.localized(as_list(value.get("name")))
        if not names and any(text(n) == "" for n in as_list(value.get("name"))):
            # A name stated empty (JIS records): an organization all the same, kept as stated.
            names = self.localized(as_list(value.get("name")), keep_empty=True)[:1]
        if not names:
            abbreviation = _clean(text(value.get("abbreviation")))
            if abbreviation is None:
                keys = ", ".join(sorted(value)) or "nothing"
                self.lost(path, f"an organization without name or abbreviation ({keys})")
                return None
            names = [{"text": abbreviation}]
            self.log.add(Change.NORMALISED, path, "named by its abbreviation, which it only has")
        head = names[0]
        uri = _clean(text(value.get("url"))) or _clean(text(value.get("uri")))
        address = None
        for addr in as_list(value.get("address")) + [
            c.get("address") for c in as_list(value.get("contact")) if isinstance(c, dict)
        ]:
            if isinstance(addr, dict) and addr.get("formatted_address"):
                address = text(addr.get("formatted_address"))
                break
        for key in ("identifier", "subdivision", "logo", "contact", "email", "phone"):
            if key in value:
                self.lost(f"{path}.{key}", f"organization {key} is not kept")
        return {
            "name": head["text"],
            "language": head.get("language"),
            "script": head.get("script"),
            "abbreviation": _clean(text(value.get("abbreviation"))),
            "uri": uri,
            "address": address,
            "alternate_names": names[1:],
        }

    def person(self, value: Any, path: str) -> str | None:
        if not isinstance(value, dict):
            if value is not None:
                self.malformed(path, value, "a person")
            return None
        name = value.get("name")
        if not isinstance(name, dict):
            return _clean(text(name))
        for key in value:
            if key != "name":
                self.lost(f"{path}.{key}", f"person {key} is not kept")
        complete = _clean(text(name.get("completename")))
        if complete:
            return complete
        given_raw = name.get("given")
        given: Hash = given_raw if isinstance(given_raw, dict) else name
        parts: list[str] = []
        for piece in as_list(name.get("prefix")):
            parts.extend(filter(None, [_clean(text(piece))]))
        forenames = [
            _clean(text(f)) or _clean(text(f.get("initial")) if isinstance(f, dict) else None)
            for f in as_list(given.get("forename"))
        ]
        parts.extend(f for f in forenames if f)
        if not any(forenames):
            initials = _clean(text(given.get("formatted_initials")))
            if initials:
                parts.append(initials)
        surname = _clean(text(name.get("surname")))
        if surname:
            parts.append(surname)
        for piece in as_list(name.get("addition")):
            parts.extend(filter(None, [_clean(text(piece))]))
        self.log.add(Change.NORMALISED, path, "person name written as one complete name")
        return " ".join(parts) or None

    # edition, version, status -----------------------------------------------------

    def edition(self, value: Any) -> None:
        self.scalar("edition", value)
        if isinstance(value, dict) and value.get("number") is not None:
            self.keep("relaton.edition-number", str(text(value["number"])))

    def version(self, value: Any) -> None:
        for i, item in enumerate(as_list(value)):
            if not isinstance(item, dict):
                if i == 0:
                    self.scalar("version", item)
                continue
            if i == 0:
                self.scalar("version", item.get("draft"))
                if item.get("revision_date") is not None and "revdate" not in self.h:
                    self.date_value("revdate", item["revision_date"], None)
            else:
                self.lost(f"version[{i}]", "only the first version is kept")

    def status(self, value: Any) -> None:
        if not isinstance(value, dict):
            if value is not None:
                self.malformed("docstatus", value, "a status")
            return
        stage_item = value.get("stage")
        stage = _clean(text(stage_item))
        substage_item = value.get("substage")
        substage = _clean(text(substage_item))
        status: dict[str, Any] = {}
        if stage and substage and _TWO_DIGITS.match(stage) and _TWO_DIGITS.match(substage):
            status["stage"] = f"{stage}.{substage}"
        else:
            status["label"] = stage
            status["substage"] = substage
        if isinstance(stage_item, dict):
            status["abbreviation"] = _clean(text(stage_item.get("abbreviation")))
        if isinstance(substage_item, dict) and substage_item.get("abbreviation"):
            self.lost("docstatus.substage.abbreviation", "substage abbreviation is not kept")
        iteration = _clean(text(value.get("iteration")))
        if iteration is not None:
            if iteration.isdigit() and int(iteration) >= 1:
                status["iteration"] = int(iteration)
            else:
                self.keep("relaton.iteration", iteration)
        self.meta["status"] = status

    # copyright, relations, keywords -----------------------------------------------

    def copyrights(self, items: list[Any]) -> None:
        out: list[dict[str, Any]] = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.malformed(f"copyright[{i}]", item, "a copyright")
                continue
            holders: list[str] = []
            for j, owner in enumerate(as_list(item.get("owner"))):
                if not isinstance(owner, dict):
                    self.malformed(f"copyright[{i}].owner[{j}]", owner, "an owner")
                    continue
                body = owner.get("organization") or owner
                name = _clean(text(body.get("name"))) if isinstance(body, dict) else None
                if name is None and isinstance(body, dict):
                    name = _clean(text(body.get("abbreviation")))
                if name is None and isinstance(owner.get("person"), dict):
                    name = self.person(owner["person"], f"copyright[{i}].owner")
                if name:
                    holders.append(name)
            start = _clean(text(item.get("from")))
            entry: dict[str, Any] = {"holders": holders}
            if start is not None:
                if start.isdigit():
                    entry["year"] = int(start)
                else:
                    entry["statement"] = start
            for key in ("to", "scope"):
                if key in item:
                    self.lost(f"copyright[{i}].{key}", f"copyright {key} is not kept")
            out.append(entry)
        self.meta["copyright"] = out

    def relations(self, items: list[Any]) -> None:
        relations: list[dict[str, Any]] = []
        adoptions: list[dict[str, Any]] = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.malformed(f"relation[{i}]", item, "a relation")
                continue
            rtype = _clean(text(item.get("type"))) or "related"
            description = _clean(text(item.get("description")))
            raw_bib = item.get("bibitem")
            if raw_bib is not None and not isinstance(raw_bib, dict):
                self.malformed(f"relation[{i}].bibitem", raw_bib, "a bibliographic item")
                continue
            bib: Hash = raw_bib or {}
            target, scheme = self.target(bib, f"relation[{i}]")
            if target is None:
                target = "(unidentified)"
                self.log.add(
                    Change.NORMALISED, f"relation[{i}]", "relation target has no identifier"
                )
            for key in item:
                if key not in ("type", "description", "bibitem"):
                    self.lost(f"relation[{i}].{key}", f"relation {key} is not kept")
            degree = vocab.degree_of(description)
            if rtype in vocab.ADOPTION_TYPES and degree is not None:
                canonical = description is not None and description == vocab.DEGREE_WORDS[degree]
                adoptions.append(
                    {
                        "identifier": target,
                        "degree": degree,
                        "description": None if canonical else description,
                        "inverse": True if vocab.ADOPTION_TYPES[rtype] else None,
                        "scheme": scheme,
                    }
                )
                continue
            kind = vocab.relation_kind(rtype, description)
            canon_type, canon_desc = vocab.CANONICAL[kind]
            original = rtype if kind is RelationKind.OTHER or rtype != canon_type else None
            if canon_desc is not None and description == canon_desc and original is None:
                description = None
            date, date_type = None, None
            for d in as_list(bib.get("date")):
                if isinstance(d, dict):
                    value = text(d.get("value", d.get("at", d.get("on"))))
                    if value and _DATE.match(value):
                        # "published" is what the writer assumes when no type is known.
                        dtype = text(d.get("type"))
                        date, date_type = value, None if dtype == "published" else dtype
                        break
            relations.append(
                {
                    "kind": kind,
                    "identifier": target,
                    "description": description,
                    "original_type": original,
                    "date": date,
                    "scheme": scheme,
                    "date_type": date_type,
                }
            )
        self.meta["relations"] = relations
        self.meta["adoptions"] = adoptions

    def target(self, bib: Hash, path: str) -> tuple[str | None, str | None]:
        docids = as_list(bib.get("docid")) + as_list(bib.get("docidentifier"))
        chosen = None
        for docid in docids:
            if isinstance(docid, dict) and docid.get("primary") in (True, "true"):
                chosen = docid
                break
        if chosen is None and docids:
            chosen = docids[0]
        if chosen is not None and _clean(text(chosen)):
            scheme = text(chosen.get("type")) if isinstance(chosen, dict) else None
            return _clean(text(chosen)), scheme
        for key in ("formattedref", "title", "id"):
            found = _clean(text(bib.get(key)))
            if found:
                if key != "formattedref":
                    self.log.add(Change.NORMALISED, path, f"relation target named by its {key}")
                return found, None
        return None, None

    def keywords(self, items: list[Any]) -> None:
        out: list[dict[str, Any]] = []
        for item in items:
            if isinstance(item, dict) and ("vocab" in item or "taxon" in item):
                value = _clean(text(item.get("vocab"))) or _clean(text(item.get("taxon")))
                source = item.get("vocab") or (as_list(item.get("taxon")) or [None])[0]
            else:
                value, source = _clean(text(item)), item
            if value is None:
                continue
            entry: dict[str, Any] = {"text": value}
            if isinstance(source, dict):
                entry["language"] = first(source.get("language"))
                entry["script"] = first(source.get("script"))
            out.append(entry)
        self.meta["keywords"] = out

    def localized(self, items: Iterable[Any], keep_empty: bool = False) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for item in items:
            value = text(item)
            if value is None or not (value.strip() or keep_empty):
                continue
            entry: dict[str, Any] = {"text": value}
            if isinstance(item, dict):
                entry["language"] = first(item.get("language"))
                entry["script"] = first(item.get("script"))
            out.append(entry)
        return out

    # extension ----------------------------------------------------------------------

    def extension(self, ext: Hash) -> None:
        doctype = ext.get("doctype")
        value = _clean(
            text(
                doctype.get("type", doctype.get("content"))
                if isinstance(doctype, dict)
                else doctype
            )
        )
        if value is not None:
            mapped = vocab.DOCTYPES.get(value)
            self.meta["doc_type"] = mapped or DocumentType.OTHER
            if mapped is None or mapped.value != value:
                self.meta["doc_type_label"] = value
        if isinstance(doctype, dict) and doctype.get("abbreviation") is not None:
            self.keep("relaton.doctype-abbreviation", str(text(doctype["abbreviation"])))
        self.scalar("subdoctype", ext.get("subdoctype"))
        self.committees(ext)
        self.meta["ics"] = self.codes(ext.get("ics"), _ICS, "ics")
        self.meta["ccs"] = self.codes(ext.get("ccs"), _CCS, "ccs")
        self.structured(ext.get("structuredidentifier"))
        gbtype = ext.get("gbtype")
        if isinstance(gbtype, dict):
            tables: dict[str, dict[str, Any]] = {
                "scope": vocab.GB_SCOPES,
                "mandate": vocab.GB_MANDATES,
            }
            for key, table in tables.items():
                raw = _clean(text(gbtype.get(key, gbtype.get(f"gb{key}"))))
                if raw is None:
                    continue
                mapped = table.get(raw)
                if mapped is not None:
                    self.meta[key] = mapped
                if mapped is None or vocab.GB_NAMES.get(mapped) != raw:
                    self.keep(f"relaton.gbtype.{key}", raw)
            self.scalar("prefix", gbtype.get("prefix", gbtype.get("gbprefix")))
            self.scalar("topic", gbtype.get("topic", gbtype.get("gbtopic")))
        self.scalar("plan_number", ext.get("plannumber"))
        for key, value in ext.items():
            if key not in KNOWN_EXT_KEYS and not key.startswith("_"):
                self.keep(f"relaton:ext.{key}", as_json(value))
                self.log.add(Change.OPAQUE, f"ext.{key}", "kept as a custom field")

    def committees(self, ext: Hash) -> None:
        out: list[dict[str, Any]] = []
        group = ext.get("editorialgroup")
        entries: list[tuple[str, Any]] = []
        if isinstance(group, dict):
            for key, value in group.items():
                gtype = GROUPS.get(key)
                if gtype is None:
                    self.lost(f"ext.editorialgroup.{key}", "editorial group member not kept")
                    continue
                entries.extend((gtype, v) for v in as_list(value))
        else:
            entries.extend(("technical", v) for v in as_list(group))
        for gtype, value in entries:
            if isinstance(value, dict):
                name = _clean(text(value.get("name", value.get("content"))))
                number = _clean(text(value.get("number")))
                code = _clean(text(value.get("type")))
                prefix = _clean(text(value.get("prefix")))
                ident = _clean(text(value.get("identifier")))
            else:
                name, number, code, prefix, ident = _clean(text(value)), None, None, None, None
            synthetic = committee_identifier(name, number, code, prefix)
            if synthetic is None and ident is None:
                continue
            out.append(
                {
                    "identifier": ident or synthetic,
                    "name": name,
                    "type": gtype,
                    "number": number,
                    "type_code": code,
                    "prefix": prefix,
                }
            )
        for key in ("committee", "gbcommittee"):
            for value in as_list(ext.get(key)):
                name = _clean(text(value))
                if name is None:
                    continue
                ctype = text(value.get("type")) if isinstance(value, dict) else None
                out.append({"identifier": name, "type": ctype or "technical"})
        self.meta["committees"] = out

    def codes(self, value: Any, pattern: re.Pattern[str], name: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for item in as_list(value):
            code = _clean(text(item.get("code")) if isinstance(item, dict) else text(item))
            label = _clean(text(item.get("text"))) if isinstance(item, dict) else None
            if code is None:
                continue
            if pattern.match(code):
                out.append({"code": code, "text": label})
            else:
                self.keep(f"relaton.{name}", as_json({"code": code, "text": label}))
                self.log.add(
                    Change.OPAQUE, f"ext.{name}", f"invalid {name} code {code!r} kept as given"
                )
        return out

    def structured(self, value: Any) -> None:
        out: list[dict[str, Any]] = []
        for i, item in enumerate(as_list(value)):
            if not isinstance(item, dict):
                self.malformed(f"ext.structuredidentifier[{i}]", item, "a structured identifier")
                continue
            project = item.get("project_number", item.get("project-number"))
            entry: dict[str, Any] = {
                "type": _clean(text(item.get("type"))),
                "agency": [t for a in as_list(item.get("agency")) if (t := text(a))],
                "class": _clean(text(item.get("class", item.get("klass")))),
                "docnumber": _clean(text(item.get("docnumber"))),
                "project_number": _clean(text(project)),
                "part": _clean(text(item.get("part", item.get("partnumber")))),
                "subpart": _clean(text(item.get("subpart"))),
                "edition": _clean(text(item.get("edition"))),
                "version": _clean(text(item.get("version"))),
                "supplement_type": _clean(text(item.get("supplementtype"))),
                "supplement_number": _clean(text(item.get("supplementnumber"))),
                "amendment": _clean(text(item.get("amendment"))),
                "corrigendum": _clean(text(item.get("corrigendum"))),
                "language": _clean(text(item.get("language"))),
                "year": _clean(text(item.get("year"))),
                "tc_document_number": _clean(text(item.get("tc_document_number"))),
            }
            if isinstance(project, dict):
                for key, field in (
                    ("part", "part"),
                    ("subpart", "subpart"),
                    ("amendment", "amendment"),
                    ("corrigendum", "corrigendum"),
                    ("origyr", "year"),
                ):
                    if project.get(key) is not None and entry[field] is None:
                        entry[field] = _clean(text(project[key]))
            out.append(entry)
        self.meta["structured_identifiers"] = out


def committee_identifier(
    name: str | None, number: str | None, code: str | None, prefix: str | None
) -> str | None:
    """The identifier a committee gets when the source gives none."""
    if number:
        head = f"{prefix}/" if prefix else ""
        return f"{head}{code} {number}" if code else f"{head}{number}"
    return name


def identifier_dict(value: str, rtype: str | None) -> dict[str, Any]:
    """A DocumentIdentifier dict from a Relaton docid value and type."""
    kind = vocab.ID_TYPES.get(rtype or "")
    if kind is None:
        return {"value": value, "type": IdentifierType.REFERENCE, "scheme": rtype}
    canonical = vocab.ID_TYPE_NAMES.get(kind) == rtype
    return {"value": value, "type": kind, "scheme": None if canonical else rtype}


def _strip_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_strip_none(v) for v in value]
    return value


def from_hash(
    h: Any, source: str, log: ConversionLog, opaque: list[tuple[str, str]] | None = None
) -> Document:
    """A Document (metadata only) from a Relaton hash; DocumentError if it cannot be."""
    if not isinstance(h, dict):
        raise DocumentError(source, [Problem("a Relaton record must be a mapping", 1, 1)])
    try:
        meta = _Reader(h, log, list(opaque or [])).run()
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise DocumentError(source, [Problem(f"not a Relaton record: {exc}", 1, 1)]) from None
    try:
        return Document.model_validate({"metadata": _strip_none(meta)})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = "metadata." + ".".join(str(p) for p in err["loc"][1:] if p != "metadata")
        message = f"cannot represent the record: {err['msg']}"
        raise DocumentError(source, [Problem(message, 1, 1, where)]) from None


# --- writing ------------------------------------------------------------------------


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


def _docid(ident: Any, primary: bool) -> Hash:
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
        ext["ics"] = [_strip_none(c) for c in ics]
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
    ccs += [_strip_none(json.loads(v)) for v in custom.get("relaton.ccs", [])]
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


__all__ = ["Hash", "from_hash", "is_gb", "to_hash"]
