"""Schema versions: what this release reads, and the migration registry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import mrstd
from mrstd import versioning
from mrstd.model import SCHEMA_URI, SCHEMA_VERSION, Document, DocumentIdentifier, Metadata

GOOD = mrstd.dumps(Document(metadata=Metadata(identifier=DocumentIdentifier(value="ISO 1:2020"))))


@pytest.fixture
def legacy_version() -> Iterator[None]:
    """Register a migration from a pretend 0.9 layout, where the identifier was a plain string."""

    @versioning.migration("0.9", "1.0")
    def _from_0_9(data: dict[str, Any]) -> dict[str, Any]:
        metadata = dict(data["metadata"])
        metadata["identifier"] = {"value": metadata.pop("designation")}
        return {**data, "metadata": metadata}

    yield
    versioning._MIGRATIONS.pop("0.9")


def test_current_version_is_readable() -> None:
    assert versioning.readable_versions() == ["1.0", "1.1", "1.2"]
    assert mrstd.loads(GOOD).schema_version == SCHEMA_VERSION == "1.2"


def test_older_version_is_migrated(legacy_version: None) -> None:
    old = (
        '{"$schema": "https://mrstd.dev/schema/0.9/document.json",'
        ' "metadata": {"designation": "ISO 2:1999"}}'
    )
    doc = mrstd.loads(old, format="json")
    assert doc.metadata.identifier.value == "ISO 2:1999"
    assert versioning.readable_versions() == ["0.9", "1.0", "1.1", "1.2"]


def test_unknown_older_version_lists_readable_ones() -> None:
    old = GOOD.replace(f"/schema/{SCHEMA_VERSION}/", "/schema/0.5/")
    with pytest.raises(mrstd.UnsupportedVersionError, match=r"this release reads 1\.0, 1\.1"):
        mrstd.loads(old, format="json")


def test_schema_that_is_not_mrstd() -> None:
    other = GOOD.replace(SCHEMA_URI, "https://example.org/x")
    with pytest.raises(mrstd.UnsupportedVersionError, match="names no mrstd schema version"):
        mrstd.loads(other, format="json")


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_older_json_is_read_as_the_current_version(version: str) -> None:
    """1.1 (issue 12) and 1.2 (issue 14) add optional fields and types only: an older
    document reads unchanged."""
    old = GOOD.replace(f"/schema/{SCHEMA_VERSION}/", f"/schema/{version}/")
    assert old != GOOD
    assert mrstd.loads(old, format="json") == mrstd.loads(GOOD, format="json")


def test_version_1_0_json_is_validated_strictly() -> None:
    """A migrated document is checked as strictly as a current one: no coercion."""
    old = GOOD.replace(f"/schema/{SCHEMA_VERSION}/", "/schema/1.0/").replace(
        '"edition": null', '"edition": 2'
    )
    with pytest.raises(mrstd.DocumentError, match="valid string"):
        mrstd.loads(old, format="json")


def test_version_1_0_native_xml_is_read() -> None:
    xml = mrstd.dumps(mrstd.loads(GOOD), format="xml")
    old = xml.replace(f"https://mrstd.dev/schema/{SCHEMA_VERSION}", "https://mrstd.dev/schema/1.0")
    assert old != xml
    assert mrstd.loads(old, format="xml") == mrstd.loads(GOOD)


def test_newer_native_xml_is_refused() -> None:
    xml = mrstd.dumps(mrstd.loads(GOOD), format="xml")
    new = xml.replace(f"https://mrstd.dev/schema/{SCHEMA_VERSION}", "https://mrstd.dev/schema/1.99")
    with pytest.raises(mrstd.UnsupportedVersionError, match=r"unsupported schema version 1\.99"):
        mrstd.loads(new, format="xml")
