"""Chinese designations (domain notes section 2). Examples are written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mrstd.ids import IdentifierError, parse

CASES = [
    # text, canonical, scope, mandate, publisher, number, part, year
    ("GB 18030-2005", "GB 18030-2005", "national", "mandatory", "GB", "18030", None, 2005),
    ("GB/T 1.1-2020", "GB/T 1.1-2020", "national", "recommended", "GB", "1", "1", 2020),
    ("GB/Z 20000.1-2010", "GB/Z 20000.1-2010", "national", "guidance", "GB", "20000", "1", 2010),
    ("GB 2312-80", "GB 2312-1980", "national", "mandatory", "GB", "2312", None, 1980),
    ("GB 3101-93", "GB 3101-1993", "national", "mandatory", "GB", "3101", None, 1993),
    ("GB/T 7714—2015", "GB/T 7714-2015", "national", "recommended", "GB", "7714", None, 2015),
    ("GB／T 7714－2015", "GB/T 7714-2015", "national", "recommended", "GB", "7714", None, 2015),
    (
        "ＧＢ／Ｔ　７７１４－２０１５",
        "GB/T 7714-2015",
        "national",
        "recommended",
        "GB",
        "7714",
        None,
        2015,
    ),
    ("GB / T  7714 - 2015", "GB/T 7714-2015", "national", "recommended", "GB", "7714", None, 2015),
    ("GB/T7714-2015", "GB/T 7714-2015", "national", "recommended", "GB", "7714", None, 2015),
    (
        " GB/T 20000.2–2009 ",
        "GB/T 20000.2-2009",
        "national",
        "recommended",
        "GB",
        "20000",
        "2",
        2009,
    ),
    ("GB 4943", "GB 4943", "national", "mandatory", "GB", "4943", None, None),
    (
        "GB/T 5606 (all parts)",
        "GB/T 5606 (all parts)",
        "national",
        "recommended",
        "GB",
        "5606",
        None,
        None,
    ),
    ("JB/T 13368-2018", "JB/T 13368-2018", "sector", "recommended", "JB", "13368", None, 2018),
    ("HB/Z 12-2010", "HB/Z 12-2010", "sector", "guidance", "HB", "12", None, 2010),
    ("YY 0505-2012", "YY 0505-2012", "sector", "mandatory", "YY", "0505", None, 2012),
    ("JGJ/T 98-2010", "JGJ/T 98-2010", "sector", "recommended", "JGJ", "98", None, 2010),
    ("CJJ 1-2008", "CJJ 1-2008", "sector", "mandatory", "CJJ", "1", None, 2008),
    ("DB/T 12-2010", "DB/T 12-2010", "sector", "recommended", "DB", "12", None, 2010),
    ("DB11/T 1322-2016", "DB11/T 1322-2016", "local", "recommended", "DB11", "1322", None, 2016),
    ("DB31 123-2019", "DB31 123-2019", "local", "mandatory", "DB31", "123", None, 2019),
    ("DB 65/T 3456—2012", "DB65/T 3456-2012", "local", "recommended", "DB65", "3456", None, 2012),
    ("T/CSAE 53-2017", "T/CSAE 53-2017", "group", None, "CSAE", "53", None, 2017),
    ("T/ZS 0467—2023", "T/ZS 0467-2023", "group", None, "ZS", "0467", None, 2023),
    ("T / CECS 10001－2019", "T/CECS 10001-2019", "group", None, "CECS", "10001", None, 2019),
    ("Q/GDW 1168-2013", "Q/GDW 1168-2013", "enterprise", None, "GDW", "1168", None, 2013),
    ("Q/SY 1234.2-2010", "Q/SY 1234.2-2010", "enterprise", None, "SY", "1234", "2", 2010),
    (
        "JB/T 13368.1.2-2009",
        "JB/T 13368.1.2-2009",
        "sector",
        "recommended",
        "JB",
        "13368",
        "1.2",
        2009,
    ),
]


def _relaton_gb_sector_prefixes(corpus: Path) -> list[str]:
    """The sector prefixes relaton-gb lists (GbStandardSectorPrefix), read from the corpus:
    an independent source, not a copy of mrstd's own table."""
    text = (corpus / "gb" / "relaton-gb-prefixes.yaml").read_text("utf-8")
    section = text.split("# GbStandardSectorPrefix", 1)[1].split("\n# ", 1)[0]
    return re.findall(r"^([A-Za-z]+):\s*$", section, flags=re.MULTILINE)


