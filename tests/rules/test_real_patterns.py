"""False findings seen on real documents (issue 14), each reproduced in a small STS document of
our own that has the same markup: the finding must not come back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

import mrstd
from mrstd.cli import main
from mrstd.findings import Finding
from mrstd.rules.samples import meta, sample
from mrstd.validation import validate

HEAD = """<standard xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:tbx="urn:iso:std:iso:30042:ed-1">
<front><iso-meta><title-wrap xml:lang="en"><full>Widgets</full></title-wrap>
<std-ident><originator>ISO</originator><doc-type>IS</doc-type><doc-number>99801</doc-number>
<edition>1</edition><version>2026</version></std-ident>
<std-ref type="dated">ISO 99801:2026</std-ref><pub-date>2026-01-15</pub-date></iso-meta></front>
<body>
<sec id="sec_1" sec-type="scope"><label>1</label><title>Scope</title>
<p>This document specifies widgets.</p></sec>
<sec id="sec_2" sec-type="norm-refs"><label>2</label><title>Normative references</title>
<p>There are no normative references in this document.</p></sec>
<sec id="sec_3" sec-type="terms"><label>3</label><title>Terms and definitions</title>
<p>No terms and definitions are listed in this document.</p></sec>
"""
TAIL = "</back></standard>"


def _xml(body: str, back: str = "") -> bytes:
    return (HEAD + body + "</body><back>" + back + TAIL).encode()


def _findings(body: str, back: str = "", *, select: list[str]) -> list[Finding]:
    return validate(mrstd.loads(_xml(body, back), "sts"), select=select)


def _codes(body: str, back: str = "", *, select: list[str]) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in _findings(body, back, select=select)]


BIBLIOGRAPHY = """<ref-list content-type="bibl" id="sec_bibl"><title>Bibliography</title>
<ref id="ref_10"><label>[10]</label><std><std-ref>[10]</std-ref>
<title>Berner D. Protein nitrogen combustion method. 1994</title></std></ref>
<ref id="ref_11"><label>[11]</label><mixed-citation>Buckee G. Total nitrogen in barley.
</mixed-citation></ref></ref-list>"""


def test_a_citation_by_bibliography_label_is_not_an_identifier() -> None:
    # Metanorma cites entries that are not standards by their label, as a std: "[10]".
    body = """<sec id="sec_4"><label>4</label><title>Method</title>
    <p>See <std><std-ref>[10]</std-ref></std> and <std><std-ref>[11]</std-ref></std>.</p></sec>"""
    assert _codes(body, BIBLIOGRAPHY, select=["MRS304", "MRS105"]) == []
    # A label that no entry has is still reported, as an unlisted citation.
    missing = body.replace("[11]", "[12]")
    assert _codes(missing, BIBLIOGRAPHY, select=["MRS304", "MRS105"]) == [
        (
            "MRS105",
            "[12] is cited but is not listed in the normative references or the bibliography",
        )
    ]


def test_a_document_under_preparation_is_a_valid_citation() -> None:
    # ISO/IEC Directives Part 2, 10: a document under preparation is cited with a dash for its
    # year and a footnote; Metanorma writes the dash as "--".
    body = """<sec id="sec_4"><label>4</label><title>Method</title>
    <p>Determine it as in <std><std-ref>ISO\u00a016634:--</std-ref>, 9</std>.</p></sec>"""
    back = """<ref-list content-type="bibl" id="sec_bibl"><title>Bibliography</title>
    <ref id="ref_1"><std><std-ref>ISO 16634:\u2014</std-ref><xref ref-type="fn" rid="fn_1">1)</xref>
    <fn id="fn_1"><label>1)</label><p>Under preparation.</p></fn></std></ref></ref-list>"""
    assert _codes(body, back, select=["MRS3", "MRS105"]) == []


def test_annex_numbering_reads_the_letter_after_a_no_break_space() -> None:
    # "Annex&#xa0;A" was read as the annex "Annex A", so Figure A.1 was expected as "Annex A.1".
    annex = """<app-group><app id="annex_A" content-type="inform-annex"><label>Annex\u00a0A</label>
    <annex-type>(informative)</annex-type><title>Examples</title>
    <fig id="fig_A.1"><label>Figure A.1</label><caption><title>A widget</title></caption>
    <graphic xlink:href="a.png"/></fig>
    <table-wrap id="tab_A.1"><label>Table A.1</label><caption><title>Counts</title></caption>
    <table><tbody><tr><td>1</td></tr></tbody></table></table-wrap></app></app-group>"""
    assert _codes("", annex, select=["MRS209", "MRS210"]) == []
    wrong = annex.replace("Figure A.1", "Figure A.2")
    assert [code for code, _ in _codes("", wrong, select=["MRS210"])] == ["MRS210"]


def test_an_annex_cross_reference_may_point_into_the_annex() -> None:
    # ref-type="app" to A.2.1, a clause of annex A (as Metanorma and ISO mark them).
    annex = """<app-group><app id="annex_A" content-type="inform-annex"><label>Annex A</label>
    <annex-type>(informative)</annex-type><title>Examples</title>
    <sec id="sec_A.1"><label>A.1</label><title>One</title>
    <p>As in <xref ref-type="app" rid="sec_A.2">A.2</xref>.</p></sec>
    <sec id="sec_A.2"><label>A.2</label><title>Two</title><p>Text.</p></sec></app></app-group>"""
    assert _codes("", annex, select=["MRS103"]) == []
    wrong = annex.replace('ref-type="app" rid="sec_A.2"', 'ref-type="fig" rid="sec_A.2"')
    assert [code for code, _ in _codes("", wrong, select=["MRS103"])] == ["MRS103"]


def test_a_term_reference_may_give_the_entry_number_after_the_term() -> None:
    terms = """<sec id="sec_4"><label>4</label><title>Terms</title>
    <term-sec id="ts_1"><tbx:termEntry xmlns:tbx="urn:iso:std:iso:30042:ed-1" id="term_3.1">
    <tbx:langSet xml:lang="en"><tbx:definition>mixture of gases</tbx:definition>
    <tbx:tig><tbx:term>fire effluent</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>
    <p>Measure the <tbx:entailedTerm xmlns:tbx="urn:iso:std:iso:30042:ed-1">fire effluent
    (3.1)</tbx:entailedTerm>.</p></sec>"""
    assert _codes(terms, select=["MRS110"]) == []
    other = terms.replace("fire effluent\n    (3.1)", "smoke (3.2)")
    assert [code for code, _ in _codes(other, select=["MRS110"])] == ["MRS110"]


def test_one_unmarked_terms_clause_is_one_finding_with_its_entries_related(
    tmp_path: Path,
) -> None:
    # Metanorma wrote the terms clause without sec-type="terms": 12 entries, one cause.
    entries = "".join(
        f"""<term-sec id="ts_{n}"><tbx:termEntry id="term_4.{n}">
        <tbx:langSet xml:lang="en"><tbx:definition>kind {n} of widget</tbx:definition>
        <tbx:tig><tbx:term>widget {n}</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry>
        </term-sec>"""
        for n in range(1, 4)
    )
    body = f"""<sec id="sec_4"><label>4</label><title>Widget kinds</title>{entries}</sec>"""
    found = _findings(body, select=["MRS408"])
    assert [f.code for f in found] == ["MRS408"]
    assert "3 term entries" in found[0].message and "body[3]" in found[0].message
    assert [r.path for r in found[0].related] == ["body[3].blocks[1]", "body[3].blocks[2]"]
    # Every report carries the related places: JSON as "related", SARIF as relatedLocations.
    source = tmp_path / "widgets.sts.xml"
    source.write_bytes(_xml(body))
    result = CliRunner().invoke(
        main, ["validate", str(source), "--select", "MRS408", "-f", "sarif"]
    )
    (sarif,) = json.loads(result.stdout)["runs"][0]["results"]
    related = sarif["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert all(r["physicalLocation"]["region"]["startLine"] > 1 for r in related)
    result = CliRunner().invoke(main, ["validate", str(source), "--select", "MRS408", "-f", "json"])
    (finding,) = json.loads(result.stdout)["findings"]
    assert [r["message"] for r in finding["related"]] == [
        "term entry 'term_4.2'",
        "term entry 'term_4.3'",
    ]


def test_a_source_without_identifier_is_told_so_not_that_a_placeholder_is_unparseable() -> None:
    # Without std-ref and doc-number the reader names the document "unidentified".
    xml = _xml("").replace(b'<std-ref type="dated">ISO 99801:2026</std-ref>', b"")
    doc = mrstd.loads(xml.replace(b"<doc-number>99801</doc-number>", b""), "sts")
    assert doc.metadata.identifier.scheme == "derived"
    found = validate(doc, select=["MRS615"])
    assert [(f.code, f.message) for f in found] == [("MRS615", "the document has no identifier")]


def test_messages_quote_text_with_its_line_breaks_made_spaces() -> None:
    # MRS506 quoted "'it\\n              is necessary'" from an indented source.
    annex = """<app-group><app id="annex_A" content-type="inform-annex"><label>Annex A</label>
    <annex-type>(informative)</annex-type><title>Practice</title>
    <p>For counting, it
              is necessary to reset the counter.</p></app></app-group>"""
    doc = mrstd.loads(_xml("", annex), "sts")
    found = validate(doc, select=["MRS506"], drafting_rules="iso-iec-directives-2:2021")
    assert [f.message for f in found] == [
        "an informative annex contains the requirement form 'it is necessary'"
    ]


def test_an_unparseable_identifier_is_reported_once_and_quoted_with_plain_spaces() -> None:
    body = """<sec id="sec_4"><label>4</label><title>Time</title>
    <p>As in <std><std-ref>BIPM Recommendation CCTF 3 (2017)</std-ref></std>.</p></sec>"""
    back = """<ref-list content-type="bibl" id="sec_bibl"><title>Bibliography</title>
    <ref id="ref_1"><std><std-ref>BIPM\u00a0Recommendation\u00a0CCTF\u00a03\u00a0(2017)</std-ref>
    </std></ref></ref-list>"""
    assert _codes(body, back, select=["MRS304"]) == [
        ("MRS304", "identifier 'BIPM Recommendation CCTF 3 (2017)' follows no known grammar")
    ]


def test_a_relation_names_the_designation_year_and_fits_its_hint_to_an_amendment() -> None:
    # A Relaton record: the relation's date (2022) is when it was recorded, not the year of
    # the amendment (2009); and an amendment of this very document calls for amended-by.
    doc = sample(
        meta(
            identifier={"value": "ISO 11111-7:2005"},
            dates={"published": "2005-06-01"},
            relations=[
                {"kind": "revises", "identifier": "ISO 11111-7:2005/Amd 1:2009", "date": "2022"}
            ],
        )
    )
    (found,) = validate(doc, select=["MRS705"])
    assert "which is newer (2009, its designation's year)" in found.message
    assert (
        found.hint == "ISO 11111-7:2005/Amd 1:2009 is a supplement of this document: use amended-by"
    )


def test_nested_sts_metadata_is_not_asked_for_an_adoption_link_it_cannot_hold() -> None:
    # ISOSTS nests nat-meta, reg-meta and iso-meta for an adoption; no element holds its degree.
    xml = _xml("").replace(
        b"</iso-meta></front>",
        b"</iso-meta><nat-meta><std-ref>NEN-ISO 99801:2026</std-ref></nat-meta></front>",
    )
    doc = mrstd.loads(xml, "sts")
    assert doc.adopted is not None and doc.metadata.source_element == "nat-meta"
    assert validate(doc, select=["MRS708"]) == []


def test_a_title_kept_as_foreign_xml_is_a_title() -> None:
    title = '<title-wrap xml:lang="en"><main>Widgets <unknown-markup/></main></title-wrap>'
    doc = sample(meta(titles=[], languages=[], foreign=[title]))
    assert validate(doc, select=["MRS609"]) == []
    assert [f.code for f in validate(sample(meta(titles=[], languages=[])), select=["MRS609"])] == [
        "MRS609"
    ]


def _figure(label: str, fid: str) -> dict[str, Any]:
    return {
        "type": "figure",
        "id": fid,
        "label": label,
        "caption": [{"type": "text", "text": "W"}],
        "media": [{"href": "w.png"}],
    }


def test_a_figure_kept_as_foreign_xml_takes_its_number() -> None:
    opaque = {"type": "foreign", "xml": '<fig id="f2"><label>Figure 2</label><weird/></fig>'}
    blocks = [_figure("Figure 1", "f1"), opaque, _figure("Figure 3", "f3")]
    general = {"id": "general", "label": "4", "title": [{"type": "text", "text": "General"}]}
    doc = sample({"body": ["...", {**general, "blocks": blocks}]})
    assert validate(doc, select=["MRS210"], drafting_rules="iso-iec-directives-2:2021") == []
    without = sample({"body": ["...", {**general, "blocks": [blocks[0], blocks[2]]}]})
    found = validate(without, select=["MRS210"], drafting_rules="iso-iec-directives-2:2021")
    assert [f.code for f in found] == ["MRS210"]


def test_cross_references_of_one_wrong_kind_are_one_finding() -> None:
    # Metanorma writes ref-type="sec" for cross-references to figures: one cause.
    figures = [_figure("Figure 1", "f1"), _figure("Figure 2", "f2")]
    xrefs = [{"type": "xref", "target": t, "kind": "clause"} for t in ("f1", "f2", "f1")]
    text = {"type": "paragraph", "content": xrefs}
    general = {"id": "general", "label": "4", "title": [{"type": "text", "text": "General"}]}
    doc = sample({"body": ["...", {**general, "blocks": [*figures, text]}]})
    (found,) = validate(doc, select=["MRS103"])
    assert (
        found.message == "3 cross-references of kind clause point at a figure (the first at 'f1')"
    )
    assert [r.message for r in found.related] == ["points at 'f2'", "points at 'f1'"]


def test_punctuation_a_std_ref_took_in_is_not_part_of_the_identifier() -> None:
    body = """<sec id="sec_4"><label>4</label><title>Terms</title>
    <p>See <std><std-ref>IEC 60050-113:2011, </std-ref></std>clause 113.</p></sec>"""
    back = """<ref-list content-type="bibl" id="sec_bibl"><title>Bibliography</title>
    <ref id="ref_1"><std><std-ref>IEC 60050-113:2011</std-ref></std></ref></ref-list>"""
    assert _codes(body, back, select=["MRS304", "MRS105"]) == []
