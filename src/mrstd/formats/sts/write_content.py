"""What each NISO STS element may hold (ANSI/NISO Z39.102-2017 content models), as the
sets of child element names the writer checks before writing a child."""

from __future__ import annotations

from ...model import CitationPartKind
from .read_body import BLOCK_TAGS, STYLES

STYLE_TAGS = {style: tag for tag, style in STYLES.items()}

_STYLES = frozenset(STYLE_TAGS.values()) | {"fixed-case", "num", "ruby"}

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
