"""Clauses, annexes and the document itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Final, Literal

from pydantic import Field

from .base import Node, node
from .content import Block
from .enums import ClauseKind, Obligation
from .inline import Inline
from .metadata import Metadata
from .types import Id

SCHEMA_VERSION = "1.2"
SCHEMA_URI: Final = "https://mrstd.dev/schema/1.2/document.json"


@node
class Clause(Node):
    """A clause, subclause, annex or preface element, with its subclauses."""

    id: Id | None = None
    label: Annotated[str | None, Field(description="number or letter, e.g. 4.2 or A")] = None
    title: tuple[Inline, ...] = ()
    kind: ClauseKind = ClauseKind.GENERAL
    obligation: Annotated[Obligation | None, Field(description="for annexes")] = None
    blocks: tuple[Block, ...] = ()
    subclauses: tuple[Clause, ...] = ()
    type_label: Annotated[
        str | None,
        Field(description="the source's own name for the kind, e.g. STS sec-type 'clause'"),
    ] = None

    def walk(self) -> Iterator[Clause]:
        """This clause and all its subclauses, depth first."""
        stack = [self]
        while stack:
            clause = stack.pop()
            yield clause
            stack.extend(reversed(clause.subclauses))


class _LayerMethods:
    """Queries shared by a document and the layers it adopts."""

    __slots__ = ()
    preface: tuple[Clause, ...]
    body: tuple[Clause, ...]
    annexes: tuple[Clause, ...]
    back: tuple[Clause, ...]
    adopted: Layer | None

    def clauses(self) -> Iterator[Clause]:
        """Every clause of this layer (not of adopted layers), in document order."""
        for group in (self.preface, self.body, self.annexes, self.back):
            for top in group:
                yield from top.walk()

    def layers(self) -> Iterator[_LayerMethods]:
        """This layer and the layers it adopts, outermost first."""
        layer: _LayerMethods | None = self
        while layer is not None:
            yield layer
            layer = layer.adopted


@node
class Layer(Node, _LayerMethods):
    """One publication layer: its metadata and content.

    A national adoption holds the layer it adopts in ``adopted``, so that
    DIN EN ISO → EN ISO → ISO keeps each body's metadata, front matter and annexes.
    """

    metadata: Metadata
    preface: Annotated[tuple[Clause, ...], Field(description="foreword, introduction")] = ()
    body: tuple[Clause, ...] = ()
    annexes: tuple[Clause, ...] = ()
    back: Annotated[tuple[Clause, ...], Field(description="bibliography, index")] = ()
    adopted: Layer | None = None


@node
class Document(Node, _LayerMethods):
    """One standards document, the root of the model: the outermost layer, versioned."""

    schema_: Annotated[
        Literal["https://mrstd.dev/schema/1.2/document.json"], Field(alias="$schema")
    ] = SCHEMA_URI
    metadata: Metadata
    preface: Annotated[tuple[Clause, ...], Field(description="foreword, introduction")] = ()
    body: tuple[Clause, ...] = ()
    annexes: tuple[Clause, ...] = ()
    back: Annotated[tuple[Clause, ...], Field(description="bibliography, index")] = ()
    adopted: Layer | None = None

    @property
    def schema_version(self) -> str:
        """The schema version this document is written in."""
        return SCHEMA_VERSION
