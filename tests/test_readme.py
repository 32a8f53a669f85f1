"""The README's two set-up commands are the ones CI and users run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    head = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## ")[0]
    return re.findall(r"```sh\n(.+?)\n```", head)


def test_readme_first_screen_has_exactly_two_commands() -> None:
    commands = _commands()
    assert len(commands) == 2
    assert "mrstd validate examples/*.json" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = ROOT.joinpath(".ci", "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci.splitlines()
    assert "MRSTD_REQUIRE_CORPUS=1" in ci


def test_readme_python_example_runs(capsys: object, monkeypatch: object, tmp_path: Path) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    # The example writes files (out/, report.json): run it in a scratch copy, not the repo.
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    text = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    code = re.findall(r"```python\n(.+?)\n```", text, re.S)[0]
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "GB/T 99801-2026/ISO 99801:2026" in out and "IDT" in out and "ISO 9001:2015" in out
