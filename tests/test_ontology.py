"""ontology.ttl, kg.vocab and the SHACL shapes agree, and the shapes catch real mistakes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib import namespace as rns
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, VANN

from kg.shapes import ValidationResult, load_ontology, ontology_path, validate
from kg.vocab import ID, ONTOLOGY_IRI, SHAPES, VNKG, bind_prefixes

# SDO and XSD only warn (not fail) on unknown names, and pytest probes module
# globals for odd attributes: they are reached through the module, as rns.SDO.

EXTERNAL: tuple[type[rns.DefinedNamespace], ...] = (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    rns.SDO,
    SH,
    SKOS,
    VANN,
    rns.XSD,
)
KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
ENTITY_CLASSES = [
    VNKG.Person,
    VNKG.Organization,
    VNKG.Province,
    VNKG.District,
    VNKG.Resolution,
    VNKG.Event,
    ORG.Post,
]
EX = "http://example.org/"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def vocab_terms() -> set[URIRef]:
    return {URIRef(term) for term in dir(VNKG)}


def iris(graph: Graph) -> set[URIRef]:
    return {t for triple in graph for t in triple if isinstance(t, URIRef)}


def is_known_external(term: URIRef) -> bool:
    return any(str(term).startswith(str(ns)) and term in ns for ns in EXTERNAL)


def declared_classes(graph: Graph) -> set[URIRef]:
    return {c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}


def declared_properties(graph: Graph) -> set[URIRef]:
    return set(graph.subjects(RDF.type, OWL.ObjectProperty)) | set(graph.subjects(RDF.type, OWL.DatatypeProperty))


# --- (a) kg.vocab and ontology.ttl declare the same terms --------------------------


def test_ontology_file_is_found_and_parsed_once(onto: Graph) -> None:
    assert ontology_path().name == "ontology.ttl"
    assert ontology_path().is_file()
    assert load_ontology() is onto
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto


def test_vocab_is_closed() -> None:
    with pytest.raises(AttributeError):
        VNKG.sourcefile  # noqa: B018 - a misspelling must fail


@pytest.mark.parametrize("term", sorted(vocab_terms()), ids=lambda t: t.fragment)
def test_every_vocab_term_is_declared_with_labels(onto: Graph, term: URIRef) -> None:
    assert set(onto.objects(term, RDF.type)) & KINDS, f"{term} is not declared"
    labels = list(onto.objects(term, RDFS.label))
    assert sorted(label.language for label in labels) == ["en", "vi"], labels
    assert all(str(label).strip() for label in labels)
    comments = [c for c in onto.objects(term, RDFS.comment) if c.language == "en"]
    assert len(comments) == 1
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in onto


def test_every_ontology_term_is_in_vocab(onto: Graph) -> None:
    used = {t for t in iris(onto) if t.startswith(str(VNKG))}
    declared = {t for t in onto.subjects(RDF.type, None) if t.startswith(str(VNKG))}
    assert used == declared, f"used but not declared: {sorted(used - declared)}"
    assert declared == vocab_terms()


def test_external_terms_exist_in_their_vocabularies(onto: Graph) -> None:
    """Catches typos such as foaf:document or http://schema.org/ for https://schema.org/."""
    ours = (str(VNKG), str(SHAPES))
    unknown = sorted(
        t for t in iris(onto) if t != ONTOLOGY_IRI and not str(t).startswith(ours) and not is_known_external(t)
    )
    assert unknown == []


def test_contract_alignments(onto: Graph) -> None:
    expected = [
        (VNKG.Document, FOAF.Document),
        (VNKG.Document, rns.SDO.NewsArticle),
        (VNKG.Person, FOAF.Person),
        (VNKG.Person, PROV.Agent),
        (VNKG.Organization, ORG.Organization),
        (VNKG.Province, VNKG.AdministrativeUnit),
        (VNKG.District, VNKG.AdministrativeUnit),
        (VNKG.AdministrativeUnit, DCTERMS.Location),
        (VNKG.AdministrativeUnit, rns.SDO.AdministrativeArea),
        (VNKG.Resolution, PROV.Entity),
        (VNKG.Event, rns.SDO.Event),
        (VNKG.Event, PROV.Activity),
        (VNKG.Mention, PROV.Entity),
    ]
    missing = [pair for pair in expected if (pair[0], RDFS.subClassOf, pair[1]) not in onto]
    assert missing == []


