"""The entity network (kg.network) and the exports (kg.export, ``kg export``) on the real seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.export import FORMATS, JSONLD_CONTEXT, export, gexf_bytes, graphml_bytes, jsonld_bytes, nquads_bytes
from kg.network import (
    CO_MENTION_KINDS,
    Hop,
    UnknownNode,
    co_mention_graph,
    components_summary,
    entity_graph,
    format_path,
    most_central,
    shortest_path_between,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
VID = "https://w3id.org/vnkg/id/"
KL21 = f"{VID}resolution/21-kl-tw"
EXTENSION = {"jsonld": "jsonld", "nquads": "nq", "graphml": "graphml", "gexf": "gexf"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """``kg build seeds/ --store``, once for this module: (data folder, store folder)."""
    from kg.builder import build
    from kg.store import write_store

    base = tmp_path_factory.mktemp("export")
    out, store_dir = base / "out", base / "store"
    build([SEEDS], out, show_progress=False)
    write_store(out, store_dir)
    return out, store_dir


@pytest.fixture(scope="module")
def store(built):
    from kg.store import load_store

    return load_store(built[0])


@pytest.fixture(scope="module")
def graph(store) -> nx.MultiDiGraph:
    return entity_graph(store)


@pytest.fixture(scope="module")
def graph_with_documents(store) -> nx.MultiDiGraph:
    return entity_graph(store, include_documents=True)


def node_by_label(graph: nx.Graph, label: str) -> str:
    found = [n for n, data in graph.nodes(data=True) if data.get("label") == label]
    assert len(found) == 1, f"{label!r}: {found}"
    return found[0]


# --------------------------------------------------------------------------- entity_graph


def test_resolution_node(graph):
    assert graph.nodes[KL21] == {
        "label": "Kết luận số 21-KL/TW",
        "mentions": 3,
        "symbol": "21-KL/TW",
        "type": "Resolution",
    }


def test_node_types_and_attributes(graph):
    types = {data["type"] for _, data in graph.nodes(data=True)}
    assert types <= {"Person", "Organization", "Province", "District", "Resolution", "Event"}
    assert {"Person", "Organization", "Province", "Resolution", "Event"} <= types
    for node, data in graph.nodes(data=True):
        assert node.startswith(VID)
        assert isinstance(data["label"], str) and data["label"]
        assert isinstance(data["mentions"], int) and data["mentions"] >= 0
    assert graph.nodes[f"{VID}province/20"]["gso_code"] == "20"


def test_holds_edge_collapses_the_post(graph):
    person = node_by_label(graph, "Nguyễn Quốc Khánh")
    org = node_by_label(graph, "Ban Tổ chức Tỉnh ủy Lạng Sơn")
    assert graph.nodes[person]["type"] == "Person"
    assert graph.edges[person, org, "holds"] == {"relation": "holds", "post": "Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn"}
    # posts themselves are not nodes
    assert not any("/post/" in n for n in graph)


def test_relations(graph):
    ban = node_by_label(graph, "Ban Tổ chức Tỉnh ủy Lạng Sơn")
    tinh_uy = node_by_label(graph, "Tỉnh ủy Lạng Sơn")
    assert graph.edges[ban, tinh_uy, "sub_organization_of"] == {"relation": "sub_organization_of"}
    assert graph.has_edge(ban, f"{VID}province/20", "province")
    assert graph.has_edge(KL21, f"{VID}org/ban-chấp-hành-trung-ương", "issued_by")
    assert graph.has_edge(f"{VID}resolution/20/83-kh-tu", KL21, "implements")
    assert graph.has_edge(f"{VID}province/89", f"{VID}province/2025/91", "successor")
    relations = {key for _, _, key in graph.edges(keys=True)}
    assert {"holds", "issued_by", "implements", "sub_organization_of", "province", "district"} <= relations
    assert {"organized_by", "chaired_by", "successor"} <= relations
    assert not relations & {"mentions", "creator", "publisher"}
    for _, _, key, data in graph.edges(keys=True, data=True):
        assert data["relation"] == key


def test_documents_on_request(graph, graph_with_documents):
    docs = [n for n, t in graph_with_documents.nodes(data="type") if t == "Document"]
    assert len(docs) == 5
    doc = f"{VID}article/000_002c34a5c64d9462"
    assert graph_with_documents.nodes[doc]["source_file"] == "000_002c34a5c64d9462.txt"
    assert graph_with_documents.has_edge(doc, f"{VID}person/hồ-hương", "creator")
    assert graph_with_documents.has_edge(doc, f"{VID}person/hồ-hương", "mentions")  # two relations, two edges
    assert graph_with_documents.has_edge(
        f"{VID}article/004_1662b94e697a07bc", f"{VID}org/tỉnh-ủy-an-giang", "publisher"
    )
    mentions_of_kl21 = [u for u, _, k in graph_with_documents.in_edges(KL21, keys=True) if k == "mentions"]
    assert len(mentions_of_kl21) == graph.nodes[KL21]["mentions"] == 3
    assert set(graph.edges(keys=True)) <= set(graph_with_documents.edges(keys=True))


def test_deterministic(store, graph):
    again = entity_graph(store)
    assert list(again.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert list(graph.nodes) == sorted(graph.nodes)


# --------------------------------------------------------------------------- co-mentions


def test_co_mention_graph(store):
    co = co_mention_graph(store)
    assert {t for _, t in co.nodes(data="type")} <= set(CO_MENTION_KINDS)
    # Bộ Chính trị and Nghị quyết 04-NQ/TW are both mentioned in two articles (002 and 003)
    assert co.edges[f"{VID}org/bộ-chính-trị", f"{VID}resolution/04-nq-tw"]["weight"] == 2
    assert co.edges[KL21, f"{VID}resolution/20/83-kh-tu"]["weight"] == 1
    assert all(isinstance(w, int) and w >= 1 for _, _, w in co.edges(data="weight"))
    heavy = co_mention_graph(store, min_weight=2)
    assert heavy.number_of_nodes() == co.number_of_nodes()
    assert 0 < heavy.number_of_edges() < co.number_of_edges()


# --------------------------------------------------------------------------- analysis


def test_shortest_path_through_a_shared_body(graph):
    path = shortest_path_between(graph, "Nguyễn Quốc Khánh", "Nguyễn Công Trưởng")
    btv, post = "Ban Thường vụ Tỉnh ủy Lạng Sơn", "Ủy viên Ban Thường vụ Tỉnh ủy Lạng Sơn"
    assert path == [
        Hop("Nguyễn Quốc Khánh", "holds", btv, True, post),  # both hold a post in the Standing Committee
        Hop(btv, "holds", "Nguyễn Công Trưởng", False, post),
    ]
    assert str(path[1]) == f"{btv} ←holds ({post})— Nguyễn Công Trưởng"
    text = format_path(path)
    assert text.startswith("Nguyễn Quốc Khánh —holds (") and text.endswith("— Nguyễn Công Trưởng")
    # IRIs and case-insensitive labels work too, and the answer is the same
    by_iri = shortest_path_between(graph, f"{VID}person/nguyễn-quốc-khánh", "nguyễn công  trưởng")
    assert by_iri == path


def test_shortest_path_edge_cases(graph, graph_with_documents):
    assert shortest_path_between(graph, "Nguyễn Quốc Khánh", "Nguyễn Quốc Khánh") == []
    with pytest.raises(UnknownNode):
        shortest_path_between(graph, "Nguyễn Quốc Khánh", "Không Có Ai")
    # a byline author is linked to the people of an article only through the article
    assert shortest_path_between(graph, "Nguyễn Quốc Khánh", "Hồ Hương") is None
    assert format_path(None) == "no path"
    # documents are no stepping stones by default, but may be allowed
    assert shortest_path_between(graph_with_documents, "Nguyễn Quốc Khánh", "Hồ Hương") is None
    via_doc = shortest_path_between(graph_with_documents, "Nguyễn Quốc Khánh", "Hồ Hương", exclude=())
    assert via_doc is not None and len(via_doc) == 2
    assert {hop.relation for hop in via_doc} <= {"mentions", "creator"}


def test_most_central(graph):
    org_labels = {data["label"] for _, data in graph.nodes(data=True) if data["type"] == "Organization"}
    for measure in ("degree", "betweenness"):
        top = most_central(graph, "Organization", k=5, measure=measure)
        assert len(top) == 5
        assert all(label in org_labels for label, _ in top)
        scores = [score for _, score in top]
        assert scores == sorted(scores, reverse=True) and scores[0] > 0
    assert most_central(graph, k=5) == most_central(graph, k=5)
    assert {label for label, _ in most_central(graph, "Person", k=3)} <= {
        data["label"] for _, data in graph.nodes(data=True) if data["type"] == "Person"
    }
    assert len(most_central(graph, None, k=1000)) == graph.number_of_nodes()
    with pytest.raises(ValueError):
        most_central(graph, measure="pagerank")


def test_components_summary(graph):
    rows = components_summary(graph, top=None)
    assert len(rows) == nx.number_connected_components(graph.to_undirected())
    assert sum(r["nodes"] for r in rows) == graph.number_of_nodes()
    assert sum(r["edges"] for r in rows) == graph.number_of_edges()
    sizes = [r["nodes"] for r in rows]
    assert sizes == sorted(sizes, reverse=True)
    largest = rows[0]
    assert largest["component"] == 1
    assert sum(int(part.rsplit(" ", 1)[1]) for part in largest["types"].split(", ")) == largest["nodes"]
    assert "Ban Thường vụ Tỉnh ủy Lạng Sơn" in components_summary(graph, top=1, hubs=5)[0]["hubs"].split("; ")
    short = components_summary(graph, top=3)
    assert short[:3] == rows[:3]
    assert short[3]["component"] == f"others ({len(rows) - 3})"
    assert sum(r["nodes"] for r in short) == graph.number_of_nodes()
    json.dumps(rows)  # plain data, one row per component (pd.DataFrame(rows) in the notebook)


# --------------------------------------------------------------------------- exports


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_jsonld_round_trip(built, store):
    data = jsonld_bytes(store)
    doc = json.loads(data)
    assert doc["@context"] == JSONLD_CONTEXT
    assert doc["@context"]["label"] == {"@id": "rdfs:label", "@language": "vi"}
    node = next(n for n in doc["@graph"] if n["@id"] == "vid:resolution/21-kl-tw")
    assert node["@type"] == "Resolution" and node["label"] == "Kết luận số 21-KL/TW"
    assert node["issuedBy"] == "vid:org/ban-chấp-hành-trung-ương"
    parsed = rdflib.Graph().parse(data=data.decode("utf-8"), format="json-ld")
    expected = rdflib.Graph().parse(built[0] / "graph.ttl", format="turtle")
    assert len(parsed) == len(expected)
    assert isomorphic(parsed, expected)
    # pyoxigraph's own JSON-LD parser agrees
    assert len(list(ox.parse(data, format=ox.RdfFormat.JSON_LD))) == len(expected)


def test_nquads_round_trip(built, store):
    data = nquads_bytes(store)
    quads = ox.Dataset(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    trig = ox.Dataset(ox.parse(path=str(built[0] / "graph.trig"), format=ox.RdfFormat.TRIG))
    assert len(quads) == len(trig)
    assert all(not isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    quads.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    trig.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    assert set(quads) == set(trig)
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(lines)


@pytest.mark.parametrize("documents", [False, True], ids=["entities", "with-documents"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_formats_round_trip(tmp_path, store, graph, graph_with_documents, fmt, documents):
    network = graph_with_documents if documents else graph
    path = export(store, tmp_path / f"g.{fmt}", include_documents=documents)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    assert back.nodes[KL21]["label"] == "Kết luận số 21-KL/TW"
    assert int(back.nodes[KL21]["mentions"]) == 3
    assert back.nodes[KL21]["type"] == "Resolution"
    relations = {data["relation"] for _, _, data in back.edges(data=True)}
    assert "holds" in relations and ("mentions" in relations) == documents


def test_network_exports_are_plain_xml(graph):
    for data in (graphml_bytes(graph), gexf_bytes(graph)):
        text = data.decode("utf-8")
        assert "Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn" in text
        assert "lastmodifieddate" not in text


def test_exports_are_deterministic(tmp_path, built, store):
    from kg.store import open_store

    on_disk = open_store(built[1])
    for fmt in FORMATS:
        first = export(store, tmp_path / f"a.{EXTENSION[fmt]}").read_bytes()
        second = export(store, tmp_path / f"b.{EXTENSION[fmt]}").read_bytes()
        from_store = export(on_disk, tmp_path / f"c.{EXTENSION[fmt]}").read_bytes()
        assert first == second == from_store, fmt


def test_export_replaces_atomically(tmp_path, store):
    target = tmp_path / "graph.nq"
    target.write_text("old")
    export(store, target)
    assert target.read_bytes() == nquads_bytes(store)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"]  # no temporary file left


# --------------------------------------------------------------------------- kg export


def run_kg(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kg", "export", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_writes_each_format(tmp_path, built, fmt):
    out = tmp_path / f"graph.{EXTENSION[fmt]}"
    done = run_kg("--data", str(built[0]), "-o", str(out), "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert out.is_file() and out.stat().st_size > 1000
    assert str(out) in done.stdout and fmt in done.stdout


def test_cli_format_from_extension_and_store(tmp_path, built, store):
    out = tmp_path / "net.gexf"
    done = run_kg("--store", str(built[1]), "-o", str(out), "--include-documents")
    assert done.returncode == 0, done.stderr
    assert nx.read_gexf(out).number_of_nodes() == entity_graph(store, include_documents=True).number_of_nodes()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "xml"], 2, "Invalid value for '--format'"),
        ([], 2, "cannot tell the format"),
        (["--data", "DOES-NOT-EXIST"], 1, "no graph at"),
        (["--store", "DOES-NOT-EXIST"], 1, "no store at"),
    ],
    ids=["bad-format", "unknown-extension", "missing-data", "missing-store"],
)
def test_cli_errors(tmp_path, built, args, code, message):
    out = tmp_path / "graph.txt" if not args or args[0] == "--format" else tmp_path / "graph.nq"
    data = [] if any(a in ("--data", "--store") for a in args) else ["--data", str(built[0])]
    done = run_kg(*data, *args, "-o", str(out))
    assert done.returncode == code
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()
