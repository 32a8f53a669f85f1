"""NISO STS fidelity on the shared corpus: STS -> mrstd -> STS on every sample.

Checks (issue 4): text preserved after whitespace normalisation, structural element
counts, ids and xref targets, validity against the NISO STS 1.0 XSD of the matching
tag set, and that going through canonical JSON changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from mrstd.formats import ConversionLog
from mrstd.formats.native_json import dumps_bytes, loads_bytes
from mrstd.formats.sts import read_sts, write_sts
from mrstd.formats.sts.read import declare_prefixes
from mrstd.formats.xmlsafe import parse_xml
from support import corpus_root, fidelity, missing_corpus, modelled, refs, segments, xsd_errors

_TABLE_HEAD = (
    "| file | bytes | tag set | text | in order | structure (elements) | ids kept | modelled "
    "(opaque elements) | XSD valid | via JSON |\n|---|---|---|---|---|---|---|---|---|---|"
)


#: Issue 12's target: at least this share of every sample's elements outside foreign XML.
TARGET_MODELLED = 99.0


def _samples() -> list[str]:
    # Collected before fixtures exist: look where the corpus fixture looks.
    root = corpus_root()
    found = sorted(p.name for p in (root / "sts" / "samples").glob("*.xml")) if root else []
    return found or ["(corpus missing)"]


def _tag_set(source: etree._Element) -> str:
    version = source.get("dtd-version")
    doctype = source.getroottree().docinfo.doctype or ""
    return "extended" if version == "1.0" and "extended" in doctype.lower() else "interchange"


@pytest.mark.parametrize("name", _samples())
def test_sts_round_trip(
    corpus: Path,
    name: str,
    summary_row: Callable[[str, str, str], None],
) -> None:
    path = corpus / "sts" / "samples" / name
    if not path.is_file():
        missing_corpus(f"{path} not found")
    data = path.read_bytes()
    log = ConversionLog()
    doc = read_sts(data, name, log)
    out = write_sts(doc, ConversionLog())
    source = parse_xml(
        declare_prefixes(data, name, ConversionLog()),
        name,
        allow_internal_entities=True,
        html_entities=True,
    )
    tag_set = _tag_set(source)
    result = etree.fromstring(out)

    kept = fidelity(source, result)
    errors = xsd_errors(tag_set, result)
    inherited_only = False
    if errors:
        # A source that is itself invalid may pass its own errors on (kept verbatim).
        if source.get("dtd-version") not in (None, "1.0"):
            source.set("dtd-version", "1.0")
        inherited = set(xsd_errors(tag_set, source))
        errors = [e for e in errors if e not in inherited]
        inherited_only = not errors

    again = write_sts(loads_bytes(dumps_bytes(doc), name), ConversionLog())
    share = modelled(source, doc)
    # Words keep their order inside every paragraph, title, cell... (segments of text).
    out_of_order = segments(source) - segments(result)
    in_order = 100.0 * (1 - out_of_order.total() / max(segments(source).total(), 1))
    source_ids = len(refs(source)[0])
    ids_kept = f"{source_ids - len(kept.missing_ids)}/{source_ids}"
    valid = ("yes*" if inherited_only else "yes") if not errors else f"no ({len(errors)})"
    summary_row(
        "STS fidelity (STS -> mrstd -> STS)",
        _TABLE_HEAD,
        f"| {name} | {len(data):,} | {tag_set} | {kept.text_pct:.1f}% | {in_order:.1f}% | "
        f"{kept.struct_pct:.1f}% ({kept.elements}) | {ids_kept} "
        f"| {share.pct:.1f}% ({share.opaque}) | {valid} "
        f"| {'same' if again == out else 'DIFFERS'} |",
    )
    assert kept.text_pct == 100.0, kept.lost_words.most_common(10)
    assert not out_of_order, list(out_of_order)[:5]
    assert kept.struct_pct >= 99.0, kept.counts
    assert not kept.missing_ids, sorted(kept.missing_ids)[:10]
    assert not kept.missing_targets, sorted(kept.missing_targets)[:10]
    assert not errors, errors[:5]
    assert again == out
    assert share.pct >= TARGET_MODELLED, share.by_name.most_common(10)


@pytest.mark.parametrize("tag_set", ["interchange", "extended"])
@pytest.mark.parametrize("name", _samples())
def test_sts_output_is_valid_in_each_tag_set(corpus: Path, name: str, tag_set: str) -> None:
    """Both tag sets (``--sts-tag-set``) give output valid against their own XSD, wherever
    the source is valid; an error the source itself has may pass on."""
    path = corpus / "sts" / "samples" / name
    if not path.is_file():
        missing_corpus(f"{path} not found")
    data = path.read_bytes()
    out = etree.fromstring(
        write_sts(read_sts(data, name, ConversionLog()), ConversionLog(), tag_set)
    )
    errors = xsd_errors(tag_set, out)
    if errors:
        source = parse_xml(
            declare_prefixes(data, name, ConversionLog()),
            name,
            allow_internal_entities=True,
            html_entities=True,
        )
        source.set("dtd-version", "1.0")
        inherited = set(xsd_errors(_tag_set(source), source))
        errors = [e for e in errors if e not in inherited]
    assert not errors, errors[:5]
