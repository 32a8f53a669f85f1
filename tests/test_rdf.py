"""Linked data (issue 17): documents as RDF in the IEC-ISO Core Ontology, checked with the
ontology's own SHACL shapes (pyshacl) and competency queries, and read back."""

from __future__ import annotations

import re
import warnings
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mrstd
from mrstd.cli import main
from mrstd.formats import ConversionLog
from mrstd.formats.rdf.write import _SAFE, Places, _key, document_urn
from mrstd.model import Clause, Document, TermEntry
from mrstd.paths import format_path
from mrstd.testing import documents
from support import missing_corpus, model_nodes

rdflib = pytest.importorskip("rdflib", reason="needs mrstd[rdf]")
pyshacl = pytest.importorskip("pyshacl", reason="needs mrstd[rdf]")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


@pytest.fixture(scope="module")
def smart(corpus: Path) -> dict[str, Any]:
    """The ontology's shapes, and the ontology with its taxonomies, from the corpus."""
    folder = corpus / "smart"
    assert folder.is_dir(), missing_corpus(folder)
    shapes, ontology = rdflib.Graph(), rdflib.Graph()
    for path in sorted((folder / "information_model" / "schemas" / "shacl").glob("*.ttl")):
        shapes.parse(path)
    ontology.parse(folder / "information_model" / "ontologies" / "core-ontology.ttl")
    for path in sorted((folder / "information_model" / "taxonomies").glob("*.ttl")):
        ontology.parse(path)
    return {"shapes": shapes, "ontology": ontology, "tests": folder / "tests"}


def _graph(doc: Document) -> Any:
    graph = rdflib.Graph()
    graph.parse(data=mrstd.dumps(doc, "rdf", rdf_format="nt"), format="nt")
    return graph


def _turtle(doc: Document, **options: str) -> Any:
    """The graph of the document's compact Turtle (the default RDF form)."""
    graph = rdflib.Graph()
    graph.parse(data=mrstd.dumps(doc, "rdf", **options), format="turtle")
    return graph


def violations(graph: Any, smart: dict[str, Any]) -> list[str]:
    with warnings.catch_warnings():  # the upstream shapes are recursive; pyshacl says so
        warnings.simplefilter("ignore")
        conforms, _results, text = pyshacl.validate(
            graph, shacl_graph=smart["shapes"], ont_graph=smart["ontology"], inference="none"
        )
    return [] if conforms else [line for line in text.splitlines() if "Message:" in line]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_export_with_no_shape_violation(path: Path, smart: dict[str, Any]) -> None:
    assert violations(_graph(mrstd.load(path)), smart) == []


_COUNTS = "RDF export per document (issue 17)"
_COUNTS_HEADER = "| document | clauses | provisions by type | term entries | triples |"


def counts(doc: Document) -> tuple[int, str, int, int]:
    """Clauses, provisions by type, term entries and triples of a document's export."""
    graph = _graph(doc)
    smart = rdflib.Namespace(_SMART)
    kinds = Counter(
        str(kind).rsplit("/", 1)[-1]
        for _, kind in graph.subject_objects(rdflib.RDF.type)
        if str(kind).startswith(_SMART)
        and str(kind).rsplit("/", 1)[-1]
        in {
            "Requirement",
            "Recommendation",
            "Permission",
            "Possibility",
            "Capability",
            "Statement",
            "ExternalConstraint",
            "Instruction",
        }
    )
    clauses = len(set(graph.subjects(rdflib.RDF.type, smart.Clause)))
    terms = len(set(graph.subjects(rdflib.RDF.type, smart.TermEntry))) + len(
        set(
            graph.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/mrstd/vocab#TermEntry"))
        )
    )
    shown = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    return clauses, shown, terms, len(graph)


