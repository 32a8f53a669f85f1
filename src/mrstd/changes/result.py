"""What a comparison finds: classified changes between two documents, and an adoption's
deviations with the degree they support. These models are the JSON output's format; its
schema (``schemas/diff/1.0/diff.schema.json``) is generated from them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, TypeAdapter

from ..model.enums import StrEnum

DIFF_SCHEMA_VERSION = "1.0"


class ChangeKind(StrEnum):
    """What happened to a unit between the two documents."""

    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    TEXT_EDITED = "text-edited"
    PROVISION_STRENGTH = "provision-strength"
    VALUE_CHANGED = "value-changed"
    UNIT_CHANGED = "unit-changed"
    REFERENCE_CHANGED = "reference-changed"
    DESIGNATION_CHANGED = "designation-changed"
    METADATA_CHANGED = "metadata-changed"


class UnitKind(StrEnum):
    """What a change is about: the units the two documents are aligned by."""

    CLAUSE = "clause"
    ANNEX = "annex"
    PARAGRAPH = "paragraph"
    TABLE = "table"
    FIGURE = "figure"
    FORMULA = "formula"
    TERM_ENTRY = "term-entry"
    REFERENCE = "reference"
    METADATA = "metadata"


class Degree(StrEnum):
    """Degrees of correspondence (ISO/IEC Guide 21-1:2005; GB/T 20000.2-2009)."""

    IDT = "IDT"
    MOD = "MOD"
    NEQ = "NEQ"


class Place(BaseModel):
    """Where a unit stands in one document: its path, and what a reader calls it."""

    model_config = ConfigDict(frozen=True)

    path: str
    id: str | None = None
    label: str | None = None
    clause: str | None = Field(default=None, description="the number of its clause, e.g. 4.2")
    title: str | None = None


class WordEdit(BaseModel):
    """One edit of a text, word by word: ``old`` words replaced by ``new`` ones."""

    model_config = ConfigDict(frozen=True)

    old: str = ""
    new: str = ""


class Change(BaseModel):
    """One change, classified."""

    model_config = ConfigDict(frozen=True)

    kind: ChangeKind
    unit: UnitKind
    old: Place | None = None
    new: Place | None = None
    before: str | None = Field(default=None, description="the old value or text, in short")
    after: str | None = Field(default=None, description="the new value or text, in short")
    edits: tuple[WordEdit, ...] = Field(default=(), description="word-level edits of a text")
    detail: str = Field(default="", description="the change, as a sentence")


class DocumentSide(BaseModel):
    """One of the two documents compared."""

    identifier: str
    language: str | None = None


class Diff(BaseModel):
    """Every change from ``old`` to ``new``, in document order of the new one."""

    schema_version: str = Field(default=DIFF_SCHEMA_VERSION, alias="schema")
    old: DocumentSide
    new: DocumentSide
    changes: tuple[Change, ...] = ()
    aligned: dict[str, int] = Field(
        default_factory=dict, description="how many units of each kind were aligned"
    )

    model_config = ConfigDict(populate_by_name=True)
    #: The changes by the model node they are about, for the redline (not serialised).
    _by_node: dict[int, list[Change]] = PrivateAttr(default_factory=dict)
    _documents: tuple[Any, Any] | None = PrivateAttr(default=None)
    #: What of the old document the redline shows (removed units, the old places of moved
    #: clauses), by where: ("after", id of a new node), ("blocks" | "subclauses", id of a
    #: new clause), ("group", (layer, group)).
    _old_places: dict[tuple[str, Any], list[Any]] = PrivateAttr(default_factory=dict)
    #: The old and new comparison texts of each edited unit, by the id of its new node.
    _texts: dict[int, tuple[str, str]] = PrivateAttr(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind."""
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[change.kind.value] = counts.get(change.kind.value, 0) + 1
        return counts


class AdoptionReport(BaseModel):
    """What an adopting layer adds, deletes and modifies of the layer it adopts, and the
    degree of correspondence that evidence supports beside the one declared."""

    adopting: DocumentSide
    adopted: DocumentSide
    declared: Degree | None = None
    supported: Degree
    reasons: tuple[str, ...] = ()
    additions: tuple[Change, ...] = ()
    deletions: tuple[Change, ...] = ()
    modifications: tuple[Change, ...] = ()
    translation: bool = Field(
        default=False,
        description="the layers are in different languages: words are not compared, only "
        "structure, provisions, values and references",
    )


class AdoptionDiff(BaseModel):
    """Each step of an adoption chain (national → regional → international), compared."""

    schema_version: str = Field(default=DIFF_SCHEMA_VERSION, alias="schema")
    steps: tuple[AdoptionReport, ...] = ()

    model_config = ConfigDict(populate_by_name=True)


#: Where the schema of the JSON form is committed.
SCHEMA_FILE = Path("schemas") / "diff" / DIFF_SCHEMA_VERSION / "diff.schema.json"


def diff_schema() -> dict[str, Any]:
    """The JSON Schema of a diff and of an adoption report (JSON form), from the models."""
    schema = TypeAdapter(Diff | AdoptionDiff).json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://mrstd.org/schemas/diff/{DIFF_SCHEMA_VERSION}/diff.schema.json",
        "title": "mrstd diff, or adoption report",
        **schema,
    }


def schema_text() -> str:
    """The schema as committed: sorted keys, two-space indent, final newline."""
    return json.dumps(diff_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
