"""Which drafting rules a document was written under, and which rules apply to them.

A rule cites the clauses of the drafting rules it enforces: ``ISO/IEC Directives Part 2:2021,
16`` or ``GB/T 1.1-2020, 8.7``. Each edition it cites is an edition it applies to. A rule
that cites no drafting rules (ids are unique, cross-references resolve, codes exist) applies to
every document.

A document's drafting rules are, in order: what its metadata states
(``metadata.drafting_rules``), what the user gives (``--drafting-rules``, ``[tool.mrstd]
drafting-rules``, ``validate(..., drafting_rules=...)``), or the edition that was in force
when the document was published, for its publisher. An adoption (DIN EN ISO...) keeps the text
of the document it adopts, so the adopted document's publisher and date count.

The inference is a default: an edition takes effect on its publication (the month given
below), while documents already in development may still follow the one before for a while.
Where that matters, the metadata states the drafting rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..ids.international import PUBLISHERS
from ..model import Document, DraftingRules, Layer, Metadata
from ._common import date_year, parse_id

D = DraftingRules


@dataclass(frozen=True)
class Edition:
    """One edition of a drafting-rules document: its title, and when it took effect."""

    rules: DraftingRules
    #: The rules document it is an edition of.
    family: str
    title: str
    #: The first day documents were published under it (ISO 8601); "" for none.
    since: str


DIRECTIVES = "ISO/IEC Directives Part 2"
GB_T_1_1 = "GB/T 1.1"
#: The editions mrstd knows, oldest first within each family.
EDITIONS: tuple[Edition, ...] = (
    Edition(
        D.DIRECTIVES_2004, DIRECTIVES, "ISO/IEC Directives Part 2:2004 (5th edition)", "2004-01-01"
    ),
    Edition(
        D.DIRECTIVES_2011, DIRECTIVES, "ISO/IEC Directives Part 2:2011 (6th edition)", "2011-04-01"
    ),
    Edition(
        D.DIRECTIVES_2016, DIRECTIVES, "ISO/IEC Directives Part 2:2016 (7th edition)", "2016-05-01"
    ),
    Edition(
        D.DIRECTIVES_2018, DIRECTIVES, "ISO/IEC Directives Part 2:2018 (8th edition)", "2018-05-01"
    ),
    Edition(
        D.DIRECTIVES_2021, DIRECTIVES, "ISO/IEC Directives Part 2:2021 (9th edition)", "2021-05-01"
    ),
    # GB/T 1.1-2009 took effect on 2010-01-01, GB/T 1.1-2020 on 2020-10-01.
    Edition(D.GB_T_1_1_2009, GB_T_1_1, "GB/T 1.1-2009", "2010-01-01"),
    Edition(D.GB_T_1_1_2020, GB_T_1_1, "GB/T 1.1-2020", "2020-10-01"),
    Edition(D.OTHER, "other", "drafting rules mrstd has no rules for", ""),
)
BY_RULES = {edition.rules: edition for edition in EDITIONS}
_DIRECTIVES = tuple(e for e in EDITIONS if e.family == DIRECTIVES)
_GB = tuple(e for e in EDITIONS if e.family == GB_T_1_1)

#: Standards bodies whose documents follow ISO/IEC Directives Part 2 (CEN and CENELEC through
#: their Internal Regulations Part 3), and those that follow GB/T 1.1 (SAC: every Chinese
#: national and sector standard).
_DIRECTIVES_BODIES = frozenset({"ISO", "IEC", "CEN", "CENELEC", "CLC"})
_GB_BODIES = frozenset({"SAC"})
#: The body whose drafting rules a profile stands for.
_BY_PROFILE = {"iso": "ISO", "gb": "SAC"}

#: How a citation names an edition: "ISO/IEC Directives Part 2:2021, 16 (...)".
_CITED = re.compile(
    r"(?P<source>ISO/IEC Directives,? Part 2|GB/T 1\.1)[:\-](?P<year>\d{4})"
    r"(?:,\s*(?P<clause>[^;]*))?"
)


@cache
def cited_editions(citation: str) -> dict[DraftingRules, str]:
    """The editions of drafting rules a rule's citation cites, each with the clause it cites."""
    found: dict[DraftingRules, str] = {}
    for match in _CITED.finditer(citation):
        family = "iso-iec-directives-2:" if match["source"].startswith("ISO") else "gb-t-1.1-"
        try:
            rules = DraftingRules(family + match["year"])
        except ValueError:
            raise ValueError(f"{citation!r} cites an edition mrstd does not know") from None
        found[rules] = (match["clause"] or "").strip()
    return found


