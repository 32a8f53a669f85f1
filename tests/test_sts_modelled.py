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
