"""Diffs of real documents (issue 16): the rice committee draft against its final text, and
the TBX samples against each other. The counts are those docs/diff.md gives, and the twenty
changes checked there by hand against the sources must still be reported."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import mrstd

RICE_CD = "metanorma_iso-17301-1_rice-cd.isosts.xml"
RICE_FINAL = "metanorma_iso-17301-1_rice-final.isosts.xml"
TBX_A = "isosts_tbx-examples_iso-10241-1-annex-a.xml"
TBX_B = "isosts_smallsample_tbx-highlight-elements.xml"

#: The changes checked by hand (docs/diff.md): kind, and words of the detail.
CHECKED = [
    ("moved", "clause 2 “Normative references” moved among its siblings"),
    ("text-edited", "'references' → 'References'"),
    ("reference-changed", "ISO 712 → ISO 712 (all parts) (now all parts)"),
    ("reference-changed", "ISO 6646 → ISO 6646 (all parts) (now all parts)"),
    ("renumbered", "reference “ISO 6646” in 2 renumbered [2]"),
    ("text-edited", "'Rice—Determination of the potential milling yield from paddy"),
    ("text-edited", "'terminology' → 'terminological'"),
    ("text-edited", "'https' → 'http'"),
    ("removed", "“Cancelled and replaced by ISO 712-1:2024.” removed"),
    ("added", "“This table is based on ⟦ISO 7301:2011⟧"),
    ("provision-strength", "statement (no verbal form) → requirement"),
    ("reference-changed", "ISO 3696 → ISO 3696:1987 (now dated)"),
    ("reference-changed", "(none) → [10] (identifier added)"),
    ("text-edited", "'http://www.icc.or.at' → ''"),
    ("added", "formula in 6.4 added"),
    ("renumbered", "“Sample code” renumbered (no number)"),
    ("metadata-changed", "identifier.value: ISO/CD 17301-1:2016 → ISO 17301-1:2016"),
    ("metadata-changed", "committees[0].identifier: TC 34/SC 4 → ISO/TC 34/SC 4/WG 4"),
    ("metadata-changed", "titles[0].complementary: Rice (CD) → Rice (Final)"),
]


def _load(corpus: Path, name: str) -> mrstd.Document:
    path = corpus / "sts" / "samples" / name
    if not path.exists():
        pytest.fail(f"{path} is missing from the corpus")
    return mrstd.load(path, format="sts")


def test_the_rice_draft_against_its_final_text(corpus: Path) -> None:
    result = mrstd.diff(_load(corpus, RICE_CD), _load(corpus, RICE_FINAL))
    assert result.counts() == {
        "added": 28,
        "removed": 7,
        "moved": 1,
        "renumbered": 8,
        "text-edited": 48,
        "provision-strength": 1,
        "reference-changed": 11,
        "metadata-changed": 17,
    }
    for kind, words in CHECKED:
        assert any(c.kind.value == kind and words in c.detail for c in result.changes), words
    # Two such changes (ISO 3696 in B.3 and in the bibliography), both checked.
    dated = [c for c in result.changes if "ISO 3696 → ISO 3696:1987" in c.detail]
    assert len(dated) == 2


def test_the_tbx_samples_against_each_other(corpus: Path) -> None:
    a, b = _load(corpus, TBX_A), _load(corpus, TBX_B)
    forward, backward = mrstd.diff(a, b), mrstd.diff(b, a)
    assert forward.counts() == {
        "metadata-changed": 27,
        "removed": 2,
        "added": 1,
        "moved": 1,
        "designation-changed": 1,
        "renumbered": 1,
        "text-edited": 1,
    }
    # The comparison is symmetric: what one way adds, the other removes.
    swap = {"added": "removed", "removed": "added"}
    assert Counter({swap.get(k, k): n for k, n in forward.counts().items()}) == Counter(
        backward.counts()
    )
