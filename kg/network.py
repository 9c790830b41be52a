"""The graph as a network: entities and their relations for networkx (analysis, GraphML, GEXF).

:func:`entity_graph` turns the RDF graph into a :class:`networkx.MultiDiGraph` whose nodes are
the entities (IRIs) and whose edges are the relations between them, one edge per relation
(the ``relation`` attribute is also the edge key). :func:`co_mention_graph` links entities
that the same article mentions. Both are built from a handful of SPARQL queries over the
default (union) graph and are deterministic: nodes are added sorted by IRI, edges sorted
by (source, target, relation), so two builds of the same graph give the same network.

The helpers :func:`most_central`, :func:`components_summary` and :func:`shortest_path_between`
work on either network through its undirected simple view.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import networkx as nx
import pyoxigraph as ox

from kg.sparql import run_query, term_text

__all__ = [
    "ENTITY_KINDS",
    "CO_MENTION_KINDS",
    "RELATIONS",
    "Hop",
    "UnknownNode",
    "co_mention_graph",
    "components_summary",
    "entity_graph",
    "format_path",
    "most_central",
    "shortest_path_between",
]

ENTITY_KINDS = ("Person", "Organization", "Province", "District", "Resolution", "Event")
"""Node types of :func:`entity_graph`, in priority order (an IRI typed twice takes the first)."""

CO_MENTION_KINDS = ("Organization", "Resolution", "Person", "Province")
"""Node types of :func:`co_mention_graph` (districts and events would only add noise and pairs)."""

_VNKG = "https://w3id.org/vnkg/ontology#"
_ORG = "http://www.w3.org/ns/org#"
_DCTERMS = "http://purl.org/dc/terms/"

RELATIONS: dict[str, str] = {
    f"{_VNKG}issuedBy": "issued_by",
    f"{_VNKG}implements": "implements",
    f"{_ORG}subOrganizationOf": "sub_organization_of",
    f"{_VNKG}province": "province",
    f"{_VNKG}district": "district",
    f"{_VNKG}organizedBy": "organized_by",
    f"{_VNKG}chairedBy": "chaired_by",
    f"{_VNKG}successor": "successor",
}
"""Predicate IRI → edge ``relation`` between entities (``holds`` is collapsed from org:holds/org:postIn)."""

DOCUMENT_RELATIONS: dict[str, str] = {
    f"{_DCTERMS}creator": "creator",
    f"{_DCTERMS}publisher": "publisher",
    f"{_VNKG}mentions": "mentions",
}
"""Predicate IRI → edge ``relation`` from documents, with ``include_documents=True``."""


class UnknownNode(LookupError):
    """A label or IRI that names no node of the network."""


class Hop(NamedTuple):
    """One step of a path: from ``source`` to ``target`` (labels, in path order).

    ``forward`` tells whether the graph's edge points that way (``source relation target``)
    or the other way (``target relation source``); ``detail`` is the post of a ``holds`` edge.
    """

    source: str
    relation: str
    target: str
    forward: bool
    detail: str = ""

    def __str__(self) -> str:
        """``A —holds (post)→ B``, or ``A ←holds (post)— B`` against the edge's direction."""
        relation = f"{self.relation} ({self.detail})" if self.detail else self.relation
        arrow = f"—{relation}→" if self.forward else f"←{relation}—"
        return f"{self.source} {arrow} {self.target}"


# --------------------------------------------------------------------------- queries


def _select(store: ox.Store, sparql: str) -> list[list[ox.Term | None]]:
    return run_query(store, sparql).rows


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{iri}>" for iri in sorted(iris))


def _class_kinds(store: ox.Store, kinds: Iterable[str]) -> dict[str, str]:
    """Class IRI → kind, for the kinds and their subclasses (declared in any graph)."""
    kinds = list(kinds)
    out = {f"{_VNKG}{kind}": kind for kind in kinds}
    rows = _select(
        store,
        f"""SELECT DISTINCT ?sub ?type WHERE {{
              VALUES ?type {{ {_values(out)} }}
              {{ ?sub rdfs:subClassOf+ ?type }} UNION {{ GRAPH ?g {{ ?sub rdfs:subClassOf+ ?type }} }}
            }}""",
    )
    for sub, typ in sorted(rows, key=lambda r: (term_text(r[0]), kinds.index(out[term_text(r[1])]))):
        if isinstance(sub, ox.NamedNode):
            out.setdefault(sub.value, out[typ.value])
    return out


def _entity_kinds(store: ox.Store, kinds: Iterable[str]) -> dict[str, str]:
    """Entity IRI → kind (the first of ``kinds`` when an entity has several)."""
    kinds = list(kinds)
    classes = _class_kinds(store, kinds)
    rows = _select(store, f"SELECT ?e ?cls WHERE {{ VALUES ?cls {{ {_values(classes)} }} ?e a ?cls }}")
    out: dict[str, str] = {}
    for entity, cls in rows:
        if not isinstance(entity, ox.NamedNode):
            continue
        kind = classes[cls.value]
        known = out.get(entity.value)
        if known is None or kinds.index(kind) < kinds.index(known):
            out[entity.value] = kind
    return out


