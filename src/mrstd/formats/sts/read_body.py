"""Reading STS body content: clauses, blocks and inline runs."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree

from ...model import (
    Address,
    CitationPart,
    CitationPartKind,
    CitationTitle,
    Clause,
    ClauseKind,
    Code,
    DefinitionItem,
    DefinitionList,
    Example,
    Figure,
    Footnote,
    FootnoteRef,
    ForeignBlock,
    ForeignInline,
    Formula,
    Graphic,
    InlineFormula,
    InlineGraphic,
    LineBreak,
    Link,
    LinkForm,
    ListBlock,
    ListItem,
    Media,
    NamedContent,
    Note,
    Number,
    Obligation,
    Paragraph,
    Preformat,
    ProvisionKind,
    Quote,
    ReferenceEntry,
    StandardRef,
    Style,
    Styled,
    StyledContent,
    TermRef,
    Text,
    Xref,
    XrefKind,
)
from ..base import Change
from .common import (
    ID_RE,
    MATH,
    XLINK_HREF,
    XML_LANG,
    Ctx,
    El,
    Unmodelled,
    build,
    localname,
    make,
    no_text_beside,
    serialize,
    simple_text,
    tbx,
    template,
    text_node,
    text_of,
)

Inline = Any
Block = Any

STYLES: dict[str, Style] = {
    "bold": Style.STRONG,
    "italic": Style.EMPHASIS,
    "sub": Style.SUB,
    "sup": Style.SUP,
    "monospace": Style.CODE,
    "underline": Style.UNDERLINE,
    "sc": Style.SMALL_CAPS,
    "strike": Style.STRIKE,
    "overline": Style.OVERLINE,
    "roman": Style.ROMAN,
    "sans-serif": Style.SANS_SERIF,
}

_T_FOREIGN = template(ForeignInline)
_T_XREF = template(Xref)
_T_FNREF = template(FootnoteRef)
_T_STYLED = template(Styled)
_T_NAMED = template(NamedContent)
_T_PARA = template(Paragraph)
_T_ITEM = template(ListItem)

REF_TYPES: dict[str, XrefKind] = {
    "sec": XrefKind.CLAUSE,
    "app": XrefKind.ANNEX,
    "table": XrefKind.TABLE,
    "fig": XrefKind.FIGURE,
    "disp-formula": XrefKind.FORMULA,
    "bibr": XrefKind.REFERENCE,
    "fn": XrefKind.FOOTNOTE,
    "list": XrefKind.LIST_ITEM,
    "table-fn": XrefKind.TABLE_FOOTNOTE,
    "other": XrefKind.OTHER,
}

#: sec-type values and the kinds they mean (NISO STS tag library, sec-type; ISO usage).
SEC_TYPES: dict[str, ClauseKind] = {
    "foreword": ClauseKind.FOREWORD,
    "intro": ClauseKind.INTRODUCTION,
    "scope": ClauseKind.SCOPE,
    "norm-refs": ClauseKind.NORMATIVE_REFERENCES,
    "terms": ClauseKind.TERMS_AND_DEFINITIONS,
    "symbols": ClauseKind.SYMBOLS,
    "bibl": ClauseKind.BIBLIOGRAPHY,
    "index": ClauseKind.INDEX,
}

#: Presentation attributes the model does not keep; dropping them is logged, not fatal.
DROPPABLE = frozenset(
    {
        "position",
        "orientation",
        "style",
        "scope",
        "char",
        "charoff",
        "abbr",
        "axis",
        "headers",
        "border",
        "frame",
        "rules",
        "width",
        "cellpadding",
        "cellspacing",
        "summary",
        "fig-type",
        "ext-link-type",
        "publication-type",
        "specific-use",
        "originator",
    }
)

#: Elements that are blocks even inside a paragraph (a paragraph is split around them).
BLOCK_TAGS = frozenset(
    {
        "address",
        "array",
        "boxed-text",
        "chem-struct-wrap",
        "code",
        "fig",
        "fig-group",
        "graphic",
        "media",
        "non-normative-note",
        "normative-note",
        "non-normative-example",
        "normative-example",
        "notes-group",
        "preformat",
        "supplementary-material",
        "table-wrap",
        "table-wrap-group",
        "disp-formula",
        "disp-formula-group",
        "def-list",
        "list",
        "ref-list",
        "disp-quote",
        "speech",
        "statement",
        "verse-group",
        "p",
    }
)

_EMPTY: tuple[Any, ...] = ()
_ID = frozenset({"id"})
_ID_AND_TYPE = frozenset({"id", "content-type"})
_PROVISIONS = {kind.value: kind for kind in ProvisionKind}


def check_attrs(ctx: Ctx, el: El, allowed: frozenset[str] = frozenset()) -> None:
    """Refuse unmodelled attributes, except presentation ones, which are dropped and logged."""
    for name in el.attrib:
        if name in allowed:
            continue
        if name in DROPPABLE:
            ctx.drop_attr(el, name)
            continue
        raise Unmodelled(f"attribute @{localname(name)}")


def valid_id(value: str | None) -> str | None:
    """The id if the model can hold it; otherwise the element cannot be modelled."""
    if value is None:
        return None
    if ID_RE.match(value) is None:
        raise Unmodelled(f"id {value!r} is not an NCName")
    return value


def label_text(el: El) -> str:
    """A label's text; labels with markup are not modelled."""
    return simple_text(el)


