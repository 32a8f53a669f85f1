"""Writing NISO STS 1.0 (Interchange or Extended tag set) from a document.

The writer builds the XML as text, choosing for every element only children the
tag set allows in that place (ANSI/NISO Z39.102-2017 content models). What a
context cannot hold is moved (a footnote out of a cross-reference), wrapped (a
table inside a list item goes into a ``p``), or, when STS has no place for it at
all, written as plain text and recorded as LOST in the conversion log.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Any

import orjson
from lxml import etree
from typing_extensions import assert_never

from ...errors import ConversionError
from ...model import (
    Address,
    BlockNode,
    CitationPart,
    CitationPartKind,
    CitationTitle,
    Clause,
    ClauseKind,
    Code,
    CrossReferenceKind,
    DateType,
    DefinitionList,
    Document,
    Example,
    Figure,
    Footnote,
    FootnoteRef,
    ForeignBlock,
    ForeignInline,
    Formula,
    Graphic,
    IdentifierType,
    InlineFormula,
    InlineGraphic,
    InlineNode,
    Layer,
    LineBreak,
    Link,
    LinkForm,
    ListBlock,
    Metadata,
    NamedContent,
    Note,
    Number,
    Obligation,
    Paragraph,
    Preformat,
    ProvisionSpan,
    Quote,
    ReferenceEntry,
    StandardRef,
    Styled,
    StyledContent,
    Table,
    TableMarkup,
    TermEntry,
    TermRef,
    Text,
    Xref,
    XrefKind,
)
from ..base import Change, ConversionLog
from ..xmlescape import encode_xml, escape_attr, escape_text
from .common import (
    CARRIED_PREFIX,
    MML_NS,
    OASIS_NS,
    TBX_NS,
    XLINK_NS,
    has_text_beside,
    oasis_column_name,
)
from .read_body import BLOCK_TAGS, DATED, LINK_ELEMENTS, SEC_TYPES, STYLES

TAG_SETS = ("interchange", "extended")

_STYLE_TAGS = {style: tag for tag, style in STYLES.items()}
_SEC_TYPE = {kind: name for name, kind in SEC_TYPES.items()}
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
_DATED_NAME = {dated: name for name, dated in DATED.items()}

_HAS_ID = re.compile(r'\sid="').search
_ROOT_TAG = re.compile(r"<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)")


esc = escape_text
attr = escape_attr


def root_name(xml: str) -> str:
    """The element name of a serialized fragment (prefixed for tbx: and mml:)."""
    match = _ROOT_TAG.search(xml)
    return match.group(1) if match else ""


_STYLES = frozenset(_STYLE_TAGS.values()) | {"fixed-case", "num", "ruby"}
_NARROW = _STYLES | {"named-content", "styled-content", "inline-graphic", "private-char"}
_PHRASE = _NARROW | {
    "xref",
    "std",
    "fn",
    "ext-link",
    "uri",
    "email",
    "inline-formula",
    "tbx:entailedTerm",
    "abbrev",
    "index-term",
    "index-term-range-end",
    "milestone-start",
    "milestone-end",
    "target",
    "chem-struct",
    "tex-math",
    "mml:math",
    "alternatives",
    "related-article",
    "related-object",
    "inline-supplementary-material",
    "element-citation",
    "mixed-citation",
    "citation-alternatives",
    "std-ref",
}
#: Inline content of p, title, td, term, tbx:definition and the like.
RICH = _PHRASE | {"break"}
#: Inside bold, italic, sub, sup...: no line breaks.
STYLED = _PHRASE
#: Inside mixed-citation: phrases plus the citation parts of the tag set.
CITATION = RICH | {
    "label",
    "annotation",
    "article-title",
    "chapter-title",
    "collab",
    "collab-alternatives",
    "comment",
    "conf-acronym",
    "conf-date",
    "conf-loc",
    "conf-name",
    "conf-sponsor",
    "data-title",
    "date",
    "date-in-citation",
    "day",
    "edition",
    "elocation-id",
    "etal",
    "fpage",
    "gov",
    "institution",
    "institution-wrap",
    "isbn",
    "issn",
    "issn-l",
    "issue",
    "issue-id",
    "issue-part",
    "issue-title",
    "lpage",
    "month",
    "name",
    "name-alternatives",
    "object-id",
    "page-range",
    "part-title",
    "patent",
    "person-group",
    "pub-id",
    "publisher-loc",
    "publisher-name",
    "role",
    "season",
    "series",
    "size",
    "source",
    "string-name",
    "supplement",
    "trans-source",
    "trans-title",
    "version",
    "volume",
    "volume-id",
    "volume-series",
    "year",
}
#: Inside xref and ext-link.
NARROW = _NARROW
#: Inside std, after its std-ref.
STD = _NARROW | {"ext-link", "fn", "std-id", "title", "uri", "xref"}

#: Blocks allowed in sec, app, body and notes (the para-level class of the tag set).
PARA_LEVEL = (BLOCK_TAGS - {"ref-list"}) | {
    "alternatives",
    "mml:math",
    "related-article",
    "related-object",
    "tex-math",
}
SEC_BLOCKS = PARA_LEVEL | {"fn-group", "glossary", "ref-list"}
#: Inline content of p: phrases, and the blocks a paragraph may hold.
P_INLINE = RICH | (PARA_LEVEL - {"p"}) | {"ref-list"}
#: Inline content of tbx:definition, tbx:note, tbx:example, tbx:source, tbx:entailedTerm.
TBX_INLINE = RICH | (PARA_LEVEL - {"p", "tex-math", "related-article", "related-object"})
#: Inline content of tbx:entailedTerm (which cannot nest).
ENTAILED_INLINE = TBX_INLINE - {"tbx:entailedTerm"}
#: Inline content of term and tbx:term.
TERM_INLINE = (
    STYLED
    | {"disp-formula", "disp-formula-group", "array", "code", "graphic"}
    | {
        "media",
        "preformat",
    }
)
#: Content of a table cell.
CELL_INLINE = (
    RICH
    | {"hr", "p", "fig", "fig-group", "def-list", "list", "disp-formula"}
    | {
        "disp-formula-group",
        "non-normative-note",
        "normative-note",
        "non-normative-example",
        "normative-example",
        "notes-group",
        "array",
        "code",
        "graphic",
        "media",
        "preformat",
    }
)
#: What disp-formula holds beside its label and MathML (a key written after a break).
FORMULA_INLINE = _STYLES | {
    "break",
    "email",
    "ext-link",
    "uri",
    "inline-formula",
    "inline-graphic",
    "mml:math",
    "named-content",
    "styled-content",
    "private-char",
}
FORMULA_BLOCKS = frozenset(
    {"array", "code", "graphic", "media", "preformat", "notes-group"}
    | {"non-normative-note", "non-normative-example", "normative-note", "normative-example"}
)
NOTE_BLOCKS = PARA_LEVEL
ITEM_BLOCKS = frozenset(
    {"p", "normative-note", "non-normative-note", "normative-example", "non-normative-example"}
    | {"notes-group", "def-list", "list"}
)
DEF_BLOCKS = ITEM_BLOCKS - {"def-list", "list"}
FN_BLOCKS = DEF_BLOCKS
FOOT_BLOCKS = DEF_BLOCKS | {"fn-group", "fn"}
FIG_BLOCKS = (
    PARA_LEVEL - {"fig", "fig-group", "boxed-text", "address", "tex-math", "mml:math"}
) | {
    "fn-group",
    "fn",
}
#: preformat holds highlighting and a few phrases.
PREFORMAT_INLINE = _NARROW | {
    "abbrev",
    "citation-alternatives",
    "element-citation",
    "email",
    "ext-link",
    "fn",
    "index-term",
    "index-term-range-end",
    "milestone-end",
    "milestone-start",
    "mixed-citation",
    "std",
    "target",
    "tbx:entailedTerm",
    "uri",
    "xref",
}
#: After its citation a ref holds notes.
REF_NOTE_BLOCKS = frozenset({"non-normative-note"})
#: What disp-quote holds before its source and attribution.
QUOTE_BLOCKS = PARA_LEVEL - {"address", "boxed-text", "fig", "fig-group", "table-wrap"}
_TITLE_PART = _STYLES | {"email", "ext-link", "uri", "named-content", "styled-content"}
_PLACE_PARTS = frozenset({"city", "country", "fax", "institution", "phone", "postal-code", "state"})
#: What each citation or address part holds (NISO STS 1.0); an empty set: text only.
PART_CONTENT: dict[CitationPartKind, frozenset[str]] = {
    CitationPartKind.SOURCE: _TITLE_PART,
    CitationPartKind.ARTICLE_TITLE: STYLED | {"break"},
    CitationPartKind.CHAPTER_TITLE: _TITLE_PART,
    CitationPartKind.PART_TITLE: _TITLE_PART,
    CitationPartKind.COLLAB: _NARROW
    | _PLACE_PARTS
    | {"addr-line", "address", "email", "ext-link", "fn", "inline-formula", "uri", "xref"},
    CitationPartKind.PERSON_GROUP: frozenset({"collab", "etal", "string-name"}),
    CitationPartKind.STRING_NAME: frozenset({"given-names", "surname"}),
    CitationPartKind.DATE_IN_CITATION: frozenset({"day", "month", "year"}),
    CitationPartKind.PUBLISHER_NAME: frozenset({"institution"}),
    CitationPartKind.PUBLISHER_LOC: _STYLES
    | _PLACE_PARTS
    | {"addr-line", "email", "ext-link", "inline-graphic", "private-char", "uri"},
    CitationPartKind.COMMENT: STYLED,
    CitationPartKind.INSTITUTION: _STYLES | {"break", "inline-graphic", "private-char"},
    CitationPartKind.ADDR_LINE: _NARROW | _PLACE_PARTS | {"inline-formula"},
}
#: What attrib (a quotation's attribution) and related-object (its source) hold.
ATTRIB_CONTENT = STYLED - {"break"}
RELATED_OBJECT_CONTENT = (
    _STYLES
    | {"named-content", "styled-content", "inline-graphic", "private-char", "std"}
    | {"email", "ext-link", "uri"}
    | {part.value for part in CitationPartKind} - {"comment"} - _PLACE_PARTS - {"addr-line"}
    | {"institution"}
)
#: What a label holds.
LABEL_CONTENT = _STYLES | {
    "inline-formula",
    "inline-graphic",
    "named-content",
    "styled-content",
    "private-char",
    "fn",
    "xref",
    "tbx:entailedTerm",
    "chem-struct",
}
#: What named-content and styled-content hold (phrases, but no citations).
NAMED_CONTENT = (
    STYLED - {"std", "std-ref", "element-citation", "mixed-citation"} - {"citation-alternatives"}
)
#: What address holds (text directly in it has no place).
ADDRESS_PARTS = frozenset(
    {"addr-line", "city", "country", "fax", "institution", "phone", "postal-code", "state"}
    | {"email", "ext-link", "uri"}
)
#: fig-group holds figures (and graphics, which the model keeps as media).
FIG_GROUP_BLOCKS = frozenset({"fig"})
CELL_BLOCKS = PARA_LEVEL - {"table-wrap", "table-wrap-group", "boxed-text", "address"}
TBX_BLOCKS = PARA_LEVEL - {"p", "tex-math", "related-article", "related-object"}

BODY_SECTIONS = frozenset({"sec", "term-sec", "sub-part"})
FRONT_SECTIONS = frozenset({"sec", "ack", "notes", "toc", "toc-group"})
BACK_SECTIONS = frozenset(
    {"sec", "term-sec", "app-group", "bio", "fn-group", "glossary", "ref-list", "ack", "notes"}
    | {"toc", "toc-group", "index", "index-group"}
)

#: Children of the metadata elements, in the order every one of them requires.
META_ORDER = [
    "title-wrap",
    "doc-ident",
    "proj-id",
    "release-version",
    "std-ident",
    "std-org",
    "std-org-group",
    "content-language",
    "std-ref",
    "doc-ref",
    "pub-date",
    "release-date",
    "meta-date",
    "wi-number",
    "comm-ref",
    "comm-ref-group",
    "accrediting-organization",
    "authorization",
    "secretariat",
    "ics",
    "ics-wrap",
    "subj-group",
    "page-count",
    "counts",
    "is-proof",
    "std-xref",
    "release-version-id",
    "permissions",
    "self-uri",
    "abstract",
    "kwd-group",
    "meta-note",
    "custom-meta-group",
]
_RANK = {name: i for i, name in enumerate(META_ORDER)}
# Elements of a choice group share their rank, so they keep their relative order.
for _a, _b in (("std-org-group", "std-org"), ("comm-ref-group", "comm-ref"), ("ics-wrap", "ics")):
    _RANK[_a] = _RANK[_b]
_COMMON_META = set(META_ORDER) - {
    "doc-ident",
    "proj-id",
    "release-version",
    "wi-number",
    "accrediting-organization",
    "authorization",
    "release-version-id",
}
META_CHILDREN: dict[str, frozenset[str]] = {
    "std-meta": frozenset(_COMMON_META | {"proj-id", "release-version", "wi-number"})
    | {"accrediting-organization", "authorization", "release-version-id"},
    "std-doc-meta": frozenset(_COMMON_META | {"release-version"})
    | {"accrediting-organization", "authorization"},
    "iso-meta": frozenset(_COMMON_META | {"doc-ident"}),
    "reg-meta": frozenset(_COMMON_META - {"is-proof"} | {"doc-ident", "wi-number"})
    | {"release-version-id"},
    "nat-meta": frozenset(_COMMON_META - {"is-proof"} | {"doc-ident"}),
}
_SINGLE = frozenset(
    {
        "doc-ident",
        "proj-id",
        "release-version",
        "std-ident",
        "doc-ref",
        "pub-date",
        "wi-number",
        "accrediting-organization",
        "authorization",
        "page-count",
        "counts",
        "is-proof",
        "release-version-id",
    }
)
#: TBX termType values (ISO 30042, as the NISO STS TBX module lists them).
_TERM_TYPES = frozenset(
    {"abbreviation", "acronym", "equation", "formula", "fullForm", "symbol", "variant"}
)
_NUMBERS = frozenset({"singular", "plural"})
_POS = frozenset({"adj", "adv", "noun", "verb"})
_GENDERS = frozenset({"feminine", "masculine", "neuter"})
_ALIGN = frozenset({"left", "center", "right", "justify", "char"})
_VALIGN = frozenset({"top", "middle", "bottom", "baseline"})
_SCOPE = frozenset({"row", "col", "rowgroup", "colgroup"})


def _attrs(*pairs: tuple[str, object]) -> str:
    """Attributes for the pairs whose value is set, escaped, in the order given."""
    return "".join(f' {name}="{attr(str(value))}"' for name, value in pairs if value is not None)


#: OASIS table frames (the keys) and the XHTML frame that draws the same rules.
_XHTML_FRAME = {
    "all": "box",
    "none": "void",
    "sides": "vsides",
    "top": "above",
    "bottom": "below",
    "topbot": "hsides",
}
_XHTML_FRAMES = frozenset({*_XHTML_FRAME.values(), "border", "lhs", "rhs"})
_STATUS = {"admitted": "admittedTerm", "deprecated": "deprecatedTerm"}
#: The parts of a term entry that belong to a language, in the order a langSet holds them.
_TERM_PARTS = ("subject field", "note", "example", "source", "cross-reference")
#: Inline content of tbx:term inside a tig.
_TIG_TERM_INLINE = TERM_INLINE | {"break"}
_OTHER_DATE_FIELDS = ("implemented", "withdrawn", "confirmed")
#: Metadata fields with no STS element, carried as mrstd:<field> custom-meta.
_CARRIED_FIELDS = (
    "doc_type",
    "doc_type_label",
    "subdoctype",
    "scope",
    "mandate",
    "prefix",
    "topic",
    "status",
    "ccs",
    "links",
    "plan_number",
)
#: Release identification in doc-ident order: STS element and Metadata field.
_RELEASE_PARTS = (
    ("sdo", "sdo"),
    ("proj-id", "project_id"),
    ("language", "release_language"),
    ("release-version", "release_version"),
    ("urn", "urn"),
)
_RELEASE_FIELD = dict(
    _RELEASE_PARTS, **{"wi-number": "work_item", "release-version-id": "release_version_id"}
)
#: StructuredIdentifier fields std-ident writes.
_STD_IDENT_WRITTEN = frozenset(
    {"agency", "type", "docnumber", "part", "edition", "version", "supplement_type"}
    | {"supplement_number", "supplement_version", "year", "isbn", "issn"}
)
_ORG_WRITTEN = frozenset({"name", "abbreviation"})
_PARTLY_WRITTEN = (
    ("titles", frozenset({"language", "introductory", "main", "complementary", "full"})),
    ("committees", frozenset({"identifier"})),
    ("relations", frozenset({"kind", "identifier", "original_type"})),
    ("ics", frozenset({"code"})),
    ("keywords", frozenset({"text", "language"})),
    ("abstract", frozenset({"text", "language", "title"})),
)


def _beyond(items: Sequence[Any], written: frozenset[str]) -> bool:
    """Whether any item has a value in a field that its STS form does not write."""
    return any(
        getattr(item, f.name) != f.default
        for item in items
        for f in dataclasses.fields(item)
        if f.name not in written
    )


_DEFAULT_META = {name: Metadata.model_fields[name].default for name in _CARRIED_FIELDS}


def foreign_text(xml: str) -> str:
    """The character data of a serialized fragment, with spaces between separate items.

    Without them, words from adjacent elements (``<main>A</main><std-ref>B``) would run
    together; inline elements in mixed content join their text as written. A block element's
    text starts and ends with a space, so that it stays apart from text around it.
    """
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return re.sub(r"<[^>]*>", "", xml)
    parts: list[str] = []

    def walk(el: Any) -> None:
        block = not isinstance(el.tag, str) or etree.QName(el).localname not in RICH
        # Children of an element that holds no text of its own are separate items.
        mixed = has_text_beside(el)
        if block:
            parts.append(" ")
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
            elif not mixed:
                parts.append(" ")
        if block:
            parts.append(" ")

    walk(root)
    return "".join(parts)


def _text_of(runs: Sequence[Any]) -> str:
    """Plain text of inline runs."""
    out: list[str] = []
    for run in runs:
        kind = run.type
        if kind == "text":
            out.append(run.text)
        elif kind == "foreign":
            out.append(foreign_text(run.xml))
        elif kind == "inline-formula":
            out.append(run.text or "")
        elif kind == "footnote-ref":
            out.append(run.label or "")
        elif kind == "standard-ref":
            out.append(run.identifier)
            out.append(_text_of(run.content))
        elif kind == "link" and not run.content:
            out.append(run.href)
        elif hasattr(run, "content"):
            out.append(_text_of(run.content))
    return "".join(out)


class Writer:
    """One export run."""

    def __init__(self, log: ConversionLog, tag_set: str) -> None:
        if tag_set not in TAG_SETS:
            raise ConversionError(f"unknown STS tag set {tag_set!r}; use one of {TAG_SETS}")
        self.log = log
        self.tag_set = tag_set
        self.out: list[str] = []
        #: Where in the document the writer is, for the log: a path, and the index of the
        #: block in it (formatted only when something is logged).
        self._where: tuple[str, int | None] = ("", None)
        #: Escaped named-content names, by name.
        self._names: dict[str, str] = {}
        #: The STS default language of a standard (xml:lang default "en").
        self.lang = "en"

    @property
    def path(self) -> str:
        """The path of what is being written, as the log gives it."""
        base, index = self._where
        return base if index is None else f"{base}[{index}]"

    @path.setter
    def path(self, value: str) -> None:
        self._where = (value, None)

    def lost(self, detail: str) -> None:
        self.log.add(Change.LOST, self.path, detail)

    def normalised(self, detail: str) -> None:
        self.log.add(Change.NORMALISED, self.path, detail)

    # ------------------------------------------------------------ document

    def document(self, doc: Document) -> bytes:
        w = self.out.append
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        languages = [t.language for t in doc.metadata.titles] or list(doc.metadata.languages)
        if languages:
            self.lang = languages[0]
        self.layer(doc, root=True)
        return encode_xml("".join(self.out), doc)

    def _root_attrs(self, root: bool) -> str:
        if not root:
            return ""
        return (
            f' xmlns:mml="{MML_NS}" xmlns:tbx="{TBX_NS}" xmlns:xlink="{XLINK_NS}" dtd-version="1.0"'
        )

    def layer(self, layer: Document | Layer, root: bool = False, prefix: str = "") -> None:
        w = self.out.append
        chain: list[Any] = list(layer.layers())
        if len(chain) > 1 and self._flat(chain):
            # Several metadata elements in one front, as ISOSTS writes an adoption chain.
            inner = chain[-1]
            w(f"<standard{self._root_attrs(root)}>\n<front>\n")
            for index, item in enumerate(reversed(chain)):
                self.path = prefix + "adopted." * (len(chain) - 1 - index) + "metadata"
                self.metadata(item.metadata, item.metadata.source_element or "std-meta")
            self.front_rest(inner, prefix + "adopted." * (len(chain) - 1))
            self.body_back(inner, prefix + "adopted." * (len(chain) - 1))
            w("</standard>\n")
            return
        if layer.adopted is None:
            w(f"<standard{self._root_attrs(root)}>\n<front>\n")
            self.path = prefix + "metadata"
            element = layer.metadata.source_element
            if element not in META_CHILDREN:
                element = "std-meta"
            self.metadata(layer.metadata, element)
            self.front_rest(layer, prefix)
            self.body_back(layer, prefix)
            w("</standard>\n")
            return
        w(f"<adoption{self._root_attrs(root)}>\n<adoption-front>\n")
        self.path = prefix + "metadata"
        element = "std-doc-meta" if layer.metadata.source_element == "std-doc-meta" else "std-meta"
        self.metadata(layer.metadata, element)
        self.sections(layer.preface, f"{prefix}preface", FRONT_SECTIONS, SEC_BLOCKS, False)
        if layer.body:
            self.path = prefix + "body"
            self.normalised("body of an adopting layer written in adoption-front")
            self.sections(layer.body, f"{prefix}body", FRONT_SECTIONS, SEC_BLOCKS, False)
        w("</adoption-front>\n")
        self.layer(layer.adopted, prefix=prefix + "adopted.")
        self.back(layer, prefix)
        w("</adoption>\n")

    def _flat(self, chain: list[Any]) -> bool:
        for item in chain[:-1]:
            if item.preface or item.body or item.annexes or item.back:
                return False
            if item.metadata.source_element not in ("reg-meta", "nat-meta", "iso-meta"):
                return False
        return chain[-1].metadata.source_element in META_CHILDREN

    def front_rest(self, layer: Any, prefix: str) -> None:
        self.sections(layer.preface, f"{prefix}preface", FRONT_SECTIONS, SEC_BLOCKS, False)
        self.out.append("</front>\n")

    def body_back(self, layer: Any, prefix: str) -> None:
        self.out.append("<body>\n")
        self.sections(layer.body, f"{prefix}body", BODY_SECTIONS, SEC_BLOCKS, True)
        self.out.append("</body>\n")
        self.back(layer, prefix)

    def back(self, layer: Any, prefix: str) -> None:
        if not layer.annexes and not layer.back:
            return
        w = self.out.append
        w("<back>\n")
        if layer.annexes:
            w("<app-group>\n")
            for index, annex in enumerate(layer.annexes):
                self.path = f"{prefix}annexes[{index}]"
                if self._anonymous(annex) and all(
                    b.type == "foreign" and root_name(b.xml) in ("app", "ref-list")
                    for b in annex.blocks
                ):
                    for b in annex.blocks:
                        w(b.xml)
                        w("\n")
                    continue
                self.clause(annex, self.path, "app")
            w("</app-group>\n")
        for index, item in enumerate(layer.back):
            self.path = f"{prefix}back[{index}]"
            if item.kind == ClauseKind.BIBLIOGRAPHY and self._ref_list_ok(item):
                self.ref_list_clause(item, self.path)
            else:
                self.sections((item,), f"{prefix}back", BACK_SECTIONS, SEC_BLOCKS, False, index)
        w("</back>\n")

    # ------------------------------------------------------------ clauses

    @staticmethod
    def _anonymous(c: Clause) -> bool:
        return (
            c.id is None
            and c.label is None
            and not c.title
            and c.obligation is None
            and not c.subclauses
            and c.kind in (ClauseKind.GENERAL, ClauseKind.ANNEX)
        )

    def sections(
        self,
        clauses: Sequence[Clause],
        path: str,
        allowed: frozenset[str],
        blocks_allowed: frozenset[str],
        lead_blocks: bool,
        start: int = 0,
    ) -> None:
        """A run of clauses in a place holding sections (body, front, back)."""
        for offset, c in enumerate(clauses):
            index = start + offset
            self.path = f"{path}[{index}]"
            if self._anonymous(c):
                # Runs of footnotes are written as an fn-group.
                names = [self._block_name(b) for b in c.blocks]
                names = ["fn-group" if n == "fn" else n for n in names]
                if all(n in allowed for n in names):
                    self.blocks(c.blocks, allowed, f"{self.path}.blocks")
                    continue
                if (
                    lead_blocks
                    and index == 0
                    and all(n in blocks_allowed or n in allowed for n in names)
                ):
                    self.clause_content(c, self.path, blocks_allowed)
                    continue
            self.clause(c, self.path, "sec")

    def clause(self, c: Clause, path: str, element: str) -> None:
        w = self.out.append
        attrs = f' id="{c.id}"' if c.id else ""
        if element == "sec":
            sec_type = c.type_label or _SEC_TYPE.get(c.kind)
            if sec_type:
                attrs += f' sec-type="{sec_type}"'
            if c.obligation is not None:
                self.path = path
                self.lost("obligation of a clause that is not an annex")
        elif c.obligation is not None:
            ctype = "norm-annex" if c.obligation == Obligation.NORMATIVE else "inform-annex"
            attrs += f' content-type="{ctype}"'
        w(f"<{element}{attrs}>\n")
        if c.label is not None:
            w(f"<label>{esc(c.label)}</label>\n")
        if element == "app" and c.obligation is not None:
            w(f"<annex-type>({c.obligation.value})</annex-type>\n")
        if c.title:
            w("<title>")
            self.inlines(c.title, RICH)
            w("</title>\n")
        elif c.label is None:
            # The tag set requires a label or a title; the model's clause has neither.
            self.path = path
            self.normalised(f"empty <title> added: <{element}> needs a label or a title")
            w("<title></title>\n")
        self.clause_content(c, path, SEC_BLOCKS)
        w(f"</{element}>\n")

    def clause_content(self, c: Clause, path: str, allowed: frozenset[str]) -> None:
        para: list[Any] = []
        sections: list[Any] = []
        for b in c.blocks:
            name = self._block_name(b)
            if name == "term-sec" or name == "sec":
                sections.append(b)
            else:
                if sections:
                    self.path = path
                    self.normalised("block after a term entry moved before the term entries")
                para.append(b)
        self.blocks(para, allowed, f"{path}.blocks")
        self.blocks(sections, BODY_SECTIONS, f"{path}.blocks")
        for index, sub in enumerate(c.subclauses):
            self.clause(sub, f"{path}.subclauses[{index}]", "sec")

    def _ref_list_ok(self, c: Clause) -> bool:
        seen_ref = False
        for b in c.blocks:
            if b.type == "reference" or (b.type == "foreign" and root_name(b.xml) == "ref"):
                seen_ref = True
            elif seen_ref or self._block_name(b) not in PARA_LEVEL:
                return False
        # Groups of references (nested ref-lists) are bibliography subclauses.
        groups_ok = all(
            s.kind == ClauseKind.BIBLIOGRAPHY and self._ref_list_ok(s) for s in c.subclauses
        )
        return groups_ok and c.obligation is None

    def ref_list_clause(self, c: Clause, path: str) -> None:
        w = self.out.append
        attrs = f' id="{c.id}"' if c.id else ""
        w(f'<ref-list content-type="{attr(c.type_label or "bibl")}"{attrs}>\n')
        if c.label is not None:
            w(f"<label>{esc(c.label)}</label>\n")
        if c.title:
            w("<title>")
            self.inlines(c.title, RICH)
            w("</title>\n")
        for index, b in enumerate(c.blocks):
            self.path = f"{path}.blocks[{index}]"
            if b.type == "reference":
                self.reference(b)
            elif b.type == "foreign":
                w(b.xml)
                w("\n")
            else:
                self.block(b, PARA_LEVEL)
        for index, sub in enumerate(c.subclauses):
            self.ref_list_clause(sub, f"{path}.subclauses[{index}]")
        w("</ref-list>\n")

    # ------------------------------------------------------------ blocks

    @staticmethod
    def _block_name(b: Any) -> str:
        if b.type == "table" and b.array:
            return "array"
        if b.type == "code":
            return "preformat" if b.preformat else "code"
        if b.type == "figure" and b.group:
            return "fig-group"
        name = _BLOCK_ELEMENT.get(b.type)
        if name is not None:
            return name
        if b.type == "foreign":
            return root_name(b.xml)
        return ""

    def blocks(self, blocks: Sequence[Any], allowed: frozenset[str], path: str) -> None:
        """Blocks in a container that allows the elements in ``allowed``; runs of references
        and of footnotes are grouped as the container allows."""
        pending_refs: list[Any] = []
        pending_fns: list[Any] = []
        for index, b in enumerate(blocks):
            self._where = (path, index)
            cls = b.__class__
            if cls is ReferenceEntry or (cls is ForeignBlock and root_name(b.xml) == "ref"):
                if pending_fns:
                    self._flush(pending_refs, pending_fns, allowed)
                pending_refs.append(b)
                continue
            if cls is Footnote:
                if pending_refs:
                    self._flush(pending_refs, pending_fns, allowed)
                pending_fns.append(b)
                continue
            if pending_refs or pending_fns:
                self._flush(pending_refs, pending_fns, allowed)
            if cls is Paragraph and "p" in allowed:
                self.paragraph(b)  # the most frequent block, where it is allowed
            else:
                self.block(b, allowed)
        if pending_refs or pending_fns:
            self._flush(pending_refs, pending_fns, allowed)

    def _flush(self, refs: list[Any], fns: list[Any], allowed: frozenset[str]) -> None:
        """Write the references and footnotes held back by ``blocks``, and forget them."""
        w = self.out.append
        if refs:
            wrap = "ref-list" not in allowed
            w("<p><ref-list>\n" if wrap else "<ref-list>\n")
            for ref in refs:
                self._ref_or_foreign(ref)
            w("</ref-list></p>\n" if wrap else "</ref-list>\n")
            refs.clear()
        if fns:
            if "fn" in allowed:
                for fn in fns:
                    self.footnote(fn)
            elif "fn-group" in allowed:
                w("<fn-group>\n")
                for fn in fns:
                    self.footnote(fn)
                w("</fn-group>\n")
            else:
                for fn in fns:
                    w("<p>")
                    self.footnote(fn)
                    w("</p>\n")
            fns.clear()

    def _ref_or_foreign(self, b: Any) -> None:
        if b.type == "reference":
            self.reference(b)
        else:
            self.out.append(b.xml)
            self.out.append("\n")

    def block(self, b: Any, allowed: frozenset[str]) -> None:
        """One block; wrapped in a paragraph when the container does not allow it."""
        name = self._block_name(b)
        w = self.out.append
        if b.type == "term-entry" and "term-sec" not in allowed:
            self.term_as_definition(b, allowed)
            return
        if b.type == "foreign":
            if name in allowed:
                w(b.xml)
                w("\n")
            elif "p" in allowed and name in RICH | PARA_LEVEL | {"ref-list", "fn"}:
                w("<p>")
                w(b.xml)
                w("</p>\n")
            else:
                self.lost(f"<{name}> has no place here in STS; its text is kept in a paragraph")
                w("<p>" if "p" in allowed else "")
                w(esc(foreign_text(b.xml)))
                w("</p>\n" if "p" in allowed else "")
            return
        if name not in allowed:
            w("<p>")
            self.write_block(b)
            w("</p>\n")
            return
        self.write_block(b)

    def write_block(self, b: BlockNode) -> None:
        """The element of one block, by its model type: mypy --strict fails here when a
        block type is added to the model and not handled."""
        match b:
            case Paragraph():
                self.paragraph(b)
            case ListBlock():
                self.list_block(b)
            case Note() | Example():
                self.note(b)
            case Table():
                self.table(b)
            case Figure():
                self.figure(b)
            case Formula():
                self.formula(b)
            case Footnote():
                self.footnote_block(b)
            case DefinitionList():
                self.definition_list(b)
            case Preformat():
                self.preformat(b)
            case Address():
                self.address(b)
            case Quote():
                self.quote(b)
            case Code():
                self.code(b)
            case Graphic():
                self.graphic_block(b)
            case TermEntry():
                self.term_entry(b)
            case ReferenceEntry():
                self.reference(b)
            case ForeignBlock():
                self.foreign_block(b)
            case _:
                assert_never(b)

    def paragraph(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        if b.provision is not None:
            attrs += f' content-type="{b.provision.value}"'
        w(f"<p{attrs}>")
        self.inlines(b.content, P_INLINE)
        w("</p>\n")

    def list_block(self, b: Any) -> None:
        w = self.out.append
        list_type = b.style or ("order" if b.ordered else "bullet")
        attrs = f' id="{b.id}"' if b.id else ""
        if b.content_kind is not None:
            attrs += f' list-content="{attr(b.content_kind)}"'
        w(f'<list{attrs} list-type="{attr(list_type)}">\n')
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>\n")
        items = b.items
        if not items:
            self.normalised("empty list written with one empty item")
            w("<list-item><p/></list-item>\n")
        for item in items:
            iattrs = f' id="{item.id}"' if item.id else ""
            w(f"<list-item{iattrs}>")
            if item.label_content:
                w("<label>")
                self.inlines(item.label_content, LABEL_CONTENT)
                w("</label>")
            elif item.label is not None:
                w(f"<label>{esc(item.label)}</label>")
            if not item.blocks:
                w("<p/>")
            self.blocks(item.blocks, ITEM_BLOCKS, "items")
            w("</list-item>\n")
        w("</list>\n")

    def note(self, b: Any) -> None:  # also examples
        element = "non-normative-note" if b.type == "note" else "non-normative-example"
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        if b.kind is not None:
            attrs += f' content-type="{attr(b.kind)}"'
        if b.language is not None:
            attrs += f' xml:lang="{attr(b.language)}"'
        w(f"<{element}{attrs}>")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        self.blocks(b.blocks, NOTE_BLOCKS, "blocks")
        w(f"</{element}>\n")

    def formula(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        w(f"<disp-formula{attrs}>")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        if b.mathml:
            w(b.mathml)
            if b.text:
                self.lost("plain-text form of a formula that also has MathML")
        elif b.text:
            w(esc(b.text))
        if b.key:
            # The key follows a line break, its paragraphs as text (disp-formula holds no p).
            w("<break/>")
            self.unwrapped(b.key, "formula's key", FORMULA_INLINE, FORMULA_BLOCKS)
        w("</disp-formula>\n")

    def preformat(self, b: Any) -> None:
        attrs = f' id="{b.id}"' if b.id else ""
        if b.language:
            attrs += f' preformat-type="{attr(b.language)}"'
        self.out.append(f"<preformat{attrs}>{esc(b.text)}</preformat>\n")

    def code(self, b: Any) -> None:
        element = "preformat" if b.preformat else "code"
        language = "preformat-type" if b.preformat else "language"
        attrs = f' id="{b.id}"' if b.id else ""
        if b.language:
            attrs += f' {language}="{attr(b.language)}"'
        self.out.append(f"<{element}{attrs}>")
        self.inlines(b.content, PREFORMAT_INLINE)
        self.out.append(f"</{element}>\n")

    def graphic_block(self, b: Any) -> None:
        self.graphic(b.media)

    def definition_list(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        if b.style is not None:
            attrs += f' list-type="{attr(b.style)}"'
        w(f"<def-list{attrs}>\n")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>\n")
        for item in b.items:
            iattrs = f' id="{item.id}"' if item.id else ""
            w(f"<def-item{iattrs}><term>")
            self.inlines(item.term, TERM_INLINE)
            w("</term>")
            if item.definition:
                w("<def>")
                self.blocks(item.definition, DEF_BLOCKS, "definition")
                w("</def>")
            w("</def-item>\n")
        w("</def-list>\n")

    def figure(self, b: Any) -> None:
        w = self.out.append
        element = "fig-group" if b.group else "fig"
        attrs = f' id="{b.id}"' if b.id else ""
        if b.kind is not None:
            attrs += f' content-type="{attr(b.kind)}"'
        w(f"<{element}{attrs}>\n")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        self.caption(b.caption, b.description)
        for media in b.media:
            self.graphic(media)
        self.blocks(b.blocks, FIG_GROUP_BLOCKS if b.group else FIG_BLOCKS, "blocks")
        w(f"</{element}>\n")

    def caption(self, title: Sequence[Any], paragraphs: Sequence[Any]) -> None:
        """A caption: its title, then its paragraphs."""
        if not title and not paragraphs:
            return
        w = self.out.append
        w("<caption>")
        if title:
            w("<title>")
            self.inlines(title, RICH)
            w("</title>")
        self.blocks(paragraphs, frozenset({"p"}), "description")
        w("</caption>\n")

    def graphic(self, media: Any) -> None:
        w = self.out.append
        attrs = f' id="{media.id}"' if media.id else ""
        if media.mime_type:
            attrs += f' mimetype="{attr(media.mime_type)}"'
        w(f'<graphic{attrs} xlink:href="{attr(media.href)}"')
        if media.alt is None and media.label is None and not media.caption:
            w("/>\n")
            return
        w(">")
        if media.alt is not None:
            w(f"<alt-text>{esc(media.alt)}</alt-text>")
        if media.label is not None:
            w(f"<label>{esc(media.label)}</label>")
        self.caption(media.caption, media.description)
        w("</graphic>\n")

    def table(self, b: Any) -> None:
        """A table-wrap, or an array (a table without number, caption or notes)."""
        w = self.out.append
        element = "array" if b.array else "table-wrap"
        attrs = f' id="{b.id}"' if b.id else ""
        if b.kind is not None:
            attrs += f' content-type="{attr(b.kind)}"'
        w(f"<{element}{attrs}>\n")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>\n")
        if not b.array:
            self.caption(b.caption, b.description)
        elif b.caption or b.description:
            self.lost("caption of an array")
        if b.markup is TableMarkup.OASIS and self._oasis_writable(b):
            self.oasis_table(b)
        else:
            self.xhtml_table(b)
        if b.notes and b.array:
            self.lost("notes of an array")
        elif b.notes:
            w("<table-wrap-foot>\n")
            self.blocks(b.notes, FOOT_BLOCKS, "notes")
            w("</table-wrap-foot>\n")
        w(f"</{element}>\n")

    def xhtml_table(self, b: Any) -> None:
        w = self.out.append
        frame = _XHTML_FRAME.get(b.frame, b.frame) if b.markup is TableMarkup.OASIS else b.frame
        if frame is not None and frame not in _XHTML_FRAMES:
            self.lost(f"table frame {frame!r}, which XHTML tables do not have")
            frame = None
        attrs = _attrs(("frame", frame), ("style", b.style))
        if b.columns or b.column_count or b.colsep or b.rowsep:
            self.lost("OASIS column specifications and rules of an XHTML table")
        w(f"<table{attrs}>\n")
        for tag, rows in (("thead", b.head), ("tfoot", b.foot)):
            if rows:
                w(f"<{tag}>\n")
                self.rows(rows, oasis=False)
                w(f"</{tag}>\n")
        w("<tbody>\n")
        if b.body:
            self.rows(b.body, oasis=False)
        else:
            self.normalised("table without body rows given one empty row")
            w("<tr><td/></tr>\n")
        w("</tbody>\n</table>\n")

    def _oasis_writable(self, b: Any) -> bool:
        """Whether a table kept as OASIS can be written as OASIS; if not, the log says why."""
        if self.tag_set != "extended":
            reason = "the Interchange tag set has no OASIS tables"
        elif b.foot:
            reason = "OASIS exchange tables have no foot rows"
        elif b.array:
            reason = "an array holds an XHTML table"
        elif not b.body:
            reason = "an OASIS table needs a body row"
        else:
            return True
        self.normalised(f"OASIS table written as an XHTML table: {reason}")
        return False

    def oasis_table(self, b: Any) -> None:
        w = self.out.append
        frame = b.frame
        if frame is not None and frame not in _XHTML_FRAME:  # the keys are OASIS's frames
            self.lost(f"table frame {frame!r}, which OASIS tables do not have")
            frame = None
        attrs = _attrs(("frame", frame), ("colsep", b.colsep), ("rowsep", b.rowsep))
        if b.style:
            self.lost("style of an OASIS table")
        cols = b.column_count or max(
            (sum(c.colspan for c in row.cells) for row in (*b.head, *b.body)), default=1
        )
        w(f'<oasis:table xmlns:oasis="{OASIS_NS}"{attrs}>\n<oasis:tgroup cols="{cols}">\n')
        for column in b.columns:
            spec = _attrs(
                ("colname", column.name),
                ("colnum", column.number),
                ("colwidth", column.width),
                ("align", column.align),
                ("char", column.char),
                ("charoff", column.charoff),
                ("colsep", column.colsep),
                ("rowsep", column.rowsep),
            )
            w(f"<oasis:colspec{spec}/>\n")
        for tag, rows in (("thead", b.head), ("tbody", b.body)):
            if rows:
                w(f"<oasis:{tag}>\n")
                self.rows(rows, oasis=True, columns=b.columns, head=tag == "thead")
                w(f"</oasis:{tag}>\n")
        w("</oasis:tgroup>\n</oasis:table>\n")

    def rows(
        self,
        rows: Sequence[Any],
        oasis: bool,
        columns: Sequence[Any] = (),
        head: bool = False,
    ) -> None:
        w = self.out.append
        row_tag = "oasis:row" if oasis else "tr"
        for row in rows:
            w(f"<{row_tag}>")
            if not row.cells:
                w("<oasis:entry/>" if oasis else "<td/>")
            for cell in row.cells:
                tag = "oasis:entry" if oasis else ("th" if cell.header else "td")
                attrs = self._cell_attrs(cell, columns, head) if oasis else self._td_attrs(cell)
                w(f"<{tag}{attrs}>")
                self.inlines(cell.content, CELL_INLINE)
                if cell.blocks:
                    self.blocks(cell.blocks, CELL_BLOCKS, "blocks")
                w(f"</{tag}>")
            w(f"</{row_tag}>\n")

    def _alignment(self, cell: Any) -> str:
        attrs = ""
        for name, allowed in (("align", _ALIGN), ("valign", _VALIGN)):
            value = getattr(cell, name)
            if value is None:
                continue
            if value in allowed:
                attrs += f' {name}="{value}"'
            else:
                self.lost(f"cell alignment {value!r}")
        return attrs + _attrs(("char", cell.char), ("charoff", cell.charoff))

    def _td_attrs(self, cell: Any) -> str:
        attrs = ""
        if cell.rowspan != 1:
            attrs += f' rowspan="{cell.rowspan}"'
        if cell.colspan != 1:
            attrs += f' colspan="{cell.colspan}"'
        attrs += self._alignment(cell)
        if cell.scope is not None:
            if cell.scope in _SCOPE:
                attrs += f' scope="{cell.scope}"'
            else:
                self.lost(f"cell scope {cell.scope!r}")
        attrs += _attrs(("style", cell.style))
        if cell.column is not None or cell.colsep is not None or cell.rowsep is not None:
            self.lost("OASIS column name and rules of a cell in an XHTML table")
        return attrs

    def _cell_attrs(self, cell: Any, columns: Sequence[Any], head: bool) -> str:
        """An OASIS entry's attributes: its column or span by name, rows below, rules."""
        attrs = ""
        if cell.colspan != 1:
            end = oasis_column_name(columns, cell.column, cell.colspan) if cell.column else None
            if end is None:
                self.lost(f"a span of {cell.colspan} columns with no named columns to state it")
            else:
                attrs += f' namest="{attr(cell.column)}" nameend="{attr(end)}"'
        elif cell.column is not None:
            attrs += f' colname="{attr(cell.column)}"'
        if cell.rowspan != 1:
            attrs += f' morerows="{cell.rowspan - 1}"'
        attrs += self._alignment(cell)
        attrs += _attrs(("colsep", cell.colsep), ("rowsep", cell.rowsep))
        if cell.header != head:
            self.normalised("an OASIS cell is a header cell exactly when it is in the head")
        if cell.scope is not None or cell.style is not None:
            self.lost("scope or style of an OASIS cell")
        return attrs

    def footnote(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        w(f"<fn{attrs}>")
        if b.label_content:
            w("<label>")
            self.inlines(b.label_content, LABEL_CONTENT)
            w("</label>")
        elif b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        if not b.blocks:
            w("<p/>")
        self.blocks(b.blocks, FN_BLOCKS, "blocks")
        w("</fn>")

    def footnote_block(self, b: Any) -> None:
        self.footnote(b)
        self.out.append("\n")

    def reference(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        if b.kind is not None:
            attrs += f' content-type="{attr(b.kind)}"'
        elif b.identifier is not None:
            attrs += ' content-type="standard"'
        w(f"<ref{attrs}>")
        if b.label is not None:
            w(f"<label>{esc(b.label)}</label>")
        if b.identifier is None and b.standard:
            # A standard cited in free text.
            w(f"<std{_std_attrs(b)}>")
            later = self._inlines(b.citation, STD)
            if b.title:
                self.normalised("title of a free citation written into the citation")
            w("</std>")
            if later:
                self.normalised("part of a citation written in a mixed-citation after the std")
                w("<mixed-citation>")
                self.inlines(later, CITATION)
                w("</mixed-citation>")
        elif b.identifier is not None:
            w(f"<std{_std_attrs(b)}><std-ref{_std_ref_attrs(b)}>{esc(b.identifier)}</std-ref>")
            if b.title:
                w("<title>")
                self.inlines(b.title, RICH)
                w("</title>")
            later = self._inlines(b.citation, STD)
            if b.uri:
                w(f"<uri>{esc(b.uri)}</uri>")
            w("</std>")
            if later:
                # What a std cannot hold (formulas, line breaks) follows in a second citation.
                self.normalised("part of a citation written in a mixed-citation after the std")
                w("<mixed-citation>")
                self.inlines(later, CITATION)
                w("</mixed-citation>")
        else:
            w("<mixed-citation>")
            if b.title:
                self.normalised("title of a free citation written into the citation")
                self.inlines(b.title, CITATION)
            self.inlines(b.citation, CITATION)
            if b.uri:
                w(f"<uri>{esc(b.uri)}</uri>")
            w("</mixed-citation>")
        if b.notes:
            self.blocks(b.notes, REF_NOTE_BLOCKS, "notes")
        if b.status is not None:
            self.lost("status of a reference")
        w("</ref>\n")

    def foreign_block(self, b: Any) -> None:
        self.out.append(b.xml)
        self.out.append("\n")

    # ------------------------------------------------------------ terms

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
            self.out.append(esc(_text_of(source.content)))
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

    # ------------------------------------------------------------ inline

    def inlines(self, runs: Sequence[Any], allowed: frozenset[str]) -> None:
        """Write runs as the whole content of an element."""
        for run in self._inlines(runs, allowed):
            self.lost(f"{run.type} has no place here; its text is kept")
            self.out.append(esc(_text_of([run]) if run.type != "footnote" else ""))

    def _inlines(self, runs: Sequence[Any], allowed: frozenset[str]) -> list[Any]:
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
            elif cls in _HOISTED or (cls is ForeignInline and _HAS_ID(run.xml)):
                hoisted.append(run)
            elif cls is ForeignInline:
                self.lost(f"<{name}> is not allowed here; its text is kept")
                w(esc(foreign_text(run.xml)))
            elif cls is FootnoteRef:
                self.lost("footnote reference inside a link or cross-reference")
                w(esc(run.label or ""))
            else:
                self.normalised(f"{run.type} not allowed here; its content is kept")
                inner = self._inlines(getattr(run, "content", ()), allowed)
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
        tag = _STYLE_TAGS[run.style]
        self.out.append(f"<{tag}>")
        later = self._inlines(run.content, STYLED)
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
        later = self._inlines(content, NARROW)
        w("</xref>")
        return later

    def footnote_ref(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append(f'<xref ref-type="fn" rid="{run.target}">{esc(run.label or "")}</xref>')
        return []

    def standard_ref(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append(f"<std{_std_attrs(run)}>")
        if not run.marked and not run.lead and not run.content:
            # Cited by its designation alone, as the source had it.
            self.out.append(f"{esc(run.identifier)}</std>")
            return []
        later = self._inlines(run.lead, STD)
        self.out.append(f"<std-ref{_std_ref_attrs(run)}>{esc(run.identifier)}</std-ref>")
        later += self._inlines(run.content, STD)
        for loc in run.locality:
            to = f"–{loc.to}" if loc.to else ""
            self.out.append(esc(f", {loc.type.value} {loc.reference}{to}"))
        if run.locality:
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
        later = self._inlines(run.content, ENTAILED_INLINE)
        self.out.append("</tbx:entailedTerm>")
        return later

    def inline_footnote(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.footnote(run)
        return []

    def citation_part(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        tag = run.part.value
        self.out.append(f"<{tag}>")
        later = self._inlines(run.content, PART_CONTENT.get(run.part, frozenset()))
        self.out.append(f"</{tag}>")
        return later

    def quote(self, b: Any) -> None:
        w = self.out.append
        attrs = f' id="{b.id}"' if b.id else ""
        w(f"<disp-quote{attrs}>\n")
        self.blocks(b.blocks, QUOTE_BLOCKS, "blocks")
        if b.source:
            w("<related-object>")
            self.inlines(b.source, RELATED_OBJECT_CONTENT)
            w("</related-object>\n")
        if b.attribution:
            w("<attrib>")
            self.inlines(b.attribution, ATTRIB_CONTENT)
            w("</attrib>\n")
        w("</disp-quote>\n")

    def address(self, b: Any) -> None:
        attrs = f' id="{b.id}"' if b.id else ""
        self.out.append(f"<address{attrs}>\n")
        for run in b.lines:
            self.inlines((run,), ADDRESS_PARTS)
            self.out.append("\n")
        self.out.append("</address>\n")

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
            later = self._inlines(run.content, NARROW)
            self.out.append("</ext-link>")
            return later
        # uri and email hold text only: the address, or the text shown for xlink:href.
        tag = _LINK_ELEMENT[run.form]
        shown = esc(_text_of(run.content))
        if not shown:
            # The address is the text.
            self.out.append(f"<{tag}>{esc(run.href)}</{tag}>")
            return []
        self.out.append(f'<{tag} xlink:href="{attr(run.href)}">{shown}</{tag}>')
        return []

    def citation_title(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append("<title>")
        later = self._inlines(run.content, RICH)
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
        later = self._inlines(content, NAMED_CONTENT)
        w("</named-content>")
        return later

    def styled_content(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        attrs = f' id="{run.id}"' if run.id else ""
        if run.style is not None:
            attrs += f' style="{attr(run.style)}"'
        if run.style_type is not None:
            attrs += f' style-type="{attr(run.style_type)}"'
        self.out.append(f"<styled-content{attrs}>")
        later = self._inlines(run.content, NAMED_CONTENT)
        self.out.append("</styled-content>")
        return later

    def line_break(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append("<break/>")
        return []

    def provision(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.lost(f"provision marking ({run.kind.value}); its text is kept")
        return self._inlines(run.content, allowed)

    def foreign_inline(self, run: Any, allowed: frozenset[str]) -> list[Any]:
        self.out.append(run.xml)
        return []

    # ------------------------------------------------------------ metadata

    def metadata(self, m: Metadata, element: str) -> None:
        allowed = META_CHILDREN[element]
        items: list[tuple[int, str, str]] = []
        # What STS has no element for travels as custom-meta named mrstd:<field>.
        carried: dict[str, Any] = {}
        carried_ids: list[Any] = []

        def add(name: str, xml: str) -> None:
            items.append((_RANK[name], name, xml))

        for title in m.titles:
            parts = "".join(
                f"<{tag}>{esc(value)}</{tag}>"
                for tag, value in (
                    ("intro", title.introductory),
                    ("main", title.main),
                    ("compl", title.complementary),
                    ("full", title.full),
                )
                if value is not None
            )
            add("title-wrap", f'<title-wrap xml:lang="{attr(title.language)}">{parts}</title-wrap>')
        for ident in (m.identifier, *m.alternate_identifiers):
            if ident.scheme == "derived":
                continue
            # A std-ref holds the value, and a dated/undated mark as its type; no other
            # scheme, nor Relaton's primary flag.
            whole = (
                ident.primary is None
                and ident.scheme in (None, "dated", "undated")
                and ident.type in (IdentifierType.REFERENCE, IdentifierType.DOUBLE_NUMBER)
            )
            if ident.scheme == "doc-ref":
                add("doc-ref", f"<doc-ref>{esc(ident.value)}</doc-ref>")
            elif ident is m.identifier or whole:
                kind = f' type="{ident.scheme}"' if ident.scheme in ("dated", "undated") else ""
                add("std-ref", f"<std-ref{kind}>{esc(ident.value)}</std-ref>")
                if not whole:
                    carried["identifier"] = ident
            else:
                carried_ids.append(ident)
        if m.structured_identifiers:
            s = m.structured_identifiers[0]
            ident_parts: list[tuple[str, str | None]] = [
                ("originator", s.agency[0] if s.agency else None),
                ("doc-type", s.type),
                ("doc-number", s.docnumber),
                ("part-number", s.part),
                ("edition", s.edition),
                ("version", s.version),
                *(("isbn", v) for v in s.isbn),
                *(("issn", v) for v in s.issn),
                ("suppl-type", s.supplement_type),
                ("suppl-number", s.supplement_number),
                ("suppl-version", s.supplement_version),
                ("year", s.year),
            ]
            add("std-ident", self._std_ident(ident_parts))
            # What std-ident cannot say travels whole: further structured identifiers, parts
            # STS has no element for, and plain fields that differ from the written parts.
            if (
                len(m.structured_identifiers) > 1
                or _beyond(m.structured_identifiers, _STD_IDENT_WRITTEN)
                or len(s.agency) > 1
            ):
                carried["structured_identifiers"] = m.structured_identifiers
            for field, part in (
                ("docnumber", s.docnumber),
                ("doc_type_label", s.type),
                ("edition", s.edition),
                ("version", s.version),
            ):
                if getattr(m, field) != part:
                    carried[field] = getattr(m, field)
            # The reader takes the originator from @originator, else from the agency.
            declared = m.originator if element in ("reg-meta", "nat-meta") else None
            if (declared or (s.agency[0] if s.agency else None)) != m.originator:
                carried["originator"] = m.originator
        elif not any(root_name(x) == "std-ident" for x in m.foreign):
            ident_parts = [
                ("originator", m.originator if element not in ("reg-meta", "nat-meta") else None),
                ("doc-type", m.doc_type_label),
                ("doc-number", m.docnumber),
                ("edition", m.edition),
                ("version", m.version),
            ]
            if any(value is not None for _, value in ident_parts):
                add("std-ident", self._std_ident(ident_parts))
                # Written from plain fields: tell the reader there was no structured identifier.
                carried["structured_identifiers"] = ()
        for org in (*m.publishers, *(c.organization for c in m.contributors if c.organization)):
            if not org.name:
                continue  # an empty std-org-name is no name; the contributors travel whole
            abbrev = (
                f"<std-org-abbrev>{esc(org.abbreviation)}</std-org-abbrev>"
                if org.abbreviation
                else ""
            )
            add(
                "std-org",
                f"<std-org><std-org-name>{esc(org.name)}</std-org-name>{abbrev}</std-org>",
            )
        self._release(m, allowed, add, carried)
        for language in m.languages:
            add("content-language", f"<content-language>{esc(language)}</content-language>")
        if m.dates.published:
            add("release-date", f"<release-date>{m.dates.published}</release-date>")
        for stated in m.release_dates:
            attrs = f' date-type="{attr(stated.type)}"' if stated.type is not None else ""
            if stated.value is not None:
                attrs += f' iso-8601-date="{stated.value}"'
            add("release-date", f"<release-date{attrs}>{esc(stated.text)}</release-date>")
        for field in _OTHER_DATE_FIELDS:
            value = getattr(m.dates, field)
            if value:
                add("meta-date", f'<meta-date type="{field}">{value}</meta-date>')
        for other in m.dates.other:
            if other.type is DateType.PUBLICATION:
                add("pub-date", f"<pub-date>{other.value}</pub-date>")
            else:
                add("meta-date", f'<meta-date type="{other.type.value}">{other.value}</meta-date>')
        for committee in m.committees:
            add("comm-ref", f"<comm-ref>{esc(committee.identifier)}</comm-ref>")
        for code in m.ics:
            add("ics", f"<ics>{code.code}</ics>")
        for relation in m.relations:
            kind = relation.original_type or relation.kind.value
            add(
                "std-xref",
                f'<std-xref type="{attr(kind)}"><std-ref>{esc(relation.identifier)}'
                "</std-ref></std-xref>",
            )
        for adoption in m.adoptions:
            add(
                "std-xref",
                f'<std-xref type="{adoption.degree.value}"><std-ref>{esc(adoption.identifier)}'
                "</std-ref></std-xref>",
            )
            if adoption.method or adoption.deviations or adoption.description:
                carried["adoptions"] = m.adoptions
        for c in m.copyright:
            parts_xml = ""
            for statement in (c.statement, *c.more_statements):
                if statement is not None:
                    parts_xml += f"<copyright-statement>{esc(statement)}</copyright-statement>"
            if c.year is not None:
                parts_xml += f"<copyright-year>{c.year}</copyright-year>"
            parts_xml += "".join(
                f"<copyright-holder>{esc(h)}</copyright-holder>" for h in c.holders
            )
            if c.license is not None:
                parts_xml += f"<license><license-p>{esc(c.license)}</license-p></license>"
            add("permissions", f"<permissions>{parts_xml}</permissions>")
        for abstract in m.abstract:
            lang = f' xml:lang="{attr(abstract.language)}"' if abstract.language else ""
            head = f"<title>{esc(abstract.title)}</title>" if abstract.title is not None else ""
            add("abstract", f"<abstract{lang}>{head}<p>{esc(abstract.text)}</p></abstract>")
        for keyword in m.keywords:
            lang = f' xml:lang="{attr(keyword.language)}"' if keyword.language else ""
            add("kwd-group", f"<kwd-group{lang}><kwd>{esc(keyword.text)}</kwd></kwd-group>")
        for note in m.notes:
            ctype = f' content-type="{attr(note.type)}"' if note.type else ""
            paras = "".join(f"<p>{esc(text)}</p>" for text in (note.text, *note.more))
            add("meta-note", f"<meta-note{ctype}>{paras}</meta-note>")
        if carried_ids:
            carried["alternate_identifiers"] = tuple(carried_ids)
        # Fields whose STS form holds only part of each item travel whole.
        if m.contributors or _beyond(m.publishers, _ORG_WRITTEN):
            carried["publishers"] = m.publishers
            carried["contributors"] = m.contributors
        for name, written in _PARTLY_WRITTEN:
            if _beyond(getattr(m, name), written):
                carried[name] = getattr(m, name)
        for name in _CARRIED_FIELDS:
            value = getattr(m, name)
            if value and value != _DEFAULT_META[name]:
                carried[name] = value
        custom = [(f.name, f.value) for f in m.custom] + [
            (CARRIED_PREFIX + name, orjson.dumps(value).decode()) for name, value in carried.items()
        ]
        if custom:
            fields = "".join(
                f"<custom-meta><meta-name>{esc(name)}</meta-name>"
                f"<meta-value>{esc(value)}</meta-value></custom-meta>"
                for name, value in custom
            )
            add("custom-meta-group", f"<custom-meta-group>{fields}</custom-meta-group>")
        for xml in m.foreign:
            name = root_name(xml)
            if name in _RANK:
                add(name, xml)
            else:
                self.lost(f"<{name}> has no place in {element}; kept as custom-meta text")
                text = foreign_text(xml)
                add(
                    "custom-meta-group",
                    f"<custom-meta-group><custom-meta><meta-name>{esc(name)}</meta-name>"
                    f"<meta-value>{esc(text)}</meta-value></custom-meta></custom-meta-group>",
                )
        w = self.out.append
        attrs = ""
        if element in ("reg-meta", "nat-meta") and m.originator:
            attrs = f' originator="{attr(m.originator)}"'
        w(f"<{element}{attrs}>\n")
        seen: set[str] = set()
        for _, name, xml in sorted(items, key=lambda item: item[0]):
            if name not in allowed:
                self.lost(f"<{name}> is not allowed in {element}; kept as custom-meta text")
                text = foreign_text(xml)
                xml = (
                    f"<custom-meta-group><custom-meta><meta-name>{esc(name)}</meta-name>"
                    f"<meta-value>{esc(text)}</meta-value></custom-meta></custom-meta-group>"
                )
                name = "custom-meta-group"
                # custom-meta-group is last in every metadata element, so order holds.
            if name in _SINGLE:
                if name in seen:
                    self.lost(f"a second <{name}> (STS allows one)")
                    continue
                seen.add(name)
            w(xml)
            w("\n")
        w(f"</{element}>\n")

    @staticmethod
    def _release(
        m: Metadata,
        allowed: frozenset[str],
        add: Callable[[str, str], None],
        carried: dict[str, Any],
    ) -> None:
        """Release identification (doc-ident, or its parts where the element holds them),
        work item, secretariats and page count; what the element cannot hold is carried."""
        release = [(tag, getattr(m, field)) for tag, field in _RELEASE_PARTS]
        if "doc-ident" in allowed:
            parts = "".join(f"<{t}>{esc(v)}</{t}>" for t, v in release if v is not None)
            if parts:
                add("doc-ident", f"<doc-ident>{parts}</doc-ident>")
            release = []
        release += [
            ("wi-number", m.work_item),
            ("release-version-id", m.release_version_id),
        ]
        for tag, value in release:
            if value is None:
                continue
            if tag in allowed:
                add(tag, f"<{tag}>{esc(value)}</{tag}>")
            else:
                carried[_RELEASE_FIELD[tag]] = value
        for secretariat in m.secretariats:
            add("secretariat", f"<secretariat>{esc(secretariat)}</secretariat>")
        if m.page_count is not None:
            add("page-count", f'<page-count count="{attr(m.page_count)}"/>')

    @staticmethod
    def _std_ident(parts: list[tuple[str, str | None]]) -> str:
        inner = "".join(f"<{tag}>{esc(value)}</{tag}>" for tag, value in parts if value is not None)
        return f"<std-ident>{inner}</std-ident>"


#: Every element name the writer knows from the NISO STS tag sets (metadata, sections,
#: blocks and inline content); TBX and MathML elements carry their prefixes.
_TAG_SET = (
    CITATION
    | CELL_INLINE
    | TERM_INLINE
    | SEC_BLOCKS
    | BODY_SECTIONS
    | FRONT_SECTIONS
    | BACK_SECTIONS
    | frozenset(META_ORDER)
)


def _in_tag_set(name: str) -> bool:
    return name in _TAG_SET or name.startswith(("tbx:", "mml:"))


_BLOCK_ELEMENT = {
    "paragraph": "p",
    "list": "list",
    "note": "non-normative-note",
    "example": "non-normative-example",
    "table": "table-wrap",
    "figure": "fig",
    "formula": "disp-formula",
    "footnote": "fn",
    "definition-list": "def-list",
    "preformat": "preformat",
    "graphic": "graphic",
    "address": "address",
    "quote": "disp-quote",
    "term-entry": "term-sec",
    "reference": "ref",
}


def _std_attrs(node: Any) -> str:
    """The attributes of a ``std``: its std-id, and dated or undated when the source said."""
    attrs = f' std-id="{attr(node.std_id)}"' if node.std_id is not None else ""
    if node.marked_dated is not None:
        attrs += f' type="{_DATED_NAME[node.marked_dated]}"'
    return attrs


def _std_ref_attrs(node: Any) -> str:
    if node.identifier_marked_dated is None:
        return ""
    return f' type="{_DATED_NAME[node.identifier_marked_dated]}"'


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


def write_sts(doc: Document, log: ConversionLog, tag_set: str = "interchange") -> bytes:
    """Write NISO STS 1.0 in the Interchange (default) or Extended tag set."""
    return Writer(log, tag_set).document(doc)
