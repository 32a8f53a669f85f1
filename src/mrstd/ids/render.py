"""Canonical rendering of identifiers, following each body's own designation conventions."""

from __future__ import annotations

from mrstd.ids.identifier import Identifier

__all__ = ["prefix", "render"]

# Style flags (Identifier.style): presentation variants that are in official use.
#   U  type spelt in capitals (IEC catalogue "GUIDE")
#   S  single ISO publisher followed by a space instead of "/" ("ISO PAS 81346-101")
#   p  publisher not written ("PD 0017", "IWA 1", "Handbook 3")
#   E  edition written " Edition n" (ISO) instead of " EDn" (IEC)
#   G  type written before the publisher ("Guide ISO 34")


def render(ident: Identifier) -> str:
    if ident.combined:
        first = _render_one(ident)
        return " | ".join([first, *(render(c) for c in ident.combined)])
    return _render_one(ident)


def _render_one(ident: Identifier) -> str:
    if ident.scope is not None:
        from mrstd.ids.chinese import render_chinese

        return render_chinese(ident)
    if ident.body in ("GOST", "EASC"):
        from mrstd.ids.gost import render_gost

        return render_gost(ident)
    style = ident.style
    if ident.adoption == "stack" and ident.adopts is not None:
        return prefix(ident) + " " + str(ident.adopts)
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
    out = prefix(ident)
    if ident.type == "DIR" and not ident.number:
        pass
    elif out:
        out += ("-" if "h" in style else " ") + core(ident)
    else:
        out = core(ident)
    if "V" in style and ident.edition is not None:
        out += " v" + ident.edition
    return out + tail(ident)


def prefix(ident: Identifier) -> str:
    """Publisher, stage and type words, e.g. ``ISO/IEC CD TS`` or ``CEN/CLC/TR``."""
    style = ident.style
    body = ident.body
    pubs = "" if "p" in style else "/".join(ident.publisher).replace("/JTC 1", " JTC 1")
    words: list[str] = []
    stage = ident.stage
    typ = ident.type
    if typ is not None and "U" in style:
        typ = typ.upper()
    if stage is not None:
        if stage == "Draft":
            return "Draft " + pubs
        if stage == "pr" or stage == "Fpr":
            # CEN enquiry/formal vote drafts glue onto the deliverable code: prEN, FprEN
            return stage + pubs + ("/" + typ if typ else "")
        if typ is not None and stage.lower().endswith(typ.lower()):
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


def tail(ident: Identifier) -> str:
    out = ""
    if ident.year is not None:
        out += f":{ident.year:04d}"
        if ident.month is not None:
            out += f"-{ident.month:02d}"
    if ident.language:
        out += f"({ident.language})"
    if "v" in ident.style and ident.edition is not None:
        out += " v" + ident.edition
    quals = list(ident.qualifiers)
    seen_plus = False
    for s in ident.supplements:
        if seen_plus and not s.consolidated and "CSV" in quals:
            # IEC: the corrigendum of a consolidated version follows "CSV"
            out += " CSV"
            quals.remove("CSV")
        seen_plus = seen_plus or s.consolidated
        out += s.render(ident.body)
    if ident.all_parts:
        out += " (all parts)"
    if ident.edition is not None and "V" not in ident.style and "v" not in ident.style:
        out += (" Edition " if "E" in ident.style else " ED") + ident.edition
    for q in quals:
        out += " " + q
    return out