def formatted_label(ctx: Ctx, el: El, path: str) -> tuple[str, tuple[Inline, ...]]:
    """A label's text, and its formatted form when it holds markup (``<sup>1)</sup>``)."""
    if el.attrib:
        raise Unmodelled("label attributes")
    for child in el:
        if isinstance(child.tag, str):
            return text_of(el), inlines(ctx, el, path)
    return simple_text(el), ()


# ---------------------------------------------------------------- inline


def inlines(ctx: Ctx, el: El, path: str) -> tuple[Inline, ...]:
    """The mixed content of an element as inline runs."""
    out: list[Inline] = []
    text = el.text
    if text:
        out.append(text_node(text))
    handlers = INLINE_HANDLERS
    for child in el:
        tag = child.tag
        if tag.__class__ is str:
            handler = handlers.get(tag)
            if handler is None:
                data = _T_FOREIGN.copy()
                data["xml"] = ctx.opaque(child, path)
                out.append(make(ForeignInline, data))
            else:
                try:
                    out.append(handler(ctx, child, path))
                except Unmodelled as exc:
                    out.append(build(ForeignInline, xml=ctx.opaque(child, path, str(exc))))
        else:
            ctx.skipped(child, path)
        tail = child.tail
        if tail:
            if out and out[-1].__class__ is Text:
                out[-1] = text_node(out[-1].text + tail)
            else:
                out.append(text_node(tail))
    return tuple(out)


def inline(ctx: Ctx, el: El, path: str) -> Inline:
    """One inline element; anything the model cannot hold becomes foreign."""
    handler = INLINE_HANDLERS.get(el.tag)
    if handler is not None:
        try:
            return handler(ctx, el, path)
        except Unmodelled as exc:
            return build(ForeignInline, xml=ctx.opaque(el, path, str(exc)))
    return build(ForeignInline, xml=ctx.opaque(el, path))


def _styled(ctx: Ctx, el: El, path: str) -> Inline:
    if el.attrib:
        check_attrs(ctx, el)
    data = _T_STYLED.copy()
    data["style"] = STYLES[el.tag]
    data["content"] = inlines(ctx, el, path)
    return make(Styled, data)


_XREF_ATTRS = frozenset({"rid", "ref-type"})


def _xref(ctx: Ctx, el: El, path: str) -> Inline:
    get = el.get
    rid = get("rid")
    ref_type = get("ref-type")
    if len(el.attrib) > (rid is not None) + (ref_type is not None):
        check_attrs(ctx, el, _XREF_ATTRS)
    if rid is None or ID_RE.match(rid) is None:
        raise Unmodelled("xref without a single rid")
    if ref_type == "fn" and not len(el):
        label = el.text
        data = _T_FNREF.copy()
        data["target"] = rid
        data["label"] = label if label else None
        return make(FootnoteRef, data)
    kind = None
    if ref_type is not None:
        kind = REF_TYPES.get(ref_type)
        if kind is None:
            raise Unmodelled(f"ref-type {ref_type!r}")
    data = _T_XREF.copy()
    data["target"] = rid
    data["kind"] = kind
    if len(el):
        data["content"] = inlines(ctx, el, path)
    else:
        text = el.text
        data["content"] = (text_node(text),) if text else ()
    return make(Xref, data)


def _ext_link(ctx: Ctx, el: El, path: str) -> Inline:
    check_attrs(ctx, el, frozenset({XLINK_HREF}))
    href = el.get(XLINK_HREF)
    if href is None:
        raise Unmodelled("ext-link without xlink:href")
    return build(Link, href=href, content=inlines(ctx, el, path))


#: The elements of the link forms (the writer inverts this table).
LINK_ELEMENTS = {"ext-link": LinkForm.LINK, "uri": LinkForm.URI, "email": LinkForm.EMAIL}


def _uri(ctx: Ctx, el: El, path: str) -> Inline:
    """``uri`` and ``email``: the address is the text, unless ``xlink:href`` names it."""
    check_attrs(ctx, el, frozenset({XLINK_HREF}))
    text = simple_text(el)
    href = el.get(XLINK_HREF)
    if href is None:
        if not text.strip():
            raise Unmodelled(f"empty <{el.tag}>")
        # The text is the address; the model keeps it once, in href.
        return build(Link, href=text, form=LINK_ELEMENTS[el.tag])
    content = (text_node(text),) if text else ()
    return build(Link, href=href, content=content, form=LINK_ELEMENTS[el.tag])


_NAMED_ATTRS = frozenset({"content-type", "id", XLINK_HREF})


def _named_content(ctx: Ctx, el: El, path: str) -> Inline:
    get = el.get
    name = get("content-type")
    if name is None:
        raise Unmodelled("named-content without content-type")
    data = _T_NAMED.copy()
    data["name"] = name
    if len(el.attrib) > 1:
        check_attrs(ctx, el, _NAMED_ATTRS)
        data["id"] = valid_id(get("id"))
        data["href"] = get(XLINK_HREF)
    if len(el):
        data["content"] = inlines(ctx, el, path)
    else:
        text = el.text
        data["content"] = (text_node(text),) if text else ()
    return make(NamedContent, data)


def _styled_content(ctx: Ctx, el: El, path: str) -> Inline:
    check_attrs(ctx, el, frozenset({"style", "style-type", "id"}))
    return build(
        StyledContent,
        style=el.get("style"),
        style_type=el.get("style-type"),
        id=valid_id(el.get("id")),
        content=inlines(ctx, el, path),
    )


