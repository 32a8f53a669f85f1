"""Verbal forms of provisions in English and Chinese, and sentence classification.

English forms follow ISO/IEC Directives Part 2:2021, clause 7 (Tables 3 to 7); Chinese forms
follow GB/T 1.1-2020, 9.1 and its table of verbal forms. Chinese has no word boundaries, so
common compounds that contain a modal character (应用, 可靠, 性能 ...) are excluded explicitly;
the classification is a heuristic and says so in its results.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import ProvisionKind
from .boilerplate import Prescribed, prescribed_in

R = ProvisionKind.REQUIREMENT
REC = ProvisionKind.RECOMMENDATION
P = ProvisionKind.PERMISSION
POS = ProvisionKind.POSSIBILITY
CAP = ProvisionKind.CAPABILITY
EXT = ProvisionKind.EXTERNAL_CONSTRAINT

#: English forms, longest first so that "shall not" wins over "shall".
ENGLISH: tuple[tuple[str, ProvisionKind], ...] = (
    ("it is not recommended that", REC),
    ("it is recommended that", REC),
    ("it is necessary", R),
    ("is not allowed", R),
    ("is required to", R),
    ("are required to", R),
    ("it is possible to", POS),
    ("is permitted", P),
    ("are permitted", P),
    ("is allowed", P),
    ("are allowed", P),
    ("be able to", CAP),
    ("shall not", R),
    ("should not", REC),
    ("ought to", REC),
    ("has to", R),
    ("have to", R),
    ("may not", P),
    ("need not", P),
    ("cannot", CAP),
    ("can not", CAP),
    ("shall", R),
    ("should", REC),
    ("must", EXT),
    ("may", P),
    ("can", CAP),
)

#: Forms removed as permission forms in the 2021 edition (Directives Part 2:2021, Table 5).
REMOVED_NEGATIVE_PERMISSIONS = frozenset({"may not", "need not"})

#: Chinese forms (GB/T 1.1-2020, 9.1), each with the compounds it must not match inside.
CHINESE: tuple[tuple[str, ProvisionKind], ...] = (
    ("不可能", POS),
    ("只准许", R),
    ("不准许", R),
    ("不需要", P),
    ("可能", POS),
    ("必须", EXT),
    ("应该", R),
    ("不应", R),
    ("不得", R),
    ("不宜", REC),
    ("可以", P),
    ("允许", P),
    ("不必", P),
    ("无须", P),
    ("不能", CAP),
    ("应", R),
    ("宜", REC),
    ("可", P),
    ("能", CAP),
)

_ZH_NOT_BEFORE = {
    "应": "相对响适供反效感回呼顺理答",
    "宜": "适便事",
    "可": "认许不",
    "能": "功性技效节热电动势核智职本潜体才",
}
_ZH_NOT_AFTER = {
    "应": "用急力答变对激",
    "宜": "居人",
    "可": "靠见行燃逆溶调控读比测变信移视",
    "能": "力源量效耗级",
    "允许": "值偏误",
}


def _english_pattern() -> re.Pattern[str]:
    forms = sorted((f for f, _ in ENGLISH), key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def _chinese_pattern() -> re.Pattern[str]:
    parts = []
    for form, _ in sorted(CHINESE, key=lambda fk: len(fk[0]), reverse=True):
        before = _ZH_NOT_BEFORE.get(form, "")
        after = _ZH_NOT_AFTER.get(form, "")
        lookbehind = f"(?<![{before}])" if before else ""
        lookahead = f"(?![{after}])" if after else ""
        parts.append(f"{lookbehind}{re.escape(form)}{lookahead}")
    return re.compile("|".join(parts))


EN_FORMS = _english_pattern()
ZH_FORMS = _chinese_pattern()
_EN_KIND = {f: k for f, k in ENGLISH}
_ZH_KIND = dict(CHINESE)
_CJK = re.compile(r"[\u3400-\u9fff]")
#: What ends a sentence.
SENTENCE_END = ".!?;。！？；"
_SENTENCE = re.compile(f"[^{re.escape(SENTENCE_END)}]+[{re.escape(SENTENCE_END)}]*")
_SPACE = re.compile(r"\s+")

# Strength when one sentence holds several forms: the strongest names the provision.
_ORDER = {R: 0, EXT: 1, REC: 2, P: 3, POS: 4, CAP: 5, ProvisionKind.STATEMENT: 6}

# Boilerplate of ISO forewords (patent statement) that uses verbal forms without being a provision.
BOILERPLATE = re.compile(
    r"shall not be held responsible for identifying|may be the subject of patent rights"
    r"|不承担识别专利的责任|可能涉及专利",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Form:
    """One verbal form found in a text: as written (its spaces and line breaks made one space,
    as messages quote it), normalised, its kind and language."""

    written: str
    form: str
    kind: ProvisionKind
    language: str
    start: int


def is_chinese(text: str) -> bool:
    """Whether the text is written in Chinese (holds CJK ideographs)."""
    return _CJK.search(text) is not None


def forms(text: str) -> Iterator[Form]:
    """Every verbal form in ``text``, in order."""
    if is_chinese(text):
        for m in ZH_FORMS.finditer(text):
            yield Form(m.group(), m.group(), _ZH_KIND[m.group()], "zh", m.start())
    else:
        for m in EN_FORMS.finditer(text):
            written = _SPACE.sub(" ", m.group())
            yield Form(written, written.lower(), _EN_KIND[written.lower()], "en", m.start())


def sentences(text: str) -> list[str]:
    """The sentences of a text, stripped; a rough split on sentence punctuation."""
    return [sentence for run in _SENTENCE.findall(text) if (sentence := run.strip())]


def classify(sentence: str) -> Form | None:
    """The strongest verbal form of one sentence, or None for a statement."""
    if not may_hold_form(sentence):
        return None
    best: Form | None = None
    for found in forms(sentence):
        if best is None or _ORDER[found.kind] < _ORDER[best.kind]:
            best = found
    return best


#: A word of every English form (its longest), and the characters of the Chinese ones but 不,
#: which never stands alone: a text without any of them holds no form. Checking these is some
#: twenty times faster than the forms' own patterns, and most text holds none.
EN_TRIGGERS = tuple(sorted({max(form.split(), key=len) for form, _ in ENGLISH}))
_ZH_TRIGGERS = frozenset("".join(form for form, _ in CHINESE)) - {"不"}
_ABLE_TO = re.compile(r"\bable\s+to\b")
_HAS_TO = re.compile(r"\bha(?:s|ve)\s+to\b")


def may_hold_form(text: str) -> bool:
    """Whether ``text`` may hold a verbal form: False only when it holds none."""
    low = text.lower()
    # The words of EN_TRIGGERS written out (a test keeps them so; "can" covers "cannot"),
    # twice as fast as one regular expression of them, or any() over them.
    if (
        "shall" in low
        or "should" in low
        or "may" in low
        or "must" in low
        or "can" in low
        # "able" is in every "table" and "has" in every "phase": these two are read to the
        # end of their form, when they are there at all.
        or ("able" in low and _ABLE_TO.search(low) is not None)
        or (("has" in low or "have" in low) and _HAS_TO.search(low) is not None)
        or "need" in low
        or "allowed" in low
        or "permitted" in low
        or "possible" in low
        or "recommended" in low
        or "required" in low
        or "necessary" in low
        or "ought" in low
    ):
        return True
    if text.isascii():  # known without reading it
        return False
    return _CJK.search(text) is not None and not _ZH_TRIGGERS.isdisjoint(text)


def sentence_kinds(
    text: str, marked: ProvisionKind | None = None
) -> list[tuple[str, ProvisionKind]]:
    """Every sentence of a text with its kind: the one the document marks, else that of its
    strongest verbal form, else a statement. A text with no form anywhere is known to be
    statements at once (:func:`may_hold_form`: no part of it can hold one), not sentence by
    sentence."""
    split = sentences(text)
    if marked is not None:
        return [(sentence, marked) for sentence in split]
    if not may_hold_form(text):
        return [(sentence, ProvisionKind.STATEMENT) for sentence in split]
    return [
        (sentence, found.kind if (found := classify(sentence)) else ProvisionKind.STATEMENT)
        for sentence in split
    ]


@dataclass(frozen=True)
class Found:
    """One provision of a text: its kind, the verbal form that makes it one (None for a
    kind the document marks), the sentence, and the prescribed sentence it is, if any."""

    kind: ProvisionKind
    form: Form | None
    sentence: str
    prescribed: Prescribed | None


def sentence_provisions(
    text: str, marked: ProvisionKind | None = None, preface: bool = False
) -> Iterator[Found]:
    """The provisions of a text, sentence by sentence: every sentence of a text the document
    marks as a provision of one kind, or else each sentence with a verbal form. Both
    mrstd.provisions() and the HTML rendering count them this way. In a foreword or an
    introduction (``preface``), a prescribed sentence says which it is."""
    if marked is None and not may_hold_form(text):
        return  # no verbal form anywhere in it: no sentence to read one by one
    for sentence in sentences(text):
        found = classify(sentence)
        if marked is not None:
            yield Found(marked, found, sentence, None)
        elif found is not None:
            prescribed = prescribed_in(sentence) if preface else None
            yield Found(found.kind, found, sentence, prescribed)
