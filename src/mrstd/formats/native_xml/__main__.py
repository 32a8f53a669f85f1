"""``python -m mrstd.formats.native_xml --write-xsd``: regenerate schemas/<version>/mrstd.xsd."""

from __future__ import annotations

import sys

from .xsd import generate_xsd, write_xsd


def main(argv: list[str]) -> int:
    """Write the XSD, or print it with ``--print``."""
    if argv == ["--write-xsd"]:
        path = write_xsd()
        sys.stdout.write(f"wrote {path}\n")
        return 0
    if argv == ["--print"]:
        sys.stdout.write(generate_xsd())
        return 0
    sys.stderr.write("usage: python -m mrstd.formats.native_xml --write-xsd | --print\n")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
