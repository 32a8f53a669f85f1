"""Issue 12: the NISO STS tag library's elements and attributes become model data, not
foreign XML, and come back from the model as they were read. Snippets written for these
tests."""

from __future__ import annotations

from typing import Any

from lxml import etree

from mrstd.formats import Change, ConversionLog
from mrstd.formats.native_json import dumps_bytes, loads_bytes
from mrstd.formats.sts import read_sts, write_sts
from mrstd.model import (
    Footnote,
    Link,
    LinkForm,
    ListBlock,
    NamedContent,
    StandardRef,
    StyledContent,
    TableMarkup,
    Xref,
    XrefKind,
)
from support import elements, foreign_fragments, xsd_errors

HEAD = '<standard xmlns:xlink="http://www.w3.org/1999/xlink"><front><std-meta>'
META = '<std-ref type="dated">XYZ 12:2031</std-ref></std-meta></front>'


def _doc(body: str, meta: str = META) -> str:
    return f"{HEAD}{meta}<body><sec id='s1'><title>T</title>{body}</sec></body></standard>"


def _round_trip(xml: str) -> tuple[Any, ConversionLog, etree._Element]:
    log = ConversionLog()
    doc = read_sts(xml.encode(), "t.xml", log)
    assert not foreign_fragments(doc), foreign_fragments(doc)
    assert not log.count(Change.OPAQUE)
    # Through canonical JSON first: the model alone carries what is written back.
    again = loads_bytes(dumps_bytes(doc), "t.json")
    assert again == doc
    out = write_sts(again, ConversionLog())
    result = etree.fromstring(out)
    errors = xsd_errors("interchange", result)
    assert not errors, errors[:3]
    return doc, log, result


def _runs(doc: Any) -> tuple[Any, ...]:
    return tuple(doc.body[0].blocks[0].content)


def _words_in_order(root: etree._Element) -> list[str]:
    """The words of the first paragraph of an output, in order."""
    return "".join(root.find(".//sec/p").itertext()).split()


def test_named_content_keeps_its_name_link_id_and_place() -> None:
    xml = _doc(
        '<p>Set <named-content content-type="value" id="v1">12</named-content> '
        '<named-content content-type="term" xlink:href="#t1">rake</named-content> units.</p>'
    )
    doc, _, out = _round_trip(xml)
    value, term = (r for r in _runs(doc) if isinstance(r, NamedContent))
    assert (value.name, value.id, value.href) == ("value", "v1", None)
    assert (term.name, term.href) == ("term", "#t1")
    assert _words_in_order(out) == ["Set", "12", "rake", "units."]
    named = out.findall(".//named-content")
    assert [n.get("content-type") for n in named] == ["value", "term"]
    assert named[1].get("{http://www.w3.org/1999/xlink}href") == "#t1"


def test_styled_content_keeps_style_and_style_type() -> None:
    xml = _doc(
        '<p><styled-content style="font-weight: bold">A</styled-content> and '
        '<styled-content style-type="normal">B <italic>c</italic></styled-content></p>'
    )
    doc, _, out = _round_trip(xml)
    first, second = (r for r in _runs(doc) if isinstance(r, StyledContent))
    assert (first.style, first.style_type) == ("font-weight: bold", None)
    assert (second.style, second.style_type) == (None, "normal")
    styled = out.findall(".//styled-content")
    assert styled[0].get("style") == "font-weight: bold"
    assert styled[1].get("style-type") == "normal" and styled[1].find("italic") is not None


def test_uri_and_email_stay_uri_and_email() -> None:
    xml = _doc(
        "<p>See <uri>https://example.org/a</uri>, "
        '<uri xlink:href="https://example.org/b">the site</uri> or '
        "<email>info@example.org</email>.</p>"
    )
    doc, _, out = _round_trip(xml)
    links = [r for r in _runs(doc) if isinstance(r, Link)]
    assert [(link.form, link.href) for link in links] == [
        (LinkForm.URI, "https://example.org/a"),
        (LinkForm.URI, "https://example.org/b"),
        (LinkForm.EMAIL, "info@example.org"),
    ]
    assert [e.tag for e in out.iter("uri", "email", "ext-link")] == ["uri", "uri", "email"]
    assert _words_in_order(out) == [
        "See",
        "https://example.org/a,",
        "the",
        "site",
        "or",
        "info@example.org.",
    ]


