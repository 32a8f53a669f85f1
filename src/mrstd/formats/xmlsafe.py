"""Parsing untrusted XML: no network, no DTD, no external entities, bounded size and depth."""

from __future__ import annotations

import codecs
import html.entities
import re
from typing import Any

from lxml import etree

from ..errors import DocumentError, Problem, ProblemKind

#: Deepest element nesting accepted; libxml2 refuses beyond 256 without XML_PARSE_HUGE.
MAX_DEPTH = 256
#: Largest expansion of one internal entity, in characters (guards against billion laughs).
MAX_ENTITY_EXPANSION = 100_000

_DOCTYPE = re.compile(rb"<!DOCTYPE\s[^\[>]*(\[(?P<subset>.*?)\])?\s*>", re.DOTALL)
_ENTITY_DECL = re.compile(
    # A quoted value is taken whole: it may hold markup, and so a ">" (issue 13).
    rb"""<!ENTITY\s+(?P<param>%\s+)?(?P<name>[^\s]+)\s+(?P<rest>"[^"]*"|'[^']*'|[^>]*?)\s*>""",
    re.DOTALL,
)
_QUOTED = re.compile(rb"""^(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')\s*$""", re.DOTALL)
_ENTITY_REF = re.compile(rb"&([A-Za-z_][A-Za-z0-9._-]*);")
# Entity references other than the five XML predefines (which are by far the most common).
_NAMED_REF = re.compile(rb"&(?!(?:lt|gt|amp|quot|apos);)([A-Za-z_][A-Za-z0-9._-]*);")
_POSITION = re.compile(r",? line [0-9]+, column [0-9]+$")


_NOT_SPACE = re.compile(rb"\S")
#: Distinct namespace prefixes a document may declare (a prefix declared again and again,
#: as ``xmlns:mml`` on every formula, counts once).
MAX_PREFIXES = 1000
_PREFIX_DECL = re.compile(rb"xmlns:([^\s=]+)\s*=")


def _parser(resolve_internal: bool, recover: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        recover=recover,
        resolve_entities="internal" if resolve_internal else False,  # type: ignore[arg-type]
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
    )


def _problem(
    source: str,
    message: str,
    line: int = 1,
    column: int = 1,
    kind: ProblemKind = ProblemKind.CONTENT,
) -> DocumentError:
    return DocumentError(source, [Problem(message, line, column, kind=kind)])


#: libxml2's errors about the encoding of the bytes, rather than their syntax.
_ENCODING_ERRORS = frozenset(
    {etree.ErrorTypes.ERR_INVALID_ENCODING, etree.ErrorTypes.ERR_UNSUPPORTED_ENCODING}
)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _internal_entities(data: bytes, source: str, allow: bool) -> dict[bytes, bytes]:
    """Check the DOCTYPE's internal subset; return its internal general entities."""
    match = _DOCTYPE.search(data, 0, 65536)
    if match is None or match.group("subset") is None:
        return {}
    subset = match.group("subset")
    entities: dict[bytes, bytes] = {}
    for decl in _ENTITY_DECL.finditer(subset):
        line, col = _line_col(data, match.start("subset") + decl.start())
        name = decl.group("name").decode("utf-8", "replace")
        value = _QUOTED.match(decl.group("rest"))
        if decl.group("param") or value is None:
            kind = "parameter" if decl.group("param") else "external"
            raise _problem(source, f"{kind} entity {name!r} is not allowed", line, col)
        if not allow:
            raise _problem(source, f"entity declaration {name!r} is not allowed", line, col)
        entities[decl.group("name")] = value.group("dq") or value.group("sq") or b""
    for name in entities:
        if _expanded_size(name, entities, {}, ()) > MAX_ENTITY_EXPANSION:
            raise _problem(
                source,
                f"entity {name.decode()!r} expands beyond {MAX_ENTITY_EXPANSION} characters",
            )
    return entities


