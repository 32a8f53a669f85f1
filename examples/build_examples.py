"""Build the example documents in this folder from readable Python.

Run ``python examples/build_examples.py`` after changing the model; the texts are
original, written for mrstd, and describe fictitious standards.
"""

from __future__ import annotations

from pathlib import Path

import mrstd
from mrstd.model import (
    AdoptionLink,
    AdoptionMethod,
    CcsCode,
    Cell,
    Clause,
    ClauseKind,
    Committee,
    Copyright,
    Dates,
    Definition,
    DefinitionItem,
    DefinitionList,
    Degree,
    Designation,
    Deviation,
    Document,
    DocumentIdentifier,
    DocumentType,
    Example,
    Figure,
    Formula,
    IcsCode,
    IdentifierType,
    Inline,
    Layer,
    Lifecycle,
    ListBlock,
    ListItem,
    Locality,
    LocalityType,
    Localized,
    Mandate,
    Media,
    Metadata,
    Note,
    Obligation,
    Organization,
    Paragraph,
    ProvisionKind,
    ReferenceEntry,
    Relation,
    RelationKind,
    Row,
    StandardRef,
    StandardScope,
    Status,
    Style,
    Styled,
    Table,
    TermEntry,
    TermRef,
    TermSource,
    TermStatus,
    Text,
    Title,
    Xref,
)

HERE = Path(__file__).resolve().parent
MATHML = "http://www.w3.org/1998/Math/MathML"


def t(text: str) -> Text:
    return Text(text=text)


def p(*runs: Inline | str, provision: ProvisionKind | None = None) -> Paragraph:
    return Paragraph(
        content=tuple(t(r) if isinstance(r, str) else r for r in runs), provision=provision
    )


def title(text: str) -> tuple[Inline, ...]:
    return (t(text),)


def foreword(body: str, *more: Paragraph) -> Clause:
    return Clause(
        id="foreword", kind=ClauseKind.FOREWORD, title=title("Foreword"), blocks=(p(body), *more)
    )


