"""Validation never fails on a valid document, and its findings are well-formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from mrstd.model import Document
from mrstd.paths import format_path
from mrstd.rules import PROFILES, all_rules
from mrstd.testing import documents
from mrstd.validation import provisions, validate

CODES = {rule.code for rule in all_rules()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_validate_runs_on_any_document(doc: Document) -> None:
    for profile in PROFILES:
        for finding in validate(doc, profile=profile):
            assert finding.code in CODES
            assert finding.path == format_path(finding.loc)
            assert finding.message


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_references_resolve(doc: Document) -> None:
    """The strategies promise resolving cross-references; the rules agree."""
    assert validate(doc, select=["MRS101", "MRS102", "MRS107"]) == []
    for provision in provisions(doc):
        assert provision.text.strip()
