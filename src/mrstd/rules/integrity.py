"""Integrity: ids are unique and every reference inside the document resolves."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from ..model.enums import XrefKind
from ..paths import format_path
from ._common import document_key, is_entry_label
from .context import (
    BIBLIOGRAPHY,
    FOREWORD,
    NORMATIVE_REFERENCES,
    Context,
    Loc,
    Target,
    plain_text,
)
from .registry import Finding, rule
from .samples import (
    GENERAL,
    KEEP,
    body,
    cites,
    clause,
    entry,
    extra_clause,
    norm_refs,
    para,
    sref,
    term,
    terms_clause,
    text,
    xref_para,
)

_INK = para("Marks are printed in black.")


def _marks(target: str) -> dict[str, Any]:
    call = {"type": "footnote-ref", "target": target}
    return {"type": "paragraph", "content": [text("Marks are printed."), call]}


ALL = ("generic", "iso", "gb")
_SUGGEST_LIMIT = 50


def _suggest(ctx: Context, target: str, kinds: set[str] | None = None) -> str | None:
    ids = [i for i, t in ctx.index.ids.items() if kinds is None or t[0].kind in kinds]
    close = difflib.get_close_matches(target, ids, n=1)
    return f"did you mean {close[0]!r}?" if close else None


@rule(
    code="MRS101",
    name="duplicate-id",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 5 (every element identifiable); "
    "XML 1.0, 3.3.1 (ID validity)",
    summary="Every id in the document, adopted layers included, is unique.",
    bad={"body": [KEEP, clause("scope", "5", "Marking")]},
    good={"body": [KEEP, clause("marking", "5", "Marking")]},
)
def duplicate_id(ctx: Context) -> Iterator[Finding]:
    for ident, targets in ctx.index.ids.items():
        if len(targets) > 1:
            first = targets[0]
            for other in targets[1:]:
                yield ctx.report(
                    other.loc,
                    f"id {ident!r} is already used by the {first.kind} at {_where(first)}",
                    hint="give each element its own id",
                )


def _where(target: Target) -> str:
    return format_path(target.loc) or "the document root"


@rule(
    code="MRS102",
    name="unresolved-xref",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 10 (references to elements of the text)",
    summary="Every cross-reference points at an id that exists in the document.",
    bad=extra_clause(xref_para("annex-z")),
    good=extra_clause(xref_para("scope")),
)
def unresolved_xref(ctx: Context) -> Iterator[Finding]:
    missing = 0
    for xref, loc, _layer in ctx.index.xrefs:
        if not ctx.resolves(xref.target):
            missing += 1
            hint = _suggest(ctx, xref.target) if missing <= _SUGGEST_LIMIT else None
            yield ctx.report(
                loc, f"cross-reference to {xref.target!r}, which no element has as id", hint
            )


_COMPATIBLE: dict[XrefKind, frozenset[str]] = {
    XrefKind.CLAUSE: frozenset({"clause", "annex"}),
    XrefKind.ANNEX: frozenset({"annex"}),
    XrefKind.TABLE: frozenset({"table"}),
    XrefKind.FIGURE: frozenset({"figure"}),
    XrefKind.FORMULA: frozenset({"formula"}),
    XrefKind.TERM: frozenset({"term"}),
    XrefKind.REFERENCE: frozenset({"reference"}),
    XrefKind.FOOTNOTE: frozenset({"footnote"}),
    XrefKind.NOTE: frozenset({"note"}),
    XrefKind.EXAMPLE: frozenset({"example"}),
    XrefKind.LIST_ITEM: frozenset({"list-item"}),
    XrefKind.TABLE_FOOTNOTE: frozenset({"footnote"}),
}


@rule(
    code="MRS103",
    name="xref-kind-mismatch",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 10 (references to elements of the text)",
    summary="A cross-reference that says what it points at (table, figure, annex, term...) "
    "points at an element of that kind.",
    bad=extra_clause(xref_para("scope", "table")),
    good=extra_clause(xref_para("scope", "clause")),
)
def xref_kind(ctx: Context) -> Iterator[Finding]:
    # One cause, one finding: cross-references that say one kind and point at another share a
    # cause (a producer that writes ref-type="sec" for every target), so each pair of kinds is
    # reported once, at its first cross-reference, with the others as related places.
    ids = ctx.index.ids
    found: dict[tuple[XrefKind, str], list[tuple[Loc, str]]] = {}
    for xref, loc, _layer in ctx.index.xrefs:
        if xref.kind is None or xref.kind is XrefKind.OTHER:
            continue
        targets = ids.get(xref.target)
        if not targets:
            continue
        actual = targets[0].kind
        if xref.kind is XrefKind.ANNEX and actual == "clause" and "annexes" in targets[0].loc:
            continue  # a clause of an annex (A.2.1): what Metanorma and ISO mark as an annex
        if actual not in _COMPATIBLE[xref.kind]:
            found.setdefault((xref.kind, actual), []).append((loc, xref.target))
    for (kind, actual), places in found.items():
        (first, target), count = places[0], len(places)
        if count == 1:
            message = (
                f"cross-reference of kind {kind.value} points at {target!r}, which is a {actual}"
            )
        else:
            message = (
                f"{count} cross-references of kind {kind.value} point at a {actual} "
                f"(the first at {target!r})"
            )
        yield ctx.report(
            first,
            message,
            hint=f"set kind to {actual!r} or point at a {kind.value}",
            related=[(loc, f"points at {other!r}") for loc, other in places[1:]],
        )


def _term_ref(target: str | None, words: str) -> dict[str, Any]:
    ref: dict[str, Any] = {"type": "term-ref", "content": [text(words)]}
    if target:
        ref["target"] = target
    return {**GENERAL, "blocks": [{"type": "paragraph", "content": [text("Count the "), ref]}]}


_TERMS = terms_clause(term("term-count", "widget count"))


@rule(
    code="MRS104",
    name="unresolved-term-ref",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 16.5 (terminological entries); ISO 10241-1:2011, 6",
    summary="A term reference names a term entry of this document, by id or by designation.",
    bad=body(general=_term_ref("term-counter", "widget counter"), terms=_TERMS),
    good=body(general=_term_ref("term-count", "widget count"), terms=_TERMS),
)
def unresolved_term_ref(ctx: Context) -> Iterator[Finding]:
    ids = ctx.index.ids
    for ref, loc, _layer in ctx.index.term_refs:
        if ref.target is None:
            continue
        targets = ids.get(ref.target)
        if not targets:
            # A term (a designation) of an entry, or an entry kept as foreign XML, is a term.
            kind = ctx.every_id.get(ref.target)
            if kind is None:
                yield ctx.report(
                    loc,
                    f"term reference to {ref.target!r}, which no term entry has as id",
                    _suggest(ctx, ref.target, {"term"}),
                )
            elif kind not in ("term", "designation"):
                yield ctx.report(loc, f"term reference to {ref.target!r}, which is a {kind}")
        elif targets[0].kind != "term":
            yield ctx.report(loc, f"term reference to {ref.target!r}, which is a {targets[0].kind}")


#: The number of the entry a term reference gives after the term, "(3.1.2)" (its closing
#: parenthesis may sit outside the reference).
_ENTRY_NUMBER = re.compile(r"\s*\(\s*(?:[a-z]\.)?\d+(?:\.\d+)*\s*\)?$")


@rule(
    code="MRS110",
    name="term-ref-designation-unmatched",
    severity="info",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 16 (terms used in the text are those defined); "
    "ISO 10241-1:2011, 6",
    summary="A term reference given only by its wording matches a designation of a term entry "
    "of the document (terms defined elsewhere are better linked by id or source).",
    bad=body(general=_term_ref(None, "widget counter"), terms=_TERMS),
    good=body(general=_term_ref(None, "Widget count"), terms=_TERMS),
)
def term_ref_designation(ctx: Context) -> Iterator[Finding]:
    designations: set[str] | None = None
    for ref, loc, _layer in ctx.index.term_refs:
        if ref.target is not None:
            continue
        wording = " ".join(plain_text(ref.content).split()).casefold()
        # ISO writes the entry's number after the term: "combustion (3.46)".
        wording = _ENTRY_NUMBER.sub("", wording)
        if not wording:
            continue
        if designations is None:
            designations = {
                " ".join(d.text.split()).casefold()
                for entry, _l, _f, _y in ctx.index.terms
                for d in entry.designations
            }
        if wording not in designations:
            yield ctx.report(
                loc,
                f"term reference {wording!r} matches no designation of a term entry",
                hint="link it to its entry with 'target'",
            )


def _reference_keys(ctx: Context) -> dict[tuple[object, ...], list[str]]:
    """The reference entries by what names their document, and by their labels ("[10]")."""
    keys: dict[tuple[object, ...], list[str]] = {}
    for info in ctx.index.references:
        names = [info.entry.identifier]
        if is_entry_label(info.entry.label):
            names.append(info.entry.label)  # a citation "[10]" names the entry labelled so
        for name in names:
            key = document_key(name)
            if key is not None:
                keys.setdefault(key, []).append(info.entry.id or "")
    return keys


@rule(
    code="MRS105",
    name="uncited-standard-not-listed",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 15 (normative references) and 21 (bibliography)",
    summary="Every standard cited in the text has an entry in the normative references or the "
    "bibliography (forewords, which cite earlier editions, are exempt).",
    bad=body(
        norm_refs(entry("ref-1", "ISO 4000:2018")),
        cites(sref("ISO 4000:2018"), sref("ISO 5000:2019")),
    ),
    good=body(norm_refs(entry("ref-1", "ISO 4000:2018")), cites(sref("ISO 4000:2018"))),
)
def cited_standard_listed(ctx: Context) -> Iterator[Finding]:
    keys: dict[tuple[object, ...], list[str]] | None = None
    own = {document_key(layer.layer.metadata.identifier.value) for layer in ctx.layers}
    for ref, loc, _layer, flags in ctx.index.standard_refs:
        if flags & (FOREWORD | NORMATIVE_REFERENCES | BIBLIOGRAPHY) or ref.reference is not None:
            continue
        if keys is None:
            keys = _reference_keys(ctx)
        key = document_key(ref.identifier)
        if key is None or key in keys or key in own:
            continue
        yield ctx.report(
            loc,
            f"{ref.identifier} is cited but is not listed in the normative references "
            "or the bibliography",
            hint="add a reference entry for it, or link the citation with 'reference'",
        )


@rule(
    code="MRS106",
    name="normative-reference-not-cited",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 15 (normative references are cited in the text)",
    summary="Every entry in the normative references is cited somewhere in the text.",
    bad=body(
        norm_refs(entry("ref-1", "ISO 4000:2018"), entry("ref-2", "ISO 6000:2016")),
        cites(sref("ISO 4000:2018")),
    ),
    good=body(norm_refs(entry("ref-1", "ISO 4000:2018")), cites(sref("ISO 4000:2018"))),
)
def normative_reference_cited(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    normative = [info for info in index.references if info.normative]
    if not normative:
        return
    cited_ids = {ref.reference for ref, _l, _y, _f in index.standard_refs if ref.reference}
    cited_ids.update(xref.target for xref, _l, _y in index.xrefs)
    cited_ids.update(ref for ref, _l, _y in index.term_sources)
    cited_keys = {
        document_key(ref.identifier)
        for ref, _l, _y, flags in index.standard_refs
        if not flags & (NORMATIVE_REFERENCES | BIBLIOGRAPHY)
    }
    for term_entry, _loc, _flags, _layer in index.terms:
        for source in term_entry.sources:
            if source.identifier:
                cited_keys.add(document_key(source.identifier))
    for info in normative:
        entry = info.entry
        if entry.id is not None and entry.id in cited_ids:
            continue
        if document_key(entry.identifier) in cited_keys:
            continue
        name = entry.identifier or entry.id or "this entry"
        yield ctx.report(
            info.loc,
            f"normative reference {name} is not cited in the text",
            hint="cite it where its content is required, or move it to the bibliography",
        )


@rule(
    code="MRS107",
    name="unresolved-footnote-ref",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 26 (footnotes)",
    summary="A footnote call points at a footnote of the document.",
    bad=extra_clause(_marks("fn-9")),
    good=extra_clause(_marks("fn-1"), {"type": "footnote", "id": "fn-1", "blocks": [_INK]}),
)
def unresolved_footnote(ctx: Context) -> Iterator[Finding]:
    ids = ctx.index.ids
    for ref, loc, _layer in ctx.index.footnote_refs:
        targets = ids.get(ref.target)
        if not targets:
            kind = ctx.every_id.get(ref.target)
            if kind is None:
                yield ctx.report(
                    loc, f"footnote call to {ref.target!r}, which no footnote has as id"
                )
            elif kind != "footnote":
                yield ctx.report(loc, f"footnote call to {ref.target!r}, which is a {kind}")
        elif targets[0].kind != "footnote":
            yield ctx.report(loc, f"footnote call to {ref.target!r}, which is a {targets[0].kind}")


@rule(
    code="MRS108",
    name="citation-entry-unresolved",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 10 and 15 (citing referenced documents)",
    summary="A citation linked to a reference entry ('reference') names an existing entry.",
    bad=body(
        norm_refs(entry("ref-1", "ISO 4000:2018")),
        cites(sref("ISO 4000:2018", reference="ref-4000")),
    ),
    good=body(
        norm_refs(entry("ref-1", "ISO 4000:2018")), cites(sref("ISO 4000:2018", reference="ref-1"))
    ),
)
def citationentry(ctx: Context) -> Iterator[Finding]:
    ids = ctx.index.ids
    for ref, loc, _layer, _flags in ctx.index.standard_refs:
        if ref.reference is None:
            continue
        targets = ids.get(ref.reference)
        if not targets:
            yield ctx.report(
                loc,
                f"citation of {ref.identifier} links to {ref.reference!r}, which no reference "
                "entry has as id",
                _suggest(ctx, ref.reference, {"reference"}),
            )
        elif targets[0].kind != "reference":
            yield ctx.report(
                loc,
                f"citation of {ref.identifier} links to {ref.reference!r}, which is a "
                f"{targets[0].kind}, not a reference entry",
            )


def _sourced(reference: str) -> dict[str, Any]:
    source = {"reference": reference, "locality": [{"type": "clause", "reference": "3.4"}]}
    terms = terms_clause(term("term-count", "widget count", sources=[source]))
    return body(
        norm_refs(entry("ref-1", "ISO 4000:2018")), cites(sref("ISO 4000:2018")), terms=terms
    )


@rule(
    code="MRS109",
    name="term-source-unresolved",
    any_edition=True,
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 16.5.11 (source of a terminological entry)",
    summary="The source of a term entry, when linked to a reference entry, names an existing one.",
    bad=_sourced("ref-9"),
    good=_sourced("ref-1"),
)
def term_source(ctx: Context) -> Iterator[Finding]:
    ids = ctx.index.ids
    for reference, loc, _layer in ctx.index.term_sources:
        targets = ids.get(reference)
        if not targets or targets[0].kind != "reference":
            yield ctx.report(
                loc,
                f"term source links to {reference!r}, which is not a reference entry",
                _suggest(ctx, reference, {"reference"}),
            )
