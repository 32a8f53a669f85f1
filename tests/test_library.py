"""The digital standard library (issue 18): identity, relation parsers, every metric on a
hand-checked catalogue, queries, idempotent and crash-safe ingest, formats, the CLI.

``fixtures/library/catalogue.csv`` is our own text: 31 rows written to carry the quirks of
the national catalogue (full-width and em-dash designations, two-digit years, a designation
listed twice, several documents in one cell, the platform's adoption sentences, unknown
degrees and statuses, bad dates, a row with no designation, every mandate), then 160 rows
in a pattern (GB/T 20100+i, year 1985 + i mod 40, degree by i mod 5: IDT MOD NEQ EQV none).
Every expected figure below was worked out by hand from those rows (the working is in
docs/library.md, "The test catalogue").
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mrstd.bulk import walk
from mrstd.ids import parse
from mrstd.ids.keys import _GB, _INTERNATIONAL, key_of
from mrstd.io import read_source
from mrstd.library import Library, LibraryError, store
from mrstd.library.adoption import degree_of, parse_sentence, split_targets
from mrstd.library.entries import Entry
from mrstd.library.report import render_stats
from mrstd.library.tabular import MapError, parse_map

HERE = Path(__file__).parent / "fixtures" / "library"
CATALOGUE = HERE / "catalogue.csv"
CITING = HERE / "citing.csv"
REFERENCE = HERE / "reference.txt"
CITING_MAP = "designation=code,title=name,cites=refs,status=state,category=kind"
AS_OF = dt.date(2026, 12, 1)
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite")
    lib.add([CATALOGUE])
    lib.add([CITING], mapping=parse_map(CITING_MAP))
    return lib


# ---------------------------------------------------------------------------- identity


@pytest.mark.parametrize(
    "spelling",
    ["GB/T 19001-2016", "GB/T 19001—2016", "ＧＢ／Ｔ　１９００１－２０１６", "GB/T 19001 -2016",
     "GB/T 19001-2016/ISO 9001:2015"],
)  # fmt: skip
def test_one_key_for_every_spelling(spelling: str) -> None:
    key = key_of(spelling)
    assert (key.key, key.work, key.year, key.mandate) == (
        "GB/T 19001-2016",
        "GB/T 19001",
        2016,
        "recommended",
    )


def test_double_number_is_an_identical_adoption(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    lib.add_entries("dual", [Entry("GB/T 19001-2016/ISO 9001:2015", "dual:1")])
    assert lib.adopters("ISO 9001:2015")[0]["degree"] == "IDT"
    assert [s.designation for s in lib.find("GB/T 19001-2016")] == ["GB/T 19001-2016"]


def test_two_digit_years_and_other_bodies() -> None:
    assert key_of("GB/T 3101-93").key == "GB/T 3101-1993"
    assert key_of("DB11/T 1234-2019").scope == "local"
    assert key_of("T/CAS 115-2005").scope == "group"
    unread = key_of("FAO 规格502/WP:2002")
    assert not unread.parsed and unread.key == "FAO 规格502/WP:2002"


_GB_FORMS = st.builds(
    "{} {}{}-{}".format,
    st.sampled_from(["GB", "GB/T", "GB/Z"]),
    st.integers(1, 99999),
    st.sampled_from(["", ".1", ".2", ".10"]),
    st.integers(1950, 2099),
)
_ISO_FORMS = st.builds(
    "{} {}{}:{}".format,
    st.sampled_from(["ISO", "IEC", "ISO/IEC", "ISO/TR", "ISO/TS", "ISO/PAS", "ISO/DIS", "EN"]),
    st.integers(1, 99999),
    st.sampled_from(["", "-1", "-2-24", "-10"]),
    st.integers(1950, 2099),
)


@given(_GB_FORMS | _ISO_FORMS)
def test_shortcut_agrees_with_the_parser(text: str) -> None:
    """The canonical-form shortcut gives what the parser gives."""
    ident = parse(text)
    key = key_of(text)
    assert _INTERNATIONAL.fullmatch(text) or _GB.fullmatch(text)  # the shortcut reads it
    assert (key.key, key.work, key.year, key.body, key.scope, key.mandate) == (
        str(ident),
        str(ident.undated()),
        ident.year,
        ident.body,
        ident.scope,
        ident.mandate,
    )


# ---------------------------------------------------------------------------- parsers


@pytest.mark.parametrize(
    ("cell", "degree"),
    [("等同采用", "IDT"), ("修改采用", "MOD"), ("非等效采用", "NEQ"), ("等效采用", "EQV"),
     ("IDT", "IDT"), ("mod", "MOD"), ("(NEQ)", "NEQ"), ("identical", "IDT"),
     ("not equivalent", "NEQ"), ("equivalent", "EQV"), ("", None), ("部分采用", None)],
)  # fmt: skip
def test_degrees(cell: str, degree: str | None) -> None:
    assert degree_of(cell) == degree


@pytest.mark.parametrize(
    ("cell", "targets"),
    [
        ("ISO 9001:2015", [("ISO 9001:2015", None)]),
        ("ISO 10241-1:2011;ISO 704:2022", [("ISO 10241-1:2011", None), ("ISO 704:2022", None)]),
        ("ISO 1615:1976、ISO 1616:1976", [("ISO 1615:1976", None), ("ISO 1616:1976", None)]),
        (
            "ISO 14502-1:2005，ISO 14502-2:2005",
            [("ISO 14502-1:2005", None), ("ISO 14502-2:2005", None)],
        ),
        ("ISO 9438:1993,ISO 6676:1993", [("ISO 9438:1993", None), ("ISO 6676:1993", None)]),
        ("ISO 31000:2018、", [("ISO 31000:2018", None)]),
        ("ISO/IEC Directives Part 2,2018", [("ISO/IEC Directives Part 2,2018", None)]),
        (
            "ASME B16.5-2009及\nEN 1092-1:2007",
            [("ASME B16.5-2009", None), ("EN 1092-1:2007", None)],
        ),
        ("ISO 607:1980、\nISO 4321:1977、IDT", [("ISO 607:1980", None), ("ISO 4321:1977", "IDT")]),
    ],
)
def test_several_documents_in_one_cell(cell: str, targets: list[tuple[str, str | None]]) -> None:
    assert split_targets(cell) == targets


def test_adoption_sentences() -> None:
    adopted, understood = parse_sentence(
        "本标准修改采用ISO国际标准：ISO 12345:2021。; 采标中文名称:气动连接 试验方法。"
    )
    assert understood and [(a.target, a.degree) for a in adopted] == [("ISO 12345:2021", "MOD")]
    adopted, _ = parse_sentence("本标准非等效采用其他国际标准：ASTM C550-03\nASTM C303-02。")
    assert [(a.target, a.degree) for a in adopted] == [
        ("ASTM C550-03", "NEQ"),
        ("ASTM C303-02", "NEQ"),
    ]
    assert parse_sentence("无国际标准") == ([], True)
    assert parse_sentence("主要起草单位某某研究院。") == ([], False)


# ---------------------------------------------------------------------------- metrics


def test_every_metric_on_the_hand_checked_catalogue(library: Library) -> None:
    stats = library.stats(reference=REFERENCE.read_text("utf-8").splitlines(), as_of=AS_OF)
    assert stats["standards"] == 195  # 191 catalogue records and 4 citing ones
    assert stats["distinct"] == 194  # GB 29999-2013 is listed twice
    assert stats["degrees"] == {
        "IDT": 39, "MOD": 40, "NEQ": 36, "EQV": 33, "unknown": 1, "none": 46,
    }  # fmt: skip
    cohorts = {c["from"]: (c["standards"], c["adopting"], c["IDT"], c["MOD"], c["NEQ"], c["EQV"])
               for c in stats["cohorts"]}  # fmt: skip
    assert cohorts == {
        1980: (1, 0, 0, 0, 0, 0),
        1985: (20, 16, 4, 4, 4, 4),
        1990: (21, 17, 4, 4, 4, 5),
        1995: (20, 16, 4, 4, 4, 4),
        2000: (21, 17, 5, 4, 4, 4),
        2005: (25, 19, 5, 4, 5, 4),
        2010: (27, 20, 5, 6, 5, 4),  # and GB/T 40003-2010
        2015: (27, 21, 6, 6, 5, 4),
        2020: (32, 22, 6, 7, 5, 4),  # and GB/T 40001-2022, 40002-2022, 40004-2023
        2025: (1, 1, 0, 1, 0, 0),
    }
    assert stats["cohorts"][2]["share"] == round(17 / 21, 4)
    mandates = {name: v["standards"] for name, v in stats["by_mandate"].items()}
    assert mandates == {
        "recommended": 185, "mandatory": 5, "guidance": 1, "group": 1, "enterprise": 1,
        "local": 1, "sector": 1,
    }  # fmt: skip
    categories = {name: v["standards"] for name, v in stats["by_category"].items()}
    assert categories == {"基础": 51, "方法": 48, "管理": 47, "产品": 45, "安全": 4}
    force = stats["in_force"]
    # 184 catalogue records, and the three citing records stated current.
    assert force["standards"] == 187
    assert force["age"] == {"0-4": 20, "5-9": 27, "10-14": 28, "15-19": 22, "20+": 90}
    assert force["older_than_review"] == 187 - 20 - 5  # age 5 (2021) is not above 5
    assert stats["implementation_interval"] == {"count": 11, "median_days": 184, "mean_days": 241.6}
    assert stats["formulation_interval"]["count"] == 0
    assert stats["stale_citations"] == 2
    conversion = stats["conversion_rate"]
    assert (conversion["reference"], conversion["adopted"], conversion["rate"]) == (5, 3, 0.6)
    assert conversion["not_adopted"] == ["ISO 99999:2020", "ISO 690"]  # 690: NEQ only
    assert not conversion["meets_target"]
    assert set(stats["formulas"]) >= {"degrees", "cohorts", "in_force", "conversion_rate"}


def test_stats_formats(library: Library) -> None:
    stats = library.stats(as_of=AS_OF)
    assert json.loads(render_stats(stats, "json"))["standards"] == 195
    rows = list(csv.reader(render_stats(stats, "csv").splitlines()))
    assert rows[0] == ["metric", "group", "measure", "value"]
    assert ["degrees", "IDT", "standards", "39"] in rows
    assert "degrees: records per degree" in render_stats(stats, "text")
    page = render_stats(stats, "html")
    assert page.count('src="data:image/png;base64,') >= 4  # a chart per section
    assert page.count("<table>") >= 5 and "records per degree of their first adoption" in page


# ---------------------------------------------------------------------------- queries


def test_find_in_any_spelling(library: Library) -> None:
    found = library.find("ＧＢ／Ｔ　１９００１－２０１６")
    assert [s.designation for s in found] == ["GB/T 19001-2016"]
    assert found[0].sources == (f"{CATALOGUE}:2",)
    assert [s.designation for s in library.find("GB/T 19001")] == [
        "GB/T 19001-2016",
        "GB/T 19001-2008",
        "GB/T 19001-2000",
    ]  # undated: every edition, the latest first
    assert library.latest("GB/T 19001").designation == "GB/T 19001-2016"  # type: ignore[union-attr]
    assert [(s.designation, s.occurrence) for s in library.find("GB 29999-2013")] == [
        ("GB 29999-2013", 1),
        ("GB 29999-2013", 2),
    ]
    assert library.find("GB/T 99999-2000") == []


def test_adopters_and_adoptions(library: Library) -> None:
    assert [(a["designation"], a["degree"]) for a in library.adopters("ISO 9001:2015")] == [
        ("GB/T 19001-2016", "IDT")
    ]
    assert [a["designation"] for a in library.adopters("ISO 9001")] == [
        "GB/T 19001-2016",
        "GB/T 19001-2008",
        "GB/T 19001-2000",
    ]
    assert [(a["adopts"], a["degree"]) for a in library.adoptions("GB/T 30003-2016")] == [
        ("ISO 607:1980", "MOD"),
        ("ISO 4321:1977", "IDT"),
    ]
    assert [a["adopts"] for a in library.adoptions("GB/T 30001.2-2014")] == [
        "IEC 61000-4-2:2008",
        "QC 400100",
    ]


def test_chain_status_and_stale_citations(library: Library) -> None:
    chain = library.chain("GB/T 19001-2008")
    assert [c["designation"] for c in chain["chain"]] == [
        "GB/T 19001-2000",
        "GB/T 19001-2008",
        "GB/T 19001-2016",
    ]
    assert library.successors("GB/T 10000.1-2014") == [("GB/T 10000.2-2020", True)]
    on = {s["status"] for s in library.status("GB/T 19001-2008", dt.date(2010, 1, 1))}
    assert on == {"current"}
    assert library.status("GB/T 19001-2008", dt.date(2018, 1, 1))[0]["status"] == "withdrawn"
    assert library.status("GB/T 14999-2025", AS_OF)[0]["status"] == "not-yet-in-force"
    stale = library.stale_citations()
    assert [(s["designation"], s["resolved"], s["replaced_by"]) for s in stale] == [
        ("GB/T 40001-2022", "GB/T 19001-2008", ["GB/T 19001-2016"]),
        ("GB/T 40004-2023", "GB/T 3101-1993", []),
    ]


def test_full_text_search(library: Library) -> None:
    hits = library.search("质量管理")
    assert {h["designation"] for h in hits} == {
        "GB/T 19001-2016",
        "GB/T 19001-2008",
        "GB/T 19001-2000",
    }
    assert {h["designation"] for h in library.search("示例", limit=500)} >= {"T/CAS 115-2005"}
    assert library.search("") == []
    assert library.search('"; DROP TABLE standards; --') == []


def test_documents_are_records(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    report = lib.add([EXAMPLES], jobs=2)
    assert report.records >= 5
    unreadable = {"bad-enum-value", "empty", "malformed-json", "missing-required-field",
                  "not-utf8", "unknown-field", "unknown-schema-version", "wrong-type"}  # fmt: skip
    assert {p.location.split(":")[0] for p in report.problems if p.kind == "document"} == {
        str(EXAMPLES / "invalid" / f"{name}.json") for name in unreadable
    }  # each broken document reported with its place; the rest are added
    broken = next(
        p
        for p in report.problems
        if p.location.startswith(str(EXAMPLES / "invalid" / "wrong-type"))
    )
    assert broken.location.endswith(":14:18") and "[metadata.languages]" in broken.message
    adopted = lib.adoptions("GB/T 99801-2026")
    assert adopted and adopted[0]["degree"] == "IDT"
    assert lib.search("widget")
    again = lib.add([EXAMPLES])
    assert again.records == 0 and len(again.unchanged) == len(report.added)


def test_each_document_is_read_once_and_one_that_vanishes_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker that reads a document also takes its digest (the client reads no
    document): every file is read once an add, changed or not. A file gone before its turn
    is a problem of that file, and the next add reads it again."""
    folder = tmp_path / "docs"
    folder.mkdir()
    names = ("iso-widget.json", "gb-t-widget-idt.json", "din-en-iso-widget.json")
    for name in names:
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    each_once = sorted(str(folder / name) for name in names)
    victim = folder / "gb-t-widget-idt.json"
    kept = victim.read_bytes()
    reads: list[str] = []

    def counted(path: str | Path) -> bytes:
        reads.append(str(path))
        if vanish and Path(path) == victim:
            victim.unlink()
        return read_source(path)

    monkeypatch.setattr(store, "read_source", counted)
    monkeypatch.setattr(store, "_digest", None)  # the client's own reading, of tables only
    lib = Library(tmp_path / "lib.sqlite")
    vanish = True
    first = lib.add([folder])
    assert sorted(reads) == each_once
    assert [(p.location, p.kind) for p in first.problems] == [(str(victim), "document")]
    assert "no such file" in first.problems[0].message and first.records == 2
    victim.write_bytes(kept)
    vanish, reads[:] = False, []
    second = lib.add([folder])
    assert sorted(reads) == each_once
    assert second.records == 1 and len(second.unchanged) == 2 and not second.problems
    assert lib.adoptions("GB/T 99801-2026")[0]["degree"] == "IDT"