@pytest.mark.slow
def test_corpus_samples_export_with_no_shape_violation(
    corpus: Path, smart: dict[str, Any], summary_row: Any
) -> None:
    samples = sorted((corpus / "sts" / "samples").glob("*.xml"))
    assert samples, missing_corpus(corpus / "sts" / "samples")
    for path in samples:
        doc = mrstd.load(path, format="sts")
        graph = _graph(doc)
        found = violations(graph, smart)
        assert found == [], (path.name, found[:5])
        assert set(_turtle(doc)) == set(graph), path.name
        clauses, kinds, terms, triples = counts(doc)
        summary_row(
            _COUNTS, _COUNTS_HEADER, f"| {path.stem} | {clauses} | {kinds} | {terms} | {triples} |"
        )


# ---------------------------------------------------------------- competency queries


def _query(smart: dict[str, Any], test: str, replace: dict[str, str]) -> str:
    """An upstream competency query, its example IRIs replaced by ours, and the naming slips
    README-provenance.md lists mended."""
    text = (smart["tests"] / test / "cq_query.sparql").read_text("utf-8")
    for old, new in {
        "smart:hasTermForm ": "smart:hasTermFormType ",
        "smart:isPartOfSpeech ": "smart:hasPartOfSpeechType ",
        "ex:deprecatedLabel": "smart:deprecatedLabel",
        **replace,
    }.items():
        text = text.replace(old, new)
    return text


def _tree(clauses: tuple[Clause, ...]) -> list[Any]:
    return [(c.label, _tree(c.subclauses)) for c in clauses]


@pytest.mark.parametrize("name", ["iso-widget", "din-en-iso-widget", "gb-t-widget-idt"])
def test_document_reconstruction_gives_back_the_clause_tree(
    name: str, smart: dict[str, Any]
) -> None:
    doc = mrstd.load(ROOT / "examples" / f"{name}.json")
    graph = _graph(doc)
    requirements = 0
    layers: list[Any] = list(doc.layers())
    for number, layer in enumerate(layers):
        root = document_urn(layer) + (
            "~2" if number and document_urn(layer) in seen(layers, number) else ""
        )
        rows = graph.query(
            _query(smart, "document_reconstruction_test", {"ex:document_1": f"<{root}>"})
        )
        parent: dict[str, str] = {}
        previous: dict[str, str | None] = {}
        number_of: dict[str, str | None] = {}
        for row in rows:
            item = str(row.item)
            requirements += str(row.type).endswith("/Requirement")
            parent[item] = str(row.parent)
            previous[item] = str(row.previous) if row.previous is not None else None
            number_of[item] = str(row.section) if row.section is not None else None
        # Rebuild the tree from parents and predecessors alone, as the query promises.
        children: dict[str, list[str]] = {}
        for up in set(parent.values()):
            members = [i for i, p in parent.items() if p == up and _is_clause(i)]
            ordered: list[str] = []
            current = next((i for i in members if previous[i] not in members), None)
            while current is not None:
                ordered.append(current)
                current = next((i for i in members if previous[i] == current), None)
            children[up] = ordered

        groups = (layer.preface, layer.body, layer.annexes, layer.back)
        assert _rebuilt(root, children, number_of) == _tree(tuple(c for g in groups for c in g))
    expected = Counter(p.kind.value for p in mrstd.provisions(doc))
    assert requirements >= expected["requirement"] > 0


def _rebuilt(node: str, children: dict[str, list[str]], number: dict[str, str | None]) -> Any:
    return [(number[c], _rebuilt(c, children, number)) for c in children.get(node, [])]


def seen(layers: list[Any], number: int) -> set[str]:
    return {document_urn(layer) for layer in layers[:number]}


def _is_clause(iri: str) -> bool:
    return not re.search(r"-s\d+$", iri)


def test_the_terms_query_answers_from_the_export(smart: dict[str, Any]) -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    entry = next(n for n in model_nodes(doc) if isinstance(n, TermEntry))
    graph = _graph(doc)
    concept = f"<{document_urn(doc)}#term-{entry.label}>"
    rows = list(graph.query(_query(smart, "terms_test", {"ex:concept_x": concept})))
    preferred = [d.text for d in entry.designations if d.status.value == "preferred"]
    assert {str(r.term) for r in rows if str(r.term_type) == "Preferred term"} == set(preferred)
    assert all(str(r.definition) for r in rows)