def widget_standard() -> Document:
    """Example 1: an ISO-style International Standard."""
    scope = Clause(
        id="sec-1",
        label="1",
        kind=ClauseKind.SCOPE,
        title=title("Scope"),
        blocks=(
            p(
                "This document specifies a method for measuring the rotational balance of "
                "hand-held kitchen widgets, and the requirements that a balanced widget meets."
            ),
            p("It does not apply to widgets driven by an electric motor."),
        ),
    )
    normrefs = Clause(
        id="sec-2",
        label="2",
        kind=ClauseKind.NORMATIVE_REFERENCES,
        title=title("Normative references"),
        blocks=(
            p(
                "The following documents are referred to in the text in such a way that some "
                "or all of their content constitutes requirements of this document. For dated "
                "references, only the edition cited applies. For undated references, the latest "
                "edition of the referenced document (including any amendments) applies."
            ),
            ReferenceEntry(
                id="ref-iso-80000-3",
                identifier="ISO 80000-3:2019",
                title=title("Quantities and units — Part 3: Space and time"),
            ),
            ReferenceEntry(
                id="ref-iso-5725-2",
                identifier="ISO 5725-2",
                title=title(
                    "Accuracy (trueness and precision) of measurement methods and results — Part 2"
                ),
            ),
        ),
    )
    terms = Clause(
        id="sec-3",
        label="3",
        kind=ClauseKind.TERMS_AND_DEFINITIONS,
        title=title("Terms and definitions"),
        blocks=(
            p("For the purposes of this document, the following terms and definitions apply."),
            TermEntry(
                id="term-3.1",
                label="3.1",
                designations=(
                    Designation(text="widget", language="en"),
                    Designation(text="kitchen widget", language="en", status=TermStatus.ADMITTED),
                ),
                definitions=(
                    Definition(
                        language="en",
                        content=(t("hand-held utensil with a grip and a rotating head"),),
                    ),
                ),
                notes=(
                    Note(
                        label="Note 1 to entry",
                        blocks=(p("The head is usually made of a food-grade polymer."),),
                    ),
                ),
            ),
            TermEntry(
                id="term-3.2",
                label="3.2",
                designations=(Designation(text="imbalance", language="en"),),
                definitions=(
                    Definition(
                        language="en",
                        content=(
                            t("distance between the axis of rotation of the head of a "),
                            TermRef(target="term-3.1", content=(t("widget"),)),
                            t(" and its centre of mass"),
                        ),
                    ),
                ),
                sources=(
                    TermSource(
                        identifier="ISO 80000-3:2019",
                        locality=(Locality(type=LocalityType.CLAUSE, reference="3.1"),),
                        modified=True,
                        modification=(t("the reference to rigid bodies has been removed"),),
                    ),
                ),
            ),
        ),
    )
    symbols = Clause(
        id="sec-4",
        label="4",
        kind=ClauseKind.SYMBOLS,
        title=title("Symbols"),
        blocks=(
            DefinitionList(
                items=(
                    DefinitionItem(
                        term=(Styled(style=Style.EMPHASIS, content=(t("e"),)),),
                        definition=(p("imbalance, in millimetres"),),
                    ),
                    DefinitionItem(
                        term=(Styled(style=Style.EMPHASIS, content=(t("m"),)),),
                        definition=(p("mass of the head, in grams"),),
                    ),
                    DefinitionItem(
                        term=(Styled(style=Style.EMPHASIS, content=(t("U"),)),),
                        definition=(p("unbalance, in gram millimetres"),),
                    ),
                ),
            ),
        ),
    )
    apparatus = Clause(
        id="sec-5.1",
        label="5.1",
        title=title("Apparatus"),
        blocks=(
            p(
                "The balancing rig shall hold the widget by its grip so that the head rotates freely.",
                provision=ProvisionKind.REQUIREMENT,
            ),
            Figure(
                id="fig-1",
                label="1",
                caption=title("Balancing rig"),
                media=(
                    Media(
                        href="figures/balancing-rig.png",
                        mime_type="image/png",
                        alt="Rig holding a widget by its grip",
                    ),
                ),
                blocks=(Note(blocks=(p("The clamp is shown open."),)),),
            ),
        ),
    )
    procedure = Clause(
        id="sec-5.2",
        label="5.2",
        title=title("Procedure"),
        blocks=(
            ListBlock(
                ordered=True,
                style="alpha-lower",
                items=(
                    ListItem(
                        label="a)",
                        blocks=(
                            p(
                                "Mount the widget in the rig shown in ",
                                Xref(target="fig-1", content=(t("Figure 1"),)),
                                ".",
                            ),
                        ),
                    ),
                    ListItem(
                        label="b)", blocks=(p("Rotate the head slowly through one full turn."),)
                    ),
                    ListItem(
                        label="c)", blocks=(p("Record the largest deflection of the indicator."),)
                    ),
                ),
            ),
            p(
                "Lengths shall be expressed in the units given in ",
                StandardRef(
                    identifier="ISO 80000-3:2019",
                    reference="ref-iso-80000-3",
                    locality=(Locality(type=LocalityType.CLAUSE, reference="3"),),
                    content=(t("ISO 80000-3:2019, Clause 3"),),
                ),
                ".",
                provision=ProvisionKind.REQUIREMENT,
            ),
            Example(
                blocks=(
                    p("A deflection of 0,4 mm on a head of 30 g gives an unbalance of 12 g·mm."),
                )
            ),
        ),
    )
    calculation = Clause(
        id="sec-5.3",
        label="5.3",
        title=title("Calculation"),
        blocks=(
            p(
                "The unbalance is calculated using ",
                Xref(target="formula-1", content=(t("Formula (1)"),)),
                ":",
            ),
            Formula(
                id="formula-1",
                label="1",
                mathml=f'<math xmlns="{MATHML}"><mrow><mi>U</mi><mo>=</mo><mi>m</mi><mo>⋅</mo><mi>e</mi></mrow></math>',
                text="U = m · e",
            ),
            p(
                "The precision of the method is determined in accordance with ",
                StandardRef(
                    identifier="ISO 5725-2", reference="ref-iso-5725-2", content=(t("ISO 5725-2"),)
                ),
                ".",
            ),
        ),
    )
    method = Clause(
        id="sec-5",
        label="5",
        title=title("Test method"),
        subclauses=(apparatus, procedure, calculation),
    )
    requirements = Clause(
        id="sec-6",
        label="6",
        title=title("Requirements"),
        blocks=(
            p(
                "The unbalance of a widget shall not exceed the limit given in ",
                Xref(target="table-1", content=(t("Table 1"),)),
                " for its class.",
                provision=ProvisionKind.REQUIREMENT,
            ),
            Table(
                id="table-1",
                label="1",
                caption=title("Limits of unbalance"),
                head=(
                    Row(
                        cells=(
                            Cell(header=True, content=(t("Class"),)),
                            Cell(header=True, content=(t("Maximum unbalance (g·mm)"),)),
                        )
                    ),
                ),
                body=(
                    Row(cells=(Cell(content=(t("Domestic"),)), Cell(content=(t("15"),)))),
                    Row(cells=(Cell(content=(t("Professional"),)), Cell(content=(t("8"),)))),
                ),
                notes=(Note(blocks=(p("Professional widgets are used for longer periods."),)),),
            ),
            p("Widgets should be marked with their class.", provision=ProvisionKind.RECOMMENDATION),
            Note(blocks=(p("A marking on the grip is easy to read during use."),)),
        ),
    )
    annex_a = Clause(
        id="annex-a",
        label="A",
        kind=ClauseKind.ANNEX,
        obligation=Obligation.NORMATIVE,
        title=title("Calibration of the balancing rig"),
        blocks=(
            p(
                "The rig shall be calibrated with a reference head of known unbalance before each series of tests.",
                provision=ProvisionKind.REQUIREMENT,
            ),
            Table(
                id="table-a1",
                label="A.1",
                caption=title("Reference heads"),
                body=(
                    Row(cells=(Cell(content=(t("R1"),)), Cell(content=(t("5 g·mm"),)))),
                    Row(cells=(Cell(content=(t("R2"),)), Cell(content=(t("20 g·mm"),)))),
                ),
            ),
        ),
    )
    annex_b = Clause(
        id="annex-b",
        label="B",
        kind=ClauseKind.ANNEX,
        obligation=Obligation.INFORMATIVE,
        title=title("Results of an interlaboratory trial"),
        blocks=(
            p(
                "Seven laboratories measured five widgets each; the results are summarized in ",
                Xref(target="table-b1", content=(t("Table B.1"),)),
                ".",
            ),
            Table(
                id="table-b1",
                label="B.1",
                caption=title("Repeatability"),
                body=(
                    Row(
                        cells=(
                            Cell(content=(t("Repeatability standard deviation"),)),
                            Cell(content=(t("0,6 g·mm"),)),
                        )
                    ),
                ),
            ),
        ),
    )
    bibliography = Clause(
        id="bibliography",
        kind=ClauseKind.BIBLIOGRAPHY,
        title=title("Bibliography"),
        blocks=(
            ReferenceEntry(
                id="bib-1",
                label="[1]",
                identifier="ISO 1101:2017",
                title=title("Geometrical product specifications (GPS) — Geometrical tolerancing"),
            ),
        ),
    )
    return Document(
        metadata=Metadata(
            identifier=DocumentIdentifier(value="ISO 99801:2026"),
            alternate_identifiers=(
                DocumentIdentifier(value="urn:iso:std:iso:99801:ed-1:en", type=IdentifierType.URN),
            ),
            titles=(
                Title(
                    language="en",
                    introductory="Kitchen widgets",
                    main="Rotational balance",
                    complementary="Test method and requirements",
                    full="Kitchen widgets — Rotational balance — Test method and requirements",
                ),
                Title(
                    language="fr",
                    introductory="Ustensiles de cuisine",
                    main="Équilibre en rotation",
                    complementary="Méthode d'essai et exigences",
                    full="Ustensiles de cuisine — Équilibre en rotation — Méthode d'essai et exigences",
                ),
            ),
            publishers=(
                Organization(
                    name="International Organization for Standardization", abbreviation="ISO"
                ),
            ),
            originator="ISO",
            doc_type=DocumentType.INTERNATIONAL_STANDARD,
            status=Status(stage="60.60", lifecycle=Lifecycle.PUBLISHED),
            dates=Dates(published="2026-03-15"),
            edition="1",
            languages=("en",),
            ics=(IcsCode(code="97.040.60"),),
            committees=(Committee(identifier="ISO/TC 999/SC 1", name="Kitchen utensils"),),
            keywords=(
                Localized(text="widget", language="en"),
                Localized(text="balance", language="en"),
            ),
            abstract=(
                Localized(
                    text="Describes how to measure the rotational balance of kitchen widgets.",
                    language="en",
                ),
            ),
            copyright=(Copyright(statement="© ISO 2026", year=2026, holders=("ISO",)),),
        ),
        preface=(
            foreword(
                "This document was prepared by Technical Committee ISO/TC 999, Kitchen utensils, Subcommittee SC 1, Hand-held utensils."
            ),
            Clause(
                id="introduction",
                kind=ClauseKind.INTRODUCTION,
                title=title("Introduction"),
                blocks=(
                    p(
                        "Unbalanced widgets tire the hand. A common test lets makers and buyers compare widgets."
                    ),
                ),
            ),
        ),
        body=(scope, normrefs, terms, symbols, method, requirements),
        annexes=(annex_a, annex_b),
        back=(bibliography,),
    )


