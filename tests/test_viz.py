"""kg.viz and `kg viz`: offline, deterministic, safe HTML view of the graph (no browser; see test_page_browser)."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, SKOS

from kg import viz

VNKG = Namespace("https://w3id.org/vnkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace("https://w3id.org/vnkg/id/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD namespace warns under pytest

EVIL_SCRIPT = "</script><script>window.PWNED=1</script>"
EVIL_IMG = '<img src=x onerror="window.PWNED=2"> href'
EVIL_QUOTES = "\"'`<!--<script>\u2028"


def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


def add_mention(g: Graph, n: int, entity, doc, sentence: str, text: str, start: int = 0) -> None:
    m = ID[f"mention/a1/{n}"]
    g.add((m, RDF.type, VNKG.Mention))
    g.add((m, VNKG.refersTo, entity))
    g.add((m, VNKG.inDocument, doc))
    g.add((m, VNKG.sentence, Literal(sentence)))
    g.add((m, VNKG.text, Literal(text)))
    g.add((m, VNKG.start, Literal(start, datatype=XSD.integer)))


def sample_graph(person_label: str = "Nguyễn Văn An", sentence: str | None = None, title: str | None = None) -> Graph:
    g = Graph()
    person, org, parent = ID["person/an"], ID["org/tinh-uy-ls"], ID["org/bch-tw"]
    post, res, prov = (
        ID["post/bi-thu-ls"],
        ID["resolution/nq-01"],
        ID["province/lang-son"],
    )
    district = ID["district/cao-loc"]
    doc = ID["doc/a1"]
    g.add((person, RDF.type, VNKG.Person))
    g.add((person, RDFS.label, vi(person_label)))
    g.add((person, SKOS.altLabel, vi("Đồng chí An")))
    g.add((org, RDF.type, VNKG.Organization))
    g.add((org, RDFS.label, vi("Tỉnh ủy Lạng Sơn")))
    g.add((org, ORG.subOrganizationOf, parent))
    g.add((org, VNKG.province, prov))
    g.add((parent, RDF.type, VNKG.Organization))
    g.add((parent, RDFS.label, vi("Ban Chấp hành Trung ương")))
    g.add((prov, RDF.type, VNKG.Province))
    g.add((prov, RDFS.label, vi("Lạng Sơn")))
    g.add((district, RDF.type, VNKG.District))
    g.add((district, RDFS.label, vi("Huyện Cao Lộc")))
    g.add((district, VNKG.province, prov))
    g.add((post, RDF.type, ORG.Post))
    g.add((post, RDFS.label, vi("Bí thư Tỉnh ủy")))
    g.add((post, ORG.postIn, org))
    g.add((person, ORG.holds, post))
    g.add((res, RDF.type, VNKG.Resolution))
    g.add((res, RDFS.label, vi("Nghị quyết số 01-NQ/TU")))
    g.add((res, VNKG.issuedBy, org))
    g.add((res, VNKG.district, district))
    g.add((doc, RDF.type, VNKG.Document))
    g.add((doc, DCTERMS.title, vi(title or "Hội nghị Tỉnh ủy Lạng Sơn")))
    g.add((doc, VNKG.sourceFile, Literal("000_a1.txt")))
    g.add((doc, DCTERMS.date, Literal("2024-05-27", datatype=XSD.date)))
    for entity in (person, org, res, prov, district):
        g.add((doc, VNKG.mentions, entity))
    said = sentence or f"Đồng chí {person_label}, Bí thư Tỉnh ủy Lạng Sơn phát biểu."
    add_mention(g, 0, person, doc, said, person_label, 9)
    add_mention(g, 1, person, doc, "Bí thư An chủ trì hội nghị.", "Bí thư An", 100)
    add_mention(g, 2, org, doc, said, "Tỉnh ủy Lạng Sơn", 30)
    add_mention(g, 3, prov, doc, "Lạng Sơn là tỉnh biên giới.", "Lạng Sơn", 200)
    return g


EXPECTED_NODES = 7  # person, 2 organisations, province, district, resolution, document


class Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.scripts = 0
        self.json_blocks: list[str] = []
        self.js_blocks: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._in_json = False
        self._in_js = False
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self.scripts += 1
            self._in_json = attrs.get("type") == "application/json"
            self._in_js = not self._in_json
            if self._in_js:
                self.js_blocks.append("")
        if tag not in {"meta", "br", "img", "link", "input"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()
        self._in_json = self._in_js = False

    def handle_data(self, data):
        if self._in_json:
            self.json_blocks.append(data)
        elif self._in_js:
            self.js_blocks[-1] += data


def parse(text: str) -> Structure:
    parser = Structure()
    parser.feed(text)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    return parser


def render(tmp_path: Path, graph: Graph, name: str = "kg.html", **kwargs) -> tuple[int, str]:
    out = tmp_path / name
    n = viz.write_html(graph, out, title="Đồ thị <thử>", **kwargs)
    return n, out.read_text(encoding="utf-8")


def payload(text: str) -> dict:
    (block,) = parse(text).json_blocks
    return json.loads(block)


def test_writes_self_contained_page(tmp_path):
    n, text = render(tmp_path, sample_graph())
    assert (tmp_path / "kg.html").is_file()
    assert n == EXPECTED_NODES
    low = text.lower()
    for bad in (
        'src="http',
        "src='http",
        'href="http',
        "href='http",
        "//cdn",
        "bootstrap",
        "tom-select",
        "lib/",
        "sourcemappingurl",
        "@import",
    ):
        assert bad not in low, bad
    assert not re.search(r"<(script|link|img|iframe|object|embed)[^>]*\s(src|href|data)\s*=", low)
    styles = re.findall(r"<style>(.*?)</style>", low, re.S)
    assert len(styles) == 2
    assert not any(re.search(r"url\((?!\"?data:)", css) for css in styles)  # CSS loads data: images only
    assert "vis-network" in text and "DataSet" in text and "vis.Network" in text
    js, css = viz.vis_assets()
    assert js in text and css in text
    assert "<title>Đồ thị &lt;thử&gt;</title>" in text
    # no leftover temp files from the atomic write
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.html"]


def test_content_security_policy_allows_only_the_pages_scripts(tmp_path):
    _, text = render(tmp_path, sample_graph())
    parser = parse(text)
    (csp,) = [a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    assert len(parser.js_blocks) == 2
    for code in parser.js_blocks:
        assert base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() in hashes


def test_controls_are_plain_html(tmp_path):
    _, text = render(tmp_path, sample_graph())
    tags = parse(text).tags
    ids = {a.get("id"): (t, a) for t, a in tags}
    assert ids["kg-search"][0] == "input" and ids["kg-search"][1]["type"] == "search"
    assert ids["kg-province"][0] == "select"
    assert ids["kg-reset"][0] == "button"
    assert ids["kg-show-docs"][1]["value"] == "Document"
    boxes = [a["value"] for t, a in tags if t == "input" and "kg-type-box" in (a.get("class") or "")]
    assert boxes == ["Person", "Organization", "Province", "District", "Resolution", "Document"]  # no Event here
    assert "kg-panel" in ids and "kg-tip" in ids
    assert "Người / Person" in text and "(1)" in text  # legend with counts


def test_nodes_edges_and_styles(tmp_path):
    _, text = render(tmp_path, sample_graph())
    data = payload(text)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert len(nodes) == EXPECTED_NODES
    assert not any("mention/" in i or "post/" in i for i in nodes)
    assert [n["id"] for n in data["nodes"]] == sorted(nodes)
    person = nodes[str(ID["person/an"])]
    assert person["label"] == "Nguyễn Văn An"
    assert "title" not in person  # the page builds node tooltips itself, from data.info
    doc = nodes[str(ID["doc/a1"])]
    assert doc["label"] == "Hội nghị Tỉnh ủy Lạng Sơn"
    # colour and shape per type
    org1, org2 = nodes[str(ID["org/tinh-uy-ls"])], nodes[str(ID["org/bch-tw"])]
    assert org1["color"] == org2["color"] != person["color"]
    assert org1["shape"] == org2["shape"] != person["shape"]
    # size by number of mentions: the person has two, the organisation one, the parent none
    assert person["size"] > org1["size"] > org2["size"]

    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    held = edges[(str(ID["person/an"]), str(ID["org/tinh-uy-ls"]))]
    assert held["label"] == "Bí thư Tỉnh ủy" and held["kind"] == "rel"
    assert edges[(str(ID["resolution/nq-01"]), str(ID["org/tinh-uy-ls"]))]["label"].startswith("ban hành")
    assert "implements" in viz.EDGE_LABELS[VNKG.implements]
    assert edges[(str(ID["org/tinh-uy-ls"]), str(ID["org/bch-tw"]))]["label"].endswith("part of")
    assert edges[(str(ID["org/tinh-uy-ls"]), str(ID["province/lang-son"]))]["label"].endswith("in province")
    mention_edges = [e for e in data["edges"] if e["from"] == str(ID["doc/a1"])]
    assert len(mention_edges) == 5
    assert all(e["kind"] == "mentions" and e["width"] < 1 and e["label"] == viz.MENTIONS_LABEL for e in mention_edges)
    assert len(data["edges"]) == 11
    assert len({e["id"] for e in data["edges"]}) == 11
    for e in data["edges"]:
        assert e["from"] in nodes and e["to"] in nodes
    # settles then stops
    opts = data["options"]
    assert opts["physics"]["stabilization"]["enabled"] is True
    assert opts["layout"] == {"randomSeed": viz.LAYOUT_SEED, "improvedLayout": True}
    assert "stabilizationIterationsDone" in text and "physics: { enabled: false }" in text


def test_evidence_names_and_provinces(tmp_path):
    _, text = render(tmp_path, sample_graph())
    data = payload(text)
    info = data["info"]
    person = info[str(ID["person/an"])]
    assert person["t"] == "Person" and person["name"] == "Nguyễn Văn An"
    assert person["alt"] == ["Đồng chí An"]
    assert (person["m"], person["d"]) == (2, 1)
    assert person["evn"] == 2
    sentences = [data["sentences"][s] for s, _d, _t in person["ev"]]
    assert sentences == ["Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy Lạng Sơn phát biểu.", "Bí thư An chủ trì hội nghị."]
    assert [t for _s, _d, t in person["ev"]] == ["Nguyễn Văn An", "Bí thư An"]
    (doc,) = data["docs"]
    assert doc == {
        "id": str(ID["doc/a1"]),
        "title": "Hội nghị Tỉnh ủy Lạng Sơn",
        "file": "000_a1.txt",
        "date": "2024-05-27",
    }
    assert all(d == 0 for _s, d, _t in person["ev"])
    # one sentence stored once even when it is evidence for two entities
    assert len(data["sentences"]) == len(set(data["sentences"])) == 3
    # province filter: the province, what is in it (directly or through a district)
    prov = str(ID["province/lang-son"])
    assert data["provinces"] == [[prov, "Lạng Sơn"]]
    for node in ("province/lang-son", "district/cao-loc", "org/tinh-uy-ls", "resolution/nq-01"):
        assert info[str(ID[node])]["p"] == [prov], node
    assert "p" not in info[str(ID["person/an"])] and "p" not in info[str(ID["org/bch-tw"])]
    assert info[str(ID["doc/a1"])]["doc"] == 0


def test_evidence_is_capped_and_long_sentences_cut(tmp_path):
    g = sample_graph()
    person, doc = ID["person/an"], ID["doc/a1"]
    for i in range(80):
        add_mention(g, 100 + i, person, doc, f"Câu số {i:03d} nhắc Nguyễn Văn An.", "Nguyễn Văn An", 1000 + i)
    long = "Mở đầu " + "rất dài " * 100 + "Nguyễn Văn An" + " và kết thúc" * 60
    add_mention(g, 999, person, doc, long, "Nguyễn Văn An", 5000)
    _, text = render(tmp_path, g)
    data = payload(text)
    person_info = data["info"][str(person)]
    assert len(person_info["ev"]) == viz.MAX_EVIDENCE
    assert person_info["evn"] == 83
    cut = viz._window(long, "Nguyễn Văn An")
    assert len(cut) <= viz.MAX_SENTENCE_CHARS + 2 and "Nguyễn Văn An" in cut
    assert cut.startswith("\u2026") and cut.endswith("\u2026")
    assert viz._window("ngắn", "x") == "ngắn"
    assert data["meta"]["tooltipEvidence"] == viz.TOOLTIP_EVIDENCE == 5


def test_fold_ignores_case_and_diacritics():
    assert viz.fold("Lạng Sơn") == viz.fold("lang son") == viz.fold("LẠNG  SƠN") == "lang son"
    assert viz.fold("Đảng ủy Khối") == "dang uy khoi"
    assert viz.fold("Nguyễn Thành Phong") == viz.fold("nguyen thanh phong")
    # the page folds the same way
    assert 'normalize("NFD")' in viz.PAGE_JS and "\\u0300-\\u036f" in viz.PAGE_JS and "\\u0111\\u0110" in viz.PAGE_JS


def test_deterministic(tmp_path):
    g = sample_graph()
    _, first = render(tmp_path, g, "a.html")
    _, second = render(tmp_path, g, "b.html")
    assert first == second
    # same triples added in another order → same bytes
    g2 = Graph()
    for t in sorted(g, reverse=True):
        g2.add(t)
    _, third = render(tmp_path, g2, "c.html")
    assert third == first
    viz.write_html(g, tmp_path / "a.html", title="Đồ thị <thử>")  # overwrite in place
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


@pytest.mark.parametrize("evil", [EVIL_SCRIPT, EVIL_IMG, EVIL_QUOTES])
def test_malicious_text_stays_text(tmp_path, evil):
    g = sample_graph(person_label=evil, sentence=f"Đồng chí {evil} nói {evil}.", title=f"Tin {evil}")
    g.add((ID["org/tinh-uy-ls"], SKOS.altLabel, vi(evil)))
    _, text = render(tmp_path, g)
    parser = parse(text)
    # every </script> closes one of the page's own script blocks
    assert text.lower().count("</script") == parser.scripts == 3
    assert "<script>window.PWNED" not in text
    assert "<img" not in text
    assert "<!--<" not in text
    assert "PWNED" in text or "`" in text  # the text is kept, in escaped form
    data = payload(text)
    person = next(n for n in data["nodes"] if n["id"] == str(ID["person/an"]))
    same = " ".join(evil.split())  # labels and sentences have their spacing normalised
    assert person["label"] == viz._shorten(same)
    info = data["info"]
    assert info[str(ID["person/an"])]["name"] == same  # round-trips as plain text
    assert same in info[str(ID["org/tinh-uy-ls"])]["alt"]
    assert " ".join(f"Đồng chí {evil} nói {evil}.".split()) in data["sentences"]
    assert data["docs"][0]["title"] == f"Tin {same}"


def test_page_code_never_parses_text_as_markup():
    code = viz.PAGE_JS
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "srcdoc"):
        assert sink not in code, sink
    assert "textContent" in code and "createTextNode" in code
    assert re.search(r"setTimeout\(function", code) and not re.search(r"setTimeout\(\s*[\"']", code)


def test_title_is_escaped(tmp_path):
    out = tmp_path / "t.html"
    viz.write_html(sample_graph(), out, title=EVIL_SCRIPT)
    text = out.read_text(encoding="utf-8")
    assert EVIL_SCRIPT not in text
    assert html.escape(EVIL_SCRIPT) in text


def test_empty_graph_and_untyped_nodes(tmp_path):
    g = Graph()
    g.add((ID["x"], RDFS.label, vi("không có kiểu")))
    n, text = render(tmp_path, g)
    assert n == 0
    data = payload(text)
    assert data["nodes"] == [] and data["info"] == {} and data["provinces"] == []


def test_foreign_pyvis_network_renders(tmp_path):
    net = Network(directed=True)
    net.add_node("a", label="A <b>", title="tip <i>")
    net.add_node("b", label="B")
    net.add_edge("a", "b")
    text = viz.render_html(net, title="x")
    data = payload(text)
    assert [n["id"] for n in data["nodes"]] == ["a", "b"] and data["info"] == {}


def many_people(n_docs: int, per_doc: int = 4) -> Graph:
    g = Graph()
    for i in range(n_docs):
        doc = ID[f"doc/{i}"]
        g.add((doc, RDF.type, VNKG.Document))
        g.add((doc, VNKG.sourceFile, Literal(f"{i:03d}.txt")))
        for j in range(per_doc):
            e = ID[f"person/{i}-{j}"]
            g.add((e, RDF.type, VNKG.Person))
            g.add((e, RDFS.label, vi(f"Người {i}-{j}")))
            g.add((doc, VNKG.mentions, e))
            g.add((doc, VNKG.mentions, ID[f"person/{(i + 1) % n_docs}-{j}"]))
    return g


def test_hundred_nodes_size(tmp_path):
    n, _ = render(tmp_path, many_people(20))
    assert n == 100
    size = (tmp_path / "kg.html").stat().st_size
    js, css = viz.vis_assets()
    assert size < len((js + css).encode()) + 200_000


def test_big_graphs_get_cheaper_physics(tmp_path):
    small = viz._options(300)
    assert small["layout"]["improvedLayout"] is True and small["physics"]["solver"] == "forceAtlas2Based"
    n, text = render(tmp_path, many_people(300), max_nodes=None)
    assert n == 1500
    opts = payload(text)["options"]
    assert opts["layout"]["improvedLayout"] is False
    assert opts["physics"]["solver"] == "barnesHut"
    assert opts["physics"]["stabilization"]["iterations"] <= 200
    assert opts["interaction"]["hideEdgesOnDrag"] is True
    assert viz._options(5000)["physics"]["stabilization"]["iterations"] < opts["physics"]["stabilization"]["iterations"]


def test_max_nodes_keeps_the_most_mentioned(tmp_path):
    g = many_people(30)
    star = ID["person/0-0"]
    for i in range(30):
        g.add((ID[f"doc/{i}"], VNKG.mentions, star))
    n, text = render(tmp_path, g, max_nodes=25)
    assert n == 25
    data = payload(text)
    assert data["meta"]["truncated"] is True and data["meta"]["total"] == 150 and data["meta"]["shown"] == 25
    ids = {node["id"] for node in data["nodes"]}
    assert str(star) in ids
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert "most-mentioned" in viz.PAGE_JS  # the page says so
    # the default: at most DEFAULT_MAX_NODES
    assert render(tmp_path, many_people(400), "big.html")[0] == viz.DEFAULT_MAX_NODES


def test_focus_and_hops():
    view = viz.GraphView.of(sample_graph())
    one = viz.select_nodes(view, focus="nghi quyet so 01-nq/tu", hops=1)
    assert one.focus == ID["resolution/nq-01"]
    assert set(one.nodes) == {ID["resolution/nq-01"], ID["org/tinh-uy-ls"], ID["district/cao-loc"], ID["doc/a1"]}
    two = viz.select_nodes(view, focus=str(ID["resolution/nq-01"]), hops=2, documents=False)
    assert ID["doc/a1"] not in two.nodes and ID["person/an"] in two.nodes and ID["province/lang-son"] in two.nodes
    assert ID["org/bch-tw"] in two.nodes
    zero = viz.select_nodes(view, focus=f"<{ID['person/an']}>", hops=0)
    assert set(zero.nodes) == {ID["person/an"]}
    assert viz.select_nodes(view, focus="dong chi an", hops=0).focus == ID["person/an"]  # by another name
    with pytest.raises(viz.FocusError, match="close matches: Lạng Sơn"):
        viz.select_nodes(view, focus="lang sonn")
    with pytest.raises(viz.FocusError, match="--no-documents"):
        viz.select_nodes(view, focus=str(ID["doc/a1"]), documents=False)


def test_vis_code_is_inlined_unchanged():
    import pyvis

    shipped = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    raw = shipped.read_bytes().decode("utf-8").replace("\r\n", "\n")
    js, _ = viz.vis_assets()
    assert "sourceMappingURL" not in js
    # only the trailing source-map comment is gone; no line was split or joined
    assert raw.startswith(js.rstrip("\n"))
    assert "sourceMappingURL" in raw[len(js.rstrip("\n")) :]


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_page_scripts_parse_as_javascript(tmp_path):
    _, text = render(tmp_path, sample_graph(person_label=EVIL_SCRIPT))
    parser = parse(text)
    assert len(parser.js_blocks) == 2
    for i, code in enumerate(parser.js_blocks):
        script = tmp_path / f"s{i}.js"
        script.write_text(code, encoding="utf-8")
        done = subprocess.run(["node", "--check", str(script)], check=False, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]


# --------------------------------------------------------------------------- kg viz


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd or ROOT, check=False, timeout=120
    )


def test_kg_viz_whole_graph_is_the_build_page(seed_build, tmp_path):
    data = seed_build.outputs["html"].parent
    out = tmp_path / "whole.html"
    run = kg("viz", "--data", str(data), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert out.read_bytes() == seed_build.outputs["html"].read_bytes()
    assert f"{seed_build.report['counts']['nodes_drawn']} nodes" in run.stdout


def test_kg_viz_focus_hops_max_nodes(seed_build, tmp_path):
    data = str(seed_build.outputs["html"].parent)
    one, two = tmp_path / "one.html", tmp_path / "two.html"
    run = kg("viz", "--data", data, "-o", str(one), "--focus", "ket luan so 21-kl/tw", "--hops", "1")
    assert run.returncode == 0, run.stderr
    assert "around 'Kết luận số 21-KL/TW' (1 hop)" in run.stdout
    page1 = payload(one.read_text(encoding="utf-8"))
    assert page1["meta"]["focus"] == {"id": str(ID["resolution/21-kl-tw"]), "label": "Kết luận số 21-KL/TW"}
    assert "<title>kg — Kết luận số 21-KL/TW</title>" in one.read_text(encoding="utf-8")
    run = kg("viz", "--data", data, "-o", str(two), "--focus", str(ID["resolution/21-kl-tw"]), "--no-documents")
    assert run.returncode == 0, run.stderr
    page2 = payload(two.read_text(encoding="utf-8"))
    ids1, ids2 = {n["id"] for n in page1["nodes"]}, {n["id"] for n in page2["nodes"]}
    assert any("/article/" in i for i in ids1) and not any("/article/" in i for i in ids2)
    assert str(ID["org/ban-chấp-hành-trung-ương"]) in ids1 & ids2
    again = tmp_path / "again.html"
    kg("viz", "--data", data, "-o", str(again), "--focus", str(ID["resolution/21-kl-tw"]), "--no-documents")
    assert again.read_bytes() == two.read_bytes()  # deterministic

    small = tmp_path / "small.html"
    run = kg("viz", "--data", data, "-o", str(small), "--max-nodes", "10")
    assert run.returncode == 0
    assert "showing the 10 most-mentioned of" in run.stderr
    meta = payload(small.read_text(encoding="utf-8"))["meta"]
    assert meta["truncated"] is True and meta["shown"] == 10 and meta["total"] > 10


def test_kg_viz_errors(seed_build, tmp_path):
    data = str(seed_build.outputs["html"].parent)
    run = kg("viz", "--data", data, "-o", str(tmp_path / "x.html"), "--focus", "lang")
    assert run.returncode == 1
    assert "no node has the IRI or name 'lang'" in run.stderr and "Lạng Sơn" in run.stderr
    assert not (tmp_path / "x.html").exists()
    run = kg("viz", "--data", str(tmp_path / "missing"), "-o", str(tmp_path / "x.html"))
    assert run.returncode == 1 and "kg build" in run.stderr
    run = kg("viz", "--data", data)
    assert run.returncode == 2  # -o is required
    run = kg("viz", "--data", data, "-o", str(tmp_path / "x.html"), "--max-nodes", "0")
    assert run.returncode == 2


@pytest.mark.parametrize("max_nodes", [25, viz.DEFAULT_MAX_NODES])
def test_build_page_from_records_is_the_page_of_the_union_graph(seed_build, tmp_path, max_nodes):
    """`kg build` makes its page from the resolved articles (kg.overview), without loading the
    union graph: the page is the one kg.viz.overview_network reads from that graph in a store,
    with few nodes drawn (the most mentioned, their first mentions) and with all."""
    import pyoxigraph as ox

    from kg.builder import write_graphs
    from kg.graph import Describer
    from kg.overview import UnionIndex, page_network

    resolved = seed_build.resolved
    write_graphs(resolved, tmp_path / "g.trig", tmp_path / "g.ttl")  # the union, without reference and summary
    store = ox.Store()
    store.bulk_load(path=str(tmp_path / "g.ttl"), format=ox.RdfFormat.TURTLE)
    from_store = viz.overview_network(store, max_nodes=max_nodes)
    from_records = page_network(
        UnionIndex(resolved.articles, Describer(resolved.entities, resolved.articles)), max_nodes=max_nodes
    )
    assert len(from_records.nodes) == min(max_nodes, from_store.kg_page["meta"]["total"])
    assert viz.render_html(from_records) == viz.render_html(from_store)
