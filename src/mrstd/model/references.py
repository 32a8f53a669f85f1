"""Entries in the normative references clause and the bibliography."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from ..ids import IdentifierError, parse_cached
from .base import Node, node
from .enums import Lifecycle
from .inline import Inline
from .types import Id, IdentifierStr

if TYPE_CHECKING:
    from .content import Block


@node
class ReferenceEntry(Node):
    """A referenced document: structured by identifier, or a free citation.

    Whether it is normative follows from the clause that holds it.
    """

    type: Literal["reference"] = "reference"
    id: Id | None = None
    label: str | None = None
    identifier: IdentifierStr | None = None
    title: tuple[Inline, ...] = ()
    citation: tuple[Inline, ...] = ()
    uri: str | None = None
    status: Lifecycle | None = None
    kind: Annotated[
        str | None, Field(description="what is cited, as the source names it, e.g. standard")
    ] = None
    standard: Annotated[
        bool, Field(description="the citation names a standard, though with no identifier")
    ] = False
    std_id: Annotated[
        str | None,
        Field(description="a registry identifier of the cited standard, e.g. its URN"),
    ] = None
    marked_dated: Annotated[
        bool | None,
        Field(description="whether the source marks the reference dated (None: it does not say)"),
    ] = None
    notes: Annotated[tuple[Block, ...], Field(description="notes on the reference")] = ()
    identifier_marked_dated: Annotated[
        bool | None,
        Field(description="whether the identifier itself is marked dated (STS std-ref/@type)"),
    ] = None

    @property
    def dated(self) -> bool | None:
        """True for a dated reference, False for undated, None for a free citation."""
        if self.identifier is None:
            return None
        try:
            return parse_cached(self.identifier).year is not None
        except IdentifierError:
            return None
