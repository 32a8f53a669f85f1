"""Comparing standards: a provision-level diff of two documents (editions, drafts, amended
texts) and the deviations of an adoption from the text it adopts.

``mrstd.diff(old, new)`` aligns the two documents' clauses, annexes, paragraphs, tables,
figures, formulas, term entries and references, and classifies each difference
(:class:`ChangeKind`). ``mrstd.adoption_diff(doc)`` compares each adopting layer with the
layer it adopts and states the degree of correspondence the evidence supports.

Each name is imported on first use (as ``mrstd`` itself does), so that importing the models
for their schema (``mrstd.changes.result``) loads neither the comparison nor the renderer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Every public name and the module of this package that defines it.
_SOURCES = {
    "adoption_diff": "adoption",
    "diff": "compare",
    "DIFF_FORMATS": "report",
    "format_adoption": "report",
    "format_diff": "report",
    "diff_schema": "result",
    "AdoptionDiff": "result",
    "AdoptionReport": "result",
    "Change": "result",
    "ChangeKind": "result",
    "Degree": "result",
    "Diff": "result",
    "DocumentSide": "result",
    "Place": "result",
    "UnitKind": "result",
    "WordEdit": "result",
}

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

if TYPE_CHECKING:
    from .adoption import adoption_diff
    from .compare import diff
    from .report import DIFF_FORMATS, format_adoption, format_diff
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
        diff_schema,
    )


def __getattr__(name: str) -> Any:
    if name not in _SOURCES:
        raise AttributeError(f"module 'mrstd.changes' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_SOURCES[name]}"), name)
    globals()[name] = value
    return value
