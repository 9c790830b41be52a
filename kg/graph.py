"""The RDF layer: resolved articles in, Turtle and TriG text out (an rdflib Dataset on request).

Each article's triples live in its own named graph (``…/id/graph/<article>``): the
document, every entity it mentions or links to (type, canonical label, attributes),
the facts it states and one ``vnkg:Mention`` evidence node per mention. An article's graph
depends only on that article and on the corpus-wide label and attributes of the entities it
names (:func:`kg.resolve.merge_entities`). Reference data (the provinces), the corpus-wide
counts (the summary graph) and the ontology have graphs of their own.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph

from kg.places import admin_map
from kg.records import DISTRICT, EVENT, ORGANIZATION, PERSON, PROVINCE, RESOLUTION, Entity, ResolvedArticle
from kg.resolve import Resolved, clean_label
from kg.shapes import load_ontology
from kg.textnorm import fold, key_slug
from kg.vocab import ID, RDF, bind_prefixes

REFERENCE_GRAPH = ID["graph/reference"]
SUMMARY_GRAPH = ID["graph/summary"]  # corpus-wide counts made at build time (vnkg:articleCount, vnkg:CoMention)
ONTOLOGY_GRAPH = ID["graph/ontology"]


def article_graph_iri(article_id: str) -> URIRef:
    return ID[f"graph/{article_id}"]


# --------------------------------------------------------------------------- Turtle text
#
# The graphs are written as Turtle text directly, one article at a time: making rdflib terms for
# millions of triples (and then text from them) costs more than all the rest of the build.
# Every string below is already a Turtle term; a test parses the output back and checks it.

_ID_BASE = str(ID)
_A = "a"
_CLASS_TEXT = {
    PERSON: "vnkg:Person",
    ORGANIZATION: "vnkg:Organization",
    PROVINCE: "vnkg:Province",
    DISTRICT: "vnkg:District",
    RESOLUTION: "vnkg:Resolution",
    EVENT: "vnkg:Event",
}
_RELATION_TEXT = {
    "issued_by": "vnkg:issuedBy",
    "implements": "vnkg:implements",
    "organized_by": "vnkg:organizedBy",
    "chaired_by": "vnkg:chairedBy",
    "sub_organization_of": "org:subOrganizationOf",
    "creator": "dcterms:creator",
    "publisher": "dcterms:publisher",
}


def _iri_text(iri: str) -> str:
    if ">" in iri or " " in iri or '"' in iri:
        iri = iri.replace(">", "%3E").replace(" ", "%20").replace('"', "%22")
    return f"<{iri}>"


def node_text(key: str) -> str:
    """An instance IRI (a key under the id namespace) as Turtle."""
    return _iri_text(_ID_BASE + key)


def _quote(text: str) -> str:
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if '"' in text:
        text = text.replace('"', '\\"')
    if "\n" in text:
        text = text.replace("\n", "\\n")
    if "\r" in text:
        text = text.replace("\r", "\\r")
    return f'"{text}"'


def vi_text(text: str) -> str:
    return _quote(text) + "@vi"


def date_text(iso: str) -> str:
    return _quote(iso) + "^^xsd:date"


class Statements:
    """Turtle statements of one graph, grouped by subject in the order first written; each
    (predicate, object) once per subject."""

    def __init__(self) -> None:
        self.by_subject: dict[str, dict[str, None]] = {}

    def add(self, s: str, p: str, o: str) -> None:
        pairs = self.by_subject.get(s)
        if pairs is None:
            pairs = self.by_subject[s] = {}
        pairs[f"{p} {o}"] = None

    def extend(self, s: str, pairs: Iterable[str]) -> None:
        have = self.by_subject.get(s)
        if have is None:
            have = self.by_subject[s] = {}
        for pair in pairs:
            have[pair] = None

    def text(self) -> str:
        return "".join(f"{s} " + " ;\n    ".join(pairs) + " .\n" for s, pairs in self.by_subject.items())


def _entity_pairs(ent: Entity) -> list[str]:
    """Type, label and attributes of one entity (its other names are added per article)."""
    out = [f"a {_CLASS_TEXT[ent.kind]}", f"rdfs:label {vi_text(ent.label)}"]
    a = ent.attrs
    if ent.kind in (PROVINCE, DISTRICT):
        place = admin_map().by_key[ent.key]
        out.append(f"vnkg:gsoCode {_quote(place.code)}")
        out.append(f"vnkg:administrativeType {vi_text(place.type_word)}")
        if place.since_2025:
            out.append(f"vnkg:validFrom {date_text(admin_map().merger_date.isoformat())}")
    if ent.kind in (DISTRICT, ORGANIZATION, EVENT) and a.get("province"):
        out.append(f"vnkg:province {node_text(a['province'])}")
    if ent.kind == ORGANIZATION and a.get("district"):
        out.append(f"vnkg:district {node_text(a['district'])}")
    if ent.kind == PERSON and a.get("honorific"):
        out.append(f"vnkg:honorific {vi_text(a['honorific'])}")
    if ent.kind == RESOLUTION:
        if a.get("symbol"):
            out.append(f"vnkg:symbol {_quote(a['symbol'])}")
        if a.get("type"):
            out.append(f"vnkg:instrumentType {vi_text(a['type'])}")
        if a.get("issued"):
            out.append(f"dcterms:issued {date_text(a['issued'])}")
        if a.get("title"):
            out.append(f"dcterms:title {vi_text(a['title'])}")
    if ent.kind in (RESOLUTION, EVENT) and a.get("term"):
        out.append(f"vnkg:term {_quote(a['term'])}")
    if ent.kind == EVENT:
        if a.get("date"):
            out.append(f"dcterms:date {date_text(a['date'])}")
        if a.get("event_type"):
            out.append(f"vnkg:eventType {vi_text(a['event_type'])}")
    return out


def _post(org: Entity, attrs: dict) -> tuple[str, str]:
    """The key of the post a holds fact names, and the label this article gives it."""
    title = attrs["title"]
    return f"post/{key_slug(org.label)}/{key_slug(title)}", attrs.get("post_label") or f"{title} {org.label}"


class Describer:
    """Entity descriptions as Turtle, each made once per build and reused by every article; and
    the label of each post, the first article's (in build order), like the entities' labels."""

    def __init__(self, entities: dict[str, Entity], articles: Iterable[ResolvedArticle] = ()) -> None:
        self.entities = entities
        self._pairs: dict[str, list[str]] = {}
        self._places: dict[str, list[str]] = {}  # the places an entity points at, described
        self.post_labels: dict[str, str] = {}
        for ra in articles:
            for _subj, relation, obj, attrs in ra.facts:
                if relation == "holds":
                    key, label = _post(entities[obj], attrs)
                    self.post_labels.setdefault(key, label)

    def pairs(self, key: str) -> list[str]:
        done = self._pairs.get(key)
        if done is None:
            ent = self.entities.get(key) or _place_entity(key)
            done = self._pairs[key] = _entity_pairs(ent)
        return done

    def describe(self, st: Statements, key: str, alts: Iterable[str] = ()) -> None:
        """The entity and (for bodies, districts and events) the places it points at, so that
        the graph stands alone."""
        subject = node_text(key)
        st.extend(subject, self.pairs(key))
        st.extend(subject, self.other_names(key, alts))
        for place in pointed_places(self.entities[key]):
            st.extend(node_text(place), self.place_pairs(place))

    def other_names(self, key: str, alts: Iterable[str]) -> list[str]:
        """``skos:altLabel`` statements for the names an article gives an entity (those the
        corpus-wide entity keeps besides its label)."""
        ent = self.entities[key]
        return [f"skos:altLabel {vi_text(alt)}" for alt in sorted(set(alts) & ent.alt_labels) if alt != ent.label]

    def fact(self, st: Statements, subject: str, relation: str, obj: str, attrs: dict) -> None:
        """A fact of the subject (as Turtle) about the entity ``obj``; a post held is written out."""
        if relation == "holds":
            key, label = _post(self.entities[obj], attrs)
            post = node_text(key)
            label = self.post_labels.get(key, label)
            st.extend(post, ("a org:Post", f"rdfs:label {vi_text(label)}", f"org:postIn {node_text(obj)}"))
            st.add(subject, "org:holds", post)
        else:
            st.add(subject, _RELATION_TEXT[relation], node_text(obj))

    def place_pairs(self, key: str) -> list[str]:
        """A place's description from the reference data (what an entity pointing at it brings)."""
        done = self._places.get(key)
        if done is None:
            done = self._places[key] = _entity_pairs(_place_entity(key))
        return done


