"""Parsing a Relaton record (a v1.2.x hash) into the model. Readers tolerate the v1.2 and v3
layouts; what the model cannot hold is kept in custom fields or logged. See docs/relaton.md."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from ...errors import DocumentError, Problem
from ...model import (
    Document,
    DocumentType,
    IdentifierType,
    RelationKind,
)
from ...model.enums import DateType
from ..base import Change, ConversionLog
from . import vocab
from .common import (
    GROUPS,
    TITLE_PARTS,
    UNDETERMINED,
    Hash,
    as_json,
    as_list,
    committee_identifier,
    first,
    strip_none,
    stripped,
    text,
)

_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")

_ICS = re.compile(r"^[0-9]{2}(\.[0-9]{3}(\.[0-9]{2})?)?\Z")

_CCS = re.compile(r"^[A-HJ-NP-Z][0-9]{2}\Z")

_TWO_DIGITS = re.compile(r"^[0-9]{2}\Z")

_PART_RANK = {field: rank for rank, field in enumerate(TITLE_PARTS.values())}

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
        formattedref = stripped(text(h.get("formattedref")))
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
        found = stripped(text(value))
        if found is not None:
            self.meta[field] = found

    # identifiers ------------------------------------------------------------------

    def identifiers(self) -> None:
        ids: list[dict[str, Any]] = []
        primary: int | None = None
        for i, docid in enumerate(
            as_list(self.h.get("docid")) + as_list(self.h.get("docidentifier"))
        ):
            value = stripped(text(docid))
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
                stripped(text(self.h.get("formattedref")))
                or stripped(text(self.h.get("id")))
                or stripped(text(self.h.get("_anchor")))
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
            content = stripped(text(item))
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
                    description = stripped(text(role.get("description")))
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
            abbreviation = stripped(text(value.get("abbreviation")))
            if abbreviation is None:
                keys = ", ".join(sorted(value)) or "nothing"
                self.lost(path, f"an organization without name or abbreviation ({keys})")
                return None
            names = [{"text": abbreviation}]
            self.log.add(Change.NORMALISED, path, "named by its abbreviation, which it only has")
        head = names[0]
        uri = stripped(text(value.get("url"))) or stripped(text(value.get("uri")))
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
            "abbreviation": stripped(text(value.get("abbreviation"))),
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
            return stripped(text(name))
        for key in value:
            if key != "name":
                self.lost(f"{path}.{key}", f"person {key} is not kept")
        complete = stripped(text(name.get("completename")))
        if complete:
            return complete
        given_raw = name.get("given")
        given: Hash = given_raw if isinstance(given_raw, dict) else name
        parts: list[str] = []
        for piece in as_list(name.get("prefix")):
            parts.extend(filter(None, [stripped(text(piece))]))
        forenames = [
            stripped(text(f)) or stripped(text(f.get("initial")) if isinstance(f, dict) else None)
            for f in as_list(given.get("forename"))
        ]
        parts.extend(f for f in forenames if f)
        if not any(forenames):
            initials = stripped(text(given.get("formatted_initials")))
            if initials:
                parts.append(initials)
        surname = stripped(text(name.get("surname")))
        if surname:
            parts.append(surname)
        for piece in as_list(name.get("addition")):
            parts.extend(filter(None, [stripped(text(piece))]))
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
        stage = stripped(text(stage_item))
        substage_item = value.get("substage")
        substage = stripped(text(substage_item))
        status: dict[str, Any] = {}
        if stage and substage and _TWO_DIGITS.match(stage) and _TWO_DIGITS.match(substage):
            status["stage"] = f"{stage}.{substage}"
        else:
            status["label"] = stage
            status["substage"] = substage
        if isinstance(stage_item, dict):
            status["abbreviation"] = stripped(text(stage_item.get("abbreviation")))
        if isinstance(substage_item, dict) and substage_item.get("abbreviation"):
            self.lost("docstatus.substage.abbreviation", "substage abbreviation is not kept")
        iteration = stripped(text(value.get("iteration")))
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
                name = stripped(text(body.get("name"))) if isinstance(body, dict) else None
                if name is None and isinstance(body, dict):
                    name = stripped(text(body.get("abbreviation")))
                if name is None and isinstance(owner.get("person"), dict):
                    name = self.person(owner["person"], f"copyright[{i}].owner")
                if name:
                    holders.append(name)
            start = stripped(text(item.get("from")))
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
            rtype = stripped(text(item.get("type"))) or "related"
            description = stripped(text(item.get("description")))
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
        if chosen is not None and stripped(text(chosen)):
            scheme = text(chosen.get("type")) if isinstance(chosen, dict) else None
            return stripped(text(chosen)), scheme
        for key in ("formattedref", "title", "id"):
            found = stripped(text(bib.get(key)))
            if found:
                if key != "formattedref":
                    self.log.add(Change.NORMALISED, path, f"relation target named by its {key}")
                return found, None
        return None, None

    def keywords(self, items: list[Any]) -> None:
        out: list[dict[str, Any]] = []
        for item in items:
            if isinstance(item, dict) and ("vocab" in item or "taxon" in item):
                value = stripped(text(item.get("vocab"))) or stripped(text(item.get("taxon")))
                source = item.get("vocab") or (as_list(item.get("taxon")) or [None])[0]
            else:
                value, source = stripped(text(item)), item
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
        value = stripped(
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
                raw = stripped(text(gbtype.get(key, gbtype.get(f"gb{key}"))))
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
                name = stripped(text(value.get("name", value.get("content"))))
                number = stripped(text(value.get("number")))
                code = stripped(text(value.get("type")))
                prefix = stripped(text(value.get("prefix")))
                ident = stripped(text(value.get("identifier")))
            else:
                name, number, code, prefix, ident = stripped(text(value)), None, None, None, None
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
                name = stripped(text(value))
                if name is None:
                    continue
                ctype = text(value.get("type")) if isinstance(value, dict) else None
                out.append({"identifier": name, "type": ctype or "technical"})
        self.meta["committees"] = out

    def codes(self, value: Any, pattern: re.Pattern[str], name: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for item in as_list(value):
            code = stripped(text(item.get("code")) if isinstance(item, dict) else text(item))
            label = stripped(text(item.get("text"))) if isinstance(item, dict) else None
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
                "type": stripped(text(item.get("type"))),
                "agency": [t for a in as_list(item.get("agency")) if (t := text(a))],
                "class": stripped(text(item.get("class", item.get("klass")))),
                "docnumber": stripped(text(item.get("docnumber"))),
                "project_number": stripped(text(project)),
                "part": stripped(text(item.get("part", item.get("partnumber")))),
                "subpart": stripped(text(item.get("subpart"))),
                "edition": stripped(text(item.get("edition"))),
                "version": stripped(text(item.get("version"))),
                "supplement_type": stripped(text(item.get("supplementtype"))),
                "supplement_number": stripped(text(item.get("supplementnumber"))),
                "amendment": stripped(text(item.get("amendment"))),
                "corrigendum": stripped(text(item.get("corrigendum"))),
                "language": stripped(text(item.get("language"))),
                "year": stripped(text(item.get("year"))),
                "tc_document_number": stripped(text(item.get("tc_document_number"))),
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
                        entry[field] = stripped(text(project[key]))
            out.append(entry)
        self.meta["structured_identifiers"] = out


def identifier_dict(value: str, rtype: str | None) -> dict[str, Any]:
    """A DocumentIdentifier dict from a Relaton docid value and type."""
    kind = vocab.ID_TYPES.get(rtype or "")
    if kind is None:
        return {"value": value, "type": IdentifierType.REFERENCE, "scheme": rtype}
    canonical = vocab.ID_TYPE_NAMES.get(kind) == rtype
    return {"value": value, "type": kind, "scheme": None if canonical else rtype}


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
        return Document.model_validate({"metadata": strip_none(meta)})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = "metadata." + ".".join(str(p) for p in err["loc"][1:] if p != "metadata")
        message = f"cannot represent the record: {err['msg']}"
        raise DocumentError(source, [Problem(message, 1, 1, where)]) from None
