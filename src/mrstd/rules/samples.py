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
        "identifier": {"value": "ISO 12345:2020"},
        "titles": [{"language": "en", "main": "Widgets", "complementary": "Counting"}],
        "languages": ["en"],
        "status": {"stage": "60.60", "lifecycle": "published"},
        "dates": {"published": "2020-03-01"},
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
    """``patch`` merged into ``base``: dicts recursively, lists replaced or (after ``"..."``) extended."""
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
