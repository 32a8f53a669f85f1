"""Bibliographic metadata of a standards document."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..ids import parse_cached
from .base import Node, node, value_node
from .enums import (
    AdoptionMethod,
    ContributorRole,
    DateType,
    Degree,
    DocumentType,
    DraftingRules,
    IdentifierType,
    Lifecycle,
    Mandate,
    RelationKind,
    StandardScope,
)
from .types import (
    MAX_COUNT,
    CcsCodeStr,
    IcsCodeStr,
    IdentifierStr,
    LanguageTag,
    PartialDate,
    StageCode,
)


@node
class DocumentIdentifier(Node):
    """One identifier of the document, typed."""

    value: IdentifierStr
    type: IdentifierType = IdentifierType.REFERENCE
    scheme: Annotated[
        str | None, Field(description="the source's own name for the identifier type, e.g. ISO, GB")
    ] = None
    primary: Annotated[
        bool | None,
        Field(
            description="whether the source marks the identifier primary (Relaton); "
            "unset when it says nothing, and the document's identifier is then the primary one"
        ),
    ] = None

    @property
    def parsed(self) -> object:
        """The parsed :class:`mrstd.ids.Identifier` (raises ``IdentifierError``)."""
        return parse_cached(self.value)


@node
class Title(Node):
    """The title in one language, in its parts (Directives Part 2:2021, 11.5)."""

    language: LanguageTag
    script: str | None = None
    introductory: str | None = None
    main: str | None = None
    complementary: str | None = None
    full: str | None = None
    part_label: Annotated[str | None, Field(description="e.g. 'Part 1:'")] = None
    type: Annotated[
        str | None,
        Field(
            description="the source's title type when it is none of the parts "
            "(e.g. Relaton 'alternative'); the text is then in full"
        ),
    ] = None
    untyped: Annotated[
        bool,
        Field(
            description="the source gives the title no type (a Relaton title without one); "
            "the text is then in full"
        ),
    ] = False

    def as_line(self) -> str:
        """The title as one line: the full title, or its parts joined with em dashes."""
        parts = (self.introductory, self.main, self.complementary)
        return self.full or " — ".join(p for p in parts if p)


@node
class Localized(Node):
    """A short text in one language."""

    text: str
    language: LanguageTag | None = None
    script: str | None = None
    title: Annotated[str | None, Field(description="its heading, e.g. Abstract")] = None


@node
class Organization(Node):
    """A body: standards organization, committee secretariat, publisher."""

    name: str
    abbreviation: str | None = None
    uri: str | None = None
    address: str | None = None
    language: LanguageTag | None = None
    script: Annotated[str | None, Field(description="ISO 15924 script of the name")] = None
    alternate_names: Annotated[
        tuple[Localized, ...], Field(description="the name in other languages or scripts")
    ] = ()


@node
class Role(Node):
    """A further role of a contributor that the source lists in the same entry."""

    role: ContributorRole
    role_description: str | None = None
    original_role: Annotated[
        str | None,
        Field(description="the source's own role name, kept when it has no role here"),
    ] = None


@node
class Contributor(Node):
    """A body or person with a role in making the document."""

    role: ContributorRole
    role_description: str | None = None
    organization: Organization | None = None
    person: str | None = None
    original_role: Annotated[
        str | None,
        Field(description="the source's own role name, kept when it has no role here"),
    ] = None
    more_roles: Annotated[
        tuple[Role, ...],
        Field(description="its other roles, when the source gives several in one entry"),
    ] = ()


@value_node
class Status(Node):
    """Harmonized stage code and lifecycle (Directives Part 1, Annex SD; domain note 4)."""

    stage: StageCode | None = None
    lifecycle: Lifecycle | None = None
    iteration: Annotated[int | None, Field(ge=1, le=MAX_COUNT)] = None
    label: Annotated[str | None, Field(description="the stage as the source names it")] = None
    substage: Annotated[
        str | None, Field(description="the substage as the source names it, when not in stage")
    ] = None
    abbreviation: Annotated[str | None, Field(description="the stage abbreviation, e.g. CD")] = None


@value_node
class OtherDate(Node):
    """A date of another kind."""

    type: DateType
    value: PartialDate
    label: str | None = None


@value_node
class Dates(Node):
    """The document's dates."""

    published: PartialDate | None = None
    implemented: Annotated[
        PartialDate | None, Field(description="implementation (effective) date; 实施日期")
    ] = None
    withdrawn: PartialDate | None = None
    confirmed: PartialDate | None = None
    other: tuple[OtherDate, ...] = ()


