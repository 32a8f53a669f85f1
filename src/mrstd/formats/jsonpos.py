"""Find the line and column of paths inside JSON text, for error messages and findings.

Only used on the error path and for findings, so it favours simplicity over speed. It is
iterative, so deeply nested input cannot exhaust the stack.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Sequence

from ..paths import PathPart


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def locate(text: str, path: Sequence[PathPart]) -> tuple[int, int]:
    """Position of the value at ``path``; of its deepest existing ancestor if it is missing."""
    loc = tuple(path)
    return locate_many(text, [loc])[loc]


# Strings, punctuation, and scalars (numbers, true, false, null), so that a path to a
# scalar points at the value rather than at its key.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s,:\[\]{}"]+', re.DOTALL)
_Trie = dict[PathPart, "tuple[_Trie, tuple[PathPart, ...]]"]


def _trie(locs: Iterable[tuple[PathPart, ...]]) -> _Trie:
    root: _Trie = {}
    for loc in locs:
        node = root
        for i, part in enumerate(loc):
            entry = node.get(part)
            if entry is None:
                entry = node[part] = ({}, loc[: i + 1])
            node = entry[0]
    return root


def _key(token: str) -> str:
    inner = token[1:-1]
    if "\\" not in inner:
        return inner
    try:
        value = json.loads(token)
    except ValueError:
        return inner
    return value if isinstance(value, str) else inner


def locate_many(
    text: str, locs: Sequence[tuple[PathPart, ...]]
) -> dict[tuple[PathPart, ...], tuple[int, int]]:
    """(line, column) of each path's value, or of its deepest existing ancestor, in one pass."""
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    root = _trie(locs)
    offsets: dict[tuple[PathPart, ...], int] = {(): 0}
    # frame: [is_object, key, expecting_key, trie node of the container]
    stack: list[list[object]] = []
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == ",":
            top = stack[-1]
            if top[0]:
                top[2] = True
            else:
                top[1] = int(top[1]) + 1  # type: ignore[call-overload]
            continue
        if first == ":":
            continue
        if first == "}" or first == "]":
            if stack:
                stack.pop()
            continue
        node: _Trie | None
        if not stack:
            node = root
            offsets[()] = match.start()
        else:
            top = stack[-1]
            trie = top[3]
            if top[0] and top[2]:
                key = _key(token)
                top[1] = key
                top[2] = False
                entry = trie.get(key) if isinstance(trie, dict) else None
                if entry is not None:
                    offsets[entry[1]] = match.start()
                continue
            entry = trie.get(top[1]) if isinstance(trie, dict) else None
            node = entry[0] if entry is not None else None
            if entry is not None:
                offsets[entry[1]] = match.start()
        if first == "{" or first == "[":
            stack.append([first == "{", 0, first == "{", node])
    newlines = [m.start() for m in re.finditer("\n", text)]
    result: dict[tuple[PathPart, ...], tuple[int, int]] = {}
    for loc in locs:
        probe = loc
        while probe not in offsets:
            probe = probe[:-1]
        offset = offsets[probe]
        line = bisect.bisect_left(newlines, offset)
        start = newlines[line - 1] + 1 if line > 0 else 0
        result[loc] = (line + 1, offset - start + 1)
    return result