def _expanded_size(
    name: bytes, entities: dict[bytes, bytes], memo: dict[bytes, int], seen: tuple[bytes, ...]
) -> int:
    if name in memo:
        return memo[name]
    if name in seen:
        return MAX_ENTITY_EXPANSION + 1  # recursive definition
    value = entities.get(name, b"")
    size = len(value)
    for ref in _ENTITY_REF.findall(value):
        size += _expanded_size(ref, entities, memo, (*seen, name)) if ref in entities else 0
        if size > MAX_ENTITY_EXPANSION:
            break
    memo[name] = size
    return size


def _replace_html_entities(data: bytes, declared: dict[bytes, bytes]) -> bytes:
    """Turn HTML named entities only a DTD would define into character references."""

    def sub(match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        if name in declared:
            return match.group(0)
        codepoint = html.entities.name2codepoint.get(name.decode("ascii", "replace"))
        return b"&#%d;" % codepoint if codepoint is not None else match.group(0)

    if _NAMED_REF.search(data) is None:
        return data
    return _NAMED_REF.sub(sub, data)


#: Byte order marks of the encodings whose markup is not ASCII bytes (UTF-32 first: its
#: little-endian mark starts with UTF-16's), and the first four bytes of ``<?`` in each
#: when there is no mark (XML 1.0, appendix F).
_WIDE_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE_UNMARKED = {
    b"\x00\x00\x00<": "utf-32-be",
    b"<\x00\x00\x00": "utf-32-le",
    b"\x00<\x00?": "utf-16-be",
    b"<\x00?\x00": "utf-16-le",
}
_DECLARED_ENCODING = re.compile(r"""\A(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2""")


def wide_encoding(data: bytes) -> str | None:
    """The codec of a document in UTF-16 or UTF-32; None for any other."""
    for mark, codec in _WIDE_MARKS:
        if data.startswith(mark):
            return codec
    return _WIDE_UNMARKED.get(data[:4])


def as_utf8(data: bytes, source: str) -> bytes:
    """A document in UTF-16 or UTF-32 as UTF-8, its declaration saying so; any other as it is.

    Every check the readers make on the bytes (comments, entities, namespace prefixes,
    sniffing) looks for ASCII markup, which UTF-16 and UTF-32 do not have.
    """
    codec = wide_encoding(data)
    if codec is None:
        return data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(codec, "replace").count("\n") + 1
        message = f"not valid {codec.upper()}: {exc.reason}"
        raise _problem(source, message, line, kind=ProblemKind.ENCODING) from None
    text = _DECLARED_ENCODING.sub(r"\1\2UTF-8\2", text.lstrip("\ufeff"), count=1)
    return text.encode("utf-8")


def parse_xml(
    data: bytes,
    source: str,
    *,
    allow_internal_entities: bool = False,
    html_entities: bool = False,
    warnings: list[Problem] | None = None,
) -> etree._Element:
    """Parse XML safely and return the root element.

    Every failure is a DocumentError naming the line and column. Nothing is ever
    fetched: external DTDs are ignored, external and parameter entities are refused.
    With ``html_entities``, HTML named entities (``&mdash;``) resolve from the
    standard library's table, as old ISOSTS files need. Given a ``warnings`` list, a
    namespace named by something other than a URI (the formal public identifier of old
    CALS tables) is read as written and reported there instead of refused.
    """
    data = as_utf8(data, source)
    if _NOT_SPACE.search(data) is None:  # (a search copies nothing; strip() copies it all)
        raise _problem(source, "empty document", kind=ProblemKind.SYNTAX)
    if data.count(b"xmlns:") > MAX_PREFIXES and len(set(_PREFIX_DECL.findall(data))) > MAX_PREFIXES:
        # Serializing an element copies every namespace in scope, at a cost quadratic in
        # their number (100,000 took minutes); real standards declare a few dozen.
        raise _problem(source, f"more than {MAX_PREFIXES:,} namespace prefixes are declared")
    declared = _internal_entities(data, source, allow_internal_entities)
    if html_entities:
        data = _replace_html_entities(data, declared)
    try:
        try:
            root = etree.fromstring(data, _parser(bool(declared)))
        except etree.XMLSyntaxError:
            if warnings is None:
                raise
            root = _read_with_namespace_names(data, bool(declared), warnings)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (1, 1)
        # The position is given separately; drop libxml2's own copy of it from the text.
        message = _POSITION.sub("", str(exc.msg or exc).split(" (line")[0]).strip()
        if "depth" in message.lower():
            message = f"nesting deeper than {MAX_DEPTH} levels is refused"
        elif "amplification" in message.lower():
            message = "entity expansion is too large"
        code = getattr(exc, "code", None)  # libxml2's error number (not in lxml's stubs)
        kind = ProblemKind.ENCODING if code in _ENCODING_ERRORS else ProblemKind.SYNTAX
        raise _problem(source, f"malformed XML: {message}", line, max(col, 1), kind) from None
    if root is None:
        raise _problem(source, "empty document", kind=ProblemKind.SYNTAX)
    if _NAMED_REF.search(data) is not None:
        # libxml2 keeps a reference it cannot resolve (its DTD is external, never read) as
        # an entity node, which readers would keep as text: refuse it instead.
        node: Any
        for node in root.iter(etree.Entity):
            line = node.sourceline or 1
            message = f"entity {node.text!r} is not defined (external DTDs are never read)"
            raise _problem(source, message, line)
    return root


_NS_NAMES = frozenset({etree.ErrorTypes.WAR_NS_URI, etree.ErrorTypes.WAR_NS_URI_RELATIVE})


def _read_with_namespace_names(data: bytes, internal: bool, warnings: list[Problem]) -> Any:
    """Parse again in libxml2's recovery mode, and accept the result only when the only
    problems were namespace names that are not URIs (anything else raises as before)."""
    parser = _parser(internal, recover=True)
    root = etree.fromstring(data, parser)
    # The parser's own log (an exception's log can hold other parses' warnings).
    errors = [e for e in parser.error_log if e.type == etree.ErrorTypes.WAR_NS_URI]
    if root is None or not errors or any(e.type not in _NS_NAMES for e in parser.error_log):
        etree.fromstring(data, _parser(internal))  # raises the first real error
    for error in errors:
        message = error.message.split(", line ")[0]
        warnings.append(Problem(f"{message}; read as written", error.line, error.column + 1))
    return root


def comments_and_pis(root: etree._Element, data: bytes) -> list[Any]:
    """Every comment and processing instruction of a parsed document, in and around the root.

    ``data`` is the source as parsed, in UTF-8 (readers pass it through ``as_utf8`` first).
    Typed loosely: the lxml stubs give these nodes a str tag and sourceline an odd type.
    """
    # The XML declaration is not a processing instruction; without either marker, none.
    if b"<!--" not in data and b"<?" not in data[5:]:
        return []
    nodes: list[Any] = list(root.itersiblings(preceding=True))
    # The root and what it holds start on the root's line: a comment or processing
    # instruction inside it needs one of the markers from there on (a walk of the whole tree
    # costs as much as a tenth of reading it, and a comment in the prolog alone is common).
    line = root.sourceline
    start = _line_start(data, line if isinstance(line, int) else 1)
    if data.find(b"<!--", start) != -1 or data.find(b"<?", start) != -1:
        nodes.extend(root.iter(etree.Comment, etree.PI))
    nodes.extend(root.itersiblings())
    return nodes


def _line_start(data: bytes, line: int) -> int:
    """The offset at which a line (counted from 1) starts; 0 where libxml2 may have capped
    the line number (65535)."""
    if line >= 65535:
        return 0
    offset = 0
    for _ in range(line - 1):
        offset = data.find(b"\n", offset) + 1
        if offset == 0:
            return 0  # fewer lines than that: look from the start
    return offset
