"""Start-up time of ``import mrstd`` and of ``mrstd id parse``, against ``import pydantic``.

Run ``python benchmarks/bench_startup.py``. Issue 13 sets the targets as ratios to a fresh
interpreter importing pydantic, measured in the same run: ``import mrstd`` <= 1.5x and
``mrstd id parse "ISO 9001:2015"`` <= 2x. Each command runs in a new interpreter, the
commands alternate, and the best of each is kept (``common.compare``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from common import compare, row

_PYTHON = sys.executable
_CLI = [_PYTHON, "-m", "mrstd.cli"]


def _run(args: list[str]) -> object:
    return subprocess.run(args, check=True, capture_output=True)


def main() -> None:
    pydantic = [_PYTHON, "-c", "import pydantic"]
    cases = [
        ("import mrstd", [_PYTHON, "-c", "import mrstd"], 1.5),
        ('mrstd id parse "ISO 9001:2015"', [*_CLI, "id", "parse", "ISO 9001:2015"], 2.0),
        ("mrstd --version", [*_CLI, "--version"], None),
    ]
    print("start-up, against a new interpreter running `import pydantic`")
    for name, args, target in cases:
        times = compare(lambda a=args: _run(a), lambda: _run(pydantic), runs=15)
        print(row(f"  {name}", times, target))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    main()
