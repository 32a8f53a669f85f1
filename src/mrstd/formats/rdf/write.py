"""Writing a document as linked data in the IEC-ISO Core Ontology (SMART level 3).

Every layer is a ``smart:PublicationDocument``; its clauses and annexes are ``smart:Clause``
resources, part of their parent, with their numbers and language-tagged titles; every
sentence of their text is a provision of its kind (``smart:Requirement`` … ``smart:Statement``)
with its bindingness, part of its clause, its text held by a content fragment that an
annotation ties to it and whose selector gives its place in mrstd's model (and its element id
where the source had one), fragments of one clause chained by ``smart:isSuccessorOf`` in
document order. Notes, examples and footnotes are supplements of the provision before them.
Term entries follow the terminology model (SKOS-XL). Tables, figures and formulas, which the
ontology leaves out, are linked as content fragments of their clause, not dropped.

The triples are written as N-Triples text directly (one line each: no graph is built), and
turned into Turtle or JSON-LD by rdflib, whose parsing and serialisation are the cost there.
IRIs are stable: the document's URN (RFC 5141 for ISO and IEC, else an ``urn:mrstd:`` one from
its identifier), or ``base`` followed by it, then ``#`` and a key made of clause numbers (or
ids where a clause has none) and positions.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import quote

from ...ids import IdentifierError, parse
from ...ids.urn import to_urn
from ...model import (
    Clause,
    Document,
    Layer,
    ProvisionKind,
    StandardRef,
    TermEntry,
    TermStatus,
)
from ...paths import format_path
from ...rules.context import (
    DEFINITION,
    EXAMPLE,
    FOOTNOTE,
    INFORMATIVE,
    INFORMATIVE_ANNEX,
    NOTE,
    TABLE,
    Context,
    plain_text,
)
from ...rules.verbal import classify, sentences
from ..base import Change, ConversionLog, collector_paused
from .vocabulary import (
    DCAT,
    DCTERMS,
    MRSTD,
    OA,
    PROV,
    PROVISION_CLASS,
    PUBLICATION_TYPE,
    RDF,
    RDFS,
    SKOS,
    SKOSXL,
    SMART,
    SPDX,
    TAXONOMY,
    XSD,
)

TYPE = f"<{RDF}type>"
_SAFE = "/:#@!$&'()*+,;=-._~%"
_URN = re.compile(r"urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+", re.IGNORECASE)
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_BAD_LITERAL = re.compile(r'[\\"\n\r\x00-\x1f]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def iri(text: str) -> str:
    """An IRI reference in N-Triples: characters an IRI cannot hold percent-encoded."""
    return f"<{quote(text, safe=_SAFE)}>"


def literal(text: str, language: str | None = None, datatype: str | None = None) -> str:
    """A literal in N-Triples, escaped."""
    if _BAD_LITERAL.search(text):
        text = _BAD_LITERAL.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04X}"), text)
    if language:
        return f'"{text}"@{language}'
    if datatype:
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def _smart(name: str) -> str:
    return f"<{SMART}{name}>"


def _concept(taxonomy: str, name: str) -> str:
    return f"<{TAXONOMY}{taxonomy}/{name}>"


def document_urn(layer: Document | Layer) -> str:
    """The URN a document's IRIs start from: its own (unless a placeholder), else its
    identifier's (:func:`urn_of`)."""
    meta = layer.metadata
    if meta.urn and _URN.fullmatch(meta.urn):  # not a placeholder ("N/A")
        return meta.urn
    return urn_of(meta.identifier.value)


def urn_of(identifier: str) -> str:
    """A URN for a document identifier: RFC 5141's for ISO (and IEC's), with the year of a
    dated identifier appended where the URN has no place for it (so that two editions have
    two IRIs: an mrstd convention); else ``urn:mrstd:`` and the identifier, slugged."""
    try:
        parsed = parse(identifier)
    except IdentifierError:  # no grammar reads it
        parsed = None
    urn = to_urn(parsed) if parsed is not None else None
    if parsed is None or urn is None:
        slug = re.sub(r"[^A-Za-z0-9.:-]+", "-", identifier.strip()).strip("-").lower()
        return f"urn:mrstd:{slug}"
    if parsed.year and str(parsed.year) not in urn:
        urn += f":{parsed.year}"
    return urn


