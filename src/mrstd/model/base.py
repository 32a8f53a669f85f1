"""The base of every model type: a strict pydantic dataclass with a pydantic-like API.

Model types are pydantic dataclasses rather than ``BaseModel`` subclasses because
orjson serializes dataclasses natively, which makes canonical JSON output several
times faster (see docs/performance.md). The class methods below give them the
familiar ``model_validate`` / ``model_dump_json`` interface.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, Literal, TypeVar, cast

import orjson
from pydantic import ConfigDict, Field, TypeAdapter
from pydantic.dataclasses import dataclass as _pydantic_dataclass
from pydantic.fields import FieldInfo
from typing_extensions import dataclass_transform

CONFIG = ConfigDict(extra="forbid", populate_by_name=True, validate_default=False)

T = TypeVar("T")
N = TypeVar("N", bound="Node")


@dataclass_transform(kw_only_default=True, field_specifiers=(Field, dataclasses.field))
def node(cls: type[T]) -> type[T]:
    """Declare a model type: keyword-only, unknown fields rejected."""
    return _with_fields(cast("type[T]", _pydantic_dataclass(config=CONFIG, kw_only=True)(cls)))


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
def value_node(cls: type[T]) -> type[T]:
    """Declare an immutable model type, usable as a shared default."""
    made = _pydantic_dataclass(config=CONFIG, kw_only=True, frozen=True)(cls)
    return _with_fields(cast("type[T]", made))


def _with_fields(cls: type[T]) -> type[T]:
    # The same attribute pydantic's BaseModel offers: field name -> FieldInfo, in order.
    setattr(cls, "model_fields", cls.__pydantic_fields__)  # type: ignore[attr-defined]  # noqa: B010
    return cls


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cycle collector while building a large acyclic tree.

    Building hundreds of thousands of objects triggers full collections that scan
    the whole heap; the tree has no cycles, so those scans are pure cost. Afterwards
    the new objects move to the oldest generation (freeze then unfreeze, an O(1)
    splice), so the young-generation scans they would cause later are skipped too.
    That step is left out when the application has frozen objects of its own.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


class Node:
    """Mixin giving model types their class-level API."""

    __slots__ = ()
    __adapters: ClassVar[dict[type, TypeAdapter[Any]]] = {}

    @classmethod
    def _adapter(cls: type[N]) -> TypeAdapter[N]:
        adapter = Node.__adapters.get(cls)
        if adapter is None:
            adapter = Node.__adapters[cls] = TypeAdapter(cls)
        return adapter

    @classmethod
    def model_validate(cls: type[N], obj: Any, *, strict: bool | None = None) -> N:
        """Validate Python data (dicts, lists, strings) into an instance."""
        with no_gc():
            return cls._adapter().validate_python(obj, strict=strict)

    @classmethod
    def model_validate_json(cls: type[N], data: str | bytes, *, strict: bool | None = None) -> N:
        """Validate JSON text into an instance."""
        with no_gc():
            return cls._adapter().validate_json(data, strict=strict)

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        """The JSON Schema of this type, with aliases."""
        return cls._adapter().json_schema(by_alias=True)

    model_fields: ClassVar[dict[str, FieldInfo]]

    @classmethod
    def model_construct(cls: type[N], **values: Any) -> N:
        """Build an instance from trusted values without validation; defaults fill gaps."""
        obj = object.__new__(cls)
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in values:
                value = values[f.name]
            elif f.default is not dataclasses.MISSING:
                value = f.default
            elif f.default_factory is not dataclasses.MISSING:
                value = f.default_factory()
            else:
                raise TypeError(f"{cls.__name__}: missing {f.name}")
            object.__setattr__(obj, f.name, value)
        return obj

    def model_dump(
        self, *, mode: Literal["json", "python"] = "python", exclude_none: bool = False
    ) -> Any:
        """This instance as plain data (``mode="json"`` gives JSON-ready values)."""
        return (
            type(self)
            ._adapter()
            .dump_python(self, mode=mode, by_alias=True, exclude_none=exclude_none)
        )

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """This instance as JSON text, fields in declaration order."""
        option = orjson.OPT_INDENT_2 if indent else 0
        return orjson.dumps(self, option=option).decode()

    def model_copy(self: N, *, update: dict[str, Any] | None = None) -> N:
        """A shallow copy, with some fields replaced."""
        return dataclasses.replace(self, **(update or {}))  # type: ignore[type-var]


def items(description: str | None = None) -> Any:
    """A sequence field defaulting to empty.

    Sequences are tuples: an immutable default needs no factory, and fields then keep
    their declaration order in every instance, which canonical JSON relies on.
    """
    return Field(default=(), description=description)
