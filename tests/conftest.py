"""Shared fixtures: where the third-party corpus lives, and whether it must."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from support import require_corpus

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder; skips (or fails under MRSTD_REQUIRE_CORPUS=1) when absent."""
    return require_corpus()


# ------------------------------------------------------------ run summary
# Corpus tests report figures (fidelity tables, rates) as rows of a summary printed at the
# end of the run. Rows travel in the test reports' user properties, so the summary is
# complete under pytest-xdist too, where each test runs in a worker process.

_SUMMARY_KEY = "mrstd_summary"
_SUMMARY: dict[str, tuple[str, list[str]]] = {}


@pytest.fixture
def summary_row(record_property: Any) -> Callable[[str, str, str], None]:
    """Add ``row`` to the section ``title`` (whose table starts with ``header``)."""

    def add(title: str, header: str, row: str) -> None:
        record_property(_SUMMARY_KEY, [title, header, row])

    return add


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call":  # the teardown report carries the same properties again
        return
    for name, value in report.user_properties:
        if name == _SUMMARY_KEY:
            title, header, row = value
            _SUMMARY.setdefault(title, (header, []))[1].append(row)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return
    for title, (header, rows) in sorted(_SUMMARY.items()):
        terminalreporter.write_sep("-", title)
        if header:
            terminalreporter.write_line(header)
        for row in sorted(rows):
            terminalreporter.write_line(row)


# ------------------------------------------------------------ the quick loop
_SLOW_FOLDERS = ("corpus", "properties")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the corpus and property tests, and every test that reads the corpus, ``slow``:
    ``pytest -m "not slow"`` leaves them out for the edit-test loop; the README's
    ``pytest -n 2`` runs everything."""
    for item in items:
        in_folder = Path(str(item.fspath)).parent.name in _SLOW_FOLDERS
        if in_folder or "corpus" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
