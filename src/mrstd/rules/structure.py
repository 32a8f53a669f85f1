"""Structure: mandatory elements, their order, clause and annex numbering, tables and figures."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..model import (
    ClauseKind,
    DefinitionList,
    Figure,
    Paragraph,
    Table,
)
from ..paths import format_path
from ._common import FULL_DOCUMENT_TYPES, SUPPLEMENT_TYPES
from .context import ClauseInfo, Context, Numbered
from .registry import Finding, rule
from .samples import (
    GENERAL,
    KEEP,
    NORMATIVE_REFERENCES,
    SCOPE,
    TERMS,
    body,
    clause,
    para,
    text,
)

ALL = ("generic", "iso", "gb")
DRAFTING = ("iso", "gb")

_BODY_RANK = {
    ClauseKind.SCOPE: 1,
    ClauseKind.NORMATIVE_REFERENCES: 2,
    ClauseKind.TERMS_AND_DEFINITIONS: 3,
    ClauseKind.SYMBOLS: 4,
    ClauseKind.GENERAL: 5,
}
_PREFACE_RANK = {ClauseKind.FRONT_MATTER: 0, ClauseKind.FOREWORD: 1, ClauseKind.INTRODUCTION: 2}
_BACK_RANK = {ClauseKind.BIBLIOGRAPHY: 1, ClauseKind.INDEX: 2}
_HOME = {
    ClauseKind.FOREWORD: "preface",
    ClauseKind.INTRODUCTION: "preface",
    ClauseKind.FRONT_MATTER: "preface",
    ClauseKind.SCOPE: "body",
    ClauseKind.NORMATIVE_REFERENCES: "body",
    ClauseKind.TERMS_AND_DEFINITIONS: "body",
    ClauseKind.SYMBOLS: "body",
    ClauseKind.ANNEX: "annexes",
    ClauseKind.BIBLIOGRAPHY: "back",
    ClauseKind.INDEX: "back",
}
_MANDATORY = (
    (ClauseKind.SCOPE, "scope"),
    (ClauseKind.NORMATIVE_REFERENCES, "normative references"),
    (ClauseKind.TERMS_AND_DEFINITIONS, "terms and definitions"),
)


def _top(ctx: Context, group: str, layer: int | None = None) -> Iterator[ClauseInfo]:
    for info in ctx.index.clauses:
        if info.depth == 1 and info.group == group and (layer is None or info.layer == layer):
            yield info


@rule(
    code="MRS201",
    name="mandatory-element-missing",
    severity="error",
    profiles=DRAFTING,
    citation="ISO/IEC Directives Part 2:2021, 6 (Table 2, mandatory elements); "
    "GB/T 1.1-2020, 6 (document elements)",
    summary="A standard has a scope, a normative references clause (even if empty) and a "
    "terms and definitions clause.",
    bad={"body": [SCOPE, TERMS, GENERAL]},
    good={"body": [SCOPE, NORMATIVE_REFERENCES, TERMS, GENERAL]},
)
def mandatory_elements(ctx: Context) -> Iterator[Finding]:
    for layer in ctx.layers:
        if not layer.layer.body or layer.layer.metadata.doc_type not in FULL_DOCUMENT_TYPES:
            continue
        kinds = {info.clause.kind for info in _top(ctx, "body", layer.index)}
        for kind, name in _MANDATORY:
            if kind not in kinds:
                yield ctx.report(
                    (*layer.loc, "body"),
                    f"the {name} clause is missing",
                    hint=f"add a clause of kind {kind.value!r}"
                    + (" saying there are none" if kind is not ClauseKind.SCOPE else ""),
                )


@rule(
    code="MRS202",
    name="element-order",
    severity="error",
    profiles=DRAFTING,
    citation="ISO/IEC Directives Part 2:2021, 6 (Table 2, arrangement of elements); "
    "GB/T 1.1-2020, 6",
    summary="Elements come in order: foreword, introduction; scope, normative references, terms "
    "and definitions, symbols, technical clauses; bibliography, index.",
    bad={"body": [NORMATIVE_REFERENCES, SCOPE, TERMS, GENERAL]},
    good={"body": [SCOPE, NORMATIVE_REFERENCES, TERMS, GENERAL]},
)
def element_order(ctx: Context) -> Iterator[Finding]:
    for layer in ctx.layers:
        for group, ranks in (
            ("preface", _PREFACE_RANK),
            ("body", _BODY_RANK),
            ("back", _BACK_RANK),
        ):
            highest = -1
            highest_kind = ""
            for info in _top(ctx, group, layer.index):
                rank = ranks.get(info.clause.kind)
                if rank is None:
                    continue
                if rank < highest:
                    yield ctx.report(
                        info.loc,
                        f"the {info.clause.kind.value} element comes after the "
                        f"{highest_kind} element",
                        hint="move it to its place in the order of elements",
                    )
                elif rank > highest:
                    highest, highest_kind = rank, info.clause.kind.value


def _with_sub(base: dict[str, Any], *subs: dict[str, Any]) -> dict[str, Any]:
    return {**base, "subclauses": list(subs)}


@rule(
    code="MRS203",
    name="scope-subdivided",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 14 (scope); GB/T 1.1-2020, 8.5",
    summary="The scope has no subclauses.",
    bad=body(
        scope=_with_sub(
            SCOPE, clause("scope-a", "1.1", "Widgets"), clause("scope-b", "1.2", "Gadgets")
        )
    ),
    good=body(),
)
def scope_subdivided(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        if info.clause.kind is ClauseKind.SCOPE and info.clause.subclauses:
            yield ctx.report(
                (*info.loc, "subclauses"),
                "the scope is divided into subclauses",
                hint="write the scope as a single statement without subclauses",
            )


_FOREWORD = {"id": "foreword", "kind": "foreword", "title": [text("Foreword")]}


@rule(
    code="MRS204",
    name="foreword-subdivided",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 12 (foreword); GB/T 1.1-2020, 8.3",
    summary="The foreword has no subclauses.",
    bad={
        "preface": [
            {
                **_FOREWORD,
                "blocks": [para("Prepared by a committee.")],
                "subclauses": [clause("fw-1", None, "Changes", para("Clause 4 is new."))],
            }
        ]
    },
    good={
        "preface": [
            {**_FOREWORD, "blocks": [para("Prepared by a committee."), para("Clause 4 is new.")]}
        ]
    },
)
def foreword_subdivided(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        if info.clause.kind is ClauseKind.FOREWORD and info.clause.subclauses:
            yield ctx.report(
                (*info.loc, "subclauses"),
                "the foreword is divided into subclauses",
                hint="write the foreword as paragraphs",
            )


@rule(
    code="MRS205",
    name="lone-subclause",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 22.3 (a subclause is not created unless there "
    "is at least one further subclause at the same level); GB/T 1.1-2020, 7.3",
    summary="No subclause is the only child of its clause.",
    bad=body(general=_with_sub(GENERAL, clause("count-a", "4.1", "Manual counting"))),
    good=body(
        general=_with_sub(
            GENERAL,
            clause("count-a", "4.1", "Manual counting"),
            clause("count-b", "4.2", "Automatic counting"),
        )
    ),
)
def lone_subclause(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        subs = info.clause.subclauses
        if len(subs) == 1:
            yield ctx.report(
                (*info.loc, "subclauses", 0),
                "this subclause is the only one of its clause",
                hint="merge it into its parent, or add a second subclause",
            )


_NUMBER = re.compile(r"^(?:[A-Z]{1,2}|\d+)(?:\.\d+)*$")


def _label(label: str | None) -> str | None:
    if not label:
        return None
    value = label.strip()
    for prefix in ("Clause ", "Annex ", "附录"):
        if value.startswith(prefix):
            value = value[len(prefix) :].strip()
    return value if _NUMBER.match(value) else None


@rule(
    code="MRS206",
    name="clause-numbering",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 22 (numbering of clauses and subclauses); "
    "GB/T 1.1-2020, 7.3",
    summary="Clauses are numbered 1, 2, 3 and subclauses 4.1, 4.2 (A.1, A.2 in annexes), "
    "with no gaps; the first wrong number of each series is reported.",
    bad=body(general={**GENERAL, "label": "5"}),
    good=body(),
)
def clause_numbering(ctx: Context) -> Iterator[Finding]:
    # Supplements number their clauses after the document they amend.
    supplements = {
        layer.index for layer in ctx.layers if layer.layer.metadata.doc_type in SUPPLEMENT_TYPES
    }
    for layer in ctx.layers:
        if layer.index not in supplements:
            yield from _number_series(ctx, list(_top(ctx, "body", layer.index)), "")
    for info in ctx.index.clauses:
        if info.clause.subclauses and info.layer not in supplements:
            parent = _label(info.clause.label)
            if parent is None:
                continue
            subs = [
                ClauseInfo(
                    c,
                    (*info.loc, "subclauses", i),
                    info.group,
                    info.depth + 1,
                    info.layer,
                    info,
                    info.flags,
                )
                for i, c in enumerate(info.clause.subclauses)
            ]
            yield from _number_series(ctx, subs, parent + ".")


def _number_series(ctx: Context, series: Sequence[ClauseInfo], prefix: str) -> Iterator[Finding]:
    expected = 0
    for info in series:
        label = _label(info.clause.label)
        if label is None:
            continue
        expected += 1
        want = f"{prefix}{expected}"
        if label != want:
            yield ctx.report(
                (*info.loc, "label"),
                f"clause numbered {label} where {want} is expected",
                hint="number clauses contiguously",
            )
            return


def _annex(
    letter: str | None, obligation: str | None = "normative", cid: str | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": cid or f"annex-{(letter or 'x').lower()}",
        "kind": "annex",
        "title": [text("Test report")],
        "blocks": [para("The report gives the count.")],
    }
    if letter is not None:
        out["label"] = letter
    if obligation is not None:
        out["obligation"] = obligation
    return out


_ANNEX_LETTER = re.compile(r"^[A-Z]$")


@rule(
    code="MRS207",
    name="annex-lettering",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 20 (annexes are designated A, B, C in order); "
    "GB/T 1.1-2020, 8.11",
    summary="Annexes are lettered A, B, C... in the order they appear (regional and national "
    "annexes such as ZA or NA are exempt).",
    bad={"annexes": [_annex("A"), _annex("C")]},
    good={"annexes": [_annex("A"), _annex("B")]},
)
def annex_lettering(ctx: Context) -> Iterator[Finding]:
    for layer in ctx.layers:
        expected = 0
        for info in _top(ctx, "annexes", layer.index):
            letter = info.annex
            if letter is None or not _ANNEX_LETTER.match(letter):
                continue
            want = chr(ord("A") + expected)
            expected += 1
            if letter != want:
                yield ctx.report(
                    (*info.loc, "label"),
                    f"annex lettered {letter} where {want} is expected",
                    hint="letter annexes A, B, C in order",
                )
                break


@rule(
    code="MRS208",
    name="annex-obligation-missing",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 20.2 (each annex is marked normative or "
    "informative); GB/T 1.1-2020, 8.11",
    summary="Every annex says whether it is normative or informative.",
    bad={"annexes": [_annex("A", None)]},
    good={"annexes": [_annex("A", "informative")]},
)
def annex_obligation(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        if info.group == "annexes" and info.depth == 1 and info.clause.obligation is None:
            yield ctx.report(
                info.loc,
                f"annex {info.annex or ''} is not marked normative or informative".replace(
                    "  ", " "
                ),
                hint="set obligation to 'normative' or 'informative'",
            )


_TABLE_NUMBER = re.compile(r"(?:^|\s)((?:[A-Z]{1,2}\.)?\d+)$")


def _numbered_label(label: str | None) -> str | None:
    if not label:
        return None
    match = _TABLE_NUMBER.search(label.strip())
    return match.group(1) if match else None


def _sequence(ctx: Context, items: list[Numbered], noun: str) -> Iterator[Finding]:
    counters: dict[tuple[int, str | None], int] = {}
    reported: set[tuple[int, str | None]] = set()
    for item in items:
        number = _numbered_label(item.node.label)
        if number is None:
            continue
        key = (item.layer, item.annex)
        counters[key] = counters.get(key, 0) + 1
        if key in reported or (noun, *key) in ctx.index.opaque_numbered:
            continue  # (a table or figure kept as foreign XML takes a number we cannot see)
        want = f"{item.annex}.{counters[key]}" if item.annex else str(counters[key])
        if number != want:
            reported.add(key)
            where = f" in annex {item.annex}" if item.annex else ""
            yield ctx.report(
                (*item.loc, "label"),
                f"{noun} numbered {number}{where} where {want} is expected",
                hint=f"number {noun}s in sequence; inside annex X use X.1, X.2",
            )


def _table(label: str, tid: str) -> dict[str, Any]:
    return {
        "type": "table",
        "id": tid,
        "label": label,
        "caption": [text("Counts")],
        "body": [{"cells": [{"content": [text("1")]}]}],
    }


@rule(
    code="MRS209",
    name="table-numbering",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 29 (tables) and 20 (numbering in annexes); "
    "GB/T 1.1-2020, 9.7",
    summary="Tables are numbered 1, 2, 3 in order, and A.1, A.2 inside annex A.",
    bad={"annexes": [{**_annex("A"), "blocks": [_table("Table 1", "table-a1")]}]},
    good={"annexes": [{**_annex("A"), "blocks": [_table("Table A.1", "table-a1")]}]},
)
def table_numbering(ctx: Context) -> Iterator[Finding]:
    yield from _sequence(ctx, ctx.index.tables, "table")


def _figure(label: str, fid: str) -> dict[str, Any]:
    return {
        "type": "figure",
        "id": fid,
        "label": label,
        "caption": [text("Widget")],
        "media": [{"href": "widget.png"}],
    }


@rule(
    code="MRS210",
    name="figure-numbering",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 28 (figures) and 20 (numbering in annexes); "
    "GB/T 1.1-2020, 9.6",
    summary="Figures are numbered 1, 2, 3 in order, and A.1, A.2 inside annex A.",
    bad=body(
        general={**GENERAL, "blocks": [_figure("Figure 1", "fig-1"), _figure("Figure 3", "fig-2")]}
    ),
    good=body(
        general={**GENERAL, "blocks": [_figure("Figure 1", "fig-1"), _figure("Figure 2", "fig-2")]}
    ),
)
def figure_numbering(ctx: Context) -> Iterator[Finding]:
    yield from _sequence(ctx, ctx.index.figures, "figure")


def _symbols(cid: str, label: str) -> dict[str, Any]:
    return {
        "id": cid,
        "label": label,
        "kind": "symbols",
        "title": [text("Symbols")],
        "blocks": [
            {
                "type": "definition-list",
                "items": [{"term": [text("n")], "definition": [para("number of widgets")]}],
            }
        ],
    }


#: A body with exactly one clause of symbols, holding what such a clause may hold.
_ONE_SYMBOLS_CLAUSE = {
    "body": [SCOPE, NORMATIVE_REFERENCES, TERMS, _symbols("sym", "4"), {**GENERAL, "label": "5"}]
}


@rule(
    code="MRS211",
    name="several-symbols-clauses",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 17 (symbols and abbreviated terms); "
    "GB/T 1.1-2020, 8.8",
    summary="There is at most one clause of symbols and abbreviated terms per layer.",
    bad={
        "body": [
            SCOPE,
            NORMATIVE_REFERENCES,
            TERMS,
            _symbols("sym", "4"),
            _symbols("abbr", "5"),
            {**GENERAL, "label": "6"},
        ]
    },
    good=_ONE_SYMBOLS_CLAUSE,
)
def several_symbols(ctx: Context) -> Iterator[Finding]:
    for layer in ctx.layers:
        seen = [
            i
            for i in ctx.index.clauses
            if i.layer == layer.index and i.clause.kind is ClauseKind.SYMBOLS
        ]
        for info in seen[1:]:
            yield ctx.report(
                info.loc,
                "a second clause of symbols and abbreviated terms",
                hint=f"merge it into the one at {format_path(seen[0].loc)}",
            )


@rule(
    code="MRS212",
    name="foreword-content",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 12 (the foreword contains no requirements, "
    "figures or tables); GB/T 1.1-2020, 8.3",
    summary="The foreword holds no tables and no figures.",
    bad={
        "preface": [
            {**_FOREWORD, "blocks": [para("Prepared by a committee."), _table("Table 1", "t-fw")]}
        ]
    },
    good={"preface": [{**_FOREWORD, "blocks": [para("Prepared by a committee.")]}]},
)
def foreword_content(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        if info.clause.kind is not ClauseKind.FOREWORD:
            continue
        for i, block in enumerate(info.clause.blocks):
            if isinstance(block, (Table, Figure)):
                noun = "table" if isinstance(block, Table) else "figure"
                yield ctx.report(
                    (*info.loc, "blocks", i),
                    f"the foreword holds a {noun}",
                    hint="move it to the body or an annex",
                )


@rule(
    code="MRS213",
    name="symbols-clause-content",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 17 (symbols are given as a list); GB/T 1.1-2020, 8.8",
    summary="A symbols and abbreviated terms clause holds a definition list (and introductory "
    "paragraphs), nothing else.",
    bad={
        "body": [
            SCOPE,
            NORMATIVE_REFERENCES,
            TERMS,
            {**_symbols("sym", "4"), "blocks": [_table("Table 1", "t-sym")]},
            {**GENERAL, "label": "5"},
        ]
    },
    good=_ONE_SYMBOLS_CLAUSE,
)
def symbols_content(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        if info.clause.kind is not ClauseKind.SYMBOLS:
            continue
        for i, block in enumerate(info.clause.blocks):
            if not isinstance(block, (DefinitionList, Paragraph)):
                yield ctx.report(
                    (*info.loc, "blocks", i),
                    f"the symbols clause holds a {getattr(block, 'type', 'block')}",
                    hint="give symbols and abbreviated terms as a definition list",
                )


def _deep(levels: int) -> dict[str, Any]:
    node: dict[str, Any] | None = None
    for depth in range(levels, 0, -1):
        label = "4" + "".join(".1" for _ in range(depth - 1))
        children = (
            [node, clause(f"d{depth}b", label[:-1] + "2", "Other", para("More."))] if node else []
        )
        node = clause(
            f"d{depth}", label, "Level", para("Text."), subclauses=[c for c in children if c]
        )
    assert node is not None
    return node


@rule(
    code="MRS214",
    name="clause-too-deep",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 22 (subdivision of clauses); depth limit of 7 "
    "levels as used by existing validators (domain notes, section 3)",
    summary="Clauses are nested no deeper than 7 levels.",
    bad=body(general=_deep(8)),
    good=body(general=_deep(7)),
)
def clause_depth(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        if info.depth == 8:
            yield ctx.report(
                info.loc,
                "clause nested 8 levels deep; the limit is 7",
                hint="restructure the clause or use a list",
            )


@rule(
    code="MRS215",
    name="misplaced-element",
    severity="error",
    profiles=DRAFTING,
    citation="ISO/IEC Directives Part 2:2021, 6 (Table 2: preliminary, normative and "
    "supplementary elements); GB/T 1.1-2020, 6",
    summary="Forewords and introductions are preface elements, scope to symbols are top-level "
    "body clauses, annexes sit among the annexes, bibliography and index at the back.",
    bad={"body": [KEEP, {"id": "biblio", "kind": "bibliography", "title": [text("Bibliography")]}]},
    good={"back": [{"id": "biblio", "kind": "bibliography", "title": [text("Bibliography")]}]},
)
def misplaced(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        kind = info.clause.kind
        home = _HOME.get(kind)
        if home is None:
            continue
        if info.group != home:
            yield ctx.report(
                info.loc,
                f"a {kind.value} element sits in {info.group}, not in {home}",
                hint=f"move it to {home}",
            )
        elif info.depth > 1 and kind is not ClauseKind.SYMBOLS:
            yield ctx.report(info.loc, f"a {kind.value} element is nested inside another clause")


@rule(
    code="MRS216",
    name="normative-references-empty",
    severity="error",
    profiles=DRAFTING,
    citation="ISO/IEC Directives Part 2:2021, 15 (the clause is kept and states that there are "
    "no normative references); GB/T 1.1-2020, 8.6",
    summary="A normative references clause without entries says that there are none.",
    bad=body(norm={**NORMATIVE_REFERENCES, "blocks": []}),
    good=body(),
)
def normative_references_empty(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        c = info.clause
        if c.kind is ClauseKind.NORMATIVE_REFERENCES and not c.blocks and not c.subclauses:
            yield ctx.report(
                info.loc,
                "the normative references clause is empty",
                hint="say 'There are no normative references in this document.'",
            )


@rule(
    code="MRS217",
    name="preface-numbered",
    severity="warning",
    profiles=DRAFTING,
    citation="ISO/IEC Directives Part 2:2021, 12 and 13 (the foreword and the introduction are "
    "not numbered)",
    summary="The foreword and the introduction carry no clause number.",
    bad={"preface": [{**_FOREWORD, "label": "0", "blocks": [para("Prepared by a committee.")]}]},
    good={"preface": [{**_FOREWORD, "blocks": [para("Prepared by a committee.")]}]},
)
def preface_numbered(ctx: Context) -> Iterator[Finding]:
    for info in ctx.index.clauses:
        kind = info.clause.kind
        if kind in (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION) and info.clause.label:
            yield ctx.report(
                (*info.loc, "label"),
                f"the {kind.value} is numbered {info.clause.label}",
                hint="remove the label",
            )
