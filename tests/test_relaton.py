"""Relaton YAML and XML: mapping, round trips, relations, errors (original sample records)."""

from __future__ import annotations

import pytest

import mrstd
from mrstd.errors import DocumentError
from mrstd.formats import Change, ConversionLog, detect_format, get_format
from mrstd.formats.relaton import vocab
from mrstd.model import (
    Clause,
    ContributorRole,
    DateType,
    Degree,
    Document,
    DocumentIdentifier,
    DocumentType,
    Mandate,
    RelationKind,
    StandardScope,
)

YAML_RECORD = b"""\
---
schema-version: v1.2.9
id: XS1234-2-2021
title:
- content: Widgets
  language: [en]
  script: [Latn]
  type: title-intro
- content: Test methods
  language: [en]
  script: [Latn]
  type: title-main
- content: Part 2 Friction
  language: [en]
  script: [Latn]
  type: title-part
- content: Widgets - Test methods - Part 2 Friction
  language: [en]
  script: [Latn]
  type: main
- content: Widgets
  language: [en]
  script: [Lant]
  type: alternative
type: standard
docid:
- id: XS 1234-2:2021
  type: XS
  primary: true
- id: urn:xs:std:1234:-2
  type: URN
docnumber: '1234'
date:
- type: published
  value: 2021-03
- type: obsoleted
  value: '2024-01-15'
- type: circulated
  value: '2020-11-02'
- type: accessed
  value: '2022'
- type: adapted
  value: 2021-03-04T10:00:00
contributor:
- organization:
    name:
    - content: Example Standards Body
    abbreviation:
      content: XSB
    url: www.example.org
  role:
  - type: publisher
- person:
    name:
      completename:
        content: Ada Example
  role:
  - type: translator
edition:
  content: '2'
language: [en]
script: [Latn]
abstract:
- content: This part specifies friction tests for widgets.
  language: [en]
  script: [Latn]
  format: text/plain
docstatus:
  stage:
    value: '95'
  substage:
    value: '99'
copyright:
- owner:
  - name:
    - content: XSB
  from: '2021'
relation:
- type: obsoletes
  bibitem:
    formattedref:
      content: XS 1234-2:2015
    docid:
    - id: XS 1234-2:2015
      type: XS
      primary: true
- type: updates
  description:
    content: amends
  bibitem:
    formattedref:
      content: XS 1234-2:2015/Amd 1:2018
- type: adoptedFrom
  description:
    content: identical
  bibitem:
    docid:
    - id: ISO 9999-2:2020
      type: ISO
      primary: true
- type: adoptedAs
  description:
    content: modified
  bibitem:
    formattedref:
      content: NS 77:2022
- type: complements
  bibitem:
    formattedref:
      content: XS 1234-1:2021
place:
- Somewhere
ext:
  doctype:
    type: international-standard
  editorialgroup:
    technical_committee:
    - name: Widgets
      number: 12
      type: TC
    subcommittee:
    - name: Friction
      number: 3
      type: SC
      identifier: XS/TC 12/SC 3
  ics:
  - code: 21.040.10
    text: Widget threads
  structuredidentifier:
    project_number: '4321'
    part: '2'
    type: XS
  price_code: xs:B
"""

GB_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<bibdata type="standard">
  <fetched>2024-05-06</fetched>
  <title type="title-main" format="text/plain" language="zh" script="Hans">示例产品 技术条件</title>
  <title type="main" format="text/plain" language="zh" script="Hans">示例产品 技术条件</title>
  <docidentifier type="Chinese Standard" primary="true">GB/T 99999-2020</docidentifier>
  <date type="published"><on>2020-04-28</on></date>
  <date type="implemented"><on>2020-11-01</on></date>
  <language>zh</language>
  <script>Hans</script>
  <status><stage>activated</stage></status>
  <relation type="adoptedFrom">
    <description>nonequivalent</description>
    <bibitem><formattedref>ISO 8888:2018</formattedref></bibitem>
  </relation>
  <series><title>Sample series</title></series>
  <ext>
    <doctype>standard</doctype>
    <gbcommittee type="technical">全国示例标准化技术委员会</gbcommittee>
    <ics><code>97.040</code></ics>
    <gbtype>
      <gbscope>national</gbscope>
      <gbprefix>GB</gbprefix>
      <gbmandate>guidelines</gbmandate>
      <gbtopic>product</gbtopic>
    </gbtype>
    <ccs><code>Y61</code><text>示例</text></ccs>
    <plannumber>20190001-T-000</plannumber>
  </ext>