def _break(ctx: Ctx, el: El, path: str) -> Inline:
    if len(el) or el.text or len(el.attrib):
        raise Unmodelled("break with content")
    return build(LineBreak)


def _fn(ctx: Ctx, el: El, path: str) -> Inline:
    check_attrs(ctx, el, frozenset({"id"}))
    no_text_beside(el)
    label: str | None = None
    label_content: tuple[Inline, ...] = ()
    blocks: list[Block] = []
    for index, child in enumerate(el):
        if not isinstance(child.tag, str):
            continue
        if child.tag == "label" and index == 0:
            label, label_content = formatted_label(ctx, child, f"{path}.label_content")
        else:
            blocks.extend(block(ctx, child, f"{path}.blocks[{len(blocks)}]"))
    return build(
        Footnote,
        id=valid_id(el.get("id")),
        label=label,
        blocks=tuple(blocks),
        label_content=label_content,
    )


def _math_only(el: El) -> str | None:
    """The single MathML child of a formula, serialized; None for a formula of text only."""
    if not any(isinstance(c.tag, str) for c in el):
        return None
    if el.text and el.text.strip():
        raise Unmodelled("text beside the MathML")
    found: El | None = None
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag != MATH or found is not None:
            raise Unmodelled(f"<{localname(child.tag)}> in a formula")
        if child.tail and child.tail.strip():
            raise Unmodelled("text beside the MathML")
        found = child
    if found is None:
        return None
    return serialize(found)


def _bare_math(ctx: Ctx, el: El, path: str) -> Inline:
    """MathML straight in running text (allowed in TBX): an inline formula."""
    ctx.log.add(
        Change.NORMALISED, path, "MathML written back inside <inline-formula>", el.sourceline
    )
    return build(InlineFormula, mathml=serialize(el))


def _inline_formula(ctx: Ctx, el: El, path: str) -> Inline:
    check_attrs(ctx, el, frozenset({"id"}))
    mathml = _math_only(el)
    return build(
        InlineFormula,
        id=valid_id(el.get("id")),
        mathml=mathml,
        text=(el.text or None) if mathml is None else None,
    )


DATED = {"dated": True, "undated": False}


def _std(ctx: Ctx, el: El, path: str) -> Inline:
    ref = std_ref_of(el)
    attrs = _std_attrs(el, ref)
    if ref is None:
        # No std-ref: a standard cited by its designation alone, as text.
        text = simple_text(el)
        if not text.strip():
            raise Unmodelled("empty std")
        return build(StandardRef, identifier=text, marked=False, **attrs)
    identifier, lead, content = std_parts(ctx, el, ref, path)
    return build(StandardRef, identifier=identifier, lead=lead, content=content, **attrs)


def std_ref_of(el: El) -> El | None:
    """The std-ref of a ``std``, wherever it stands in it."""
    return next((c for c in el if c.tag == "std-ref"), None)


def _std_attrs(el: El, ref: El | None) -> dict[str, Any]:
    """The attributes of a ``std`` (its std-id, whether it is marked dated), and whether its
    std-ref is marked dated."""
    values: dict[str, Any] = {}
    if ref is not None and ref.get("type") in DATED:
        values["identifier_marked_dated"] = DATED[ref.get("type")]
    for name, value in el.items():
        if name == "std-id":
            values["std_id"] = value
        elif name == "type" and value in DATED:
            values["marked_dated"] = DATED[value]
        else:
            raise Unmodelled(f"attribute @{name} on std")
    return values


def std_parts(
    ctx: Ctx, el: El, ref: El, path: str
) -> tuple[str, tuple[Inline, ...], tuple[Inline, ...]]:
    """A ``std``: its std-ref (the identifier), what comes before it and what after."""
    if len(ref.attrib) and (len(ref.attrib) > 1 or ref.get("type") not in DATED):
        raise Unmodelled("attributes on a std-ref in a citation")
    identifier = simple_text(ref)
    if not identifier.strip():
        raise Unmodelled("std-ref not plain")
    lead: list[Inline] = []
    content: list[Inline] = []
    runs = lead
    if el.text:
        runs.append(text_node(el.text))
    for child in el:
        if child is ref:
            runs = content
        elif isinstance(child.tag, str):
            runs.append(inline(ctx, child, path))
        else:
            ctx.skipped(child, path)
        if child.tail:
            runs.append(text_node(child.tail))
    return identifier, tuple(lead), tuple(content)


def _citation_title(ctx: Ctx, el: El, path: str) -> Inline:
    """A ``title`` inside a citation (``std``): the title of the cited document."""
    check_attrs(ctx, el)
    return build(CitationTitle, content=inlines(ctx, el, path))


def _alt_text(el: El) -> tuple[str | None, list[El]]:
    """A graphic's alt text, and the children after it."""
    no_text_beside(el)
    children = [c for c in el if isinstance(c.tag, str)]
    if children and children[0].tag == "alt-text" and not children[0].attrib:
        return simple_text(children[0]), children[1:]
    return None, children


def _inline_graphic(ctx: Ctx, el: El, path: str) -> Inline:
    check_attrs(ctx, el, frozenset({"id", XLINK_HREF}))
    alt, children = _alt_text(el)
    if children:
        raise Unmodelled(f"<{localname(children[0].tag)}> in an inline-graphic")
    href = el.get(XLINK_HREF)
    if href is None:
        raise Unmodelled("inline-graphic without xlink:href")
    return build(InlineGraphic, href=href, alt=alt, id=valid_id(el.get("id")))


