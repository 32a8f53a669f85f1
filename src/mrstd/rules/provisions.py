"""Provisions: verbal forms used where they belong, in English and Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import ProvisionKind
from .context import (
    DEFINITION,
    EXAMPLE,
    FOREWORD,
    INFORMATIVE_ANNEX,
    INTRODUCTION,
    NOTE,
    SCOPE,
    Context,
    TextUnit,
)
from .registry import Finding, rule
from .samples import SCOPE as SCOPE_CLAUSE
from .samples import body, clause, extra_clause, para, text
from .verbal import BOILERPLATE, CAP, EXT, POS, REC, Form, P, R, forms, sentences

ALL = ("generic", "iso", "gb")

_MUST = re.compile(r"\bmust\b", re.IGNORECASE)
_NEGATIVE_PERMISSION = re.compile(r"\b(?:may|need)\s+not\b", re.IGNORECASE)
_EQUIVALENTS = re.compile(
    r"\b(?:is|are) required to\b|\b(?:has|have) to\b|\bit is necessary\b|\bought to\b"
    r"|\bit is recommended that\b|\b(?:is|are) (?:permitted|allowed)\b|\bbe able to\b",
    re.IGNORECASE,
)
_EQUIVALENT_WORDS = (
    "required to",
    "has to",
    "have to",
    "ought to",
    "necessary",
    "recommended that",
    "permitted",
    "allowed",
    "able to",
)
_PREFERRED = {R: "shall", REC: "should", P: "may", CAP: "can", POS: "can"}


def _units(ctx: Context, flags: int, without: int = 0) -> Iterator[TextUnit]:
    for unit in ctx.index.units:
        if unit.flags & flags and not unit.flags & without:
            yield unit


def _first(
    unit: TextUnit, kinds: set[ProvisionKind], skip_boilerplate: bool = False
) -> Form | None:
    text_ = unit.text
    if skip_boilerplate and BOILERPLATE.search(text_):
        for sentence in sentences(text_):
            if BOILERPLATE.search(sentence):
                continue
            for found in forms(sentence):
                if found.kind in kinds:
                    return found
        return None
    for found in forms(text_):
        if found.kind in kinds:
            return found
    return None


@rule(
    code="MRS501",
    name="must-as-requirement",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 7 (Table 3: 'must' is not an alternative to "
    "'shall'; Table 7: 'must' states external constraints only)",
    summary="'must' is not used to state a requirement; a sentence that states an external "
    "constraint is marked as one.",
    bad=extra_clause(para("Each widget must be labelled.")),
    good=extra_clause(para("Each widget shall be labelled.")),
)
def must(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units_containing("must"):
        if unit.flags & DEFINITION or unit.marked is ProvisionKind.EXTERNAL_CONSTRAINT:
            continue
        match = _MUST.search(unit.text)
        if match is not None:
            yield ctx.report(
                unit.loc,
                "'must' used for a provision",
                hint="use 'shall' for a requirement; mark a true external constraint as "
                "provision 'external-constraint'",
            )


@rule(
    code="MRS502",
    name="bixu-instead-of-ying",
    severity="error",
    profiles=("generic", "gb"),
    citation="GB/T 1.1-2020, 9.1 and Annex C (requirements use 应/不应; 必须 is not used)",
    summary="Chinese requirements use 应, not 必须.",
    bad=extra_clause(para("每个部件必须贴标签。")),
    good=extra_clause(para("每个部件应贴标签。")),
)
def bixu(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units_containing("必须"):
        if unit.marked is not ProvisionKind.EXTERNAL_CONSTRAINT:
            yield ctx.report(unit.loc, "必须 used for a requirement", hint="use 应 (or 不应)")


def _foreword(*blocks: Any) -> dict[str, Any]:
    return {
        "preface": [
            {
                "id": "foreword",
                "kind": "foreword",
                "title": [text("Foreword")],
                "blocks": list(blocks),
            }
        ]
    }


_PATENTS = para(
    "Attention is drawn to the possibility that some of the elements of this document may be "
    "the subject of patent rights. ISO shall not be held responsible for identifying any or all "
    "such patent rights."
)


@rule(
    code="MRS503",
    name="provision-in-foreword",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 12 (the foreword contains no requirements, "
    "recommendations or permissions); GB/T 1.1-2020, 8.3",
    summary="The foreword states no requirement or recommendation (the standard patent "
    "statement is exempt).",
    bad=_foreword(para("Users shall read clause 4 first."), _PATENTS),
    good=_foreword(para("Clause 4 is new in this edition."), _PATENTS),
)
def foreword_provision(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx, FOREWORD):
        found = _first(unit, {R, REC, EXT}, skip_boilerplate=True)
        if found is not None:
            yield ctx.report(
                unit.loc,
                f"the foreword contains the {found.kind.value} form {found.written!r}",
                hint="state it in the body, or rephrase it as a statement",
            )


def _note(*words: str) -> dict[str, Any]:
    return {"type": "note", "blocks": [para(w) for w in words]}


@rule(
    code="MRS504",
    name="requirement-in-note-or-example",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 24.5 and 24.6 (notes and examples contain no "
    "requirements); GB/T 1.1-2020, 9.8",
    summary="Notes and examples, including notes to entry, state no requirement (shall, must, "
    "应, 必须).",
    bad=extra_clause(para("Widgets are counted."), _note("Counters shall be calibrated.")),
    good=extra_clause(
        para("Widgets are counted."), _note("Calibrated counters give better results.")
    ),
)
def note_requirement(ctx: Context) -> Iterator[Finding]:
    yield from _in_notes(
        ctx, {R, EXT}, "move the requirement into the text, or rephrase it as a fact"
    )


@rule(
    code="MRS505",
    name="removed-negative-permission",
    severity="error",
    profiles=("generic", "iso"),
    citation="ISO/IEC Directives Part 2:2021, 7 (Table 5: 'may not' and 'need not' are no "
    "longer permission forms)",
    summary="'may not' and 'need not' are not used.",
    bad=extra_clause(para("The label need not be printed in colour.")),
    good=extra_clause(para("The label may be printed in black and white.")),
)
def negative_permission(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units_containing("may not", "need not"):
        match = _NEGATIVE_PERMISSION.search(unit.text)
        if match is not None:
            written = " ".join(match.group().split())
            yield ctx.report(
                unit.loc,
                f"{written!r} is no longer a permission form",
                hint="use 'shall not' for a prohibition, or say that something is not required",
            )


def _annex(obligation: str, *blocks: Any) -> dict[str, Any]:
    return {
        "annexes": [
            {
                "id": "annex-a",
                "label": "A",
                "kind": "annex",
                "obligation": obligation,
                "title": [text("Worked example")],
                "blocks": list(blocks),
            }
        ]
    }


@rule(
    code="MRS506",
    name="requirement-in-informative-annex",
    severity="warning",
    profiles=("iso", "gb"),
    citation="ISO/IEC Directives Part 2:2021, 20.2 (informative annexes give additional "
    "information; only optional requirements)",
    summary="An informative annex states no requirement, unless it is an optional one.",
    bad=_annex("informative", para("The counter shall be reset daily.")),
    good=_annex("normative", para("The counter shall be reset daily.")),
)
def informative_annex(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx, INFORMATIVE_ANNEX, NOTE | EXAMPLE | DEFINITION):
        found = _first(unit, {R, EXT})
        if found is not None:
            yield ctx.report(
                unit.loc,
                f"an informative annex contains the requirement form {found.written!r}",
                hint="make the annex normative, or state the requirement as optional",
            )


_COMPATIBLE = {
    R: {R},
    REC: {REC},
    P: {P},
    POS: {POS, CAP},
    CAP: {CAP, POS},
    EXT: {EXT},
}


@rule(
    code="MRS507",
    name="provision-kind-mismatch",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 7 (Tables 3 to 7, verbal forms of each kind of "
    "provision); GB/T 1.1-2020, 9.1",
    summary="A paragraph or span marked as one kind of provision uses the verbal form of that "
    "kind, and one marked as a statement uses none.",
    bad=extra_clause(para("Widgets should be counted twice.", provision="requirement")),
    good=extra_clause(para("Widgets shall be counted twice.", provision="requirement")),
)
def kind_mismatch(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.index.units:
        marked = unit.marked
        if marked is None:
            continue
        found = {f.kind: f for f in forms(unit.text)}
        if marked is ProvisionKind.STATEMENT:
            strong = [f for k, f in found.items() if k in (R, REC, P, EXT)]
            if strong:
                yield ctx.report(
                    unit.loc,
                    f"marked as a statement but uses the {strong[0].kind.value} form "
                    f"{strong[0].written!r}",
                )
            continue
        if found and not set(found) & _COMPATIBLE.get(marked, {marked}):
            first = next(iter(found.values()))
            yield ctx.report(
                unit.loc,
                f"marked as a {marked.value} but uses the {first.kind.value} form "
                f"{first.written!r}",
                hint=f"use {_PREFERRED.get(marked, 'the matching form')!r}, or correct the mark",
            )


@rule(
    code="MRS508",
    name="equivalent-expression",
    severity="info",
    profiles=("generic", "iso"),
    citation="ISO/IEC Directives Part 2:2021, 7 (Tables 3 to 6: equivalent expressions are for "
    "exceptional cases only)",
    summary="Provisions use the preferred verbal forms (shall, should, may, can) rather than "
    "equivalents such as 'is required to' or 'has to'.",
    bad=extra_clause(para("The operator has to record each count.")),
    good=extra_clause(para("The operator shall record each count.")),
)
def equivalent_expression(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units_containing(*_EQUIVALENT_WORDS):
        match = _EQUIVALENTS.search(unit.text)
        if match is not None:
            written = " ".join(match.group().split())
            found = next(forms(written), None)
            preferred = _PREFERRED.get(found.kind) if found is not None else None
            yield ctx.report(
                unit.loc,
                f"the equivalent expression {written!r} is used",
                hint=f"prefer {preferred!r}" if preferred else None,
            )


@rule(
    code="MRS509",
    name="provision-in-note-or-example",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 24.5 and 24.6 (notes and examples are "
    "informative: no recommendations or permissions either)",
    summary="Notes and examples state no recommendation or permission (should, may; 宜, 可以).",
    bad=extra_clause(para("Widgets are counted."), _note("Counters should be calibrated.")),
    good=extra_clause(
        para("Widgets are counted."), _note("Calibrated counters give better results.")
    ),
)
def note_provision(ctx: Context) -> Iterator[Finding]:
    yield from _in_notes(ctx, {REC, P}, "rephrase it as a fact; use 'can' for a possibility")


def _in_notes(ctx: Context, kinds: set[ProvisionKind], hint: str) -> Iterator[Finding]:
    """A finding for each note or example holding one of these kinds of provision."""
    for unit in _units(ctx, NOTE | EXAMPLE, DEFINITION):
        found = _first(unit, kinds)
        if found is not None:
            where = "a note" if unit.flags & NOTE else "an example"
            kind = "requirement" if found.kind in (R, EXT) else found.kind.value
            yield ctx.report(
                unit.loc, f"{where} contains the {kind} form {found.written!r}", hint=hint
            )


@rule(
    code="MRS510",
    name="requirement-in-scope",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 14 (the scope is a statement of subject and "
    "contains no requirements); GB/T 1.1-2020, 8.5",
    summary="The scope states no requirement.",
    bad=body(
        scope={**SCOPE_CLAUSE, "blocks": [para("Widgets shall be counted as specified here.")]}
    ),
    good=body(
        scope={**SCOPE_CLAUSE, "blocks": [para("This document specifies how widgets are counted.")]}
    ),
)
def scope_requirement(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx, SCOPE):
        found = _first(unit, {R, EXT})
        if found is not None:
            yield ctx.report(
                unit.loc,
                f"the scope contains the requirement form {found.written!r}",
                hint="state requirements in the body; the scope says what the document covers",
            )


@rule(
    code="MRS511",
    name="requirement-in-introduction",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 2:2021, 13 (the introduction contains no requirements); "
    "GB/T 1.1-2020, 8.4",
    summary="The introduction states no requirement.",
    bad={
        "preface": [
            clause(
                "intro",
                None,
                "Introduction",
                para("Counters shall be calibrated."),
                kind="introduction",
            )
        ]
    },
    good={
        "preface": [
            clause(
                "intro",
                None,
                "Introduction",
                para("Counting errors are costly."),
                kind="introduction",
            )
        ]
    },
)
def introduction_requirement(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx, INTRODUCTION):
        found = _first(unit, {R, EXT})
        if found is not None:
            yield ctx.report(
                unit.loc,
                f"the introduction contains the requirement form {found.written!r}",
                hint="state requirements in the body",
            )
