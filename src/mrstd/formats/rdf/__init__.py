"""RDF: documents as linked data in the IEC-ISO Core Ontology (``mrstd[rdf]`` for JSON-LD
and for reading)."""

from __future__ import annotations

from typing import Any

from ...errors import FormatError
from ...model import Document
from ..base import ConversionLog, Format, register
from .vocabulary import PREFIXES

#: The RDF serialisations written, by the ``rdf_format`` option.
RDF_FORMATS = ("turtle", "json-ld", "nt")


def write_rdf(
    doc: Document, log: ConversionLog, rdf_format: str = "turtle", base: str = ""
) -> bytes:
    """The document as RDF. Turtle and N-Triples are written directly (rdflib would take
    minutes to pretty-print a large standard); JSON-LD is the N-Triples through rdflib."""
    # Imported here: the writer needs the rule index, which a command that never writes RDF
    # should not load with the format registry.
    from .write import encoded, lines  # noqa: PLC0415

    if rdf_format == "json-ld":
        return _json_ld(doc, base, log).encode("utf-8")
    return encoded(lines(doc, base, log, compact=rdf_format == "turtle"))


def rdf_text(doc: Document, log: ConversionLog, rdf_format: str = "turtle", base: str = "") -> str:
    """:func:`write_rdf`'s text, made as text (``mrstd.dumps``), not decoded from bytes."""
    from .write import lines  # noqa: PLC0415

    if rdf_format == "json-ld":
        return _json_ld(doc, base, log)
    return "\n".join(lines(doc, base, log, compact=rdf_format == "turtle"))


def _json_ld(doc: Document, base: str, log: ConversionLog) -> str:
    """The N-Triples turned into JSON-LD by rdflib."""
    graph = rdflib().Graph()
    graph.parse(data=write_rdf(doc, log, "nt", base), format="nt")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    data = graph.serialize(format="json-ld")
    return data if isinstance(data, str) else bytes(data).decode("utf-8")


def rdflib() -> Any:
    """rdflib, an extra: a clear error when it is not installed."""
    try:
        import rdflib as module  # noqa: PLC0415 (optional: mrstd[rdf])
    except ImportError:
        raise FormatError("RDF needs rdflib: pip install 'mrstd[rdf]'") from None
    return module


def read_rdf(data: bytes, source: str, log: ConversionLog) -> Document:
    """A document from RDF (:mod:`mrstd.formats.rdf.read`, imported on first use)."""
    from .read import read_rdf as read  # noqa: PLC0415

    return read(data, source, log)


def _sniff(data: bytes) -> bool:
    head = data[:2000].lstrip()
    return head.startswith((b"@prefix", b"@base", b"PREFIX")) or b"/standards/smart/" in head


register(
    Format(
        name="rdf",
        description="linked data in the IEC-ISO Core Ontology (SMART): Turtle, JSON-LD, N-Triples",
        extensions=(".ttl", ".jsonld", ".nt"),
        lossy=True,
        read=read_rdf,
        write=write_rdf,
        write_text=rdf_text,
        write_options=(("rdf_format", RDF_FORMATS), ("base", ())),
        sniff=_sniff,
        aliases=("turtle", "json-ld"),
    )
)
