"""Findings in XML sources without a locator of their own get the line of the nearest id."""

from __future__ import annotations

from pathlib import Path

import mrstd

ROOT = Path(__file__).resolve().parent.parent


def test_sts_finding_points_at_the_enclosing_element(tmp_path: Path) -> None:
    doc = mrstd.load(ROOT / "examples" / "iso-widget.json")
    sts = mrstd.dumps(doc, format="sts").replace('rid="fig-1"', 'rid="fig-9"')
    path = tmp_path / "widget.sts.xml"
    path.write_text(sts, encoding="utf-8")
    findings = [f for f in mrstd.validate_file(path) if f.code == "MRS102"]
    assert len(findings) == 1
    expected = next(n for n, line in enumerate(sts.splitlines(), 1) if 'id="sec-5.2"' in line)
    assert (findings[0].line, findings[0].column) == (expected, 1)
