"""Reading ``table-wrap``: XHTML tables and the OASIS (CALS) tables of the Extended tag set."""

from __future__ import annotations

from typing import Any

from ...model import Cell, Row, Table
from ..base import Change
from .common import Ctx, El, Unmodelled, build, localname, no_text_beside
from .read_body import (
    BLOCK_TAGS,
    blocks_of,
    caption_of,
    check_attrs,
    holds_blocks,
    inlines,
    label_text,
    split_at_blocks,
    valid_id,
)

#: Namespace of the OASIS exchange table model in NISO STS Extended (module-oasis.xsd).
OASIS_NS = "http://www.niso.org/standards/z39-96/ns/oasis-exchange/table"
_O = f"{{{OASIS_NS}}}"

_CELL_ATTRS = frozenset({"colspan", "rowspan", "align", "valign"})


def table_wrap(ctx: Ctx, el: El, path: str) -> Any:
    """A table-wrap holding one table, with optional label, caption and foot."""
    check_attrs(ctx, el, frozenset({"id", "content-type"}))
    children = [c for c in el if isinstance(c.tag, str)]
    if any((t or "").strip() for t in [el.text] + [c.tail for c in el]):
        raise Unmodelled("text outside the table")
    label = None
    caption: tuple[Any, ...] = ()
    description: tuple[Any, ...] = ()
    if children and children[0].tag == "label":
        if len(children[0]):
            raise Unmodelled("label with markup")
        label = children[0].text or ""
        children = children[1:]
    if children and children[0].tag == "caption":
        caption, description = caption_of(ctx, children[0], f"{path}.caption")
        children = children[1:]
    if not children or children[0].tag not in ("table", f"{_O}table"):
        raise Unmodelled("table-wrap without a table first")
    table = children[0]
    children = children[1:]
    notes: tuple[Any, ...] = ()
    if children and children[0].tag == "table-wrap-foot":
        foot = children[0]
        check_attrs(ctx, foot)
        if any(c.tag == "title" for c in foot):
            raise Unmodelled("titled table foot")
        notes = blocks_of(ctx, foot, f"{path}.notes")
        children = children[1:]
    if children:
        raise Unmodelled(f"<{localname(children[0].tag)}> in table-wrap")
    if table.tag == "table":
        head, body, foot_rows = _xhtml(ctx, table, path)
    else:
        head, body, foot_rows = _oasis(ctx, table, path)
    return build(
        Table,
        id=valid_id(el.get("id")),
        label=label,
        caption=caption,
        head=head,
        body=body,
        foot=foot_rows,
        notes=notes,
        kind=el.get("content-type"),
        description=description,
    )


def _cell_content(ctx: Ctx, el: El, path: str) -> dict[str, Any]:
    if holds_blocks(el):
        if any((t or "").strip() for t in [el.text] + [c.tail for c in el]) or any(
            isinstance(c.tag, str) and c.tag not in BLOCK_TAGS for c in el
        ):
            ctx.log.add(
                Change.NORMALISED,
                path,
                "text beside blocks in a cell written back as paragraphs",
                el.sourceline,
            )
            return {"blocks": tuple(split_at_blocks(ctx, el, f"{path}.blocks"))}
        return {"blocks": blocks_of(ctx, el, f"{path}.blocks")}
    return {"content": inlines(ctx, el, f"{path}.content")}


def array(ctx: Ctx, el: El, path: str) -> Any:
    """An ``array``: a table without number or caption, such as the key of a formula."""
    check_attrs(ctx, el, frozenset({"id", "content-type"}))
    no_text_beside(el)
    children = [c for c in el if isinstance(c.tag, str)]
    label = None
    if children and children[0].tag == "label":
        label = label_text(children[0])
        children = children[1:]
    if len(children) != 1 or children[0].tag != "table":
        raise Unmodelled("array is not one table")
    head, body, foot_rows = _xhtml(ctx, children[0], path)
    return build(
        Table,
        id=valid_id(el.get("id")),
        label=label,
        head=head,
        body=body,
        foot=foot_rows,
        kind=el.get("content-type"),
        array=True,
    )


def _span(value: str | None) -> int:
    if value is None:
        return 1
    try:
        number = int(value)
    except ValueError:
        raise Unmodelled(f"span {value!r}") from None
    if number < 1:
        raise Unmodelled(f"span {value!r}")
    return number


