"""Identifier parse throughput over the whole corpus list, against one precompiled regex.

Run: python benchmarks/bench_ids.py  (needs ../shared/corpus or $MRSTD_CORPUS)
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

from mrstd.ids import IdentifierError, parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("MRSTD_CORPUS", ROOT.parent / "shared" / "corpus"))
# One regex of the usual "publisher number[-part][:year]" shape, as a lower bound of cost.
BASELINE = re.compile(
    r"(?:[A-Z][A-Za-z]*(?:[/ ][A-Z][A-Za-z]*)*) ?\d+(?:[-.][0-9A-Za-z]+)*(?:[:-]\d{2,4})?"
)


def load() -> list[str]:
    ids: list[str] = []
    for path in sorted((CORPUS / "identifiers").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            ids.extend(json.loads(line)["id"] for line in fh if line.strip())
    return ids


def bench(fn: object, ids: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn(ids)  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return len(ids) / best


def run_parse(ids: list[str]) -> None:
    for text in ids:
        try:  # noqa: SIM105 (contextlib.suppress costs more per call)
            parse(text)
        except IdentifierError:
            pass


def run_regex(ids: list[str]) -> None:
    match = BASELINE.match
    for text in ids:
        match(text)


def run_render(ids: list[str]) -> None:
    for text in ids:
        try:  # noqa: SIM105 (contextlib.suppress costs more per call)
            str(parse(text))
        except IdentifierError:
            pass


def main() -> None:
    ids = load()
    rounds = 5
    regex_rate = bench(run_regex, ids, rounds)
    parse_rate = bench(run_parse, ids, rounds)
    render_rate = bench(run_render, ids, rounds)
    print(f"identifiers: {len(ids)} (whole corpus list, best of {rounds} rounds, one core)")
    print(f"single precompiled regex match : {regex_rate:12,.0f} ids/s")
    print(f"mrstd.ids.parse                : {parse_rate:12,.0f} ids/s")
    print(f"mrstd.ids.parse + str()        : {render_rate:12,.0f} ids/s")
    print(f"ratio parse / regex            : {parse_rate / regex_rate:12.3f}")
    print(f"target >= 50,000 ids/s         : {'met' if parse_rate >= 50_000 else 'NOT met'}")


if __name__ == "__main__":
    main()
