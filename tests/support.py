"""Shared by the tests: where the third-party corpus is, the official NISO STS XSDs (compiled
once per process), and the fidelity measures of issue 4 (text, structural element counts,
ids and link targets).

Test modules import it as ``support``: pytest puts this folder on ``sys.path`` for
tests/conftest.py, so every test module in the tree sees the same module and cache.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

MATHML = "http://www.w3.org/1998/Math/MathML"
XSD = "sts/schema/NISO-STS-1.0/NISO-STS-{0}-1-MathML3-XSD/NISO-STS-{0}-1-mathml3.xsd"
#: The elements whose counts must survive a round trip (issue 4).
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
_CACHE: dict[str, etree.XMLSchema] = {}


def corpus_root() -> Path | None:
    """The shared corpus folder (``../shared/corpus`` or ``$MRSTD_CORPUS``), or None."""
    env = os.environ.get("MRSTD_CORPUS")
    root = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    return root if root.is_dir() else None


def require_corpus() -> Path:
    """The corpus folder; skips the test, or fails it under MRSTD_REQUIRE_CORPUS=1, if absent."""
    root = corpus_root()
    if root is None:
        missing_corpus("shared corpus not found at ../shared/corpus or $MRSTD_CORPUS")
    assert root is not None
    return root


def missing_corpus(reason: str) -> None:
    """Skip for a missing corpus file, or fail under MRSTD_REQUIRE_CORPUS=1: there, nothing
    skips."""
    if os.environ.get("MRSTD_REQUIRE_CORPUS") == "1":
        pytest.fail(reason + " (MRSTD_REQUIRE_CORPUS=1)")
    pytest.skip(reason)


def niso_schema(tag_set: str) -> etree.XMLSchema:
    """The compiled XSD of a tag set ("interchange" or "extended"); needs the corpus.

    Compiling one takes about 4 s, so each is compiled once per process.
    """
    if tag_set not in _CACHE:
        path = require_corpus() / XSD.format(tag_set)
        _CACHE[tag_set] = etree.XMLSchema(etree.parse(str(path)))
    return _CACHE[tag_set]


def xsd_errors(tag_set: str, root: etree._Element) -> list[str]:
    """The messages of the XSD of ``tag_set`` for a document (empty when valid)."""
    schema = niso_schema(tag_set)
    schema.validate(root)
    return [e.message for e in schema.error_log]


def words(root: etree._Element) -> Counter[str]:
    """The whitespace-separated words of all text in a document."""
    found: Counter[str] = Counter()
    for node in root.iter():
        if not isinstance(node.tag, str):
            if node.tail:
                found.update(node.tail.split())
            continue
        if node.text:
            found.update(node.text.split())
        if node.tail and node is not root:
            found.update(node.tail.split())
    return found


def count(root: etree._Element, name: str) -> int:
    """How many elements of a local name a document holds."""
    return sum(
        1 for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == name
    )


def refs(root: etree._Element) -> tuple[set[str], set[str]]:
    """The ids of a document, and the targets its links name (@rid, @target)."""
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


@dataclass
class Fidelity:
    """How much of a source STS document an output keeps."""

    text_pct: float
    struct_pct: float
    elements: int
    counts: dict[str, tuple[int, int]]
    lost_words: Counter[str]
    missing_ids: set[str]
    missing_targets: set[str]


def fidelity(source: etree._Element, result: etree._Element) -> Fidelity:
    """Compare an output document with its source."""
    src_words, out_words = words(source), words(result)
    kept_words = sum((src_words & out_words).values())
    text_pct = 100.0 * kept_words / sum(src_words.values()) if src_words else 100.0
    counts = {n: (count(source, n), count(result, n)) for n in STRUCTURE}
    src_total = sum(a for a, _ in counts.values())
    kept_total = sum(min(a, b) for a, b in counts.values())
    struct_pct = 100.0 * kept_total / src_total if src_total else 100.0
    src_ids, src_targets = refs(source)
    out_ids, out_targets = refs(result)
    return Fidelity(
        text_pct=text_pct,
        struct_pct=struct_pct,
        elements=src_total,
        counts=counts,
        lost_words=src_words - out_words,
        missing_ids=src_ids - out_ids,
        missing_targets=src_targets - out_targets,
    )


def foreign_fragments(node: object) -> list[str]:
    """Every piece of foreign XML a model holds (foreign blocks and inlines, metadata kept
    verbatim), in all layers."""
    from mrstd.model import ForeignBlock, ForeignInline, Metadata

    found: list[str] = []
    stack: list[object] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (ForeignBlock, ForeignInline)):
            found.append(item.xml)
        elif isinstance(item, (tuple, list)):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            if isinstance(item, Metadata):
                found.extend(item.foreign)
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return found


def elements(root: etree._Element) -> int:
    """How many elements a tree holds."""
    return sum(1 for el in root.iter() if isinstance(el.tag, str))


@dataclass
class Modelled:
    """How much of a source the model understands: elements outside foreign fragments."""

    elements: int
    opaque: int
    by_name: Counter[str]

    @property
    def pct(self) -> float:
        return 100.0 * (self.elements - self.opaque) / self.elements if self.elements else 100.0


def modelled(source: etree._Element, doc: object) -> Modelled:
    """The share of a source's elements that are not inside foreign XML in the model."""
    by_name: Counter[str] = Counter()
    for xml in foreign_fragments(doc):
        fragment = etree.fromstring(xml)
        by_name[etree.QName(fragment).localname] += elements(fragment)
    return Modelled(elements(source), sum(by_name.values()), by_name)