def _citation_part(ctx: Ctx, el: El, path: str) -> Inline:
    """A part of a citation or an address the tag library names (source, year, city...)."""
    check_attrs(ctx, el)
    return build(CitationPart, part=CitationPartKind(el.tag), content=inlines(ctx, el, path))


def _num(ctx: Ctx, el: El, path: str) -> Inline:
    check_attrs(ctx, el, frozenset({"dsep", "gsep", "id"}))
    return build(
        Number,
        text=simple_text(el),
        decimal_separator=el.get("dsep"),
        group_separator=el.get("gsep"),
        id=valid_id(el.get("id")),
    )


def _entailed(ctx: Ctx, el: El, path: str) -> Inline:
    check_attrs(ctx, el, frozenset({"target", "xtarget", XML_LANG}))
    target = el.get("target")
    if target is not None and ID_RE.match(target) is None:
        raise Unmodelled("target is not an id")
    return build(
        TermRef,
        target=target,
        content=inlines(ctx, el, path),
        href=el.get("xtarget"),
        language=el.get(XML_LANG),
    )


INLINE_HANDLERS: dict[str, Callable[[Ctx, El, str], Inline]] = {
    **{tag: _styled for tag in STYLES},
    "xref": _xref,
    "ext-link": _ext_link,
    "uri": _uri,
    "email": _uri,
    "named-content": _named_content,
    "styled-content": _styled_content,
    "title": _citation_title,
    "inline-graphic": _inline_graphic,
    "num": _num,
    **{part.value: _citation_part for part in CitationPartKind},
    MATH: _bare_math,
    "break": _break,
    "fn": _fn,
    "inline-formula": _inline_formula,
    "std": _std,
    tbx("entailedTerm"): _entailed,
}


# ---------------------------------------------------------------- blocks


def block(ctx: Ctx, el: El, path: str) -> list[Block]:
    """One block-level element as model blocks (usually one)."""
    tag = el.tag
    if not isinstance(tag, str):
        ctx.skipped(el, path)
        return []
    handler = BLOCK_HANDLERS.get(tag)
    if handler is not None:
        try:
            return handler(ctx, el, path)
        except Unmodelled as exc:
            return [build(ForeignBlock, xml=ctx.opaque(el, path, str(exc)))]
    return [build(ForeignBlock, xml=ctx.opaque(el, path))]


def blocks_of(ctx: Ctx, children: Iterable[El], path: str) -> tuple[Block, ...]:
    """A run of block-level children."""
    out: list[Block] = []
    for child in children:
        out.extend(block(ctx, child, f"{path}[{len(out)}]"))
    return tuple(out)


def _p(ctx: Ctx, el: El, path: str) -> list[Block]:
    pid = el.get("id")
    # mrstd writes a paragraph's provision kind as its content-type.
    provision = _PROVISIONS.get(el.get("content-type", ""))
    if len(el.attrib) > (pid is not None) + (provision is not None):
        check_attrs(ctx, el, _ID_AND_TYPE if provision is not None else _ID)
    if pid is not None:
        valid_id(pid)
    blocky = False
    for child in el:
        if child.tag in BLOCK_TAGS:
            blocky = True
            break
    if not blocky:
        if pid is None and len(el) == 1:
            only = _lone_footnote(el)
            if only is not None:
                return [_fn(ctx, only, path)]
        data = _T_PARA.copy()
        data["id"] = pid
        data["provision"] = provision
        data["content"] = inlines(ctx, el, path + ".content")
        return [make(Paragraph, data)]
    # A paragraph holding blocks (lists, tables, formulas) is split around them.
    out = split_at_blocks(ctx, el, path, pid)
    ctx.log.add(Change.NORMALISED, path, "paragraph split around the blocks it held", el.sourceline)
    return out


def split_at_blocks(ctx: Ctx, el: El, path: str, pid: str | None = None) -> list[Block]:
    """Mixed content holding blocks (lists, tables, formulas), as paragraphs between them.

    Runs of text that are only whitespace make no paragraph; ``pid`` goes to the first one.
    """
    out: list[Block] = []
    runs: list[Inline] = []

    def flush() -> None:
        nonlocal runs, pid
        meaningful = any(type(r) is not Text or r.text.strip() for r in runs)
        if meaningful or pid is not None:
            out.append(build(Paragraph, id=pid, content=tuple(runs)))
            pid = None
        runs = []

    if el.text:
        runs.append(build(Text, text=el.text))
    for child in el:
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            flush()
            out.extend(block(ctx, child, f"{path}[{len(out)}]"))
        elif isinstance(child.tag, str):
            runs.append(inline(ctx, child, path))
        else:
            ctx.skipped(child, path)
        if child.tail:
            runs.append(build(Text, text=child.tail))
    flush()
    if pid is not None:
        out.insert(0, build(Paragraph, id=pid))
    return out


def holds_blocks(el: El) -> bool:
    """Whether mixed content holds a block-level element (a list, table, formula...)."""
    # A plain loop: any() over a generator costs a frame per call on this hot path.
    for child in el:  # noqa: SIM110
        if child.tag in BLOCK_TAGS:
            return True
    return False


def _lone_footnote(el: El) -> El | None:
    if len(el) != 1 or (el.text and el.text.strip()):
        return None
    child = el[0]
    if child.tag != "fn" or (child.tail and child.tail.strip()):
        return None
    return child


