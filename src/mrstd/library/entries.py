"""What one record of a source says about one standard, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["RELATION_KINDS", "STATUSES", "UNKNOWN_STATUS", "Entry", "Link", "Problem"]

#: The relations the library keeps (subject <kind> object). "replaced-by" is stored as the
#: newer standard's "replaces" where the newer one is a record; otherwise as written.
RELATION_KINDS = ("adopts", "replaces", "replaced-by", "amends", "corrects", "cites")

#: Words catalogues write where they know no status (no status is stored, no problem).
UNKNOWN_STATUS = frozenset({"未知", "unknown", "-", "n/a"})

#: The statuses, with the ways catalogues write them (domain notes section 2: 即将实施
#: published, not yet in force; 现行 in force; 废止 withdrawn; 被代替 replaced).
STATUSES = {
    "现行": "current",
    "current": "current",
    "in force": "current",
    "published": "current",
    "废止": "withdrawn",
    "被代替": "replaced",
    "replaced": "replaced",
    "作废": "withdrawn",
    "withdrawn": "withdrawn",
    "即将实施": "not-yet-in-force",
    "not yet in force": "not-yet-in-force",
    "not-yet-in-force": "not-yet-in-force",
}


@dataclass(frozen=True)
class Link:
    """One relation a record states, its object as written."""

    kind: str
    target: str
    degree: str | None = None
    partial: bool = False
    normative: bool = False
    #: The text it was read from (the cell or sentence), kept beside the relation.
    raw: str = ""


@dataclass(frozen=True)
class Problem:
    """Something in a source that could not be read, with where it stands."""

    location: str
    kind: str
    message: str


@dataclass(slots=True)
class Entry:
    """One record: a standard and what its source says about it."""

    designation: str
    #: ``file:row`` for a table, ``file`` for a document.
    location: str
    title: str | None = None
    category: str | None = None
    ics: str | None = None
    ccs: str | None = None
    status: str | None = None
    published: str | None = None
    implemented: str | None = None
    withdrawn: str | None = None
    links: list[Link] = field(default_factory=list)
    #: (place, text) pairs for full-text search: a clause number and its text.
    texts: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
