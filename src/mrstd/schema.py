"""The published JSON Schema, generated from the model.

``python -m mrstd.schema --write`` refreshes ``schemas/<version>/document.schema.json``, and
the schema of ``mrstd diff``'s JSON output, ``schemas/diff/<version>/diff.schema.json``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .changes.result import SCHEMA_FILE as DIFF_FILE
from .changes.result import schema_text as diff_schema_text
from .model import SCHEMA_VERSION, Document

SCHEMA_ID = f"https://mrstd.dev/schema/{SCHEMA_VERSION}/document.schema.json"
SCHEMA_FILE = Path("schemas") / SCHEMA_VERSION / "document.schema.json"


def _require_tags(node: Any) -> None:
    """Make each union member's ``type`` tag required, as pydantic itself requires it."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            tag = props.get("type")
            if isinstance(tag, dict) and "const" in tag:
                required = node.setdefault("required", [])
                if "type" not in required:
                    required.insert(0, "type")
        for value in node.values():
            _require_tags(value)
    elif isinstance(node, list):
        for value in node:
            _require_tags(value)


def json_schema() -> dict[str, Any]:
    """The Draft 2020-12 JSON Schema of a document."""
    schema = Document.model_json_schema()
    _require_tags(schema)
    # $schema is required in documents: it names the version they are written in.
    schema.setdefault("required", [])
    if "$schema" not in schema["required"]:
        schema["required"].insert(0, "$schema")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def render() -> str:
    """The schema as committed: sorted keys, two-space indent, final newline."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    """Write or check the committed schema file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="write schemas/<version>/")
    parser.add_argument("--root", default=".", help="project root")
    args = parser.parse_args()
    target = Path(args.root) / SCHEMA_FILE
    if args.write:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(), encoding="utf-8")
        diff_target = Path(args.root) / DIFF_FILE
        diff_target.parent.mkdir(parents=True, exist_ok=True)
        diff_target.write_text(diff_schema_text(), encoding="utf-8")
    else:
        print(render(), end="")


if __name__ == "__main__":
    main()