def _label_and_rest(el: El) -> tuple[str | None, list[El]]:
    children = [c for c in el if isinstance(c.tag, str)]
    label = None
    if children and children[0].tag == "label":
        label = label_text(children[0])
        children = children[1:]
    if children and children[0].tag == "title":
        raise Unmodelled("titled note, example or list")
    return label, children


def _note(ctx: Ctx, el: El, path: str) -> list[Block]:
    check_attrs(ctx, el, frozenset({"id", "content-type", XML_LANG}))
    no_text_beside(el)
    label, rest = _label_and_rest(el)
    cls = Note if el.tag == "non-normative-note" else Example
    return [
        build(
            cls,
            id=valid_id(el.get("id")),
            label=label,
            blocks=blocks_of(ctx, rest, f"{path}.blocks"),
            kind=el.get("content-type"),
            language=el.get(XML_LANG),
        )
    ]


_ORDERED = frozenset(
    {"order", "alpha-lower", "alpha-upper", "roman-lower", "roman-upper", "arabic"}
)


_LIST_ATTRS = frozenset({"id", "list-type", "list-content"})


def _list(ctx: Ctx, el: El, path: str) -> list[Block]:
    check_attrs(ctx, el, _LIST_ATTRS)
    no_text_beside(el)
    list_label, rest = _label_and_rest(el)
    list_type = el.get("list-type")
    style: str | None = list_type
    ordered = list_type in _ORDERED
    if list_type in ("order", "bullet"):
        style = None
    items: list[ListItem] = []
    for child in rest:
        if child.tag != "list-item":
            raise Unmodelled(f"<{localname(child.tag)}> in a list")
        iid = child.get("id")
        if len(child.attrib) > (iid is not None):
            check_attrs(ctx, child, _ID)
        label: str | None = None
        label_content: tuple[Inline, ...] = ()
        # The item's elements, refusing text beside them in the same pass.
        text = child.text
        if text and not text.isspace():
            raise Unmodelled("text directly in <list-item>")
        content = []
        for grandchild in child:
            text = grandchild.tail
            if text and not text.isspace():
                raise Unmodelled("text directly in <list-item>")
            if grandchild.tag.__class__ is str:
                content.append(grandchild)
        if content and content[0].tag == "label":
            label, label_content = formatted_label(ctx, content[0], f"{path}.label_content")
            content = content[1:]
        if content and content[0].tag == "title":
            raise Unmodelled("titled list item")
        data = _T_ITEM.copy()
        data["id"] = valid_id(iid)
        data["label"] = label
        data["label_content"] = label_content
        data["blocks"] = blocks_of(ctx, content, f"{path}.items[{len(items)}].blocks")
        items.append(make(ListItem, data))
    return [
        build(
            ListBlock,
            id=valid_id(el.get("id")),
            ordered=ordered,
            style=style,
            items=tuple(items),
            content_kind=el.get("list-content"),
            label=list_label,
        )
    ]


def _key_break(el: El) -> El | None:
    """The line break after a formula's MathML that starts its key ("where" and the
    symbols), as Metanorma writes it; None when there is none."""
    math = next((c for c in el if c.tag == MATH), None)
    if math is None:
        return None
    after = math.getnext()
    if after is None or after.tag != "break" or len(after) or after.attrib:
        return None
    if (math.tail or "").strip() or after.text:
        return None
    return after


def _formula_key(ctx: Ctx, start: El, path: str) -> tuple[Block, ...]:
    """The key that follows ``start``, read from a copy (the source stays whole)."""
    holder = etree.Element("key")
    holder.text = start.tail
    for sibling in start.itersiblings():
        holder.append(copy.deepcopy(sibling))
    return tuple(split_at_blocks(ctx, holder, f"{path}.key"))


def _formula(ctx: Ctx, el: El, path: str) -> list[Block]:
    check_attrs(ctx, el, frozenset({"id"}))
    label = None
    stop = _key_break(el)
    mathml: str | None
    children = []
    for child in el:
        if child is stop:
            break
        if isinstance(child.tag, str):
            children.append(child)
    if children and children[0].tag == "label":
        label = label_text(children[0])
        if children[0].tail and children[0].tail.strip():
            raise Unmodelled("text beside the MathML")
        math = [c for c in children[1:]]
        if len(math) != 1 or math[0].tag != MATH:
            raise Unmodelled("formula is not label + MathML")
        if (el.text and el.text.strip()) or (math[0].tail and math[0].tail.strip()):
            raise Unmodelled("text beside the MathML")
        mathml = serialize(math[0])
    elif stop is not None:
        if len(children) != 1 or (el.text or "").strip():
            raise Unmodelled("formula is not MathML and its key")
        mathml = serialize(children[0])
    else:
        mathml = _math_only(el)
    key = _formula_key(ctx, stop, path) if stop is not None else ()
    text = (el.text or None) if mathml is None else None
    return [
        build(Formula, id=valid_id(el.get("id")), label=label, mathml=mathml, text=text, key=key)
    ]


def _preformat(ctx: Ctx, el: El, path: str) -> list[Block]:
    """``preformat`` (text only, or with highlighting and links) and ``code``."""
    is_code = el.tag == "code"
    language = "language" if is_code else "preformat-type"
    check_attrs(ctx, el, frozenset({"id", language}))
    if is_code or any(isinstance(c.tag, str) for c in el):
        return [
            build(
                Code,
                id=valid_id(el.get("id")),
                language=el.get(language),
                preformat=not is_code,
                content=inlines(ctx, el, f"{path}.content"),
            )
        ]
    return [
        build(
            Preformat,
            id=valid_id(el.get("id")),
            language=el.get(language),
            text=simple_text(el),
        )
    ]


