"""Relaton bibliographic records, as YAML and as XML (lossy: metadata only)."""

from __future__ import annotations

from ..base import Format, register
from . import xml_format, yaml_format

YAML = register(
    Format(
        name="relaton-yaml",
        description="Relaton bibliographic record, YAML (v1.2.x layout); metadata only",
        extensions=(".yaml", ".yml"),
        lossy=True,
        read=yaml_format.read,
        write=yaml_format.write,
        sniff=yaml_format.sniff,
    )
)
XML = register(
    Format(
        name="relaton-xml",
        description="Relaton bibliographic record, XML (bibdata/bibitem); metadata only",
        extensions=(".rxl",),
        lossy=True,
        read=xml_format.read,
        write=xml_format.write,
        sniff=xml_format.sniff,
    )
)

__all__ = ["XML", "YAML"]
