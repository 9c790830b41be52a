"""kg.viz: offline, deterministic, safe HTML view of the graph."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, SKOS

from kg import viz

VNKG = Namespace("https://w3id.org/vnkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace("https://w3id.org/vnkg/id/")

EVIL_SCRIPT = "</script><script>window.PWNED=1</script>"
EVIL_IMG = '<img src=x onerror="window.PWNED=2"> href'


def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


def sample_graph(person_label: str = "Nguyễn Văn An") -> Graph:
    g = Graph()
    person, org, parent = ID["person/an"], ID["org/tinh-uy-ls"], ID["org/bch-tw"]
    post, res, prov = (
        ID["post/bi-thu-ls"],
        ID["resolution/nq-01"],
        ID["province/lang-son"],
    )
    doc, mention = ID["doc/a1"], ID["mention/a1-0"]
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
    g.add((post, RDF.type, ORG.Post))
    g.add((post, RDFS.label, vi("Bí thư Tỉnh ủy")))
    g.add((post, ORG.postIn, org))
    g.add((person, ORG.holds, post))
    g.add((res, RDF.type, VNKG.Resolution))
    g.add((res, RDFS.label, vi("Nghị quyết số 01-NQ/TU")))
    g.add((res, VNKG.issuedBy, org))
    g.add((doc, RDF.type, VNKG.Document))
    g.add((doc, DCTERMS.title, vi("Hội nghị Tỉnh ủy Lạng Sơn")))
    g.add((doc, VNKG.sourceFile, Literal("000_a1.txt")))
    for entity in (person, org, res, prov):
        g.add((doc, VNKG.mentions, entity))
    g.add((mention, RDF.type, VNKG.Mention))
    g.add((mention, RDFS.label, vi("Bí thư An")))
    return g


EXPECTED_NODES = 6  # person, 2 organisations, province, resolution, document


class Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.scripts = 0
        self.json_blocks: list[str] = []
        self.js_blocks: list[str] = []
        self._in_json = False
        self._in_js = False
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
            self._in_json = attrs.get("type") == "application/json"
            self._in_js = not self._in_json
            if self._in_js:
                self.js_blocks.append("")
        if tag not in {"meta", "br", "img", "link"}:
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


def render(tmp_path: Path, graph: Graph, name: str = "kg.html") -> tuple[int, str]:
    out = tmp_path / name
    n = viz.write_html(graph, out, title="Đồ thị <thử>")
    return n, out.read_text(encoding="utf-8")


def payload(text: str) -> dict:
    parser = Structure()
    parser.feed(text)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    (block,) = parser.json_blocks
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
    ):
        assert bad not in low, bad
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", low)
    assert "vis-network" in text and "DataSet" in text and "Network" in text
    js, css = viz.vis_assets()
    assert js in text and css in text
    assert "<title>Đồ thị &lt;thử&gt;</title>" in text
    # no leftover temp files from the atomic write
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.html"]


def test_nodes_edges_and_styles(tmp_path):
    _, text = render(tmp_path, sample_graph())
    data = payload(text)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert len(nodes) == EXPECTED_NODES
    assert str(ID["mention/a1-0"]) not in nodes
    assert str(ID["post/bi-thu-ls"]) not in nodes
    assert [n["id"] for n in data["nodes"]] == sorted(nodes)
    person = nodes[str(ID["person/an"])]
    assert person["label"] == "Nguyễn Văn An"
    assert "Person" in person["title"] and "Đồng chí An" in person["title"]
    doc = nodes[str(ID["doc/a1"])]
    assert doc["label"] == "Hội nghị Tỉnh ủy Lạng Sơn"
    # colour and shape per type
    org1, org2 = nodes[str(ID["org/tinh-uy-ls"])], nodes[str(ID["org/bch-tw"])]
    assert org1["color"] == org2["color"] != person["color"]
    assert org1["shape"] == org2["shape"] != person["shape"]
    # size by number of mentioning documents
    assert person["size"] > org2["size"]

    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    held = edges[(str(ID["person/an"]), str(ID["org/tinh-uy-ls"]))]
    assert held["label"] == "Bí thư Tỉnh ủy"
    assert edges[(str(ID["resolution/nq-01"]), str(ID["org/tinh-uy-ls"]))]["label"].startswith("ban hành")
    assert edges[(str(ID["org/tinh-uy-ls"]), str(ID["org/bch-tw"]))]["label"].startswith("thuộc")
    assert edges[(str(ID["org/tinh-uy-ls"]), str(ID["province/lang-son"]))]["label"].startswith("ở")
    mention_edges = [e for e in data["edges"] if e["from"] == str(ID["doc/a1"])]
    assert len(mention_edges) == 4 and all(e["width"] < 1 and "label" not in e for e in mention_edges)
    assert len(data["edges"]) == 8
    for e in data["edges"]:
        assert e["from"] in nodes and e["to"] in nodes
    # settles then stops
    opts = data["options"]
    assert opts["physics"]["stabilization"]["enabled"] is True
    assert isinstance(opts["layout"]["randomSeed"], int)
    assert "stabilizationIterationsDone" in text and "physics: { enabled: false }" in text
    assert "legend" in text


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


@pytest.mark.parametrize("evil", [EVIL_SCRIPT, EVIL_IMG])
def test_malicious_labels_stay_text(tmp_path, evil):
    g = sample_graph(person_label=evil)
    g.add((ID["org/tinh-uy-ls"], SKOS.altLabel, vi(evil)))
    _, text = render(tmp_path, g)
    parser = Structure()
    parser.feed(text)
    parser.close()
    assert parser.errors == []
    # every </script> closes one of the page's own script blocks
    assert text.lower().count("</script") == parser.scripts == 3
    assert "<script>window.PWNED" not in text
    assert "<img" not in text
    assert "PWNED" in text  # the text is kept, in escaped form
    data = payload(text)
    person = next(n for n in data["nodes"] if n["id"] == str(ID["person/an"]))
    assert person["label"] == viz._shorten(evil)
    assert evil in person["title"]  # round-trips as plain text
    # the page's own code never routes text through innerHTML
    assert "innerHTML" not in viz.PAGE_JS


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
    assert payload(text)["nodes"] == []


def test_hundred_nodes_size(tmp_path):
    g = Graph()
    for i in range(20):
        doc = ID[f"doc/{i}"]
        g.add((doc, RDF.type, VNKG.Document))
        g.add((doc, VNKG.sourceFile, Literal(f"{i:03d}.txt")))
        for j in range(4):
            e = ID[f"person/{i}-{j}"]
            g.add((e, RDF.type, VNKG.Person))
            g.add((e, RDFS.label, vi(f"Người {i}-{j}")))
            g.add((doc, VNKG.mentions, e))
            g.add((doc, VNKG.mentions, ID[f"person/{(i + 1) % 20}-{j}"]))
    n, _ = render(tmp_path, g)
    assert n == 100
    size = (tmp_path / "kg.html").stat().st_size
    js, css = viz.vis_assets()
    assert size < len((js + css).encode()) + 200_000


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
    parser = Structure()
    parser.feed(text)
    parser.close()
    assert len(parser.js_blocks) == 2
    for i, code in enumerate(parser.js_blocks):
        script = tmp_path / f"s{i}.js"
        script.write_text(code, encoding="utf-8")
        done = subprocess.run(
            ["node", "--check", str(script)],
            check=False,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-2000:]
