"""Terminological entries (Directives Part 2:2021, clause 16; ISO 10241-1:2011)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Node, node
from .blocks import Example, Note
from .enums import TermStatus
from .inline import Inline, Locality
from .types import Id, IdentifierStr, LanguageTag


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


@node
class Definition(Node):
    """The definition in one language: a phrase that can replace the term."""

    language: LanguageTag | None = None
    content: tuple[Inline, ...] = ()


@node
class TermSource(Node):
    """Where the entry was taken from, and whether it was modified."""

    identifier: IdentifierStr | None = None
    locality: tuple[Locality, ...] = ()
    reference: Id | None = None
    modified: bool = False
    modification: tuple[Inline, ...] = ()
    content: Annotated[tuple[Inline, ...], Field(description="the source as written")] = ()


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
