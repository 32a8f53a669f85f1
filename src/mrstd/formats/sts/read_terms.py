"""Reading ``term-sec``: TBX term entries (ISO 30042) and NISO ``term-display``."""

from __future__ import annotations

from typing import Any

from ...model import (
    CrossReferenceKind,
    Definition,
    Designation,
    Example,
    Localized,
    Media,
    Note,
    Paragraph,
    TermCrossReference,
    TermEntry,
    TermSource,
    TermStatus,
    Text,
)
from ..base import Change
from .common import (
    XML_LANG,
    Ctx,
    El,
    Unmodelled,
    build,
    has_text_beside,
    localname,
    make,
    no_text_beside,
    simple_text,
    tbx,
    template,
)
from .read_body import (
    BLOCK_HANDLERS,
    blocks_of,
    check_attrs,
    holds_blocks,
    inlines,
    split_at_blocks,
    valid_id,
)

#: normativeAuthorization values (ISO 10241-1:2011, 6.2 term status) and the model's status.
STATUS = {
    "preferredTerm": TermStatus.PREFERRED,
    "admittedTerm": TermStatus.ADMITTED,
    "deprecatedTerm": TermStatus.DEPRECATED,
}

_LANG_SET = tbx("langSet")
_X_GRAPHIC = tbx("xGraphic")
_TIG = tbx("tig")
_TERM_ENTRY = tbx("termEntry")


def term_sec(ctx: Ctx, el: El, path: str) -> Any:
    """A term section holding exactly one entry."""
    if el.attrib:
        check_attrs(ctx, el, _ID)
    section_id = valid_id(el.get("id"))
    if has_text_beside(el):
        raise Unmodelled("text outside the entry")
    children = [c for c in el if c.tag.__class__ is str]
    label = None
    if children and children[0].tag == "label":
        label = simple_text(children[0])
        children = children[1:]
    display: El | None = None
    if len(children) == 2 and children[1].tag == "term-display":
        # The entry as displayed, given beside its TBX form.
        display = children.pop()
        check_attrs(ctx, display)
        no_text_beside(display)
    if len(children) != 1:
        raise Unmodelled("term-sec without exactly one entry")
    entry = children[0]
    if entry.tag == _TERM_ENTRY:
        return _tbx_entry(ctx, entry, path, label, section_id, display)
    if display is not None:
        raise Unmodelled("term-display beside another term-display")
    if entry.tag == "term-display":
        return _term_display(ctx, entry, path, label, section_id)
    raise Unmodelled(f"<{localname(entry.tag)}> in term-sec")


def _entry_id(ctx: Ctx, el: El, path: str) -> str:
    found = valid_id(el.get("id"))
    if found is not None:
        return found
    made = ctx.new_id("term")
    ctx.log.add(Change.NORMALISED, path, f"term entry without id given id {made!r}", el.sourceline)
    return made


_CROSS_REFERENCES = {
    "see": CrossReferenceKind.SEE,
    "crossReference": CrossReferenceKind.CROSS_REFERENCE,
}


