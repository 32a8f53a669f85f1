"""The base class shared by every model type."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Node(BaseModel):
    """A strict model node: unknown fields are rejected, enums serialise as values."""

    model_config = ConfigDict(
        extra="forbid",
        use_enum_values=False,
        validate_default=False,
        populate_by_name=True,
        ser_json_inf_nan="strings",
    )
