"""Rendering for people to read (issue 15): one self-contained HTML page per document, with
stable anchors, live cross-references, MathML kept, opaque fragments shown and text escaped."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import html

import mrstd
from mrstd.cli import main
from mrstd.model import (
    Document,
    Footnote,
    ForeignBlock,
    ForeignInline,
    InlineFormula,
    Link,
    Paragraph,
    Text,
    Xref,
)
from mrstd.rendering.html import safe_url
from support import formula_count, missing_corpus, model_nodes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def check_page(doc: Document) -> str:
    """The invariants every rendered page keeps; returns the page."""
    page = mrstd.render(doc)
    assert page.startswith("<!DOCTYPE html>\n")
    tree = html.fromstring(page.encode())
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids)), "an anchor is given twice"
    links = [h[1:] for h in tree.xpath("//a/@href") if h.startswith("#")]
    assert not [t for t in links if t not in set(ids)], "a link to no anchor"
    nodes = model_nodes(doc)
    assert len(tree.xpath("//*[local-name()='math']")) == formula_count(doc)
    opaque = sum(1 for n in nodes if isinstance(n, (ForeignBlock, ForeignInline)))
    assert len(tree.xpath("//*[contains(concat(' ', @class, ' '), ' foreign ')]")) == opaque
    # One script only, the requirements filter; nothing is fetched (no link, no remote style).
    assert len(tree.xpath("//script")) == 1 and "only-requirements" in tree.xpath(
        "string(//script)"
    )
    assert not tree.xpath("//link | //script[@src]")
    # Every provision mrstd.provisions() finds has exactly one element carrying its kind.
    found = Counter(p.kind.value for p in mrstd.provisions(doc))
    marked = Counter(
        el.get("class").split()[1] for el in tree.xpath("//span[starts-with(@class, 'provision ')]")
    )
    assert marked == found
    return page


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_render_with_every_link_live(path: Path) -> None:
    check_page(mrstd.load(path))


def test_corpus_samples_render_with_every_link_live(corpus: Path) -> None:
    samples = sorted((corpus / "sts" / "samples").glob("*.xml"))
    assert samples, missing_corpus(corpus / "sts" / "samples")
    for path in samples:
        check_page(mrstd.load(path, format="sts"))


def test_two_renders_are_identical_and_a_change_stays_in_its_clause() -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    first = mrstd.render(doc)
    assert mrstd.render(doc) == first
    clause = doc.body[-1]
    changed = clause.model_copy(update={"label": clause.label, "title": clause.title[:0]})
    other = mrstd.render(doc.model_copy(update={"body": (*doc.body[:-1], changed)}))
    before, after = first.split('id="' + (clause.id or "")), other.split('id="' + (clause.id or ""))
    assert before[0] == after[0]  # everything before the changed clause is byte-identical


def test_text_is_escaped_by_construction() -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    hostile_text = "<script>window.x=1</script>"
    title = doc.metadata.titles[0].model_copy(update={"main": hostile_text, "full": hostile_text})
    hostile = doc.model_copy(
        update={"metadata": doc.metadata.model_copy(update={"titles": (title,)})}
    )
    page = check_page(hostile)
    tree = html.fromstring(page.encode())
    assert "<script>window.x=1</script>" in tree.xpath("string(//h1)")
    assert len(tree.xpath("//script")) == 1  # the filter, and nothing from the document


def test_the_command_line_renders_any_format(tmp_path: Path) -> None:
    out = tmp_path / "widget.html"
    sts = tmp_path / "widget.sts.xml"
    sts.write_bytes(mrstd.dumps_bytes(mrstd.load(ROOT / "examples" / "iso-widget.json"), "sts"))
    result = CliRunner().invoke(main, ["render", str(sts), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "<!DOCTYPE html>" in out.read_text("utf-8")
    bad = CliRunner().invoke(main, ["render", str(tmp_path / "none.json")])
    assert bad.exit_code == 2 and "no such file" in bad.stderr


def test_a_change_in_one_clause_changes_no_other_clause() -> None:
    # Footnotes without ids in two clauses: their anchors are named after their clause, so
    # removing the first renames nothing in the second.
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")

    def with_note(clause: Any, note: bool) -> Any:
        runs: list[Any] = [Text(text="A widget is balanced")]
        if note:
            runs.append(
                Footnote(label="1)", blocks=(Paragraph(content=(Text(text="Or nearly."),)),))
            )
        return clause.model_copy(
            update={"blocks": (*clause.blocks, Paragraph(content=tuple(runs)))}
        )

    first, second, *rest = doc.body
    pages = [
        mrstd.render(
            doc.model_copy(update={"body": (with_note(first, n), with_note(second, True), *rest)})
        )
        for n in (True, False)
    ]
    trees = [html.fromstring(page.encode()) for page in pages]
    for clause in (second, *rest):
        anchor = clause.id or f"clause-{clause.label}"
        before, after = (html.tostring(t.get_element_by_id(anchor)) for t in trees)
        assert before == after, anchor
    assert pages[0] != pages[1]


def test_a_cross_reference_to_nothing_is_marked_not_linked() -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    clause = doc.body[0]
    broken = Paragraph(content=(Text(text="See "), Xref(target="nowhere-1")))
    doc = doc.model_copy(
        update={"body": (clause.model_copy(update={"blocks": (broken,)}), *doc.body[1:])}
    )
    tree = html.fromstring(check_page(doc).encode())
    (mark,) = tree.xpath("//span[contains(@class, 'unresolved')]")
    assert mark.text == "nowhere-1" and mark.get("href") is None


def test_mathml_that_would_act_as_html_is_shown_as_its_source() -> None:
    # Token text of MathML is an HTML integration point: an element there is HTML.
    hostile = (
        '<math xmlns="http://www.w3.org/1998/Math/MathML"><mtext><img src="x" '
        'onerror="alert(1)"/></mtext></math>',
        '<math><mi onclick="alert(1)">x</mi></math>',
        '<math><mi href="java&#x9;script:alert(1)">x</mi></math>',
        '<math><semantics><mi>x</mi><annotation-xml encoding="text/html"><script>'
        "alert(1)</script></annotation-xml></semantics></math>",
    )
    safe = '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi href="#a">x</mi></math>'
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    clause = doc.body[0]
    formulas = tuple(Paragraph(content=(InlineFormula(mathml=m),)) for m in (*hostile, safe))
    doc = doc.model_copy(
        update={"body": (clause.model_copy(update={"blocks": formulas}), *doc.body[1:])}
    )
    tree = html.fromstring(mrstd.render(doc).encode())
    shown = tree.xpath("//code[@class='mathml-source']")
    assert [el.text for el in shown] == list(hostile)
    assert len(tree.xpath("//*[local-name()='math']")) == formula_count(doc) - len(hostile)
    assert not tree.xpath("//*[@onerror or @onclick]") and len(tree.xpath("//script")) == 1


@pytest.mark.parametrize(
    ("url", "followed"),
    [
        ("https://www.iso.org/standard/1.html", True),
        ("#clause-1", True),
        ("figures/a.png", True),
        ("a/b:c", True),
        ("mailto:x@example.org", True),
        ("urn:iso:std:iso:1:en", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
    ],
)
def test_a_link_that_would_run_something_is_shown_not_linked(url: str, followed: bool) -> None:
    assert safe_url(url) is followed
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    clause = doc.body[0]
    para = Paragraph(content=(Link(href=url, content=(Text(text="here"),)),))
    doc = doc.model_copy(
        update={"body": (clause.model_copy(update={"blocks": (para,)}), *doc.body[1:])}
    )
    tree = html.fromstring(mrstd.render(doc).encode())
    assert bool(tree.xpath("//a[text()='here']")) is followed
    assert bool(tree.xpath("//span[@class='link unsafe'][text()='here']")) is not followed
