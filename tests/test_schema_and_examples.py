"""The committed JSON Schema is current, and the examples are canonical and valid."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import mrstd
from mrstd.schema import SCHEMA_FILE, render

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def test_committed_schema_is_current() -> None:
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == render(), "schemas/ is stale: run python -m mrstd.schema --write"


def test_schema_is_draft_2020_12_with_versioned_id() -> None:
    schema = json.loads((ROOT / SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert f"/{mrstd.SCHEMA_VERSION}/" in schema["$id"]


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_is_canonical(path: Path) -> None:
    data = path.read_text(encoding="utf-8")
    assert mrstd.dumps(mrstd.loads(data)) == data


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_satisfies_schema(path: Path) -> None:
    schema = json.loads((ROOT / SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_examples_are_built_by_the_script() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_examples", ROOT / "examples" / "build_examples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, build in module.EXAMPLES.items():
        assert (ROOT / "examples" / name).read_text(encoding="utf-8") == mrstd.dumps(build()), name
