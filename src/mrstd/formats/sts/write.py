"""Writing NISO STS 1.0 (Interchange or Extended tag set) from a document.

The writer builds the XML as text, choosing for every element only children the
tag set allows in that place (ANSI/NISO Z39.102-2017 content models). What a
context cannot hold is moved (a footnote out of a cross-reference), wrapped (a
table inside a list item goes into a ``p``), or, when STS has no place for it at
all, written as plain text and recorded as LOST in the conversion log.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...fragments import root_name
from ...model import Clause, ClauseKind, Document, Layer, Obligation
from ..base import ConversionLog
from ..xmlescape import encode_xml
from .common import MML_NS, TBX_NS, XLINK_NS
from .read_body import SEC_TYPES
from .write_base import attr, esc
from .write_blocks import BlockWriter
from .write_content import (
    BACK_SECTIONS,
    BODY_SECTIONS,
    FRONT_SECTIONS,
    META_CHILDREN,
    PARA_LEVEL,
    RICH,
    SEC_BLOCKS,
)
from .write_front import MetadataWriter
from .write_inline import InlineWriter
from .write_tables import TableWriter
from .write_terms import TermWriter


class Writer(InlineWriter, BlockWriter, TableWriter, TermWriter, MetadataWriter):
    """One export run: the document, its layers, front, body and back, and their clauses."""

    def document(self, doc: Document) -> bytes:
        w = self.out.append
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        languages = [t.language for t in doc.metadata.titles] or list(doc.metadata.languages)
        if languages:
            self.lang = languages[0]
        self.layer(doc, root=True)
        return encode_xml("".join(self.out), doc)

    def _root_attrs(self, root: bool) -> str:
        if not root:
            return ""
        return (
            f' xmlns:mml="{MML_NS}" xmlns:tbx="{TBX_NS}" xmlns:xlink="{XLINK_NS}" dtd-version="1.0"'
        )

    def layer(self, layer: Document | Layer, root: bool = False, prefix: str = "") -> None:
        w = self.out.append
        chain: list[Any] = list(layer.layers())
        if len(chain) > 1 and self._flat(chain):
            # Several metadata elements in one front, as ISOSTS writes an adoption chain.
            inner = chain[-1]
            w(f"<standard{self._root_attrs(root)}>\n<front>\n")
            for index, item in enumerate(reversed(chain)):
                self.path = prefix + "adopted." * (len(chain) - 1 - index) + "metadata"
                self.metadata(item.metadata, item.metadata.source_element or "std-meta")
            self.front_rest(inner, prefix + "adopted." * (len(chain) - 1))
            self.body_back(inner, prefix + "adopted." * (len(chain) - 1))
            w("</standard>\n")
            return
        if layer.adopted is None:
            w(f"<standard{self._root_attrs(root)}>\n<front>\n")
            self.path = prefix + "metadata"
            element = layer.metadata.source_element
            if element not in META_CHILDREN:
                element = "std-meta"
            self.metadata(layer.metadata, element)
            self.front_rest(layer, prefix)
            self.body_back(layer, prefix)
            w("</standard>\n")
            return
        w(f"<adoption{self._root_attrs(root)}>\n<adoption-front>\n")
        self.path = prefix + "metadata"
        element = "std-doc-meta" if layer.metadata.source_element == "std-doc-meta" else "std-meta"
        self.metadata(layer.metadata, element)
        self.sections(layer.preface, f"{prefix}preface", FRONT_SECTIONS, SEC_BLOCKS, False)
        if layer.body:
            self.path = prefix + "body"
            self.normalised("body of an adopting layer written in adoption-front")
            self.sections(layer.body, f"{prefix}body", FRONT_SECTIONS, SEC_BLOCKS, False)
        w("</adoption-front>\n")
        self.layer(layer.adopted, prefix=prefix + "adopted.")
        self.back(layer, prefix)
        w("</adoption>\n")

    def _flat(self, chain: list[Any]) -> bool:
        for item in chain[:-1]:
            if item.preface or item.body or item.annexes or item.back:
                return False
            if item.metadata.source_element not in ("reg-meta", "nat-meta", "iso-meta"):
                return False
        return chain[-1].metadata.source_element in META_CHILDREN

    def front_rest(self, layer: Any, prefix: str) -> None:
        self.sections(layer.preface, f"{prefix}preface", FRONT_SECTIONS, SEC_BLOCKS, False)
        self.out.append("</front>\n")

    def body_back(self, layer: Any, prefix: str) -> None:
        self.out.append("<body>\n")
        self.sections(layer.body, f"{prefix}body", BODY_SECTIONS, SEC_BLOCKS, True)
        self.out.append("</body>\n")
        self.back(layer, prefix)

    def back(self, layer: Any, prefix: str) -> None:
        if not layer.annexes and not layer.back:
            return
        w = self.out.append
        w("<back>\n")
        if layer.annexes:
            w("<app-group>\n")
            for index, annex in enumerate(layer.annexes):
                self.path = f"{prefix}annexes[{index}]"
                if self._anonymous(annex) and all(
                    b.type == "foreign" and root_name(b.xml) in ("app", "ref-list")
                    for b in annex.blocks
                ):
                    for b in annex.blocks:
                        w(b.xml)
                        w("\n")
                    continue
                self.clause(annex, self.path, "app")
            w("</app-group>\n")
        for index, item in enumerate(layer.back):
            self.path = f"{prefix}back[{index}]"
            if item.kind == ClauseKind.BIBLIOGRAPHY and self._ref_list_ok(item):
                self.ref_list_clause(item, self.path)
            else:
                self.sections((item,), f"{prefix}back", BACK_SECTIONS, SEC_BLOCKS, False, index)
        w("</back>\n")

    @staticmethod
    def _anonymous(c: Clause) -> bool:
        return (
            c.id is None
            and c.label is None
            and not c.title
            and c.obligation is None
            and not c.subclauses
            and c.kind in (ClauseKind.GENERAL, ClauseKind.ANNEX)
        )

    def sections(
        self,
        clauses: Sequence[Clause],
        path: str,
        allowed: frozenset[str],
        blocks_allowed: frozenset[str],
        lead_blocks: bool,
        start: int = 0,
    ) -> None:
        """A run of clauses in a place holding sections (body, front, back)."""
        for offset, c in enumerate(clauses):
            index = start + offset
            self.path = f"{path}[{index}]"
            if self._anonymous(c):
                # Runs of footnotes are written as an fn-group.
                names = [self._block_name(b) for b in c.blocks]
                names = ["fn-group" if n == "fn" else n for n in names]
                if all(n in allowed for n in names):
                    self.blocks(c.blocks, allowed, f"{self.path}.blocks")
                    continue
                if (
                    lead_blocks
                    and index == 0
                    and all(n in blocks_allowed or n in allowed for n in names)
                ):
                    self.clause_content(c, self.path, blocks_allowed)
                    continue
            self.clause(c, self.path, "sec")

    def clause(self, c: Clause, path: str, element: str) -> None:
        w = self.out.append
        attrs = f' id="{c.id}"' if c.id else ""
        if element == "sec":
            sec_type = c.type_label or _SEC_TYPE.get(c.kind)
            if sec_type:
                attrs += f' sec-type="{sec_type}"'
            if c.obligation is not None:
                self.path = path
                self.lost("obligation of a clause that is not an annex")
        elif c.obligation is not None:
            ctype = "norm-annex" if c.obligation == Obligation.NORMATIVE else "inform-annex"
            attrs += f' content-type="{ctype}"'
        w(f"<{element}{attrs}>\n")
        if c.label is not None:
            w(f"<label>{esc(c.label)}</label>\n")
        if element == "app" and c.obligation is not None:
            w(f"<annex-type>({c.obligation.value})</annex-type>\n")
        if c.title:
            w("<title>")
            self.inlines(c.title, RICH)
            w("</title>\n")
        elif c.label is None:
            # The tag set requires a label or a title; the model's clause has neither.
            self.path = path
            self.normalised(f"empty <title> added: <{element}> needs a label or a title")
            w("<title></title>\n")
        self.clause_content(c, path, SEC_BLOCKS)
        w(f"</{element}>\n")

    def clause_content(self, c: Clause, path: str, allowed: frozenset[str]) -> None:
        para: list[Any] = []
        sections: list[Any] = []
        for b in c.blocks:
            name = self._block_name(b)
            if name == "term-sec" or name == "sec":
                sections.append(b)
            else:
                if sections:
                    self.path = path
                    self.normalised("block after a term entry moved before the term entries")
                para.append(b)
        self.blocks(para, allowed, f"{path}.blocks")
        self.blocks(sections, BODY_SECTIONS, f"{path}.blocks")
        for index, sub in enumerate(c.subclauses):
            self.clause(sub, f"{path}.subclauses[{index}]", "sec")

    def _ref_list_ok(self, c: Clause) -> bool:
        seen_ref = False
        for b in c.blocks:
            if b.type == "reference" or (b.type == "foreign" and root_name(b.xml) == "ref"):
                seen_ref = True
            elif seen_ref or self._block_name(b) not in PARA_LEVEL:
                return False
        # Groups of references (nested ref-lists) are bibliography subclauses.
        groups_ok = all(
            s.kind == ClauseKind.BIBLIOGRAPHY and self._ref_list_ok(s) for s in c.subclauses
        )
        return groups_ok and c.obligation is None

    def ref_list_clause(self, c: Clause, path: str) -> None:
        w = self.out.append
        attrs = f' id="{c.id}"' if c.id else ""
        w(f'<ref-list content-type="{attr(c.type_label or "bibl")}"{attrs}>\n')
        if c.label is not None:
            w(f"<label>{esc(c.label)}</label>\n")
        if c.title:
            w("<title>")
            self.inlines(c.title, RICH)
            w("</title>\n")
        for index, b in enumerate(c.blocks):
            self.path = f"{path}.blocks[{index}]"
            if b.type == "reference":
                self.reference(b)
            elif b.type == "foreign":
                w(b.xml)
                w("\n")
            else:
                self.block(b, PARA_LEVEL)
        for index, sub in enumerate(c.subclauses):
            self.ref_list_clause(sub, f"{path}.subclauses[{index}]")
        w("</ref-list>\n")


_SEC_TYPE = {kind: name for name, kind in SEC_TYPES.items()}


def write_sts(doc: Document, log: ConversionLog, tag_set: str = "interchange") -> bytes:
    """Write NISO STS 1.0 in the Interchange (default) or Extended tag set."""
    return Writer(log, tag_set).document(doc)
