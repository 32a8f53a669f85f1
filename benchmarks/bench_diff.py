"""Diff speed (issue 16), as ratios measured in the same run:

- the NISO STS sample against itself, against the time to load the two documents
  (target <= 3x);
- a document made of the NISO sample's body ten times over, against itself with a few
  edits, against the single document with the same edits (target <= 15x: the alignment is
  not quadratic in the number of clauses).

Run ``python benchmarks/bench_diff.py``; it needs ../shared/corpus or $MRSTD_CORPUS.
"""

from __future__ import annotations

from typing import Any

from common import paired_ratio

import mrstd
from benchmarks.bench_sts import SAMPLE
from mrstd.model import Paragraph, Text


def _edited(doc: Any) -> Any:
    """The document with its first clause removed, a paragraph added to its last one, and
    its second clause moved to the end: a few edits of known kinds."""
    body = list(doc.body)
    last = body[-1]
    added = Paragraph(content=(Text(text="The tool shall be calibrated every 12 months."),))
    body[-1] = last.model_copy(update={"blocks": (*last.blocks, added)})
    body = body[2:] + body[1:2]
    return doc.model_copy(update={"body": tuple(body)})


def _times(doc: Any, n: int) -> Any:
    return doc.model_copy(update={"body": doc.body * n})


def main() -> None:
    if not SAMPLE.exists():
        print(f"{SAMPLE} not found: needs ../shared/corpus or $MRSTD_CORPUS")
        return
    data = SAMPLE.read_bytes()
    doc = mrstd.loads(data, "sts")
    ratio = paired_ratio(
        lambda: mrstd.diff(doc, doc),
        lambda: (mrstd.loads(data, "sts"), mrstd.loads(data, "sts")),
        runs=7,
    )
    print(f"diff(NISO, NISO) / load of the two, median of paired runs: {ratio:.2f}x (target <= 3)")
    one, ten = doc, _times(doc, 10)
    one_edited, ten_edited = _edited(one), _edited(ten)
    clauses = sum(1 for c in ten.body for _ in c.walk())
    scale = paired_ratio(
        lambda: mrstd.diff(ten, ten_edited), lambda: mrstd.diff(one, one_edited), runs=5
    )
    print(
        f"diff of the 10x document ({clauses} clauses) / diff of the single one, edited alike: "
        f"{scale:.2f}x (target <= 15)"
    )


if __name__ == "__main__":
    main()
