"""The RDF layer: resolved articles in, an rdflib Dataset out.

Each article's triples live in its own named graph (``…/id/graph/<article>``): the
document, every entity it mentions or links to (type, canonical label, attributes),
the facts it states and one ``vnkg:Mention`` evidence node per mention. Reference data
(the provinces) and the ontology have graphs of their own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import XSD

from kg.places import admin_map
from kg.records import DISTRICT, EVENT, ORGANIZATION, PERSON, PROVINCE, RESOLUTION, Entity, ResolvedArticle
from kg.resolve import Resolved, clean_label
from kg.shapes import load_ontology
from kg.textnorm import key_slug
from kg.vocab import DCTERMS, ID, ORG, RDF, RDFS, SKOS, VNKG, bind_prefixes

REFERENCE_GRAPH = ID["graph/reference"]
SUMMARY_GRAPH = ID["graph/summary"]  # corpus-wide counts made at build time (vnkg:articleCount, vnkg:CoMention)
ONTOLOGY_GRAPH = ID["graph/ontology"]
_CLASS = {
    PERSON: VNKG.Person,
    ORGANIZATION: VNKG.Organization,
    PROVINCE: VNKG.Province,
    DISTRICT: VNKG.District,
    RESOLUTION: VNKG.Resolution,
    EVENT: VNKG.Event,
}
_RELATION = {
    "issued_by": VNKG.issuedBy,
    "implements": VNKG.implements,
    "organized_by": VNKG.organizedBy,
    "chaired_by": VNKG.chairedBy,
    "sub_organization_of": ORG.subOrganizationOf,
    "creator": DCTERMS.creator,
    "publisher": DCTERMS.publisher,
}


def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


def iri(key: str) -> URIRef:
    return ID[key]


def article_graph_iri(article_id: str) -> URIRef:
    return ID[f"graph/{article_id}"]


def document_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]


class Triples(list):
    """A plain list of triples with ``add``: what the describing functions write into when no
    rdflib store is wanted (building rdflib's indexes costs more than the rest of the build)."""

    def add(self, triple: tuple) -> None:
        self.append(triple)


def describe_entity(
    g: Graph | Triples, ent: Entity, entities: dict[str, Entity], alt_labels: Iterable[str] = ()
) -> None:
    """Type, label and attributes of one entity."""
    node = iri(ent.key)
    g.add((node, RDF.type, _CLASS[ent.kind]))
    g.add((node, RDFS.label, vi(ent.label)))
    for alt in sorted(set(alt_labels)):
        if alt != ent.label:
            g.add((node, SKOS.altLabel, vi(alt)))
    a = ent.attrs
    if ent.kind in (PROVINCE, DISTRICT):
        place = admin_map().by_key[ent.key]
        g.add((node, VNKG.gsoCode, Literal(place.code)))
        g.add((node, VNKG.administrativeType, vi(place.type_word)))
        if place.since_2025:
            g.add((node, VNKG.validFrom, Literal(admin_map().merger_date.isoformat(), datatype=XSD.date)))
    if ent.kind in (DISTRICT, ORGANIZATION, EVENT) and a.get("province"):
        g.add((node, VNKG.province, iri(a["province"])))
    if ent.kind == ORGANIZATION and a.get("district"):
        g.add((node, VNKG.district, iri(a["district"])))
    if ent.kind == PERSON and a.get("honorific"):
        g.add((node, VNKG.honorific, vi(a["honorific"])))
    if ent.kind == RESOLUTION:
        if a.get("symbol"):
            g.add((node, VNKG.symbol, Literal(a["symbol"])))
        if a.get("type"):
            g.add((node, VNKG.instrumentType, vi(a["type"])))
        if a.get("issued"):
            g.add((node, DCTERMS.issued, Literal(a["issued"], datatype=XSD.date)))
        if a.get("title"):
            g.add((node, DCTERMS.title, vi(a["title"])))
    if ent.kind in (RESOLUTION, EVENT) and a.get("term"):
        g.add((node, VNKG.term, Literal(a["term"])))
    if ent.kind == EVENT:
        if a.get("date"):
            g.add((node, DCTERMS.date, Literal(a["date"], datatype=XSD.date)))
        if a.get("event_type"):
            g.add((node, VNKG.eventType, vi(a["event_type"])))


def add_article(ds: Dataset, ra: ResolvedArticle, entities: dict[str, Entity]) -> Graph:
    """Write one article's named graph (replacing it if present)."""
    gid = article_graph_iri(ra.article.article_id)
    ds.remove_graph(gid)
    g = ds.graph(gid)
    g.addN((s, p, o, g) for s, p, o in article_triples(ra, entities))
    return g


def article_triples(ra: ResolvedArticle, entities: dict[str, Entity]) -> Triples:
    """The triples of one article's named graph."""
    art = ra.article
    g = Triples()
    doc = document_iri(art.article_id)
    g.add((doc, RDF.type, VNKG.Document))
    g.add((doc, VNKG.sourceFile, Literal(art.source_file)))
    g.add((doc, VNKG.contentHash, Literal(art.content_hash)))
    if art.title:
        g.add((doc, DCTERMS.title, vi(art.title)))
    if art.date:
        g.add((doc, DCTERMS.date, Literal(art.date.isoformat(), datatype=XSD.date)))
    if ra.province_key:
        g.add((doc, VNKG.province, iri(ra.province_key)))
    g.add((doc, VNKG.entityCount, Literal(len({rm.entity_key for rm in ra.mentions}))))
    described: dict[str, set[str]] = {}
    seen_spans: dict[tuple[int, int], int] = {}
    for rm in ra.mentions:
        m = rm.mention
        described.setdefault(rm.entity_key, set())
        ent = entities[rm.entity_key]
        if m.text.strip():
            described[rm.entity_key].add(clean_label(m.text))
        g.add((doc, VNKG.mentions, iri(rm.entity_key)))
        n = seen_spans[(m.start, m.end)] = seen_spans.get((m.start, m.end), 0) + 1
        node = ID[f"mention/{art.article_id}/{m.start}-{m.end}" + (f"-{n}" if n > 1 else "")]
        g.add((node, RDF.type, VNKG.Mention))
        g.add((node, VNKG.inDocument, doc))
        g.add((node, VNKG.refersTo, iri(rm.entity_key)))
        g.add((node, VNKG.text, Literal(m.text)))
        g.add((node, VNKG.start, Literal(m.start)))
        g.add((node, VNKG.end, Literal(m.end)))
        g.add((node, VNKG.sentence, Literal(art.text[m.sentence_start : m.sentence_end])))
    for subj, relation, obj, attrs in ra.facts:
        s = doc if subj == "" else iri(subj)
        for key in (subj, obj):
            if key:
                described.setdefault(key, set())
        if relation == "holds":
            org = entities[obj]
            title = attrs["title"]
            post_label = attrs.get("post_label") or f"{title} {org.label}"
            post = ID[f"post/{key_slug(org.label)}/{key_slug(title)}"]
            g.add((post, RDF.type, ORG.Post))
            g.add((post, RDFS.label, vi(post_label)))
            g.add((post, ORG.postIn, iri(obj)))
            g.add((s, ORG.holds, post))
        else:
            g.add((s, _RELATION[relation], iri(obj)))
    for key, alts in described.items():
        ent = entities[key]
        describe_entity(g, ent, entities, alts & ent.alt_labels)
        if ent.kind in (ORGANIZATION, DISTRICT, EVENT):  # the places it points at, so the graph stands alone
            for ref in ("province", "district"):
                if ent.attrs.get(ref) and (ent.kind != DISTRICT or ref == "province"):
                    describe_entity(g, _place_entity(ent.attrs[ref]), entities)
    return Triples(dict.fromkeys(g))  # each triple once, in the order written


def _place_entity(key: str) -> Entity:
    place = admin_map().by_key[key]
    attrs = {"province": f"province/{place.province_code}"} if place.kind == DISTRICT else {}
    return Entity(place.kind, key, place.label, attrs=attrs)


def add_reference(ds: Dataset) -> None:
    """The reference graph (see :func:`reference_triples`)."""
    g = ds.graph(REFERENCE_GRAPH)
    g.addN((s, p, o, g) for s, p, o in reference_triples())


def reference_triples() -> Triples:
    """The 63 pre-2025 provinces and the units formed by the 2025 merger, with GSO codes and
    ``vnkg:successor`` links from each merged province to its new unit."""
    amap = admin_map()
    g = Triples()
    for p in sorted(amap.provinces.values(), key=lambda p: p.code):
        describe_entity(g, _place_entity(p.key), {}, {p.name_with_type} | ({p.name} if p.name != p.label else set()))
        new = amap.successor.get(p.code)
        if new is not None:
            g.add((iri(p.key), VNKG.successor, iri(new.key)))
            g.add((iri(p.key), VNKG.validUntil, Literal("2025-06-30", datatype=XSD.date)))
    for p in sorted(amap.merged_2025.values(), key=lambda p: p.code):
        describe_entity(g, _place_entity(p.key), {})
    return Triples(dict.fromkeys(g))


def summary_triples(articles: Iterable[ResolvedArticle], entities: dict[str, Entity]) -> Triples:
    """Corpus-wide counts that queries would otherwise compute by scanning every mention, in key
    order (they go in the summary graph, ``vid:graph/summary``, the one graph about the whole build):

    - ``vnkg:articleCount`` on each entity some article mentions: the number of articles mentioning it;
    - one ``vnkg:CoMention`` node for each organisation and resolution that articles mention together
      (``vnkg:organization``, ``vnkg:resolution``, and the number of those articles as its
      ``vnkg:articleCount``).
    """
    docs_per_entity: dict[str, set[str]] = defaultdict(set)
    docs_per_pair: dict[tuple[str, str], int] = defaultdict(int)
    for ra in articles:
        keys = {rm.entity_key for rm in ra.mentions}
        for key in keys:
            docs_per_entity[key].add(ra.article.article_id)
        orgs = sorted(k for k in keys if entities[k].kind == ORGANIZATION)
        for res in sorted(k for k in keys if entities[k].kind == RESOLUTION):
            for org in orgs:
                docs_per_pair[(org, res)] += 1
    g = Triples((iri(key), VNKG.articleCount, Literal(len(docs))) for key, docs in sorted(docs_per_entity.items()))
    for (org, res), n in sorted(docs_per_pair.items()):
        node = ID[f"co-mention/{org}/{res}"]
        g.add((node, RDF.type, VNKG.CoMention))
        g.add((node, VNKG.organization, iri(org)))
        g.add((node, VNKG.resolution, iri(res)))
        g.add((node, VNKG.articleCount, Literal(n)))
    return g


def graph_parts(resolved: Resolved, with_ontology: bool = True) -> list[tuple[URIRef, Triples]]:
    """(graph IRI, triples) for the reference graph, the corpus summary, the ontology and
    each article, in IRI order."""
    parts = [
        (REFERENCE_GRAPH, reference_triples()),
        (SUMMARY_GRAPH, summary_triples(resolved.articles, resolved.entities)),
    ]
    if with_ontology:
        parts.append((ONTOLOGY_GRAPH, Triples(load_ontology())))
    for ra in resolved.articles:
        parts.append((article_graph_iri(ra.article.article_id), article_triples(ra, resolved.entities)))
    return sorted(parts, key=lambda part: str(part[0]))


def dataset_of(parts: Iterable[tuple[URIRef, Iterable[tuple]]]) -> Dataset:
    """An rdflib Dataset holding the given graphs."""
    ds = Dataset()
    bind_prefixes(ds)
    for gid, triples in parts:
        g = ds.graph(gid)
        g.addN((s, p, o, g) for s, p, o in triples)
    return ds


def build_dataset(resolved: Resolved, with_ontology: bool = True) -> Dataset:
    """One Dataset: reference graph, ontology graph, one graph per article."""
    return dataset_of(graph_parts(resolved, with_ontology))


def _new_graph() -> Graph:
    g = Graph()
    bind_prefixes(g)
    for prefix, ns in load_ontology().namespaces():
        if prefix and prefix not in dict(g.namespaces()):
            g.bind(prefix, ns)
    return g


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class _Prefixes:
    """The prefixes a Turtle text may use, and the ones it did use (for its header)."""

    def __init__(self) -> None:
        pairs = {p: str(ns) for p, ns in _new_graph().namespaces() if p}
        self.pairs = sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self.used: set[tuple[str, str]] = set()

        self._done: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        done = self._done.get(iri)
        if done is not None:
            return done
        shown = "<" + iri.replace(">", "%3E").replace(" ", "%20") + ">"
        for prefix, ns in self.pairs:
            if iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri[len(ns) :]):
                self.used.add((prefix, ns))
                shown = f"{prefix}:{iri[len(ns) :]}"
                break
        self._done[iri] = shown
        return shown

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(self.used)) + "\n"


