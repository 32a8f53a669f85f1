"""Schema versions this release reads, and migrations from older ones.

See docs/versioning.md for the compatibility policy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .model.document import SCHEMA_URI, SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

#: version -> (next version, function that rewrites a document of that version into it)
_MIGRATIONS: dict[str, tuple[str, Migration]] = {}

_VERSION_IN_URI = re.compile(r"/schema/([0-9]+\.[0-9]+)/document\.json$")


def migration(from_version: str, to_version: str) -> Callable[[Migration], Migration]:
    """Register a function that upgrades a document from one version to the next."""

    def decorate(func: Migration) -> Migration:
        _MIGRATIONS[from_version] = (to_version, func)
        return func

    return decorate


def readable_versions() -> list[str]:
    """Every version this release reads: the current one and all it can migrate from."""
    return sorted({SCHEMA_VERSION, *_MIGRATIONS}, key=lambda v: tuple(map(int, v.split("."))))


def version_of(schema_value: object) -> str | None:
    """The version named by a ``$schema`` value, or None when it names none."""
    if not isinstance(schema_value, str):
        return None
    if schema_value == SCHEMA_URI:
        return SCHEMA_VERSION
    match = _VERSION_IN_URI.search(schema_value)
    return match.group(1) if match else None


def uri_for(version: str) -> str:
    """The ``$schema`` URI of a version."""
    return f"https://mrstd.dev/schema/{version}/document.json"


def upgrade(data: dict[str, Any], version: str) -> dict[str, Any]:
    """Apply migrations until ``data`` is at the current version.

    Raises KeyError when there is no path from ``version``.
    """
    while version != SCHEMA_VERSION:
        next_version, func = _MIGRATIONS[version]
        data = func(dict(data))
        data["$schema"] = uri_for(next_version)
        version = next_version
    return data


@migration("1.0", "1.1")
def _from_1_0(data: dict[str, Any]) -> dict[str, Any]:
    """1.1 only adds optional fields and types (issue 12): a 1.0 document is unchanged."""
    return data


@migration("1.1", "1.2")
def _from_1_1(data: dict[str, Any]) -> dict[str, Any]:
    """1.2 only adds ``metadata.drafting_rules`` (issue 14): a 1.1 document is unchanged."""
    return data
