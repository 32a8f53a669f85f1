"""Escaping text for XML output, shared by every XML writer."""

from __future__ import annotations

import enum
import re
from typing import Any

from ..errors import ConversionError
from ..paths import PathPart, format_path

#: Characters XML 1.0 cannot carry (section 2.2), as they would appear in a str.
BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape_text(text: str) -> str:
    """Escape character data; ``\\r`` becomes a reference so that it survives parsing."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def escape_attr(text: str) -> str:
    """Escape an attribute value; whitespace other than spaces becomes references."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\t" in text:
        text = text.replace("\t", "&#9;")
    return text


#: Every byte XML 1.0 allows in UTF-8 output; deleting them leaves only C0 controls.
CONTROL_BYTES_KEPT = bytes(range(0x20, 0x100)) + b"\t\n\r"


def encode_xml(text: str, doc: Any) -> bytes:
    """XML text as UTF-8 bytes, or a ConversionError naming where in ``doc`` a character is
    that XML 1.0 cannot carry: every XML writer ends here, so none writes ill-formed output."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _unrepresentable(doc, exc.object[exc.start]) from None
    # Deleting every byte XML allows leaves the ones it does not: C0 controls.
    bad = data.translate(None, CONTROL_BYTES_KEPT)
    if bad:
        raise _unrepresentable(doc, bad[:1].decode("ascii"))
    if b"\xef\xbf" in data:
        for char in ("\ufffe", "\uffff"):
            if char.encode("utf-8") in data:
                raise _unrepresentable(doc, char)
    return data


def _unrepresentable(doc: Any, char: str) -> ConversionError:
    path = _find_char(doc, char, ())
    where = f" at {format_path(path)}" if path else ""
    return ConversionError(
        f"character U+{ord(char):04X} cannot be written in XML 1.0{where}; XML allows "
        "tab, newline, carriage return and U+0020 upwards, except surrogates, "
        "U+FFFE and U+FFFF"
    )


def _find_char(value: Any, char: str, path: tuple[PathPart, ...]) -> tuple[PathPart, ...] | None:
    if isinstance(value, str):
        return path if char in value else None
    if isinstance(value, enum.Enum):
        return None
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            found = _find_char(item, char, (*path, index))
            if found is not None:
                return found
        return None
    fields = getattr(value, "__dict__", None)
    if fields is None:
        return None
    for name, item in fields.items():
        found = _find_char(item, char, (*path, name))
        if found is not None:
            return found
    return None