def _term(t, prefixes: _Prefixes) -> str:
    """Turtle for one term: a prefixed name where the local part is a plain name, else <IRI>."""
    if isinstance(t, URIRef):
        return prefixes.iri(str(t))
    if isinstance(t, Literal):  # what Literal.n3() writes, without its many branches
        quoted = Literal._quote_encode(t)
        if t.language is not None:
            return f"{quoted}@{t.language}"
        if t.datatype is not None:
            return f"{quoted}^^{prefixes.iri(str(t.datatype))}"
        return quoted
    return t.n3()


def _turtle_statements(triples: Iterable[tuple], prefixes: _Prefixes) -> list[str]:
    """Triples grouped by subject, subjects, predicates (rdf:type first) and objects sorted: the
    same graph always gives the same text (and fast: no pretty-printer's graph analysis)."""
    by_subject: dict = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    out = []
    rdf_type = RDF.type
    for s in sorted(by_subject, key=lambda t: (type(t).__name__, str(t))):
        preds = by_subject[s]
        parts = []
        for p in sorted(preds, key=lambda p: (p != rdf_type, str(p))):
            objects = sorted(_term(o, prefixes) for o in preds[p])
            parts.append(("a" if p == rdf_type else _term(p, prefixes)) + " " + " , ".join(objects))
        out.append(_term(s, prefixes) + " " + " ;\n    ".join(parts) + " .")
    return out


