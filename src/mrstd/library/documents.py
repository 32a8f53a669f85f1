"""Documents (any format mrstd reads: JSON, XML, NISO STS, Relaton) as library records:
their metadata, relations, adoptions, references and clause text."""

from __future__ import annotations

from pathlib import Path

from ..errors import DocumentError, MrstdError
from ..model import Document, RelationKind
from ..rules.context import build_index, clause_place
from .entries import Entry, Link, Problem

__all__ = ["entry_of_document", "read_document"]

#: How the model's relations map to the library's (the inverse ones keep their direction:
#: the subject is then the other document, see :meth:`mrstd.library.Library.add`).
_RELATIONS = {
    RelationKind.SUPERSEDES: "replaces",
    RelationKind.REVISES: "replaces",
    RelationKind.SUPERSEDED_BY: "replaced-by",
    RelationKind.REVISED_BY: "replaced-by",
    RelationKind.AMENDS: "amends",
    RelationKind.CORRECTS: "corrects",
    RelationKind.ADOPTS: "adopts",
}


def read_document(path: str, data: bytes) -> Entry | Problem:
    """A document file's bytes as an entry, or the problem that stops them being read (run
    in a worker process: its arguments and result are plain data)."""
    # Imported here: a worker that reads tables never needs the format registry.
    from ..api import loads  # noqa: PLC0415

    try:
        doc = loads(data, source=path)
    except DocumentError as exc:
        if not exc.problems:
            return Problem(path, "document", str(exc))
        first = exc.problems[0]
        where = f"{path}:{first.line}:{first.column or 1}" if first.line is not None else path
        return Problem(
            where, "document", first.message + (f" [{first.path}]" if first.path else "")
        )
    except (MrstdError, OSError) as exc:
        return Problem(path, "document", str(exc))
    return entry_of_document(doc, path)


def entry_of_document(doc: Document, location: str) -> Entry:
    """What the library keeps of a document."""
    meta = doc.metadata
    title = next((t.as_line() for t in meta.titles if t.as_line()), None)
    status = meta.status.lifecycle.value if meta.status.lifecycle is not None else None
    entry = Entry(
        meta.identifier.value,
        location,
        title=title,
        category=meta.doc_type.value,
        ics=" ".join(code.code for code in meta.ics) or None,
        ccs=" ".join(code.code for code in meta.ccs) or None,
        status=_STATUS.get(status or "", status),
        published=_day(meta.dates.published),
        implemented=_day(meta.dates.implemented),
        withdrawn=_day(meta.dates.withdrawn),
    )
    for relation in meta.relations:
        kind = _RELATIONS.get(relation.kind)
        if kind is not None:
            entry.links.append(Link(kind, relation.identifier, raw=relation.kind.value))
    for adoption in meta.adoptions:
        entry.links.append(
            Link("adopts", adoption.identifier, adoption.degree.value, raw="adoption")
        )
    index = build_index(doc, cross_references=False)
    for ref in index.references:
        if ref.entry.identifier and ref.layer == 0:
            entry.links.append(
                Link(
                    "cites",
                    ref.entry.identifier,
                    normative=ref.normative,
                    raw="normative reference" if ref.normative else "bibliography",
                )
            )
    labels = {info.loc: info.clause.label or info.clause.id or "" for info in index.clauses}
    texts: dict[str, list[str]] = {}
    for unit in index.units:
        if unit.layer != 0:
            continue
        place = labels.get(clause_place(unit.loc), "")
        text = unit.full_text.strip()
        if text:
            texts.setdefault(place, []).append(text)
    entry.texts = [(place, "\n".join(parts)) for place, parts in texts.items()]
    return entry


#: The model's lifecycle as the library's status.
_STATUS = {"published": "current", "in-force": "current", "replaced": "replaced"}


def _day(value: object) -> str | None:
    return str(value) if value is not None else None


def is_table(path: Path) -> bool:
    """Whether a file is read as a table (a catalogue) rather than as a document."""
    return path.suffix.lower() in (".csv", ".xlsx", ".xlsm")