def test_the_versioning_query_finds_the_latest_edition(smart: dict[str, Any]) -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    old = doc.metadata.identifier.value.rsplit(":", 1)[0] + ":2019"
    from mrstd.model import Relation, RelationKind

    meta = doc.metadata.model_copy(
        update={"relations": (Relation(kind=RelationKind.SUPERSEDES, identifier=old),)}
    )
    graph = _graph(doc.model_copy(update={"metadata": meta}))
    work = f"<{document_urn(doc).rsplit(':', 1)[0]}>"
    query = _query(
        smart, "versioning_model_test", {"<https://example.org/standards/iso_std_iso_9000>": work}
    )
    latest = [str(row.latest_version) for row in graph.query(query)]
    assert latest == [document_urn(doc)]


def test_the_annotation_query_finds_the_fragment_and_its_checksum(smart: dict[str, Any]) -> None:
    import hashlib

    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    graph = _graph(doc)
    provision = next(
        s for s in graph.subjects(rdflib.RDF.type, rdflib.URIRef(_SMART + "Requirement"))
    )
    fragment = graph.value(provision, rdflib.URIRef("http://www.w3.org/ns/dcat#distribution"))
    text = str(graph.value(fragment, rdflib.RDF.value))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    query = _query(
        smart,
        "annotation_model_test",
        {
            "ex:provision_1": f"<{provision}>",
            "a9a66978f378456c818fb8a3e7c6ad3d2c83e62724ccbdea7b36253fb8df5edd": digest,
        },
    )
    rows = list(graph.query(query))
    assert rows and {str(row.authoritative_file) for row in rows} == {document_urn(doc)}
    assert {str(row.fragment_selector_type).rsplit("#", 1)[-1] for row in rows} >= {
        "FragmentSelector"
    }
    assert all(str(row.fragment_selector).startswith("body[") for row in rows)
    assert all(row.checksum_match.toPython() is True for row in rows)


_SMART = "https://w3id.org/standards/smart/ontologies/core/"


# ---------------------------------------------------------------- reading back


def _provisions(doc: Document) -> list[tuple[str, str]]:
    """The provisions RDF carries as provisions: those of tables (out of the ontology's
    scope, linked) and of term definitions (in the terminology model) aside."""
    return [
        (p.kind.value, p.text)
        for p in mrstd.provisions(doc)
        if "cells[" not in p.path and ".definitions[" not in p.path
    ]


def _designations(doc: Document) -> list[tuple[str, str]]:
    return sorted(
        (d.text, d.status.value)
        for n in model_nodes(doc)
        if isinstance(n, TermEntry)
        for d in n.designations
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_read_back_with_their_tree_provisions_and_terms(path: Path) -> None:
    doc = mrstd.load(path)
    log = ConversionLog()
    back = mrstd.loads(mrstd.dumps(doc, "rdf"), "rdf", log=log)
    for group in ("preface", "body", "annexes", "back"):
        assert _tree(getattr(back, group)) == _tree(getattr(doc, group)), group
    assert _provisions(back) == _provisions(doc)
    assert _designations(back) == _designations(doc)
    tables = sum(
        1
        for n in model_nodes(doc)
        if n.__class__.__name__ in ("Table", "Figure", "Formula") and _in_clause_blocks(doc, n)
    )
    assert sum(1 for e in log.entries if e.change.value == "lost") == tables


def _in_clause_blocks(doc: Document, node: Any) -> bool:
    return any(
        node in c.blocks
        for layer in doc.layers()
        for g in ("preface", "body", "annexes", "back")
        for top in getattr(layer, g)
        for c in top.walk()
    )


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents())
def test_generated_documents_read_back_alike(doc: Document) -> None:
    back = mrstd.loads(mrstd.dumps(doc, "rdf", rdf_format="nt"), "rdf")
    for group in ("preface", "body", "annexes", "back"):
        assert _tree(getattr(back, group)) == _tree(getattr(doc, group)), group
    assert Counter(_provisions(back)) == Counter(_provisions(doc))
    assert _designations(back) == _designations(doc)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents(), st.sampled_from(["", "https://example.org/std/"]))
