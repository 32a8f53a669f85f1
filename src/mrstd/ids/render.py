"""Canonical rendering of identifiers, following each body's own designation conventions."""

from __future__ import annotations

from dataclasses import replace

from mrstd.ids.chinese import render_chinese
from mrstd.ids.gost import render_gost, render_other
from mrstd.ids.identifier import Identifier
from mrstd.ids.international import FUSED

__all__ = ["prefix", "render"]

# Style flags (Identifier.style): presentation variants that are in official use.
#   U  type spelt in capitals (IEC catalogue "GUIDE")
#   S  single ISO publisher followed by a space instead of "/" ("ISO PAS 81346-101")
#   p  publisher not written ("PD 0017", "IWA 1", "Handbook 3")
#   E  edition written " Edition n" (ISO) instead of " EDn" (IEC)
#   G  type written before the publisher ("Guide ISO 34")
#   e  edition written inside the base, before the supplements ("ISO 13688 ED1/Amd 1:2021")
#   n  language written after the edition ("…/Cor 1:2012 ED2(fr)")
#   Y  JSA revision mark after the year ("JIS C 9901:2019R")
#   K  "（規格群）" written for "(all parts)"
#   b  combined identifiers joined by a bare "|"
#   j  a national layer joined to the layer it adopts by a hyphen ("UNE-EN ISO 9001")
#   s  co-publishers written with a space ("DIN VDE 0100")
#   d  year written after a hyphen (IEEE and ISA: "IEEE 802.3-2018")
#   t  IEEE's "Std" written before the number ("IEEE Std 802.3-2018")
#   C  "GUIDE" written in capitals by the source ("ISO GUIDE 73")

HOUSES = frozenset({"ISO", "IEC"})


def render(ident: Identifier, house: str | None = None, edition: bool = True) -> str:
    """Render ``ident``; see :meth:`Identifier.format` for ``house`` and ``edition``."""
    if house is not None and house not in HOUSES:
        house = None
    if ident.combined:
        first = _render_one(ident, house, edition)
        sep = "|" if "b" in ident.style else " | "
        return sep.join([first, *(render(c, house, edition) for c in ident.combined)])
    return _render_one(ident, house, edition)


def _render_one(ident: Identifier, house: str | None = None, edition: bool = True) -> str:
    if ident.scope is not None:
        return render_chinese(ident)
    if ident.body in ("GOST", "EASC"):
        return render_gost(ident)
    style = ident.style
    if ident.body == "ASTM" and "h" in style:
        out = f"ASTM {ident.number}"
        if ident.year is not None:
            out += f"-{ident.year % 100:02d}" + "".join(ident.qualifiers)
        return out
    if ident.body in ("IETF", "NISO", "OASIS"):
        return render_other(ident) or ident.number
    if ident.body == "ITU":
        word = "Recommendation " if "R" in style else ""
        out = f"{ident.publisher[0]} {word}{ident.series}.{ident.number}"
        if ident.part is not None:
            out += f"-{ident.part}"
        if ident.year is not None:
            out += f" ({ident.month:02d}/{ident.year})" if ident.month else f" ({ident.year})"
        return out
    if ident.adoption == "stack" and ident.adopts is not None:
        # The adopting layer holds what is its own (DIN's month, CEN's corrigenda), which
        # is written once, at the end, with the adopted designation.
        inner = ident.adopts
        if inner.month != ident.month or inner.supplements is not ident.supplements:
            inner = replace(inner, month=ident.month, supplements=ident.supplements)
        joiner = "-" if "j" in style else " "
        return prefix(ident) + joiner + render(inner, house, edition)
    if "W" in style:
        return f"{ident.number}/{ident.type}"
    if "w" in style:
        return f"{ident.number} {ident.type}"
    if "N" in style and ident.adopts is not None:
        return (
            "NA" + "".join(s.render(ident.body) for s in ident.supplements) + f" to {ident.adopts}"
        )
    if "T" in style and ident.adopts is not None:
        return f"Supplement No. {ident.number} ({ident.year}) to {ident.adopts}"
    out = prefix(ident, house)
    if ident.type == "DIR" and not ident.number:
        pass
    elif out:
        out += ("-" if "h" in style else " Std " if "t" in style else " ") + core(ident)
    else:
        out = core(ident)
    if "V" in style and ident.edition is not None:
        out += " v" + ident.edition
    return out + tail(ident, house, edition)


