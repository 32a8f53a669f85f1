"""Round-trip properties of identifier parsing and rendering."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mrstd.ids import Identifier, Supplement, parse
from mrstd.ids.chinese import SECTOR_CODES

numbers = st.integers(min_value=1, max_value=99999).map(str)
years = st.integers(min_value=1950, max_value=2030)
parts = st.one_of(
    st.none(),
    st.lists(st.integers(min_value=1, max_value=99), min_size=1, max_size=3).map(
        lambda xs: "-".join(map(str, xs))
    ),
)


@st.composite
def iso_iec(draw: st.DrawFn) -> Identifier:
    publisher = draw(st.sampled_from([("ISO",), ("ISO", "IEC"), ("ISO", "IEC", "IEEE"), ("IEC",)]))
    body = "IEC" if publisher == ("IEC",) else "ISO"
    typ = draw(st.sampled_from([None, "TS", "TR", "PAS"]))
    stage = draw(st.sampled_from([None, "NP", "AWI", "WD", "CD", "DIS", "FDIS", "PRF"]))
    iteration = draw(st.one_of(st.none(), st.integers(2, 5))) if stage else None
    year = None if stage else draw(st.one_of(st.none(), years))
    sups: list[Supplement] = []
    if year is not None and body == "ISO":
        for kind in draw(st.lists(st.sampled_from(["Amd", "Cor"]), max_size=2)):
            sups.append(
                Supplement(kind=kind, number=draw(st.integers(1, 9).map(str)), year=draw(years))
            )
    if year is not None and body == "IEC" and draw(st.booleans()):
        sups.append(Supplement(kind="Amd", number="1", year=draw(years), consolidated=True))
    return Identifier(
        body=body,
        publisher=publisher,
        number=draw(numbers),
        type=typ,
        stage=stage,
        iteration=iteration,
        part=draw(parts),
        year=year,
        supplements=tuple(sups),
    )


@st.composite
def chinese(draw: st.DrawFn) -> Identifier:
    scope = draw(st.sampled_from(["national", "sector", "local", "group", "enterprise"]))
    mandate: str | None = draw(st.sampled_from(["mandatory", "recommended", "guidance"]))
    if scope == "national":
        pub = "GB"
    elif scope == "sector":
        pub = draw(st.sampled_from(sorted(SECTOR_CODES)))
    elif scope == "local":
        pub = "DB" + draw(st.sampled_from(["11", "31", "44", "65"]))
        mandate = draw(st.sampled_from(["mandatory", "recommended"]))
    else:
        pub = draw(st.text(alphabet="ABCDEFGHJKLMNPRSTWXYZ", min_size=2, max_size=6))
        mandate = None
    adopts = None
    if scope == "national" and draw(st.booleans()):
        adopts = draw(iso_iec())
    year = draw(years) if adopts is not None else draw(st.one_of(st.none(), years))
    part = draw(st.one_of(st.none(), st.integers(1, 30).map(str)))
    return Identifier(
        body="SAC",
        publisher=(pub,),
        number=draw(numbers),
        part=part,
        year=year,
        scope=scope,
        mandate=mandate,
        adopts=adopts,
        adoption="dual" if adopts is not None else None,
    )


@settings(max_examples=300, deadline=None)
@given(iso_iec())
def test_iso_iec_roundtrip(ident: Identifier) -> None:
    assert parse(str(ident)) == ident


@settings(max_examples=300, deadline=None)
@given(chinese())
def test_chinese_roundtrip(ident: Identifier) -> None:
    assert parse(str(ident)) == ident


@settings(max_examples=200, deadline=None)
@given(st.one_of(iso_iec(), chinese()))
def test_canonical_rendering_is_a_fixed_point(ident: Identifier) -> None:
    once = str(parse(str(ident)))
    assert str(parse(once)) == once
    assert hash(parse(once)) == hash(ident)


@settings(max_examples=200, deadline=None)
@given(chinese(), st.sampled_from(["—", "－", "–"]), st.sampled_from(["／", "/"]))
def test_chinese_typeset_variants_normalise(ident: Identifier, dash: str, slash: str) -> None:
    text = str(ident)
    variant = text.replace("-", dash).replace("/", slash)
    assert parse(variant) == ident
