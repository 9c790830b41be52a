"""Every named query, with its exact answer on the seeds; the persistent store and rdflib agree."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest
from conftest import A000, A001, A002, A003, A004, ROOT
from rdflib import Graph, URIRef

import kg
from kg.sparql import named_queries, named_query
from kg.store import query_prefixes


def named(ask, name, **bindings):
    return ask(named_query(name).text, **bindings)


def test_at_least_twelve_named_queries_each_described():
    queries = named_queries()
    assert len(queries) >= 12
    assert all(q.description for q in queries.values())
    listing = subprocess.run([sys.executable, "-m", "kg", "query", "--list"], capture_output=True, text=True, cwd=ROOT)
    assert all(name in listing.stdout for name in queries)


def test_resolutions(ask):
    rows = named(ask, "resolutions")
    assert rows[:4] == [
        ["Kết luận số 21-KL/TW", "21-KL/TW", "2021-10-25", "Ban Chấp hành Trung ương", "3"],
        ["Nghị quyết số 04-NQ/TW", "04-NQ/TW", "2016-10-30", "Ban Chấp hành Trung ương", "3"],
        ["Chỉ thị số 05-CT/TW", "05-CT/TW", "2016-05-15", "Bộ Chính trị", "2"],
        ["Nghị quyết số 12-NQ/TW", "12-NQ/TW", "2012-01-16", "Ban Chấp hành Trung ương", "2"],
    ]
    assert len(rows) == 10


def test_posts_by_province(ask):
    assert named(ask, "posts_by_province", province=ox.Literal("Điện Biên", language="vi")) == [
        ["Điện Biên", "Lò Văn Muôn", "Chủ tịch Hội đồng nhân dân tỉnh Điện Biên", "Hội đồng nhân dân tỉnh Điện Biên"],
        ["Điện Biên", "Lò Văn Muôn", "Phó Bí thư Thường trực Tỉnh ủy Điện Biên", "Tỉnh ủy Điện Biên"],
    ]
    assert len(named(ask, "posts_by_province")) == 6


def test_provinces_citing_a_resolution(ask):
    assert named(ask, "provinces_citing", symbol=ox.Literal("21-KL/TW")) == [
        ["21-KL/TW", "An Giang", A004, ""],
        ["21-KL/TW", "Lạng Sơn", A001, ""],
    ]
    assert named(ask, "provinces_citing", symbol=ox.Literal("04-NQ/TW")) == [
        ["04-NQ/TW", "Lạng Sơn", A000, "2022-06-25"],
        ["04-NQ/TW", "Điện Biên", A003, "2019-11-15"],
    ]


def test_implementation_chains_and_implements(ask):
    assert named(ask, "implementation_chains") == [["Kế hoạch số 83-KH/TU", "Kết luận số 21-KL/TW", "1"]]
    assert named(ask, "implements") == [["Kế hoạch số 83-KH/TU", "Kết luận số 21-KL/TW", "2022-02-21"]]


def test_sub_organizations(ask):
    rows = named(ask, "sub_organizations", organization=ox.Literal("Tỉnh ủy Lạng Sơn", language="vi"))
    assert [unit for _, unit in rows] == sorted(unit for _, unit in rows)
    assert {unit for _, unit in rows} == {
        "Ban Thường vụ Tỉnh ủy Lạng Sơn",
        "Ban Tổ chức Tỉnh ủy Lạng Sơn",
        "Ban Tuyên giáo Thành ủy Lạng Sơn",
        "Ban Tổ chức Thành ủy Lạng Sơn",
        "Thành ủy Lạng Sơn",
        "Thường trực Thành ủy Lạng Sơn",
        "Văn phòng Tỉnh ủy Lạng Sơn",
        "Ủy ban Kiểm tra Tỉnh ủy Lạng Sơn",
    }


def test_entity_evidence(ask):
    rows = named(ask, "entity_evidence", entity=ox.NamedNode("https://w3id.org/vnkg/id/resolution/21-kl-tw"))
    assert [(text, file) for _, _, text, file, _, _ in rows] == [
        ("Kết luận số 21-KL/TW", A001),
        ("Kết luận số 21-KL/TW", A001),
        ("Kết luận số 21-KL/T", A001),
        ("Kết luận số 21-KL/TW", A001),
        ("Kết luận số 21-KL/TW", A002),
        ("Kết luận số 21-KL/TW", A004),
    ]
    assert rows[2][5].startswith("Ban Tổ chức Thành ủy đã tham mưu xây dựng Kế hoạch số 83-KH/TU")


def test_entity_facts(ask):
    rows = named(ask, "entity_facts", entity=ox.NamedNode("https://w3id.org/vnkg/id/resolution/21-kl-tw"))
    facts = {(prop.rsplit("#", 1)[-1].rsplit("/", 1)[-1], value) for _, prop, value in rows}
    assert {
        ("symbol", "21-KL/TW"),
        ("issued", "2021-10-25"),
        ("issuedBy", "Ban Chấp hành Trung ương"),
        ("altLabel", "Kết luận số 21-KL/T"),
        ("term", "XIII"),
    } <= facts


def test_most_cited_people_provinces_and_counts(ask):
    assert named(ask, "people")[0] == ["Hồ Chí Minh", "", "2"]
    assert ["Trần Thị Minh", "Tiến sĩ", "1"] in named(ask, "people")
    assert named(ask, "provinces") == [["Lạng Sơn", "20", "2"], ["Điện Biên", "11", "1"], ["An Giang", "89", "1"]]
    counts = dict(named(ask, "entity_counts"))
    assert counts["Resolution"] == "10" and counts["Province"] == "3" and counts["District"] == "4"
    assert set(counts) == {"Person", "Organization", "Province", "District", "Resolution", "Event"}


def test_build_time_counts_agree_with_the_mentions(ask):
    """vnkg:entityCount, vnkg:articleCount, the vnkg:CoMention and vnkg:ProvinceYear nodes and the
    vnkg:rank numbers say what vnkg:mentions, dcterms:date and vnkg:sourceFile say."""

    def rows(sparql):
        return sorted(map(tuple, ask(sparql)))

    tallies = "FILTER NOT EXISTS { ?e a vnkg:CoMention } FILTER NOT EXISTS { ?e a vnkg:ProvinceYear }"
    assert rows(f"SELECT ?e ?n WHERE {{ ?e vnkg:articleCount ?n {tallies} }}") == rows(
        "SELECT ?e (COUNT(?d) AS ?n) WHERE { ?d vnkg:mentions ?e } GROUP BY ?e"
    )
    assert rows("SELECT ?d ?n WHERE { ?d vnkg:entityCount ?n }") == rows(
        "SELECT ?d (COUNT(?e) AS ?n) WHERE { ?d a vnkg:Document OPTIONAL { ?d vnkg:mentions ?e } } GROUP BY ?d"
    )
    pairs = rows(
        "SELECT ?o ?r ?n WHERE { ?c a vnkg:CoMention ; vnkg:organization ?o ; vnkg:resolution ?r ; "
        "vnkg:articleCount ?n }"
    )
    assert pairs and pairs == rows(
        "SELECT ?o ?r (COUNT(?d) AS ?n) WHERE { ?d vnkg:mentions ?o , ?r . ?o a vnkg:Organization . "
        "?r a vnkg:Resolution } GROUP BY ?o ?r"
    )
    years = rows(
        "SELECT ?p ?y ?n WHERE { ?t a vnkg:ProvinceYear ; vnkg:province ?p ; vnkg:articleCount ?n "
        'OPTIONAL { ?t vnkg:year ?year } BIND (COALESCE(STR(?year), "") AS ?y) }'
    )
    assert years and years == rows(
        "SELECT ?p ?y (COUNT(?d) AS ?n) WHERE { ?d a vnkg:Document ; vnkg:province ?p "
        'OPTIONAL { ?d dcterms:date ?date } BIND (COALESCE(STR(YEAR(?date)), "") AS ?y) } GROUP BY ?p ?y'
    )
    files = [r[0] for r in ask("SELECT ?f WHERE { ?d vnkg:sourceFile ?f ; vnkg:rank ?rank } ORDER BY ?rank")]
    assert len(files) == 5 and files == sorted(files)
    people = ask(
        "SELECT ?n ?label WHERE { ?p a vnkg:Person ; vnkg:articleCount ?n ; rdfs:label ?label ; vnkg:rank ?r } "
        "ORDER BY ?r"
    )
    assert [int(n) for n, _ in people] == sorted((int(n) for n, _ in people), reverse=True)


def test_events_with_organisers_and_chairs(ask):
    rows = {row[0]: row for row in named(ask, "events")}
    workshop = next(row for label, row in rows.items() if label.startswith("Hội thảo khoa học cấp tỉnh"))
    assert workshop[1] == "2022-05-27"
    assert set(workshop[2].split(" | ")) == {"Viện Khoa học tổ chức, cán bộ", "Ban Tổ chức Tỉnh ủy Lạng Sơn"}
    assert set(workshop[3].split(" | ")) == {"Trần Thị Minh", "Nguyễn Quốc Khánh"}
    assert "Hội nghị Trung ương 4 khóa XIII" in rows


def test_articles_and_articles_per_province(ask):
    rows = named(ask, "articles")
    assert [r[:4] for r in rows] == [
        [A000, "2022-06-25", "Lạng Sơn", ""],
        [A001, "", "Lạng Sơn", ""],
        [A002, "2025-01-10", "", ""],
        [A003, "2019-11-15", "Điện Biên", "Đài Phát thanh và Truyền hình Điện Biên"],
        [A004, "", "An Giang", "Tỉnh ủy An Giang"],
    ]
    assert named(ask, "articles_per_province") == [
        ["An Giang", "?", "1"],
        ["Lạng Sơn", "2022", "1"],
        ["Lạng Sơn", "?", "1"],
        ["Điện Biên", "2019", "1"],
    ]


def test_successors(ask):
    rows = named(ask, "successors")
    assert len(rows) == 52  # the 63 provinces less the 11 kept as they were
    assert ["Kiên Giang", "91", "An Giang", "91"] in rows and ["An Giang", "89", "An Giang", "91"] in rows


def test_co_mentions(ask):
    rows = named(ask, "co_mentions")
    # pairs named as often: the more mentioned organisation, then the more mentioned resolution, first
    assert rows[:3] == [
        ["Bộ Chính trị", "Nghị quyết số 04-NQ/TW", "2"],
        ["Bộ Chính trị", "Chỉ thị số 05-CT/TW", "2"],
        ["Bộ Chính trị", "Nghị quyết số 12-NQ/TW", "2"],
    ]
    assert [int(r[2]) for r in rows] == sorted((int(r[2]) for r in rows), reverse=True)
    assert ["Ban Tổ chức Thành ủy Lạng Sơn", "Kế hoạch số 83-KH/TU", "1"] in rows


@pytest.fixture(scope="module")
def persistent(seed_build, tmp_path_factory):
    from kg.store import write_store

    return kg.load(store=write_store(seed_build.outputs["trig"].parent, tmp_path_factory.mktemp("s") / "store"))


def _as_text(value) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_store_and_rdflib_agree(name, seed_build, persistent):
    """The persistent pyoxigraph store and rdflib's own engine over graph.ttl give the same answers."""
    text = named_query(name).text
    bindings = {"entity": "https://w3id.org/vnkg/id/resolution/21-kl-tw"} if "?entity" in text else {}
    ours = kg.query(persistent, text, {k: ox.NamedNode(v) for k, v in bindings.items()})
    graph = Graph().parse(seed_build.outputs["ttl"])
    theirs = graph.query(text, initNs=query_prefixes(), initBindings={k: URIRef(v) for k, v in bindings.items()})
    from kg.sparql import term_text

    mine = sorted(tuple(term_text(t) for t in row) for row in ours.rows)
    other = sorted(tuple(_as_text(v) for v in row) for row in theirs)
    if "GROUP_CONCAT" in text:  # the order inside a concatenation is not defined
        mine = sorted(tuple(" | ".join(sorted(c.split(" | "))) for c in row) for row in mine)
        other = sorted(tuple(" | ".join(sorted(c.split(" | "))) for c in row) for row in other)
    assert mine == other


def test_query_df_binds_values_safely(seed_store):
    df = kg.query_df(seed_store, kg.named_query("provinces_citing"), symbol="21-KL/TW")
    assert list(df["province"]) == ["An Giang", "Lạng Sơn"]
    injected = kg.query_df(seed_store, kg.named_query("provinces_citing"), symbol='21-KL/TW" } UNION { ?s ?p ?o')
    assert injected.empty  # a value is a literal, never query text


def test_python_api_names_stay_functions(seed_store, tmp_path):
    """`kg.build`, `kg.query`, `kg.export_graph`… are functions even after their modules are imported."""
    import kg.builder  # noqa: F401
    import kg.export  # noqa: F401
    import kg.network  # noqa: F401

    assert callable(kg.build) and callable(kg.query) and callable(kg.entity_graph) and callable(kg.export_graph)
    path = kg.export_graph(seed_store, tmp_path / "g.graphml")
    assert path.read_text(encoding="utf-8").startswith("<?xml")
    assert kg.entity_graph(seed_store).number_of_nodes() > 50
