"""The vocabularies of the RDF form: the IEC-ISO Core Ontology (SMART), its taxonomies, the
W3C vocabularies it uses, and the few terms of mrstd's own where the ontology has none.

mrstd's terms (namespace ``https://w3id.org/mrstd/vocab#``, prefix ``mrstd``):

- ``mrstd:adopts`` (a document adopts another) and ``mrstd:degree`` ("IDT", "MOD", "NEQ"), for
  the adoption chain (ISO/IEC Guide 21-1), which the ontology does not model;
- ``mrstd:group`` ("preface", "body", "annexes", "back") and ``mrstd:clauseKind`` (scope,
  annex, foreword …) of a clause, and ``mrstd:obligation`` of an annex, so that the document
  tree can be rebuilt as it was;
- ``mrstd:modelPath``, the place of a resource in mrstd's model, on each selector;
- ``mrstd:hasComponent``: a clause's table, figure or formula, linked as a content fragment
  (the ontology's scope is narrative text);
- ``mrstd:status`` of a designation the ontology has no property for (a second preferred
  term in one language), and ``mrstd:partOfSpeechAssumed`` when the part of speech is the
  default (noun), not stated.
"""

from __future__ import annotations

from ...model import ProvisionKind

SMART = "https://w3id.org/standards/smart/ontologies/core/"
TAXONOMY = "https://w3id.org/standards/smart/taxonomies/"
MRSTD = "https://w3id.org/mrstd/vocab#"
DCTERMS = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
OA = "http://www.w3.org/ns/oa#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SKOSXL = "http://www.w3.org/2008/05/skos-xl#"
PROV = "http://www.w3.org/ns/prov#"
SPDX = "http://spdx.org/rdf/terms#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "smart": SMART,
    "mrstd": MRSTD,
    "dcterms": DCTERMS,
    "dcat": DCAT,
    "oa": OA,
    "skos": SKOS,
    "skosxl": SKOSXL,
    "prov": PROV,
    "spdx": SPDX,
    "bindingness-type": f"{TAXONOMY}bindingness-type/",
    "publication-type": f"{TAXONOMY}publication-type/",
    "publication-component-type": f"{TAXONOMY}publication-component-type/",
    "provision-supplement-type": f"{TAXONOMY}provision-supplement-type/",
    "term-form-type": f"{TAXONOMY}term-form-type/",
    "part-of-speech-type": f"{TAXONOMY}part-of-speech-type/",
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

#: The ontology's class of each kind of provision (Directives Part 2:2021, clause 7).
PROVISION_CLASS = {
    ProvisionKind.REQUIREMENT: "Requirement",
    ProvisionKind.RECOMMENDATION: "Recommendation",
    ProvisionKind.PERMISSION: "Permission",
    ProvisionKind.POSSIBILITY: "Possibility",
    ProvisionKind.CAPABILITY: "Capability",
    ProvisionKind.EXTERNAL_CONSTRAINT: "ExternalConstraint",
    ProvisionKind.STATEMENT: "Statement",
}

#: The publication type of each document type (taxonomy ``publication-type``).
PUBLICATION_TYPE = {
    "international-standard": "internationalStandard",
    "technical-specification": "technicalSpecification",
    "technical-report": "technicalReport",
    "publicly-available-specification": "publiclyAvailableSpecification",
    "guide": "guide",
    "standard": "standard",
    "national-standard": "standard",
    "european-standard": "standard",
}