def widget_amendment() -> Document:
    """Example 4: an amendment to example 1."""
    return Document(
        metadata=Metadata(
            identifier=DocumentIdentifier(value="ISO 99801:2026/Amd 1:2027"),
            titles=(
                Title(
                    language="en",
                    introductory="Kitchen widgets",
                    main="Rotational balance",
                    complementary="Test method and requirements — Amendment 1: Widgets with folding grips",
                ),
            ),
            publishers=(
                Organization(
                    name="International Organization for Standardization", abbreviation="ISO"
                ),
            ),
            originator="ISO",
            doc_type=DocumentType.AMENDMENT,
            status=Status(stage="60.60", lifecycle=Lifecycle.PUBLISHED),
            dates=Dates(published="2027-06-01"),
            edition="1",
            languages=("en",),
            ics=(IcsCode(code="97.040.60"),),
            committees=(Committee(identifier="ISO/TC 999/SC 1"),),
            relations=(
                Relation(kind=RelationKind.AMENDS, identifier="ISO 99801:2026", date="2026-03-15"),
            ),
        ),
        preface=(
            foreword(
                "Amendment 1 to ISO 99801:2026 was prepared by Technical Committee ISO/TC 999, Subcommittee SC 1."
            ),
        ),
        body=(
            Clause(
                id="amd-5.1",
                label="5.1",
                title=title("Apparatus"),
                blocks=(
                    p("Add the following paragraph after the first paragraph:"),
                    p(
                        "For a widget with a folding grip, the grip shall be locked open during the test.",
                        provision=ProvisionKind.REQUIREMENT,
                    ),
                ),
            ),
        ),
    )


