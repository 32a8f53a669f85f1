"""The XML mapping of the model, derived once from the model's own field declarations.

Every model type becomes an element; the rules (documented in docs/xml.md) are:

* XML names are the model's names with ``_`` written as ``-`` (``part_of_speech`` ->
  ``part-of-speech``). A type's element is named by its ``type`` tag (``term-entry``)
  or, when it has none, by its class name in kebab case (``ListItem`` -> ``list-item``).
* Scalar fields (strings, numbers, booleans, enums) are attributes, left out when
  they hold their default.
* A required ``text`` string in a type with no element fields is the element's text.
* Other fields are child elements named after the field, in declaration order: a
  nested type holds that type's content; a sequence holds its items; a sequence of
  inline runs holds mixed content; ``mathml`` and ``xml`` strings hold embedded XML.
* When a type has exactly one element field and it is a sequence (or a required
  embedded-XML string), its content goes straight into the type's element.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from pydantic import AfterValidator

from ...model import SCHEMA_VERSION, Document, Text

NAMESPACE = f"https://mrstd.dev/schema/{SCHEMA_VERSION}"
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
#: Names of string fields that carry serialized XML, embedded as real XML.
XML_FIELDS = frozenset({"mathml", "xml"})

_MISSING: Any = object()


class Kind(enum.Enum):
    """How a field appears in XML."""

    CONST = "const"  # a fixed value (type tag, $schema): not written
    ATTR = "attr"
    BODY = "body"  # the element's own text
    XML = "xml"  # embedded XML (or its text when it is not canonical XML)
    MODEL = "model"  # one nested type
    SEQ_MODEL = "seq-model"  # a sequence of one type or of a tagged union
    SEQ_INLINE = "seq-inline"  # mixed content
    SEQ_SCALAR = "seq-scalar"  # <item> children


@dataclass
class Scalar:
    """A scalar value type with its constraints."""

    base: type  # str, int, bool, or an Enum subclass
    choices: tuple[str, ...] | None = None  # enum or Literal values
    enum: type[enum.Enum] | None = None
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    ge: int | None = None
    le: int | None = None
    gt: int | None = None
    lt: int | None = None
    #: The model's own checks (pydantic AfterValidators), run by this reader as pydantic runs
    #: them: one well-formed element for embedded XML, say.
    after: tuple[Callable[[Any], Any], ...] = ()


@dataclass
class FieldSpec:
    """One field of a model type and its XML form."""

    name: str
    xml_name: str
    kind: Kind
    required: bool
    optional: bool  # None is allowed
    default: Any
    container: type = tuple  # for sequences
    scalar: Scalar | None = None
    # For MODEL / SEQ_MODEL: element name -> type spec of the items.
    items: dict[str, ClassSpec] = field(default_factory=dict)
    union: bool = False  # items come from a tagged union


@dataclass
class ClassSpec:
    """The XML form of one model type."""

    cls: type
    tag: str  # element name as an item
    fields: list[FieldSpec] = field(default_factory=list)
    attrs: dict[str, FieldSpec] = field(default_factory=dict)  # by XML name
    children: dict[str, FieldSpec] = field(default_factory=dict)  # element fields by XML name
    unwrapped: FieldSpec | None = None
    body: FieldSpec | None = None
    template: dict[str, Any] = field(default_factory=dict)  # defaults in declaration order
    required: tuple[str, ...] = ()
    mixed: bool = False  # the element itself holds inline runs

    @property
    def element_fields(self) -> list[FieldSpec]:
        """The fields written as child elements, in declaration order."""
        return [f for f in self.fields if f.kind not in (Kind.CONST, Kind.ATTR, Kind.BODY)]


def kebab(name: str) -> str:
    """``part_of_speech`` -> ``part-of-speech``; ``ListItem`` -> ``list-item``."""
    if "_" in name or name.islower():
        return name.strip("_").replace("_", "-")
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower()


def is_model(tp: Any) -> bool:
    """Whether ``tp`` is a model type."""
    return isinstance(tp, type) and hasattr(tp, "__pydantic_fields__")


def _strip_annotated(tp: Any, metas: list[Any]) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        args = typing.get_args(tp)
        tp = args[0]
        for meta in args[1:]:
            metas.append(meta)
            metas.extend(getattr(meta, "metadata", None) or [])
    return tp


def _union_args(tp: Any) -> tuple[Any, ...] | None:
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return typing.get_args(tp)
    return None


def _scalar(tp: Any, metas: list[Any]) -> Scalar | None:
    constraints: dict[str, Any] = {}
    after = tuple(meta.func for meta in metas if isinstance(meta, AfterValidator))
    if after:
        constraints["after"] = after
    for meta in metas:
        for key in ("pattern", "min_length", "max_length", "ge", "le", "gt", "lt"):
            value = getattr(meta, key, None)
            if value is not None:
                constraints[key] = value
    if typing.get_origin(tp) is Literal:
        values = typing.get_args(tp)
        if all(isinstance(v, str) for v in values):
            return Scalar(str, choices=tuple(values), **constraints)
        return None
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return Scalar(tp, choices=tuple(str(m.value) for m in tp), enum=tp, **constraints)
    if tp in (str, int, bool):
        return Scalar(tp, **constraints)
    return None


def type_tag(cls: type) -> str | None:
    """The value of a type's ``type`` tag, when it has a fixed one."""
    info = getattr(cls, "__pydantic_fields__", {}).get("type")
    if info is None:
        return None
    tp = _strip_annotated(info.annotation, [])
    if typing.get_origin(tp) is Literal and len(typing.get_args(tp)) == 1:
        value = typing.get_args(tp)[0]
        return value if isinstance(value, str) else None
    return None