def _tbx_entry(
    ctx: Ctx,
    el: El,
    path: str,
    label: str | None,
    section_id: str | None,
    display: El | None = None,
) -> Any:
    """A TBX entry. What belongs to a language (notes, examples, sources, cross-references,
    subject fields) records that language unless it is the entry's first, where the model
    puts what carries no language."""
    if el.attrib:
        check_attrs(ctx, el, _ID)
    _no_text(el.text, el)
    designations: list[Designation] = []
    definitions: list[Definition] = []
    notes: list[Note] = []
    examples: list[Example] = []
    sources: list[TermSource] = []
    cross_references: list[TermCrossReference] = []
    graphics: list[Media] = []
    subject_fields: list[Localized] = []
    domain: str | None = None
    first: str | None = None
    for lang_set in el:
        _no_text(lang_set.tail, el)
        if lang_set.tag.__class__ is not str:
            continue
        if lang_set.tag == _X_GRAPHIC and first is None:
            graphics.append(_x_graphic(ctx, lang_set))
            continue
        if lang_set.tag != _LANG_SET:
            raise Unmodelled(f"<tbx:{localname(lang_set.tag)}> in termEntry")
        check_attrs(ctx, lang_set, _LANG)
        _no_text(lang_set.text, lang_set)
        language = lang_set.get(XML_LANG)
        if first is None:
            first = language or ""
        # What the model keeps without a language belongs to the first langSet.
        own = None if language == first or not language else language
        tig_seen = False
        for child in lang_set:
            _no_text(child.tail, lang_set)
            tag = child.tag
            if tag.__class__ is not str:
                continue
            if tag == _TIG:
                designations.append(_tig(ctx, child, path, language))
                tig_seen = True
                continue
            if tig_seen:
                raise Unmodelled("langSet content after the terms")
            name = _TBX_NAMES.get(tag) or localname(tag)
            if name in _CROSS_REFERENCES:
                check_attrs(ctx, child, _TARGET_AND_SCRIPT)
                cross_references.append(
                    build(
                        TermCrossReference,
                        kind=_CROSS_REFERENCES[name],
                        target=valid_id(child.get("target")),
                        language=own,
                        script=child.get("script"),
                        content=inlines(ctx, child, f"{path}.cross_references"),
                    )
                )
                continue
            if name in ("source", "xSource"):
                external = name == "xSource"
                check_attrs(ctx, child, _XTARGET)
                href = child.get("xtarget")
                if external and href is None:
                    raise Unmodelled("tbx:xSource without xtarget")
                content = inlines(ctx, child, f"{path}.sources[{len(sources)}]")
                sources.append(
                    build(TermSource, content=content, language=own, href=href, external=external)
                )
                continue
            if len(child.attrib):
                raise Unmodelled(f"attributes on tbx:{name}")
            if name == "definition":
                dpath = f"{path}.definitions[{len(definitions)}]"
                definitions.append(_definition(ctx, child, dpath, language))
            elif name in ("note", "example"):
                npath = f"{path}.{name}s"
                if holds_blocks(child):
                    # A note holding a list or table: paragraphs between the blocks.
                    blocks = tuple(split_at_blocks(ctx, child, f"{npath}.blocks"))
                else:
                    blocks = (build(Paragraph, content=inlines(ctx, child, npath)),)
                target: list[Any] = notes if name == "note" else examples
                cls = Note if name == "note" else Example
                target.append(build(cls, blocks=blocks, language=own))
            elif name == "subjectField":
                text = simple_text(child)
                if domain is None and own is None:
                    domain = text
                else:
                    subject_fields.append(build(Localized, text=text, language=language))
            else:
                raise Unmodelled(f"tbx:{name}")
    if not designations:
        raise Unmodelled("entry without terms")
    return build(
        TermEntry,
        id=_entry_id(ctx, el, path),
        label=label,
        designations=tuple(designations),
        domain=domain,
        definitions=tuple(definitions),
        examples=tuple(examples),
        notes=tuple(notes),
        sources=tuple(sources),
        section_id=section_id,
        cross_references=tuple(cross_references),
        graphics=tuple(graphics),
        subject_fields=tuple(subject_fields),
        display=blocks_of(ctx, display, f"{path}.display") if display is not None else (),
    )


def _definition(ctx: Ctx, el: El, path: str, language: str | None) -> Definition:
    """A definition: its phrase, then any blocks that continue it (a list, a table)."""
    if not holds_blocks(el):
        return build(Definition, language=language, content=inlines(ctx, el, path))
    parts = split_at_blocks(ctx, el, f"{path}.blocks")
    content: tuple[Any, ...] = ()
    if parts and type(parts[0]) is Paragraph:
        content = parts.pop(0).content
    return build(Definition, language=language, content=content, blocks=tuple(parts))


def _x_graphic(ctx: Ctx, el: El) -> Media:
    """An entry-level image: ``tbx:xGraphic/@xtarget`` (its text, if any, is the alt text)."""
    check_attrs(ctx, el, frozenset({"xtarget", "id"}))
    if len(el):
        raise Unmodelled("markup in tbx:xGraphic")
    href = el.get("xtarget")
    if href is None:
        raise Unmodelled("tbx:xGraphic without xtarget")
    alt = (el.text or "").strip() or None
    if alt is not None and alt != el.text:
        raise Unmodelled("tbx:xGraphic text with surrounding space")
    return build(Media, href=href, alt=alt, id=valid_id(el.get("id")))


_TIG_FIELDS = {
    "partOfSpeech": "part_of_speech",
    "grammaticalGender": "gender",
}

#: The local names of the TBX elements a tig and a langSet hold, by Clark name.
_TBX_NAMES = {
    tbx(name): name
    for name in (
        "term",
        "geographicalUsage",
        "pronunciation",
        "usageNote",
        "partOfSpeech",
        "grammaticalGender",
        "normativeAuthorization",
        "termType",
        "grammaticalNumber",
        "see",
        "crossReference",
        "source",
        "xSource",
        "definition",
        "note",
        "example",
        "subjectField",
    )
}
_VALUE = frozenset({"value"})
_ID = frozenset({"id"})
_LANG = frozenset({XML_LANG})
_TARGET_AND_SCRIPT = frozenset({"target", "script"})
_XTARGET = frozenset({"xtarget"})
_T_DESIGNATION = template(Designation)


