"""Relaton bibliographic records, as YAML and as XML (lossy: metadata only)."""

from __future__ import annotations

from ..base import Format, register
from . import xml_parse, xml_render, yaml_parse, yaml_render

YAML = register(
    Format(
        name="relaton-yaml",
        description="Relaton bibliographic record, YAML (v1.2.x layout); metadata only",
        extensions=(".yaml", ".yml"),
        lossy=True,
        read=yaml_parse.read,
        write=yaml_render.write,
        sniff=yaml_parse.sniff,
    )
)
XML = register(
    Format(
        name="relaton-xml",
        description="Relaton bibliographic record, XML (bibdata/bibitem); metadata only",
        extensions=(".rxl",),
        lossy=True,
        read=xml_parse.read,
        write=xml_render.write,
        sniff=xml_parse.sniff,
    )
)

__all__ = ["XML", "YAML"]
