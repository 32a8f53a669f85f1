"""``mrstd id parse``: canonical forms or JSON Lines for identifiers given or read from stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click

from mrstd.ids.identifier import IdentifierError
from mrstd.ids.parser import parse_cached

__all__ = ["id_group"]


@click.group(name="id")
def id_group() -> None:
    """Standard identifiers."""


def _inputs(ids: tuple[str, ...]) -> Iterator[str]:
    if not ids or ids == ("-",):
        # stream: 100,000 lines must not be held in memory at once
        for line in sys.stdin:
            yield line.rstrip("\r\n")
        return
    for item in ids:
        if item == "-":
            for line in sys.stdin:
                yield line.rstrip("\r\n")
        else:
            yield item


def _results(lines: Iterable[str], as_json: bool) -> Iterator[tuple[bool, str]]:
    for line in lines:
        try:
            ident = parse_cached(line)
        except IdentifierError as exc:
            if as_json:
                obj: dict[str, Any] = {"input": line, "ok": False, "error": str(exc)}
                yield False, json.dumps(obj, ensure_ascii=False)
            else:
                yield False, f"error: {exc}"
            continue
        if as_json:
            obj = {"input": line, "ok": True, **ident.to_json_dict()}
            yield True, json.dumps(obj, ensure_ascii=False)
        else:
            yield True, str(ident)


@id_group.command(name="parse")
@click.argument("ids", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input (JSON Lines).")
@click.pass_context
def parse_command(ctx: click.Context, ids: tuple[str, ...], as_json: bool) -> None:
    """Parse identifiers (one per line from stdin when none are given, or with '-')."""
    all_ok = True
    out = sys.stdout
    err = sys.stderr
    for ok, text in _results(_inputs(ids), as_json):
        if ok or as_json:
            out.write(text + "\n")
        else:
            err.write(text + "\n")
        all_ok = all_ok and ok
    out.flush()
    ctx.exit(0 if all_ok else 1)
