"""Adoption and relations: degrees of correspondence, double numbers, relation dates."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from ..ids import Identifier
from ..model import Degree, Metadata, RelationKind
from ._common import date_year, document_key, id_year, is_chinese_national, own_year, parse_id
from .context import Context, Loc
from .metadata import gb_meta
from .registry import Finding, rule
from .samples import meta

ALL = ("generic", "iso", "gb")

#: Bodies whose documents are international or regional standards (ISO/IEC Guide 21-1:2005, 3).
INTERNATIONAL_BODIES = frozenset(
    {
        "ISO",
        "IEC",
        "ITU",
        "ITU-T",
        "ITU-R",
        "CEN",
        "CENELEC",
        "ETSI",
        "EN",
        "OIML",
        "CODEX",
        "IIW",
        "CIE",
        "EASC",
        "GSO",
        "ARSO",
        "COPANT",
        "PASC",
    }
)

#: Relaton's document relation types (relaton-models DocumentRelationType).
RELATON_RELATION_TYPES = frozenset(
    [
        "includes",
        "includedIn",
        "hasPart",
        "partOf",
        "merges",
        "mergedInto",
        "splits",
        "splitInto",
        "instanceOf",
        "hasInstance",
        "exemplarOf",
        "hasExemplar",
        "manifestationOf",
        "hasManifestation",
        "reproductionOf",
        "hasReproduction",
        "reprintOf",
        "hasReprint",
        "expressionOf",
        "hasExpression",
        "translatedFrom",
        "hasTranslation",
        "arrangementOf",
        "hasArrangement",
        "abridgementOf",
        "hasAbridgement",
        "annotationOf",
        "hasAnnotation",
        "draftOf",
        "hasDraft",
        "hasPredecessorDraft",
        "predecessorDraftOf",
        "hasSuccessorDraft",
        "successorDraftOf",
        "editionOf",
        "hasEdition",
        "updates",
        "updatedBy",
        "derivedFrom",
        "derives",
        "describes",
        "describedBy",
        "catalogues",
        "cataloguedBy",
        "hasSuccessor",
        "successorOf",
        "adaptedFrom",
        "hasAdaptation",
        "adoptedFrom",
        "adoptedAs",
        "reviewOf",
        "hasReview",
        "commentaryOf",
        "hasCommentary",
        "identical",
        "nonequivalent",
        "equivalent",
        "related",
        "hasComplement",
        "complementOf",
        "obsoletes",
        "obsoletedBy",
        "cites",
        "isCitedIn",
    ]
)


def _metadata(ctx: Context) -> Iterator[tuple[Metadata, Loc]]:
    for layer in ctx.layers:
        yield layer.layer.metadata, (*layer.loc, "metadata")


def _adoption(identifier: str, degree: str, **extra: Any) -> dict[str, Any]:
    return {"identifier": identifier, "degree": degree, **extra}


_DEVIATION = {"clause": "4", "change": "Widgets are counted once.", "reason": "National practice."}


@rule(
    code="MRS701",
    name="idt-adopts-one-document",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Guide 21-1:2005, 4.2 (an identical adoption corresponds to exactly one "
    "international standard)",
    summary="An IDT adoption names exactly one adopted document.",
    bad=gb_meta(
        identifier={"value": "GB/T 30001-2020/ISO 12345:2019"},
        adoptions=[_adoption("ISO 12345:2019", "IDT"), _adoption("ISO 12346:2019", "IDT")],
    ),
    good=gb_meta(
        identifier={"value": "GB/T 30001-2020/ISO 12345:2019"},
        adoptions=[_adoption("ISO 12345:2019", "IDT")],
    ),
)
def idt_one(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        links = metadata.adoptions
        if len(links) > 1 and any(a.degree is Degree.IDT for a in links):
            yield ctx.report(
                (*loc, "adoptions"),
                f"an identical (IDT) adoption names {len(links)} adopted documents",
                hint="an adoption of several documents is MOD or NEQ",
            )


@rule(
    code="MRS702",
    name="mod-without-deviations",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Guide 21-1:2005, 4.3 (a modified adoption identifies and explains each "
    "technical deviation)",
    summary="A MOD adoption lists its technical deviations.",
    bad=gb_meta(adoptions=[_adoption("ISO 12345:2019", "MOD")]),
    good=gb_meta(adoptions=[_adoption("ISO 12345:2019", "MOD", deviations=[_DEVIATION])]),
)
def mod_deviations(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        for i, link in enumerate(metadata.adoptions):
            if link.degree is Degree.MOD and not link.deviations:
                yield ctx.report(
                    (*loc, "adoptions", i),
                    f"the modified (MOD) adoption of {link.identifier} lists no deviations",
                    hint="list each technical deviation with its clause and reason",
                )


@rule(
    code="MRS703",
    name="gb-idt-double-number",
    severity="error",
    profiles=("gb",),
    citation="GB/T 20000.2-2009 (identical adoptions carry the double number, e.g. "
    "GB/T 19001-2016/ISO 9001:2015); domain notes, section 1",
    summary="A Chinese national standard that adopts a document IDT carries the double number.",
    bad=gb_meta(adoptions=[_adoption("ISO 12345:2019", "IDT")]),
    good=gb_meta(
        identifier={"value": "GB/T 30001-2020/ISO 12345:2019"},
        adoptions=[_adoption("ISO 12345:2019", "IDT")],
    ),
)
def gb_double_number(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        if not is_chinese_national(metadata):
            continue
        for link in metadata.adoptions:
            if link.degree is not Degree.IDT:
                continue
            adopted = document_key(link.identifier)
            numbers = [
                metadata.identifier.value,
                *(a.value for a in metadata.alternate_identifiers),
            ]
            if not any(_dual_of(n, adopted) for n in numbers):
                yield ctx.report(
                    (*loc, "identifier"),
                    f"an IDT adoption of {link.identifier} but the number is not the double number",
                    hint=f"use {metadata.identifier.value}/{link.identifier}",
                )
                break


def _dual_of(number: str, adopted: tuple[Any, ...] | None) -> bool:
    ident = parse_id(number)
    if ident is None or ident.adoption != "dual" or ident.adopts is None:
        return False
    return adopted is None or ident.adopts.document_key == adopted


@rule(
    code="MRS704",
    name="adopted-body-not-international",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Guide 21-1:2005, 1 and 3 (adoption of international and regional standards)",
    summary="The adopted document belongs to an international or regional standards body "
    "(ISO, IEC, ITU, CEN, CENELEC, ETSI...).",
    bad=gb_meta(adoptions=[_adoption("JIS Z 8301:2019", "NEQ")]),
    good=gb_meta(adoptions=[_adoption("ISO 12345:2019", "NEQ")]),
)
def adopted_body(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        for i, link in enumerate(metadata.adoptions):
            ident = parse_id(link.identifier)
            if ident is None:
                continue
            bodies = {ident.body.upper(), *(p.upper() for p in ident.publisher)}
            if not bodies & INTERNATIONAL_BODIES:
                yield ctx.report(
                    (*loc, "adoptions", i, "identifier"),
                    f"{link.identifier} is published by {ident.body}, which is not an "
                    "international or regional body",
                    hint="an adoption takes over an international or regional standard; record "
                    "other links as relations",
                )


_SUPERSEDING = {RelationKind.SUPERSEDES, RelationKind.REVISES}
_SUPERSEDED = {RelationKind.SUPERSEDED_BY, RelationKind.REVISED_BY}


def _relation_year(identifier: str, date: str | None) -> tuple[int | None, str]:
    """The year of a related document, and where it comes from: its designation first (a
    relation's date may be when it was circulated or recorded, not the document's year)."""
    year = id_year(identifier)
    if year is not None:
        return year, "its designation's year"
    return date_year(date), "the relation's date"


#: The relation a document has with a supplement of its own, by the supplement's kind.
_SUPPLEMENT_RELATION = {"AMD": RelationKind.AMENDED_BY, "COR": RelationKind.CORRECTED_BY}


def _reverse_hint(target: Identifier | None, own: Identifier | None, reverse: RelationKind) -> str:
    """What to use instead of a relation that runs the wrong way: for a supplement of this
    very document (``ISO 1:2005`` and ``ISO 1:2005/Amd 1:2009``), the supplement relation."""
    if target is not None and target.supplements and own is not None:
        base = dataclasses.replace(target, supplements=())
        better = _SUPPLEMENT_RELATION.get(target.supplements[-1].kind.upper()[:3])
        if better is not None and base.document_key == own.document_key:
            return f"{target} is a supplement of this document: use {better.value}"
    return f"the relation runs the wrong way: use {reverse.value}"


def _relations(ctx: Context) -> Iterator[tuple[Metadata, Loc, int | None]]:
    for metadata, loc in _metadata(ctx):
        yield metadata, loc, own_year(metadata)


@rule(
    code="MRS705",
    name="supersedes-newer-document",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 1, 2.7 (a revision cancels and replaces the previous "
    "edition); domain notes, section 4 (relations that run the wrong way)",
    summary="A document supersedes only older editions and published documents, and is "
    "superseded only by newer ones.",
    bad=meta(relations=[{"kind": "supersedes", "identifier": "ISO 12345:2024"}]),
    good=meta(relations=[{"kind": "supersedes", "identifier": "ISO 12345:2011"}]),
)
def supersedes_direction(ctx: Context) -> Iterator[Finding]:
    for metadata, loc, year in _relations(ctx):
        own = parse_id(metadata.identifier.value)
        for i, relation in enumerate(metadata.relations):
            other, source = _relation_year(relation.identifier, relation.date)
            target = parse_id(relation.identifier)
            where = (*loc, "relations", i)
            if relation.kind in _SUPERSEDING:
                if year is not None and other is not None and other > year:
                    yield ctx.report(
                        where,
                        f"this {year} document {relation.kind.value} {relation.identifier}, which "
                        f"is newer ({other}, {source})",
                        hint=_reverse_hint(target, own, RelationKind.SUPERSEDED_BY),
                    )
                elif target is not None and target.stage is not None:
                    yield ctx.report(
                        where,
                        f"this document {relation.kind.value} the draft {relation.identifier}",
                        hint="a published document supersedes published editions, not drafts",
                    )
            elif relation.kind in _SUPERSEDED and year and other and other < year:
                yield ctx.report(
                    where,
                    f"this {year} document is {relation.kind.value.replace('-', ' ')} "
                    f"{relation.identifier}, which is older ({other}, {source})",
                    hint=_reverse_hint(target, own, RelationKind.SUPERSEDES),
                )


@rule(
    code="MRS706",
    name="supplement-predates-base",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Directives Part 1, 2.10 (amendments and corrigenda alter a published "
    "document); domain notes, section 4",
    summary="An amendment or corrigendum does not predate the document it amends, and a "
    "document is not amended by something older than itself.",
    bad=meta(
        identifier={"value": "ISO 12345:2020/Amd 1:2022"},
        doc_type="amendment",
        dates={"published": "2022-05-01"},
        relations=[{"kind": "amends", "identifier": "ISO 12345:2024"}],
    ),
    good=meta(
        identifier={"value": "ISO 12345:2020/Amd 1:2022"},
        doc_type="amendment",
        dates={"published": "2022-05-01"},
        relations=[{"kind": "amends", "identifier": "ISO 12345:2020"}],
    ),
)
def supplement_direction(ctx: Context) -> Iterator[Finding]:
    for metadata, loc, year in _relations(ctx):
        if year is None:
            continue
        for i, relation in enumerate(metadata.relations):
            other, source = _relation_year(relation.identifier, relation.date)
            if other is None:
                continue
            kind = relation.kind
            if kind in (RelationKind.AMENDS, RelationKind.CORRECTS) and other > year:
                yield ctx.report(
                    (*loc, "relations", i),
                    f"this {year} supplement {kind.value} {relation.identifier}, which is newer "
                    f"({other}, {source})",
                    hint="a supplement applies to an earlier edition; check the relation type",
                )
            elif kind in (RelationKind.AMENDED_BY, RelationKind.CORRECTED_BY) and other < year:
                yield ctx.report(
                    (*loc, "relations", i),
                    f"this {year} document is {kind.value.replace('-', ' ')} "
                    f"{relation.identifier}, which is older ({other}, {source})",
                    hint="the relation runs the wrong way",
                )


@rule(
    code="MRS707",
    name="unknown-relation-type",
    severity="warning",
    profiles=ALL,
    citation="Relaton document relation types (relaton-models, DocumentRelationType)",
    summary="A relation of kind 'other' keeps an original type from the known relation vocabulary.",
    bad=meta(
        relations=[
            {"kind": "other", "identifier": "ISO 12345:2011", "original_type": "replacedWith"}
        ]
    ),
    good=meta(
        relations=[{"kind": "other", "identifier": "ISO 12345:2011", "original_type": "hasEdition"}]
    ),
)
def unknown_relation(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        for i, relation in enumerate(metadata.relations):
            if relation.kind is not RelationKind.OTHER:
                continue
            original = relation.original_type
            if original is None:
                yield ctx.report(
                    (*loc, "relations", i), "a relation of kind other gives no original type"
                )
            elif original not in RELATON_RELATION_TYPES:
                yield ctx.report(
                    (*loc, "relations", i, "original_type"),
                    f"relation type {original!r} is not in the relation vocabulary",
                    hint="use a typed kind, or a Relaton relation type",
                )


def _adopted_layer(identifier: str, degree: str | None = "IDT") -> dict[str, Any]:
    adoptions = [_adoption("ISO 12345:2019", degree)] if degree else []
    return {
        "metadata": {
            **gb_meta(identifier={"value": "GB/T 30001-2020/ISO 12345:2019"}, adoptions=adoptions)[
                "metadata"
            ]
        },
        "adopted": {
            "metadata": {
                "identifier": {"value": identifier},
                "titles": [{"language": "en", "main": "Widgets"}],
            }
        },
    }


#: STS metadata elements: ISOSTS reg-meta and nat-meta (and NISO STS std-meta) nest what a
#: document adopts, and have no element for the link itself (its degree).
_STS_META = frozenset({"iso-meta", "reg-meta", "nat-meta", "std-meta", "std-doc-meta"})


@rule(
    code="MRS708",
    name="adopted-layer-mismatch",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Guide 21-1:2005, 4 (the adopting document identifies the document it adopts)",
    summary="A layer that holds an adopted layer names that document in its adoption links.",
    bad=_adopted_layer("ISO 12399:2019"),
    good=_adopted_layer("ISO 12345:2019"),
)
def adopted_layer(ctx: Context) -> Iterator[Finding]:
    for info in ctx.layers:
        inner = info.layer.adopted
        if inner is None:
            continue
        metadata = info.layer.metadata
        inner_id = inner.metadata.identifier.value
        loc = (*info.loc, "metadata", "adoptions")
        if not metadata.adoptions:
            if metadata.source_element in _STS_META:
                continue  # nested STS metadata: the nesting is all the format can say
            yield ctx.report(
                loc,
                f"the layer adopts {inner_id} but records no adoption link",
                hint="add an adoption link with its degree (IDT, MOD, NEQ)",
            )
            continue
        key = document_key(inner_id)
        if not any(document_key(link.identifier) == key for link in metadata.adoptions):
            names = ", ".join(link.identifier for link in metadata.adoptions)
            yield ctx.report(
                loc,
                f"the adopted layer is {inner_id}, but the adoption links name {names}",
            )


@rule(
    code="MRS709",
    name="relation-to-itself",
    severity="warning",
    profiles=ALL,
    citation="Relaton document relations (a relation links two different documents)",
    summary="No relation points at the document itself.",
    bad=meta(relations=[{"kind": "supersedes", "identifier": "ISO 12345:2022"}]),
    good=meta(relations=[{"kind": "supersedes", "identifier": "ISO 12345:2011"}]),
)
def self_relation(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        own = parse_id(metadata.identifier.value)
        if own is None:
            continue
        for i, relation in enumerate(metadata.relations):
            if parse_id(relation.identifier) == own:
                yield ctx.report(
                    (*loc, "relations", i),
                    f"the relation {relation.kind.value} points at the document itself",
                )


@rule(
    code="MRS710",
    name="gb-double-number-not-idt",
    severity="error",
    profiles=("gb",),
    citation="GB/T 20000.2-2009 (only identical adoptions carry the double number; MOD and NEQ "
    "carry the Chinese number only); domain notes, section 1",
    summary="A Chinese standard with a double number adopts its document IDT.",
    bad=gb_meta(
        identifier={"value": "GB/T 30001-2020/ISO 12345:2019"},
        adoptions=[_adoption("ISO 12345:2019", "MOD", deviations=[_DEVIATION])],
    ),
    good=gb_meta(adoptions=[_adoption("ISO 12345:2019", "MOD", deviations=[_DEVIATION])]),
)
def gb_dual_not_idt(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        ident = parse_id(metadata.identifier.value)
        if ident is None or ident.adoption != "dual" or ident.adopts is None:
            continue
        key = ident.adopts.document_key
        for i, link in enumerate(metadata.adoptions):
            if document_key(link.identifier) == key and link.degree is not Degree.IDT:
                yield ctx.report(
                    (*loc, "adoptions", i, "degree"),
                    f"{metadata.identifier.value} is a double number, but the adoption is "
                    f"{link.degree.value}",
                    hint="a MOD or NEQ adoption carries only its own number",
                )


@rule(
    code="MRS711",
    name="idt-with-deviations",
    severity="warning",
    profiles=ALL,
    citation="ISO/IEC Guide 21-1:2005, 4.2 (IDT: identical technical content, only minimal "
    "editorial changes)",
    summary="An IDT adoption lists no technical deviations.",
    bad=gb_meta(
        identifier={"value": "GB/T 30001-2020/ISO 12345:2019"},
        adoptions=[_adoption("ISO 12345:2019", "IDT", deviations=[_DEVIATION])],
    ),
    good=gb_meta(
        identifier={"value": "GB/T 30001-2020/ISO 12345:2019"},
        adoptions=[_adoption("ISO 12345:2019", "IDT")],
    ),
)
def idt_deviations(ctx: Context) -> Iterator[Finding]:
    for metadata, loc in _metadata(ctx):
        for i, link in enumerate(metadata.adoptions):
            if link.degree is Degree.IDT and link.deviations:
                yield ctx.report(
                    (*loc, "adoptions", i, "deviations"),
                    f"the identical (IDT) adoption of {link.identifier} lists technical deviations",
                    hint="with technical deviations the degree is MOD",
                )


@rule(
    code="MRS712",
    name="adoption-predates-source",
    severity="error",
    profiles=ALL,
    citation="ISO/IEC Guide 21-1:2005, 4 (an adoption is based on a published international "
    "standard)",
    summary="A document does not adopt an edition published after it.",
    bad=gb_meta(adoptions=[_adoption("ISO 12345:2023", "NEQ")]),
    good=gb_meta(adoptions=[_adoption("ISO 12345:2019", "NEQ")]),
)
def adoption_date(ctx: Context) -> Iterator[Finding]:
    for metadata, loc, year in _relations(ctx):
        if year is None:
            continue
        for i, link in enumerate(metadata.adoptions):
            other = id_year(link.identifier)
            if other is not None and other > year:
                yield ctx.report(
                    (*loc, "adoptions", i, "identifier"),
                    f"this {year} document adopts {link.identifier}, published later ({other})",
                )
