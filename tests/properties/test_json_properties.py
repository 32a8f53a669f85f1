"""Native JSON: round trips, byte stability, and agreement with the published JSON Schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import mrstd
from mrstd.model import SCHEMA_VERSION, Document
from mrstd.testing import document_dicts, documents

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "schemas" / SCHEMA_VERSION / "document.schema.json"
    ).read_text()
)
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
SETTINGS = settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)


@SETTINGS
@given(documents())
def test_json_round_trip_is_equal_and_byte_stable(doc: Document) -> None:
    text = mrstd.dumps(doc)
    again = mrstd.loads(text)
    assert again == doc
    assert mrstd.dumps(again) == text


@SETTINGS
@given(documents())
def test_generated_documents_satisfy_the_published_schema(doc: Document) -> None:
    errors = list(VALIDATOR.iter_errors(json.loads(mrstd.dumps(doc))))
    assert not errors, errors[0].message


# ---- mutations: pydantic and the JSON Schema must agree that each is invalid ----


def _objects(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    found: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            found.extend(_objects(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_objects(value, (*path, index)))
    return found


def _canonical(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(mrstd.dumps(Document.model_validate(data)))
    return result


def _mutate(kind: str, data: dict[str, Any], pick: int) -> dict[str, Any] | None:
    data = copy.deepcopy(data)
    objects = _objects(data)
    if kind == "unknown-field":
        _, target = objects[pick % len(objects)]
        target["no_such_field"] = 1
    elif kind == "missing-required":
        # required fields: a document's metadata, an identifier's value, a text run's text
        candidates = [
            (o, key)
            for _, o in objects
            for key in ("metadata", "value", "text")
            if key in o
            and (key != "text" or o.get("type") == "text")
            and (key != "value" or "scheme" in o)
        ]
        if not candidates:
            return None
        target, key = candidates[pick % len(candidates)]
        del target[key]
    elif kind == "wrong-type":
        candidates = [o for _, o in objects if isinstance(o.get("text"), str) or "blocks" in o]
        if not candidates:
            return None
        target = candidates[pick % len(candidates)]
        if isinstance(target.get("text"), str):
            target["text"] = 42
        else:
            target["blocks"] = "not a list"
    elif kind == "bad-enum":
        data["metadata"]["doc_type"] = "not-a-type"
    elif kind == "bad-ics":
        data["metadata"]["ics"] = [{"code": ["1", "1.2", "123", "01.02", "01.020.1"][pick % 5]}]
    elif kind == "bad-version":
        data["$schema"] = "https://mrstd.dev/schema/9.9/document.json"
    return data


@SETTINGS
@given(
    document_dicts(max_adoption_depth=0),
    st.sampled_from(
        ["unknown-field", "missing-required", "wrong-type", "bad-enum", "bad-ics", "bad-version"]
    ),
    st.integers(0, 10_000),
)
def test_mutations_are_rejected_by_both(data: dict[str, Any], kind: str, pick: int) -> None:
    mutated = _mutate(kind, _canonical(data), pick)
    assume(mutated is not None)
    assert mutated is not None
    assert not VALIDATOR.is_valid(mutated), f"schema accepted a {kind} mutation"
    with pytest.raises(mrstd.DocumentError):
        mrstd.loads(json.dumps(mutated), format="json")
