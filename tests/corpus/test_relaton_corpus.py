"""Relaton records of the shared corpus: import, round trip, grammar validity.

Per-source rates are printed in the summary at the end of the test run.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import mrstd
from mrstd.errors import DocumentError
from mrstd.formats import ConversionLog, get_format
from mrstd.model import Document

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
        try:
            doc = mrstd.loads(data, own, source=str(path))
        except DocumentError as exc:
            failures.append(f"import: {exc}")
            continue
        counts["imported"] += 1
        again = mrstd.loads(mrstd.dumps_bytes(doc, own), own)
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
        pytest.skip("no derived relation table")
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
