"""Hypothesis strategies that generate valid documents, for fuzzing pipelines.

``documents()`` gives :class:`~mrstd.model.Document` values whose ids are unique and
whose cross-references, term references and footnote references all resolve, and
whose text holds only characters XML 1.0 can carry.

This module needs hypothesis, which is not a runtime dependency: ``pip install
'mrstd[testing]'``.
"""

from __future__ import annotations

import functools
import itertools
import zlib
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - only without the extra
    raise ImportError("mrstd.testing needs hypothesis: pip install 'mrstd[testing]'") from exc

from .model import SCHEMA_URI, Document
from .model.enums import (
    AdoptionMethod,
    ClauseKind,
    ContributorRole,
    DateType,
    Degree,
    DocumentType,
    DraftingRules,
    IdentifierType,
    Lifecycle,
    LinkForm,
    LocalityType,
    Mandate,
    Obligation,
    ProvisionKind,
    RelationKind,
    StandardScope,
    Style,
    TableMarkup,
    TermStatus,
    XrefKind,
)

Json = dict[str, Any]

MATHML_NS = "http://www.w3.org/1998/Math/MathML"

#: Characters XML 1.0 allows (section 2.2), so every generated text survives XML.
xml_chars = st.one_of(
    st.sampled_from("\t\n\r "),
    st.characters(min_codepoint=0x21, max_codepoint=0x7E),
    st.characters(min_codepoint=0xA0, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xE000, max_codepoint=0xFFFD),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
)
text = st.text(xml_chars, max_size=30)
words = st.text(st.characters(min_codepoint=0x61, max_codepoint=0x7A), min_size=1, max_size=10)
line = st.text(xml_chars.filter(lambda c: c not in "\r\n\t"), min_size=1, max_size=25)
ids = st.from_regex(r"\A[a-z][a-z0-9_.\-]{0,8}\Z")
dates = st.dates().map(lambda d: d.isoformat()) | st.integers(1950, 2099).map(str)
languages = st.sampled_from(["en", "fr", "zh", "de", "ru", "ja", "zh-Hans", "en-GB"])
ics_codes = st.from_regex(r"\A[0-9]{2}(\.[0-9]{3}(\.[0-9]{2})?)?\Z")
ccs_codes = st.from_regex(r"\A[A-HJ-NP-Z][0-9]{2}\Z")
stage_codes = st.sampled_from(["00.00", "20.20", "40.60", "60.00", "60.60", "90.93", "95.99"])
identifiers = st.sampled_from(
    [
        "ISO 9001:2015",
        "ISO 9001",
        "IEC 60050-351:2013",
        "ISO/IEC 27001:2022/Amd 1:2024",
        "GB/T 19001-2016",
        "GB/T 19001-2016/ISO 9001:2015",
        "EN ISO 13849-1:2015",
        "DIN EN ISO 13849-1",
        "JIS Q 9001:2015",
        "ISO/TS 14441",
    ]
)


def _enum(enum: type[Any]) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum])


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _obj(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Json]:
    """A dict strategy that drops keys whose value came out None."""
    return st.fixed_dictionaries(fields).map(
        lambda d: {k: v for k, v in d.items() if v is not None}
    )


def _tagged(tag: str, **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Json]:
    return _obj(**fields).map(lambda d: {"type": tag, **d})


def mathml() -> st.SearchStrategy[str]:
    """Small MathML expressions in canonical serialized form."""
    token = st.tuples(
        st.sampled_from(["mi", "mn", "mo"]),
        st.text(st.characters(min_codepoint=0x61, max_codepoint=0x7A), min_size=1, max_size=3),
    ).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>")
    return st.lists(token, min_size=1, max_size=4).map(
        lambda items: f'<math xmlns="{MATHML_NS}"><mrow>{"".join(items)}</mrow></math>'
    )


