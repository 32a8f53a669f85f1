"""Block content: paragraphs, lists, notes, examples, tables, figures, formulas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from .base import Node, items, node
from .enums import ProvisionKind
from .inline import Inline
from .types import Id

if TYPE_CHECKING:
    from .content import Block


@node
class Paragraph(Node):
    """A paragraph, optionally marked as one kind of provision."""

    type: Literal["paragraph"] = "paragraph"
    id: Id | None = None
    provision: ProvisionKind | None = None
    content: tuple[Inline, ...] = items()


@node
class ListItem(Node):
    """One item of a list; cited as ``3.1 b)``."""

    id: Id | None = None
    label: str | None = None
    blocks: tuple[Block, ...] = items()


@node
class ListBlock(Node):
    """An ordered or unordered list."""

    type: Literal["list"] = "list"
    id: Id | None = None
    ordered: bool = False
    style: str | None = Field(default=None, description="numbering style, e.g. alpha-lower, dash")
    items: tuple[ListItem, ...] = items()


@node
class Note(Node):
    """A note: informative, and holds no provision (Directives Part 2:2021, 24.5)."""

    type: Literal["note"] = "note"
    id: Id | None = None
    label: str | None = None
    blocks: tuple[Block, ...] = items()


@node
class Example(Node):
    """An example: informative, and holds no provision (Directives Part 2:2021, 24.6)."""

    type: Literal["example"] = "example"
    id: Id | None = None
    label: str | None = None
    blocks: tuple[Block, ...] = items()


@node
class Cell(Node):
    """A table cell; inline content or blocks, spanning rows and columns."""

    header: bool = False
    rowspan: int = Field(default=1, ge=1)
    colspan: int = Field(default=1, ge=1)
    align: str | None = None
    valign: str | None = None
    content: tuple[Inline, ...] = items()
    blocks: tuple[Block, ...] = items()


@node
class Row(Node):
    """A table row."""

    cells: tuple[Cell, ...] = items()


@node
class Table(Node):
    """A table with caption, head, body and foot rows, and table notes."""

    type: Literal["table"] = "table"
    id: Id | None = None
    label: str | None = None
    caption: tuple[Inline, ...] = items()
    head: tuple[Row, ...] = items()
    body: tuple[Row, ...] = items()
    foot: tuple[Row, ...] = items()
    notes: tuple[Block, ...] = items()


@node
class Media(Node):
    """An image or other media file shown in a figure."""

    href: str
    mime_type: str | None = None
    alt: str | None = None


@node
class Figure(Node):
    """A figure: caption, media, and its key, notes or sub-figures."""

    type: Literal["figure"] = "figure"
    id: Id | None = None
    label: str | None = None
    caption: tuple[Inline, ...] = items()
    media: tuple[Media, ...] = items()
    blocks: tuple[Block, ...] = items()


@node
class Formula(Node):
    """A display formula: MathML kept as an XML string, or plain text."""

    type: Literal["formula"] = "formula"
    id: Id | None = None
    label: str | None = None
    mathml: str | None = None
    text: str | None = None


@node
class DefinitionItem(Node):
    """One symbol or abbreviated term with its explanation."""

    id: Id | None = None
    term: tuple[Inline, ...] = items()
    definition: tuple[Block, ...] = items()


@node
class DefinitionList(Node):
    """A list of symbols or abbreviated terms (Directives Part 2:2021, clause 17)."""

    type: Literal["definition-list"] = "definition-list"
    id: Id | None = None
    items: tuple[DefinitionItem, ...] = items()


@node
class Preformat(Node):
    """Preformatted text such as code, whitespace kept exactly."""

    type: Literal["preformat"] = "preformat"
    id: Id | None = None
    language: str | None = None
    text: str


@node
class ForeignBlock(Node):
    """A block element mrstd does not model, kept verbatim as serialized XML."""

    type: Literal["foreign"] = "foreign"
    xml: str
