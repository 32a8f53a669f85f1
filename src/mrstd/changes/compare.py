"""Comparing two documents unit by unit: align them, then classify what differs.

Clauses are aligned level by level (in order by number and title, then by id, title or
number alone, then by the words they share), and whatever is left anywhere in the document
by id, title and words, which finds a clause moved under another parent. Paragraphs are
aligned inside each pair of aligned clauses; tables, figures, formulas, term entries and
references across the whole document, by id, number, caption or designation, and words.
A clause inserted before others renumbers them, which is reported as such: their text is
not edited, since a cross-reference is compared by its target, not its number.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ..ids import Identifier, IdentifierError, parse
from ..model import Document, Layer, Metadata
from ..rules.verbal import classify, forms, sentences
from .align import Alignment, by_position, by_unique_key, by_words, in_order, out_of_order
from .result import Change, ChangeKind, Diff, DocumentSide, Place, UnitKind, WordEdit
from .units import Outline, Section, Unit, is_number, join_words, normal, outlines, tokens

#: Unit symbols whose replacement after a number is a change of unit, not of wording.
UNITS = frozenset(
    """mm cm dm m km µm um nm pm mg g kg t ms s min h d µs ns °c °f k n kn mn pa kpa mpa gpa
    bar mbar v kv mv a ma µa w kw mw j kj mj hz khz mhz ghz l ml µl db dba % ‰ rpm lm lx cd
    mol ω kω mω f µf nf pf c ah mah wh kwh va var m2 m3 mm2 mm3 cm2 cm3 in ft lb psi""".split()  # noqa: SIM905
)
_SHORT = 120
#: Metadata fields that record the source format's markup, not the document.
_PROVENANCE = ("source_element",)
_TARGET = re.compile(r"⟨([^⟩]*)⟩")
_CLAUSE_SIMILARITY = 0.5
_UNIT_SIMILARITY = 0.4


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def _language(meta: Metadata) -> str | None:
    return str(meta.languages[0]).split("-")[0].lower() if meta.languages else None


def side(layer: Document | Layer) -> DocumentSide:
    """One document (or layer) compared: its identifier and language."""
    meta = layer.metadata
    language = str(meta.languages[0]) if meta.languages else None
    return DocumentSide(identifier=meta.identifier.value, language=language)


#: Two texts to compare: where the change stands, the old and new texts, the unit's kind,
#: its places, what the texts are (text, title, caption) and the node they are about.
_Texts = tuple[tuple[str, int], str, str, UnitKind, dict[str, Place], str, Any]


class Comparison:
    """One comparison of an old text with a new one: the alignment and the changes found."""

    def __init__(self) -> None:
        #: Each change, with where it stands: ("new", order) or ("old", order) until every
        #: pair is known and an old order can be placed in the new document.
        self.changes: list[tuple[tuple[str, int], Change, Any]] = []
        self.positions = _Positions()
        self.paired_new: set[int] = set()
        #: Texts of aligned units, compared once every pair is known (``compare_texts``).
        self.texts: list[
            tuple[tuple[str, int], str, str, UnitKind, dict[str, Place], str, Any]
        ] = []
        #: Old id → new id of every aligned unit (and the containers each opens).
        self.ids: dict[str, str] = {}
        #: What of the old document the redline shows, and where in the new one.
        self.old_places: list[tuple[tuple[str, Any], Any]] = []
        #: The compared texts of each changed unit, by its new node: the redline's words.
        self.redline_texts: dict[int, tuple[str, str]] = {}
        self.aligned: dict[str, int] = {}
        self.section_pairs: dict[int, Section] = {}  # id(old section) -> new section
        self.translation = False

    # ------------------------------------------------------------ the whole

    def run(self, old_doc: Document, new_doc: Document) -> Diff:
        """Compare two documents, layer by layer from the innermost (the adopted text is the
        last layer of both); a layer one of them has and the other has not is all added or
        all removed."""
        old_layers, new_layers = outlines(old_doc), outlines(new_doc)
        pairs = list(zip(reversed(old_layers), reversed(new_layers), strict=False))
        for old, new in reversed(pairs):
            self.layer(old, new)
        for outline in old_layers[: len(old_layers) - len(pairs)]:
            for section in (s for g in outline.roots.values() for s in g):
                self.whole_section(ChangeKind.REMOVED, section, None)
        for outline in new_layers[: len(new_layers) - len(pairs)]:
            for section in (s for g in outline.roots.values() for s in g):
                self.whole_section(ChangeKind.ADDED, None, section)
        placed = self.placed()
        result = Diff(
            old=side(old_doc),
            new=side(new_doc),
            changes=tuple(change for change, _ in placed),
            aligned=self.aligned,
        )
        for change, node in placed:
            if node is not None:
                result._by_node.setdefault(id(node), []).append(change)
        result._documents = (old_doc, new_doc)
        result._texts = self.redline_texts
        for anchor, node in self.old_places:
            result._old_places.setdefault(anchor, []).append(node)
        return result

    def placed(self) -> list[tuple[Change, Any]]:
        """The changes in the new document's order, each with the node it is about."""
        ranked = sorted(
            (self._place(where), n, change, node)
            for n, (where, change, node) in enumerate(self.changes)
        )
        return [(change, node) for _, _, change, node in ranked]

    @classmethod
    def of_outlines(cls, old: Outline, new: Outline) -> Comparison:
        """The comparison of two layers, as given."""
        comparison = cls()
        comparison.layer(old, new)
        return comparison

    def emit(self, where: tuple[str, int], change: Change, node: Any = None) -> None:
        self.changes.append((where, change, node))

    def _place(self, where: tuple[str, int]) -> float:
        side, order = where
        return float(order) if side == "new" else self.positions.of_old(order)

    def count(self, kind: UnitKind, n: int) -> None:
        self.aligned[kind.value] = self.aligned.get(kind.value, 0) + n

    def layer(self, old: Outline, new: Outline) -> None:
        old_lang, new_lang = _language(old.layer.metadata), _language(new.layer.metadata)
        self.translation = bool(old_lang and new_lang and old_lang != new_lang)
        self.metadata(old.layer, new.layer, "adopted." * new.number)
        for group in old.roots:
            self.siblings(old.roots[group], new.roots[group])
        self.leftover_sections(old, new)
        self.paragraphs(old, new)
        for kind in old.objects:
            self.objects(kind, old.objects[kind], new.objects[kind])
        self.compare_texts()

    def compare_texts(self) -> None:
        """Compare the texts of every aligned pair, a cross-reference to an old unit read as
        one to its new partner: ids that a new edition regenerated change no text."""
        ids = self.ids

        def retarget(match: re.Match[str]) -> str:
            return f"⟨{ids.get(match[1], match[1])}⟩"

        for where, old, new, kind, places, what, node in self.texts:
            if "⟨" in old:
                old = _TARGET.sub(retarget, old)
                if old == new:
                    continue
            found = self.text_changes(old, new, kind, places, what)
            for change in found:
                self.emit(where, change, node)
            if found and what == "text":
                self.redline_texts[id(node)] = (old, new)
        self.texts = []

    def pair_ids(self, old: Section | Unit, new: Section | Unit) -> None:
        if old.id is not None and new.id is not None:
            self.ids[old.id] = new.id
        if isinstance(old, Unit) and isinstance(new, Unit) and len(old.anchors) == len(new.anchors):
            self.ids.update(zip(old.anchors, new.anchors, strict=True))

    # ------------------------------------------------------------ clauses

    def siblings(self, old: list[Section], new: list[Section]) -> None:
        """Align the subclauses of one pair of clauses (or one group of a layer), then the
        subclauses of each pair found."""
        alignment = _align_sections(old, new, self.translation)
        pairs = sorted(alignment.pairs.items())
        moved = out_of_order(pairs)
        for i, j in pairs:
            self.section_pairs[id(old[i])] = new[j]
            self.pair_sections(old[i], new[j], moved=i in moved)
        for i, j in pairs:
            self.siblings(old[i].children, new[j].children)

    def leftover_sections(self, old: Outline, new: Outline) -> None:
        """Clauses left after the level-by-level pass: paired across the document (moved to
        another parent), or else added and removed."""
        old_left = [s for s in old.sections if id(s) not in self.section_pairs]
        new_left = [s for s in new.sections if id(s) not in self.paired_new]
        alignment: Alignment[Section] = Alignment(old_left, new_left)
        by_unique_key(alignment, lambda s: s.id)
        by_unique_key(alignment, lambda s: (s.kind, normal(s.title)) if s.title else None)
        by_words(alignment, _CLAUSE_SIMILARITY)
        for i, j in sorted(alignment.pairs.items()):
            self.section_pairs[id(old_left[i])] = new_left[j]
            self.pair_sections(
                old_left[i], new_left[j], moved=old_left[i].group != new_left[j].group
            )
            self.siblings(old_left[i].children, new_left[j].children)
        paired_new = self.paired_new
        for section in old.sections:
            # Only the outermost of a removed subtree is reported; it holds the rest.
            if id(section) not in self.section_pairs and (
                section.parent is None or id(section.parent) in self.section_pairs
            ):
                self.whole_section(ChangeKind.REMOVED, section, None)
        for section in new.sections:
            if id(section) not in paired_new and (
                section.parent is None or id(section.parent) in paired_new
            ):
                self.whole_section(ChangeKind.ADDED, None, section)

    def whole_section(self, kind: ChangeKind, old: Section | None, new: Section | None) -> None:
        section = new if new is not None else old
        assert section is not None
        held = sum(1 for s in section.walk() for _ in s.units)
        subs = sum(1 for _ in section.walk()) - 1
        name = _section_name(section)
        detail = f"{name} {kind.value}"
        if held or subs:
            detail += f" (with {subs} subclauses and {held} paragraphs and other units)"
        where = ("new", new.order) if new is not None else ("old", section.order)
        if old is not None:
            self.old_places.append((self._section_anchor(old), old.node))
        self.emit(
            where,
            Change(
                kind=kind,
                unit=section.kind,
                old=old.place() if old is not None else None,
                new=new.place() if new is not None else None,
                before=name if old is not None else None,
                after=name if new is not None else None,
                detail=detail,
            ),
            section.node,
        )

    def pair_sections(self, old: Section, new: Section, moved: bool) -> None:
        self.count(new.kind, 1)
        self.positions.add(old.order, new.order)
        self.paired_new.add(id(new))
        self.pair_ids(old, new)
        places = {"old": old.place(), "new": new.place()}
        old_parent = self.section_pairs.get(id(old.parent)) if old.parent is not None else None
        parent_moved = old_parent is not new.parent
        if moved or parent_moved or old.group != new.group:
            self.old_places.append((self._section_anchor(old), ("moved", new.node)))
            if parent_moved or old.group != new.group:
                where = f"to {_section_name(new.parent) if new.parent is not None else new.group}"
            else:
                where = "among its siblings"
            self.emit(
                ("new", new.order),
                Change(
                    kind=ChangeKind.MOVED,
                    unit=new.kind,
                    before=old.label,
                    after=new.label,
                    detail=f"{_section_name(old)} moved {where}"
                    + (f" as {new.label}" if new.label != old.label else ""),
                    **places,
                ),
                new.node,
            )
        elif old.label != new.label and not _implied(old, new):
            self.emit(
                ("new", new.order),
                Change(
                    kind=ChangeKind.RENUMBERED,
                    unit=new.kind,
                    before=old.label,
                    after=new.label,
                    detail=f"{_section_name(old)} renumbered {new.label or '(no number)'}",
                    **places,
                ),
                new.node,
            )
        if old.title != new.title:
            self.texts.append(
                (("new", new.order), old.title, new.title, new.kind, places, "title", new.node)
            )

    # ------------------------------------------------------------ paragraphs

    def paragraphs(self, old: Outline, new: Outline) -> None:
        """Align the paragraphs of each pair of aligned clauses, and compare each pair."""
        paired = {id(o): n for o in old.sections if (n := self.section_pairs.get(id(o)))}
        for section in old.sections:
            partner = paired.get(id(section))
            if partner is None:
                continue
            olds = [u for u in section.units if u.kind is UnitKind.PARAGRAPH]
            news = [u for u in partner.units if u.kind is UnitKind.PARAGRAPH]
            if self.translation:
                alignment = _align_units(olds, news, (_signature,))
                by_position(alignment)
            else:
                alignment = _align_units(olds, news, (lambda u: normal(u.text),))
            self.report_units(UnitKind.PARAGRAPH, alignment)

    def objects(self, kind: UnitKind, old: list[Unit], new: list[Unit]) -> None:
        """Align the tables, figures, formulas, term entries or references of the layers."""
        keys: tuple[Callable[[Unit], Hashable | None], ...] = (
            lambda u: (u.id, u.label, normal(u.title), normal(u.text)),
            lambda u: u.id,
            lambda u: (u.label, normal(u.title)) if u.label or u.title else None,
            lambda u: normal(u.title) or None,
            lambda u: u.label,
            lambda u: _undated(u.title) if kind is UnitKind.REFERENCE and u.title else None,
        )
        self.report_units(kind, _align_units(old, new, keys))

    def report_units(self, kind: UnitKind, alignment: Alignment[Unit]) -> None:
        old, new = alignment.old, alignment.new
        pairs = sorted(alignment.pairs.items())
        self.count(kind, len(pairs))
        moved = out_of_order(pairs) if kind is UnitKind.PARAGRAPH else set()
        for i, j in pairs:
            self.pair_units(old[i], new[j], moved=i in moved)
        paired_new = set(alignment.pairs.values())
        for i, unit in enumerate(old):
            if i not in alignment.pairs and self._reported_alone(unit):
                self.old_places.append((self._unit_anchor(i, alignment), unit.node))
                self.emit(
                    ("old", unit.order),
                    Change(
                        kind=ChangeKind.REMOVED,
                        unit=kind,
                        old=unit.place(),
                        before=_short(f"{unit.title} {unit.text}"),
                        detail=f"{_unit_name(unit)} removed",
                    ),
                    unit.node,
                )
        for j, unit in enumerate(new):
            if j not in paired_new and self._reported_alone_new(unit):
                self.emit(
                    ("new", unit.order),
                    Change(
                        kind=ChangeKind.ADDED,
                        unit=kind,
                        new=unit.place(),
                        after=_short(f"{unit.title} {unit.text}"),
                        detail=f"{_unit_name(unit)} added",
                    ),
                    unit.node,
                )

    def _section_anchor(self, old: Section) -> tuple[str, Any]:
        """Where the redline shows a clause of the old document that is not where it was:
        after the new partner of the clause before it, or else before the subclauses of its
        parent's partner, or else at the start of its group."""
        siblings = old.parent.children if old.parent is not None else None
        if siblings is not None:
            at = siblings.index(old)
            for before in reversed(siblings[:at]):
                partner = self.section_pairs.get(id(before))
                if partner is not None:
                    return ("after", id(partner.node))
            parent = self.section_pairs.get(id(old.parent))
            if parent is not None:
                return ("subclauses", id(parent.node))
        return ("group", (old.layer, old.group))

    def _unit_anchor(self, at: int, alignment: Alignment[Unit]) -> tuple[str, Any]:
        """Where the redline shows a removed unit: after the partner of the unit before it in
        its clause, or else at the start of its clause's partner."""
        olds = alignment.old
        unit = olds[at]
        for k in range(at - 1, -1, -1):
            if olds[k].section is not unit.section:
                break
            j = alignment.pairs.get(k)
            if j is not None:
                return ("after", id(alignment.new[j].node))
        partner = self.section_pairs.get(id(unit.section)) if unit.section is not None else None
        if partner is not None:
            return ("blocks", id(partner.node))
        return ("group", (0, "body"))

    def _reported_alone(self, unit: Unit) -> bool:
        """A unit of a clause that was removed is part of that change, not one of its own."""
        return unit.section is None or id(unit.section) in self.section_pairs

    def _reported_alone_new(self, unit: Unit) -> bool:
        return unit.section is None or id(unit.section) in self.paired_new

    def pair_units(self, old: Unit, new: Unit, moved: bool) -> None:
        self.positions.add(old.order, new.order)
        self.pair_ids(old, new)
        places = {"old": old.place(), "new": new.place()}
        kind = new.kind
        if moved or (
            kind is not UnitKind.PARAGRAPH
            and old.section is not None
            and new.section is not None
            and self.section_pairs.get(id(old.section)) is not new.section
        ):
            where = _section_name(new.section) if new.section is not None else "the document"
            self.emit(
                ("new", new.order),
                Change(
                    kind=ChangeKind.MOVED,
                    unit=kind,
                    detail=f"{_unit_name(old)} moved to {where}",
                    **places,
                ),
                new.node,
            )
        if kind is UnitKind.REFERENCE:
            if old.title != new.title:
                self.emit(
                    ("new", new.order), _reference_change(old.title, new.title, places), new.node
                )
        elif kind is UnitKind.TERM_ENTRY:
            if normal(old.title) != normal(new.title):
                change = Change(
                    kind=ChangeKind.DESIGNATION_CHANGED,
                    unit=kind,
                    before=old.title,
                    after=new.title,
                    detail=f"term {old.label or ''} {old.title!r} is now {new.title!r}".replace(
                        "  ", " "
                    ),
                    **places,
                )
                self.emit(("new", new.order), change, new.node)
        elif old.title != new.title:
            self.texts.append(
                (("new", new.order), old.title, new.title, kind, places, "caption", new.node)
            )
        if kind is not UnitKind.PARAGRAPH and old.label != new.label:
            self.emit(
                ("new", new.order),
                Change(
                    kind=ChangeKind.RENUMBERED,
                    unit=kind,
                    before=old.label,
                    after=new.label,
                    detail=f"{_unit_name(old)} renumbered {new.label or '(no number)'}",
                    **places,
                ),
                new.node,
            )
        if old.text != new.text:
            self.texts.append(
                (("new", new.order), old.text, new.text, kind, places, "text", new.node)
            )

    # ------------------------------------------------------------ texts

    def text_changes(
        self, old: str, new: str, unit: UnitKind, places: dict[str, Place], what: str
    ) -> list[Change]:
        """The changes from one text to another: provisions whose verbal form changed,
        numbers and units, citations, and the other words."""
        if self.translation:
            return _translated_changes(old, new, unit, places)
        changes = _provision_changes(old, new, unit, places)
        a, b = tokens(old), tokens(new)
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        edits: list[WordEdit] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            was, now = a[i1:i2], b[j1:j2]
            if changes and (_has_form(was) or _has_form(now)):
                continue  # part of a provision's change of verbal form
            if was and now and all(map(is_number, was)) and all(map(is_number, now)):
                changes.append(_value_change(ChangeKind.VALUE_CHANGED, was, now, unit, places))
            elif (
                was
                and now
                and i1 > 0
                and is_number(a[i1 - 1])
                and "".join(was).casefold() in UNITS
                and "".join(now).casefold() in UNITS
            ):
                changes.append(_value_change(ChangeKind.UNIT_CHANGED, was, now, unit, places))
            elif _citations(was) or _citations(now):
                old_refs, new_refs = _citations(was), _citations(now)
                for before, after in zip(old_refs, new_refs, strict=False):
                    changes.append(_reference_change(before, after, places, unit))
                rest_was = [t for t in was if not t.startswith("⟦")]
                rest_now = [t for t in now if not t.startswith("⟦")]
                extra_old, extra_new = old_refs[len(new_refs) :], new_refs[len(old_refs) :]
                if rest_was or rest_now or extra_old or extra_new:
                    edits.append(WordEdit(old=join_words(was), new=join_words(now)))
            else:
                edits.append(WordEdit(old=join_words(was), new=join_words(now)))
        if edits:
            shown = "; ".join(f"{e.old!r} → {e.new!r}" for e in edits[:3])
            more = f" and {len(edits) - 3} more" if len(edits) > 3 else ""
            changes.append(
                Change(
                    kind=ChangeKind.TEXT_EDITED,
                    unit=unit,
                    before=_short(old),
                    after=_short(new),
                    edits=tuple(edits),
                    detail=f"{what} edited: {shown}{more}",
                    **places,
                )
            )
        return changes

    # ------------------------------------------------------------ metadata

    def metadata(self, old: Document | Layer, new: Document | Layer, prefix: str) -> None:
        before = old.metadata.model_dump(mode="json", exclude_none=True)
        after = new.metadata.model_dump(mode="json", exclude_none=True)
        for provenance in _PROVENANCE:  # where the metadata came from, not what it says
            before.pop(provenance, None)
            after.pop(provenance, None)
        for path, was, now in _differences(before, after, f"{prefix}metadata"):
            self.emit(
                ("new", 0),
                Change(
                    kind=ChangeKind.METADATA_CHANGED,
                    unit=UnitKind.METADATA,
                    old=Place(path=path),
                    new=Place(path=path),
                    before=_short(_show(was)) if was is not None else None,
                    after=_short(_show(now)) if now is not None else None,
                    detail=f"{path}: {_short(_show(was))} → {_short(_show(now))}",
                ),
            )


