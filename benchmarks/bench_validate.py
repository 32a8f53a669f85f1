"""Validation speed: mrstd against jsonschema, and -j 2 against -j 1 on a corpus.

Run ``python benchmarks/bench_validate.py`` from the repository root. It prints:

1. full validation of the large benchmark document (reading and structure checking by the
   model, plus every rule of every profile) against ``jsonschema``'s Draft 2020-12 validator
   checking the same JSON against the current schema (schemas/<version>/document.schema.json);
   the target is >= 10x;
2. the same on the NISO STS sample of the corpus (issue 14), read from its JSON form, with
   every rule run (``drafting_rules`` given, so that none is left out for its edition);
3. ``mrstd validate -j 2`` against ``-j 1`` on 2,000 generated documents; the target is
   >= 1.6x.

Both baselines are measured in the same run. ``--quick`` uses smaller inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

import mrstd  # noqa: E402
from benchmarks.largedoc import large_document  # noqa: E402
from mrstd.formats.native_json import loads_bytes  # noqa: E402
from mrstd.model import SCHEMA_VERSION  # noqa: E402
from mrstd.rules import select_rules  # noqa: E402
from mrstd.validation import validate  # noqa: E402

CHECKS = select_rules(select=["MRS"])


def best_of(runs: int, func: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_large(clauses: int) -> dict[str, float]:
    import jsonschema

    doc = large_document(clauses=clauses)
    data = mrstd.dumps_bytes(doc)
    validator = jsonschema.Draft202012Validator(_schema())

    def ours() -> None:
        validate(loads_bytes(data), select=["MRS"], drafting_rules=ALL_RULES)

    def theirs() -> None:
        instance = orjson.loads(data)
        for _ in validator.iter_errors(instance):
            pass

    findings = len(validate(loads_bytes(data), profile="iso"))
    load = best_of(3, lambda: loads_bytes(data))
    parsed = loads_bytes(data)
    rules = best_of(3, lambda: validate(parsed, select=["MRS"], drafting_rules=ALL_RULES))
    mine = best_of(3, ours)
    base = best_of(1, theirs)
    mb = len(data) / 1e6
    print(f"large document: {mb:.1f} MB JSON, {findings} findings (iso profile)")
    print(f"  mrstd full validation: {mine * 1000:7.0f} ms  ({mb / mine:6.1f} MB/s)")
    print(
        f"    of which reading:    {load * 1000:7.0f} ms; "
        f"all {len(CHECKS)} rules: {rules * 1000:.0f} ms"
    )
    print(f"  jsonschema 2020-12:    {base * 1000:7.0f} ms  ({mb / base:6.1f} MB/s)")
    print(f"  ratio: {base / mine:.1f}x (target >= 10x)")
    return {"mb": mb, "ours": mine, "theirs": base, "ratio": base / mine}


#: The edition under which every rule but the GB/T 1.1-only ones runs.
ALL_RULES = "iso-iec-directives-2:2021"


def _schema() -> dict[str, object]:
    path = ROOT / "schemas" / SCHEMA_VERSION / "document.schema.json"
    loaded: dict[str, object] = json.loads(path.read_text("utf-8"))
    return loaded


def bench_niso() -> dict[str, float] | None:
    """Full validation of the NISO STS sample (JSON form) against jsonschema (issue 14)."""
    import jsonschema

    from benchmarks.bench_sts import SAMPLE

    if not SAMPLE.exists():
        print(f"{SAMPLE} not found: the NISO row needs ../shared/corpus or $MRSTD_CORPUS")
        return None
    data = mrstd.dumps_bytes(mrstd.load(SAMPLE, format="sts"))
    validator = jsonschema.Draft202012Validator(_schema())

    def ours() -> None:
        validate(loads_bytes(data), select=["MRS"], drafting_rules=ALL_RULES)

    def theirs() -> None:
        for _ in validator.iter_errors(orjson.loads(data)):
            pass

    mine, base = best_of(3, ours), best_of(1, theirs)
    print(f"NISO sample: {len(data) / 1e6:.1f} MB JSON")
    print(f"  mrstd full validation: {mine * 1000:7.0f} ms; jsonschema: {base * 1000:7.0f} ms")
    print(f"  ratio: {base / mine:.1f}x (target >= 10x)")
    return {"ours": mine, "theirs": base, "ratio": base / mine}


def make_corpus(folder: Path, count: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from mrstd.testing import document_dicts

    made: list[int] = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(document_dicts(), st.randoms())
    def build(data: dict[str, object], _random: object) -> None:
        if len(made) >= count:
            return
        path = folder / f"doc-{len(made):05d}.json"
        path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
        made.append(1)

    while len(made) < count:
        build()


def bench_corpus(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(folder, count)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        env = {**os.environ, "CI": "1"}

        def cli(jobs: int) -> float:
            cmd = [
                sys.executable,
                "-c",
                "import sys; from mrstd.commands.validate import validate_command as v;"
                "v.main(sys.argv[1:], standalone_mode=False)",
                str(folder),
                "-j",
                str(jobs),
                "-f",
                "json",
                "-o",
                os.devnull,
                "--profile",
                "iso",
            ]
            start = time.perf_counter()
            subprocess.run(cmd, env=env, check=False, capture_output=True)
            return time.perf_counter() - start

        one = statistics.median(cli(1) for _ in range(3))
        two = statistics.median(cli(2) for _ in range(3))
    print(f"corpus: {count} generated documents, {size:.1f} MB, {os.cpu_count()} CPUs")
    print(f"  -j 1: {one:6.2f} s   -j 2: {two:6.2f} s   speed-up {one / two:.2f}x (target >= 1.6x)")
    return {"one": one, "two": two, "ratio": one / two}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller inputs")
    args = parser.parse_args()
    bench_large(1000 if args.quick else 5000)
    bench_niso()
    bench_corpus(200 if args.quick else 2000)


if __name__ == "__main__":
    main()
