"""RDF export speed (issue 17), as ratios measured in the same run: the NISO STS sample
exported as ``mrstd.dumps(doc, "rdf")`` (compact Turtle, the default, written by mrstd: no
graph is built) and as N-Triples, against ``mrstd.dumps(doc, "json")`` of the same document
(target <= 3x); the share of that taken by the text index the provisions come from; and,
separately, rdflib's part for JSON-LD (parsing the N-Triples into a graph and serialising it).

Run ``python benchmarks/bench_rdf.py``; it needs ../shared/corpus or $MRSTD_CORPUS and
``mrstd[rdf]``.
"""

from __future__ import annotations

from common import compare, paired_ratio

import mrstd
from benchmarks.bench_sts import SAMPLE
from mrstd.rules.context import build_index


def main() -> None:
    if not SAMPLE.exists():
        print(f"{SAMPLE} not found: needs ../shared/corpus or $MRSTD_CORPUS")
        return
    doc = mrstd.load(SAMPLE, format="sts")
    json = lambda: mrstd.dumps(doc)  # noqa: E731
    turtle = paired_ratio(lambda: mrstd.dumps(doc, "rdf"), json, runs=15)
    print(f"Turtle / dumps(json), NISO sample, median of paired runs: {turtle:.2f}x (target <= 3)")
    nt = paired_ratio(lambda: mrstd.dumps(doc, "rdf", rdf_format="nt"), json, runs=7)
    print(f"N-Triples / dumps(json): {nt:.2f}x")
    index = paired_ratio(lambda: build_index(doc, cross_references=False), json, runs=7)
    print(f"  of which the text index the provisions come from: {index:.2f}x dumps(json)")
    sizes = {form: len(mrstd.dumps_bytes(doc, "rdf", rdf_format=form)) for form in ("turtle", "nt")}
    print(
        f"  bytes: Turtle {sizes['turtle']:,}, N-Triples {sizes['nt']:,}, "
        f"JSON {len(mrstd.dumps_bytes(doc)):,}"
    )
    json_ld, written = compare(
        lambda: mrstd.dumps(doc, "rdf", rdf_format="json-ld"),
        lambda: mrstd.dumps(doc, "rdf", rdf_format="nt"),
        runs=3,
    )
    print(
        f"JSON-LD through rdflib: {json_ld * 1000:.0f} ms, of which mrstd's N-Triples "
        f"{written * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
