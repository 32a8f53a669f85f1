"""``python -m mrstd``."""

from mrstd.cli import run

run()
