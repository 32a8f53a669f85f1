"""Hostile native XML inputs: each gets a clear DocumentError and no other effect."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

import mrstd
from mrstd.errors import DocumentError
from mrstd.formats.native_xml import NAMESPACE, loads_bytes

HEAD = f'<document xmlns="{NAMESPACE}"><metadata><identifier value="ISO 1"/></metadata>'


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _read_error(data: bytes) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        loads_bytes(data, "hostile.xml")
    assert str(info.value).startswith("hostile.xml:")
    return info.value


def test_external_entity_pointing_at_a_local_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE document [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        f"{HEAD}<body><clause><title>&xxe;</title></clause></body></document>"
    ).encode()
    error = _read_error(data)
    assert "entity" in str(error)
    assert "TOP-SECRET" not in str(error)


def test_billion_laughs_is_refused() -> None:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE document [{"".join(entities)}]>\n'
        f"{HEAD}<body><clause><title>&lol9;</title></clause></body></document>"
    ).encode()
    error = _read_error(data)
    assert "entity" in str(error)


def test_external_dtd_url_is_not_fetched() -> None:
    data = (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE document SYSTEM "http://example.invalid/mrstd.dtd">\n'
        f"{HEAD}</document>"
    ).encode()
    # Nothing is fetched: the DTD is ignored and the document itself reads fine.
    doc = loads_bytes(data, "hostile.xml")
    assert doc.metadata.identifier.value == "ISO 1"


def test_external_dtd_url_with_entity_use_is_refused() -> None:
    data = (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE document SYSTEM "http://example.invalid/mrstd.dtd">\n'
        f"{HEAD}<body><clause><title>&defined-remotely;</title></clause></body></document>"
    ).encode()
    error = _read_error(data)
    assert "defined-remotely" in str(error)


def test_parameter_entity_is_refused() -> None:
    data = (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE document [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>\n'
        f"{HEAD}</document>"
    ).encode()
    error = _read_error(data)
    assert "entity" in str(error)


def test_ten_thousand_levels_of_nesting_are_refused() -> None:
    depth = 10_000
    data = (
        f"{HEAD}<body><clause><title>"
        + '<styled style="strong">' * depth
        + "deep"
        + "</styled>" * depth
        + "</title></clause></body></document>"
    ).encode()
    error = _read_error(data)
    assert "nesting" in str(error) or "deep" in str(error)


def test_huge_text_node_is_refused() -> None:
    # libxml2 refuses text nodes over 10 MB without XML_PARSE_HUGE.
    data = f"{HEAD}<body><clause><title>{'a' * 11_000_000}</title></clause></body></document>"
    error = _read_error(data.encode())
    assert "malformed XML" in str(error)


def test_loading_a_hostile_file_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "in.xml"
    path.write_bytes(
        f'<!DOCTYPE document [<!ENTITY x SYSTEM "file:///etc/passwd">]>{HEAD}</document>'.encode()
    )
    with pytest.raises(DocumentError):
        mrstd.load(path)
    assert [p.name for p in tmp_path.iterdir()] == ["in.xml"]


def test_html_entities_sit_beside_the_xml_predefined_ones() -> None:
    from mrstd.formats.xmlsafe import parse_xml

    data = b"<p>&lt;a&gt; &amp;&mdash;&quot;&apos;&nbsp;&unknownname;</p>"
    with pytest.raises(DocumentError, match="unknownname"):
        parse_xml(data, "f.xml", html_entities=True)
    root = parse_xml(data.replace(b"&unknownname;", b""), "f.xml", html_entities=True)
    assert root.text == "<a> &\u2014\"'\u00a0"
