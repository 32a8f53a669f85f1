"""Helpers shared by rule families: identifiers, years, code tables."""

from __future__ import annotations

import datetime
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..ids import Identifier, IdentifierError, parse_cached
from ..model import DocumentType, Metadata

#: A document under preparation, cited with a dash for its year and a footnote saying so
#: ("ISO 16634:—"; ISO/IEC Directives Part 2:2021, 10; Metanorma writes "--").
_UNDER_PREPARATION = re.compile(r"\s*:\s*(?:\u2014|\u2013|--)\s*$")
#: The label of a bibliography entry, "[10]": Metanorma cites entries that are not standards
#: by it, and gives it as their std-ref.
_ENTRY_LABEL = re.compile(r"\[\s*[0-9]+[a-z]?\s*\]")


def under_preparation(text: str | None) -> bool:
    """Whether a citation names a document under preparation ("ISO 16634:—")."""
    return bool(text) and _UNDER_PREPARATION.search(text or "") is not None


def is_entry_label(text: str | None) -> bool:
    """Whether a citation's "identifier" is the label of a bibliography entry ("[10]")."""
    return bool(text) and _ENTRY_LABEL.fullmatch((text or "").strip()) is not None


def quoted(text: str) -> str:
    """Document text as a message quotes it: its runs of space (no-break spaces and line
    breaks too) made one space, in quotes, with nothing escaped."""
    return "'" + " ".join(text.split()) + "'"


@lru_cache(maxsize=4096)
def parse_id(text: str | None) -> Identifier | None:
    """The parsed identifier, or None when it follows no known grammar. A document under
    preparation ("ISO 16634:—") parses as its undated identifier."""
    if not text:
        return None
    if under_preparation(text):
        text = _UNDER_PREPARATION.sub("", text)
    # Punctuation of the sentence that a std-ref took in ("IEC 60050-113:2011, ").
    text = text.strip().rstrip(",;.").rstrip()
    try:
        return parse_cached(text)
    except (IdentifierError, ValueError):
        return None


def document_key(text: str | None) -> tuple[Any, ...] | None:
    """What names a document whatever its edition, or the folded text when unparseable."""
    ident = parse_id(text)
    if ident is not None:
        return ident.document_key
    if not text:
        return None
    return ("?", " ".join(text.split()).casefold().split(":")[0])


def id_year(text: str | None) -> int | None:
    """The year of the edition an identifier names (its last dated supplement's, if any)."""
    ident = parse_id(text)
    if ident is None:
        return None
    for supplement in reversed(ident.supplements):
        if supplement.year is not None:
            return supplement.year
    return ident.year


def is_dated(text: str | None) -> bool | None:
    """True for a dated identifier, False for undated, None when it cannot be parsed. A
    document under preparation counts as dated: its citation names the coming edition."""
    if under_preparation(text):
        return parse_id(text) is not None or None
    ident = parse_id(text)
    if ident is None:
        return None
    return ident.year is not None


def date_year(value: str | None) -> int | None:
    """The year of a (partial) date."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    return int(value[:4])


def own_year(meta: Metadata) -> int | None:
    """The year of this document: from its identifier, else its publication date."""
    return id_year(meta.identifier.value) or date_year(meta.dates.published)


def parse_partial_date(value: str) -> datetime.date | None:
    """The earliest day a partial date can mean, or None if it is no calendar date."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return datetime.date(year, month, day)
    except (ValueError, IndexError):
        return None


def compare_dates(earlier: str, later: str) -> bool | None:
    """Whether ``earlier`` can be on or before ``later``; None if either is not a date.

    Partial dates compare on the precision both have: 2020 is not after 2020-05-01.
    """
    n = min(len(earlier), len(later))
    if parse_partial_date(earlier) is None or parse_partial_date(later) is None:
        return None
    return earlier[:n] <= later[:n]


#: Deliverables that carry the full set of mandatory elements (Directives Part 2:2021, 6).
FULL_DOCUMENT_TYPES = frozenset(
    {
        DocumentType.INTERNATIONAL_STANDARD,
        DocumentType.TECHNICAL_SPECIFICATION,
        DocumentType.PUBLICLY_AVAILABLE_SPECIFICATION,
        DocumentType.EUROPEAN_STANDARD,
        DocumentType.NATIONAL_STANDARD,
        DocumentType.STANDARD,
        DocumentType.SPECIFICATION,
    }
)

#: Supplements: they change another document and follow its numbering.
SUPPLEMENT_TYPES = frozenset(
    {DocumentType.AMENDMENT, DocumentType.CORRIGENDUM, DocumentType.ADDENDUM}
)


@cache
def code_table(name: str) -> frozenset[str]:
    """A table of codes shipped in ``mrstd/data/<name>.txt``, one code a line."""
    text = resources.files("mrstd").joinpath(f"data/{name}.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_chinese_national(meta: Metadata) -> bool:
    """Whether the document is a Chinese national standard (GB, GB/T, GB/Z)."""
    ident = parse_id(meta.identifier.value)
    if ident is not None:
        return ident.body == "SAC" or "GB" in ident.publisher
    prefix = (meta.prefix or "").upper()
    return prefix.startswith("GB")
