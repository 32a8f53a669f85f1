"""Native XML is lossless: properties over generated documents."""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from mutations import edit

from mrstd.errors import DocumentError
from mrstd.formats import native_json, native_xml
from mrstd.formats.native_xml.xsd import XSD_PATH
from mrstd.model import Document
from mrstd.testing import documents

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


@SETTINGS
@given(documents())
def test_xml_round_trip_gives_an_equal_document(doc: Document) -> None:
    assert native_xml.loads_bytes(native_xml.dumps_bytes(doc)) == doc


@SETTINGS
@given(documents())
def test_xml_validates_against_the_committed_xsd(doc: Document) -> None:
    tree = etree.fromstring(native_xml.dumps_bytes(doc))
    schema = _schema()
    assert schema.validate(tree), schema.error_log.last_error


@SETTINGS
@given(documents())
def test_json_to_xml_to_json_is_byte_identical(doc: Document) -> None:
    json = native_json.dumps_bytes(doc)
    via_xml = native_xml.loads_bytes(native_xml.dumps_bytes(native_json.loads_bytes(json)))
    assert native_json.dumps_bytes(via_xml) == json


@SETTINGS
@given(documents())
def test_xml_output_is_stable(doc: Document) -> None:
    xml = native_xml.dumps_bytes(doc)
    assert native_xml.dumps_bytes(native_xml.loads_bytes(xml)) == xml


#: Built once: hypothesis checks a strategy each time a new one is drawn from, and this one
#: is large (drawing from a fresh documents() cost seconds per example).
_FLAT_DOCUMENTS = documents(max_adoption_depth=0)


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    """The XML of a generated document after a few edits that usually make it invalid."""
    root = etree.fromstring(native_xml.dumps_bytes(draw(_FLAT_DOCUMENTS)))
    tags = sorted({el.tag for el in root.iter() if isinstance(el.tag, str)})
    attributes = ["id", "kind", "target", "value", "label", "odd"]
    return edit(draw, root, tags, attributes, st.sampled_from(["", "x", "1", "no such", "é"]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_invalid_xml_is_one_located_error(data: bytes) -> None:
    """Whatever the edit, reading gives a document or one error line with its place."""
    try:
        native_xml.loads_bytes(data, "doc.xml")
    except DocumentError as exc:
        message = str(exc)
        assert "\n" not in message
        assert re.match(r"doc\.xml:[0-9]+:[0-9]+: \S", message), message