def _no_text(text: str | None, el: El) -> None:
    """Refuse text (other than space) in an element-only TBX container: checked on its text
    and on each child's tail as the loop visits them, not in a second pass."""
    if text and not text.isspace():
        raise Unmodelled(f"text directly in <tbx:{localname(el.tag)}>")


def _value_only(el: El) -> bool:
    """Whether a TBX element says everything in its @value (no children, no text)."""
    return not len(el) and not (el.text or "").strip()


def _tig(ctx: Ctx, el: El, path: str, language: str | None) -> Designation:
    if el.attrib:
        check_attrs(ctx, el, _ID)
    _no_text(el.text, el)
    values = _T_DESIGNATION.copy()
    values["id"] = valid_id(el.get("id"))
    values["language"] = language
    term: El | None = None
    usage_note: El | None = None
    for child in el:
        _no_text(child.tail, el)
        tag = child.tag
        if tag.__class__ is not str:
            continue
        name = _TBX_NAMES.get(tag) or localname(tag)
        attrib = child.attrib
        if name == "term" and term is None:
            term_id = child.get("id")
            script = child.get("script")
            if len(attrib) > (term_id is not None) + (script is not None):
                raise Unmodelled("attributes on tbx:term")
            values["script"] = script
            if term_id is not None:
                # ISO files put the id on the term, others on the tig; the model has one.
                if values["id"] is not None:
                    raise Unmodelled("ids on both tbx:tig and tbx:term")
                values["id"] = valid_id(term_id)
                ctx.log.add(
                    Change.NORMALISED,
                    path,
                    f"id {term_id!r} of tbx:term written on its tbx:tig",
                    child.sourceline,
                )
            term = child
        elif name == "geographicalUsage" and not attrib:
            values["geographical_usage"] = simple_text(child)
        elif name == "pronunciation" and not attrib:
            values["pronunciation"] = simple_text(child)
        elif name == "usageNote" and not attrib and usage_note is None:
            values["usage_note"] = inlines(ctx, child, f"{path}.usage_note")
            usage_note = child
        elif not _value_only(child):
            raise Unmodelled(f"content in tbx:{name}")
        elif len(attrib) != 1 or "value" not in attrib:
            raise Unmodelled(f"tbx:{name} in tig")
        elif name in _TIG_FIELDS:
            values[_TIG_FIELDS[name]] = attrib["value"]
        elif name == "normativeAuthorization" and attrib["value"] in STATUS:
            values["status"] = STATUS[attrib["value"]]
        elif name == "termType" and attrib["value"] == "abbreviation":
            values["abbreviation"] = True
        elif name == "termType":
            values["term_type"] = attrib["value"]
        elif name == "grammaticalNumber":
            values["grammatical_number"] = attrib["value"]
        else:
            raise Unmodelled(f"tbx:{name} in tig")
    if term is None:
        raise Unmodelled("tig without term")
    if len(term):
        content = inlines(ctx, term, f"{path}.designations")
        values["text"] = "".join(el_text(term))
        # A term of plain text keeps only its text.
        if any(type(run) is not Text for run in content):
            values["content"] = content
    else:
        values["text"] = term.text or ""
    return make(Designation, values)


def el_text(el: El) -> list[str]:
    """Text of an element, for a designation's plain form."""
    return list(el.itertext())


def _term_display(ctx: Ctx, el: El, path: str, label: str | None, section_id: str | None) -> Any:
    check_attrs(ctx, el)
    children = [c for c in el if isinstance(c.tag, str)]
    if len(children) != 2 or children[0].tag != "term" or children[1].tag != "def":
        raise Unmodelled("term-display is not term + def")
    term, definition = children
    if len(term.attrib) or len(definition.attrib):
        raise Unmodelled("attributes in term-display")
    paras = [c for c in definition if isinstance(c.tag, str)]
    if len(paras) != 1 or paras[0].tag != "p" or len(paras[0].attrib):
        raise Unmodelled("def is not a single paragraph")
    content = inlines(ctx, term, f"{path}.designations")
    text = "".join(term.itertext())
    if not text:
        raise Unmodelled("empty term")
    if all(type(run) is Text for run in content):
        content = ()
    ctx.log.add(
        Change.NORMALISED, path, "term-display written back as tbx:termEntry", el.sourceline
    )
    return build(
        TermEntry,
        id=ctx.new_id("term"),
        label=label,
        designations=(build(Designation, text=text, content=content),),
        definitions=(build(Definition, content=inlines(ctx, paras[0], f"{path}.definitions")),),
        section_id=section_id,
    )


def _term_sec_block(ctx: Ctx, el: El, path: str) -> list[Any]:
    return [term_sec(ctx, el, path)]


BLOCK_HANDLERS["term-sec"] = _term_sec_block
