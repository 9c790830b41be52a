"""Interactive, offline HTML view of the knowledge graph (pyvis / vis-network).

``write_html(graph, path)`` draws the entities (people, organisations, provinces,
districts, resolutions, events) and the articles (documents) of an RDF graph as
one self-contained HTML page that opens from disk without a network connection.

Why not ``pyvis.Network.write_html``: pyvis 0.3.2 always emits Bootstrap 5 from
cdn.jsdelivr.net, its default ``cdn_resources="local"`` mode pulls vis-network
from cdnjs and ``lib/…`` files next to the page, and its ``"in_line"`` mode still
keeps Bootstrap on the CDN. Its template also switches to an ``innerHTML`` popup
as soon as a node title contains the text "href", which would run markup taken
from article text. So pyvis is used to build the node and edge lists, and the
page is rendered here: the vis-network 9.1.2 JS and CSS shipped inside the pyvis
package are inlined, and no Bootstrap, tom-select or remote reference is left.

Safety: labels and tooltips come from article text. vis-network 9.x draws
labels on a canvas and sets string tooltips with ``innerText``, so they are
plain text; the JSON put inside the ``<script>`` block has ``<``, ``>`` and
``&`` written as ``\\u003c``… so a label cannot close the script element, and the
page title is HTML-escaped.

Determinism: nodes and edges are sorted, JSON keys are sorted, nothing random
or time-dependent is written, and the layout uses a fixed ``randomSeed``; the
same graph gives a byte-identical file.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyvis
from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.store import atomic_write

VNKG = Namespace("https://w3id.org/vnkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")

VIS_VERSION = "9.1.2"
LAYOUT_SEED = 20240601
MAX_LABEL_CHARS = 48
MAX_ALT_LABELS = 12


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
    VNKG.issuedBy: "ban hành / issued by",
    VNKG.implements: "thực hiện / implements",
    ORG.subOrganizationOf: "thuộc / part of",
    VNKG.province: "ở / in",
    VNKG.district: "ở / in",
    VNKG.organizedBy: "tổ chức bởi / organized by",
    VNKG.chairedBy: "chủ trì / chaired by",
    DCTERMS.creator: "tác giả / creator",
    DCTERMS.publisher: "nguồn / publisher",
    VNKG.successor: "sáp nhập vào / successor",
}
HOLDS_LABEL = "giữ chức / holds post"
MENTIONS_TITLE = "nhắc đến / mentions"

EDGE_COLOR = "#6f6f6f"
MENTION_COLOR = "#d0d0d0"


# --------------------------------------------------------------------------- data


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


def _node_types(graph: Graph) -> dict[URIRef, URIRef]:
    """Drawn node → its type (first of STYLES); Mention nodes are left out."""
    found: dict[URIRef, set[URIRef]] = defaultdict(set)
    for cls in [*STYLES, VNKG.Mention]:
        for node in graph.subjects(RDF.type, cls):
            if isinstance(node, URIRef):
                found[node].add(cls)
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
        if doc in drawn and entity in drawn and doc != entity:
            labels[(str(doc), str(entity), "mentions")].add("")
    return sorted((src, dst, kind, "; ".join(sorted(texts))) for (src, dst, kind), texts in labels.items())


def _mention_counts(graph: Graph) -> dict[URIRef, int]:
    docs: dict[URIRef, set] = defaultdict(set)
    for doc, entity in graph.subject_objects(VNKG.mentions):
        docs[entity].add(doc)
    return {entity: len(d) for entity, d in docs.items()}


def _node_size(mentions: int, is_document: bool) -> float:
    if is_document:
        return 8.0
    return round(min(12.0 + 6.0 * math.sqrt(mentions), 60.0), 2)


def _tooltip(graph: Graph, node: URIRef, cls: URIRef, label: str, mentions: int) -> str:
    """Plain text (vis-network shows string titles with innerText)."""
    lines = [STYLES[cls].name, label]
    if cls == VNKG.Document:
        source = _best_literal(graph, node, VNKG.sourceFile)
        if source and source != label:
            lines.append(f"Tệp / file: {source}")
        date = _best_literal(graph, node, DCTERMS.date, DCTERMS.issued)
        if date:
            lines.append(f"Ngày / date: {date}")
    alts = sorted({" ".join(str(a).split()) for a in graph.objects(node, SKOS.altLabel)} - {label, ""})
    if alts:
        more = len(alts) - MAX_ALT_LABELS
        shown = "; ".join(alts[:MAX_ALT_LABELS]) + (f"; … (+{more})" if more > 0 else "")
        lines.append(f"Tên khác / also: {shown}")
    if cls != VNKG.Document:
        lines.append(f"Nhắc trong {mentions} bài / mentioned in {mentions} documents")
    lines.append(str(node))
    return "\n".join(lines)


def build_network(graph: Graph) -> Network:
    """The pyvis network (nodes and edges only; options are set by ``write_html``)."""
    drawn = _node_types(graph)
    counts = _mention_counts(graph)
    net = Network(directed=True, cdn_resources="in_line")
    for node in sorted(drawn, key=str):
        cls = drawn[node]
        style = STYLES[cls]
        preds = (DCTERMS.title, VNKG.sourceFile, RDFS.label) if cls == VNKG.Document else (RDFS.label,)
        label = _best_literal(graph, node, *preds) or _local_name(node)
        mentions = counts.get(node, 0)
        net.add_node(
            str(node),
            label=_shorten(label),
            shape=style.shape,
            color=style.color,
            size=_node_size(mentions, cls == VNKG.Document),
            title=_tooltip(graph, node, cls, label, mentions),
        )
    for src, dst, kind, label in _edges(graph, drawn):
        if kind == "mentions":
            net.edges.append(
                {
                    "from": src,
                    "to": dst,
                    "title": MENTIONS_TITLE,
                    "color": MENTION_COLOR,
                    "width": 0.5,
                    "dashes": True,
                }
            )
        else:
            net.edges.append(
                {
                    "from": src,
                    "to": dst,
                    "label": _shorten(label),
                    "title": label,
                    "color": EDGE_COLOR,
                    "width": 1.5,
                    "arrows": "to",
                }
            )
    return net


# --------------------------------------------------------------------------- page


def _options(n_nodes: int) -> dict:
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": n_nodes <= 300},
        "nodes": {"font": {"size": 13, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {
            "font": {
                "size": 10,
                "align": "middle",
                "color": "#444444",
                "strokeWidth": 3,
            },
            "arrows": {"to": {"scaleFactor": 0.5}},
            "smooth": {"enabled": True, "type": "continuous"},
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "centralGravity": 0.01,
                "springLength": 120,
                "springConstant": 0.08,
                "avoidOverlap": 0.4,
            },
            "minVelocity": 0.75,
            "stabilization": {
                "enabled": True,
                "iterations": 1000,
                "updateInterval": 25,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": n_nodes > 500,
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
html, body { margin: 0; padding: 0; height: 100%; font-family: sans-serif; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd;
         display: flex; flex-wrap: wrap;
         align-items: baseline; gap: 4px 18px; }
header h1 { font-size: 18px; margin: 0; }
.kg-stats, .kg-progress { font-size: 12px; color: #666; }
.kg-legend { list-style: none; margin: 0; padding: 0;
             display: flex; flex-wrap: wrap; gap: 4px 14px;
             font-size: 12px; }
.kg-legend .glyph { font-size: 15px; margin-right: 3px; }
.kg-legend .line { display: inline-block; width: 22px; vertical-align: middle;
                   margin-right: 3px; }
#mynetwork { flex: 1 1 auto; min-height: 400px; position: relative;
             background: #ffffff; }
div.vis-tooltip { white-space: pre-wrap; max-width: 480px; font-size: 12px; }
"""