@node
class IcsCode(Node):
    """An ICS code with its optional descriptor."""

    code: IcsCodeStr
    text: str | None = None


@node
class CcsCode(Node):
    """A CCS (Chinese Standard Classification) code with its optional descriptor."""

    code: CcsCodeStr
    text: str | None = None


@node
class Committee(Node):
    """A responsible committee, e.g. ISO/TC 176/SC 2 or SAC/TC 124."""

    identifier: str
    name: str | None = None
    type: Annotated[str | None, Field(description="technical, subcommittee, workgroup...")] = None
    number: Annotated[str | None, Field(description="the committee number, e.g. 176")] = None
    type_code: Annotated[
        str | None, Field(description="the source's committee type code, e.g. TC, SC, WG")
    ] = None
    prefix: Annotated[str | None, Field(description="the body prefix, e.g. ISO/IEC")] = None


@node
class Copyright(Node):
    """A copyright statement, year and holders, and a licence."""

    statement: str | None = None
    year: Annotated[int | None, Field(ge=0, le=9999)] = None
    holders: tuple[str, ...] = ()
    license: str | None = None
    more_statements: Annotated[
        tuple[str, ...], Field(description="statements after the first, e.g. all rights reserved")
    ] = ()


@node
class Relation(Node):
    """A typed relation from this document to another one."""

    kind: RelationKind
    identifier: IdentifierStr
    description: str | None = None
    original_type: Annotated[
        str | None,
        Field(description="the source's own relation name, kept when it has no kind here"),
    ] = None
    date: PartialDate | None = None
    scheme: Annotated[
        str | None, Field(description="the type of the target's identifier, e.g. ISO")
    ] = None
    date_type: Annotated[
        str | None, Field(description="the kind of the target's date, e.g. published")
    ] = None


@node
class Deviation(Node):
    """A technical deviation of a MOD adoption (ISO/IEC Guide 21-1:2005, 4.3)."""

    clause: Annotated[str, Field(description="the clause, subclause or annex affected, e.g. 5.2")]
    change: str
    reason: str | None = None


@node
class AdoptionLink(Node):
    """A link to the document this one adopts, with its degree and method."""

    identifier: IdentifierStr
    degree: Degree
    method: AdoptionMethod | None = None
    deviations: tuple[Deviation, ...] = ()
    description: str | None = None
    inverse: Annotated[
        bool | None,
        Field(description="true when the other document adopts this one (Relaton adoptedAs)"),
    ] = None
    scheme: Annotated[
        str | None, Field(description="the type of the other document's identifier, e.g. ISO")
    ] = None


@node
class Note(Node):
    """A note about the document, such as a meta-note."""

    text: str
    type: str | None = None
    more: Annotated[tuple[str, ...], Field(description="paragraphs after the first")] = ()


@node
class StatedDate(Node):
    """A date as the source writes it ("April 2017"), with its kind and ISO 8601 form."""

    text: str
    type: Annotated[str | None, Field(description="e.g. published, approved")] = None
    value: PartialDate | None = None


@node
class CustomField(Node):
    """A name-value pair the source carried."""

    name: str
    value: str


@node
class Link(Node):
    """A URI where the document or a form of it can be found."""

    href: str
    type: str | None = None


