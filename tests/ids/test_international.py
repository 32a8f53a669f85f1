"""ISO, IEC, CEN, BSI, DIN and JIS designations. Example identifiers are written for these tests."""

from __future__ import annotations

import pytest

from mrstd.ids import Identifier, IdentifierError, parse, parse_cached, same_document

ROUNDTRIP = [
    "ISO 9001:2015",
    "ISO 9001",
    "ISO/IEC 27001:2022",
    "ISO/IEC/IEEE 15288:2023",
    "ISO/ASTM 52900:2021",
    "ISO/TS 19139-1:2019",
    "ISO/TR 9241-100:2010",
    "ISO/PAS 21448:2019",
    "ISO Guide 73:2009",
    "ISO/IEC Guide 98-3:2008",
    "IWA 14-1:2013",
    "ISO/R 101:1959",
    "IEC 80601-2-56:2017",
    "ISO/CD 24191.3",
    "ISO/DIS 9001",
    "ISO/FDIS 14001",
    "ISO/NP 12345",
    "ISO/AWI TS 21721",
    "ISO/IEC WD TS 21421.2",
    "ISO/DTS 23885.3",
    "ISO/PRF 5678",
    "ISO/IEC 27001:2022/Amd 1:2024",
    "ISO 1234:2000/Amd 1:2010/Cor 1:2011",
    "ISO 17301-1:2016/CD Amd 1.3:2022",
    "ISO 15874-3:2013/DAM 2",
    "ISO 3245:2015/FDAmd 1",
    "ISO/IEC 14496-12/DCOR 1",
    "ISO/IEC Guide 98-3:2008/Suppl 1:2008",
    "ISO 4214:2022 | IDF/RM 254:2022",
    "ISO 26000:2010(es)",
    "ISO/IEC DIR 1:2022 + IEC SUP:2022",
    "IEC 60335-1:2020",
    "IEC TS 60034-25:2014",
    "IEC TR 60083:2009",
    "IEC PAS 63088:2017",
    "IEC SRD 62913-1:2019",
    "CISPR 16-1-1:2019",
    "CISPR TR 16-4-3:2004+AMD1:2006 CSV",
    "IEC 60050-102:2007/AMD1:2017",
    "IEC 60529:1989+AMD1:1999+AMD2:2013 CSV",
    "IEC 60335-2-27:2009+AMD1:2012+AMD2:2015 CSV/COR1:2015",
    "IEC 60068-2-18:2017 RLV",
    "IECEE TRF 60335-2-24,75A:2021",
    "IECQ OD 3802:2015",
    "EN 228:2008",
    "EN ISO 13485:2016",
    "CEN/TS 17638:2021",
    "CLC/TR 62125:2008",
    "CEN/CLC/TR 17602-80-12:2021",
    "HD 60364-7-725",
    "EN 196-3:2005+A1:2008",
    "EN 60335-1:2012/AC:2014",
    "prEN 13241-1",
    "BS 8888:2020",
    "BS EN ISO 9001:2015",
    "BS ISO/IEC 27001:2013",
    "PD 5500:2021",
    "DD 171:1987",
    "PAS 1192-2:2013",
    "BS 7671:2018+A2:2022",
    "BS EN 55011:2016+A2:2021 ExComm",
    "DIN EN ISO 13849-1",
    "DIN 820-2:2018-09",
    "DIN SPEC 91345:2016-04",
    "DIN EN ISO 9001:2015-11",
    "JIS X 0208:1997",
    "JIS Q 9001:2015",
    "JIS TR B 0035:2019",
]


