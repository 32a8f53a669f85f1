"""Reading ``table-wrap``: XHTML tables, and OASIS (CALS) exchange tables kept as OASIS."""

from __future__ import annotations

from typing import Any

from ...model import Cell, Row, Table, TableColumn, TableMarkup
from ..base import Change
from .common import (
    OASIS_FPI_NS,
    OASIS_NS,
    OASIS_OPEN_NS,
    Ctx,
    El,
    Unmodelled,
    build,
    localname,
    no_text_beside,
    oasis_column_name,
)
from .read_body import (
    BLOCK_HANDLERS,
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

OASIS_TABLES = frozenset(f"{{{ns}}}table" for ns in (OASIS_NS, OASIS_OPEN_NS, OASIS_FPI_NS))

_CELL_PLAIN = ("align", "valign", "char", "charoff", "scope", "style")
_CELL_ATTRS = frozenset({"colspan", "rowspan", *_CELL_PLAIN})


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
    if not children or (children[0].tag != "table" and children[0].tag not in OASIS_TABLES):
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
    grid = _xhtml(ctx, table, path) if table.tag == "table" else _oasis(ctx, table, path)
    return build(
        Table,
        id=valid_id(el.get("id")),
        label=label,
        caption=caption,
        notes=notes,
        kind=el.get("content-type"),
        description=description,
        **grid,
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
    return build(
        Table,
        id=valid_id(el.get("id")),
        label=label,
        kind=el.get("content-type"),
        array=True,
        **_xhtml(ctx, children[0], path),
    )


def _span(value: str | None, least: int = 1) -> int:
    if value is None:
        return least
    try:
        number = int(value)
    except ValueError:
        raise Unmodelled(f"span {value!r}") from None
    if number < least or str(number) != value:
        raise Unmodelled(f"span {value!r}")
    return number


def _xhtml(ctx: Ctx, table: El, path: str) -> dict[str, Any]:
    check_attrs(ctx, table, frozenset({"frame", "style"}))
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
                        **{k: cell.get(k) for k in _CELL_PLAIN},
                        **_cell_content(ctx, cell, cell_path),
                    )
                )
            target.append(build(Row, cells=tuple(cells)))
    return {
        "head": tuple(groups["thead"]),
        "body": tuple(groups["tbody"]),
        "foot": tuple(groups["tfoot"]),
        "frame": table.get("frame"),
        "style": table.get("style"),
    }


def _oasis(ctx: Ctx, table: El, path: str) -> dict[str, Any]:
    """An OASIS exchange table: one tgroup, its colspecs, and rows of entries, kept as OASIS."""
    ns = table.tag[1 : table.tag.index("}")]
    o = f"{{{ns}}}"
    check_attrs(ctx, table, frozenset({"frame", "colsep", "rowsep"}))
    tgroups = [c for c in table if isinstance(c.tag, str)]
    if len(tgroups) != 1 or tgroups[0].tag != f"{o}tgroup":
        raise Unmodelled("OASIS table without exactly one tgroup")
    tgroup = tgroups[0]
    check_attrs(ctx, tgroup, frozenset({"cols"}))
    for container in (table, tgroup):
        no_text_beside(container)
    columns: list[TableColumn] = []
    index_of: dict[str, int] = {}
    groups: dict[str, list[Row]] = {"thead": [], "tbody": []}
    for part in tgroup:
        if not isinstance(part.tag, str):
            continue
        name = localname(part.tag)
        if name == "colspec" and part.tag == f"{o}colspec":
            check_attrs(ctx, part, _COLSPEC_ATTRS)
            no_text_beside(part)
            if len(part):
                raise Unmodelled("colspec with content")
            column = build(
                TableColumn,
                name=part.get("colname"),
                number=_span(part.get("colnum")) if part.get("colnum") else None,
                width=part.get("colwidth"),
                **{k: part.get(k) for k in ("align", "char", "charoff", "colsep", "rowsep")},
            )
            index = column.number or (len(columns) + 1)
            if column.name is not None:
                if column.name in index_of:
                    raise Unmodelled(f"two colspecs named {column.name!r}")
                index_of[column.name] = index
            columns.append(column)
            continue
        if name not in groups or part.tag != f"{o}{name}":
            raise Unmodelled(f"<{name}> in an OASIS tgroup")
        check_attrs(ctx, part)
        no_text_beside(part)
        target = groups[name]
        for row in part:
            if not isinstance(row.tag, str):
                continue
            if row.tag != f"{o}row":
                raise Unmodelled(f"<{localname(row.tag)}> in an OASIS {name}")
            check_attrs(ctx, row)
            no_text_beside(row)
            cells: list[Cell] = []
            for entry in row:
                if not isinstance(entry.tag, str):
                    continue
                if entry.tag != f"{o}entry":
                    raise Unmodelled("non-entry in an OASIS row")
                check_attrs(ctx, entry, _ENTRY_ATTRS)
                cell_path = f"{path}.{'head' if name == 'thead' else 'body'}"
                cell_path += f"[{len(target)}].cells[{len(cells)}]"
                cells.append(
                    build(
                        Cell,
                        header=name == "thead",
                        rowspan=_span(entry.get("morerows"), 0) + 1,
                        colspan=_oasis_colspan(entry, index_of, columns),
                        column=entry.get("colname") or entry.get("namest"),
                        **{k: entry.get(k) for k in _ENTRY_PLAIN},
                        **_cell_content(ctx, entry, cell_path),
                    )
                )
            target.append(build(Row, cells=tuple(cells)))
    if ns != OASIS_NS:
        ctx.log.add(
            Change.NORMALISED,
            path,
            f"OASIS table of namespace {ns} is written back in NISO STS's OASIS namespace",
            table.sourceline,
        )
    return {
        "head": tuple(groups["thead"]),
        "body": tuple(groups["tbody"]),
        "markup": TableMarkup.OASIS,
        "columns": tuple(columns),
        "column_count": _span(tgroup.get("cols")),
        "frame": table.get("frame"),
        "colsep": table.get("colsep"),
        "rowsep": table.get("rowsep"),
    }


_COLSPEC_ATTRS = frozenset(
    {"colname", "colnum", "colwidth", "align", "char", "charoff", "colsep", "rowsep"}
)
_ENTRY_PLAIN = ("align", "valign", "char", "charoff", "colsep", "rowsep")
_ENTRY_ATTRS = frozenset({*_ENTRY_PLAIN, "colname", "namest", "nameend", "morerows"})


def _oasis_colspan(entry: El, index_of: dict[str, int], columns: list[TableColumn]) -> int:
    """The columns an entry spans, from namest/nameend; only a span the writer can name again."""
    start, end, colname = entry.get("namest"), entry.get("nameend"), entry.get("colname")
    if start is None and end is None:
        return 1
    if colname is not None or start is None or end is None:
        raise Unmodelled("an OASIS span without both namest and nameend, or with colname")
    if start not in index_of or end not in index_of:
        raise Unmodelled("span names an unknown column")
    colspan = index_of[end] - index_of[start] + 1
    if colspan < 2 or oasis_column_name(columns, start, colspan) != end:
        raise Unmodelled("an OASIS span that is not from one column to a later one")
    return colspan


def _table_wrap_block(ctx: Ctx, el: El, path: str) -> list[Any]:
    return [table_wrap(ctx, el, path)]


def _array_block(ctx: Ctx, el: El, path: str) -> list[Any]:
    return [array(ctx, el, path)]


BLOCK_HANDLERS["table-wrap"] = _table_wrap_block
BLOCK_HANDLERS["array"] = _array_block
