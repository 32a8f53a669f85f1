"""Native XML: examples, goldens, exact text, embedded MathML, errors with positions."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pydantic import ValidationError

import mrstd
from mrstd.errors import ConversionError, DocumentError, UnsupportedVersionError
from mrstd.formats import Change, ConversionLog, detect_format, get_format
from mrstd.formats.native_json import dumps_bytes as json_dumps
from mrstd.formats.native_json import loads_bytes as json_loads
from mrstd.formats.native_xml import MATHML_NS, NAMESPACE, dumps_bytes, loads_bytes
from mrstd.formats.native_xml.xsd import XSD_PATH, generate_xsd
from mrstd.model import (
    Clause,
    Document,
    DocumentIdentifier,
    ForeignBlock,
    Formula,
    Metadata,
    Paragraph,
    Preformat,
    Style,
    Styled,
    Text,
    Xref,
)
from support import check_golden

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
GOLDEN = ROOT / "tests" / "golden" / "xml"


def _doc(*blocks: object, **metadata: object) -> Document:
    return Document(
        metadata=Metadata(identifier=DocumentIdentifier(value="ISO 1:2020"), **metadata),  # type: ignore[arg-type]
        body=(Clause(id="c1", blocks=tuple(blocks)),),  # type: ignore[arg-type]
    )


def _round_trip(doc: Document) -> Document:
    back = loads_bytes(dumps_bytes(doc))
    assert back == doc
    return back


# ----------------------------------------------------------------- examples, goldens


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_converts_both_ways_to_identical_output(path: Path) -> None:
    json = path.read_bytes()
    doc = json_loads(json, str(path))
    xml = dumps_bytes(doc)
    assert json_dumps(loads_bytes(xml)) == json_dumps(doc)
    assert dumps_bytes(loads_bytes(xml)) == xml


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_xml_matches_golden(path: Path) -> None:
    xml = dumps_bytes(json_loads(path.read_bytes(), str(path)))
    golden = GOLDEN / f"{path.stem}.xml"
    check_golden(golden, xml)


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.xml")), ids=lambda p: p.stem)
def test_golden_validates_against_xsd(path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD_PATH)))
    assert schema.validate(etree.parse(str(path))), schema.error_log.last_error


def test_committed_xsd_is_current() -> None:
    assert XSD_PATH.read_text(encoding="utf-8") == generate_xsd(), (
        "schemas/1.0/mrstd.xsd is stale: run python -m mrstd.formats.native_xml --write-xsd"
    )


def test_xsd_is_a_valid_schema() -> None:
    etree.XMLSchema(etree.parse(str(XSD_PATH)))


# ----------------------------------------------------------------- API and registry


def test_api_reads_and_writes_xml(tmp_path: Path) -> None:
    doc = _doc(Paragraph(content=(Text(text="Hello"),)))
    text = mrstd.dumps(doc, format="xml")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns=')
    assert mrstd.loads(text, format="xml") == doc
    assert mrstd.loads(text.encode()) == doc  # sniffed from the root element
    path = tmp_path / "out.xml"
    mrstd.dump(doc, path, format="xml")
    assert mrstd.load(path) == doc
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]  # no temporary left


def test_sniff_is_specific() -> None:
    fmt = get_format("xml")
    assert fmt.sniff is not None
    xml = dumps_bytes(_doc())
    assert fmt.sniff(xml)
    assert fmt.sniff(b"\xef\xbb\xbf<!-- c -->\n" + xml[xml.index(b"<document") :])
    assert not fmt.sniff(b'<standard xmlns:mml="http://www.w3.org/1998/Math/MathML"/>')
    assert not fmt.sniff(b'<document xmlns="urn:other"/>')
    assert not fmt.sniff(b'{"$schema": "https://mrstd.dev/schema/1.0/document.json"}')
    assert detect_format("x.bin", xml).name == "xml"


# ----------------------------------------------------------------- exact text


@pytest.mark.parametrize(
    "runs",
    [
        ("",),
        (" ",),
        ("\n\t ",),
        ("a", "b"),
        ("a", "", "b"),
        ("", ""),
        ("carriage\rreturn", "\r\n"),
        ("<&>\"'", "]]>"),
        ("  leading", "trailing  "),
        ("😀 astral", "中文"),
    ],
)
def test_text_runs_survive_exactly(runs: tuple[str, ...]) -> None:
    content = tuple(Text(text=t) for t in runs)
    styled = Styled(style=Style.EMPHASIS, content=content)
    _round_trip(_doc(Paragraph(content=(*content, styled, *content))))


def test_whitespace_in_attributes_survives() -> None:
    doc = _doc(Paragraph(id="p1", content=(Xref(target="c1", content=()),)))
    doc = Document(
        metadata=Metadata(
            identifier=DocumentIdentifier(value="ISO 1", scheme="a\tb\nc\rd  e"),
        ),
        body=doc.body,
    )
    xml = dumps_bytes(doc)
    assert b"&#13;" in xml and b"&#10;" in xml and b"&#9;" in xml
    _round_trip(doc)


def test_preformat_text_is_element_content() -> None:
    code = "def f():\r\n    return '<x>'\n\n"
    xml = dumps_bytes(_doc(Preformat(language="python", text=code)))
    assert b'<preformat language="python">def f():&#13;\n' in xml
    _round_trip(_doc(Preformat(text=code), Preformat(text="")))


def test_mixed_content_is_not_indented() -> None:
    doc = _doc(Paragraph(content=(Styled(style=Style.STRONG, content=(Xref(target="c1"),)),)))
    assert b'<paragraph><styled style="strong"><xref target="c1"/></styled></paragraph>' in (
        dumps_bytes(doc)
    )
    _round_trip(doc)


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe", "\uffff", "\ud800"])
def test_unrepresentable_characters_raise_conversion_error(char: str) -> None:
    doc = _doc(Paragraph(content=(Text(text="ok"), Text(text=f"bad{char}"))))
    with pytest.raises(ConversionError, match=r"body\[0\]\.blocks\[0\]\.content\[1\]\.text"):
        dumps_bytes(doc)


# ----------------------------------------------------------------- MathML, foreign XML

MATH = f'<math xmlns="{MATHML_NS}"><mrow><mi>x</mi><mo>=</mo><mn>2</mn></mrow></math>'


def test_mathml_is_embedded_in_the_mathml_namespace() -> None:
    doc = _doc(Formula(id="f1", mathml=MATH))
    xml = dumps_bytes(doc)
    tree = etree.fromstring(xml)
    math = tree.find(f".//{{{MATHML_NS}}}math")
    assert math is not None
    assert math.getparent().tag == f"{{{NAMESPACE}}}mathml"
    _round_trip(doc)


@pytest.mark.parametrize(
    "mathml",
    [
        f"<math xmlns='{MATHML_NS}'><mi>x</mi></math>",  # single quotes: not canonical
        f'<math xmlns="{MATHML_NS}" xmlns:u="urn:unused"><mi>x</mi></math>',
        f'<math xmlns="{MATHML_NS}"><mi>x</mi></math> ',
        f'<m:math xmlns:m="{MATHML_NS}"><m:mi>x</m:mi></m:math>',
        "<math><mi>x</mi></math>",  # no namespace
    ],
)
def test_any_mathml_element_survives(mathml: str) -> None:
    _round_trip(_doc(Formula(mathml=mathml)))


@pytest.mark.parametrize(
    "mathml", ["", "x + 1", "<not closed", "<a/><b/>", "<mrow/>", "<math>m & e < 3</math>"]
)
def test_a_string_that_is_not_one_math_element_is_refused(mathml: str) -> None:
    # A writer copies the string into its output: it must be one well-formed element.
    with pytest.raises(ValidationError):
        Formula(mathml=mathml)


@pytest.mark.parametrize(
    "xml",
    [
        '<named-content content-type="x">w</named-content>',
        '<named-content xmlns:x="urn:x" x:a="1">w<x:b/>t</named-content>',
        "<sec><title>T</title><p>x</p></sec>",
    ],
)
def test_foreign_xml_survives(xml: str) -> None:
    doc = _doc(ForeignBlock(xml=xml))
    out = dumps_bytes(doc)
    if xml.startswith("<named-content content"):
        assert b'<foreign><named-content xmlns="" content-type="x">w</named-content>' in out
    _round_trip(doc)


@pytest.mark.parametrize("xml", ["plain text", "", "<a/><b/>", "</sec><script>x</script>"])
def test_foreign_xml_that_is_not_one_element_is_refused(xml: str) -> None:
    with pytest.raises(ValidationError):
        ForeignBlock(xml=xml)


# ----------------------------------------------------------------- errors

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="https://mrstd.dev/schema/1.0">
  <metadata>
    <identifier value="ISO 1:2020"/>
    <dates published="{date}"/>
  </metadata>
  <body>
    <clause id="c1">
      <blocks>
        <paragraph>Text <xref target="c1" kind="{kind}">here</xref></paragraph>
        {extra}
      </blocks>
    </clause>
  </body>
</document>
"""