def element_name(cls: type) -> str:
    """The element name of a type when it appears as an item."""
    if cls is Document:
        return "document"
    return type_tag(cls) or kebab(cls.__name__)


class Mapping:
    """Specs for every model type reachable from :class:`Document`."""

    def __init__(self) -> None:
        self.specs: dict[type, ClassSpec] = {}
        self.root = self.spec(Document)

    def spec(self, cls: type) -> ClassSpec:
        """The spec of one type, built on first use."""
        existing = self.specs.get(cls)
        if existing is not None:
            return existing
        spec = self.specs[cls] = ClassSpec(cls, element_name(cls))
        for name, info in cls.__pydantic_fields__.items():  # type: ignore[attr-defined]
            spec.fields.append(self._field(cls, name, info))
        self._finish(spec)
        return spec

    def _items(self, tp: Any, metas: list[Any]) -> tuple[dict[str, ClassSpec], bool] | None:
        """Item specs by element name for a model type or a tagged union of them."""
        if is_model(tp):
            return {element_name(tp): self.spec(tp)}, False
        members = _union_args(tp)
        if members and all(is_model(m) for m in members):
            items: dict[str, ClassSpec] = {}
            for member in members:
                tag = type_tag(member)
                if tag is None:
                    raise TypeError(f"union member {member.__name__} has no type tag")
                items[tag] = self.spec(member)
            return items, True
        return None

    def _field(self, cls: type, name: str, info: Any) -> FieldSpec:
        metas: list[Any] = list(info.metadata)
        tp = _strip_annotated(info.annotation, metas)
        optional = False
        members = _union_args(tp)
        if members and type(None) in members:
            optional = True
            rest = tuple(m for m in members if m is not type(None))
            tp = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
            tp = _strip_annotated(tp, metas)
        required = bool(info.is_required())
        default = _MISSING if required else info.get_default(call_default_factory=True)
        xml_name = kebab(name)
        fspec = FieldSpec(name, xml_name, Kind.ATTR, required, optional, default)
        where = f"{cls.__name__}.{name}"

        if typing.get_origin(tp) is Literal and len(typing.get_args(tp)) == 1 and not required:
            fspec.kind = Kind.CONST
            return fspec
        origin = typing.get_origin(tp)
        if origin in (tuple, list):
            args = typing.get_args(tp)
            if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
                raise TypeError(f"{where}: only homogeneous tuples are supported")
            fspec.container = origin
            item_metas: list[Any] = []
            item = _strip_annotated(args[0], item_metas)
            union = _union_args(item)
            if union and Text in union:
                fspec.kind = Kind.SEQ_INLINE
                found = self._items(item, item_metas)
                assert found is not None
                fspec.items, fspec.union = found
                return fspec
            found = self._items(item, item_metas)
            if found is not None:
                fspec.kind = Kind.SEQ_MODEL
                fspec.items, fspec.union = found
                return fspec
            scalar = _scalar(item, item_metas)
            if scalar is None:
                raise TypeError(f"{where}: unsupported item type {item!r}")
            fspec.kind, fspec.scalar = Kind.SEQ_SCALAR, scalar
            return fspec
        found = self._items(tp, metas)
        if found is not None:
            fspec.kind = Kind.MODEL
            fspec.items, fspec.union = found
            return fspec
        scalar = _scalar(tp, metas)
        if scalar is None:
            raise TypeError(f"{where}: unsupported type {tp!r}")
        fspec.scalar = scalar
        if name in XML_FIELDS and scalar.base is str and scalar.choices is None:
            fspec.kind = Kind.XML
        return fspec

    def _finish(self, spec: ClassSpec) -> None:
        elements = spec.element_fields
        for f in spec.fields:
            if f.name == "text" and f.kind is Kind.ATTR and f.required and not elements:
                assert f.scalar is not None
                if f.scalar.base is str and f.scalar.choices is None:
                    f.kind = Kind.BODY
                    spec.body = f
        if len(elements) == 1:
            only = elements[0]
            sequence = only.kind in (Kind.SEQ_MODEL, Kind.SEQ_INLINE, Kind.SEQ_SCALAR)
            if sequence or (only.kind is Kind.XML and only.required):
                spec.unwrapped = only
                spec.mixed = only.kind is Kind.SEQ_INLINE
        for f in spec.fields:
            if f.kind is Kind.ATTR:
                spec.attrs[f.xml_name] = f
            elif f.kind not in (Kind.CONST, Kind.BODY):
                spec.children[f.xml_name] = f
            spec.template[f.name] = None if f.default is _MISSING else f.default
        spec.required = tuple(f.name for f in spec.fields if f.required)


_MAPPING: Mapping | None = None


def mapping() -> Mapping:
    """The mapping of the current model, built once."""
    global _MAPPING
    if _MAPPING is None:
        _MAPPING = Mapping()
    return _MAPPING