#: Who publishes a Chinese national standard, shared by the GB examples.
GB_PUBLISHER: dict[str, object] = {
    "publishers": (
        Organization(name="国家市场监督管理总局", language="zh"),
        Organization(name="国家标准化管理委员会", abbreviation="SAC", language="zh"),
    ),
    "originator": "SAC",
    "doc_type": DocumentType.NATIONAL_STANDARD,
    "scope": StandardScope.NATIONAL,
}


def _gb_body(prefix: str) -> tuple[Clause, ...]:
    return (
        Clause(
            id=f"{prefix}-1",
            label="1",
            kind=ClauseKind.SCOPE,
            title=title("范围"),
            blocks=(p("本文件规定了手持厨房器具旋转平衡的测量方法及要求。"),),
        ),
        Clause(
            id=f"{prefix}-2",
            label="2",
            kind=ClauseKind.NORMATIVE_REFERENCES,
            title=title("规范性引用文件"),
            blocks=(p("本文件没有规范性引用文件。"),),
        ),
        Clause(
            id=f"{prefix}-3",
            label="3",
            kind=ClauseKind.TERMS_AND_DEFINITIONS,
            title=title("术语和定义"),
            blocks=(
                p("下列术语和定义适用于本文件。"),
                TermEntry(
                    id=f"{prefix}-term-3.1",
                    label="3.1",
                    designations=(
                        Designation(text="器具", language="zh"),
                        Designation(text="widget", language="en"),
                    ),
                    definitions=(
                        Definition(language="zh", content=(t("带有握柄和旋转头的手持用具"),)),
                    ),
                ),
            ),
        ),
        Clause(
            id=f"{prefix}-4",
            label="4",
            title=title("要求"),
            blocks=(p("器具的不平衡量应不超过 15 g·mm。", provision=ProvisionKind.REQUIREMENT),),
        ),
    )