def foreign_xml() -> st.SearchStrategy[str]:
    """Unmodelled XML fragments of tag-set elements, as a converter would keep them."""
    return st.tuples(
        st.just("named-content"),
        words,
        words,
    ).map(lambda t: f'<{t[0]} content-type="{t[1]}">{t[2]}</{t[0]}>')


def locality() -> st.SearchStrategy[Json]:
    return _obj(
        type=_enum(LocalityType),
        reference=st.from_regex(r"\A[0-9A-Z](\.[0-9]{1,2}){0,2}\Z"),
        to=_opt(st.from_regex(r"\A[0-9]{1,2}\Z")),
    )


def _inline(depth: int) -> st.SearchStrategy[Json]:
    leaves: list[st.SearchStrategy[Json]] = [
        _tagged("text", text=text),
        _tagged("footnote-ref", target=ids, label=_opt(words)),
        _tagged("inline-formula", id=_opt(ids), mathml=_opt(mathml()), text=_opt(line)),
        _tagged("break"),
        _tagged("foreign", xml=foreign_xml()),
    ]
    leaf = st.one_of(leaves)
    if depth <= 0:
        return leaf
    inner = st.lists(_inline(depth - 1), max_size=3)
    return st.one_of(
        leaf,
        leaf,
        _tagged("styled", style=_enum(Style), content=inner),
        _tagged("xref", target=ids, kind=_opt(_enum(XrefKind)), content=inner),
        _tagged(
            "standard-ref",
            identifier=identifiers,
            reference=_opt(ids),
            locality=st.lists(locality(), max_size=2),
            content=inner,
            std_id=_opt(st.just("urn:iso:std:iso:9001")),
        ),
        _tagged("term-ref", target=_opt(ids), content=inner),
        _tagged(
            "link",
            href=st.just("https://example.org/") | words,
            content=inner,
            form=_opt(_enum(LinkForm)),
        ),
        _tagged(
            "named-content",
            name=words,
            id=_opt(ids),
            href=_opt(st.just("#a")),
            content=inner,
        ),
        _tagged(
            "styled-content",
            style=_opt(st.just("color: red")),
            style_type=_opt(words),
            id=_opt(ids),
            content=inner,
        ),
        _tagged("citation-title", content=inner),
        _tagged("provision", kind=_enum(ProvisionKind), content=inner),
        _tagged(
            "footnote",
            id=_opt(ids),
            label=_opt(words),
            blocks=st.lists(_paragraph(0), max_size=1),
            label_content=inline(0),
        ),
    )


def inline(depth: int = 2) -> st.SearchStrategy[list[Json]]:
    """A sequence of inline runs, as JSON-ready dicts."""
    return st.lists(_inline(depth), max_size=4)


def _paragraph(depth: int) -> st.SearchStrategy[Json]:
    return _tagged(
        "paragraph", id=_opt(ids), provision=_opt(_enum(ProvisionKind)), content=inline(depth)
    )


def _designation() -> st.SearchStrategy[Json]:
    return _obj(
        text=line,
        language=_opt(languages),
        status=_enum(TermStatus),
        abbreviation=st.booleans(),
        part_of_speech=_opt(st.sampled_from(["noun", "verb", "adj"])),
    )


def _term_entry() -> st.SearchStrategy[Json]:
    note = _tagged(
        "note", id=_opt(ids), label=_opt(words), blocks=st.lists(_paragraph(1), max_size=1)
    )
    example = _tagged("example", id=_opt(ids), blocks=st.lists(_paragraph(1), max_size=1))
    source = _obj(
        identifier=_opt(identifiers),
        locality=st.lists(locality(), max_size=1),
        modified=st.booleans(),
        modification=inline(0),
    )
    return _tagged(
        "term-entry",
        id=ids,
        label=_opt(st.from_regex(r"\A3\.[0-9]{1,2}\Z")),
        designations=st.lists(_designation(), min_size=1, max_size=3),
        domain=_opt(words),
        definitions=st.lists(_obj(language=_opt(languages), content=inline(1)), max_size=2),
        examples=st.lists(example, max_size=1),
        notes=st.lists(note, max_size=2),
        sources=st.lists(source, max_size=1),
    )


