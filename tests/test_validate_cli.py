"""``mrstd validate`` and ``mrstd rules``: exit codes, options, config, many files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mrstd.commands.rules import rules_command
from mrstd.commands.validate import collect, validate_command
from mrstd.rules import all_rules
from mrstd.rules.samples import sample_data

ROOT = Path(__file__).resolve().parent.parent
INVALID = ROOT / "examples" / "invalid"


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(validate_command, list(args), env=env)


def write(folder: Path, name: str, patch: dict[str, object] | None = None) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(sample_data(patch)), "utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    return tmp_path


MUST = {
    "body": [
        "...",
        {
            "id": "x",
            "label": "5",
            "title": [],
            "blocks": [
                {"type": "paragraph", "content": [{"type": "text", "text": "It must be red."}]}
            ],
        },
    ]
}
WARN = {"metadata": {"status": {"stage": "40.60", "lifecycle": "published"}}}


def test_valid_file_exits_0(project: Path) -> None:
    path = write(project, "good.json")
    result = invoke(str(path))
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines()[-1] == "Checked 1 file: no findings."


def test_invalid_file_exits_1_with_located_finding(project: Path) -> None:
    write(project, "bad.json", MUST)
    result = invoke("bad.json")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("bad.json:") and " MRS501 " in first
    assert first.endswith("[body[4].blocks[0]]")
    assert result.stdout.strip().splitlines()[-1].startswith("Checked 1 file: 1 error")


def test_missing_path_exits_2(project: Path) -> None:
    write(project, "good.json")
    result = invoke("good.json", "nowhere.json")
    assert result.exit_code == 2
    assert "nowhere.json: MRS005 no such file" in result.stdout


def test_bad_option_is_usage_error(project: Path) -> None:
    assert invoke("x.json", "--profile", "ansi").exit_code == 2
    assert invoke("x.json", "--select", "XYZ9").exit_code == 2
    assert invoke().exit_code == 2


@pytest.mark.parametrize(
    "name",
    [
        "malformed-json.json",
        "empty.json",
        "not-utf8.json",
        "wrong-type.json",
        "unknown-field.json",
        "unknown-schema-version.json",
        "missing-required-field.json",
    ],
)
def test_unreadable_documents_are_findings_not_tracebacks(name: str, project: Path) -> None:
    shutil.copy(INVALID / name, project / name)
    write(project, "good.json")
    result = invoke(name, "good.json")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout.startswith(f"{name}:")
    assert "Checked 2 files" in result.stdout


def test_deep_nesting_is_a_finding(project: Path) -> None:
    (project / "deep.json").write_text("[" * 100000 + "]" * 100000, "utf-8")
    result = invoke("deep.json")
    assert result.exit_code == 1
    assert "MRS001" in result.stdout or "MRS009" in result.stdout


def test_fail_on_warning(project: Path) -> None:
    write(project, "warn.json", WARN)
    assert invoke("warn.json").exit_code == 0
    assert invoke("warn.json", "--fail-on", "warning").exit_code == 1


def test_select_and_ignore(project: Path) -> None:
    write(project, "bad.json", MUST)
    assert invoke("bad.json", "--ignore", "MRS5").exit_code == 0
    assert invoke("bad.json", "--select", "MRS1,MRS2").exit_code == 0
    assert invoke("bad.json", "--select", "MRS1", "--select", "MRS501").exit_code == 1


def test_pyproject_defaults(project: Path) -> None:
    write(project, "warn.json", WARN)
    (project / "pyproject.toml").write_text(
        "[tool.mrstd]\nfail-on = 'warning'\nignore = ['MRS7']\noutput-format = 'json'\n", "utf-8"
    )
    sub = project / "docs"
    sub.mkdir()
    result = invoke("warn.json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["warnings"] == 1
    assert invoke("warn.json", "--fail-on", "error").exit_code == 0


def test_bad_pyproject_is_usage_error(project: Path) -> None:
    write(project, "good.json")
    (project / "pyproject.toml").write_text("[tool.mrstd]\nprofile = 'ansi'\n", "utf-8")
    result = invoke("good.json")
    assert result.exit_code == 2
    assert "profile" in result.output
    (project / "pyproject.toml").write_text("[tool.mrstd]\ncolour = 1\n", "utf-8")
    assert invoke("good.json").exit_code == 2


def test_directories_recurse_and_skip_hidden(project: Path) -> None:
    write(project, "docs/a.json")
    write(project, "docs/deeper/b.json", MUST)
    write(project, "docs/.cache/c.json", MUST)
    (project / "docs" / "notes.txt").write_text("not a document", "utf-8")
    assert collect(["docs"]) == [str(Path("docs/a.json")), str(Path("docs/deeper/b.json"))]
    result = invoke("docs")
    assert result.exit_code == 1
    assert "Checked 2 files" in result.stdout


def test_parallel_jobs_give_the_same_findings(project: Path) -> None:
    for i in range(6):
        write(project, f"docs/d{i}.json", MUST if i % 2 else None)
    one = invoke("docs", "-j", "1", "-f", "json")
    two = invoke("docs", "-j", "2", "-f", "json")
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_no_progress_bar_without_terminal(project: Path) -> None:
    for i in range(25):
        write(project, f"docs/d{i}.json")
    result = invoke("docs", env={"CI": ""})
    assert "Validating" not in result.output
    assert result.stdout.strip().splitlines()[-1] == "Checked 25 files: no findings."


def test_machine_formats_keep_stdout_clean(project: Path) -> None:
    write(project, "bad.json", MUST)
    for fmt in ("json", "sarif"):
        result = invoke("bad.json", "-f", fmt)
        json.loads(result.stdout)
        assert "Checked 1 file" in result.stderr


def test_github_annotations(project: Path) -> None:
    write(project, "bad.json", MUST)
    result = invoke("bad.json", "-f", "github")
    line = result.stdout.splitlines()[0]
    assert line.startswith("::error file=bad.json,line=")
    assert ",col=" in line and "::MRS501 " in line


def test_output_file(project: Path) -> None:
    write(project, "bad.json", MUST)
    result = invoke("bad.json", "-f", "junit", "-o", "report.xml")
    assert result.exit_code == 1
    assert (project / "report.xml").read_text("utf-8").startswith("<?xml")


def test_rules_lists_every_rule() -> None:
    result = CliRunner().invoke(rules_command, [])
    assert result.exit_code == 0
    for rule in all_rules():
        assert rule.code in result.stdout
    data = json.loads(CliRunner().invoke(rules_command, ["--json"]).stdout)
    assert [r["code"] for r in data] == [r.code for r in all_rules()]
    assert {"code", "name", "severity", "profiles", "citation"} <= set(data[0])
    gb = json.loads(CliRunner().invoke(rules_command, ["--json", "--profile", "gb"]).stdout)
    assert all("gb" in r["profiles"] for r in gb)