def gb_idt() -> Document:
    """Example 2: a GB/T standard adopting an ISO standard IDT."""
    return Document(
        metadata=Metadata(
            identifier=DocumentIdentifier(
                value="GB/T 99801-2026/ISO 99801:2026", type=IdentifierType.DOUBLE_NUMBER
            ),
            alternate_identifiers=(DocumentIdentifier(value="GB/T 99801-2026"),),
            titles=(
                Title(
                    language="zh",
                    main="厨房器具 旋转平衡 试验方法和要求",
                    full="厨房器具 旋转平衡 试验方法和要求",
                ),
                Title(
                    language="en",
                    main="Kitchen widgets—Rotational balance—Test method and requirements",
                    full="Kitchen widgets—Rotational balance—Test method and requirements",
                ),
            ),
            **GB_PUBLISHER,
            mandate=Mandate.RECOMMENDED,
            prefix="GB/T",
            status=Status(lifecycle=Lifecycle.PUBLISHED),
            dates=Dates(published="2026-09-01", implemented="2027-03-01"),
            languages=("zh",),
            ics=(IcsCode(code="97.040.60"),),
            ccs=(CcsCode(code="Y61"),),
            committees=(Committee(identifier="SAC/TC 999", name="全国厨房器具标准化技术委员会"),),
            adoptions=(
                AdoptionLink(
                    identifier="ISO 99801:2026",
                    degree=Degree.IDT,
                    method=AdoptionMethod.TRANSLATION,
                ),
            ),
        ),
        preface=(
            Clause(
                id="gb-foreword",
                kind=ClauseKind.FOREWORD,
                title=title("前言"),
                blocks=(
                    p(
                        "本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。"
                    ),
                    p("本文件等同采用ISO 99801:2026《厨房器具 旋转平衡 试验方法和要求》。"),
                ),
            ),
        ),
        body=_gb_body("gb"),
    )


def gb_mod() -> Document:
    """Example 3: a mandatory GB standard adopting MOD, superseding an earlier edition."""
    return Document(
        metadata=Metadata(
            identifier=DocumentIdentifier(value="GB 99802-2026"),
            titles=(
                Title(language="zh", main="厨房器具安全要求", full="厨房器具安全要求"),
                Title(
                    language="en",
                    main="Safety requirements for kitchen widgets",
                    full="Safety requirements for kitchen widgets",
                ),
            ),
            **GB_PUBLISHER,
            mandate=Mandate.MANDATORY,
            prefix="GB",
            status=Status(lifecycle=Lifecycle.PUBLISHED),
            dates=Dates(published="2026-05-20", implemented="2027-06-01"),
            languages=("zh",),
            ics=(IcsCode(code="97.040.60"),),
            ccs=(CcsCode(code="Y61"),),
            committees=(Committee(identifier="SAC/TC 999"),),
            relations=(
                Relation(
                    kind=RelationKind.SUPERSEDES, identifier="GB 99802-2015", date="2015-07-01"
                ),
            ),
            adoptions=(
                AdoptionLink(
                    identifier="ISO 99802:2025",
                    degree=Degree.MOD,
                    method=AdoptionMethod.REDRAFT,
                    deviations=(
                        Deviation(
                            clause="4",
                            change="最大不平衡量由 20 g·mm 改为 15 g·mm",
                            reason="适应我国消费者的使用习惯",
                        ),
                        Deviation(
                            clause="2",
                            change="删除了对 ISO 5725-2 的规范性引用",
                            reason="本文件不规定精密度试验",
                        ),
                    ),
                ),
            ),
        ),
        preface=(
            Clause(
                id="mod-foreword",
                kind=ClauseKind.FOREWORD,
                title=title("前言"),
                blocks=(
                    p(
                        "本文件代替GB 99802-2015，与GB 99802-2015相比，主要技术变化是降低了最大不平衡量。"
                    ),
                    p(
                        "本文件修改采用ISO 99802:2025。本文件与ISO 99802:2025的技术性差异及其原因见附录A。"
                    ),
                ),
            ),
        ),
        body=_gb_body("mod"),
        annexes=(
            Clause(
                id="mod-annex-a",
                label="A",
                kind=ClauseKind.ANNEX,
                obligation=Obligation.INFORMATIVE,
                title=title("本文件与ISO 99802:2025的技术性差异及其原因"),
                blocks=(p("技术性差异见元数据中的偏差列表。"),),
            ),
        ),
    )