def work_urn(identifier: str) -> str | None:
    """The URN of the work a dated identifier is an edition of (ISO 9001 for ISO 9001:2015),
    or None for an undated one."""
    try:
        parsed = parse(identifier)
    except IdentifierError:  # no grammar reads it
        return None
    if not parsed.year:
        return None
    return urn_of(str(parsed.undated()))


#: The subclass axioms a query over the export needs (the sample graphs carry them too).
_DISTRIBUTION = f"<{DCAT}distribution>"
_COMPONENT = f"<{SMART}hasPublicationComponentType>"
_SUCCESSOR = f"<{SMART}isSuccessorOf>"
_PART_OF = f"<{DCTERMS}isPartOf>"
_SPECIFIC_RESOURCE = f"<{OA}SpecificResource>"
_DCAT_DISTRIBUTION = f"<{DCAT}Distribution>"
_HAS_SOURCE = f"<{OA}hasSource>"
_HAS_SELECTOR = f"<{OA}hasSelector>"
_TEXTUAL = f"<{TAXONOMY}publication-component-type/textual>"
_VALUE = f"<{RDF}value>"
_CHECKSUM = f"<{SPDX}checksum>"
_SPDX_CHECKSUM = f"<{SPDX}Checksum>"
_ALGORITHM = f"<{SPDX}algorithm>"
_SHA256 = f"<{SPDX}checksumAlgorithm_sha256>"
_CHECKSUM_VALUE = f"<{SPDX}checksumValue>"
_OA_ANNOTATION = f"<{OA}Annotation>"
_FRAGMENT_SELECTOR = f"<{OA}FragmentSelector>"
_SELECTOR = f"<{OA}Selector>"
_MRSTD_ANNOTATION = f"<{MRSTD}Annotation>"
_BODY = f"<{OA}hasBody>"
_TARGET = f"<{OA}hasTarget>"
_PROVISION = {kind: f"<{SMART}{name}>" for kind, name in PROVISION_CLASS.items()}
_BINDINGNESS = f"<{SMART}hasBindingnessType>"
_NORMATIVE = f"<{TAXONOMY}bindingness-type/normative>"
_INFORMATIVE = f"<{TAXONOMY}bindingness-type/informative>"
_SUPPLEMENT = f"<{SMART}ProvisionSupplement>"
_SUPPLEMENT_TYPE = f"<{SMART}hasSupplementType>"
_HAS_SUPPLEMENT = f"<{SMART}hasSupplement>"
_AXIOMS = [
    *(
        f"{_smart(name)} <{RDFS}subClassOf> {_smart('Provision')} ."
        for name in PROVISION_CLASS.values()
    ),
    f"{_smart('Clause')} <{RDFS}subClassOf> {_smart('ProvisionSet')} .",
]


