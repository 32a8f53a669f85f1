"""A document as one self-contained HTML5 page, for people to read (issue 15).

The page is built as an element tree (lxml), so every text is escaped by construction. Its
anchors come from the model's ids, or else from clause numbers, so that two renders of one
document are identical and a change in one clause changes only that clause's HTML. Every
cross-reference whose target is in the page is a link; one whose target is not is marked as
unresolved instead of linking nowhere. What the model keeps as foreign XML is shown as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree
from typing_extensions import assert_never

from ..fragments import ids_in
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
    Metadata,
    NamedContent,
    Note,
    Number,
    Paragraph,
    Preformat,
    ProvisionKind,
    ProvisionSpan,
    Quote,
    ReferenceEntry,
    StandardRef,
    Style,
    Styled,
    StyledContent,
    Table,
    TermEntry,
    TermRef,
    Text,
    Title,
    Xref,
)
from ..rules.context import plain_text
from ..rules.verbal import sentence_provisions

El = etree._Element

#: The HTML element of each text style.
_STYLE_TAG = {
    Style.STRONG: "strong",
    Style.EMPHASIS: "em",
    Style.SUB: "sub",
    Style.SUP: "sup",
    Style.CODE: "code",
    Style.UNDERLINE: "u",
    Style.SMALL_CAPS: "span",
    Style.STRIKE: "s",
    Style.OVERLINE: "span",
    Style.ROMAN: "span",
    Style.SANS_SERIF: "span",
}
_GROUPS = ("preface", "body", "annexes", "back")
#: Clauses whose text may hold prescribed sentences (mrstd.rules.boilerplate).
_PREFACE = frozenset({ClauseKind.FOREWORD, ClauseKind.INTRODUCTION})
#: Characters a class name made from a model name keeps; anything else becomes "-".
_ANCHOR = re.compile(r"[^A-Za-z0-9_.-]+")
#: MathML is parsed without fetching or expanding anything.
_MATH_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
#: Every id of a page, as plain strings.
_IDS = etree.XPath("//@id", smart_strings=False)
#: What an anchor made from a label cannot hold.
_SPACE = re.compile(r"\s+")


def _sub(parent: El, tag: str, text: str | None = None, **attrs: str) -> El:
    """A child element; ``class_`` stands for the ``class`` attribute."""
    if "class_" in attrs:
        attrs["class"] = attrs.pop("class_")
    el = etree.SubElement(parent, tag, attrs) if attrs else etree.SubElement(parent, tag)
    if text:
        el.text = text
    return el


def _title_text(title: Title) -> str:
    """A title as one line: the full title, or its parts joined with em dashes."""
    parts = [title.introductory, title.main, title.complementary]
    return title.full or " — ".join(p for p in parts if p)


def _append_text(parent: El, text: str) -> None:
    """Text after the last child of ``parent`` (lxml keeps it as that child's tail)."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class HtmlRenderer:
    """One render: the page, the anchors in it, and the footnotes waiting for their clause."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.anchors: set[str] = set()
        #: The reference entries by identifier, for citations that do not link their entry.
        self.entries: dict[str, str] = {}
        #: Every link to an anchor of the page, and every citation: checked once the page is
        #: built, when every anchor is known (``_resolve``).
        self.links: list[El] = []
        self.citations: list[tuple[El, str, str | None]] = []
        self.footnotes: list[Footnote] = []
        self.clause_anchor = "document"
        #: Whether the clause being rendered is a foreword or an introduction (or in one).
        self.preface = False

    # ------------------------------------------------------------ the page

    def page(self) -> str:
        html = etree.Element("html", lang=self._language())
        head = _sub(html, "head")
        _sub(head, "meta", charset="utf-8")
        _sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
        _sub(head, "title", self._title(self.doc.metadata) or self.doc.metadata.identifier.value)
        _sub(head, "style", _stylesheet())
        body = _sub(html, "body")
        self.legend(body)
        layers: list[Any] = list(self.doc.layers())  # Document, then its Layers
        if len(layers) > 1:
            self.adoption_chain(body, layers)
        for number, layer in enumerate(layers):
            self.layer(body, layer, number)
        self._resolve(html)
        text = etree.tostring(html, method="html", encoding="unicode")
        return "<!DOCTYPE html>\n" + text + "\n"

    def _language(self) -> str:
        languages = self.doc.metadata.languages
        return str(languages[0]) if languages else "en"

    @staticmethod
    def _title(meta: Metadata) -> str:
        return next((text for text in map(_title_text, meta.titles) if text), "")

    def legend(self, body: El) -> None:
        """What the provision marks mean, and a switch that shows only the requirements."""
        legend = _sub(body, "div", class_="legend")
        _sub(legend, "span", "Provisions: ", class_="label")
        for kind in ProvisionKind:
            _sub(legend, "span", kind.value, class_=f"legend-item {kind.value}")
        switch = _sub(legend, "label", class_="filter")
        _sub(switch, "input", type="checkbox", id="only-requirements")
        _append_text(switch, " only requirements")
        _sub(legend, "script", _FILTER)

    def adoption_chain(self, body: El, layers: Sequence[Document | Layer]) -> None:
        """The banner: each layer, outermost first, and how it adopts the next."""
        nav = _sub(body, "nav", class_="adoption-chain")
        _sub(nav, "span", "Adoption chain: ", class_="label")
        for number, layer in enumerate(layers):
            if number:
                link = next(iter(layers[number - 1].metadata.adoptions), None)
                degree = link.degree.value if link is not None else "adopts"
                _sub(nav, "span", f" → {degree} → ", class_="degree")
            _sub(nav, "a", layer.metadata.identifier.value, href=f"#layer-{number}")

    def layer(self, body: El, layer: Document | Layer, number: int) -> None:
        section = _sub(body, "section", class_="layer", id=self._anchor(f"layer-{number}"))
        self.metadata(section, layer.metadata)
        for group in _GROUPS:
            clauses: tuple[Clause, ...] = getattr(layer, group)
            if not clauses:
                continue
            part = _sub(section, "div", class_=group)
            for index, clause in enumerate(clauses):
                self.clause(part, clause, f"{number}-{group}-{index}", 2)

    # ------------------------------------------------------------ metadata

    def metadata(self, parent: El, meta: Metadata) -> None:
        header = _sub(parent, "header", class_="metadata")
        _sub(header, "p", meta.identifier.value, class_="identifier")
        for title in meta.titles:
            text = _title_text(title)
            if text:
                attrs = {"class": "title"}
                if title.language:
                    attrs["lang"] = str(title.language)
                _sub(header, "h1", text, **attrs)
        facts = _sub(header, "dl", class_="facts")
        rows: list[tuple[str, str]] = []
        dates = meta.dates
        for name in ("published", "implemented", "withdrawn", "confirmed"):
            value = getattr(dates, name)
            if value:
                rows.append((name.capitalize(), str(value)))
        for other in dates.other:
            rows.append((other.label or other.type.value, str(other.value)))
        status = meta.status
        if status.stage or status.lifecycle:
            stage = " ".join(str(x) for x in (status.stage, status.lifecycle) if x)
            rows.append(("Status", stage))
        if meta.ics:
            rows.append(("ICS", ", ".join(str(c.code) for c in meta.ics)))
        if meta.ccs:
            rows.append(("CCS", ", ".join(str(c.code) for c in meta.ccs)))
        for committee in meta.committees:
            rows.append(("Committee", committee.identifier))
        if meta.mandate is not None:
            rows.append(("Mandate", meta.mandate.value))
        if meta.scope is not None:
            rows.append(("Scope", meta.scope.value))
        for link in meta.adoptions:
            rows.append(("Adopts", f"{link.identifier} ({link.degree.value})"))
        if meta.drafting_rules is not None:
            rows.append(("Drafting rules", meta.drafting_rules.value))
        for name, value in (("Edition", meta.edition), ("Version", meta.version)):
            if value:
                rows.append((name, value))
        for organization in meta.publishers:
            rows.append(("Publisher", organization.name))
        for relation in meta.relations:
            rows.append((relation.kind.value.replace("-", " ").capitalize(), relation.identifier))
        if meta.keywords:
            rows.append(("Keywords", ", ".join(k.text for k in meta.keywords)))
        for copyright in meta.copyright:
            holders = ", ".join(copyright.holders)
            text = copyright.statement or " ".join(str(x) for x in (copyright.year, holders) if x)
            rows.append(("Copyright", text))
        for name, value in rows:
            _sub(facts, "dt", name)
            _sub(facts, "dd", value)
        for abstract in meta.abstract:
            _sub(header, "p", abstract.text, class_="abstract")
        for note in meta.notes:
            _sub(header, "p", note.text, class_="metadata-note")

    # ------------------------------------------------------------ clauses

    def clause(self, parent: El, clause: Clause, fallback: str, level: int) -> None:
        anchor = clause.id or (f"clause-{clause.label}" if clause.label else f"clause-{fallback}")
        section = _sub(parent, "section", class_=f"clause {clause.kind.value}")
        section.set("id", self._anchor(anchor))
        # A footnote without an id is named after its clause, so that a change elsewhere
        # renames nothing here.
        self.clause_anchor = section.get("id") or anchor
        outer = self.preface
        self.preface = outer or clause.kind in _PREFACE
        heading = _sub(section, f"h{min(level, 6)}")
        if clause.label:
            _sub(heading, "span", clause.label, class_="number")
            _append_text(heading, " ")
        if clause.obligation is not None:
            _sub(heading, "span", f"({clause.obligation.value}) ", class_="obligation")
        self.inlines(heading, clause.title)
        self.blocks(section, clause.blocks)
        self.flush_footnotes(section)  # before the subclauses, which gather their own
        for index, sub in enumerate(clause.subclauses):
            self.clause(section, sub, f"{fallback}-{index}", level + 1)
        self.preface = outer

    def flush_footnotes(self, section: El) -> None:
        if not self.footnotes:
            return
        box = _sub(section, "div", class_="footnotes")
        for footnote in self.footnotes:
            self.footnote(box, footnote)
        self.footnotes = []

    def footnote(self, parent: El, footnote: Footnote) -> None:
        aside = _sub(parent, "aside", class_="footnote")
        if footnote.id:
            aside.set("id", self._anchor(footnote.id))
        if footnote.label or footnote.label_content:
            label = _sub(aside, "span", class_="label")
            self._label(label, footnote.label, footnote.label_content)
        self.blocks(aside, footnote.blocks)

    # ------------------------------------------------------------ blocks

    def blocks(self, parent: El, blocks: Iterable[BlockNode]) -> None:
        for block in blocks:
            self.block(parent, block)

    def block(self, parent: El, b: BlockNode) -> None:
        """One block, by its model type: mypy --strict fails here when a block type is added
        to the model and not rendered."""
        match b:
            case Paragraph():
                p = _sub(parent, "p")
                self._id(p, b.id)
                self.badges(p, b.content, b.provision)
                self.inlines(p, b.content)
            case ListBlock():
                self.list_block(parent, b)
            case Note() | Example():
                kind = "note" if isinstance(b, Note) else "example"
                box = _sub(parent, "div", class_=kind)
                self._id(box, b.id)
                _sub(box, "span", b.label or kind.upper(), class_="label")
                self.blocks(box, b.blocks)
            case Table():
                self.table(parent, b)
            case Figure():
                self.figure(parent, b)
            case Formula():
                box = _sub(parent, "div", class_="formula")
                self._id(box, b.id)
                if b.mathml:
                    self.mathml(box, b.mathml, display=True)
                elif b.text:
                    _sub(box, "code", b.text)
                if b.label:
                    _sub(box, "span", b.label, class_="label")
                self.blocks(box, b.key)
            case Footnote():
                self.footnote(parent, b)
            case DefinitionList():
                dl = _sub(parent, "dl")
                self._id(dl, b.id)
                for item in b.items:
                    dt = _sub(dl, "dt")
                    self._id(dt, item.id)
                    self.inlines(dt, item.term)
                    self.blocks(_sub(dl, "dd"), item.definition)
            case Preformat():
                pre = _sub(parent, "pre", b.text)
                self._id(pre, b.id)
            case Code():
                pre = _sub(parent, "pre", class_="code")
                self._id(pre, b.id)
                self.inlines(pre, b.content)
            case Graphic():
                self.media(parent, b.media)
            case Address():
                address = _sub(parent, "address")
                self._id(address, b.id)
                for index, line in enumerate(b.lines):
                    if index:
                        _sub(address, "br")
                    self.inline(address, line)
            case Quote():
                quote = _sub(parent, "blockquote")
                self._id(quote, b.id)
                self.blocks(quote, b.blocks)
                if b.source or b.attribution:
                    footer = _sub(quote, "footer")
                    self.inlines(footer, b.attribution)
                    if b.source:
                        _append_text(footer, " ")
                        self.inlines(_sub(footer, "cite"), b.source)
            case TermEntry():
                self.term_entry(parent, b)
            case ReferenceEntry():
                self.reference(parent, b)
            case ForeignBlock():
                self.foreign(parent, b.xml, "pre")
            case _:
                assert_never(b)

    def list_block(self, parent: El, b: ListBlock) -> None:
        lst = _sub(parent, "ol" if b.ordered else "ul")
        self._id(lst, b.id)
        for item in b.items:
            li = _sub(lst, "li")
            self._id(li, item.id)
            if item.label or item.label_content:
                label = _sub(li, "span", class_="label")
                self._label(label, item.label, item.label_content)
                _append_text(li, " ")
            self.blocks(li, item.blocks)

    def table(self, parent: El, b: Table) -> None:
        box = _sub(parent, "div", class_="table")
        self._id(box, b.id)
        table = _sub(box, "table")
        if b.label or b.caption:
            caption = _sub(table, "caption")
            if b.label:
                _sub(caption, "span", b.label, class_="label")
                _append_text(caption, " ")
            self.inlines(caption, b.caption)
            self.blocks(caption, b.description)
        for part, rows in (("thead", b.head), ("tbody", b.body), ("tfoot", b.foot)):
            if not rows:
                continue
            section = _sub(table, part)
            for row in rows:
                tr = _sub(section, "tr")
                for cell in row.cells:
                    td = _sub(tr, "th" if cell.header or part == "thead" else "td")
                    if cell.rowspan and cell.rowspan > 1:
                        td.set("rowspan", str(cell.rowspan))
                    if cell.colspan and cell.colspan > 1:
                        td.set("colspan", str(cell.colspan))
                    if cell.content:
                        self.badges(td, cell.content, None)
                    self.inlines(td, cell.content)
                    self.blocks(td, cell.blocks)
        self.blocks(box, b.notes)

    def figure(self, parent: El, b: Figure) -> None:
        figure = _sub(parent, "figure")
        self._id(figure, b.id)
        for media in b.media:
            self.media(figure, media)
        self.blocks(figure, b.blocks)
        if b.label or b.caption:
            caption = _sub(figure, "figcaption")
            if b.label:
                _sub(caption, "span", b.label, class_="label")
                _append_text(caption, " ")
            self.inlines(caption, b.caption)
            self.blocks(caption, b.description)

    def media(self, parent: El, media: Any) -> None:
        if not (media.label or media.caption or media.description):
            img = _sub(parent, "img", src=media.href, alt=media.alt or "")
            self._id(img, media.id)
            return
        figure = _sub(parent, "figure", class_="media")
        self._id(figure, media.id)
        _sub(figure, "img", src=media.href, alt=media.alt or "")
        caption = _sub(figure, "figcaption")
        if media.label:
            _sub(caption, "span", media.label, class_="label")
            _append_text(caption, " ")
        self.inlines(caption, media.caption)
        self.blocks(caption, media.description)

    def term_entry(self, parent: El, b: TermEntry) -> None:
        entry = _sub(parent, "section", class_="term-entry")
        entry.set("id", self._anchor(b.id))
        if b.label:
            _sub(entry, "span", b.label, class_="label")
        for designation in b.designations:
            p = _sub(entry, "p", class_=f"designation {designation.status.value}")
            self._id(p, designation.id)
            if designation.content:
                self.inlines(p, designation.content)
            else:
                p.text = designation.text
            facts = [
                designation.part_of_speech,
                designation.gender,
                designation.grammatical_number,
                designation.geographical_usage,
                designation.pronunciation,
                designation.term_type,
            ]
            shown = ", ".join(f for f in facts if f)
            if shown:
                _sub(p, "span", f" ({shown})", class_="grammar")
            if designation.usage_note:
                usage = _sub(p, "span", class_="usage-note")
                _append_text(usage, " — ")
                self.inlines(usage, designation.usage_note)
        if b.domain:
            _sub(entry, "p", f"⟨{b.domain}⟩", class_="domain")
        for field in b.subject_fields:
            _sub(entry, "p", f"⟨{field.text}⟩", class_="domain", lang=field.language or "")
        for graphic in b.graphics:
            self.media(entry, graphic)
        for definition in b.definitions:
            p = _sub(entry, "p", class_="definition")
            self.badges(p, definition.content, None)
            self.inlines(p, definition.content)
            self.blocks(entry, definition.blocks)
        for example in b.examples:
            self.block(entry, example)
        for note in b.notes:
            self.block(entry, note)
        for source in b.sources:
            p = _sub(entry, "p", "[SOURCE: ", class_="source")
            if source.identifier:
                self.citation(p, source.identifier, source.reference)
            self.inlines(p, source.content)
            if source.modified:
                _append_text(p, ", modified")
            self.inlines(p, source.modification)
            _append_text(p, "]")
        for ref in b.cross_references:
            p = _sub(entry, "p", f"{ref.kind.value.replace('-', ' ').capitalize()}: ", class_="see")
            link = self._link(p, ref.target, "term-ref") if ref.target else _sub(p, "span")
            self.inlines(link, ref.content)
        if b.display:
            self.blocks(_sub(entry, "div", class_="term-display"), b.display)

    def reference(self, parent: El, b: ReferenceEntry) -> None:
        p = _sub(parent, "p", class_="reference")
        self._id(p, b.id)
        if b.identifier and p.get("id"):
            self.entries.setdefault(b.identifier, p.get("id") or "")
        if b.label:
            _sub(p, "span", b.label, class_="label")
            _append_text(p, " ")
        if b.identifier:
            _sub(p, "span", b.identifier, class_="identifier")
            if b.title or b.citation:
                _append_text(p, ", ")
        if b.title:
            title = _sub(p, "cite")
            self.inlines(title, b.title)
        self.inlines(p, b.citation)
        if b.uri:
            _append_text(p, " ")
            _sub(p, "a", b.uri, href=b.uri)
        self.blocks(parent, b.notes)

    # ------------------------------------------------------------ inline

    def inlines(self, parent: El, runs: Iterable[InlineNode]) -> None:
        for run in runs:
            self.inline(parent, run)

    def inline(self, parent: El, run: InlineNode) -> None:
        """One inline run, by its model type: mypy --strict fails here when an inline type is
        added to the model and not rendered."""
        match run:
            case Text():
                _append_text(parent, run.text)
            case Styled():
                el = _sub(parent, _STYLE_TAG[run.style], class_=run.style.value)
                self.inlines(el, run.content)
            case Xref():
                el = self._link(parent, run.target, "xref")
                if run.content:
                    self.inlines(el, run.content)
                else:
                    el.text = run.target
            case StandardRef():
                self.inlines(parent, run.lead)
                self.citation(parent, run.identifier, run.reference)
                self.inlines(parent, run.content)
            case NamedContent():
                el = _sub(parent, "span", class_=f"named {_ANCHOR.sub('-', run.name)}")
                self._id(el, run.id)
                self.inlines(el, run.content)
            case StyledContent():
                el = _sub(parent, "span", class_="styled")
                self._id(el, run.id)
                self.inlines(el, run.content)
            case CitationTitle():
                self.inlines(_sub(parent, "cite"), run.content)
            case CitationPart():
                self.inlines(_sub(parent, "span", class_=run.part.value), run.content)
            case TermRef():
                if run.target:
                    el = self._link(parent, run.target, "term-ref")
                else:
                    el = _sub(parent, "span", class_="term-ref")
                self.inlines(el, run.content)
            case FootnoteRef():
                sup = _sub(parent, "sup", class_="footnote-ref")
                link = self._link(sup, run.target, "footnote-ref")
                link.text = run.label or "*"
            case Footnote():
                sup = _sub(parent, "sup", class_="footnote-ref")
                target = run.id or f"{self.clause_anchor}-fn-{len(self.footnotes) + 1}"
                if run.id is None:
                    run = Footnote(id=target, label=run.label, blocks=run.blocks)
                link = self._link(sup, target, "footnote-ref")
                link.text = run.label or "*"
                self.footnotes.append(run)
            case InlineFormula():
                span = _sub(parent, "span", class_="formula")
                self._id(span, run.id)
                if run.mathml:
                    self.mathml(span, run.mathml, display=False)
                else:
                    _sub(span, "code", run.text or "")
            case InlineGraphic():
                img = _sub(parent, "img", src=run.href, alt=run.alt or "")
                self._id(img, run.id)
            case Number():
                el = _sub(parent, "span", run.text, class_="number")
                self._id(el, run.id)
            case Link():
                el = _sub(parent, "a", href=run.href)
                if run.content:
                    self.inlines(el, run.content)
                else:
                    el.text = run.href
            case LineBreak():
                _sub(parent, "br")
            case ProvisionSpan():
                el = _sub(parent, "span", class_="provision-span")
                self.badges(el, run.content, run.kind)
                self.inlines(el, run.content)
            case ForeignInline():
                self.foreign(parent, run.xml, "code")
            case _:
                assert_never(run)

    def citation(self, parent: El, identifier: str, reference: str | None) -> None:
        """A standard cited: a link to its entry in the references when it has one (which
        entry is known once the page is built)."""
        self.citations.append(
            (_sub(parent, "a", identifier, class_="citation"), identifier, reference)
        )

    def mathml(self, parent: El, mathml: str, display: bool) -> None:
        try:
            math = etree.fromstring(mathml, _MATH_PARSER)
        except etree.XMLSyntaxError:
            _sub(parent, "code", mathml, class_="mathml-source")
            return
        for el in math.iter():
            if isinstance(el.tag, str):
                el.tag = etree.QName(el).localname
        etree.cleanup_namespaces(math)
        if display:
            math.set("display", "block")
        parent.append(math)

    def foreign(self, parent: El, xml: str, tag: str) -> None:
        """XML the model keeps as written: shown as such, with anchors for the ids in it."""
        for _element, ident in ids_in(xml):
            if ident not in self.anchors:
                _sub(parent, "span", id=self._anchor(ident))
        _sub(parent, tag, xml, class_="foreign", title="kept as written (not modelled)")

    def badges(self, el: El, content: Sequence[InlineNode], marked: ProvisionKind | None) -> None:
        """One badge per provision of the text (as mrstd.provisions() counts them), carrying
        its kind as a class, and the kinds on ``el`` for the filter."""
        kinds: list[str] = []
        for found in sentence_provisions(plain_text(content), marked, self.preface):
            kind = found.kind.value
            badge = _sub(el, "span", class_=f"provision {kind}", title=found.sentence)
            badge.set("data-form", found.form.form if found.form is not None else kind)
            if found.prescribed is not None:
                badge.set("data-prescribed", found.prescribed.id)
            kinds.append(f"has-{kind}")
        if kinds:
            old = el.get("class")
            el.set("class", " ".join([*([old] if old else []), *dict.fromkeys(kinds)]))

    def _label(self, el: El, text: str | None, content: Sequence[InlineNode]) -> None:
        """A label, formatted when the source formats it (``<sup>1)</sup>``)."""
        if content:
            self.inlines(el, content)
        else:
            el.text = text

    # ------------------------------------------------------------ anchors

    def _link(self, parent: El, target: str, kind: str) -> El:
        link = _sub(parent, "a", href=f"#{target}", class_=kind)
        self.links.append(link)
        return link

    def _resolve(self, page: El) -> None:
        """Keep the links whose anchor is in the page; mark the others unresolved (a link to
        nowhere is worse than none). Citations link to their entry, by reference or by
        identifier."""
        found: Any = _IDS(page)
        anchors = {str(value) for value in found}
        for el, identifier, reference in self.citations:
            target = reference if reference in anchors else self.entries.get(identifier)
            if target is not None:
                el.set("href", f"#{target}")
            else:
                el.tag = "span"
        for link in self.links:
            target = link.get("href", "#")[1:]
            if target not in anchors:
                link.tag = "span"
                del link.attrib["href"]
                link.set("class", f"{link.get('class')} unresolved")
                link.set("title", f"no {target!r} here")

    def _id(self, el: El, ident: str | None) -> None:
        if ident is not None:
            el.set("id", self._anchor(ident))

    def _anchor(self, wanted: str) -> str:
        """An anchor for ``wanted``, unique in the page (a second one gets "-2")."""
        base = _SPACE.sub("-", wanted)  # an HTML id holds no space; ids never do
        anchor, n = base, 1
        while anchor in self.anchors:
            n += 1
            anchor = f"{base}-{n}"
        self.anchors.add(anchor)
        return anchor


#: The one script of the page: the requirements filter (the page reads without it).
_FILTER = (
    "document.getElementById('only-requirements').addEventListener('change',"
    "function(e){document.body.classList.toggle('only-requirements',e.target.checked);});"
)


@cache
def _stylesheet() -> str:
    """The page's stylesheet, read once."""
    return resources.files("mrstd").joinpath("data/render.css").read_text("utf-8")


def render_html(doc: Document) -> str:
    """``doc`` as one self-contained HTML5 page."""
    return HtmlRenderer(doc).page()