def pointed_places(ent: Entity) -> list[str]:
    """The places an entity's description brings along: a body's or event's province and
    district, a district's province."""
    if ent.kind not in (ORGANIZATION, DISTRICT, EVENT):
        return []
    refs = ("province",) if ent.kind == DISTRICT else ("province", "district")
    return [ent.attrs[ref] for ref in refs if ent.attrs.get(ref)]


def document_pairs(ra: ResolvedArticle) -> list[str]:
    """The statements about an article's document but the entities it mentions."""
    art = ra.article
    pairs = [f"{_A} vnkg:Document", f"vnkg:sourceFile {_quote(art.source_file)}"]
    pairs.append(f"vnkg:contentHash {_quote(art.content_hash)}")
    if art.title:
        pairs.append(f"dcterms:title {vi_text(art.title)}")
    if art.date:
        pairs.append(f"dcterms:date {date_text(art.date.isoformat())}")
    if ra.province_key:
        pairs.append(f"vnkg:province {node_text(ra.province_key)}")
    pairs.append(f"vnkg:entityCount {len({rm.entity_key for rm in ra.mentions})}")
    return pairs


def article_turtle(ra: ResolvedArticle, describer: Describer) -> str:
    """The Turtle statements of one article's named graph: the document, one ``vnkg:Mention``
    evidence node per mention, the facts, and every entity it names or points at."""
    art = ra.article
    st = Statements()
    doc = node_text(f"article/{art.article_id}")
    st.extend(doc, document_pairs(ra))
    described: dict[str, set[str]] = {}
    seen_spans: dict[tuple[int, int], int] = {}
    mention_base = f"mention/{art.article_id}/"
    text = art.text
    for rm in ra.mentions:
        m = rm.mention
        alts = described.setdefault(rm.entity_key, set())
        if m.text.strip():
            alts.add(clean_label(m.text))
        entity = node_text(rm.entity_key)
        st.add(doc, "vnkg:mentions", entity)
        n = seen_spans[(m.start, m.end)] = seen_spans.get((m.start, m.end), 0) + 1
        node = node_text(mention_base + f"{m.start}-{m.end}" + (f"-{n}" if n > 1 else ""))
        st.extend(
            node,
            (
                "a vnkg:Mention",
                f"vnkg:inDocument {doc}",
                f"vnkg:refersTo {entity}",
                f"vnkg:text {_quote(m.text)}",
                f"vnkg:start {m.start}",
                f"vnkg:end {m.end}",
                f"vnkg:sentence {_quote(text[m.sentence_start : m.sentence_end])}",
            ),
        )
    for subj, relation, obj, attrs in ra.facts:
        for key in (subj, obj):
            if key:
                described.setdefault(key, set())
        describer.fact(st, doc if subj == "" else node_text(subj), relation, obj, attrs)
    for key, alts in described.items():
        describer.describe(st, key, alts)
    return st.text()


