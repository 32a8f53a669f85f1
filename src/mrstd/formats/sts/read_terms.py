"""Reading ``term-sec``: TBX term entries (ISO 30042) and NISO ``term-display``."""

from __future__ import annotations

from typing import Any

from ...model import (
    Definition,
    Designation,
    Example,
    Note,
    Paragraph,
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
    localname,
    no_text_beside,
    simple_text,
    tbx,
)
from .read_body import check_attrs, inlines, valid_id

#: normativeAuthorization values (ISO 10241-1:2011, 6.2 term status) and the model's status.
STATUS = {
    "preferredTerm": TermStatus.PREFERRED,
    "admittedTerm": TermStatus.ADMITTED,
    "deprecatedTerm": TermStatus.DEPRECATED,
}

_LANG_SET = tbx("langSet")
_TIG = tbx("tig")


def term_sec(ctx: Ctx, el: El, path: str) -> Any:
    """A term section holding exactly one entry."""
    check_attrs(ctx, el, frozenset({"id"}))
    section_id = valid_id(el.get("id"))
    children = [c for c in el if isinstance(c.tag, str)]
    if any((t or "").strip() for t in [el.text] + [c.tail for c in el]):
        raise Unmodelled("text outside the entry")
    label = None
    if children and children[0].tag == "label":
        label = simple_text(children[0])
        children = children[1:]
    if len(children) != 1:
        raise Unmodelled("term-sec without exactly one entry")
    entry = children[0]
    if entry.tag == tbx("termEntry"):
        return _tbx_entry(ctx, entry, path, label, section_id)
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


def _tbx_entry(ctx: Ctx, el: El, path: str, label: str | None, section_id: str | None) -> Any:
    check_attrs(ctx, el, frozenset({"id"}))
    no_text_beside(el)
    designations: list[Designation] = []
    definitions: list[Definition] = []
    notes: list[Note] = []
    examples: list[Example] = []
    sources: list[TermSource] = []
    domain: str | None = None
    extras_seen = False
    for lang_set in el:
        if not isinstance(lang_set.tag, str):
            continue
        if lang_set.tag != _LANG_SET:
            raise Unmodelled(f"<tbx:{localname(lang_set.tag)}> in termEntry")
        check_attrs(ctx, lang_set, frozenset({XML_LANG}))
        no_text_beside(lang_set)
        language = lang_set.get(XML_LANG)
        has_extras = False
        tig_seen = False
        for child in lang_set:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == _TIG:
                designations.append(_tig(ctx, child, path, language))
                tig_seen = True
                continue
            if tig_seen:
                raise Unmodelled("langSet content after the terms")
            name = localname(tag)
            if len(child.attrib):
                raise Unmodelled(f"attributes on tbx:{name}")
            if name == "definition":
                if any(d.language == language for d in definitions):
                    raise Unmodelled("two definitions in one language")
                content = inlines(ctx, child, f"{path}.definitions[{len(definitions)}]")
                definitions.append(build(Definition, language=language, content=content))
            elif name in ("note", "example"):
                has_extras = True
                content = inlines(ctx, child, f"{path}.{name}s")
                para = build(Paragraph, content=content)
                target: list[Any] = notes if name == "note" else examples
                target.append(build(Note if name == "note" else Example, blocks=(para,)))
            elif name == "source":
                has_extras = True
                content = inlines(ctx, child, f"{path}.sources[{len(sources)}]")
                sources.append(build(TermSource, content=content))
            elif name == "subjectField" and domain is None:
                domain = simple_text(child)
            else:
                raise Unmodelled(f"tbx:{name}")
        if has_extras:
            if extras_seen:
                raise Unmodelled("notes, examples or sources in several languages")
            extras_seen = True
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
    )


_TIG_FIELDS = {
    "partOfSpeech": "part_of_speech",
    "grammaticalGender": "gender",
}


def _value_only(el: El) -> bool:
    """Whether a TBX element says everything in its @value (no children, no text)."""
    return not len(el) and not (el.text or "").strip()


def _tig(ctx: Ctx, el: El, path: str, language: str | None) -> Designation:
    check_attrs(ctx, el, frozenset({"id"}))
    no_text_beside(el)
    values: dict[str, Any] = {"id": valid_id(el.get("id")), "language": language}
    term: El | None = None
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = localname(child.tag)
        if name == "term" and term is None:
            term_id = child.get("id")
            if len(child.attrib) > (term_id is not None):
                raise Unmodelled("attributes on tbx:term")
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
        elif name == "geographicalUsage" and not len(child.attrib):
            values["geographical_usage"] = simple_text(child)
        elif not _value_only(child):
            raise Unmodelled(f"content in tbx:{name}")
        elif name in _TIG_FIELDS and set(child.attrib) == {"value"}:
            values[_TIG_FIELDS[name]] = child.get("value")
        elif name == "normativeAuthorization" and child.get("value") in STATUS:
            values["status"] = STATUS[child.get("value", "")]
        elif name == "termType" and child.get("value") == "abbreviation":
            values["abbreviation"] = True
        else:
            raise Unmodelled(f"tbx:{name} in tig")
    if term is None:
        raise Unmodelled("tig without term")
    content = inlines(ctx, term, f"{path}.designations")
    text = "".join(el_text(term))
    if not text:
        raise Unmodelled("empty term")
    if all(type(run) is Text for run in content):
        content = ()
    return build(Designation, text=text, content=content, **values)


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
