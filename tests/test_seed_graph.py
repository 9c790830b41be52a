"""The graph built from the five seed articles: the facts an analyst reads in them."""

from __future__ import annotations

import json

import pyoxigraph as ox
from conftest import A000, A001, A002, A003, A004, SEEDS
from rdflib import Graph

from kg.ingest import read_article
from kg.shapes import validate


def docs_citing(ask, symbol: str) -> tuple[set[str], set[str]]:
    rows = ask(
        "SELECT ?r ?file ?s WHERE { ?r vnkg:symbol ?s . ?doc vnkg:mentions ?r ; vnkg:sourceFile ?file }",
        s=ox.Literal(symbol),
    )
    return {r for r, _, _ in rows}, {f for _, f, _ in rows}


def test_21_kl_tw_is_one_node_cited_by_three_articles(ask):
    nodes, files = docs_citing(ask, "21-KL/TW")
    assert nodes == {"https://w3id.org/vnkg/id/resolution/21-kl-tw"}
    assert files == {A001, A002, A004}


def test_truncated_symbol_does_not_make_a_second_resolution(ask):
    symbols = {s for (s,) in ask("SELECT DISTINCT ?s WHERE { ?r a vnkg:Resolution ; vnkg:symbol ?s }")}
    assert "21-KL/T" not in symbols
    assert [s for s in symbols if s.startswith("21-")] == ["21-KL/TW"]
    # the plan that cites it with the truncated symbol implements the one node
    rows = ask("SELECT ?plan WHERE { ?p vnkg:implements ?r ; vnkg:symbol ?plan . ?r vnkg:symbol '21-KL/TW' }")
    assert rows == [["83-KH/TU"]]
    # and the truncated text is kept as evidence pointing at it
    rows = ask("SELECT ?t WHERE { ?m vnkg:refersTo vid:resolution\\/21-kl-tw ; vnkg:text ?t } ")
    assert ["Kết luận số 21-KL/T"] in rows


def test_05_ct_tw_is_one_node_shared_by_two_articles(ask):
    nodes, files = docs_citing(ask, "05-CT/TW")
    assert len(nodes) == 1
    assert files == {A002, A003}
    assert ask("SELECT ?o WHERE { ?r vnkg:symbol '05-CT/TW' ; vnkg:issuedBy/rdfs:label ?o }") == [["Bộ Chính trị"]]


def test_named_and_numbered_references_meet(ask):
    # "Nghị quyết Trung ương 4 (khóa XII)" is 04-NQ/TW of 30-10-2016
    rows = ask(
        "SELECT ?s ?d WHERE { ?r skos:altLabel 'Nghị quyết Trung ương 4 khóa XII'@vi ;"
        " vnkg:symbol ?s ; dcterms:issued ?d }"
    )
    assert rows == [["04-NQ/TW", "2016-10-30"]]
    # "Nghị quyết Hội nghị Trung ương 4 (khóa XI, XII)" names two resolutions
    rows = ask(
        "SELECT DISTINCT ?s WHERE { ?m vnkg:text 'Nghị quyết Hội nghị Trung ương 4 (khóa XI, XII)' ; "
        "vnkg:refersTo/vnkg:symbol ?s } ORDER BY ?s"
    )
    assert rows == [["04-NQ/TW"], ["12-NQ/TW"]]


def test_short_form_resolves_to_the_full_symbol(ask):
    rows = ask("SELECT ?s WHERE { ?m vnkg:text 'Chỉ thị 39' ; vnkg:refersTo/vnkg:symbol ?s }")
    assert rows == [["39-CT/TW"]]


def test_khanh_holds_a_post_in_ban_to_chuc_tinh_uy_lang_son(ask):
    rows = ask(
        "SELECT ?post WHERE { ?p rdfs:label 'Nguyễn Quốc Khánh'@vi ; org:holds ?x . "
        "?x rdfs:label ?post ; org:postIn/rdfs:label 'Ban Tổ chức Tỉnh ủy Lạng Sơn'@vi }"
    )
    assert rows == [["Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn"]]
    rows = ask(
        "SELECT ?parent WHERE { ?o rdfs:label 'Ban Tổ chức Tỉnh ủy Lạng Sơn'@vi ; "
        "org:subOrganizationOf/rdfs:label ?parent }"
    )
    assert rows == [["Tỉnh ủy Lạng Sơn"]]


def test_posts_from_apposition_chains(ask):
    rows = ask(
        "SELECT ?person ?post WHERE { ?p a vnkg:Person ; rdfs:label ?person ; org:holds/rdfs:label ?post } "
        "ORDER BY ?person ?post"
    )
    assert ["Lò Văn Muôn", "Chủ tịch Hội đồng nhân dân tỉnh Điện Biên"] in rows
    assert ["Lò Văn Muôn", "Phó Bí thư Thường trực Tỉnh ủy Điện Biên"] in rows
    assert ["Nguyễn Công Trưởng", "Bí thư Thành ủy Lạng Sơn"] in rows
    assert ["Trần Thị Minh", "Viện trưởng Viện Khoa học tổ chức, cán bộ"] in rows
    # the academic title is data, not part of the name
    assert ask("SELECT ?h WHERE { ?p rdfs:label 'Trần Thị Minh'@vi ; vnkg:honorific ?h }") == [["Tiến sĩ"]]