def _def_list(ctx: Ctx, el: El, path: str) -> list[Block]:
    check_attrs(ctx, el, frozenset({"id", "list-type"}))
    no_text_beside(el)
    items: list[DefinitionItem] = []
    list_label: str | None = None
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "label" and list_label is None and not items:
            list_label = label_text(child)
            continue
        if child.tag != "def-item":
            raise Unmodelled(f"<{child.tag}> in a def-list")
        check_attrs(ctx, child, frozenset({"id"}))
        parts = [c for c in child if isinstance(c.tag, str)]
        if not parts or parts[0].tag != "term" or len(parts) > 2 or len(parts[0].attrib):
            raise Unmodelled("def-item is not term + def")
        definition: tuple[Block, ...] = ()
        if len(parts) == 2:
            if parts[1].tag != "def" or len(parts[1].attrib):
                raise Unmodelled("def-item is not term + def")
            no_text_beside(parts[1])
            definition = blocks_of(ctx, parts[1], f"{path}.items[{len(items)}].definition")
        items.append(
            build(
                DefinitionItem,
                id=valid_id(child.get("id")),
                term=inlines(ctx, parts[0], f"{path}.items[{len(items)}].term"),
                definition=definition,
            )
        )
    return [
        build(
            DefinitionList,
            id=valid_id(el.get("id")),
            items=tuple(items),
            label=list_label,
            style=el.get("list-type"),
        )
    ]


def _fig(ctx: Ctx, el: El, path: str) -> list[Block]:
    """A ``fig``, or a ``fig-group`` of figures under one number and caption."""
    check_attrs(ctx, el, frozenset({"id", "content-type"}))
    no_text_beside(el)
    label, rest = _label_and_rest(el)
    caption: tuple[Inline, ...] = ()
    description: tuple[Block, ...] = ()
    if rest and rest[0].tag == "caption":
        caption, description = caption_of(ctx, rest[0], f"{path}.caption")
        rest = rest[1:]
    media: list[Media] = []
    while rest and rest[0].tag == "graphic":
        media.append(graphic(ctx, rest[0], f"{path}.media[{len(media)}]"))
        rest = rest[1:]
    group = el.tag == "fig-group"
    if group and any(c.tag != "fig" for c in rest):
        raise Unmodelled("fig-group holding more than figures and graphics")
    blocks = blocks_of(ctx, rest, f"{path}.blocks")
    return [
        build(
            Figure,
            id=valid_id(el.get("id")),
            label=label,
            caption=caption,
            media=tuple(media),
            blocks=blocks,
            description=description,
            group=group,
            kind=el.get("content-type"),
        )
    ]


def caption_of(ctx: Ctx, el: El, path: str) -> tuple[tuple[Inline, ...], tuple[Block, ...]]:
    """A caption: its title, and the paragraphs after it."""
    if len(el.attrib):
        raise Unmodelled("caption attributes")
    no_text_beside(el)
    children = [c for c in el if isinstance(c.tag, str)]
    title: tuple[Inline, ...] = ()
    if children and children[0].tag == "title":
        if len(children[0].attrib):
            raise Unmodelled("title attributes in a caption")
        # An empty title element is kept as one empty run.
        title = inlines(ctx, children[0], path) or (text_node(""),)
        children = children[1:]
    if any(c.tag != "p" for c in children):
        raise Unmodelled("caption holds more than a title and paragraphs")
    return title, blocks_of(ctx, children, path.replace(".caption", ".description"))


def graphic(ctx: Ctx, el: El, path: str) -> Media:
    """A graphic: its alt text, label and caption."""
    check_attrs(ctx, el, frozenset({"id", XLINK_HREF, "mimetype"}))
    alt, children = _alt_text(el)
    values: dict[str, Any] = {"alt": alt}
    if children and children[0].tag == "label":
        values["label"] = label_text(children[0])
        children = children[1:]
    if children and children[0].tag == "caption":
        values["caption"], values["description"] = caption_of(ctx, children[0], f"{path}.caption")
        children = children[1:]
    if children:
        raise Unmodelled(f"<{localname(children[0].tag)}> in a graphic")
    href = el.get(XLINK_HREF)
    if href is None:
        raise Unmodelled("graphic without xlink:href")
    return build(
        Media, href=href, mime_type=el.get("mimetype"), id=valid_id(el.get("id")), **values
    )


def _quote(ctx: Ctx, el: El, path: str) -> list[Block]:
    """A disp-quote: its paragraphs, then the quoted document or an attribution."""
    check_attrs(ctx, el, _ID)
    no_text_beside(el)
    children = [c for c in el if isinstance(c.tag, str)]
    tail: dict[str, tuple[Inline, ...]] = {}
    while children and children[-1].tag in ("related-object", "attrib"):
        last = children.pop()
        field = "source" if last.tag == "related-object" else "attribution"
        if field in tail or last.attrib:
            raise Unmodelled(f"<{last.tag}> in a disp-quote")
        tail[field] = inlines(ctx, last, f"{path}.{field}")
    return [
        build(
            Quote,
            id=valid_id(el.get("id")),
            blocks=blocks_of(ctx, children, f"{path}.blocks"),
            **tail,
        )
    ]