PAGE_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("mynetwork");
  var progress = document.getElementById("kg-progress");
  var network = new vis.Network(
    container,
    { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) },
    data.options
  );
  network.on("stabilizationProgress", function (p) {
    progress.textContent = "layout " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    progress.textContent = "";
  });
  window.kgNetwork = network;
})();
"""


def _legend() -> str:
    items = [
        f'<li><span class="glyph" style="color:{s.color}">{s.glyph}</span>{html.escape(s.name)}</li>'
        for s in STYLES.values()
    ]
    items.append(f'<li><span class="line" style="border-top:2px solid {EDGE_COLOR}"></span>quan hệ / relation</li>')
    items.append(
        f'<li><span class="line" style="border-top:1px dashed {MENTION_COLOR}"></span>'
        f"{html.escape(MENTIONS_TITLE)}</li>"
    )
    return '<ul class="kg-legend">' + "".join(items) + "</ul>"


def render_html(net: Network, *, title: str = "kg") -> str:
    js, css = vis_assets()
    nodes, edges = net.nodes, net.edges
    payload = {"nodes": nodes, "edges": edges, "options": _options(len(nodes))}
    esc = html.escape(title)
    parts: Iterable[str] = (
        "<!DOCTYPE html>\n<html>\n<head>\n",
        '<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{esc}</title>\n",
        f"<style>\n{css}\n</style>\n",
        f"<style>{PAGE_CSS}</style>\n",
        f"<script>\n{js}\n</script>\n",
        "</head>\n<body>\n<header>\n",
        f"<h1>{esc}</h1>\n",
        f'<span class="kg-stats">{len(nodes)} nút / nodes, ',
        f"{len(edges)} cạnh / edges</span>\n",
        '<span class="kg-progress" id="kg-progress"></span>\n',
        _legend() + "\n</header>\n",
        '<div id="mynetwork"></div>\n',
        '<script type="application/json" id="kg-data">',
        _script_json(payload),
        "</script>\n",
        f"<script>{PAGE_JS}</script>\n",
        "</body>\n</html>\n",
    )
    return "".join(parts)


def write_html(graph: Graph, path: Path, *, title: str = "kg") -> int:
    """Write a self-contained interactive page of ``graph`` to ``path``.

    Returns the number of nodes drawn (entities and documents; Mention evidence
    nodes and posts are not drawn, posts become person → organisation edges).
    """
    net = build_network(graph)
    atomic_write(Path(path), render_html(net, title=title))
    return len(net.nodes)
