"""The validation engine: run coded rules over a document, and read files into findings.

``validate(doc)`` runs the rules of a profile over a model; ``validate_file(path)`` reads a
file (any registered format), turns anything that stops it from being read into a finding
with its own MRS0xx code, and places every rule finding at a line and column of the source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from typing_extensions import assert_never

from .errors import DocumentError, MrstdError, ProblemKind, UnsupportedVersionError
from .findings import Finding, Related, Severity
from .formats import ConversionLog, detect_format, get_format
from .formats.base import Format
from .formats.idlocate import IdLines, deepest_id
from .io import SourceError, read_source
from .model import Document, DraftingRules, ProvisionKind
from .model.base import no_gc
from .paths import format_path
from .rules import load as load_codes
from .rules import select_rules
from .rules.context import (
    DEFINITION,
    EXAMPLE,
    FOOTNOTE,
    FOREWORD,
    INFORMATIVE_ANNEX,
    INTRODUCTION,
    NOTE,
    TABLE,
    Context,
)
from .rules.editions import BY_RULES, Determined, drafting_rules_of
from .rules.registry import Rule
from .rules.verbal import is_chinese, sentence_provisions

__all__ = [
    "Finding",
    "Provision",
    "Severity",
    "provisions",
    "validate",
    "validate_bytes",
    "validate_file",
]


def validate(
    doc: Document | str | Path,
    *,
    profile: str = "generic",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    drafting_rules: DraftingRules | str | None = None,
) -> list[Finding]:
    """Findings of the profile's rules (or the ``select`` prefixes, minus ``ignore``) on ``doc``.

    ``doc`` is a :class:`Document`, or the path of a file, which is read as
    :func:`validate_file` reads it. Only the rules for the drafting rules ``doc`` was written
    under run: those its metadata states, else ``drafting_rules``, else those in force when it
    was published (:mod:`mrstd.rules.editions`); one MRS010 finding names the rules that did
    not. Raises ValueError for an unknown profile or drafting rules, and TypeError for anything
    else given as ``doc``.
    """
    if isinstance(doc, (str, Path)):
        return validate_file(
            doc, profile=profile, select=select, ignore=ignore, drafting_rules=drafting_rules
        )
    if not isinstance(doc, Document):
        raise TypeError(
            f"validate() takes a Document or the path of a file, not {type(doc).__name__}; "
            "read bytes with mrstd.loads() or use validate_bytes()"
        )
    chosen = select_rules(profile, select, ignore)
    edition = drafting_rules_of(doc, drafting_rules, profile)
    rules = [entry for entry in chosen if entry.applies_to(edition.rules)]
    # A record of metadata alone (Relaton) has nothing the drafting rules read: no note.
    skipped = _not_run(chosen, rules, edition, bool(select)) if _has_content(doc) else []
    try:
        # The index adds many small objects; full collections over a large model cost more
        # than the whole check, and the index holds no cycles.
        with no_gc():
            ctx = Context(doc, profile)
            return skipped + _run(ctx, rules)
    except RecursionError:
        rule = load_codes.INTERNAL
        return [Finding(rule.code, rule.severity, "the document is nested too deeply to check")]


def _has_content(doc: Document) -> bool:
    """Whether any layer of ``doc`` has a clause (a Relaton record has none)."""
    return any(layer.preface or layer.body or layer.annexes or layer.back for layer in doc.layers())


def _not_run(
    chosen: list[Rule], run: list[Rule], edition: Determined, selected: bool
) -> list[Finding]:
    """One finding naming the chosen rules that do not apply to the document's edition: those
    for another edition of its drafting rules, all of them for a document drafted under other
    rules, and any the user selected by code. (A GB/T 1.1 rule on an ISO document is simply
    not about it.)"""
    own = BY_RULES[edition.rules].family
    left = [
        entry
        for entry in chosen
        if entry not in run
        and (selected or own == "other" or any(BY_RULES[e].family == own for e in entry.editions))
    ]
    if not left:
        return []
    cited = sorted(
        {
            BY_RULES[rules].title
            for entry in left
            for rules in entry.editions
            if own in ("other", BY_RULES[rules].family) or selected
        }
    )
    codes = ", ".join(entry.code for entry in left)
    rule = load_codes.NOT_APPLICABLE
    message = (
        f"{len(left)} rule(s) not run ({codes}): they enforce {' or '.join(cited)}, and the "
        f"document was drafted under {edition.title}: {edition.how}"
    )
    hint = "give the drafting rules (--drafting-rules, metadata.drafting_rules) to run them"
    return [Finding(rule.code, rule.severity, message, "metadata", hint, loc=("metadata",))]


def _run(ctx: Context, rules: Iterable[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    for entry in rules:
        assert entry.check is not None
        ctx.rule = entry
        findings.extend(entry.check(ctx))
    ctx.rule = None
    return findings


def validate_file(
    path: str | Path,
    *,
    profile: str = "generic",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    format: str | None = None,
    drafting_rules: DraftingRules | str | None = None,
) -> list[Finding]:
    """Read ``path`` and validate it; a source that cannot be read gives MRS0xx findings.

    Findings carry ``file`` (``path`` as given), and ``line``/``column`` in the source.
    """
    source = str(path)
    try:
        data = read_source(path)
    except SourceError as exc:
        return [_load_finding(load_codes.UNREADABLE, str(exc).removeprefix(f"{source}: "), source)]
    return validate_bytes(
        data,
        source,
        profile=profile,
        select=select,
        ignore=ignore,
        format=format,
        drafting_rules=drafting_rules,
    )


def validate_bytes(
    data: bytes,
    source: str = "<bytes>",
    *,
    profile: str = "generic",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    format: str | None = None,
    drafting_rules: DraftingRules | str | None = None,
) -> list[Finding]:
    """Validate a document given as bytes (stdin, a network message); ``source`` names it in
    the findings. Otherwise as :func:`validate_file`."""
    try:
        fmt = get_format(format) if format else detect_format(source, data)
        if fmt.read is None:
            raise MrstdError(f"format {fmt.name!r} cannot be read")
    except MrstdError as exc:
        return [_load_finding(load_codes.FORMAT, str(exc).removeprefix(f"{source}: "), source)]
    log = ConversionLog()
    try:
        doc = fmt.read(data, source, log)
    except DocumentError as exc:
        return _document_error(exc, source)
    except RecursionError:
        return [_load_finding(load_codes.INTERNAL, "the document is nested too deeply", source)]
    except (MrstdError, ValueError) as exc:
        return [_load_finding(load_codes.FORMAT, f"cannot read as {fmt.name}: {exc}", source)]
    findings = validate(
        doc, profile=profile, select=select, ignore=ignore, drafting_rules=drafting_rules
    )
    located = locate_findings(findings, data, fmt, source, doc)
    warned = [
        _load_finding(load_codes.SOURCE_WARNING, w.message, source, w.line, w.column, w.path)
        for w in log.warnings
    ]
    return warned + located if warned else located


def locate_findings(
    findings: list[Finding], data: bytes, fmt: Format, source: str, doc: Document | None = None
) -> list[Finding]:
    """Fill file, line and column of rule findings from the source, and sort them.

    Formats without a locator of their own (STS, Relaton XML) are located through the
    ids on each finding's path, when the source is XML.
    """
    if not findings:
        return findings
    # Each finding and each of its related places: all have a loc, line and column.
    targets: list[Finding | Related] = [*findings, *(r for f in findings for r in f.related)]
    if fmt.locate is not None:
        places = fmt.locate(data, [t.loc for t in targets])
        for target in targets:
            place = places.get(target.loc)
            if place is not None:
                target.line, target.column = place
    elif doc is not None and data.lstrip()[:1] == b"<":
        lines = IdLines(data, source)
        for target in targets:
            ident = deepest_id(doc, target.loc)
            line = lines.line(ident) if ident is not None else None
            if line is not None:
                target.line, target.column = line, 1
    for finding in findings:
        finding.file = source
    findings.sort(key=_order)
    return findings


def _order(finding: Finding) -> tuple[int, int, str]:
    return (finding.line or 0, finding.column or 0, finding.code)


def _load_finding(
    rule: Rule,
    message: str,
    source: str,
    line: int | None = None,
    column: int | None = None,
    path: str = "",
) -> Finding:
    return Finding(rule.code, rule.severity, message, path, None, source, line, column)


def _document_error(exc: DocumentError, source: str) -> list[Finding]:
    findings = []
    for problem in exc.problems or []:
        message = problem.message
        if isinstance(exc, UnsupportedVersionError):
            rule = load_codes.VERSION
        else:
            match problem.kind:
                case ProblemKind.SYNTAX:
                    rule = load_codes.SYNTAX
                case ProblemKind.ENCODING:
                    rule = load_codes.ENCODING
                case ProblemKind.CONTENT:
                    rule = load_codes.SCHEMA
                case _:
                    assert_never(problem.kind)
        findings.append(
            _load_finding(rule, message, source, problem.line, problem.column, problem.path)
        )
    if not findings:
        findings.append(_load_finding(load_codes.SCHEMA, str(exc), source))
    findings.sort(key=_order)
    return findings


# -- locating many paths in JSON text in one pass ------------------------------------------

# -- provisions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Provision:
    """One provision of a document: its kind, the verbal form that makes it one, and where.

    ``marked`` is True when the document itself marks the kind (a provision paragraph or
    span); otherwise the kind is inferred from the verbal form. ``context`` says where the
    sentence sits: body, foreword, introduction, note, example, definition, footnote, table
    or informative-annex. ``boilerplate`` names the prescribed sentence it is (the standard
    foreword text, the patent statement: ``mrstd/data/boilerplate.yaml``), which is wording
    the drafting rules require of every document, not a provision of this one.
    """

    kind: ProvisionKind
    form: str | None
    language: str
    text: str
    path: str
    context: str
    marked: bool = False
    boilerplate: str | None = None


def _context_name(flags: int) -> str:
    for flag, name in (
        (DEFINITION, "definition"),
        (NOTE, "note"),
        (EXAMPLE, "example"),
        (FOOTNOTE, "footnote"),
        (FOREWORD, "foreword"),
        (INTRODUCTION, "introduction"),
        (TABLE, "table"),
        (INFORMATIVE_ANNEX, "informative-annex"),
    ):
        if flags & flag:
            return name
    return "body"


def provisions(doc: Document) -> list[Provision]:
    """Every provision of the document (adopted layers included), sentence by sentence."""
    ctx = Context(doc)
    out: list[Provision] = []
    for unit in ctx.index.units:
        text = unit.full_text
        if not text.strip():
            continue
        path = format_path(unit.loc)
        context = _context_name(unit.flags)
        language = "zh" if is_chinese(text) else "en"
        for found in sentence_provisions(text, unit.marked, unit.preface):
            out.append(
                Provision(
                    kind=found.kind,
                    form=found.form.form if found.form is not None else None,
                    language=found.form.language if found.form is not None else language,
                    text=found.sentence,
                    path=path,
                    context=context,
                    marked=unit.marked is not None,
                    boilerplate=found.prescribed.id if found.prescribed is not None else None,
                )
            )
    return out
