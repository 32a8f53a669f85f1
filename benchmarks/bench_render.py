"""Rendering speed (issue 15): ``mrstd.render`` of the NISO STS sample against
``mrstd.dumps(doc, format="sts")`` of the same document, in the same run (target <= 1.5x).

Run ``python benchmarks/bench_render.py``; it needs ../shared/corpus or $MRSTD_CORPUS.
"""

from __future__ import annotations

from common import paired_ratio

import mrstd
from benchmarks.bench_sts import SAMPLE


def main() -> None:
    if not SAMPLE.exists():
        print(f"{SAMPLE} not found: needs ../shared/corpus or $MRSTD_CORPUS")
        return
    doc = mrstd.load(SAMPLE, format="sts")
    ratio = paired_ratio(lambda: mrstd.render(doc), lambda: mrstd.dumps(doc, format="sts"))
    print(f"render / dumps(sts), NISO sample, median of paired runs: {ratio:.2f}x (target <= 1.5)")


if __name__ == "__main__":
    main()