@pytest.mark.parametrize(
    ("text", "canonical", "scope", "mandate", "pub", "num", "part", "year"), CASES
)
def test_chinese_forms(
    text: str,
    canonical: str,
    scope: str,
    mandate: str | None,
    pub: str,
    num: str,
    part: str | None,
    year: int | None,
) -> None:
    ident = parse(text)
    assert str(ident) == canonical
    assert ident.scope == scope
    assert ident.mandate == mandate
    assert ident.publisher == (pub,)
    assert ident.number == num
    assert ident.part == part
    assert ident.year == year
    assert ident.urn is None
    assert parse(canonical) == ident


@pytest.mark.parametrize(
    ("suffix", "mandate"), [("", "mandatory"), ("/T", "recommended"), ("/Z", "guidance")]
)
def test_every_sector_prefix_relaton_gb_lists(corpus: Path, suffix: str, mandate: str) -> None:
    codes = _relaton_gb_sector_prefixes(corpus)
    assert len(codes) >= 60
    for code in codes:
        ident = parse(f"{code}{suffix} 1234.3—2019")
        assert ident.scope == "sector", code
        assert ident.mandate == mandate, code
        assert str(ident) == f"{code}{suffix} 1234.3-2019"
        assert ident.part == "3"


@pytest.mark.parametrize("province", ["11", "12", "31", "44", "65"])
def test_local_versus_seismology_sector(province: str) -> None:
    assert parse(f"DB{province}/T 100-2020").scope == "local"
    assert parse(f"DB{province}/T 100-2020").publisher == (f"DB{province}",)
    assert parse("DB/T 100-2020").scope == "sector"


def test_idt_double_number_adopts_international() -> None:
    ident = parse("GB/T 19001-2016/ISO 9001:2015")
    assert ident.scope == "national"
    assert ident.year == 2016
    assert ident.adopts is not None
    assert ident.adoption == "dual"
    assert str(ident.adopts) == "ISO 9001:2015"
    assert ident.adopts.publisher == ("ISO",)
    assert ident.adopts.year == 2015
    assert str(ident) == "GB/T 19001-2016/ISO 9001:2015"
    assert str(parse("GB/T 19001—2016／ISO 9001:2015")) == "GB/T 19001-2016/ISO 9001:2015"
    nested = parse("GB/T 22080-2016/ISO/IEC 27001:2013")
    assert nested.adopts is not None and nested.adopts.publisher == ("ISO", "IEC")


def test_undated_and_with_year() -> None:
    ident = parse("GB/T 1.1-2020")
    assert str(ident.undated()) == "GB/T 1.1"
    assert str(ident.with_year(2009)) == "GB/T 1.1-2009"
    assert ident.with_year(2009).undated() == ident.undated()


@pytest.mark.parametrize(
    "text", ["GB", "GB/T", "GB/-2010", "GB/T -2006", "/foo 1-2020", "XX/T 123-2010", "GB/T 123-"]
)
def test_malformed_chinese_rejected(text: str) -> None:
    with pytest.raises(IdentifierError) as info:
        parse(text)
    assert info.value.position >= 0
    assert info.value.expected


