"""The library's SQLite schema and its migrations.

The schema version is SQLite's ``user_version``; :data:`MIGRATIONS` holds, for each version,
the statements that bring a database from the one before to it. Opening a library applies
the migrations it lacks, in one transaction each; a database newer than this mrstd is
refused. docs/library.md describes every table.
"""

from __future__ import annotations

#: Statements per schema version: MIGRATIONS[n - 1] brings a database to version n.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        # Every file ingested: re-adding one whose digest is unchanged does nothing; a
        # changed one has its rows replaced.
        """CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            digest TEXT NOT NULL,
            records INTEGER NOT NULL DEFAULT 0,
            problems INTEGER NOT NULL DEFAULT 0,
            added TEXT NOT NULL
        )""",
        # One row per edition (its key) and occurrence: a catalogue that lists one edition
        # twice (as two records) keeps both, numbered 1 and 2. A standard named only as
        # the object of a relation has no row (relations hold keys).
        """CREATE TABLE standards (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            occurrence INTEGER NOT NULL DEFAULT 1,
            work TEXT NOT NULL,
            year INTEGER,
            raw TEXT NOT NULL,
            parsed INTEGER NOT NULL,
            body TEXT,
            scope TEXT,
            mandate TEXT,
            title TEXT,
            category TEXT,
            ics TEXT,
            ccs TEXT,
            status TEXT,
            published TEXT,
            implemented TEXT,
            withdrawn TEXT,
            UNIQUE (key, occurrence)
        )""",
        "CREATE INDEX standards_work ON standards (work)",
        # Which source describes which record (a record may come from several).
        """CREATE TABLE records (
            source_id INTEGER NOT NULL REFERENCES sources (id),
            standard_id INTEGER NOT NULL REFERENCES standards (id),
            location TEXT NOT NULL,
            PRIMARY KEY (source_id, standard_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX records_standard ON records (standard_id)",
        # subject <kind> object: adopts (degree IDT/MOD/NEQ/EQV or NULL), replaces (partial
        # 0/1), amends, corrects, cites (normative 0/1). The object is a key, resolved when
        # asked: an undated one to the latest edition of its work.
        """CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources (id),
            subject_id INTEGER NOT NULL REFERENCES standards (id),
            kind TEXT NOT NULL,
            object_key TEXT NOT NULL,
            object_work TEXT NOT NULL,
            object_dated INTEGER NOT NULL,
            degree TEXT,
            partial INTEGER NOT NULL DEFAULT 0,
            normative INTEGER NOT NULL DEFAULT 0,
            raw TEXT NOT NULL
        )""",
        "CREATE INDEX relations_subject ON relations (subject_id, kind)",
        "CREATE INDEX relations_object_key ON relations (object_key, kind)",
        "CREATE INDEX relations_object_work ON relations (object_work, kind)",
        "CREATE INDEX relations_source ON relations (source_id)",
        # What could not be read, with where it stands in its source.
        """CREATE TABLE problems (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources (id),
            location TEXT NOT NULL,
            kind TEXT NOT NULL,
            message TEXT NOT NULL
        )""",
        "CREATE INDEX problems_source ON problems (source_id)",
        # Titles and clause text, searched by FTS5's trigram tokenizer (Chinese needs no
        # word segmenter: any three characters match).
        """CREATE VIRTUAL TABLE texts USING fts5 (
            text,
            standard_id UNINDEXED,
            source_id UNINDEXED,
            place UNINDEXED,
            tokenize = 'trigram'
        )""",
    ),
)

#: The schema version this mrstd writes.
VERSION = len(MIGRATIONS)