class RdfWriter:
    """One export: the N-Triples lines, and the IRIs given so far."""

    def __init__(self, doc: Document, base: str, log: ConversionLog) -> None:
        self.doc = doc
        self.base = base
        self.log = log
        self.lines: list[str] = list(_AXIOMS)
        self.w = self.lines.append
        self.concepts: set[str] = set()
        self.given: set[str] = set()
        self.works: set[str] = set()
        self.paths: dict[tuple[Any, ...], str] = {}
        self.last_owner: tuple[tuple[Any, ...], tuple[str, Clause]] | None = None

    # ------------------------------------------------------------ documents

    def run(self) -> str:
        layers: list[Any] = list(self.doc.layers())  # the Document, then its Layers
        # Two layers may carry one identifier: the inner one's IRI then gets "~2".
        iris = [self.unique(self.document_iri(layer)[:-1]) for layer in layers]
        ctx = Context(self.doc)
        self.index = ctx.index
        #: The id of what stands at a place, for selectors (the index knows every id).
        self.id_at = {t.loc: ident for ident, ts in ctx.index.ids.items() for t in ts}
        units_by_layer: dict[int, list[Any]] = {}
        for unit in ctx.index.units:
            units_by_layer.setdefault(unit.layer, []).append(unit)
        for number, layer in enumerate(layers):
            adopted = iris[number + 1] if number + 1 < len(layers) else None
            self.document(layer, iris[number], adopted, number)
            self.content(layer, iris[number], number, units_by_layer.get(number, []))
        self.lines.append("")  # the final newline, without copying the text once more
        return "\n".join(self.lines)

    def version(self, node: str, identifier: str) -> None:
        """A dated document is a version of its work (ISO 9001:2015 of ISO 9001)."""
        work = work_urn(identifier)
        if work is None or iri(f"{self.base}{work}") == node:
            return
        target = iri(f"{self.base}{work}")
        self.w(f"{target} <{DCTERMS}hasVersion> {node} .")
        if target not in self.works:
            self.works.add(target)
            self.w(f"{target} {TYPE} {_smart('PublicationDocument')} .")

    def document_iri(self, layer: Document | Layer) -> str:
        return iri(f"{self.base}{document_urn(layer)}")

    def document(self, layer: Document | Layer, doc: str, adopted: str | None, number: int) -> None:
        w, meta = self.w, layer.metadata
        w(f"{doc} {TYPE} {_smart('PublicationDocument')} .")
        kind = PUBLICATION_TYPE.get(
            meta.doc_type.value if meta.doc_type else "", "normativeDocument"
        )
        w(f"{doc} {_smart('hasPublicationType')} {_concept('publication-type', kind)} .")
        w(f"{doc} <{DCTERMS}identifier> {literal(meta.identifier.value)} .")
        for title in meta.titles:
            text = title.as_line()
            if text:
                w(f"{doc} <{DCTERMS}title> {literal(text, _lang(title.language, meta))} .")
        published = meta.dates.published
        if published is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)):
            w(f"{doc} <{DCTERMS}issued> {literal(str(published), datatype=f'{XSD}date')} .")
        self.version(doc, meta.identifier.value)
        replaced = False
        for relation in meta.relations:
            kind = relation.kind.value
            target = iri(f"{self.base}{urn_of(relation.identifier)}")
            if kind in ("supersedes", "revises", "superseded-by", "revised-by"):
                newer, older = (doc, target) if kind in ("supersedes", "revises") else (target, doc)
                # The shapes allow one dcterms:replaces; any other is a dcterms:relation.
                verb = "relation" if replaced and newer == doc else "replaces"
                replaced = replaced or newer == doc
                w(f"{newer} <{DCTERMS}{verb}> {older} .")
                w(f"{target} {TYPE} {_smart('PublicationDocument')} .")
                w(f"{target} <{DCTERMS}identifier> {literal(relation.identifier)} .")
                self.version(target, relation.identifier)
        if adopted is not None:
            w(f"{doc} <{MRSTD}adopts> {adopted} .")
        for link in meta.adoptions:
            target = adopted or iri(f"{self.base}{urn_of(link.identifier)}")
            if adopted is None:
                w(f"{doc} <{MRSTD}adopts> {target} .")
                w(f"{target} {TYPE} {_smart('PublicationDocument')} .")
                w(f"{target} <{DCTERMS}identifier> {literal(link.identifier)} .")
            w(f"{doc} <{MRSTD}degree> {literal(link.degree.value)} .")
        w(f"{doc} <{MRSTD}layer> {literal(str(number), datatype=f'{XSD}integer')} .")

    # ------------------------------------------------------------ clauses

    def content(self, layer: Document | Layer, doc: str, number: int, units: list[Any]) -> None:
        prefix = ("adopted",) * number
        self.clause_iris: dict[tuple[Any, ...], tuple[str, Clause]] = {}
        self.last_owner = None
        language = _lang(None, layer.metadata)
        self.language = language
        previous: str | None = None  # one chain through the groups, in document order
        for group in ("preface", "body", "annexes", "back"):
            clauses: tuple[Clause, ...] = getattr(layer, group)
            for index, clause in enumerate(clauses):
                loc = (*prefix, group, index)
                previous = self.clause(clause, loc, doc, doc, group, str(index), previous)
        self.objects(doc, number)
        self.text(units, doc)

    def clause(
        self,
        clause: Clause,
        loc: tuple[Any, ...],
        doc: str,
        parent: str,
        group: str,
        fallback: str,
        previous: str | None,
    ) -> str:
        w = self.w
        key = f"clause-{clause.label}" if clause.label else f"{group}-{clause.id or fallback}"
        node = self.unique(f"{doc[:-1]}#{quote(_key(key), safe=_SAFE)}")
        self.clause_iris[loc] = (node, clause)
        w(f"{node} {TYPE} {_smart('Clause')} .")
        w(f"{node} <{DCTERMS}isPartOf> {parent} .")
        w(f"{node} <{MRSTD}group> {literal(group)} .")
        w(f"{node} <{MRSTD}clauseKind> {literal(clause.kind.value)} .")
        if clause.obligation is not None:
            w(f"{node} <{MRSTD}obligation> {literal(clause.obligation.value)} .")
        title = plain_text(clause.title)
        fragment = self.fragment(
            node, doc, self.selector(node, loc, clause.id), None, previous, "textual"
        )
        if clause.label:
            w(f"{node} {_smart('hasSectionNumber')} {literal(clause.label)} .")
            w(f"{fragment} {_smart('hasSectionNumber')} {literal(clause.label)} .")
        if title:
            w(f"{node} <{DCTERMS}title> {literal(title, self.language)} .")
            w(f"{fragment} <{DCTERMS}title> {literal(title, self.language)} .")
        self.annotate(node, fragment)
        before: str | None = None
        for index, sub in enumerate(clause.subclauses):
            before = self.clause(
                sub, (*loc, "subclauses", index), doc, node, group, f"{fallback}.{index}", before
            )
        return fragment

    def fragment(
        self,
        owner: str,
        doc: str,
        selector: str,
        text: str | None,
        previous: str | None,
        component: str,
    ) -> str:
        """The content fragment that holds a resource's text (with its SHA-256, to check it
        against the authoritative file's), where it is (``selector``), and after which
        other fragment."""
        w = self.w
        fragment = f"{owner[:-1]}-text>"
        w(f"{owner} {_DISTRIBUTION} {fragment} .")
        w(f"{fragment} {TYPE} <{OA}SpecificResource> .")
        w(f"{fragment} {TYPE} <{DCAT}Distribution> .")
        w(f"{fragment} <{OA}hasSource> {doc} .")
        w(f"{fragment} <{OA}hasSelector> {selector} .")
        w(f"{fragment} {_COMPONENT} {_concept('publication-component-type', component)} .")
        if text is not None:
            checksum = f"{owner[:-1]}-sha256>"
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            w(f"{fragment} <{RDF}value> {literal(text, self.language)} .")
            w(f"{fragment} <{SPDX}checksum> {checksum} .")
            w(f"{checksum} {TYPE} <{SPDX}Checksum> .")
            w(f"{checksum} <{SPDX}algorithm> <{SPDX}checksumAlgorithm_sha256> .")
            w(f'{checksum} <{SPDX}checksumValue> "{digest}" .')
        if previous is not None:
            w(f"{fragment} {_SUCCESSOR} {previous} .")
        return fragment

    def selector(self, owner: str, loc: tuple[Any, ...], element_id: str | None) -> str:
        """Where a resource is in the document: its path in mrstd's model, and the source's
        element id where it had one (shared by the sentences of one paragraph)."""
        w = self.w
        selector = f"{owner[:-1]}-at>"
        ident = (
            f"{selector} <{DCTERMS}identifier> {literal(element_id)} .\n"
            if element_id is not None
            else ""
        )
        # The path: names, numbers, dots, nothing to escape.
        w(
            f"{selector} {TYPE} {_FRAGMENT_SELECTOR} .\n"
            f"{selector} {TYPE} {_SELECTOR} .\n"
            f'{ident}{selector} {_VALUE} "{self.path(loc)}" .'
        )
        return selector

    def path(self, loc: tuple[Any, ...]) -> str:
        """``format_path`` of a place, built from its parent's, which is kept: the places of
        a document's texts share most of their paths."""
        found = self.paths.get(loc)
        if found is None:
            last = loc[-1]
            if len(loc) == 1:
                found = str(last)
            elif last.__class__ is int:
                found = f"{self.path(loc[:-1])}[{last}]"
            else:
                found = f"{self.path(loc[:-1])}.{last}"
            self.paths[loc] = found
        return found

    def annotate(self, body: str, target: str, provision: bool = False) -> None:
        """An annotation tying a resource to the fragment that holds it. The shapes allow only
        provisions as the bodies of an ``oa:Annotation``: the annotation of a clause, a term
        entry or a supplement is an ``mrstd:Annotation``, with the same two properties."""
        note = f"{body[:-1]}-annotation>"
        kind = f"<{OA}Annotation>" if provision else f"<{MRSTD}Annotation>"
        self.w(f"{note} {TYPE} {kind} .")
        self.w(f"{note} <{OA}hasBody> {body} .")
        self.w(f"{note} <{OA}hasTarget> {target} .")

    def objects(self, doc: str, number: int) -> None:
        """The layer's tables, figures and formulas, linked from their clause as fragments
        (the ontology leaves them out), and its term entries in the terminology model,
        wherever they stand (in a note, a list …), as the text index found them."""
        index = self.index
        for entry, loc, _flags, layer in index.terms:
            owner = self._owner(loc) if layer == number else None
            if owner is not None:
                self.term(entry, loc, doc, owner[0])
        for component, found in (
            ("table", index.tables),
            ("figure", index.figures),
            ("mathematicalFormula", index.formulas),
        ):
            for item in found:
                owner = self._owner(item.loc) if item.layer == number else None
                if owner is None:
                    continue
                clause, block = owner[0], item.node
                caption = plain_text(getattr(block, "caption", ())) or block.label or ""
                node = self.unique(f"{clause[:-1]}-{component}")
                selector = self.selector(node, item.loc, block.id)
                fragment = self.fragment(node, doc, selector, caption or None, None, component)
                self.w(f"{clause} <{MRSTD}hasComponent> {fragment} .")
                self.log.add(
                    Change.NORMALISED,
                    format_path(item.loc),
                    f"{component} linked as a content fragment (outside the ontology)",
                )

    # ------------------------------------------------------------ provisions

    def text(self, units: list[Any], doc: str) -> None:
        """Every sentence of every text of the layer's clauses: a provision of its kind, or a
        supplement (note, example, footnote) of the provision before it."""
        w = self.w
        counters: dict[str, int] = {}
        last_fragment: dict[str, str] = {}
        last_provision: dict[str, str] = {}
        for unit in units:
            flags = unit.flags
            if flags & (DEFINITION | TABLE):
                continue  # term entries and tables have their own form
            owner = self._owner(unit.loc)
            text = unit.full_text  # unstripped, split as mrstd.provisions() splits it
            if owner is None or not text.strip():
                continue
            clause = owner[0]
            supplement = _supplement(flags)
            informative = bool(flags & (INFORMATIVE | INFORMATIVE_ANNEX))
            marked = unit.marked
            mark = f" <{MRSTD}marked> {literal(marked.value)} ." if marked is not None else ""
            selector: str | None = None
            for sentence in sentences(text):
                n = counters.get(clause, 0) + 1
                counters[clause] = n
                node = f"{clause[:-1]}-s{n}>"  # the clause's n-th sentence
                if selector is None:  # one for the sentences of this text
                    selector = self.selector(node, unit.loc, self.id_at.get(unit.loc))
                if supplement is not None and clause in last_provision:
                    kind_of = self.concept(
                        "provision-supplement-type", supplement, "ProvisionSupplementType"
                    )
                    w(f"{node} {TYPE} {_SUPPLEMENT} .")
                    w(f"{node} {_SUPPLEMENT_TYPE} {kind_of} .")
                    w(f"{last_provision[clause]} {_HAS_SUPPLEMENT} {node} .")
                    provision = False
                else:
                    if marked is not None:
                        kind = marked
                    else:
                        found = classify(sentence)
                        kind = found.kind if found is not None else ProvisionKind.STATEMENT
                    normative = not informative and kind is not ProvisionKind.STATEMENT
                    w(f"{node} {TYPE} {_PROVISION[kind]} .")
                    w(f"{node} {_BINDINGNESS} {_NORMATIVE if normative else _INFORMATIVE} .")
                    if supplement is not None:  # a note before any provision: kept, as one
                        w(f"{node} <{MRSTD}supplementType> {literal(supplement)} .")
                    last_provision[clause] = node
                    provision = True
                # The rest of the sentence's triples at once (one string, not twenty): its
                # clause, its fragment with text and checksum, the fragment before it, and
                # the annotation that ties them, as fragment() and annotate() write them.
                stem = node[:-1]
                fragment = f"{stem}-text>"
                checksum = f"{stem}-sha256>"
                note = f"{stem}-annotation>"
                digest = hashlib.sha256(sentence.encode("utf-8")).hexdigest()
                before = last_fragment.get(clause)
                w(
                    f"{node} {_PART_OF} {clause} .\n"
                    + (f"{node}{mark}\n" if mark else "")
                    + f"{node} {_DISTRIBUTION} {fragment} .\n"
                    f"{fragment} {TYPE} {_SPECIFIC_RESOURCE} .\n"
                    f"{fragment} {TYPE} {_DCAT_DISTRIBUTION} .\n"
                    f"{fragment} {_HAS_SOURCE} {doc} .\n"
                    f"{fragment} {_HAS_SELECTOR} {selector} .\n"
                    f"{fragment} {_COMPONENT} {_TEXTUAL} .\n"
                    f"{fragment} {_VALUE} {literal(sentence, self.language)} .\n"
                    f"{fragment} {_CHECKSUM} {checksum} .\n"
                    f"{checksum} {TYPE} {_SPDX_CHECKSUM} .\n"
                    f"{checksum} {_ALGORITHM} {_SHA256} .\n"
                    f'{checksum} {_CHECKSUM_VALUE} "{digest}" .\n'
                    + (f"{fragment} {_SUCCESSOR} {before} .\n" if before is not None else "")
                    + f"{note} {TYPE} {_OA_ANNOTATION if provision else _MRSTD_ANNOTATION} .\n"
                    f"{note} {_BODY} {node} .\n"
                    f"{note} {_TARGET} {fragment} ."
                )
                last_fragment[clause] = fragment

    def _owner(self, loc: tuple[Any, ...]) -> tuple[str, Clause] | None:
        """The clause a text stands in: the longest clause path its path starts with. Texts
        come in document order, so it is most often the last one's clause."""
        last = self.last_owner
        if last is not None:
            size = len(last[0])
            if loc[:size] == last[0] and len(loc) > size and loc[size] != "subclauses":
                return last[1]
        for end in range(len(loc), 0, -1):
            found = self.clause_iris.get(loc[:end])
            if found is not None:
                self.last_owner = (loc[:end], found)
                return found
        return None

    def unique(self, wanted: str) -> str:
        """An IRI not given yet (``wanted`` is one in N-Triples without its closing ``>``): a
        second clause numbered alike (a source's slip) gets "~2"; the order is the
        document's, so every run gives the same."""
        candidate, n = wanted, 1
        while candidate in self.given:
            n += 1
            candidate = f"{wanted}~{n}"
        self.given.add(candidate)
        return f"{candidate}>"

    def concept(self, taxonomy: str, name: str, kind: str) -> str:
        """A concept of a taxonomy, typed as the shapes expect (once)."""
        concept = _concept(taxonomy, name)
        if concept not in self.concepts:
            self.concepts.add(concept)
            self.w(f"{concept} {TYPE} {_smart(kind)} .")
            self.w(f"{concept} {TYPE} <{SKOS}Concept> .")
        return concept

    # ------------------------------------------------------------ terms

    def term(self, entry: TermEntry, loc: tuple[Any, ...], doc: str, clause: str) -> None:
        w = self.w
        node = self.unique(
            f"{doc[:-1]}#{quote(_key('term-' + (entry.label or entry.id)), safe=_SAFE)}"
        )
        if any(plain_text(d.content).strip() for d in entry.definitions):
            w(f"{node} {TYPE} {_smart('TermEntry')} .")
        else:
            # The shapes require a definition of a smart:TermEntry: an entry without one
            # (a symbol, an abbreviation) is an mrstd:TermEntry, a skos:Concept all the same.
            w(f"{node} {TYPE} <{MRSTD}TermEntry> .")
            self.log.add(
                Change.NORMALISED,
                format_path(loc),
                "term entry without a definition written as mrstd:TermEntry",
            )
        w(f"{node} {TYPE} <{SKOS}Concept> .")
        w(f"{node} <{DCTERMS}identifier> {literal(entry.label or entry.id)} .")
        w(f"{node} <{DCTERMS}isPartOf> {clause} .")
        seen_preferred: set[str] = set()
        has_preferred = any(d.status is TermStatus.PREFERRED for d in entry.designations)
        for index, designation in enumerate(entry.designations):
            language = _lang(designation.language, None) or self.language
            label = f"{node[:-1]}-{index + 1}>"
            status = designation.status
            if not has_preferred and index == 0:
                # The shapes want a preferred term: the first one stands for it, its own
                # status kept.
                seen_preferred.add(language)
                w(f"{node} <{SKOSXL}prefLabel> {label} .")
                w(f"{label} <{MRSTD}status> {literal(status.value)} .")
            elif status is TermStatus.PREFERRED and language not in seen_preferred:
                seen_preferred.add(language)
                w(f"{node} <{SKOSXL}prefLabel> {label} .")
            elif status is TermStatus.DEPRECATED:
                w(f"{node} {_smart('deprecatedLabel')} {label} .")
            else:
                w(f"{node} <{SKOSXL}altLabel> {label} .")
                if status is TermStatus.PREFERRED:  # a second preferred term in a language
                    w(f"{label} <{MRSTD}status> {literal('preferred')} .")
            w(f"{label} {TYPE} {_smart('Term')} .")
            w(f"{label} {TYPE} <{SKOSXL}Label> .")
            w(f"{label} <{SKOSXL}literalForm> {literal(designation.text, language)} .")
            form = (
                "abbreviation"
                if designation.abbreviation
                else _FORMS.get(designation.term_type or "", "fullForm")
            )
            concept = self.concept("term-form-type", form, "TermFormType")
            w(f"{label} {_smart('hasTermFormType')} {concept} .")
            pos = _PART_OF_SPEECH.get((designation.part_of_speech or "").lower())
            if pos is None:  # the shapes want one: a term is a noun unless it says otherwise
                pos = "noun"
                assumed = literal("true", datatype=f"{XSD}boolean")
                w(f"{label} <{MRSTD}partOfSpeechAssumed> {assumed} .")
            concept = self.concept("part-of-speech-type", pos, "PartOfSpeechType")
            w(f"{label} {_smart('hasPartOfSpeechType')} {concept} .")
        defined: set[str] = set()
        for definition in entry.definitions:
            language = _lang(definition.language, None) or self.language
            text = plain_text(definition.content).strip()
            if text and language not in defined:
                defined.add(language)
                w(f"{node} <{SKOS}definition> {literal(text, language)} .")
            elif text:
                w(f"{node} <{SKOS}scopeNote> {literal(text, language)} .")
        for note in entry.notes:
            text = " ".join(
                plain_text(b.content) for b in note.blocks if hasattr(b, "content")
            ).strip()
            if text:
                w(f"{node} <{SKOS}scopeNote> {literal(text, self.language)} .")
        for index, source in enumerate(entry.sources):
            # A source structured or as written ("ISO 80000-3:2019, 3.1, modified — …").
            cited = source.identifier or next(
                (r.identifier for r in source.content if isinstance(r, StandardRef)), None
            )
            if not cited:
                continue
            derivation = f"{node[:-1]}-source-{index + 1}>"
            w(f"{node} <{PROV}qualifiedDerivation> {derivation} .")
            w(f"{derivation} {TYPE} <{PROV}Derivation> .")
            w(f"{derivation} <{PROV}entity> {iri(self.base + urn_of(cited))} .")
            change = plain_text(source.modification).strip()
            written = _MODIFIED.search(plain_text(source.content))
            if source.modified or written:
                said = change if source.modified else written.group(1).strip() if written else ""
                changed = "modified" + (f" — {said}" if said else "")
                w(f"{derivation} <{SKOS}changeNote> {literal(changed, self.language)} .")
        fragment = self.fragment(
            node, doc, self.selector(node, loc, entry.id), None, None, "textual"
        )
        self.annotate(node, fragment)