def test_lang_son_has_gso_code_20(ask):
    assert ask("SELECT ?c WHERE { ?p a vnkg:Province ; rdfs:label 'Lạng Sơn'@vi ; vnkg:gsoCode ?c }") == [["20"]]


def test_chau_thanh_in_the_an_giang_article_is_an_giangs_district(ask):
    rows = ask(
        "SELECT ?code ?province ?f WHERE { ?doc vnkg:sourceFile ?f ; vnkg:mentions ?d . ?d a vnkg:District ; "
        "vnkg:gsoCode ?code ; vnkg:province/rdfs:label ?province . ?m vnkg:refersTo ?d ; vnkg:text 'Châu Thành' }",
        f=ox.Literal(A004),
    )
    assert rows == [["892", "An Giang", A004]]
    rows = ask("SELECT ?p ?f WHERE { ?doc vnkg:sourceFile ?f ; vnkg:province/rdfs:label ?p }", f=ox.Literal(A004))
    assert rows == [["An Giang", A004]]


def test_ho_chi_minh_in_tu_tuong_is_a_person_not_a_place(ask):
    rows = ask("SELECT DISTINCT ?type WHERE { ?m vnkg:text 'Hồ Chí Minh' ; vnkg:refersTo/a ?type }")
    assert rows == [["https://w3id.org/vnkg/ontology#Person"]]
    assert ask("ASK { ?doc vnkg:mentions ?p . ?p vnkg:gsoCode '79' }") is False


def test_bylines_and_publishers(ask):
    rows = ask("SELECT ?f ?a WHERE { ?d vnkg:sourceFile ?f ; dcterms:creator/rdfs:label ?a } ORDER BY ?f ?a")
    assert rows == [[A000, "Hồ Hương"], [A000, "Thanh Mai"], [A003, "Tử Long"]]
    rows = ask("SELECT ?f ?p WHERE { ?d vnkg:sourceFile ?f ; dcterms:publisher/rdfs:label ?p } ORDER BY ?f")
    assert rows == [[A003, "Đài Phát thanh và Truyền hình Điện Biên"], [A004, "Tỉnh ủy An Giang"]]


def test_event_with_date_organisers_and_chairs(ask):
    rows = ask(
        "SELECT ?date ?org ?chair WHERE { ?e a vnkg:Event ; vnkg:eventType 'Hội thảo khoa học'@vi ;"
        " dcterms:date ?date ;"
        " vnkg:organizedBy/rdfs:label ?org ; vnkg:chairedBy/rdfs:label ?chair } ORDER BY ?org ?chair"
    )
    assert {r[0] for r in rows} == {"2022-05-27"}
    assert {r[1] for r in rows} == {"Ban Tổ chức Tỉnh ủy Lạng Sơn", "Viện Khoa học tổ chức, cán bộ"}
    assert {r[2] for r in rows} == {"Nguyễn Quốc Khánh", "Trần Thị Minh"}


def test_no_entities_for_generic_phrases(ask):
    labels = {label for (label,) in ask("SELECT ?l WHERE { ?d vnkg:mentions ?e . ?e rdfs:label ?l }")}
    for generic in ("các cấp ủy", "các ban xây dựng Đảng tỉnh", "Tỉnh ủy", "Thành ủy", "Ban Chủ nhiệm Đề tài"):
        assert generic not in labels


def test_every_mention_points_at_its_text(seed_build):
    texts = {read_article(p).source_file: read_article(p).text for p in SEEDS.glob("*.txt")}
    rows = list(
        seed_build.graph.query(
            "SELECT ?f ?t ?s ?e ?sent WHERE { ?m vnkg:inDocument/vnkg:sourceFile ?f ; vnkg:text ?t ; vnkg:start ?s ;"
            " vnkg:end ?e ; vnkg:sentence ?sent }",
            initNs={"vnkg": "https://w3id.org/vnkg/ontology#"},
        )
    )
    assert len(rows) > 100
    for f, t, s, e, sent in rows:
        text = texts[str(f)]
        assert text[int(s) : int(e)] == str(t)
        assert str(t) in str(sent) and str(sent) in text


def test_output_passes_shacl(seed_build):
    assert seed_build.report["validation"] == {"conforms": True, "violations": []}
    reread = Graph().parse(seed_build.outputs["ttl"])
    assert validate(reread).conforms


def test_every_article_has_its_named_graph(seed_store):
    graphs = {g.value for g in seed_store.named_graphs()}
    for name in (A000, A001, A002, A003, A004):
        assert f"https://w3id.org/vnkg/id/graph/{name[:-4]}" in graphs
    assert "https://w3id.org/vnkg/id/graph/reference" in graphs


def test_report_counts(seed_build):
    report = json.loads(seed_build.outputs["report"].read_text(encoding="utf-8"))
    assert report["counts"]["articles"] == 5
    assert report["counts"]["rejected"] == 0
    assert all(report["counts"]["entities"][k] > 0 for k in report["counts"]["entities"])
    assert report["counts"]["triples"] == len(seed_build.graph)
