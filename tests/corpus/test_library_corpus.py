"""The library on the real national catalogue (72,178 rows): the degree counts and the
adoption share per five-year cohort equal an independent count of the CSV, and the
interface outside checks use answers as the issue states."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from mrstd.ids import parse
from mrstd.ids.keys import _GB, _INTERNATIONAL, key_of

MAP = "designation=标准号,adopts=国际标准编号,degree=采标类型"
DEGREES = {"等同采用": "IDT", "修改采用": "MOD", "非等效采用": "NEQ", "等效采用": "EQV", "": "none"}


@pytest.fixture(scope="module")
def national(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:  # type: ignore[type-arg]
    table = corpus / "catalogues" / "gb-national" / "GB_dict_legacy_2026-07-22.csv"
    folder = tmp_path_factory.mktemp("national")
    env = {**os.environ, "CI": "true"}
    run = [sys.executable, "-m", "mrstd", "library"]
    added = subprocess.run(
        [*run, "add", "--db", "lib.sqlite", "--map", MAP, str(table)],
        cwd=folder, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    stats = subprocess.run(
        [*run, "stats", "--db", "lib.sqlite", "--format", "json"],
        cwd=folder, capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return table, {"folder": folder, "stats": json.loads(stats.stdout), "run": run, "env": env}


def test_degrees_and_cohorts_equal_an_independent_count(national: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    table, found = national
    with open(table, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    degrees = Counter(DEGREES[r["采标类型"]] for r in rows)
    cohorts: dict[int, Counter[str]] = {}
    for r in rows:
        year = int(r["标准号"].replace(" ", "").rsplit("-", 1)[1])
        c = cohorts.setdefault(year - year % 5, Counter())
        c["standards"] += 1
        c["adopting"] += bool(r["采标类型"])
    stats = found["stats"]
    assert stats["standards"] == len(rows) == 72178
    assert stats["degrees"] == {**{d: degrees[d] for d in ("IDT", "MOD", "NEQ", "EQV")},
                                "unknown": 0, "none": degrees["none"]}  # fmt: skip
    assert stats["degrees"] == {"IDT": 11287, "MOD": 6988, "NEQ": 4658, "EQV": 2603,
                                "unknown": 0, "none": 46642}  # fmt: skip
    assert [(c["from"], c["standards"], c["adopting"], c["share"]) for c in stats["cohorts"]] == [
        (start, c["standards"], c["adopting"], round(c["adopting"] / c["standards"], 4))
        for start, c in sorted(cohorts.items())
    ]


def test_find_and_adopters_on_the_catalogue(national: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    _, found = national

    def ask(*args: str) -> list[dict]:  # type: ignore[type-arg]
        done = subprocess.run(
            [*found["run"], *args, "--db", "lib.sqlite", "--json"],
            cwd=found["folder"], capture_output=True, text=True, env=found["env"], check=True,
        )  # fmt: skip
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    assert [f["designation"] for f in ask("find", "ＧＢ／Ｔ　１９００１－２０１６")] == [
        "GB/T 19001-2016"
    ]
    adopters = ask("adopters", "ISO 9001:2015")
    assert ("GB/T 19001-2016", "IDT") in [(a["designation"], a["degree"]) for a in adopters]


def test_shortcut_keys_equal_the_parser_on_every_designation(corpus: Path) -> None:
    table = corpus / "catalogues" / "gb-national" / "GB_dict_legacy_2026-07-22.csv"
    with open(table, encoding="utf-8-sig", newline="") as handle:
        texts = [t for r in csv.DictReader(handle) for t in (r["标准号"], r["国际标准编号"]) if t]
    checked = 0
    for text in texts:
        if _GB.fullmatch(text) or _INTERNATIONAL.fullmatch(text):
            ident, key = parse(text), key_of(text)
            assert (key.key, key.work, key.year, key.mandate) == (
                str(ident), str(ident.undated()), ident.year, ident.mandate,
            )  # fmt: skip
            checked += 1
    assert checked > 90_000
