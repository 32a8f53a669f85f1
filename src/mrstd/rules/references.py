"""References: dated and undated references, withdrawn documents, duplicate entries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Lifecycle, LocalityType
from ._common import document_key, is_dated, is_entry_label, parse_id, quoted
from .context import BIBLIOGRAPHY, NORMATIVE_REFERENCES, Context, Loc
from .registry import Finding, rule
from .samples import body, cites, entry, norm_refs, para, sref, text

ALL = ("generic", "iso", "gb")

#: Places inside a cited document; citing one of them fixes the edition (whole/page do not).
_SPECIFIC = frozenset(LocalityType) - {LocalityType.WHOLE, LocalityType.PAGE, LocalityType.OTHER}


def _biblio(*entries: Any) -> dict[str, Any]:
    return {
        "back": [
            {
                "id": "biblio",
                "kind": "bibliography",
                "title": [text("Bibliography")],
                "blocks": list(entries),
            }
        ]
    }


@rule(
    code="MRS301",
    name="undated-specific-reference",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 10 (a reference to a specific clause, table or "
    "figure of another document is dated); GB/T 1.1-2020, 9.5",
    summary="A citation of a specific clause, table or figure of another document names a "
    "dated edition.",
    bad=body(
        norm_refs(entry("ref-1", "ISO 4000")),
        cites(sref("ISO 4000", [{"type": "clause", "reference": "5.2"}])),
    ),
    good=body(
        norm_refs(entry("ref-1", "ISO 4000:2018")),
        cites(sref("ISO 4000:2018", [{"type": "clause", "reference": "5.2"}])),
    ),
)
def undated_specific(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    for ref, loc, _layer, _flags in index.standard_refs:
        specific = [loc_.type.value for loc_ in ref.locality if loc_.type in _SPECIFIC]
        if specific and is_dated(ref.identifier) is False:
            yield ctx.report(
                loc,
                f"{ref.identifier} is cited at a specific {specific[0]} but is undated",
                hint="cite the dated edition, e.g. ISO 1234:2020",
            )
    for entry_, loc, _flags, _layer in index.terms:
        for i, source in enumerate(entry_.sources):
            specific = [s.type.value for s in source.locality if s.type in _SPECIFIC]
            if specific and source.identifier and is_dated(source.identifier) is False:
                yield ctx.report(
                    (*loc, "sources", i),
                    f"term source {source.identifier} names a specific {specific[0]} but is "
                    "undated",
                    hint="cite the dated edition",
                )


@rule(
    code="MRS302",
    name="inconsistent-dating",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 10 (dated and undated references); "
    "GB/T 1.1-2020, 9.5",
    summary="A document is cited the same way throughout: dated with the edition its reference "
    "entry lists, or undated when the entry is undated.",
    bad=body(norm_refs(entry("ref-1", "ISO 4000")), cites(sref("ISO 4000:2018"))),
    good=body(norm_refs(entry("ref-1", "ISO 4000:2018")), cites(sref("ISO 4000:2018"))),
)
def inconsistent_dating(ctx: Context) -> Iterator[Finding]:
    listed: dict[tuple[Any, ...], tuple[str, Loc]] = {}
    for info in ctx.index.references:
        ident = info.entry.identifier
        key = document_key(ident) if parse_id(ident) is not None else None
        if key is not None and ident is not None:
            listed.setdefault(key, (ident, info.loc))
    if not listed:
        return
    for ref, loc, _layer, flags in ctx.index.standard_refs:
        if flags & (NORMATIVE_REFERENCES | BIBLIOGRAPHY):
            continue
        cited = parse_id(ref.identifier)
        if cited is None:
            continue
        found = listed.get(cited.document_key)
        if found is None:
            continue
        entry_ident = parse_id(found[0])
        assert entry_ident is not None
        if cited.year is not None and cited.year != entry_ident.year:
            how = "undated" if entry_ident.year is None else f"as {found[0]}"
            yield ctx.report(
                loc,
                f"{ref.identifier} is cited dated here but listed {how} in the references",
                hint="cite it the way the reference entry lists it",
            )
        elif cited.year is None and entry_ident.year is not None and not ref.locality:
            yield ctx.report(
                loc,
                f"{ref.identifier} is cited undated here but listed as {found[0]}",
                hint="cite the dated edition the reference entry lists",
            )


@rule(
    code="MRS303",
    name="withdrawn-normative-reference",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 15 (normative references are to documents that "
    "are available); GB/T 1.1-2020, 8.6",
    summary="A normative reference does not point at a document known to be withdrawn or replaced.",
    bad=body(
        norm_refs(entry("ref-1", "ISO 4000:2018", status="withdrawn")), cites(sref("ISO 4000:2018"))
    ),
    good=body(
        norm_refs(entry("ref-1", "ISO 4000:2018", status="in-force")), cites(sref("ISO 4000:2018"))
    ),
)
def withdrawn_reference(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.references:
        status = info.entry.status
        if info.normative and status in (Lifecycle.WITHDRAWN, Lifecycle.REPLACED):
            yield ctx.report(
                (*info.loc, "status"),
                f"normative reference {info.entry.identifier or info.entry.id} is {status.value}",
                hint="refer to the current edition or to the document that replaces it",
            )


@rule(
    code="MRS304",
    name="unparseable-identifier",
    any_edition=True,
    severity="info",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 10 (documents are referred to by their "
    "reference); mrstd identifier grammars (mrstd.ids)",
    summary="An identifier in a reference entry or citation follows a known grammar, so that "
    "dating and listing checks can use it.",
    bad=body(
        norm_refs(entry("ref-1", "Widget Handbook 4th edition")),
        cites(sref("Widget Handbook 4th edition")),
    ),
    good=body(norm_refs(entry("ref-1", "ISO 4000:2018")), cites(sref("ISO 4000:2018"))),
)
def unparseable(ctx: Context) -> Iterator[Finding]:
    # One finding per identifier, however often it is cited (and however its spaces are
    # written: Metanorma writes no-break spaces in some places and not others).
    seen: set[str] = set()
    for info in ctx.index.references:
        ident = info.entry.identifier
        if ident and parse_id(ident) is None and not is_entry_label(ident):
            seen.add(quoted(ident))
            yield ctx.report(
                (*info.loc, "identifier"),
                f"identifier {quoted(ident)} follows no known grammar",
                hint="check the spelling, or give it as a free citation without identifier",
            )
    for ref, loc, _layer, _flags in ctx.index.standard_refs:
        shown = quoted(ref.identifier)
        if shown in seen or is_entry_label(ref.identifier):
            continue  # a bibliography label ("[10]") is not an identifier: MRS105 resolves it
        if parse_id(ref.identifier) is None:
            seen.add(shown)
            yield ctx.report(loc, f"identifier {shown} follows no known grammar")


@rule(
    code="MRS305",
    name="duplicate-reference-entry",
    any_edition=True,
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 15 and 21 (each document is listed once)",
    summary="The same document is listed once in the normative references and once in the "
    "bibliography at most.",
    bad=body(
        norm_refs(entry("ref-1", "ISO 4000:2018"), entry("ref-2", "ISO 4000:2018")),
        cites(sref("ISO 4000:2018", reference="ref-1"), sref("ISO 4000:2018", reference="ref-2")),
    ),
    good=body(norm_refs(entry("ref-1", "ISO 4000:2018")), cites(sref("ISO 4000:2018"))),
)
def duplicate_entry(ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[Any, int, bool], str] = {}
    for info in ctx.index.references:
        ident = parse_id(info.entry.identifier)
        if ident is None:
            continue
        key = (ident, info.layer, info.normative)
        if key in seen:
            yield ctx.report(
                info.loc,
                f"{info.entry.identifier} is listed twice",
                hint=f"remove this entry; the first is {seen[key]}",
            )
        else:
            seen[key] = info.entry.id or str(info.entry.identifier)


@rule(
    code="MRS306",
    name="normative-and-informative",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 21 (the bibliography lists informative "
    "references, not documents already listed as normative)",
    summary="A document listed in the normative references is not listed in the bibliography too.",
    bad={
        **body(norm_refs(entry("ref-1", "ISO 4000:2018")), cites(sref("ISO 4000:2018"))),
        **_biblio(entry("bib-1", "ISO 4000:2018")),
    },
    good={
        **body(norm_refs(entry("ref-1", "ISO 4000:2018")), cites(sref("ISO 4000:2018"))),
        **_biblio(entry("bib-1", "ISO 7000:2011"), para("Further reading.")),
    },
)
def normative_and_informative(ctx: Context) -> Iterator[Finding]:
    normative = {
        document_key(i.entry.identifier): i
        for i in ctx.index.references
        if i.normative and i.entry.identifier
    }
    for info in ctx.index.references:
        if info.normative or not info.entry.identifier:
            continue
        other = normative.get(document_key(info.entry.identifier))
        if other is not None and other.layer == info.layer:
            yield ctx.report(
                info.loc,
                f"{info.entry.identifier} is listed both as a normative reference and in the "
                "bibliography",
                hint="keep only the normative reference",
            )