def serialize_turtle(graph: Graph | Iterable[tuple]) -> str:
    """Deterministic Turtle of a graph (or of distinct triples) without blank nodes."""
    prefixes = _Prefixes()
    body = "\n\n".join(_turtle_statements(graph, prefixes))
    return prefixes.header() + body + "\n"


def serialize_trig(ds: Dataset | Iterable[tuple[URIRef, Iterable[tuple]]]) -> str:
    """TriG with graphs in IRI order and blank nodes canonicalised: same data, same bytes.

    Takes a Dataset or (graph IRI, triples) pairs. (rdflib's TriG writer orders graphs as its
    store happens to hold them.)
    """
    parts = [(c.identifier, c) for c in ds.graphs()] if isinstance(ds, Dataset) else list(ds)
    prefixes = _Prefixes()
    blocks: list[str] = []
    for gid, triples in sorted(parts, key=lambda part: str(part[0])):
        triples = list(triples)
        if not triples:
            continue
        if any(isinstance(t, BNode) for tr in triples for t in tr):
            canonical = Graph()
            canonical.addN((s, p, o, canonical) for s, p, o in triples)
            triples = to_canonical_graph(canonical)
        body = "\n\n".join("    " + st.replace("\n", "\n    ") for st in _turtle_statements(triples, prefixes))
        blocks.append(f"<{gid}> {{\n{body}\n}}\n")
    return prefixes.header() + "\n".join(blocks)


