"""Writing a document as native XML: generated functions that build the text directly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...model import Document, Text
from ..xmlescape import encode_xml, escape_attr, escape_text
from .codegen import build_writer
from .mapping import NAMESPACE, FieldSpec, Scalar, mapping
from .xmltext import embeddable

#: Indentation by level; negative levels (inside mixed content) get none.
PRETTY = ["\n" + "  " * level for level in range(256)] + [""] * 10_000
_INLINE = -(10**9)
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _formatter(f: FieldSpec) -> Any:
    """A table (enums) or function turning an attribute's value into escaped text."""
    scalar = f.scalar
    assert scalar is not None
    if scalar.enum is not None:
        return {m: escape_attr(str(m.value)) for m in scalar.enum}
    if scalar.base is bool:
        return _bool
    if scalar.base is int:
        return str
    return escape_attr


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _item_text(scalar: Scalar, value: Any) -> str:
    if scalar.enum is not None:
        return escape_text(str(value.value))
    if scalar.base is bool:
        return _bool(value)
    if scalar.base is int:
        return str(value)
    return escape_text(value)


def _xml_markup(value: str) -> str:
    markup = embeddable(value)
    return markup if markup is not None else escape_text(value)


class Writer:
    """Writes documents through one generated function per model type."""

    def __init__(self) -> None:
        self.mapping = mapping()
        text_spec = self.mapping.spec(Text)
        text_defaults = {f.name: f.default for f in text_spec.fields if f.name != "text"}

        def write_inline_slow(runs: Any, out: list[str], table: Any) -> None:
            # Text runs carrying more than their text are written as <text> elements.
            after = False
            for run in runs:
                if type(run) is Text:
                    simple = all(run.__dict__[k] == v for k, v in text_defaults.items())
                    if simple and run.text and not after:
                        out.append(escape_text(run.text))
                        after = True
                        continue
                after = False
                fn, tag = table[type(run)]
                fn(run, out, tag, _INLINE)

        helpers: dict[str, Any] = {
            "PRETTY": PRETTY,
            "INLINE": _INLINE,
            "esc_text": escape_text,
            "xml_markup": _xml_markup,
            "item_text": _item_text,
            "write_inline_slow": write_inline_slow,
        }
        self.functions: dict[type, Callable[..., None]] = build_writer(
            self.mapping, helpers, _formatter
        )
        self.root = self.functions[Document]

    def write(self, doc: Document) -> bytes:
        """The document as UTF-8 XML bytes."""
        if not isinstance(doc, Document):
            raise TypeError(f"expected a Document, got {type(doc).__name__}")
        out: list[str] = [_HEAD]
        self.root(doc, out, f'document xmlns="{NAMESPACE}"', 0)
        out.append("\n")
        # The end tag of the root carries the namespace declaration: fix it once here.
        out[-2] = out[-2].replace(f'</document xmlns="{NAMESPACE}">', "</document>")
        return encode_xml("".join(out), doc)


_WRITER: Writer | None = None


def write(doc: Document) -> bytes:
    """The document as native XML bytes (raises ConversionError for unrepresentable text)."""
    global _WRITER
    if _WRITER is None:
        _WRITER = Writer()
    return _WRITER.write(doc)
