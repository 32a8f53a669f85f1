"""NISO STS (ANSI/NISO Z39.102) and ISOSTS 1.1: import, and export as NISO STS 1.0.

Reading accepts the Interchange and Extended tag sets and ISOSTS 1.1; writing
produces the Interchange tag set by default, or Extended with
``write_sts(doc, log, tag_set="extended")``.
"""

from __future__ import annotations

import re

from ..base import Format, register
from .read import read_sts
from .write import write_sts
from .write_base import TAG_SETS

_SNIFF = re.compile(rb"<(standard|adoption)[\s>/]")
_SKIP = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*",
    re.DOTALL,
)


def sniff(data: bytes) -> bool:
    """True when the root element is ``standard`` or ``adoption``."""
    head = data[:65536]
    match = _SKIP.match(head)
    start = match.end() if match else 0
    return _SNIFF.match(head, start) is not None


register(
    Format(
        name="sts",
        description="NISO STS 1.0 (Interchange/Extended) and ISOSTS 1.1 XML",
        extensions=(".sts.xml", ".sts"),
        lossy=True,
        read=read_sts,
        write=write_sts,
        write_options=(("tag_set", TAG_SETS),),
        sniff=sniff,
        aliases=("niso-sts", "isosts"),
    )
)

__all__ = ["TAG_SETS", "read_sts", "sniff", "write_sts"]