def _address(ctx: Ctx, el: El, path: str) -> list[Block]:
    check_attrs(ctx, el, _ID)
    no_text_beside(el)
    lines = tuple(run for run in inlines(ctx, el, f"{path}.lines") if type(run) is not Text)
    return [build(Address, id=valid_id(el.get("id")), lines=lines)]


def _graphic_block(ctx: Ctx, el: El, path: str) -> list[Block]:
    return [build(Graphic, media=graphic(ctx, el, f"{path}.media"))]


def _ref(ctx: Ctx, el: El, path: str) -> list[Block]:
    check_attrs(ctx, el, frozenset({"id", "content-type"}))
    no_text_beside(el)
    label, rest = None, [c for c in el if isinstance(c.tag, str)]
    if rest and rest[0].tag == "label":
        label = label_text(rest[0])
        rest = rest[1:]
    # Notes on the reference follow its citation.
    end = len(rest)
    while end > 1 and rest[end - 1].tag == "non-normative-note":
        end -= 1
    if end != 1:
        raise Unmodelled("ref with several citations")
    notes = blocks_of(ctx, rest[1:], f"{path}.notes")
    cite = rest[0]
    rid = valid_id(el.get("id"))
    if cite.tag == "std":
        ref = std_ref_of(cite)
        attrs = _std_attrs(cite, ref)
        if ref is None:
            # A standard cited in free text, without a marked identifier.
            return [
                build(
                    ReferenceEntry,
                    id=rid,
                    label=label,
                    citation=inlines(ctx, cite, f"{path}.citation"),
                    kind=el.get("content-type"),
                    notes=notes,
                    standard=True,
                    **attrs,
                )
            ]
        if (cite.text or "").strip() or ref.getprevious() is not None:
            raise Unmodelled("text before the std-ref of a reference")
        title, uri = _title_and_uri(ctx, cite, path)
        parts = std_parts(ctx, cite, ref, f"{path}.citation")
        return [
            build(
                ReferenceEntry,
                id=rid,
                label=label,
                identifier=parts[0],
                title=title,
                citation=parts[2],
                uri=uri,
                kind=el.get("content-type"),
                notes=notes,
                **attrs,
            )
        ]
    if cite.tag == "mixed-citation":
        check_attrs(ctx, cite)
        return [
            build(
                ReferenceEntry,
                id=rid,
                label=label,
                citation=inlines(ctx, cite, f"{path}.citation"),
                kind=el.get("content-type"),
                notes=notes,
            )
        ]
    raise Unmodelled(f"<{localname(cite.tag)}> citation")


def _detach(el: El) -> None:
    """Remove an element, keeping the text that follows it."""
    parent, previous = el.getparent(), el.getprevious()
    if el.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        elif parent is not None:
            parent.text = (parent.text or "") + el.tail
    if parent is not None:
        parent.remove(el)


def _title_and_uri(ctx: Ctx, std: El, path: str) -> tuple[tuple[Inline, ...], str | None]:
    """A title right after the std-ref, and a uri at the end: where mrstd writes them."""
    kids = [c for c in std if isinstance(c.tag, str)]
    title: tuple[Inline, ...] = ()
    uri = None
    if not kids:
        return title, uri
    if (
        len(kids) >= 2
        and kids[0].tag == "std-ref"
        and kids[1].tag == "title"
        and not kids[1].attrib
        and not (kids[0].tail or "").strip()
    ):
        title = inlines(ctx, kids[1], f"{path}.title")
        _detach(kids[1])
    last = kids[-1]
    plain_uri = last.tag == "uri" and not last.attrib and not len(last) and last.text
    if plain_uri and len(kids) > 1 and not (last.tail or "").strip():
        uri = last.text
        _detach(last)
    return title, uri


def _ref_list(ctx: Ctx, el: El, path: str) -> list[Block]:
    """A reference list inside a clause: its entries join the clause's blocks."""
    if len(el.attrib):
        for name in el.attrib:
            if name == "content-type":
                continue
            raise Unmodelled(f"attribute @{name} on ref-list")
    no_text_beside(el)
    out: list[Block] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("label", "title", "ref-list"):
            raise Unmodelled(f"<{child.tag}> in an inner ref-list")
        out.extend(block(ctx, child, f"{path}[{len(out)}]"))
    return out


def _fn_group(ctx: Ctx, el: El, path: str) -> list[Block]:
    check_attrs(ctx, el)
    no_text_beside(el)
    out: list[Block] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag != "fn":
            raise Unmodelled(f"<{child.tag}> in fn-group")
        out.append(_fn(ctx, child, f"{path}[{len(out)}]"))
    return out


#: The reader of each block element. The term and table readers build on this module's
#: inline readers, so they add their own entries ("term-sec", "table-wrap", "array") when
#: they are imported (read.py imports them), rather than this module importing them back.
BLOCK_HANDLERS: dict[str, Callable[[Ctx, El, str], list[Block]]] = {
    "p": _p,
    "non-normative-note": _note,
    "non-normative-example": _note,
    "list": _list,
    "disp-formula": _formula,
    "preformat": _preformat,
    "code": _preformat,
    "address": _address,
    "disp-quote": _quote,
    "def-list": _def_list,
    "fig": _fig,
    "fig-group": _fig,
    "graphic": _graphic_block,
    "ref": _ref,
    "ref-list": _ref_list,
    "fn-group": _fn_group,
    "fn": lambda ctx, el, path: [_fn(ctx, el, path)],
}