_MODIFIED = re.compile(r"\bmodified\b\s*[—–-]?\s*(.*)", re.DOTALL)
_FORMS = {
    "abbreviation": "abbreviation",
    "acronym": "acronym",
    "symbol": "symbol",
    "formula": "formula",
    "equation": "equation",
    "variant": "variant",
}
_PART_OF_SPEECH = {
    "noun": "noun",
    "n": "noun",
    "verb": "verb",
    "v": "verb",
    "adjective": "adjective",
    "adj": "adjective",
    "adverb": "adverb",
    "adv": "adverb",
}


def _supplement(flags: int) -> str | None:
    if flags & NOTE:
        return "note"
    if flags & EXAMPLE:
        return "example"
    if flags & FOOTNOTE:
        return "footnote"
    return None


def _lang(language: Any, meta: Any) -> str:
    """A language tag for a literal: the one given, else the document's; "und"
    (undetermined, BCP 47) for one that is not a tag."""
    if not language and meta is not None and meta.languages:
        language = meta.languages[0]
    if not language:
        return "en" if meta is not None else ""
    return str(language) if _LANGUAGE.fullmatch(str(language)) else "und"


def _key(text: str) -> str:
    return re.sub(r"\s+", "-", text.strip())


def write_ntriples(doc: Document, base: str, log: ConversionLog) -> str:
    """The document as N-Triples."""
    with collector_paused():
        return RdfWriter(doc, base, log).run()