</bibdata>
""".encode()

YAML = get_format("relaton-yaml")
XML = get_format("relaton-xml")


def read_yaml(data: bytes = YAML_RECORD, log: ConversionLog | None = None) -> Document:
    return YAML.read(data, "rec.yaml", log or ConversionLog())  # type: ignore[misc]


def test_yaml_fields_map_onto_the_model() -> None:
    meta = read_yaml().metadata
    assert meta.identifier.value == "XS 1234-2:2021"
    assert meta.identifier.scheme == "XS"
    assert meta.alternate_identifiers[0].type.value == "urn"
    assert meta.alternate_identifiers[0].scheme is None
    title = meta.titles[0]
    assert (title.introductory, title.main, title.complementary) == (
        "Widgets",
        "Test methods",
        "Part 2 Friction",
    )
    assert title.full == "Widgets - Test methods - Part 2 Friction"
    # An invalid script code is kept as given, for validation to report.
    assert meta.titles[1].script == "Lant" and meta.titles[1].type == "alternative"
    assert meta.dates.published == "2021-03"
    assert meta.dates.withdrawn == "2024-01-15"
    kinds = {(o.type, o.label) for o in meta.dates.other}
    assert (DateType.CIRCULATED, None) in kinds and (DateType.OTHER, "accessed") in kinds
    # A date-time is not a PartialDate: kept losslessly as a custom field.
    assert ("relaton.date.adapted", "2021-03-04T10:00:00") in {
        (c.name, c.value) for c in meta.custom
    }
    assert meta.status.stage == "95.99"
    assert meta.docnumber == "1234" and meta.edition == "2"
    assert meta.contributors[1].role is ContributorRole.OTHER
    assert meta.contributors[1].original_role == "translator"
    assert meta.contributors[1].person == "Ada Example"
    tc, sc = meta.committees
    assert (tc.identifier, tc.number, tc.type_code, tc.type) == ("TC 12", "12", "TC", "technical")
    assert sc.identifier == "XS/TC 12/SC 3" and sc.type == "subcommittee"
    assert meta.ics[0].code == "21.040.10"
    assert meta.structured_identifiers[0].project_number == "4321"
    assert meta.copyright[0].year == 2021 and meta.copyright[0].holders == ("XSB",)


def test_relations_and_adoptions_are_typed() -> None:
    meta = read_yaml().metadata
    got = [(r.kind, r.identifier, r.original_type) for r in meta.relations]
    assert got == [
        (RelationKind.SUPERSEDES, "XS 1234-2:2015", None),
        (RelationKind.AMENDS, "XS 1234-2:2015/Amd 1:2018", None),
        (RelationKind.OTHER, "XS 1234-1:2021", "complements"),
    ]
    idt, mod = meta.adoptions
    assert (idt.identifier, idt.degree, idt.inverse, idt.scheme) == (
        "ISO 9999-2:2020",
        Degree.IDT,
        None,
        "ISO",
    )
    assert (mod.degree, mod.inverse) == (Degree.MOD, True)


@pytest.mark.parametrize("fmt", ["relaton-yaml", "relaton-xml"])
def test_export_then_import_gives_an_equal_document(fmt: str) -> None:
    doc = read_yaml()
    log = ConversionLog()
    again = mrstd.loads(mrstd.dumps_bytes(doc, fmt, log=log), fmt)
    m1, m2 = doc.metadata, again.metadata
    for field in ("identifier", "alternate_identifiers", "titles", "dates", "relations"):
        assert getattr(m1, field) == getattr(m2, field), field
    assert m1.adoptions == m2.adoptions
    if fmt == "relaton-yaml":
        assert again == doc
    else:
        # XML cannot carry the YAML-only opaque key (price_code) nor the record id.
        assert sorted(e.path for e in log.entries if e.change is Change.LOST) == [
            "metadata.custom[relaton.id]",
            "metadata.custom[relaton:ext.price_code]",
        ]


def test_adoption_relations_round_trip_to_the_same_relaton_relation() -> None:
    out = YAML.write(read_yaml(), ConversionLog())  # type: ignore[misc]
    text = out.decode()
    assert "type: adoptedFrom\n  description:\n    content: identical" in text
    assert "type: adoptedAs\n  description:\n    content: modified" in text
    assert "type: updates\n  description:\n    content: amends" in text
    assert "type: complements" in text


def test_gb_xml_extension() -> None:
    doc = XML.read(GB_XML, "gb.xml", ConversionLog())  # type: ignore[misc]
    meta = doc.metadata
    assert meta.scope is StandardScope.NATIONAL
    assert meta.mandate is Mandate.GUIDANCE
    assert (meta.prefix, meta.topic, meta.plan_number) == ("GB", "product", "20190001-T-000")
    assert meta.ccs[0].code == "Y61"
    assert meta.committees[0].identifier == "全国示例标准化技术委员会"
    assert meta.dates.implemented == "2020-11-01"
    assert meta.fetched == "2024-05-06"
    assert meta.status.label == "activated"
    assert meta.adoptions[0].degree is Degree.NEQ
    assert meta.doc_type is DocumentType.STANDARD
    assert any(c.name == "relaton-xml:series" for c in meta.custom)
    out = XML.write(doc, ConversionLog())  # type: ignore[misc]
    assert XML.read(out, "again.xml", ConversionLog()) == doc  # type: ignore[misc]
    assert b"<gbmandate>guidelines</gbmandate>" in out
    assert b'<gbcommittee type="technical">' in out


def test_writers_record_the_lost_body() -> None:
    doc = read_yaml()
    doc = doc.model_copy(
        update={
            "body": (Clause.model_validate({"label": "1"}),),
            "annexes": (Clause.model_validate({"label": "A"}),),
        }
    )
    for fmt in ("relaton-yaml", "relaton-xml"):
        log = ConversionLog()
        mrstd.dumps_bytes(doc, fmt, log=log)
        lost = {e.path for e in log.entries if e.change is Change.LOST}
        assert {"body", "annexes"} <= lost
    assert get_format("relaton-yaml").lossy and get_format("relaton-xml").lossy


def test_every_relaton_relation_type_maps_and_writes_back() -> None:
    assert len(vocab.RELATION_KINDS) == 64
    for rtype in [*vocab.RELATION_KINDS, "notInTheVocabulary"]:
        record = (
            YAML_RECORD.split(b"relation:\n")[0]
            + (
                f"relation:\n- type: {rtype}\n  bibitem:\n    formattedref:\n"
                "      content: XS 1:2000\n"
            ).encode()
        )
        doc = read_yaml(record)
        relations = doc.metadata.relations
        assert len(relations) == 1, rtype
        text = YAML.write(doc, ConversionLog()).decode()  # type: ignore[misc]
        assert f"- type: {rtype}\n" in text, rtype


@pytest.mark.parametrize(
    ("rtype", "description", "kind"),
    [
        ("updates", "corrects", RelationKind.CORRECTS),
        ("updatedBy", "amends", RelationKind.AMENDED_BY),
        ("obsoletes", "revises", RelationKind.REVISES),
        ("obsoletes", "replaces", RelationKind.SUPERSEDES),
        ("obsoletedBy", None, RelationKind.SUPERSEDED_BY),
        ("updates", None, RelationKind.REVISES),
    ],
)
def test_descriptions_refine_updates_and_obsoletes(
    rtype: str, description: str | None, kind: RelationKind
) -> None:
    assert vocab.relation_kind(rtype, description) is kind


def test_sniffing_and_detection() -> None:
    assert detect_format("x.txt", YAML_RECORD).name == "relaton-yaml"
    assert detect_format("x.txt", GB_XML).name == "relaton-xml"
    assert not XML.sniff(b"<standard/>")  # type: ignore[misc]
    assert not YAML.sniff(b'{"docid": 1, "title": 2}')  # type: ignore[misc]


@pytest.mark.parametrize(
    ("fmt", "data", "message"),
    [
        ("relaton-yaml", b"title: [unclosed\n", "invalid YAML"),
        ("relaton-yaml", b"- a\n- b\n", "must be a mapping"),
        ("relaton-yaml", b"title: Only a title\n", "no docidentifier"),
        ("relaton-xml", b"<reference anchor='x'/>", "root element is 'reference'"),
        ("relaton-xml", b"<documents><bibitem/><bibitem/></documents>", "collection of 2"),
        ("relaton-yaml", b"docid: {id: X 1, type: X}\next:\n  ics: {code: 123.45}\n", None),
    ],
)
def test_bad_records_give_one_line_errors(fmt: str, data: bytes, message: str | None) -> None:
    if message is None:
        doc = mrstd.loads(data, fmt)  # an invalid ICS code is kept, not fatal
        assert doc.metadata.ics == ()
        return
    with pytest.raises(DocumentError) as info:
        mrstd.loads(data, fmt, source="bad")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


# --- what real records say, kept as they say it (issue 12) ---------------------------

RECORD_AS_STATED = b"""\
---
docid:
- id: BIPM X 1
  type: BIPM
  primary: true
