"""A hypothesis strategy for NISO STS Interchange documents, built from the tag set.

The documents mix the body constructs of issue 4 (sections and annexes, paragraphs with
emphasis, cross-references, standards, named content, links, inline formulas and
footnotes, lists, notes and examples, XHTML tables, display formulas, reference lists)
in arbitrary combinations, so that the STS round trip is tested on more than the samples.
Every generated document is valid against the Interchange XSD; the test checks that too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from hypothesis import strategies as st

XLINK = "http://www.w3.org/1999/xlink"
MML = "http://www.w3.org/1998/Math/MathML"
TBX = "urn:iso:std:iso:30042:ed-1"
OASIS = "http://www.niso.org/standards/z39-96/ns/oasis-exchange/table"

# Words of letters and digits from several scripts; XML-special characters come in through
# the separators, so that escaping is exercised too.
_WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÄéßœ0123456789中文标准αβΩ"),
    min_size=1,
    max_size=8,
)
_SEPARATOR = st.sampled_from([" ", "  ", "\n", " & ", " < ", " > ", ' "', "' ", "\u00a0"])


@dataclass
class _Ids:
    """Ids handed out so far, by kind, so that cross-references can name them."""

    serial: int = 0
    extended: bool = False  # the Extended tag set also has OASIS tables
    sections: list[str] = field(default_factory=list)
    # Tables, figures and annexes are made while the text is drawn; links to them are
    # drawn from those made so far.
    targets: list[tuple[str, str]] = field(default_factory=list)

    def new(self, stem: str) -> str:
        self.serial += 1
        return f"{stem}-{self.serial}"

    def target(self, stem: str, ref_type: str) -> str:
        made = self.new(stem)
        self.targets.append((ref_type, made))
        return made


@st.composite
def _text(draw: st.DrawFn, max_words: int = 6) -> str:
    parts = draw(st.lists(_WORD, min_size=1, max_size=max_words))
    out = parts[0]
    for word in parts[1:]:
        out += draw(_SEPARATOR) + word
    return escape(out)


@st.composite
def _inline(draw: st.DrawFn, ids: _Ids, depth: int, in_fn: bool = False) -> str:
    """Mixed content: text with inline elements."""
    pieces = [draw(_text())]
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(
            st.sampled_from(
                [
                    "bold",
                    "italic",
                    "sub",
                    "sup",
                    "monospace",
                    "xref",
                    "std",
                    "named",
                    "link",
                    "math",
                ]
                + ([] if in_fn or depth else ["fn"])
            )
        )
        inner = draw(_text(3))
        if kind in ("bold", "italic", "sub", "sup", "monospace"):
            if depth < 1 and draw(st.booleans()):
                inner = draw(_inline(ids, depth + 1, in_fn))
            pieces.append(f"<{kind}>{inner}</{kind}>")
        elif kind == "xref":
            ref_type, target = draw(
                st.sampled_from([("sec", sid) for sid in ids.sections] + ids.targets)
            )
            pieces.append(f'<xref ref-type="{ref_type}" rid="{target}">{inner}</xref>')
        elif kind == "std":
            number = draw(st.integers(1, 99999))
            year = draw(st.integers(1950, 2030))
            pieces.append(f"<std><std-ref>ISO {number}:{year}</std-ref></std>")
        elif kind == "named":
            name = draw(st.sampled_from(["element-name", "attribute-name", "organization"]))
            pieces.append(f'<named-content content-type="{name}">{inner}</named-content>')
        elif kind == "link":
            path = draw(st.from_regex(r"[a-z]{1,8}", fullmatch=True))
            pieces.append(f'<ext-link xlink:href="https://example.org/{path}">{inner}</ext-link>')
        elif kind == "math":
            pieces.append(
                "<inline-formula><mml:math><mml:mi>x</mml:mi></mml:math></inline-formula>"
            )
        else:
            pieces.append(f'<fn id="{ids.new("fn")}"><p>{draw(_inline(ids, 1, True))}</p></fn>')
        pieces.append(draw(st.sampled_from(["", " ", draw(_text(3))])))
    return "".join(pieces)


@st.composite
def _paragraph(draw: st.DrawFn, ids: _Ids) -> str:
    pid = f' id="{ids.new("p")}"' if draw(st.booleans()) else ""
    return f"<p{pid}>{draw(_inline(ids, 0))}</p>"


@st.composite
def _block(draw: st.DrawFn, ids: _Ids, depth: int = 0) -> str:
    # Tables and display formulas sit in sections only (list items take paragraphs and lists).
    kinds = ["p", "p", "note", "example"]
    kinds += ["table", "formula", "figure"] if depth == 0 else []
    kinds += ["list", "p+list"] if depth < 2 else []
    kind = draw(st.sampled_from(kinds))
    if kind == "p":
        return draw(_paragraph(ids))
    if kind == "p+list":
        # Lists inside paragraphs are common in practice; the reader splits the paragraph.
        items = "".join(
            f"<list-item>{draw(_paragraph(ids))}</list-item>"
            for _ in range(draw(st.integers(1, 2)))
        )
        return f'<p>{draw(_inline(ids, 0))}<list list-type="bullet">{items}</list></p>'
    if kind == "figure":
        name = draw(st.from_regex(r"[a-z]{1,8}", fullmatch=True))
        return (
            f'<fig id="{ids.target("fig", "fig")}"><label>Figure 1</label>'
            f"<caption><title>{draw(_text(4))}</title></caption>"
            f'<graphic xlink:href="{name}.png"/></fig>'
        )
    if kind in ("note", "example"):
        label = "NOTE" if kind == "note" else "EXAMPLE"
        paras = "".join(draw(st.lists(_paragraph(ids), min_size=1, max_size=2)))
        return f"<non-normative-{kind}><label>{label}</label>{paras}</non-normative-{kind}>"
    if kind == "list":
        list_type = draw(st.sampled_from(["bullet", "order", "alpha-lower", "dash"]))
        items = []
        for n in range(draw(st.integers(1, 3))):
            label = f"<label>{chr(97 + n)})</label>" if draw(st.booleans()) else ""
            blocks = "".join(draw(st.lists(_block(ids, depth + 1), min_size=1, max_size=2)))
            items.append(f"<list-item>{label}{blocks}</list-item>")
        return f'<list list-type="{list_type}">{"".join(items)}</list>'
    if kind == "table":
        columns = draw(st.integers(1, 3))
        head = "".join(f"<th>{draw(_text(2))}</th>" for _ in range(columns))
        rows = "".join(
            "<tr>" + "".join(f"<td>{draw(_text(3))}</td>" for _ in range(columns)) + "</tr>"
            for _ in range(draw(st.integers(1, 3)))
        )
        table = f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        if ids.extended and draw(st.booleans()):
            table = draw(_oasis_table())
        return (
            f'<table-wrap id="{ids.target("tab", "table")}"><label>Table 1</label>'
            f"<caption><title>{draw(_text(4))}</title></caption>{table}</table-wrap>"
        )
    variable = draw(st.sampled_from(["x", "y", "m"]))
    return (
        f'<disp-formula id="{ids.target("formula", "disp-formula")}"><label>(1)</label>'
        f"<mml:math><mml:mi>{variable}</mml:mi><mml:mo>=</mml:mo><mml:mn>1</mml:mn></mml:math>"
        "</disp-formula>"
    )


@st.composite
def _oasis_table(draw: st.DrawFn) -> str:
    """An OASIS exchange table: named columns with widths, spans across columns and rows,
    rules on the table and on cells, alignment on a character."""
    columns = draw(st.integers(2, 3))
    specs = "".join(
        f'<oasis:colspec colname="c{n}" colnum="{n}" colwidth="{n}*"/>'
        for n in range(1, columns + 1)
    )
    head = "".join(f"<oasis:entry>{draw(_text(2))}</oasis:entry>" for _ in range(columns))
    rows = []
    count = draw(st.integers(1, 3))
    filled = False  # whether the row above reaches into this row's first column
    for index in range(count):
        shape = draw(st.sampled_from(["plain", "span", "down", "char"]))
        if filled:
            cells = "".join(
                f'<oasis:entry colname="c{n}">{draw(_text(2))}</oasis:entry>'
                for n in range(2, columns + 1)
            )
            filled = False
        elif shape == "span":
            cells = (
                f'<oasis:entry namest="c1" nameend="c2">{draw(_text(3))}</oasis:entry>'
                + "".join(
                    f"<oasis:entry>{draw(_text(2))}</oasis:entry>" for _ in range(columns - 2)
                )
            )
        elif shape == "down" and index + 1 < count:
            # The first cell also fills the next row's first column, which the next row
            # then skips by naming its columns.
            filled = True
            first = f'<oasis:entry morerows="1" rowsep="1">{draw(_text(2))}</oasis:entry>'
            cells = first + "".join(
                f"<oasis:entry>{draw(_text(2))}</oasis:entry>" for _ in range(columns - 1)
            )
        elif shape == "char":
            cells = "".join(
                f'<oasis:entry align="char" char="." colsep="0">{n}.5</oasis:entry>'
                for n in range(columns)
            )
        else:
            cells = "".join(
                f'<oasis:entry colname="c{n}">{draw(_text(2))}</oasis:entry>'
                for n in range(1, columns + 1)
            )
        rows.append(f"<oasis:row>{cells}</oasis:row>")
    frame = draw(st.sampled_from(["", ' frame="topbot"', ' frame="all" colsep="1" rowsep="1"']))
    return (
        f'<oasis:table{frame}><oasis:tgroup cols="{columns}">{specs}'
        f"<oasis:thead><oasis:row>{head}</oasis:row></oasis:thead>"
        f"<oasis:tbody>{''.join(rows)}</oasis:tbody></oasis:tgroup></oasis:table>"
    )


@st.composite
def _section(draw: st.DrawFn, ids: _Ids, sid: str, children: list[str], number: str) -> str:
    blocks = "".join(draw(st.lists(_block(ids), min_size=0 if children else 1, max_size=3)))
    title = draw(_inline(ids, 1, True))
    head = f'<sec id="{sid}"><label>{number}</label><title>{title}</title>'
    return f"{head}{blocks}{''.join(children)}</sec>"


@st.composite
def _terms(draw: st.DrawFn, ids: _Ids) -> str:
    """A terms clause: term-sec entries in TBX, as ISO documents carry them."""
    entries = []
    for n in range(1, draw(st.integers(1, 3)) + 1):
        tigs = []
        for status in draw(
            st.lists(
                st.sampled_from(["preferredTerm", "admittedTerm", "deprecatedTerm"]),
                min_size=1,
                max_size=2,
            )
        ):
            tigs.append(
                f'<tbx:tig><tbx:term id="{ids.new("term")}">{draw(_text(2))}</tbx:term>'
                '<tbx:partOfSpeech value="noun"/>'
                f'<tbx:normativeAuthorization value="{status}"/></tbx:tig>'
            )
        note = f"<tbx:note>{draw(_text(4))}</tbx:note>" if draw(st.booleans()) else ""
        entries.append(
            f'<term-sec id="{ids.new("termsec")}"><label>3.{n}</label>'
            f'<tbx:termEntry id="{ids.target("entry", "other")}"><tbx:langSet xml:lang="en">'
            f"<tbx:definition>{draw(_text(6))}</tbx:definition>{note}{''.join(tigs)}"
            "</tbx:langSet></tbx:termEntry></term-sec>"
        )
    return (
        f'<sec id="{ids.new("sec")}" sec-type="terms"><label>3</label>'
        f"<title>Terms and definitions</title>{''.join(entries)}</sec>"
    )


@st.composite
def _std_meta(draw: st.DrawFn, originator: str, ids: _Ids) -> str:
    """Metadata of one layer: titles, identifiers, dates and, optionally, ICS, committee,
    relations and copyright."""
    number = draw(st.integers(1, 99999))
    year = draw(st.integers(1990, 2030))
    part = draw(st.sampled_from(["", "-1", "-2"]))
    ident = f"{originator} {number}{part}"
    extras = ""
    if draw(st.booleans()):
        extras += f"<comm-ref>{originator}/TC {draw(st.integers(1, 300))}</comm-ref>"
    if draw(st.booleans()):
        ics = draw(st.from_regex(r"[0-9]{2}\.[0-9]{3}\.[0-9]{2}", fullmatch=True))
        extras += f"<ics>{ics}</ics>"
    for relation in draw(st.lists(st.sampled_from(["supersedes", "amends"]), max_size=2)):
        old = draw(st.integers(1950, 1989))
        extras += f'<std-xref type="{relation}"><std-ref>{ident}:{old}</std-ref></std-xref>'
    if draw(st.booleans()):
        extras += (
            f"<permissions><copyright-statement>{draw(_text(3))}</copyright-statement>"
            f"<copyright-year>{year}</copyright-year>"
            f"<copyright-holder>{originator}</copyright-holder></permissions>"
        )
    return (
        "<std-meta>"
        f'<title-wrap xml:lang="en"><intro>{draw(_text(3))}</intro><main>{draw(_text(3))}</main>'
        "</title-wrap>"
        f"<std-ident><originator>{originator}</originator><doc-type>IS</doc-type>"
        f"<doc-number>{number}</doc-number>"
        + (f"<part-number>{part[1:]}</part-number>" if part else "")
        + f"<edition>{draw(st.integers(1, 5))}</edition><version>{year}</version></std-ident>"
        f'<std-ref type="dated">{ident}:{year}</std-ref>'
        f'<std-ref type="undated">{ident}</std-ref>'
        f"<release-date>{year}-0{draw(st.integers(1, 9))}</release-date>"
        f"{extras}</std-meta>"
    )


@st.composite
def _foreword(draw: st.DrawFn, ids: _Ids) -> str:
    paras = "".join(draw(st.lists(_paragraph(ids), min_size=1, max_size=2)))
    return f'<sec id="{ids.new("fwd")}" sec-type="foreword"><title>Foreword</title>{paras}</sec>'


@st.composite
def sts_documents(draw: st.DrawFn, tag_set: str = "interchange") -> bytes:
    """One NISO STS document of the Interchange or the Extended tag set, as bytes."""
    ids = _Ids(extended=tag_set == "extended")
    shape = draw(st.lists(st.integers(0, 2), min_size=1, max_size=3))  # subsections per section
    ids.sections = [ids.new("sec") for _ in range(len(shape) + sum(shape))]
    names = iter(ids.sections)
    body = []
    for n, subs in enumerate(shape, start=1):
        sid = next(names)
        children = [draw(_section(ids, next(names), [], f"{n}.{m}")) for m in range(1, subs + 1)]
        body.append(draw(_section(ids, sid, children, str(n))))
    refs = ""
    if draw(st.booleans()):
        entries = "".join(
            f'<ref id="{ids.new("ref")}"><std><std-ref>ISO {100 + n}:2020</std-ref></std></ref>'
            for n in range(draw(st.integers(1, 3)))
        )
        refs = (
            f'<sec id="{ids.new("sec")}" sec-type="norm-refs"><label>2</label>'
            f"<title>Normative references</title><ref-list>{entries}</ref-list></sec>"
        )
    terms = draw(_terms(ids)) if draw(st.booleans()) else ""
    back = ""
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["norm-annex", "inform-annex"]))
        paras = "".join(draw(st.lists(_paragraph(ids), min_size=1, max_size=2)))
        back += (
            f'<app-group><app id="{ids.target("annex", "app")}" content-type="{kind}">'
            f"<label>Annex A</label><title>{draw(_text(3))}</title>{paras}</app></app-group>"
        )
    if draw(st.booleans()):
        cited = "".join(
            f'<ref id="{ids.new("bib")}"><label>[{n}]</label>'
            f"<std><std-ref>ISO {200 + n}:2019</std-ref></std></ref>"
            for n in range(1, draw(st.integers(1, 3)) + 1)
        )
        back += f'<ref-list content-type="bibl"><title>Bibliography</title>{cited}</ref-list>'
    back = f"<back>{back}</back>" if back else ""
    foreword = draw(_foreword(ids)) if draw(st.booleans()) else ""
    front = f"<front>{draw(_std_meta('ISO', ids))}{foreword}</front>"
    doc = f"<standard>{front}<body>{refs}{terms}{''.join(body)}</body>{back}</standard>"
    # Adoptions wrap the international standard, innermost first: EN ISO, then DIN EN ISO.
    for originator in draw(st.sampled_from([[], ["EN"], ["EN", "DIN"], ["BS"]])):
        national = draw(_foreword(ids)) if draw(st.booleans()) else ""
        meta = draw(_std_meta(originator, ids))
        doc = f"<adoption><adoption-front>{meta}{national}</adoption-front>{doc}</adoption>"
    root, rest = doc.split(">", 1)
    declarations = f' xmlns:xlink="{XLINK}" xmlns:mml="{MML}" xmlns:tbx="{TBX}" xml:lang="en"'
    if ids.extended:
        declarations += f' xmlns:oasis="{OASIS}"'
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{root}{declarations}>{rest}'.encode()


#: Element names of the tag set that mutations put in unexpected places.
_TAGS = [
    "p", "sec", "app", "list", "list-item", "label", "title", "caption", "table-wrap", "table",
    "tr", "td", "th", "fig", "graphic", "xref", "std", "std-ref", "ref", "ref-list", "fn",
    "bold", "italic", "sub", "sup", "named-content", "ext-link", "disp-formula", "term-sec",
    "non-normative-note", "non-normative-example", "std-meta", "title-wrap", "main", "ics",
    "std-xref", "permissions", "front", "body", "back", "app-group", "break", "mixed-citation",
]  # fmt: skip


@st.composite
def mutated_sts_documents(draw: st.DrawFn) -> bytes:
    """A generated document after a few edits (tests/properties/mutations.py): well-formed,
    often invalid, the kinds of deviation real files show against the tag set."""
    from lxml import etree
    from mutations import edit

    root = etree.fromstring(draw(sts_documents()))
    return edit(draw, root, _TAGS, ["id", "rid", "content-type", "style"], _WORD, most=6)
