"""The rule registry: every check is a small function with a stable code and a citation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..findings import Finding as Finding
from ..findings import Severity as Severity
from ..model.enums import DraftingRules
from ..paths import PathPart, format_path
from .editions import cited_editions

if TYPE_CHECKING:
    from .context import Context

PROFILES = ("generic", "iso", "gb")
ALL_PROFILES = PROFILES


Check = Callable[["Context"], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: identity, default severity, profiles, source clause and the check.

    ``bad`` and ``good`` are merge patches applied to a small valid base document
    (:mod:`mrstd.rules.samples`); they are the rule's failing and passing examples in
    docs/rules.md and its fixtures in tests/rules. A list whose first item is ``"..."``
    keeps the base list's items and appends the rest.
    """

    code: str
    name: str
    severity: Severity
    profiles: tuple[str, ...]
    citation: str
    summary: str
    check: Check | None
    bad: Mapping[str, Any] | None = None
    good: Mapping[str, Any] | None = None
    family: str = ""
    #: The editions of drafting rules the rule applies to, each with the clause it cites
    #: there (:mod:`mrstd.rules.editions`); empty for a rule that holds for every document.
    editions: Mapping[DraftingRules, str] = field(default_factory=dict)

    def applies_to(self, rules: DraftingRules) -> bool:
        """Whether the rule runs on a document drafted under ``rules``."""
        return not self.editions or rules in self.editions

    @property
    def load_phase(self) -> bool:
        """True for codes reported while reading a source rather than by a check."""
        return self.check is None

    def as_json(self) -> dict[str, Any]:
        """The rule as ``mrstd rules --json`` prints it."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "profiles": list(self.profiles),
            "family": self.family,
            "citation": self.citation,
            "summary": self.summary,
            "editions": {rules.value: clause for rules, clause in self.editions.items()},
        }


_RULES: dict[str, Rule] = {}


def _family(module: str) -> str:
    return module.rsplit(".", 1)[-1]


def rule(
    *,
    code: str,
    name: str,
    severity: Severity | str,
    profiles: Sequence[str] = PROFILES,
    citation: str,
    summary: str,
    bad: Mapping[str, Any] | None = None,
    good: Mapping[str, Any] | None = None,
    any_edition: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule ``code``.

    The editions of drafting rules that ``citation`` cites are those the rule applies to;
    ``any_edition`` makes it hold for every document (a check of the document's own
    consistency, such as unique ids, which the citation grounds but does not bound).
    """

    def register(check: Check) -> Check:
        _add(
            Rule(
                code=code,
                name=name,
                severity=Severity(severity),
                profiles=tuple(profiles),
                citation=citation,
                summary=summary,
                check=check,
                bad=bad,
                good=good,
                family=_family(check.__module__),
                editions={} if any_edition else cited_editions(citation),
            )
        )
        return check

    return register


def load_rule(
    *, code: str, name: str, citation: str, summary: str, severity: Severity = Severity.ERROR
) -> Rule:
    """Register a code reported while reading a source (no check function)."""
    return _add(
        Rule(
            code=code,
            name=name,
            severity=severity,
            profiles=PROFILES,
            citation=citation,
            summary=summary,
            check=None,
            family="load",
        )
    )


def _add(entry: Rule) -> Rule:
    if entry.code in _RULES:
        raise ValueError(f"rule code {entry.code} registered twice")
    unknown = set(entry.profiles) - set(PROFILES)
    if unknown:
        raise ValueError(f"{entry.code}: unknown profiles {sorted(unknown)}")
    _RULES[entry.code] = entry
    return entry


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by code."""
    return [_RULES[code] for code in sorted(_RULES)]


def get_rule(code: str) -> Rule:
    """The rule with this code (KeyError if none)."""
    return _RULES[code]


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in prefixes if p.strip())


def select_rules(
    profile: str = "generic", select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Rule]:
    """The checks to run: the profile's rules, or the ``select`` prefixes, minus ``ignore``.

    An explicit ``select`` picks among all rules, whatever their profile.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; known profiles: {', '.join(PROFILES)}")
    chosen = []
    for entry in all_rules():
        if entry.check is None:
            continue
        if select:
            if not _matches(entry.code, select):
                continue
        elif profile not in entry.profiles:
            continue
        if ignore and _matches(entry.code, ignore):
            continue
        chosen.append(entry)
    return chosen


def render_path(loc: Sequence[PathPart]) -> str:
    """The user-facing path of a location."""
    return format_path(loc)
