"""Rules aware of their edition (issue 14): a document is judged by the drafting rules it was
written under, stated, given or inferred from its publisher and date."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import mrstd
from mrstd.cli import main
from mrstd.model import Document, DraftingRules
from mrstd.rules.editions import drafting_rules_of
from mrstd.rules.samples import meta, para, sample
from mrstd.validation import validate

D = DraftingRules


def _doc(identifier: str, published: str | None = None, **extra: Any) -> Document:
    dates = {"published": published}  # None clears the base document's date
    return sample(meta(identifier={"value": identifier}, dates=dates, **extra))


@pytest.mark.parametrize(
    ("identifier", "published", "expected"),
    [
        ("ISO 12345:2006", "2006-03-01", D.DIRECTIVES_2004),
        ("ISO 12345:2012", "2012-06-01", D.DIRECTIVES_2011),
        ("IEC 12345:2017", "2017-01-15", D.DIRECTIVES_2016),
        ("ISO/IEC 12345:2019", "2019-08-01", D.DIRECTIVES_2018),
        ("ISO 12345:2021", "2021-04-30", D.DIRECTIVES_2018),
        ("ISO 12345:2021", "2021-05-01", D.DIRECTIVES_2021),
        ("EN 12345:2023", "2023-02-01", D.DIRECTIVES_2021),
        ("ISO 12345", None, D.DIRECTIVES_2021),
        ("GB/T 30001-2015", "2015-05-01", D.GB_T_1_1_2009),
        ("GB/T 30001-2020", "2020-03-01", D.GB_T_1_1_2009),
        ("GB/T 30001-2021", "2021-03-01", D.GB_T_1_1_2020),
        ("HG/T 2000-2022", "2022-01-01", D.GB_T_1_1_2020),
        ("ANSI/NISO Z39.102-2017", "2017-10-01", D.OTHER),
        ("IETF RFC 8142", "2017-04-01", D.OTHER),
    ],
)
def test_drafting_rules_follow_publisher_and_date(
    identifier: str, published: str | None, expected: DraftingRules
) -> None:
    assert drafting_rules_of(_doc(identifier, published)).rules is expected


def test_stated_rules_win_over_given_ones_and_given_over_inferred() -> None:
    old = _doc("ISO 12345:2006", "2006-03-01")
    assert drafting_rules_of(old, D.DIRECTIVES_2021).rules is D.DIRECTIVES_2021
    stated = _doc("ISO 12345:2006", "2006-03-01", drafting_rules="iso-iec-directives-2:2011")
    assert drafting_rules_of(stated, D.DIRECTIVES_2021).rules is D.DIRECTIVES_2011


def test_an_adoption_is_judged_as_the_document_it_adopts() -> None:
    din = {"identifier": {"value": "DIN EN ISO 12345:2019-03"}, "dates": {"published": "2019-03"}}
    iso = {"identifier": {"value": "ISO 12345:2016"}, "dates": {"published": "2016-06-01"}}
    doc = sample({"metadata": din, "adopted": {"metadata": iso}})
    assert drafting_rules_of(doc).rules is D.DIRECTIVES_2016


NEED_NOT = {
    "body": [
        "...",
        {
            "id": "x",
            "label": "5",
            "title": [{"type": "text", "text": "X"}],
            "blocks": [para("The widget need not be painted.")],
        },
    ]
}


def test_a_2006_document_is_not_judged_by_2021_wording() -> None:
    # 'need not' stopped being a permission form in the 2021 edition (MRS505).
    old = sample(
        {
            **NEED_NOT,
            **meta(identifier={"value": "ISO 12345:2006"}, dates={"published": "2006-03-01"}),
        }
    )
    found = validate(old, select=["MRS505"])
    assert [f.code for f in found] == ["MRS010"]
    assert "MRS505" in found[0].message and "Directives Part 2:2004" in found[0].message
    assert "2006-03-01" in found[0].message
    assert [
        f.code for f in validate(old, select=["MRS505"], drafting_rules="iso-iec-directives-2:2021")
    ] == ["MRS505"]
    new = sample(
        {
            **NEED_NOT,
            **meta(identifier={"value": "ISO 12345:2022"}, dates={"published": "2022-03-01"}),
        }
    )
    assert [f.code for f in validate(new, select=["MRS505"])] == ["MRS505"]


def test_a_document_under_other_rules_gets_only_the_rules_for_every_document() -> None:
    ieee = sample(meta(identifier={"value": "IEEE 802.3-2018"}, dates={"published": "2018-08-31"}))
    found = validate(ieee, profile="iso")
    assert [f.code for f in found] == ["MRS010"]
    assert "drafted under drafting rules mrstd has no rules for" in found[0].message
    # The document's own consistency is checked whatever its drafting rules...
    consistency = ["MRS101", "MRS102", "MRS103", "MRS104", "MRS107", "MRS108", "MRS109"]
    assert validate(ieee, select=consistency) == []
    # ...how it cites and lists references is the Directives' business.
    (note,) = validate(ieee, select=["MRS105", "MRS106"])
    assert note.code == "MRS010" and "MRS105, MRS106" in note.message


def test_the_command_line_and_the_project_give_drafting_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    old = sample(
        {
            **NEED_NOT,
            **meta(identifier={"value": "ISO 12345:2006"}, dates={"published": "2006-03-01"}),
        }
    )
    (tmp_path / "old.json").write_text(mrstd.dumps(old), "utf-8")

    def codes(*args: str) -> list[str]:
        result = CliRunner().invoke(
            main, ["validate", "old.json", "--select", "MRS505", "-f", "json", *args]
        )
        assert result.exit_code in (0, 1), result.output
        return [f["code"] for f in json.loads(result.stdout)["findings"]]

    assert codes() == ["MRS010"]
    assert codes("--drafting-rules", "iso-iec-directives-2:2021") == ["MRS505"]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mrstd]\ndrafting-rules = "iso-iec-directives-2:2021"\n', "utf-8"
    )
    assert codes() == ["MRS505"]
    (tmp_path / "pyproject.toml").write_text('[tool.mrstd]\ndrafting-rules = "iso-2021"\n', "utf-8")
    result = CliRunner().invoke(main, ["validate", "old.json"])
    assert result.exit_code == 2 and "drafting-rules" in result.output
    result = CliRunner().invoke(main, ["rules", "--json"])

    listed = {r["code"]: r["editions"] for r in json.loads(result.stdout)}
    assert list(listed["MRS505"]) == ["iso-iec-directives-2:2021"]
    assert listed["MRS505"]["iso-iec-directives-2:2021"].startswith("7 (Table 5")
    assert listed["MRS102"] == {}


def test_a_draft_without_publisher_follows_the_chosen_profile() -> None:
    draft = sample(
        meta(identifier={"value": "unidentified", "scheme": "derived"}, dates={"published": None})
    )
    assert drafting_rules_of(draft, profile="iso").rules is D.DIRECTIVES_2021
    assert drafting_rules_of(draft, profile="gb").rules is D.GB_T_1_1_2020
    assert drafting_rules_of(draft).rules is D.OTHER


def test_publishers_named_in_full_and_identifiers_without_a_date() -> None:
    ietf = meta(
        identifier={"value": "8142"}, publishers=[{"name": "Internet Engineering Task Force"}]
    )
    assert drafting_rules_of(sample(ietf), profile="iso").rules is D.OTHER
    iso = meta(
        identifier={"value": "4000"},
        publishers=[{"name": "International Organization for Standardization"}],
        dates={},
    )
    assert drafting_rules_of(sample(iso)).rules is D.DIRECTIVES_2021
    dated_by_identifier = drafting_rules_of(_doc("ISO 8601-1:2019"))
    assert dated_by_identifier.rules is D.DIRECTIVES_2018
    assert "2019, the year of its identifier" in dated_by_identifier.how


def test_a_record_of_metadata_alone_gets_no_note_about_rules_not_run() -> None:
    record = Document.model_validate(
        {
            "$schema": "https://mrstd.dev/schema/1.2/document.json",
            "metadata": {
                "identifier": {"value": "ISO 12345:2006"},
                "titles": [{"language": "en", "main": "Widgets"}],
                "dates": {"published": "2006"},
            },
        }
    )
    assert validate(record, profile="iso") == []