def _xhtml(ctx: Ctx, table: El, path: str) -> tuple[Any, Any, Any]:
    check_attrs(ctx, table)
    no_text_beside(table)
    groups: dict[str, list[Row]] = {"thead": [], "tbody": [], "tfoot": []}
    for part in table:
        tag = part.tag
        if not isinstance(tag, str):
            continue
        if tag in ("col", "colgroup"):
            ctx.drop_attr(part, "*")
            continue
        if tag == "tr":
            rows = [part]
            target = groups["tbody"]
        elif tag in groups:
            check_attrs(ctx, part)
            no_text_beside(part)
            rows = [r for r in part if isinstance(r.tag, str)]
            target = groups[tag]
        else:
            raise Unmodelled(f"<{tag}> in a table")
        for row in rows:
            if row.tag != "tr":
                raise Unmodelled(f"<{row.tag}> in a row group")
            check_attrs(ctx, row)
            no_text_beside(row)
            cells: list[Cell] = []
            for cell in row:
                if not isinstance(cell.tag, str):
                    continue
                if cell.tag not in ("td", "th"):
                    raise Unmodelled(f"<{cell.tag}> in a row")
                if len(cell.attrib):
                    check_attrs(ctx, cell, _CELL_ATTRS)
                cell_path = f"{path}.{tag}[{len(target)}].cells[{len(cells)}]"
                cells.append(
                    build(
                        Cell,
                        header=cell.tag == "th",
                        rowspan=_span(cell.get("rowspan")),
                        colspan=_span(cell.get("colspan")),
                        align=cell.get("align"),
                        valign=cell.get("valign"),
                        **_cell_content(ctx, cell, cell_path),
                    )
                )
            target.append(build(Row, cells=tuple(cells)))
    return tuple(groups["thead"]), tuple(groups["tbody"]), tuple(groups["tfoot"])


def _oasis(ctx: Ctx, table: El, path: str) -> tuple[Any, Any, Any]:
    check_attrs(ctx, table, frozenset({"frame", "colsep", "rowsep"}))
    tgroups = [c for c in table if isinstance(c.tag, str)]
    if len(tgroups) != 1 or tgroups[0].tag != f"{_O}tgroup":
        raise Unmodelled("OASIS table without exactly one tgroup")
    tgroup = tgroups[0]
    for container in (table, tgroup):
        no_text_beside(container)
    columns: dict[str, int] = {}
    head: list[Row] = []
    body: list[Row] = []
    for part in tgroup:
        if not isinstance(part.tag, str):
            continue
        name = localname(part.tag)
        if name == "colspec":
            colname = part.get("colname")
            number = part.get("colnum")
            index = int(number) if number and number.isdigit() else len(columns) + 1
            if colname:
                columns[colname] = index
            continue
        if name not in ("thead", "tbody"):
            raise Unmodelled(f"<{name}> in an OASIS tgroup")
        target = head if name == "thead" else body
        no_text_beside(part)
        for row in part:
            if not isinstance(row.tag, str):
                continue
            no_text_beside(row)
            cells: list[Cell] = []
            for entry in row:
                if not isinstance(entry.tag, str):
                    continue
                if entry.tag != f"{_O}entry":
                    raise Unmodelled("non-entry in an OASIS row")
                colspan = 1
                start, end = entry.get("namest"), entry.get("nameend")
                if start and end:
                    if start not in columns or end not in columns:
                        raise Unmodelled("span names an unknown column")
                    colspan = columns[end] - columns[start] + 1
                    if colspan < 1:
                        raise Unmodelled("reversed span")
                morerows = entry.get("morerows")
                cell_path = f"{path}.{name}[{len(target)}].cells[{len(cells)}]"
                cells.append(
                    build(
                        Cell,
                        header=name == "thead",
                        rowspan=_span(morerows) + 1 if morerows and morerows != "0" else 1,
                        colspan=colspan,
                        align=entry.get("align"),
                        valign=entry.get("valign"),
                        **_cell_content(ctx, entry, cell_path),
                    )
                )
            target.append(build(Row, cells=tuple(cells)))
    ctx.log.add(
        Change.NORMALISED,
        path,
        "OASIS table read into rows and cells; it is written back as an XHTML table",
        table.sourceline,
    )
    return tuple(head), tuple(body), ()