class _Positions:
    """Where something of the old document would stand in the new one: just after the new
    partner of the nearest aligned unit before it, so that a removal is listed where it was."""

    def __init__(self) -> None:
        self.pairs: list[tuple[int, int]] = []  # (old order, new order) of every pair
        self._sorted: list[tuple[int, int]] | None = None

    def add(self, old: int, new: int) -> None:
        self.pairs.append((old, new))
        self._sorted = None

    def of_old(self, order: int) -> float:
        if self._sorted is None:
            self._sorted = sorted(self.pairs)
        at = bisect.bisect_right(self._sorted, (order, 1 << 62)) - 1
        base = self._sorted[at][1] if at >= 0 else 0
        return base + 0.5 + order * 1e-12


def _align_sections(
    old: list[Section], new: list[Section], translation: bool
) -> Alignment[Section]:
    alignment: Alignment[Section] = Alignment(old, new)
    if translation:  # titles in two languages: the numbers say which is which
        in_order(alignment, lambda s: (s.kind, s.label))
    in_order(alignment, lambda s: (s.kind, s.label, normal(s.title)))
    by_unique_key(alignment, lambda s: s.id)
    by_unique_key(alignment, lambda s: (s.kind, normal(s.title)) if s.title else None)
    by_unique_key(alignment, lambda s: (s.kind, s.label) if s.label else None)
    by_words(alignment, _CLAUSE_SIMILARITY)
    return alignment


