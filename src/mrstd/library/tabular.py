"""Catalogues as tables (CSV, XLSX): one record a row, its columns named by a map.

A map names, for each field of a record, the column that holds it:
``designation=标准号,adopts=国际标准编号,degree=采标类型``. Columns the map does not name are
recognised by their header where it is one of the usual ones (:data:`KNOWN_COLUMNS`, the
national platform's and English), so a catalogue with usual headers needs no map.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import MrstdError
from .adoption import degree_of, parse_sentence, split_targets
from .entries import STATUSES, UNKNOWN_STATUS, Entry, Link, Problem

__all__ = ["FIELDS", "KNOWN_COLUMNS", "MapError", "parse_map", "read_table"]

#: The fields a column can hold, and what each means.
FIELDS = {
    "designation": "the standard's designation (required)",
    "title": "its title",
    "adopts": "the documents it adopts, one or several in one cell",
    "degree": "the degree of adoption: 等同采用 IDT, 修改采用 MOD, 非等效采用 NEQ, 等效采用 EQV",
    "adoption": "an adoption sentence as the national platform writes it (本标准修改采用…：…。)",
    "category": "its category (方法, 产品, 基础 …)",
    "ics": "its ICS code(s)",
    "ccs": "its CCS code(s)",
    "status": "current (现行), withdrawn (废止) or not yet in force (即将实施)",
    "published": "the publication date (YYYY-MM-DD)",
    "implemented": "the date it came into force",
    "withdrawn": "the date it was withdrawn",
    "replaces": "the standards it replaces (…(全部代替) / (部分代替) for full / partial)",
    "replaced_by": "the standards that replace it fully",
    "partly_replaced_by": "the standards that replace it in part",
    "cites": "the standards it cites normatively",
}

#: Usual headers, recognised without a map.
KNOWN_COLUMNS = {
    "标准号": "designation",
    "标准编号": "designation",
    "designation": "designation",
    "identifier": "designation",
    "标准名称": "title",
    "中文标准名称": "title",
    "title": "title",
    "国际标准编号": "adopts",
    "adopts": "adopts",
    "采标类型": "degree",
    "degree": "degree",
    "采标情况": "adoption",
    "原始采标情况": "adoption",
    "标准类别": "category",
    "category": "category",
    "ics": "ics",
    "国际标准分类号": "ics",
    "中国标准分类号": "ccs",
    "ccs": "ccs",
    "当前状态": "status",
    "标准状态": "status",
    "status": "status",
    "发布日期": "published",
    "published": "published",
    "实施日期": "implemented",
    "implemented": "implemented",
    "失效日期": "withdrawn",
    "废止日期": "withdrawn",
    "withdrawn": "withdrawn",
    "代替标准": "replaces",
    "replaces": "replaces",
    "完全代替后继标准": "replaced_by",
    "replaced_by": "replaced_by",
    "非完全代替后继标准": "partly_replaced_by",
    "partly_replaced_by": "partly_replaced_by",
}


class MapError(MrstdError, ValueError):
    """A column map that names an unknown field or a column the table lacks."""


def parse_map(text: str | None) -> dict[str, str]:
    """``field=column,field=column`` as a dict from field to column."""
    out: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        name, sep, column = part.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or not column.strip():
            raise MapError(f"--map {part.strip()!r}: expected field=column")
        if name not in FIELDS:
            raise MapError(f"--map: unknown field {name!r}; known: {', '.join(FIELDS)}")
        out[name] = column.strip()
    return out


#: A designation at the start of a cell item, before its title ("GB/T 1.1-2009 标准化…").
_LEADING = re.compile(r"\s*([A-Z][A-Za-z]{0,4}(?:/[A-Z])?\s*[\d.]+(?:\s*[-—–]\s*\d{2,4})?)")
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def _rows(path: Path) -> Iterator[list[str]]:
    """A table's rows as strings: CSV (UTF-8, with or without BOM, else GB 18030) or XLSX."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl  # noqa: PLC0415 (optional: mrstd[library])
        except ImportError:
            raise MrstdError(f"{path}: XLSX needs openpyxl: pip install 'mrstd[library]'") from None
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            for values in book.worksheets[0].iter_rows(values_only=True):
                yield ["" if v is None else str(v) for v in values]
        finally:
            book.close()
        return
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    yield from csv.reader(io.StringIO(text, newline=""))


