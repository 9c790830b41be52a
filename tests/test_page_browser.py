"""graph.html in real headless Chromium: offline, no console error, controls work, article text never runs.

Needs Debian's ``chromium`` (/usr/bin/chromium, or $KG_CHROMIUM) and the ``playwright`` package from
PyPI (its driver only: no browser is downloaded). Without them the tests are skipped locally and fail
in CI (CI=true), where .ci/run installs both. Screenshots go to $KG_ARTIFACTS (default tests/artifacts/).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS

from kg import viz

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("KG_ARTIFACTS") or ROOT / "tests" / "artifacts")
VNKG = Namespace("https://w3id.org/vnkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace("https://w3id.org/vnkg/id/")
DRAWN_TYPES = ("Person", "Organization", "Province", "District", "Resolution", "Event", "Document")

EVIL_ARTICLE = """Thứ hai, 03/03/2025

Quảng Ninh "học tập" Nghị quyết </script><script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2">

Đồng chí Nguyễn Văn Hạnh, Bí thư Tỉnh ủy Quảng Ninh <img src=x onerror="window.__pwned=3"> chủ trì hội nghị \
"quán triệt" Kết luận số 21-KL/TW </script><script>window.__pwned=4</script> của Ban Chấp hành Trung ương.

Sáng 3/3, Tỉnh ủy Quảng Ninh tổ chức Hội nghị quán triệt Kết luận số 21-KL/TW về đẩy mạnh xây dựng, \
chỉnh đốn Đảng "<b onmouseover=window.__pwned=6>đặc biệt</b>" và hệ thống chính trị.

Đồng chí Trần Văn Phúc "<img src=x onerror=window.__pwned=5>", Phó Bí thư Tỉnh ủy Quảng Ninh, phát biểu tại hội nghị.
"""

# the page's nodes, as the page's vis DataSet has them; positions on the screen
JS_NODE_POINT = """(id) => {
  const net = window.kgNetwork;
  net.moveTo({position: net.getPosition(id), scale: 1.3, animation: false});
  const p = net.canvasToDOM(net.getPosition(id));
  const r = document.getElementById("kg-network").getBoundingClientRect();
  return [r.left + p.x, r.top + p.y];
}"""


def _need_browser():
    problem = None
    if not Path(CHROMIUM).is_file():
        problem = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed (pip install playwright)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {problem}")
        pytest.skip(problem)


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Page:
    """A page opened from disk, with every request, console message and page error recorded."""

    def __init__(self, browser, path: Path, timeout_s: float = 30) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.resolve().as_uri())
        # the layout settles and physics stops
        self.page.wait_for_function("() => window.kg && window.kg.ready === true", timeout=timeout_s * 1000)

    def js(self, code: str, arg=None):
        return self.page.evaluate(code, arg)

    def visible(self) -> set[str]:
        return set(self.js("() => window.kg.visibleNodeIds()"))

    def check_clean(self) -> None:
        outside = [u for u in self.requests if not u.startswith(("file:", "data:", "blob:"))]
        assert outside == [], outside
        assert self.failed == [], self.failed
        assert [m for m in self.console if m.startswith(("error", "warning"))] == [], self.console
        assert self.errors == [], self.errors

    def hover_and_click(self, node_id: str) -> bool:
        """Real mouse: hover the node (tooltip), then click it (side panel). False if another node was hit."""
        x, y = self.js(JS_NODE_POINT, node_id)
        self.page.mouse.move(x - 60, y - 60)
        self.page.mouse.move(x, y, steps=3)
        self.page.wait_for_selector("#kg-tip:not([hidden])", timeout=3000)
        self.page.mouse.click(x, y)
        self.page.wait_for_selector("#kg-panel:not([hidden])", timeout=3000)
        return self.js("() => window.kg.panelFor") == node_id

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        out = ARTIFACTS / name
        self.page.screenshot(path=str(out))
        return out

    def close(self) -> None:
        self.context.close()


def drawn_in_build(out: Path) -> int:
    """Entity and document nodes in the build's article graphs (what graph.html draws), by SPARQL."""
    from kg.sparql import run_query
    from kg.store import load_store

    types = " ".join(f"vnkg:{t}" for t in DRAWN_TYPES)
    rows = run_query(
        load_store(out),
        f"""SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{
              VALUES ?type {{ {types} }}
              GRAPH ?g {{ ?s a ?type }}
              FILTER (?g NOT IN (<{ID["graph/reference"]}>, <{ID["graph/ontology"]}>))
              FILTER NOT EXISTS {{ ?s a vnkg:Mention }}
            }}""",
    ).rows
    return int(rows[0][0].value)