@pytest.mark.parametrize(
    ("text", "canonical", "scope", "mandate", "publisher", "part", "year"),
    [
        # sector prefixes with and without /T and /Z, typed with dashes and spaces
        ("QB/T 1234—2018", "QB/T 1234-2018", "sector", "recommended", "QB", None, 2018),
        ("HG/Z 12－2009", "HG/Z 12-2009", "sector", "guidance", "HG", None, 2009),
        ("SJ 20000.3-2015", "SJ 20000.3-2015", "sector", "mandatory", "SJ", "3", 2015),
        ("JGJ / T 12 — 2019", "JGJ/T 12-2019", "sector", "recommended", "JGJ", None, 2019),
        ("JJF 1001.2-2011", "JJF 1001.2-2011", "sector", "mandatory", "JJF", "2", 2011),
        # local
        ("DB44/T 123.4-2020", "DB44/T 123.4-2020", "local", "recommended", "DB44", "4", 2020),
        ("DB 37 5678－2019", "DB37 5678-2019", "local", "mandatory", "DB37", None, 2019),
        ("DB11／T 99—95", "DB11/T 99-1995", "local", "recommended", "DB11", None, 1995),
        # group and enterprise codes with digits
        ("T/CES 12.1-2021", "T/CES 12.1-2021", "group", None, "CES", "1", 2021),
        ("T/ABC123 4-2022", "T/ABC123 4-2022", "group", None, "ABC123", None, 2022),
        (
            "Q/123456 ABC 001-2018",
            "Q/123456 ABC 001-2018",
            "enterprise",
            None,
            "123456 ABC",
            None,
            2018,
        ),
        ("Q/12ABC 7-2020", "Q/12ABC 7-2020", "enterprise", None, "12ABC", None, 2020),
        # two-digit years, full-width, lower and mixed case, slash-less GB/T
        ("GB/T 3102.1-93", "GB/T 3102.1-1993", "national", "recommended", "GB", "1", 1993),
        ("ＧＢ　１２３４．２－８８", "GB 1234.2-1988", "national", "mandatory", "GB", "2", 1988),
        ("gb/t 1234-2010", "GB/T 1234-2010", "national", "recommended", "GB", None, 2010),
        ("Gb/t 1234-2010", "GB/T 1234-2010", "national", "recommended", "GB", None, 2010),
        ("db11/t 12-2015", "DB11/T 12-2015", "local", "recommended", "DB11", None, 2015),
        ("t/cecs 12-2019", "T/CECS 12-2019", "group", None, "CECS", None, 2019),
        ("GBT 1234-2010", "GB/T 1234-2010", "national", "recommended", "GB", None, 2010),
        ("GBZ 1234-2010", "GB/Z 1234-2010", "national", "guidance", "GB", None, 2010),
        ("GB/T 1.1—2020", "GB/T 1.1-2020", "national", "recommended", "GB", "1", 2020),
    ],
)
def test_more_chinese_forms(
    text: str,
    canonical: str,
    scope: str,
    mandate: str | None,
    publisher: str,
    part: str | None,
    year: int,
) -> None:
    ident = parse(text)
    assert str(ident) == canonical
    assert (ident.scope, ident.mandate, ident.publisher, ident.part, ident.year) == (
        scope,
        mandate,
        (publisher,),
        part,
        year,
    )
    assert parse(canonical) == ident


@pytest.mark.parametrize(
    ("text", "canonical", "sheets"),
    [
        ("GB 1234.1-2011/XG1-2019", "GB 1234.1-2011/XG1-2019", [("1", 2019)]),
        ("GB/T 1.1—2020/XG1—2021", "GB/T 1.1-2020/XG1-2021", [("1", 2021)]),
        ("GB 1234-88/XG2-95", "GB 1234-1988/XG2-1995", [("2", 1995)]),
        (
            "gb/t 12-2017/xg1-2019/XG2-2020",
            "GB/T 12-2017/XG1-2019/XG2-2020",
            [("1", 2019), ("2", 2020)],
        ),
        ("YY/T 1234—2016／XG1－2020", "YY/T 1234-2016/XG1-2020", [("1", 2020)]),
    ],
)
def test_modification_sheets(text: str, canonical: str, sheets: list[tuple[str, int]]) -> None:
    ident = parse(text)
    assert str(ident) == canonical
    assert [(s.kind, s.number, s.year) for s in ident.supplements] == [
        ("XG", n, y) for n, y in sheets
    ]
    assert parse(canonical) == ident
    assert ident.undated().supplements == ()


@pytest.mark.parametrize(
    ("text", "national", "adopted"),
    [
        ("GB/T 12345.2-2013/ISO 6789-2:2003", "GB/T 12345.2-2013", "ISO 6789-2:2003"),
        ("GB/T 1234.1—2016／IEC 60068-1:2013", "GB/T 1234.1-2016", "IEC 60068-1:2013"),
        ("YY/T 1234-2016/ISO 14971:2007", "YY/T 1234-2016", "ISO 14971:2007"),
        ("GB/T 1234-2008/ISO/IEC 17025:2005", "GB/T 1234-2008", "ISO/IEC 17025:2005"),
        ("GB/T 1234-2016/ISO/TS 12345:2012", "GB/T 1234-2016", "ISO/TS 12345:2012"),
    ],
)
def test_double_numbers(text: str, national: str, adopted: str) -> None:
    ident = parse(text)
    assert ident.adoption == "dual"
    assert ident.adopts is not None
    assert str(ident.adopts) == adopted
    assert str(ident) == f"{national}/{adopted}"