def test_domains_and_ranges_are_classes_or_datatypes(onto: Graph) -> None:
    classes = declared_classes(onto)
    datatypes = {rns.XSD.string, rns.XSD.integer, rns.XSD.date, rns.XSD.gYear, RDF.langString}

    def members(node: URIRef | BNode) -> list:
        union = onto.value(node, OWL.unionOf)
        return list(Collection(onto, union)) if union is not None else [node]

    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        assert set(onto.objects(prop, RDFS.range)) <= datatypes, prop
    for prop in declared_properties(onto):
        for node in onto.objects(prop, RDFS.domain):
            assert set(members(node)) <= classes, prop
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        assert set(onto.objects(prop, RDFS.range)) <= classes, prop


def test_bind_prefixes() -> None:
    graph = bind_prefixes(Graph())
    graph.add((ID["province/20"], VNKG.gsoCode, Literal("20")))
    namespaces = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    for prefix, ns in [
        ("vnkg", VNKG),
        ("vid", ID),
        ("org", ORG),
        ("dcterms", DCTERMS),
        ("prov", PROV),
        ("skos", SKOS),
        ("foaf", FOAF),
        ("schema", rns.SDO),
        ("xsd", rns.XSD),
    ]:
        assert namespaces[prefix] == str(ns), prefix
    assert "vnkg:gsoCode" in graph.serialize(format="turtle")


# --- (b) the shapes ------------------------------------------------------------------


def test_every_node_shape_targets_a_known_class(onto: Graph) -> None:
    classes = declared_classes(onto)
    shapes = list(onto.subjects(RDF.type, SH.NodeShape))
    assert shapes
    for shape in shapes:
        targets = list(onto.objects(shape, SH.targetClass))
        assert targets, f"{shape} has no sh:targetClass"
        for target in targets:
            assert target in classes or is_known_external(target), target


def test_every_entity_class_requires_one_vietnamese_label(onto: Graph) -> None:
    label_shape = SHAPES.VietnameseLabel
    assert (label_shape, SH.uniqueLang, Literal(True)) in onto
    for cls in ENTITY_CLASSES:
        shapes = list(onto.subjects(SH.targetClass, cls))
        assert len(shapes) == 1, cls
        assert (shapes[0], SH.property, label_shape) in onto, cls


def test_shape_paths_and_classes_are_known(onto: Graph) -> None:
    properties = declared_properties(onto)
    classes = declared_classes(onto)
    for path in onto.objects(None, SH.path):
        assert path in properties or is_known_external(path), path
    for cls in onto.objects(None, SH["class"]):
        assert cls in classes or is_known_external(cls), cls


# --- (c) validation -----------------------------------------------------------------

SENTENCES = (
    "Sáng 12/5, Ban Tổ chức Tỉnh ủy Lạng Sơn tổ chức hội thảo về Kết luận số 21-KL/TW.",
    "Đồng chí Nguyễn Văn A, Trưởng Ban Tổ chức Tỉnh ủy, chủ trì hội thảo.",
)
TEXT = " ".join(SENTENCES)


def sentence_at(offset: int) -> str:
    end = -1
    for sentence in SENTENCES:
        end += len(sentence) + 1
        if offset < end:
            return sentence
    raise ValueError(offset)


def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


def add_mention(g: Graph, key: str, doc: URIRef, entity: URIRef, surface: str) -> URIRef:
    start = TEXT.index(surface)
    mention = ID[f"mention/art1/{key}"]
    g.add((mention, RDF.type, VNKG.Mention))
    g.add((mention, VNKG.inDocument, doc))
    g.add((mention, VNKG.refersTo, entity))
    g.add((mention, VNKG.text, Literal(surface)))
    g.add((mention, VNKG.start, Literal(start)))
    g.add((mention, VNKG.end, Literal(start + len(surface))))
    g.add((mention, VNKG.sentence, Literal(sentence_at(start))))
    g.add((doc, VNKG.mentions, entity))
    return mention


