"""Provinces before and after the 2025 merger, from the packages' official codes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kg.extract import extract
from kg.graph import build_dataset, union_graph
from kg.ingest import build_article
from kg.places import admin_map, current_province
from kg.resolve import resolve


def test_63_provinces_705_districts_and_34_units_after_2025():
    amap = admin_map()
    assert len(amap.provinces) == 63 and len(amap.districts) == 705
    assert amap.provinces["20"].label == "Lạng Sơn"
    assert amap.provinces["79"].label == "Thành phố Hồ Chí Minh"
    assert len(amap.merged_2025) == 23  # 34 units, 11 of them kept as they were
    assert {old for old, new in amap.successor.items() if new.name == "An Giang"} == {"89", "91"}
    assert "20" not in amap.successor  # Lạng Sơn was kept


def test_reference_graph_links_old_provinces_to_their_successor(seed_store, ask):
    rows = ask(
        "SELECT ?new ?code WHERE { ?old vnkg:gsoCode '91' ; rdfs:label 'Kiên Giang'@vi ; vnkg:successor ?n . "
        "?n rdfs:label ?new ; vnkg:gsoCode ?code ; vnkg:validFrom ?from }"
    )
    assert rows == [["An Giang", "91"]]
    assert ask("ASK { vid:province\\/20 vnkg:successor ?x }") is False


def test_an_article_after_the_merger_means_the_new_province():
    text = "An Giang triển khai nghị quyết\nTỉnh ủy An Giang họp với Huyện ủy Châu Thành."
    before = build_article(text, "a.txt")
    after = replace(before, article_id="b", source_file="b.txt", date=dt.date(2025, 8, 1))
    before = replace(before, date=dt.date(2024, 3, 1))
    resolved = resolve(extract([before, after]))
    first, second = resolved.articles
    assert first.province_key == "province/89"
    assert second.province_key == "province/2025/91"
    # the district is still found in the pre-2025 map, and the graph is valid
    assert any(rm.entity_key == "district/892" for rm in second.mentions)
    assert current_province(admin_map().provinces["20"], dt.date(2026, 1, 1)).key == "province/20"
    from kg.shapes import validate

    assert validate(union_graph(build_dataset(resolved, with_ontology=False))).conforms
