"""Find the line and column of a path inside JSON text, for error messages.

Only used on the error path, so it favours simplicity over speed. It is iterative,
so deeply nested input cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..paths import PathPart

_TOKEN = re.compile(
    r"\s*(?:(?P<open>[\[{])|(?P<close>[\]}])|(?P<comma>,)|(?P<colon>:)"
    r'|(?P<string>"(?:[^"\\]|\\.)*")|(?P<scalar>[^\s,:\[\]{}"]+))',
    re.DOTALL,
)


@dataclass
class _Frame:
    is_object: bool
    key: PathPart = 0
    expecting_key: bool = False


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def locate(text: str, path: Sequence[PathPart]) -> tuple[int, int]:
    """Position of the value at ``path``; of its deepest existing ancestor if it is missing."""
    target = tuple(path)
    best, best_depth = 0, -1
    stack: list[_Frame] = []
    pos = 0
    while (match := _TOKEN.match(text, pos)) is not None and match.end() > pos:
        pos = match.end()
        kind = match.lastgroup
        start = match.start(kind or 0)
        top = stack[-1] if stack else None
        if kind == "comma" and top is not None:
            if top.is_object:
                top.expecting_key = True
            else:
                top.key = int(top.key) + 1
            continue
        if kind == "colon":
            continue
        if kind == "close":
            stack.pop()
            continue
        if top is not None and top.is_object and top.expecting_key:
            if kind == "string":
                top.key = match.group("string")[1:-1]
                top.expecting_key = False
            continue
        current = tuple(frame.key for frame in stack)
        if len(current) > best_depth and current == target[: len(current)]:
            best, best_depth = start, len(current)
            if current == target:
                break
        if kind == "open":
            is_object = match.group("open") == "{"
            stack.append(_Frame(is_object=is_object, expecting_key=is_object))
    return line_column(text, best)
