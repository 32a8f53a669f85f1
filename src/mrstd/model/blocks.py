"""Block content: paragraphs, lists, notes, examples, tables, figures, formulas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from .base import Node, node
from .enums import ProvisionKind, TableMarkup
from .inline import Inline
from .types import MAX_COUNT, Id, LanguageTag, MathMl, XmlElement

if TYPE_CHECKING:
    from .content import Block


@node
class Paragraph(Node):
    """A paragraph, optionally marked as one kind of provision."""

    type: Literal["paragraph"] = "paragraph"
    id: Id | None = None
    provision: ProvisionKind | None = None
    content: tuple[Inline, ...] = ()


@node
class ListItem(Node):
    """One item of a list; cited as ``3.1 b)``."""

    id: Id | None = None
    label: str | None = None
    blocks: tuple[Block, ...] = ()
    label_content: Annotated[
        tuple[Inline, ...], Field(description="formatted form of the label, e.g. a formula")
    ] = ()


@node
class ListBlock(Node):
    """An ordered or unordered list."""

    type: Literal["list"] = "list"
    id: Id | None = None
    ordered: bool = False
    style: Annotated[str | None, Field(description="numbering style, e.g. alpha-lower, dash")] = (
        None
    )
    items: tuple[ListItem, ...] = ()
    content_kind: Annotated[
        str | None, Field(description="what the list holds, e.g. procedure, definitions")
    ] = None
    label: Annotated[str | None, Field(description="what introduces the list, e.g. where")] = None


@node
class Note(Node):
    """A note: informative, and holds no provision (Directives Part 2:2021, 24.5)."""

    type: Literal["note"] = "note"
    id: Id | None = None
    label: str | None = None
    blocks: tuple[Block, ...] = ()
    language: Annotated[
        LanguageTag | None, Field(description="when it differs from its context's")
    ] = None
    kind: Annotated[str | None, Field(description="a kind the source names, e.g. warning")] = None


@node
class Example(Node):
    """An example: informative, and holds no provision (Directives Part 2:2021, 24.6)."""

    type: Literal["example"] = "example"
    id: Id | None = None
    label: str | None = None
    blocks: tuple[Block, ...] = ()
    language: Annotated[
        LanguageTag | None, Field(description="when it differs from its context's")
    ] = None
    kind: Annotated[str | None, Field(description="a kind the source names, e.g. warning")] = None


@node
class Cell(Node):
    """A table cell; inline content or blocks, spanning rows and columns."""

    header: bool = False
    rowspan: Annotated[int, Field(ge=1, le=MAX_COUNT)] = 1
    colspan: Annotated[int, Field(ge=1, le=MAX_COUNT)] = 1
    align: str | None = None
    valign: str | None = None
    content: tuple[Inline, ...] = ()
    blocks: tuple[Block, ...] = ()
    char: Annotated[str | None, Field(description="the character to align on")] = None
    charoff: Annotated[str | None, Field(description="the offset of that character")] = None
    scope: Annotated[str | None, Field(description="what a header cell heads: row, col...")] = None
    style: Annotated[str | None, Field(description="presentation the source states")] = None
    column: Annotated[
        str | None,
        Field(description="the named column an OASIS cell starts in (its colname or namest)"),
    ] = None
    colsep: Annotated[str | None, Field(description="OASIS: a rule after the cell (0/1)")] = None
    rowsep: Annotated[str | None, Field(description="OASIS: a rule below the cell (0/1)")] = None


@node
class TableColumn(Node):
    """An OASIS column specification (colspec): a column's name, number, width and rules."""

    name: str | None = None
    number: Annotated[int | None, Field(ge=1, le=MAX_COUNT)] = None
    width: str | None = None
    align: str | None = None
    char: str | None = None
    charoff: str | None = None
    colsep: str | None = None
    rowsep: str | None = None


@node
class Row(Node):
    """A table row."""

    cells: tuple[Cell, ...] = ()


