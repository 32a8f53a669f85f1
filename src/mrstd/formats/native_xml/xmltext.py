"""Escaping, character checks and embedded-XML canonical form."""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from lxml import etree

from ..xmlescape import BAD_CHARS

_EMBED_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_blank_text=False,
    remove_comments=False,
)


def serialize_element(element: etree._Element) -> str:
    """The canonical serialized form of an element, as the model stores it."""
    copy = _standalone(element)
    etree.cleanup_namespaces(copy)
    return etree.tostring(copy, encoding="unicode", with_tail=False)


def _standalone(element: etree._Element) -> etree._Element:
    return copy.deepcopy(element)


@lru_cache(maxsize=4096)
def embeddable(value: str) -> str | None:
    """How to embed ``value`` as XML, or None when it must be written as text.

    A string is embedded only when it is one element whose canonical form is the
    string itself, so that reading it back gives exactly the same string. The
    result is the markup to write; an element in no namespace gets ``xmlns=""``
    so that it does not fall into the mrstd namespace.
    """
    if not value.startswith("<") or not value.endswith(">") or BAD_CHARS.search(value):
        return None
    try:
        element = etree.fromstring(value.encode("utf-8"), _EMBED_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if element is None or serialize_element(element) != value:
        return None
    if element.tag.startswith("{") if isinstance(element.tag, str) else True:
        return value
    match = re.match(r"<[^\s/>]+", value)
    assert match is not None
    return value[: match.end()] + ' xmlns=""' + value[match.end() :]