def good_graph() -> Graph:
    """A small, hand-made graph in the shape the contract describes."""
    g = bind_prefixes(Graph())
    province, district = ID["province/20"], ID["district/178"]
    g.add((province, RDF.type, VNKG.Province))
    g.add((province, RDFS.label, vi("Lạng Sơn")))
    g.add((province, VNKG.gsoCode, Literal("20")))
    g.add((province, VNKG.administrativeType, vi("tỉnh")))
    g.add((province, VNKG.successor, province))
    g.add((district, RDF.type, VNKG.District))
    g.add((district, RDFS.label, vi("Thành phố Lạng Sơn")))
    g.add((district, VNKG.gsoCode, Literal("178")))
    g.add((district, VNKG.province, province))

    central, committee, board = (
        ID["org/bch-tw"],
        ID["org/tinh-uy-20"],
        ID["org/btc-tinh-uy-20"],
    )
    for org, label in [
        (central, "Ban Chấp hành Trung ương Đảng"),
        (committee, "Tỉnh ủy Lạng Sơn"),
        (board, "Ban Tổ chức Tỉnh ủy Lạng Sơn"),
    ]:
        g.add((org, RDF.type, VNKG.Organization))
        g.add((org, RDFS.label, vi(label)))
    g.add((committee, VNKG.province, province))
    g.add((board, VNKG.province, province))
    g.add((board, ORG.subOrganizationOf, committee))
    g.add((board, SKOS.altLabel, vi("Ban Tổ chức Tỉnh ủy")))

    person, post = ID["person/nguyen-van-a"], ID["post/truong-btc-tinh-uy-20"]
    g.add((person, RDF.type, VNKG.Person))
    g.add((person, RDFS.label, vi("Nguyễn Văn A")))
    g.add((person, VNKG.honorific, vi("Tiến sĩ")))
    g.add((person, ORG.holds, post))
    g.add((post, RDF.type, ORG.Post))
    g.add((post, RDFS.label, vi("Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn")))
    g.add((post, ORG.postIn, board))

    conclusion, plan = ID["resolution/21-kl-tw"], ID["resolution/20-kh-tu"]
    g.add((conclusion, RDF.type, VNKG.Resolution))
    g.add((conclusion, RDFS.label, vi("Kết luận số 21-KL/TW")))
    g.add((conclusion, VNKG.symbol, Literal("21-KL/TW")))
    g.add((conclusion, VNKG.instrumentType, vi("Kết luận")))
    g.add((conclusion, VNKG.issuedBy, central))
    g.add((conclusion, VNKG.term, Literal("XIII")))
    g.add((conclusion, DCTERMS.issued, Literal("2021-10-25", datatype=rns.XSD.date)))
    g.add((plan, RDF.type, VNKG.Resolution))
    g.add((plan, RDFS.label, vi("Kế hoạch số 20-KH/TU")))
    g.add((plan, VNKG.symbol, Literal("20-KH/TU")))
    g.add((plan, VNKG.issuedBy, committee))
    g.add((plan, VNKG.implements, conclusion))

    event = ID["event/art1/hoi-thao"]
    g.add((event, RDF.type, VNKG.Event))
    g.add((event, RDFS.label, vi("Hội thảo về Kết luận số 21-KL/TW")))
    g.add((event, VNKG.eventType, vi("hội thảo")))
    g.add((event, VNKG.organizedBy, board))
    g.add((event, VNKG.chairedBy, person))
    g.add((event, VNKG.province, province))
    g.add((event, DCTERMS.date, Literal("2024-05-12", datatype=rns.XSD.date)))

    doc = ID["document/art1"]
    g.add((doc, RDF.type, VNKG.Document))
    g.add((doc, VNKG.sourceFile, Literal("000_002c34a5c64d9462.txt")))
    g.add((doc, VNKG.contentHash, Literal("0" * 64)))
    g.add((doc, DCTERMS.title, Literal("Hội thảo về Kết luận 21")))
    g.add((doc, DCTERMS.date, Literal("2024-05-12", datatype=rns.XSD.date)))
    g.add((doc, DCTERMS.creator, person))
    g.add((doc, DCTERMS.publisher, committee))
    g.add((doc, VNKG.province, province))
    add_mention(g, "0", doc, board, "Ban Tổ chức Tỉnh ủy Lạng Sơn")
    add_mention(g, "1", doc, conclusion, "Kết luận số 21-KL/TW")
    add_mention(g, "2", doc, person, "Nguyễn Văn A")
    return g


