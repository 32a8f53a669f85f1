"""The library: many standards and their relations in one SQLite file.

The database is in WAL mode, so readers are not blocked while a source is added; each
source is added in one transaction, so a killed ingest leaves the database as it was before
that source (``synchronous=NORMAL``: a power cut may lose the last transactions, never the
consistency). The schema is in :mod:`mrstd.library.schema`; docs/library.md describes it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..bulk import Engine, LocalEngine, Source, chunks, crash_message, readable, walk
from ..errors import MrstdError
from ..ids.keys import IdKey, key_of
from ..io import is_url, local_path, read_source
from .documents import is_table, read_document
from .entries import Entry, Link, Problem
from .metrics import compute, replaced_in_full
from .parquet import export_parquet
from .schema import MIGRATIONS, VERSION
from .tabular import read_table

__all__ = ["AddReport", "Library", "LibraryError", "Standard"]


class LibraryError(MrstdError):
    """A library that cannot be opened or used (a newer schema, not a library)."""


@dataclass
class AddReport:
    """What one ``add`` did."""

    #: Sources read and stored, left unchanged (same digest as before), or replaced.
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    #: Files of no format the library reads.
    skipped: list[str] = field(default_factory=list)
    records: int = 0
    relations: int = 0
    problems: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "skipped": self.skipped,
            "records": self.records,
            "relations": self.relations,
            "problems": [dataclasses.asdict(p) for p in self.problems],
        }


@dataclass(frozen=True)
class Standard:
    """One record of the library, as queries give it."""

    designation: str
    raw: str
    work: str
    year: int | None
    occurrence: int
    mandate: str | None
    scope: str | None
    title: str | None
    category: str | None
    status: str | None
    published: str | None
    implemented: str | None
    withdrawn: str | None
    sources: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


#: The fields of a record that a source may or may not give.
_OPTIONAL = (
    "title",
    "category",
    "ics",
    "ccs",
    "status",
    "published",
    "implemented",
    "withdrawn",
)


def _upsert(given: tuple[str, ...]) -> str:
    """The statement that adds records giving these fields, or adds the fields to the
    records already there (a field another source gave is kept where this one gives none)."""
    columns = ("key", "occurrence", "work", "year", "raw", "parsed", "body", "scope", "mandate")
    names = ", ".join((*columns, *given))
    marks = ", ".join("?" * (len(columns) + len(given)))
    update = ", ".join(f"{name} = excluded.{name}" for name in given)
    return f"INSERT INTO standards ({names}) VALUES ({marks}) ON CONFLICT (key, occurrence) " + (
        f"DO UPDATE SET {update}" if update else "DO NOTHING"
    )


_STANDARD_COLUMNS = (
    "key, raw, work, year, occurrence, mandate, scope, title, category, status, published, "
    "implemented, withdrawn"
)

#: Documents written per transaction.
BATCH = 200
#: Records of one source from which its indexes are built after its rows, not with them.
BULK = 10_000


class Library:
    """An SQLite library of standards (``Library(path)`` creates or opens one)."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise LibraryError(f"{self.path}: no such library")
        try:
            uri = f"file:{self.path}?mode=ro" if readonly else str(self.path)
            self.db = sqlite3.connect(uri, uri=readonly, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA cache_size = -65536")  # 64 MiB: bulk inserts into indexes
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{self.path}: not a library: {exc}") from None
        if version > VERSION:
            raise LibraryError(
                f"{self.path}: schema version {version} is newer than this mrstd's ({VERSION})"
            )
        if version < VERSION:
            if readonly:
                raise LibraryError(f"{self.path}: schema version {version}: open it to migrate")
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        for number in range(version, VERSION):
            with self.transaction():
                for statement in MIGRATIONS[number]:
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    class _Transaction:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def __enter__(self) -> None:
            self.db.execute("BEGIN IMMEDIATE")

        def __exit__(self, kind: object, *exc: object) -> None:
            self.db.execute("ROLLBACK" if kind is not None else "COMMIT")

    def transaction(self) -> Library._Transaction:
        """One write transaction: all of it is stored, or none."""
        return Library._Transaction(self.db)

    # ------------------------------------------------------------------ adding

    def add(
        self,
        paths: Iterable[str | Path],
        *,
        mapping: dict[str, str] | None = None,
        jobs: int = 1,
        engine: Engine | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> AddReport:
        """Add files and folders (recursively; paths or fsspec URLs): tables (CSV, XLSX) as
        catalogues, read with ``mapping`` (field to column); documents in any format mrstd
        reads. ``engine`` reads the documents (:mod:`mrstd.bulk`; ``jobs`` local processes
        when None) and this process writes them, in the order they were listed whichever
        engine read them. ``progress`` is called with the number of files done so far (folders
        are listed as the job goes, so the number to do is not known before the end)."""
        report = AddReport()
        listing = sources_of(paths, report.skipped.append)  # a missing path fails here
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(done)

        def pending() -> Iterator[tuple[str, str | None]]:
            """The documents to read, from one listing; a table is added by this process
            as it is reached (between two batches of results, outside their transactions)."""
            for source in listing:
                if source.kind == _TABLE:
                    self.add_table(source.name, mapping or {}, report)
                    advance(1)
                else:
                    yield source.name, self._stored_digest(source.name)

        runner = engine or LocalEngine(jobs)
        try:
            for batch in chunks(runner.map(_read_batch, pending(), failed=_unread), BATCH):
                with self.transaction():
                    for (path, _stored), (digest, result) in batch:
                        if result is None:
                            report.unchanged.append(path)
                        elif isinstance(result, Problem):
                            report.problems.append(result)
                            self._store(path, "document", digest, [], [result], report)
                        else:
                            self._store(path, "document", digest, [result], [], report)
                advance(len(batch))
        finally:
            if engine is None:
                runner.close()
        return report

    def add_table(self, path: str | Path, mapping: dict[str, str], report: AddReport) -> None:
        """Add one catalogue table (one transaction)."""
        local = local_path(str(path))
        if local is None:
            raise LibraryError(f"{path}: catalogues are read from this machine's files")
        path = Path(local)
        digest = _digest(local)
        if not self._changed(path, digest, report):
            return
        entries: list[Entry] = []
        problems: list[Problem] = []
        for item in read_table(path, mapping):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                entries.append(item)
        report.problems.extend(problems)
        with self.transaction():
            self._store(str(path), "table", digest, entries, problems, report)

    def add_entries(self, source: str, entries: Sequence[Entry], *, kind: str = "api") -> AddReport:
        """Add records made by a program (the source is a name; adding the same records
        under it again changes nothing)."""
        report = AddReport()
        digest = hashlib.sha256(repr(entries).encode("utf-8")).hexdigest()
        if self._changed(Path(source), digest, report):
            with self.transaction():
                self._store(source, kind, digest, list(entries), [], report)
        return report

    def _changed(self, path: str | Path, digest: str, report: AddReport) -> bool:
        if self._stored_digest(str(path)) == digest:
            report.unchanged.append(str(path))
            return False
        return True

    def _stored_digest(self, path: str) -> str | None:
        """The digest of a source as it was last added, or None for a new one."""
        row = self.db.execute("SELECT digest FROM sources WHERE path = ?", (path,)).fetchone()
        return str(row[0]) if row is not None else None

    def _store(
        self,
        path: str,
        kind: str,
        digest: str,
        entries: Sequence[Entry],
        problems: Sequence[Problem],
        report: AddReport,
    ) -> None:
        """Write one source's records, relations, texts and problems (inside a transaction),
        replacing what it gave before."""
        db = self.db
        row = db.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        if row is not None:
            source = int(row[0])
            for table in ("relations", "problems", "records"):
                db.execute(f"DELETE FROM {table} WHERE source_id = ?", (source,))
            db.execute("DELETE FROM texts WHERE source_id = ?", (source,))
            db.execute("DELETE FROM standards WHERE id NOT IN (SELECT standard_id FROM records)")
            db.execute(
                "UPDATE sources SET kind = ?, digest = ?, added = ? WHERE id = ?",
                (kind, digest, now, source),
            )
            report.replaced.append(path)
        else:
            source = int(
                db.execute(
                    "INSERT INTO sources (path, kind, digest, added) VALUES (?, ?, ?, ?)",
                    (path, kind, digest, now),
                ).lastrowid
                or 0
            )
            report.added.append(path)
        seen: dict[str, int] = {}
        keyed: list[tuple[Entry, IdKey, int]] = []
        all_problems = list(problems)
        # One statement per set of fields the records give (binding a None costs as much as
        # a value, and most catalogues give a few fields of the many).
        shapes: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        bare: list[tuple[Any, ...]] = shapes.setdefault((), [])
        for entry in entries:
            key = key_of(entry.designation)
            occurrence = seen[key.key] = seen.get(key.key, 0) + 1
            keyed.append((entry, key, occurrence))
            if entry.problems:
                all_problems.extend(entry.problems)
            if not key.parsed:
                all_problems.append(
                    Problem(
                        entry.location,
                        "identifier",
                        f"designation not parsed: {entry.designation!r}",
                    )
                )
            row = (
                key.key,
                occurrence,
                key.work,
                key.year,
                entry.designation,
                key.parsed,
                key.body,
                key.scope,
                key.mandate,
            )
            if (
                entry.title is None
                and entry.category is None
                and entry.ics is None
                and entry.ccs is None
                and entry.status is None
                and entry.published is None
                and entry.implemented is None
                and entry.withdrawn is None
            ):
                bare.append(row)
            else:
                given = tuple(name for name in _OPTIONAL if getattr(entry, name) is not None)
                shapes.setdefault(given, []).append(
                    (*row, *(getattr(entry, name) for name in given))
                )
        rebuild = self._defer_indexes(len(entries))
        for given, rows in shapes.items():
            if rows:
                db.executemany(_upsert(given), rows)
        ids = self._ids([(key.key, occurrence) for _, key, occurrence in keyed])
        records, relations, texts = [], [], []
        for entry, key, occurrence in keyed:
            standard = ids[(key.key, occurrence)]
            # The place within the source: a table's row number, or nothing for a document.
            records.append((source, standard, entry.location[len(path) + 1 :]))
            if entry.title:
                texts.append((entry.title, standard, source, "title"))
            if entry.texts:
                texts.extend((text, standard, source, place) for place, text in entry.texts)
            links = entry.links
            if key.dual is not None and not any(
                link.kind == "adopts" and key_of(link.target).key == key_of(key.dual).key
                for link in links
            ):  # a double number: an identical adoption (domain notes section 1)
                links = [*links, Link("adopts", key.dual, "IDT", raw=entry.designation)]
            for link in links:
                target = key_of(link.target)
                kind = link.kind
                if not target.parsed:
                    all_problems.append(
                        Problem(
                            entry.location, "identifier", f"{link.kind} {link.target!r}: not parsed"
                        )
                    )
                elif (
                    kind in ("replaces", "replaced-by")
                    and key.year is not None
                    and target.year is not None
                    and key.work == target.work
                    and (target.year > key.year) == (kind == "replaces")
                    and target.year != key.year
                ):
                    # An edition replaces an older one of its work: a relation the other way
                    # round is a slip of its source (domain notes section 4), turned round.
                    kind = "replaced-by" if kind == "replaces" else "replaces"
                    all_problems.append(
                        Problem(
                            entry.location,
                            "relation",
                            f"{entry.designation} {link.kind} {link.target}: the newer edition "
                            f"is the one that replaces; stored as {kind}",
                        )
                    )
                relations.append(
                    (
                        source,
                        standard,
                        kind,
                        target.key,
                        target.work,
                        target.year is not None,
                        link.degree,
                        link.partial,
                        link.normative,
                        link.raw,
                    )
                )
        db.executemany(
            "INSERT OR IGNORE INTO records (source_id, standard_id, location) VALUES (?, ?, ?)",
            records,
        )
        db.executemany(
            "INSERT INTO relations (source_id, subject_id, kind, object_key, object_work, "
            "object_dated, degree, partial, normative, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            relations,
        )
        if texts:
            db.executemany(
                "INSERT INTO texts (text, standard_id, source_id, place) VALUES (?, ?, ?, ?)",
                texts,
            )
        db.executemany(
            "INSERT INTO problems (source_id, location, kind, message) VALUES (?, ?, ?, ?)",
            [(source, p.location, p.kind, p.message) for p in all_problems],
        )
        for statement in rebuild:
            db.execute(statement)
        db.execute(
            "UPDATE sources SET records = ?, problems = ? WHERE id = ?",
            (len(records), len(all_problems), source),
        )
        report.records += len(records)
        report.relations += len(relations)
        report.problems.extend(all_problems[len(problems) :])

    def _defer_indexes(self, rows: int) -> list[str]:
        """For a source of at least BULK records, and as many as the library holds, drop
        the indexes no constraint needs, and give the statements that build them again
        once its rows are in (inside its transaction: a killed ingest keeps them). One
        sorted pass builds an index faster than adding to it row by row: the national
        catalogue goes into an empty library 0.4 s faster (docs/performance.md)."""
        if rows < BULK or rows < (
            self.db.execute("SELECT max(id) FROM standards").fetchone()[0] or 0
        ):
            return []
        # Those SQLite made for a UNIQUE or PRIMARY KEY constraint have no SQL: they stay.
        indexes = self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            self.db.execute(f'DROP INDEX "{name}"')
        return [sql for _, sql in indexes]

    def _ids(self, wanted: list[tuple[str, int]]) -> dict[tuple[str, int], int]:
        """The row ids of (key, occurrence) pairs: one scan of the table for many, one
        lookup each for a few."""
        if len(wanted) > 2000:
            rows = self.db.execute("SELECT key, occurrence, id FROM standards")
            return {(k, o): i for k, o, i in rows}
        out = {}
        for key, occurrence in wanted:
            row = self.db.execute(
                "SELECT id FROM standards WHERE key = ? AND occurrence = ?", (key, occurrence)
            ).fetchone()
            out[(key, occurrence)] = int(row[0])
        return out

    # ------------------------------------------------------------------ queries

    def _standards(self, where: str, args: Sequence[Any]) -> list[Standard]:
        rows = self.db.execute(
            f"SELECT id, {_STANDARD_COLUMNS} FROM standards WHERE {where} "
            "ORDER BY year DESC, key, occurrence",
            args,
        ).fetchall()
        out = []
        for row in rows:
            sources = tuple(
                location
                for (location,) in self.db.execute(
                    "SELECT s.path || CASE WHEN r.location = '' THEN '' ELSE ':' || r.location "
                    "END FROM records r JOIN sources s ON s.id = r.source_id "
                    "WHERE r.standard_id = ? ORDER BY 1",
                    (row[0],),
                )
            )
            out.append(Standard(*row[1:], sources=sources))  # type: ignore[misc]
        return out

    def find(self, text: str) -> list[Standard]:
        """The records of a standard, in any spelling: a dated designation gives that
        edition; an undated one every edition of the work, the latest first."""
        key = key_of(text)
        if key.year is not None or not key.parsed:
            found = self._standards("key = ?", (key.key,))
            if found or key.parsed:
                return found
        return self._standards("work = ?", (key.work,))

    def latest(self, text: str) -> Standard | None:
        """The edition an identifier resolves to: a dated one to itself, an undated one to
        the latest edition of its work in the library."""
        found = self.find(text)
        return found[0] if found else None

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and clause text (FTS5 with trigrams: any text of
        three characters or more; a shorter one is matched as a substring)."""
        if not query.strip():
            return []
        if len(query.strip()) >= 3:
            phrase = '"' + query.strip().replace('"', '""') + '"'
            rows = self.db.execute(
                "SELECT standard_id, place, snippet(texts, 0, '[', ']', '…', 12) "
                "FROM texts WHERE texts MATCH ? ORDER BY rank LIMIT ?",
                (phrase, limit),
            ).fetchall()
        else:
            # instr, not LIKE: the trigram index answers LIKE with nothing below three
            # characters.
            rows = self.db.execute(
                "SELECT standard_id, place, text FROM texts WHERE instr(text, ?) > 0 LIMIT ?",
                (query.strip(), limit),
            ).fetchall()
        out = []
        for standard, place, snippet in rows:
            row = self.db.execute(
                "SELECT key, title FROM standards WHERE id = ?", (standard,)
            ).fetchone()
            if row is not None:
                out.append(
                    {"designation": row[0], "title": row[1], "place": place, "snippet": snippet}
                )
        return out

    def adopters(self, text: str) -> list[dict[str, Any]]:
        """The standards that adopt a document, with the degree: for a dated identifier,
        those adopting that edition; for an undated one, those adopting any edition."""
        key = key_of(text)
        column = "object_key" if key.year is not None else "object_work"
        rows = self.db.execute(
            "SELECT DISTINCT s.key, s.occurrence, s.title, s.status, r.object_key, r.degree "
            f"FROM relations r JOIN standards s ON s.id = r.subject_id "
            f"WHERE r.kind = 'adopts' AND r.{column} = ? ORDER BY s.year DESC, s.key",
            (key.key if key.year is not None else key.work,),
        ).fetchall()
        return [
            {
                "designation": r[0],
                "occurrence": r[1],
                "title": r[2],
                "status": r[3],
                "adopts": r[4],
                "degree": r[5],
            }
            for r in rows
        ]

    def adoptions(self, text: str) -> list[dict[str, Any]]:
        """What a standard adopts, with the degree (for each of its records)."""
        out = []
        for standard in self.find(text):
            rows = self.db.execute(
                "SELECT DISTINCT r.object_key, r.degree, r.raw FROM relations r "
                "JOIN standards s ON s.id = r.subject_id "
                "WHERE s.key = ? AND s.occurrence = ? AND r.kind = 'adopts' ORDER BY r.id",
                (standard.designation, standard.occurrence),
            ).fetchall()
            seen: set[tuple[str, str | None]] = set()
            for target, degree, _raw in rows:
                if (target, degree) not in seen:
                    seen.add((target, degree))
                    out.append(
                        {"designation": standard.designation, "adopts": target, "degree": degree}
                    )
        return out

    def successors(self, key: str) -> list[tuple[str, bool]]:
        """The editions that replace one (and whether only in part)."""
        return self._replacements(key, "replaces", "replaced-by")

    def predecessors(self, key: str) -> list[tuple[str, bool]]:
        """The editions one replaces (and whether only in part)."""
        return self._replacements(key, "replaced-by", "replaces")

    def _replacements(self, key: str, towards: str, away: str) -> list[tuple[str, bool]]:
        """The editions related to ``key`` by a ``towards`` relation whose object it is, or
        an ``away`` relation whose subject it is (a source may state either direction)."""
        rows = self.db.execute(
            "SELECT s.key, r.partial FROM relations r JOIN standards s ON s.id = r.subject_id "
            "WHERE r.kind = ? AND r.object_key = ? "
            "UNION SELECT r.object_key, r.partial FROM relations r "
            "JOIN standards s ON s.id = r.subject_id WHERE r.kind = ? AND s.key = ?",
            (towards, key, away, key),
        ).fetchall()
        return sorted({(k, bool(p)) for k, p in rows})

    def chain(self, text: str) -> dict[str, Any]:
        """The replacement chain through an edition: every edition reachable by replaces /
        replaced by, oldest first, each with what it replaces; and the editions of the same
        work the library holds."""
        start = self.latest(text)
        key = start.designation if start is not None else key_of(text).key
        seen = {key}
        todo = [key]
        while todo:
            current = todo.pop()
            for other, _partial in (*self.successors(current), *self.predecessors(current)):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)

        def year(k: str) -> tuple[int, str]:
            return (key_of(k).year or 0, k)

        chain = [
            {
                "designation": k,
                "replaces": [
                    {"designation": p, "partial": part} for p, part in self.predecessors(k)
                ],
                "replaced_by": [
                    {"designation": s, "partial": part} for s, part in self.successors(k)
                ],
            }
            for k in sorted(seen, key=year)
        ]
        work = key_of(key).work
        editions = [
            k
            for (k,) in self.db.execute(
                "SELECT DISTINCT key FROM standards WHERE work = ? ORDER BY year", (work,)
            )
        ]
        return {"designation": key, "chain": chain, "editions": editions}

    def _gone(self) -> set[str]:
        """The editions withdrawn (as their first record states) or replaced in full
        (:func:`mrstd.library.metrics.replaced_in_full`)."""
        withdrawn = self.db.execute(
            "SELECT key FROM standards WHERE occurrence = 1 AND status = 'withdrawn'"
        )
        return replaced_in_full(self.db) | {key for (key,) in withdrawn}

    def stale_citations(self, *, normative_only: bool = True) -> list[dict[str, Any]]:
        """Standards in force that cite a withdrawn or replaced edition (an undated citation
        resolves to the latest edition of its work), with what replaced it."""
        rows = self.db.execute(
            "SELECT DISTINCT s.key, s.status, r.object_key, r.object_dated, r.normative "
            "FROM relations r JOIN standards s ON s.id = r.subject_id "
            "WHERE r.kind = 'cites'"
            + (" AND r.normative = 1" if normative_only else "")
            + " ORDER BY s.key, r.object_key"
        ).fetchall()
        gone = self._gone()
        latest = functools.cache(self.latest)  # an undated citation, resolved once
        out = []
        for citing, status, cited, dated, normative in rows:
            if status not in (None, "current") or citing in gone:
                continue
            edition = None if dated else latest(cited)
            resolved = cited if dated else edition.designation if edition is not None else None
            if resolved is None or resolved not in gone:
                continue
            out.append(
                {
                    "designation": citing,
                    "cites": cited,
                    "resolved": resolved,
                    "normative": bool(normative),
                    "replaced_by": [k for k, _p in self.successors(resolved)],
                }
            )
        return out

    def status(self, text: str, at: dt.date | None = None) -> list[dict[str, Any]]:
        """The status of each record of a standard on a date (today by default), from its
        dates where they are known, else as its source states it."""
        day = (at or dt.date.today()).isoformat()
        out = []
        for standard in self.find(text):
            if standard.published and day < standard.published:
                state, why = "not-yet-published", f"published {standard.published}"
            elif standard.withdrawn and day >= standard.withdrawn:
                state, why = "withdrawn", f"withdrawn {standard.withdrawn}"
            elif standard.implemented and day < standard.implemented:
                state, why = "not-yet-in-force", f"in force from {standard.implemented}"
            elif standard.implemented or standard.published:
                state, why = "current", "by its dates"
            else:
                state, why = standard.status or "unknown", "as its source states (no dates)"
            out.append(
                {"designation": standard.designation, "on": day, "status": state, "why": why}
            )
        return out

    def stats(
        self, *, reference: Iterable[str] | None = None, as_of: dt.date | None = None
    ) -> dict[str, Any]:
        """The Outline's metrics (:mod:`mrstd.library.metrics`); ``reference``: the
        international documents the conversion rate is measured against."""
        return compute(self.db, reference=reference, as_of=as_of, stale=len(self.stale_citations()))

    def export(self, folder: str | Path) -> list[Path]:
        """Every table as Parquet in ``folder`` (:mod:`mrstd.library.parquet`)."""
        return export_parquet(self.db, Path(folder))

    def problems(self) -> list[dict[str, str]]:
        """Everything that could not be read, by source and place."""
        return [
            {"location": loc, "kind": kind, "message": message}
            for loc, kind, message in self.db.execute(
                "SELECT location, kind, message FROM problems ORDER BY id"
            )
        ]

    def sources(self) -> list[dict[str, Any]]:
        return [
            {"path": p, "kind": k, "records": r, "problems": n, "added": a}
            for p, k, r, n, a in self.db.execute(
                "SELECT path, kind, records, problems, added FROM sources ORDER BY path"
            )
        ]


_TABLE = "table"


def _input(given: str | Path) -> str:
    """A path made absolute (one source, from whichever folder it is added), or a URL."""
    if isinstance(given, str) and is_url(given):
        return given
    path = Path(given).resolve()
    if not path.exists():
        raise LibraryError(f"{path}: no such file or folder")
    return str(path)


_readable = readable()


def _sources(name: str) -> str | None:
    return _TABLE if is_table(Path(name)) else _readable(name)


def sources_of(
    paths: Iterable[str | Path], skipped: Callable[[str], None] | None = None
) -> Iterator[Source]:
    """The files :meth:`Library.add` reads among ``paths`` (tables and documents), in the
    order it reads them, listed as they are reached; ``skipped`` is given the others."""
    return walk([_input(given) for given in paths], _sources, skipped)


def _read_batch(batch: list[tuple[str, str | None]]) -> list[tuple[str, Entry | Problem | None]]:
    """Documents read in a worker, each file once: its digest, and what it gives (None when
    the digest is the one stored: the file is unchanged); plain data back to the process
    that writes. A file that cannot be read has an empty digest, so it is read again by
    the next add."""
    out: list[tuple[str, Entry | Problem | None]] = []
    for path, stored in batch:
        try:
            data = read_source(path)
        except MrstdError as exc:
            out.append(("", Problem(path, "document", str(exc))))
            continue
        digest = hashlib.sha256(data).hexdigest()
        out.append((digest, None if digest == stored else read_document(path, data)))
    return out


def _unread(item: tuple[str, str | None], exc: BaseException) -> tuple[str, Problem]:
    """The problem of a document whose reading failed, or killed the process reading it
    (read again by the next add)."""
    return "", Problem(item[0], "document", crash_message(exc))


def _digest(path: str) -> str:
    """The SHA-256 of a table on this machine, read a block at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
