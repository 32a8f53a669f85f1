"""Terminological entries (Directives Part 2:2021, clause 16; ISO 10241-1:2011)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from .base import Node, node
from .blocks import Example, Media, Note
from .enums import CrossReferenceKind, TermStatus
from .inline import Inline, Locality
from .metadata import Localized
from .types import Id, IdentifierStr, LanguageTag

if TYPE_CHECKING:
    from .content import Block


@node
class Designation(Node):
    """A term or symbol designating the concept, with its normative status."""

    text: str
    language: LanguageTag | None = None
    status: TermStatus = TermStatus.PREFERRED
    abbreviation: bool = False
    part_of_speech: str | None = None
    gender: str | None = None
    geographical_usage: str | None = None
    content: Annotated[
        tuple[Inline, ...], Field(description="formatted form, when it differs from text")
    ] = ()
    id: Id | None = None
    term_type: Annotated[
        str | None,
        Field(description="acronym, full form, symbol, formula, variant... (TBX termType)"),
    ] = None
    grammatical_number: str | None = None
    pronunciation: str | None = None
    script: Annotated[str | None, Field(description="ISO 15924 code, e.g. Cyrl")] = None
    usage_note: Annotated[
        tuple[Inline, ...], Field(description="how this designation is used")
    ] = ()


@node
class Definition(Node):
    """The definition in one language: a phrase that can replace the term."""

    language: LanguageTag | None = None
    content: tuple[Inline, ...] = ()
    blocks: Annotated[
        tuple[Block, ...], Field(description="what continues the phrase, such as a list")
    ] = ()


@node
class TermSource(Node):
    """Where the entry was taken from, and whether it was modified."""

    identifier: IdentifierStr | None = None
    locality: tuple[Locality, ...] = ()
    reference: Id | None = None
    modified: bool = False
    modification: tuple[Inline, ...] = ()
    content: Annotated[tuple[Inline, ...], Field(description="the source as written")] = ()
    language: Annotated[
        LanguageTag | None, Field(description="when it is not the entry's first language")
    ] = None
    href: Annotated[str | None, Field(description="where the source can be found")] = None
    external: Annotated[
        bool, Field(description="given as a link to an external source (TBX xSource)")
    ] = False


@node
class TermCrossReference(Node):
    """A pointer from a term entry to a related entry or to another part of the document."""

    kind: CrossReferenceKind = CrossReferenceKind.CROSS_REFERENCE
    target: Id | None = None
    language: Annotated[
        LanguageTag | None, Field(description="when it is not the entry's first language")
    ] = None
    script: str | None = None
    content: tuple[Inline, ...] = ()


@node
class TermEntry(Node):
    """A terminological entry, its parts in the order of Directives Part 2:2021, 16.5."""

    type: Literal["term-entry"] = "term-entry"
    id: Id
    label: str | None = None
    designations: tuple[Designation, ...] = ()
    domain: str | None = None
    definitions: tuple[Definition, ...] = ()
    examples: tuple[Example, ...] = ()
    notes: tuple[Note, ...] = ()
    sources: tuple[TermSource, ...] = ()
    section_id: Annotated[
        Id | None, Field(description="id of the term section holding the entry (STS term-sec)")
    ] = None
    cross_references: tuple[TermCrossReference, ...] = ()
    graphics: Annotated[
        tuple[Media, ...], Field(description="images of the concept, for every language")
    ] = ()
    display: Annotated[
        tuple[Block, ...],
        Field(description="the entry as displayed, given beside it (STS term-display)"),
    ] = ()
    subject_fields: Annotated[
        tuple[Localized, ...],
        Field(description="subject fields in languages other than the first (see domain)"),
    ] = ()
