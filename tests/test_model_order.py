"""Canonical JSON writes fields in declaration order; every construction path must keep it."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from mrstd.model import Document
from mrstd.testing import documents


def _check(node: Any) -> None:
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        declared = [f.name for f in dataclasses.fields(node)]
        assert list(vars(node)) == declared, type(node).__name__
        for name in declared:
            _check(getattr(node, name))
    elif isinstance(node, tuple):
        for item in node:
            _check(item)


@pytest.mark.slow
@settings(max_examples=30, suppress_health_check=list(HealthCheck), deadline=None)
@given(documents())
def test_instances_keep_declaration_order(doc: Document) -> None:
    _check(doc)
    _check(
        Document.model_construct(**{f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)})
    )
    _check(doc.model_copy(update={"body": ()}))
