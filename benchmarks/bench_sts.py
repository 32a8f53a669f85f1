"""NISO STS import/export speed on the 2.5 MB NISO Z39.102 sample, against lxml baselines.

Run: python benchmarks/bench_sts.py  (needs ../shared/corpus or $MRSTD_CORPUS; xmlschema
is optional). Prints best-of-N wall times and the ratios issue 4 sets targets for:
import <= 4x lxml.etree.fromstring, export <= 4x lxml.etree.tostring, import faster than
xmlschema validating the same file.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from common import compare, row
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


def main() -> None:
    data = SAMPLE.read_bytes()
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    tree = etree.fromstring(data, parser)
    doc = read_sts(data, SAMPLE.name, ConversionLog())
    print(f"sample: {SAMPLE.name} ({len(data):,} bytes)")
    imported = compare(
        lambda: read_sts(data, SAMPLE.name, ConversionLog()),
        lambda: etree.fromstring(data, parser),
    )
    print(row("STS import vs lxml fromstring", imported, 4))
    exported = compare(lambda: write_sts(doc, ConversionLog()), lambda: etree.tostring(tree))
    print(row("STS export vs lxml tostring", exported, 4))
    try:
        import xmlschema
    except ImportError:
        print("xmlschema not installed: validation baseline skipped")
        return
    start = time.perf_counter()
    schema = xmlschema.XMLSchema(str(XSD))
    print(f"xmlschema compile {(time.perf_counter() - start) * 1000:8.1f} ms (once)")
    validated = compare(
        lambda: read_sts(data, SAMPLE.name, ConversionLog()),
        lambda: schema.is_valid(str(SAMPLE)),
        runs=3,
    )
    print(row("STS import vs xmlschema validation", validated, 1))


if __name__ == "__main__":
    main()
