"""Golden text, JSON and SARIF output of ``mrstd validate`` for every file in examples/invalid/.

Refresh with ``MRSTD_UPDATE_GOLDEN=1 pytest tests/test_golden_diagnostics.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import mrstd
from mrstd.commands.validate import validate_command
from support import check_golden

ROOT = Path(__file__).resolve().parent.parent
INVALID = ROOT / "examples" / "invalid"
GOLDEN = ROOT / "tests" / "golden" / "diagnostics"
FILES = sorted(p.name for p in INVALID.iterdir() if p.suffix == ".json")
FORMATS = {"text": "txt", "json": "json", "sarif": "sarif"}


def profile_for(name: str) -> str:
    """GB examples run with the gb profile, the others with iso."""
    return "gb" if name.startswith("gb-") or name.endswith("-zh.json") else "iso"


def run(name: str, fmt: str) -> tuple[int, str]:
    runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(ROOT)  # relative paths keep the goldens machine-independent
    try:
        result = runner.invoke(
            validate_command,
            [f"examples/invalid/{name}", "--profile", profile_for(name), "-f", fmt],
        )
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout.replace(mrstd.__version__, "<version>")


def test_every_example_has_a_readme_entry() -> None:
    readme = (INVALID / "README.md").read_text("utf-8")
    for name in FILES:
        assert f"`{name}`" in readme, f"{name} is not described in examples/invalid/README.md"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", FILES)
def test_golden(name: str, fmt: str) -> None:
    code, output = run(name, fmt)
    assert code == 1, f"{name} should be invalid"
    golden = GOLDEN / f"{Path(name).stem}.{FORMATS[fmt]}"
    check_golden(golden, output.encode("utf-8"))
