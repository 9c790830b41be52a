"""The vnkg vocabulary as Python names, kept equal to ``ontology.ttl`` by a test.

``VNKG`` is closed (``_fail = True``): a misspelled term raises ``AttributeError``
instead of silently minting a new IRI. Standard vocabularies the graph reuses are
re-exported so that graph code imports every namespace from one place.
"""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

__all__ = [
    "DCTERMS",
    "FOAF",
    "ID",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SH",
    "SHAPES",
    "SKOS",
    "VNKG",
    "XSD",
    "bind_prefixes",
]


class VNKG(DefinedNamespace):
    """
    vnkg ontology

    Classes and properties of the knowledge graph of Vietnamese Party and State news.

    Declared in: ontology.ttl (<https://w3id.org/vnkg/ontology>)
    """

    _fail = True

    # fmt: off
    # http://www.w3.org/2002/07/owl#Class
    Document: URIRef  # A source article: one input file, with title, date, bylines, publisher.
    Person: URIRef  # A natural person named in an article or in its byline.
    Organization: URIRef  # A Party, State or mass organization or a unit of one; full name.
    AdministrativeUnit: URIRef  # A unit of the administrative map, with its GSO code.
    Province: URIRef  # A province-level unit (63 before 2025, 34 after); two-digit GSO code.
    District: URIRef  # A district-level unit (huyện, quận, thị xã…); three-digit GSO code.
    Resolution: URIRef  # A Party or State instrument: nghị quyết, kết luận, chỉ thị, kế hoạch…
    Event: URIRef  # A conference, seminar, meeting, congress or ceremony.
    Mention: URIRef  # Evidence: a span of a Document's normalised text naming an entity.
    CoMention: URIRef  # An Organization and a Resolution mentioned together, with the article count.
    ProvinceYear: URIRef  # The articles about a Province in one year, counted at build time.

    # http://www.w3.org/2002/07/owl#ObjectProperty
    mentions: URIRef  # Document → every entity it mentions.
    issuedBy: URIRef  # Resolution → the Organization that issued it.
    implements: URIRef  # Resolution → the Resolution it carries out ("thực hiện").
    province: URIRef  # Organization, District, Event or Document → its Province.
    district: URIRef  # Organization or Event → its District.
    successor: URIRef  # Province (pre-2025) → the post-2025 Province it merged into.
    inDocument: URIRef  # Mention → the Document whose text contains it.
    refersTo: URIRef  # Mention → the entity it names.
    organizedBy: URIRef  # Event → an Organization that organised it.
    chairedBy: URIRef  # Event → a Person who chaired it.
    organization: URIRef  # CoMention → its Organization.
    year: URIRef  # ProvinceYear → its year (xsd:gYear).
    resolution: URIRef  # CoMention → its Resolution.

    # http://www.w3.org/2002/07/owl#DatatypeProperty
    sourceFile: URIRef  # Document → name of the file it was read from (xsd:string).
    contentHash: URIRef  # Document → SHA-256 of its normalised text, 64 hex digits.
    symbol: URIRef  # Resolution → canonical number and symbol, "21-KL/TW" (xsd:string).
    instrumentType: URIRef  # Resolution → its kind, "Kết luận"@vi (rdf:langString).
    term: URIRef  # Resolution or Event → Party congress term, "XII" (xsd:string).
    gsoCode: URIRef  # Province or District → official GSO code, "20" / "178" (xsd:string).
    administrativeType: URIRef  # Province or District → its kind, "tỉnh"@vi (langString).
    validFrom: URIRef  # Province or District → first day it existed (xsd:date), 2025-07-01 for merged units.
    validUntil: URIRef  # Province or District → last day it existed (xsd:date), 2025-06-30 for merged provinces.
    text: URIRef  # Mention → its exact characters (xsd:string).
    start: URIRef  # Mention → offset of its first character, from 0, inclusive (xsd:integer).
    end: URIRef  # Mention → offset just past its last character, exclusive (xsd:integer).
    sentence: URIRef  # Mention → the sentence it occurs in (xsd:string).
    eventType: URIRef  # Event → its kind, "hội thảo"@vi (rdf:langString).
    honorific: URIRef  # Person → academic title or form of address, "Tiến sĩ"@vi.
    entityCount: URIRef  # Document → number of distinct entities it mentions (xsd:integer).
    articleCount: URIRef  # entity → number of Documents mentioning it (xsd:integer), in the summary graph.
    rank: URIRef  # Document or entity → its place among all of its kind (xsd:integer from 1), in the summary graph.
    # fmt: on

    _NS = Namespace("https://w3id.org/vnkg/ontology#")


ONTOLOGY_IRI = URIRef("https://w3id.org/vnkg/ontology")
"""The IRI of the ontology itself (``owl:Ontology`` in ontology.ttl)."""

ID = Namespace("https://w3id.org/vnkg/id/")
"""Instances: entities, documents, mentions and named graphs (``ID["graph/<article>"]``)."""

SHAPES = Namespace("https://w3id.org/vnkg/shapes#")
"""The SHACL shapes in ontology.ttl."""

PREFIXES: dict[str, Namespace] = {
    "vnkg": VNKG._NS,
    "vid": ID,
    "org": Namespace(str(ORG)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "skos": Namespace(str(SKOS)),
    "foaf": Namespace(str(FOAF)),
    "schema": Namespace(str(SDO)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
}
"""Prefix → namespace, as bound by :func:`bind_prefixes` (also handy for SPARQL headers)."""


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (a Graph or Dataset) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