def _table() -> st.SearchStrategy[Json]:
    rule = _opt(st.sampled_from(["0", "1"]))
    cell = _obj(
        header=st.booleans(),
        rowspan=st.integers(1, 3),
        colspan=st.integers(1, 3),
        align=_opt(st.sampled_from(["left", "center", "right", "char"])),
        char=_opt(st.sampled_from([".", ","])),
        scope=_opt(st.sampled_from(["row", "col"])),
        column=_opt(st.sampled_from(["c1", "c2", "c3"])),
        colsep=rule,
        content=inline(1),
    )
    column = _obj(
        name=st.sampled_from(["c1", "c2", "c3"]),
        width=_opt(st.sampled_from(["1*", "2*", "30mm"])),
        rowsep=rule,
    )
    row = _obj(cells=st.lists(cell, min_size=1, max_size=3))
    return _tagged(
        "table",
        id=_opt(ids),
        label=_opt(st.from_regex(r"\A[A-C]?[0-9]\Z")),
        caption=inline(1),
        head=st.lists(row, max_size=1),
        body=st.lists(row, min_size=1, max_size=3),
        notes=st.lists(_paragraph(0), max_size=1),
        markup=_enum(TableMarkup),
        columns=st.lists(column, max_size=3, unique_by=lambda c: c["name"]),
        frame=_opt(st.sampled_from(["topbot", "all", "hsides", "box"])),
        colsep=rule,
    )


def _block(depth: int) -> st.SearchStrategy[Json]:
    leaves = st.one_of(
        _paragraph(2),
        _tagged("formula", id=_opt(ids), label=_opt(words), mathml=_opt(mathml()), text=_opt(line)),
        _tagged("preformat", id=_opt(ids), language=_opt(words), text=text),
        _tagged("foreign", xml=foreign_xml()),
        _tagged(
            "reference",
            id=_opt(ids),
            label=_opt(words),
            identifier=_opt(identifiers),
            title=inline(0),
            citation=inline(0),
            uri=_opt(st.just("https://example.org/doc")),
            status=_opt(_enum(Lifecycle)),
            kind=_opt(st.sampled_from(["standard", "book"])),
        ),
        _tagged(
            "figure",
            id=_opt(ids),
            label=_opt(words),
            caption=inline(1),
            media=st.lists(_obj(href=words.map(lambda w: w + ".png"), alt=_opt(line)), max_size=2),
        ),
        _table(),
        _term_entry(),
    )
    if depth <= 0:
        return leaves
    blocks = st.lists(_block(depth - 1), max_size=2)
    return st.one_of(
        leaves,
        leaves,
        _tagged("note", id=_opt(ids), label=_opt(words), blocks=blocks),
        _tagged("example", id=_opt(ids), label=_opt(words), blocks=blocks),
        _tagged(
            "list",
            id=_opt(ids),
            ordered=st.booleans(),
            style=_opt(st.sampled_from(["alpha-lower", "arabic", "dash", "bullet"])),
            items=st.lists(_obj(id=_opt(ids), label=_opt(words), blocks=blocks), max_size=3),
            content_kind=_opt(words),
        ),
        _tagged(
            "definition-list",
            id=_opt(ids),
            items=st.lists(_obj(id=_opt(ids), term=inline(0), definition=blocks), max_size=3),
        ),
        _tagged("footnote", id=_opt(ids), label=_opt(words), blocks=blocks),
    )


def blocks(depth: int = 1) -> st.SearchStrategy[list[Json]]:
    """A sequence of blocks, as JSON-ready dicts."""
    return st.lists(_block(depth), max_size=3)


