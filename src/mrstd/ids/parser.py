"""Entry point: normalise the text, dispatch to the family grammar, compare identifiers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from mrstd.ids.chinese import looks_chinese, parse_chinese
from mrstd.ids.gost import (
    looks_gost,
    looks_gost_latin,
    parse_foreign,
    parse_gost,
    parse_gost_latin,
)
from mrstd.ids.identifier import Identifier, IdentifierError, Supplement
from mrstd.ids.international import parse_international
from mrstd.ids.urn import parse_urn

__all__ = ["normalise", "parse", "parse_cached", "same_document"]

# Hyphen-like characters seen in typeset and Chinese text (em dash in typeset GB numbers,
# full-width hyphen-minus in Chinese text; domain notes section 2).
_DASHES = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad\u30fc"), "-"
)
_WS = re.compile(r"\s+")
_AROUND = re.compile(r" ?([/:]) ?")
_CN_HEAD = re.compile(r"[A-Za-z]+\d*(?:\s*/\s*[A-Za-z]+)?")
_HYPHEN_SPACE = re.compile(r"(?<=\d)- (?=\d)")
# JIS designations typed without spaces: "JISX0902-1:2019", "TS Z0030-1:2017"
_JIS_COMPACT = re.compile(r"(JIS|(?:JIS )?T[SR])(?: ?)([A-Z]) ?(?=\d{4})")
_WORKING = re.compile(
    r"([A-Za-z0-9][A-Za-z0-9-]*(?:/[A-Z0-9]+)?/\d+[A-Z]?(?:\([A-Z]\))?)/([A-Z]+)$"
)
_REPORT = re.compile(
    r"IEC (White Paper|Technology Report|Trend Report|Technology and Market Outlook Paper) "
    r"(.+):(\d{4})$"
)
_COMMITTEE = re.compile(r"(\d+/\d+) (DC)$")
_NA = re.compile(r"NA((?:\+A\d+:\d{2,4})*) to (.+)$")
_SUPPLEMENT_TO = re.compile(r"Supplement No\. (\d+) \((\d{4})\) to (.+)$")
_DIRECTIVES = [
    (re.compile(r"Directives,? Part "), "DIR "),
    (re.compile(r"Directives,? "), "DIR "),
    (re.compile(r"Directives(?=:|$)"), "DIR"),  # "ISO/IEC JTC 1 Directives:2023"
    # "ISO/IEC Directives, Part 1, Consolidated ISO Supplement" is ISO/IEC DIR 1 ISO SUP
    (re.compile(r",? Consolidated (ISO|IEC|JTC 1) Supplement(?=:|$| )"), r" \1 SUP"),
    (re.compile(r" Supplement(?=:|$| )"), " SUP"),
]


def normalise(text: str) -> str:
    """Whitespace collapsed, dash and full-width variants folded to ASCII."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.translate(_DASHES)).translate(_DASHES)
    text = text.strip()
    if "  " in text or "\t" in text or "\n" in text:
        text = _WS.sub(" ", text)
    if " /" in text or "/ " in text or " :" in text or ": " in text:
        text = _AROUND.sub(r"\1", text)
    if "- " in text:
        text = _HYPHEN_SPACE.sub("-", text)  # "ISO/TS 10303- 1751:2014"
    return text


#: The most layers an identifier may nest (adoptions of adoptions, supplements of
#: supplements); real designations have at most four (GB/T ... /EN ISO ...).
MAX_LAYERS = 16


def parse(text: str) -> Identifier:
    """Parse one identifier; raises :class:`IdentifierError` with position and expectation."""
    try:
        ident = _parse(text)
    except RecursionError:
        raise IdentifierError(text, 0, f"an identifier of at most {MAX_LAYERS} layers") from None
    depth, current = 0, ident
    while current.adopts is not None:
        depth += 1
        current = current.adopts
        if depth > MAX_LAYERS:
            raise IdentifierError(text, 0, f"an identifier of at most {MAX_LAYERS} layers")
    return ident


def _parse(text: str) -> Identifier:
    s = normalise(text)
    if not s:
        raise IdentifierError(s, 0, "an identifier")
    if "|" in s:
        parsed = []
        offset = 0  # where the piece starts in ``s``, for the error position
        for raw in s.split("|"):
            p = raw.strip()
            start = offset + len(raw) - len(raw.lstrip())
            if not p:
                raise IdentifierError(s, start, "an identifier on each side of '|'")
            try:
                parsed.append(_parse_one(p))
            except IdentifierError as exc:
                raise IdentifierError(s, start + exc.position, exc.expected) from None
            offset += len(raw) + 1
        first = parsed[0]
        if " | " not in s:
            first = replace(first, style=first.style + "b")  # "ISO 5537|IDF 26"
        return replace(first, combined=tuple(parsed[1:]))
    return _parse_one(s)


