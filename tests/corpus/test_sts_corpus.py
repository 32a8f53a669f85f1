"""NISO STS fidelity on the shared corpus: STS -> mrstd -> STS on every sample.

Checks (issue 4): text preserved after whitespace normalisation, structural element
counts, ids and xref targets, validity against the NISO STS 1.0 XSD of the matching
tag set, and that going through canonical JSON changes nothing.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from mrstd.formats import ConversionLog
from mrstd.formats.base import Change
from mrstd.formats.native_json import dumps_bytes, loads_bytes
from mrstd.formats.sts import read_sts, write_sts
from mrstd.formats.sts.read import declare_prefixes
from mrstd.formats.xmlsafe import parse_xml

STRUCTURE = (
    "sec",
    "app",
    "term-sec",
    "table-wrap",
    "fig",
    "xref",
    "std",
    "ref",
    "disp-formula",
    "fn",
)
_TABLE_HEAD = (
    "| file | bytes | tag set | text | structure (elements) | ids kept | opaque | XSD valid "
    "| via JSON |\n|---|---|---|---|---|---|---|---|---|"
)


def _samples() -> list[str]:
    # Collected before fixtures exist: look where the corpus fixture looks.
    env = os.environ.get("MRSTD_CORPUS")
    root = Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    found = sorted(p.name for p in (root / "sts" / "samples").glob("*.xml"))
    return found or ["(corpus missing)"]


@pytest.fixture(scope="session")
def schemas(corpus: Path) -> dict[str, etree.XMLSchema]:
    """The NISO STS 1.0 XSDs, compiled once per session (shared with tests/test_sts*.py)."""
    name = "mrstd_tests_sts_xsd"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "test_sts_xsd.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return {ts: sys.modules[name].niso_schema(ts) for ts in ("interchange", "extended")}


def _tag_set(source: etree._Element) -> str:
    version = source.get("dtd-version")
    doctype = source.getroottree().docinfo.doctype or ""
    return "extended" if version == "1.0" and "extended" in doctype.lower() else "interchange"


def _tokens(root: etree._Element) -> Counter[str]:
    words: Counter[str] = Counter()
    for node in root.iter():
        if not isinstance(node.tag, str):
            if node.tail:
                words.update(node.tail.split())
            continue
        if node.text:
            words.update(node.text.split())
        if node.tail and node is not root:
            words.update(node.tail.split())
    return words


def _count(root: etree._Element, name: str) -> int:
    return sum(
        1 for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == name
    )


def _refs(root: etree._Element) -> tuple[set[str], set[str]]:
    ids = {str(v) for v in root.xpath("//@id")}
    targets: set[str] = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for key in ("rid", "target"):
            value = el.get(key)
            if value:
                targets.update(value.split())
    return ids, targets


def _errors(schema: etree.XMLSchema, root: etree._Element) -> list[str]:
    schema.validate(root)
    return [e.message for e in schema.error_log]


@pytest.mark.parametrize("name", _samples())
def test_sts_round_trip(
    corpus: Path,
    schemas: dict[str, etree.XMLSchema],
    name: str,
    summary_row: Callable[[str, str, str], None],
) -> None:
    path = corpus / "sts" / "samples" / name
    if not path.is_file():
        pytest.skip("sample missing")
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

    src_words, out_words = _tokens(source), _tokens(result)
    kept_words = sum((src_words & out_words).values())
    text_pct = 100.0 * kept_words / sum(src_words.values()) if src_words else 100.0
    counts = {n: (_count(source, n), _count(result, n)) for n in STRUCTURE}
    src_total = sum(a for a, _ in counts.values())
    kept_total = sum(min(a, b) for a, b in counts.values())
    struct_pct = 100.0 * kept_total / src_total if src_total else 100.0
    src_ids, src_targets = _refs(source)
    out_ids, out_targets = _refs(result)
    missing_ids = src_ids - out_ids
    missing_targets = src_targets - out_targets

    errors = _errors(schemas[tag_set], result)
    inherited_only = False
    if errors:
        # A source that is itself invalid may pass its own errors on (kept verbatim).
        if source.get("dtd-version") not in (None, "1.0"):
            source.set("dtd-version", "1.0")
        inherited = set(_errors(schemas[tag_set], source))
        errors = [e for e in errors if e not in inherited]
        inherited_only = not errors

    again = write_sts(loads_bytes(dumps_bytes(doc), name), ConversionLog())
    opaque = log.count(Change.OPAQUE)
    valid = ("yes*" if inherited_only else "yes") if not errors else f"no ({len(errors)})"
    summary_row(
        "STS fidelity (STS -> mrstd -> STS)",
        _TABLE_HEAD,
        f"| {name} | {len(data):,} | {tag_set} | {text_pct:.1f}% | "
        f"{struct_pct:.1f}% ({src_total}) | {len(src_ids) - len(missing_ids)}/{len(src_ids)} "
        f"| {opaque} | {valid} | {'same' if again == out else 'DIFFERS'} |",
    )
    assert text_pct == 100.0, (src_words - out_words).most_common(10)
    assert struct_pct >= 99.0, counts
    assert not missing_ids, sorted(missing_ids)[:10]
    assert not missing_targets, sorted(missing_targets)[:10]
    assert not errors, errors[:5]
    assert again == out
