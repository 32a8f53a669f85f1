"""Inline content: a paragraph is a sequence of runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from .base import Node, node
from .enums import CitationPartKind, LinkForm, LocalityType, ProvisionKind, Style, XrefKind
from .types import Id, IdentifierStr, LanguageTag, MathMl, XmlElement

if TYPE_CHECKING:
    from .content import Block


@node
class Text(Node):
    """Plain text, whitespace kept exactly."""

    type: Literal["text"] = "text"
    text: str


@node
class Styled(Node):
    """Highlighted text: emphasis, strong, subscript, superscript, code and so on."""

    type: Literal["styled"] = "styled"
    style: Style
    content: tuple[Inline, ...] = ()


@node
class NamedContent(Node):
    """A word or phrase given a semantic name, such as a unit, a value or a product name.

    ``name`` says what the content is (NISO STS ``named-content/@content-type``).
    """

    type: Literal["named-content"] = "named-content"
    name: str
    id: Id | None = None
    href: Annotated[str | None, Field(description="a resource the content stands for")] = None
    content: tuple[Inline, ...] = ()


@node
class StyledContent(Node):
    """Text with a presentation the fixed styles cannot name (NISO STS ``styled-content``)."""

    type: Literal["styled-content"] = "styled-content"
    style: Annotated[str | None, Field(description="the presentation, e.g. a CSS rule")] = None
    style_type: Annotated[str | None, Field(description="a name for the presentation")] = None
    id: Id | None = None
    content: tuple[Inline, ...] = ()


@node
class Xref(Node):
    """An internal cross-reference to the element with id ``target``."""

    type: Literal["xref"] = "xref"
    target: Id
    kind: XrefKind | None = None
    content: tuple[Inline, ...] = ()


@node
class Locality(Node):
    """A place inside a cited document, such as clause 7.5 or Table 2."""

    type: LocalityType
    reference: str
    to: str | None = None


@node
class StandardRef(Node):
    """A citation of another standard in running text, optionally of a place in it."""

    type: Literal["standard-ref"] = "standard-ref"
    identifier: IdentifierStr
    reference: Annotated[
        Id | None, Field(description="id of the reference entry this citation belongs to")
    ] = None
    locality: tuple[Locality, ...] = ()
    content: tuple[Inline, ...] = ()
    std_id: Annotated[
        str | None,
        Field(description="a registry identifier of the cited standard, e.g. its URN"),
    ] = None
    lead: Annotated[
        tuple[Inline, ...], Field(description="what the citation shows before the identifier")
    ] = ()
    marked_dated: Annotated[
        bool | None,
        Field(description="whether the source marks the citation dated (None: it does not say)"),
    ] = None
    identifier_marked_dated: Annotated[
        bool | None,
        Field(description="whether the identifier itself is marked dated (STS std-ref/@type)"),
    ] = None
    marked: Annotated[
        bool, Field(description="whether the source marks the identifier apart from the text")
    ] = True


@node
class CitationTitle(Node):
    """The title of a cited document, where a citation gives it."""

    type: Literal["citation-title"] = "citation-title"
    content: tuple[Inline, ...] = ()


@node
class CitationPart(Node):
    """A named part of a citation or an address: its source, year, publisher, street..."""

    type: Literal["citation-part"] = "citation-part"
    part: CitationPartKind
    content: tuple[Inline, ...] = ()


@node
class TermRef(Node):
    """A reference to a term entry, by id (in this document) or by designation."""

    type: Literal["term-ref"] = "term-ref"
    target: Id | None = None
    content: tuple[Inline, ...] = ()
    href: Annotated[str | None, Field(description="an entry in another document")] = None
    language: Annotated[
        LanguageTag | None, Field(description="when it differs from the text around it")
    ] = None


@node
class FootnoteRef(Node):
    """A call to a footnote defined elsewhere."""

    type: Literal["footnote-ref"] = "footnote-ref"
    target: Id
    label: str | None = None


@node
class Footnote(Node):
    """A footnote; inline at its point of call, or as a block in a footnote group."""

    type: Literal["footnote"] = "footnote"
    id: Id | None = None
    label: str | None = None
    blocks: tuple[Block, ...] = ()
    label_content: Annotated[
        tuple[Inline, ...], Field(description="formatted form of the label, e.g. superscript")
    ] = ()


@node
class InlineFormula(Node):
    """A formula in running text: MathML kept as an XML string, or plain text."""

    type: Literal["inline-formula"] = "inline-formula"
    id: Id | None = None
    mathml: MathMl | None = None
    text: str | None = None


@node
class Number(Node):
    """A number as written, with the decimal and digit-group separators it uses."""

    type: Literal["number"] = "number"
    text: str
    decimal_separator: str | None = None
    group_separator: str | None = None
    id: Id | None = None


@node
class InlineGraphic(Node):
    """A small image in running text, such as a symbol."""

    type: Literal["inline-graphic"] = "inline-graphic"
    href: str
    alt: str | None = None
    id: Id | None = None


@node
class Link(Node):
    """A hyperlink to an external resource."""

    type: Literal["link"] = "link"
    href: str
    content: tuple[Inline, ...] = ()
    form: LinkForm = LinkForm.LINK


@node
class LineBreak(Node):
    """A forced line break."""

    type: Literal["break"] = "break"


@node
class ProvisionSpan(Node):
    """A sentence marked as a provision of a given kind."""

    type: Literal["provision"] = "provision"
    kind: ProvisionKind
    content: tuple[Inline, ...] = ()


@node
class ForeignInline(Node):
    """An inline element mrstd does not model, kept verbatim as serialized XML."""

    type: Literal["foreign"] = "foreign"
    xml: XmlElement


#: Every inline type: dispatch on it with ``match`` and end with ``assert_never``, so that
#: ``mypy --strict`` names each place a new inline type is not handled yet.
InlineNode = (
    Text
    | Styled
    | Xref
    | StandardRef
    | NamedContent
    | StyledContent
    | CitationTitle
    | CitationPart
    | TermRef
    | FootnoteRef
    | Footnote
    | InlineFormula
    | InlineGraphic
    | Number
    | Link
    | LineBreak
    | ProvisionSpan
    | ForeignInline
)
Inline = Annotated[InlineNode, Field(discriminator="type")]
