"""Comparing documents (issue 16): a provision-level diff, robust to renumbering, whose
changes are classified; and an adoption's deviations with the degree they support."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html

import mrstd
from mrstd.changes import ChangeKind, Degree, UnitKind, diff_schema, format_diff
from mrstd.changes.result import SCHEMA_FILE, schema_text
from mrstd.cli import main
from mrstd.model import Clause, Document, Paragraph, Text
from support import missing_corpus

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
#: Formats that carry the whole document (Relaton carries its metadata only).
FULL_FORMATS = ("json", "xml", "sts")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_document_against_itself_and_its_round_trips_has_no_change(path: Path) -> None:
    doc = mrstd.load(path)
    assert mrstd.diff(doc, doc).changes == ()
    for fmt in FULL_FORMATS:
        back = mrstd.loads(mrstd.dumps_bytes(doc, fmt), fmt)
        changes = mrstd.diff(doc, back).changes
        assert changes == (), (fmt, [c.detail for c in changes])


def test_corpus_samples_against_themselves_and_their_round_trips(corpus: Path) -> None:
    samples = sorted((corpus / "sts" / "samples").glob("*.xml"))
    assert samples, missing_corpus(corpus / "sts" / "samples")
    for path in samples:
        doc = mrstd.load(path, format="sts")
        assert mrstd.diff(doc, doc).changes == (), path.name
        for fmt in FULL_FORMATS:
            back = mrstd.loads(mrstd.dumps_bytes(doc, fmt), fmt)
            assert mrstd.diff(doc, back).changes == (), (path.name, fmt)


# ---------------------------------------------------------------- the property

_WORDS = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=9)
_FORMS = ("shall", "should", "may", "can")
_STRONGER = {"shall": "should", "should": "may", "may": "shall", "can": "shall"}


@st.composite
def editable(draw: Any) -> tuple[Document, list[tuple[str, str]], Document]:
    """A document of numbered clauses with distinct titles and sentences, the edits made to
    it (the kind of change each should show as, and the title of its clause), and the
    edited document."""
    count = draw(st.integers(min_value=4, max_value=8))
    words = draw(st.lists(_WORDS, min_size=4 * count + 12, max_size=4 * count + 12, unique=True))
    pool = iter(words)
    with_ids = draw(st.booleans())

    def sentence() -> Paragraph:
        form = draw(st.sampled_from(_FORMS))
        number = draw(st.integers(min_value=2, max_value=999))
        text = f"The {next(pool)} {next(pool)} {form} be {number} mm wide."
        return Paragraph(content=(Text(text=text),))

    def clause(label: str, index: int) -> Clause:
        subs = tuple(
            Clause(label=f"{label}.{k + 1}", title=(Text(text=f"Part {next(pool)}"),))
            for k in range(draw(st.integers(min_value=0, max_value=1)))
        )
        return Clause(
            id=f"c{index}" if with_ids else None,
            label=label,
            title=(Text(text=f"Clause {next(pool)}"),),
            blocks=(sentence(),),
            subclauses=subs,
        )

    clauses = [clause(str(i + 1), i) for i in range(count)]
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json").model_copy(
        update={"preface": (), "body": tuple(clauses), "annexes": (), "back": ()}
    )
    edits: list[tuple[str, str]] = []
    touched: set[int] = set()  # positions (in the original) of clauses an edit is about
    kinds = draw(
        st.lists(
            st.sampled_from(["insert", "delete", "move", "renumber", "verbal-form", "number"]),
            min_size=1,
            max_size=4,
        )
    )
    order = list(range(count))  # original positions, in the new order
    current = list(clauses)
    for kind in kinds:
        free = [i for i in order if i not in touched]
        if kind == "insert":
            new = Clause(
                id=f"new-{len(edits)}" if with_ids else None,
                label=f"{count + len(edits) + 10}",
                title=(Text(text=f"Clause {next(pool)}"),),
                blocks=(sentence(),),
            )
            at = draw(st.integers(min_value=0, max_value=len(current)))
            current.insert(at, new)
            order.insert(at, -1 - len(edits))
            touched.add(-1 - len(edits))
            edits.append((ChangeKind.ADDED.value, _title(new)))
        elif kind == "delete" and len(free) > 3:
            i = draw(st.sampled_from(free))
            at = order.index(i)
            edits.append((ChangeKind.REMOVED.value, _title(current[at])))
            del current[at], order[at]
            touched.add(i)
        elif kind == "move" and len(free) >= 4:
            i = draw(st.sampled_from(free))
            at = order.index(i)
            # Over at least two clauses no other edit is about: the move is unambiguous.
            others = [k for k, pos in enumerate(order) if pos in free and pos != i]
            targets = [
                k
                for k in range(len(order))
                if sum(1 for o in others if min(at, k) <= o <= max(at, k)) >= 2 and k != at
            ]
            if not targets:
                continue
            to = draw(st.sampled_from(targets))
            # The clauses moved over are kept out of later edits, which could undo that.
            touched.update(order[k] for k in range(min(at, to), max(at, to) + 1))
            moved, position = current.pop(at), order.pop(at)
            current.insert(to, moved)
            order.insert(to, position)
            touched.add(i)
            edits.append((ChangeKind.MOVED.value, _title(moved)))
        elif kind == "renumber" and free:
            i = draw(st.sampled_from(free))
            at = order.index(i)
            was = current[at]
            current[at] = was.model_copy(update={"label": f"{was.label}A"})
            touched.add(i)
            edits.append((ChangeKind.RENUMBERED.value, _title(was)))
        elif kind in ("verbal-form", "number") and free:
            i = draw(st.sampled_from(free))
            at = order.index(i)
            was = current[at]
            text = was.blocks[0].content[0].text  # type: ignore[union-attr]
            words = text.split()
            if kind == "verbal-form":
                words[3] = _STRONGER[words[3]]
                change = ChangeKind.PROVISION_STRENGTH.value
            else:
                words[5] = str(int(words[5]) + 1000)
                change = ChangeKind.VALUE_CHANGED.value
            para = Paragraph(content=(Text(text=" ".join(words)),))
            current[at] = was.model_copy(update={"blocks": (para,)})
            touched.add(i)
            edits.append((change, _title(was)))
    return doc, edits, doc.model_copy(update={"body": tuple(current)})


def _title(clause: Clause) -> str:
    text = clause.title[0]
    assert isinstance(text, Text)
    return text.text


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(editable())
def test_the_diff_reports_exactly_the_edits_made(case: Any) -> None:
    doc, edits, edited = case
    result = mrstd.diff(doc, edited)
    found = []
    for change in result.changes:
        place = change.new or change.old
        assert place is not None
        clause = (
            place.title if change.unit is UnitKind.CLAUSE else _clause_title(edited, doc, place)
        )
        found.append((change.kind.value, clause))
    assert Counter(found) == Counter(edits), [c.detail for c in result.changes]


def _clause_title(new: Document, old: Document, place: Any) -> str | None:
    """The title of the clause a paragraph change is in."""
    for doc in (new, old):
        for clause in doc.body:
            if clause.label == place.clause:
                return _title(clause)
    return None


# ---------------------------------------------------------------- classification


def _with_paragraph(doc: Document, text: str) -> Document:
    clause = doc.body[-1]
    para = Paragraph(content=(Text(text=text),))
    return doc.model_copy(
        update={"body": (*doc.body[:-1], clause.model_copy(update={"blocks": (para,)}))}
    )


@pytest.mark.parametrize(
    ("before", "after", "kind", "detail"),
    [
        ("The head shall be red.", "The head should be red.", "provision-strength", "should"),
        ("头部应为红色。", "头部宜为红色。", "provision-strength", "宜"),
        ("The gap shall be 5 mm.", "The gap shall be 7 mm.", "value-changed", "5 → 7"),
        ("The gap shall be 5 mm.", "The gap shall be 5 cm.", "unit-changed", "mm → cm"),
        ("The head shall be red.", "The head shall be blue.", "text-edited", "'red' → 'blue'"),
    ],
)
def test_a_change_in_a_paragraph_is_classified(
    before: str, after: str, kind: str, detail: str
) -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    (change,) = mrstd.diff(_with_paragraph(doc, before), _with_paragraph(doc, after)).changes
    assert change.kind.value == kind and detail in change.detail


def test_a_clause_inserted_before_others_renumbers_them_and_edits_no_text() -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    body = list(doc.body)
    inserted = Clause(
        id="inserted", label="4", title=(Text(text="Principle"),), blocks=(Paragraph(),)
    )
    renumbered = [
        c.model_copy(update={"label": str(int(c.label) + 1)})
        if c.label and int(c.label) >= 4
        else c
        for c in body
    ]
    at = next(i for i, c in enumerate(body) if c.label == "4")
    new = doc.model_copy(update={"body": (*renumbered[:at], inserted, *renumbered[at:])})
    kinds = Counter(c.kind for c in mrstd.diff(doc, new).changes)
    shifted = sum(1 for c in body if c.label and int(c.label) >= 4)
    assert kinds == {ChangeKind.ADDED: 1, ChangeKind.RENUMBERED: shifted}


def test_a_reference_changed_edition_or_date() -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    found = [c for c in mrstd.diff(doc, doc).changes]
    assert not found
    refs = [b for c in doc.body for b in c.blocks if b.type == "reference"]
    assert refs, "the example has normative references"
    clause = next(c for c in doc.body if any(b.type == "reference" for b in c.blocks))
    blocks = tuple(
        b.model_copy(update={"identifier": b.identifier.split(":")[0]})
        if b.type == "reference" and b.identifier and ":" in b.identifier
        else b
        for b in clause.blocks
    )
    new = doc.model_copy(
        update={
            "body": tuple(
                clause.model_copy(update={"blocks": blocks}) if c is clause else c for c in doc.body
            )
        }
    )
    changes = mrstd.diff(doc, new).changes
    assert changes and all(c.kind is ChangeKind.REFERENCE_CHANGED for c in changes)
    assert all("now undated" in c.detail for c in changes)


# ---------------------------------------------------------------- adoption


def test_a_layer_that_only_adds_front_matter_is_identical() -> None:
    result = mrstd.adoption_diff(mrstd.load(ROOT / "examples" / "din-en-iso-widget.json"))
    assert [s.supported for s in result.steps] == [Degree.IDT, Degree.IDT]
    assert [s.declared for s in result.steps] == [Degree.IDT, Degree.IDT]
    national = result.steps[0]
    assert {c.after for c in national.additions} == {"Nationales Vorwort", "Nationaler Anhang"}
    assert not national.deletions and not national.modifications


def test_an_adopting_text_that_changes_a_value_is_modified_when_it_says_so() -> None:
    iso = mrstd.load(ROOT / "examples" / "iso-widget.json")
    national = _with_paragraph(iso, "The gap shall be 7 mm.")
    adopted = _with_paragraph(iso, "The gap shall be 5 mm.")
    meta = national.metadata.model_copy(
        update={"identifier": national.metadata.identifier.model_copy(update={"value": "XX 1"})}
    )
    silent = national.model_copy(update={"metadata": meta})
    step = mrstd.adoption_diff(silent, adopted).steps[0]
    assert step.supported is Degree.NEQ and [c.kind for c in step.modifications] == [
        ChangeKind.VALUE_CHANGED
    ]
    listed = Clause(
        label="NA", kind="annex", title=(Text(text="Technical deviations and their reasons"),)
    )
    said = silent.model_copy(update={"annexes": (*silent.annexes, listed)})
    step = mrstd.adoption_diff(said, adopted).steps[0]
    assert step.supported is Degree.MOD
    assert any("identified in annex NA" in reason for reason in step.reasons)


def test_a_document_without_an_adopted_layer_asks_for_it() -> None:
    result = CliRunner().invoke(
        main, ["diff", "--adoption", str(ROOT / "examples" / "iso-widget.json")]
    )
    assert result.exit_code == 2 and "holds no adopted layer" in result.stderr


# ---------------------------------------------------------------- outputs


def test_the_json_output_follows_its_published_schema(tmp_path: Path) -> None:
    assert (ROOT / SCHEMA_FILE).read_text("utf-8") == schema_text(), (
        "schemas/diff is stale: run python -m mrstd.schema --write"
    )
    old = mrstd.load(ROOT / "examples" / "iso-widget.json")
    new = mrstd.load(ROOT / "examples" / "iso-widget-amd1.json")
    validator = jsonschema.Draft202012Validator(diff_schema())
    validator.validate(json.loads(format_diff(mrstd.diff(old, new), "json")))
    out = tmp_path / "adoption.json"
    args = ["diff", "--adoption", str(ROOT / "examples" / "din-en-iso-widget.json")]
    result = CliRunner().invoke(main, [*args, "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    validator.validate(json.loads(out.read_text("utf-8")))


def test_the_redline_marks_removed_added_and_edited_text() -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    old = _with_paragraph(doc, "The gap shall be 5 mm.")
    new = _with_paragraph(doc, "The gap shall be 7 mm.")
    new = new.model_copy(update={"body": new.body[1:]})  # the first clause removed
    page = format_diff(mrstd.diff(old, new), "html")
    tree = html.fromstring(page.encode())
    assert tree.xpath("//del[text()='5']") and tree.xpath("//ins[text()='7']")
    removed = tree.xpath("//*[contains(@class, 'diff-removed')]//h3")
    assert removed and doc.body[0].label in removed[0].text_content()
    assert len(tree.xpath("//script")) == 1


def test_the_command_line_compares_any_formats(tmp_path: Path) -> None:
    sts = tmp_path / "widget.sts.xml"
    sts.write_bytes(mrstd.dumps_bytes(mrstd.load(ROOT / "examples" / "iso-widget.json"), "sts"))
    result = CliRunner().invoke(
        main, ["diff", str(ROOT / "examples" / "iso-widget.json"), str(sts)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.endswith("0 changes\n")
    bad = CliRunner().invoke(main, ["diff", str(sts), str(tmp_path / "none.json")])
    assert bad.exit_code == 2 and "no such file" in bad.stderr
