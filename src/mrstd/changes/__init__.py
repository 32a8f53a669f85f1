"""Comparing standards: a provision-level diff of two documents (editions, drafts, amended
texts) and the deviations of an adoption from the text it adopts.

``mrstd.diff(old, new)`` aligns the two documents' clauses, annexes, paragraphs, tables,
figures, formulas, term entries and references, and classifies each difference
(:class:`ChangeKind`). ``mrstd.adoption_diff(doc)`` compares each adopting layer with the
layer it adopts and states the degree of correspondence the evidence supports.
"""

from __future__ import annotations

from .adoption import adoption_diff
from .compare import diff
from .report import DIFF_FORMATS, diff_schema, format_adoption, format_diff
from .result import (
    AdoptionDiff,
    AdoptionReport,
    Change,
    ChangeKind,
    Degree,
    Diff,
    DocumentSide,
    Place,
    UnitKind,
    WordEdit,
)

__all__ = [
    "DIFF_FORMATS",
    "AdoptionDiff",
    "AdoptionReport",
    "Change",
    "ChangeKind",
    "Degree",
    "Diff",
    "DocumentSide",
    "Place",
    "UnitKind",
    "WordEdit",
    "adoption_diff",
    "diff",
    "diff_schema",
    "format_adoption",
    "format_diff",
]
