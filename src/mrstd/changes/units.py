"""The units two documents are aligned by: each layer's clauses and annexes as a tree, the
paragraphs of each, and its tables, figures, formulas, term entries and references.

Each unit carries a *comparison text*: the text as a reader sees it, except that a
cross-reference stands for its target (``⟨clause-5⟩``), not its number, so that renumbering
does not edit every sentence that points at a clause, and a standard cited stands for its
identifier (``⟦ISO 1234:2010⟧``), so that a changed citation is one token.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from typing_extensions import assert_never

from ..model import (
    Address,
    BlockNode,
    CitationPart,
    CitationTitle,
    Clause,
    ClauseKind,
    Code,
    DefinitionList,
    Document,
    Example,
    Figure,
    Footnote,
    FootnoteRef,
    ForeignBlock,
    ForeignInline,
    Formula,
    Graphic,
    InlineFormula,
    InlineGraphic,
    InlineNode,
    Layer,
    LineBreak,
    Link,
    ListBlock,
    NamedContent,
    Note,
    Number,
    Paragraph,
    Preformat,
    ProvisionSpan,
    Quote,
    ReferenceEntry,
    StandardRef,
    Styled,
    StyledContent,
    Table,
    TermEntry,
    TermRef,
    TermStatus,
    Text,
    Xref,
)
from .result import Place, UnitKind

GROUPS = ("preface", "body", "annexes", "back")
#: Words, numbers (with their decimal signs), single CJK characters, citation and target
#: markers, and single punctuation marks.
_TOKEN = re.compile(
    r"⟦[^⟧]*⟧|⟨[^⟩]*⟩|[\u3400-\u9fff\uf900-\ufaff]|\d+(?:[.,]\d+)*|[^\W\d_\u3400-\u9fff]+|[^\w\s]"
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")


def tokens(text: str) -> list[str]:
    """The words of a comparison text."""
    return _TOKEN.findall(text)


def is_number(token: str) -> bool:
    return _NUMBER.fullmatch(token) is not None


def join_words(words: Sequence[str]) -> str:
    """Words as one text: a space between two words or numbers, none before punctuation."""
    out: list[str] = []
    last = ""
    for word in words:
        if out and _spaced(last) and _spaced(word[0]):
            out.append(" ")
        out.append(word)
        last = word[-1]
    return "".join(out)


def _spaced(char: str) -> bool:
    return char.isalnum() or char in "⟦⟧⟨⟩"


def normal(text: str) -> str:
    """A text compared loosely: case and spacing ignored."""
    return _SPACE.sub(" ", text).strip().casefold()


def inline_text(runs: Sequence[InlineNode]) -> str:
    """The comparison text of inline runs (footnotes are units of their own)."""
    out: list[str] = []
    _inline_text(runs, out)
    return "".join(out)


def _inline_text(runs: Sequence[InlineNode], out: list[str]) -> None:
    for run in runs:
        match run:
            case Text():
                out.append(run.text)
            case Xref():
                out.append(f"⟨{run.target}⟩")
            case StandardRef():
                _inline_text(run.lead, out)
                identifier = " ".join(run.identifier.split())
                out.append(f"⟦{identifier}⟧")
                # What the citation shows beyond the identifier (", clause 3.1"), if anything.
                shown = " ".join(inline_text(run.content).split())
                if shown.startswith(identifier):
                    shown = shown[len(identifier) :]
                out.append(shown)
            case (
                Styled()
                | NamedContent()
                | StyledContent()
                | CitationTitle()
                | CitationPart()
                | ProvisionSpan()
            ):
                _inline_text(run.content, out)
            case TermRef():
                _inline_text(run.content, out)
            case Link():
                if run.content:
                    _inline_text(run.content, out)
                else:
                    out.append(run.href)
            case Number():
                out.append(run.text)
            case LineBreak():
                out.append(" ")
            case InlineFormula():
                out.append(f"⟨math {_digest(run.mathml or run.text or '')}⟩")
            case InlineGraphic():
                out.append(f"⟨graphic {run.href}⟩")
            case FootnoteRef() | Footnote():
                pass
            case ForeignInline():
                out.append(run.xml)
            case _:
                assert_never(run)


def _digest(mathml: str) -> str:
    """A formula as one token: a digest of its MathML's elements, attributes (ids aside)
    and text, whatever its namespace prefixes, attribute order or indentation."""
    try:
        root = etree.fromstring(mathml.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError:
        canonical = _SPACE.sub("", mathml)
    else:
        parts: list[str] = []
        for el in root.iter(etree.Element):
            attrs = sorted((etree.QName(k).localname, str(v)) for k, v in el.attrib.items())
            kept = " ".join(f"{k}={v}" for k, v in attrs if k != "id")
            text = (el.text or "").strip()
            parts.append(f"<{etree.QName(el).localname} {kept}>{text}")
            parts.append((el.tail or "").strip())
        canonical = "".join(parts)
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:10]


#: MathML is parsed without fetching or expanding anything.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


def ids_within(node: Any) -> tuple[str, ...]:
    """The ids of everything inside a table, figure or other unit, in order: a footnote of
    a table is cross-referenced by one of them."""
    found: list[str] = []
    stack = [getattr(node, name) for name in reversed(node.__dataclass_fields__) if name != "id"]
    while stack:
        value = stack.pop()
        if type(value) is tuple:
            stack.extend(reversed(value))
        elif hasattr(value, "__dataclass_fields__"):
            ident = getattr(value, "id", None)
            if isinstance(ident, str):
                found.append(ident)
            fields = value.__dataclass_fields__
            stack.extend(getattr(value, name) for name in reversed(fields) if name != "id")
    return tuple(found)


@dataclass(eq=False)
class Unit:
    """A paragraph, table, figure, formula, term entry or reference of one document."""

    kind: UnitKind
    node: Any
    path: str
    section: Section | None
    id: str | None
    label: str | None
    title: str
    text: str
    order: int = 0
    #: The ids of the notes, lists, footnotes and other containers this unit opens: a
    #: cross-reference to one of them is a reference to it.
    anchors: tuple[str, ...] = ()
    _words: frozenset[str] | None = None

    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(t.casefold() for t in tokens(f"{self.title} {self.text}"))
        return self._words

    def place(self) -> Place:
        section = self.section
        return Place(
            path=self.path,
            id=self.id,
            label=self.label,
            clause=section.label if section is not None else None,
            title=self.title[:80] or None,
        )


@dataclass(eq=False)
class Section:
    """A clause or an annex, with its subclauses and the units it holds directly."""

    kind: UnitKind
    node: Clause
    group: str
    layer: int
    path: str
    parent: Section | None
    id: str | None
    label: str | None
    title: str
    order: int = 0
    children: list[Section] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    _words: frozenset[str] | None = None

    def words(self) -> frozenset[str]:
        """Every word of the clause, its subclauses included."""
        if self._words is None:
            found: set[str] = {t.casefold() for t in tokens(self.title)}
            for unit in self.units:
                found |= unit.words()
            for child in self.children:
                found |= child.words()
            self._words = frozenset(found)
        return self._words

    def place(self) -> Place:
        return Place(
            path=self.path, id=self.id, label=self.label, clause=self.label, title=self.title[:80]
        )

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Outline:
    """One document layer's units."""

    layer: Document | Layer
    number: int
    roots: dict[str, list[Section]]
    sections: list[Section]
    #: The paragraphs and other text blocks (inside clauses).
    paragraphs: list[Unit]
    #: Tables, figures, formulas, term entries and references, by kind.
    objects: dict[UnitKind, list[Unit]]


