"""Writing STS tables: XHTML tables, and OASIS tables where the tag set allows them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...model import TableMarkup
from .common import OASIS_NS, oasis_column_name
from .write_base import WriterBase, attr, esc, optional_attrs
from .write_content import CELL_BLOCKS, CELL_INLINE, FOOT_BLOCKS

_ALIGN = frozenset({"left", "center", "right", "justify", "char"})

_VALIGN = frozenset({"top", "middle", "bottom", "baseline"})

_SCOPE = frozenset({"row", "col", "rowgroup", "colgroup"})

#: OASIS table frames (the keys) and the XHTML frame that draws the same rules.
_XHTML_FRAME = {
    "all": "box",
    "none": "void",
    "sides": "vsides",
    "top": "above",
    "bottom": "below",
    "topbot": "hsides",
}

_XHTML_FRAMES = frozenset({*_XHTML_FRAME.values(), "border", "lhs", "rhs"})


class TableWriter(WriterBase):
    """Writing tables."""

    def table(self, b: Any) -> None:
        """A table-wrap, or an array (a table without number, caption or notes)."""
        w = self.out.append
        element = "array" if b.array else "table-wrap"
        attrs = f' id="{b.id}"' if b.id else ""
        if b.kind is not None:
            attrs += f' content-type="{attr(b.kind)}"'
        w(f"<{element}{attrs}>\n")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>\n")
        if not b.array:
            self.caption(b.caption, b.description)
        elif b.caption or b.description:
            self.lost("caption of an array")
        if b.markup is TableMarkup.OASIS and self._oasis_writable(b):
            self.oasis_table(b)
        else:
            self.xhtml_table(b)
        if b.notes and b.array:
            self.lost("notes of an array")
        elif b.notes:
            w("<table-wrap-foot>\n")
            self.blocks(b.notes, FOOT_BLOCKS, "notes")
            w("</table-wrap-foot>\n")
        w(f"</{element}>\n")

    def xhtml_table(self, b: Any) -> None:
        w = self.out.append
        frame = _XHTML_FRAME.get(b.frame, b.frame) if b.markup is TableMarkup.OASIS else b.frame
        if frame is not None and frame not in _XHTML_FRAMES:
            self.lost(f"table frame {frame!r}, which XHTML tables do not have")
            frame = None
        attrs = optional_attrs(("frame", frame), ("style", b.style))
        if b.columns or b.column_count or b.colsep or b.rowsep:
            self.lost("OASIS column specifications and rules of an XHTML table")
        w(f"<table{attrs}>\n")
        for tag, rows in (("thead", b.head), ("tfoot", b.foot)):
            if rows:
                w(f"<{tag}>\n")
                self.rows(rows, oasis=False)
                w(f"</{tag}>\n")
        w("<tbody>\n")
        if b.body:
            self.rows(b.body, oasis=False)
        else:
            self.normalised("table without body rows given one empty row")
            w("<tr><td/></tr>\n")
        w("</tbody>\n</table>\n")

    def _oasis_writable(self, b: Any) -> bool:
        """Whether a table kept as OASIS can be written as OASIS; if not, the log says why."""
        if self.tag_set != "extended":
            reason = "the Interchange tag set has no OASIS tables"
        elif b.foot:
            reason = "OASIS exchange tables have no foot rows"
        elif b.array:
            reason = "an array holds an XHTML table"
        elif not b.body:
            reason = "an OASIS table needs a body row"
        else:
            return True
        self.normalised(f"OASIS table written as an XHTML table: {reason}")
        return False

    def oasis_table(self, b: Any) -> None:
        w = self.out.append
        frame = b.frame
        if frame is not None and frame not in _XHTML_FRAME:  # the keys are OASIS's frames
            self.lost(f"table frame {frame!r}, which OASIS tables do not have")
            frame = None
        attrs = optional_attrs(("frame", frame), ("colsep", b.colsep), ("rowsep", b.rowsep))
        if b.style:
            self.lost("style of an OASIS table")
        cols = b.column_count or max(
            (sum(c.colspan for c in row.cells) for row in (*b.head, *b.body)), default=1
        )
        w(f'<oasis:table xmlns:oasis="{OASIS_NS}"{attrs}>\n<oasis:tgroup cols="{cols}">\n')
        for column in b.columns:
            spec = optional_attrs(
                ("colname", column.name),
                ("colnum", column.number),
                ("colwidth", column.width),
                ("align", column.align),
                ("char", column.char),
                ("charoff", column.charoff),
                ("colsep", column.colsep),
                ("rowsep", column.rowsep),
            )
            w(f"<oasis:colspec{spec}/>\n")
        for tag, rows in (("thead", b.head), ("tbody", b.body)):
            if rows:
                w(f"<oasis:{tag}>\n")
                self.rows(rows, oasis=True, columns=b.columns, head=tag == "thead")
                w(f"</oasis:{tag}>\n")
        w("</oasis:tgroup>\n</oasis:table>\n")

    def rows(
        self,
        rows: Sequence[Any],
        oasis: bool,
        columns: Sequence[Any] = (),
        head: bool = False,
    ) -> None:
        w = self.out.append
        row_tag = "oasis:row" if oasis else "tr"
        for row in rows:
            w(f"<{row_tag}>")
            if not row.cells:
                w("<oasis:entry/>" if oasis else "<td/>")
            for cell in row.cells:
                tag = "oasis:entry" if oasis else ("th" if cell.header else "td")
                attrs = self._cell_attrs(cell, columns, head) if oasis else self._td_attrs(cell)
                w(f"<{tag}{attrs}>")
                self.inlines(cell.content, CELL_INLINE)
                if cell.blocks:
                    self.blocks(cell.blocks, CELL_BLOCKS, "blocks")
                w(f"</{tag}>")
            w(f"</{row_tag}>\n")

    def _alignment(self, cell: Any) -> str:
        attrs = ""
        for name, allowed in (("align", _ALIGN), ("valign", _VALIGN)):
            value = getattr(cell, name)
            if value is None:
                continue
            if value in allowed:
                attrs += f' {name}="{value}"'
            else:
                self.lost(f"cell alignment {value!r}")
        return attrs + optional_attrs(("char", cell.char), ("charoff", cell.charoff))

    def _td_attrs(self, cell: Any) -> str:
        attrs = ""
        if cell.rowspan != 1:
            attrs += f' rowspan="{cell.rowspan}"'
        if cell.colspan != 1:
            attrs += f' colspan="{cell.colspan}"'
        attrs += self._alignment(cell)
        if cell.scope is not None:
            if cell.scope in _SCOPE:
                attrs += f' scope="{cell.scope}"'
            else:
                self.lost(f"cell scope {cell.scope!r}")
        attrs += optional_attrs(("style", cell.style))
        if cell.column is not None or cell.colsep is not None or cell.rowsep is not None:
            self.lost("OASIS column name and rules of a cell in an XHTML table")
        return attrs

    def _cell_attrs(self, cell: Any, columns: Sequence[Any], head: bool) -> str:
        """An OASIS entry's attributes: its column or span by name, rows below, rules."""
        attrs = ""
        if cell.colspan != 1:
            end = oasis_column_name(columns, cell.column, cell.colspan) if cell.column else None
            if end is None:
                self.lost(f"a span of {cell.colspan} columns with no named columns to state it")
            else:
                attrs += f' namest="{attr(cell.column)}" nameend="{attr(end)}"'
        elif cell.column is not None:
            attrs += f' colname="{attr(cell.column)}"'
        if cell.rowspan != 1:
            attrs += f' morerows="{cell.rowspan - 1}"'
        attrs += self._alignment(cell)
        attrs += optional_attrs(("colsep", cell.colsep), ("rowsep", cell.rowsep))
        if cell.header != head:
            self.normalised("an OASIS cell is a header cell exactly when it is in the head")
        if cell.scope is not None or cell.style is not None:
            self.lost("scope or style of an OASIS cell")
        return attrs
