"""Chinese standard identifiers: national, sector, local, group and enterprise.

Grammar (domain notes section 2; GB/T 1.1-2020 and the SAC designation rules):

- national ``GB`` (mandatory), ``GB/T`` (recommended), ``GB/Z`` (guidance);
- sector: a two-letter code (three for engineering construction, e.g. JGJ), optionally
  ``/T`` or ``/Z``; without either the standard is mandatory;
- local ``DBnn`` or ``DBnn/T`` (``nn`` = province code); ``DB/T`` alone is the seismology
  sector;
- group ``T/<code>`` and enterprise ``Q/<code>``;
- number, parts ``.n``, year after ``-`` (two-digit years are pre-1995 designations and
  are normalised to four digits), ``(all parts)``;
- the IDT double number ``GB/T 19001-2016/ISO 9001:2015`` (domain notes section 1).

Em dash, full-width ``／`` and ``－`` and stray spaces are normalised before this grammar runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mrstd.ids.identifier import Identifier, IdentifierError, Supplement

__all__ = ["SECTOR_CODES", "looks_chinese", "parse_chinese", "render_chinese"]

# Sector (industry) codes: domain notes section 2 and relaton-gb's prefix list.
SECTOR_CODES = frozenset(
    [
        "AQ",
        "BB",
        "CB",
        "CH",
        "CJ",
        "CY",
        "DA",
        "DB",
        "DL",
        "DY",
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
        "JGJ",
        "CJJ",
        "JJG",
        "JJF",
    ]
)
NATIONAL_CODES = frozenset({"GB", "GBn", "GJB", "GSB"})

_MANDATE = {None: "mandatory", "T": "recommended", "Z": "guidance"}
_LOCAL_RE = re.compile(r"DB\d\d$")

_CN = re.compile(
    r"""
    (?:
        T\s*/\s*(?P<group>[A-Z][A-Za-z0-9]*(?=\s)|[A-Z][A-Za-z]*)
      | Q\s*/\s*(?P<ent>\d+\s?[A-Z][A-Za-z0-9]*(?=\s)|[A-Z0-9][A-Za-z0-9]*(?=\s)|[A-Z][A-Za-z]*)
      | (?P<local>DB\s*\d\d(?!\d))
      | (?P<glued>GB[TZ])(?=\s|\d)
      | (?P<code>GBn|GB|GJB|GSB|[A-Z]{2,3})
    )
    (?:\s*/\s*(?P<m>[TZ])(?![A-Za-z]))?
    \s*(?P<num>\d+)
    (?P<part>(?:\s*\.\s*\d+)+)?
    (?:\s*-\s*(?P<year>\d{4}|\d{2})(?!\d))?
    (?P<allparts>\s*\((?:all\s+parts|所有部分)\))?
    \s*
    """,
    re.X,
)
_PREFIX = re.compile(
    r"(?:T|Q)\s*/|DB\s*\d\d(?!\d)|GB[TZ](?=\s|\d)"
    r"|(?P<code>GBn|GB|GJB|GSB|[A-Z]{2,3})\s*(?:/\s*[TZ](?![A-Za-z])|\d|\s)"
)
# Modification sheet (修改单) issued against a dated standard: "GB 4943.1-2011/XG1-2019"
_XG = re.compile(r"\s*/\s*[Xx][Gg](\d+)\s*-\s*(\d{4}|\d{2})(?!\d)")
_SPACES = re.compile(r"\s+")


def looks_chinese(text: str) -> bool:
    """True when ``text`` starts like a Chinese designation (a cheap pre-check)."""
    m = _PREFIX.match(text)
    if m is None:
        return False
    if text[0] in "TQ" and text[1:2] in ("/", " "):
        return True
    code = m.group("code")
    if code is None:
        return True  # local DBnn
    return code in NATIONAL_CODES or code in SECTOR_CODES


def parse_chinese(text: str, parse_other: Callable[[str], Identifier]) -> Identifier:
    """Parse a Chinese designation; ``parse_other`` parses an adopted international one."""
    m = _CN.match(text)
    if m is None:
        raise IdentifierError(
            text, 0, "a Chinese standard prefix (GB, GB/T, sector code, DBnn, T/, Q/)"
        )
    mcode = m.group("m")
    if m.group("group"):
        scope, publisher, mandate = "group", m.group("group"), None
        if mcode:
            raise IdentifierError(text, m.start("m"), "a number after the group code")
    elif m.group("ent"):
        scope, publisher, mandate = "enterprise", m.group("ent"), None
        if mcode:
            raise IdentifierError(text, m.start("m"), "a number after the enterprise code")
    elif m.group("glued"):
        # "GBT 7714-2015": the slash dropped in hand-typed and file-name forms
        scope, publisher, mandate = "national", "GB", _MANDATE[m.group("glued")[2]]
    elif m.group("local"):
        scope, publisher = "local", _SPACES.sub("", m.group("local"))
        mandate = _MANDATE[mcode]
    else:
        code = m.group("code")
        if code in NATIONAL_CODES:
            scope = "national"
        elif code in SECTOR_CODES:
            scope = "sector"
        else:
            raise IdentifierError(text, 0, "GB, GB/T, GB/Z or a recognised sector code")
        publisher, mandate = code, _MANDATE[mcode]
    end = m.end()
    part = m.group("part")
    if part is not None:
        part = _SPACES.sub("", part)[1:]
    year_text = m.group("year")
    year = None
    if year_text is not None:
        year = int(year_text)
        if len(year_text) == 2:
            # two-digit years belong to designations issued before 2000 (GB 2312-80)
            year += 1900
    adopts = None
    adoption = None
    sheets: list[Supplement] = []
    while year is not None and end < len(text):
        x = _XG.match(text, end)
        if x is None:
            break
        sy = int(x.group(2))
        sheets.append(
            Supplement(
                kind="XG", number=x.group(1), year=sy + 1900 if sy < 100 else sy, spelling="/XG"
            )
        )
        end = x.end()
    if end < len(text):
        if text[end] == "/" and year is not None:
            rest = text[end + 1 :].strip()
            try:
                adopts = parse_other(rest)
            except IdentifierError as exc:
                raise IdentifierError(text, end + 1 + exc.position, exc.expected) from None
            adoption = "dual"
        else:
            expected = (
                "'-' and a year"
                if year is None
                else "end of identifier or '/' and the adopted identifier"
            )
            raise IdentifierError(text, end, expected)
    return Identifier(
        body="SAC",
        publisher=(publisher,),
        number=m.group("num"),
        part=part,
        year=year,
        supplements=tuple(sheets),
        all_parts=m.group("allparts") is not None,
        scope=scope,
        mandate=mandate,
        adopts=adopts,
        adoption=adoption,
    )


_SUFFIX = {"mandatory": "", "recommended": "/T", "guidance": "/Z", None: ""}


def render_chinese(ident: Identifier) -> str:
    pub = ident.publisher[0] if ident.publisher else ""
    if ident.scope == "group":
        head = "T/" + pub
    elif ident.scope == "enterprise":
        head = "Q/" + pub
    else:
        head = pub + _SUFFIX[ident.mandate]
    out = f"{head} {ident.number}"
    if ident.part is not None:
        out += "." + ident.part
    if ident.year is not None:
        out += f"-{ident.year:04d}"
    for s in ident.supplements:
        out += f"/{s.kind}{s.number}"
        if s.year is not None:
            out += f"-{s.year:04d}"
    if ident.all_parts:
        out += " (all parts)"
    if ident.adopts is not None and ident.adoption == "dual":
        out += "/" + str(ident.adopts)
    return out
