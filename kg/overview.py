"""The page ``kg build`` draws, made from the resolved articles instead of the union graph.

:func:`kg.viz.overview_network` reads the page from a store holding the union of the article
graphs. A build does not need that store: every triple the page reads is one the article
renderer (:func:`kg.graph.article_turtle`) would write from the same records. This module
writes those triples, and only those: the drawn nodes' own statements, the labels of the posts
and districts they point at, and their first mentions for the evidence panel. It counts the
mentions from the records too. The page is the one :func:`kg.viz.overview_network` makes of the
built graph (a test compares them), without loading millions of triples first, and an
incremental build can make it again while reading only the articles whose sentences it shows.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable

import pyoxigraph as ox
from pyvis.network import Network
from rdflib import URIRef

from kg.graph import (
    _CLASS_TEXT,
    Describer,
    Statements,
    _place_entity,
    document_pairs,
    node_text,
    pointed_places,
    turtle_header,
)
from kg.records import ORGANIZATION, ResolvedArticle, ResolvedMention
from kg.resolve import clean_label
from kg.viz import (
    _OVERVIEW_EVIDENCE,
    DEFAULT_MAX_NODES,
    DOCUMENT,
    Evidence,
    NodeCounts,
    _URIs,
    build_network,
    rdflib_term,
)
from kg.vocab import VNKG

_CLASS = {kind: VNKG[text.split(":", 1)[1]] for kind, text in _CLASS_TEXT.items()}


def _iri(key: str) -> str:
    return node_text(key)[1:-1]


def _doc_key(ra: ResolvedArticle) -> str:
    return f"article/{ra.article.article_id}"


class UnionIndex:
    """What one pass over the articles finds of the union of their graphs: the typed nodes, the
    mention counts, and where each node's statements come from."""

    def __init__(self, articles: list[ResolvedArticle], describer: Describer) -> None:
        self.describer = describer
        entities = describer.entities
        names: dict[str, str] = {}  # mention text → label form (many mentions share a text)
        self.types: dict[str, str] = {}  # IRI → class IRI
        self.refers: dict[str, int] = defaultdict(int)
        self.in_doc: dict[str, int] = {}
        self.by_docs: dict[str, int] = defaultdict(int)
        self.doc_entities: dict[str, int] = {}
        self.described: dict[str, set[str]] = {}  # key → the names articles give it
        self.pointed: set[str] = set()  # place keys some described entity points at
        self.facts: dict[str, list[tuple[ResolvedArticle, str, str, dict]]] = defaultdict(list)  # subject key
        self.docs: dict[str, ResolvedArticle] = {}  # document key → article
        self.docs_of: dict[str, list[str]] = defaultdict(list)  # entity key → documents mentioning it
        for ra in articles:
            doc = _doc_key(ra)
            self.docs[doc] = ra
            doc_iri = _iri(doc)
            self.types[doc_iri] = str(DOCUMENT)
            keys = set()
            for rm in ra.mentions:
                key = rm.entity_key
                keys.add(key)
                self.refers[key] += 1
                alts = self.described.get(key)
                if alts is None:
                    alts = self.described[key] = set()
                raw = rm.mention.text
                name = names.get(raw)
                if name is None:
                    name = names[raw] = clean_label(raw) if raw.strip() else ""
                if name:
                    alts.add(name)
            self.in_doc[doc_iri] = len(ra.mentions)
            self.doc_entities[doc_iri] = len(keys)
            for key in keys:
                self.by_docs[key] += 1
                self.docs_of[key].append(doc)
            for subj, relation, obj, attrs in ra.facts:
                for key in (subj, obj):
                    if key:
                        self.described.setdefault(key, set())
                self.facts[subj or doc].append((ra, relation, obj, attrs))
        for key in self.described:
            ent = entities[key]
            self.types[_iri(key)] = str(_CLASS[ent.kind])
            self.pointed.update(pointed_places(ent))
        for key in self.pointed:
            self.types.setdefault(_iri(key), str(_CLASS[_place_entity(key).kind]))

    def counts(self, uris: _URIs) -> NodeCounts:
        def by_iri(counts: dict[str, int], keyed: bool) -> dict[URIRef, int]:
            return {uris[_iri(k) if keyed else k]: n for k, n in counts.items()}

        return NodeCounts(
            {uris[n]: uris[t] for n, t in self.types.items()},
            by_iri(self.refers, True),
            by_iri(self.in_doc, False),
            by_iri(self.by_docs, True),
            by_iri(self.doc_entities, False),
        )


def _statements(index: UnionIndex, describer: Describer, chosen: Iterable[str]) -> Statements:
    """The union graph's statements about the chosen nodes (by key), and the posts and the labels
    and provinces of the districts they point at (what :func:`kg.viz.overview_network` reads from a
    store). Chosen all but the documents, they are every statement of the article graphs that is
    not about a document or a mention (see :func:`shared_statements`)."""
    entities = describer.entities
    st = Statements()
    hop: set[str] = set()  # districts whose label and province the page reads
    for key in chosen:
        subject = node_text(key)
        ra = index.docs.get(key)
        if ra is not None:
            st.extend(subject, document_pairs(ra))
            for rm in ra.mentions:
                st.add(subject, "vnkg:mentions", node_text(rm.entity_key))
        alts = index.described.get(key)
        if alts is not None:
            ent = entities[key]
            st.extend(subject, describer.pairs(key))
            st.extend(subject, describer.other_names(key, alts))
            if ent.kind == ORGANIZATION and ent.attrs.get("district"):
                hop.add(ent.attrs["district"])
        if key in index.pointed:
            st.extend(subject, describer.place_pairs(key))
        for _ra, relation, obj, attrs in index.facts.get(key, ()):
            describer.fact(st, subject, relation, obj, attrs)
    for key in hop:
        pairs = []
        if key in index.described:
            pairs += describer.pairs(key)
        if key in index.pointed:
            pairs += describer.place_pairs(key)
        st.extend(node_text(key), [p for p in pairs if p.startswith(("rdfs:label ", "vnkg:province "))])
    return st


