"""Classification of sentences by verbal form, and mrstd.validation.provisions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mrstd.model import ProvisionKind
from mrstd.rules.samples import para, sample
from mrstd.rules.verbal import classify, sentence_kinds, sentences
from mrstd.validation import provisions


@pytest.mark.parametrize(
    ("sentence", "kind", "form"),
    [
        ("The lid shall be closed.", ProvisionKind.REQUIREMENT, "shall"),
        ("The lid shall not be opened.", ProvisionKind.REQUIREMENT, "shall not"),
        ("The lid should be closed.", ProvisionKind.RECOMMENDATION, "should"),
        ("The lid may be closed.", ProvisionKind.PERMISSION, "may"),
        ("The lid can be closed.", ProvisionKind.CAPABILITY, "can"),
        ("The lid must be closed by law.", ProvisionKind.EXTERNAL_CONSTRAINT, "must"),
        (
            "It is recommended that the lid be closed.",
            ProvisionKind.RECOMMENDATION,
            "it is recommended that",
        ),
        ("The lid may be red but shall be closed.", ProvisionKind.REQUIREMENT, "shall"),
        ("盖子应关闭。", ProvisionKind.REQUIREMENT, "应"),
        ("盖子不应打开。", ProvisionKind.REQUIREMENT, "不应"),
        ("盖子宜关闭。", ProvisionKind.RECOMMENDATION, "宜"),
        ("盖子可以打开。", ProvisionKind.PERMISSION, "可以"),
        ("盖子可能打开。", ProvisionKind.POSSIBILITY, "可能"),
        ("盖子必须关闭。", ProvisionKind.EXTERNAL_CONSTRAINT, "必须"),
    ],
)
def test_classify(sentence: str, kind: ProvisionKind, form: str) -> None:
    found = classify(sentence)
    assert found is not None
    assert (found.kind, found.form) == (kind, form)


@pytest.mark.parametrize(
    "sentence",
    [
        "The lid is closed.",
        "应用软件的性能可靠。",
        "本文件适用于相应的供应商。",
        "Canada is large.",
    ],
)
def test_statements_have_no_form(sentence: str) -> None:
    assert classify(sentence) is None


def test_provisions_lists_sentences_with_places() -> None:
    doc = sample(
        {
            "body": [
                "...",
                {
                    "id": "x",
                    "label": "5",
                    "title": [],
                    "blocks": [
                        para("Widgets shall be dry. They are grey. Operators may paint them."),
                        {"type": "note", "blocks": [para("Paint can peel.")]},
                        para("The report is kept.", provision="statement"),
                    ],
                },
            ]
        }
    )
    found = [(p.kind.value, p.form, p.context, p.path) for p in provisions(doc)]
    assert ("requirement", "shall", "body", "body[3].blocks[0]") in found
    assert ("requirement", "shall", "body", "body[4].blocks[0]") in found
    assert ("permission", "may", "body", "body[4].blocks[0]") in found
    assert ("capability", "can", "note", "body[4].blocks[1].blocks[0]") in found
    assert ("statement", None, "body", "body[4].blocks[2]") in found
    assert not any("grey" in p.text for p in provisions(doc))


def test_the_quick_filter_lets_every_form_through() -> None:
    # sentence_provisions skips a text holding none of these words (or characters): every
    # verbal form must hold one, or its provisions would be missed; and the filter, which
    # writes the words out, must let each of them through, in any case.
    from mrstd.rules.verbal import _ZH_TRIGGERS, CHINESE, EN_TRIGGERS, ENGLISH, may_hold_form

    assert all(any(word in form for word in EN_TRIGGERS) for form, _ in ENGLISH)
    for form, _ in ENGLISH:
        spaced = form.replace(" ", "\n  ")
        for written in (form, form.upper(), form.capitalize(), f"It {form} be.", spaced):
            assert may_hold_form(written), written
    assert not may_hold_form("The widget is grey.")
    for form, _ in CHINESE:
        assert may_hold_form(f"产品{form}合格"), form
    assert all(not _ZH_TRIGGERS.isdisjoint(form) for form, _ in CHINESE)


_WORDS = st.sampled_from(
    [
        *("The widget", "shall", "should not", "may", "can", "is", "red"),
        *("应", "不宜", "可", "。", ".", "; ", " "),
    ]
)


@given(st.lists(_WORDS, max_size=20).map(" ".join), st.none() | st.sampled_from(ProvisionKind))
def test_sentence_kinds_are_each_sentences_own(text: str, marked: ProvisionKind | None) -> None:
    """Testing the whole text once for a form gives the kinds of classifying each sentence."""
    expected = [
        (s, marked or (f.kind if (f := classify(s)) else ProvisionKind.STATEMENT))
        for s in sentences(text)
    ]
    assert sentence_kinds(text, marked) == expected