def _error(date: str = "2020", kind: str = "clause", extra: str = "") -> str:
    data = DOC.format(date=date, kind=kind, extra=extra).encode()
    with pytest.raises(DocumentError) as info:
        loads_bytes(data, "file.xml")
    return str(info.value)


def test_valid_template_reads() -> None:
    loads_bytes(DOC.format(date="2020", kind="clause", extra="").encode())


def test_bad_date_points_at_the_attribute() -> None:
    assert _error(date="20-1-1").startswith("file.xml:5:12: '20-1-1' does not match")
    assert _error(date="20-1-1").endswith("[metadata.dates.published]")


def test_bad_enum_value() -> None:
    message = _error(kind="chapter")
    assert message.startswith("file.xml:10:43: 'chapter' is not one of: clause, annex")
    assert message.endswith("[body[0].blocks[0].content[1].kind]")


def test_wrong_element() -> None:
    message = _error(extra="<para>x</para>")
    assert message.startswith("file.xml:11:9: unexpected element <para>; expected <paragraph>")
    assert message.endswith("[body[0].blocks[1]]")


def test_unknown_attribute_and_missing_required() -> None:
    assert _error(extra='<note colour="red"/>').startswith(
        "file.xml:11:15: unknown attribute 'colour'"
    )
    message = _error(extra="<paragraph><xref/></paragraph>")
    assert message.startswith("file.xml:11:20: required attribute 'target' is missing")
    assert message.endswith("[body[0].blocks[1].content[0].target]")