def found(result: ValidationResult) -> set[tuple[str, str, str]]:
    return {(v["focus"], v["path"], v["constraint"].rpartition("#")[2]) for v in result.violations}


def test_good_graph_conforms() -> None:
    result = validate(good_graph())
    assert result.violations == []
    assert result.conforms
    assert result.text.startswith("Conforms: True")


def test_mentions_in_good_graph_match_text() -> None:
    g = good_graph()
    for mention in g.subjects(RDF.type, VNKG.Mention):
        start, end = int(g.value(mention, VNKG.start)), int(g.value(mention, VNKG.end))
        assert TEXT[start:end] == str(g.value(mention, VNKG.text))
        assert str(g.value(mention, VNKG.text)) in str(g.value(mention, VNKG.sentence))


Breakage = Callable[[Graph], object]
PROVINCE, DISTRICT, DOC = ID["province/20"], ID["district/178"], ID["document/art1"]
PERSON, POST = ID["person/nguyen-van-a"], ID["post/truong-btc-tinh-uy-20"]
BOARD, COMMITTEE = ID["org/btc-tinh-uy-20"], ID["org/tinh-uy-20"]
CONCLUSION, EVENT = ID["resolution/21-kl-tw"], ID["event/art1/hoi-thao"]
MENTION = ID["mention/art1/0"]


def add_ha_noi(g: Graph) -> URIRef:
    """A second, valid province."""
    ha_noi = ID["province/01"]
    g.add((ha_noi, RDF.type, VNKG.Province))
    g.add((ha_noi, RDFS.label, vi("Hà Nội")))
    g.add((ha_noi, VNKG.gsoCode, Literal("01")))
    return ha_noi