def read_table(path: Path, mapping: dict[str, str]) -> Iterator[Entry | Problem]:
    """Each row as an entry, or a problem for a row that cannot be one (no designation)."""
    rows = _rows(path)
    header = next(rows, None)
    if header is None:
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        known = KNOWN_COLUMNS.get(name) or KNOWN_COLUMNS.get(name.lower())
        if known is not None and known not in columns:
            columns[known] = index
    for name, column in mapping.items():
        if column not in header:
            raise MapError(
                f"{path}: --map {name}={column}: no such column; the columns are: "
                + ", ".join(header)
            )
        columns[name] = header.index(column)
    if "designation" not in columns:
        raise MapError(f"{path}: no designation column; name it with --map designation=COLUMN")
    take = [(name, index) for name, index in columns.items() if name != "designation"]
    at = columns["designation"]
    prefix = f"{path}:"
    for number, row in enumerate(rows, start=2):
        designation = row[at].strip() if at < len(row) else ""
        if not designation:
            if any(row):
                yield Problem(f"{prefix}{number}", "record", "row without a designation: skipped")
            continue
        # The cells given: most rows of a catalogue give the designation alone.
        values = (
            {
                name: value
                for name, index in take
                if index < len(row) and (value := row[index].strip())
            }
            if row.count("") < len(row) - 1
            else None
        )
        where = f"{prefix}{number}"
        yield _entry(designation, where, values) if values else Entry(designation, where)


def _entry(designation: str, where: str, values: dict[str, str]) -> Entry:
    entry = Entry(
        designation,
        where,
        title=values.get("title"),
        category=values.get("category"),
        ics=values.get("ics"),
        ccs=values.get("ccs"),
    )
    for name in ("published", "implemented", "withdrawn"):
        text = values.get(name)
        if text is not None:
            day = _date(text)
            setattr(entry, name, day)
            if day is None:
                entry.problems.append(Problem(where, name, f"not a date: {text!r}"))
    status = values.get("status")
    if status and status.lower() not in UNKNOWN_STATUS:
        entry.status = STATUSES.get(status.lower())
        if entry.status is None:
            entry.problems.append(Problem(where, "status", f"unknown status {status!r}"))
    adopts, degree_cell = values.get("adopts", ""), values.get("degree", "")
    degree = degree_of(degree_cell) if degree_cell else None
    if degree_cell and degree is None:
        entry.problems.append(Problem(where, "degree", f"unknown degree {degree_cell!r}"))
    if adopts:
        for target, own in split_targets(adopts):
            entry.links.append(Link("adopts", target, own or degree, raw=adopts))
    elif degree is not None:
        entry.problems.append(
            Problem(where, "adoption", f"degree {degree_cell!r} without an adopted document")
        )
    sentence = values.get("adoption", "")
    if sentence:
        adopted, understood = parse_sentence(sentence)
        if not understood:
            entry.problems.append(
                Problem(where, "adoption-text", f"not an adoption sentence: {sentence[:60]!r}")
            )
        for one in adopted:
            entry.links.append(Link("adopts", one.target, one.degree, raw=sentence))
    for name, kind in (
        ("replaces", "replaces"),
        ("replaced_by", "replaced-by"),
        ("partly_replaced_by", "replaced-by"),
        ("cites", "cites"),
    ):
        cell = values.get(name, "")
        for item in re.split(r"\s*[;；]\s*", cell) if cell else ():
            found = _LEADING.match(item)
            if found is None:
                entry.problems.append(Problem(where, name, f"no designation in {item!r}"))
                continue
            partial = name == "partly_replaced_by" or "部分代替" in item or "partial" in item
            entry.links.append(
                Link(kind, found[1].strip(), partial=partial, normative=kind == "cites", raw=item)
            )
    return entry


def _date(text: str) -> str | None:
    """A date as YYYY-MM-DD (from 2020-03-31, 2020/3/31, 2020年3月31日), else None."""
    found = _DATE.search(text)
    if found is None:
        return None
    return f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}"