def _clause(depth: int, kinds: st.SearchStrategy[str]) -> st.SearchStrategy[Json]:
    sub = st.lists(_clause(depth - 1, st.just("general")), max_size=2) if depth > 0 else st.just([])
    return _obj(
        id=_opt(ids),
        label=_opt(st.from_regex(r"\A[1-9A-C](\.[1-9]){0,2}\Z")),
        title=inline(1),
        kind=kinds,
        blocks=blocks(1),
        subclauses=sub,
        type_label=_opt(st.sampled_from(["clause", "concept"])),
    )


def _annex() -> st.SearchStrategy[Json]:
    return _clause(1, st.just("annex")).flatmap(
        lambda c: _enum(Obligation).map(lambda o: {**c, "obligation": o})
    )


def metadata() -> st.SearchStrategy[Json]:
    """Document metadata, as JSON-ready dicts."""
    scripts = st.sampled_from(["Latn", "Hans", "Cyrl", "Jpan"])
    doc_id = _obj(
        value=identifiers,
        type=_enum(IdentifierType),
        scheme=_opt(words),
        primary=_opt(st.booleans()),
    )
    title = _obj(
        language=languages,
        script=_opt(scripts),
        introductory=_opt(line),
        main=_opt(line),
        complementary=_opt(line),
        full=_opt(line),
        untyped=st.booleans(),
    )
    organization = _obj(
        name=line,
        abbreviation=_opt(words),
        uri=_opt(st.just("https://example.org")),
        script=_opt(scripts),
    )
    role = _obj(role=_enum(ContributorRole), role_description=_opt(line))
    deviation = _obj(clause=st.from_regex(r"\A[1-9](\.[1-9])?\Z"), change=line, reason=_opt(line))
    return _obj(
        identifier=doc_id,
        alternate_identifiers=st.lists(doc_id, max_size=2),
        titles=st.lists(title, max_size=2),
        publishers=st.lists(organization, max_size=2),
        originator=_opt(st.sampled_from(["ISO", "IEC", "CEN", "SAC", "DIN"])),
        contributors=st.lists(
            _obj(
                role=_enum(ContributorRole),
                organization=_opt(organization),
                person=_opt(line),
                more_roles=st.lists(role, max_size=2),
            ),
            max_size=2,
        ),
        doc_type=_enum(DocumentType),
        doc_type_label=_opt(words),
        scope=_opt(_enum(StandardScope)),
        mandate=_opt(_enum(Mandate)),
        prefix=_opt(st.sampled_from(["GB", "GB/T", "GB/Z", "JB/T"])),
        status=_obj(
            stage=_opt(stage_codes),
            lifecycle=_opt(_enum(Lifecycle)),
            iteration=_opt(st.integers(1, 5)),
        ),
        dates=_obj(
            published=_opt(dates),
            implemented=_opt(dates),
            withdrawn=_opt(dates),
            confirmed=_opt(dates),
            other=st.lists(_obj(type=_enum(DateType), value=dates), max_size=2),
        ),
        edition=_opt(st.integers(1, 9).map(str)),
        version=_opt(words),
        languages=st.lists(languages, max_size=2, unique=True),
        ics=st.lists(_obj(code=ics_codes, text=_opt(line)), max_size=2),
        ccs=st.lists(_obj(code=ccs_codes, text=_opt(line)), max_size=2),
        committees=st.lists(
            _obj(
                identifier=st.sampled_from(["ISO/TC 176/SC 2", "SAC/TC 124", "IEC/TC 1"]),
                name=_opt(line),
            ),
            max_size=2,
        ),
        keywords=st.lists(_obj(text=line, language=_opt(languages)), max_size=3),
        abstract=st.lists(_obj(text=text, language=_opt(languages)), max_size=1),
        copyright=st.lists(
            _obj(
                statement=_opt(line),
                year=_opt(st.integers(1950, 2099)),
                holders=st.lists(words, max_size=2),
            ),
            max_size=1,
        ),
        relations=st.lists(
            _obj(
                kind=_enum(RelationKind),
                identifier=identifiers,
                description=_opt(line),
                date=_opt(dates),
            ),
            max_size=3,
        ),
        adoptions=st.lists(
            _obj(
                identifier=identifiers,
                degree=_enum(Degree),
                method=_opt(_enum(AdoptionMethod)),
                deviations=st.lists(deviation, max_size=2),
            ),
            max_size=2,
        ),
        notes=st.lists(_obj(text=line, type=_opt(words)), max_size=1),
        custom=st.lists(_obj(name=words, value=line), max_size=2),
        sdo=_opt(st.sampled_from(["ISO", "IEC", ""])),
        project_id=_opt(st.integers(1, 99999).map(str)),
        release_language=_opt(languages),
        release_version=_opt(st.sampled_from(["CD", "DIS", "IS"])),
        release_version_id=_opt(words),
        urn=_opt(st.just("urn:iso:std:iso:9001")),
        work_item=_opt(st.integers(1, 99999).map(str)),
        secretariats=st.lists(words, max_size=2),
        page_count=_opt(st.integers(0, 400).map(str)),
        drafting_rules=_opt(_enum(DraftingRules)),
    )


