"""Regression tests for issue 13's hostile inputs and faults (each failed before its fix).

Every input is made here; none is copied from the corpus."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import mrstd
from mrstd.cli import main
from mrstd.ids import IdentifierError, parse

ROOT = Path(__file__).resolve().parent.parent
WIDGET = ROOT / "examples" / "iso-widget.json"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _widget() -> dict[str, object]:
    data: dict[str, object] = json.loads(WIDGET.read_text())
    return data


def _codes(data: bytes, name: str) -> list[str]:
    return sorted({f.code for f in mrstd.validate_bytes(data, name)})


ALIAS_BOMB = b"""a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
docid: {id: ISO 1}
title: *g
"""


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    source = tmp_path / "bomb.yaml"
    source.write_bytes(ALIAS_BOMB)
    started = time.monotonic()
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "o.json"))
    assert code == 1 and "aliases expand beyond" in err
    assert time.monotonic() - started < 30  # a guard against a hang, not a speed test
    assert _codes(ALIAS_BOMB, "bomb.yaml") == ["MRS001"]


@pytest.mark.parametrize(
    "yaml",
    [
        b"docid: {id: ISO 1}\ntitle: x\ndate: [{type: published, value: 2026-02-30}]\n",
        b"docid: {id: ISO 1}\ntitle: x\nedition: " + b"9" * 100_000 + b"\n",
    ],
)
def test_yaml_values_python_cannot_hold_are_document_errors(yaml: bytes, tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_bytes(yaml)
    code, _, err = run("convert", str(source), "-o", str(tmp_path / "o.json"))
    assert code == 1 and "invalid YAML value" in err and "internal error" not in err


def test_a_year_json_cannot_write_is_refused_on_load() -> None:
    data = _widget()
    data["metadata"]["copyright"][0]["year"] = 10**29  # type: ignore[index]
    with pytest.raises(mrstd.DocumentError, match="9999"):
        mrstd.loads(json.dumps(data), "json")


@pytest.mark.parametrize(
    "mathml", ["<math>m & e < 3</math>", "<math/></sec><script>x</script>", "<mrow/>"]
)
def test_foreign_strings_are_checked_on_load(mathml: str) -> None:
    text = WIDGET.read_text()
    data = json.loads(text)
    formula = data["body"][4]["subclauses"][2]["blocks"][1]
    assert "mathml" in formula
    formula["mathml"] = mathml
    with pytest.raises(mrstd.DocumentError):
        mrstd.loads(json.dumps(data), "json")


def test_control_characters_are_never_written_into_xml() -> None:
    data = _widget()
    data["metadata"]["titles"][0]["main"] = "Rot\x01ational"  # type: ignore[index]
    doc = mrstd.loads(json.dumps(data), "json")
    for fmt in ("xml", "sts", "relaton-xml"):
        with pytest.raises(mrstd.ConversionError, match="U\\+0001"):
            mrstd.dumps(doc, fmt)


def test_many_namespace_declarations_are_refused_quickly() -> None:
    declarations = " ".join(f'xmlns:p{i}="urn:x:{i}"' for i in range(100_000))
    xml = f"<standard {declarations}><front/><body><p>x<p1:y/></p></body></standard>"
    started = time.monotonic()
    with pytest.raises(mrstd.DocumentError, match="namespace prefixes"):
        mrstd.loads(xml.encode(), "sts")
    assert time.monotonic() - started < 30


def test_many_attributes_are_refused_quickly() -> None:
    xml = mrstd.dumps(mrstd.load(WIDGET), "xml")
    at = xml.index("<document") + len("<document")
    attributes = " ".join(f'a{i}="v"' for i in range(100_000))
    started = time.monotonic()
    with pytest.raises(mrstd.DocumentError, match="a0"):
        mrstd.loads((xml[:at] + " " + attributes + xml[at:]).encode(), "xml")
    assert time.monotonic() - started < 30


def test_identifier_nesting_is_an_identifier_error() -> None:
    for text in ("GB/T 1-2000/" * 2000 + "ISO 1", "BS EN " * 2000 + "ISO 1"):
        with pytest.raises(IdentifierError, match="layers"):
            parse(text)


def test_an_id_batch_goes_on_after_a_bad_line() -> None:
    code, out, err = run("id", "parse", stdin=b"|ISO 9001\nISO 9001:2015\n")
    assert code == 1
    assert "ISO 9001:2015" in out and "internal error" not in err


def test_error_lines_are_capped_and_one_line_each() -> None:
    data = _widget()
    for i in range(5000):
        data["metadata"][f"k{i}"] = i  # type: ignore[index]
    data["metadata"]["evil\nw.json:1:1: MRS000 forged"] = 1  # type: ignore[index]
    with pytest.raises(mrstd.DocumentError) as caught:
        mrstd.loads(json.dumps(data), "json")
    problems = caught.value.problems
    assert len(problems) == 101 and "more problem(s)" in problems[-1].message
    rendered = [p.render("w.json") for p in problems]
    assert all("\n" not in line for line in rendered)


def test_junit_report_carries_control_characters() -> None:
    data = _widget()
    data["metadata"]["bad\x01key"] = 1  # type: ignore[index]
    code, out, _ = run("validate", "-f", "junit", "-", stdin=json.dumps(data).encode())
    assert code == 1
    from xml.dom.minidom import parseString

    parseString(out)  # well-formed


def test_schema_is_detected_as_a_key_only() -> None:
    data = _widget()
    del data["$schema"]
    data["metadata"]["titles"][0]["main"] = "$schema"  # type: ignore[index]
    with pytest.raises(mrstd.DocumentError, match="missing \\$schema"):
        mrstd.loads(json.dumps(data), "json")
    moved = _widget()
    moved["$schema"] = moved.pop("$schema")
    assert mrstd.loads(json.dumps(moved), "json").schema_version


def test_internal_entity_holding_markup_is_read() -> None:
    from mrstd.formats.xmlsafe import parse_xml

    root = parse_xml(
        b'<!DOCTYPE a [<!ENTITY e "<b>x</b>">]><a>&e;</a>', "s", allow_internal_entities=True
    )
    assert root[0].tag == "b"


def test_an_unresolved_entity_is_refused_not_kept_as_text() -> None:
    xml = (
        b'<!DOCTYPE bibdata SYSTEM "x.dtd">\n<bibdata type="standard"><title>&e;T</title></bibdata>'
    )
    with pytest.raises(mrstd.DocumentError, match="not defined"):
        mrstd.loads(xml, "relaton-xml")


CALS = b"""<?xml version="1.0" encoding="UTF-8"?>
<standard><front><iso-meta><std-ident><originator>ISO</originator><doc-type>IS</doc-type>
<doc-number>99999</doc-number><edition>1</edition><version>1</version></std-ident>
<title-wrap xml:lang="en"><full>Widgets</full></title-wrap></iso-meta></front>
<body><sec id="sec_1"><label>1</label><title>Tables</title>
<table-wrap id="tab_1"><label>Table 1</label><caption><title>Widths</title></caption>
<table xmlns="-//OASIS//DTD XML Exchange Table Model 19990315//EN" frame="all"><tgroup cols="2">
<colspec colname="c1"/><colspec colname="c2"/><tbody><row><entry>small</entry><entry>10 mm</entry>
</row></tbody></tgroup></table></table-wrap></sec></body></standard>
"""


def test_cals_table_with_a_public_identifier_namespace_is_read_with_a_warning() -> None:
    doc = mrstd.loads(CALS, "sts")
    table = doc.body[0].blocks[0]
    assert type(table).__name__ == "Table"
    findings = mrstd.validate_bytes(CALS, "cals.xml")
    warned = [f for f in findings if f.code == "MRS007"]
    assert len(warned) == 1 and warned[0].line == 7