- id: BIPM X 1 (fr)
  type: BIPM
  primary: true
- id: urn:x:1
  type: URN
title:
- content: An untyped title
  language: [en]
- content: Un titre
  language: [fr]
  type: main
contributor:
- organization:
    name:
    - content: Nihon Kikaku Kyokai
      language: [ja]
      script: [Jpan]
    - content: Japanese Standards Association
      language: [en]
      script: [Latn]
  role:
  - type: editor
  - type: publisher
    description:
    - content: publishes it
- organization:
    name:
    - content: ''
      language: [ja]
      script: [Jpan]
  role:
  - type: author
"""


@pytest.mark.parametrize("fmt", ["relaton-yaml", "relaton-xml"])
def test_types_flags_roles_and_scripts_come_back_as_the_record_states_them(fmt: str) -> None:
    doc = read_yaml(RECORD_AS_STATED)
    meta = doc.metadata
    assert [(t.full, t.type, t.untyped) for t in meta.titles] == [
        ("An untyped title", None, True),
        ("Un titre", None, False),
    ]
    assert [(i.value, i.primary) for i in (meta.identifier, *meta.alternate_identifiers)] == [
        ("BIPM X 1", True),
        ("BIPM X 1 (fr)", True),
        ("urn:x:1", False),
    ]
    first, empty = meta.contributors
    assert first.role is ContributorRole.EDITOR
    assert [(r.role, r.role_description) for r in first.more_roles] == [
        (ContributorRole.PUBLISHER, "publishes it")
    ]
    assert first.organization is not None and first.organization.script == "Jpan"
    assert empty.organization is not None and empty.organization.name == ""
    log = ConversionLog()
    out = get_format(fmt).write(doc, log)  # type: ignore[misc]
    assert not [e for e in log.entries if e.change is Change.LOST]
    text = out.decode()
    assert text.count("primary") == 2
    assert text.count("<role") == 3 if fmt == "relaton-xml" else text.count("- type:") == 3
    assert mrstd.loads(out, fmt) == doc
    # Through STS and back, the same record.
    sts = mrstd.dumps_bytes(doc, "sts", log=ConversionLog())
    back = mrstd.loads(sts, "sts").metadata
    assert back.model_copy(update={"source_element": meta.source_element}) == meta


def test_a_record_without_a_primary_docid_gets_none_on_the_way_back() -> None:
    doc = read_yaml(b"docid:\n- id: GB 1-2000\n- id: '1-2000'\ntitle:\n- content: T\n")
    out = mrstd.dumps_bytes(doc, "relaton-yaml")
    assert b"primary" not in out
    # A document from elsewhere says nothing, and its identifier is then the primary one.
    plain = doc.model_copy(
        update={
            "metadata": doc.metadata.model_copy(
                update={
                    "identifier": DocumentIdentifier(value="GB 1-2000"),
                    "alternate_identifiers": (DocumentIdentifier(value="1-2000"),),
                }
            )
        }
    )
    assert mrstd.dumps_bytes(plain, "relaton-yaml").count(b"primary: true") == 1


@pytest.mark.parametrize(
    ("record", "path", "said"),
    [
        (b"contributor: ISO\n", "contributor[0]", '"ISO" is not a contributor'),
        (b"edition: [1, 2]\n", "edition", "[2] is not part of edition"),
        (
            b"relation:\n- type: updates\n  bibitem: 7\n",
            "relation[0].bibitem",
            "7 is not a bibliographic item",
        ),
        (
            b"contributor:\n- organization: ISO\n  role: [publisher]\n",
            "contributor[0].organization",
            '"ISO" is not an organization',
        ),
        (
            b"contributor:\n- organization:\n    subdivision: [TC 1]\n  role: [author]\n",
            "contributor[0].organization",
            "an organization without name or abbreviation (subdivision)",
        ),
    ],
)
def test_malformed_values_are_logged_not_dropped(record: bytes, path: str, said: str) -> None:
    log = ConversionLog()
    doc = read_yaml(b"docid:\n- id: X 1\ntitle:\n- content: T\n" + record, log)
    lost = [e for e in log.entries if e.change is Change.LOST and e.path == path]
    assert lost and said in lost[0].detail, log.entries
    assert doc.metadata.relations == () and doc.metadata.contributors == ()
