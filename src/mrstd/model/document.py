"""Clauses, annexes and the document itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from .base import Node
from .content import Block
from .enums import ClauseKind, Obligation
from .inline import Inline
from .metadata import Metadata
from .types import Id

SCHEMA_VERSION = "1.0"
SCHEMA_URI = f"https://mrstd.dev/schema/{SCHEMA_VERSION}/document.json"


class Clause(Node):
    """A clause, subclause, annex or preface element, with its subclauses."""

    id: Id | None = None
    label: str | None = Field(default=None, description="number or letter, e.g. 4.2 or A")
    title: list[Inline] = []
    kind: ClauseKind = ClauseKind.GENERAL
    obligation: Obligation | None = Field(default=None, description="for annexes")
    blocks: list[Block] = []
    subclauses: list[Clause] = []

    def walk(self) -> Iterator[Clause]:
        """This clause and all its subclauses, depth first."""
        stack = [self]
        while stack:
            clause = stack.pop()
            yield clause
            stack.extend(reversed(clause.subclauses))


class Layer(Node):
    """One publication layer: its metadata and content.

    A national adoption holds the layer it adopts in ``adopted``, so that
    DIN EN ISO → EN ISO → ISO keeps each body's metadata, front matter and annexes.
    """

    metadata: Metadata
    preface: list[Clause] = Field(default=[], description="foreword, introduction")
    body: list[Clause] = []
    annexes: list[Clause] = []
    back: list[Clause] = Field(default=[], description="bibliography, index")
    adopted: Layer | None = None

    def clauses(self) -> Iterator[Clause]:
        """Every clause of this layer (not of adopted layers), in document order."""
        for group in (self.preface, self.body, self.annexes, self.back):
            for top in group:
                yield from top.walk()

    def layers(self) -> Iterator[Layer]:
        """This layer and the layers it adopts, outermost first."""
        layer: Layer | None = self
        while layer is not None:
            yield layer
            layer = layer.adopted


class _Versioned(Node):
    schema_: Literal["https://mrstd.dev/schema/1.0/document.json"] = Field(
        default=SCHEMA_URI, alias="$schema"
    )


class Document(Layer, _Versioned):
    """One standards document, the root of the model."""

    @property
    def schema_version(self) -> str:
        """The schema version this document is written in."""
        return SCHEMA_VERSION
