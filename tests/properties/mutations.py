"""Edits that make a well-formed document deviate from its schema, for robustness properties.

Shared by the STS and native XML properties: rename, unwrap, remove, move and duplicate
elements, set stray attributes, add stray text. Real files deviate in these ways.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from hypothesis import strategies as st
from lxml import etree

ACTIONS = ("rename", "unwrap", "remove", "move", "copy", "attribute", "text")


def edit(
    draw: st.DrawFn,
    root: etree._Element,
    tags: Sequence[str],
    attributes: Sequence[str],
    words: st.SearchStrategy[str],
    most: int = 4,
) -> bytes:
    """Apply 1 to ``most`` edits to ``root`` and serialize it.

    Renames use ``tags`` (Clark names), and only elements in the same namespace as the new
    name are renamed, so that embedded vocabularies (MathML, TBX) keep their names.
    """
    for _ in range(draw(st.integers(1, most))):
        elements = [el for el in root.iter() if isinstance(el.tag, str) and el is not root]
        if not elements:
            break
        el = draw(st.sampled_from(elements))
        parent = el.getparent()
        action = draw(st.sampled_from(ACTIONS))
        if action == "rename":
            tag = draw(st.sampled_from(tags))
            if etree.QName(tag).namespace == etree.QName(el).namespace:
                el.tag = tag
        elif action == "unwrap" and parent is not None:
            index = parent.index(el)
            for child in reversed(list(el)):
                parent.insert(index, child)
            parent.remove(el)
        elif action == "remove" and parent is not None:
            parent.remove(el)
        elif action == "move" and parent is not None:
            target = draw(st.sampled_from(elements))
            if target is not el and el not in target.iterancestors():
                parent.remove(el)
                target.append(el)
        elif action == "copy" and parent is not None:
            parent.append(copy.deepcopy(el))
        elif action == "attribute":
            el.set(draw(st.sampled_from(attributes)), draw(words))
        elif draw(st.booleans()):
            el.text = (el.text or "") + draw(words)
        else:
            el.tail = (el.tail or "") + draw(words)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