def test_std_id_is_kept() -> None:
    xml = _doc(
        '<p>See <std type="undated" std-id="urn:iso:std:iso:8601:-2">'
        "<std-ref>ISO 8601-2</std-ref></std>.</p>"
    )
    doc, _, out = _round_trip(xml)
    ref = next(r for r in _runs(doc) if isinstance(r, StandardRef))
    assert (ref.identifier, ref.std_id) == ("ISO 8601-2", "urn:iso:std:iso:8601:-2")
    assert out.find(".//std").get("std-id") == "urn:iso:std:iso:8601:-2"


def test_footnote_label_with_markup() -> None:
    xml = _doc('<p>Text<fn id="f1"><label><sup>1)</sup></label><p>Note text.</p></fn></p>')
    doc, _, out = _round_trip(xml)
    note = next(r for r in _runs(doc) if isinstance(r, Footnote))
    assert note.label == "1)" and note.label_content
    label = out.find(".//fn/label")
    assert label.text is None and [c.tag for c in label] == ["sup"] and label[0].text == "1)"


def test_list_content_and_table_footnote_reference() -> None:
    xml = _doc(
        '<list list-type="simple" list-content="committee"><list-item><p>TC 1</p></list-item>'
        '</list><p>Row<xref ref-type="table-fn" rid="tf1"><sup>a</sup></xref></p>'
        '<table-wrap id="t1"><table><tbody><tr><td>x</td></tr></tbody></table>'
        '<table-wrap-foot><fn id="tf1"><p>Foot.</p></fn></table-wrap-foot></table-wrap>'
    )
    doc, _, out = _round_trip(xml)
    listing = doc.body[0].blocks[0]
    assert isinstance(listing, ListBlock) and listing.content_kind == "committee"
    xref = next(r for r in doc.body[0].blocks[1].content if isinstance(r, Xref))
    assert xref.kind is XrefKind.TABLE_FOOTNOTE
    assert out.find(".//list").get("list-content") == "committee"
    assert out.find(".//xref").get("ref-type") == "table-fn"


RELEASE = (
    "<iso-meta><title-wrap xml:lang='en'><main>Rakes</main></title-wrap>"
    "<doc-ident><sdo>ISO</sdo><proj-id>62085</proj-id><language>en</language>"
    "<release-version>IS</release-version><urn>urn:iso:std:iso:62085</urn></doc-ident>"
    "<std-ref type='dated'>ISO 62085:2031</std-ref>"
    "<secretariat>SAC</secretariat><page-count count='29'/></iso-meta>"
)


def test_release_identification_secretariat_and_page_count() -> None:
    xml = f"{HEAD.replace('<std-meta>', '')}{RELEASE}</front><body/></standard>"
    doc, _, out = _round_trip(xml)
    m = doc.metadata
    assert (m.sdo, m.project_id, m.release_language, m.release_version, m.urn) == (
        "ISO",
        "62085",
        "en",
        "IS",
        "urn:iso:std:iso:62085",
    )
    assert m.secretariats == ("SAC",) and m.page_count == "29"
    meta = out.find(".//iso-meta")
    assert [c.tag for c in meta.find("doc-ident")] == [
        "sdo",
        "proj-id",
        "language",
        "release-version",
        "urn",
    ]
    assert meta.findtext("secretariat") == "SAC"
    assert meta.find("page-count").get("count") == "29"


