"""RDF export speed (issue 17), as ratios measured in the same run: the NISO STS sample
written as N-Triples (mrstd's own writer: the triples, no graph), against
``mrstd.dumps(doc, "json")`` of the same document (target <= 3x); and, separately, rdflib's
part for Turtle (parsing the N-Triples into a graph and serialising it).

Run ``python benchmarks/bench_rdf.py``; it needs ../shared/corpus or $MRSTD_CORPUS and
``mrstd[rdf]``.
"""

from __future__ import annotations

from common import compare, paired_ratio

import mrstd
from benchmarks.bench_sts import SAMPLE
from mrstd.formats import ConversionLog
from mrstd.formats.rdf.write import write_ntriples
from mrstd.rules.context import Context


def main() -> None:
    if not SAMPLE.exists():
        print(f"{SAMPLE} not found: needs ../shared/corpus or $MRSTD_CORPUS")
        return
    doc = mrstd.load(SAMPLE, format="sts")
    ratio = paired_ratio(
        lambda: write_ntriples(doc, "", ConversionLog()), lambda: mrstd.dumps(doc), runs=7
    )
    print(
        f"N-Triples / dumps(json), NISO sample, median of paired runs: {ratio:.2f}x (target <= 3)"
    )
    index = paired_ratio(lambda: Context(doc).index, lambda: mrstd.dumps(doc), runs=7)
    print(f"  of which the text index the provisions come from: {index:.2f}x dumps(json)")
    text = write_ntriples(doc, "", ConversionLog())
    turtle, nt = compare(
        lambda: mrstd.dumps(doc, "rdf", rdf_format="turtle"),
        lambda: write_ntriples(doc, "", ConversionLog()),
        runs=3,
    )
    print(
        f"Turtle through rdflib: {turtle * 1000:.0f} ms, of which mrstd's N-Triples "
        f"{nt * 1000:.0f} ms ({len(text.splitlines()):,} triples)"
    )


if __name__ == "__main__":
    main()