def _labels(store: ox.Store) -> dict[str, str]:
    """IRI → its rdfs:label, the @vi one when there is one (the smallest when several)."""
    best: dict[str, tuple[int, str]] = {}
    for subject, label in _select(store, "SELECT ?s ?label WHERE { ?s rdfs:label ?label }"):
        if not isinstance(subject, ox.NamedNode) or not isinstance(label, ox.Literal):
            continue
        rank = (0 if (label.language or "").lower().startswith("vi") else 1, label.value)
        if subject.value not in best or rank < best[subject.value]:
            best[subject.value] = rank
    return {iri: value for iri, (_, value) in best.items()}


def _mention_counts(store: ox.Store) -> dict[str, int]:
    rows = _select(store, "SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d vnkg:mentions ?e } GROUP BY ?e")
    return {e.value: int(n.value) for e, n in rows if isinstance(e, ox.NamedNode)}


def _literal_attributes(store: ox.Store) -> dict[str, dict[str, str]]:
    """IRI → {"symbol": …, "gso_code": …} (the smallest value when several)."""
    rows = _select(
        store,
        """SELECT ?e ?p ?v WHERE { VALUES ?p { vnkg:symbol vnkg:gsoCode } ?e ?p ?v }""",
    )
    names = {f"{_VNKG}symbol": "symbol", f"{_VNKG}gsoCode": "gso_code"}
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for entity, prop, value in rows:
        attrs = out[term_text(entity)]
        name = names[prop.value]
        if name not in attrs or value.value < attrs[name]:
            attrs[name] = value.value
    return out


def _documents(store: ox.Store) -> dict[str, dict[str, str | int]]:
    """Document IRI → node attributes (label = title, else file name)."""
    rows = _select(
        store,
        """SELECT ?d ?title ?file ?date WHERE {
             ?d a vnkg:Document .
             OPTIONAL { ?d dcterms:title ?title }
             OPTIONAL { ?d vnkg:sourceFile ?file }
             OPTIONAL { ?d dcterms:date ?date }
           }""",
    )
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for doc, title, file, date in rows:
        if not isinstance(doc, ox.NamedNode):
            continue
        entry = found[doc.value]
        for name, term in (("title", title), ("source_file", file), ("date", date)):
            if term is not None:
                entry[name].add(term.value)
    out: dict[str, dict[str, str | int]] = {}
    for iri, entry in found.items():
        attrs: dict[str, str | int] = {name: min(values) for name, values in sorted(entry.items()) if values}
        attrs["label"] = str(attrs.pop("title", None) or attrs.get("source_file") or iri.rsplit("/", 1)[-1])
        out[iri] = attrs
    return out


def _holds(store: ox.Store) -> dict[tuple[str, str], list[str]]:
    """(person, organisation) → the labels of the posts the person holds there."""
    rows = _select(
        store,
        """SELECT ?person ?org ?post ?label WHERE {
             ?person org:holds ?post . ?post org:postIn ?org .
             OPTIONAL { ?post rdfs:label ?label }
           }""",
    )
    posts: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for person, org, post, label in rows:
        text = label.value if isinstance(label, ox.Literal) else post.value
        seen = posts[(term_text(person), term_text(org))]
        if post.value not in seen or text < seen[post.value]:
            seen[post.value] = text
    return {pair: sorted(set(by_post.values())) for pair, by_post in posts.items()}


def _triples(store: ox.Store, predicates: Iterable[str]) -> list[tuple[str, str, str]]:
    rows = _select(store, f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {_values(predicates)} }} ?s ?p ?o }}")
    return [
        (s.value, p.value, o.value) for s, p, o in rows if isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)
    ]


def _entity_nodes(store: ox.Store, kinds: Iterable[str]) -> dict[str, dict[str, str | int]]:
    kinds_of = _entity_kinds(store, kinds)
    labels = _labels(store)
    mentions = _mention_counts(store)
    extra = _literal_attributes(store)
    nodes: dict[str, dict[str, str | int]] = {}
    for iri, kind in kinds_of.items():
        attrs: dict[str, str | int] = {
            "label": labels.get(iri) or iri.rsplit("/", 1)[-1],
            "type": kind,
            "mentions": mentions.get(iri, 0),
        }
        attrs.update(extra.get(iri, {}))
        nodes[iri] = attrs
    return nodes


# --------------------------------------------------------------------------- networks


