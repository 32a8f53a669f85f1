"""The NISO STS 1.0 XSDs, compiled once per test session and shared by the STS tests.

Compiling an XSD takes about 4 s, so every STS test module gets the schemas from
:func:`niso_schema`, which caches them in this module (loaded once, see ``load``).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from lxml import etree

XSD = "sts/schema/NISO-STS-1.0/NISO-STS-{0}-1-MathML3-XSD/NISO-STS-{0}-1-mathml3.xsd"
_CACHE: dict[str, etree.XMLSchema] = {}


def corpus_dir() -> Path | None:
    """Where the shared corpus is, as tests/conftest.py finds it."""
    env = os.environ.get("MRSTD_CORPUS")
    root = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    return root if root.is_dir() else None


def niso_schema(tag_set: str) -> etree.XMLSchema:
    """The compiled XSD of a tag set ("interchange" or "extended"); skips without the corpus."""
    if tag_set not in _CACHE:
        root = corpus_dir()
        if root is None:
            pytest.skip("NISO STS XSDs are in the shared corpus, which is absent")
        _CACHE[tag_set] = etree.XMLSchema(etree.parse(str(root / XSD.format(tag_set))))
    return _CACHE[tag_set]


def load() -> object:
    """This module, imported once under a fixed name whatever the import mode."""
    name = "mrstd_tests_sts_xsd"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, __file__)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def test_invalid_document_is_rejected() -> None:
    schema = load().niso_schema("interchange")  # type: ignore[attr-defined]
    assert not schema.validate(etree.fromstring(b"<standard><body/></standard>"))
