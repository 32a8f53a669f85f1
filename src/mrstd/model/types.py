"""Constrained string types shared across the model.

The patterns live here so that pydantic and the generated JSON Schema enforce the same thing.
"""

from __future__ import annotations

import re
from typing import Annotated

from lxml import etree
from pydantic import AfterValidator, Field

#: XML 1.0 (5th ed.) name characters without the colon, in the Basic Multilingual Plane.
NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
    "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
)
NAME_CHAR = NAME_START + "\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
#: The pattern of an id: an XML NCName, usable as ``xs:ID`` (schema 1.0 allowed ASCII only).
ID_PATTERN = f"^[{NAME_START}][{NAME_CHAR}]*$"


def python_regex(pattern: str) -> re.Pattern[str]:
    """A model pattern compiled for Python's ``re`` with the meaning pydantic gives it.

    pydantic checks patterns with Rust's regex, where ``$`` is the end of the text; in
    Python ``$`` also matches before a final newline, so ``"a\\n"`` would pass. The final
    ``$`` becomes ``\\Z``, so that every reader refuses what the model refuses.
    """
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + "\\Z"
    return re.compile(pattern)


#: The largest count (a span, a column number, an iteration) the model takes: XSD's
#: ``xs:int``, which every JSON and XML reader represents exactly.
MAX_COUNT = 2**31 - 1


_FRAGMENT_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def _parse_element(value: str) -> etree._Element:
    """The one well-formed XML element ``value`` holds, or ValueError: a writer copies the
    string into its output, which must stay well-formed (``m & e < 3`` and
    ``</sec><script>`` are refused here rather than written)."""
    try:
        root = etree.fromstring(value.encode("utf-8"), _FRAGMENT_PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        reason = str(exc).split(" (line")[0].split(", line ")[0]
        raise ValueError(f"not one well-formed XML element: {reason}") from None
    if root is None:
        raise ValueError("not one well-formed XML element: empty")
    for node in root.iter(etree.Entity):
        raise ValueError(f"not one well-formed XML element: undefined entity {node}")
    return root


def _one_element(value: str) -> str:
    _parse_element(value)
    return value


def _math_element(value: str) -> str:
    if etree.QName(_parse_element(value)).localname != "math":
        raise ValueError("MathML must be one <math> element")
    return value


#: One well-formed XML element kept as a string (foreign markup the model does not know).
XmlElement = Annotated[
    str,
    AfterValidator(_one_element),
    Field(description="exactly one well-formed XML element, serialized"),
]

#: A MathML ``math`` element kept as a string.
MathMl = Annotated[
    str,
    AfterValidator(_math_element),
    Field(description="one MathML math element, serialized"),
]


#: An element id, usable as an XML ``xs:ID`` (an NCName).
Id = Annotated[str, Field(pattern=ID_PATTERN)]

#: ICS code: two digits, optionally three, optionally two (ICS 7th ed., domain note 2).
IcsCodeStr = Annotated[str, Field(pattern=r"^[0-9]{2}(\.[0-9]{3}(\.[0-9]{2})?)?$")]

#: CCS code: one letter A-Z except I and O, then two digits (domain note 2).
CcsCodeStr = Annotated[str, Field(pattern=r"^[A-HJ-NP-Z][0-9]{2}$")]

#: Harmonized stage code SS.ss (ISO/IEC Directives Part 1, Annex SD).
StageCode = Annotated[str, Field(pattern=r"^[0-9]{2}\.[0-9]{2}$")]

#: A calendar date, possibly reduced to a year or a month (ISO 8601-1:2019, 5.2.2).
PartialDate = Annotated[str, Field(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]

#: A language tag; checked against BCP 47 by validation rules, not by the model.
LanguageTag = Annotated[str, Field(min_length=1)]

#: A designation of a standard as written, e.g. ``ISO 9001:2015``; see :mod:`mrstd.ids`.
IdentifierStr = Annotated[str, Field(min_length=1)]