def test_release_identification_where_doc_ident_is_not_allowed_is_carried() -> None:
    """std-meta has no doc-ident: proj-id is written directly, the rest is carried."""
    xml = f"{HEAD.replace('<std-meta>', '')}{RELEASE}</front><body/></standard>"
    doc = read_sts(xml.encode(), "t.xml", ConversionLog())
    as_std_meta = doc.model_copy(
        update={"metadata": doc.metadata.model_copy(update={"source_element": "std-meta"})}
    )
    out = write_sts(as_std_meta, ConversionLog())
    assert not xsd_errors("interchange", etree.fromstring(out))
    back = read_sts(out, "t.xml", ConversionLog())
    for field in ("sdo", "project_id", "release_language", "release_version", "urn"):
        assert getattr(back.metadata, field) == getattr(doc.metadata, field), field


def test_empty_metadata_elements_are_reported_not_kept() -> None:
    meta = (
        "<std-ref type='dated'>XYZ 1</std-ref><content-language/>"
        "<doc-ref></doc-ref><release-date> </release-date><comm-ref/></std-meta></front>"
    )
    log = ConversionLog()
    doc = read_sts(_doc("<p>x</p>", meta).encode(), "t.xml", log)
    assert not foreign_fragments(doc)
    lost = [e.detail for e in log.entries if e.change is Change.LOST]
    assert lost == [
        "empty <content-language>: it holds no value",
        "empty <doc-ref>: it holds no value",
        "empty <release-date>: it holds no value",
        "empty <comm-ref>: it holds no value",
    ]


def test_an_unknown_inline_element_keeps_its_place_and_attributes() -> None:
    """Markup outside the tag sets stays opaque, where it was (issue 12's example)."""
    xml = _doc('<p>See <a href="https://example.org" id="l1">example.org</a> for details.</p>')
    log = ConversionLog()
    doc = read_sts(xml.encode(), "t.xml", log)
    assert len(foreign_fragments(doc)) == 1 and elements(etree.fromstring(xml)) > 1
    log = ConversionLog()
    out = etree.fromstring(write_sts(doc, log))
    para = out.find(".//sec/p")
    assert para.text == "See " and para[0].tag == "a" and para[0].get("id") == "l1"
    assert para[0].tail == " for details."
    # The output is as invalid as the source, and the log says so.
    said = [e for e in log.entries if "not in the NISO STS tag set" in e.detail]
    assert [e.change for e in said] == [Change.INVALID]


OASIS_TABLE = """<table-wrap id="t1"><label>Table 1</label><caption><title>Widths</title></caption>
<oasis:table xmlns:oasis="{ns}" frame="topbot" colsep="0"><oasis:tgroup cols="3">
<oasis:colspec colname="c1" colnum="1" colwidth="2*"/><oasis:colspec colname="c2" colnum="2"
 align="char" char="."/><oasis:colspec colname="c3" colnum="3"/>
<oasis:thead><oasis:row><oasis:entry>Size</oasis:entry><oasis:entry namest="c2" nameend="c3"
 align="center">Width</oasis:entry></oasis:row></oasis:thead>
<oasis:tbody><oasis:row><oasis:entry morerows="1" valign="middle" rowsep="1">A</oasis:entry>
<oasis:entry align="char" char="." charoff="50">1.5</oasis:entry><oasis:entry>2</oasis:entry>
</oasis:row><oasis:row><oasis:entry colname="c2">3.25</oasis:entry><oasis:entry colname="c3"
 colsep="1">4</oasis:entry></oasis:row></oasis:tbody></oasis:tgroup></oasis:table></table-wrap>"""

OASIS_NAMESPACES = (
    "http://www.niso.org/standards/z39-96/ns/oasis-exchange/table",
    "http://docs.oasis-open.org/ns/oasis-exchange/table",
)


def _oasis_out(doc: Any, tag_set: str) -> tuple[etree._Element, ConversionLog]:
    log = ConversionLog()
    root = etree.fromstring(write_sts(doc, log, tag_set=tag_set))
    assert not xsd_errors(tag_set, root), xsd_errors(tag_set, root)[:3]
    return root, log


