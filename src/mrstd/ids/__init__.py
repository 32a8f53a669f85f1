"""Standard identifiers: parse, render, normalise and compare (ISO, IEC, CEN, BSI, DIN, JIS,
GOST and the Chinese family)."""

from mrstd.ids.identifier import Identifier, IdentifierError, Supplement
from mrstd.ids.parser import normalise, parse, parse_cached, same_document

__all__ = [
    "Identifier",
    "IdentifierError",
    "Supplement",
    "normalise",
    "parse",
    "parse_cached",
    "same_document",
]
