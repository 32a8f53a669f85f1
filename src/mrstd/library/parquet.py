"""The library as Parquet files (``mrstd library export``), for DuckDB or Spark.

One file per table, in one folder: ``standards.parquet``, ``relations.parquet`` (its
``subject`` column holds the subject's key, so no join through row ids is needed),
``records.parquet``, ``sources.parquet``, ``problems.parquet`` and ``texts.parquet``.
docs/library.md lists the columns and their types. Each file is written atomically.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from ..errors import MrstdError
from ..io import write_atomic

__all__ = ["TABLES", "export_parquet"]

#: Each column's type: I integer, B boolean, D date, else text.
_TYPES = {
    "id": "I",
    "occurrence": "I",
    "year": "I",
    "parsed": "B",
    "subject_occurrence": "I",
    "object_dated": "B",
    "partial": "B",
    "normative": "B",
    "source_id": "I",
    "standard_id": "I",
    "records": "I",
    "problems": "I",
    "published": "D",
    "implemented": "D",
    "withdrawn": "D",
}

#: Each exported table and the query that gives it.
TABLES = {
    "standards": "SELECT id, key, occurrence, work, year, raw, parsed, body, scope, mandate, "
    "title, category, ics, ccs, status, published, implemented, withdrawn FROM standards "
    "ORDER BY id",
    "relations": "SELECT r.id, s.key AS subject, s.occurrence AS subject_occurrence, r.kind, "
    "r.object_key, r.object_work, r.object_dated, r.degree, r.partial, r.normative, r.raw, "
    "r.source_id FROM relations r JOIN standards s ON s.id = r.subject_id ORDER BY r.id",
    "records": "SELECT source_id, standard_id, location FROM records ORDER BY 1, 2",
    "sources": "SELECT id, path, kind, digest, records, problems, added FROM sources ORDER BY id",
    "problems": "SELECT id, source_id, location, kind, message FROM problems ORDER BY id",
    "texts": "SELECT standard_id, source_id, place, text FROM texts ORDER BY rowid",
}


def export_parquet(db: sqlite3.Connection, folder: Path) -> list[Path]:
    """Write every table as Parquet into ``folder``; return the files written."""
    try:
        import pyarrow as pa  # noqa: PLC0415 (optional: mrstd[library])
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError:
        raise MrstdError("Parquet needs pyarrow: pip install 'mrstd[library]'") from None
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, query in TABLES.items():
        cursor = db.execute(query)
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        arrays = [_array(pa, c, [row[i] for row in rows]) for i, c in enumerate(columns)]
        table = pa.table(dict(zip(columns, arrays, strict=True)))
        buffer = pa.BufferOutputStream()
        pq.write_table(table, buffer)
        path = folder / f"{name}.parquet"
        write_atomic(path, buffer.getvalue().to_pybytes())
        written.append(path)
    return written


def _array(pa: Any, column: str, values: list[Any]) -> Any:
    kind = _TYPES.get(column)
    if kind == "I":
        return pa.array(values, pa.int64())
    if kind == "B":
        return pa.array([None if v is None else bool(v) for v in values], pa.bool_())
    if kind == "D":
        days = [None if v is None else dt.date.fromisoformat(v) for v in values]
        return pa.array(days, pa.date32())
    return pa.array(values, pa.string())
