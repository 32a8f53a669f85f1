"""Shared fixtures: where the third-party corpus lives, and whether it must."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def corpus_root() -> Path | None:
    """The shared corpus folder, or None when it is absent."""
    env = os.environ.get("MRSTD_CORPUS")
    candidate = Path(env) if env else ROOT.parent / "shared" / "corpus"
    return candidate if candidate.is_dir() else None


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder; skips (or fails under MRSTD_REQUIRE_CORPUS=1) when absent."""
    root = corpus_root()
    if root is None:
        reason = "shared corpus not found at ../shared/corpus or $MRSTD_CORPUS"
        if os.environ.get("MRSTD_REQUIRE_CORPUS") == "1":
            pytest.fail(reason + " (MRSTD_REQUIRE_CORPUS=1)")
        pytest.skip(reason)
    return root
