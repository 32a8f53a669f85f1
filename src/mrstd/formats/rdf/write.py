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

The text is written directly, no graph is built: as compact Turtle (prefixed names, the
statements about one subject joined by ";", the document's own resources relative to an
``@base``), or as N-Triples, one triple a line, from the same code (:class:`Spelling`). JSON-LD
is the N-Triples turned by rdflib, whose parsing and serialisation are the cost there.
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
    build_index,
    clause_place,
    plain_text,
)
from ...rules.verbal import sentence_kinds
from ..base import Change, ConversionLog, collector_paused
from .vocabulary import PREFIXES, PROVISION_CLASS, PUBLICATION_TYPE

_SAFE = "/:#@!$&'()*+,;=-._~%"
_URN = re.compile(r"urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+", re.IGNORECASE)
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_BAD_LITERAL = re.compile(r'[\\"\n\r\x00-\x1f]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def iri(text: str) -> str:
    """An IRI reference in N-Triples: characters an IRI cannot hold percent-encoded."""
    return f"<{quote(text, safe=_SAFE)}>"


def literal(text: str, language: str | None = None, datatype: str | None = None) -> str:
    """A literal in N-Triples or Turtle, escaped (``datatype`` spelled as a term)."""
    if _BAD_LITERAL.search(text):
        text = _BAD_LITERAL.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04X}"), text)
    if language:
        return f'"{text}"@{language}'
    if datatype:
        return f'"{text}"^^{datatype}'
    return f'"{text}"'


class Spelling(dict[str, str]):
    """How terms of the vocabularies, given as prefixed names (``"dcterms:isPartOf"``, or a
    taxonomy's concept, ``"bindingness-type:normative"``), are written: as themselves in
    Turtle (``a`` for ``rdf:type``), or as full IRIs in N-Triples. ``t("rdf:type smart:Clause")``
    spells a predicate and its object at once; each spelling is made once."""

    def __init__(self, compact: bool) -> None:
        super().__init__()
        self.compact = compact
        #: What goes between two "predicate object" pairs of one subject in Turtle; "" in
        #: N-Triples, where it is " .\n" and the subject again.
        self.semi = " ;\n    " if compact else ""

    def __missing__(self, names: str) -> str:
        spelt = self[names] = " ".join(map(self.term, names.split(" ")))
        return spelt

    def term(self, name: str) -> str:
        if not self.compact:
            prefix, _, local = name.partition(":")
            return f"<{PREFIXES[prefix]}{local}>"
        return "a" if name == "rdf:type" else name

    #: ``t(names)``: a lookup in C once the names are spelt, as most are.
    __call__ = dict.__getitem__


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
_AXIOMS = (
    *((f"smart:{name}", "smart:Provision") for name in PROVISION_CLASS.values()),
    ("smart:Clause", "smart:ProvisionSet"),
)


class Places(dict[Any, str]):
    """``format_path`` of the places a writer visits, from the spelling of each part
    (``[3]``, ``.blocks``) made once: the places are many (one a text) and long (17 parts on
    average on the NISO sample, lists in lists), and their parts few."""

    def __missing__(self, part: Any) -> str:
        spelt = self[part] = f"[{part}]" if part.__class__ is int else f".{part}"
        return spelt

    def __call__(self, loc: tuple[Any, ...]) -> str:
        if not loc:
            return ""
        first = loc[0]  # a name: its group ("body"), or "adopted" in a layer
        head = first if first.__class__ is str else self[first]
        return head + self.below(loc, 1)

    def below(self, loc: tuple[Any, ...], start: int) -> str:
        """The path of ``loc`` after its first ``start`` parts (to follow a known path)."""
        return "".join(map(self.__getitem__, loc[start:]))