@node
class Table(Node):
    """A table with caption, head, body and foot rows, and table notes."""

    type: Literal["table"] = "table"
    id: Id | None = None
    label: str | None = None
    caption: tuple[Inline, ...] = ()
    head: tuple[Row, ...] = ()
    body: tuple[Row, ...] = ()
    foot: tuple[Row, ...] = ()
    notes: tuple[Block, ...] = ()
    kind: Annotated[str | None, Field(description="a kind the source names")] = None
    description: Annotated[
        tuple[Block, ...], Field(description="caption paragraphs after its title")
    ] = ()
    array: Annotated[
        bool, Field(description="an unnumbered tabular array, such as a formula's key")
    ] = False
    markup: Annotated[
        TableMarkup,
        Field(description="the table model of the source; OASIS is kept where a tag set has it"),
    ] = TableMarkup.XHTML
    columns: Annotated[
        tuple[TableColumn, ...], Field(description="OASIS column specifications")
    ] = ()
    column_count: Annotated[
        int | None,
        Field(ge=1, le=MAX_COUNT, description="OASIS: the number of columns the table states"),
    ] = None
    frame: Annotated[str | None, Field(description="the outer rules the source states")] = None
    colsep: Annotated[str | None, Field(description="OASIS: column rules (0/1)")] = None
    rowsep: Annotated[str | None, Field(description="OASIS: row rules (0/1)")] = None
    style: Annotated[str | None, Field(description="presentation the source states")] = None


@node
class Media(Node):
    """An image or other media file shown in a figure."""

    href: str
    mime_type: str | None = None
    alt: str | None = None
    id: Id | None = None
    label: str | None = None
    caption: tuple[Inline, ...] = ()
    description: Annotated[
        tuple[Block, ...], Field(description="caption paragraphs after its title")
    ] = ()


@node
class Figure(Node):
    """A figure: caption, media, and its key, notes or sub-figures."""

    type: Literal["figure"] = "figure"
    id: Id | None = None
    label: str | None = None
    caption: tuple[Inline, ...] = ()
    media: tuple[Media, ...] = ()
    blocks: tuple[Block, ...] = ()
    description: Annotated[
        tuple[Block, ...], Field(description="caption paragraphs after its title")
    ] = ()
    group: Annotated[
        bool, Field(description="a group of figures (its blocks) under one number and caption")
    ] = False
    kind: Annotated[str | None, Field(description="a kind the source names")] = None


@node
class Formula(Node):
    """A display formula: MathML kept as an XML string, or plain text."""

    type: Literal["formula"] = "formula"
    id: Id | None = None
    label: str | None = None
    mathml: MathMl | None = None
    text: str | None = None
    key: Annotated[
        tuple[Block, ...],
        Field(description="the explanation of its symbols ('where ...'), given with it"),
    ] = ()


@node
class DefinitionItem(Node):
    """One symbol or abbreviated term with its explanation."""

    id: Id | None = None
    term: tuple[Inline, ...] = ()
    definition: tuple[Block, ...] = ()


@node
class DefinitionList(Node):
    """A list of symbols or abbreviated terms (Directives Part 2:2021, clause 17)."""

    type: Literal["definition-list"] = "definition-list"
    id: Id | None = None
    items: tuple[DefinitionItem, ...] = ()
    label: Annotated[str | None, Field(description="what introduces the list, e.g. where")] = None
    style: Annotated[str | None, Field(description="a kind the source names")] = None


@node
class Preformat(Node):
    """Preformatted text such as code, whitespace kept exactly."""

    type: Literal["preformat"] = "preformat"
    id: Id | None = None
    language: str | None = None
    text: str


@node
class Code(Node):
    """Program code or preformatted text that holds highlighting or links."""

    type: Literal["code"] = "code"
    id: Id | None = None
    language: str | None = None
    preformat: Annotated[bool, Field(description="preformatted text rather than program code")] = (
        False
    )
    content: tuple[Inline, ...] = ()


@node
class Quote(Node):
    """A quotation set off from the text, with where it comes from."""

    type: Literal["quote"] = "quote"
    id: Id | None = None
    blocks: tuple[Block, ...] = ()
    source: Annotated[
        tuple[Inline, ...], Field(description="the document quoted (STS related-object)")
    ] = ()
    attribution: Annotated[
        tuple[Inline, ...], Field(description="who or what it is attributed to (STS attrib)")
    ] = ()


@node
class Address(Node):
    """A postal or electronic address: its lines, e-mail and web addresses in order."""

    type: Literal["address"] = "address"
    id: Id | None = None
    lines: Annotated[
        tuple[Inline, ...],
        Field(description="address lines and other parts (citation parts), links"),
    ] = ()


@node
class Graphic(Node):
    """An image standing on its own, outside a figure."""

    type: Literal["graphic"] = "graphic"
    media: Media


@node
class ForeignBlock(Node):
    """A block element mrstd does not model, kept verbatim as serialized XML."""

    type: Literal["foreign"] = "foreign"
    xml: XmlElement