def union_graph(ds: Dataset, include_ontology: bool = False, include_reference: bool = True) -> Graph:
    """All data triples in one graph (the ontology left out unless asked)."""
    g = Graph()
    bind_prefixes(g)
    for ctx in ds.graphs():
        if ctx.identifier == ONTOLOGY_GRAPH and not include_ontology:
            continue
        if ctx.identifier in (REFERENCE_GRAPH, SUMMARY_GRAPH) and not include_reference:
            continue
        for triple in ctx:
            g.add(triple)
    return g


class TripleIndex:
    """Distinct triples indexed by predicate: the read-only ``objects`` / ``subjects`` /
    ``subject_objects`` calls the page builder makes, without an rdflib store's cost of building."""

    def __init__(self, triples: Iterable[tuple]) -> None:
        self._by_pred: dict = defaultdict(lambda: defaultdict(set))
        self._count = 0
        for s, p, o in triples:
            objects = self._by_pred[p][s]
            if o not in objects:
                objects.add(o)
                self._count += 1

    def __len__(self) -> int:
        return self._count

    def objects(self, subject, predicate):
        return iter(self._by_pred.get(predicate, {}).get(subject, ()))

    def subjects(self, predicate, obj):
        return (s for s, objects in self._by_pred.get(predicate, {}).items() if obj in objects)

    def subject_objects(self, predicate):
        return ((s, o) for s, objects in self._by_pred.get(predicate, {}).items() for o in objects)