#: Phrase-level elements of the NISO STS tag library (emphasis, sub/sup, inline display and
#: math, phrases, links, citation and address parts): text inside them runs on with the text
#: around them. Any other element starts a new segment of text.
PHRASES = frozenset(
    {
        "bold",
        "italic",
        "monospace",
        "underline",
        "overline",
        "strike",
        "sc",
        "roman",
        "sans-serif",
        "fixed-case",
        "num",
        "ruby",
        "sub",
        "sup",
        "inline-formula",
        "inline-graphic",
        "private-char",
        "abbrev",
        "named-content",
        "styled-content",
        "xref",
        "std",
        "std-ref",
        "ext-link",
        "uri",
        "email",
        "source",
        "year",
        "month",
        "day",
        "collab",
        "institution",
        "article-title",
        "publisher-name",
        "publisher-loc",
        "edition",
        "break",
    }
)


def segments(root: etree._Element) -> Counter[tuple[str, ...]]:
    """The document's text as segments: words in order, up to the next element that is not
    a phrase (a paragraph, list, cell, title...). Comparing them checks that words keep their
    order inside each block, whatever happens to the order of the blocks."""
    found: Counter[tuple[str, ...]] = Counter()
    current: list[str] = []

    def flush() -> None:
        if current:
            found[tuple(current)] += 1
            current.clear()

    def walk(el: etree._Element) -> None:
        if not isinstance(el.tag, str):
            return  # comments and processing instructions: their tails run on
        name = etree.QName(el)
        if name.namespace is None:
            phrase = name.localname in PHRASES
        else:  # MathML runs on; of TBX, only the entailed term does
            phrase = name.namespace == MATHML or name.localname == "entailedTerm"
        if not phrase:
            flush()
        if el.text:
            current.extend(el.text.split())
        for child in el:
            walk(child)
            if child.tail:
                current.extend(child.tail.split())
        if not phrase:
            flush()

    walk(root)
    flush()
    return found


def check_golden(golden: Path, actual: bytes) -> None:
    """Compare ``actual`` with a golden file. With ``MRSTD_UPDATE_GOLDEN=1`` the file is
    rewritten and the test fails on purpose: an update must never look like a passing run."""
    if os.environ.get("MRSTD_UPDATE_GOLDEN") == "1":
        changed = not golden.exists() or golden.read_bytes() != actual
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
        state = "updated" if changed else "unchanged"
        pytest.fail(f"{golden.name} {state}; run the tests again without MRSTD_UPDATE_GOLDEN")
    assert golden.exists(), f"missing golden {golden}; run with MRSTD_UPDATE_GOLDEN=1"
    assert actual == golden.read_bytes(), f"{golden} differs; refresh with MRSTD_UPDATE_GOLDEN=1"


def model_nodes(doc: Any) -> list[Any]:
    """Every model node of a document, depth first: an independent walk for tests that
    count what a writer or renderer should have produced."""
    out: list[Any] = []
    stack: list[Any] = [doc]
    while stack:
        node = stack.pop()
        out.append(node)
        for value in node.__dict__.values():
            if type(value) is tuple:
                stack.extend(v for v in value if hasattr(v, "__dataclass_fields__"))
            elif hasattr(value, "__dataclass_fields__"):
                stack.append(value)
    return out


def formula_count(doc: Any) -> int:
    """How many formulas (block and inline) of a document hold MathML."""
    return sum(
        1
        for node in model_nodes(doc)
        if type(node).__name__ in ("Formula", "InlineFormula") and node.mathml
    )