def prefix(ident: Identifier, house: str | None = None) -> str:
    """Publisher, stage and type words, e.g. ``ISO/IEC CD TS`` or ``CEN/CLC/TR``."""
    style = ident.style
    body = ident.body
    joiner = " " if "s" in style else "/"
    pubs = "" if "p" in style else joiner.join(ident.publisher).replace("/JTC 1", " JTC 1")
    words: list[str] = []
    stage = ident.stage
    typ = ident.type
    conv = house or body
    if typ == "Guide" and "C" in style and house is None and stage is None:
        typ = "GUIDE"  # written in capitals by the source: rendered as written
    elif typ == "Guide" and conv in HOUSES:
        # ISO writes "Guide" throughout; IEC writes "GUIDE" for published guides and
        # "Guide" after a separate stage word ("IEC CD Guide 104")
        if conv == "IEC" and (stage is None or stage.upper().endswith("GUIDE")):
            typ = "GUIDE" if stage is None else None
        elif (
            conv == "ISO"
            and stage is not None
            and stage.upper() in ("DGUIDE", "FDGUIDE", "D", "FD")
        ):
            # ISO fuses the draft stage with the type: "ISO/DGuide 84", "ISO/IEC FDGuide 98-1"
            stage = stage[:-5] if stage.upper().endswith("GUIDE") else stage
            stage += "Guide"
            typ = None
    elif typ is not None and "U" in style:
        typ = typ.upper()
    if stage is not None:
        if stage == "Draft":
            return "Draft " + pubs
        if stage == "pr" or stage == "Fpr":
            # CEN enquiry/formal vote drafts glue onto the deliverable code: prEN, FprEN
            return stage + pubs + ("/" + typ if typ else "")
        if typ is not None and (stage.lower().endswith(typ.lower()) or FUSED.get(stage) == typ):
            words.append(stage)
            typ = None
        else:
            words.append(stage)
    if typ is not None:
        words.append(typ)
    if not words:
        return pubs
    if not pubs:
        return " ".join(words)
    if "G" in style and typ:
        return typ + " " + pubs
    if body == "IEC" and conv == "IEC" and ident.stage is not None and len(ident.publisher) == 1:
        # IEC: a stage alone follows a slash ("IEC/CD 60038"); with a type, or fused with
        # it, words are spaced ("IEC CD TS 62600-3", "IEC DTS 62600-104")
        if (ident.type is None or ident.type in ("AMD", "Cor", "ISH")) and "p" not in style:
            # a fused draft supplement or sheet is also a stage: "IEC/FDAM 60038-1"
            return pubs + "/" + " ".join(words)
        return pubs + " " + " ".join(words)
    if "l" in style and body == "IEC" and ident.stage is not None:
        return pubs + "/" + " ".join(words)
    if body == "ISO":
        if len(ident.publisher) == 1 and "S" not in style and words[0] not in ("Guide", "GUIDE"):
            return pubs + "/" + " ".join(words)
        return pubs + " " + " ".join(words)
    if body == "CEN":
        if words[-1] in ("Guide", "GUIDE"):
            return pubs + " " + " ".join(words)
        return pubs + "/" + "/".join(words)
    if "L" in style and body not in ("IEC", "BSI", "DIN", "JIS"):
        return pubs + "/" + " ".join(words)
    return pubs + " " + " ".join(words)


def core(ident: Identifier) -> str:
    out = ident.series + " " + ident.number if ident.series else ident.number
    if ident.part is not None:
        out += ("." if ident.scope is not None else "-") + ident.part
    if ident.iteration is not None:
        out += f".{ident.iteration}"
    return out


def tail(ident: Identifier, house: str | None = None, edition: bool = True) -> str:
    style = ident.style
    out = ""
    if ident.year is not None:
        out += f"{'-' if 'd' in style else ':'}{ident.year:04d}"
        if ident.month is not None:
            out += f"-{ident.month:02d}"
        if "Y" in style:
            out += "R"
    if ident.language and "n" not in style:
        out += f"({ident.language})"
    if "v" in style and ident.edition is not None:
        out += " v" + ident.edition
    ed = ""
    if ident.edition is not None and "V" not in style and "v" not in style:
        ed = (" Edition " if "E" in style else " ED") + ident.edition
    if "e" in style and ident.supplements:
        # the base's edition stays with the base: pubid and ISO keep it even in short form
        out += ed
        ed = ""
    elif not edition and ident.type != "DIR":
        ed = ""  # Directives supplements are cited by edition; keep theirs
    quals = list(ident.qualifiers)
    seen_plus = False
    for s in ident.supplements:
        if seen_plus and not s.consolidated and "CSV" in quals:
            # IEC: the corrigendum of a consolidated version follows "CSV"
            out += " CSV"
            quals.remove("CSV")
        seen_plus = seen_plus or s.consolidated
        out += s.render(ident.body, house)
    if ident.all_parts:
        out += "\uff08\u898f\u683c\u7fa4\uff09" if "K" in style else " (all parts)"
    if "q" not in style:
        out += ed
    if ident.language and "n" in style:
        out += f"({ident.language})"
    for q in quals:
        out += " " + q
    if "q" in style:
        out += ed
    return out
