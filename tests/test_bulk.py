"""Bulk jobs (``mrstd.bulk``): the same outputs from every engine, on a real Dask
``LocalCluster`` of two worker processes; faults (a worker killed mid-job, a file that
kills its worker); lazy listing of folders and fsspec URLs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mrstd.bulk import LocalEngine, is_folder, readable, walk
from mrstd.bulk.engines import WINDOW, _Ahead, _Sizer
from mrstd.cli import main
from mrstd.conversion import convert
from mrstd.folders import documents_in
from mrstd.library import Library

pytest.importorskip("distributed", reason="the Dask engine needs mrstd[dask]")
import cloudpickle
import dask
import fsspec
from distributed import Client, LocalCluster

from mrstd.bulk.dask import DaskEngine

pytestmark = pytest.mark.xdist_group("dask")

ROOT = Path(__file__).resolve().parent.parent
WIDGET = ROOT / "examples" / "iso-widget.json"

# The crashing task below travels to the workers by value: they cannot import this module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two single-threaded worker processes; a task that kills a worker twice fails."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        with Client(cluster) as dask_client:
            yield dask_client
        cluster.close()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def generated(folder: Path, count: int) -> Path:
    """``count`` documents: the widget under different names, in nested folders."""
    for index in range(count):
        target = folder / f"part{index % 3}" / f"doc{index:04d}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(WIDGET, target)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# ------------------------------------------------------------------ listing


def test_walk_lists_lazily_in_the_order_of_the_folder_listing(corpus: Path) -> None:
    skipped: list[str] = []
    listing = walk([str(corpus / "sts")], readable(), skipped.append)
    first = next(listing)  # a generator: the first file before the rest are listed
    found = documents_in(corpus / "sts")
    rest = [first, *listing]
    assert [s.name for s in rest] == [str(p) for p, _ in found.documents]
    assert [s.kind for s in rest] == [fmt.name for _, fmt in found.documents]
    assert skipped == [str(p) for p in found.skipped]


def test_walk_lists_fsspec_urls_and_converts_between_them() -> None:
    fs = fsspec.filesystem("memory")
    fs.pipe("/bulk-in/a.json", WIDGET.read_bytes())
    fs.pipe("/bulk-in/sub/b.json", WIDGET.read_bytes())
    fs.pipe("/bulk-in/.hidden.json", b"{}")
    fs.pipe("/bulk-in/notes.md", b"# notes")
    skipped: list[str] = []
    names = [(s.name, s.relative) for s in walk(["memory://bulk-in"], readable(), skipped.append)]
    assert names == [
        ("memory://bulk-in/a.json", "a.json"),
        ("memory://bulk-in/sub/b.json", "sub/b.json"),
    ]
    assert skipped == ["memory://bulk-in/.hidden.json", "memory://bulk-in/notes.md"]
    assert is_folder("memory://bulk-in") and not is_folder("memory://bulk-in/a.json")
    result = convert("memory://bulk-in", "memory://bulk-out", to="xml", engine=LocalEngine(1))
    assert [f.output for f in result.files] == [
        "memory://bulk-out/a.xml",
        "memory://bulk-out/sub/b.xml",
    ]
    assert fs.cat("/bulk-out/sub/b.xml").startswith(b"<?xml")
    assert result.skipped == skipped


# ------------------------------------------------------------------ same output


def test_validate_gives_the_same_reports_on_dask_as_locally(corpus: Path, client: Client) -> None:
    address = client.scheduler.address
    for report in ("sarif", "junit", "json"):
        local = run("validate", str(corpus), "-f", report, "-j", "2")
        remote = run(
            "validate", str(corpus), "-f", report, "--engine", "dask", "--scheduler", address
        )
        assert local[0] == remote[0] == 1
        assert local[1] == remote[1], report
        assert "Checked" in local[2] and local[2] == remote[2]


def test_file_urls_are_read_by_the_workers(corpus: Path, client: Client) -> None:
    url = (corpus / "relaton").as_uri()
    local = run("validate", url, "-f", "json")
    remote = run(
        "validate", url, "-f", "json", "--engine", "dask", "--scheduler", client.scheduler.address
    )
    assert local == remote
    files = {f["file"] for f in json.loads(local[1])["findings"]}
    assert files and all(name.startswith(url + "/") for name in files)


def test_convert_writes_the_same_files_and_report_on_dask(
    corpus: Path, client: Client, tmp_path: Path
) -> None:
    outputs = {}
    for engine in ("local", "dask"):
        out, report = tmp_path / engine, tmp_path / f"{engine}.json"
        args = ["convert", str(corpus), "-o", str(out), "--report", str(report)]
        extra = ["--engine", "dask", "--scheduler", client.scheduler.address]
        code, _, err = run(*args, *(extra if engine == "dask" else ["-j", "2"]))
        assert code == 1 and "failed" in err  # the corpus has files that are not documents
        text = report.read_text("utf-8").replace(str(out), "OUT")
        outputs[engine] = (tree(out), text, err.replace(str(out), "OUT"))
    assert len(outputs["local"][0]) > 400
    assert outputs["local"] == outputs["dask"]


def _dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table with its row id where it has one (the time a source was
    added aside)."""
    with sqlite3.connect(db) as connection:
        names = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'texts_%'"
        )
        out: dict[str, list[tuple[Any, ...]]] = {}
        for (table,) in list(names):
            try:
                cursor = connection.execute(f"SELECT rowid, * FROM {table}")
            except sqlite3.OperationalError:  # a WITHOUT ROWID table
                cursor = connection.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            rows = [
                tuple(v for k, v in zip(columns, row, strict=True) if k != "added")
                for row in cursor
            ]
            out[table] = sorted(rows, key=repr)
        return out