def _place_entity(key: str) -> Entity:
    place = admin_map().by_key[key]
    attrs = {"province": f"province/{place.province_code}"} if place.kind == DISTRICT else {}
    return Entity(place.kind, key, place.label, attrs=attrs)


@cache
def reference_turtle() -> str:
    """The reference graph: the 63 pre-2025 provinces and the units formed by the 2025 merger,
    with GSO codes and ``vnkg:successor`` links from each merged province to its new unit."""
    amap = admin_map()
    st = Statements()
    for p in sorted(amap.provinces.values(), key=lambda p: p.code):
        subject = node_text(p.key)
        st.extend(subject, _entity_pairs(_place_entity(p.key)))
        for alt in sorted({p.name_with_type} | ({p.name} if p.name != p.label else set())):
            if alt != p.label:
                st.add(subject, "skos:altLabel", vi_text(alt))
        new = amap.successor.get(p.code)
        if new is not None:
            st.add(subject, "vnkg:successor", node_text(new.key))
            st.add(subject, "vnkg:validUntil", date_text("2025-06-30"))
    for p in sorted(amap.merged_2025.values(), key=lambda p: p.code):
        st.extend(node_text(p.key), _entity_pairs(_place_entity(p.key)))
    return st.text()


def summary_turtle(articles: Iterable[ResolvedArticle], entities: dict[str, Entity]) -> str:
    """Corpus-wide counts that queries would otherwise compute by scanning every mention, in key
    order (they go in the summary graph, ``vid:graph/summary``, the one graph about the whole build):

    - ``vnkg:articleCount`` on each entity some article mentions: the number of articles mentioning it;
    - ``vnkg:rank`` on those entities (most mentioned first, then by label, among those of their kind)
      and on the documents (in file-name order), for queries to sort and page by;
      and on the co-mention nodes (most articles first);
    - one ``vnkg:ProvinceYear`` node for each province and year (or no date) of the articles about
      it, with the number of those articles;
    - one ``vnkg:CoMention`` node for each organisation and resolution that articles mention together
      (``vnkg:organization``, ``vnkg:resolution``, and the number of those articles as its
      ``vnkg:articleCount``).
    """
    articles = list(articles)
    docs_per_entity: dict[str, int] = defaultdict(int)
    docs_per_pair: dict[tuple[str, str], int] = defaultdict(int)
    for ra in articles:
        keys = {rm.entity_key for rm in ra.mentions}
        for key in keys:
            docs_per_entity[key] += 1
        orgs = sorted(k for k in keys if entities[k].kind == ORGANIZATION)
        for res in sorted(k for k in keys if entities[k].kind == RESOLUTION):
            for org in orgs:
                docs_per_pair[(org, res)] += 1
    # ranks: numbers to sort by (a store compares numbers far faster than strings)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for key in docs_per_entity:
        by_kind[entities[key].kind].append(key)
    rank: dict[str, int] = {}
    for keys in by_kind.values():
        ordered = sorted(keys, key=lambda k: (-docs_per_entity[k], fold(entities[k].label), entities[k].label, k))
        rank.update((k, i) for i, k in enumerate(ordered, 1))
    lines = [
        f"{node_text(key)} vnkg:articleCount {n} ;\n    vnkg:rank {rank[key]} .\n"
        for key, n in sorted(docs_per_entity.items())
    ]
    documents = sorted(articles, key=lambda ra: (ra.article.source_file, ra.article.article_id))
    lines += [f"{node_text(f'article/{ra.article.article_id}')} vnkg:rank {i} .\n" for i, ra in enumerate(documents, 1)]
    per_province_year: dict[tuple[str, str], int] = defaultdict(int)
    for ra in articles:
        if ra.province_key:
            per_province_year[(ra.province_key, str(ra.article.date.year) if ra.article.date else "")] += 1
    for (province, year), n in sorted(per_province_year.items()):
        node = node_text(f"province-year/{province}/{year or 'undated'}")
        lines.append(
            f"{node} a vnkg:ProvinceYear ;\n    vnkg:province {node_text(province)} ;\n"
            + (f'    vnkg:year "{year}"^^xsd:gYear ;\n' if year else "")
            + f"    vnkg:articleCount {n} .\n"
        )
    # pairs ranked: most articles first, then the more mentioned organisation and resolution
    pair_rank = {
        pair: i
        for i, pair in enumerate(
            sorted(docs_per_pair, key=lambda pr: (-docs_per_pair[pr], rank[pr[0]], rank[pr[1]])), 1
        )
    }
    for (org, res), n in sorted(docs_per_pair.items()):
        lines.append(
            f"{node_text(f'co-mention/{org}/{res}')} a vnkg:CoMention ;\n    vnkg:organization {node_text(org)} ;\n"
            f"    vnkg:resolution {node_text(res)} ;\n    vnkg:articleCount {n} ;\n"
            f"    vnkg:rank {pair_rank[(org, res)]} .\n"
        )
    return "".join(lines)


