"""Export to Relaton then import gives an equal document, for metadata Relaton carries."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mrstd
from mrstd.formats import ConversionLog
from mrstd.model import SCHEMA_URI, Document
from mrstd.testing import metadata

_DEGREE_WORDS = {"identical", "modified", "nonequivalent", "idt", "mod", "neq"}
_REFINING = {"amends", "amendment", "corrects", "corrigendum", "revises", "revision"}
_REFINING |= {"replaces", "supersedes", "non-equivalent", "not equivalent"}
#: Kinds whose Relaton form needs a description (updates + "amends").
_DESCRIBED_KINDS = {"amends", "amended-by", "corrects", "corrected-by"}


def _plain(value: Any) -> Any:
    """Strings as Relaton keeps them: printable, one line, trimmed, not empty."""
    if isinstance(value, str):
        kept = "".join(c if c.isprintable() else " " for c in value)
        kept = re.sub(r"\s+", " ", kept).strip()
        return kept or "x"
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _identifier(ident: dict[str, Any]) -> dict[str, Any]:
    if ident.get("type") != "reference" or ident.get("scheme", "").lower() in (
        "urn",
        "doi",
        "isbn",
    ):
        ident.pop("scheme", None)
    return ident


_NO_RELATON_PLACE = (
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


def _restrict(meta: dict[str, Any]) -> dict[str, Any]:
    """Keep what Relaton carries, in the form its writer gives it back."""
    meta = _plain(meta)
    meta["identifier"] = _identifier(meta["identifier"])
    meta["alternate_identifiers"] = [_identifier(i) for i in meta["alternate_identifiers"]]
    # Relaton states primary or not for every docid; the first primary one is the document's.
    idents = [meta["identifier"], *meta["alternate_identifiers"]]
    stated = any(i.get("primary") is not None for i in idents)
    for ident in idents:
        ident["primary"] = bool(ident.get("primary"))
    meta["identifier"]["primary"] = meta["identifier"]["primary"] or not stated
    if not meta["identifier"]["primary"] and any(i["primary"] for i in idents):
        meta["identifier"]["primary"] = True
    seen: set[tuple[str, str | None]] = set()
    titles = []
    for title in meta["titles"]:
        key = (title["language"], title.get("script"))
        if title.get("untyped"):
            # An untyped title is one whole text; Relaton has no parts for it (LOST).
            title = {
                k: v for k, v in title.items() if k not in ("introductory", "main", "complementary")
            }
        parts = [p for p in ("introductory", "main", "complementary", "full") if title.get(p)]
        if key in seen or not parts or title["language"] == "und":
            continue
        seen.add(key)
        titles.append(title)
    meta["titles"] = titles
    meta["publishers"] = []
    meta.pop("originator", None)
    # Release identification, secretariats, page counts and drafting rules have no Relaton
    # place (LOST).
    for field in _NO_RELATON_PLACE:
        meta.pop(field, None)
    for contributor in meta["contributors"]:
        if contributor.get("organization"):
            contributor.pop("person", None)
    meta["contributors"] = [
        c for c in meta["contributors"] if c.get("organization") or c.get("person")
    ]
    meta.pop("doc_type_label", None)
    meta["status"].pop("lifecycle", None)
    if not meta["status"].get("stage"):
        meta["status"].pop("iteration", None)  # Relaton has no status without a stage
    # A publication date stated beside the release date (STS pub-date) has no Relaton type.
    meta["dates"]["other"] = [o for o in meta["dates"]["other"] if o["type"] != "publication"]
    for other in meta["dates"]["other"]:
        if other["type"] == "other":
            other["label"] = "accessed"
    gb = any(meta.get(k) for k in ("scope", "mandate", "prefix", "ccs"))
    for committee in meta["committees"]:
        committee["type"] = "technical"
        if gb:
            committee.pop("name", None)
    meta["copyright"] = [
        {"year": c["year"], "holders": c["holders"]} for c in meta["copyright"] if c.get("year")
    ]
    for relation in meta["relations"]:
        if relation["kind"] in _DESCRIBED_KINDS or (
            relation.get("description", "").lower() in _DEGREE_WORDS | _REFINING
        ):
            relation.pop("description", None)
        if relation["kind"] == "other":
            relation["original_type"] = "merges"
    for adoption in meta["adoptions"]:
        adoption.pop("method", None)
        adoption["deviations"] = []
    meta["custom"] = []
    return meta


def relaton_documents() -> st.SearchStrategy[Document]:
    return metadata().map(
        lambda m: Document.model_validate({"$schema": SCHEMA_URI, "metadata": _restrict(m)})
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(relaton_documents(), st.sampled_from(["relaton-yaml", "relaton-xml"]))
def test_export_then_import_is_identity(doc: Document, fmt: str) -> None:
    log = ConversionLog()
    again = mrstd.loads(mrstd.dumps_bytes(doc, fmt, log=log), fmt)
    assert again == doc, log.as_json()