def entity_graph(store: ox.Store, *, include_documents: bool = False) -> nx.MultiDiGraph:
    """Entities and the relations between them, as a directed multigraph.

    Nodes are entity IRIs (:data:`ENTITY_KINDS`, and ``Document`` with ``include_documents``)
    with ``label`` (rdfs:label @vi; a document's title), ``type``, ``mentions`` (the number
    of documents that mention it) and, when present, ``symbol`` and ``gso_code``; documents
    also carry ``source_file`` and ``date``. Edges carry ``relation`` (also the edge key):
    ``holds`` (person → organisation, from org:holds/org:postIn, with the post's label in
    ``post``; several posts in one body are joined with "; "), and the relations of
    :data:`RELATIONS` (plus :data:`DOCUMENT_RELATIONS` with ``include_documents``). Edges
    to anything that is not a node (a post, a literal, an unknown IRI) are left out.
    """
    nodes = _entity_nodes(store, ENTITY_KINDS)
    relations = dict(RELATIONS)
    if include_documents:
        for iri, attrs in _documents(store).items():
            nodes.setdefault(iri, {"type": "Document", "mentions": 0, **attrs})
        relations.update(DOCUMENT_RELATIONS)

    edges: dict[tuple[str, str, str], dict[str, str]] = {}
    for (person, org), posts in _holds(store).items():
        if person in nodes and org in nodes:
            edges[(person, org, "holds")] = {"relation": "holds", "post": "; ".join(posts)}
    for s, p, o in _triples(store, relations):
        if s in nodes and o in nodes:
            edges[(s, o, relations[p])] = {"relation": relations[p]}

    graph = nx.MultiDiGraph(name="vnkg entity graph")
    for iri in sorted(nodes):
        graph.add_node(iri, **{k: nodes[iri][k] for k in sorted(nodes[iri])})
    for (s, o, relation), attrs in sorted(edges.items()):
        graph.add_edge(s, o, key=relation, **attrs)
    return graph


def co_mention_graph(store: ox.Store, *, kinds: Iterable[str] = CO_MENTION_KINDS, min_weight: int = 1) -> nx.Graph:
    """Entities linked when one article mentions both; ``weight`` = the number of such articles.

    Only entities of ``kinds`` take part (default :data:`CO_MENTION_KINDS`), which keeps the
    pairs per article bounded; the pairs are counted in Python from the (document, entity)
    rows of one query. Edges lighter than ``min_weight`` are dropped (their nodes stay).
    Nodes carry ``label``, ``type`` and ``mentions`` as in :func:`entity_graph`.
    """
    nodes = _entity_nodes(store, kinds)
    by_doc: dict[str, set[str]] = defaultdict(set)
    for doc, entity in _select(store, "SELECT ?d ?e WHERE { ?d vnkg:mentions ?e }"):
        if isinstance(entity, ox.NamedNode) and entity.value in nodes:
            by_doc[term_text(doc)].add(entity.value)
    weights: Counter[tuple[str, str]] = Counter()
    for entities in by_doc.values():
        weights.update(itertools.combinations(sorted(entities), 2))

    graph = nx.Graph(name="vnkg co-mention graph")
    for iri in sorted(nodes):
        graph.add_node(iri, **{k: nodes[iri][k] for k in sorted(nodes[iri])})
    for (a, b), weight in sorted(weights.items()):
        if weight >= min_weight:
            graph.add_edge(a, b, weight=weight)
    return graph


# --------------------------------------------------------------------------- analysis


def _simple_undirected(graph: nx.Graph) -> nx.Graph:
    """The graph without direction or parallel edges (nodes and their attributes kept, in order)."""
    if not graph.is_directed() and not graph.is_multigraph():
        return graph
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return simple


def _label(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("label") or node)


def most_central(
    graph: nx.Graph, kind: str | None = "Organization", k: int = 10, *, measure: str = "degree"
) -> list[tuple[str, float]]:
    """The ``k`` most central nodes of type ``kind`` (all types with ``None``): ``(label, score)``.

    Centrality is computed over the whole network's undirected simple view (direction and
    parallel edges ignored), then filtered by type. ``measure="degree"`` (default) is degree
    centrality: distinct neighbours / (n − 1). ``measure="betweenness"`` is normalised
    betweenness centrality, exact up to 1,500 nodes and above that estimated from 256
    source nodes sampled with a fixed seed (so still deterministic; about 10 s on the
    7,600-node corpus graph with documents). Ties are broken by label, then IRI.
    """
    simple = _simple_undirected(graph)
    if measure == "degree":
        scores = nx.degree_centrality(simple)
    elif measure == "betweenness":
        n = simple.number_of_nodes()
        sample = None if n <= 1500 else 256
        scores = nx.betweenness_centrality(simple, k=sample, seed=0 if sample else None, normalized=True)
    else:
        raise ValueError(f"unknown measure {measure!r}: use 'degree' or 'betweenness'")
    chosen = [(node, score) for node, score in scores.items() if kind is None or graph.nodes[node].get("type") == kind]
    chosen.sort(key=lambda item: (-item[1], _label(graph, item[0]), item[0]))
    return [(_label(graph, node), score) for node, score in chosen[:k]]


