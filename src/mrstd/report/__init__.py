"""Report formats for findings, behind a registry: text, json, sarif, github, junit."""

from __future__ import annotations

from . import github, json_report, junit, sarif, text
from .base import Reporter, Run, get_reporter, register, reporter_names

FORMATS = (text, json_report, sarif, github, junit)

__all__ = ["Reporter", "Run", "get_reporter", "register", "reporter_names"]