def _layer(depth: int) -> st.SearchStrategy[Json]:
    return _obj(
        metadata=metadata(),
        preface=st.lists(_clause(0, st.sampled_from(["foreword", "introduction"])), max_size=2),
        body=st.lists(
            _clause(2, st.sampled_from([k.value for k in ClauseKind if k not in _NOT_BODY])),
            max_size=3,
        ),
        annexes=st.lists(_annex(), max_size=2),
        back=st.lists(_clause(0, st.sampled_from(["bibliography", "index"])), max_size=1),
        adopted=_opt(_layer(depth - 1)) if depth > 0 else st.none(),
    )


_NOT_BODY = {ClauseKind.ANNEX, ClauseKind.FOREWORD, ClauseKind.INTRODUCTION}
_ID_KEYS = ("target", "reference")


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _stable_hash(value: str) -> int:
    return zlib.crc32(value.encode())


def make_consistent(data: Json) -> Json:
    """Make ids unique and point every reference at an existing id of the right kind."""
    counter = itertools.count(1)
    seen: set[str] = set()
    by_type: dict[str, list[str]] = {}
    for node in _walk(data):
        ident = node.get("id")
        if isinstance(ident, str):
            if ident in seen:
                ident = node["id"] = f"{ident}-{next(counter)}"
            seen.add(ident)
            by_type.setdefault(str(node.get("type", "clause")), []).append(ident)
    every = sorted(seen)
    for node in _walk(data):
        kind = node.get("type")
        wanted = {"footnote-ref": "footnote", "term-ref": "term-entry"}.get(str(kind))
        if kind in ("xref", "footnote-ref", "term-ref") and "target" in node:
            pool = by_type.get(wanted, []) if wanted else every
            if pool:
                node["target"] = pool[_stable_hash(node["target"]) % len(pool)]
            elif kind == "term-ref":
                del node["target"]
            else:
                node.clear()
                node.update({"type": "text", "text": ""})
        elif kind == "standard-ref" and "reference" in node:
            pool = by_type.get("reference", [])
            if pool:
                node["reference"] = pool[_stable_hash(node["reference"]) % len(pool)]
            else:
                del node["reference"]
    return data


# Strategies are immutable, and building this one takes seconds: each is built once per
# depth and shared by every test that asks for it.
@functools.cache
def document_dicts(max_adoption_depth: int = 1) -> st.SearchStrategy[Json]:
    """Valid documents as JSON-ready dicts (before model validation)."""
    return _layer(max_adoption_depth).map(
        lambda layer: make_consistent({"$schema": SCHEMA_URI, **layer})
    )


@functools.cache
def documents(max_adoption_depth: int = 1) -> st.SearchStrategy[Document]:
    """Valid :class:`Document` values."""
    return document_dicts(max_adoption_depth).map(Document.model_validate)
