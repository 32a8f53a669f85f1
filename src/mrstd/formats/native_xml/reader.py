"""Reading native XML: one walk over the lxml tree that builds and checks the model.

The walk checks every value against the constraints the model declares (enums,
patterns, lengths, bounds, required fields, known names), so instances are built
directly, without a second validation pass; see docs/performance.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from ...model import Document
from ...model.base import no_gc
from ...model.types import python_regex
from .codegen import build_reader
from .locate import spec_of
from .mapping import NAMESPACE, ClassSpec, FieldSpec, Kind, Scalar, mapping
from .xmltext import serialize_element

_XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
_NEW = object.__new__
_SETATTR = object.__setattr__
_INT = re.compile(r"[+-]?[0-9]+")
_BOOL = {"true": True, "false": False, "1": True, "0": False}
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()


class Invalid(Exception):
    """A content problem at one element (and maybe one attribute)."""

    def __init__(
        self, element: Any, message: str, attribute: str | None = None, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.element = element
        self.message = message
        self.attribute = attribute
        self.field = field


class _BadValue(Exception):
    pass


Converter = Callable[[str], Any]


def _converter(scalar: Scalar) -> Converter | None:
    """A function that checks and converts an attribute value, or None for plain text."""
    checks: list[Callable[[Any], None]] = []
    if scalar.pattern is not None:
        regex = python_regex(scalar.pattern)
        pattern = scalar.pattern

        def check_pattern(value: Any) -> None:
            if regex.search(value) is None:
                raise _BadValue(f"{value!r} does not match the pattern {pattern}")

        checks.append(check_pattern)
    for validator in scalar.after:

        def check_after(value: Any, validator: Callable[[Any], Any] = validator) -> None:
            try:
                validator(value)
            except ValueError as exc:
                raise _BadValue(str(exc)) from None

        checks.append(check_after)
    if scalar.min_length is not None or scalar.max_length is not None:
        low, high = scalar.min_length or 0, scalar.max_length

        def check_length(value: Any) -> None:
            if len(value) < low:
                raise _BadValue(f"must have at least {low} character(s)")
            if high is not None and len(value) > high:
                raise _BadValue(f"must have at most {high} character(s)")

        checks.append(check_length)
    for key, test, word in (
        ("ge", lambda v, b: v >= b, "at least"),
        ("gt", lambda v, b: v > b, "greater than"),
        ("le", lambda v, b: v <= b, "at most"),
        ("lt", lambda v, b: v < b, "less than"),
    ):
        bound = getattr(scalar, key)
        if bound is not None:

            def check_bound(
                value: Any, bound: Any = bound, test: Any = test, word: str = word
            ) -> None:
                if not test(value, bound):
                    raise _BadValue(f"{value} is not {word} {bound}")

            checks.append(check_bound)

    base: Converter | None
    if scalar.enum is not None:
        members = {str(m.value): m for m in scalar.enum}
        choices = ", ".join(members)

        def base(value: str) -> Any:
            try:
                return members[value]
            except KeyError:
                raise _BadValue(f"{value!r} is not one of: {choices}") from None

    elif scalar.choices is not None:
        allowed = frozenset(scalar.choices)
        choices = ", ".join(scalar.choices)

        def base(value: str) -> Any:
            if value not in allowed:
                raise _BadValue(f"{value!r} is not one of: {choices}")
            return value

    elif scalar.base is bool:

        def base(value: str) -> Any:
            try:
                return _BOOL[value.strip(" \t\r\n")]
            except KeyError:
                raise _BadValue(f"{value!r} is not a boolean (true or false)") from None

    elif scalar.base is int:

        def base(value: str) -> Any:
            text = value.strip(" \t\r\n")
            if _INT.fullmatch(text) is None:
                raise _BadValue(f"{value!r} is not an integer")
            return int(text)

    else:
        base = None
    if not checks:
        return base
    if base is None:

        def checked(value: str) -> Any:
            for check in checks:
                check(value)
            return value

        return checked
    convert = base

    def converted(value: str) -> Any:
        result = convert(value)
        for check in checks:
            check(result)
        return result

    return converted


class Reader:
    """Builds documents from parsed native XML, through generated functions."""

    def __init__(self, namespace: str = NAMESPACE) -> None:
        prefix = "{" + namespace + "}"
        self.prefix = prefix
        self.namespace = namespace

        def q(name: str) -> str:
            return prefix + name

        self.q = q
        self.mapping = mapping()
        # Element fields of each type, and items of each field, by qualified name.
        self.children: dict[type, dict[str, FieldSpec]] = {
            cls: {q(name): f for name, f in spec.children.items() if f is not spec.unwrapped}
            for cls, spec in self.mapping.specs.items()
        }
        self.items: dict[int, dict[str, ClassSpec]] = {
            id(f): {q(tag): s for tag, s in f.items.items()}
            for spec in self.mapping.specs.values()
            for f in spec.fields
        }
        helpers: dict[str, Any] = {
            "MISSING": MISSING,
            "NEW": _NEW,
            "SETATTR": _SETATTR,
            "XSI": _XSI,
            "BadValue": _BadValue,
            "Invalid": Invalid,
            "unknown_attribute": _unknown_attribute,
            "no_children": _no_children,
            "no_content": _no_content,
            "text_not_allowed": _text_not_allowed,
            "duplicate": _duplicate,
            "missing": self._missing,
            "exactly_one": _exactly_one,
            "unexpected": self._unexpected,
            "read_xml": _read_xml,
            "read_scalars": self._scalars,
        }
        self.functions = build_reader(self.mapping, q, helpers, _converter)

    def read(self, root: Any) -> Document:
        """The document held by a parsed ``<document>`` root."""
        with no_gc():
            doc = self.functions[Document](root)
        assert isinstance(doc, Document)
        return doc

    def _missing(self, el: Any, name: str) -> None:
        spec = self.spec_at(el)
        what = _describe(spec, name) if spec is not None else name
        raise Invalid(el, f"required {what} is missing", field=name)

    def spec_at(self, el: Any) -> ClassSpec | None:
        """The spec of the type an element holds, found by its ancestors."""
        return spec_of(self, el)

    def _scalars(self, el: Any, convert: Converter | None) -> list[Any]:
        text = el.text
        if text and not text.isspace():
            _text_not_allowed(el)
        out: list[Any] = []
        item_tag = self.q("item")
        for child in el:
            if child.tag != item_tag:
                self._unexpected(child, el, ["item"])
                continue
            if len(child):
                _no_children(child)
            raw = child.text or ""
            try:
                out.append(raw if convert is None else convert(raw))
            except _BadValue as exc:
                raise Invalid(child, str(exc)) from None
            tail = child.tail
            if tail and not tail.isspace():
                _text_not_allowed(el)
        return out

    def _unexpected(self, child: Any, parent: Any, names: list[str]) -> None:
        tag = child.tag
        if tag is etree.Comment or tag is etree.PI:
            return
        if not isinstance(tag, str):
            _not_an_element(child, parent)
        ns, local = _split(tag)
        if ns != self.namespace:
            where = f"namespace {ns!r}" if ns else "no namespace"
            raise Invalid(
                child,
                f"unexpected element <{local}> in {where}; "
                f"expected the mrstd namespace {self.namespace!r}",
            )
        expected = ", ".join(f"<{n}>" for n in names) if names else "nothing"
        raise Invalid(child, f"unexpected element <{local}>; expected {expected}")


def _unknown_attribute(el: Any, key: str) -> None:
    raise Invalid(el, f"unknown attribute {_local(key)!r}", key)


def _text_not_allowed(el: Any) -> None:
    raise Invalid(el, "text is not allowed here")


def _duplicate(el: Any, name: str) -> None:
    raise Invalid(el, f"<{name}> appears more than once")


def _exactly_one(el: Any, name: str) -> None:
    raise Invalid(el, f"<{name}> must hold exactly one element")


def _not_an_element(child: Any, parent: Any) -> None:
    if child.tag is etree.Entity:
        raise Invalid(
            parent, f"entity reference {child.text} cannot be read: entities are never resolved"
        )
    raise Invalid(parent, "unexpected node")


def _no_children(el: Any) -> None:
    for child in el:
        if (
            not isinstance(child.tag, str)
            and child.tag is not etree.Comment
            and child.tag is not etree.PI
        ):
            _not_an_element(child, el)
        if child.tag is not etree.Comment and child.tag is not etree.PI:
            raise Invalid(
                child, f"unexpected element <{_local(child.tag)}>; only text is allowed here"
            )


def _no_content(el: Any) -> None:
    _no_children(el)
    if el.text and not el.text.isspace():
        _text_not_allowed(el)


def _read_xml(el: Any) -> str:
    """Embedded XML: the one child element, or else the text."""
    children = [c for c in el if c.tag is not etree.Comment and c.tag is not etree.PI]
    for child in children:
        if not isinstance(child.tag, str):
            _not_an_element(child, el)
    if not children:
        return "".join(t for t in [el.text, *(c.tail for c in el)] if t)
    if len(children) > 1:
        raise Invalid(children[1], "only one element may be embedded here")
    child = children[0]
    for text in (el.text, *(c.tail for c in el)):
        if text and not text.isspace():
            raise Invalid(el, "text is not allowed next to embedded XML")
    nsmap = child.nsmap
    tag = child.tag
    if len(nsmap) == 1 and None in nsmap and tag.startswith("{" + nsmap[None] + "}"):
        # Only the element's own default namespace is in scope: serialize in place.
        text = etree.tostring(child, encoding="unicode", with_tail=False)
        assert isinstance(text, str)
        return text
    return serialize_element(child)


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _local(name: str) -> str:
    return _split(name)[1]


def _describe(spec: ClassSpec, name: str) -> str:
    for f in spec.fields:
        if f.name == name:
            if f.kind is Kind.ATTR:
                return f"attribute {f.xml_name!r}"
            if f.kind is Kind.BODY:
                return "text"
            return f"element <{f.xml_name}>"
    return name


_READERS: dict[str, Reader] = {}


def reader(namespace: str = NAMESPACE) -> Reader:
    """The shared reader for a namespace: the current one, or an older version's.

    Minor versions only add optional fields and types (docs/versioning.md), so an older
    minor version's document is read with the current mapping under its own namespace.
    """
    found = _READERS.get(namespace)
    if found is None:
        found = _READERS[namespace] = Reader(namespace)
    return found
