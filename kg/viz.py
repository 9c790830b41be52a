"""Interactive, offline HTML view of the knowledge graph (pyvis / vis-network).

``write_html(graph, path)`` draws the entities (people, organisations, provinces,
districts, resolutions, events) and the articles (documents) of an RDF graph as
one self-contained HTML page that opens from disk without a network connection.
Hovering a node shows its type, other names and up to five sentences that mention
it; clicking opens a side panel with all of them (up to ``MAX_EVIDENCE``), the
article each comes from, and the node's relations. The page has plain HTML
controls: a search box (ignoring case and Vietnamese diacritics), a checkbox per
type (the "Document" one hides the articles), a province filter and a reset
button. ``select_nodes`` narrows a big graph to one entity's neighbourhood
(``focus``, ``hops``) and to the most-mentioned nodes (``max_nodes``); ``kg viz``
is its command line.

Why not ``pyvis.Network.write_html``: pyvis 0.3.2 always emits Bootstrap 5 from
cdn.jsdelivr.net, its default ``cdn_resources="local"`` mode pulls vis-network
from cdnjs and ``lib/…`` files next to the page, and its ``"in_line"`` mode still
keeps Bootstrap on the CDN. Its template also switches to an ``innerHTML`` popup
as soon as a node title contains the text "href", which would run markup taken
from article text. So pyvis is used to build the node and edge lists, and the
page is rendered here: the vis-network 9.1.2 JS and CSS shipped inside the pyvis
package are inlined, and no Bootstrap, tom-select or remote reference is left.

Safety: labels, titles and sentences come from article text and are data, never
markup. They travel in a ``<script type="application/json">`` block whose ``<``,
``>`` and ``&`` are written ``\\u003c``… (so nothing can close the element), the
page's own script builds every tooltip and panel with ``createElement`` and
``textContent`` (never ``innerHTML``), vis-network 9.x draws labels on a canvas
and shows edge tooltips with ``innerText``, and the page title is HTML-escaped.
A Content-Security-Policy allows only the page's two scripts (by hash), inline
styles and ``data:`` images: no request can leave the page, and a script that got
into the page some other way would not run.

Determinism: nodes and edges are sorted, JSON keys are sorted, nothing random
or time-dependent is written, and the layout uses a fixed ``randomSeed``; the
same graph gives a byte-identical file.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import json
import math
import os
import re
import unicodedata
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyvis
from pyvis.network import Network
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.store import atomic_write

VNKG = Namespace("https://w3id.org/vnkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace("https://w3id.org/vnkg/id/")

VIS_VERSION = "9.1.2"
LAYOUT_SEED = 20240601
MAX_LABEL_CHARS = 48
MAX_ALT_LABELS = 12
MAX_EVIDENCE = 50  # sentences per node kept in the page (side panel)
TOOLTIP_EVIDENCE = 5  # sentences per node in the hover tooltip
MAX_SENTENCE_CHARS = 360  # longer sentences are cut to a window around the mention
DEFAULT_HOPS = 2
DEFAULT_MAX_NODES = 1500
BIG_GRAPH = 1000  # above this many nodes: cheaper physics, no improvedLayout
DEFAULT_TITLE = "kg — đồ thị tri thức / knowledge graph"

# Graphs of the build that are not what the articles say (see kg.graph).
SKIPPED_GRAPHS = (ID["graph/reference"], ID["graph/summary"], ID["graph/ontology"])


@dataclass(frozen=True)
class NodeStyle:
    name: str  # legend / tooltip text
    color: str
    shape: str  # vis-network shape (label drawn below, so ``size`` applies)
    glyph: str  # the shape as a character, for the HTML legend


# Order matters: a node with several of these types is drawn as the first one.
STYLES: dict[URIRef, NodeStyle] = {
    VNKG.Person: NodeStyle("Người / Person", "#e15759", "dot", "\u25cf"),
    VNKG.Organization: NodeStyle("Tổ chức / Organization", "#4e79a7", "square", "\u25a0"),
    VNKG.Province: NodeStyle("Tỉnh, thành / Province", "#59a14f", "hexagon", "\u2b22"),
    VNKG.District: NodeStyle("Quận, huyện / District", "#76b7b2", "triangle", "\u25b2"),
    VNKG.Resolution: NodeStyle("Văn bản / Resolution", "#f28e2b", "diamond", "\u25c6"),
    VNKG.Event: NodeStyle("Sự kiện / Event", "#b07aa1", "star", "\u2605"),
    VNKG.Document: NodeStyle("Bài báo / Document", "#9c9c9c", "triangleDown", "\u25bc"),
}

# Relations drawn as edges, subject → object, with their label.
EDGE_LABELS: dict[URIRef, str] = {
    VNKG.issuedBy: "ban hành bởi / issued by",
    VNKG.implements: "thực hiện / implements",
    ORG.subOrganizationOf: "thuộc / part of",
    VNKG.province: "ở tỉnh / in province",
    VNKG.district: "ở huyện / in district",
    VNKG.organizedBy: "tổ chức bởi / organized by",
    VNKG.chairedBy: "chủ trì / chaired by",
    DCTERMS.creator: "tác giả / creator",
    DCTERMS.publisher: "nguồn / publisher",
    VNKG.successor: "sáp nhập vào / successor",
}
DOCUMENT = VNKG.Document  # (an rdflib Namespace makes a new term at each attribute access)
HOLDS_LABEL = "giữ chức / holds post"
MENTIONS_LABEL = "nhắc đến"
MENTIONS_TITLE = "nhắc đến / mentions"

EDGE_COLOR = "#7a7a7a"
MENTION_COLOR = "#cfcfcf"


def type_key(cls: URIRef) -> str:
    """``vnkg:Person`` → ``"Person"`` (the key the page uses for a type)."""
    return _local_name(cls)


# --------------------------------------------------------------------------- text


def fold(text: str) -> str:
    """Matching key: no case, no Vietnamese diacritics (``đ`` → ``d``), single spaces.

    The page's search box folds the same way, so "lang son" finds "Lạng Sơn".
    """
    decomposed = unicodedata.normalize("NFD", str(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.replace("đ", "d").replace("Đ", "D").casefold().split())


def _label_key(lit: Literal) -> tuple[int, str]:
    lang = (lit.language or "").lower()
    rank = 0 if lang == "vi" or lang.startswith("vi-") else 1 if not lang else 2
    return rank, str(lit)


def _best_literal(graph: Graph, node: URIRef, *predicates: URIRef) -> str | None:
    """The first predicate's best value: @vi first, then untagged, then others."""
    for pred in predicates:
        values = [o for o in graph.objects(node, pred) if isinstance(o, Literal) and str(o).strip()]
        if values:
            return " ".join(str(min(values, key=_label_key)).split())
    return None


def _local_name(node: URIRef) -> str:
    text = str(node).rstrip("/#")
    return text[max(text.rfind("#"), text.rfind("/")) + 1 :] or str(node)


