"""GOST (interstate and Russian national) and EASC metrology designations.

``ГОСТ 1050-2013``, ``ГОСТ Р 34.12-2015``, ``ГОСТ ISO 17635``, the identical-adoption double
number ``ГОСТ Р 58904-2020/ISO/TR 25901-1:2016`` and the modified-adoption reference
``ГОСТ 35311.2-2025 (EN 1129-2:1995)`` (domain notes section 1); EASC ``ПМГ``/``РМГ``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from mrstd.ids.identifier import Identifier, IdentifierError

__all__ = [
    "looks_gost",
    "looks_gost_latin",
    "parse_foreign",
    "parse_gost",
    "parse_gost_latin",
    "render_gost",
    "render_other",
]

_GOST = re.compile(
    r"(?P<pub>ГОСТ|ПМГ|РМГ|ОСТ|СТБ)(?P<r> Р)?"
    r"(?: (?P<co>(?:ISO|IEC|EN|ИСО|МЭК|ЕН)(?:/(?:IEC|МЭК|TS|TR|ТС|ТУ|ТО))*"
    r"(?: (?:Guide|МФС|ТС|ТО|TS|TR))?))?"
    r"(?: (?P<series>[А-ЯA-Z]))?"
    r" ?(?P<num>\d+)(?P<part>(?:\.\d+)+)?"
    r"(?P<segs>(?:- ?\d+(?![\d.]))*)"
)
_BODY = {"ГОСТ": "GOST", "ОСТ": "GOST", "СТБ": "GOST", "ПМГ": "EASC", "РМГ": "EASC"}


# Cyrillic spellings of ISO/IEC designations in GOST adoption references (GOST 1.5-2001,
# 7.2: "ГОСТ 6996 (ИСО 4136-89)"); a trailing "-89" is the Soviet two-digit year notation.
_CYRILLIC = {
    "ИСО": "ISO",
    "МЭК": "IEC",
    "ТС": "TS",
    "ТО": "TR",
    "ПМС": "DIS",
    "Руководство": "Guide",
    "Руководства": "Guide",
}
_CYR_WORD = re.compile(r"[А-Яа-яЁё]+")
_CYR_YEAR = re.compile(r"-(\d{2})$")
# UNECE standards for fresh produce ("UNECE STANDARD FFV-09:2012") and ASTM designations
# ("ASTM D129-18": letter class, number, two-digit year, optional revision letter)
_UNECE = re.compile(r"UNECE STANDARD ([A-Z]+-\d+)(?::(\d{4}))?$")
_ASTM = re.compile(r"ASTM ([A-Z]\d+(?:/[A-Z]\d+)?M?)(?:-(\d{2})([a-z]?))?$")
# ITU Recommendations, dated by month and year in parentheses: "ITU-T X.509 (10/2019)",
# "ITU-R BT.709-6 (06/2015)" (series letters, number, revision, date)
_ITU = re.compile(
    r"(ITU-[TRD]) (Recommendation )?([A-Z]{1,3})\.(\d+(?:\.\d+)*)(?:-(\d+))?"
    r"(?: \((?:(0[1-9]|1[0-2])/)?(\d{4})\))?$"
)
# IETF documents: "RFC 5646", "IETF RFC 2396 (1998)", "BCP 47", "BCP1", Internet-Drafts by name
_IETF = re.compile(r"(IETF )?(RFC|BCP|STD|FYI)( ?)(\d+)(?: \((\d{4})\))?$")
_DRAFT = re.compile(r"draft-[a-z0-9-]*[a-z0-9]$")
# NISO and ANSI/NISO standards and recommended practices: "ANSI/NISO Z39.84-2005 (R2010)",
# "NISO RP-22-2015" (a reaffirmation year in parentheses)
_NISO = re.compile(r"(ANSI/NISO|NISO) (Z39\.\d+|RP-\d+)-(\d{4})(?: \(R(\d{4})\))?$")
# OASIS technical resolutions: "OASIS TR 9901:1999"
_OASIS = re.compile(r"OASIS (TR|TC) (\d+):(\d{4})$")


def parse_foreign(text: str) -> Identifier | None:
    """UNECE, ASTM, ITU, IETF, NISO and OASIS designations (outside the ISO/IEC grammar), or
    None."""
    m = _ITU.match(text)
    if m is not None:
        return Identifier(
            body="ITU",
            publisher=(m.group(1),),
            series=m.group(3),
            number=m.group(4),
            part=m.group(5),
            year=int(m.group(7)) if m.group(7) else None,
            month=int(m.group(6)) if m.group(6) else None,
            style="R" if m.group(2) else "",
        )
    found = _other_publishers(text)
    if found is not None:
        return found
    m = _UNECE.match(text)
    if m is not None:
        return Identifier(
            body="UNECE",
            publisher=("UNECE",),
            type="STANDARD",
            number=m.group(1),
            year=int(m.group(2)) if m.group(2) else None,
        )
    m = _ASTM.match(text)
    if m is not None:
        year = None
        if m.group(2):
            yy = int(m.group(2))
            year = yy + (2000 if yy < 50 else 1900)
        return Identifier(
            body="ASTM",
            publisher=("ASTM",),
            number=m.group(1),
            year=year,
            qualifiers=(m.group(3),) if m.group(3) else (),
            style="h",
        )
    return None


def _other_publishers(text: str) -> Identifier | None:
    """IETF, NISO and OASIS designations; ``style`` keeps how each was written."""
    m = _IETF.match(text)
    if m is not None:
        return Identifier(
            body="IETF",
            publisher=("IETF",),
            type=m.group(2),
            number=m.group(4),
            year=int(m.group(5)) if m.group(5) else None,
            style=("I" if m.group(1) else "") + ("s" if m.group(3) else ""),
        )
    if _DRAFT.match(text) is not None:
        return Identifier(body="IETF", publisher=("IETF",), type="draft", number=text)
    m = _NISO.match(text)
    if m is not None:
        return Identifier(
            body="NISO",
            publisher=tuple(m.group(1).split("/")),
            number=m.group(2),
            year=int(m.group(3)),
            qualifiers=(f"R{m.group(4)}",) if m.group(4) else (),
        )
    m = _OASIS.match(text)
    if m is not None:
        return Identifier(
            body="OASIS",
            publisher=("OASIS",),
            type=m.group(1),
            number=m.group(2),
            year=int(m.group(3)),
        )
    return None


def render_other(ident: Identifier) -> str | None:
    """An IETF, NISO or OASIS designation as it was written; None for any other body."""
    if ident.body == "IETF":
        if ident.type == "draft":
            return ident.number
        out = ("IETF " if "I" in ident.style else "") + f"{ident.type}"
        out += (" " if "s" in ident.style else "") + ident.number
        return out + (f" ({ident.year})" if ident.year is not None else "")
    if ident.body == "NISO":
        out = f"{'/'.join(ident.publisher)} {ident.number}-{ident.year}"
        return out + "".join(f" ({q})" for q in ident.qualifiers)
    if ident.body == "OASIS":
        return f"OASIS {ident.type} {ident.number}:{ident.year}"
    return None


def _latin(text: str, parse_other: Callable[[str], Identifier]) -> Identifier:
    """Parse an adopted designation, reading Cyrillic ISO/IEC spellings and old years."""
    if _CYR_WORD.search(text) is None:
        found = parse_foreign(text)
        return found if found is not None else parse_other(text)
    words = [_CYRILLIC.get(w, w) for w in re.split(r"([ /])", text)]
    latin = "".join(words)
    if latin.startswith("Guide "):
        # "Руководство ИСО/МЭК 76" is ISO/IEC Guide 76
        latin = re.sub(r" (?=\d)", " Guide ", latin[6:], count=1)
    y = _CYR_YEAR.search(latin)
    if y is not None:
        yy = int(y.group(1))
        latin = latin[: y.start()] + f":{yy + (2000 if yy < 30 else 1900)}"
    if "/" in latin:
        latin = re.sub(r"(\d)/(\d+)$", r"\1-\2", latin)  # "ИСО/ПМС 1956/2": part 2
    return parse_other(latin)


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
                adopts, adoption = _latin(rest[1:], parse_other), "dual"
            elif rest.startswith(" (") and rest.endswith(")"):
                adopts, adoption = _latin(rest[2:-1], parse_other), "reference"
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


#: GOST prefixes in Latin letters, as Relaton and catalogues write them ("GOST R 34.12-2015").
_LATIN_PREFIX = re.compile(r"GOST(?: R)?(?= )")
_TO_CYRILLIC = {"GOST": "ГОСТ", "GOST R": "ГОСТ Р"}
_TO_LATIN = {cyrillic: latin for latin, cyrillic in _TO_CYRILLIC.items()}


def looks_gost_latin(text: str) -> bool:
    return _LATIN_PREFIX.match(text) is not None


def parse_gost_latin(text: str, parse_other: Callable[[str], Identifier]) -> Identifier:
    """A GOST designation in Latin letters: the same document as its Cyrillic spelling, and
    written back in Latin letters."""
    m = _LATIN_PREFIX.match(text)
    assert m is not None
    ident = parse_gost(_TO_CYRILLIC[m.group()] + text[m.end() :], parse_other)
    return replace(ident, style=ident.style + "L")


def render_gost(ident: Identifier) -> str:
    publisher = list(ident.publisher)
    if "L" in ident.style:
        publisher[0] = _TO_LATIN.get(publisher[0], publisher[0])
    out = " ".join(publisher) + " "
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
