"""Validation never fails on a valid document, and its findings are well-formed."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import mrstd
from mrstd.model import Clause, Document, ForeignBlock, Paragraph, Xref
from mrstd.paths import format_path
from mrstd.rules import PROFILES, all_rules
from mrstd.rules.context import Context, Index, build_index, clause_place, plain_text
from mrstd.testing import documents
from mrstd.validation import provisions, validate

CODES = {rule.code for rule in all_rules()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_validate_runs_on_any_document(doc: Document) -> None:
    for profile in PROFILES:
        for finding in validate(doc, profile=profile):
            assert finding.code in CODES
            assert finding.path == format_path(finding.loc)
            assert finding.message


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_references_resolve(doc: Document) -> None:
    """The strategies promise resolving cross-references; the rules agree."""
    assert validate(doc, select=["MRS101", "MRS102", "MRS107"]) == []
    for provision in provisions(doc):
        assert provision.text.strip()


#: Elements of the tag set a reader may keep as foreign XML, each with an id.
FOREIGN_TARGETS = ["table-wrap", "fig", "disp-formula", "term-sec", "fn", "app", "sec", "array"]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    documents(),
    st.lists(st.tuples(st.sampled_from(FOREIGN_TARGETS), st.integers(0, 10**6)), max_size=4),
    st.booleans(),
)
def test_a_cross_reference_to_any_element_with_that_id_is_resolved(
    doc: Document, foreign: list[tuple[str, int]], nested: bool
) -> None:
    """Whatever holds the target (a table, figure, formula, term entry, designation,
    footnote, annex, a medium, or an element the model keeps as foreign XML, at any depth in
    it), a cross-reference to its id resolves: no MRS102. The ids are read independently of
    the rules, from the document written as native XML."""
    fragments = []
    for tag, number in foreign:
        inner = f'<label id="in-{tag}-{number}">x</label>' if nested else "<label>x</label>"
        fragments.append(ForeignBlock(xml=f'<{tag} id="f-{tag}-{number}">{inner}</{tag}>'))
    extra = Clause(id="xref-holder", blocks=tuple(fragments))
    with_fragments = doc.model_copy(update={"body": (*doc.body, extra)})
    xml = etree.fromstring(mrstd.dumps_bytes(with_fragments, "xml"))
    every = sorted(set(xml.xpath("//@id")))
    runs = tuple(Xref(target=ident) for ident in every)
    citing = Clause(id="xref-citing", blocks=(Paragraph(content=runs),))
    checked = with_fragments.model_copy(update={"body": (*with_fragments.body, citing)})
    assert validate(checked, select=["MRS102"]) == []
    # And the rule still sees a target that nothing has.
    missing = Clause(id="xref-missing", blocks=(Paragraph(content=(Xref(target="nowhere-1"),)),))
    broken = checked.model_copy(update={"body": (*checked.body, missing)})
    assert [f.code for f in validate(broken, select=["MRS102"])] == ["MRS102"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_clause_of_a_place_is_the_innermost_clause_its_path_is_in(doc: Document) -> None:
    """``clause_place`` reads the clause off a path; the index's clauses, searched for the
    longest one the path starts with, agree, for every text, term entry and table."""
    index = Context(doc).index
    clauses = {info.loc for info in index.clauses}
    places = [unit.loc for unit in index.units] + [loc for _, loc, _, _ in index.terms]
    places += [item.loc for item in (*index.tables, *index.figures, *index.formulas)]
    for loc in places:
        longest = max((c for c in clauses if loc[: len(c)] == c), key=len)
        assert clause_place(loc) == longest, loc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_an_index_without_cross_references_differs_only_by_them(doc: Document) -> None:
    """The index the RDF writer and the library build leaves out the inline references and
    nothing else: the same texts (at the same places, with the same flags), ids, terms and
    numbered objects as the rules' index."""
    full = build_index(doc)
    texts_only = build_index(doc, cross_references=False)
    left_out = ("xrefs", "term_refs", "footnote_refs", "standard_refs")
    for name in left_out:
        assert getattr(texts_only, name) == []
    for field in dataclasses.fields(Index):
        if field.name not in left_out:
            assert getattr(texts_only, field.name) == getattr(full, field.name), field.name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_index_gathers_each_texts_plain_text(doc: Document) -> None:
    """The text the index's walk gathers for a text unit is ``plain_text`` of its runs:
    provision spans and footnotes left out of their parent's text, spans a unit of their own."""
    for refs in (True, False):
        for unit in build_index(doc, cross_references=refs).units:
            assert unit.full_text == plain_text(unit.inlines), unit.loc
