"""The block union, and resolution of the recursive content types."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from pydantic.dataclasses import is_pydantic_dataclass, rebuild_dataclass

from . import blocks, inline, references, terms
from .blocks import (
    Address,
    Code,
    DefinitionList,
    Example,
    Figure,
    ForeignBlock,
    Formula,
    Graphic,
    ListBlock,
    Note,
    Paragraph,
    Preformat,
    Quote,
    Table,
)
from .inline import Footnote, Inline
from .references import ReferenceEntry
from .terms import TermEntry

#: Every block type: dispatch on it with ``match`` and end with ``assert_never``, so that
#: ``mypy --strict`` names each place a new block type is not handled yet.
BlockNode = (
    Paragraph
    | ListBlock
    | Note
    | Example
    | Table
    | Figure
    | Formula
    | Footnote
    | DefinitionList
    | Preformat
    | Code
    | Graphic
    | Address
    | Quote
    | TermEntry
    | ReferenceEntry
    | ForeignBlock
)
Block = Annotated[BlockNode, Field(discriminator="type")]

_NAMESPACE = {"Block": Block, "Inline": Inline}
for _module in (inline, blocks, terms, references):
    for _value in list(vars(_module).values()):
        if isinstance(_value, type) and is_pydantic_dataclass(_value):
            rebuild_dataclass(_value, force=True, _types_namespace=_NAMESPACE)