def test_library_add_stores_the_same_rows_on_dask(
    corpus: Path, client: Client, tmp_path: Path
) -> None:
    folders = [str(corpus / "sts"), str(corpus / "relaton")]
    dumps = {}
    for engine in ("local", "dask"):
        db = tmp_path / f"{engine}.sqlite"
        extra = ["--engine", "dask", "--scheduler", client.scheduler.address]
        code, _, err = run(
            "library",
            "add",
            "--db",
            str(db),
            *folders,
            *(extra if engine == "dask" else ["-j", "2"]),
        )
        assert code == 0, err
        dumps[engine] = _dump(db)
    assert len(dumps["local"]["standards"]) > 300
    assert dumps["local"] == dumps["dask"]


def test_a_local_cluster_is_started_and_its_dashboard_shown(tmp_path: Path) -> None:
    folder = generated(tmp_path / "in", 4)
    code, out, err = run("validate", str(folder), "--engine", "dask", "-j", "1")
    assert code == 0, err
    assert "Dask dashboard: http://" in err
    assert "Checked 4 files" in out


def test_a_started_cluster_slows_the_monitors_the_user_left_at_their_defaults() -> None:
    def settings() -> tuple[str, str, str, bool]:
        keys = ("tick.interval", "system-monitor.interval")
        return (
            *(dask.config.get(f"distributed.admin.{key}") for key in keys),
            dask.config.get("distributed.worker.memory.monitor-interval"),
            dask.config.get("distributed.worker.profile.enabled"),
        )

    own = {"distributed.admin.tick.interval": "40ms"}  # the user's own setting
    with dask.config.set(own), DaskEngine(workers=1) as engine:
        client = engine._client
        on_workers = set(client.run(settings).values())
        scheduler = client.cluster.scheduler
        ticks = scheduler.periodic_callbacks["tick"].callback_time
        monitor = scheduler.periodic_callbacks["monitor"].callback_time
    assert on_workers == {("40ms", "2s", "500ms", False)}
    assert (ticks, monitor) == (40, 2000)
    # The process's own configuration is as it was.
    assert settings()[1:] == ("500ms", "100ms", True)


def test_an_engine_that_cannot_start_is_one_line_and_exit_2(tmp_path: Path) -> None:
    folder = generated(tmp_path / "in", 1)
    code, _, err = run("validate", str(folder), "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and err == "error: --scheduler needs --engine dask\n"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, _, err = run(
            "validate", str(folder), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"
        )
    assert code == 2
    assert err.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(err.splitlines()) == 1


def test_a_url_that_cannot_be_listed_is_one_line_and_exit_2() -> None:
    for command in (["validate"], ["convert", "-o", "memory://out"]):
        code, _, err = run(*command, "nosuch://bucket/folder")
        assert code == 2
        assert err.endswith("nosuch://bucket/folder: Protocol not known: nosuch\n")
        assert len(err.splitlines()) == 1


# ------------------------------------------------------------------ faults


def test_a_worker_killed_mid_job_loses_and_repeats_nothing(client: Client, tmp_path: Path) -> None:
    source = generated(tmp_path / "in", 240)
    out = tmp_path / "out"
    pids = list(client.run(os.getpid).values())
    done: list[str] = []

    def progress(one: Any) -> None:
        done.append(one.source)
        if len(done) == 20:  # the others are queued or running on both workers
            os.kill(pids[0], signal.SIGKILL)

    engine = DaskEngine(client=client)
    result = convert(source, out, to="xml", engine=engine, progress=progress)
    assert [f.errors for f in result.files if f.errors] == []
    names = sorted(str(p) for p in source.rglob("*.json"))
    assert [f.source for f in result.files] == names  # each once, in order
    written = sorted(p for p in out.rglob("*") if p.is_file())
    assert len(written) == 240  # and no temporary file left behind
    assert all(p.read_bytes().rstrip().endswith(b"</document>") for p in written)
    client.wait_for_workers(2, timeout=30)
    assert pids[0] not in client.run(os.getpid).values()  # it was killed, and replaced


