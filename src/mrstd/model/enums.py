"""Closed vocabularies of the standards domain (see ../shared/notes/domain.md)."""

from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    """A string enum that renders as its value."""

    def __str__(self) -> str:
        return str(self.value)


class DocumentType(StrEnum):
    """Deliverable type (ISO/IEC Directives Part 1, Annex SL; Guide 21-1 for adoptions)."""

    INTERNATIONAL_STANDARD = "international-standard"
    TECHNICAL_SPECIFICATION = "technical-specification"
    TECHNICAL_REPORT = "technical-report"
    PUBLICLY_AVAILABLE_SPECIFICATION = "publicly-available-specification"
    GUIDE = "guide"
    INTERNATIONAL_WORKSHOP_AGREEMENT = "international-workshop-agreement"
    AMENDMENT = "amendment"
    CORRIGENDUM = "corrigendum"
    ADDENDUM = "addendum"
    DIRECTIVES = "directives"
    RECOMMENDATION = "recommendation"
    EUROPEAN_STANDARD = "european-standard"
    HARMONIZATION_DOCUMENT = "harmonization-document"
    NATIONAL_STANDARD = "national-standard"
    SPECIFICATION = "specification"
    STANDARD = "standard"
    OTHER = "other"


class StandardScope(StrEnum):
    """Level of a Chinese standard (Standardization Law of the PRC, art. 2)."""

    NATIONAL = "national"
    SECTOR = "sector"
    LOCAL = "local"
    GROUP = "group"
    ENTERPRISE = "enterprise"


class Mandate(StrEnum):
    """Force of a Chinese standard: GB mandatory, GB/T recommended, GB/Z guidance."""

    MANDATORY = "mandatory"
    RECOMMENDED = "recommended"
    GUIDANCE = "guidance"


class Lifecycle(StrEnum):
    """Where a document is in its life (domain notes 2 and 4)."""

    DRAFT = "draft"
    PUBLISHED = "published"
    IN_FORCE = "in-force"
    WITHDRAWN = "withdrawn"
    REPLACED = "replaced"


class DateType(StrEnum):
    """Kinds of dates a document records beyond the four main ones."""

    CREATED = "created"
    ISSUED = "issued"
    UPDATED = "updated"
    CIRCULATED = "circulated"
    VOTE_STARTED = "vote-started"
    VOTE_ENDED = "vote-ended"
    ANNOUNCED = "announced"
    TRANSMITTED = "transmitted"
    COPIED = "copied"
    UNCHANGED = "unchanged"
    STABLE_UNTIL = "stable-until"
    ADOPTED = "adopted"
    PUBLICATION = "publication"  # stated beside the release date (ISOSTS pub-date)
    OTHER = "other"


class IdentifierType(StrEnum):
    """What an identifier of a document is."""

    REFERENCE = "reference"
    URN = "urn"
    DOUBLE_NUMBER = "double-number"
    PROJECT = "project"
    DOCUMENT_NUMBER = "document-number"
    ISBN = "isbn"
    DOI = "doi"
    OTHER = "other"


class RelationKind(StrEnum):
    """Typed relations between documents (Relaton's relation vocabulary, grouped)."""

    SUPERSEDES = "supersedes"
    SUPERSEDED_BY = "superseded-by"
    AMENDS = "amends"
    AMENDED_BY = "amended-by"
    CORRECTS = "corrects"
    CORRECTED_BY = "corrected-by"
    REVISES = "revises"
    REVISED_BY = "revised-by"
    PART_OF = "part-of"
    HAS_PART = "has-part"
    CITES = "cites"
    CITED_BY = "cited-by"
    ADOPTS = "adopts"
    ADOPTED_AS = "adopted-as"
    TRANSLATION_OF = "translation-of"
    HAS_TRANSLATION = "has-translation"
    COMPLEMENTS = "complements"
    INSTANCE_OF = "instance-of"
    HAS_INSTANCE = "has-instance"
    DRAFT_OF = "draft-of"
    HAS_DRAFT = "has-draft"
    EQUIVALENT = "equivalent"
    IDENTICAL = "identical"
    RELATED = "related"
    OTHER = "other"


class Degree(StrEnum):
    """Degree of correspondence of an adoption (ISO/IEC Guide 21-1:2005, 4.2)."""

    IDT = "IDT"
    MOD = "MOD"
    NEQ = "NEQ"


class AdoptionMethod(StrEnum):
    """Method of adoption (ISO/IEC Guide 21-1:2005, clause 5)."""

    ENDORSEMENT = "endorsement"
    COVER_SHEET = "cover-sheet"
    REPRINT = "reprint"
    TRANSLATION = "translation"
    REDRAFT = "redraft"


class ClauseKind(StrEnum):
    """Kinds of element in ISO/IEC Directives Part 2:2021, clause 6 and Table 1."""

    FOREWORD = "foreword"
    INTRODUCTION = "introduction"
    SCOPE = "scope"
    NORMATIVE_REFERENCES = "normative-references"
    TERMS_AND_DEFINITIONS = "terms-and-definitions"
    SYMBOLS = "symbols"
    GENERAL = "general"
    ANNEX = "annex"
    BIBLIOGRAPHY = "bibliography"
    INDEX = "index"
    FRONT_MATTER = "front-matter"


class Obligation(StrEnum):
    """Status of an annex (ISO/IEC Directives Part 2:2021, 20.2)."""

    NORMATIVE = "normative"
    INFORMATIVE = "informative"