def components_summary(graph: nx.Graph, *, top: int | None = 10, hubs: int = 3) -> list[dict]:
    """Connected components of the undirected view, largest first: one row (a dict) each.

    Row keys: ``component`` (1, 2, … by size), ``nodes``, ``edges``, ``types`` (node types
    with counts, "Organization 22, Resolution 8"), ``hubs`` (the ``hubs`` labels of highest
    degree, "; "-separated). With ``top``, the components past the first ``top`` are merged
    into one last row whose ``component`` reads "others (N)". Ready for ``pd.DataFrame``.
    """
    simple = _simple_undirected(graph)
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))

    def row(name: int | str, nodes: set[str]) -> dict:
        types = Counter(str(graph.nodes[n].get("type", "")) for n in nodes)
        ranked = sorted(simple.degree(nodes), key=lambda item: (-item[1], _label(graph, item[0]), item[0]))
        return {
            "component": name,
            "nodes": len(nodes),
            "edges": graph.subgraph(nodes).number_of_edges(),
            "types": ", ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda item: (-item[1], item[0]))),
            "hubs": "; ".join(_label(graph, n) for n, degree in ranked[:hubs] if degree > 0),
        }

    shown = components if top is None else components[:top]
    rows = [row(i, nodes) for i, nodes in enumerate(shown, start=1)]
    rest = components[len(shown) :]
    if rest:
        rows.append(row(f"others ({len(rest)})", set().union(*rest)))
    return rows


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _resolve(graph: nx.Graph, name: str) -> str:
    """A node from its IRI or its label (exact, else ignoring case and spacing).

    Several nodes with that label: the most mentioned one, then the smallest IRI.
    """
    if name in graph:
        return name
    for match in (lambda label: label == name, lambda label: _fold(label) == _fold(name)):
        found = [n for n, label in graph.nodes(data="label") if label is not None and match(str(label))]
        if found:
            return min(found, key=lambda n: (-int(graph.nodes[n].get("mentions", 0) or 0), n))
    raise UnknownNode(f"no node has the IRI or label {name!r}")


def _hop(graph: nx.Graph, u: str, v: str) -> Hop:
    for forward, (a, b) in ((True, (u, v)), (False, (v, u))):
        data = graph.get_edge_data(a, b)
        if not data:
            continue
        if graph.is_multigraph():
            key = sorted(data)[0]
            attrs = data[key]
        else:
            key, attrs = "", data
        relation = str(attrs.get("relation") or key or ("co_mention" if "weight" in attrs else "related"))
        detail = str(attrs.get("post") or attrs.get("weight") or "")
        return Hop(_label(graph, u), relation, _label(graph, v), forward, detail)
    raise AssertionError(f"no edge between {u} and {v}")  # pragma: no cover - the path came from the graph


def shortest_path_between(
    graph: nx.Graph, a: str, b: str, *, exclude: Iterable[str] = ("Document",)
) -> list[Hop] | None:
    """A shortest path from ``a`` to ``b`` (labels or IRIs), ignoring edge direction.

    People meet through the bodies they hold posts in, resolutions through their issuers,
    and so on. Nodes whose type is in ``exclude`` (documents, by default) are not used as
    stepping stones, so the path is made of relations rather than co-occurrence in an
    article. Returns the hops in path order (see :class:`Hop`), ``[]`` when ``a`` and ``b``
    are one node, ``None`` when no path exists; raises :class:`UnknownNode` for an unknown
    name. Among equally short paths the choice is deterministic (it follows node order).
    """
    source, target = _resolve(graph, a), _resolve(graph, b)
    skip = set(exclude)
    simple = _simple_undirected(graph)
    view = nx.subgraph_view(
        simple, filter_node=lambda n: n in (source, target) or graph.nodes[n].get("type") not in skip
    )
    try:
        nodes = nx.shortest_path(view, source, target)
    except nx.NetworkXNoPath:
        return None
    return [_hop(graph, u, v) for u, v in itertools.pairwise(nodes)]


def format_path(path: list[Hop] | None) -> str:
    """A path as one line: ``A —holds (post)→ B ←holds (post)— C`` (``no path`` for ``None``)."""
    if path is None:
        return "no path"
    if not path:
        return ""
    parts = [path[0].source]
    for hop in path:
        relation = f"{hop.relation} ({hop.detail})" if hop.detail else hop.relation
        parts.append(f"—{relation}→ {hop.target}" if hop.forward else f"←{relation}— {hop.target}")
    return " ".join(parts)
