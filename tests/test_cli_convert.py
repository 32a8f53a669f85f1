"""``mrstd convert`` and the command's general behaviour: exit codes, errors, atomic output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import mrstd
from mrstd.cli import main

ROOT = Path(__file__).resolve().parent.parent
WIDGET = ROOT / "examples" / "iso-widget.json"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and mrstd.__version__ in out


def test_json_to_xml_and_back_is_identical(tmp_path: Path) -> None:
    xml, back = tmp_path / "w.xml", tmp_path / "w.json"
    assert run("convert", str(WIDGET), "-o", str(xml))[0] == 0
    assert xml.read_bytes().lstrip().startswith(b"<")
    assert run("convert", str(xml), "-o", str(back))[0] == 0
    assert back.read_bytes() == WIDGET.read_bytes()


def test_explicit_formats_and_stdio() -> None:
    code, out, _ = run(
        "convert", "-", "-o", "-", "--from", "json", "--to", "xml", stdin=WIDGET.read_bytes()
    )
    assert code == 0
    code, again, _ = run("convert", "-", "-o", "-", "--from", "xml", stdin=out.encode())
    assert code == 0 and again == WIDGET.read_text(encoding="utf-8")


def test_invalid_input_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"$schema": "https://mrstd.dev/schema/1.0/document.json", "metadata": 3}')
    out = tmp_path / "out.xml"
    code, _, err = run("convert", str(bad), "-o", str(out))
    assert code == 1
    assert err.startswith(f"{bad}:1:")
    assert "[metadata]" in err and "Traceback" not in err
    assert not out.exists()
    assert not list(tmp_path.glob(".out.xml*"))


def test_failed_conversion_keeps_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous")
    code, _, _ = run("convert", str(tmp_path / "missing.json"), "-o", str(out))
    assert code == 2
    assert out.read_text() == "previous"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "invalid JSON"),
        (b"\xff\xfe{", "not UTF-8"),
        (b"[" * 50_000, "invalid JSON"),
        (
            b'{"$schema": "https://mrstd.dev/schema/7.0/document.json"}',
            "unsupported schema version 7.0",
        ),
    ],
)
def test_bad_inputs_get_one_line(tmp_path: Path, content: bytes, expected: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, _, err = run("convert", str(bad), "-o", str(tmp_path / "x.json"))
    assert code == 1
    assert expected in err and len(err.strip().splitlines()) == 1


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "d.json").mkdir()
    code, _, err = run("convert", str(tmp_path / "d.json"), "-o", str(tmp_path / "o.json"))
    assert code == 2 and err.strip() == f"{tmp_path / 'd.json'}: no files to convert"


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = run("convert", str(WIDGET), "-o", "-", "--to", "docx")
    assert code == 2 and "docx" in err


def test_report_lists_what_a_lossy_conversion_lost(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    code, _, err = run(
        "convert",
        str(WIDGET),
        "--to",
        "relaton-yaml",
        "-o",
        str(tmp_path / "w.yaml"),
        "--report",
        str(report),
    )
    assert code == 0
    assert "lost" in err
    data = json.loads(report.read_text())
    assert data["summary"]["lost"] > 0
    assert any(entry["change"] == "lost" for entry in data["entries"])


def test_folder_conversion_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    (source / "sub").mkdir(parents=True)
    (source / "a.json").write_bytes(WIDGET.read_bytes())
    (source / "sub" / "b.json").write_bytes(WIDGET.read_bytes())
    (source / "broken.json").write_text("{")
    code, _, err = run("convert", str(source), "-o", str(out), "--to", "xml")
    assert code == 1
    assert (out / "a.xml").exists() and (out / "sub" / "b.xml").exists()
    assert not (out / "broken.xml").exists()
    assert err.strip().splitlines()[-1] == "converted 2 of 3 file(s) to xml; 1 failed"


def test_python_dash_m_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mrstd", "schema"], capture_output=True, check=True, timeout=60
    )
    assert json.loads(proc.stdout)["$id"].endswith("/1.2/document.schema.json")
