"""Native XML speed and memory against lxml on the large benchmark document.

Run ``python benchmarks/bench_xml.py``. Times are the best of several rounds of
wall-clock time, baseline and candidate interleaved in the same run (``common.compare``):

* load: ``mrstd.loads(xml, format="xml")`` against ``lxml.etree.fromstring`` of the bytes;
* dump: ``mrstd.dumps_bytes(doc, "xml")`` against ``lxml.etree.tostring`` of the parsed tree;
* memory: peak RSS growth while loading a ~50 MB XML file, in a fresh subprocess,
  divided by the file size.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from common import compare, row
from lxml import etree

import mrstd
from benchmarks.largedoc import large_document

_MEMORY_PROBE = """
import gc, resource, sys
import mrstd
from lxml import etree
gc.collect()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
data = open(sys.argv[1], "rb").read()
doc = mrstd.loads(data, format="xml")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((peak - base) * 1024, len(data))
"""


def memory_ratio(clauses: int) -> tuple[float, int]:
    """Peak RSS growth / file size when loading a generated XML file."""
    data = mrstd.dumps_bytes(large_document(clauses=clauses), "xml")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.xml"
        path.write_bytes(data)
        out = subprocess.run(
            [sys.executable, "-c", _MEMORY_PROBE, str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
    growth, size = int(out[0]), int(out[1])
    return growth / size, size


def main() -> None:
    doc = large_document()
    xml = mrstd.dumps_bytes(doc, "xml")
    tree = etree.fromstring(xml)
    assert mrstd.loads(xml, format="xml") == doc
    print(f"document: {len(xml) / 1e6:.1f} MB XML, {sum(1 for _ in tree.iter())} elements")

    load = compare(lambda: mrstd.loads(xml, format="xml"), lambda: etree.fromstring(xml))
    print(row("load vs lxml fromstring", load, 3))
    dump = compare(lambda: mrstd.dumps_bytes(doc, "xml"), lambda: etree.tostring(tree))
    print(row("dump vs lxml tostring", dump, 3))

    # Scale the clause count so that the file is about 50 MB.
    ratio, size = memory_ratio(clauses=int(5000 * 50e6 / len(xml)))
    print(f"memory: loading {size / 1e6:.1f} MB XML grows peak RSS by {ratio:.2f}x the file size")


if __name__ == "__main__":
    main()
