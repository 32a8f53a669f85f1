"""Regression tests for the identifier defects of issue 13 (each failed before its fix).

The identifiers are written for these tests in the forms the publishers use."""

from __future__ import annotations

import pytest

from mrstd.errors import MrstdError
from mrstd.ids import Identifier, IdentifierError, parse


def _layers(ident: Identifier) -> list[str]:
    out = []
    current: Identifier | None = ident
    while current is not None:
        out.append(str(current))
        current = current.adopts
    return out


@pytest.mark.parametrize(
    ("text", "layers"),
    [
        # a national layer joined to what it adopts by a hyphen keeps its hyphen
        ("UNE-EN ISO 9001:2015", ["UNE-EN ISO 9001:2015", "EN ISO 9001:2015", "ISO 9001:2015"]),
        ("SS-EN ISO 9001:2015", ["SS-EN ISO 9001:2015", "EN ISO 9001:2015", "ISO 9001:2015"]),
        ("PN-EN 1234:2010", ["PN-EN 1234:2010", "EN 1234:2010"]),
        ("SFS-EN ISO 1234", ["SFS-EN ISO 1234", "EN ISO 1234", "ISO 1234"]),
        ("PN-ISO 1234:2009", ["PN-ISO 1234:2009", "ISO 1234:2009"]),
        # spaced layers and joint publishers keep their own separator
        ("ČSN EN ISO 9001:2016", ["ČSN EN ISO 9001:2016", "EN ISO 9001:2016", "ISO 9001:2016"]),
        ("ÖVE/ÖNORM EN 60335-1:2012", ["ÖVE/ÖNORM EN 60335-1:2012", "EN 60335-1:2012"]),
        ("DIN VDE 0100-410:2018-10", ["DIN VDE 0100-410:2018-10"]),
        ("DIN SPEC 91345:2016-04", ["DIN SPEC 91345:2016-04"]),
        # DIN's month is DIN's alone
        (
            "DIN EN ISO 13849-1:2023-12",
            ["DIN EN ISO 13849-1:2023-12", "EN ISO 13849-1:2023", "ISO 13849-1:2023"],
        ),
        # a CEN corrigendum is CEN's own: it stays with CEN and the layers adopting CEN
        ("EN ISO 13849-1:2015/AC:2016", ["EN ISO 13849-1:2015/AC:2016", "ISO 13849-1:2015"]),
        (
            "BS EN ISO 9001:2015/AC:2016",
            ["BS EN ISO 9001:2015/AC:2016", "EN ISO 9001:2015/AC:2016", "ISO 9001:2015"],
        ),
        # an ISO amendment adopted by CEN stays in every layer
        (
            "EN ISO 9001:2015/A1:2024",
            ["EN ISO 9001:2015/A1:2024", "ISO 9001:2015/Amd 1:2024"],
        ),
    ],
)
def test_layers_keep_their_own_separators_and_dates(text: str, layers: list[str]) -> None:
    ident = parse(text)
    assert _layers(ident) == layers
    assert parse(str(ident)) == ident


def test_month_is_on_the_din_layer_only() -> None:
    din = parse("DIN EN ISO 13849-1:2023-12")
    assert din.month == 12
    assert din.adopts is not None and din.adopts.month is None
    assert din.adopts.adopts is not None and din.adopts.adopts.month is None
    assert din.to_json_dict()["month"] == 12


@pytest.mark.parametrize(
    "text", ["DIN EN ISO 13849-1:2023-13", "DIN 1234:2020-00", "ISO 1234:2010/Amd 1:2012-13"]
)
def test_month_outside_1_to_12_is_refused(text: str) -> None:
    with pytest.raises(IdentifierError, match="month from 01 to 12"):
        parse(text)


@pytest.mark.parametrize(
    ("text", "number", "part", "year"),
    [
        ("IEEE 802.3-2018", "802.3", None, 2018),
        ("IEEE Std 802.3-2018", "802.3", None, 2018),
        ("IEEE C37.118.1-2011", "C37.118.1", None, 2011),
        ("IEEE 802.11ax-2021", "802.11ax", None, 2021),
        ("ANSI/ISA-62443-3-3-2013", "62443", "3-3", 2013),
        ("ISA-95.00.01-2010", "95.00.01", None, 2010),
        ("IEEE/ISO/IEC 12345-1A-2019", "12345", "1A", 2019),
        ("IEEE 1234", "1234", None, None),
    ],
)
def test_dash_dated_publishers(text: str, number: str, part: str | None, year: int) -> None:
    ident = parse(text)
    assert (ident.number, ident.part, ident.year) == (number, part, year)
    assert str(ident) == text


@pytest.mark.parametrize(
    ("text", "year", "month"),
    [("ITU-T X.509 (10/2019)", 2019, 10), ("ITU-R BT.709-6 (06/2015)", 2015, 6)],
)
def test_itu_dates_in_parentheses(text: str, year: int, month: int) -> None:
    ident = parse(text)
    assert (ident.year, ident.month) == (year, month)
    assert str(ident) == text


@pytest.mark.parametrize(
    "text",
    [
        "BS 1234,1235 and 1236:1954",
        "BS 1234-3A & B",
        "ISO/IEC 12345:2022/pDCOR 2",
        "BS 1234:2010/Amd 1 (09/15)",
        "ISO/IEC DIR JTC 1 SUP:2021",
        "ISO/IEC JTC 1 DIR:2023",
        "ISO/IEC DIR 1 ISO SUP:2022",
        "ГОСТ Р ИСО/ТС 10303-1-2020",
        "ГОСТ Р ИСО/МЭК ТО 10032-2007",
        "ISO GUIDE 73:2009",
        "ISO/IEC GUIDE 12:2010",
    ],
)
def test_forms_that_failed_now_parse_and_render_as_written(text: str) -> None:
    ident = parse(text)
    assert str(ident) == text
    assert parse(str(ident)) == ident


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("ISO/IEC 12345:2022/pDCOR.2", "ISO/IEC 12345:2022/pDCOR 2"),
        ("ISO/IEC JTC 1 Directives:2023", "ISO/IEC JTC 1 DIR:2023"),
        (
            "ISO/IEC Directives, Part 1, Consolidated ISO Supplement:2022",
            "ISO/IEC DIR 1 ISO SUP:2022",
        ),
    ],
)
def test_spelled_out_forms(text: str, canonical: str) -> None:
    assert str(parse(text)) == canonical


def test_amendment_dated_in_parentheses() -> None:
    amd = parse("BS 1234:2010/Amd 1 (09/15)").supplements[0]
    assert (amd.number, amd.year, amd.month) == ("1", 2015, 9)


@pytest.mark.parametrize(
    ("text", "position"), [("|ISO 9001", 0), ("ISO 9001|", 9), ("ISO 1 | | ISO 2", 8)]
)
def test_empty_side_of_a_bar_is_an_identifier_error(text: str, position: int) -> None:
    with pytest.raises(IdentifierError) as caught:
        parse(text)
    assert caught.value.position == position


def test_identifier_error_is_an_mrstd_error() -> None:
    assert issubclass(IdentifierError, MrstdError)