def _align_units(
    old: list[Unit], new: list[Unit], keys: Sequence[Callable[[Unit], Hashable | None]]
) -> Alignment[Unit]:
    alignment: Alignment[Unit] = Alignment(old, new)
    in_order(alignment, keys[0])
    by_unique_key(alignment, lambda u: u.id)
    for key in keys[1:]:
        by_unique_key(alignment, key)
    by_words(alignment, _UNIT_SIMILARITY)
    return alignment


def _signature(unit: Unit) -> Hashable:
    """What a paragraph says whatever its language: its numbers, citations, targets and
    kinds of provision."""
    marks = tuple(t for t in tokens(unit.text) if is_number(t) or t[0] in "⟦⟨")
    kinds = tuple(f.kind for s in sentences(unit.text) if (f := classify(s)) is not None)
    return (marks, kinds) if marks or kinds else None


def _implied(old: Section, new: Section) -> bool:
    """Whether a subclause's new number only follows its parent's (5.1 → 6.1 when 5 → 6)."""
    if old.parent is None or new.parent is None or not (old.label and new.label):
        return False
    was, now = old.parent.label, new.parent.label
    if not (was and now) or was == now:
        return False
    return (
        old.label.startswith(f"{was}.")
        and new.label.startswith(f"{now}.")
        and old.label[len(was) :] == new.label[len(now) :]
    )