@dataclass(frozen=True)
class Determined:
    """The drafting rules of a document, and how they were found (for messages)."""

    rules: DraftingRules
    how: str

    @property
    def title(self) -> str:
        return BY_RULES[self.rules].title


def drafting_rules_of(
    doc: Document, given: DraftingRules | str | None = None, profile: str = "generic"
) -> Determined:
    """The drafting rules ``doc`` was written under (see the module's docstring). A document
    that names no publisher at all (a draft without metadata) follows those of the profile
    chosen for it: ``iso`` ISO/IEC Directives Part 2, ``gb`` GB/T 1.1."""
    original = _original(doc)
    stated = doc.metadata.drafting_rules or original.drafting_rules
    if stated is not None:
        return Determined(stated, "its metadata says so")
    if given is not None:
        return Determined(DraftingRules(given), "as given for this run")
    body = _body_of(original)
    if body is None and profile in _BY_PROFILE:
        body = _BY_PROFILE[profile]
    family = _DIRECTIVES if body in _DIRECTIVES_BODIES else _GB if body in _GB_BODIES else None
    if family is None:
        who = f"its publisher, {body}," if body else "it names no publisher and"
        return Determined(D.OTHER, f"{who} does not follow ISO or Chinese drafting rules")
    published = original.dates.published or original.dates.implemented
    when = f"when it was published, {published}"
    if published is None or date_year(published) is None:
        published = _year_of(original)
        when = f"in {published}, the year of its identifier"
    if published is None:
        newest = family[-1]
        return Determined(newest.rules, "the newest edition, as the document has no date")
    # A date of a year or a month counts from its first day.
    in_force = [e for e in family if e.since <= published] or [family[0]]
    return Determined(in_force[-1].rules, f"the edition in force {when}")


def _original(doc: Document) -> Metadata:
    """The metadata of the innermost adopted layer: the document whose text this is."""
    layer: Document | Layer = doc
    while layer.adopted is not None:
        layer = layer.adopted
    meta = layer.metadata
    if meta.identifier.scheme == "derived" and layer is not doc:
        return doc.metadata  # the adopted layer names nothing: the adoption's own data count
    return meta


def _year_of(meta: Metadata) -> str | None:
    """The year in a document's identifier (``ISO 8601-1:2019``), when it has no date."""
    ident = parse_id(meta.identifier.value)
    return str(ident.year) if ident is not None and ident.year is not None else None


#: Publishers named in full, and the body they are.
_NAMED_BODIES = {
    "international organization for standardization": "ISO",
    "international electrotechnical commission": "IEC",
    "european committee for standardization": "CEN",
    "standardization administration of china": "SAC",
    "standardization administration of the people's republic of china": "SAC",
}
#: What an identifier mrstd cannot parse starts with: its publisher (``ANSI/NISO Z39.102``).
_PREFIX = re.compile(r"[A-Za-z][A-Za-z/-]*(?=\s)")


def _body_of(meta: Metadata) -> str | None:
    """The standards body of a document: from its identifier (innermost adoption first), its
    prefix (Chinese standards), its originator or publishers; None when nothing names one."""
    if meta.identifier.scheme == "derived":
        ident = None  # "unidentified": the source had no identifier
    else:
        ident = parse_id(meta.identifier.value)
        while ident is not None and ident.adopts is not None:
            ident = ident.adopts
    if ident is not None and ident.body:
        return ident.body  # ISO for ISO/IEC, CEN for EN, SAC for GB/T...
    if meta.prefix:  # Chinese standards name their prefix (GB, GB/T, HG/T...)
        return "SAC"
    named = meta.originator or meta.sdo
    if named and named.upper() not in ("N/A", "NONE"):
        return named
    for publisher in meta.publishers:
        return publisher.abbreviation or _NAMED_BODIES.get(
            publisher.name.casefold(), publisher.name
        )
    if ident is None and meta.identifier.scheme != "derived":
        # An identifier mrstd cannot parse, led by a publisher it knows ("ANSI/NISO ...").
        match = _PREFIX.match(meta.identifier.value)
        if match and any(part in PUBLISHERS for part in match.group(0).split("/")):
            return match.group(0)
    return None