BROKEN: dict[str, tuple[Breakage, tuple[URIRef, URIRef, str]]] = {
    "province without gsoCode": (
        lambda g: g.remove((PROVINCE, VNKG.gsoCode, None)),
        (PROVINCE, VNKG.gsoCode, "MinCountConstraintComponent"),
    ),
    "province gsoCode of one digit": (
        lambda g: g.set((PROVINCE, VNKG.gsoCode, Literal("2"))),
        (PROVINCE, VNKG.gsoCode, "PatternConstraintComponent"),
    ),
    "district gsoCode of two digits": (
        lambda g: g.set((DISTRICT, VNKG.gsoCode, Literal("17"))),
        (DISTRICT, VNKG.gsoCode, "PatternConstraintComponent"),
    ),
    "district in two provinces": (
        lambda g: g.add((DISTRICT, VNKG.province, add_ha_noi(g))),
        (DISTRICT, VNKG.province, "MaxCountConstraintComponent"),
    ),
    "mention with negative start": (
        lambda g: g.set((MENTION, VNKG.start, Literal(-1))),
        (MENTION, VNKG.start, "MinInclusiveConstraintComponent"),
    ),
    "mention ending where it starts": (
        lambda g: g.set((MENTION, VNKG.end, g.value(MENTION, VNKG.start))),
        (MENTION, VNKG.start, "LessThanConstraintComponent"),
    ),
    "mention offset as a string": (
        lambda g: g.set((MENTION, VNKG.end, Literal("40"))),
        (MENTION, VNKG.end, "DatatypeConstraintComponent"),
    ),
    "mention without entity": (
        lambda g: g.remove((MENTION, VNKG.refersTo, None)),
        (MENTION, VNKG.refersTo, "MinCountConstraintComponent"),
    ),
    "mention in a non-document": (
        lambda g: g.set((MENTION, VNKG.inDocument, PERSON)),
        (MENTION, VNKG.inDocument, "ClassConstraintComponent"),
    ),
    "entity with two vi labels": (
        lambda g: g.add((PERSON, RDFS.label, vi("Nguyễn Văn Á"))),
        (PERSON, RDFS.label, "UniqueLangConstraintComponent"),
    ),
    "entity with an English label": (
        lambda g: g.add((CONCLUSION, RDFS.label, Literal("Conclusion 21", lang="en"))),
        (CONCLUSION, RDFS.label, "LanguageInConstraintComponent"),
    ),
    "entity with a plain label": (
        lambda g: g.set((BOARD, RDFS.label, Literal("Ban Tổ chức Tỉnh ủy Lạng Sơn"))),
        (BOARD, RDFS.label, "DatatypeConstraintComponent"),
    ),
    "post without label": (
        lambda g: g.remove((POST, RDFS.label, None)),
        (POST, RDFS.label, "MinCountConstraintComponent"),
    ),
    "post without organization": (
        lambda g: g.remove((POST, ORG.postIn, None)),
        (POST, ORG.postIn, "MinCountConstraintComponent"),
    ),
    "post in a person": (
        lambda g: g.set((POST, ORG.postIn, PERSON)),
        (POST, ORG.postIn, "ClassConstraintComponent"),
    ),
    "document with two dates": (
        lambda g: g.add((DOC, DCTERMS.date, Literal("2024-05-13", datatype=rns.XSD.date))),
        (DOC, DCTERMS.date, "MaxCountConstraintComponent"),
    ),
    "document date as text": (
        lambda g: g.set((DOC, DCTERMS.date, Literal("12/5/2024"))),
        (DOC, DCTERMS.date, "DatatypeConstraintComponent"),
    ),
    "document without source file": (
        lambda g: g.remove((DOC, VNKG.sourceFile, None)),
        (DOC, VNKG.sourceFile, "MinCountConstraintComponent"),
    ),
    "document by an organization": (
        lambda g: g.set((DOC, DCTERMS.creator, BOARD)),
        (DOC, DCTERMS.creator, "ClassConstraintComponent"),
    ),
    "resolution issued by a province": (
        lambda g: g.set((CONCLUSION, VNKG.issuedBy, PROVINCE)),
        (CONCLUSION, VNKG.issuedBy, "ClassConstraintComponent"),
    ),
    "resolution with two symbols": (
        lambda g: g.add((CONCLUSION, VNKG.symbol, Literal("21-KL/T"))),
        (CONCLUSION, VNKG.symbol, "MaxCountConstraintComponent"),
    ),
    "event chaired by an organization": (
        lambda g: g.set((EVENT, VNKG.chairedBy, BOARD)),
        (EVENT, VNKG.chairedBy, "ClassConstraintComponent"),
    ),
    "organization in two provinces": (
        lambda g: g.add((BOARD, VNKG.province, add_ha_noi(g))),
        (BOARD, VNKG.province, "MaxCountConstraintComponent"),
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_graph_fails_on_the_right_path(name: str) -> None:
    breakage, (focus, path, constraint) = BROKEN[name]
    g = good_graph()
    breakage(g)
    result = validate(g)
    assert not result.conforms
    problems = found(result)
    assert (str(focus), str(path), constraint) in problems, result.text
    assert all(v["severity"] == "Violation" for v in result.violations)
    assert str(path) in result.text


def test_only_the_broken_node_is_reported() -> None:
    g = good_graph()
    g.remove((PROVINCE, VNKG.gsoCode, None))
    assert found(validate(g)) == {(str(PROVINCE), str(VNKG.gsoCode), "MinCountConstraintComponent")}


def test_violations_are_sorted_and_stable() -> None:
    g = good_graph()
    g.add((PERSON, RDFS.label, vi("Nguyễn Văn Á")))
    g.remove((PROVINCE, VNKG.gsoCode, None))
    g.set((MENTION, VNKG.start, Literal(-1)))
    first, second = validate(g), validate(g)
    assert first == second
    keys = [(v["focus"], v["path"]) for v in first.violations]
    assert keys == sorted(keys) and len(keys) == 3
    keys_of_a_violation = {
        "focus",
        "path",
        "value",
        "constraint",
        "severity",
        "message",
    }
    assert set(first.violations[0]) == keys_of_a_violation


def test_subclasses_in_the_data_are_followed() -> None:
    """sh:class and sh:targetClass see rdfs:subClassOf triples of the data graph."""
    g = good_graph()
    committee_class = URIRef(EX + "PartyCommittee")
    g.add((committee_class, RDFS.subClassOf, VNKG.Organization))
    g.set((COMMITTEE, RDF.type, committee_class))
    assert validate(g).conforms  # still a valid publisher and issuer
    g.remove((COMMITTEE, RDFS.label, None))
    assert (str(COMMITTEE), str(RDFS.label), "MinCountConstraintComponent") in found(validate(g))


def test_dataset_is_validated_as_union_and_left_untouched() -> None:
    """An article graph may point at provinces that live in the reference graph."""
    g = good_graph()
    dataset = Dataset()
    reference, article = (
        dataset.graph(ID["graph/reference"]),
        dataset.graph(ID["graph/art1"]),
    )
    for triple in g:
        (reference if triple[0] in (PROVINCE, DISTRICT) else article).add(triple)
    size = len(list(dataset.quads()))
    assert validate(dataset).conforms
    assert len(list(dataset.quads())) == size
    reference.remove((PROVINCE, VNKG.gsoCode, None))
    assert not validate(dataset).conforms


def test_validation_does_not_modify_inputs(onto: Graph) -> None:
    g = good_graph()
    before, ontology_size = len(g), len(onto)
    validate(g)
    assert len(g) == before
    assert len(onto) == ontology_size


def test_sparql_validation_finds_what_pyshacl_finds(seed_build) -> None:
    """kg build validates with one SPARQL query per constraint (kg.shapes.validate_store); on the
    seeds plus a graph that breaks every kind of constraint the shapes use, it reports exactly the
    results pyshacl reports."""
    import pyoxigraph as ox

    from kg.shapes import validate_store

    ds = Dataset()
    ds.parse(seed_build.outputs["trig"], format="trig")
    g = ds.graph(ID["graph/broken"])
    x, y, zz, m, n, o = (ID[k] for k in ("person/x", "person/y", "province/zz", "mention/m", "mention/n", "org/o"))
    g.add((x, RDF.type, VNKG.Person))  # no label: minCount
    g.add((y, RDF.type, VNKG.Person))
    g.add((y, RDFS.label, Literal("Y", lang="en")))  # languageIn
    g.add((y, RDFS.label, Literal("Y2", lang="en")))  # uniqueLang
    g.add((zz, RDF.type, VNKG.Province))
    g.add((zz, RDFS.label, Literal("Z", lang="vi")))
    g.add((zz, VNKG.gsoCode, Literal("123")))  # pattern
    g.add((zz, VNKG.gsoCode, Literal(12)))  # maxCount, datatype
    g.add((m, RDF.type, VNKG.Mention))
    g.add((m, VNKG.start, Literal(9)))
    g.add((m, VNKG.end, Literal(3)))  # lessThan
    g.add((m, VNKG.refersTo, Literal("lit")))  # nodeKind
    g.add((n, RDF.type, VNKG.Mention))
    g.add((n, VNKG.start, Literal(-1)))  # minInclusive
    g.add((o, RDF.type, VNKG.Organization))
    g.add((o, RDFS.label, Literal("O", lang="vi")))
    g.add((o, VNKG.province, y))  # class
    store = ox.Store()
    store.bulk_load(ds.serialize(format="nquads").encode(), ox.RdfFormat.N_QUADS)

    def keys(result):
        return {(v["focus"], v["path"], v["constraint"], v["value"]) for v in result.violations}

    ours, theirs = validate_store(store), validate(ds)
    assert keys(ours) == keys(theirs)
    assert {v["constraint"].rpartition("#")[2] for v in ours.violations} >= {
        "MinCountConstraintComponent",
        "MaxCountConstraintComponent",
        "DatatypeConstraintComponent",
        "ClassConstraintComponent",
        "NodeKindConstraintComponent",
        "PatternConstraintComponent",
        "LanguageInConstraintComponent",
        "LessThanConstraintComponent",
        "MinInclusiveConstraintComponent",
    }
    clean = ox.Store()
    clean.bulk_load(path=str(seed_build.outputs["trig"]), format=ox.RdfFormat.TRIG)
    assert validate_store(clean).conforms