class RdfWriter:
    """One export: the lines of text, and the IRIs given so far."""

    def __init__(self, doc: Document, base: str, log: ConversionLog, compact: bool) -> None:
        self.doc = doc
        self.base = base
        self.log = log
        t = self.t = Spelling(compact)
        self.selector_is = t("rdf:type oa:FragmentSelector")
        self.selector_too = t("rdf:type oa:Selector")
        self.value = t("rdf:value")
        self.lines: list[str] = []
        self.w = self.lines.append
        self.concepts: set[str] = set()
        self.given: set[str] = set()
        self.works: set[str] = set()
        self.places = Places()
        #: The outer document's IRI where Turtle writes it ``<>``, being its ``@base``.
        self.here: str | None = None

    def say(self, subject: str, *pairs: str) -> None:
        """Statements about one subject, each of ``pairs`` a predicate and an object."""
        joiner = self.t.semi or f" .\n{subject} "  # N-Triples: the subject again
        self.w(f"{subject} {joiner.join(pairs)} .")

    # ------------------------------------------------------------ documents

    def run(self) -> list[str]:
        """The lines of the text (the last one empty, for the final newline)."""
        t = self.t
        for sub, sup in _AXIOMS:
            self.w(f"{t(sub)} {t('rdfs:subClassOf')} {t(sup)} .")
        layers: list[Any] = list(self.doc.layers())  # the Document, then its Layers
        # Two layers may carry one identifier: the inner one's IRI then gets "~2".
        iris = [self.unique(self.document_iri(layer)[:-1]) for layer in layers]
        if t.compact and "#" not in iris[0]:
            # The outer document is the base its own resources (<#clause-1>) are relative to.
            self.here, iris[0] = iris[0], "<>"
        index = self.index = build_index(self.doc, cross_references=False)
        #: The id of what stands at a place, for selectors (the index knows every id).
        self.id_at = {
            target.loc: ident for ident, targets in index.ids.items() for target in targets
        }
        units_by_layer: dict[int, list[Any]] = {}
        for unit in index.units:
            units_by_layer.setdefault(unit.layer, []).append(unit)
        for number, layer in enumerate(layers):
            adopted = iris[number + 1] if number + 1 < len(layers) else None
            self.document(layer, iris[number], adopted, number)
            self.content(layer, iris[number], number, units_by_layer.get(number, []))
        self.lines.append("")  # the final newline, without copying the text once more
        return self.lines

    def ref(self, urn: str) -> str:
        """The IRI of the document with a URN, as written."""
        found = iri(f"{self.base}{urn}")
        return "<>" if found == self.here else found

    def version(self, node: str, identifier: str) -> None:
        """A dated document is a version of its work (ISO 9001:2015 of ISO 9001)."""
        work = work_urn(identifier)
        target = self.ref(work) if work is not None else None
        if target is None or target == node:
            return
        t = self.t
        self.w(f"{target} {t('dcterms:hasVersion')} {node} .")
        if target not in self.works:
            self.works.add(target)
            self.w(f"{target} {t('rdf:type smart:PublicationDocument')} .")

    def document_iri(self, layer: Document | Layer) -> str:
        return iri(f"{self.base}{document_urn(layer)}")

    def document(self, layer: Document | Layer, doc: str, adopted: str | None, number: int) -> None:
        w, t, meta = self.w, self.t, layer.metadata
        kind = PUBLICATION_TYPE.get(
            meta.doc_type.value if meta.doc_type else "", "normativeDocument"
        )
        said = [
            t("rdf:type smart:PublicationDocument"),
            f"{t('smart:hasPublicationType')} {t(f'publication-type:{kind}')}",
            f"{t('dcterms:identifier')} {literal(meta.identifier.value)}",
        ]
        for title in meta.titles:
            text = title.as_line()
            if text:
                said.append(f"{t('dcterms:title')} {literal(text, _lang(title.language, meta))}")
        published = meta.dates.published
        if published is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)):
            date = literal(str(published), datatype=t("xsd:date"))
            said.append(f"{t('dcterms:issued')} {date}")
        said.append(f"{t('mrstd:layer')} {literal(str(number), datatype=t('xsd:integer'))}")
        self.say(doc, *said)
        self.version(doc, meta.identifier.value)
        replaced = False
        for relation in meta.relations:
            kind = relation.kind.value
            target = self.ref(urn_of(relation.identifier))
            if kind in ("supersedes", "revises", "superseded-by", "revised-by"):
                newer, older = (doc, target) if kind in ("supersedes", "revises") else (target, doc)
                # The shapes allow one dcterms:replaces; any other is a dcterms:relation.
                verb = "relation" if replaced and newer == doc else "replaces"
                replaced = replaced or newer == doc
                w(f"{newer} {t(f'dcterms:{verb}')} {older} .")
                self.cited(target, relation.identifier)
        if adopted is not None:
            w(f"{doc} {t('mrstd:adopts')} {adopted} .")
        for link in meta.adoptions:
            target = adopted or self.ref(urn_of(link.identifier))
            if adopted is None:
                w(f"{doc} {t('mrstd:adopts')} {target} .")
                self.cited(target, link.identifier)
            w(f"{doc} {t('mrstd:degree')} {literal(link.degree.value)} .")

    def cited(self, target: str, identifier: str) -> None:
        """A document this one names (replaces, adopts), by its identifier."""
        t = self.t
        self.say(
            target,
            t("rdf:type smart:PublicationDocument"),
            f"{t('dcterms:identifier')} {literal(identifier)}",
        )
        self.version(target, identifier)

    # ------------------------------------------------------------ clauses

    def content(self, layer: Document | Layer, doc: str, number: int, units: list[Any]) -> None:
        prefix = ("adopted",) * number
        self.clause_iris: dict[tuple[Any, ...], str] = {}
        #: The paths of the clauses, which the paths of their texts start with.
        self.clause_paths: dict[tuple[Any, ...], str] = {}
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
        t = self.t
        key = f"clause-{clause.label}" if clause.label else f"{group}-{clause.id or fallback}"
        node = self.unique(f"{doc[:-1]}#{_key(key)}")
        self.clause_iris[loc] = node
        place = self.clause_paths[loc] = (
            self.places(loc)
            if parent == doc  # else a subclause: its parent's path, then ".subclauses[i]"
            else self.clause_paths[loc[:-2]] + self.places.below(loc, len(loc) - 2)
        )
        fragment = self.fragment(
            node, doc, self.selector(node, place, clause.id), None, previous, "textual"
        )
        said = [
            t("rdf:type smart:Clause"),
            f"{t('dcterms:isPartOf')} {parent}",
            f"{t('mrstd:group')} {literal(group)}",
            f"{t('mrstd:clauseKind')} {literal(clause.kind.value)}",
        ]
        if clause.obligation is not None:
            said.append(f"{t('mrstd:obligation')} {literal(clause.obligation.value)}")
        about_fragment = []
        if clause.label:
            number = f"{t('smart:hasSectionNumber')} {literal(clause.label)}"
            said.append(number)
            about_fragment.append(number)
        title = plain_text(clause.title)
        if title:
            titled = f"{t('dcterms:title')} {literal(title, self.language)}"
            said.append(titled)
            about_fragment.append(titled)
        self.say(node, *said)
        if about_fragment:
            self.say(fragment, *about_fragment)
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
        t = self.t
        fragment = f"{owner[:-1]}-text>"
        self.w(f"{owner} {t('dcat:distribution')} {fragment} .")
        said = [
            t("rdf:type oa:SpecificResource"),
            t("rdf:type dcat:Distribution"),
            f"{t('oa:hasSource')} {doc}",
            f"{t('oa:hasSelector')} {selector}",
            f"{t('smart:hasPublicationComponentType')} "
            f"{t(f'publication-component-type:{component}')}",
        ]
        if previous is not None:
            said.append(f"{t('smart:isSuccessorOf')} {previous}")
        if text is not None:
            checksum = f"{owner[:-1]}-sha256>"
            said.append(f"{t('rdf:value')} {literal(text, self.language)}")
            said.append(f"{t('spdx:checksum')} {checksum}")
            self.checksum(checksum, text)
        self.say(fragment, *said)
        return fragment

    def checksum(self, checksum: str, text: str) -> None:
        t = self.t
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.say(
            checksum,
            t("rdf:type spdx:Checksum"),
            t("spdx:algorithm spdx:checksumAlgorithm_sha256"),
            f'{t("spdx:checksumValue")} "{digest}"',
        )

    def selector(self, owner: str, place: str, element_id: str | None) -> str:
        """Where a resource is in the document: its path in mrstd's model (``place``), and the
        source's element id where it had one (shared by the sentences of one paragraph)."""
        t = self.t
        selector = f"{owner[:-1]}-at>"
        j = t.semi or f" .\n{selector} "
        ident = (
            f"{t('dcterms:identifier')} {literal(element_id)}{j}" if element_id is not None else ""
        )
        # The path: names, numbers, dots, nothing to escape.
        self.w(
            f'{selector} {self.selector_is}{j}{self.selector_too}{j}{ident}{self.value} "{place}" .'
        )
        return selector

    def annotate(self, body: str, target: str) -> None:
        """An annotation tying a resource to the fragment that holds it. The shapes allow only
        provisions as the bodies of an ``oa:Annotation``: the annotation of a clause, a term
        entry or a supplement is an ``mrstd:Annotation``, with the same two properties."""
        t = self.t
        self.say(
            f"{body[:-1]}-annotation>",
            t("rdf:type mrstd:Annotation"),
            f"{t('oa:hasBody')} {body}",
            f"{t('oa:hasTarget')} {target}",
        )

    def objects(self, doc: str, number: int) -> None:
        """The layer's tables, figures and formulas, linked from their clause as fragments
        (the ontology leaves them out), and its term entries in the terminology model,
        wherever they stand (in a note, a list …), as the text index found them."""
        index = self.index
        for entry, loc, _flags, layer in index.terms:
            owner = self._owner(loc) if layer == number else None
            if owner is not None:
                self.term(entry, loc, doc, owner)
        for component, found in (
            ("table", index.tables),
            ("figure", index.figures),
            ("mathematicalFormula", index.formulas),
        ):
            for item in found:
                owner = self._owner(item.loc) if item.layer == number else None
                if owner is None:
                    continue
                clause, block = owner, item.node
                caption = plain_text(getattr(block, "caption", ())) or block.label or ""
                node = self.unique(f"{clause[:-1]}-{component}")
                selector = self.selector(node, self.places(item.loc), block.id)
                fragment = self.fragment(node, doc, selector, caption or None, None, component)
                self.w(f"{clause} {self.t('mrstd:hasComponent')} {fragment} .")
                self.log.add(
                    Change.NORMALISED,
                    format_path(item.loc),
                    f"{component} linked as a content fragment (outside the ontology)",
                )

    # ------------------------------------------------------------ provisions

    def text(self, units: list[Any], doc: str) -> None:
        """Every sentence of every text of the layer's clauses: a provision of its kind, or a
        supplement (note, example, footnote) of the provision before it."""
        w, t = self.w, self.t
        compact = t.compact
        # The terms of the loop, spelt once.
        a, part_of, distribution = t("rdf:type"), t("dcterms:isPartOf"), t("dcat:distribution")
        resource = f"{a} {t('oa:SpecificResource')}"
        dcat_distribution = f"{a} {t('dcat:Distribution')}"
        has_source = f"{t('oa:hasSource')} {doc}"
        has_selector = t("oa:hasSelector")
        component = t("smart:hasPublicationComponentType")
        textual = f"{component} {t('publication-component-type:textual')}"
        value, has_checksum = t("rdf:value"), t("spdx:checksum")
        checksum_type = f"{a} {t('spdx:Checksum')}"
        sha256 = t("spdx:algorithm spdx:checksumAlgorithm_sha256")
        checksum_value = t("spdx:checksumValue")
        successor = t("smart:isSuccessorOf")
        annotation = {True: f"{a} {t('oa:Annotation')}", False: f"{a} {t('mrstd:Annotation')}"}
        body, target = t("oa:hasBody"), t("oa:hasTarget")
        provision_class = {
            kind: f"{a} {t(f'smart:{name}')}" for kind, name in PROVISION_CLASS.items()
        }
        bindingness = t("smart:hasBindingnessType")
        normative_is = {
            True: f"{bindingness} {t('bindingness-type:normative')}",
            False: f"{bindingness} {t('bindingness-type:informative')}",
        }
        supplement_is = f"{a} {t('smart:ProvisionSupplement')}"
        supplement_type, has_supplement = t("smart:hasSupplementType"), t("smart:hasSupplement")
        semi = t.semi

        def between(
            on_node: str, on_fragment: str, on_checksum: str, on_note: str
        ) -> tuple[str, ...]:
            """The fixed text between the variable parts of a sentence's statements (its IRIs,
            text and checksum), from what separates two statements about each subject: made
            once in Turtle, where that is ";", and for each sentence in N-Triples, where it
            repeats the subject."""
            return (
                f"{on_node}{part_of} ",
                f"{on_node}{distribution} ",
                f" {resource}{on_fragment}{dcat_distribution}{on_fragment}{has_source}"
                f"{on_fragment}{has_selector} ",
                f"{on_fragment}{textual}{on_fragment}{value} ",
                f"{on_fragment}{has_checksum} ",
                f' {checksum_type}{on_checksum}{sha256}{on_checksum}{checksum_value} "',
                f"{on_note}{body} ",
                f"{on_note}{target} ",
            )

        pieces = between(semi, semi, semi, semi)
        counters: dict[str, int] = {}
        last_fragment: dict[str, str] = {}
        last_provision: dict[str, str] = {}
        id_at, language, places = self.id_at, self.language, self.places
        clause_iris, clause_paths = self.clause_iris, self.clause_paths
        for unit in units:
            flags = unit.flags
            if flags & (DEFINITION | TABLE):
                continue  # term entries and tables have their own form
            loc = unit.loc
            where = clause_place(loc)
            clause = clause_iris.get(where)
            if clause is None:
                continue
            text = unit.full_text  # unstripped, split as mrstd.provisions() splits it
            supplement = _SUPPLEMENTS.get(flags & (NOTE | EXAMPLE | FOOTNOTE))
            informative = bool(flags & (INFORMATIVE | INFORMATIVE_ANNEX))
            marked = unit.marked
            mark = f"{t('mrstd:marked')} {literal(marked.value)}" if marked is not None else ""
            selector = ""  # the one selector of the sentences of this text, once written
            for sentence, kind in sentence_kinds(text, marked):
                n = counters.get(clause, 0) + 1
                counters[clause] = n
                stem = f"{clause[:-1]}-s{n}"  # the clause's n-th sentence
                node = f"{stem}>"
                fragment = f"{stem}-text>"
                checksum = f"{stem}-sha256>"
                note = f"{stem}-annotation>"
                if compact:
                    on_node = on_fragment = semi
                else:
                    on_node, on_fragment = f" .\n{node} ", f" .\n{fragment} "
                    pieces = between(on_node, on_fragment, f" .\n{checksum} ", f" .\n{note} ")
                is_part, has_text, fragment_is, text_is, has_sum, sum_is, has_body, has_target = (
                    pieces
                )
                if not selector:
                    place = clause_paths[where] + places.below(loc, len(where))
                    selector = self.selector(node, place, id_at.get(loc))
                if supplement is not None and clause in last_provision:
                    kind_of = self.concept(
                        "provision-supplement-type", supplement, "ProvisionSupplementType"
                    )
                    w(f"{last_provision[clause]} {has_supplement} {node} .")
                    about = f"{supplement_is}{on_node}{supplement_type} {kind_of}"
                    provision = False
                else:
                    normative = not informative and kind is not ProvisionKind.STATEMENT
                    about = f"{provision_class[kind]}{on_node}{normative_is[normative]}"
                    if supplement is not None:  # a note before any provision: kept, as one
                        about += f"{on_node}{t('mrstd:supplementType')} {literal(supplement)}"
                    last_provision[clause] = node
                    provision = True
                # The rest of the sentence's statements at once (one string, not twenty): its
                # clause, its fragment with text and checksum, the fragment before it, and
                # the annotation that ties them, as fragment() and annotate() write them.
                digest = hashlib.sha256(sentence.encode("utf-8")).hexdigest()
                before = last_fragment.get(clause)
                marked_as = f"{on_node}{mark}" if mark else ""
                after = f"{on_fragment}{successor} {before}" if before is not None else ""
                w(
                    f"{node} {about}{is_part}{clause}{marked_as}{has_text}{fragment} .\n"
                    f"{fragment}{fragment_is}{selector}{text_is}{literal(sentence, language)}"
                    f"{has_sum}{checksum}{after} .\n"
                    f'{checksum}{sum_is}{digest}" .\n'
                    f"{note} {annotation[provision]}{has_body}{node}{has_target}{fragment} ."
                )
                last_fragment[clause] = fragment

    def _owner(self, loc: tuple[Any, ...]) -> str | None:
        """The IRI of the clause a text (a term entry, a table …) stands in."""
        return self.clause_iris.get(clause_place(loc))

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
        t = self.t
        concept = t(f"{taxonomy}:{name}")
        if concept not in self.concepts:
            self.concepts.add(concept)
            self.say(
                concept,
                f"{t('rdf:type')} {t(f'smart:{kind}')}",
                t("rdf:type skos:Concept"),
            )
        return concept

    # ------------------------------------------------------------ terms

    def term(self, entry: TermEntry, loc: tuple[Any, ...], doc: str, clause: str) -> None:
        t = self.t
        a = t("rdf:type")
        node = self.unique(f"{doc[:-1]}#{_key('term-' + (entry.label or entry.id))}")
        if any(plain_text(d.content).strip() for d in entry.definitions):
            said = [f"{a} {t('smart:TermEntry')}"]
        else:
            # The shapes require a definition of a smart:TermEntry: an entry without one
            # (a symbol, an abbreviation) is an mrstd:TermEntry, a skos:Concept all the same.
            said = [f"{a} {t('mrstd:TermEntry')}"]
            self.log.add(
                Change.NORMALISED,
                format_path(loc),
                "term entry without a definition written as mrstd:TermEntry",
            )
        said += [
            f"{a} {t('skos:Concept')}",
            f"{t('dcterms:identifier')} {literal(entry.label or entry.id)}",
            f"{t('dcterms:isPartOf')} {clause}",
        ]
        seen_preferred: set[str] = set()
        has_preferred = any(d.status is TermStatus.PREFERRED for d in entry.designations)
        for index, designation in enumerate(entry.designations):
            language = _lang(designation.language, None) or self.language
            label = f"{node[:-1]}-{index + 1}>"
            status = designation.status
            about = [f"{a} {t('smart:Term')}", f"{a} {t('skosxl:Label')}"]
            if not has_preferred and index == 0:
                # The shapes want a preferred term: the first one stands for it, its own
                # status kept.
                seen_preferred.add(language)
                said.append(f"{t('skosxl:prefLabel')} {label}")
                about.append(f"{t('mrstd:status')} {literal(status.value)}")
            elif status is TermStatus.PREFERRED and language not in seen_preferred:
                seen_preferred.add(language)
                said.append(f"{t('skosxl:prefLabel')} {label}")
            elif status is TermStatus.DEPRECATED:
                said.append(f"{t('smart:deprecatedLabel')} {label}")
            else:
                said.append(f"{t('skosxl:altLabel')} {label}")
                if status is TermStatus.PREFERRED:  # a second preferred term in a language
                    about.append(f"{t('mrstd:status')} {literal('preferred')}")
            about.append(f"{t('skosxl:literalForm')} {literal(designation.text, language)}")
            form = (
                "abbreviation"
                if designation.abbreviation
                else _FORMS.get(designation.term_type or "", "fullForm")
            )
            concept = self.concept("term-form-type", form, "TermFormType")
            about.append(f"{t('smart:hasTermFormType')} {concept}")
            pos = _PART_OF_SPEECH.get((designation.part_of_speech or "").lower())
            if pos is None:  # the shapes want one: a term is a noun unless it says otherwise
                pos = "noun"
                assumed = literal("true", datatype=t("xsd:boolean"))
                about.append(f"{t('mrstd:partOfSpeechAssumed')} {assumed}")
            concept = self.concept("part-of-speech-type", pos, "PartOfSpeechType")
            about.append(f"{t('smart:hasPartOfSpeechType')} {concept}")
            self.say(label, *about)
        defined: set[str] = set()
        for definition in entry.definitions:
            language = _lang(definition.language, None) or self.language
            text = plain_text(definition.content).strip()
            if text and language not in defined:
                defined.add(language)
                said.append(f"{t('skos:definition')} {literal(text, language)}")
            elif text:
                said.append(f"{t('skos:scopeNote')} {literal(text, language)}")
        for note in entry.notes:
            text = " ".join(
                plain_text(b.content) for b in note.blocks if hasattr(b, "content")
            ).strip()
            if text:
                said.append(f"{t('skos:scopeNote')} {literal(text, self.language)}")
        for index, source in enumerate(entry.sources):
            # A source structured or as written ("ISO 80000-3:2019, 3.1, modified — …").
            cited = source.identifier or next(
                (r.identifier for r in source.content if isinstance(r, StandardRef)), None
            )
            if not cited:
                continue
            derivation = f"{node[:-1]}-source-{index + 1}>"
            said.append(f"{t('prov:qualifiedDerivation')} {derivation}")
            derived = [
                f"{a} {t('prov:Derivation')}",
                f"{t('prov:entity')} {self.ref(urn_of(cited))}",
            ]
            change = plain_text(source.modification).strip()
            written = _MODIFIED.search(plain_text(source.content))
            if source.modified or written:
                told = change if source.modified else written.group(1).strip() if written else ""
                changed = "modified" + (f" — {told}" if told else "")
                derived.append(f"{t('skos:changeNote')} {literal(changed, self.language)}")
            self.say(derivation, *derived)
        self.say(node, *said)
        fragment = self.fragment(
            node, doc, self.selector(node, self.places(loc), entry.id), None, None, "textual"
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


#: The kind of supplement a text's flags make it.
_SUPPLEMENTS = {
    NOTE: "note",
    EXAMPLE: "example",
    FOOTNOTE: "footnote",
    NOTE | EXAMPLE: "note",
    NOTE | FOOTNOTE: "note",
    EXAMPLE | FOOTNOTE: "example",
    NOTE | EXAMPLE | FOOTNOTE: "note",
}


def _lang(language: Any, meta: Any) -> str:
    """A language tag for a literal: the one given, else the document's; "und"
    (undetermined, BCP 47) for one that is not a tag."""
    if not language and meta is not None and meta.languages:
        language = meta.languages[0]
    if not language:
        return "en" if meta is not None else ""
    return str(language) if _LANGUAGE.fullmatch(str(language)) else "und"


def _key(text: str) -> str:
    """A fragment key for an IRI: its spaces made "-", percent-encoded where IRIs need it
    (most keys, "clause-4.2", need neither)."""
    text = text.strip()
    if _PLAIN_KEY.fullmatch(text):
        return text
    return quote(_SPACES.sub("-", text), safe=_SAFE)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_.~/:#@!$&'()*+,;=%-]*")  # quote() leaves these alone
_SPACES = re.compile(r"\s+")


def encoded(lines: list[str]) -> bytes:
    """The lines as UTF-8, each encoded on its own: one curly quote makes Python hold the
    whole text two bytes a character, which is slower to encode than the lines, most of them
    ASCII. (Text is joined as text, that cost being paid already.)"""
    return b"\n".join([line.encode("utf-8") for line in lines])


def lines(doc: Document, base: str, log: ConversionLog, compact: bool) -> list[str]:
    """The lines of the document as compact Turtle (the prefixes, the outer document's IRI
    as ``@base``, then the statements) or as N-Triples; the last one is empty, for the final
    newline. The writer (and its text index) is let go before the cycle collector is back:
    freed by reference counting, it leaves the collector nothing to walk."""
    with collector_paused():
        writer = RdfWriter(doc, base, log, compact)
        written = writer.run()
        if compact:
            written[:0] = [
                *([f"@base {writer.here} ."] if writer.here is not None else []),
                *(f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()),
                "",
            ]
        del writer
        return written