_RENDERER_PREFIXES = ("dcterms", "org", "rdfs", "skos", "vnkg", "xsd")  # what the text above writes


@cache
def _ontology_text() -> tuple[str, frozenset[tuple[str, str]]]:
    """The ontology's canonical text and the prefixes it uses. Canonicalising takes a fifth of a
    second, so the result is kept in kg's cache folder, by the ontology, this code and rdflib."""
    import hashlib
    import pickle

    import rdflib

    from kg.cache import default_cache_dir
    from kg.shapes import ontology_path
    from kg.store import atomic_write

    digest = hashlib.sha256(ontology_path().read_bytes() + Path(__file__).read_bytes() + rdflib.__version__.encode())
    kept = default_cache_dir() / f"ontology-{digest.hexdigest()[:16]}.pickle"
    with contextlib.suppress(Exception):
        text, used = pickle.loads(kept.read_bytes())
        if isinstance(text, str) and isinstance(used, frozenset):
            return text, used
    canonical = Graph()
    canonical.addN((s, p, o, canonical) for s, p, o in load_ontology())
    prefixes = _Prefixes()
    text = "\n".join(_turtle_statements(to_canonical_graph(canonical), prefixes)) + "\n"
    with contextlib.suppress(OSError):  # a cache folder that cannot be written: made again next time
        atomic_write(kept, pickle.dumps((text, frozenset(prefixes.used))))
    return text, frozenset(prefixes.used)