def test_text_in_element_only_content() -> None:
    assert "text is not allowed here" in _error(extra="stray words")


def test_unsupported_version() -> None:
    data = DOC.format(date="2020", kind="clause", extra="").replace("/1.0", "/9.9").encode()
    with pytest.raises(UnsupportedVersionError, match=r"unsupported schema version 9\.9"):
        loads_bytes(data, "file.xml")


def test_wrong_root() -> None:
    with pytest.raises(DocumentError, match="not an mrstd XML document"):
        loads_bytes(b"<standard><front/></standard>", "file.xml")


def test_malformed_xml_has_a_position() -> None:
    with pytest.raises(DocumentError, match=r"^file\.xml:2:\d+: malformed XML"):
        loads_bytes(b"<document>\n<a></b>", "file.xml")


def test_locate_maps_model_paths_to_lines() -> None:
    data = DOC.format(date="2020", kind="clause", extra="<note/>").encode()
    locate = get_format("xml").locate
    assert locate is not None
    expected = {
        ("metadata", "dates", "published"): (5, 12),
        ("body", 0, "blocks", 0, "content", 1): (10, 25),
        ("body", 0, "blocks", 1): (11, 9),
        ("body", 0, "id"): (8, 13),
    }
    assert locate(data, list(expected)) == expected  # all in one pass


def test_comments_and_processing_instructions_are_logged_as_lost() -> None:
    data = DOC.format(date="2020", kind="clause", extra="<!-- note to self -->")
    data = data.replace("<document", "<?editor hint?>\n<document").replace(
        "Text <xref", "Text <!-- inline -->more <xref"
    )
    log = ConversionLog()
    doc = get_format("xml").read(data.encode(), "file.xml", log)
    assert [(e.change, e.path, e.line) for e in log.entries] == [
        (Change.LOST, "", 2),
        (Change.LOST, "body[0].blocks[0]", 11),
        (Change.LOST, "body[0].blocks", 12),
    ]
    assert "processing instruction" in log.entries[0].detail
    assert "comment" in log.entries[1].detail
    # The text around a comment is kept, in the runs it was written in.
    runs = doc.body[0].blocks[0].content  # type: ignore[union-attr]
    assert [r.text for r in runs if isinstance(r, Text)][:2] == ["Text ", "more "]
