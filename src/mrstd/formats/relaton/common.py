"""What both directions of the Relaton mapping share: the record as a hash (the YAML
layout of the relaton-data-* sets, schema v1.2.9), its vocabulary, and tolerant access to
its values.

Custom fields carry what the model has no place for, so that a record survives
import and export:

* ``relaton.<what>``: a value both writers understand (the bibitem id, an invalid date...);
* ``relaton:<key>``: an unmodelled YAML key, its value as JSON (written back to YAML only);
* ``relaton-xml:<tag>``: an unmodelled XML element, verbatim (written back to XML only).
"""

from __future__ import annotations

import datetime
import json
from typing import Any

Hash = dict[str, Any]

SCHEMA_VERSION = "v1.2.9"

UNDETERMINED = "und"

#: Title types that are parts of one title, in the order they are written.
TITLE_PARTS: dict[str, str] = {
    "title-intro": "introductory",
    "title-main": "main",
    "title-part": "complementary",
    "main": "full",
}

#: Editorial group keys (YAML) and the committee type they give.
GROUPS: dict[str, str] = {
    "technical_committee": "technical",
    "subcommittee": "subcommittee",
    "workgroup": "workgroup",
    "secretariat": "secretariat",
}


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


def stripped(value: str | None) -> str | None:
    """The value without surrounding space; None when nothing is left."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def as_json(value: Any) -> str:
    """Canonical JSON of a YAML value, for an opaque custom field."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def committee_identifier(
    name: str | None, number: str | None, code: str | None, prefix: str | None
) -> str | None:
    """The identifier a committee gets when the source gives none."""
    if number:
        head = f"{prefix}/" if prefix else ""
        return f"{head}{code} {number}" if code else f"{head}{number}"
    return name


def strip_none(value: Any) -> Any:
    """A hash without its None values, at every depth."""
    if isinstance(value, dict):
        return {k: strip_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [strip_none(v) for v in value]
    return value
