"""Relaton vocabularies and how they map onto the model (see docs/relaton.md)."""

from __future__ import annotations

from ...model import (
    ContributorRole,
    DateType,
    Degree,
    DocumentType,
    IdentifierType,
    Mandate,
    RelationKind,
    StandardScope,
)

K = RelationKind

#: Every Relaton relation type (relaton-models DocumentRelationType, grammars 1.20 and v3)
#: with the model's kind. A type whose kind maps back to another type keeps its name
#: in ``original_type``; a type missing here is kept as kind ``other``.
RELATION_KINDS: dict[str, RelationKind] = {
    "includes": K.HAS_PART,
    "includedIn": K.PART_OF,
    "hasPart": K.HAS_PART,
    "partOf": K.PART_OF,
    "merges": K.OTHER,
    "mergedInto": K.OTHER,
    "splits": K.OTHER,
    "splitInto": K.OTHER,
    "instanceOf": K.INSTANCE_OF,
    "hasInstance": K.HAS_INSTANCE,
    # Relaton defines instanceOf as the cover-all of the FRBR relations below.
    "exemplarOf": K.INSTANCE_OF,
    "hasExemplar": K.HAS_INSTANCE,
    "manifestationOf": K.INSTANCE_OF,
    "hasManifestation": K.HAS_INSTANCE,
    "reproductionOf": K.INSTANCE_OF,
    "hasReproduction": K.HAS_INSTANCE,
    "reprintOf": K.INSTANCE_OF,
    "hasReprint": K.HAS_INSTANCE,
    "expressionOf": K.INSTANCE_OF,
    "hasExpression": K.HAS_INSTANCE,
    "translatedFrom": K.TRANSLATION_OF,
    "hasTranslation": K.HAS_TRANSLATION,
    "arrangementOf": K.OTHER,
    "hasArrangement": K.OTHER,
    "abridgementOf": K.OTHER,
    "hasAbridgement": K.OTHER,
    "annotationOf": K.OTHER,
    "hasAnnotation": K.OTHER,
    "draftOf": K.DRAFT_OF,
    "hasDraft": K.HAS_DRAFT,
    "predecessorDraftOf": K.OTHER,
    "hasPredecessorDraft": K.OTHER,
    "successorDraftOf": K.OTHER,
    "hasSuccessorDraft": K.OTHER,
    "editionOf": K.OTHER,
    "hasEdition": K.OTHER,
    "updates": K.REVISES,
    "updatedBy": K.REVISED_BY,
    "derivedFrom": K.OTHER,
    "derives": K.OTHER,
    "describes": K.OTHER,
    "describedBy": K.OTHER,
    "catalogues": K.OTHER,
    "cataloguedBy": K.OTHER,
    "hasSuccessor": K.SUPERSEDED_BY,
    "successorOf": K.SUPERSEDES,
    "adaptedFrom": K.OTHER,
    "hasAdaptation": K.OTHER,
    "adoptedFrom": K.ADOPTS,
    "adoptedAs": K.ADOPTED_AS,
    "reviewOf": K.OTHER,
    "hasReview": K.OTHER,
    "commentaryOf": K.OTHER,
    "hasCommentary": K.OTHER,
    "identical": K.IDENTICAL,
    "nonequivalent": K.OTHER,
    "equivalent": K.EQUIVALENT,
    "related": K.RELATED,
    "hasComplement": K.OTHER,
    "complementOf": K.COMPLEMENTS,
    "obsoletes": K.SUPERSEDES,
    "obsoletedBy": K.SUPERSEDED_BY,
    "cites": K.CITES,
    "isCitedIn": K.CITED_BY,
}

#: Descriptions that refine ``updates``/``obsoletes`` (and their inverses) into a kind.
_FORWARD_REFINEMENTS: dict[str, RelationKind] = {
    "amends": K.AMENDS,
    "amendment": K.AMENDS,
    "corrects": K.CORRECTS,
    "corrigendum": K.CORRECTS,
    "revises": K.REVISES,
    "revision": K.REVISES,
    "replaces": K.SUPERSEDES,
    "supersedes": K.SUPERSEDES,
}
_INVERSE: dict[RelationKind, RelationKind] = {
    K.AMENDS: K.AMENDED_BY,
    K.CORRECTS: K.CORRECTED_BY,
    K.REVISES: K.REVISED_BY,
    K.SUPERSEDES: K.SUPERSEDED_BY,
}
_REFINABLE_FORWARD = {"updates", "obsoletes"}
_REFINABLE_INVERSE = {"updatedBy", "obsoletedBy"}

#: The Relaton type (and description) each kind is written as.
CANONICAL: dict[RelationKind, tuple[str, str | None]] = {
    K.SUPERSEDES: ("obsoletes", None),
    K.SUPERSEDED_BY: ("obsoletedBy", None),
    K.AMENDS: ("updates", "amends"),
    K.AMENDED_BY: ("updatedBy", "amends"),
    K.CORRECTS: ("updates", "corrects"),
    K.CORRECTED_BY: ("updatedBy", "corrects"),
    K.REVISES: ("updates", None),
    K.REVISED_BY: ("updatedBy", None),
    K.PART_OF: ("partOf", None),
    K.HAS_PART: ("hasPart", None),
    K.CITES: ("cites", None),
    K.CITED_BY: ("isCitedIn", None),
    K.ADOPTS: ("adoptedFrom", None),
    K.ADOPTED_AS: ("adoptedAs", None),
    K.TRANSLATION_OF: ("translatedFrom", None),
    K.HAS_TRANSLATION: ("hasTranslation", None),
    K.COMPLEMENTS: ("complementOf", None),
    K.INSTANCE_OF: ("instanceOf", None),
    K.HAS_INSTANCE: ("hasInstance", None),
    K.DRAFT_OF: ("draftOf", None),
    K.HAS_DRAFT: ("hasDraft", None),
    K.EQUIVALENT: ("equivalent", None),
    K.IDENTICAL: ("identical", None),
    K.RELATED: ("related", None),
    K.OTHER: ("related", None),
}