def test_turtle_and_n_triples_are_the_same_graph(doc: Document, base: str) -> None:
    nt = rdflib.Graph()
    nt.parse(data=mrstd.dumps(doc, "rdf", rdf_format="nt", base=base), format="nt")
    assert set(_turtle(doc, base=base)) == set(nt)


def test_turtle_is_relative_to_its_document_only_where_that_is_safe() -> None:
    doc = mrstd.load(ROOT / "examples" / "gb-t-widget-idt.json")
    text = mrstd.dumps(doc, "rdf")
    assert text.startswith(f"@base <{document_urn(doc)}> .\n@prefix smart: ")
    assert "\n<> a smart:PublicationDocument ;\n" in text
    # A URN with a fragment of its own cannot be a base its clauses are fragments of.
    meta = doc.metadata.model_copy(update={"urn": "urn:iso:std:iso:1#odd"})
    odd = doc.model_copy(update={"metadata": meta})
    text = mrstd.dumps(odd, "rdf")
    assert "@base" not in text and "<urn:iso:std:iso:1#odd#clause-1>" in text
    nt = rdflib.Graph()
    nt.parse(data=mrstd.dumps(odd, "rdf", rdf_format="nt"), format="nt")
    assert set(_turtle(odd)) == set(nt)


_PARTS = st.one_of(st.sampled_from(["body", "blocks", "items", "content"]), st.integers(0, 3))


@given(st.lists(st.lists(_PARTS, min_size=1, max_size=8).map(tuple), max_size=12))
def test_places_are_the_paths_of_their_locations(locs: list[tuple[Any, ...]]) -> None:
    places = Places()
    for loc in locs:
        assert places(loc) == format_path(loc)
        # A path from a known one: a text's from its clause's.
        for start in range(1, len(loc)):
            assert places(loc[:start]) + places.below(loc, start) == format_path(loc)


@given(st.text() | st.sampled_from(["clause-4.2", "term-3.1", " A 1 ", "annexes-a%20b", "α β"]))
def test_a_key_is_its_text_with_spaces_made_dashes_and_percent_encoded(text: str) -> None:
    assert _key(text) == quote(re.sub(r"\s+", "-", text.strip()), safe=_SAFE)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents(), st.sampled_from(["turtle", "nt"]))
def test_the_text_is_the_bytes_decoded(doc: Document, form: str) -> None:
    """``dumps`` makes the text itself; it is what ``dumps_bytes`` writes, decoded."""
    text = mrstd.dumps(doc, "rdf", rdf_format=form)
    assert text == mrstd.dumps_bytes(doc, "rdf", rdf_format=form).decode("utf-8")


# ---------------------------------------------------------------- IRIs and the command line


def test_the_same_document_gives_the_same_iris_from_every_format() -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    first = mrstd.dumps(doc, "rdf", rdf_format="nt")
    assert mrstd.dumps(doc, "rdf", rdf_format="nt") == first
    for fmt in ("xml", "sts"):
        back = mrstd.loads(mrstd.dumps_bytes(doc, fmt), fmt)
        assert mrstd.dumps(back, "rdf", rdf_format="nt") == first, fmt
    based = mrstd.dumps(doc, "rdf", rdf_format="nt", base="https://example.org/std/")
    assert f"<https://example.org/std/{document_urn(doc)}>" in based


def test_the_command_line_writes_turtle_and_json_ld(tmp_path: Path) -> None:
    source = str(ROOT / "examples" / "iso-widget.json")
    for fmt, name in (("turtle", "w.ttl"), ("json-ld", "w.jsonld"), ("nt", "w.nt")):
        out = tmp_path / name
        args = ["convert", source, "--to", "rdf", "--rdf-format", fmt, "-o", str(out)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        graph = rdflib.Graph()
        graph.parse(out, format=fmt)
        assert len(graph) > 500
    bad = CliRunner().invoke(
        main,
        ["convert", source, "--to", "json", "--rdf-format", "nt", "-o", str(tmp_path / "x.json")],
    )
    assert bad.exit_code == 2 and "takes no option" in bad.stderr
