"""Bad JSON input: one clear error with file, line, column and path; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

import mrstd
from mrstd.model import Document, DocumentIdentifier, Metadata

GOOD = mrstd.dumps(Document(metadata=Metadata(identifier=DocumentIdentifier(value="ISO 1:2020"))))


def _error(data: bytes | str) -> str:
    with pytest.raises(mrstd.DocumentError) as info:
        mrstd.loads(data, format="json", source="doc.json")
    return str(info.value)


def test_empty_input() -> None:
    assert _error(b"").startswith("doc.json:1:1: invalid JSON")


def test_truncated_json() -> None:
    assert "invalid JSON" in _error(GOOD[:40])


def test_not_an_object() -> None:
    assert _error("[1, 2]") == "doc.json:1:1: a document must be a JSON object"


def test_non_utf8_names_the_byte() -> None:
    message = _error(GOOD.encode().replace(b"ISO 1", b"ISO \xff"))
    assert "not UTF-8" in message and "0xff" in message
    assert message.startswith("doc.json:5:")


def test_unknown_field_names_line_and_path() -> None:
    data = GOOD.replace('"scheme": null', '"scheme": null,\n      "colour": "red"')
    assert _error(data) == "doc.json:8:17: unknown field [metadata.identifier.colour]"


def test_wrong_type() -> None:
    data = GOOD.replace('"value": "ISO 1:2020"', '"value": 12')
    assert (
        _error(data) == "doc.json:5:16: input should be a valid string [metadata.identifier.value]"
    )


def test_bad_enum_value() -> None:
    data = GOOD.replace('"type": "reference"', '"type": "nickname"')
    message = _error(data)
    assert (
        message.startswith("doc.json:6:15: input should be")
        and "[metadata.identifier.type]" in message
    )


def test_missing_required_field_points_at_parent() -> None:
    data = GOOD.replace('"value": "ISO 1:2020",', "")
    assert _error(data).endswith("required field is missing [metadata.identifier.value]")


def test_bad_date_format() -> None:
    data = GOOD.replace('"published": null', '"published": "15/03/2026"')
    assert "[metadata.dates.published]" in _error(data)


def test_unknown_block_type_in_union() -> None:
    data = GOOD.replace('"body": []', '"body": [{"blocks": [{"type": "poem"}]}]')
    message = _error(data)
    assert "unknown type 'poem'" in message and "[body[0].blocks[0]]" in message


def test_newer_schema_version() -> None:
    data = GOOD.replace("/schema/1.2/", "/schema/2.0/")
    message = _error(data)
    assert message == (
        "doc.json:2:14: unsupported schema version 2.0; this release reads 1.0, 1.1, 1.2 [$schema]"
    )


def test_missing_schema_key() -> None:
    data = GOOD.replace('"$schema": "https://mrstd.dev/schema/1.2/document.json",', "")
    assert "missing $schema" in _error(data)


def test_deep_nesting_is_refused() -> None:
    assert "invalid JSON" in _error("[" * 100_000 + "]" * 100_000)


def test_deep_model_nesting_is_refused() -> None:
    styled = '{"type": "styled", "style": "strong", "content": [' * 400 + "]}" * 400
    data = GOOD.replace('"body": []', '"body": [{"title": [' + styled + "]}]")
    assert "doc.json" in _error(data)


def test_byte_order_mark_is_accepted() -> None:
    assert mrstd.loads(b"\xef\xbb\xbf" + GOOD.encode(), format="json") is not None


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(mrstd.MrstdError, match="no such file"):
        mrstd.load(tmp_path / "absent.json")


def test_load_directory(tmp_path: Path) -> None:
    with pytest.raises(mrstd.MrstdError, match="is a directory"):
        mrstd.load(tmp_path, format="json")
