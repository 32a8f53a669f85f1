"""One walk of a folder for every command: ``mrstd convert`` and ``mrstd validate`` read the
same documents from it (``mrstd.folders.documents_in``)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mrstd.cli import main
from mrstd.commands.validate import collect
from mrstd.folders import documents_in

ROOT = Path(__file__).resolve().parent.parent
WIDGET = ROOT / "examples" / "iso-widget.json"


def _tree(root: Path) -> Path:
    (root / "sub").mkdir(parents=True)
    (root / ".git" / "objects").mkdir(parents=True)
    (root / "a.json").write_bytes(WIDGET.read_bytes())
    (root / "sub" / "b.json").write_bytes(WIDGET.read_bytes())
    (root / "sub" / "c.txt").write_bytes(WIDGET.read_bytes())
    (root / ".hidden.json").write_bytes(WIDGET.read_bytes())
    (root / ".git" / "objects" / "x.json").write_bytes(WIDGET.read_bytes())
    return root


def test_documents_are_sorted_with_their_formats_and_the_rest_is_listed(tmp_path: Path) -> None:
    root = _tree(tmp_path / "src")
    found = documents_in(root)
    assert [(p.relative_to(root).as_posix(), f.name) for p, f in found.documents] == [
        ("a.json", "json"),
        ("sub/b.json", "json"),
    ]
    # A hidden folder is listed once, not file by file.
    assert [p.relative_to(root).as_posix() for p in found.skipped] == [
        ".git",
        ".hidden.json",
        "sub/c.txt",
    ]


def test_a_named_format_reads_every_file_that_is_not_hidden(tmp_path: Path) -> None:
    root = _tree(tmp_path / "src")
    found = documents_in(root, "json")
    names = [p.relative_to(root).as_posix() for p, _ in found.documents]
    assert names == ["a.json", "sub/b.json", "sub/c.txt"]


def test_convert_and_validate_read_the_same_files(tmp_path: Path) -> None:
    root = _tree(tmp_path / "src")
    for named in (None, "json"):
        expected = [str(p) for p, _ in documents_in(root, named).documents]
        assert collect([str(root)], named) == expected
        report = tmp_path / f"report-{named}.json"
        args = ["convert", str(root), "-o", str(tmp_path / f"out-{named}"), "--report", str(report)]
        if named:
            args += ["--from", named]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.stderr
        assert f"converted {len(expected)} of {len(expected)}" in result.stderr
        checked = CliRunner().invoke(
            main, ["validate", str(root), *(["--from", named] if named else [])]
        )
        assert f"Checked {len(expected)} files" in checked.stdout, checked.output
