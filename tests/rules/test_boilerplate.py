"""Prescribed texts (issue 14): the standard foreword sentences and the patent statement are
not the document's own wording: no wording rule reads them, and provisions() marks them."""

from __future__ import annotations

import re

import pytest

from mrstd.model import Document
from mrstd.rules.boilerplate import Prescribed, prescribed, prescribed_in, without_prescribed
from mrstd.rules.samples import para, sample
from mrstd.validation import provisions, validate

#: A value for each placeholder of the data file.
FILLED = {
    "{document}": "document",
    "{url}": "www.iso.org/directives",
    "{body}": "ISO",
    "{date}": "2026-05",
    "{countries}": "Austria, Belgium, Bulgaria",
    "{dash}": "\u2014",
}


def _filled(entry: Prescribed) -> str:
    text = entry.text
    for hole, value in FILLED.items():
        text = text.replace(hole, value)
    assert "{" not in text, f"{entry.id}: a placeholder the test does not fill"
    return text


def _reflowed(text: str) -> str:
    """As a typesetter might break it: a line break and indent after every fourth space."""
    count = 0

    def brk(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "\n        " if count % 4 == 0 else match.group()

    return re.sub(" ", brk, text)


@pytest.mark.parametrize("entry", prescribed(), ids=lambda e: e.id)
def test_each_prescribed_sentence_is_recognised_however_it_is_broken(entry: Prescribed) -> None:
    assert entry.source and entry.id
    for text in (_filled(entry), _reflowed(_filled(entry)), _filled(entry).replace("'", "\u2019")):
        found = prescribed_in(text)
        assert found is not None and found.id == entry.id, text
        assert not without_prescribed(text).strip()
        # Text around it is kept.
        assert without_prescribed(f"{text} The counter shall be reset.").strip() == (
            "The counter shall be reset."
        )


def _foreword(*paragraphs: str) -> Document:
    blocks = [para(text) for text in paragraphs]
    return sample({"preface": [{"id": "foreword", "kind": "foreword", "blocks": blocks}]})


ISO_FOREWORD = (
    "ISO (the International Organization for Standardization) is a worldwide federation of "
    "national standards bodies (ISO member bodies). The procedures used to develop this "
    "document and those intended for its further maintenance are described in the ISO/IEC "
    "Directives, Part 1. In particular, the different approval criteria needed for the "
    "different types of ISO documents should be noted.",
    "Attention is drawn to the possibility that some of the elements of this document may be "
    "the subject of patent rights. ISO shall not be held responsible for identifying any or "
    "all such patent rights.",
    "Any feedback or questions on this document should be directed to the user\u2019s national "
    "standards body.",
)
CEN_FOREWORD = (
    "This European Standard shall be given the status of a national standard, either by "
    "publication of an identical text or by endorsement, at the latest by November 2026, and "
    "conflicting national standards shall be withdrawn at the latest by November 2026.",
)
SAC_FOREWORD = ("请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。",)


@pytest.mark.parametrize("paragraphs", [ISO_FOREWORD, CEN_FOREWORD, SAC_FOREWORD])
def test_a_foreword_of_prescribed_text_states_no_provision(paragraphs: tuple[str, ...]) -> None:
    doc = _foreword(*paragraphs)
    assert validate(doc, select=["MRS503", "MRS212"]) == []
    found = [p for p in provisions(doc) if p.context == "foreword"]
    assert found and all(p.boilerplate is not None for p in found)


def test_the_documents_own_wording_beside_prescribed_text_is_still_read() -> None:
    own = "Widgets shall be counted daily."
    doc = _foreword(ISO_FOREWORD[1] + " " + own)
    found = validate(doc, select=["MRS503"])
    assert [f.code for f in found] == ["MRS503"]
    assert "'shall'" in found[0].message
    marked = {(p.text, p.boilerplate) for p in provisions(doc)}
    assert (own, None) in marked
    assert any(b == "patent-responsibility" for _, b in marked)
