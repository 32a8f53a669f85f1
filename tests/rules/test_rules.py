"""Every rule has a failing and a passing fixture, and the registry is well-formed."""

from __future__ import annotations

import re

import pytest

from mrstd.model import (
    AdoptionLink,
    Clause,
    Degree,
    Document,
    DocumentIdentifier,
    DraftingRules,
    Layer,
    Metadata,
    Paragraph,
    Relation,
    RelationKind,
    Text,
    Title,
)
from mrstd.rules import PROFILES, Rule, all_rules, get_rule, select_rules
from mrstd.rules.editions import BY_RULES
from mrstd.rules.samples import BASE, extra_clause, para, sample
from mrstd.validation import validate

CHECKS = [rule for rule in all_rules() if rule.check is not None]


def _edition(rule: Rule) -> DraftingRules | None:
    """The first edition of drafting rules a rule cites (None: it holds for every document)."""
    return next(iter(rule.editions), None)


def _codes(doc: Document, rule: Rule) -> list[str]:
    return [f.code for f in validate(doc, select=[rule.code], drafting_rules=_edition(rule))]


def test_registry_has_at_least_40_checks() -> None:
    assert len(CHECKS) >= 40


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_is_well_formed(rule: Rule) -> None:
    assert re.fullmatch(r"MRS\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.citation and rule.summary
    assert set(rule.profiles) <= set(PROFILES) and rule.profiles
    if rule.check is not None:
        assert rule.bad is not None and rule.good is not None, "rule needs both fixtures"


@pytest.mark.parametrize("rule", CHECKS, ids=lambda r: r.code)
def test_failing_fixture_raises_the_rule(rule: Rule) -> None:
    assert rule.code in _codes(sample(rule.bad), rule)


@pytest.mark.parametrize("rule", CHECKS, ids=lambda r: r.code)
def test_passing_fixture_does_not(rule: Rule) -> None:
    assert _codes(sample(rule.good), rule) == []


@pytest.mark.parametrize("rule", CHECKS, ids=lambda r: r.code)
def test_failing_fixture_is_found_by_one_of_its_profiles(rule: Rule) -> None:
    doc = sample(rule.bad)
    edition = _edition(rule)
    assert any(
        rule.code in [f.code for f in validate(doc, profile=p, drafting_rules=edition)]
        for p in rule.profiles
    )


EDITIONED = [rule for rule in CHECKS if rule.editions]


@pytest.mark.parametrize("rule", EDITIONED, ids=lambda r: r.code)
def test_rule_runs_for_the_editions_it_cites_and_only_those(rule: Rule) -> None:
    doc = sample(rule.bad)
    for edition in rule.editions:
        assert rule.code in _codes_under(doc, rule, edition)
    others = [e for e in DraftingRules if e not in rule.editions]
    for edition in others:
        found = validate(doc, select=[rule.code], drafting_rules=edition)
        # Silent, and said so: one MRS010 naming the rule, the edition and the one it cites.
        assert [f.code for f in found] == ["MRS010"], edition
        assert rule.code in found[0].message
        assert BY_RULES[edition].title in found[0].message


def _codes_under(doc: Document, rule: Rule, edition: DraftingRules) -> list[str]:
    return [f.code for f in validate(doc, select=[rule.code], drafting_rules=edition)]


def test_every_rule_citing_drafting_rules_names_a_known_edition() -> None:
    # Each citation's editions parse (registration would have failed otherwise), and the
    # rules that hold for every document are the ones that say so.
    universal = {rule.code for rule in CHECKS if not rule.editions}
    assert {"MRS101", "MRS102", "MRS304", "MRS609", "MRS601"} <= universal
    assert {"MRS105", "MRS106", "MRS110"}.isdisjoint(universal)
    assert {"MRS203", "MRS403", "MRS502", "MRS505"}.isdisjoint(universal)
    assert list(get_rule("MRS505").editions) == [DraftingRules.DIRECTIVES_2021]


@pytest.mark.parametrize("profile", PROFILES)
def test_base_document_is_clean(profile: str) -> None:
    assert validate(sample(None), profile=profile) == []


def test_findings_carry_path_code_and_severity() -> None:
    finding = validate(sample(get_rule("MRS102").bad), select=["MRS102"])[0]
    assert finding.path == "body[4].blocks[0].content[1]"
    assert finding.severity.value == "error"
    assert finding.file is None and finding.line is None


def test_select_and_ignore_take_prefixes() -> None:
    codes = {r.code for r in select_rules("generic", select=["MRS1"])}
    assert codes and all(c.startswith("MRS1") for c in codes)
    codes = {r.code for r in select_rules("generic", ignore=["MRS1", "MRS50"])}
    assert not any(c.startswith(("MRS1", "MRS50")) for c in codes)
    assert "MRS703" not in {r.code for r in select_rules("generic")}
    assert "MRS703" in {r.code for r in select_rules("gb")}
    assert "MRS703" in {r.code for r in select_rules("generic", select=["MRS703"])}


def test_unknown_profile_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown profile"):
        validate(sample(None), profile="ansi")


# -- fixtures built with the model: adopted layers are checked too -------------------------


def _layer(identifier: str, **meta: object) -> Metadata:
    return Metadata(
        identifier=DocumentIdentifier(value=identifier),
        titles=[Title(language="en", main="Widgets")],
        **meta,  # type: ignore[arg-type]
    )


def test_duplicate_id_across_layers() -> None:
    inner = Layer(
        metadata=_layer("ISO 12345:2019"),
        annexes=[Clause(id="foreword", label="A", title=[Text(text="Annex")])],
    )
    doc = Document(
        metadata=_layer(
            "EN ISO 12345:2019",
            adoptions=[AdoptionLink(identifier="ISO 12345:2019", degree=Degree.IDT)],
        ),
        preface=[Clause(id="foreword", blocks=[Paragraph(content=[Text(text="Endorsed.")])])],
        adopted=inner,
    )
    findings = validate(doc, select=["MRS101", "MRS708"])
    assert [f.code for f in findings] == ["MRS101"]
    assert findings[0].path == "adopted.annexes[0]"


def test_relation_direction_in_adopted_layer() -> None:
    inner = Layer(
        metadata=_layer(
            "ISO 12345:2019",
            relations=[Relation(kind=RelationKind.SUPERSEDES, identifier="ISO 12345:2022")],
        )
    )
    doc = Document(
        metadata=_layer(
            "EN ISO 12345:2019",
            adoptions=[AdoptionLink(identifier="ISO 12345:2019", degree=Degree.IDT)],
        ),
        adopted=inner,
    )
    findings = validate(doc, select=["MRS705"])
    assert [f.path for f in findings] == ["adopted.metadata.relations[0]"]


def test_adopted_layer_without_adoption_link() -> None:
    doc = Document(
        metadata=_layer("EN ISO 12345:2019"), adopted=Layer(metadata=_layer("ISO 12345:2019"))
    )
    assert [f.code for f in validate(doc, select=["MRS708"])] == ["MRS708"]


def test_external_constraint_may_use_must() -> None:
    text = "Drivers must hold a licence under national law."
    doc = sample(extra_clause(para(text, provision="external-constraint")))
    assert validate(doc, select=["MRS501"]) == []
    assert [f.code for f in validate(sample(extra_clause(para(text))), select=["MRS501"])] == [
        "MRS501"
    ]


def test_base_is_the_documented_base() -> None:
    assert sample(None).metadata.identifier.value == BASE["metadata"]["identifier"]["value"]