#: How the designations of publishers outside the ISO/IEC grammar start (``parse_foreign``).
_FOREIGN_STARTS = (
    "ASTM ",
    "UNECE ",
    "ITU-",
    "IETF ",
    "RFC",
    "BCP",
    "STD",
    "FYI",
    "NISO ",
    "ANSI/NISO ",
    "OASIS ",
    "draft-",
)


def _parse_one(s: str) -> Identifier:
    c = s[0]
    if c in "uU" and s[:4].lower() == "urn:":
        return parse_urn(s)
    if looks_gost(s):
        return parse_gost(s, _parse_one)
    if c == "G" and looks_gost_latin(s):
        return parse_gost_latin(s, _parse_one)
    if " " not in s:
        m = _WORKING.match(s)
        if m is not None:
            return Identifier(
                body="IEC", publisher=("IEC",), number=m.group(1), type=m.group(2), style="pW"
            )
    if c.isdigit():
        m = _COMMITTEE.match(s)
        if m is not None:
            return Identifier(
                body="BSI", publisher=("BSI",), number=m.group(1), type=m.group(2), style="pw"
            )
    chinese_error: IdentifierError | None = None
    if c.isascii() and c.isalpha() and c not in "ue" and not s[:8].isupper():
        # hand-typed lower- or mixed-case Chinese prefixes ("gb/t 7714-2015", "Gb/T", "T/cecs")
        head = _CN_HEAD.match(s)
        if head is not None and looks_chinese(head.group().upper() + s[head.end() :]):
            s = head.group().upper() + s[head.end() :]
    if looks_chinese(s):
        try:
            return parse_chinese(s, _parse_one)
        except IdentifierError as exc:
            chinese_error = exc
    if c == "N" and s.startswith("NA"):
        m = _NA.match(s)
        if m is not None:
            return _national_annex(s, m)
    if c == "S" and s.startswith("Supplement No."):
        m = _SUPPLEMENT_TO.match(s)
        if m is not None:
            base = _parse_one(m.group(3))
            return Identifier(
                body="BSI",
                publisher=("BSI",),
                number=m.group(1),
                type="Supplement",
                year=int(m.group(2)),
                adopts=base,
                adoption="supplement-to",
                style="pT",
            )
    if c == "I" and s.startswith("IEC ") and s[4] in "WT":
        m = _REPORT.match(s)
        if m is not None:
            return Identifier(
                body="IEC",
                publisher=("IEC",),
                type=m.group(1),
                number=m.group(2),
                year=int(m.group(3)),
            )
    if "Directives" in s:
        for rx, repl in _DIRECTIVES:
            s = rx.sub(repl, s)
    if c in "JT" and (s.startswith("JIS") or s[:3] in ("TS ", "TR ")):
        j = _JIS_COMPACT.match(s)
        if j is not None:
            jis = j.group(1)
            if jis in ("TS", "TR"):
                jis = "JIS " + jis  # JSA writes "JIS TS Z 0030-1:2017"
            s = f"{jis} {j.group(2)} " + s[j.end() :]
    if s.startswith(_FOREIGN_STARTS):
        found = parse_foreign(s)
        if found is not None:
            return found
    if c == "e" and s.startswith("ep "):
        s = "EP" + s[2:]
    try:
        return parse_international(s)
    except IdentifierError as exc:
        if chinese_error is not None and chinese_error.position >= exc.position:
            raise chinese_error from None
        raise


def _national_annex(s: str, m: re.Match[str]) -> Identifier:
    sups = []
    for a in re.finditer(r"\+A(\d+):(\d{2,4})", m.group(1)):
        y = int(a.group(2))
        if y < 100:
            y += 2000 if y < 50 else 1900
        sups.append(
            Supplement(kind="Amd", number=a.group(1), year=y, consolidated=True, spelling="+A")
        )
    base = _parse_one(m.group(2))
    return Identifier(
        body="BSI",
        publisher=("BSI",),
        number="",
        type="NA",
        supplements=tuple(sups),
        adopts=base,
        adoption="annex-to",
        style="pN",
    )


@lru_cache(maxsize=65536)
def parse_cached(text: str) -> Identifier:
    """:func:`parse` with a cache, for the document model's string identifiers."""
    return parse(text)


def same_document(a: Identifier | str, b: Identifier | str) -> bool:
    """True when ``a`` and ``b`` name the same document, whatever the edition year."""
    x = parse_cached(a) if isinstance(a, str) else a
    y = parse_cached(b) if isinstance(b, str) else b
    return x.document_key == y.document_key
