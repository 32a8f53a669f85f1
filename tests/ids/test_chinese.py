"""Chinese designations (domain notes section 2). Examples are written for these tests."""

from __future__ import annotations

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

SECTORS = [
    "AQ",
    "BB",
    "CB",
    "CH",
    "CJ",
    "CY",
    "DA",
    "DB",
    "DL",
    "DZ",
    "EJ",
    "FZ",
    "GA",
    "GH",
    "GM",
    "GY",
    "HB",
    "HG",
    "HJ",
    "HS",
    "HY",
    "JB",
    "JC",
    "JG",
    "JR",
    "JT",
    "JY",
    "LB",
    "LD",
    "LS",
    "LY",
    "MH",
    "MT",
    "MZ",
    "NY",
    "QB",
    "QC",
    "QJ",
    "QX",
    "SB",
    "SC",
    "SH",
    "SJ",
    "SL",
    "SN",
    "SY",
    "TB",
    "TD",
    "TJ",
    "TY",
    "WB",
    "WH",
    "WJ",
    "WM",
    "WS",
    "WW",
    "XB",
    "YB",
    "YC",
    "YD",
    "YS",
    "YY",
    "YZ",
    "ZY",
]


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


@pytest.mark.parametrize("code", SECTORS)
@pytest.mark.parametrize(
    ("suffix", "mandate"), [("", "mandatory"), ("/T", "recommended"), ("/Z", "guidance")]
)
def test_every_sector_prefix(code: str, suffix: str, mandate: str) -> None:
    ident = parse(f"{code}{suffix} 1234.3—2019")
    assert ident.scope == "sector"
    assert ident.mandate == mandate
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