class _Builder:
    def __init__(self, layer: Document | Layer | None, number: int, prefix: str) -> None:
        self.layer = layer
        self.number = number
        self.prefix = prefix
        self.order = number * 100_000_000  # the layers' units in order, outermost first
        self.opened: list[str] = []  # ids of containers opened since the last unit
        self.sections: list[Section] = []
        self.paragraphs: list[Unit] = []
        self.objects: dict[UnitKind, list[Unit]] = {
            kind: []
            for kind in (
                UnitKind.TABLE,
                UnitKind.FIGURE,
                UnitKind.FORMULA,
                UnitKind.TERM_ENTRY,
                UnitKind.REFERENCE,
            )
        }

    def build(self) -> Outline:
        assert self.layer is not None
        roots: dict[str, list[Section]] = {}
        for group in GROUPS:
            clauses: tuple[Clause, ...] = getattr(self.layer, group)
            roots[group] = [
                self.section(clause, group, f"{self.prefix}{group}[{i}]", None)
                for i, clause in enumerate(clauses)
            ]
        return Outline(self.layer, self.number, roots, self.sections, self.paragraphs, self.objects)

    def _next(self) -> int:
        self.order += 1
        return self.order

    def section(self, clause: Clause, group: str, path: str, parent: Section | None) -> Section:
        kind = UnitKind.ANNEX if clause.kind is ClauseKind.ANNEX else UnitKind.CLAUSE
        section = Section(
            kind=kind,
            node=clause,
            group=group,
            layer=self.number,
            path=path,
            parent=parent,
            id=clause.id,
            label=_label(clause.label),
            title=inline_text(clause.title),
            order=self._next(),
        )
        self.sections.append(section)
        self.blocks(clause.blocks, f"{path}.blocks", section)
        section.children = [
            self.section(sub, group, f"{path}.subclauses[{i}]", section)
            for i, sub in enumerate(clause.subclauses)
        ]
        return section

    def unit(
        self,
        kind: UnitKind,
        node: Any,
        path: str,
        section: Section | None,
        label: str | None = None,
        title: str = "",
        text: str = "",
    ) -> Unit:
        unit = Unit(
            kind=kind,
            node=node,
            path=path,
            section=section,
            id=getattr(node, "id", None),
            label=_label(label),
            title=title,
            text=text,
            order=self._next(),
            anchors=(*self.opened, *(ids_within(node) if kind is not UnitKind.PARAGRAPH else ())),
        )
        self.opened.clear()
        if kind is UnitKind.PARAGRAPH:
            self.paragraphs.append(unit)
        else:
            self.objects[kind].append(unit)
        if section is not None:
            section.units.append(unit)
        return unit

    def blocks(self, blocks: Sequence[BlockNode], path: str, section: Section | None) -> None:
        for i, block in enumerate(blocks):
            self.block(block, f"{path}[{i}]", section)

    def block(self, b: BlockNode, path: str, section: Section | None) -> None:
        """One block: a unit of its own, or the units inside it, by its model type."""
        P = UnitKind.PARAGRAPH
        container = getattr(b, "id", None)
        if container is not None and isinstance(
            b, (Note, Example, Quote, ListBlock, DefinitionList, Footnote)
        ):
            self.opened.append(container)
        match b:
            case Paragraph():
                self.unit(P, b, path, section, text=inline_text(b.content))
                self.footnotes(b.content, f"{path}.content", section)
            case ListBlock():
                for i, item in enumerate(b.items):
                    if item.id is not None:
                        self.opened.append(item.id)
                    self.blocks(item.blocks, f"{path}.items[{i}].blocks", section)
            case Note() | Example() | Quote():
                self.blocks(b.blocks, f"{path}.blocks", section)
            case Footnote():
                self.blocks(b.blocks, f"{path}.blocks", section)
            case DefinitionList():
                for i, entry in enumerate(b.items):
                    term = inline_text(entry.term)
                    self.unit(P, entry, f"{path}.items[{i}]", section, text=term)
                    self.blocks(entry.definition, f"{path}.items[{i}].definition", section)
            case Table():
                self.unit(
                    UnitKind.TABLE,
                    b,
                    path,
                    section,
                    b.label,
                    _caption(inline_text(b.caption), b.label),
                    table_text(b),
                )
            case Figure():
                hrefs = " ".join(f"⟨graphic {m.href}⟩" for m in b.media)
                text = " ".join([hrefs, *(block_text(x) for x in (*b.blocks, *b.description))])
                caption = _caption(inline_text(b.caption), b.label)
                self.unit(UnitKind.FIGURE, b, path, section, b.label, caption, text)
            case Formula():
                math = f"⟨math {_digest(b.mathml)}⟩" if b.mathml else (b.text or "")
                key = " ".join(block_text(x) for x in b.key)
                self.unit(UnitKind.FORMULA, b, path, section, b.label, "", f"{math} {key}")
            case TermEntry():
                self.unit(
                    UnitKind.TERM_ENTRY,
                    b,
                    path,
                    section,
                    b.label,
                    preferred(b),
                    term_text(b),
                )
            case ReferenceEntry():
                text = f"{inline_text(b.title)} {inline_text(b.citation)} {b.uri or ''}"
                identifier = " ".join((b.identifier or "").split())
                self.unit(UnitKind.REFERENCE, b, path, section, b.label, identifier, text.strip())
            case Preformat():
                self.unit(P, b, path, section, text=b.text)
            case Code():
                self.unit(P, b, path, section, text=inline_text(b.content))
            case Address():
                self.unit(P, b, path, section, text=" ".join(inline_text((x,)) for x in b.lines))
            case Graphic():
                self.unit(P, b, path, section, text=f"⟨graphic {b.media.href}⟩")
            case ForeignBlock():
                self.unit(P, b, path, section, text=b.xml)
            case _:
                assert_never(b)

    def footnotes(self, runs: Sequence[InlineNode], path: str, section: Section | None) -> None:
        for i, run in enumerate(runs):
            if isinstance(run, Footnote):
                if run.id is not None:
                    self.opened.append(run.id)
                self.blocks(run.blocks, f"{path}[{i}].blocks", section)


