"""Rendering documents for people to read: ``mrstd.render(doc, format="html")``."""

from __future__ import annotations

from ..errors import FormatError
from ..model import Document
from .html import render_html

#: The formats ``render`` writes.
RENDER_FORMATS = ("html",)


def render(doc: Document, format: str = "html") -> str:
    """``doc`` rendered for reading: one self-contained HTML5 page (CSS inline, no network)."""
    if format != "html":
        raise FormatError(f"cannot render as {format!r}; formats: {', '.join(RENDER_FORMATS)}")
    return render_html(doc)


__all__ = ["RENDER_FORMATS", "render"]
