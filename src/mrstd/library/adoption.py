"""Adoptions as catalogues write them: degrees in Chinese or English, several adopted
documents in one cell, and the national platform's adoption sentences.

Degrees (GB/T 20000.2-2009, 4; ISO/IEC Guide 21-1:2005, 4.2; domain notes section 5):
等同采用 IDT (identical), 修改采用 MOD (modified), 非等效采用 NEQ (not equivalent), and 等效采用
EQV, the "equivalent" degree used before GB/T 20000.2-2001 brought in IDT / MOD / NEQ, kept
as its own degree because it is neither IDT nor MOD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["DEGREES", "Adopted", "degree_of", "parse_sentence", "split_targets"]

#: The degrees, in the order reports list them.
DEGREES = ("IDT", "MOD", "NEQ", "EQV")

#: The Chinese ways of writing a degree, the longer first, since 非等效采用 (NEQ) ends with
#: 等效采用 (EQV); they are also found inside a longer text.
_CHINESE_DEGREES = (
    ("非等效采用", "NEQ"),
    ("非等效", "NEQ"),
    ("等同采用", "IDT"),
    ("等同", "IDT"),
    ("修改采用", "MOD"),
    ("修改", "MOD"),
    ("等效采用", "EQV"),
    ("等效", "EQV"),
)
#: Every way of writing a degree, lower-cased.
_DEGREE_WORDS = (
    *_CHINESE_DEGREES,
    ("not equivalent", "NEQ"),
    ("non-equivalent", "NEQ"),
    ("identical", "IDT"),
    ("modified", "MOD"),
    ("equivalent", "EQV"),
    ("idt", "IDT"),
    ("mod", "MOD"),
    ("neq", "NEQ"),
    ("eqv", "EQV"),
    ("eq", "EQV"),
)


@lru_cache(maxsize=1024)
def degree_of(text: str) -> str | None:
    """The degree a cell states (``修改采用``, ``MOD``, ``modified``, ``(IDT)``), or None
    for an empty cell or one that states none."""
    word = text.strip().strip("()（）[]").strip().lower()
    if not word:
        return None
    for form, degree in _DEGREE_WORDS:
        if word == form:
            return degree
    for form, degree in _CHINESE_DEGREES:  # within a longer text
        if form in word:
            return degree
    return None


#: Where one adopted document ends and the next begins: Chinese and ASCII list marks,
#: 及 / 和 ("and"), line breaks, and a comma followed by what starts a designation (a
#: comma before a year, "ISO/IEC Directives Part 2,2018", is not one).
_SEPARATOR = re.compile(
    r"\s*(?:[;；、，\n]|及|和|,(?=\s*[A-Za-zА-Яа-я]{2}))\s*",
)
#: A degree written after a document inside a list (``ISO 697:19、MOD、``).
_TRAILING_DEGREE = re.compile(r"(?i)^(IDT|MOD|NEQ|EQV)$")


def split_targets(cell: str) -> list[tuple[str, str | None]]:
    """The documents one cell names, each with the degree written after it, if any."""
    out: list[tuple[str, str | None]] = []
    for piece in _SEPARATOR.split(cell):
        piece = piece.strip().strip("。.")
        if not piece:
            continue
        if _TRAILING_DEGREE.match(piece) and out:
            out[-1] = (out[-1][0], piece.upper())
            continue
        out.append((piece, None))
    return out


@dataclass(frozen=True)
class Adopted:
    """One adopted document read from a sentence."""

    target: str
    degree: str


#: "本标准修改采用ISO国际标准：ISO 16030:2022。" and its variants (其他国际标准, 国际标准).
_SENTENCE = re.compile(
    r"本(?:标准|部分|文件)(非等效|等同|修改|等效)采用(?P<kind>[^：:。]{0,20}?)[：:](?P<targets>.*?)。",
    re.DOTALL,
)
_NONE = "无国际标准"


def parse_sentence(text: str) -> tuple[list[Adopted], bool]:
    """The adopted documents an adoption sentence names, and whether the text was one (a
    cell holding other text, such as the drafting organisations, gives ``([], False)``)."""
    found = _SENTENCE.search(text)
    if found is None:
        return [], _NONE in text
    degree = degree_of(found[1])
    assert degree is not None
    adopted = [Adopted(target, own or degree) for target, own in split_targets(found["targets"])]
    return adopted, True
