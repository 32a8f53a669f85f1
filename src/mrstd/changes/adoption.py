"""An adoption's deviations: what an adopting layer (national or regional) adds to, deletes
from and modifies in the text it adopts, and the degree of correspondence that evidence
supports, beside the degree the document declares.

The degrees are those of ISO/IEC Guide 21-1:2005 and GB/T 20000.2-2009 (domain notes,
section 1): IDT when the technical content and structure are the same and only minimal
editorial changes are made; MOD when technical deviations are made and each is identified
and explained (or the structure differs clearly); NEQ when they are not identified, or when
much of the adopted text is not kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..errors import MrstdError
from ..model import Document, Layer, Obligation
from .compare import Comparison, side
from .result import (
    AdoptionDiff,
    AdoptionReport,
    Change,
    ChangeKind,
    Degree,
    UnitKind,
)
from .units import Outline, outline

#: Words that say a document lists its deviations from the text it adopts (English,
#: French, German, Chinese).
_DEVIATIONS = re.compile(
    r"deviation|difference|modification|modified|écart|modifi|abweichung|änderung|差异|修改|变化",
    re.IGNORECASE,
)
#: Changes that touch the technical content (the others are editorial or structural).
_TECHNICAL = frozenset(
    {
        ChangeKind.PROVISION_STRENGTH,
        ChangeKind.VALUE_CHANGED,
        ChangeKind.UNIT_CHANGED,
        ChangeKind.REFERENCE_CHANGED,
        ChangeKind.DESIGNATION_CHANGED,
    }
)
_STRUCTURAL = frozenset({ChangeKind.MOVED, ChangeKind.RENUMBERED})
#: Below this share of the adopted provisions kept, the adoption is not equivalent.
_KEPT = 0.5


def adoption_diff(doc: Document, adopted: Document | None = None) -> AdoptionDiff:
    """Each step of ``doc``'s adoption chain compared: the outermost layer with the one it
    adopts, that one with the next, and so on. A document that holds no adopted layer is
    compared with ``adopted``, the text it adopts, given separately."""
    layers: list[Any] = list(doc.layers())  # the Document, then its Layers
    if adopted is not None:
        layers = [layers[0], *adopted.layers()]
    if len(layers) < 2:
        raise MrstdError(
            f"{doc.metadata.identifier.value} holds no adopted layer: give the document it "
            "adopts as well"
        )
    steps = []
    for number in range(len(layers) - 1):
        steps.append(_step(layers, number, adopted is not None and number == 0))
    return AdoptionDiff(steps=tuple(steps))


def _step(layers: Sequence[Document | Layer], number: int, separate: bool) -> AdoptionReport:
    adopting, inner = layers[number], layers[number + 1]
    # The text the adopting layer publishes: its own clauses when it republishes the text
    # (it has a body), or else the adopted text itself with the adopting layer's additions.
    text = _innermost_with_body(layers, number)
    inner_text = _innermost_with_body(layers, number + 1)
    prefix = "adopted." * number
    inner_prefix = "" if separate else "adopted." * (number + 1)
    new = outline(adopting, number, prefix)
    additions: list[Change] = []
    deletions: list[Change] = []
    modifications: list[Change] = []
    if text is adopting:
        old = outline(inner_text, number + 1, inner_prefix if inner_text is inner else "")
        comparison = Comparison.of_outlines(old, new)
        for change, _node in comparison.placed():
            if change.kind is ChangeKind.METADATA_CHANGED:
                continue
            if change.kind is ChangeKind.ADDED:
                additions.append(change)
            elif change.kind is ChangeKind.REMOVED:
                deletions.append(change)
            else:
                modifications.append(change)
        translation = comparison.translation
        kept = _kept_share(comparison.aligned, old)
    else:
        additions = _additions(new)
        translation = False
        kept = 1.0
    declared = next(iter(adopting.metadata.adoptions), None)
    supported, reasons = _degree(new, additions, deletions, modifications, translation, kept)
    return AdoptionReport(
        adopting=side(adopting),
        adopted=side(inner),
        declared=Degree(declared.degree.value) if declared is not None else None,
        supported=supported,
        reasons=tuple(reasons),
        additions=tuple(additions),
        deletions=tuple(deletions),
        modifications=tuple(modifications),
        translation=translation,
    )


def _innermost_with_body(layers: Sequence[Document | Layer], number: int) -> Document | Layer:
    for layer in layers[number:]:
        if layer.body:
            return layer
    return layers[-1]


def _additions(new: Outline) -> list[Change]:
    """Every clause of a layer that only adds to the text it adopts (a national foreword, a
    national annex)."""
    changes = []
    for group in new.roots.values():
        for section in group:
            name = f"{section.kind.value} {section.label or ''} “{section.title.strip()}”"
            changes.append(
                Change(
                    kind=ChangeKind.ADDED,
                    unit=section.kind,
                    new=section.place(),
                    after=section.title.strip() or None,
                    detail=" ".join(f"{name} added ({section.group})".split()),
                )
            )
    return changes


def _kept_share(aligned: dict[str, int], old: Outline) -> float:
    total = len(old.paragraphs)
    return aligned.get(UnitKind.PARAGRAPH.value, 0) / total if total else 1.0


def _editorial_addition(change: Change, new: Outline) -> bool:
    """An addition an identical adoption may make: front matter (foreword, introduction),
    back matter, and informative annexes."""
    place = change.new
    if place is None:
        return False
    if place.path.split(".")[-1].startswith(("preface", "back")) or ".preface[" in place.path:
        return True
    if change.unit is UnitKind.ANNEX:
        section = next((s for s in new.sections if s.path == place.path), None)
        return section is not None and section.node.obligation is not Obligation.NORMATIVE
    return False


def _identified(new: Outline) -> str | None:
    """The clause of the adopting text that lists its deviations, if one does (its title,
    or its text in a foreword, says so)."""
    for section in new.sections:
        if _DEVIATIONS.search(section.title):
            return f"{section.kind.value} {section.label or ''} “{section.title.strip()}”"
    for section in new.sections:
        if section.group == "preface":
            for unit in section.units:
                if _DEVIATIONS.search(unit.text):
                    return f"the foreword (“{unit.text.strip()[:60]}”)"
    return None


def _degree(
    new: Outline,
    additions: list[Change],
    deletions: list[Change],
    modifications: list[Change],
    translation: bool,
    kept: float,
) -> tuple[Degree, list[str]]:
    editorial = [c for c in additions if _editorial_addition(c, new)]
    technical = [c for c in additions if c not in editorial]
    technical += deletions
    technical += [c for c in modifications if c.kind in _TECHNICAL]
    wording = [
        c
        for c in modifications
        if c.kind is ChangeKind.TEXT_EDITED and any(_words(e.old) != _words(e.new) for e in c.edits)
    ]
    structural = [c for c in modifications if c.kind in _STRUCTURAL]
    reasons: list[str] = []
    if translation:
        reasons.append(
            "the layers are in different languages: compared by structure, provisions, "
            "values and references, not word by word"
        )
    if editorial:
        reasons.append(
            f"{len(editorial)} additions an identical adoption may make (front matter, back "
            "matter, informative annexes): " + "; ".join(c.detail for c in editorial[:5])
        )
    if not technical and not wording and not structural:
        reasons.append("the adopted text is unchanged in technical content and structure")
        return Degree.IDT, reasons
    counts = []
    if technical:
        counts.append(f"{len(technical)} technical deviations")
    if wording:
        counts.append(f"{len(wording)} texts reworded")
    if structural:
        counts.append(f"{len(structural)} structural changes (moved or renumbered)")
    reasons.append(
        ", ".join(counts)
        + ": "
        + "; ".join(c.detail for c in (technical + wording + structural)[:5])
    )
    if kept < _KEPT:
        reasons.append(f"only {kept:.0%} of the adopted paragraphs are kept")
        return Degree.NEQ, reasons
    where = _identified(new)
    if where is None:
        reasons.append("the deviations are not identified in the document (no clause lists them)")
        return Degree.NEQ, reasons
    reasons.append(f"the deviations are identified in {where}")
    return Degree.MOD, reasons


def _words(text: str) -> list[str]:
    """A text's words, case and punctuation aside: an edit that changes neither is editorial."""
    return re.findall(r"\w+", text.casefold())