def test_a_folder_of_tables_and_documents_is_listed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "catalogue.csv").write_bytes(CATALOGUE.read_bytes())
    (folder / "iso-widget.json").write_bytes((EXAMPLES / "iso-widget.json").read_bytes())
    listings: list[list[str]] = []

    def listed(inputs: list[str], *args: Any) -> Iterator[Any]:
        listings.append(list(inputs))
        return walk(inputs, *args)

    monkeypatch.setattr(store, "walk", listed)
    report = Library(tmp_path / "lib.sqlite").add([folder])
    assert listings == [[str(folder)]]
    assert sorted(report.added) == sorted(str(p) for p in folder.iterdir())


# ---------------------------------------------------------------------------- ingest


def test_adding_again_changes_nothing(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    lib.add([CATALOGUE])
    before = lib.stats(as_of=AS_OF)
    report = lib.add([CATALOGUE])
    assert report.unchanged == [str(CATALOGUE)] and report.records == 0
    assert lib.stats(as_of=AS_OF) == before


def test_a_changed_source_replaces_its_rows(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "标准号,国际标准编号,采标类型\nGB/T 1-2001,ISO 1:2000,IDT\nGB/T 2-2002,,\n", "utf-8"
    )
    lib = Library(tmp_path / "lib.sqlite")
    lib.add([table])
    table.write_text("标准号,国际标准编号,采标类型\nGB/T 1-2001,ISO 1:2000,MOD\n", "utf-8")
    report = lib.add([table])
    assert report.replaced == [str(table)]
    stats = lib.stats(as_of=AS_OF)
    assert stats["standards"] == 1 and stats["degrees"]["MOD"] == 1 and stats["degrees"]["IDT"] == 0


def test_xlsx_reads_like_csv(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    with open(CATALOGUE, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    book.save(tmp_path / "catalogue.xlsx")
    a, b = Library(tmp_path / "a.sqlite"), Library(tmp_path / "b.sqlite")
    a.add([CATALOGUE])
    b.add([tmp_path / "catalogue.xlsx"])
    assert a.stats(as_of=AS_OF) == b.stats(as_of=AS_OF)


def test_bad_maps_are_clear(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite")
    with pytest.raises(MapError, match="unknown field 'desig'"):
        parse_map("desig=标准号")
    with pytest.raises(MapError, match="no such column"):
        lib.add([CATALOGUE], mapping=parse_map("designation=编号"))
    assert lib.stats(as_of=AS_OF)["standards"] == 0


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    Library(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(LibraryError, match="newer"):
        Library(path)
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(LibraryError, match="not a library"):
        Library(tmp_path / "junk.sqlite")


def _big_catalogue(path: Path, rows: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["标准号", "国际标准编号", "采标类型"])
        for i in range(rows):
            out.writerow([f"GB/T {100000 + i}-2020", f"ISO {i + 1}:2019", "IDT"])


def test_a_killed_ingest_leaves_the_library_consistent(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    Library(db).add([CATALOGUE])
    big = tmp_path / "big.csv"
    _big_catalogue(big, 300_000)
    script = (
        "import sys; from mrstd.library import Library; Library(sys.argv[1]).add([sys.argv[2]])"
    )
    process = subprocess.Popen([sys.executable, "-c", script, str(db), str(big)])
    deadline = time.monotonic() + 60
    # Kill it once it is writing: the write-ahead log grows.
    while time.monotonic() < deadline and process.poll() is None:
        wal = Path(f"{db}-wal")
        if wal.exists() and wal.stat().st_size > 4_000_000:
            break
        time.sleep(0.01)
    assert process.poll() is None, "the ingest finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    lib = Library(db)
    assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [s["path"] for s in lib.sources()] == [str(CATALOGUE)]  # none of big.csv
    assert lib.stats(as_of=AS_OF)["standards"] == 191
    # A source this large has its indexes built after its rows: killed, they are all there.
    indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    every = Library(tmp_path / "new.sqlite").db.execute(indexes).fetchall()
    assert lib.db.execute(indexes).fetchall() == every
    assert lib.add([big]).records == 300_000  # and it can be added again
    assert lib.db.execute(indexes).fetchall() == every
    assert [s.designation for s in lib.find("GB/T 100007")] == ["GB/T 100007-2020"]
    assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_reader_works_during_an_ingest(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    Library(db).add([CATALOGUE])
    big = tmp_path / "big.csv"
    _big_catalogue(big, 150_000)
    script = (
        "import sys; from mrstd.library import Library; Library(sys.argv[1]).add([sys.argv[2]])"
    )
    writer = subprocess.Popen([sys.executable, "-c", script, str(db), str(big)])
    reader = Library(db, readonly=True)
    answers = 0
    deadline = time.monotonic() + 120
    while writer.poll() is None and time.monotonic() < deadline:
        assert [s.designation for s in reader.find("GB/T 19001-2016")] == ["GB/T 19001-2016"]
        answers += 1
    assert writer.wait(timeout=60) == 0
    assert answers > 1
    assert Library(db, readonly=True).stats(as_of=AS_OF)["standards"] == 191 + 150_000


def test_parquet_export(library: Library, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    written = library.export(tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(
        f"{t}.parquet"
        for t in ("standards", "relations", "records", "sources", "problems", "texts")
    )
    standards = pq.read_table(tmp_path / "out" / "standards.parquet")
    assert standards.num_rows == 195
    assert str(standards.schema.field("published").type) == "date32[day]"
    relations = pq.read_table(tmp_path / "out" / "relations.parquet").to_pylist()
    assert {
        "subject": "GB/T 19001-2016",
        "object_key": "ISO 9001:2015",
        "degree": "IDT",
    }.items() <= next(
        r for r in relations if r["subject"] == "GB/T 19001-2016" and r["kind"] == "adopts"
    ).items()


# ---------------------------------------------------------------------------- CLI


def _mrstd(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mrstd", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "CI": "true"},
    )


def test_the_interface_outside_checks_use(tmp_path: Path) -> None:
    table = tmp_path / "national.csv"
    with (
        open(CATALOGUE, encoding="utf-8", newline="") as source,
        open(table, "w", encoding="utf-8", newline="") as target,
    ):
        rows = list(csv.reader(source))
        out = csv.writer(target)
        out.writerows([[r[0], r[2], r[3]] for r in rows])  # the national catalogue's columns
    added = _mrstd(
        "library", "add", "--db", "lib.sqlite", "--map",
        "designation=标准号,adopts=国际标准编号,degree=采标类型", str(table), cwd=tmp_path,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    stats = json.loads(
        _mrstd("library", "stats", "--db", "lib.sqlite", "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["standards"] == 191
    # Without the adoption sentences, rows 14-17 adopt nothing.
    assert stats["degrees"] == {
        "IDT": 38,
        "MOD": 37,
        "NEQ": 36,
        "EQV": 33,
        "unknown": 1,
        "none": 46,
    }
    assert {
        "from": 1995,
        "to": 1999,
        "standards": 20,
        "adopting": 16,
        "share": 0.8,
    }.items() <= next(c for c in stats["cohorts"] if c["from"] == 1995).items()
    found = json.loads(
        _mrstd(
            "library",
            "find",
            "--db",
            "lib.sqlite",
            "ＧＢ／Ｔ　１９００１－２０１６",
            "--json",
            cwd=tmp_path,
        ).stdout
    )
    assert [f["designation"] for f in found] == ["GB/T 19001-2016"]
    adopters = json.loads(
        _mrstd(
            "library", "adopters", "--db", "lib.sqlite", "ISO 9001:2015", "--json", cwd=tmp_path
        ).stdout
    )
    assert [(a["designation"], a["degree"]) for a in adopters] == [("GB/T 19001-2016", "IDT")]


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    missing = _mrstd("library", "find", "--db", "nope.sqlite", "GB/T 1-2000", cwd=tmp_path)
    assert missing.returncode == 2 and missing.stderr == "error: nope.sqlite: no such library\n"
    bad = _mrstd(
        "library",
        "add",
        "--db",
        "x.sqlite",
        "--map",
        "designation=编号",
        str(CATALOGUE),
        cwd=tmp_path,
    )
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and bad.stderr.count("\n") == 1
    html = _mrstd(
        "library", "stats", "--db", "x.sqlite", "--format", "html", "-o", "s.html", cwd=tmp_path
    )
    assert html.returncode == 0 and (tmp_path / "s.html").read_text("utf-8").startswith(
        "<!DOCTYPE html>"
    )
    for command in (
        ["search", "质量"],
        ["chain", "GB/T 1.1"],
        ["stale"],
        ["problems"],
        ["status", "GB/T 1.1"],
    ):
        assert _mrstd("library", *command, "--db", "x.sqlite", cwd=tmp_path).returncode == 0