def _section_name(section: Section) -> str:
    kind = "annex" if section.kind is UnitKind.ANNEX else "clause"
    label = f" {section.label}" if section.label else ""
    title = f" “{_short(section.title)}”" if section.title else ""
    return f"{kind}{label}{title}"


def _unit_name(unit: Unit) -> str:
    name = unit.kind.value.replace("-", " ")
    if unit.label:
        name += f" {unit.label}"
    elif unit.title:
        name += f" “{_short(unit.title)}”"
    if unit.section is not None and unit.section.label:
        name += f" in {unit.section.label}"
    if unit.kind is UnitKind.PARAGRAPH:
        name += f": “{_short(unit.text)[:60]}”"
    return name


def _has_form(words: Sequence[str]) -> bool:
    return any(True for _ in forms(" ".join(words)))


def _citations(words: Sequence[str]) -> list[str]:
    return [w[1:-1] for w in words if w.startswith("⟦")]


@lru_cache(maxsize=4096)
def _parsed(identifier: str) -> Identifier | None:
    try:
        return parse(identifier)
    except IdentifierError:  # a label ("[10]") or a form no grammar reads ("ISO 16634:—")
        return None


def _undated(identifier: str) -> str:
    """An identifier without its year, to pair ``ISO 1234:2010`` with ``ISO 1234:2020``:
    the identifier parser's, or for one it cannot read, the text before a year."""
    parsed = _parsed(identifier)
    if parsed is not None:
        return normal(str(parsed.undated()))
    return normal(identifier.split(":")[0])


