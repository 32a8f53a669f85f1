"""Prescribed texts (the foreword's standard sentences, the patent statement): recognised so
that they are neither counted as provisions nor read by the wording rules.

The texts, with their sources, are in ``mrstd/data/boilerplate.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

#: What stands for a varying part of a prescribed sentence ("{date}", "{body}").
_PLACEHOLDER = re.compile(r"\{[a-z]+\}")
#: Characters written in more than one way in real documents.
_VARIANTS = {"'": "['\u2019]", "\u2019": "['\u2019]", "-": "[-\u2010\u2011]"}
#: What a placeholder matches: a dash of any kind, a web address, or (any other) a phrase.
_HOLES = {"{dash}": "[-\u2012\u2013\u2014]", "{url}": r"\S*[^\s.)]"}


@dataclass(frozen=True)
class Prescribed:
    """One prescribed sentence: its id, where it is prescribed, and its pattern."""

    id: str
    source: str
    text: str
    pattern: re.Pattern[str]


def _compile(text: str) -> re.Pattern[str]:
    parts: list[str] = []
    pos = 0
    for hole in _PLACEHOLDER.finditer(text):
        parts.append(_literal(text[pos : hole.start()]))
        parts.append(_HOLES.get(hole.group(), r"[^.。]+?"))
        pos = hole.end()
    parts.append(_literal(text[pos:]))
    return re.compile("".join(parts))


def _literal(text: str) -> str:
    out: list[str] = []
    for word in re.split(r"(\s+)", text):
        if not word:
            continue
        if word.isspace():
            out.append(r"\s+")
            continue
        out.append("".join(_VARIANTS.get(char) or re.escape(char) for char in word))
    return "".join(out)


@cache
def prescribed() -> tuple[Prescribed, ...]:
    """Every prescribed sentence mrstd knows."""
    data = resources.files("mrstd").joinpath("data/boilerplate.yaml").read_text("utf-8")
    entries = yaml.safe_load(data)
    return tuple(
        Prescribed(entry["id"], entry["source"], entry["text"], _compile(entry["text"]))
        for entry in entries
    )


@cache
def _any() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern.pattern})" for p in prescribed()))


@cache
def _anchors() -> tuple[str, ...]:
    """A piece of each prescribed sentence that any text holding it holds as written: the
    start of its longest word (words are matched as written; only the space between them
    varies). Most text holds none, and checking them costs a fraction of the patterns."""
    anchors = set()
    for entry in prescribed():
        literal = _PLACEHOLDER.sub(" ", entry.text)
        anchors.add(max(re.findall(r"[^\W\d_]+", literal), key=len)[:8])
    return tuple(sorted(anchors))


def _may_hold(text: str) -> bool:
    return any(anchor in text for anchor in _anchors())


def without_prescribed(text: str) -> str:
    """``text`` with each prescribed sentence in it blanked out (the same length, so that
    offsets into it still hold)."""
    if not _may_hold(text):
        return text
    return _any().sub(lambda m: " " * len(m.group()), text)


def prescribed_in(sentence: str) -> Prescribed | None:
    """The prescribed sentence ``sentence`` is, if it is one."""
    if not _may_hold(sentence) or _any().search(sentence) is None:
        return None
    for entry in prescribed():
        match = entry.pattern.search(sentence)
        if match is None:
            continue
        # The sentence is the prescribed one, give or take space and a number ("9)" in IEC).
        before, after = sentence[: match.start()], sentence[match.end() :]
        if not _LEAD.fullmatch(before) and not after.strip():
            continue
        if _LEAD.fullmatch(before) and not after.strip(" \t\n.。"):
            return entry
    return None


#: What may stand before a prescribed sentence: space, or the item number of a list ("9) ").
_LEAD = re.compile(r"\s*(?:\d+\)\s*)?")
