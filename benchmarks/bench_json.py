"""Native JSON speed against orjson, on the large benchmark document, in one run.

python benchmarks/bench_json.py
"""

from __future__ import annotations

from collections.abc import Callable

import orjson
from common import compare, row

import mrstd
from benchmarks.largedoc import large_document
from mrstd.model.base import no_gc


def _paused(func: Callable[[bytes], object], data: bytes) -> object:
    with no_gc():
        return func(data)


def main() -> None:
    doc = large_document()
    data = mrstd.dumps_bytes(doc)
    plain = orjson.loads(data)
    options = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    compact = orjson.dumps(plain)
    clauses = sum(1 for _ in doc.clauses())
    print(
        f"document: {clauses} clauses; canonical JSON {len(data) / 1e6:.1f} MB "
        f"({len(compact) / 1e6:.1f} MB without indentation)"
    )
    baseline_dump = lambda: orjson.dumps(plain, option=options)  # noqa: E731
    print(
        row(
            "mrstd.loads vs orjson.loads",
            compare(lambda: mrstd.loads(data, format="json"), lambda: orjson.loads(data)),
            2.5,
        )
    )
    print(
        row(
            "mrstd.loads vs orjson.loads, both GC paused",
            compare(lambda: mrstd.loads(data, format="json"), lambda: _paused(orjson.loads, data)),
            2.5,
        )
    )
    print(
        row(
            "mrstd.dumps_bytes vs orjson.dumps(dict)",
            compare(lambda: mrstd.dumps_bytes(doc), baseline_dump),
            1.5,
        )
    )
    print(
        row(
            "mrstd.dumps (str) vs orjson.dumps(dict)",
            compare(lambda: mrstd.dumps(doc), baseline_dump),
            1.5,
        )
    )


if __name__ == "__main__":
    main()
