"""What any CPython reader or writer of the model must spend, against lxml, in one run.

Run ``python benchmarks/bench_floor.py``. Issues 3 and 4 set their speed targets as
multiples of lxml's own parse (``fromstring``) and serialization (``tostring``). This
benchmark measures, on the large benchmark document and in the same run, the parts that
no implementation building the model in Python can avoid, so that the targets can be
compared with what is possible at all:

* reading: visiting every element of the parsed tree from Python (reading its tag,
  text, tail and attributes, building nothing); creating the model's instances bare
  (``object.__new__`` and a dict of their fields, nothing read or checked); and, as the
  fastest C code at hand that builds an equivalent tree of Python objects, ``orjson.loads``
  of the same document as JSON, with the cycle collector paused;
* writing: visiting every model instance from Python and emitting one string each.

Issue 12 sets its targets against "parse + create bare" and "visit + emit". Those floors
leave out work that no reader or writer of XML can skip, so two more rows measure the
smallest programs that do it: a minimal reader (visit every element, create one instance
per element and one per text run, check nothing) and a minimal writer (a start and an end
tag per instance, its strings escaped). They show how much of each target is left for
everything a real reader or writer does besides.

Each row is a ratio to the lxml baseline timed alternately with it (``common.compare``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
from common import compare, paired_ratio, row
from lxml import etree

import mrstd
from benchmarks.bench_sts import SAMPLE
from benchmarks.largedoc import large_document
from mrstd.formats.sts.common import template
from mrstd.formats.xmlescape import escape_text
from mrstd.model import Paragraph, Text
from mrstd.model.base import no_gc

_new = object.__new__
_set = object.__setattr__  # frozen value types refuse plain assignment


def _instances(value: Any) -> Iterator[Any]:
    """Every model instance in a document, depth first."""
    if isinstance(value, tuple):
        for item in value:
            yield from _instances(item)
    elif hasattr(value, "__dataclass_fields__"):
        yield value
        for item in value.__dict__.values():
            yield from _instances(item)


def _visit_elements(xml: bytes) -> object:
    root = etree.fromstring(xml)
    for el in root.iter():
        el.tag, el.text, el.tail, el.attrib  # noqa: B018
    del root  # a reader frees the parsed tree before it returns; so does the floor
    return None


def _create_bare(xml: bytes, plan: list[tuple[type, tuple[str, ...]]]) -> object:
    root = etree.fromstring(xml)
    with no_gc():
        out = []
        for cls, names in plan:
            obj = _new(cls)
            _set(obj, "__dict__", dict.fromkeys(names))
            out.append(obj)
    del root  # a reader frees the parsed tree before it returns; so does the floor
    return out


def _minimal_reader(xml: bytes) -> object:
    """Visit every element; create one instance per element and one per text run."""
    root = etree.fromstring(xml)
    text_cls, node_cls = Text, Paragraph
    node = template(node_cls)

    def walk(el: Any) -> list[Any]:
        out = []
        text = el.text
        if text:
            run = _new(text_cls)
            run.__dict__ = {"type": "text", "text": text}
            out.append(run)
        for child in el:
            child.tag, len(child.attrib)  # what dispatch and attribute checks read
            data = node.copy()
            data["content"] = tuple(walk(child)) if len(child) or child.text else ()
            obj = _new(node_cls)
            obj.__dict__ = data
            out.append(obj)
            text = child.tail
            if text:
                run = _new(text_cls)
                run.__dict__ = {"type": "text", "text": text}
                out.append(run)
        return out

    with no_gc():
        result = walk(root)
    del root
    return result


def _minimal_writer(doc: Any, model: frozenset[type]) -> bytes:
    """A start and an end tag per instance, its strings escaped as character data."""
    out: list[str] = []
    append = out.append

    def visit(obj: Any) -> None:
        name = obj.__class__.__name__
        append(f"<{name}>")
        for value in obj.__dict__.values():
            cls = value.__class__
            if cls is tuple:
                for item in value:
                    if item.__class__ in model:
                        visit(item)
            elif cls is str:
                append(escape_text(value))
            elif cls in model:
                visit(value)
        append(f"</{name}>")

    visit(doc)
    return "".join(out).encode()


def _orjson_paused(data: bytes) -> object:
    with no_gc():
        return orjson.loads(data)


def _emit_one_string_each(doc: Any, model: frozenset[type]) -> bytes:
    out = []
    append = out.append
    stack = [doc]
    while stack:
        obj = stack.pop()
        append(obj.__class__.__name__)
        for value in obj.__dict__.values():
            if value.__class__ is tuple:
                for item in value:
                    if item.__class__ in model:
                        stack.append(item)
            elif value.__class__ in model:
                stack.append(value)
    return "".join(out).encode()


def _table(title: str, rows: list[tuple[str, tuple[float, float]]]) -> None:
    """Rows against the fastest baseline time of the group.

    How long lxml takes depends on whether the pages it allocates are already mapped,
    which depends on what ran just before; the fastest time is the strictest baseline.
    """
    fastest = min(baseline for _, (_, baseline) in rows)
    print(title)
    for name, (ours, _) in rows:
        print(row(f"  {name}", (ours, fastest)))


def floors(label: str, xml: bytes, doc: Any, fmt: str, target: float) -> None:
    """Both tables for one XML file and the document mrstd reads from it."""
    data = mrstd.dumps_bytes(doc)
    tree = etree.fromstring(xml)
    plan = [(type(obj), tuple(obj.__dict__)) for obj in _instances(doc)]
    model = frozenset(cls for cls, _ in plan)
    elements = sum(1 for _ in tree.iter())
    print(f"{label}: {len(xml) / 1e6:.1f} MB, {elements:,} nodes, {len(plan):,} model instances")

    def parse() -> object:
        return etree.fromstring(xml)

    def serialize() -> object:
        return etree.tostring(tree)

    reading = [
        ("parse, visit every element from Python", lambda: _visit_elements(xml)),
        ("parse, create every instance bare", lambda: _create_bare(xml, plan)),
        ("orjson.loads of the JSON form (C)", lambda: _orjson_paused(data)),
        (f"mrstd.loads, {fmt}", lambda: mrstd.loads(xml, format=fmt)),
    ]
    writing = [
        ("visit every instance, one string each", lambda: _emit_one_string_each(doc, model)),
        ("orjson.dumps of the model (C)", lambda: orjson.dumps(doc)),
        (f"mrstd.dumps_bytes, {fmt}", lambda: mrstd.dumps_bytes(doc, fmt)),
    ]
    read_rows = [(name, compare(func, parse)) for name, func in reading]
    write_rows = [(name, compare(func, serialize)) for name, func in writing]
    _table(f"reading, against lxml fromstring (target <= {target:g}x)", read_rows)
    _table(f"writing, against lxml tostring of the parsed file (target <= {target:g}x)", write_rows)

    # Issue 12 restates the targets against the floors, as medians of paired runs.
    def bare() -> object:
        return _create_bare(xml, plan)

    def emit() -> object:
        return _emit_one_string_each(doc, model)

    issue12 = [
        ("read / (parse + create bare)", 2, lambda: mrstd.loads(xml, format=fmt), bare),
        ("  minimal reader / (parse + create bare)", None, lambda: _minimal_reader(xml), bare),
        ("write / (visit + emit)", 1.3, lambda: mrstd.dumps_bytes(doc, fmt), emit),
        ("  minimal writer / (visit + emit)", None, lambda: _minimal_writer(doc, model), emit),
    ]
    print("issue 12, medians of paired runs")
    for name, target, ours, floor in issue12:
        goal = f" (target <= {target:g})" if target else ""
        print(f"  {name}: {paired_ratio(ours, floor):.2f}x{goal}")


#: The largest TBX sample of the corpus (issue 12 measures it beside the NISO sample).
TBX = "isosts_tbx-examples_iso-10241-1-annex-a.xml"


def main() -> None:
    doc = large_document()
    floors("benchmark document (issue 3)", mrstd.dumps_bytes(doc, "xml"), doc, "xml", 3)
    if SAMPLE.exists():
        for path in (SAMPLE, SAMPLE.with_name(TBX)):
            xml = path.read_bytes()
            floors(f"{path.name} (issues 4, 12)", xml, mrstd.loads(xml, format="sts"), "sts", 4)
    else:
        print(f"{SAMPLE} not found: the STS rows need ../shared/corpus or $MRSTD_CORPUS")


if __name__ == "__main__":
    main()
