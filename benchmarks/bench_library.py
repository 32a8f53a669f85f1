"""Library speed (issue 18), measured in one run:

- ingest of the 72,178-row national catalogue / a bare read of the same CSV with the csv
  module plus an executemany insert of its rows into SQLite (target <= 3x);
- beside it, the SQLite part of an ingest alone: the rows the ingest stored, inserted again
  into a new library's tables (the same schema and indexes, built after the rows as an
  ingest builds them) by executemany, with nothing read or computed. An ingest that stores
  those rows cannot take less;
- identifier lookup p95 (target <= 5 ms) and full-text query p95 (target <= 50 ms) on a
  library of >= 100,000 records (the catalogue and 30,000 generated ones with clause text);
- ``stats`` on that library (target <= 5 s).

Run ``python benchmarks/bench_library.py``; it needs ../shared/corpus or $MRSTD_CORPUS.
"""

from __future__ import annotations

import csv
import os
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from common import compare

from mrstd.library import Library
from mrstd.library.entries import Entry
from mrstd.library.tabular import parse_map

CORPUS = Path(
    os.environ.get("MRSTD_CORPUS", Path(__file__).parent.parent.parent / "shared" / "corpus")
)
TABLE = CORPUS / "catalogues" / "gb-national" / "GB_dict_legacy_2026-07-22.csv"
MAP = parse_map("designation=标准号,adopts=国际标准编号,degree=采标类型")
WORDS = [
    *["质量", "管理", "体系", "要求", "安全", "试验", "方法", "电气", "设备", "材料", "测定"],
    *["water", "steel", "test", "method", "safety"],
]


def _fresh(folder: Path, name: str) -> Path:
    path = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def main() -> None:
    if not TABLE.exists():
        print(f"{TABLE} not found: needs ../shared/corpus or $MRSTD_CORPUS")
        return
    folder = Path(tempfile.mkdtemp())

    def ingest() -> None:
        with Library(_fresh(folder, "lib.sqlite")) as lib:
            lib.add([TABLE], mapping=MAP)

    def bare() -> None:
        with open(TABLE, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))[1:]
        db = sqlite3.connect(_fresh(folder, "bare.sqlite"))
        db.execute("CREATE TABLE t (a, b, c)")
        db.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
        db.commit()
        db.close()

    with Library(_fresh(folder, "stored.sqlite")) as lib:
        lib.add([TABLE], mapping=MAP)
        tables = {
            table: lib.db.execute(f"SELECT * FROM {table}").fetchall()
            for table in ("sources", "standards", "records", "relations", "problems")
        }
        tables["texts"] = lib.db.execute(
            "SELECT text, standard_id, source_id, place FROM texts"
        ).fetchall()

    def stored() -> None:
        with Library(_fresh(folder, "rows.sqlite")) as lib, lib.transaction():
            rebuild = lib._defer_indexes(len(tables["standards"]))  # as an ingest does
            for table, rows in tables.items():
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    lib.db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
            for statement in rebuild:
                lib.db.execute(statement)

    ours, base = compare(ingest, bare, runs=5)
    floor, base2 = compare(stored, bare, runs=5)
    print(
        f"ingest {ours:.2f} s / csv + executemany {base:.2f} s = {ours / base:.1f}x (target <= 3)"
    )
    print(
        f"its SQLite part alone {floor:.2f} s / csv + executemany {base2:.2f} s "
        f"= {floor / base2:.1f}x (the rows ingest stores: {sum(map(len, tables.values())):,})"
    )

    lib = Library(_fresh(folder, "big.sqlite"))
    lib.add([TABLE], mapping=MAP)
    rng = random.Random(1)
    extra = [
        Entry(
            f"GB/T {200000 + i}-{2000 + i % 25}",
            f"generated:{i}",
            title=" ".join(rng.choices(WORDS, k=6)),
            texts=[(str(n), " ".join(rng.choices(WORDS, k=40))) for n in range(1, 4)],
        )
        for i in range(30_000)
    ]
    lib.add_entries("generated", extra)
    records = lib.db.execute("SELECT count(*) FROM standards").fetchone()[0]
    designations = [row[0] for row in lib.db.execute("SELECT raw FROM standards")]
    lookups = []
    for text in rng.sample(designations, 2000):
        start = time.perf_counter()
        assert lib.find(text)
        lookups.append(time.perf_counter() - start)
    searches, hits = [], 0
    for _ in range(300):
        query = " ".join(rng.sample(WORDS[:11], 2))  # two adjacent words: matches
        start = time.perf_counter()
        hits += bool(lib.search(query))
        searches.append(time.perf_counter() - start)
    p95 = lambda xs: statistics.quantiles(xs, n=20)[-1] * 1000  # noqa: E731
    print(f"library of {records:,} records: lookup p95 {p95(lookups):.2f} ms (target <= 5)")
    print(f"full-text p95 {p95(searches):.2f} ms (target <= 50; {hits} of 300 found text)")
    start = time.perf_counter()
    lib.stats()
    print(f"stats {time.perf_counter() - start:.2f} s (target <= 5)")
    lib.close()


if __name__ == "__main__":
    main()