def _squares(batch: list[int]) -> list[int]:
    """A task whose item 13 kills the process running it."""
    if 13 in batch:
        if len(batch) == 1:
            os._exit(3)
        time.sleep(0.01)
        os._exit(3)
    return [item * item for item in batch]


def _failed(item: int, exc: BaseException) -> int:
    return -item


def test_a_file_that_kills_its_worker_is_that_files_error(client: Client) -> None:
    expected = [-i if i == 13 else i * i for i in range(40)]
    for engine in (DaskEngine(client=client), LocalEngine(2)):
        with engine:
            results = list(engine.map(_squares, range(40), failed=_failed, batch=8))
        assert [item for item, _ in results] == list(range(40))
        assert [result for _, result in results] == expected, type(engine).__name__
    client.wait_for_workers(2, timeout=30)


def _fails_on_five(batch: list[int]) -> list[int]:
    if 5 in batch:
        raise ValueError("five")
    return batch


def test_a_task_that_raises_fails_its_item_only() -> None:
    errors: list[str] = []

    def failed(item: int, exc: BaseException) -> int:
        errors.append(f"{item}: {exc}")
        return -1

    for engine in (LocalEngine(1), LocalEngine(2)):
        with engine:
            results = [r for _, r in engine.map(_fails_on_five, range(12), failed=failed, batch=4)]
        assert results == [0, 1, 2, 3, 4, -1, 6, 7, 8, 9, 10, 11]
    assert errors == ["5: five", "5: five"]


class _Counted:
    """Items 0..n-1 that count how many were pulled."""

    def __init__(self, n: int) -> None:
        self.n, self.pulled = n, 0

    def __iter__(self) -> Iterator[int]:
        for item in range(self.n):
            self.pulled += 1
            yield item


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_the_last_batches_are_cut_small_and_the_input_read_ahead_by_a_window(
    workers: int,
) -> None:
    """Batches are cut from the items in order, read ahead by no more than the batches in
    flight and the next one; once the end is in sight, with several workers, the rest is
    shared out in smaller batches (down to an eighth of a full one)."""
    sizer, limit = _Sizer(None), workers * WINDOW
    sizer.size = 100
    items = _Counted(5000)
    ahead = _Ahead(items, workers)
    assert ahead.limit == limit
    sizes, handed = [], []
    while batch := ahead.take(sizer):
        handed += batch
        sizes.append(len(batch))
        assert items.pulled - len(handed) <= sizer.size * (limit + 1)
    assert handed == list(range(5000))
    if workers == 1:
        assert set(sizes) == {100}
    else:
        assert sizes[: 5000 // 100 - (limit + 1)] == [100] * (5000 // 100 - (limit + 1))
        tail = sizes[5000 // 100 - (limit + 1) :]
        assert tail == sorted(tail, reverse=True) and min(tail) >= 13 and tail[-2] < 100
    # A batch size the caller fixed is kept to the end.
    fixed = _Ahead(range(1000), workers)
    assert {len(b) for b in iter(lambda: fixed.take(_Sizer(50)), [])} == {50}


def test_library_reads_urls_and_reports_the_documents_it_cannot(tmp_path: Path) -> None:
    fs = fsspec.filesystem("memory")
    fs.pipe("/lib-in/widget.json", WIDGET.read_bytes())
    fs.pipe("/lib-in/broken.json", b"{")
    with Library(tmp_path / "l.sqlite") as library:
        report = library.add(["memory://lib-in"])
    assert report.added == ["memory://lib-in/broken.json", "memory://lib-in/widget.json"]
    assert [p.location.split(":")[0] for p in report.problems] == ["memory"]
    assert json.dumps(report.as_dict())


def test_progress_shows_the_share_once_the_background_count_is_in(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from mrstd.commands import common

    monkeypatch.setattr(common, "show_progress", lambda count=1, threshold=20: True)
    folder = generated(tmp_path / "in", 5)
    with common.Progress("Checking", walk([str(folder)], readable())) as bar:
        for _ in range(200):  # the count runs in a thread: wait for it
            if bar.total is not None:
                break
            time.sleep(0.01)
        bar.advance(2)
    assert bar.total == 5
    assert capsys.readouterr().err == "\rChecking: 2/5 (40%) files\n"
