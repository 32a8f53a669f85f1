"""The Outline's metrics over a library (``mrstd library stats``).

Every figure is computed in SQL over the records (one row per record: a catalogue that lists
one designation twice counts it twice, as its source does), and :data:`FORMULAS` states how.
Sources of the definitions: the degrees, ISO/IEC Guide 21-1:2005, 4.2 and GB/T 20000.2-2009
(EQV from the older Guide 21; domain notes section 1); the mandates and scopes, domain notes
section 2; the conversion-rate line (85 %), the National Standardization Development Outline
(domain notes section 1, "The Outline's metrics"); the five-year review interval, the
Standardization Law of the PRC (2017), article 29.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..ids.keys import key_of
from .adoption import DEGREES

__all__ = ["FORMULAS", "compute"]

#: The Outline's line for the conversion rate of international standards.
CONVERSION_TARGET = 0.85
#: The review interval: a standard older than this is due for review.
REVIEW_YEARS = 5
#: Cohorts are this many years, starting at years divisible by it.
COHORT_YEARS = 5

FORMULAS = {
    "standards": "number of records (rows of the sources; a designation listed twice counts twice)",
    "distinct": "number of distinct editions (normalised designations)",
    "by_mandate": "records per mandate: GB mandatory, GB/T recommended, GB/Z guidance; "
    "sector, local, group, enterprise by their prefix; other bodies by body",
    "degrees": "records per degree of their first adoption (IDT / MOD / NEQ / EQV); "
    "'unknown' adopts with no degree stated; 'none' adopts nothing",
    "adoption_share": "records that adopt at least one document / records",
    "cohorts": "per five-year cohort of the year in the designation (from a year divisible "
    "by 5 to four years later): records, records adopting, adopting / records, and the "
    "degree mix",
    "in_force": "records in force on the reference date: status current; or, with no "
    "status, not withdrawn by its dates, not replaced in full by another record, and no "
    "later edition of the same work in the library",
    "age": "for records in force: reference year - year in the designation (标龄); "
    "older_than_review = share with an age above 5 years (the review interval)",
    "implementation_interval": "days from publication to implementation, where both dates "
    "are known: median, mean, count",
    "formulation_interval": "days from project approval to publication: no source gives "
    "project dates yet (count 0)",
    "stale_citations": "records in force citing normatively an edition that is withdrawn or "
    "replaced in full (an undated citation resolves to the latest edition)",
    "conversion_rate": "international documents of the reference set adopted (IDT, MOD or "
    "EQV: an NEQ document is not an adoption in the strict sense, Guide 21-1) by at least one "
    "record in force / documents in the reference set (a dated entry matches that edition, "
    "an undated one any edition); the Outline's line is 85 %",
}


def compute(
    db: sqlite3.Connection,
    *,
    reference: Iterable[str] | None = None,
    as_of: dt.date | None = None,
    stale: int | None = None,
) -> dict[str, Any]:
    """Every metric, as a JSON-ready dict (``stale``: the number of stale citations, which
    the library computes)."""
    day = as_of or dt.date.today()
    total = _one(db, "SELECT count(*) FROM standards")
    out: dict[str, Any] = {
        "as_of": day.isoformat(),
        "standards": total,
        "distinct": _one(db, "SELECT count(DISTINCT key) FROM standards"),
    }
    mandates: Counter[str] = Counter()
    for scope, mandate, body, count in db.execute(
        "SELECT scope, mandate, body, count(*) FROM standards GROUP BY 1, 2, 3"
    ):
        if scope == "national":
            name = str(mandate)
        elif scope:
            name = str(scope)
        else:
            name = body or "unknown"
        mandates[name] += count
    out["by_mandate"] = _shares(mandates, total)
    out["by_category"] = _shares(_group(db, "category"), total)
    out["by_ics"] = _shares(_group(db, "substr(ics, 1, 2)"), total)
    out["by_ccs"] = _shares(_group(db, "substr(ccs, 1, 1)"), total)
    out["by_year"] = {
        str(year): count
        for year, count in db.execute(
            "SELECT year, count(*) FROM standards WHERE year IS NOT NULL GROUP BY 1 ORDER BY 1"
        )
    }

    # Each record's degree: that of its first adoption (the order its source wrote them).
    degree_of: dict[int, str] = {}
    for subject, degree in db.execute(
        "SELECT subject_id, degree FROM relations WHERE kind = 'adopts' ORDER BY id"
    ):
        degree_of.setdefault(subject, degree or "unknown")
    degrees = Counter(degree_of.values())
    out["degrees"] = {
        **{d: degrees.get(d, 0) for d in DEGREES},
        "unknown": degrees.get("unknown", 0),
        "none": total - len(degree_of),
    }
    out["adoption_share"] = _ratio(len(degree_of), total)

    cohorts: dict[int, Counter[str]] = {}
    for ident, year in db.execute("SELECT id, year FROM standards WHERE year IS NOT NULL"):
        start = year - year % COHORT_YEARS
        cohort = cohorts.setdefault(start, Counter())
        cohort["standards"] += 1
        degree = degree_of.get(ident)
        if degree is not None:
            cohort["adopting"] += 1
            cohort[degree] += 1
    out["cohorts"] = [
        {
            "from": start,
            "to": start + COHORT_YEARS - 1,
            "standards": c["standards"],
            "adopting": c["adopting"],
            "share": _ratio(c["adopting"], c["standards"]),
            **{d: c.get(d, 0) for d in (*DEGREES, "unknown")},
        }
        for start, c in sorted(cohorts.items())
    ]
    out["undated"] = total - sum(c["standards"] for c in cohorts.values())

    in_force = _in_force(db, day)
    ages: Counter[str] = Counter()
    older = 0
    for ident, year in db.execute("SELECT id, year FROM standards"):
        if ident not in in_force:
            continue
        if year is None:
            ages["unknown"] += 1
            continue
        age = day.year - year
        band = min(age // 5 * 5, 20)
        ages["20+" if band == 20 else f"{band}-{band + 4}"] += 1
        older += age > REVIEW_YEARS
    dated = sum(v for k, v in ages.items() if k != "unknown")
    out["in_force"] = {
        "standards": len(in_force),
        "share": _ratio(len(in_force), total),
        "age": dict(sorted(ages.items(), key=lambda kv: _band_order(kv[0]))),
        "older_than_review": older,
        "older_than_review_share": _ratio(older, dated),
    }
    intervals = sorted(
        (dt.date.fromisoformat(i) - dt.date.fromisoformat(p)).days
        for p, i in db.execute(
            "SELECT published, implemented FROM standards "
            "WHERE published IS NOT NULL AND implemented IS NOT NULL"
        )
    )
    out["implementation_interval"] = _summary(intervals)
    out["formulation_interval"] = _summary([])
    out["stale_citations"] = stale
    out["conversion_rate"] = _conversion(db, in_force, reference) if reference is not None else None
    out["formulas"] = FORMULAS
    return out


def replaced_in_full(db: sqlite3.Connection) -> set[str]:
    """The editions another replaces in full: the object of a ``replaces`` or the subject of
    a ``replaced-by`` relation that is not partial."""
    return {
        key
        for (key,) in db.execute(
            "SELECT r.object_key FROM relations r WHERE r.kind = 'replaces' AND r.partial = 0 "
            "UNION SELECT s.key FROM relations r JOIN standards s ON s.id = r.subject_id "
            "WHERE r.kind = 'replaced-by' AND r.partial = 0"
        )
    }


def _in_force(db: sqlite3.Connection, day: dt.date) -> set[int]:
    """The ids of the records in force on a day (see FORMULAS["in_force"])."""
    today = day.isoformat()
    latest = dict(db.execute("SELECT work, max(year) FROM standards GROUP BY work"))
    replaced = replaced_in_full(db)
    out: set[int] = set()
    for ident, key, work, year, status, published, implemented, withdrawn in db.execute(
        "SELECT id, key, work, year, status, published, implemented, withdrawn FROM standards"
    ):
        if status is not None:
            if status == "current" and not (withdrawn and withdrawn <= today):
                out.add(ident)
            continue
        if withdrawn and withdrawn <= today:
            continue
        if (implemented and implemented > today) or (published and published > today):
            continue
        if key in replaced:
            continue
        newest = latest.get(work)
        if year is not None and newest is not None and newest > year:
            continue
        out.add(ident)
    return out


def _conversion(
    db: sqlite3.Connection, in_force: set[int], reference: Iterable[str]
) -> dict[str, Any]:
    adopted_keys: set[str] = set()
    adopted_works: set[str] = set()
    for subject, key, work in db.execute(
        "SELECT subject_id, object_key, object_work FROM relations "
        "WHERE kind = 'adopts' AND degree IN ('IDT', 'MOD', 'EQV')"
    ):
        if subject in in_force:
            adopted_keys.add(key)
            adopted_works.add(work)
    wanted = [line.strip() for line in reference if line.strip() and not line.startswith("#")]
    missing: list[str] = []
    for text in wanted:
        key = key_of(text)
        hit = key.key in adopted_keys if key.year is not None else key.work in adopted_works
        if not hit:
            missing.append(text)
    covered = len(wanted) - len(missing)
    rate = _ratio(covered, len(wanted))
    return {
        "reference": len(wanted),
        "adopted": covered,
        "rate": rate,
        "target": CONVERSION_TARGET,
        "meets_target": rate >= CONVERSION_TARGET if wanted else False,
        "not_adopted": missing,
    }


def _group(db: sqlite3.Connection, expression: str) -> Counter[str]:
    return Counter(
        {
            str(value) if value else "unknown": count
            for value, count in db.execute(
                f"SELECT {expression}, count(*) FROM standards GROUP BY 1"
            )
        }
    )


def _shares(counts: Counter[str], total: int) -> dict[str, dict[str, float | int]]:
    return {
        name: {"standards": count, "share": _ratio(count, total)}
        for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    }


def _summary(values: list[int]) -> dict[str, Any]:
    if not values:
        return {"count": 0, "median_days": None, "mean_days": None}
    middle = len(values) // 2
    median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    return {
        "count": len(values),
        "median_days": median,
        "mean_days": round(sum(values) / len(values), 1),
    }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _band_order(band: str) -> int:
    return 999 if band == "unknown" else int(band.split("-")[0].rstrip("+"))


def _one(db: sqlite3.Connection, sql: str) -> int:
    return int(db.execute(sql).fetchone()[0])
