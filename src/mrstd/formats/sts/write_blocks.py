"""Writing STS blocks: paragraphs, lists, notes, figures, formulas, footnotes,
references and the other block elements, wrapped or moved where a container cannot hold
them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typing_extensions import assert_never

from ...fragments import root_name
from ...model import (
    Address,
    BlockNode,
    Code,
    DefinitionList,
    Example,
    Figure,
    Footnote,
    ForeignBlock,
    Formula,
    Graphic,
    ListBlock,
    Note,
    Paragraph,
    Preformat,
    Quote,
    ReferenceEntry,
    Table,
    TermEntry,
)
from .write_base import WriterBase, attr, esc, foreign_text, std_attrs, std_ref_attrs
from .write_content import (
    ADDRESS_PARTS,
    ATTRIB_CONTENT,
    CITATION,
    DEF_BLOCKS,
    FIG_BLOCKS,
    FIG_GROUP_BLOCKS,
    FN_BLOCKS,
    FORMULA_BLOCKS,
    FORMULA_INLINE,
    ITEM_BLOCKS,
    LABEL_CONTENT,
    NOTE_BLOCKS,
    P_INLINE,
    PARA_LEVEL,
    PREFORMAT_INLINE,
    QUOTE_BLOCKS,
    REF_NOTE_BLOCKS,
    RELATED_OBJECT_CONTENT,
    RICH,
    STD,
    TERM_INLINE,
)

_BLOCK_ELEMENT = {
    "paragraph": "p",
    "list": "list",
    "note": "non-normative-note",
    "example": "non-normative-example",
    "table": "table-wrap",
    "figure": "fig",
    "formula": "disp-formula",
    "footnote": "fn",
    "definition-list": "def-list",
    "preformat": "preformat",
    "graphic": "graphic",
    "address": "address",
    "quote": "disp-quote",
    "term-entry": "term-sec",
    "reference": "ref",
}


class BlockWriter(WriterBase):
    """Writing block elements."""

    @staticmethod
    def _block_name(b: Any) -> str:
        if b.type == "table" and b.array:
            return "array"
        if b.type == "code":
            return "preformat" if b.preformat else "code"
        if b.type == "figure" and b.group:
            return "fig-group"
        name = _BLOCK_ELEMENT.get(b.type)
        if name is not None:
            return name
        if b.type == "foreign":
            return root_name(b.xml)
        return ""

    def blocks(self, blocks: Sequence[Any], allowed: frozenset[str], path: str) -> None:
        """Blocks in a container that allows the elements in ``allowed``; runs of references
        and of footnotes are grouped as the container allows."""
        pending_refs: list[Any] = []
        pending_fns: list[Any] = []
        for index, b in enumerate(blocks):
            self._where = (path, index)
            cls = b.__class__
            if cls is ReferenceEntry or (cls is ForeignBlock and root_name(b.xml) == "ref"):
                if pending_fns:
                    self._flush(pending_refs, pending_fns, allowed)
                pending_refs.append(b)
                continue
            if cls is Footnote:
                if pending_refs:
                    self._flush(pending_refs, pending_fns, allowed)
                pending_fns.append(b)
                continue
            if pending_refs or pending_fns:
                self._flush(pending_refs, pending_fns, allowed)
            if cls is Paragraph and "p" in allowed:
                self.paragraph(b)  # the most frequent block, where it is allowed
            else:
                self.block(b, allowed)
        if pending_refs or pending_fns:
            self._flush(pending_refs, pending_fns, allowed)

    def _flush(self, refs: list[Any], fns: list[Any], allowed: frozenset[str]) -> None:
        """Write the references and footnotes held back by ``blocks``, and forget them."""
        w = self.out.append
        if refs:
            wrap = "ref-list" not in allowed
            w("<p><ref-list>\n" if wrap else "<ref-list>\n")
            for ref in refs:
                self._ref_or_foreign(ref)
            w("</ref-list></p>\n" if wrap else "</ref-list>\n")
            refs.clear()
        if fns:
            if "fn" in allowed:
                for fn in fns:
                    self.footnote(fn)
            elif "fn-group" in allowed:
                w("<fn-group>\n")
                for fn in fns:
                    self.footnote(fn)
                w("</fn-group>\n")
            else:
                for fn in fns:
                    w("<p>")
                    self.footnote(fn)
                    w("</p>\n")
            fns.clear()

    def _ref_or_foreign(self, b: Any) -> None:
        if b.type == "reference":
            self.reference(b)
        else:
            self.out.append(b.xml)
            self.out.append("\n")

    def block(self, b: Any, allowed: frozenset[str]) -> None:
        """One block; wrapped in a paragraph when the container does not allow it."""
        name = self._block_name(b)
        w = self.out.append
        if b.type == "term-entry" and "term-sec" not in allowed:
            self.term_as_definition(b, allowed)
            return
        if b.type == "foreign":
            if name in allowed:
                w(b.xml)
                w("\n")
            elif "p" in allowed and name in RICH | PARA_LEVEL | {"ref-list", "fn"}:
                w("<p>")
                w(b.xml)
                w("</p>\n")
            else:
                self.lost(f"<{name}> has no place here in STS; its text is kept in a paragraph")
                w("<p>" if "p" in allowed else "")
                w(esc(foreign_text(b.xml)))
                w("</p>\n" if "p" in allowed else "")
            return
        if name not in allowed:
            w("<p>")
            self.write_block(b)
            w("</p>\n")
            return
        self.write_block(b)

    def write_block(self, b: BlockNode) -> None:
        """The element of one block, by its model type: mypy --strict fails here when a
        block type is added to the model and not handled."""
        match b:
            case Paragraph():
                self.paragraph(b)
            case ListBlock():
                self.list_block(b)
            case Note() | Example():
                self.note(b)
            case Table():
                self.table(b)
            case Figure():
                self.figure(b)
            case Formula():
                self.formula(b)
            case Footnote():
                self.footnote_block(b)
            case DefinitionList():
                self.definition_list(b)
            case Preformat():
                self.preformat(b)
            case Address():
                self.address(b)
            case Quote():
                self.quote(b)
            case Code():
                self.code(b)
            case Graphic():
                self.graphic_block(b)
            case TermEntry():
                self.term_entry(b)
            case ReferenceEntry():
                self.reference(b)
            case ForeignBlock():
                self.foreign_block(b)
            case _:
                assert_never(b)

    def paragraph(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        if b.provision is not None:
            attrs += f' content-type="{b.provision.value}"'
        w(f"<p{attrs}>")
        self.inlines(b.content, P_INLINE)
        w("</p>\n")

    def list_block(self, b: Any) -> None:
        w = self.out.append
        list_type = b.style or ("order" if b.ordered else "bullet")
        attrs = f' id="{b.id}"' if b.id else ""
        if b.content_kind is not None:
            attrs += f' list-content="{attr(b.content_kind)}"'
        w(f'<list{attrs} list-type="{attr(list_type)}">\n')
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>\n")
        items = b.items
        if not items:
            self.normalised("empty list written with one empty item")
            w("<list-item><p/></list-item>\n")
        for item in items:
            iattrs = f' id="{item.id}"' if item.id else ""
            w(f"<list-item{iattrs}>")
            if item.label_content:
                w("<label>")
                self.inlines(item.label_content, LABEL_CONTENT)
                w("</label>")
            elif item.label is not None:
                w(f"<label>{esc(item.label)}</label>")
            if not item.blocks:
                w("<p/>")
            self.blocks(item.blocks, ITEM_BLOCKS, "items")
            w("</list-item>\n")
        w("</list>\n")

    def note(self, b: Any) -> None:  # also examples
        element = "non-normative-note" if b.type == "note" else "non-normative-example"
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        if b.kind is not None:
            attrs += f' content-type="{attr(b.kind)}"'
        if b.language is not None:
            attrs += f' xml:lang="{attr(b.language)}"'
        w(f"<{element}{attrs}>")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        self.blocks(b.blocks, NOTE_BLOCKS, "blocks")
        w(f"</{element}>\n")

    def formula(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        w(f"<disp-formula{attrs}>")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        if b.mathml:
            w(b.mathml)
            if b.text:
                self.lost("plain-text form of a formula that also has MathML")
        elif b.text:
            w(esc(b.text))
        if b.key:
            # The key follows a line break, its paragraphs as text (disp-formula holds no p).
            w("<break/>")
            self.unwrapped(b.key, "formula's key", FORMULA_INLINE, FORMULA_BLOCKS)
        w("</disp-formula>\n")

    def preformat(self, b: Any) -> None:
        attrs = f' id="{b.id}"' if b.id else ""
        if b.language:
            attrs += f' preformat-type="{attr(b.language)}"'
        self.out.append(f"<preformat{attrs}>{esc(b.text)}</preformat>\n")

    def code(self, b: Any) -> None:
        element = "preformat" if b.preformat else "code"
        language = "preformat-type" if b.preformat else "language"
        attrs = f' id="{b.id}"' if b.id else ""
        if b.language:
            attrs += f' {language}="{attr(b.language)}"'
        self.out.append(f"<{element}{attrs}>")
        self.inlines(b.content, PREFORMAT_INLINE)
        self.out.append(f"</{element}>\n")

    def graphic_block(self, b: Any) -> None:
        self.graphic(b.media)

    def definition_list(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        if b.style is not None:
            attrs += f' list-type="{attr(b.style)}"'
        w(f"<def-list{attrs}>\n")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>\n")
        for item in b.items:
            iattrs = f' id="{item.id}"' if item.id else ""
            w(f"<def-item{iattrs}><term>")
            self.inlines(item.term, TERM_INLINE)
            w("</term>")
            if item.definition:
                w("<def>")
                self.blocks(item.definition, DEF_BLOCKS, "definition")
                w("</def>")
            w("</def-item>\n")
        w("</def-list>\n")

    def figure(self, b: Any) -> None:
        w = self.out.append
        element = "fig-group" if b.group else "fig"
        attrs = f' id="{b.id}"' if b.id else ""
        if b.kind is not None:
            attrs += f' content-type="{attr(b.kind)}"'
        w(f"<{element}{attrs}>\n")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        self.caption(b.caption, b.description)
        for media in b.media:
            self.graphic(media)
        self.blocks(b.blocks, FIG_GROUP_BLOCKS if b.group else FIG_BLOCKS, "blocks")
        w(f"</{element}>\n")

    def caption(self, title: Sequence[Any], paragraphs: Sequence[Any]) -> None:
        """A caption: its title, then its paragraphs."""
        if not title and not paragraphs:
            return
        w = self.out.append
        w("<caption>")
        if title:
            w("<title>")
            self.inlines(title, RICH)
            w("</title>")
        self.blocks(paragraphs, frozenset({"p"}), "description")
        w("</caption>\n")

    def graphic(self, media: Any) -> None:
        w = self.out.append
        attrs = f' id="{media.id}"' if media.id else ""
        if media.mime_type:
            attrs += f' mimetype="{attr(media.mime_type)}"'
        w(f'<graphic{attrs} xlink:href="{attr(media.href)}"')
        if media.alt is None and media.label is None and not media.caption:
            w("/>\n")
            return
        w(">")
        if media.alt is not None:
            w(f"<alt-text>{esc(media.alt)}</alt-text>")
        if media.label is not None:
            w(f"<label>{esc(media.label)}</label>")
        self.caption(media.caption, media.description)
        w("</graphic>\n")

    def footnote(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        w(f"<fn{attrs}>")
        if b.label_content:
            w("<label>")
            self.inlines(b.label_content, LABEL_CONTENT)
            w("</label>")
        elif b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        if not b.blocks:
            w("<p/>")
        self.blocks(b.blocks, FN_BLOCKS, "blocks")
        w("</fn>")

    def footnote_block(self, b: Any) -> None:
        self.footnote(b)
        self.out.append("\n")

    def reference(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        if b.kind is not None:
            attrs += f' content-type="{attr(b.kind)}"'
        elif b.identifier is not None:
            attrs += ' content-type="standard"'
        w(f"<ref{attrs}>")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        if b.identifier is None and b.standard:
            # A standard cited in free text.
            w(f"<std{std_attrs(b)}>")
            later = self.hoisting_inlines(b.citation, STD)
            if b.title:
                self.normalised("title of a free citation written into the citation")
            w("</std>")
            if later:
                self.normalised("part of a citation written in a mixed-citation after the std")
                w("<mixed-citation>")
                self.inlines(later, CITATION)
                w("</mixed-citation>")
        elif b.identifier is not None:
            w(f"<std{std_attrs(b)}><std-ref{std_ref_attrs(b)}>{esc(b.identifier)}</std-ref>")
            if b.title:
                w("<title>")
                self.inlines(b.title, RICH)
                w("</title>")
            later = self.hoisting_inlines(b.citation, STD)
            if b.uri:
                w(f"<uri>{esc(b.uri)}</uri>")
            w("</std>")
            if later:
                # What a std cannot hold (formulas, line breaks) follows in a second citation.
                self.normalised("part of a citation written in a mixed-citation after the std")
                w("<mixed-citation>")
                self.inlines(later, CITATION)
                w("</mixed-citation>")
        else:
            w("<mixed-citation>")
            if b.title:
                self.normalised("title of a free citation written into the citation")
                self.inlines(b.title, CITATION)
            self.inlines(b.citation, CITATION)
            if b.uri:
                w(f"<uri>{esc(b.uri)}</uri>")
            w("</mixed-citation>")
        if b.notes:
            self.blocks(b.notes, REF_NOTE_BLOCKS, "notes")
        if b.status is not None:
            self.lost("status of a reference")
        w("</ref>\n")

    def foreign_block(self, b: Any) -> None:
        self.out.append(b.xml)
        self.out.append("\n")

    def quote(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        w(f"<disp-quote{attrs}>\n")
        self.blocks(b.blocks, QUOTE_BLOCKS, "blocks")
        if b.source:
            w("<related-object>")
            self.inlines(b.source, RELATED_OBJECT_CONTENT)
            w("</related-object>\n")
        if b.attribution:
            w("<attrib>")
            self.inlines(b.attribution, ATTRIB_CONTENT)
            w("</attrib>\n")
        w("</disp-quote>\n")

    def address(self, b: Any) -> None:
        attrs = f' id="{b.id}"' if b.id else ""
        self.out.append(f"<address{attrs}>\n")
        for run in b.lines:
            self.inlines((run,), ADDRESS_PARTS)
            self.out.append("\n")
        self.out.append("</address>\n")