def _reference_change(
    before: str, after: str, places: dict[str, Place], unit: UnitKind = UnitKind.REFERENCE
) -> Change:
    dated_before, dated_after = _dated(before), _dated(after)
    if not before or not after:
        how = "identifier added" if after else "identifier removed"
    elif _all_parts(before) != _all_parts(after):
        how = "now all parts" if _all_parts(after) else "no longer all parts"
    elif dated_before and not dated_after:
        how = "now undated"
    elif dated_after and not dated_before:
        how = "now dated"
    elif _undated(before) == _undated(after):
        how = "edition changed"
    else:
        how = "another document"
    return Change(
        kind=ChangeKind.REFERENCE_CHANGED,
        unit=unit,
        before=before,
        after=after,
        detail=f"reference {before or '(none)'} → {after or '(none)'} ({how})",
        **places,
    )


def _all_parts(identifier: str) -> bool:
    parsed = _parsed(identifier)
    return parsed.all_parts if parsed is not None else "(all parts)" in identifier


def _dated(identifier: str) -> bool:
    parsed = _parsed(identifier)
    if parsed is not None:
        return parsed.year is not None
    return ":" in identifier and any(ch.isdigit() for ch in identifier.rsplit(":", 1)[1][:4])


def _value_change(
    kind: ChangeKind,
    was: Sequence[str],
    now: Sequence[str],
    unit: UnitKind,
    places: dict[str, Place],
) -> Change:
    before, after = join_words(was), join_words(now)
    what = "value" if kind is ChangeKind.VALUE_CHANGED else "unit"
    return Change(
        kind=kind,
        unit=unit,
        before=before,
        after=after,
        detail=f"{what} {before} → {after}",
        **places,
    )


