"""Grammar shared by ISO, IEC, CEN/CENELEC, BSI, DIN and JIS designations.

A designation is ``PREFIX NUMBER[-PART][.ITERATION][:YEAR[-MM]][(LANG)] SUPPLEMENTS TRAILER``.

- PREFIX is one or more *layers* separated by spaces (prefix stacking for adoptions,
  domain notes section 1: ``BS EN ISO 9001``); inside a layer co-publishers are joined by
  ``/`` (``ISO/IEC/IEEE``), followed by a draft stage (``CD``, ``DIS``, ``FDIS``; domain notes
  section 4) and a document type (``TS``, ``TR``, ``PAS``, ``Guide``...).
- SUPPLEMENTS chain with ``/`` (Amd, Cor, draft DAmd/FDAmd ...) or ``+`` (consolidated,
  IEC CSV and CEN ``+A1``); each may carry a draft stage and an iteration.
- TRAILER: edition (``ED2``, ``Edition 13``), IEC value-added codes (``CSV``, ``RLV``), BSI
  ``ExComm``/``PDF``/``- TC`` and ``(all parts)``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mrstd.ids.identifier import Identifier, IdentifierError, Supplement

__all__ = ["parse_international"]

INTERNATIONAL = frozenset(
    [
        "ISO",
        "IEC",
        "CEI",
        "IEEE",
        "ASTM",
        "CIE",
        "HL7",
        "SAE",
        "IDF",
        "OIML",
        "ITU",
        "ASME",
        "API",
        "IULTCS",
        "UNECE",
        "OECD",
        "CISPR",
        "IECEE",
        "IECEx",
        "IECQ",
        "IECRE",
        "JTC",
        "ISA",
        "NACE",
        "IUPAC",
        "IIW",
        "HL7",
        "UNDP",
    ]
)
REGIONAL = frozenset(
    ["EN", "HD", "ENV", "CR", "CEN", "CLC", "CENELEC", "CWA", "ETSI", "ES", "ETS", "EG"]
)
NATIONAL = frozenset(
    [
        "BS",
        "DIN",
        "VDE",
        "ÖNORM",
        "OENORM",
        "ÖVE",
        "OVE",
        "NF",
        "UNE",
        "SN",
        "SS",
        "NS",
        "DS",
        "SFS",
        "PN",
        "NEN",
        "UNI",
        "CSN",
        "ČSN",
        "STN",
        "NBN",
        "ELOT",
        "MSZ",
        "SIST",
        "LST",
        "EVS",
        "LVS",
        "BDS",
        "HRN",
        "CYS",
        "ILNAS",
        "JIS",
        "KS",
        "AS",
        "NZS",
        "ANSI",
        "SANS",
        "EP",
        "DISC",
        "BSI",
    ]
)
PUBLISHERS = INTERNATIONAL | REGIONAL | NATIONAL
#: What a national layer can adopt when it is joined to it by a hyphen ("UNE-EN", "SS-ISO").
_ADOPTABLE = INTERNATIONAL | REGIONAL
#: Publishers that date a designation with a hyphen instead of a colon ("IEEE 802.3-2018",
#: "ANSI/ISA-62443-3-3-2013"). ASTM's two-digit form is read with the foreign designations.
DASH_DATED = frozenset({"IEEE", "ISA"})
STAGES = frozenset(
    [
        "PWI",
        "NP",
        "AWI",
        "WD",
        "CD",
        "DIS",
        "FDIS",
        "PRF",
        "CDV",
        "FCD",
        "NWIP",
        "PreCD",
        "preCD",
        "PDAM",
        "ANW",
        "FD",
        "Draft",
        "DP",
        "PNW",
    ]
)
FUSED = {
    "DTS": "TS",
    "DTR": "TR",
    "PDTS": "TS",
    "PDTR": "TR",
    "FDTS": "TS",
    "FDTR": "TR",
    "DPAS": "PAS",
    "FDPAS": "PAS",
    "DTTA": "TTA",
    "DGuide": "Guide",
    "DGUIDE": "Guide",
    "FDGuide": "Guide",
    "FDGUIDE": "Guide",
    "DISP": "ISP",
    "CDPAS": "PAS",
    # IEC draft supplements and interpretation sheets written as the document type
    # ("IEC/FDAM 60038-1", "IEC/CDCor 60038-1", "IEC DISH 60050-191")
    "FDAM": "AMD",
    "CDAM": "AMD",
    "CDCor": "Cor",
    "DISH": "ISH",
    "CDISH": "ISH",
}
TYPES = {
    "TS": "TS",
    "TR": "TR",
    "PAS": "PAS",
    "Guide": "Guide",
    "GUIDE": "Guide",
    "IWA": "IWA",
    "DIR": "DIR",
    "R": "R",
    "ISP": "ISP",
    "TTA": "TTA",
    "SRD": "SRD",
    "SPEC": "SPEC",
    "RM": "RM",
    "TRF": "TRF",
    "OD": "OD",
    "AD": "AD",
    "GD": "GD",
    "CA": "CA",
    "ACEE": "ACEE",
    "Flex": "Flex",
    "DATA": "DATA",
}
# BSI document types that stand in place of the "BS" prefix.
BSI_TYPES = frozenset({"PD", "DD", "PP", "HB", "Handbook", "TS", "PAS", "AMD"})

_BODY_OF = {
    "ISO": "ISO",
    "IWA": "ISO",
    "IEC": "IEC",
    "CEI": "IEC",
    "CISPR": "IEC",
    "IECEE": "IEC",
    "IECEx": "IEC",
    "IECQ": "IEC",
    "IECRE": "IEC",
    "EN": "CEN",
    "HD": "CEN",
    "ENV": "CEN",
    "CR": "CEN",
    "CEN": "CEN",
    "CLC": "CEN",
    "CENELEC": "CEN",
    "CWA": "CEN",
    "BS": "BSI",
    "BSI": "BSI",
    "DISC": "BSI",
    "EP": "BSI",
    "DIN": "DIN",
    "VDE": "DIN",
    "JIS": "JIS",
}

_WORD = re.compile(r"[^\W\d_]+")
_SERIES = re.compile(r"(\d?[A-Z]{1,3}|CECC) (?=[A-Z]?\d)")
_NUMBER = re.compile(r"\d+[A-Za-z]*")
# IEC publications named by a word ("IEC GIORGI:2001", "IEC CENT-CHAL:2006", "IEC HANDB1")
# and IEC working-document numbers ("PNW TS SYCLVDC-125")
_ALPHA_NUMBER = re.compile(r"[A-Z][A-Z0-9]{2,}(?:-[A-Z]+)*(?=[-:]|$)")
_BUNDLE = re.compile(r"(?:-|,| to | TO | and | & |; )(?:BS )?(?:\d?[A-Z]{1,3} )?\d+(?=[:+ ]|$|;)")
_LETTER_BUNDLE = re.compile(r"(?: & | and |,)[A-Z](?=$|[:+ /])")
_BUNDLE_SPACE = re.compile(r"(?:-|; | to | TO | and | & )(?:BS )?(?:\d?[A-Z]{1,3} )")
_PART = re.compile(r"-([A-Za-z0-9_]+(?:,[A-Za-z0-9]+)*)")
_BSI_PART = re.compile(r"-([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)")
_SHEET = re.compile(r"/(\d+)(?=[:/ ]|$|-(?:19|20)\d\d(?!\d))")
_ITER = re.compile(r"\.(\d+)")
_YEAR = re.compile(r":(\d{4})(?:-(\d{2}))?(?![\d])")
_YEAR2 = re.compile(r":(\d{2})(?![\d])")
_LANG = re.compile(r"\(((?:[a-z]{2}(?:,(?:[a-z]{2}|other))*)|(?:[A-Z](?:/[A-Z])*))\)")
_SUPP = re.compile(
    r"(?P<j>[/+]| \+ |, | - | )(?P<st>(?:PWI|NP|AWI|WD|CD|PRF|DIS|FDIS) )?"
    r"(?P<pre>FPD|FD|PD|pD|D|F)?"
    r"(?P<k>AMENDMENT|CORRIGENDUM|CORR|EXPLANATION|EXPL|Addendum|Amd|AMD|AM|Cor|COR|Add|ADD|"
    r"Suppl|SUPPL|Ext|EXT|ISH|FRAGC|FRAG|AD|AC|A)"
    r"(?P<dot>\.)?(?P<sp> )?(?P<num>\d+|(?<=AMD )[A-Z]{2}(?![A-Za-z]))?"
)
_KIND = {
    "AMENDMENT": "Amd",
    "Amd": "Amd",
    "AMD": "Amd",
    "AM": "Amd",
    "A": "Amd",
    "Cor": "Cor",
    "COR": "Cor",
    "CORRIGENDUM": "Cor",
    "AC": "Cor",
    "Add": "Add",
    "ADD": "Add",
    "Suppl": "Suppl",
    "SUPPL": "Suppl",
    "Ext": "Ext",
    "EXT": "Ext",
    "ISH": "ISH",
    "Addendum": "Add",
    "AD": "Add",
    "CORR": "Cor",
    "EXPLANATION": "EXPL",
    "EXPL": "EXPL",
    "FRAG": "FRAG",
    "FRAGC": "FRAGC",
}
_BSI_DIV = re.compile(
    r"(?P<j>:| )(?P<k>Addendum No\. ?|Addendum |Supplement No\. ?|Supplement |Sections? |Methods? |"
    r"Index Issue |Supplementary Index|Index|Parts? )"
    r"(?P<num>[0-9A-Z]+(?:\.[0-9A-Z]+)*(?:(?: to | and )[0-9A-Z]+(?:\.[0-9A-Z]+)*)?)?"
)
_DIVISION = re.compile(r":([A-Z][A-Z0-9]*\d[A-Z0-9]*)(?=:)")
_DETAIL = re.compile(r" ([A-Z]\d+(?:-\d+)?(?: to \d+)?)(?=:|$)")
_EDITION = re.compile(r" (?:ED ?|Ed\.? ?|Edition )(\d+(?:\.\d+)?)")
_VERSION = re.compile(r" v(\d+(?:\.\d+)*)")
_QUALIFIER = re.compile(
    r" (CSV|RLV|CMV|SER|EXV-CMV|EXV|PAC|PRV|DB|ExComm|Expert Commentary|PDF|- TC|TC|FRAG\d+|"
    r"\([A-Z][a-z]+\))(?=$| |/)"
)
_ALL_PARTS = re.compile(r" ?\((?:all parts|規格群)\)")
# JSA catalogue entries: a revision mark glued to the year ("JIS C 9901:2019R") and the
# symbol of an amendment sheet (" SYMBOL 51590")
_JIS_MARK = re.compile(r"R(?=$|/| )")
_JIS_SYMBOL = re.compile(r" SYMBOL (.+)$")
_BSI_AMENDMENT = re.compile(
    r" Amendment (\d+):(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) (\d{4})"
)
_PAREN_DATE = re.compile(r" \((0[1-9]|1[0-2])/(\d{2}|\d{4})\)")
_IEC_SHEET = re.compile(r"/(\d+):(\d{4})")
_DIR_SUP = re.compile(r"( \+)? (ISO|IEC|JTC 1)(?: (SUP))?")


class _Layer:
    __slots__ = ("pubs", "stage", "style", "type")

    def __init__(self) -> None:
        self.pubs: list[str] = []
        self.stage: str | None = None
        self.type: str | None = None
        self.style = ""

    def empty(self) -> bool:
        return not self.pubs and self.stage is None and self.type is None


_GLUED = frozenset({"TR", "TS", "PAS"})
_CEN_DRAFTS = frozenset(
    pre + code
    for pre in ("pr", "Fpr")
    for code in ("EN", "HD", "CEN", "CLC", "ISO")  # "FprISO 105-A03": CEN vote on an ISO text
)


def _body(pubs: list[str], typ: str | None) -> str:
    if pubs:
        return _BODY_OF.get(pubs[0], pubs[0])
    if typ == "IWA":
        return "ISO"
    return "BSI"


def _two_digit(y: int) -> int:
    return y + (2000 if y < 50 else 1900)


def parse_international(text: str) -> Identifier:
    """Parse ``text`` (already normalised: single spaces, ASCII dashes)."""
    layers, pos = _prefix(text)
    inner, pos = _designation(text, pos, layers[-1])
    if pos != len(text):
        raise IdentifierError(text, pos, _expected_after(inner))
    if len(layers) == 1:
        return inner
    # What belongs to one layer stays on it and the layers that adopt it: DIN's month is
    # DIN's alone, and a CEN corrigendum ("/AC:2016") is CEN's own and adopts nothing at ISO.
    bodies = [_body(layer.pubs, layer.type) for layer in layers]
    cen = bodies.index("CEN") if "CEN" in bodies else len(layers)
    # Below CEN, an adopted amendment is spelled as its own publisher spells it.
    below_cen = tuple(
        replace(s, spelling="") if s.spelling.lstrip("/+ ").startswith("A") else s
        for s in inner.supplements
        if not _cen_own(s)
    )

    def own(i: int, ident: Identifier) -> Identifier:
        supplements = inner.supplements if i <= cen else below_cen
        month = inner.month if i == 0 else None
        return replace(ident, supplements=supplements, month=month)

    ident = own(len(layers) - 1, inner)
    for i in range(len(layers) - 2, -1, -1):
        ident = own(i, _wrap(layers[i], ident))
    return ident


def _cen_own(supplement: Supplement) -> bool:
    """A CEN corrigendum, written ``AC`` (CEN numbers its own corrigenda so)."""
    return supplement.spelling.lstrip("/+ ").startswith("AC")


def _expected_after(ident: Identifier) -> str:
    if ident.year is None and not ident.supplements:
        return "':' and a year, a part, a supplement (/Amd, /Cor) or end of identifier"
    return "a supplement (/Amd, /Cor, +AMD), an edition, or end of identifier"


def _wrap(layer: _Layer, inner: Identifier) -> Identifier:
    pubs, style = _layer_publishers(layer)
    return replace(
        inner,
        body=_body(layer.pubs, layer.type),
        publisher=pubs,
        type=layer.type,
        stage=layer.stage,
        style=style,
        adopts=inner,
        adoption="stack",
        combined=(),
    )


def _layer_publishers(layer: _Layer) -> tuple[tuple[str, ...], str]:
    style = layer.style
    pubs = layer.pubs
    if not pubs:
        if layer.type == "IWA":
            return ("ISO",), style + "p"
        return ("BSI",), style + "p"
    if pubs == ["EP"]:
        return ("BS",), style
    return tuple(pubs), style


def _prefix(text: str) -> tuple[list[_Layer], int]:
    layers: list[_Layer] = []
    cur = _Layer()
    pos = 0
    sep = " "
    n = len(text)
    while pos < n:
        m = _WORD.match(text, pos)
        if m is None:
            break
        word = m.group()
        end = m.end()
        nxt = text[end] if end < n else ""
        if word == "HL" and nxt == "7":
            word, end = "HL7", end + 1
            nxt = text[end] if end < n else ""
        if nxt not in (" ", "/", "-", "") and not (word == "DIR" and nxt == ":"):
            if nxt.isdigit() and sep == "/" and word in _GLUED and cur.type is None:
                # type glued to the number ("ISO/TR27809:2007"): the number starts here
                cur.type = word
                pos = end
                sep = ""
            break
        if word in _CEN_DRAFTS:
            stage, word = ("Fpr", word[3:]) if word[0] == "F" else ("pr", word[2:])
            if not cur.empty():
                layers.append(cur)
                cur = _Layer()
            cur.pubs = [word]
            cur.stage = stage
        elif word == "JTC" and cur.pubs and text.startswith("JTC 1", pos):
            cur.pubs.append("JTC 1")
            end = pos + 5
            nxt = text[end] if end < n else ""
        elif word in PUBLISHERS:
            if (
                sep == "-"
                and word in _ADOPTABLE
                and cur.pubs
                and cur.stage is None
                and cur.type is None
                and all(p in NATIONAL for p in cur.pubs)
            ):
                # A national layer joined to what it adopts by a hyphen: "UNE-EN ISO 9001",
                # "PN-ISO 9001", "SFS-EN 1234" (domain notes section 1: prefixes stack)
                cur.style += "j"
                layers.append(cur)
                cur = _Layer()
                cur.pubs = [word]
            elif (
                cur.pubs
                and sep in "/-"
                and cur.stage is None
                and (cur.type is None or "g" in cur.style)
            ):
                cur.pubs.append(word)
            elif cur.pubs == ["DIN"] and word == "VDE" and sep == " ":
                cur.pubs.append(word)  # DIN VDE: one joint publication, written with a space
                cur.style += "s"
            elif not cur.empty():
                if not cur.pubs and cur.stage == "Draft" and cur.type is None:
                    cur.pubs = [word]  # "Draft BS 9999:2021"
                elif not cur.pubs and cur.type in ("Guide", "GUIDE") and cur.stage is None:
                    cur.pubs = [word]  # "Guide ISO 34": type written before the publisher
                    cur.style += "g"
                else:
                    layers.append(cur)
                    cur = _Layer()
                    cur.pubs = [word]
            else:
                cur.pubs = [word]
        elif word in STAGES and cur.stage is None and cur.type is None:
            cur.stage = word
            if sep == "/" and len(cur.pubs) == 1:
                cur.style += "l"
        elif word in FUSED and cur.stage is None and cur.type is None:
            cur.stage = word
            cur.type = FUSED[word]
            if sep == "/" and len(cur.pubs) == 1:
                cur.style += "l"
        elif word in TYPES and cur.type is None:
            typ = TYPES[word]
            if word == "GUIDE":
                cur.style += "UC"
            if cur.pubs == ["ISO"] and sep == " " and typ != "Guide" and cur.stage is None:
                cur.style += "S"
            if nxt == "-":
                cur.style += "h"
            if sep == "/" and len(cur.pubs) == 1:
                cur.style += "L"
            if typ == "IWA":
                cur.style += "p"
            if typ == "Guide" and cur.pubs and cur.pubs[0] == "IEC":
                cur.style += "U"
            cur.type = typ
            if typ == "DIR":
                pos = end + (1 if nxt == " " else 0)
                break
        elif (
            word in BSI_TYPES
            and cur.type is None
            and (not cur.pubs or cur.pubs == ["DISC"])
            and cur.stage is None
        ):
            if word == "TS" and _SERIES.match(text, end + 1) and not cur.pubs:
                # JIS technical specification "TS A 0007" (no JIS prefix in JSA records)
                cur.pubs = []
                cur.type = "TS"
                cur.style += "J"
            else:
                cur.type = word
        else:
            break
        pos = end
        if nxt == "/" or nxt == " " or nxt == "-":
            sep = nxt
            pos += 1
        else:
            sep = ""
            break
    if not cur.empty():
        layers.append(cur)
    if not layers:
        raise IdentifierError(text, 0, "a publisher prefix (ISO, IEC, EN, BS, DIN, JIS, GB ...)")
    # back up over a separator that was followed by the number
    if pos > 0 and pos <= len(text) and text[pos - 1] in " /-" and sep:
        pass
    for i, layer in enumerate(layers):
        if not layer.pubs and not layer.type and i != len(layers) - 1:
            raise IdentifierError(text, 0, "a publisher before the stage")
        if not layer.pubs and layer.stage and not layer.type:
            raise IdentifierError(text, 0, "a publisher (ISO, IEC ...) before the stage")
    return layers, pos


def _designation(text: str, pos: int, layer: _Layer) -> tuple[Identifier, int]:
    pubs, style = _layer_publishers(layer)
    body = _body(layer.pubs, layer.type)
    typ = layer.type
    if not layer.pubs and typ in ("TR", "TS") and re.match(r"[A-Z] \d", text[pos:]):
        style += "J"
    if "J" in style:
        body = "JIS"
        pubs = ("JIS",)
        style = style.replace("p", "")
    if body == "CEN" and "U" in style:
        style = style.replace("U", "")
    if not layer.pubs and layer.stage in ("PNW", "PWI"):
        body = "IEC"  # IEC working documents: "PNW TS SYCLVDC-125 ED1"
    if typ == "DIR":
        return _directives(text, pos, pubs, style, layer)
    if layer.pubs and (
        layer.pubs[0] in DASH_DATED or (layer.pubs[0] == "ANSI" and layer.pubs[1:2] in _ANSI_DASH)
    ):
        return _dash_dated(text, pos, pubs, body, style, layer)
    n = len(text)
    series = None
    m = _SERIES.match(text, pos)
    if m is not None and (body in ("JIS", "BSI") or m.group(1) == "CECC"):
        series = m.group(1)
        pos = m.end()
    m = _NUMBER.match(text, pos)
    if m is None and body == "IEC":
        m = _ALPHA_NUMBER.match(text, pos)
    if m is None:
        raise IdentifierError(text, pos, "a document number")
    number = m.group()
    pos = m.end()
    if body == "BSI":
        while True:
            b = _BUNDLE.match(text, pos)
            if b is None or (b.group().startswith("-") and not _BUNDLE_SPACE.match(text, pos)):
                break
            number += b.group()
            pos = b.end()
    part = None
    parts: list[str] = []
    while pos < n and text[pos] == "-":
        p = (_BSI_PART if body == "BSI" else _PART).match(text, pos)
        if p is None:
            break
        if _YEAR_AT_END_R(text, p, typ):
            break
        parts.append(p.group(1))
        pos = p.end()
    if parts:
        part = "-".join(parts)
    if body == "BSI" and part is not None:
        lb = _LETTER_BUNDLE.match(text, pos)
        if lb is not None:
            part += lb.group()  # "BS 1234-3A & B": parts 3A and 3B in one designation
            pos = lb.end()
    if body == "BSI":
        while True:
            b = _BUNDLE.match(text, pos)
            if b is None or b.group().startswith("-"):
                break
            part = (part or "") + b.group() if part is not None else None
            if part is None:
                number += b.group()
            pos = b.end()
    s = _SHEET.match(text, pos)
    if (s is not None and not text.startswith("/", pos + len(s.group()))) or (
        s is not None and text[s.end() : s.end() + 1] == ":"
    ):
        if body == "ISO" and part is None:
            part = s.group(1)  # pre-1980 ISO parts were written "/n": "ISO 5843/6" = ISO 5843-6
        elif part is not None:
            part += "/" + s.group(1)
        else:
            number += "/" + s.group(1)
        pos = s.end()
    iteration = None
    it = _ITER.match(text, pos)
    if it is not None:
        if layer.stage is not None:
            iteration = int(it.group(1))
            pos = it.end()
        else:
            part = (part + "." if part is not None else "") + it.group(1)
            if len(parts) == 0:
                number, part = number + "." + it.group(1), None
            pos = it.end()
    edition = None
    v = _VERSION.match(text, pos)
    if v is not None:
        edition = v.group(1)
        style += "V"
        pos = v.end()
    d = _DETAIL.match(text, pos)
    supplements: list[Supplement] = []
    if d is not None and body == "BSI" and part is None:
        number += d.group()  # detail specification of a BS 9000 family generic spec
        pos = d.end()
    year = month = None
    y = _YEAR.match(text, pos)
    if y is None and typ == "R" and pos < n and text[pos] == "-":
        y = _R_YEAR.match(text, pos)
    if y is not None:
        year = int(y.group(1))
        month = _month(text, y)
        pos = y.end()
        if body == "JIS" and text.startswith("R", pos):
            mk = _JIS_MARK.match(text, pos)
            if mk is not None:
                style += "Y"
                pos = mk.end()
    language = None
    lg = _LANG.match(text, pos)
    if lg is not None:
        language = lg.group(1)
        pos = lg.end()
    v = _VERSION.match(text, pos)
    if v is not None and edition is None:
        edition = v.group(1)
        style += "v"
        pos = v.end()
    qualifiers: list[str] = []
    pos = _supplements(text, pos, body, supplements, qualifiers)
    all_parts = False
    ap = _ALL_PARTS.match(text, pos)
    if ap is not None:
        all_parts = True
        if "\u898f" in ap.group():
            style += "K"  # JSA writes "（規格群）"
        pos = ap.end()
    e = _EDITION.match(text, pos)
    if e is not None and edition is None:
        edition = e.group(1)
        if e.group().startswith(" Edition"):
            style += "E"
        if qualifiers:
            style += "q"  # "IEC 61666:2010 CSV ED2": the edition follows the CSV code
        pos = e.end()
        ap = _ALL_PARTS.match(text, pos)
        if ap is not None and not all_parts:
            all_parts = True
            pos = ap.end()
        if language is None:
            lg = _LANG.match(text, pos)
            if lg is not None:
                # "…/Cor 1:2012 ED2(fr)": the language follows the edition statement
                language = lg.group(1)
                style += "n"
                pos = lg.end()
        before = len(supplements)
        pos = _supplements(text, pos, body, supplements, qualifiers)
        if before == 0 and supplements:
            style += "e"  # edition of the base written before its supplements
    if body == "JIS":
        sy = _JIS_SYMBOL.match(text, pos)
        if sy is not None:
            qualifiers.append("SYMBOL " + sy.group(1))
            pos = sy.end()
    while True:
        q = _QUALIFIER.match(text, pos)
        if q is None:
            break
        qualifiers.append(q.group(1))
        pos = q.end()
        pos = _supplements(text, pos, body, supplements, qualifiers)
    ident = Identifier(
        body=body,
        publisher=pubs,
        number=number,
        type=typ,
        stage=layer.stage,
        iteration=iteration,
        series=series,
        part=part,
        year=year,
        month=month,
        supplements=tuple(supplements),
        edition=edition,
        language=language,
        qualifiers=tuple(qualifiers),
        all_parts=all_parts,
        style=style,
    )
    return ident, pos


def _month(text: str, m: re.Match[str]) -> int | None:
    """The month of a ``:YYYY-MM`` date (DIN dates its editions by month), checked."""
    found = m.group(2)
    if not found:
        return None
    month = int(found)
    if not 1 <= month <= 12:
        raise IdentifierError(text, m.start(2), "a month from 01 to 12")
    return month


_ANSI_DASH = [[name] for name in DASH_DATED]
_DASH_NUMBER = re.compile(r"[A-Z]?\d+[A-Za-z]*(?:\.\d+[A-Za-z]*)*")
_DASH_YEAR = re.compile(r"-((?:19|20)\d\d)(?![\w.])")
_DASH_PART = re.compile(r"-(?!(?:19|20)\d\d(?![\w.]))([0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)")


def _dash_dated(
    text: str, pos: int, pubs: tuple[str, ...], body: str, style: str, layer: _Layer
) -> tuple[Identifier, int]:
    """IEEE and ISA designations: ``IEEE Std 802.3-2018``, ``ANSI/ISA-62443-3-3-2013``. The
    number may hold dots, parts follow hyphens, and a final four-digit year is the date."""
    if text[pos - 1 : pos] == "-":
        style += "h"  # "ISA-62443": the publisher joined to the number by a hyphen
    if text.startswith("Std ", pos):
        style += "t"  # IEEE's "Std" word, kept as written
        pos += 4
    m = _DASH_NUMBER.match(text, pos)
    if m is None:
        raise IdentifierError(text, pos, "a document number")
    number = m.group()
    pos = m.end()
    parts: list[str] = []
    while (p := _DASH_PART.match(text, pos)) is not None:
        parts.append(p.group(1))
        pos = p.end()
    year = month = None
    y = _DASH_YEAR.match(text, pos)
    if y is not None:
        year = int(y.group(1))
        style += "d"
        pos = y.end()
    else:
        y = _YEAR.match(text, pos)
        if y is not None:
            year, month = int(y.group(1)), _month(text, y)
            pos = y.end()
    supplements: list[Supplement] = []
    qualifiers: list[str] = []
    pos = _supplements(text, pos, body, supplements, qualifiers)
    ident = Identifier(
        body=body,
        publisher=pubs,
        number=number,
        type=layer.type,
        stage=layer.stage,
        part="-".join(parts) or None,
        year=year,
        month=month,
        supplements=tuple(supplements),
        qualifiers=tuple(qualifiers),
        style=style,
    )
    return ident, pos


_R_YEAR = re.compile(r"-(\d{4})()(?=$| - |/)")


def _YEAR_AT_END_R(text: str, p: re.Match[str], typ: str | None) -> bool:
    # ISO/R designations were dated with a hyphen ("ISO/R 170-1960")
    return (
        typ == "R"
        and _R_YEAR.match(text, p.start()) is not None
        and len(p.group(1)) == 4
        and p.group(1)[:2] == "19"
    )


def _supplements(
    text: str, pos: int, body: str, out: list[Supplement], qualifiers: list[str]
) -> int:
    n = len(text)
    while pos < n:
        c = text[pos]
        if c in "/+ ,":
            m = _SUPP.match(text, pos)
            if m is not None:
                k = m.group("k")
                j = m.group("j")
                if (
                    (m.group("num") is None and k != "AC")
                    or (j == " " and k != "AMD")
                    or ((j == " - ") != (k == "Addendum"))
                    or (
                        m.group("num") is None
                        and k == "AC"
                        and text[m.end() : m.end() + 1] not in (":", "", "+", "/")
                    )
                ):
                    m = None
            if m is not None:
                pos = _one_supplement(text, m, out)
                continue
            if c == " " and text.startswith(" CSV", pos) and body == "IEC":
                qualifiers.append("CSV")
                pos += 4
                continue
        if body == "IEC" and c == "/":
            sh = _IEC_SHEET.match(text, pos)
            if sh is not None:
                # IEC sheet issued for a dated edition: "IEC 60695-2-1:2013/1:2014"
                out.append(
                    Supplement(
                        kind="Sheet", number=sh.group(1), year=int(sh.group(2)), spelling="/"
                    )
                )
                pos = sh.end()
                continue
        if body == "BSI" and c == " ":
            ba = _BSI_AMENDMENT.match(text, pos)
            if ba is not None:
                # "BS 7671 Amendment 2:August 2013" is the consolidated BS 7671+A2:2013
                out.append(
                    Supplement(
                        kind="Amd",
                        number=ba.group(1),
                        year=int(ba.group(2)),
                        consolidated=True,
                        spelling="+A",
                    )
                )
                pos = ba.end()
                continue
        if body == "BSI" and c in ": ":
            b = _BSI_DIV.match(text, pos)
            if b is not None:
                num = b.group("num")
                spelling = b.group("j") + b.group("k")
                kind = b.group("k").split(" ")[0].rstrip(".")
                sup = Supplement(kind=kind, number=num, spelling=spelling)
                pos = b.end()
                y = _YEAR.match(text, pos)
                if y is not None:
                    sup = replace(sup, year=int(y.group(1)))
                    pos = y.end()
                out.append(sup)
                continue
            dv = _DIVISION.match(text, pos)
            if dv is not None:
                sup = Supplement(kind="Division", number=dv.group(1), spelling=":")
                pos = dv.end()
                y = _YEAR.match(text, pos)
                if y is not None and not _DIVISION.match(text, pos):
                    sup = replace(sup, year=int(y.group(1)))
                    pos = y.end()
                out.append(sup)
                continue
        break
    return pos


def _one_supplement(text: str, m: re.Match[str], out: list[Supplement]) -> int:
    joiner = m.group("j")
    word_stage = m.group("st")
    pre = m.group("pre")
    kind_word = m.group("k")
    stage: str | None = None
    if word_stage:
        stage = word_stage.strip()
    elif pre:
        stage = {"F": "FD"}.get(pre, pre)
    spelling_pre = "FD" if pre == "F" else (pre or "")
    spelling = joiner + (word_stage or "") + spelling_pre + kind_word + (m.group("sp") or "")
    if m.group("dot"):
        spelling = joiner + (word_stage or "") + spelling_pre + kind_word + " "
    if kind_word == "Addendum":
        spelling = "/Add "  # "ISO/R 91:1970 - Addendum 1" is ISO/R 91:1970/Add 1
    num = m.group("num")
    pos = m.end()
    iteration = year = month = None
    it = _ITER.match(text, pos)
    if it is not None:
        iteration = int(it.group(1))
        pos = it.end()
    y = _YEAR.match(text, pos)
    if y is not None:
        year = int(y.group(1))
        month = _month(text, y)
        pos = y.end()
    else:
        y2 = _YEAR2.match(text, pos)
        if y2 is not None:
            year = _two_digit(int(y2.group(1)))
            pos = y2.end()
    dating = ""
    if year is None:
        pd = _PAREN_DATE.match(text, pos)
        if pd is not None:
            # a month and year in parentheses, as BSI dates amendments: "Amd 1 (09/15)"
            month = int(pd.group(1))
            year = int(pd.group(2)) if len(pd.group(2)) == 4 else _two_digit(int(pd.group(2)))
            dating = f" (%02d/{pd.group(2)})"
            pos = pd.end()
    mark = ""
    if year is not None and text.startswith("R", pos) and _JIS_MARK.match(text, pos):
        mark = "R"
        pos += 1
    language = None
    lg = _LANG.match(text, pos)
    if lg is not None:
        language = lg.group(1)
        pos = lg.end()
    edition = None
    e = re.compile(r" ED(\d+(?:\.\d+)?)(?=/|$| )").match(text, pos)
    if e is not None and not text.startswith("/", e.end()):
        pass
    out.append(
        Supplement(
            kind=_KIND[kind_word],
            number=num,
            year=year,
            month=month,
            stage=stage,
            iteration=iteration,
            consolidated=joiner in ("+", " + "),
            edition=edition,
            language=language,
            spelling=spelling,
            mark=mark,
            dating=dating,
        )
    )
    return pos


def _directives(
    text: str, pos: int, pubs: tuple[str, ...], style: str, layer: _Layer
) -> tuple[Identifier, int]:
    """ISO/IEC Directives: ``ISO/IEC DIR 1 ISO SUP:2021``, ``ISO/IEC DIR 1:2022 + IEC SUP``."""
    number = ""
    m = re.compile(r"\d+").match(text, pos)
    if m is not None:
        number = m.group()
        pos = m.end()
    elif pos > 0 and text[pos - 1] == " ":
        pos -= 1
    year = month = None
    y = _YEAR.match(text, pos)
    if y is not None:
        year = int(y.group(1))
        month = _month(text, y)
        pos = y.end()
    sups: list[Supplement] = []
    while True:
        d = _DIR_SUP.match(text, pos)
        if d is None:
            break
        kind = "SUP" if d.group(3) else "variant"
        spelling = d.group()
        pos = d.end()
        sy = sm = None
        y = _YEAR.match(text, pos)
        if y is not None:
            sy = int(y.group(1))
            sm = _month(text, y)
            pos = y.end()
        sups.append(
            Supplement(
                kind=kind,
                publisher=d.group(2),
                year=sy,
                month=sm,
                consolidated=bool(d.group(1)),
                spelling=spelling,
            )
        )
    edition = None
    e = _EDITION.match(text, pos)
    if e is not None:
        edition = e.group(1)
        style += "E"
        pos = e.end()
    if not number and not sups and pos < len(text):
        raise IdentifierError(text, pos, "a Directives part number or supplement")
    ident = Identifier(
        body=_body(layer.pubs, "DIR"),
        publisher=pubs,
        number=number,
        type="DIR",
        stage=layer.stage,
        year=year,
        month=month,
        supplements=tuple(sups),
        edition=edition,
        style=style,
    )
    return ident, pos
