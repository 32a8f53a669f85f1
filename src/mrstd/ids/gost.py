"""GOST (interstate and Russian national) and EASC metrology designations.

``ГОСТ 1050-2013``, ``ГОСТ Р 34.12-2015``, ``ГОСТ ISO 17635``, the identical-adoption double
number ``ГОСТ Р 58904-2020/ISO/TR 25901-1:2016`` and the modified-adoption reference
``ГОСТ 35311.2-2025 (EN 1129-2:1995)`` (domain notes section 1); EASC ``ПМГ``/``РМГ``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mrstd.ids.identifier import Identifier, IdentifierError

__all__ = ["looks_gost", "parse_gost", "render_gost"]

_GOST = re.compile(
    r"(?P<pub>ГОСТ|ПМГ|РМГ|ОСТ|СТБ)(?P<r> Р)?"
    r"(?: (?P<co>(?:ISO|IEC|EN|ИСО|МЭК|ЕН)(?:/(?:IEC|МЭК|TS|TR|ТУ|ТО))*(?: (?:Guide|МФС))?))?"
    r"(?: (?P<series>[А-ЯA-Z]))?"
    r" ?(?P<num>\d+)(?P<part>(?:\.\d+)+)?"
    r"(?P<segs>(?:- ?\d+(?![\d.]))*)"
)
_BODY = {"ГОСТ": "GOST", "ОСТ": "GOST", "СТБ": "GOST", "ПМГ": "EASC", "РМГ": "EASC"}


def looks_gost(text: str) -> bool:
    return bool(text) and "\u0400" <= text[0] <= "\u04ff"


def parse_gost(text: str, parse_other: Callable[[str], Identifier]) -> Identifier:
    m = _GOST.match(text)
    if m is None:
        raise IdentifierError(text, 0, "ГОСТ, ГОСТ Р, ПМГ or РМГ followed by a number")
    pub = m.group("pub") + (m.group("r") or "")
    publisher = (pub,) if not m.group("co") else (pub, m.group("co"))
    segs = [x.strip() for x in m.group("segs").split("-")[1:]]
    year_text = None
    if segs and len(segs[-1]) in (2, 4):
        year_text = segs.pop()
    ipart = "-".join(segs) or None
    year = None
    style = ""
    if year_text is not None:
        year = int(year_text)
        if len(year_text) == 2:
            year += 1900
            style = "y"
    pos = m.end()
    adopts = None
    adoption = None
    if pos < len(text):
        rest = text[pos:]
        try:
            if rest.startswith("/"):
                adopts, adoption = parse_other(rest[1:]), "dual"
            elif rest.startswith(" (") and rest.endswith(")"):
                adopts, adoption = parse_other(rest[2:-1]), "reference"
            else:
                raise IdentifierError(text, pos, "'/' or ' (' and an adopted identifier, or end")
        except IdentifierError as exc:
            if exc.text == text:
                raise
            raise IdentifierError(text, pos + 1, exc.expected) from None
    part = m.group("part")[1:] if m.group("part") else ipart
    return Identifier(
        body=_BODY[m.group("pub")],
        publisher=publisher,
        number=m.group("num"),
        series=m.group("series"),
        part=part,
        year=year,
        adopts=adopts,
        adoption=adoption,
        style=style + ("." if m.group("part") else ""),
    )


def render_gost(ident: Identifier) -> str:
    out = " ".join(ident.publisher) + " "
    if ident.series:
        out += ident.series + " "
    out += ident.number
    if ident.part is not None:
        out += ("." if "." in ident.style else "-") + ident.part
    if ident.year is not None:
        out += f"-{ident.year % 100:02d}" if "y" in ident.style else f"-{ident.year:04d}"
    if ident.adopts is not None:
        if ident.adoption == "reference":
            out += f" ({ident.adopts})"
        else:
            out += f"/{ident.adopts}"
    return out