def ontology_turtle() -> str:
    """The ontology and shapes, blank nodes canonicalised (the same text every time)."""
    return _ontology_text()[0]


@cache
def turtle_header() -> str:
    """The prefixes the graph texts use."""
    known = dict(_Prefixes().pairs)
    used = set(_ontology_text()[1]) | {(p, known[p]) for p in _RENDERER_PREFIXES}
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(used)) + "\n"


def trig_block(graph_iri: str, turtle: str) -> str:
    """One named graph of a TriG file, its statements indented (no literal holds a line break:
    they are escaped)."""
    if not turtle:
        return ""
    body = turtle.rstrip("\n").replace("\n", "\n    ")
    return f"{_iri_text(graph_iri)} {{\n    {body}\n}}\n\n"


def corpus_graphs(resolved: Resolved, with_ontology: bool = True) -> dict[str, str]:
    """Graph IRI → Turtle statements of the graphs that are not an article's: the reference
    graph, the corpus summary and (unless left out) the ontology."""
    out = {
        str(REFERENCE_GRAPH): reference_turtle(),
        str(SUMMARY_GRAPH): summary_turtle(resolved.articles, resolved.entities),
    }
    if with_ontology:
        out[str(ONTOLOGY_GRAPH)] = ontology_turtle()
    return out


def graph_texts(resolved: Resolved, with_ontology: bool = True) -> list[tuple[str, str]]:
    """(graph IRI, Turtle statements) for the reference graph, the corpus summary, the ontology
    and each article, in IRI order."""
    describer = Describer(resolved.entities, resolved.articles)
    parts = list(corpus_graphs(resolved, with_ontology).items())
    for ra in resolved.articles:
        parts.append((str(article_graph_iri(ra.article.article_id)), article_turtle(ra, describer)))
    return sorted(parts)


def trig_text(parts: Iterable[tuple[str, str]]) -> str:
    return turtle_header() + "".join(trig_block(g, t) for g, t in parts)


def build_dataset(resolved: Resolved, with_ontology: bool = True) -> Dataset:
    """One rdflib Dataset: reference graph, summary graph, ontology graph, one graph per article."""
    ds = Dataset()
    bind_prefixes(ds)
    ds.parse(data=trig_text(graph_texts(resolved, with_ontology)), format="trig")
    return ds


def _new_graph() -> Graph:
    g = Graph()
    bind_prefixes(g)
    for prefix, ns in load_ontology().namespaces():
        if prefix and prefix not in dict(g.namespaces()):
            g.bind(prefix, ns)
    return g


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class _Prefixes:
    """The prefixes a Turtle text may use, and the ones it did use (for the header, see
    :func:`turtle_header`)."""

    def __init__(self) -> None:
        pairs = {p: str(ns) for p, ns in _new_graph().namespaces() if p}
        self.pairs = sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self.used: set[tuple[str, str]] = set()

        self._done: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        done = self._done.get(iri)
        if done is not None:
            return done
        shown = _iri_text(iri)
        for prefix, ns in self.pairs:
            if iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri[len(ns) :]):
                self.used.add((prefix, ns))
                shown = f"{prefix}:{iri[len(ns) :]}"
                break
        self._done[iri] = shown
        return shown


def _term(t, prefixes: _Prefixes) -> str:
    """Turtle for one term: a prefixed name where the local part is a plain name, else <IRI>."""
    if isinstance(t, URIRef):
        return prefixes.iri(str(t))
    if isinstance(t, Literal):  # what Literal.n3() writes, without its many branches
        quoted = _quote(str(t))  # on one line: line breaks escaped
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
