"""Reading a document back from its linked data: the clause tree, and the provisions,
notes and examples of each clause as paragraphs, and the term entries (the "document
reconstruction" competency question).

What RDF in this ontology does not hold comes back as it can and is logged: tables, figures
and formulas are only linked (their captions and places), lists and other block structures
come back as paragraphs, and inline markup as plain text. The document is built as JSON and
read by the JSON reader, so it meets the same constraints as any other input.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from ...errors import DocumentError, Problem, ProblemKind
from ...model import Document
from ...model.document import SCHEMA_URI
from ...rules.verbal import SENTENCE_END
from ..base import Change, ConversionLog
from ..native_json import loads_bytes
from . import rdflib
from .vocabulary import DCAT, DCTERMS, MRSTD, OA, RDF, SKOS, SKOSXL, SMART

_GROUPS = ("preface", "body", "annexes", "back")


def read_rdf(data: bytes, source: str, log: ConversionLog) -> Document:
    """A document from Turtle, JSON-LD or N-Triples written by mrstd (or shaped alike)."""
    graph = rdflib().Graph()
    head = data.lstrip()[:1]
    fmt = "json-ld" if head in (b"{", b"[") else "nt" if head == b"<" else "turtle"
    try:
        graph.parse(data=data, format=fmt)
    except Exception as exc:  # rdflib raises many kinds; the message says where
        message = " ".join(str(exc).split())[:300]
        raise DocumentError(
            source, [Problem(f"not {fmt} RDF: {message}", kind=ProblemKind.SYNTAX)]
        ) from None
    return _Reader(graph, rdflib(), log).document(source)


class _Reader:
    def __init__(self, graph: Any, rdflib: Any, log: ConversionLog) -> None:
        self.g = graph
        self.U = rdflib.URIRef
        self.log = log
        # Index the few predicates read, once: rdflib's pattern lookups cost more.
        self.part_of: defaultdict[Any, list[Any]] = defaultdict(list)
        for s, o in graph.subject_objects(self.U(f"{DCTERMS}isPartOf")):
            self.part_of[o].append(s)
        self.successor: dict[Any, Any] = {
            o: s for s, o in graph.subject_objects(self.U(f"{SMART}isSuccessorOf"))
        }

    def one(self, subject: Any, predicate: str) -> Any:
        return self.g.value(subject, self.U(predicate))

    def text(self, subject: Any, predicate: str) -> str | None:
        value = self.one(subject, predicate)
        return str(value) if value is not None else None

    def types(self, subject: Any) -> set[str]:
        return {str(t) for t in self.g.objects(subject, self.U(f"{RDF}type"))}

    # ------------------------------------------------------------ documents

    def document(self, source: str) -> Document:
        docs = list(self.g.subjects(self.U(f"{RDF}type"), self.U(f"{SMART}PublicationDocument")))
        layered = sorted(
            (int(layer), d) for d in docs if (layer := self.one(d, f"{MRSTD}layer")) is not None
        )
        if not layered:
            with_content = [d for d in docs if self.part_of.get(d)]
            if not with_content:
                problem = Problem(
                    "no smart:PublicationDocument with content", kind=ProblemKind.CONTENT
                )
                raise DocumentError(source, [problem])
            layered = [(0, with_content[0])]
        data: dict[str, Any] | None = None
        for _, node in reversed(layered):  # innermost first: each wraps the one before
            layer = self.layer(node)
            if data is not None:
                layer["adopted"] = data
            data = layer
        assert data is not None
        raw = json.dumps({"$schema": SCHEMA_URI, **data}, ensure_ascii=False).encode("utf-8")
        return loads_bytes(raw, source)

    def layer(self, node: Any) -> dict[str, Any]:
        titles = []
        for title in self.g.objects(node, self.U(f"{DCTERMS}title")):
            titles.append({"language": title.language or "en", "full": str(title)})
        metadata: dict[str, Any] = {
            "identifier": {"value": self.text(node, f"{DCTERMS}identifier") or str(node)},
            "titles": sorted(titles, key=lambda t: t["language"]),
        }
        degree = self.text(node, f"{MRSTD}degree")
        adopted = self.one(node, f"{MRSTD}adopts")
        if degree is not None and adopted is not None:
            identifier = self.text(adopted, f"{DCTERMS}identifier") or str(adopted)
            metadata["adoptions"] = [{"identifier": identifier, "degree": degree}]
        layer: dict[str, Any] = {"metadata": metadata, **{g: [] for g in _GROUPS}}
        for clause in self.ordered(self.clauses_of(node)):
            group = self.text(clause, f"{MRSTD}group") or "body"
            layer[group if group in _GROUPS else "body"].append(self.clause(clause))
        return layer

    def clauses_of(self, parent: Any) -> list[Any]:
        return [c for c in self.part_of.get(parent, ()) if f"{SMART}Clause" in self.types(c)]

    def ordered(self, items: list[Any]) -> list[Any]:
        """Items in document order: their fragments are chained by smart:isSuccessorOf."""
        fragment_of = {item: self.one(item, f"{DCAT}distribution") for item in items}
        item_of = {f: i for i, f in fragment_of.items() if f is not None}
        firsts = [
            i
            for i, f in fragment_of.items()
            if f is None or self.one(f, f"{SMART}isSuccessorOf") not in item_of
        ]
        out: list[Any] = []
        seen: set[Any] = set()
        for first in sorted(firsts, key=str):
            item: Any = first
            while item is not None and item not in seen:
                seen.add(item)
                out.append(item)
                following = self.successor.get(fragment_of.get(item))
                item = item_of.get(following) if following is not None else None
        out.extend(sorted((i for i in items if i not in seen), key=str))
        return out

    # ------------------------------------------------------------ clauses

    def clause(self, node: Any) -> dict[str, Any]:
        clause: dict[str, Any] = {}
        label = self.text(node, f"{SMART}hasSectionNumber")
        if label:
            clause["label"] = label
        title = self.text(node, f"{DCTERMS}title")
        if title:
            clause["title"] = [{"type": "text", "text": title}]
        kind = self.text(node, f"{MRSTD}clauseKind")
        if kind:
            clause["kind"] = kind
        obligation = self.text(node, f"{MRSTD}obligation")
        if obligation:
            clause["obligation"] = obligation
        clause["blocks"] = self.blocks(node)
        clause["subclauses"] = [self.clause(c) for c in self.ordered(self.clauses_of(node))]
        return clause

    def blocks(self, clause: Any) -> list[dict[str, Any]]:
        """The clause's provisions and supplements as paragraphs, notes and examples (one
        per source paragraph), its term entries, in the order of their source blocks."""
        parts = [p for p in self.part_of.get(clause, ()) if f"{SMART}Clause" not in self.types(p)]
        found: list[tuple[int, int, dict[str, Any]]] = []
        current: dict[str, Any] | None = None
        current_path = None
        sentences = [p for p in self.ordered([p for p in parts if not self._is_term(p)])]
        for order, item in enumerate(sentences):
            fragment = self.one(item, f"{DCAT}distribution")
            text = self.text(fragment, f"{RDF}value") if fragment is not None else None
            path = self._path(fragment)
            if text is None:
                continue
            types = self.types(item)
            supplement = self._supplement(item, types)
            if current is None or path != current_path:
                current = {"type": "paragraph", "content": []}
                current_path = path
                block: dict[str, Any] = current
                if supplement in ("note", "example"):
                    block = {"type": supplement, "blocks": [current]}
                elif supplement == "footnote":
                    block = {"type": "note", "kind": "footnote", "blocks": [current]}
                found.append((_block_index(path), order, block))
                if (path and ".items[" in path) or (path and ".cells" in path):
                    self.log.add(Change.NORMALISED, path, "read back as a paragraph")
            content = current["content"]
            if content:
                content[0]["text"] += " " + text
            else:
                # A sentence of punctuation alone (";") is one only after something else.
                lead = " " if text[:1] in SENTENCE_END else ""
                content.append({"type": "text", "text": lead + text})
            mark = self.text(item, f"{MRSTD}marked")
            if mark is not None:  # the source marked the kind; else it is the verbal form's
                current["provision"] = mark
        for item in parts:
            if self._is_term(item):
                fragment = self.one(item, f"{DCAT}distribution")
                path = self._path(fragment)
                found.append((_block_index(path), -1, self.term(item, fragment)))
        for component in self.g.objects(clause, self.U(f"{MRSTD}hasComponent")):
            path = self._path(component) or ""
            what = self.one(component, f"{SMART}hasPublicationComponentType")
            name = str(what or "component").rsplit("/", 1)[-1]
            self.log.add(Change.LOST, path, f"{name}: outside the ontology, linked in the RDF")
        found.sort(key=lambda f: (f[0], f[1]))
        return [block for _, _, block in found]

    def _is_term(self, item: Any) -> bool:
        types = self.types(item)
        return f"{SMART}TermEntry" in types or f"{MRSTD}TermEntry" in types

    def _supplement(self, item: Any, types: set[str]) -> str | None:
        if f"{SMART}ProvisionSupplement" in types:
            kind = self.one(item, f"{SMART}hasSupplementType")
            return str(kind).rsplit("/", 1)[-1] if kind is not None else "note"
        return self.text(item, f"{MRSTD}supplementType")

    def _path(self, fragment: Any) -> str | None:
        if fragment is None:
            return None
        selector = self.one(fragment, f"{OA}hasSelector")
        return self.text(selector, f"{RDF}value") if selector is not None else None

    # ------------------------------------------------------------ terms

    def term(self, node: Any, fragment: Any) -> dict[str, Any]:
        selector = self.one(fragment, f"{OA}hasSelector") if fragment is not None else None
        ident = self.text(selector, f"{DCTERMS}identifier") if selector is not None else None
        label = self.text(node, f"{DCTERMS}identifier")
        designations = []
        for predicate, status in (
            (f"{SKOSXL}prefLabel", "preferred"),
            (f"{SKOSXL}altLabel", "admitted"),
            (f"{SMART}deprecatedLabel", "deprecated"),
        ):
            for term in sorted(self.g.objects(node, self.U(predicate)), key=str):
                form = self.one(term, f"{SKOSXL}literalForm")
                if form is None:
                    continue
                designation: dict[str, Any] = {
                    "text": str(form),
                    "status": self.text(term, f"{MRSTD}status") or status,
                }
                if form.language:
                    designation["language"] = form.language
                designations.append((str(term), designation))
        designations.sort(key=lambda d: _term_order(d[0]))
        definitions = [
            {"language": d.language, "content": [{"type": "text", "text": str(d)}]}
            if d.language
            else {"content": [{"type": "text", "text": str(d)}]}
            for d in self.g.objects(node, self.U(f"{SKOS}definition"))
        ]
        entry: dict[str, Any] = {
            "type": "term-entry",
            "id": ident or "term-" + re.sub(r"[^A-Za-z0-9_.-]", "-", label or "x"),
            "designations": [d for _, d in designations],
            "definitions": definitions,
        }
        if label and label != ident:
            entry["label"] = label
        return entry


def _term_order(term_iri: str) -> int:
    found = re.search(r"-(\d+)$", term_iri)
    return int(found.group(1)) if found else 0


def _block_index(path: str | None) -> int:
    """Where a text stands among its clause's blocks: the first block index after the
    clause's own path (the clause's last ``subclauses[n]``)."""
    if not path:
        return 1 << 30
    tail = path.rsplit("subclauses[", 1)[-1]
    found = re.search(r"blocks\[(\d+)\]", tail)
    return int(found.group(1)) if found else 1 << 30