# ---------------------------------------------------------------- clauses


def _obligation(text: str) -> Obligation | None:
    lowered = text.lower()
    if "informative" in lowered or "informatif" in lowered:
        return Obligation.INFORMATIVE
    if "normative" in lowered or "normatif" in lowered:
        return Obligation.NORMATIVE
    return None


# The tag library names 'norm-annex' and 'inform-annex'; some producers spell them out.
_ANNEX_CONTENT_TYPES = {
    "norm-annex": Obligation.NORMATIVE,
    "normative-annex": Obligation.NORMATIVE,
    "inform-annex": Obligation.INFORMATIVE,
    "informative-annex": Obligation.INFORMATIVE,
}


def clause(ctx: Ctx, el: El, path: str, kind: ClauseKind | None = None) -> Clause:
    """A ``sec`` or ``app`` with its blocks and subclauses."""
    is_app = el.tag == "app"
    cid: str | None = None
    type_label: str | None = None
    obligation: Obligation | None = None
    for name, value in el.items():
        if name == "id":
            cid = valid_id(value)
        elif name == "sec-type" and not is_app:
            mapped = SEC_TYPES.get(value)
            if mapped is None:
                type_label = value  # a sec-type the kinds do not name: kept as written
            else:
                kind = mapped
        elif name == "content-type" and is_app and value in _ANNEX_CONTENT_TYPES:
            obligation = _ANNEX_CONTENT_TYPES[value]
        else:
            ctx.drop_attr(el, name)
    if is_app:
        kind = ClauseKind.ANNEX
    label: str | None = None
    title: tuple[Inline, ...] = ()
    blocks: list[Block] = []
    subclauses: list[Clause] = []
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == "label" and label is None and not blocks and not title:
            label = label_text(child)
        elif tag == "title" and not title and not blocks:
            if len(child.attrib):
                check_attrs(ctx, child)
            # An empty title element is kept as one empty run: the section had a title.
            title = inlines(ctx, child, f"{path}.title") or (text_node(""),)
        elif tag == "annex-type" and is_app:
            text = simple_text(child)
            found = _obligation(text)
            if found is None or text.strip() not in ("(normative)", "(informative)"):
                ctx.log.add(
                    Change.NORMALISED,
                    path,
                    f"annex-type {text!r} written as (normative) or (informative)",
                    child.sourceline,
                )
            obligation = found or obligation
        elif tag == "sec":
            sub_path = f"{path}.subclauses[{len(subclauses)}]"
            try:
                subclauses.append(clause(ctx, child, sub_path))
            except Unmodelled as exc:
                bpath = f"{path}.blocks[{len(blocks)}]"
                blocks.append(build(ForeignBlock, xml=ctx.opaque(child, bpath, str(exc))))
        else:
            if subclauses and tag != "term-sec":
                ctx.log.add(
                    Change.NORMALISED,
                    path,
                    f"<{tag}> after subclauses moved before them",
                    child.sourceline,
                )
            blocks.extend(block(ctx, child, f"{path}.blocks[{len(blocks)}]"))
    texts = [el.text or ""] + [c.tail or "" for c in el]
    if any(t.strip() for t in texts):
        ctx.log.add(Change.LOST, path, "text outside paragraphs", el.sourceline)
    return build(
        Clause,
        id=cid,
        label=label,
        title=title,
        kind=kind or ClauseKind.GENERAL,
        obligation=obligation,
        blocks=tuple(blocks),
        subclauses=tuple(subclauses),
        type_label=type_label,
    )


def anonymous(blocks: list[Block], kind: ClauseKind = ClauseKind.GENERAL) -> Clause:
    """An untitled clause holding loose blocks (the writer writes them unwrapped)."""
    return build(Clause, kind=kind, blocks=tuple(blocks))


def clauses_of(
    ctx: Ctx, children: Iterable[El], path: str, kind: ClauseKind | None = None
) -> list[Clause]:
    """A run of sections, with loose blocks gathered into untitled clauses."""
    out: list[Clause] = []
    loose: list[Block] = []
    for child in children:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "sec":
            if loose:
                out.append(anonymous(loose))
                loose = []
            try:
                out.append(clause(ctx, child, f"{path}[{len(out)}]", kind))
            except Unmodelled as exc:
                xml = ctx.opaque(child, f"{path}[{len(out)}].blocks[0]", str(exc))
                out.append(anonymous([build(ForeignBlock, xml=xml)]))
        else:
            loose.extend(block(ctx, child, f"{path}[{len(out)}].blocks[{len(loose)}]"))
    if loose:
        out.append(anonymous(loose))
    return out


def element_or_foreign(ctx: Ctx, el: El, path: str, make: Callable[[], Clause]) -> Clause:
    """A clause from ``make``, or an untitled clause holding the element verbatim."""
    try:
        return make()
    except Unmodelled as exc:
        xml = ctx.opaque(el, f"{path}.blocks[0]", str(exc))
        return anonymous([build(ForeignBlock, xml=xml)])


__all__ = [
    "BLOCK_TAGS",
    "INLINE_HANDLERS",
    "SEC_TYPES",
    "block",
    "blocks_of",
    "caption_of",
    "check_attrs",
    "clause",
    "clauses_of",
    "element_or_foreign",
    "graphic",
    "inlines",
    "valid_id",
]
