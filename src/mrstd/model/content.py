"""The block union, and resolution of the recursive content types."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from . import blocks, inline, references, terms
from .blocks import (
    DefinitionList,
    Example,
    Figure,
    ForeignBlock,
    Formula,
    ListBlock,
    Note,
    Paragraph,
    Preformat,
    Table,
)
from .inline import Footnote, Inline
from .references import ReferenceEntry
from .terms import TermEntry

Block = Annotated[
    Union[
        Paragraph,
        ListBlock,
        Note,
        Example,
        Table,
        Figure,
        Formula,
        Footnote,
        DefinitionList,
        Preformat,
        TermEntry,
        ReferenceEntry,
        ForeignBlock,
    ],
    Field(discriminator="type"),
]

_NAMESPACE = {"Block": Block, "Inline": Inline}
for _module in (inline, blocks, terms, references):
    for _value in list(vars(_module).values()):
        if isinstance(_value, type) and issubclass(_value, inline.Node) and _value is not inline.Node:
            _value.model_rebuild(_types_namespace=_NAMESPACE)
