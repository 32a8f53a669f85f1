"""URN forms: ISO's RFC 5141 ``urn:iso:std:...`` and IEC's ``urn:iec:std:...``."""

from __future__ import annotations

from mrstd.ids.identifier import Identifier, IdentifierError, Supplement

__all__ = ["parse_urn", "to_urn"]

# RFC 5141 section 2.1: draft stages are carried as harmonized stage codes.
_STAGE_CODE = {
    "PWI": "00.00",
    "NP": "10.00",
    "AWI": "20.00",
    "WD": "20.20",
    "CD": "30.00",
    "DIS": "40.00",
    "FDIS": "50.00",
    "PRF": "60.00",
}
_CODE_STAGE = {v: k for k, v in _STAGE_CODE.items()}
_TYPES = {"ts", "tr", "pas", "guide", "iwa", "isp", "tta", "r", "dir", "srd"}
_TYPE_CASE = {"guide": "Guide", "dir": "DIR", "r": "R"}


def to_urn(ident: Identifier) -> str | None:
    if ident.adoption == "stack" or ident.combined:
        return None
    if ident.body == "ISO":
        return _iso_urn(ident)
    if ident.body == "IEC":
        return _iec_urn(ident)
    return None


def _iso_urn(ident: Identifier) -> str:
    parts = ["urn", "iso", "std", "-".join(p.lower() for p in ident.publisher)]
    if ident.type:
        parts.append(ident.type.lower())
    parts.append(ident.number)
    if ident.part:
        parts.append("-" + ident.part)
    if ident.edition:
        parts.append("ed-" + ident.edition)
    if ident.stage in _STAGE_CODE:
        parts.append("stage-" + _STAGE_CODE[ident.stage])
        if ident.iteration:
            parts[-1] += f".v{ident.iteration}"
    for s in ident.supplements:
        if s.kind not in ("Amd", "Cor", "Add", "Suppl", "Ext"):
            continue
        parts.append(s.kind.lower())
        if s.year is not None:
            parts.append(str(s.year))
        parts.append("v" + (s.number or "1"))
    if ident.language:
        parts.append(ident.language.replace("/", ",").lower())
    return ":".join(parts)


def _iec_urn(ident: Identifier) -> str:
    num = ident.number + (f"-{ident.part}" if ident.part else "")
    date = ""
    if ident.year is not None:
        date = f"{ident.year:04d}" + (f"-{ident.month:02d}" if ident.month else "")
    typ = (ident.type or "").lower()
    return f"urn:iec:std:{'-'.join(p.lower() for p in ident.publisher)}:{num}:{date}:{typ}::"


def parse_urn(text: str) -> Identifier:
    low = text.lower()
    fields = text.split(":")
    if low.startswith("urn:iso:std:"):
        return _parse_iso(text, fields)
    if low.startswith("urn:iec:std:"):
        return _parse_iec(text, fields)
    raise IdentifierError(text, 0, "urn:iso:std: or urn:iec:std:")


def _pos(fields: list[str], i: int) -> int:
    return sum(len(f) + 1 for f in fields[:i])


def _parse_iso(text: str, f: list[str]) -> Identifier:
    if len(f) < 5:
        raise IdentifierError(text, len(text), "a document number")
    pubs = tuple(p.upper() for p in f[3].split("-"))
    i = 4
    typ = None
    if f[i].lower() in _TYPES:
        typ = _TYPE_CASE.get(f[i].lower(), f[i].upper())
        i += 1
    if i >= len(f) or not f[i][:1].isdigit():
        raise IdentifierError(text, _pos(f, i), "a document number")
    number = f[i]
    i += 1
    part = edition = stage = language = None
    iteration = None
    sups: list[Supplement] = []
    while i < len(f):
        x = f[i]
        if x.startswith("-") and part is None and not sups:
            part = x[1:]
        elif x.startswith("ed-"):
            edition = x[3:]
        elif x.startswith("stage-"):
            code, _, it = x[6:].partition(".v")
            stage = _CODE_STAGE.get(code)
            iteration = int(it) if it else None
        elif x in ("amd", "cor", "add", "suppl", "ext"):
            year = None
            if i + 1 < len(f) and f[i + 1].isdigit():
                year = int(f[i + 1])
                i += 1
            num = None
            if i + 1 < len(f) and f[i + 1].startswith("v"):
                num = f[i + 1][1:]
                i += 1
            sups.append(Supplement(kind=x.capitalize(), number=num, year=year))
        elif x.isalpha() or "," in x:
            language = x
        elif x:
            raise IdentifierError(text, _pos(f, i), "a part, ed-, stage-, amd/cor or language")
        i += 1
    return Identifier(
        body="ISO",
        publisher=pubs,
        number=number,
        type=typ,
        stage=stage,
        iteration=iteration,
        part=part,
        supplements=tuple(sups),
        edition=edition,
        language=language,
        style="E",
    )


def _parse_iec(text: str, f: list[str]) -> Identifier:
    if len(f) < 5 or not f[4][:1].isdigit():
        raise IdentifierError(text, _pos(f, 4) if len(f) > 4 else len(text), "a document number")
    pubs = tuple(p.upper() for p in f[3].split("-"))
    number, _, part = f[4].partition("-")
    year = month = None
    if len(f) > 5 and f[5]:
        y, _, mo = f[5].partition("-")
        if not y.isdigit():
            raise IdentifierError(text, _pos(f, 5), "a year")
        year = int(y)
        month = int(mo) if mo.isdigit() else None
    typ = f[6].upper() if len(f) > 6 and f[6] else None
    if typ == "GUIDE":
        typ = "Guide"
    return Identifier(
        body="IEC",
        publisher=pubs,
        number=number,
        type=typ,
        part=part or None,
        year=year,
        month=month,
    )