def shared_statements(index: UnionIndex) -> Statements:
    """Every statement of the union of the article graphs that is not about one article's
    document or mentions: the entities, their other names, the places they point at, the facts
    between them, and the posts."""
    chosen = [*index.described, *sorted(index.pointed - index.described.keys())]
    return _statements(index, index.describer, chosen)


def own_triples(ra: ResolvedArticle) -> int:
    """The triples of an article's graph about its document and its mentions (no other graph
    has them): :func:`kg.graph.article_turtle` writes these and the shared statements."""
    art = ra.article
    n = 4 + bool(art.title) + (art.date is not None) + bool(ra.province_key)  # a, file, hash, entityCount
    n += len({rm.entity_key for rm in ra.mentions}) + 7 * len(ra.mentions)
    own = set()
    for subj, relation, obj, attrs in ra.facts:
        if subj == "":
            own.add((relation, obj, attrs.get("title") if relation == "holds" else None))
    return n + len(own)


def _triples(turtle: str, uris: _URIs):
    from kg.graph import TripleIndex

    term = functools.partial(rdflib_term, uris=uris)
    parsed = ox.parse(turtle.encode("utf-8"), ox.RdfFormat.TURTLE)
    return TripleIndex((term(q.subject), term(q.predicate), term(q.object)) for q in parsed)


def _in_node_order(ra: ResolvedArticle) -> list[ResolvedMention]:
    """An article's mentions in offset order, then in the order of their node IRIs (numbered as
    the renderer numbers them): the order the store sorts them in. The IRIs of one article
    share everything before "start-end", so that part alone orders them."""
    spans: dict[tuple[int, int], int] = {}
    keyed = []
    for rm in ra.mentions:
        m = rm.mention
        n = spans[(m.start, m.end)] = spans.get((m.start, m.end), 0) + 1
        keyed.append(((m.start, f"{m.start}-{m.end}" + (f"-{n}" if n > 1 else "")), rm))
    keyed.sort(key=lambda pair: pair[0])
    return [rm for _, rm in keyed]


def _evidence(
    index: UnionIndex, entities: set[str], limit: int | None, text_of: Callable[[ResolvedArticle], str]
) -> dict[URIRef, list[Evidence]]:
    """Each entity's mentions as page evidence: all of them, or (``limit``) the first ones in
    article and offset order, as the store gives them to :func:`kg.viz._first_evidence`. Only
    the articles naming the entities are visited, and with a limit only as far as it takes."""
    doc_iris = {doc: _iri(doc) for doc in index.docs}
    doc_rank = {doc: i for i, doc in enumerate(sorted(doc_iris, key=doc_iris.__getitem__))}
    by_doc: dict[str, dict[str, list[ResolvedMention]]] = {}  # document → entity → its mentions, in order
    texts: dict[str, str] = {}
    found: dict[str, set[Evidence]] = defaultdict(set)
    for key in entities:
        need = limit
        for doc in sorted(index.docs_of.get(key, ()), key=doc_rank.__getitem__):
            ra = index.docs[doc]
            mentions = by_doc.get(doc)
            if mentions is None:
                mentions = by_doc[doc] = defaultdict(list)
                for rm in _in_node_order(ra):
                    mentions[rm.entity_key].append(rm)
            text = texts.get(doc)
            if text is None:
                text = texts[doc] = text_of(ra)
            document = URIRef(doc_iris[doc])
            for rm in mentions.get(key, ()):
                m = rm.mention
                shown = " ".join(m.text.split())
                sentence = text[m.sentence_start : m.sentence_end] or shown
                if sentence.strip():
                    found[key].add(Evidence(document, sentence, shown, m.start))
                if need is not None:
                    need -= 1
                    if need == 0:
                        break
            if need == 0:
                break
    return {
        URIRef(_iri(key)): sorted(items, key=lambda e: (str(e.document), e.start, e.text, e.sentence))
        for key, items in found.items()
    }


def page_network(
    index: UnionIndex,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    text_of: Callable[[ResolvedArticle], str] | None = None,
) -> Network:
    """The page of the graph the articles make (the one :func:`kg.viz.overview_network` makes of
    it), from the records. ``text_of`` gives an article's text when its sentences are shown
    (default: the text the record holds)."""
    describer = index.describer
    uris = _URIs()
    counts = index.counts(uris)
    keys = {_iri(k): k for k in (*index.docs, *index.described, *index.pointed)}
    big = len(counts.types) > max_nodes
    if big:

        def score(n: URIRef) -> int:  # as GraphView.score
            t = counts.types[n]
            return counts.mentions_of(n, t) or counts.documents_of(n, t)

        chosen = [keys[str(n)] for n in sorted(counts.types, key=lambda n: (-score(n), str(n)))[:max_nodes]]
    else:
        chosen = list(keys.values())
    turtle = turtle_header() + _statements(index, describer, chosen).text()
    graph = _triples(turtle, uris)
    drawn_entities = {k for k in chosen if k not in index.docs}
    evidence = _evidence(
        index, drawn_entities, _OVERVIEW_EVIDENCE if big else None, text_of or (lambda ra: ra.article.text)
    )
    return build_network(
        graph,
        max_nodes=max_nodes,
        counts=counts,
        only={uris[_iri(k)] for k in chosen} if big else None,
        evidence=evidence,
    )
