"""Regression tests for the command-line and API defects of issue 13 (each failed before)."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import mrstd
from mrstd.cli import main
from mrstd.formats import get_format

ROOT = Path(__file__).resolve().parent.parent
WIDGET = ROOT / "examples" / "iso-widget.json"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.json").write_bytes(WIDGET.read_bytes())
    (src / "sub" / "b.json").write_bytes(WIDGET.read_bytes())
    (src / "notes.md").write_text("# notes\n")
    (src / "tool.py").write_text("print(1)\n")
    (src / ".hidden.json").write_bytes(WIDGET.read_bytes())
    return src


def test_folder_report_is_written(folder: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    code, _, err = run("convert", str(folder), "-o", str(tmp_path / "out"), "--report", str(report))
    assert code == 0, err
    data = json.loads(report.read_text())
    assert sorted(Path(p).name for p in data["files"]) == ["a.json", "b.json"]


def test_folder_skips_unknown_and_hidden_files_and_counts_them(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, _, err = run("convert", str(folder), "-o", str(out), "--to", "xml")
    assert code == 0, err
    assert "converted 2 of 2 file(s) to xml; 0 failed; 3 skipped" in err
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["a.xml", "sub/b.xml"]


def test_folder_failure_counts_files_not_lines(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "bad.json").write_text('{"schema_version": "1.0", "metadata": 3, "body": 4}')
    code, _, err = run("convert", str(src), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "converted 0 of 1 file(s) to json; 1 failed" in err


def test_folder_outputs_that_clash_are_not_overwritten(tmp_path: Path) -> None:
    """Folders are listed as the job goes, so a clash is the second file's error: the first
    file's output is kept, never overwritten by the second."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.json").write_bytes(WIDGET.read_bytes())
    (src / "a.yaml").write_text("docid: {id: ISO 1}\n")
    out = tmp_path / "out"
    code, _, err = run("convert", str(src), "-o", str(out), "--to", "xml")
    assert code == 1
    assert f"{src / 'a.json'} and {src / 'a.yaml'} would both be written to {out / 'a.xml'}" in err
    assert "converted 1 of 2 file(s) to xml; 1 failed" in err
    assert [p.name for p in out.iterdir()] == ["a.xml"]
    alone = tmp_path / "alone.xml"
    assert run("convert", str(src / "a.json"), "-o", str(alone))[0] == 0
    assert (out / "a.xml").read_bytes() == alone.read_bytes()


def test_double_extension_does_not_clash(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.json").write_bytes(WIDGET.read_bytes())
    (src / "a.xml.json").write_bytes(WIDGET.read_bytes())
    out = tmp_path / "out"
    code, _, err = run("convert", str(src), "-o", str(out), "--to", "xml")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["a.xml", "a.xml.xml"]


def test_folder_to_a_file_or_stdout_is_a_usage_error(folder: Path, tmp_path: Path) -> None:
    existing = tmp_path / "file.txt"
    existing.write_text("x")
    code, _, err = run("convert", str(folder), "-o", str(existing))
    assert code == 2 and "is a file" in err and "internal error" not in err
    code, _, err = run("convert", str(folder), "-o", "-")
    assert code == 2 and "not to stdout" in err
    assert not Path("-").exists()


def test_report_to_stdout(tmp_path: Path) -> None:
    code, out, err = run("convert", str(WIDGET), "-o", str(tmp_path / "w.xml"), "--report", "-")
    assert code == 0, err
    assert "entries" in json.loads(out) or isinstance(json.loads(out), dict)
    assert not Path("-").exists()


def test_report_path_is_checked_before_the_output_is_written(tmp_path: Path) -> None:
    target = tmp_path / "w.xml"
    code, _, err = run(
        "convert", str(WIDGET), "-o", str(target), "--report", str(tmp_path / "nodir" / "r.json")
    )
    assert code == 2 and "nodir" in err
    assert not target.exists()


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "w.json"
    source.write_bytes(WIDGET.read_bytes())
    code, _, err = run("convert", str(source), "-o", str(source), "--to", "xml")
    assert code == 2 and "source itself" in err
    assert source.read_bytes() == WIDGET.read_bytes()


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "w.xml"
        assert run("convert", str(WIDGET), "-o", str(target))[0] == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_existing_mode_hard_links_and_symlinks_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "w.xml"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "hard.xml"
    os.link(target, link)
    symlink = tmp_path / "sym.xml"
    symlink.symlink_to(target)
    assert run("convert", str(WIDGET), "-o", str(symlink))[0] == 0
    assert symlink.is_symlink()
    assert link.read_bytes() == target.read_bytes() != b"old"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run("convert", str(WIDGET), "-o", str(fifo), "--to", "xml")
    reader.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].lstrip().startswith(b"<")


def test_no_temporary_file_is_left(tmp_path: Path) -> None:
    assert run("convert", str(WIDGET), "-o", str(tmp_path / "w.xml"))[0] == 0
    assert [p.name for p in tmp_path.iterdir()] == ["w.xml"]


def test_fail_on_info_is_accepted_as_in_the_config() -> None:
    code, _, err = run("validate", "--fail-on", "info", str(WIDGET))
    assert "Invalid value" not in err
    assert code in (0, 1)


def test_validate_reads_stdin() -> None:
    code, out, err = run("validate", "-", stdin=WIDGET.read_bytes())
    assert code == 0, out + err
    assert "no findings" in out or "Checked 1 file" in out


def test_validate_output_is_written_atomically(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    code, _, _ = run("validate", str(WIDGET), "-o", str(report))
    assert code == 0 and report.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


def test_api_validate_accepts_a_path_and_refuses_other_types() -> None:
    assert mrstd.validate(str(WIDGET)) == mrstd.validate_file(WIDGET)
    assert mrstd.validate(WIDGET) == mrstd.validate_file(WIDGET)
    with pytest.raises(TypeError, match="Document or the path"):
        mrstd.validate(b"{}")  # type: ignore[arg-type]


def test_api_format_error_names_the_python_argument() -> None:
    with pytest.raises(mrstd.FormatError, match="format="):
        mrstd.loads(b"no format here")


def test_api_convert(tmp_path: Path) -> None:
    result = mrstd.convert(WIDGET, tmp_path / "w.xml", report=tmp_path / "r.json")
    assert [f.ok for f in result.files] == [True]
    assert (tmp_path / "w.xml").exists() and (tmp_path / "r.json").exists()


def test_writer_options_are_declared_by_the_format(tmp_path: Path) -> None:
    code, _, err = run(
        "convert", str(WIDGET), "-o", str(tmp_path / "w.json"), "--sts-tag-set", "extended"
    )
    assert code == 2 and "takes no option 'tag_set'" in err
    code, _, err = run(
        "convert", str(WIDGET), "-o", str(tmp_path / "w.sts.xml"), "--sts-tag-set", "extended"
    )
    assert code == 0, err
    assert dict(get_format("sts").write_options)["tag_set"] == (
        "interchange",
        "extended",
    )
