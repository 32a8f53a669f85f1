"""Relaton records of the shared corpus: import, round trip, grammar validity.

Per-source rates are printed in the summary at the end of the test run.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import mrstd
from mrstd.errors import DocumentError
from mrstd.formats import Change, ConversionLog, get_format
from mrstd.formats.relaton import xml_parse, yaml_parse
from mrstd.formats.relaton.common import Hash, as_list, text
from mrstd.model import Document
from support import missing_corpus

SOURCES = (
    "relaton-data-iso",
    "relaton-data-iec",
    "relaton-data-jis",
    "relaton-gb",
    "relaton-cen",
    "relaton-bsi",
    "relaton-bib",
    "relaton-iso",
    "relaton-v3",
    "metanorma-gb-legacy",
)
#: The grammar each source's flavour is checked against (relaton 1.20 layout, which the
#: writer produces). ISO and GB 1.20 grammars do not compile with lxml; IEC, JIS and BSI
#: have only v3 (schema 1.5.6) grammars in the corpus, which describe another layout.
GRAMMARS = {
    "relaton-bib": "relaton-bib-1.20/biblio-compile.rng",
    "relaton-v3/bib": "relaton-bib-1.20/biblio-compile.rng",
    "relaton-cen": "relaton-cen-1.20/relaton-cen-compile.rng",
    "relaton-v3/cen": "relaton-cen-1.20/relaton-cen-compile.rng",
    "relaton-data-iso": "relaton-cen-1.20/relaton-iso-compile.rng",
    "relaton-iso": "relaton-cen-1.20/relaton-iso-compile.rng",
    "relaton-gb": "relaton-gb-1.20/relaton-gb-compile.rng",
    "metanorma-gb-legacy": "relaton-gb-1.20/relaton-gb-compile.rng",
}
#: Model field names in writer log paths, and the Relaton field each stands for.
_FIELD_OF = {
    "titles": "title",
    "identifier": "docid",
    "alternate_identifiers": "docid",
    "contributors": "contributor",
    "publishers": "contributor",
}
NOT_RECORDS = {"referencegroup", "reference", "documents"}


def _records(root: Path, source: str) -> list[Path]:
    folder = root / "relaton" / source
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml", ".xml"))


def _flavour(root: Path, path: Path) -> str:
    rel = path.relative_to(root / "relaton").parts
    return "/".join(rel[:2]) if rel[0] == "relaton-v3" else rel[0]


@functools.cache
def _grammar(root: Path, name: str) -> etree.RelaxNG | None:
    """Each grammar compiled once per session; None when lxml cannot compile it."""
    try:
        return etree.RelaxNG(etree.parse(str(root / "relaton" / "grammars" / name)))
    except (etree.RelaxNGParseError, etree.XMLSyntaxError):
        return None


def _key(doc: Document) -> tuple[object, ...]:
    m = doc.metadata
    return (m.identifier, m.alternate_identifiers, m.titles, m.dates, m.relations, m.adoptions)


def _hash(data: bytes, suffix: str) -> Hash:
    """The record as the reader sees it before mapping: a Relaton hash."""
    if suffix == ".xml":
        return xml_parse._Reader(ConversionLog()).record(etree.fromstring(data))
    found: Hash = yaml_parse.parse(data, "record")
    return found


def _words(value: object) -> str | None:
    found = text(value)
    return " ".join(found.split()) if found else None


def _codes(item: object, key: str) -> tuple[str, ...]:
    if not isinstance(item, dict):
        return ()
    return tuple(t for v in as_list(item.get(key)) if (t := text(v)))


def _fields(h: Hash) -> dict[str, list[object]]:
    """What a record says, field by field, in the terms a reader of the record uses:
    titles with their types, docids with ``primary``, contributors with every role and
    the language and script of every name (not the model, which could hide a loss)."""
    titles = [
        (
            _words(t),
            t.get("type") if isinstance(t, dict) else None,
            _codes(t, "language"),
            _codes(t, "script"),
        )
        for t in as_list(h.get("title"))
        if _words(t)
    ]
    docids = [
        (
            _words(d),
            d.get("type") if isinstance(d, dict) else None,
            isinstance(d, dict) and d.get("primary") in (True, "true"),
        )
        for d in as_list(h.get("docid")) + as_list(h.get("docidentifier"))
        if _words(d)
    ]
    contributors: list[object] = []
    for c in as_list(h.get("contributor")):
        if not isinstance(c, dict):
            contributors.append(("not a contributor", repr(c)))
            continue
        roles = tuple(
            (text(r.get("type")) if isinstance(r, dict) else text(r)) or "contributor"
            for r in as_list(c.get("role"))
        ) or ("contributor",)
        org = c.get("organization")
        names: tuple[object, ...] = ()
        if isinstance(org, dict):
            names = (
                *(
                    (_words(n), _codes(n, "language"), _codes(n, "script"))
                    for n in as_list(org.get("name"))
                ),
                _words(org.get("abbreviation")),
            )
        contributors.append((roles, names, "person" in c))
    return {
        "title": sorted(map(repr, titles)),
        "docid": sorted(map(repr, docids)),
        "contributor": sorted(map(repr, contributors)),
    }


def _root_name(data: bytes) -> str | None:
    try:
        return etree.QName(etree.fromstring(data)).localname
    except etree.XMLSyntaxError:
        return None


@pytest.mark.parametrize("source", SOURCES)
def test_relaton_records(
    corpus: Path, source: str, summary_row: Callable[[str, str, str], None]
) -> None:
    counts: Counter[str] = Counter()
    failures: list[str] = []
    for path in _records(corpus, source):
        data = path.read_bytes()
        own = "relaton-xml" if path.suffix == ".xml" else "relaton-yaml"
        other = "relaton-yaml" if own == "relaton-xml" else "relaton-xml"
        if own == "relaton-xml" and _root_name(data) in NOT_RECORDS:
            # IETF BibXML and search-hit lists sit beside the records: a clear error, no crash.
            with pytest.raises(DocumentError) as info:
                mrstd.loads(data, own, source=path.name)
            assert "\n" not in str(info.value)
            counts["not a record"] += 1
            continue
        counts["records"] += 1
        read_log = ConversionLog()
        try:
            doc = mrstd.loads(data, own, source=str(path), log=read_log)
        except DocumentError as exc:
            failures.append(f"import: {exc}")
            continue
        counts["imported"] += 1
        log = ConversionLog()
        written = mrstd.dumps_bytes(doc, own, log=log)
        said = {
            _FIELD_OF.get(name, name)
            for e in (*read_log.entries, *log.entries)
            if e.change in (Change.LOST, Change.NORMALISED)
            and (name := re.split(r"[.\[]", e.path.removeprefix("metadata."))[0])
        }
        before, after = _fields(_hash(data, path.suffix)), _fields(_hash(written, path.suffix))
        for field, values in before.items():
            if values != after[field] and field not in said:
                failures.append(f"{field} changed without a word: {path.name}")
        again = mrstd.loads(written, own)
        if again == doc:
            counts["round trip"] += 1
        else:
            failures.append(f"{own} round trip differs: {path.name}")
        crossed = mrstd.loads(mrstd.dumps_bytes(doc, other, log=ConversionLog()), other)
        if _key(crossed) == _key(doc):
            counts["cross-format"] += 1
        else:
            failures.append(f"{other} loses ids/titles/dates/relations: {path.name}")
        counts["relations"] += len(doc.metadata.relations) + len(doc.metadata.adoptions)
        grammar_name = GRAMMARS.get(_flavour(corpus, path))
        grammar = _grammar(corpus, grammar_name) if grammar_name else None
        if grammar is None:
            counts["no compiling grammar"] += 1
            continue
        exported = etree.fromstring(mrstd.dumps_bytes(doc, "relaton-xml"))
        valid = grammar.validate(exported)
        counts["valid XML"] += valid
        counts["validated"] += 1
        source_valid = own == "relaton-xml" and grammar.validate(etree.fromstring(data))
        if source_valid and not valid:
            failures.append(f"export invalid where the source is valid: {path.name}")
    n = counts["records"] or 1
    rates = ", ".join(
        f"{label} {counts[key] / n:.0%}"
        for label, key in (
            ("imported", "imported"),
            ("round trip", "round trip"),
            ("cross-format", "cross-format"),
        )
    )
    valid = f"XML valid {counts['valid XML']}/{counts['validated']}"
    summary_row(
        "Relaton corpus (per source)",
        "",
        f"{source}: {counts['records']} records, {rates}, {counts['relations']} relations, "
        f"{valid} (no compiling grammar: {counts['no compiling grammar']}), "
        f"not records: {counts['not a record']}",
    )
    assert not failures, "\n".join(failures[:20])
    assert counts["imported"] == counts["records"] > 0


def test_relation_counts_survive_on_the_derived_relation_table(corpus: Path) -> None:
    """Every relation type in relaton-data-iso round-trips in count and in meaning."""
    table = corpus / "relaton" / "derived-relaton-data-iso-relations.tsv"
    if not table.exists():
        missing_corpus(f"{table} not found")
    fmt = get_format("relaton-yaml")
    assert fmt.read is not None and fmt.write is not None
    rows = [line.split("\t") for line in table.read_text().splitlines()[2:] if "\t" in line]
    types = Counter(row[1] for row in rows)
    assert set(types) == {"obsoletes", "updates", "partOf"}
    for rtype in types:
        record = (
            "docid:\n- id: ISO 1:2000\n  type: ISO\n  primary: true\ntitle:\n- content: T\n"
            f"relation:\n- type: {rtype}\n  bibitem:\n    docid:\n    - id: ISO 1:1990\n"
            "      type: ISO\n      primary: true\n"
        ).encode()
        doc = fmt.read(record, "t.yaml", ConversionLog())
        out = fmt.write(doc, ConversionLog())
        assert f"type: {rtype}".encode() in out
        assert fmt.read(out, "again.yaml", ConversionLog()) == doc
