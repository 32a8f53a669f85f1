"""The immutable identifier value, its supplements, rendering and catalogue order."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from mrstd.errors import MrstdError

__all__ = ["Identifier", "IdentifierError", "Supplement"]


class IdentifierError(MrstdError, ValueError):
    """An identifier that does not follow any known grammar.

    ``position`` is the 0-based offset in the (normalised) input where parsing stopped,
    ``expected`` names what the grammar wanted there.
    """

    def __init__(self, text: str, position: int, expected: str) -> None:
        self.text = text
        self.position = position
        self.expected = expected
        found = repr(text[position : position + 12]) if position < len(text) else "end of text"
        super().__init__(
            f"cannot parse identifier {text!r}: at position {position} expected {expected}, "
            f"found {found}"
        )


# Draft stages in the order a document passes through them (ISO/IEC Directives Part 1, 2.5;
# domain notes section 4); published documents (stage None) sort after their drafts.
_STAGE_RANK = {
    "PWI": 1,
    "NP": 2,
    "AWI": 3,
    "WD": 4,
    "CD": 5,
    "PDTS": 5,
    "PDTR": 5,
    "PDAM": 5,
    "PD": 5,
    "pD": 5,
    "DIS": 6,
    "D": 6,
    "DTS": 6,
    "DTR": 6,
    "DPAS": 6,
    "pr": 6,
    "FDIS": 7,
    "FD": 7,
    "FDTS": 7,
    "FDTR": 7,
    "FPD": 7,
    "Fpr": 7,
    "PRF": 8,
}


def _natural(text: str | None) -> tuple[Any, ...]:
    """Sort key that orders digit runs numerically (``2`` before ``10``)."""
    if not text:
        return ()
    out: list[Any] = []
    num = ""
    word = ""
    for ch in text:
        if ch.isdigit():
            if word:
                out.append((1, 0, word))
                word = ""
            num += ch
        else:
            if num:
                out.append((0, int(num), ""))
                num = ""
            word += ch
    if num:
        out.append((0, int(num), ""))
    if word:
        out.append((1, 0, word))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Supplement:
    """An amendment, corrigendum or other supplement applied to the preceding document.

    Supplements form a chain: in ``ISO 1:2000/Amd 1:2010/Cor 1:2011`` the Cor corrects the
    Amd. ``consolidated`` marks ``+`` (a consolidated version, IEC CSV / CEN ``+A1``).
    ``spelling`` is the presentation of the joiner and kind as written (``"/Amd "``,
    ``"+AMD"``, ``"/DAM "``) and takes no part in equality.
    """

    kind: str
    number: str | None = None
    year: int | None = None
    month: int | None = None
    stage: str | None = None
    iteration: int | None = None
    consolidated: bool = False
    edition: str | None = None
    language: str | None = None
    publisher: str | None = None
    spelling: str = field(default="", compare=False)
    mark: str = field(default="", compare=False)
    #: How the date was written when not ``:YYYY[-MM]``: a %-template for the month that
    #: holds the year as written (``" (%02d/15)"`` for BSI's "Amd 1 (09/15)").
    dating: str = field(default="", compare=False)

    def render(self, body: str, house: str | None = None) -> str:
        """The supplement as written after its base; ``house`` picks ISO or IEC conventions."""
        out = _house_spelling(self, body, house or body)
        if self.number is not None:
            out += self.number
        if self.iteration is not None:
            out += f".{self.iteration}"
        if self.year is not None and self.dating:
            out += self.dating % (self.month or 0)
        elif self.year is not None:
            out += f":{self.year:04d}"
            if self.month is not None:
                out += f"-{self.month:02d}"
            out += self.mark
        if self.language:
            out += f"({self.language})"
        if self.edition:
            out += f" ED{self.edition}"
        return out

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.kind,
            _natural(self.number),
            self.year or 0,
            self.month or 0,
            _STAGE_RANK.get(self.stage or "", 0),
            self.iteration or 0,
            self.consolidated,
        )

    def to_json(self, body: str = "ISO") -> dict[str, Any]:
        return {
            "text": self.render(body).lstrip("/+: "),
            "kind": self.kind,
            "number": self.number,
            "year": self.year,
            "month": self.month,
            "stage": self.stage,
            "iteration": self.iteration,
            "consolidated": self.consolidated,
        }


# JIS spells supplements out in capitals (JSA catalogue): "/AMD 1", "/CORRIGENDUM 1", "/EXPL 4".
_JIS_KIND = {"Amd": "AMD", "Cor": "CORRIGENDUM", "EXPL": "EXPL"}


def _house_spelling(s: Supplement, body: str, house: str) -> str:
    sp = s.spelling
    if house == "IEC" and s.stage is None and sp[1:].strip().upper() in ("AMD", "COR"):
        # IEC writes amendments and corrigenda glued to their number: "/AMD1", "+COR2"
        return sp[0] + s.kind.upper()
    if body == "JIS" and s.kind in _JIS_KIND and sp[:1] == "/":
        return "/" + _JIS_KIND[s.kind] + " "
    return sp or _default_spelling(s, body)


def _default_spelling(s: Supplement, body: str) -> str:
    joiner = "+" if s.consolidated else "/"
    if s.kind == "SUP":
        return f" {s.publisher} SUP" if s.publisher else " SUP"
    if body in ("IEC",):
        kind = s.kind.upper()
        return f"{joiner}{kind}" if not s.stage else f"{joiner}{s.stage} {kind}"
    if body in ("CEN", "BSI", "DIN") and s.kind in ("A", "AC"):
        return f"{joiner}{s.kind}"
    if body == "JIS":
        return f"{joiner}{s.kind.upper()} "
    if s.stage:
        if s.stage in ("D", "FD", "PD", "FPD"):
            return f"{joiner}{s.stage}{s.kind} "
        return f"{joiner}{s.stage} {s.kind} "
    return f"{joiner}{s.kind} "


@dataclass(frozen=True, slots=True)
class Identifier:
    """A parsed standard identifier (immutable, hashable, ordered as a catalogue would).

    ``adoption`` says how ``adopts`` was written: ``"stack"`` (prefix stacking,
    ``BS EN ISO 9001``), ``"dual"`` (double number, ``GB/T 19001-2016/ISO 9001:2015``) or
    ``"reference"`` (``ГОСТ 1-2020 (EN 1:2010)``). ``style`` only steers presentation
    (spelling variants in official use) and takes no part in equality, hashing or order.
    """

    body: str
    publisher: tuple[str, ...]
    number: str
    type: str | None = None
    stage: str | None = None
    iteration: int | None = None
    series: str | None = None
    part: str | None = None
    year: int | None = None
    month: int | None = None
    supplements: tuple[Supplement, ...] = ()
    edition: str | None = None
    language: str | None = None
    qualifiers: tuple[str, ...] = ()
    all_parts: bool = False
    scope: str | None = None
    mandate: str | None = None
    adopts: Identifier | None = None
    adoption: str | None = None
    combined: tuple[Identifier, ...] = ()
    style: str = field(default="", compare=False)

    # -- rendering -------------------------------------------------------------------
    def __str__(self) -> str:
        return render(self)

    def __repr__(self) -> str:
        return f"Identifier({str(self)!r})"

    def format(self, *, house: str | None = None, edition: bool = True) -> str:
        """Render with options: ``house="ISO"`` or ``"IEC"`` applies that publisher's
        conventions to a co-published identifier (IEC: ``ISO/IEC GUIDE 51``, ``/AMD1``;
        ISO: ``ISO/IEC Guide 51``, ``/Amd 1``); ``edition=False`` leaves out a trailing
        edition statement (``… ED3``), as short references do. ``str()`` is
        ``format()``: the conventions of the identifier's own body, edition kept."""
        return render(self, house, edition)

    @property
    def urn(self) -> str | None:
        """The URN (RFC 5141 for ISO, the IEC webstore form for IEC), or None."""
        return to_urn(self)

    # -- derived identifiers ---------------------------------------------------------
    def undated(self) -> Identifier:
        """The same document without edition year, month, supplements or edition."""
        return dataclasses.replace(
            self,
            year=None,
            month=None,
            supplements=(),
            edition=None,
            qualifiers=(),
            adopts=self.adopts.undated() if self.adopts is not None else None,
            combined=tuple(c.undated() for c in self.combined),
        )

    def with_year(self, year: int | None) -> Identifier:
        """The same identifier dated ``year`` (the adopted layers of a stack follow)."""
        adopts = self.adopts
        if adopts is not None and self.adoption == "stack":
            adopts = adopts.with_year(year)
        return dataclasses.replace(self, year=year, month=None, adopts=adopts)

    @property
    def document_key(self) -> tuple[Any, ...]:
        """What names the document regardless of edition year (see ``same_document``)."""
        inner = self.adopts.document_key if self.adoption == "stack" and self.adopts else ()
        return (
            self.body,
            self.publisher,
            (self.type or "").upper(),
            self.series,
            self.number.lstrip("0") or "0",
            self.part,
            self.scope,
            self.mandate,
            tuple((s.kind.upper(), s.number, s.stage is None) for s in self.supplements),
            inner,
        )

    # -- order -----------------------------------------------------------------------
    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.body,
            self.publisher,
            self.series or "",
            (self.type or "").upper(),
            _natural(self.number),
            _natural(self.part),
            _STAGE_RANK.get(self.stage or "", 0),
            self.iteration or 0,
            self.year or 0,
            self.month or 0,
            tuple(s.sort_key() for s in self.supplements),
            self.mandate or "",
            self.edition or "",
            self.language or "",
            self.qualifiers,
            self.all_parts,
            self.adopts.sort_key() if self.adopts is not None else (),
            tuple(c.sort_key() for c in self.combined),
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Identifier):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Identifier):
            return NotImplemented
        return self == other or self.sort_key() < other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Identifier):
            return NotImplemented
        return other.sort_key() < self.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Identifier):
            return NotImplemented
        return self == other or other.sort_key() < self.sort_key()

    # -- JSON ------------------------------------------------------------------------
    def to_json_dict(self) -> dict[str, Any]:
        """The object the CLI prints for ``--json`` (without ``input``/``ok``)."""
        return {
            "canonical": str(self),
            "publisher": list(self.publisher),
            "type": self.type,
            "number": self.number,
            "part": self.part,
            "year": self.year,
            "month": self.month,
            "stage": self.stage,
            "supplements": [s.to_json(self.body) for s in self.supplements],
            "scope": self.scope,
            "mandate": self.mandate,
            "adopts": self.adopts.to_json_dict() if self.adopts is not None else None,
        }


# Rendering and URNs are in their own modules, which build on the classes above (as do the
# parsers they use): imported here, after the classes exist, so that the cycle is in plain
# sight rather than hidden in the methods.
from mrstd.ids.render import render  # noqa: E402
from mrstd.ids.urn import to_urn  # noqa: E402
