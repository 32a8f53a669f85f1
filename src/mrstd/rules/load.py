"""Codes validation reports itself, never a check (MRS0xx): sources that cannot be read as
documents at all, and rules that do not apply to a document.

These are reported by :func:`mrstd.validation.validate_file` and
:func:`mrstd.validation.validate`.
"""

from __future__ import annotations

from .registry import Severity, load_rule

SYNTAX = load_rule(
    code="MRS001",
    name="syntax-error",
    citation="RFC 8259 (JSON); XML 1.0, 2.1 (well-formed documents)",
    summary="The source is not well-formed JSON or XML (this includes an empty file and "
    "nesting deeper than the parser accepts).",
)
ENCODING = load_rule(
    code="MRS002",
    name="not-utf8",
    citation="RFC 8259, 8.1 (JSON text is UTF-8)",
    summary="The source holds bytes that are not UTF-8.",
)
SCHEMA = load_rule(
    code="MRS003",
    name="schema-violation",
    citation="mrstd document schema 1.0 (schemas/1.0/document.schema.json)",
    summary="The source does not match the document model: a wrong type, a missing required "
    "field, an unknown field or a value outside its vocabulary.",
)
VERSION = load_rule(
    code="MRS004",
    name="unsupported-schema-version",
    citation="mrstd document schema versioning (docs/versioning.md)",
    summary="The document names a schema version this release cannot read, or none.",
)
UNREADABLE = load_rule(
    code="MRS005",
    name="unreadable-source",
    citation="-",
    summary="The file cannot be read: missing, a directory, or no permission.",
)
FORMAT = load_rule(
    code="MRS006",
    name="unknown-format",
    citation="-",
    summary="The format of the file cannot be detected, or it cannot be read.",
)
SOURCE_WARNING = load_rule(
    code="MRS007",
    name="source-warning",
    citation="Namespaces in XML 1.0 (3rd ed.), 2: a namespace name is a URI reference",
    summary="The source breaks a rule its reader can work around, and was read anyway: for "
    "example a namespace named by a formal public identifier instead of a URI, as in old "
    'CALS tables (xmlns="-//OASIS//DTD XML Exchange Table Model 19990315//EN").',
    severity=Severity.WARNING,
)
INTERNAL = load_rule(
    code="MRS009",
    name="nesting-too-deep",
    citation="-",
    summary="The document is nested too deeply to be checked.",
)
INTERNAL_ERROR = load_rule(
    code="MRS008",
    name="internal-error",
    citation="-",
    summary="mrstd failed while checking this file; this is a bug in mrstd, please report it.",
)
NOT_APPLICABLE = load_rule(
    code="MRS010",
    name="rules-not-applicable",
    citation="the drafting rules each rule cites (mrstd.rules.editions)",
    summary="Rules were chosen that enforce drafting rules the document was not written "
    "under (an edition of ISO/IEC Directives Part 2 or GB/T 1.1, from its metadata or its "
    "publication date); they did not run.",
    severity=Severity.INFO,
)
