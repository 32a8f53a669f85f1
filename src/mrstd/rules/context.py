"""What the rules share: one walk over the document builds an index of everything they look at."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar, overload

from ..findings import Related
from ..fragments import ids_in, root_name
from ..model import (
    Cell,
    CitationTitle,
    Clause,
    ClauseKind,
    DefinitionList,
    Document,
    Example,
    Figure,
    Footnote,
    FootnoteRef,
    ForeignBlock,
    Formula,
    InlineFormula,
    Layer,
    Link,
    ListBlock,
    NamedContent,
    Note,
    Obligation,
    Paragraph,
    Preformat,
    ProvisionKind,
    ProvisionSpan,
    Quote,
    ReferenceEntry,
    StandardRef,
    Styled,
    StyledContent,
    Table,
    TermEntry,
    TermRef,
    Text,
    Xref,
)
from ..model.base import Node
from ..model.inline import LineBreak
from ..paths import PathPart, format_path
from .boilerplate import without_prescribed
from .registry import Finding, Rule, Severity

Loc = tuple[PathPart, ...]

# Where a piece of text sits; rules on provisions depend on it.
FOREWORD = 1
INTRODUCTION = 2
NOTE = 4
EXAMPLE = 8
DEFINITION = 16
INFORMATIVE_ANNEX = 32
SCOPE = 64
FOOTNOTE = 128
TABLE = 256
NORMATIVE_REFERENCES = 512
BIBLIOGRAPHY = 1024
TERMS = 2048
SYMBOLS = 4096
ANNEX = 8192

INFORMATIVE = FOREWORD | INTRODUCTION | NOTE | EXAMPLE | FOOTNOTE | BIBLIOGRAPHY

_CLAUSE_FLAGS = {
    ClauseKind.FOREWORD: FOREWORD,
    ClauseKind.INTRODUCTION: INTRODUCTION,
    ClauseKind.SCOPE: SCOPE,
    ClauseKind.NORMATIVE_REFERENCES: NORMATIVE_REFERENCES,
    ClauseKind.BIBLIOGRAPHY: BIBLIOGRAPHY,
    ClauseKind.TERMS_AND_DEFINITIONS: TERMS,
    ClauseKind.SYMBOLS: SYMBOLS,
}

GROUPS = ("preface", "body", "annexes", "back")


@dataclass
class ClauseInfo:
    """A clause with its place: layer, group, depth, parent and flags."""

    clause: Clause
    loc: Loc
    group: str
    depth: int
    layer: int
    parent: ClauseInfo | None
    flags: int
    annex: str | None = None


@dataclass
class Target:
    """Something an id names: its kind (as an xref kind would say it), node and place."""

    kind: str
    node: Any
    loc: Loc
    layer: int


T = TypeVar("T")


class computed_once(Generic[T]):
    """``functools.cached_property`` without the lock Python 3.11 takes on every first read,
    which costs as much as computing a short text: a text index has thousands of units."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, obj: None, owner: type) -> computed_once[T]: ...
    @overload
    def __get__(self, obj: object, owner: type) -> T: ...
    def __get__(self, obj: object, owner: type) -> T | computed_once[T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass
class TextUnit:
    """A run of text that is read as sentences: a paragraph, a cell, a definition, a span."""

    inlines: Sequence[Any]
    loc: Loc
    flags: int
    layer: int
    marked: ProvisionKind | None = None
    language: str | None = None
    #: The plain text, without nested provision spans or footnotes (:func:`plain_text`'s),
    #: gathered by the index's walk over the runs, which reads them all anyway.
    full_text: str = ""

    @property
    def preface(self) -> bool:
        """Whether the text is in a foreword or an introduction, where the drafting rules
        prescribe sentences (:mod:`mrstd.rules.boilerplate`)."""
        return bool(self.flags & (FOREWORD | INTRODUCTION))

    @computed_once
    def text(self) -> str:
        """The text the rules read: ``full_text``, with the prescribed sentences of a foreword
        or an introduction (the standard foreword text, the patent statement) blanked out, for
        they are not the document's own wording."""
        return without_prescribed(self.full_text) if self.preface else self.full_text


@dataclass
class RefInfo:
    """A reference entry and whether it is normative (in the normative references clause)."""

    entry: ReferenceEntry
    loc: Loc
    normative: bool
    layer: int


@dataclass
class Numbered:
    """A table, figure or formula with the annex it sits in, for numbering checks."""

    node: Any
    loc: Loc
    layer: int
    annex: str | None


@dataclass
class LayerInfo:
    """A publication layer with its place in the document."""

    layer: Layer | Document
    loc: Loc
    index: int


@dataclass
class Index:
    """Everything the rules look up, built in one pass."""

    layers: list[LayerInfo] = field(default_factory=list)
    clauses: list[ClauseInfo] = field(default_factory=list)
    ids: dict[str, list[Target]] = field(default_factory=dict)
    xrefs: list[tuple[Xref, Loc, int]] = field(default_factory=list)
    term_refs: list[tuple[TermRef, Loc, int]] = field(default_factory=list)
    footnote_refs: list[tuple[FootnoteRef, Loc, int]] = field(default_factory=list)
    standard_refs: list[tuple[StandardRef, Loc, int, int]] = field(default_factory=list)
    references: list[RefInfo] = field(default_factory=list)
    terms: list[tuple[TermEntry, Loc, int, int]] = field(default_factory=list)
    term_sources: list[tuple[str, Loc, int]] = field(default_factory=list)
    tables: list[Numbered] = field(default_factory=list)
    figures: list[Numbered] = field(default_factory=list)
    formulas: list[Numbered] = field(default_factory=list)
    #: The sequences (table or figure, layer, annex) that hold one kept as foreign XML,
    #: whose numbering therefore cannot be checked.
    opaque_numbered: set[tuple[str, int, str | None]] = field(default_factory=set)
    units: list[TextUnit] = field(default_factory=list)


#: Inline types whose text is their content runs.
_CONTAINERS = frozenset(
    (Styled, Xref, StandardRef, TermRef, Link, NamedContent, StyledContent, CitationTitle)
)


def _one_text(runs: Sequence[Any]) -> bool:
    """Whether inline runs are a single run of text: most paragraphs, most cross-references
    and styled runs. It holds nothing to index, and is its own plain text. (Written out in
    the loops over runs, where a call per run costs a tenth of the index.)"""
    return len(runs) == 1 and type(runs[0]) is Text


def plain_text(inlines: Sequence[Any]) -> str:
    """The text of inline runs, leaving out provision spans and footnotes."""
    if _one_text(inlines):
        return str(inlines[0].text)
    out: list[str] = []
    stack: list[Iterator[Any]] = [iter(inlines)]
    while stack:
        for item in stack[-1]:
            kind = type(item)
            if kind is Text:
                out.append(item.text)
            elif kind is LineBreak:
                out.append(" ")
            elif kind is StandardRef and not item.content:
                out.append(item.identifier)
            elif kind is InlineFormula:
                out.append(item.text or "")
            elif kind in _CONTAINERS:
                content = item.content
                if len(content) == 1 and type(content[0]) is Text:  # _one_text
                    out.append(content[0].text)
                else:
                    stack.append(iter(content))
                    break
        else:
            stack.pop()
    return "".join(out)


def clause_place(loc: Loc) -> Loc:
    """The place of the innermost clause that holds ``loc`` (a text's, a block's): its
    layer's ``"adopted"`` steps, its group and number, then each ``"subclauses"`` step.
    Clauses hold clauses only there, so no lookup is needed."""
    end, size = 0, len(loc)
    while end < size and loc[end] == "adopted":
        end += 1
    end += 2  # the group ("body") and the clause's number in it
    while end + 1 < size and loc[end] == "subclauses":
        end += 2
    return loc[:end]


class _Builder:
    """The single walk over a document; iterative for inline runs, where trees are widest."""

    def __init__(self, index: Index, cross_references: bool) -> None:
        self.index = index
        self.ids = index.ids
        self.cross_references = cross_references

    def add_id(self, ident: str | None, kind: str, node: Any, loc: Loc, layer: int) -> None:
        if ident is None:
            return
        found = self.ids.get(ident)
        if found is None:
            self.ids[ident] = [Target(kind, node, loc, layer)]
        else:
            found.append(Target(kind, node, loc, layer))

    def layer(self, layer: Layer | Document, loc: Loc, number: int) -> None:
        self.index.layers.append(LayerInfo(layer, loc, number))
        for group in GROUPS:
            clauses: list[Clause] = getattr(layer, group)
            for i, clause in enumerate(clauses):
                self.clause(clause, (*loc, group, i), group, 1, number, None, 0)

    def clause(
        self,
        clause: Clause,
        loc: Loc,
        group: str,
        depth: int,
        layer: int,
        parent: ClauseInfo | None,
        flags: int,
    ) -> None:
        flags |= _CLAUSE_FLAGS.get(clause.kind, 0)
        annex = parent.annex if parent is not None else None
        kind = "clause"
        if group == "annexes":
            flags |= ANNEX
            if parent is None:
                kind = "annex"
                annex = _annex_letter(clause.label)
                if clause.obligation is Obligation.INFORMATIVE:
                    flags |= INFORMATIVE_ANNEX
        info = ClauseInfo(clause, loc, group, depth, layer, parent, flags, annex)
        self.index.clauses.append(info)
        self.add_id(clause.id, kind, clause, loc, layer)
        if clause.title:
            self.inlines(clause.title, (*loc, "title"), flags, layer)
        if clause.blocks:
            self.blocks(clause.blocks, (*loc, "blocks"), flags, layer, info)
        for i, sub in enumerate(clause.subclauses):
            self.clause(sub, (*loc, "subclauses", i), group, depth + 1, layer, info, flags)

    def blocks(
        self,
        blocks: Sequence[Any],
        loc: Loc,
        flags: int,
        layer: int,
        clause: ClauseInfo | None,
    ) -> None:
        index = self.index
        for i, block in enumerate(blocks):
            here = (*loc, i)
            kind = type(block)
            if kind is Paragraph:
                if block.id is not None:
                    self.add_id(block.id, "paragraph", block, here, layer)
                self.unit(block.content, here, flags, layer, block.provision)
            elif kind is ListBlock:
                self.add_id(block.id, "list", block, here, layer)
                for j, item in enumerate(block.items):
                    item_loc = (*here, "items", j)
                    self.add_id(item.id, "list-item", item, item_loc, layer)
                    self.blocks(item.blocks, (*item_loc, "blocks"), flags, layer, clause)
            elif kind is Note:
                self.add_id(block.id, "note", block, here, layer)
                self.blocks(block.blocks, (*here, "blocks"), flags | NOTE, layer, clause)
            elif kind is Example:
                self.add_id(block.id, "example", block, here, layer)
                self.blocks(block.blocks, (*here, "blocks"), flags | EXAMPLE, layer, clause)
            elif kind is Table:
                self.table(block, here, flags, layer, clause)
            elif kind is Figure:
                self.add_id(block.id, "figure", block, here, layer)
                index.figures.append(Numbered(block, here, layer, clause.annex if clause else None))
                self.inlines(block.caption, (*here, "caption"), flags, layer)
                self.blocks(block.description, (*here, "description"), flags, layer, clause)
                self.blocks(block.blocks, (*here, "blocks"), flags, layer, clause)
            elif kind is Formula:
                self.add_id(block.id, "formula", block, here, layer)
                index.formulas.append(
                    Numbered(block, here, layer, clause.annex if clause else None)
                )
                self.blocks(block.key, (*here, "key"), flags, layer, clause)
            elif kind is Quote:
                self.add_id(block.id, "quote", block, here, layer)
                self.blocks(block.blocks, (*here, "blocks"), flags, layer, clause)
            elif kind is TermEntry:
                self.term(block, here, flags, layer, clause)
            elif kind is ReferenceEntry:
                self.add_id(block.id, "reference", block, here, layer)
                normative = bool(flags & NORMATIVE_REFERENCES) and not flags & INFORMATIVE
                index.references.append(RefInfo(block, here, normative, layer))
                self.inlines(block.title, (*here, "title"), flags, layer)
                self.inlines(block.citation, (*here, "citation"), flags, layer)
            elif kind is Footnote:
                self.add_id(block.id, "footnote", block, here, layer)
                self.blocks(block.blocks, (*here, "blocks"), flags | FOOTNOTE, layer, clause)
            elif kind is DefinitionList:
                self.add_id(block.id, "definition-list", block, here, layer)
                for j, item in enumerate(block.items):
                    item_loc = (*here, "items", j)
                    self.add_id(item.id, "definition-item", item, item_loc, layer)
                    self.inlines(item.term, (*item_loc, "term"), flags, layer)
                    self.blocks(item.definition, (*item_loc, "definition"), flags, layer, clause)
            elif kind is Preformat:
                self.add_id(block.id, "preformat", block, here, layer)
            elif kind is ForeignBlock:
                # A table or figure kept as foreign XML still takes a number in its sequence.
                noun = _FOREIGN_KIND.get(root_name(block.xml))
                if noun in ("table", "figure"):
                    index.opaque_numbered.add((noun, layer, clause.annex if clause else None))

    def table(
        self, table: Table, loc: Loc, flags: int, layer: int, clause: ClauseInfo | None
    ) -> None:
        self.add_id(table.id, "table", table, loc, layer)
        self.index.tables.append(Numbered(table, loc, layer, clause.annex if clause else None))
        self.inlines(table.caption, (*loc, "caption"), flags, layer)
        self.blocks(table.description, (*loc, "description"), flags, layer, clause)
        cell_flags = flags | TABLE
        for part in ("head", "body", "foot"):
            rows = getattr(table, part)
            for r, row in enumerate(rows):
                for c, cell in enumerate(row.cells):
                    self.cell(cell, (*loc, part, r, "cells", c), cell_flags, layer, clause)
        self.blocks(table.notes, (*loc, "notes"), flags | NOTE, layer, clause)

    def cell(self, cell: Cell, loc: Loc, flags: int, layer: int, clause: ClauseInfo | None) -> None:
        if cell.content:
            self.unit(cell.content, loc, flags, layer)
        if cell.blocks:
            self.blocks(cell.blocks, (*loc, "blocks"), flags, layer, clause)

    def term(
        self, entry: TermEntry, loc: Loc, flags: int, layer: int, clause: ClauseInfo | None
    ) -> None:
        self.add_id(entry.id, "term", entry, loc, layer)
        self.index.terms.append((entry, loc, flags, layer))
        for i, designation in enumerate(entry.designations):
            if designation.content:
                here = (*loc, "designations", i, "content")
                self.inlines(designation.content, here, flags, layer)
        for i, definition in enumerate(entry.definitions):
            here = (*loc, "definitions", i)
            self.unit(
                definition.content, here, flags | DEFINITION, layer, None, definition.language
            )
            # A definition continued by a list or a table (ISO writes those in tbx:definition).
            self.blocks(definition.blocks, (*here, "blocks"), flags | DEFINITION, layer, clause)
        for i, example in enumerate(entry.examples):
            here = (*loc, "examples", i)
            self.add_id(example.id, "example", example, here, layer)
            self.blocks(example.blocks, (*here, "blocks"), flags | EXAMPLE, layer, clause)
        for i, note in enumerate(entry.notes):
            here = (*loc, "notes", i)
            self.add_id(note.id, "note", note, here, layer)
            self.blocks(note.blocks, (*here, "blocks"), flags | NOTE, layer, clause)
        for i, source in enumerate(entry.sources):
            here = (*loc, "sources", i)
            if source.reference is not None:
                self.index.term_sources.append((source.reference, here, layer))
            self.inlines(source.modification, (*here, "modification"), flags, layer)
            self.inlines(source.content, (*here, "content"), flags, layer)
        self.blocks(entry.display, (*loc, "display"), flags, layer, clause)

    def unit(
        self,
        inlines: Sequence[Any],
        loc: Loc,
        flags: int,
        layer: int,
        marked: ProvisionKind | None = None,
        language: str | None = None,
    ) -> None:
        """A text unit, indexed with its runs (its plain text made on the way)."""
        unit = TextUnit(inlines, loc, flags, layer, marked, language)
        self.index.units.append(unit)
        self.inlines(inlines, (*loc, "content"), flags, layer, unit)

    def inlines(
        self, inlines: Sequence[Any], loc: Loc, flags: int, layer: int, unit: TextUnit | None = None
    ) -> None:
        """Index inline runs (their ids, references, provision spans and footnotes) in
        document order; for a text unit's runs, gather its plain text (:func:`plain_text`'s)
        in the same walk. A provision span is a unit of its own, left out of its parent's
        text, as a footnote is."""
        if not inlines or _one_text(inlines):
            if unit is not None and inlines:
                unit.full_text = str(inlines[0].text)
            return
        index = self.index
        refs = self.cross_references
        # The runs being read, with their place, the text they add to (a scratch one outside
        # a unit) and the unit whose text is complete once they are.
        stack: list[tuple[Iterator[tuple[int, Any]], Loc, list[str], TextUnit | None]] = [
            (enumerate(inlines), loc, [], unit)
        ]
        while stack:
            runs, base, out, owner = stack[-1]
            for i, item in runs:
                kind = type(item)
                if kind is Text:
                    out.append(item.text)
                elif kind in _CONTAINERS:
                    if kind is Xref:
                        if refs:
                            index.xrefs.append((item, (*base, i), layer))
                    elif kind is StandardRef:
                        if refs:
                            index.standard_refs.append((item, (*base, i), layer, flags))
                    elif kind is TermRef:
                        if refs:
                            index.term_refs.append((item, (*base, i), layer))
                    elif (kind is NamedContent or kind is StyledContent) and item.id is not None:
                        self.add_id(item.id, item.type, item, (*base, i), layer)
                    content = item.content
                    if not content:
                        if kind is StandardRef:  # a reference with no text reads as its id
                            out.append(item.identifier)
                    elif len(content) == 1 and type(content[0]) is Text:  # _one_text
                        out.append(content[0].text)
                    else:
                        stack.append((enumerate(content), (*base, i, "content"), out, None))
                        break
                elif kind is LineBreak:
                    out.append(" ")
                elif kind is InlineFormula:
                    out.append(item.text or "")
                    if item.id is not None:
                        self.add_id(item.id, "formula", item, (*base, i), layer)
                elif kind is FootnoteRef:
                    if refs:
                        index.footnote_refs.append((item, (*base, i), layer))
                elif kind is ProvisionSpan:
                    here = (*base, i)
                    span = TextUnit(item.content, here, flags, layer, item.kind)
                    index.units.append(span)
                    stack.append((enumerate(item.content), (*here, "content"), [], span))
                    break
                elif kind is Footnote:
                    here = (*base, i)
                    self.add_id(item.id, "footnote", item, here, layer)
                    self.blocks(item.blocks, (*here, "blocks"), flags | FOOTNOTE, layer, None)
                    if item.label_content:  # its text is no one's
                        stack.append(
                            (enumerate(item.label_content), (*here, "label_content"), [], None)
                        )
                        break
            else:
                stack.pop()
                if owner is not None:
                    owner.full_text = "".join(out)


#: An annex label: the word (any space after it, a no-break space included) and the letter.
_ANNEX_LABEL = re.compile(r"(?:Annex|Appendix|附录)?\s*([A-Z]{1,2})(?![A-Za-z0-9])")


def _annex_letter(label: str | None) -> str | None:
    """The letter of an annex from its label ("Annex A", "Annex\u00a0B (normative)", "附录 C")."""
    if not label:
        return None
    text = " ".join(label.split())
    match = _ANNEX_LABEL.match(text)
    return match.group(1) if match else text or None


#: Fields that hold XML kept as written (foreign fragments, MathML).
_XML_FIELDS = frozenset({"xml", "mathml"})
#: What a foreign element is, as a cross-reference kind says it.
_FOREIGN_KIND = {
    "table-wrap": "table",
    "table-wrap-group": "table",
    "fig": "figure",
    "fig-group": "figure",
    "disp-formula": "formula",
    "sec": "clause",
    "app": "annex",
    "term-sec": "term",
    "tbx:termEntry": "term",
    "fn": "footnote",
    "ref": "reference",
}


def build_index(doc: Document, *, cross_references: bool = True) -> Index:
    """Walk the document and every adopted layer once. Without ``cross_references``, the
    inline references (``xrefs``, ``term_refs``, ``footnote_refs``, ``standard_refs``) are
    left out, for a reader of the texts and the structure only (the RDF writer, the
    library): on a document of many, the places they are kept at are a sixth of the index."""
    index = Index()
    builder = _Builder(index, cross_references)
    layer: Layer | Document | None = doc
    loc: Loc = ()
    number = 0
    while layer is not None:
        builder.layer(layer, loc, number)
        layer = layer.adopted
        loc = (*loc, "adopted")
        number += 1
    return index


class Context:
    """What a check receives: the document, its index and the profile."""

    def __init__(self, doc: Document, profile: str = "generic") -> None:
        self.doc = doc
        self.profile = profile
        self.index = build_index(doc)
        self.rule: Rule | None = None

    @cached_property
    def every_id(self) -> dict[str, str]:
        """Every id anywhere in the document, with the kind of what has it: the index's, and
        those the index does not keep (media, rows, designations, and elements inside foreign
        XML fragments, by their element name). Built only when a target is missing from the
        index, so that a cross-reference to something the model keeps opaque (a table kept as
        foreign XML) is not reported as pointing at nothing."""
        found = {ident: targets[0].kind for ident, targets in self.index.ids.items()}
        stack: list[Any] = [self.doc]
        while stack:
            node = stack.pop()
            fields = node.__dict__
            ident = fields.get("id")
            if type(ident) is str:
                found.setdefault(ident, fields.get("type") or type(node).__name__.lower())
            for name, value in fields.items():
                if type(value) is tuple:
                    stack.extend(v for v in value if isinstance(v, Node))
                elif isinstance(value, Node):
                    stack.append(value)
                elif name in _XML_FIELDS and type(value) is str:
                    for tag, foreign_id in ids_in(value):
                        found.setdefault(foreign_id, _FOREIGN_KIND.get(tag, tag))
        return found

    def resolves(self, ident: str) -> bool:
        """Whether some element of the document has ``ident`` as its id."""
        return ident in self.index.ids or ident in self.every_id

    @cached_property
    def _folded(self) -> tuple[str, list[int]]:
        """Every unit's lower-cased text in one string, and where each unit starts in it."""
        starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for unit in self.index.units:
            low = unit.text.lower()
            starts.append(pos)
            parts.append(low)
            pos += len(low) + 1
        return "\n".join(parts), starts

    def units_containing(self, *needles: str) -> list[TextUnit]:
        """Units whose lower-cased text contains one of ``needles``, in document order.

        A literal search over all text at once is many times faster than running a
        case-insensitive regular expression over each unit; rules use it to find the few
        units worth a closer look.
        """
        text, starts = self._folded
        units = self.index.units
        hits: set[int] = set()
        for needle in needles:
            at = text.find(needle)
            while at != -1:
                which = bisect.bisect_right(starts, at) - 1
                hits.add(which)
                # Skip to the next unit: one hit per unit is enough.
                nxt = starts[which + 1] if which + 1 < len(starts) else len(text)
                at = text.find(needle, nxt)
        return [units[i] for i in sorted(hits)]

    @property
    def layers(self) -> list[LayerInfo]:
        """The document's layers, outermost first."""
        return self.index.layers

    def report(
        self,
        loc: Sequence[PathPart],
        message: str,
        hint: str | None = None,
        related: Sequence[tuple[Sequence[PathPart], str]] = (),
    ) -> Finding:
        """A finding of the rule being run, at ``loc``; ``related`` are the other places of
        the same cause, each with a short message."""
        current = self.rule
        code = current.code if current is not None else ""
        severity = current.severity if current is not None else Severity.ERROR
        where = tuple(loc)
        places = tuple(
            Related(format_path(tuple(other)), text, loc=tuple(other)) for other, text in related
        )
        return Finding(code, severity, message, format_path(where), hint, loc=where, related=places)