def relation_kind(rtype: str, description: str | None) -> RelationKind:
    """The model's kind for a Relaton relation type and its description."""
    kind = RELATION_KINDS.get(rtype, K.OTHER)
    refined = _FORWARD_REFINEMENTS.get((description or "").strip().lower())
    if refined is not None:
        if rtype in _REFINABLE_FORWARD:
            return refined
        if rtype in _REFINABLE_INVERSE:
            return _INVERSE[refined]
    return kind


#: Adoption degrees as Relaton writes them in an adoptedFrom/adoptedAs description.
DEGREE_WORDS: dict[Degree, str] = {
    Degree.IDT: "identical",
    Degree.MOD: "modified",
    Degree.NEQ: "nonequivalent",
}
_DEGREES: dict[str, Degree] = {
    "identical": Degree.IDT,
    "idt": Degree.IDT,
    "modified": Degree.MOD,
    "mod": Degree.MOD,
    "nonequivalent": Degree.NEQ,
    "non-equivalent": Degree.NEQ,
    "not equivalent": Degree.NEQ,
    "neq": Degree.NEQ,
}
ADOPTION_TYPES = {"adoptedFrom": False, "adoptedAs": True}


def degree_of(description: str | None) -> Degree | None:
    """The adoption degree a relation description names, if any."""
    return _DEGREES.get((description or "").strip().lower())


#: Relaton date types carried by the four main date fields.
MAIN_DATES: dict[str, str] = {
    "published": "published",
    "implemented": "implemented",
    "obsoleted": "withdrawn",
    "confirmed": "confirmed",
}
OTHER_DATES: dict[str, DateType] = {
    "created": DateType.CREATED,
    "issued": DateType.ISSUED,
    "updated": DateType.UPDATED,
    "circulated": DateType.CIRCULATED,
    "vote-started": DateType.VOTE_STARTED,
    "vote-ended": DateType.VOTE_ENDED,
    "announced": DateType.ANNOUNCED,
    "transmitted": DateType.TRANSMITTED,
    "copied": DateType.COPIED,
    "unchanged": DateType.UNCHANGED,
    "stable-until": DateType.STABLE_UNTIL,
    "adopted": DateType.ADOPTED,
}

ROLES: dict[str, ContributorRole] = {
    "publisher": ContributorRole.PUBLISHER,
    "author": ContributorRole.AUTHOR,
    "editor": ContributorRole.EDITOR,
    "authorizer": ContributorRole.AUTHORIZER,
    "distributor": ContributorRole.DISTRIBUTOR,
    "owner": ContributorRole.OWNER,
    "enabler": ContributorRole.ENABLER,
    "subject": ContributorRole.SUBJECT,
    "contributor": ContributorRole.CONTRIBUTOR,
    "other": ContributorRole.OTHER,
}

#: The GB extension's scope and mandate names (relaton-gb grammar) and the model's values.
GB_SCOPES: dict[str, StandardScope] = {
    "national": StandardScope.NATIONAL,
    "sector": StandardScope.SECTOR,
    "professional": StandardScope.SECTOR,
    "local": StandardScope.LOCAL,
    "enterprise": StandardScope.ENTERPRISE,
    "social-group": StandardScope.GROUP,
    "group": StandardScope.GROUP,
}
GB_MANDATES: dict[str, Mandate] = {
    "mandatory": Mandate.MANDATORY,
    "recommended": Mandate.RECOMMENDED,
    "guidelines": Mandate.GUIDANCE,
    "guidance": Mandate.GUIDANCE,
}
GB_NAMES: dict[StandardScope | Mandate, str] = {
    StandardScope.NATIONAL: "national",
    StandardScope.SECTOR: "sector",
    StandardScope.LOCAL: "local",
    StandardScope.ENTERPRISE: "enterprise",
    StandardScope.GROUP: "social-group",
    Mandate.MANDATORY: "mandatory",
    Mandate.RECOMMENDED: "recommended",
    Mandate.GUIDANCE: "guidelines",
}

DOCTYPES: dict[str, DocumentType] = {
    **{t.value: t for t in DocumentType},
    "technical-corrigendum": DocumentType.CORRIGENDUM,
    "directive": DocumentType.DIRECTIVES,
    "national": DocumentType.NATIONAL_STANDARD,
}

#: Identifier kinds whose Relaton type name is fixed; other types are kept as the scheme.
ID_TYPE_NAMES: dict[IdentifierType, str] = {
    IdentifierType.URN: "URN",
    IdentifierType.DOI: "DOI",
    IdentifierType.ISBN: "ISBN",
    IdentifierType.PROJECT: "project",
    IdentifierType.DOUBLE_NUMBER: "double-number",
    IdentifierType.DOCUMENT_NUMBER: "document-number",
    IdentifierType.OTHER: "other",
}
ID_TYPES: dict[str, IdentifierType] = {
    **{name: kind for kind, name in ID_TYPE_NAMES.items()},
    "isbn": IdentifierType.ISBN,
    "doi": IdentifierType.DOI,
    "urn": IdentifierType.URN,
}
