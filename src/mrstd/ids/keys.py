"""Keys for catalogues: one normalised key per edition, whatever the spelling.

A catalogue of tens of thousands of standards needs, for each designation it holds, the
edition's key (``GB/T 19001-2016``), its work's key (``GB/T 19001``), its year, and who
issued it under which mandate. :func:`key_of` gives these. Most designations in a real
catalogue are already written in their canonical form (``GB/T 19001-2016``,
``ISO 9001:2015``, ``ISO/TR 10013:2021``, ``EN 1090-1:2009``); those are recognised by
two patterns, which give exactly what :func:`~mrstd.ids.parse` gives for them (a test
checks it on every designation of the national catalogue and every document they adopt);
every other spelling goes through the parser. A text no grammar reads keeps its normalised
spelling as its key, marked ``parsed=False``.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import NamedTuple

from .identifier import IdentifierError
from .parser import normalise, parse

__all__ = ["IdKey", "key_of"]


class IdKey(NamedTuple):
    """What a catalogue keeps of an identifier."""

    #: The edition: the canonical spelling (dated where the identifier is).
    key: str
    #: The work: the canonical spelling without the year.
    work: str
    year: int | None
    #: The body whose grammar read it (SAC, ISO, IEC, CEN …), or None.
    body: str | None
    #: For Chinese designations: national, sector, local, group or enterprise.
    scope: str | None
    #: For Chinese designations: mandatory (GB), recommended (/T) or guidance (/Z).
    mandate: str | None
    #: False when no grammar reads the text (the key is then its normalised spelling).
    parsed: bool
    #: The document a double number names beside the national one (``ISO 9001:2015`` in
    #: ``GB/T 19001-2016/ISO 9001:2015``: an identical adoption, domain notes section 1);
    #: the key is then the national designation alone.
    dual: str | None = None


#: Canonical Chinese national designations; ISO, IEC and ISO/IEC ones, ISO's technical
#: reports, specifications, publicly available specifications and drafts (ISO writes
#: them with a slash; IEC's ``IEC TR`` has a space, and goes through the parser); and
#: European Standards.
_GB = re.compile(r"(GB(?:/([TZ]))?) (\d+(?:\.\d+)*)-(\d{4})")
_INTERNATIONAL = re.compile(
    r"(ISO(?:/(?:TR|TS|PAS|DIS|FDIS))?|IEC|ISO/IEC|EN) (\d+(?:-\d+)*):(\d{4})"
)
#: The body of each prefix the pattern above reads.
_BODY = {"IEC": "IEC", "EN": "CEN"}
_GB_MANDATE = {None: "mandatory", "T": "recommended", "Z": "guidance"}
_new = tuple.__new__


def key_of(text: str) -> IdKey:
    """The key of an identifier as written, in any spelling."""
    # The tuple built directly: a NamedTuple's own constructor is a Python function, and
    # a catalogue asks for a hundred thousand keys.
    found = _GB.fullmatch(text)
    if found is not None:
        prefix, mandate, number, year = found.groups()
        return _new(
            IdKey,
            (
                text,
                f"{prefix} {number}",
                int(year),
                "SAC",
                "national",
                _GB_MANDATE[mandate],
                True,
                None,
            ),
        )
    found = _INTERNATIONAL.fullmatch(text)
    if found is not None:
        prefix, number, year = found.groups()
        body = _BODY.get(prefix, "ISO")
        return _new(IdKey, (text, f"{prefix} {number}", int(year), body, None, None, True, None))
    return _parsed(text)


@lru_cache(maxsize=65536)
def _parsed(text: str) -> IdKey:
    """The key of a text in no canonical form, through the parser (kept: catalogues repeat
    the same international identifiers)."""
    try:
        ident = parse(text)
    except IdentifierError:
        spelling = normalise(text)
        return IdKey(spelling, spelling, None, None, None, None, False)
    dual = None
    if ident.adoption == "dual" and ident.adopts is not None:
        dual = str(ident.adopts)
        ident = dataclasses.replace(ident, adopts=None, adoption=None)
    return IdKey(
        str(ident),
        str(ident.undated()),
        ident.year,
        ident.body,
        ident.scope,
        ident.mandate,
        True,
        dual,
    )
