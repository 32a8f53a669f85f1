"""The project's own files: licence, dependencies (issue 13)."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def test_the_declared_licence_is_shipped() -> None:
    assert PROJECT["license"] == "Apache-2.0"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text


def test_hypothesis_is_an_extra_not_a_runtime_dependency() -> None:
    runtime = [d.split(">")[0].split("=")[0].strip().lower() for d in PROJECT["dependencies"]]
    assert "hypothesis" not in runtime
    assert any(d.startswith("hypothesis") for d in PROJECT["optional-dependencies"]["testing"])


def test_the_lazy_package_exports_what_it_lists() -> None:
    import mrstd

    for name in mrstd.__all__:
        assert getattr(mrstd, name) is not None
    assert set(mrstd.__all__) == {*mrstd._SOURCES, *mrstd._MODULES, "__version__"}