def test_oasis_tables_stay_oasis_in_the_extended_tag_set() -> None:
    for ns in OASIS_NAMESPACES:
        log = ConversionLog()
        doc = read_sts(_doc(OASIS_TABLE.format(ns=ns)).encode(), "t.xml", log)
        assert not foreign_fragments(doc) and not log.count(Change.OPAQUE)
        table = doc.body[0].blocks[0]
        assert table.markup is TableMarkup.OASIS and table.column_count == 3
        assert [(c.name, c.width, c.char) for c in table.columns] == [
            ("c1", "2*", None),
            ("c2", None, "."),
            ("c3", None, None),
        ]
        assert (table.head[0].cells[1].column, table.head[0].cells[1].colspan) == ("c2", 2)
        first = table.body[0].cells[0]
        assert (first.rowspan, first.valign, first.rowsep) == (2, "middle", "1")
        assert table.body[0].cells[1].charoff == "50"
        assert [c.column for c in table.body[1].cells] == ["c2", "c3"]
        # The docs.oasis-open.org namespace is not kept, and the log says so.
        renamed = [e for e in log.entries if "namespace" in e.detail]
        assert bool(renamed) == (ns != OASIS_NAMESPACES[0])
        root, out_log = _oasis_out(doc, "extended")
        assert not out_log.entries
        source = etree.fromstring(_doc(OASIS_TABLE.format(ns=OASIS_NAMESPACES[0])).encode())
        for path in ("//*[local-name()='table']", "//*[local-name()='entry']"):
            assert [(dict(e.attrib), (e.text or "").strip()) for e in root.xpath(path)] == [
                (dict(e.attrib), (e.text or "").strip()) for e in source.xpath(path)
            ]
        assert [dict(c.attrib) for c in root.iter(f"{{{OASIS_NAMESPACES[0]}}}colspec")] == [
            dict(c.attrib) for c in source.iter(f"{{{OASIS_NAMESPACES[0]}}}colspec")
        ]
        assert read_sts(etree.tostring(root), "again.xml", ConversionLog()) == doc


def test_interchange_has_no_oasis_tables_and_the_log_says_what_becomes_xhtml() -> None:
    doc = read_sts(
        _doc(OASIS_TABLE.format(ns=OASIS_NAMESPACES[0])).encode(), "t.xml", ConversionLog()
    )
    root, log = _oasis_out(doc, "interchange")
    assert root.find(".//table-wrap/table") is not None
    assert [e.detail for e in log.entries if e.change is Change.NORMALISED] == [
        "OASIS table written as an XHTML table: the Interchange tag set has no OASIS tables"
    ]
    assert {e.detail for e in log.entries if e.change is Change.LOST} == {
        "OASIS column specifications and rules of an XHTML table",
        "OASIS column name and rules of a cell in an XHTML table",
    }
    assert root.find(".//table").get("frame") == "hsides"  # topbot, in XHTML's words


def test_xhtml_cell_alignment_scope_and_style_are_kept() -> None:
    cell = '<td align="char" char="," charoff="40%" style="color: red" valign="top">1,5</td>'
    body = (
        '<table-wrap id="t1"><table frame="hsides" style="width: 50%"><thead><tr>'
        '<th scope="col">Mass</th></tr></thead>'
        f"<tbody><tr>{cell}</tr></tbody></table></table-wrap>"
    )
    doc, log, root = _round_trip(_doc(body))
    table = doc.body[0].blocks[0]
    assert (table.frame, table.style) == ("hsides", "width: 50%")
    assert table.head[0].cells[0].scope == "col"
    kept = table.body[0].cells[0]
    assert (kept.char, kept.charoff, kept.style, kept.valign) == (",", "40%", "color: red", "top")
    assert not log.entries
    assert dict(root.find(".//td").attrib) == dict(etree.fromstring(cell).attrib)
