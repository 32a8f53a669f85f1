"""A document as one self-contained HTML5 page, for people to read (issue 15).

The page is written as text, as the XML writers write theirs, and every character that comes
from the document passes through :func:`escape_text` or :func:`escape_attr` on its way in:
tags and attribute names are this module's own constants. Its anchors come from the model's
ids, or else from clause numbers, so that two renders of one document are identical and a
change in one clause changes only that clause's HTML. Every cross-reference whose target is
in the page is a link; one whose target is not is marked as unresolved instead of linking
nowhere. What the model keeps as foreign XML is shown as such, and MathML that could act as
HTML (an HTML element, an event handler, a script URL) is shown as its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from lxml import etree
from typing_extensions import assert_never

from ..formats.xmlescape import escape_attr, escape_text
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
    Xref,
)
from ..rules.context import plain_text
from ..rules.verbal import may_hold_form, sentence_provisions

esc = escape_text

#: The start and end tags of each text style.
_STYLE_TAG = {
    style: (f'<{tag} class="{style.value}">', f"</{tag}>")
    for style, tag in {
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
    }.items()
}
_GROUPS = ("preface", "body", "annexes", "back")
#: Clauses whose text may hold prescribed sentences (mrstd.rules.boilerplate).
_PREFACE = frozenset({ClauseKind.FOREWORD, ClauseKind.INTRODUCTION})
#: Characters a class name made from a model name keeps; anything else becomes "-".
_CLASS = re.compile(r"[^A-Za-z0-9_.-]+")
#: MathML is parsed without fetching or expanding anything.
_MATH_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
#: What an anchor made from a label cannot hold.
_SPACE = re.compile(r"\s+")
#: URL schemes a link of the document may have; any other (javascript:, data: …) is shown,
#: not linked. A URL without a scheme is relative.
_SAFE_SCHEMES = frozenset({"http", "https", "ftp", "mailto", "tel", "urn", "doi", "news"})
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]+")  # what browsers strip from or ignore in URLs
_SCHEME = re.compile(r"^([^:/?#]*):")
#: Element names HTML knows (and its parser acts on, even inside MathML): MathML holding one
#: of them is shown as its source rather than let into the page.
_HTML_NAMES = frozenset(
    """a abbr acronym address applet area article aside audio b base basefont bdi bdo
    bgsound big blink blockquote body br button canvas caption center cite code col
    colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset
    figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header
    hgroup hr html i iframe image img input ins isindex kbd keygen label legend li link
    listing main map mark marquee menu menuitem meta meter nav nobr noembed noframes
    noscript object ol optgroup option output p param picture plaintext pre progress q
    rb rp rt rtc ruby s samp script search section select slot small source span strike
    strong style sub summary sup svg table tbody td template textarea tfoot th thead
    time title tr track tt u ul var video wbr xmp""".split()  # noqa: SIM905 (140 words read better as words)
)
_URL_ATTRS = frozenset({"href", "src", "definitionURL", "altimg", "action", "formaction"})


def safe_url(url: str) -> bool:
    """Whether a link to ``url`` can be followed without running anything: a relative URL, or
    one whose scheme is in ``_SAFE_SCHEMES``."""
    m = _SCHEME.match(_URL_IGNORED.sub("", url))
    return m is None or m.group(1).lower() in _SAFE_SCHEMES


def _safe_math(math: Any) -> bool:
    """Whether parsed MathML is only MathML: no element HTML knows, no event handler, no URL
    that runs something."""
    for el in math.iter():
        if not isinstance(el.tag, str):
            continue  # a comment or a processing instruction
        if etree.QName(el).localname.lower() in _HTML_NAMES:
            return False
        for name, value in el.attrib.items():
            local = etree.QName(name).localname
            if local.lower().startswith("on") or (local in _URL_ATTRS and not safe_url(value)):
                return False
    return True


class HtmlRenderer:
    """One render: the page's text so far, the anchors in it, and the footnotes waiting for
    their clause."""

    #: Style a subclass adds to the page's.
    extra_css = ""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.out: list[str] = []
        self.w = self.out.append
        #: Every id the page gives.
        self.anchors: set[str] = set()
        #: The reference entries by identifier, for citations that do not link their entry.
        self.entries: dict[str, str] = {}
        #: Where each link to an anchor of the page starts and ends in ``out``, its target and
        #: class; and each citation: settled once the page is written and every anchor known.
        self.links: list[tuple[int, int, str, str]] = []
        self.citations: list[tuple[int, str, str | None]] = []
        self.footnotes: list[Footnote] = []
        self.clause_anchor = "document"
        #: Whether the clause being rendered is a foreword or an introduction (or in one).
        self.preface = False

    # ------------------------------------------------------------ the page

    def page(self) -> str:
        w = self.w
        title = self._title(self.doc.metadata) or self.doc.metadata.identifier.value
        w(
            f'<!DOCTYPE html>\n<html lang="{escape_attr(self._language())}"><head>'
            '<meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{_stylesheet()}{self.extra_css}</style></head><body>"
        )
        self.legend()
        layers: list[Any] = list(self.doc.layers())  # Document, then its Layers
        if len(layers) > 1:
            self.adoption_chain(layers)
        for number, layer in enumerate(layers):
            self.layer(layer, number)
        w("</body></html>\n")
        self._resolve()
        return "".join(self.out)

    def _language(self) -> str:
        languages = self.doc.metadata.languages
        return str(languages[0]) if languages else "en"

    @staticmethod
    def _title(meta: Metadata) -> str:
        return next((text for text in (t.as_line() for t in meta.titles) if text), "")

    def legend(self) -> None:
        """What the provision marks mean, and a switch that shows only the requirements."""
        w = self.w
        w('<div class="legend"><span class="label">Provisions: </span>')
        for kind in ProvisionKind:
            w(f'<span class="legend-item {kind.value}">{kind.value}</span>')
        switch = self._anchor("only-requirements")  # first: the script finds it by this name
        w(
            f'<label class="filter"><input type="checkbox" id="{switch}"> only requirements'
            f"</label><script>{_FILTER}</script></div>"
        )

    def adoption_chain(self, layers: Sequence[Document | Layer]) -> None:
        """The banner: each layer, outermost first, and how it adopts the next."""
        w = self.w
        w('<nav class="adoption-chain"><span class="label">Adoption chain: </span>')
        for number, layer in enumerate(layers):
            if number:
                link = next(iter(layers[number - 1].metadata.adoptions), None)
                degree = link.degree.value if link is not None else "adopts"
                w(f'<span class="degree"> → {esc(degree)} → </span>')
            w(f'<a href="#layer-{number}">{esc(layer.metadata.identifier.value)}</a>')
        w("</nav>")

    def layer(self, layer: Document | Layer, number: int) -> None:
        w = self.w
        w(f'<section class="layer"{self._id(f"layer-{number}")}>')
        self.metadata(layer.metadata)
        for group in _GROUPS:
            clauses: tuple[Clause, ...] = getattr(layer, group)
            if not clauses and not self.shows_group(number, group):
                continue
            w(f'<div class="{group}">')
            self.group_start(number, group)
            for index, clause in enumerate(clauses):
                self.clause(clause, f"{number}-{group}-{index}", 2)
            w("</div>")
        w("</section>")

    def shows_group(self, number: int, group: str) -> bool:
        """Whether a subclass has something to show in a group without clauses."""
        return False

    def group_start(self, number: int, group: str) -> None:
        """Where a subclass adds to a group of clauses (body, annexes …) before them."""

    # ------------------------------------------------------------ metadata

    def metadata(self, meta: Metadata) -> None:
        w = self.w
        w(f'<header class="metadata"><p class="identifier">{esc(meta.identifier.value)}</p>')
        for title in meta.titles:
            text = title.as_line()
            if text:
                lang = _attr("lang", str(title.language) if title.language else None)
                w(f'<h1 class="title"{lang}>{esc(text)}</h1>')
        w('<dl class="facts">')
        for name, value in _facts(meta):
            w(f"<dt>{esc(name)}</dt><dd>{esc(value)}</dd>")
        w("</dl>")
        for abstract in meta.abstract:
            w(f'<p class="abstract">{esc(abstract.text)}</p>')
        for note in meta.notes:
            w(f'<p class="metadata-note">{esc(note.text)}</p>')
        w("</header>")

    # ------------------------------------------------------------ clauses

    def clause(self, clause: Clause, fallback: str, level: int) -> None:
        w = self.w
        anchor = clause.id or (f"clause-{clause.label}" if clause.label else f"clause-{fallback}")
        ident = self._anchor(anchor)
        w(f'<section class="clause {clause.kind.value}"{_attr("id", ident)}>')
        # A footnote without an id is named after its clause, so that a change elsewhere
        # renames nothing here.
        self.clause_anchor = ident
        outer = self.preface
        self.preface = outer or clause.kind in _PREFACE
        h = min(level, 6)
        w(f"<h{h}>")
        if clause.label:
            w(f'<span class="number">{esc(clause.label)}</span> ')
        if clause.obligation is not None:
            w(f'<span class="obligation">({clause.obligation.value}) </span>')
        self.inlines(clause.title)
        w(f"</h{h}>")
        self.before_blocks(clause)
        self.blocks(clause.blocks)
        self.flush_footnotes()  # before the subclauses, which gather their own
        self.before_subclauses(clause)
        for index, sub in enumerate(clause.subclauses):
            self.clause(sub, f"{fallback}-{index}", level + 1)
        self.preface = outer
        w("</section>")

    def before_blocks(self, clause: Clause) -> None:
        """Where a subclass adds to a clause before its blocks (the redline does)."""

    def before_subclauses(self, clause: Clause) -> None:
        """Where a subclass adds to a clause before its subclauses."""

    def flush_footnotes(self) -> None:
        if not self.footnotes:
            return
        self.w('<div class="footnotes">')
        for footnote in self.footnotes:
            self.footnote(footnote)
        self.footnotes = []
        self.w("</div>")

    def footnote(self, footnote: Footnote) -> None:
        self.w(f'<aside class="footnote"{self._id(footnote.id)}>')
        if footnote.label or footnote.label_content:
            self._label(footnote.label, footnote.label_content)
        self.blocks(footnote.blocks)
        self.w("</aside>")

    # ------------------------------------------------------------ blocks

    def blocks(self, blocks: Iterable[BlockNode]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, b: BlockNode) -> None:
        """One block, by its model type: mypy --strict fails here when a block type is added
        to the model and not rendered."""
        w = self.w
        match b:
            case Paragraph():
                self.marked_text(f"<p{self._id(b.id)}", "", b.content, b.provision)
                w("</p>")
            case ListBlock():
                self.list_block(b)
            case Note() | Example():
                kind = "note" if isinstance(b, Note) else "example"
                w(f'<div class="{kind}"{self._id(b.id)}>')
                w(f'<span class="label">{esc(b.label or kind.upper())}</span>')
                self.blocks(b.blocks)
                w("</div>")
            case Table():
                self.table(b)
            case Figure():
                self.figure(b)
            case Formula():
                w(f'<div class="formula"{self._id(b.id)}>')
                if b.mathml:
                    self.mathml(b.mathml, display=True)
                elif b.text:
                    w(f"<code>{esc(b.text)}</code>")
                if b.label:
                    w(f'<span class="label">{esc(b.label)}</span>')
                self.blocks(b.key)
                w("</div>")
            case Footnote():
                self.footnote(b)
            case DefinitionList():
                w(f"<dl{self._id(b.id)}>")
                for item in b.items:
                    w(f"<dt{self._id(item.id)}>")
                    self.inlines(item.term)
                    w("</dt><dd>")
                    self.blocks(item.definition)
                    w("</dd>")
                w("</dl>")
            case Preformat():
                w(f"<pre{self._id(b.id)}>{esc(b.text)}</pre>")
            case Code():
                w(f'<pre class="code"{self._id(b.id)}>')
                self.inlines(b.content)
                w("</pre>")
            case Graphic():
                self.media(b.media)
            case Address():
                w(f"<address{self._id(b.id)}>")
                for index, line in enumerate(b.lines):
                    if index:
                        w("<br>")
                    self.inline(line)
                w("</address>")
            case Quote():
                w(f"<blockquote{self._id(b.id)}>")
                self.blocks(b.blocks)
                if b.source or b.attribution:
                    w("<footer>")
                    self.inlines(b.attribution)
                    if b.source:
                        w(" <cite>")
                        self.inlines(b.source)
                        w("</cite>")
                    w("</footer>")
                w("</blockquote>")
            case TermEntry():
                self.term_entry(b)
            case ReferenceEntry():
                self.reference(b)
            case ForeignBlock():
                self.foreign(b.xml, "pre")
            case _:
                assert_never(b)

    def list_block(self, b: ListBlock) -> None:
        w = self.w
        tag = "ol" if b.ordered else "ul"
        w(f"<{tag}{self._id(b.id)}>")
        for item in b.items:
            w(f"<li{self._id(item.id)}>")
            if item.label or item.label_content:
                self._label(item.label, item.label_content)
                w(" ")
            self.blocks(item.blocks)
            w("</li>")
        w(f"</{tag}>")

    def table(self, b: Table) -> None:
        w = self.w
        w(f'<div class="table"{self._id(b.id)}><table>')
        if b.label or b.caption:
            w("<caption>")
            if b.label:
                w(f'<span class="label">{esc(b.label)}</span> ')
            self.inlines(b.caption)
            self.blocks(b.description)
            w("</caption>")
        for part, rows in (("thead", b.head), ("tbody", b.body), ("tfoot", b.foot)):
            if not rows:
                continue
            w(f"<{part}>")
            for row in rows:
                w("<tr>")
                for cell in row.cells:
                    tag = "th" if cell.header or part == "thead" else "td"
                    spans = ""
                    if cell.rowspan and cell.rowspan > 1:
                        spans = f' rowspan="{cell.rowspan}"'
                    if cell.colspan and cell.colspan > 1:
                        spans += f' colspan="{cell.colspan}"'
                    self.marked_text(f"<{tag}{spans}", "", cell.content, None)
                    self.blocks(cell.blocks)
                    w(f"</{tag}>")
                w("</tr>")
            w(f"</{part}>")
        w("</table>")
        self.blocks(b.notes)
        w("</div>")

    def figure(self, b: Figure) -> None:
        w = self.w
        w(f"<figure{self._id(b.id)}>")
        for media in b.media:
            self.media(media)
        self.blocks(b.blocks)
        self._caption(b.label, b.caption, b.description)
        w("</figure>")

    def _caption(
        self, label: str | None, caption: Sequence[InlineNode], description: Sequence[BlockNode]
    ) -> None:
        if label or caption:
            self.w("<figcaption>")
            if label:
                self.w(f'<span class="label">{esc(label)}</span> ')
            self.inlines(caption)
            self.blocks(description)
            self.w("</figcaption>")

    def media(self, media: Any) -> None:
        w = self.w
        img = f'<img src="{escape_attr(media.href)}" alt="{escape_attr(media.alt or "")}"'
        if not (media.label or media.caption or media.description):
            w(f"{img}{self._id(media.id)}>")
            return
        w(f'<figure class="media"{self._id(media.id)}>{img}><figcaption>')
        if media.label:
            w(f'<span class="label">{esc(media.label)}</span> ')
        self.inlines(media.caption)
        self.blocks(media.description)
        w("</figcaption></figure>")

    def term_entry(self, b: TermEntry) -> None:
        w = self.w
        w(f'<section class="term-entry"{self._id(b.id)}>')
        if b.label:
            w(f'<span class="label">{esc(b.label)}</span>')
        for designation in b.designations:
            status = designation.status.value
            w(f'<p class="designation {status}"{self._id(designation.id)}>')
            if designation.content:
                self.inlines(designation.content)
            else:
                w(esc(designation.text))
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
                w(f'<span class="grammar"> ({esc(shown)})</span>')
            if designation.usage_note:
                w('<span class="usage-note"> — ')
                self.inlines(designation.usage_note)
                w("</span>")
            w("</p>")
        if b.domain:
            w(f'<p class="domain">⟨{esc(b.domain)}⟩</p>')
        for field in b.subject_fields:
            lang = escape_attr(field.language or "")
            w(f'<p class="domain" lang="{lang}">⟨{esc(field.text)}⟩</p>')
        for graphic in b.graphics:
            self.media(graphic)
        for definition in b.definitions:
            self.marked_text("<p", "definition", definition.content, None)
            w("</p>")
            self.blocks(definition.blocks)
        for example in b.examples:
            self.block(example)
        for note in b.notes:
            self.block(note)
        for source in b.sources:
            w('<p class="source">[SOURCE: ')
            if source.identifier:
                self.citation(source.identifier, source.reference)
            self.inlines(source.content)
            if source.modified:
                w(", modified")
            self.inlines(source.modification)
            w("]</p>")
        for ref in b.cross_references:
            w(f'<p class="see">{esc(ref.kind.value.replace("-", " ").capitalize())}: ')
            if ref.target:
                self._link(ref.target, "term-ref", ref.content)
            else:
                w("<span>")
                self.inlines(ref.content)
                w("</span>")
            w("</p>")
        if b.display:
            w('<div class="term-display">')
            self.blocks(b.display)
            w("</div>")
        w("</section>")

    def reference(self, b: ReferenceEntry) -> None:
        w = self.w
        anchor = self._anchor(b.id) if b.id is not None else None
        w(f'<p class="reference"{_attr("id", anchor)}>')
        if b.identifier and anchor is not None:
            self.entries.setdefault(b.identifier, anchor)
        if b.label:
            w(f'<span class="label">{esc(b.label)}</span> ')
        if b.identifier:
            w(f'<span class="identifier">{esc(b.identifier)}</span>')
            if b.title or b.citation:
                w(", ")
        if b.title:
            w("<cite>")
            self.inlines(b.title)
            w("</cite>")
        self.inlines(b.citation)
        if b.uri:
            w(" ")
            self._external(b.uri, ())
        w("</p>")
        self.blocks(b.notes)

    # ------------------------------------------------------------ inline

    def inlines(self, runs: Iterable[InlineNode]) -> None:
        w, inline = self.w, self.inline
        for run in runs:
            if type(run) is Text:  # half of all runs: written here, without a call
                w(esc(run.text))
            else:
                inline(run)

    def inline(self, run: InlineNode) -> None:
        """One inline run, by its model type: mypy --strict fails here when an inline type is
        added to the model and not rendered."""
        w = self.w
        match run:
            case Text():
                w(esc(run.text))
            case Styled():
                start, end = _STYLE_TAG[run.style]
                w(start)
                self.inlines(run.content)
                w(end)
            case Xref():
                self._link(run.target, "xref", run.content)
            case StandardRef():
                self.inlines(run.lead)
                self.citation(run.identifier, run.reference)
                self.inlines(run.content)
            case NamedContent():
                w(f'<span class="named {_class_name(run.name)}"{self._id(run.id)}>')
                self.inlines(run.content)
                w("</span>")
            case StyledContent():
                w(f'<span class="styled"{self._id(run.id)}>')
                self.inlines(run.content)
                w("</span>")
            case CitationTitle():
                w("<cite>")
                self.inlines(run.content)
                w("</cite>")
            case CitationPart():
                w(f'<span class="{run.part.value}">')
                self.inlines(run.content)
                w("</span>")
            case TermRef():
                if run.target:
                    self._link(run.target, "term-ref", run.content)
                else:
                    w('<span class="term-ref">')
                    self.inlines(run.content)
                    w("</span>")
            case FootnoteRef():
                w('<sup class="footnote-ref">')
                self._link(run.target, "footnote-ref", (), run.label or "*")
                w("</sup>")
            case Footnote():
                target = run.id or f"{self.clause_anchor}-fn-{len(self.footnotes) + 1}"
                if run.id is None:
                    run = Footnote(id=target, label=run.label, blocks=run.blocks)
                w('<sup class="footnote-ref">')
                self._link(target, "footnote-ref", (), run.label or "*")
                w("</sup>")
                self.footnotes.append(run)
            case InlineFormula():
                w(f'<span class="formula"{self._id(run.id)}>')
                if run.mathml:
                    self.mathml(run.mathml, display=False)
                else:
                    w(f"<code>{esc(run.text or '')}</code>")
                w("</span>")
            case InlineGraphic():
                src, alt = escape_attr(run.href), escape_attr(run.alt or "")
                w(f'<img src="{src}" alt="{alt}"{self._id(run.id)}>')
            case Number():
                w(f'<span class="number"{self._id(run.id)}>{esc(run.text)}</span>')
            case Link():
                self._external(run.href, run.content)
            case LineBreak():
                w("<br>")
            case ProvisionSpan():
                self.marked_text("<span", "provision-span", run.content, run.kind)
                w("</span>")
            case ForeignInline():
                self.foreign(run.xml, "code")
            case _:
                assert_never(run)

    def citation(self, identifier: str, reference: str | None) -> None:
        """A standard cited: a link to its entry in the references when it has one (which
        entry is known once the page is written)."""
        self.citations.append((len(self.out), identifier, reference))
        self.w("")  # the start tag, once the entry is known
        self.w(f"{esc(identifier)}</a>")

    def _external(self, href: str, content: Sequence[InlineNode]) -> None:
        """A link out of the page; one that would run something (javascript: …) is shown,
        not linked."""
        if safe_url(href):
            self.w(f'<a href="{escape_attr(href)}">')
            end = "</a>"
        else:
            self.w(f'<span class="link unsafe" title="not linked: {escape_attr(href)}">')
            end = "</span>"
        if content:
            self.inlines(content)
        else:
            self.w(esc(href))
        self.w(end)

    def mathml(self, mathml: str, display: bool) -> None:
        try:
            math = etree.fromstring(mathml, _MATH_PARSER)
        except etree.XMLSyntaxError:
            math = None
        if math is None or not _safe_math(math):
            self.w(f'<code class="mathml-source">{esc(mathml)}</code>')
            return
        for el in math.iter(etree.Element):
            el.tag = etree.QName(el).localname
            ident = el.get("id")
            if ident is not None:
                self.anchors.add(ident)
        etree.cleanup_namespaces(math)
        if display:
            math.set("display", "block")
        self.w(etree.tostring(math, encoding="unicode", with_tail=False))

    def foreign(self, xml: str, tag: str) -> None:
        """XML the model keeps as written: shown as such, with anchors for the ids in it."""
        for _element, ident in ids_in(xml):
            if ident not in self.anchors:
                self.w(f"<span{self._id(ident)}></span>")
        self.w(f'<{tag} class="foreign" title="kept as written (not modelled)">{esc(xml)}</{tag}>')

    def marked_text(
        self, start: str, cls: str, content: Sequence[InlineNode], marked: ProvisionKind | None
    ) -> None:
        """An element's start tag (``start``, and ``cls`` if any) and its content, with one
        badge per provision of the text (as mrstd.provisions() counts them) before it,
        carrying the provision's kind as a class; the element takes the kinds too, for the
        filter.

        The content is written first and the start tag put in its place after: the text as
        written (tags and all) holds every word of the plain text, so a page whose text has
        no word of any verbal form need not be turned into plain text at all."""
        out = self.out
        slot = len(out)
        out.append("")
        self.inlines(content)
        if marked is None and not may_hold_form(
            content[0].text
            if len(content) == 1 and type(content[0]) is Text
            else "".join(out[slot + 1 :])
        ):
            out[slot] = f'{start} class="{cls}">' if cls else f"{start}>"
            return
        classes = [cls] if cls else []
        badges: list[str] = []
        for found in sentence_provisions(plain_text(content), marked, self.preface):
            kind = found.kind.value
            form = found.form.form if found.form is not None else kind
            prescribed = found.prescribed
            badges.append(
                f'<span class="provision {kind}" title="{escape_attr(found.sentence)}"'
                f' data-form="{escape_attr(form)}"'
                + (f' data-prescribed="{prescribed.id}"' if prescribed is not None else "")
                + "></span>"
            )
            if f"has-{kind}" not in classes:
                classes.append(f"has-{kind}")
        out[slot] = f"{start}{_class(classes)}>{''.join(badges)}"

    def _label(self, text: str | None, content: Sequence[InlineNode]) -> None:
        """A label, formatted when the source formats it (``<sup>1)</sup>``)."""
        self.w('<span class="label">')
        if content:
            self.inlines(content)
        elif text:
            self.w(esc(text))
        self.w("</span>")

    # ------------------------------------------------------------ anchors

    def _link(
        self, target: str, kind: str, content: Sequence[InlineNode], text: str | None = None
    ) -> None:
        """A link to an anchor of the page, with the content (or else ``text``, or else the
        target) as its text; whether the anchor exists is settled by ``_resolve``."""
        start = len(self.out)
        self.w(f'<a href="#{escape_attr(target)}" class="{kind}">')
        if content:
            self.inlines(content)
        else:
            self.w(esc(text if text is not None else target))
        self.links.append((start, len(self.out), target, kind))
        self.w("</a>")

    def _resolve(self) -> None:
        """Keep the links whose anchor is in the page; mark the others unresolved (a link to
        nowhere is worse than none). Citations link to their entry, by reference or by
        identifier."""
        out, anchors = self.out, self.anchors
        for at, identifier, reference in self.citations:
            target = reference if reference in anchors else self.entries.get(identifier)
            if target is not None:
                out[at] = f'<a class="citation" href="#{escape_attr(target)}">'
            else:
                out[at] = '<span class="citation">'
                out[at + 1] = out[at + 1][: -len("</a>")] + "</span>"
        for start, end, target, kind in self.links:
            if target not in anchors:
                title = escape_attr(f"no {target!r} here")
                out[start] = f'<span class="{kind} unresolved" title="{title}">'
                out[end] = "</span>"

    def _id(self, ident: str | None) -> str:
        """The id attribute of an element, or nothing."""
        return "" if ident is None else _attr("id", self._anchor(ident))

    def _anchor(self, wanted: str) -> str:
        """An anchor for ``wanted``, unique in the page (a second one gets "-2")."""
        # An HTML id holds no space (a model id never does; a label may).
        base = wanted if wanted.isprintable() and " " not in wanted else _SPACE.sub("-", wanted)
        anchor, n = base, 1
        while anchor in self.anchors:
            n += 1
            anchor = f"{base}-{n}"
        self.anchors.add(anchor)
        return anchor


def _attr(name: str, value: str | None) -> str:
    """An attribute, or nothing for no value."""
    return "" if value is None else f' {name}="{escape_attr(value)}"'


@lru_cache(maxsize=1024)
def _class_name(name: str) -> str:
    """A class name made from a name of the model (there are few: most are made once)."""
    return _CLASS.sub("-", name)


def _class(classes: Sequence[str]) -> str:
    return f' class="{" ".join(classes)}"' if classes else ""


def _facts(meta: Metadata) -> list[tuple[str, str]]:
    """The metadata block's rows: a name and a value each."""
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
    return rows


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