@node
class StructuredIdentifier(Node):
    """An identifier given in its parts (Relaton ``structuredidentifier``)."""

    type: str | None = None
    agency: tuple[str, ...] = ()
    class_: Annotated[str | None, Field(alias="class")] = None
    docnumber: str | None = None
    project_number: str | None = None
    part: str | None = None
    subpart: str | None = None
    edition: str | None = None
    version: str | None = None
    supplement_type: str | None = None
    supplement_number: str | None = None
    supplement_version: str | None = None
    isbn: tuple[str, ...] = ()
    issn: tuple[str, ...] = ()
    amendment: str | None = None
    corrigendum: str | None = None
    language: str | None = None
    year: str | None = None
    tc_document_number: str | None = None


@node
class Metadata(Node):
    """Everything known about the document apart from its content."""

    identifier: DocumentIdentifier
    alternate_identifiers: tuple[DocumentIdentifier, ...] = ()
    titles: tuple[Title, ...] = ()
    publishers: tuple[Organization, ...] = ()
    originator: str | None = None
    contributors: tuple[Contributor, ...] = ()
    doc_type: DocumentType = DocumentType.INTERNATIONAL_STANDARD
    doc_type_label: Annotated[str | None, Field(description="the type as the source names it")] = (
        None
    )
    subdoctype: str | None = None
    scope: StandardScope | None = None
    mandate: Mandate | None = None
    prefix: Annotated[str | None, Field(description="for Chinese standards: GB, GB/T, JB/T...")] = (
        None
    )
    topic: str | None = None
    status: Status = Status()
    dates: Dates = Dates()
    edition: str | None = None
    version: str | None = None
    languages: tuple[LanguageTag, ...] = ()
    scripts: tuple[str, ...] = ()
    ics: tuple[IcsCode, ...] = ()
    ccs: tuple[CcsCode, ...] = ()
    committees: tuple[Committee, ...] = ()
    keywords: tuple[Localized, ...] = ()
    abstract: tuple[Localized, ...] = ()
    copyright: tuple[Copyright, ...] = ()
    relations: tuple[Relation, ...] = ()
    adoptions: tuple[AdoptionLink, ...] = ()
    notes: tuple[Note, ...] = ()
    custom: tuple[CustomField, ...] = ()
    links: tuple[Link, ...] = ()
    plan_number: str | None = None
    docnumber: Annotated[str | None, Field(description="the bare document number, e.g. 9001")] = (
        None
    )
    structured_identifiers: tuple[StructuredIdentifier, ...] = ()
    fetched: Annotated[
        PartialDate | None, Field(description="when the record was fetched from its source")
    ] = None
    foreign: Annotated[
        tuple[str, ...],
        Field(description="metadata elements mrstd does not model, kept verbatim as XML"),
    ] = ()
    source_element: Annotated[
        str | None,
        Field(description="the element that carried this metadata, e.g. STS iso-meta or nat-meta"),
    ] = None
    sdo: Annotated[
        str | None, Field(description="the standards body that released this document")
    ] = None
    project_id: Annotated[
        str | None, Field(description="the project number in the body's system, e.g. 62085")
    ] = None
    release_language: Annotated[
        str | None, Field(description="the language of this release, as the body names it")
    ] = None
    release_version: Annotated[
        str | None, Field(description="the stage of this release, e.g. CD, DIS, FDIS, IS")
    ] = None
    release_version_id: Annotated[
        str | None, Field(description="an identifier of this release version")
    ] = None
    urn: Annotated[str | None, Field(description="the body's URN of this release")] = None
    work_item: Annotated[str | None, Field(description="the work item number")] = None
    secretariats: Annotated[
        tuple[str, ...], Field(description="the bodies holding the committee secretariat")
    ] = ()
    page_count: Annotated[str | None, Field(description="the number of pages, as stated")] = None
    release_dates: Annotated[
        tuple[StatedDate, ...],
        Field(description="release dates written other than in ISO 8601 (see dates)"),
    ] = ()
    drafting_rules: Annotated[
        DraftingRules | None,
        Field(
            description="the drafting rules the document was written under (an edition of "
            "ISO/IEC Directives Part 2 or GB/T 1.1); when absent, validation infers them from "
            "the publisher and the publication date"
        ),
    ] = None
