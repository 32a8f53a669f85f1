"""NISO STS import/export speed on the 2.5 MB NISO Z39.102 sample, against lxml baselines.

Run: python benchmarks/bench_sts.py  (needs ../shared/corpus or $MRSTD_CORPUS; xmlschema
is optional). Prints best-of-N wall times and the ratios issue 4 sets targets for:
import <= 4x lxml.etree.fromstring, export <= 4x lxml.etree.tostring, import faster than
xmlschema validating the same file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from mrstd.formats import ConversionLog
from mrstd.formats.sts import read_sts, write_sts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("MRSTD_CORPUS", ROOT.parent / "shared" / "corpus"))
SAMPLE = CORPUS / "sts" / "samples" / "niso_ansi-niso-z39.102-2017_sts.xml"
XSD = (
    CORPUS
    / "sts/schema/NISO-STS-1.0/NISO-STS-extended-1-MathML3-XSD/NISO-STS-extended-1-mathml3.xsd"
)


def best(fn: Callable[[], Any], rounds: int = 7) -> tuple[float, Any]:
    """Best wall time of ``rounds`` runs, and the last result."""
    fastest = float("inf")
    result: Any = None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def main() -> None:
    data = SAMPLE.read_bytes()
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    t_parse, tree = best(lambda: etree.fromstring(data, parser))
    t_import, doc = best(lambda: read_sts(data, SAMPLE.name, ConversionLog()))
    t_tostring, _ = best(lambda: etree.tostring(tree))
    t_export, _ = best(lambda: write_sts(doc, ConversionLog()))
    print(f"sample: {SAMPLE.name} ({len(data):,} bytes)")
    print(f"lxml fromstring      {t_parse * 1000:8.1f} ms")
    ratio = t_import / t_parse
    print(f"mrstd STS import     {t_import * 1000:8.1f} ms   ratio {ratio:5.2f} (target <= 4)")
    print(f"lxml tostring        {t_tostring * 1000:8.1f} ms")
    ratio = t_export / t_tostring
    print(f"mrstd STS export     {t_export * 1000:8.1f} ms   ratio {ratio:5.2f} (target <= 4)")
    try:
        import xmlschema
    except ImportError:
        print("xmlschema not installed: validation baseline skipped")
        return
    start = time.perf_counter()
    schema = xmlschema.XMLSchema(str(XSD))
    t_compile = time.perf_counter() - start
    t_validate, _ = best(lambda: schema.is_valid(str(SAMPLE)), rounds=3)
    print(f"xmlschema compile    {t_compile * 1000:8.1f} ms (once)")
    print(
        f"xmlschema validate   {t_validate * 1000:8.1f} ms   import/validate "
        f"{t_import / t_validate:5.2f} (target < 1)"
    )


if __name__ == "__main__":
    main()