def _label(label: str | None) -> str | None:
    """A number as compared: its spaces made one, and without the word some sources put
    before it (``Annex\xa0A`` and ``Table 1`` are ``A`` and ``1``)."""
    if not label:
        return label
    return _KIND_WORD.sub("", " ".join(label.split())) or label


#: The word before a number that some sources make part of the label.
_KIND_WORD = re.compile(
    r"^(?:annex|appendix|clause|table|figure|formula|equation|anhang|tabelle|bild|tableau"
    r"|附录|表|图|公式)\s*",
    re.IGNORECASE,
)


def _caption(caption: str, label: str | None) -> str:
    """A caption as compared: without the label some sources repeat in it ("Table 1 — ")."""
    text = caption.strip()
    if label:
        for written in (label, _label(label) or label):
            if text.startswith(written):
                return text[len(written) :].lstrip(" \u00a0—–-:.").strip()
    return caption


def block_text(b: BlockNode) -> str:
    """The comparison text of a block and everything in it."""
    builder = _Builder(None, 0, "")
    builder.block(b, "", None)
    units = [*builder.paragraphs, *(u for units in builder.objects.values() for u in units)]
    units.sort(key=lambda u: u.order)
    return " ".join(f"{u.title} {u.text}".strip() for u in units)


def table_text(table: Table) -> str:
    """A table's cells, row by row (`|` between cells, `//` between rows), and its notes."""
    rows: list[str] = []
    for row in (*table.head, *table.body, *table.foot):
        cells = []
        for cell in row.cells:
            parts = [inline_text(cell.content), *(block_text(x) for x in cell.blocks)]
            cells.append(" ".join(p for p in parts if p))
        rows.append(" | ".join(cells))
    notes = " ".join(block_text(x) for x in table.notes)
    return " // ".join(rows) + (f" {notes}" if notes else "")


