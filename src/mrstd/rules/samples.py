"""The small valid document every rule's examples patch: its failing and passing fixtures."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from ..model import SCHEMA_URI, Document

KEEP = "..."


def para(text: str, **extra: Any) -> dict[str, Any]:
    """A paragraph of plain text."""
    return {"type": "paragraph", "content": [{"type": "text", "text": text}], **extra}


SCOPE: dict[str, Any] = {
    "id": "scope",
    "label": "1",
    "kind": "scope",
    "title": [{"type": "text", "text": "Scope"}],
    "blocks": [para("This document specifies how widgets are counted.")],
}
NORMATIVE_REFERENCES: dict[str, Any] = {
    "id": "norm-refs",
    "label": "2",
    "kind": "normative-references",
    "title": [{"type": "text", "text": "Normative references"}],
    "blocks": [para("There are no normative references in this document.")],
}
TERMS: dict[str, Any] = {
    "id": "terms",
    "label": "3",
    "kind": "terms-and-definitions",
    "title": [{"type": "text", "text": "Terms and definitions"}],
    "blocks": [para("No terms and definitions are listed in this document.")],
}
GENERAL: dict[str, Any] = {
    "id": "counting",
    "label": "4",
    "title": [{"type": "text", "text": "Counting"}],
    "blocks": [para("Widgets shall be counted twice.")],
}

BASE: dict[str, Any] = {
    "$schema": SCHEMA_URI,
    "metadata": {
        "identifier": {"value": "ISO 12345:2022"},
        "titles": [{"language": "en", "main": "Widgets", "complementary": "Counting"}],
        "languages": ["en"],
        "status": {"stage": "60.60", "lifecycle": "published"},
        "dates": {"published": "2022-03-01"},
        "ics": [{"code": "03.120.10"}],
    },
    "preface": [
        {
            "id": "foreword",
            "kind": "foreword",
            "title": [{"type": "text", "text": "Foreword"}],
            "blocks": [para("This first edition was prepared by a technical committee.")],
        }
    ],
    "body": [SCOPE, NORMATIVE_REFERENCES, TERMS, GENERAL],
}


def merge(base: Any, patch: Any) -> Any:
    """``patch`` merged into ``base``: dicts key by key, lists replaced or extended.

    A list whose first item is ``"..."`` extends the base list.
    """
    if isinstance(patch, Mapping):
        out = dict(base) if isinstance(base, Mapping) else {}
        for key, value in patch.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = merge(out.get(key), value)
        return out
    if isinstance(patch, list):
        if patch and patch[0] == KEEP:
            kept = list(base) if isinstance(base, list) else []
            return kept + [merge(None, item) for item in patch[1:]]
        return [merge(None, item) for item in patch]
    return copy.deepcopy(patch)


def sample_data(patch: Mapping[str, Any] | None) -> dict[str, Any]:
    """The base document as JSON data with ``patch`` applied."""
    data: dict[str, Any] = merge(BASE, patch or {})
    return data


def sample(patch: Mapping[str, Any] | None) -> Document:
    """The base document with ``patch`` applied, as a model."""
    return Document.model_validate(sample_data(patch))


def text(value: str) -> dict[str, Any]:
    """A plain text run."""
    return {"type": "text", "text": value}


def clause(
    clause_id: str, label: str | None, title: str, *blocks: Any, **extra: Any
) -> dict[str, Any]:
    """A clause with a title and blocks."""
    out: dict[str, Any] = {"id": clause_id, "title": [text(title)], "blocks": list(blocks), **extra}
    if label is not None:
        out["label"] = label
    return out


def extra_clause(*blocks: Any) -> dict[str, Any]:
    """A patch adding clause 5 with these blocks to the base body."""
    return {"body": [KEEP, clause("marking", "5", "Marking", *blocks)]}


def xref_para(target: str, kind: str | None = None) -> dict[str, Any]:
    """A paragraph holding one cross-reference."""
    ref: dict[str, Any] = {"type": "xref", "target": target}
    if kind:
        ref["kind"] = kind
    return {"type": "paragraph", "content": [text("See "), ref, text(".")]}


def term(
    term_id: str,
    designation: str,
    definition: str = "number of widgets counted in one batch",
    **extra: Any,
) -> dict[str, Any]:
    """A term entry with one preferred term and one definition."""
    return {
        "type": "term-entry",
        "id": term_id,
        "designations": [{"text": designation}],
        "definitions": [{"content": [text(definition)]}],
        **extra,
    }


def terms_clause(*entries: Any) -> dict[str, Any]:
    """Clause 3 holding these term entries."""
    return {
        **TERMS,
        "blocks": [para("For the purposes of this document, these terms apply."), *entries],
    }


def sref(
    identifier: str, locality: list[dict[str, str]] | None = None, reference: str | None = None
) -> dict[str, Any]:
    """A citation of a standard in running text."""
    out: dict[str, Any] = {
        "type": "standard-ref",
        "identifier": identifier,
        "content": [text(identifier)],
    }
    if locality:
        out["locality"] = locality
    if reference:
        out["reference"] = reference
    return out


def cites(*runs: Any) -> dict[str, Any]:
    """Clause 4 with one paragraph holding these runs."""
    return {
        **GENERAL,
        "blocks": [{"type": "paragraph", "content": [text("Weigh widgets as in "), *runs]}],
    }


def entry(ref_id: str, identifier: str, **extra: Any) -> dict[str, Any]:
    """A reference entry."""
    return {"type": "reference", "id": ref_id, "identifier": identifier, **extra}


def norm_refs(*entries: Any) -> dict[str, Any]:
    """Clause 2 listing these entries."""
    lead = para("The following documents are referred to in the text.")
    return {**NORMATIVE_REFERENCES, "blocks": [lead, *entries]}


def body(
    norm: dict[str, Any] | None = None,
    general: dict[str, Any] | None = None,
    *more: Any,
    terms: dict[str, Any] | None = None,
    scope: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A patch replacing the body: scope, normative references, terms, clause 4 and more."""
    return {
        "body": [
            scope or SCOPE,
            norm or NORMATIVE_REFERENCES,
            terms or TERMS,
            general or GENERAL,
            *more,
        ]
    }


def meta(**fields: Any) -> dict[str, Any]:
    """A patch of the metadata."""
    return {"metadata": fields}