def din_en_iso_chain() -> Document:
    """Example 5: a three-layer adoption chain, DIN EN ISO → EN ISO → ISO."""
    iso = widget_standard()
    iso_layer = Layer(
        metadata=iso.metadata,
        preface=iso.preface,
        body=iso.body,
        annexes=iso.annexes,
        back=iso.back,
    )
    en_layer = Layer(
        metadata=Metadata(
            identifier=DocumentIdentifier(value="EN ISO 99801:2026"),
            titles=(
                Title(
                    language="en",
                    full="Kitchen widgets — Rotational balance — Test method and requirements (ISO 99801:2026)",
                ),
            ),
            publishers=(
                Organization(name="European Committee for Standardization", abbreviation="CEN"),
            ),
            originator="CEN",
            doc_type=DocumentType.EUROPEAN_STANDARD,
            dates=Dates(published="2026-05-01"),
            adoptions=(
                AdoptionLink(
                    identifier="ISO 99801:2026",
                    degree=Degree.IDT,
                    method=AdoptionMethod.ENDORSEMENT,
                ),
            ),
        ),
        preface=(
            Clause(
                id="en-foreword",
                kind=ClauseKind.FOREWORD,
                title=title("European foreword"),
                blocks=(
                    p(
                        "The text of ISO 99801:2026 has been approved by CEN as EN ISO 99801:2026 without any modification."
                    ),
                ),
            ),
        ),
        annexes=(
            Clause(
                id="en-annex-za",
                label="ZA",
                kind=ClauseKind.ANNEX,
                obligation=Obligation.INFORMATIVE,
                title=title(
                    "Relationship between this European Standard and the essential requirements of the regulation concerned"
                ),
                blocks=(p("This annex lists the clauses that give a presumption of conformity."),),
            ),
        ),
        adopted=iso_layer,
    )
    return Document(
        metadata=Metadata(
            identifier=DocumentIdentifier(value="DIN EN ISO 99801:2026-09"),
            titles=(
                Title(
                    language="de",
                    full="Küchengeräte — Rotationsgleichgewicht — Prüfverfahren und Anforderungen (ISO 99801:2026); Deutsche Fassung EN ISO 99801:2026",
                ),
            ),
            publishers=(
                Organization(name="DIN Deutsches Institut für Normung e. V.", abbreviation="DIN"),
            ),
            originator="DIN",
            doc_type=DocumentType.NATIONAL_STANDARD,
            dates=Dates(published="2026-09-01"),
            languages=("de",),
            adoptions=(
                AdoptionLink(
                    identifier="EN ISO 99801:2026",
                    degree=Degree.IDT,
                    method=AdoptionMethod.TRANSLATION,
                ),
            ),
        ),
        preface=(
            Clause(
                id="din-foreword",
                kind=ClauseKind.FOREWORD,
                title=title("Nationales Vorwort"),
                blocks=(
                    p("Dieses Dokument wurde vom Arbeitsausschuss NA 999-01-01 AA erarbeitet."),
                ),
            ),
        ),
        annexes=(
            Clause(
                id="din-annex-na",
                label="NA",
                kind=ClauseKind.ANNEX,
                obligation=Obligation.INFORMATIVE,
                title=title("Nationaler Anhang"),
                blocks=(
                    p(
                        "Für die in diesem Dokument zitierten Internationalen Normen gelten die entsprechenden Deutschen Normen."
                    ),
                ),
            ),
        ),
        adopted=en_layer,
    )


EXAMPLES = {
    "iso-widget.json": widget_standard,
    "gb-t-widget-idt.json": gb_idt,
    "gb-widget-safety-mod.json": gb_mod,
    "iso-widget-amd1.json": widget_amendment,
    "din-en-iso-widget.json": din_en_iso_chain,
}


def main() -> None:
    """Write every example as canonical JSON."""
    for name, build in EXAMPLES.items():
        (HERE / name).write_text(mrstd.dumps(build()), encoding="utf-8")


if __name__ == "__main__":
    main()