def preferred(entry: TermEntry) -> str:
    """The first preferred designation of a term entry (or its first designation)."""
    for designation in entry.designations:
        if designation.status is TermStatus.PREFERRED:
            return designation.text
    return entry.designations[0].text if entry.designations else ""


def term_text(entry: TermEntry) -> str:
    """A term entry's text but its preferred designation: the other designations, the
    definition, examples, notes and sources."""
    parts = [
        f"{d.status.value}: {d.text}" for d in entry.designations if d.text != preferred(entry)
    ]
    for definition in entry.definitions:
        parts.append(inline_text(definition.content))
        parts.extend(block_text(x) for x in definition.blocks)
    parts.extend(block_text(x) for x in entry.examples)
    parts.extend(block_text(x) for x in entry.notes)
    for source in entry.sources:
        # The same source written out or structured reads the same: "⟦ISO 80000-3:2019⟧,
        # clause 3.1, modified — …".
        cited = f"⟦{' '.join(source.identifier.split())}⟧" if source.identifier else ""
        places = "".join(f", {p.type.value} {p.reference}" for p in source.locality)
        modified = ""
        if source.modified:
            modified = ", modified — " + inline_text(source.modification)
        parts.append(f"[SOURCE: {cited}{places}{modified}{inline_text(source.content)}]")
    return " ".join(p for p in parts if p)


def outline(layer: Document | Layer, number: int, prefix: str) -> Outline:
    """The units of one layer; ``prefix`` starts every path (``adopted.`` for a layer one
    step in)."""
    return _Builder(layer, number, prefix).build()


def outlines(doc: Document) -> list[Outline]:
    """Each layer's units, outermost first."""
    layers: list[Any] = list(doc.layers())  # the Document, then its Layers
    return [outline(layer, i, "adopted." * i) for i, layer in enumerate(layers)]
