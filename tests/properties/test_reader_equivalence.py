"""One validator: the JSON and native XML readers accept or refuse alike (issue 13).

For every generated document and every mutation of one of its values, the mutated model is
written by both writers (which check nothing), and both readers must agree: both accept it,
as equal documents, or both refuse it with the same load code. The JSON reader checks with
pydantic; the native XML reader builds instances without it, from the constraints the model
declares, so this property is what keeps the two from diverging (an id ending in a newline
once passed the XML reader only).
"""

from __future__ import annotations

import dataclasses
import enum
import typing
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import mrstd
from mrstd.errors import MrstdError
from mrstd.formats import ConversionLog, native_json, native_xml
from mrstd.model import Document
from mrstd.testing import documents

SETTINGS = settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)

#: Values that break a constraint somewhere, or nearly do: trailing and leading space and
#: newlines (the "$" versus "\Z" divergence), empty strings, bounds, lookalike numbers.
TRICKY_TEXT = [
    "",
    " ",
    "x\n",
    "\nx",
    " x",
    "x y",
    "1x",
    "-x",
    "x:y",
    "2024-13",
    "2024-01-01\n",
    "01.02\n",
    "A01",
    "I01",
    "true",
    "é",
]
TRICKY_INT = [-1, 0, 1, 2**31 - 1, 2**31, 9999, 10000]


def _nodes(value: Any) -> list[Any]:
    """Every model instance in a document, depth first."""
    out: list[Any] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(item)
        elif hasattr(item, "__dataclass_fields__"):
            out.append(item)
            stack.extend(item.__dict__.values())
    return out


def _scalar_fields(node: Any) -> list[str]:
    return [
        name
        for name, value in node.__dict__.items()
        if (value is None or isinstance(value, (str, int, bool, enum.Enum)))
        and name not in _NOT_VALUES
    ]


#: Fields that are not values of the document: the schema version each format writes its
#: own way (JSON's "$schema", XML's namespace), and the type tags of unions.
_NOT_VALUES = frozenset({"schema_", "type"})


def _kind(node: Any, name: str) -> type | None:
    """The scalar type a field holds (str, int, bool or an Enum), from its annotation."""
    annotation = type(node).__pydantic_fields__[name].annotation
    found = [
        arg
        for arg in (*typing.get_args(annotation), annotation)
        if isinstance(arg, type) and (arg in (str, int, bool) or issubclass(arg, enum.Enum))
    ]
    return found[0] if found else None


def _optional(node: Any, name: str) -> bool:
    annotation = type(node).__pydantic_fields__[name].annotation
    return type(None) in typing.get_args(annotation)


#: Built once (hypothesis checks a strategy each time a new one is drawn from).
_DOCUMENTS = documents()


@st.composite
def mutated(draw: st.DrawFn) -> Document:
    doc = draw(_DOCUMENTS)
    for _ in range(draw(st.integers(1, 2))):
        nodes = [n for n in _nodes(doc) if _scalar_fields(n)]
        node = draw(st.sampled_from(nodes))
        name = draw(st.sampled_from(_scalar_fields(node)))
        kind = _kind(node, name)
        # A value of the field's own type, and None only where the field allows it: a str in
        # a bool field, or None where XML can only omit the attribute (and so mean the
        # default), is not a document both formats can write; it says nothing of the readers.
        none = [None] if _optional(node, name) else []
        if kind is bool:
            value: Any = draw(st.sampled_from([True, False, *none]))
        elif kind is int:
            value = draw(st.sampled_from([*TRICKY_INT, *none]))
        elif kind is not None and issubclass(kind, enum.Enum):
            value = draw(st.sampled_from([*kind, *none]))
        else:
            value = draw(st.sampled_from([*TRICKY_TEXT, *none]))
        object.__setattr__(node, name, value)  # the writers check nothing
    return doc


def _read(fmt: str, data: bytes) -> tuple[str, Any]:
    try:
        doc = mrstd.loads(data, fmt, log=ConversionLog())
    except MrstdError:
        codes = {f.code for f in mrstd.validate_bytes(data, f"doc.{fmt}", format=fmt)}
        return "refused", sorted(codes)
    return "accepted", doc


@SETTINGS
@given(mutated())
def test_json_and_xml_readers_accept_or_refuse_alike(doc: Document) -> None:
    try:
        as_json = native_json.dumps_bytes(doc)
        as_xml = native_xml.dumps_bytes(doc)
    except (MrstdError, KeyError, TypeError, ValueError, AttributeError):
        assume(False)  # a value one writer cannot write at all (an unknown enum member)
        return
    json_outcome = _read("json", as_json)
    xml_outcome = _read("xml", as_xml)
    assert json_outcome[0] == xml_outcome[0], (json_outcome, xml_outcome)
    if json_outcome[0] == "accepted":
        assert json_outcome[1] == xml_outcome[1]
    else:
        assert json_outcome[1] == xml_outcome[1]


def test_the_mutation_reaches_the_constraint_that_diverged() -> None:
    """The case that diverged before the fix, written out."""
    doc = mrstd.load("examples/iso-widget.json")
    clause = doc.body[0]
    object.__setattr__(clause, "id", clause.id + "\n")
    json_outcome = _read("json", native_json.dumps_bytes(doc))
    xml_outcome = _read("xml", native_xml.dumps_bytes(doc))
    assert json_outcome == xml_outcome == ("refused", ["MRS003"])
    assert dataclasses.is_dataclass(clause)
