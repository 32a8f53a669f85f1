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

from mrstd.ids.keys import _GB, _INTERNATIONAL, _parsed, key_of
from mrstd.library.adoption import split_targets

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
    """The patterns :func:`key_of` reads canonical spellings with give exactly the key the
    parser gives, on every designation of the catalogue and every document it adopts."""
    table = corpus / "catalogues" / "gb-national" / "GB_dict_legacy_2026-07-22.csv"
    with open(table, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [r["标准号"] for r in rows] + [
        target for r in rows if r["国际标准编号"] for target, _ in split_targets(r["国际标准编号"])
    ]
    checked: Counter[str] = Counter()
    for text in texts:
        found = _GB.fullmatch(text) or _INTERNATIONAL.fullmatch(text)
        if found:
            assert key_of(text) == _parsed(text), text
            checked[found[1]] += 1
    assert sum(checked.values()) > 90_000
    assert {"GB/T", "ISO", "IEC", "ISO/IEC", "ISO/TR", "ISO/TS", "EN"} <= set(checked)