@pytest.mark.parametrize("text", ROUNDTRIP)
def test_canonical_roundtrip(text: str) -> None:
    ident = parse(text)
    assert str(ident) == text
    assert parse(str(ident)) == ident


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("ISO  9001 : 2015", "ISO 9001:2015"),
        ("ISO 10993-4:2002/Amd.1:2006", "ISO 10993-4:2002/Amd 1:2006"),
        ("ISO/IEC Directives, Part 1", "ISO/IEC DIR 1"),
        ("ISO/R 170-1960", "ISO/R 170:1960"),
        ("ISO/WD IWA 19", "WD IWA 19"),
        ("CEN-CLC Guide 32:2016", "CEN/CLC Guide 32:2016"),
        ("CLC GUIDE 1:2022", "CLC GUIDE 1:2022"),  # capitals kept as written (issue 13)
        ("EN 527\u00ad2:2016+A1:2019", "EN 527-2:2016+A1:2019"),
        ("FprEN 50600\u20112\u20114", "FprEN 50600-2-4"),
        ("PD IEC/TR 62907:2014", "PD IEC TR 62907:2014"),
        ("ISO 17301-1:2016/FCOR 2.3", "ISO 17301-1:2016/FDCOR 2.3"),
        ("ep 2001", "BS 2001"),
        ("JIS C 0617（規格群）", "JIS C 0617（規格群）"),
        ("JIS A 5750:2000/AMENDMENT 1:2008", "JIS A 5750:2000/AMD 1:2008"),
    ],
)
def test_normalisation(text: str, canonical: str) -> None:
    assert str(parse(text)) == canonical


def test_fields_iso() -> None:
    ident = parse("ISO/IEC 80601-2-56:2017/Amd 1:2018")
    assert ident.publisher == ("ISO", "IEC")
    assert ident.number == "80601"
    assert ident.part == "2-56"
    assert ident.year == 2017
    assert ident.supplements[0].kind == "Amd"
    assert ident.supplements[0].number == "1"
    assert ident.supplements[0].year == 2018
    assert ident.type is None


def test_draft_with_iteration() -> None:
    ident = parse("ISO/CD 24191.3")
    assert ident.stage == "CD"
    assert ident.iteration == 3
    assert ident.year is None
    sup = parse("ISO 17301-1:2016/WD Amd 2.2:2022").supplements[0]
    assert (sup.stage, sup.number, sup.iteration, sup.year) == ("WD", "2", 2, 2022)


def test_nested_supplements() -> None:
    ident = parse("ISO/IEC TR 13818-5:1997/Amd 1:1999/Cor 1:2003")
    assert [s.kind for s in ident.supplements] == ["Amd", "Cor"]
    assert ident.type == "TR"
    assert str(ident.undated()) == "ISO/IEC TR 13818-5"


def test_iec_consolidated_version() -> None:
    ident = parse("IEC 60335-2-27:2009+AMD1:2012+AMD2:2015 CSV")
    assert [s.consolidated for s in ident.supplements] == [True, True]
    assert ident.qualifiers == ("CSV",)


def test_stacked_adoption_layers() -> None:
    ident = parse("BS EN ISO 9001:2015")
    assert ident.publisher == ("BS",)
    assert ident.adoption == "stack"
    assert ident.adopts is not None
    assert str(ident.adopts) == "EN ISO 9001:2015"
    assert ident.adopts.adopts is not None
    assert str(ident.adopts.adopts) == "ISO 9001:2015"
    assert ident.number == "9001" and ident.year == 2015
    din = parse("DIN EN ISO 13849-1")
    assert din.publisher == ("DIN",)
    assert din.adopts is not None and din.adopts.publisher == ("EN",)
    assert din.adopts.adopts is not None and din.adopts.adopts.publisher == ("ISO",)
    assert din.part == "1"
    assert str(ident.with_year(2016)) == "BS EN ISO 9001:2016"


def test_combined() -> None:
    ident = parse("ISO/CD 24191.3 | IDF 263")
    assert len(ident.combined) == 1
    assert ident.combined[0].publisher == ("IDF",)
    assert str(ident) == "ISO/CD 24191.3 | IDF 263"