class ProvisionKind(StrEnum):
    """Kinds of provision (Directives Part 2:2021, 7; GB/T 1.1-2020, 9.1)."""

    REQUIREMENT = "requirement"
    RECOMMENDATION = "recommendation"
    PERMISSION = "permission"
    POSSIBILITY = "possibility"
    CAPABILITY = "capability"
    EXTERNAL_CONSTRAINT = "external-constraint"
    STATEMENT = "statement"


class Style(StrEnum):
    """Inline highlighting."""

    EMPHASIS = "emphasis"
    STRONG = "strong"
    SUB = "sub"
    SUP = "sup"
    CODE = "code"
    UNDERLINE = "underline"
    SMALL_CAPS = "small-caps"
    STRIKE = "strike"
    OVERLINE = "overline"
    ROMAN = "roman"
    SANS_SERIF = "sans-serif"


class XrefKind(StrEnum):
    """What an internal cross-reference points at."""

    CLAUSE = "clause"
    ANNEX = "annex"
    TABLE = "table"
    FIGURE = "figure"
    FORMULA = "formula"
    TERM = "term"
    REFERENCE = "reference"
    FOOTNOTE = "footnote"
    NOTE = "note"
    EXAMPLE = "example"
    LIST_ITEM = "list-item"
    TABLE_FOOTNOTE = "table-footnote"
    OTHER = "other"


class LocalityType(StrEnum):
    """A place inside a cited document (Relaton's locality types)."""

    CLAUSE = "clause"
    SECTION = "section"
    ANNEX = "annex"
    TABLE = "table"
    FIGURE = "figure"
    FORMULA = "formula"
    NOTE = "note"
    EXAMPLE = "example"
    PARAGRAPH = "paragraph"
    PAGE = "page"
    WHOLE = "whole"
    LIST_ITEM = "list-item"
    TERM = "term"
    OTHER = "other"


class TermStatus(StrEnum):
    """Normative status of a designation (ISO 10241-1:2011, 6.2; Directives Part 2, 16.5)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"


class ContributorRole(StrEnum):
    """Roles a body or person plays in a document's making."""

    PUBLISHER = "publisher"
    AUTHOR = "author"
    EDITOR = "editor"
    AUTHORIZER = "authorizer"
    DISTRIBUTOR = "distributor"
    OWNER = "owner"
    ENABLER = "enabler"
    SUBJECT = "subject"
    CONTRIBUTOR = "contributor"
    OTHER = "other"


class LinkForm(StrEnum):
    """How an external link is written: linked text, a bare URI, or an e-mail address."""

    LINK = "link"
    URI = "uri"
    EMAIL = "email"


class CrossReferenceKind(StrEnum):
    """What a term entry's cross-reference points to (ISO 10241-1:2011, 6.9; TBX)."""

    SEE = "see"  # another part of the document, such as a figure or table
    CROSS_REFERENCE = "cross-reference"  # a related entry


class CitationPartKind(StrEnum):
    """The parts of a citation or an address the NISO STS tag library names."""

    SOURCE = "source"  # the title of the cited work as a whole
    ARTICLE_TITLE = "article-title"
    CHAPTER_TITLE = "chapter-title"
    PART_TITLE = "part-title"
    COLLAB = "collab"  # an organisation as author
    PERSON_GROUP = "person-group"
    STRING_NAME = "string-name"
    SURNAME = "surname"
    GIVEN_NAMES = "given-names"
    ETAL = "etal"
    EDITION = "edition"
    VOLUME = "volume"
    ISSUE = "issue"
    FPAGE = "fpage"
    LPAGE = "lpage"
    PAGE_RANGE = "page-range"
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    DATE_IN_CITATION = "date-in-citation"
    PUBLISHER_NAME = "publisher-name"
    PUBLISHER_LOC = "publisher-loc"
    PUB_ID = "pub-id"
    ISBN = "isbn"
    ISSN = "issn"
    COMMENT = "comment"
    INSTITUTION = "institution"
    ADDR_LINE = "addr-line"
    CITY = "city"
    STATE = "state"
    POSTAL_CODE = "postal-code"
    COUNTRY = "country"
    PHONE = "phone"
    FAX = "fax"


class TableMarkup(StrEnum):
    """The table model a source marks a table up in (NISO STS allows two)."""

    XHTML = "xhtml"
    OASIS = "oasis"


class DraftingRules(StrEnum):
    """The rules a document was drafted under, by the edition of the document that sets them.

    ISO and IEC documents follow ISO/IEC Directives Part 2 (CEN and CENELEC take over the same
    rules in their Internal Regulations Part 3); Chinese standards follow GB/T 1.1. A document
    drafted under other rules (NISO, IETF...) is ``other``: no drafting rule applies to it.
    """

    DIRECTIVES_2004 = "iso-iec-directives-2:2004"
    DIRECTIVES_2011 = "iso-iec-directives-2:2011"
    DIRECTIVES_2016 = "iso-iec-directives-2:2016"
    DIRECTIVES_2018 = "iso-iec-directives-2:2018"
    DIRECTIVES_2021 = "iso-iec-directives-2:2021"
    GB_T_1_1_2009 = "gb-t-1.1-2009"
    GB_T_1_1_2020 = "gb-t-1.1-2020"
    OTHER = "other"
