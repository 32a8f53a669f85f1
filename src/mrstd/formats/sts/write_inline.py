"""Writing STS inline content: styled text, cross-references, citations, links and the
other phrase elements, moving what an element cannot hold out of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typing_extensions import assert_never

from ...fragments import ids_in, root_name
from ...model import (
    CitationPart,
    CitationTitle,
    Footnote,
    FootnoteRef,
    ForeignInline,
    InlineFormula,
    InlineGraphic,
    InlineNode,
    LineBreak,
    Link,
    LinkForm,
    NamedContent,
    Number,
    ProvisionSpan,
    StandardRef,
    Styled,
    StyledContent,
    TermRef,
    Text,
    Xref,
    XrefKind,
)
from ..base import Change
from ..xmlescape import escape_text
from .read_body import LINK_ELEMENTS
from .write_base import (
    WriterBase,
    attr,
    esc,
    foreign_text,
    runs_text,
    std_attrs,
    std_ref_attrs,
)
from .write_content import (
    ENTAILED_INLINE,
    NAMED_CONTENT,
    NARROW,
    PART_CONTENT,
    RICH,
    STD,
    STYLE_TAGS,
    STYLED,
    _in_tag_set,
)

_REF_TYPE = {
    XrefKind.CLAUSE: "sec",
    XrefKind.ANNEX: "app",
    XrefKind.TABLE: "table",
    XrefKind.FIGURE: "fig",
    XrefKind.FORMULA: "disp-formula",
    XrefKind.REFERENCE: "bibr",
    XrefKind.FOOTNOTE: "fn",
    XrefKind.LIST_ITEM: "list",
    XrefKind.TABLE_FOOTNOTE: "table-fn",
}

#: The ref-type attribute of a cross-reference, by its kind (none for no kind).
_REF_TYPE_ATTR: dict[XrefKind | None, str] = {
    None: "",
    **{kind: f' ref-type="{_REF_TYPE.get(kind, "other")}"' for kind in XrefKind},
}

_LINK_ELEMENT = {form: tag for tag, form in LINK_ELEMENTS.items()}


#: The element of each inline type that is always written as the same element (the others
#: depend on the run: ``_inline_element``).
_FIXED_ELEMENT: dict[type, str] = {
    NamedContent: "named-content",
    Xref: "xref",
    Styled: "bold",
    FootnoteRef: "xref",
    StandardRef: "std",
    TermRef: "tbx:entailedTerm",
    Footnote: "fn",
    InlineFormula: "inline-formula",
    LineBreak: "break",
    StyledContent: "styled-content",
    CitationTitle: "title",
    InlineGraphic: "inline-graphic",
    Number: "num",
}

#: Inline runs that move out of an element that cannot hold them, to where they can stand.
_HOISTED = frozenset({Footnote, InlineFormula})


def _inline_element(run: Any) -> str:
    """The STS element an inline run is written as ("" for text and provision spans)."""
    fixed = _FIXED_ELEMENT.get(run.__class__)
    if fixed is not None:
        return fixed
    match run:
        case Link():
            if any(r.__class__ is not Text for r in run.content):
                return "ext-link"
            return _LINK_ELEMENT[run.form]
        case CitationPart():
            return str(run.part.value)
        case ForeignInline():
            return root_name(run.xml)
    return ""


class InlineWriter(WriterBase):
    """Writing inline runs."""

    def inlines(self, runs: Sequence[Any], allowed: frozenset[str]) -> None:
        """Write runs as the whole content of an element."""
        for run in self.hoisting_inlines(runs, allowed):
            self.lost(f"{run.type} has no place here; its text is kept")
            self.out.append(esc(runs_text([run]) if run.type != "footnote" else ""))

    def hoisting_inlines(self, runs: Sequence[Any], allowed: frozenset[str]) -> list[Any]:
        """Write runs; return those that must be written after the enclosing element."""
        w = self.out.append
        hoisted: list[Any] = []
        fixed = _FIXED_ELEMENT
        for run in runs:
            cls = run.__class__
            if cls is Text:
                w(escape_text(run.text))
                continue
            name = fixed.get(cls)
            if name is None:
                name = _inline_element(run)
            if name in allowed or cls is ProvisionSpan:
                later = self.write_inline(run, allowed)
                if later:
                    hoisted.extend(self._place(later, allowed))
            elif cls is ForeignInline and not _in_tag_set(name):
                # Markup outside the tag set stays where it was, as it was: the output is
                # then as invalid as the source, and the log says so.
                self.log.add(
                    Change.INVALID,
                    self.path,
                    f"<{name}> is not in the NISO STS tag set; written where it was",
                )
                w(run.xml)
            elif cls in _HOISTED or (cls is ForeignInline and ids_in(run.xml)):
                hoisted.append(run)
            elif cls is ForeignInline:
                self.lost(f"<{name}> is not allowed here; its text is kept")
                w(esc(foreign_text(run.xml)))
            elif cls is FootnoteRef:
                self.lost("footnote reference inside a link or cross-reference")
                w(esc(run.label or ""))
            else:
                self.normalised(f"{run.type} not allowed here; its content is kept")
                inner = self.hoisting_inlines(getattr(run, "content", ()), allowed)
                hoisted.extend(self._place(inner, allowed))
        return hoisted

    def _place(self, later: list[Any], allowed: frozenset[str]) -> list[Any]:
        """Write moved runs here if allowed, else pass them further up."""
        rest: list[Any] = []
        for run in later:
            name = _inline_element(run)
            if name in allowed:
                self.normalised(f"<{name}> moved out of an element that cannot hold it")
                again = self.write_inline(run, allowed)
                rest.extend(again or ())
            else:
                rest.append(run)
        return rest

    def write_inline(self, run: InlineNode, allowed: frozenset[str]) -> list[Any]:
        """The element of one inline run, by its model type; returns the runs that must be
        written after the enclosing element. mypy --strict fails here when an inline type
        is added to the model and not handled."""
        match run:
            # The most frequent types first: a match tries its cases in order.
            case NamedContent():
                return self.named_content(run, allowed)
            case Xref():
                return self.xref(run, allowed)
            case Styled():
                return self.styled(run, allowed)
            case Text():
                self.out.append(escape_text(run.text))
                return []
            case FootnoteRef():
                return self.footnote_ref(run, allowed)
            case StandardRef():
                return self.standard_ref(run, allowed)
            case TermRef():
                return self.term_ref(run, allowed)
            case Footnote():
                return self.inline_footnote(run, allowed)
            case InlineFormula():
                return self.inline_formula(run, allowed)
            case Link():
                return self.link(run, allowed)
            case LineBreak():
                return self.line_break(run, allowed)
            case StyledContent():
                return self.styled_content(run, allowed)
            case CitationTitle():
                return self.citation_title(run, allowed)
            case InlineGraphic():
                return self.inline_graphic(run, allowed)
            case Number():
                return self.number(run, allowed)
            case CitationPart():
                return self.citation_part(run, allowed)
            case ProvisionSpan():
                return self.provision(run, allowed)
            case ForeignInline():
                return self.foreign_inline(run, allowed)
            case _:
                assert_never(run)

    def styled(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        tag = STYLE_TAGS[run.style]
        self.out.append(f"<{tag}>")
        later = self.hoisting_inlines(run.content, STYLED)
        self.out.append(f"</{tag}>")
        return later

    def xref(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        w = self.out.append
        w(f'<xref{_REF_TYPE_ATTR[run.kind]} rid="{run.target}">')
        content = run.content
        if len(content) == 1 and content[0].__class__ is Text:  # the usual case: a number
            w(escape_text(content[0].text))
            w("</xref>")
            return []
        later = self.hoisting_inlines(content, NARROW)
        w("</xref>")
        return later

    def footnote_ref(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append(f'<xref ref-type="fn" rid="{run.target}">{esc(run.label or "")}</xref>')
        return []

    def standard_ref(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append(f"<std{std_attrs(run)}>")
        if not run.marked and not run.lead and not run.content:
            # Cited by its designation alone, as the source had it.
            self.out.append(f"{esc(run.identifier)}</std>")
            return []
        later = self.hoisting_inlines(run.lead, STD)
        self.out.append(f"<std-ref{std_ref_attrs(run)}>{esc(run.identifier)}</std-ref>")
        later += self.hoisting_inlines(run.content, STD)
        # STS has no element for a locality: it is written as text, unless the citation as
        # written already shows it ("ISO 80000-3:2019, Clause 3").
        shown = runs_text(run.content)
        written = False
        for loc in run.locality:
            if loc.reference in shown:
                continue
            to = f"–{loc.to}" if loc.to else ""
            self.out.append(esc(f", {loc.type.value} {loc.reference}{to}"))
            written = True
        if written:
            self.normalised("locality of a standard reference written as text")
        if run.reference is not None:
            self.lost("link from a standard reference to its reference entry")
        self.out.append("</std>")
        return later

    def term_ref(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        target = f' target="{run.target}"' if run.target else ""
        if run.href is not None:
            target += f' xtarget="{attr(run.href)}"'
        if run.language is not None:
            target += f' xml:lang="{attr(run.language)}"'
        self.out.append(f"<tbx:entailedTerm{target}>")
        later = self.hoisting_inlines(run.content, ENTAILED_INLINE)
        self.out.append("</tbx:entailedTerm>")
        return later

    def inline_footnote(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.footnote(run)
        return []

    def citation_part(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        tag = run.part.value
        self.out.append(f"<{tag}>")
        later = self.hoisting_inlines(run.content, PART_CONTENT.get(run.part, frozenset()))
        self.out.append(f"</{tag}>")
        return later

    def number(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        attrs = f' id="{run.id}"' if run.id else ""
        if run.decimal_separator is not None:
            attrs += f' dsep="{attr(run.decimal_separator)}"'
        if run.group_separator is not None:
            attrs += f' gsep="{attr(run.group_separator)}"'
        self.out.append(f"<num{attrs}>{esc(run.text)}</num>")
        return []

    def inline_graphic(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        attrs = f' id="{run.id}"' if run.id else ""
        w = self.out.append
        w(f'<inline-graphic{attrs} xlink:href="{attr(run.href)}"')
        if run.alt is None:
            w("/>")
        else:
            w(f"><alt-text>{esc(run.alt)}</alt-text></inline-graphic>")
        return []

    def inline_formula(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        attrs = f' id="{run.id}"' if run.id else ""
        self.out.append(f"<inline-formula{attrs}>")
        if run.mathml:
            self.out.append(run.mathml)
            if run.text:
                self.lost("plain-text form of a formula that also has MathML")
        elif run.text:
            self.out.append(esc(run.text))
        self.out.append("</inline-formula>")
        return []

    def link(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        plain = all(r.type == "text" for r in run.content)
        if run.form is not LinkForm.LINK and not plain:
            # uri and email hold text only; linked text with markup needs an ext-link.
            self.normalised(f"{run.form.value} holding markup written as an ext-link")
        if run.form is LinkForm.LINK or not plain:
            self.out.append(f'<ext-link ext-link-type="uri" xlink:href="{attr(run.href)}">')
            later = self.hoisting_inlines(run.content, NARROW)
            self.out.append("</ext-link>")
            return later
        # uri and email hold text only: the address, or the text shown for xlink:href.
        tag = _LINK_ELEMENT[run.form]
        shown = esc(runs_text(run.content))
        if not shown:
            # The address is the text.
            self.out.append(f"<{tag}>{esc(run.href)}</{tag}>")
            return []
        self.out.append(f'<{tag} xlink:href="{attr(run.href)}">{shown}</{tag}>')
        return []

    def citation_title(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append("<title>")
        later = self.hoisting_inlines(run.content, RICH)
        self.out.append("</title>")
        return later

    def named_content(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        w = self.out.append
        name = self._names.get(run.name)
        if name is None:  # content-type names repeat: each is escaped once
            name = self._names[run.name] = attr(run.name)
        if run.id or run.href is not None:
            attrs = f' id="{run.id}"' if run.id else ""
            attrs += f' content-type="{name}"'
            if run.href is not None:
                attrs += f' xlink:href="{attr(run.href)}"'
            w(f"<named-content{attrs}>")
        else:
            w(f'<named-content content-type="{name}">')
        content = run.content
        if len(content) == 1 and content[0].__class__ is Text:
            w(escape_text(content[0].text))
            w("</named-content>")
            return []
        later = self.hoisting_inlines(content, NAMED_CONTENT)
        w("</named-content>")
        return later

    def styled_content(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        attrs = f' id="{run.id}"' if run.id else ""
        if run.style is not None:
            attrs += f' style="{attr(run.style)}"'
        if run.style_type is not None:
            attrs += f' style-type="{attr(run.style_type)}"'
        self.out.append(f"<styled-content{attrs}>")
        later = self.hoisting_inlines(run.content, NAMED_CONTENT)
        self.out.append("</styled-content>")
        return later

    def line_break(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append("<break/>")
        return []

    def provision(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.lost(f"provision marking ({run.kind.value}); its text is kept")
        return self.hoisting_inlines(run.content, allowed)

    def foreign_inline(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append(run.xml)
        return []
