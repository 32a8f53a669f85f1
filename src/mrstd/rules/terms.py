"""Terms: the parts of a terminological entry and the form of its definition."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import TermStatus
from ..paths import format_path
from .context import DEFINITION, TERMS, Context, Loc, plain_text
from .registry import Finding, rule
from .samples import GENERAL, body, para, term, terms_clause
from .verbal import EXT, REC, P, R, forms

ALL = ("generic", "iso", "gb")
DRAFTING = ("iso", "gb")

_ARTICLES = {
    "en": ("a", "an", "the"),
    "fr": ("le", "la", "les", "un", "une", "des", "l'", "l’"),
    "de": ("der", "die", "das", "ein", "eine", "einer", "eines"),
}
_FIRST_WORD = re.compile(r"^\s*([A-Za-zÀ-ÿ]+['’]?)")


def _terms(*entries: Any) -> dict[str, Any]:
    return body(terms=terms_clause(*entries))


@rule(
    code="MRS401",
    name="term-without-preferred-term",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 16.5 (each entry gives its preferred term); "
    "ISO 10241-1:2011, 6.2",
    summary="Every term entry has a preferred term.",
    bad=_terms(
        term("term-count", "widget count", designations=[{"text": "count", "status": "admitted"}])
    ),
    good=_terms(term("term-count", "widget count")),
)
def preferred_term(ctx: Context) -> Iterator[Finding]:
    for entry, loc, _flags, _layer in ctx.index.terms:
        if not any(d.status is TermStatus.PREFERRED for d in entry.designations):
            yield ctx.report(
                (*loc, "designations"),
                f"term entry {entry.id!r} has no preferred term",
                hint="give at least one designation with status 'preferred'",
            )


@rule(
    code="MRS402",
    name="term-without-definition",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 16.5 (each entry gives its definition); "
    "GB/T 1.1-2020, 8.7",
    summary="Every term entry has a non-empty definition.",
    bad=_terms(term("term-count", "widget count", definitions=[])),
    good=_terms(term("term-count", "widget count")),
)
def definition_present(ctx: Context) -> Iterator[Finding]:
    for entry, loc, _flags, _layer in ctx.index.terms:
        if not any(plain_text(d.content).strip() for d in entry.definitions):
            yield ctx.report(
                (*loc, "definitions"),
                f"term entry {entry.id!r} has no definition",
                hint="define the concept in one phrase that can replace the term",
            )


def _language(ctx: Context, declared: str | None, layer: int) -> str:
    if declared:
        return declared.split("-")[0].lower()
    languages = ctx.layers[layer].layer.metadata.languages
    return languages[0].split("-")[0].lower() if languages else "en"


def _definitions(ctx: Context) -> Iterator[tuple[Any, str, str, int]]:
    """(loc, text, language, layer) of every non-empty definition."""
    for unit in ctx.index.units:
        if unit.flags & DEFINITION and unit.marked is None:
            content = unit.text.strip()
            if content:
                yield unit.loc, content, _language(ctx, unit.language, unit.layer), unit.layer


@rule(
    code="MRS403",
    name="definition-starts-with-article",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 16.5.6 (the definition does not start with an "
    "article)",
    summary="A definition does not start with an article (a, an, the; le, la, un; der, die, ein).",
    bad=_terms(term("term-count", "widget count", "the number of widgets counted in one batch")),
    good=_terms(term("term-count", "widget count", "number of widgets counted in one batch")),
)
def definition_article(ctx: Context) -> Iterator[Finding]:
    for loc, content, language, _layer in _definitions(ctx):
        articles = _ARTICLES.get(language)
        if not articles:
            continue
        match = _FIRST_WORD.match(content)
        if match and match.group(1).lower() in articles:
            yield ctx.report(
                loc,
                f"the definition starts with the article {match.group(1)!r}",
                hint="start with the noun phrase, so that it can replace the term",
            )


@rule(
    code="MRS404",
    name="definition-ends-with-full-stop",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 16.5.6 (the definition is not followed by a "
    "full stop); GB/T 1.1-2020, 8.7",
    summary="A definition does not end with a full stop.",
    bad=_terms(term("term-count", "widget count", "number of widgets counted in one batch.")),
    good=_terms(term("term-count", "widget count", "number of widgets counted in one batch")),
)
def definition_full_stop(ctx: Context) -> Iterator[Finding]:
    for loc, content, _language, _layer in _definitions(ctx):
        if content.endswith((".", "。")) and not content.endswith("..."):
            yield ctx.report(
                loc, "the definition ends with a full stop", hint="remove the full stop"
            )


_PROVISION_KINDS = {R, REC, P, EXT}


@rule(
    code="MRS405",
    name="definition-contains-provision",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 16.5.6 (a definition contains no requirement); "
    "GB/T 1.1-2020, 8.7",
    summary="A definition states no requirement, recommendation or permission (shall, should, "
    "may, must; 应, 宜, 可以, 必须).",
    bad=_terms(
        term("term-count", "widget count", "number of widgets that shall be counted in one batch")
    ),
    good=_terms(term("term-count", "widget count", "number of widgets counted in one batch")),
)
def definition_provision(ctx: Context) -> Iterator[Finding]:
    for loc, content, _language, _layer in _definitions(ctx):
        for found in forms(content):
            if found.kind in _PROVISION_KINDS:
                yield ctx.report(
                    loc,
                    f"the definition contains the {found.kind.value} form {found.written!r}",
                    hint="move the provision to a clause of the body, or to a note to entry",
                )
                break


_NOTE_NUMBER = re.compile(r"(\d+)")


def _note(label: str | None, words: str) -> dict[str, Any]:
    note: dict[str, Any] = {"type": "note", "blocks": [para(words)]}
    if label is not None:
        note["label"] = label
    return note


@rule(
    code="MRS406",
    name="notes-to-entry-numbered",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 16.5.10 (notes to entry are numbered 1, 2, 3 "
    "within each entry)",
    summary="When a term entry numbers its notes to entry, they are numbered 1, 2, 3 in order.",
    bad=_terms(
        term(
            "term-count",
            "widget count",
            notes=[
                _note("Note 1 to entry", "Counts are whole."),
                _note("Note 3 to entry", "Counts are logged."),
            ],
        )
    ),
    good=_terms(
        term(
            "term-count",
            "widget count",
            notes=[
                _note("Note 1 to entry", "Counts are whole."),
                _note("Note 2 to entry", "Counts are logged."),
            ],
        )
    ),
)
def notes_numbered(ctx: Context) -> Iterator[Finding]:
    for entry, loc, _flags, _layer in ctx.index.terms:
        notes = entry.notes
        labelled = [n.label for n in notes if n.label]
        if not labelled:
            continue
        if len(labelled) != len(notes) and len(notes) > 1:
            yield ctx.report((*loc, "notes"), "some notes to entry are numbered and some are not")
            continue
        for i, note in enumerate(notes):
            match = _NOTE_NUMBER.search(note.label or "")
            if match is None or int(match.group(1)) != i + 1:
                yield ctx.report(
                    (*loc, "notes", i, "label"),
                    f"note to entry labelled {note.label!r} where number {i + 1} is expected",
                    hint="number notes to entry 1, 2, 3 within each entry",
                )
                break


@rule(
    code="MRS407",
    name="duplicate-preferred-term",
    any_edition=True,
    severity="warning",
    profiles=ALL,
    citation="ISO 10241-1:2011, 6.2 (one concept, one preferred term); ISO/IEC Directives "
    "Part 2:2021, 16",
    summary="Two term entries do not share the same preferred term in the same language.",
    bad=_terms(
        term("term-count", "widget count"), term("term-count-2", "widget count", "tally of widgets")
    ),
    good=_terms(
        term("term-count", "widget count"), term("term-tally", "widget tally", "tally of widgets")
    ),
)
def duplicate_term(ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[int, str | None, str], str] = {}
    for entry, loc, _flags, layer in ctx.index.terms:
        for i, designation in enumerate(entry.designations):
            if designation.status is not TermStatus.PREFERRED:
                continue
            key = (layer, designation.language, " ".join(designation.text.split()).casefold())
            first = seen.get(key)
            if first is not None and first != entry.id:
                yield ctx.report(
                    (*loc, "designations", i),
                    f"the preferred term {designation.text!r} is also preferred in entry {first!r}",
                    hint="merge the entries, or qualify one of the terms",
                )
            else:
                seen[key] = entry.id


@rule(
    code="MRS408",
    name="term-entry-outside-terms-clause",
    severity="warning",
    profiles=DRAFTING,
    citation="ISO/IEC Directives Part 2:2021, 16 (terms are defined in the terms and "
    "definitions clause); GB/T 1.1-2020, 8.7",
    summary="Term entries sit in the terms and definitions clause.",
    bad=body(general={**GENERAL, "blocks": [term("term-count", "widget count")]}),
    good=_terms(term("term-count", "widget count")),
)
def term_outside(ctx: Context) -> Iterator[Finding]:
    # One cause, one finding: the entries of one clause are outside for one reason (most often
    # the clause is not marked as the terms clause), so the clause is reported once, at its
    # first entry, with the others as related places.
    stray: dict[Loc, list[tuple[Loc, str | None]]] = {}
    for entry, loc, flags, _layer in ctx.index.terms:
        if not flags & TERMS:
            stray.setdefault(_holder(loc), []).append((loc, entry.id))
    for holder, entries in stray.items():
        first, ident = entries[0]
        if len(entries) == 1:
            message = f"term entry {ident!r} is outside the terms and definitions clause"
        else:
            message = (
                f"{len(entries)} term entries are outside the terms and definitions clause, "
                f"all in {format_path(holder) or 'the document'}"
            )
        yield ctx.report(
            first,
            message,
            hint="move them to the terms and definitions clause, or mark the clause that "
            "holds them as that clause (kind 'terms-and-definitions', sec-type 'terms')",
            related=[(loc, f"term entry {other!r}") for loc, other in entries[1:]],
        )


def _holder(loc: Loc) -> Loc:
    """The clause a block at ``loc`` sits in: its path up to the last ``blocks`` step."""
    for i in range(len(loc) - 1, -1, -1):
        if loc[i] == "blocks":
            return loc[:i]
    return ()