def _provision_changes(
    old: str, new: str, unit: UnitKind, places: dict[str, Place]
) -> list[Change]:
    """A change for each sentence whose verbal form changed (shall → should, 应 → 宜)."""
    a, b = sentences(old), sentences(new)
    if not a or not b:
        return []
    changes: list[Change] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        for was, now in zip(a[i1:i2], b[j1:j2], strict=False):
            before, after = classify(was), classify(now)
            old_form = before.form if before is not None else None
            new_form = after.form if after is not None else None
            if old_form == new_form:
                continue
            old_kind = before.kind.value if before is not None else "statement"
            new_kind = after.kind.value if after is not None else "statement"
            changes.append(
                Change(
                    kind=ChangeKind.PROVISION_STRENGTH,
                    unit=unit,
                    before=before.form if before is not None else None,
                    after=after.form if after is not None else None,
                    detail=f"{old_kind} ({before.form if before else 'no verbal form'}) → "
                    f"{new_kind} ({after.form if after else 'no verbal form'}): "
                    f"“{_short(now)}”",
                    **places,
                )
            )
    return changes


def _translated_changes(
    old: str, new: str, unit: UnitKind, places: dict[str, Place]
) -> list[Change]:
    """Between texts in two languages, only what does not depend on the words: numbers,
    citations and the kinds of provision."""
    changes: list[Change] = []
    a, b = tokens(old), tokens(new)
    old_numbers = [t for t in a if is_number(t)]
    new_numbers = [t for t in b if is_number(t)]
    if sorted(old_numbers) != sorted(new_numbers):
        changes.append(
            _value_change(ChangeKind.VALUE_CHANGED, old_numbers, new_numbers, unit, places)
        )
    old_refs, new_refs = _citations(a), _citations(b)
    if old_refs != new_refs:
        changes.append(
            _reference_change(
                ", ".join(old_refs) or "(none)", ", ".join(new_refs) or "(none)", places, unit
            )
        )
    old_kinds = [f.kind.value for s in sentences(old) if (f := classify(s)) is not None]
    new_kinds = [f.kind.value for s in sentences(new) if (f := classify(s)) is not None]
    if old_kinds != new_kinds:
        changes.append(
            Change(
                kind=ChangeKind.PROVISION_STRENGTH,
                unit=unit,
                before=", ".join(old_kinds) or None,
                after=", ".join(new_kinds) or None,
                detail=f"provisions {old_kinds or ['none']} → {new_kinds or ['none']}",
                **places,
            )
        )
    return changes


def _differences(before: Any, after: Any, path: str) -> Iterable[tuple[str, Any, Any]]:
    """The leaves that differ between two JSON values."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            yield from _differences(before.get(key), after.get(key), f"{path}.{key}")
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (x, y) in enumerate(zip(before, after, strict=True)):
            yield from _differences(x, y, f"{path}[{i}]")
    elif before != after:
        yield path, before, after


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, dict) and "value" in value:
        return str(value["value"])
    return str(value)


def diff(old: Document, new: Document) -> Diff:
    """Every change from ``old`` to ``new``, aligned and classified."""
    return Comparison().run(old, new)
