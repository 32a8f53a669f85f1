"""XML the model keeps as written (foreign fragments, MathML): which element a fragment is,
and the ids in it. Writers, rules and the renderer read fragments with these, and nothing else.
"""

from __future__ import annotations

import re

#: The first element name of a fragment, prefixed for tbx: and mml: as the fragment writes it.
_ROOT = re.compile(r"<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)")
#: An element with an id, and the id (``<table-wrap id="tab-3">``).
_ID = re.compile(r"""<([A-Za-z_][\w.:-]*)\b[^>]*?\s(?:xml:)?id\s*=\s*["']([^"']+)["']""")


def root_name(xml: str) -> str:
    """The element name of a serialized fragment ("" when it holds none)."""
    match = _ROOT.search(xml)
    return match.group(1) if match else ""


def ids_in(xml: str) -> list[tuple[str, str]]:
    """Each element of a fragment that has an id, as (element name, id), in order."""
    return _ID.findall(xml) if "id" in xml else []