def _shorten(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _window(sentence: str, mention: str, limit: int = MAX_SENTENCE_CHARS) -> str:
    """The sentence, or a window of it around the mention when it is long."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= limit:
        return sentence
    at = sentence.find(mention) if mention else -1
    if at < 0:
        return sentence[: limit - 1].rstrip() + "\u2026"
    room = max(limit - len(mention), 0)
    start = max(0, min(at - room // 2, len(sentence) - limit))
    end = min(len(sentence), max(start + limit, at + len(mention)))
    return ("\u2026" if start > 0 else "") + sentence[start:end] + ("\u2026" if end < len(sentence) else "")


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


# --------------------------------------------------------------------------- graph → nodes, edges, evidence


def _node_types(graph: Graph) -> dict[URIRef, URIRef]:
    """Drawn node → its type (first of STYLES); Mention nodes are left out."""
    found: dict[URIRef, set[URIRef]] = defaultdict(set)
    for cls in [*STYLES, VNKG.Mention]:
        for node in graph.subjects(RDF.type, cls):
            if isinstance(node, URIRef):
                found[node].add(cls)
    return _drawn_types(found)


def _drawn_types(found: dict[URIRef, set[URIRef]]) -> dict[URIRef, URIRef]:
    """Node → its type (the first of STYLES it has), from each node's classes; Mention nodes
    and nodes of no drawn class are left out."""
    return {
        node: next(cls for cls in STYLES if cls in classes)
        for node, classes in found.items()
        if VNKG.Mention not in classes and any(cls in classes for cls in STYLES)
    }


def _edges(graph: Graph, drawn: dict[URIRef, URIRef]) -> list[tuple[str, str, str, str]]:
    """Sorted (from, to, kind, label) between drawn nodes; kind: 'rel' or 'mentions'."""
    labels: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for pred, label in EDGE_LABELS.items():
        for s, o in graph.subject_objects(pred):
            if s in drawn and o in drawn and s != o:
                labels[(str(s), str(o), "rel")].add(label)
    # org:holds + org:postIn → one edge person → organisation, labelled with the post.
    for person, post in graph.subject_objects(ORG.holds):
        if person not in drawn:
            continue
        post_label = _best_literal(graph, post, RDFS.label) or HOLDS_LABEL
        for org in graph.objects(post, ORG.postIn):
            if org in drawn and org != person:
                labels[(str(person), str(org), "rel")].add(post_label)
    for doc, entity in graph.subject_objects(VNKG.mentions):
        if doc in drawn and entity in drawn and doc != entity and (str(doc), str(entity), "rel") not in labels:
            labels[(str(doc), str(entity), "mentions")].add(MENTIONS_LABEL)
    return sorted((src, dst, kind, "; ".join(sorted(texts))) for (src, dst, kind), texts in labels.items())


@dataclass(frozen=True)
class Evidence:
    document: URIRef | None
    sentence: str
    text: str
    start: int


def _evidence(graph: Graph) -> dict[URIRef, list[Evidence]]:
    """Entity → its vnkg:Mention evidence, in (article, offset) order, duplicates removed."""
    fields: dict[URIRef, dict[URIRef, object]] = defaultdict(dict)
    for pred in (VNKG.refersTo, VNKG.inDocument, VNKG.sentence, VNKG.text, VNKG.start):
        for m, value in graph.subject_objects(pred):
            current = fields[m].get(pred)
            if current is None or str(value) < str(current):  # one value each, the same whatever the order
                fields[m][pred] = value
    out: dict[URIRef, set[Evidence]] = defaultdict(set)
    for values in fields.values():
        entity = values.get(VNKG.refersTo)
        if not isinstance(entity, URIRef):
            continue
        doc = values.get(VNKG.inDocument)
        text = " ".join(str(values.get(VNKG.text) or "").split())
        sentence = str(values.get(VNKG.sentence) or text)
        if not sentence.strip():
            continue
        out[entity].add(
            Evidence(doc if isinstance(doc, URIRef) else None, sentence, text, _int(values.get(VNKG.start, 0)))
        )
    return {
        entity: sorted(items, key=lambda e: (str(e.document or ""), e.start, e.text, e.sentence))
        for entity, items in out.items()
    }


def _count(pairs: Iterable[tuple[object, object]]) -> dict[URIRef, int]:
    seen: dict[URIRef, set] = defaultdict(set)
    for key, value in pairs:
        if isinstance(key, URIRef):
            seen[key].add(value)
    return {key: len(values) for key, values in seen.items()}


@dataclass
class NodeCounts:
    """The typed nodes of a graph and how often each is mentioned."""

    types: dict[URIRef, URIRef]  # node → its drawn type
    refers: dict[URIRef, int]  # entity → vnkg:Mention nodes referring to it
    in_doc: dict[URIRef, int]  # document → vnkg:Mention nodes in it
    by_docs: dict[URIRef, int]  # entity → documents mentioning it
    doc_entities: dict[URIRef, int]  # document → entities it mentions

    def mentions_of(self, node: URIRef, t: URIRef) -> int:
        """Mention nodes referring to an entity, or in a document."""
        return (self.in_doc if t == DOCUMENT else self.refers).get(node, 0)

    def documents_of(self, node: URIRef, t: URIRef) -> int:
        """Documents mentioning an entity, or entities a document mentions."""
        return (self.doc_entities if t == DOCUMENT else self.by_docs).get(node, 0)


@dataclass
class GraphView:
    """What the page needs from the RDF graph, read once."""

    graph: Graph
    types: dict[URIRef, URIRef]
    edges: list[tuple[str, str, str, str]]
    mentions: dict[URIRef, int]  # entity → vnkg:Mention nodes referring to it; document → mentions in it
    documents: dict[URIRef, int]  # entity → articles mentioning it; document → entities it mentions
    labels: dict[URIRef, str] = field(default_factory=dict)

    total: int | None = None  # typed nodes of the whole graph, when ``graph`` holds only a part of it
    evidence: dict[URIRef, list[Evidence]] | None = None  # read elsewhere, when ``graph`` has no mentions

    @classmethod
    def of(cls, graph: Graph, counts: NodeCounts | None = None) -> GraphView:
        """What the page needs from ``graph``; ``counts``, when given, replaces what would be
        counted in ``graph`` (for a part of a larger graph, see :func:`overview_network`)."""
        types = _node_types(graph)
        if counts is None:
            refers = _count((e, m) for m, e in graph.subject_objects(VNKG.refersTo))
            in_doc = _count((d, m) for m, d in graph.subject_objects(VNKG.inDocument))
            by_docs = _count((e, d) for d, e in graph.subject_objects(VNKG.mentions))
            doc_entities = _count(graph.subject_objects(VNKG.mentions))
            counts = NodeCounts(types, refers, in_doc, by_docs, doc_entities)
        mentions = {n: counts.mentions_of(n, t) for n, t in types.items()}
        documents = {n: counts.documents_of(n, t) for n, t in types.items()}
        view = cls(graph, types, _edges(graph, types), mentions, documents)
        if counts.types is not types:
            view.total = len(counts.types)
        for node, t in types.items():
            preds = (DCTERMS.title, VNKG.sourceFile, RDFS.label) if t == DOCUMENT else (RDFS.label,)
            view.labels[node] = _best_literal(graph, node, *preds) or _local_name(node)
        return view

    def score(self, node: URIRef) -> int:
        """How often a node is mentioned (for sizes and --max-nodes)."""
        return self.mentions.get(node, 0) or self.documents.get(node, 0)

    def names(self, node: URIRef) -> list[str]:
        alts = {" ".join(str(a).split()) for a in self.graph.objects(node, SKOS.altLabel)}
        return [self.labels[node], *sorted(alts - {self.labels[node], ""})]


# --------------------------------------------------------------------------- selection (focus, hops, max nodes)


class FocusError(LookupError):
    """The focus names no node of the graph."""


@dataclass(frozen=True)
class Selection:
    nodes: dict[URIRef, URIRef]  # node → type, the nodes to draw
    total: int  # nodes before --max-nodes
    focus: URIRef | None = None
    hops: int = DEFAULT_HOPS
    max_nodes: int | None = None
    documents: bool = True

    @property
    def truncated(self) -> bool:
        return len(self.nodes) < self.total


def find_node(view: GraphView, name: str, *, documents: bool = True) -> URIRef:
    """A node from its IRI (bare or ``<…>``) or a name (label or other name, ignoring case and diacritics).

    Several nodes with that name: the most mentioned, then the smallest IRI. Raises
    :class:`FocusError` with the close matches when nothing has that name.
    """
    text = name.strip()
    iri = text[1:-1] if text.startswith("<") and text.endswith(">") else text
    candidates = {n: t for n, t in view.types.items() if documents or t != DOCUMENT}
    by_iri = {str(n): n for n in view.types}
    if iri in by_iri:
        if by_iri[iri] in candidates:
            return by_iri[iri]
        raise FocusError(f"{name!r} is an article, and --no-documents leaves the articles out")
    key = fold(text)
    if not key:
        raise FocusError("the focus is empty: give an entity's IRI or name")

    def best(nodes: Iterable[URIRef]) -> URIRef | None:
        found = sorted(nodes, key=lambda n: (-view.score(n), str(n)))
        return found[0] if found else None

    for exact in (
        (n for n in candidates if view.labels[n] == text),
        (n for n in candidates if fold(view.labels[n]) == key),
        (n for n in candidates if any(fold(a) == key for a in view.names(n))),
    ):
        hit = best(exact)
        if hit is not None:
            return hit
    by_name: dict[str, set[str]] = defaultdict(set)
    for n in candidates:
        for a in view.names(n):
            by_name[fold(a)].add(view.labels[n])
    close = [label for k in sorted(by_name, key=lambda k: (len(k), k)) if key in k for label in sorted(by_name[k])]
    close += [label for k in difflib.get_close_matches(key, sorted(by_name), n=8, cutoff=0.6) for label in by_name[k]]
    close = list(dict.fromkeys(close))[:8]
    hint = f"; close matches: {'; '.join(close)}" if close else "; no close match"
    raise FocusError(f"no node has the IRI or name {name!r}{hint}")


def _distances(view: GraphView, nodes: dict[URIRef, URIRef], start: URIRef, hops: int) -> dict[URIRef, int]:
    adjacent: dict[str, set[str]] = defaultdict(set)
    for src, dst, _kind, _label in view.edges:
        adjacent[src].add(dst)
        adjacent[dst].add(src)
    keep = {str(n) for n in nodes}
    dist = {str(start): 0}
    queue = deque([str(start)])
    while queue:
        node = queue.popleft()
        if dist[node] >= hops:
            continue
        for other in sorted(adjacent[node]):
            if other in keep and other not in dist:
                dist[other] = dist[node] + 1
                queue.append(other)
    return {URIRef(n): d for n, d in dist.items()}


def select_nodes(
    view: GraphView,
    *,
    focus: str | None = None,
    hops: int = DEFAULT_HOPS,
    max_nodes: int | None = None,
    documents: bool = True,
) -> Selection:
    """The nodes to draw: all typed nodes, or ``focus`` and its neighbourhood within ``hops``
    (ignoring edge direction), without the articles unless ``documents``; then, when there are
    more than ``max_nodes``, the most-mentioned ones (with a focus, nearer rings first)."""
    nodes = {n: t for n, t in view.types.items() if documents or t != DOCUMENT}
    center = None
    dist: dict[URIRef, int] = {}
    if focus is not None:
        center = find_node(view, focus, documents=documents)
        dist = _distances(view, nodes, center, max(hops, 0))
        nodes = {n: t for n, t in nodes.items() if n in dist}
    total = len(nodes) if view.total is None or focus is not None else view.total
    if max_nodes is not None and len(nodes) > max_nodes:
        ranked = sorted(nodes, key=lambda n: (dist.get(n, 0), -view.score(n), str(n)))
        nodes = {n: nodes[n] for n in ranked[: max(max_nodes, 1)]}
    return Selection(nodes, total, center, hops, max_nodes, documents)


# --------------------------------------------------------------------------- pyvis network + page data


def _node_size(mentions: int, is_document: bool) -> float:
    if is_document:
        return 9.0
    return round(min(10.0 + 5.0 * math.sqrt(mentions), 45.0), 2)


def _page_data(view: GraphView, sel: Selection, edges: list[tuple[str, str, str, str]]) -> dict:
    """Everything but the vis nodes and edges: per-node info, evidence, tables, meta."""
    graph, drawn = view.graph, sel.nodes
    evidence = view.evidence
    if evidence is None:
        evidence = _evidence(graph) if any(t != DOCUMENT for t in drawn.values()) else {}
    sentences: dict[str, int] = {}
    docs_used: set[URIRef] = {n for n, t in drawn.items() if t == DOCUMENT}
    kept: dict[URIRef, list[tuple[str, URIRef | None, str]]] = {}
    totals: dict[URIRef, int] = {}
    for node, t in drawn.items():
        if t == DOCUMENT:
            continue
        items = list(dict.fromkeys((_window(e.sentence, e.text), e.document, e.text) for e in evidence.get(node, [])))
        totals[node] = len(items)
        kept[node] = items[:MAX_EVIDENCE]
        docs_used.update(d for _s, d, _t in kept[node] if d is not None)
    doc_order = sorted(docs_used, key=lambda d: (_best_literal(graph, d, VNKG.sourceFile) or "", str(d)))
    doc_index = {d: i for i, d in enumerate(doc_order)}
    docs = [
        {
            "id": str(d),
            "title": _best_literal(graph, d, DCTERMS.title) or "",
            "file": _best_literal(graph, d, VNKG.sourceFile) or "",
            "date": _best_literal(graph, d, DCTERMS.date, DCTERMS.issued) or "",
        }
        for d in doc_order
    ]
    for node in sorted(kept, key=str):
        for sentence, _d, _t in kept[node]:
            sentences.setdefault(sentence, len(sentences))

    provinces_drawn = {n for n, t in drawn.items() if t == VNKG.Province}
    info: dict[str, dict] = {}
    for node, t in drawn.items():
        names = view.names(node)
        entry: dict[str, object] = {"t": type_key(t), "name": names[0], "m": view.mentions.get(node, 0)}
        entry["d"] = view.documents.get(node, 0)
        if len(names) > 1:
            entry["alt"] = names[1 : MAX_ALT_LABELS + 1]
            if len(names) - 1 > MAX_ALT_LABELS:
                entry["altMore"] = len(names) - 1 - MAX_ALT_LABELS
        places = set(graph.objects(node, VNKG.province))
        for district in graph.objects(node, VNKG.district):
            places.update(graph.objects(district, VNKG.province))
        if t == VNKG.Province:
            places.add(node)
        places &= provinces_drawn
        if places:
            entry["p"] = sorted(str(p) for p in places)
        if t == DOCUMENT:
            entry["doc"] = doc_index[node]
        else:
            entry["ev"] = [
                [sentences[s], doc_index[d] if d is not None else -1, text] for s, d, text in kept.get(node, [])
            ]
            entry["evn"] = totals.get(node, 0)
        info[str(node)] = entry
    types = [
        {
            "key": type_key(cls),
            "name": style.name,
            "color": style.color,
            "glyph": style.glyph,
            "count": sum(1 for t in drawn.values() if t == cls),
        }
        for cls, style in STYLES.items()
    ]
    focus = {"id": str(sel.focus), "label": view.labels[sel.focus]} if sel.focus is not None else None
    return {
        "meta": {
            "shown": len(drawn),
            "total": sel.total,
            "truncated": sel.truncated,
            "maxNodes": sel.max_nodes,
            "focus": focus,
            "hops": sel.hops if sel.focus is not None else None,
            "documents": sel.documents,
            "edges": len(edges),
            "tooltipEvidence": TOOLTIP_EVIDENCE,
        },
        "types": types,
        "info": info,
        "sentences": list(sentences),
        "docs": docs,
        "provinces": [
            [str(p), view.labels[p]] for p in sorted(provinces_drawn, key=lambda p: (fold(view.labels[p]), str(p)))
        ],
    }


def build_network(
    graph: Graph,
    *,
    focus: str | None = None,
    hops: int = DEFAULT_HOPS,
    max_nodes: int | None = None,
    documents: bool = True,
    counts: NodeCounts | None = None,
    only: set[URIRef] | None = None,
    evidence: dict[URIRef, list[Evidence]] | None = None,
) -> Network:
    """The pyvis network of ``graph`` (options are set by ``render_html``).

    The page's extra data (evidence, names, provinces, what was left out) rides along as
    ``net.kg_page``. Raises :class:`FocusError` when ``focus`` names no node. ``counts`` and
    ``only``: ``graph`` is a part of a larger graph with those counts, and ``only`` its nodes
    to draw (see :func:`overview_network`).
    """
    view = GraphView.of(graph, counts)
    view.evidence = evidence
    if only is not None:
        view.types = {n: t for n, t in view.types.items() if n in only}
    sel = select_nodes(view, focus=focus, hops=hops, max_nodes=max_nodes, documents=documents)
    drawn = sel.nodes
    net = Network(directed=True, cdn_resources="in_line")
    for node in sorted(drawn, key=str):
        cls = drawn[node]
        style = STYLES[cls]
        is_doc = cls == DOCUMENT
        net.add_node(
            str(node),
            label=_shorten(view.labels[node], 40 if is_doc else MAX_LABEL_CHARS),
            shape=style.shape,
            color=style.color,
            size=_node_size(view.score(node), is_doc),
            **({"font": {"color": "#777777", "size": 12}} if is_doc else {}),
        )
    keep = {str(n) for n in drawn}
    edges = [e for e in view.edges if e[0] in keep and e[1] in keep]
    for i, (src, dst, kind, label) in enumerate(edges):
        edge: dict[str, object] = {"id": f"e{i}", "from": src, "to": dst, "kind": kind}
        if kind == "mentions":
            edge.update(
                label=MENTIONS_LABEL,
                title=MENTIONS_TITLE,
                color=MENTION_COLOR,
                width=0.5,
                dashes=True,
                font={"size": 8, "color": "#a0a0a0", "strokeWidth": 2},
            )
        else:
            edge.update(label=_shorten(label), title=label, color=EDGE_COLOR, width=1.5, arrows="to")
        net.edges.append(edge)
    net.kg_page = _page_data(view, sel, edges)
    return net


# --------------------------------------------------------------------------- page


def _options(n_nodes: int) -> dict:
    big = n_nodes > BIG_GRAPH
    if big:
        physics = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.3,
                "springLength": 110,
                "springConstant": 0.04,
                "damping": 0.2,
                "avoidOverlap": 0,
                "theta": 0.8,
            },
            "minVelocity": 2.0,
            "timestep": 0.6,
            # ~70 ms an iteration at 3000 nodes in headless Chromium: fewer iterations the bigger the graph
            "stabilization": {
                "enabled": True,
                "iterations": max(80, min(200, 300_000 // n_nodes)),
                "updateInterval": 10,
                "fit": True,
            },
        }
    else:
        physics = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -140,
                "centralGravity": 0.02,
                "springLength": 150,
                "springConstant": 0.06,
                "avoidOverlap": 0.8,
            },
            "minVelocity": 0.75,
            "stabilization": {"enabled": True, "iterations": 1000, "updateInterval": 25, "fit": True},
        }
    return {
        "autoResize": True,
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": not big},
        "nodes": {
            "font": {"size": 16, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
        },
        "edges": {
            "font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 3},
            "arrows": {"to": {"scaleFactor": 0.5}},
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.5},
            "selectionWidth": 2,
        },
        "physics": physics,
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
    }


def _script_json(value: object) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _vis_dir() -> Path:
    root = Path(pyvis.__file__).parent
    for cand in (
        root / "lib" / f"vis-{VIS_VERSION}",
        root / "templates" / "lib" / f"vis-{VIS_VERSION}",
    ):
        if (cand / "vis-network.min.js").is_file():
            return cand
    raise FileNotFoundError(f"vis-network {VIS_VERSION} not found in the pyvis package at {root}")


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(js, css) of vis-network as shipped by pyvis, checked safe to inline."""
    folder = _vis_dir()
    # Bytes as shipped, CRLF line ends made LF. No other line splitting: the
    # minified code has U+0085 and U+2028 inside string literals.
    js = (folder / "vis-network.min.js").read_bytes().decode("utf-8").replace("\r\n", "\n")
    css = (folder / "vis-network.css").read_bytes().decode("utf-8").replace("\r\n", "\n")
    # Drop the source-map comment: the .map file is not shipped, nothing to fetch.
    js = re.sub(r"\n//# sourceMappingURL=[^\n]*\s*\Z", "\n", js)
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*\Z", "", css)
    if "\r" in js or "\r" in css:
        # HTML turns a lone CR into LF, which would change the code.
        raise ValueError("vis-network assets contain a bare carriage return")
    if "</script" in js.lower() or "<!--" in js:
        raise ValueError("vis-network.min.js cannot be inlined: it contains '</script' or '<!--'")
    if "</style" in css.lower():
        raise ValueError("vis-network.css cannot be inlined: it contains '</style'")
    return js, css


PAGE_CSS = """
html, body { margin: 0; padding: 0; height: 100%; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans",
             "DejaVu Sans", sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px 4px; border-bottom: 1px solid #ddd; background: #fafafa;
         display: flex; flex-direction: column; gap: 5px; }
.kg-row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 14px; }
header h1 { font-size: 17px; margin: 0; font-weight: 600; }
.kg-stats, .kg-progress, .kg-count { font-size: 12px; color: #666; }
.kg-notice { font-size: 12px; color: #8a5300; background: #fff4e0; border: 1px solid #f0d5a0;
             border-radius: 3px; padding: 2px 8px; }
.kg-controls input[type=search] { width: 260px; padding: 3px 6px; font-size: 13px; }
.kg-controls select, .kg-controls button { font-size: 13px; padding: 2px 6px; }
.kg-legend { font-size: 12px; }
.kg-legend label { cursor: pointer; white-space: nowrap; user-select: none; }
.kg-legend input { margin: 0 3px 0 0; vertical-align: -2px; }
.kg-legend .glyph { font-size: 15px; margin-right: 3px; }
.kg-legend .n { color: #888; }
.kg-legend .line { display: inline-block; width: 22px; vertical-align: middle; margin-right: 3px; }
.kg-legend .edge-key { white-space: nowrap; color: #555; }
main { flex: 1 1 auto; position: relative; min-height: 300px; }
#kg-network { position: absolute; inset: 0; background: #ffffff; }
#kg-network:focus, #kg-network .vis-network:focus { outline: none; }
.kg-tip { position: absolute; z-index: 20; max-width: 420px; background: #fffff8; border: 1px solid #bbb;
          border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.18); padding: 6px 9px; font-size: 12px;
          pointer-events: none; line-height: 1.35; }
.kg-panel { position: absolute; z-index: 10; top: 0; right: 0; bottom: 0; width: min(400px, 46%);
            overflow-y: auto; background: #ffffff; border-left: 1px solid #ccc;
            box-shadow: -2px 0 8px rgba(0,0,0,.08); padding: 10px 14px; box-sizing: border-box;
            font-size: 13px; line-height: 1.4; }
.kg-panel h2 { font-size: 16px; margin: 4px 0 6px; padding-right: 24px; overflow-wrap: anywhere; }
.kg-panel h3 { font-size: 13px; margin: 14px 0 6px; color: #444; border-bottom: 1px solid #eee; }
.kg-close { position: absolute; top: 6px; right: 8px; border: none; background: none; font-size: 18px;
            cursor: pointer; color: #666; }
.kg-type { font-size: 12px; color: #555; }
.kg-iri { font-family: ui-monospace, monospace; font-size: 11px; color: #888; overflow-wrap: anywhere; }
.kg-muted { color: #777; font-size: 12px; }
.kg-ev { list-style: none; margin: 0; padding: 0; }
.kg-ev li { margin: 0 0 9px; padding-left: 8px; border-left: 3px solid #e3e3e3; }
.kg-tip .kg-ev li { margin-bottom: 5px; }
.kg-src { color: #777; font-size: 11px; margin-top: 1px; }
mark { background: #ffe58a; padding: 0 1px; }
.kg-rel { list-style: none; margin: 0; padding: 0; }
.kg-rel li { margin: 0 0 3px; }
.kg-rel .r { color: #777; font-size: 12px; }
.kg-link { border: none; background: none; padding: 0; color: #1a5fb4; cursor: pointer; font: inherit;
           text-align: left; }
.kg-link:hover { text-decoration: underline; }
div.vis-tooltip { white-space: pre-wrap; max-width: 420px; font-size: 12px; }
"""

PAGE_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta || {};
  var info = data.info || {};
  var sentences = data.sentences || [];
  var docs = data.docs || [];
  var types = {};
  (data.types || []).forEach(function (t) { types[t.key] = t; });
  var byId = function (id) { return document.getElementById(id); };
  var container = byId("kg-network");
  var progress = byId("kg-progress");
  var stats = byId("kg-stats");
  var search = byId("kg-search");
  var searchCount = byId("kg-search-count");
  var province = byId("kg-province");
  var panel = byId("kg-panel");
  var tip = byId("kg-tip");
  var notice = byId("kg-notice");

  // Text from the graph is only ever put into the page as text nodes.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u0111\u0110]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function infoOf(id) { return info[id] || {}; }
  function nameOf(id) {
    var i = infoOf(id);
    if (i.name) { return i.name; }
    var n = nodes.get(id);
    return n && n.label ? n.label : String(id);
  }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var adjacent = {};
  data.nodes.forEach(function (n) { adjacent[n.id] = []; });
  data.edges.forEach(function (e) {
    if (adjacent[e.from] && adjacent[e.to]) {
      adjacent[e.from].push([e.to, e]);
      adjacent[e.to].push([e.from, e]);
    }
  });
  var searchKeys = {};
  data.nodes.forEach(function (n) {
    var i = infoOf(n.id);
    searchKeys[n.id] = [i.name || n.label || ""].concat(i.alt || []).map(fold);
  });
  var hidden = {};
  var kg = {
    network: network, nodes: nodes, edges: edges, data: data, ready: false, fold: fold,
    visibleNodeIds: function () {
      return data.nodes.filter(function (n) { return !hidden[n.id]; }).map(function (n) { return n.id; });
    },
    matches: []
  };
  window.kgNetwork = network;
  window.kg = kg;

  // ----------------------------------------------------------------- header
  if (meta.truncated || meta.focus) {
    var parts = [];
    if (meta.focus) {
      parts.push("Quanh / around \u201c" + meta.focus.label + "\u201d, " + meta.hops + " b\u01b0\u1edbc / hops");
    }
    if (meta.truncated) {
      parts.push("ch\u1ec9 hi\u1ec7n / showing the " + meta.shown + " most-mentioned of " + meta.total +
        " nodes (kg viz --max-nodes, --focus)");
    }
    notice.textContent = parts.join(" \u00b7 ");
    notice.hidden = false;
  }
  (data.provinces || []).forEach(function (p) {
    var o = add(province, el("option", null, p[1]));
    o.value = p[0];
  });
  if (!(data.provinces || []).length) { province.disabled = true; }

  // ----------------------------------------------------------------- evidence and names
  function clip(s, m, max) {
    if (!max || s.length <= max) { return s; }
    var at = m ? s.indexOf(m) : -1;
    if (at < 0) { return s.slice(0, max - 1) + "\u2026"; }
    var room = Math.max(max - m.length, 0);
    var start = Math.max(0, Math.min(at - Math.floor(room / 2), s.length - max));
    var end = Math.min(s.length, Math.max(start + max, at + m.length));
    return (start > 0 ? "\u2026" : "") + s.slice(start, end) + (end < s.length ? "\u2026" : "");
  }
  function highlighted(cls, sentence, mention, max) {
    var box = el("div", cls);
    var m = String(mention || "");
    var s = clip(String(sentence || ""), m, max);
    var at = m ? s.indexOf(m) : -1;
    if (at < 0 && m) {
      at = s.toLowerCase().indexOf(m.toLowerCase());
      if (at >= 0 && s.slice(at, at + m.length).toLowerCase() !== m.toLowerCase()) { at = -1; }
    }
    if (at < 0) {
      box.appendChild(document.createTextNode(s));
      return box;
    }
    box.appendChild(document.createTextNode(s.slice(0, at)));
    box.appendChild(el("mark", null, s.slice(at, at + m.length)));
    box.appendChild(document.createTextNode(s.slice(at + m.length)));
    return box;
  }
  function sourceLine(doc, max) {
    if (!doc) { return null; }
    var text = "\u2014 " + clip(String(doc.title || doc.file || doc.id), "", max);
    var extra = [];
    if (doc.file && doc.title) { extra.push(doc.file); }
    if (doc.date) { extra.push(doc.date); }
    if (extra.length) { text += " (" + extra.join(", ") + ")"; }
    return el("div", "kg-src", text);
  }
  function evidenceList(id, limit, max) {
    var list = el("ul", "kg-ev");
    (infoOf(id).ev || []).slice(0, limit).forEach(function (ev) {
      var li = add(list, el("li"));
      li.appendChild(highlighted("kg-sent", sentences[ev[0]], ev[2], max));
      var src = sourceLine(ev[1] >= 0 ? docs[ev[1]] : null, max ? 60 : 0);
      if (src) { li.appendChild(src); }
    });
    return list;
  }
  function typeLine(id) {
    var t = types[infoOf(id).t] || {};
    var line = el("div", "kg-type");
    var glyph = add(line, el("span", null, (t.glyph || "") + " "));
    glyph.style.color = t.color || "#999";
    line.appendChild(document.createTextNode(t.name || infoOf(id).t || ""));
    return line;
  }
  function countsText(id) {
    var i = infoOf(id);
    if (i.t === "Document") {
      return "nh\u1eafc " + (i.d || 0) + " th\u1ef1c th\u1ec3 / mentions " + (i.d || 0) + " entities";
    }
    return (i.m || 0) + " l\u1ea7n nh\u1eafc trong " + (i.d || 0) + " b\u00e0i / " + (i.m || 0) +
      " mentions in " + (i.d || 0) + " articles";
  }
  function altText(id, limit) {
    var i = infoOf(id);
    var alt = (i.alt || []).slice(0, limit);
    if (!alt.length) { return null; }
    var more = (i.alt || []).length - alt.length + (i.altMore || 0);
    return "T\u00ean kh\u00e1c / also: " + alt.join("; ") + (more > 0 ? "; \u2026 (+" + more + ")" : "");
  }
  function documentLines(id, box) {
    var i = infoOf(id);
    var d = i.doc !== undefined ? docs[i.doc] : null;
    if (!d) { return; }
    if (d.file) { add(box, el("div", "kg-muted", "T\u1ec7p / file: " + d.file)); }
    if (d.date) { add(box, el("div", "kg-muted", "Ng\u00e0y / date: " + d.date)); }
  }

  // ----------------------------------------------------------------- tooltip
  function showTip(id, pointer) {
    clear(tip);
    tip.appendChild(typeLine(id));
    add(tip, el("strong", null, nameOf(id)));
    var alt = altText(id, 6);
    if (alt) { add(tip, el("div", "kg-muted", alt)); }
    documentLines(id, tip);
    add(tip, el("div", "kg-muted", countsText(id)));
    var i = infoOf(id);
    var n = (i.ev || []).length;
    if (n) {
      tip.appendChild(evidenceList(id, meta.tooltipEvidence || 5, 150));
      if ((i.evn || n) > (meta.tooltipEvidence || 5)) {
        add(tip, el("div", "kg-muted", "Nh\u1ea5p \u0111\u1ec3 xem t\u1ea5t c\u1ea3 / click for all " +
          (i.evn || n) + " sentences"));
      }
    }
    tip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = pointer.x + 14;
    var y = pointer.y + 14;
    if (x + tip.offsetWidth > box.width - 4) { x = Math.max(4, pointer.x - tip.offsetWidth - 14); }
    if (y + tip.offsetHeight > box.height - 4) { y = Math.max(4, box.height - tip.offsetHeight - 4); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }

  // ----------------------------------------------------------------- side panel
  function selectNode(id) {
    if (!nodes.get(id)) { return; }
    openPanel(id);
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.max(network.getScale(), 0.9),
      offset: { x: -panel.offsetWidth / 2, y: 0 },
      animation: { duration: 300 }
    });
  }
  function openPanel(id) {
    hideTip();
    clear(panel);
    var close = add(panel, el("button", "kg-close", "\u00d7"));
    close.type = "button";
    close.title = "\u0110\u00f3ng / close";
    close.addEventListener("click", closePanel);
    panel.appendChild(typeLine(id));
    add(panel, el("h2", null, nameOf(id)));
    add(panel, el("div", "kg-iri", id));
    var alt = altText(id, 50);
    if (alt) { add(panel, el("p", "kg-muted", alt)); }
    documentLines(id, panel);
    add(panel, el("div", "kg-muted", countsText(id)));
    var i = infoOf(id);
    if (i.t !== "Document") {
      var shown = (i.ev || []).length;
      var title = "C\u00e2u nh\u1eafc \u0111\u1ebfn / evidence (" + shown +
        ((i.evn || 0) > shown ? " / " + i.evn : "") + ")";
      add(panel, el("h3", null, title));
      if (shown) { panel.appendChild(evidenceList(id, shown, 0)); }
      else { add(panel, el("div", "kg-muted", "Kh\u00f4ng c\u00f3 / none in this graph")); }
    }
    var rels = (adjacent[id] || []).map(function (pair) {
      var e = pair[1];
      return { other: pair[0], out: e.from === id, label: e.title || e.label || "", kind: e.kind };
    });
    rels.sort(function (a, b) {
      var ka = (a.kind === "mentions" ? "1" : "0") + a.label + "\u0000" + fold(nameOf(a.other));
      var kb = (b.kind === "mentions" ? "1" : "0") + b.label + "\u0000" + fold(nameOf(b.other));
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    add(panel, el("h3", null, "Quan h\u1ec7 / relations (" + rels.length + ")"));
    var list = add(panel, el("ul", "kg-rel"));
    rels.slice(0, 200).forEach(function (r) {
      var li = add(list, el("li"));
      add(li, el("span", "r", (r.out ? "\u2192 " : "\u2190 ") + r.label + ": "));
      if (hidden[r.other]) {
        add(li, el("span", "kg-muted", nameOf(r.other) + " (\u1ea9n / hidden)"));
      } else {
        var b = add(li, el("button", "kg-link", nameOf(r.other)));
        b.type = "button";
        b.addEventListener("click", function () { selectNode(r.other); });
      }
    });
    if (rels.length > 200) { add(panel, el("div", "kg-muted", "\u2026 +" + (rels.length - 200))); }
    panel.hidden = false;
    panel.scrollTop = 0;
    kg.panelFor = id;
  }
  function closePanel() { panel.hidden = true; kg.panelFor = null; }

  // ----------------------------------------------------------------- filters
  function withNeighbours(core, within) {
    var out = {};
    Object.keys(core).forEach(function (id) {
      out[id] = true;
      (adjacent[id] || []).forEach(function (pair) { if (within[pair[0]]) { out[pair[0]] = true; } });
    });
    return out;
  }
  function applyFilters(fit) {
    var on = {};
    Array.prototype.forEach.call(document.querySelectorAll("input.kg-type-box"), function (b) {
      on[b.value] = b.checked;
    });
    var keep = {};
    data.nodes.forEach(function (n) { if (on[infoOf(n.id).t] !== false) { keep[n.id] = true; } });
    var p = province.value;
    if (p) {
      var core = {};
      Object.keys(keep).forEach(function (id) {
        if (id === p || (infoOf(id).p || []).indexOf(p) >= 0) { core[id] = true; }
      });
      keep = withNeighbours(core, keep);
    }
    var q = fold(search.value);
    var matches = [];
    if (q) {
      matches = Object.keys(keep).filter(function (id) {
        return searchKeys[id].some(function (k) { return k.indexOf(q) >= 0; });
      });
      matches.sort(function (a, b) {
        var ea = (searchKeys[a][0] === q ? 0 : 2) + (infoOf(a).t === "Document" ? 1 : 0);
        var eb = (searchKeys[b][0] === q ? 0 : 2) + (infoOf(b).t === "Document" ? 1 : 0);
        if (ea !== eb) { return ea - eb; }
        var ma = infoOf(a).m || 0;
        var mb = infoOf(b).m || 0;
        if (ma !== mb) { return mb - ma; }
        return a < b ? -1 : a > b ? 1 : 0;
      });
      var core2 = {};
      matches.forEach(function (id) { core2[id] = true; });
      keep = withNeighbours(core2, keep);
    }
    var nodeChanges = [];
    data.nodes.forEach(function (n) {
      var h = !keep[n.id];
      if (!!hidden[n.id] !== h) { nodeChanges.push({ id: n.id, hidden: h }); }
      hidden[n.id] = h;
    });
    var edgeChanges = [];
    var visibleEdges = 0;
    data.edges.forEach(function (e) {
      var h = !(keep[e.from] && keep[e.to]);
      if (!h) { visibleEdges += 1; }
      if (!!e.hidden !== h) { e.hidden = h; edgeChanges.push({ id: e.id, hidden: h }); }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    kg.matches = matches;
    var visible = kg.visibleNodeIds();
    stats.textContent = visible.length + (visible.length !== data.nodes.length ? " / " + data.nodes.length : "") +
      " n\u00fat / nodes, " + visibleEdges + " c\u1ea1nh / edges";
    searchCount.textContent = q ? matches.length + " k\u1ebft qu\u1ea3 / matches" : "";
    network.selectNodes(matches.filter(function (id) { return !hidden[id]; }));
    if (kg.panelFor && hidden[kg.panelFor]) { closePanel(); }
    if (fit && visible.length) { network.fit({ nodes: visible, maxZoomLevel: 1.2, animation: { duration: 300 } }); }
  }
  var pending = null;
  search.addEventListener("input", function () {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(function () { pending = null; applyFilters(true); }, 150);
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      if (pending) { clearTimeout(pending); pending = null; applyFilters(true); }
      if (kg.matches.length) { selectNode(kg.matches[0]); }
    } else if (ev.key === "Escape") {
      search.value = "";
      applyFilters(true);
    }
  });
  province.addEventListener("change", function () { applyFilters(true); });
  Array.prototype.forEach.call(document.querySelectorAll("input.kg-type-box"), function (b) {
    b.addEventListener("change", function () { applyFilters(false); });
  });
  byId("kg-reset").addEventListener("click", function () {
    search.value = "";
    province.value = "";
    Array.prototype.forEach.call(document.querySelectorAll("input.kg-type-box"), function (b) {
      b.checked = true;
    });
    closePanel();
    applyFilters(true);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && ev.target === document.body) { closePanel(); }
  });
  kg.applyFilters = applyFilters;
  kg.select = selectNode;
  kg.openPanel = openPanel;

  // ----------------------------------------------------------------- network events
  network.on("hoverNode", function (p) { showTip(p.node, p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) { openPanel(p.nodes[0]); }
    else if (!p.edges.length) { closePanel(); }
  });
  network.on("stabilizationProgress", function (p) {
    progress.textContent = "b\u1ed1 c\u1ee5c / layout " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  function settled() {
    if (kg.ready) { return; }
    network.setOptions({ physics: { enabled: false } });
    progress.textContent = "";
    kg.ready = true;
    if (meta.focus && nodes.get(meta.focus.id)) { network.selectNodes([meta.focus.id]); }
  }
  network.once("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);
  applyFilters(false);
  if (data.nodes.length < 2) { settled(); }
})();
"""


def _csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def _legend(type_counts: dict[str, int] | None) -> str:
    items = []
    for cls, s in STYLES.items():
        key = type_key(cls)
        if type_counts is not None and not type_counts.get(key):
            continue
        box_id = "kg-show-docs" if cls == DOCUMENT else f"kg-type-{key.lower()}"
        count = f' <span class="n">({type_counts[key]})</span>' if type_counts is not None else ""
        items.append(
            f'<label for="{box_id}"><input type="checkbox" class="kg-type-box" id="{box_id}" value="{key}" checked>'
            f'<span class="glyph" style="color:{s.color}">{s.glyph}</span>{html.escape(s.name)}{count}</label>'
        )
    items.append(
        f'<span class="edge-key"><span class="line" style="border-top:2px solid {EDGE_COLOR}"></span>'
        "quan hệ / relation</span>"
    )
    items.append(
        f'<span class="edge-key"><span class="line" style="border-top:1px dashed #aaaaaa"></span>'
        f"{html.escape(MENTIONS_TITLE)}</span>"
    )
    return '<div class="kg-row kg-legend" id="kg-types">' + "".join(items) + "</div>"


def render_html(net: Network, *, title: str = "kg") -> str:
    """The self-contained page of a network made by :func:`build_network` (or any pyvis network)."""
    js, css = vis_assets()
    nodes, edges = net.nodes, net.edges
    extra = getattr(net, "kg_page", None) or {
        "meta": {"shown": len(nodes), "total": len(nodes), "truncated": False, "focus": None},
        "types": [],
        "info": {},
        "sentences": [],
        "docs": [],
        "provinces": [],
    }
    payload = {**extra, "nodes": nodes, "edges": edges, "options": _options(len(nodes))}
    counts = {t["key"]: t["count"] for t in extra["types"]} if extra["types"] else None
    vis_code, page_code = f"\n{js}\n", PAGE_JS
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(vis_code)} {_csp_hash(page_code)}; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    esc = html.escape(title)
    parts: Iterable[str] = (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n',
        '<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{esc}</title>\n",
        f"<style>\n{css}\n</style>\n",
        f"<style>{PAGE_CSS}</style>\n",
        f"<script>{vis_code}</script>\n",
        "</head>\n<body>\n<header>\n",
        '<div class="kg-row">',
        f"<h1>{esc}</h1>",
        f'<span class="kg-stats" id="kg-stats">{len(nodes)} nút / nodes, {len(edges)} cạnh / edges</span>',
        '<span class="kg-progress" id="kg-progress"></span>',
        "</div>\n",
        '<div class="kg-notice" id="kg-notice" hidden></div>\n',
        '<div class="kg-row kg-controls">',
        '<input type="search" id="kg-search" placeholder="Tìm tên / search a name (lang son…)" '
        'autocomplete="off" spellcheck="false" aria-label="Tìm tên / search a name">',
        '<span class="kg-count" id="kg-search-count"></span>',
        '<select id="kg-province" aria-label="Tỉnh / province">'
        '<option value="">Mọi tỉnh, thành / all provinces</option></select>',
        '<button type="button" id="kg-reset">Đặt lại / reset</button>',
        "</div>\n",
        _legend(counts) + "\n</header>\n",
        "<main>\n",
        '<div id="kg-network"></div>\n',
        '<div id="kg-tip" class="kg-tip" hidden></div>\n',
        '<aside id="kg-panel" class="kg-panel" hidden></aside>\n',
        "</main>\n",
        '<script type="application/json" id="kg-data">',
        _script_json(payload),
        "</script>\n",
        f"<script>{page_code}</script>\n",
        "</body>\n</html>\n",
    )
    return "".join(parts)


@dataclass(frozen=True)
class PageResult:
    path: Path
    nodes: int  # drawn
    edges: int
    total: int  # before --max-nodes
    focus: str | None = None  # the focus node's label

    @property
    def truncated(self) -> bool:
        return self.nodes < self.total


def write_page(
    graph: Graph,
    path: str | Path,
    *,
    title: str | None = None,
    focus: str | None = None,
    hops: int = DEFAULT_HOPS,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    documents: bool = True,
) -> PageResult:
    """Write the page of ``graph`` (or of a part of it, see :func:`select_nodes`) to ``path``.

    The title defaults to "kg — <the focus's name>", or ``DEFAULT_TITLE`` for the whole graph.
    """
    net = build_network(graph, focus=focus, hops=hops, max_nodes=max_nodes, documents=documents)
    meta = net.kg_page["meta"]
    label = meta["focus"]["label"] if meta["focus"] else None
    if title is None:
        title = f"kg — {label}" if label else DEFAULT_TITLE
    atomic_write(Path(path), render_html(net, title=title))
    return PageResult(Path(path), len(net.nodes), len(net.edges), meta["total"], label)


def write_html(graph: Graph, path: Path, *, title: str = "kg", max_nodes: int | None = DEFAULT_MAX_NODES) -> int:
    """Write a self-contained interactive page of ``graph`` to ``path``.

    Returns the number of nodes drawn (entities and documents; Mention evidence
    nodes and posts are not drawn, posts become person → organisation edges). A
    graph with more than ``max_nodes`` nodes is drawn with its most-mentioned ones,
    and the page says so.
    """
    return write_page(graph, path, title=title, max_nodes=max_nodes).nodes


def graph_from_store(store) -> Graph:
    """The article graphs of a store (``kg.load``) as one rdflib Graph: what ``kg build`` draws
    (the reference provinces that no article mentions, and the ontology, left out)."""
    from kg.store import construct_graph

    skipped = ", ".join(f"<{g}>" for g in SKIPPED_GRAPHS)
    return construct_graph(
        store, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g NOT IN ({skipped})) }}"
    )


# --------------------------------------------------------------------------- the page of a large store

_OVERVIEW_EVIDENCE = 3 * MAX_EVIDENCE  # mentions read per drawn entity (repeated sentences are dropped)


class _URIs(dict):
    """IRI text → rdflib URIRef, each made once (making one validates the IRI each time)."""

    def __missing__(self, value: str) -> URIRef:
        u = self[value] = URIRef(value)
        return u


def _counts_of_store(store) -> NodeCounts:
    """Typed nodes and mention counts of a store's default graph, counted by the store (the five
    queries at once: the store answers without holding the interpreter lock)."""
    from concurrent.futures import ThreadPoolExecutor

    import pyoxigraph as ox

    classes = " ".join(f"<{c}>" for c in STYLES)
    queries = [
        # Mention nodes are never drawn (see _drawn_types): the store leaves them out
        f"SELECT ?n ?t WHERE {{ VALUES ?t {{ {classes} }} ?n a ?t FILTER NOT EXISTS {{ ?n a <{VNKG.Mention}> }} }}",
        f"SELECT ?e (COUNT(*) AS ?n) WHERE {{ ?m <{VNKG.refersTo}> ?e }} GROUP BY ?e",
        f"SELECT ?d (COUNT(*) AS ?n) WHERE {{ ?m <{VNKG.inDocument}> ?d }} GROUP BY ?d",
        f"SELECT ?e (COUNT(*) AS ?n) WHERE {{ ?d <{VNKG.mentions}> ?e }} GROUP BY ?e",
        f"SELECT ?d (COUNT(*) AS ?n) WHERE {{ ?d <{VNKG.mentions}> ?e }} GROUP BY ?d",
    ]
    with ThreadPoolExecutor(len(queries)) as pool:
        typed, *counted = pool.map(lambda q: [(row[0], row[1]) for row in store.query(q)], queries)
    uri = _URIs().__getitem__
    found: dict[URIRef, set[URIRef]] = defaultdict(set)
    for node, cls in typed:
        if isinstance(node, ox.NamedNode):
            found[uri(node.value)].add(uri(cls.value))
    return NodeCounts(_drawn_types(found), *({uri(k.value): int(n.value) for k, n in rows} for rows in counted))


def overview_network(store, *, max_nodes: int = DEFAULT_MAX_NODES) -> Network:
    """The page of a whole graph held in a pyoxigraph store's default graph (what ``kg build``
    draws), read without turning millions of triples into rdflib terms.

    When the graph has more typed nodes than ``max_nodes``, the store counts the mentions, and
    only the most-mentioned nodes are read: their own triples, the posts and districts they
    point at, and their first mentions (in article and offset order) for the evidence panel.
    The page is the one :func:`build_network` makes of the whole graph, except that an entity
    mentioned more than a few hundred times lists its evidence from its first mentions.
    """
    counts = _counts_of_store(store)
    if len(counts.types) <= max_nodes:
        graph = _index_of(store, "CONSTRUCT WHERE { ?s ?p ?o }")
        return build_network(graph, max_nodes=max_nodes)

    def score(n: URIRef) -> int:  # as GraphView.score
        t = counts.types[n]
        return counts.mentions_of(n, t) or counts.documents_of(n, t)

    chosen = sorted(counts.types, key=lambda n: (-score(n), str(n)))[:max_nodes]
    values = " ".join(f"<{n}>" for n in chosen)
    queries = [
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}",
        # the posts people hold, the province of each district
        f"""CONSTRUCT {{ ?x ?q ?y }} WHERE {{
              VALUES ?s {{ {values} }} ?s ?p ?x FILTER (?p IN (<{ORG.holds}>, <{VNKG.district}>))
              ?x ?q ?y FILTER (?q IN (<{RDFS.label}>, <{ORG.postIn}>, <{VNKG.province}>)) }}""",
    ]
    evidence = _first_evidence(store, [n for n in chosen if counts.types[n] != DOCUMENT])
    graph = _index_of(store, *queries)
    net = build_network(
        graph,
        max_nodes=max_nodes,
        counts=counts,
        only=set(chosen),
        evidence={
            e: sorted(items, key=lambda e: (str(e.document), e.start, e.text, e.sentence))
            for e, items in evidence.items()
        },
    )
    return net


def _first_evidence(store, entities: list[URIRef]) -> dict[URIRef, set[Evidence]]:
    """The evidence of each entity's first mentions (``_OVERVIEW_EVIDENCE`` of them, in article
    and offset order): one query per entity, the store sorting and cutting (in threads: it
    answers without holding the interpreter lock), so that only those mentions are read."""
    from concurrent.futures import ThreadPoolExecutor

    def first(entity: URIRef) -> list:
        return [
            (row[0].value, row[1].value, row[2].value, row[3].value)
            for row in store.query(
                f"""SELECT ?d ?text ?sentence ?start WHERE {{
                      ?m <{VNKG.refersTo}> <{entity}> ; <{VNKG.inDocument}> ?d ; <{VNKG.start}> ?start ;
                         <{VNKG.text}> ?text ; <{VNKG.sentence}> ?sentence }}
                    ORDER BY ?d ?start ?m LIMIT {_OVERVIEW_EVIDENCE}"""
            )
        ]

    evidence: dict[URIRef, set[Evidence]] = defaultdict(set)
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        for entity, rows in zip(entities, pool.map(first, entities), strict=True):
            for doc, raw, sentence, start in rows:
                text = " ".join(raw.split())
                sentence = sentence or text
                if sentence.strip():
                    evidence[entity].add(Evidence(URIRef(doc), sentence, text, _int(start)))
    return evidence


def rdflib_term(t, uris: _URIs):
    """A pyoxigraph term as an rdflib one (IRIs made once each, through ``uris``)."""
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return uris[t.value]
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=uris[t.datatype.value])
    return BNode(t.value)


def _index_of(store, *constructs: str):
    """The triples of some CONSTRUCT queries as a :class:`kg.graph.TripleIndex` (what the page
    reads), with rdflib terms made straight from the store's."""
    from kg.graph import TripleIndex

    uris = _URIs()

    def term(t):
        return rdflib_term(t, uris)

    triples = (
        (term(t.subject), term(t.predicate), term(t.object)) for sparql in constructs for t in store.query(sparql)
    )
    return TripleIndex(triples)
