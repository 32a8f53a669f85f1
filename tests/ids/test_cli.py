"""The ``id parse`` command."""

from __future__ import annotations

import json

from click.testing import CliRunner

from mrstd.ids.cli import id_group


def test_parse_arguments_canonical() -> None:
    result = CliRunner().invoke(id_group, ["parse", "GB/T 7714—2015", "ISO  9001:2015"])
    assert result.exit_code == 0
    assert result.output.splitlines() == ["GB/T 7714-2015", "ISO 9001:2015"]


def test_stdin_json_lines_and_exit_code() -> None:
    lines = "ISO 9001:2015\nnot an id\nDB11/T 1322-2016\n"
    result = CliRunner().invoke(id_group, ["parse", "--json", "-"], input=lines)
    assert result.exit_code == 1
    objs = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["input"] for o in objs] == ["ISO 9001:2015", "not an id", "DB11/T 1322-2016"]
    assert [o["ok"] for o in objs] == [True, False, True]
    assert "error" in objs[1]
    assert objs[2]["scope"] == "local" and objs[2]["publisher"] == ["DB11"]
    assert objs[0]["year"] == 2015 and objs[0]["part"] is None


def test_stdin_default_many_lines() -> None:
    lines = "".join(f"GB/T {i}.1-2020\n" for i in range(1, 3001))
    result = CliRunner().invoke(id_group, ["parse"], input=lines)
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 3000
