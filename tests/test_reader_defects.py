"""Regression tests for the reader defects of issue 13 (each failed before its fix)."""

from __future__ import annotations

from pathlib import Path

import pytest

import mrstd
from mrstd.formats import ConversionLog

ROOT = Path(__file__).resolve().parent.parent
WIDGET = ROOT / "examples" / "iso-widget.json"


def _codes(data: bytes, name: str) -> list[str]:
    return sorted({f.code for f in mrstd.validate_bytes(data, name)})


def test_an_id_ending_in_a_newline_is_refused_by_both_readers_alike() -> None:
    xml = mrstd.dumps(mrstd.load(WIDGET), "xml")
    at = xml.index(' id="') + 5
    end = xml.index('"', at)
    bad_xml = (xml[:end] + "&#10;" + xml[end:]).encode()
    with pytest.raises(mrstd.DocumentError):
        mrstd.loads(bad_xml, "xml")
    text = WIDGET.read_text()
    ident = xml[at:end]
    bad_json = text.replace(f'"id": "{ident}"', f'"id": "{ident}\\n"', 1).encode()
    assert bad_json != text.encode()
    with pytest.raises(mrstd.DocumentError):
        mrstd.loads(bad_json, "json")
    assert _codes(bad_xml, "w.xml") == _codes(bad_json, "w.json") == ["MRS003"]


def test_codes_come_from_where_the_error_is_raised_not_from_its_text() -> None:
    # an unknown attribute named "encoding" is a content problem, not an encoding one
    xml = mrstd.dumps(mrstd.load(WIDGET), "xml")
    close = xml.index(">", xml.index("<document"))
    bad = (xml[:close] + ' encoding="utf-8"' + xml[close:]).encode()
    assert _codes(bad, "w.xml") == ["MRS003"]
    assert _codes(b"<a>\xff</a>", "w.xml") == ["MRS002"]
    assert _codes(b"<a><b></a>", "w.xml") == ["MRS001"]


def test_invalid_yaml_is_a_syntax_finding() -> None:
    assert _codes(b"docid: [unclosed\n", "r.yaml") == ["MRS001"]


STS_WITH_COMMENTS = """<?xml version="1.0" encoding="{encoding}"?>
<!-- in the prolog -->
<standard><front><std-meta><std-ref>XYZ 1</std-ref></std-meta></front>
<body><sec><title>Scope</title>{inside}<p>Text.</p></sec></body></standard>"""


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16", "UTF-16BE"])
@pytest.mark.parametrize("inside", ["<!-- in the body -->", "<?pi in the body?>", ""])
def test_every_comment_is_logged_in_any_encoding(encoding: str, inside: str) -> None:
    # UTF-16 documents lost their comments without a word: the check for comment markers
    # searched the bytes for ASCII "<!--".
    xml = STS_WITH_COMMENTS.format(encoding=encoding, inside=inside)
    data = xml.encode(encoding)
    if encoding == "UTF-16":
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")  # with its byte order mark
    log = ConversionLog()
    mrstd.loads(data, "sts", log=log)
    lost = [e for e in log.entries if "comment or processing instruction" in e.detail]
    assert len(lost) == (2 if inside else 1), [e.detail for e in log.entries]


@pytest.mark.parametrize("encoding", ["UTF-16", "UTF-16BE", "UTF-32"])
def test_wide_encodings_read_as_utf8_does(encoding: str) -> None:
    # HTML entities, format detection and comments all looked for ASCII bytes: a UTF-16
    # document with &mdash; was refused, and one without a name went undetected.
    sts = STS_WITH_COMMENTS.format(encoding=encoding, inside="<!-- c -->").replace(
        "<p>Text.</p>", "<p>a &mdash; b</p>"
    )
    wide, narrow = sts.encode(encoding), sts.replace(encoding, "UTF-8").encode()
    logs = ConversionLog(), ConversionLog()
    docs = [mrstd.loads(data, log=log) for data, log in zip((wide, narrow), logs, strict=True)]
    assert docs[0] == docs[1]
    assert docs[0].body[0].blocks[0].content[0].text == "a \u2014 b"
    assert [e.detail for e in logs[0].entries] == [e.detail for e in logs[1].entries]
    native = mrstd.dumps(mrstd.load(WIDGET), "xml").replace(
        'encoding="UTF-8"', f'encoding="{encoding}"'
    )
    assert mrstd.loads(native.encode(encoding)) == mrstd.load(WIDGET)


def test_a_broken_utf16_document_is_an_encoding_error() -> None:
    data = "<standard>\n<body>".encode("utf-16") + b"\x00\xd8"
    with pytest.raises(mrstd.DocumentError) as caught:
        mrstd.loads(data, "sts")
    assert "not valid UTF-16" in str(caught.value) and ":2:" in str(caught.value)
    assert _codes(data, "broken.sts.xml") == ["MRS002"]