def test_urn_both_ways() -> None:
    ident = parse("urn:iso:std:iso:9001:ed-5:en")
    assert ident.publisher == ("ISO",) and ident.number == "9001"
    assert ident.edition == "5" and ident.language == "en"
    assert ident.urn == "urn:iso:std:iso:9001:ed-5:en"
    ts = parse("ISO/IEC TS 17021-3")
    assert ts.urn == "urn:iso:std:iso-iec:ts:17021:-3"
    assert parse(ts.urn) == ts
    amd = parse("urn:iso:std:iso:11850:amd:2016:v1")
    assert amd.supplements[0].kind == "Amd" and amd.supplements[0].year == 2016
    iec = parse("IEC 60335-1:2020")
    assert iec.urn is not None and iec.urn.startswith("urn:iec:std:iec:60335-1:2020")
    assert parse("EN 228:2008").urn is None
    assert parse("BS EN ISO 9001:2015").urn is None


def test_same_document_and_hashing() -> None:
    assert same_document(parse("ISO 9001:2008"), parse("ISO 9001:2015"))
    assert same_document("ISO 9001:2015", "ISO 9001")
    assert not same_document("ISO 9001:2015", "ISO 9000:2015")
    assert not same_document("ISO 9001:2015", "ISO 9001:2015/Amd 1:2024")
    assert same_document("GB/T 1.1-2009", "GB/T 1.1-2020")
    assert not same_document("GB/T 1.1-2020", "GB 1.1-2020")
    assert same_document("BS EN ISO 9001:2008", "BS EN ISO 9001:2015")
    a = parse("ISO/IEC 27001:2022")
    b = parse("ISO/IEC  27001 : 2022")
    assert a == b and hash(a) == hash(b)
    assert len({a, b, parse("ISO/IEC 27002:2022")}) == 2
    # spelling variants in official use compare equal
    assert parse("ISO 1:2000/DAM 1") == parse("ISO 1:2000/DAmd 1")


def test_catalogue_order() -> None:
    texts = [
        "ISO 10:2000",
        "ISO 9001:2015",
        "ISO 9001:2008",
        "ISO 2:1990",
        "ISO 9001:2015/Amd 1:2024",
        "ISO/DIS 9001",
        "ISO 9001-2:2000",
    ]
    ordered = [str(x) for x in sorted(parse(t) for t in texts)]
    assert ordered == [
        "ISO 2:1990",
        "ISO 10:2000",
        "ISO 9001:2008",
        "ISO 9001:2015",
        "ISO 9001:2015/Amd 1:2024",
        "ISO/DIS 9001",
        "ISO 9001-2:2000",
    ]
    assert parse("ISO 9001:2008") < parse("ISO 9001:2015")
    assert parse("GB/T 2-2000") < parse("GB/T 10-2000")


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("ISO 9001:2015 extra", 13),
        ("XYZ 12", 0),
        ("ISO/IEC", 7),
        ("ISO 9001:2015/Amd", 13),
        ("", 0),
    ],
)
def test_errors_report_position_and_expectation(text: str, position: int) -> None:
    with pytest.raises(IdentifierError) as info:
        parse(text)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.position == position
    assert err.expected
    assert f"position {position}" in str(err) and "expected" in str(err)


def test_parse_cached_and_json() -> None:
    assert parse_cached("ISO 9001:2015") is parse_cached("ISO 9001:2015")
    obj = parse("GB/T 19001-2016/ISO 9001:2015").to_json_dict()
    assert set(obj) == {
        "canonical", "publisher", "type", "number", "part", "year", "month", "stage",
        "supplements", "scope", "mandate", "adopts",
    }  # fmt: skip
    assert obj["adopts"]["canonical"] == "ISO 9001:2015"
    assert obj["mandate"] == "recommended"
    assert isinstance(parse("ISO 1"), Identifier)


def test_immutable() -> None:
    ident = parse("ISO 9001:2015")
    with pytest.raises(AttributeError):
        ident.year = 2000  # type: ignore[misc]
