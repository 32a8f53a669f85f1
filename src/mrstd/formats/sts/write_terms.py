"""Writing STS term entries as TBX (ISO 30042): a langSet per language, with its
definitions, notes, examples, sources and terms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...model import CrossReferenceKind
from .write_base import WriterBase, attr, esc, runs_text
from .write_content import (
    DEF_BLOCKS,
    ENTAILED_INLINE,
    P_INLINE,
    PARA_LEVEL,
    RICH,
    TBX_BLOCKS,
    TBX_INLINE,
    TERM_INLINE,
)

#: TBX termType values (ISO 30042, as the NISO STS TBX module lists them).
_TERM_TYPES = frozenset(
    {"abbreviation", "acronym", "equation", "formula", "fullForm", "symbol", "variant"}
)

_NUMBERS = frozenset({"singular", "plural"})

_POS = frozenset({"adj", "adv", "noun", "verb"})

_GENDERS = frozenset({"feminine", "masculine", "neuter"})

_STATUS = {"admitted": "admittedTerm", "deprecated": "deprecatedTerm"}

#: The parts of a term entry that belong to a language, in the order a langSet holds them.
_TERM_PARTS = ("subject field", "note", "example", "source", "cross-reference")

#: Inline content of tbx:term inside a tig.
_TIG_TERM_INLINE = TERM_INLINE | {"break"}


class TermWriter(WriterBase):
    """Writing term entries."""

    def term_entry(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.section_id}"' if b.section_id else ""
        w(f"<term-sec{attrs}>\n")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>\n")
        w(f'<tbx:termEntry id="{b.id}">\n')
        groups: dict[str | None, list[Any]] = {}
        for designation in b.designations:
            groups.setdefault(designation.language, []).append(designation)
        if not groups:
            self.normalised("term entry without designations written with an empty term")
            groups[None] = []
        definitions: dict[str | None, list[Any]] = {}
        first = next(iter(groups))
        for definition in b.definitions:
            key = definition.language if definition.language in groups else first
            if key != definition.language:
                self.normalised("definition in a language without terms moved to the first one")
            definitions.setdefault(key, []).append(definition)

        # What carries no language, or a language without terms, goes to the first langSet:
        # each item is placed once, in its langSet's list for its kind.
        placed: dict[str | None, tuple[list[Any], ...]] = {
            language: ([], [], [], [], []) for language in groups
        }
        kinds = (b.subject_fields, b.notes, b.examples, b.sources, b.cross_references)
        for kind, items in enumerate(kinds):
            for item in items:
                home = item.language
                if home is None:
                    home = first
                elif home not in groups:
                    what = _TERM_PARTS[kind]
                    self.normalised(f"{what} in a language without terms moved to the first one")
                    home = first
                placed[home][kind].append(item)

        for graphic in b.graphics:
            gid = f' id="{graphic.id}"' if graphic.id else ""
            alt = esc(graphic.alt) if graphic.alt else ""
            w(f'<tbx:xGraphic{gid} xtarget="{attr(graphic.href)}">{alt}</tbx:xGraphic>\n')
            if graphic.mime_type is not None:
                self.lost("media type of a term entry's graphic")
        for language, designations in groups.items():
            if language is None:
                self.normalised("terms without a language written with the document language")
            lang = attr(language or self.lang)
            w(f'<tbx:langSet xml:lang="{lang}">\n')
            for definition in definitions.get(language, ()):
                w("<tbx:definition>")
                self.inlines(definition.content, TBX_INLINE)
                self.unwrapped(definition.blocks, "term definition", TBX_INLINE, TBX_BLOCKS)
                w("</tbx:definition>\n")
            if language == first and b.domain is not None:
                w(f"<tbx:subjectField>{esc(b.domain)}</tbx:subjectField>\n")
            fields, notes, examples, sources, refs = placed[language]
            for field in fields:
                w(f"<tbx:subjectField>{esc(field.text)}</tbx:subjectField>\n")
                if field.script is not None:
                    self.lost("script of a subject field")
            for note in notes:
                self.tbx_note("note", note)
            for example in examples:
                self.tbx_note("example", example)
            for source in sources:
                self.term_source(source)
            for ref in refs:
                self.term_cross_reference(ref)
            if not designations:
                w("<tbx:tig><tbx:term/></tbx:tig>\n")
            for designation in designations:
                self.tig(designation)
            w("</tbx:langSet>\n")
        w("</tbx:termEntry>\n")
        if b.display:
            w("<term-display>\n")
            self.blocks(b.display, PARA_LEVEL, "display")
            w("</term-display>\n")
        w("</term-sec>\n")

    def tig(self, d: Any) -> None:
        w = self.out.append
        attrs = f' id="{d.id}"' if d.id else ""
        script = f' script="{attr(d.script)}"' if d.script is not None else ""
        w(f"<tbx:tig{attrs}><tbx:term{script}>")
        if d.content:
            self.inlines(d.content, _TIG_TERM_INLINE)
        else:
            w(esc(d.text))
        w("</tbx:term>")
        if d.part_of_speech is not None:
            if d.part_of_speech in _POS:
                w(f'<tbx:partOfSpeech value="{d.part_of_speech}"/>')
            else:
                self.lost(f"part of speech {d.part_of_speech!r} (TBX allows adj, adv, noun, verb)")
        if d.geographical_usage is not None:
            w(f"<tbx:geographicalUsage>{esc(d.geographical_usage)}</tbx:geographicalUsage>")
        if d.gender is not None:
            if d.gender in _GENDERS:
                w(f'<tbx:grammaticalGender value="{d.gender}"/>')
            else:
                self.lost(f"grammatical gender {d.gender!r}")
        if d.grammatical_number is not None:
            if d.grammatical_number in _NUMBERS:
                w(f'<tbx:grammaticalNumber value="{d.grammatical_number}"/>')
            else:
                self.lost(f"grammatical number {d.grammatical_number!r}")
        status = _STATUS.get(d.status)  # a StrEnum: looked up as its str value
        if status:
            w(f'<tbx:normativeAuthorization value="{status}"/>')
        if d.pronunciation is not None:
            w(f"<tbx:pronunciation>{esc(d.pronunciation)}</tbx:pronunciation>")
        term_type = d.term_type or ("abbreviation" if d.abbreviation else None)
        if d.abbreviation and d.term_type not in (None, "abbreviation"):
            self.lost(f"abbreviation mark of a term of type {d.term_type!r}")
        if term_type in _TERM_TYPES:
            w(f'<tbx:termType value="{term_type}"/>')
        elif term_type is not None:
            self.lost(f"term type {term_type!r} (not a TBX term type)")
        if d.usage_note:
            w("<tbx:usageNote>")
            self.inlines(d.usage_note, TBX_INLINE)
            w("</tbx:usageNote>")
        w("</tbx:tig>\n")

    def tbx_note(self, element: str, note: Any) -> None:
        w = self.out.append
        ident = note.id
        moved = None
        if ident is None:
            # tbx:note and tbx:example hold no p: a paragraph's id moves to the note.
            moved = next((b.id for b in note.blocks if b.type == "paragraph" and b.id), None)
            ident = moved
        attrs = f' id="{ident}"' if ident else ""
        w(f"<tbx:{element}{attrs}>")
        if note.label is not None:
            self.lost(f"label of a term {element}")
        if note.kind is not None:
            self.lost(f"kind {note.kind!r} of a term {element}")
        self.unwrapped(note.blocks, f"term {element}", TBX_INLINE, TBX_BLOCKS, moved)
        w(f"</tbx:{element}>\n")

    def unwrapped(
        self,
        blocks: Sequence[Any],
        where: str,
        inline: frozenset[str],
        allowed: frozenset[str],
        moved: str | None = None,
    ) -> None:
        """Blocks inside an element that holds no p (a TBX definition, note or example, a
        formula's key): a paragraph is written as its text, other blocks as they are."""
        for block in blocks:
            if block.type == "paragraph":
                if block.id and block.id != moved:
                    self.lost(f"id {block.id!r} of a paragraph in a {where}")
                elif block.id:
                    self.normalised(f"id of a paragraph in a {where} moved to the {where}")
                self.inlines(block.content, inline)
            else:
                self.block(block, allowed)

    def term_source(self, source: Any) -> None:
        element = "tbx:xSource" if source.external and source.href else "tbx:source"
        xtarget = f' xtarget="{attr(source.href)}"' if source.href else ""
        self.out.append(f"<{element}{xtarget}>")
        if element == "tbx:xSource":
            # xSource holds text only.
            self.out.append(esc(runs_text(source.content)))
            if any(run.type != "text" for run in source.content):
                self.lost("markup in a link to an external source; its text is kept")
        else:
            self.source_content(source, TBX_INLINE)
        self.out.append(f"</{element}>\n")

    def term_cross_reference(self, ref: Any) -> None:
        element = "tbx:see" if ref.kind is CrossReferenceKind.SEE else "tbx:crossReference"
        attrs = f' target="{ref.target}"' if ref.target else ""
        if ref.script is not None:
            attrs += f' script="{attr(ref.script)}"'
        self.out.append(f"<{element}{attrs}>")
        # see and crossReference hold highlighting, but no entailed terms.
        self.inlines(ref.content, ENTAILED_INLINE)
        self.out.append(f"</{element}>\n")

    def source_content(self, source: Any, allowed: frozenset[str]) -> None:
        """The source of a term entry as written text."""
        w = self.out.append
        if source.content:
            self.inlines(source.content, allowed)
        else:
            if source.identifier:
                w(f"<std><std-ref>{esc(source.identifier)}</std-ref>")
                for loc in source.locality:
                    to = f"–{loc.to}" if loc.to else ""
                    w(esc(f", {loc.type.value} {loc.reference}{to}"))
                w("</std>")
            if source.modified:
                w(", modified")
            if source.modification:
                w(" — ")
                self.inlines(source.modification, allowed)

    def term_as_definition(self, b: Any, allowed: frozenset[str]) -> None:
        """A term entry where no term section may stand: a one-item definition list."""
        self.normalised("term entry written as a definition list (no term section allowed here)")
        w = self.out.append
        wrap = "def-list" not in allowed
        if wrap:
            w("<p>")
        w(f'<def-list><def-item id="{b.id}"><term>')
        w(esc("; ".join(d.text for d in b.designations)))
        w("</term>")
        if b.definitions or b.notes or b.examples or b.sources:
            w("<def>")
            for definition in b.definitions:
                w("<p>")
                self.inlines(definition.content, RICH)
                w("</p>")
            self.blocks(list(b.notes) + list(b.examples), DEF_BLOCKS, "notes")
            for source in b.sources:
                w("<p>")
                self.source_content(source, P_INLINE)
                w("</p>")
            w("</def>")
        w("</def-item></def-list>")
        if wrap:
            w("</p>")
        w("\n")