@pytest.fixture(scope="module")
def evil_build(tmp_path_factory):
    from kg.builder import build

    src = tmp_path_factory.mktemp("articles")
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, src / f.name)
    (src / "005_evil.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("evil-out")
    result = build([src], out, show_progress=False)
    return out, result


def test_seed_page_offline_counts_search_filters(browser, seed_build):
    out = seed_build.outputs["html"]
    page = Page(browser, out)
    try:
        expected = drawn_in_build(out.parent)
        assert page.js("() => window.kgNetwork.body.data.nodes.length") == expected
        assert seed_build.report["counts"]["nodes_drawn"] == expected
        everything = page.visible()
        assert len(everything) == expected
        assert page.js("() => window.kgNetwork.physics.physicsEnabled") is False
        info = page.js("() => window.kg.data.info")
        of_type = {t: {i for i, v in info.items() if v["t"] == t} for t in ("Person", "Document", "Province")}
        assert of_type["Person"] and of_type["Document"]
        page.shot("seed-page.png")

        # search ignores case and diacritics
        lang_son = str(ID["province/20"])
        page.page.fill("#kg-search", "lang son")
        page.page.wait_for_function("() => window.kg.matches.length > 0")
        found = page.visible()
        assert lang_son in found and len(found) < len(everything)
        assert lang_son in page.js("() => window.kg.matches")
        assert "Điện Biên" not in {info[i]["name"] for i in found}
        page.page.fill("#kg-search", "LẠNG SƠN")
        page.page.wait_for_timeout(300)
        assert page.visible() == found
        page.page.press("#kg-search", "Enter")  # opens the best match
        page.page.wait_for_selector("#kg-panel:not([hidden])")
        assert page.page.inner_text("#kg-panel h2") == "Lạng Sơn"
        assert page.page.locator("#kg-panel mark").count() > 0
        page.shot("seed-search.png")
        page.page.click("#kg-reset")
        assert page.visible() == everything

        # type filters: people off, then the articles off
        page.page.uncheck("#kg-type-person")
        assert page.visible() == everything - of_type["Person"]
        page.page.uncheck("#kg-show-docs")
        assert page.visible() == everything - of_type["Person"] - of_type["Document"]
        page.page.click("#kg-reset")
        assert page.visible() == everything

        # province filter: An Giang keeps its districts and bodies, and their neighbours only
        page.page.select_option("#kg-province", str(ID["province/89"]))
        in_an_giang = page.visible()
        assert str(ID["district/892"]) in in_an_giang and lang_son not in in_an_giang
        assert len(in_an_giang) < len(everything)
        page.page.click("#kg-reset")

        # hover and click a person: tooltip, then the side panel with highlighted evidence
        person = sorted(of_type["Person"], key=lambda i: -info[i]["m"])[0]
        page.hover_and_click(person)
        assert page.page.locator("#kg-panel .kg-ev li").count() == len(info[person]["ev"]) > 0
        page.shot("seed-panel.png")
        page.check_clean()
    finally:
        page.close()


def test_injected_article_text_never_runs(browser, evil_build):
    out, result = evil_build
    page = Page(browser, out / "graph.html")
    try:
        assert page.js("() => window.kgNetwork.body.data.nodes.length") == drawn_in_build(out)
        info = page.js("() => window.kg.data.info")
        evil_doc = str(ID["article/005_evil"])
        assert evil_doc in info and "</script><script>window.__pwned=1</script>" in info[evil_doc]["name"]
        edges = page.js("() => window.kg.data.edges")
        from_evil = sorted({e["to"] for e in edges if e["from"] == evil_doc})
        assert str(ID["person/nguyễn-văn-hạnh"]) in from_evil and len(from_evil) >= 4
        hits = 0
        for node in [evil_doc, *from_evil]:
            hits += page.hover_and_click(node)
            if page.js("() => window.kg.panelFor") != node:  # another node lay on top: open its panel directly
                page.js("(id) => window.kg.select(id)", node)
            panel = page.page.inner_text("#kg-panel")
            assert info[node]["name"] in panel
            assert page.js("() => typeof window.__pwned") == "undefined", node
        assert hits >= len(from_evil) // 2  # most were real clicks
        # the markup shows as text in the panel and the tooltip
        page.hover_and_click(str(ID["person/nguyễn-văn-hạnh"]))
        panel = page.page.inner_text("#kg-panel")
        assert '<img src=x onerror="window.__pwned=3">' in panel
        assert "</script><script>window.__pwned=4</script>" in panel
        assert "<img" in page.page.inner_text("#kg-tip")
        page.shot("injected-article-panel.png")
        page.hover_and_click(evil_doc)
        assert "</script><script>window.__pwned=1</script>" in page.page.inner_text("#kg-panel h2")
        page.page.fill("#kg-search", "onerror")  # searching for the markup only finds text
        page.page.wait_for_timeout(300)
        assert page.js("() => typeof window.__pwned") == "undefined"
        assert page.js("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert page.js("() => document.scripts.length") == 3
        page.check_clean()
    finally:
        page.close()


def big_graph(n_people: int = 2000, n_orgs: int = 500, n_docs: int = 500) -> Graph:
    g = Graph()
    for i in range(n_orgs):
        org = ID[f"org/o{i}"]
        g.add((org, RDF.type, VNKG.Organization))
        g.add((org, RDFS.label, Literal(f"Tổ chức {i}", lang="vi")))
        if i:
            g.add((org, ORG.subOrganizationOf, ID[f"org/o{(i - 1) // 4}"]))
    for i in range(n_people):
        person, post = ID[f"person/p{i}"], ID[f"post/p{i}"]
        g.add((person, RDF.type, VNKG.Person))
        g.add((person, RDFS.label, Literal(f"Người {i}", lang="vi")))
        g.add((person, ORG.holds, post))
        g.add((post, RDFS.label, Literal(f"Chức vụ {i}", lang="vi")))
        g.add((post, ORG.postIn, ID[f"org/o{i % n_orgs}"]))
    for i in range(n_docs):
        doc = ID[f"article/a{i}"]
        g.add((doc, RDF.type, VNKG.Document))
        g.add((doc, DCTERMS.title, Literal(f"Bài {i}", lang="vi")))
        for j in range(4):
            g.add((doc, VNKG.mentions, ID[f"person/p{(7 * i + j) % n_people}"]))
    return g


def test_several_thousand_nodes_settle(browser, tmp_path):
    path = tmp_path / "big.html"
    n = viz.write_html(big_graph(), path, max_nodes=None)
    assert n == 3000
    t0 = time.perf_counter()
    page = Page(browser, path, timeout_s=40)
    try:
        settle_s = time.perf_counter() - t0
        assert page.js("() => window.kgNetwork.body.data.nodes.length") == 3000
        assert page.js("() => window.kgNetwork.physics.physicsEnabled") is False
        assert settle_s < 40
        page.shot("big-graph.png")
        page.page.fill("#kg-search", "nguoi 1999")
        page.page.wait_for_function("() => window.kg.matches.length === 1")
        assert len(page.visible()) < 10
        page.check_clean()
    finally:
        page.close()


def test_page_inline_in_an_iframe_srcdoc(browser, seed_build, tmp_path):
    """As the notebook shows it: the page inside <iframe srcdoc=…> (a Lạng Sơn subgraph, as in the notebook)."""
    import html

    import kg

    store = kg.load(seed_build.outputs["html"].parent)
    sub = kg.subgraph(
        store,
        """CONSTRUCT { ?o a ?type ; rdfs:label ?label ; org:subOrganizationOf ?parent ; vnkg:province ?p . }
           WHERE { ?o vnkg:province ?p ; a ?type ; rdfs:label ?label .
                   OPTIONAL { ?o org:subOrganizationOf ?parent } }""",
    )
    page_html = viz.render_html(viz.build_network(sub), title="Lạng Sơn <i>")
    host = tmp_path / "notebook.html"
    host.write_text(
        f'<!DOCTYPE html><meta charset="utf-8"><iframe srcdoc="{html.escape(page_html)}" '
        'style="width:100%;height:520px;border:1px solid #ddd"></iframe>',
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 1000, "height": 600})
    try:
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: r.url.startswith(("file:", "data:", "blob:", "about:")) or problems.append(r.url))
        page.goto(host.resolve().as_uri())
        frame = page.frames[1]
        frame.wait_for_function("() => window.kg && window.kg.ready === true", timeout=20_000)
        assert frame.evaluate("() => window.kgNetwork.body.data.nodes.length") == len(viz.build_network(sub).nodes) > 5
        assert frame.inner_text("h1") == "Lạng Sơn <i>"
        assert problems == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "notebook-iframe.png"))
    finally:
        context.close()
