"""Organisations, people and their posts: rules added for unseen articles (batch G and after)."""

from __future__ import annotations

from kg.extract import extract
from kg.ingest import build_article
from kg.records import ORGANIZATION, PERSON
from kg.resolve import resolve


def entities(text: str) -> dict[str, set[str]]:
    """Labels of the resolved entities of one article text, by kind."""
    resolved = resolve(extract([build_article("Tiêu đề\n" + text, "t.txt")]))
    out: dict[str, set[str]] = {}
    for rm in resolved.articles[0].mentions:
        ent = resolved.entities[rm.entity_key]
        out.setdefault(ent.kind, set()).add(ent.label)
    return out


def posts(text: str) -> set[tuple[str, str]]:
    """(person, post label) pairs of one article text, as the graph labels them."""
    resolved = resolve(extract([build_article("Tiêu đề\n" + text, "t.txt")]))
    out = set()
    for s, relation, o, attrs in resolved.articles[0].facts:
        if relation == "holds":
            label = attrs.get("post_label") or f"{attrs['title']} {resolved.entities[o].label}"
            out.add((resolved.entities[s].label, label))
    return out


def test_photo_credits_name_photographers_and_outlets():
    found = entities(
        "Nhà máy gây khói bụi (Ảnh: Như Phong). Hai bộ trưởng bắt tay (Ảnh: Trọng Đức - TTXVN).\n"
        "Lấy mẫu xét nghiệm (ảnh: Hà Nam TV). Ông phát biểu (Ảnh: M.Quân).\n"
        "Thủ tướng Australia và Chủ tịch Trung Quốc. Ảnh: AFP\n"
        "Theo Reuters, cuộc bỏ phiếu diễn ra hôm qua (Ảnh: Giáo dục thời đại)."
    )
    assert {"Như Phong", "Trọng Đức", "M.Quân"} <= found[PERSON]
    assert {"Hà Nam TV", "AFP", "Reuters", "Giáo dục thời đại", "Thông tấn xã Việt Nam"} <= found[ORGANIZATION]


def test_generic_credits_and_websites_name_no_one():
    found = entities("Ảnh minh họa (Ảnh: Sưu tầm). Bức ảnh (Ảnh: NVCC). Cảnh biển (Ảnh: toquoc.vn). (Ảnh: Internet)")
    assert not found.get(PERSON) and not found.get(ORGANIZATION)


def test_a_ministrys_units_are_named_by_their_field():
    found = entities(
        "Với Cục Xuất nhập khẩu, đơn vị này phối hợp với Vụ Thị trường ngoài nước và đơn vị liên quan. "
        "Bộ trưởng giao Tổng cục Quản lý thị trường quán triệt và thực hiện nghiêm. Phối hợp với Cục Cạnh "
        "tranh và bảo vệ người tiêu dùng, Tổng cục Quản lý thị trường nghiên cứu các công cụ. Cục Công Thương "
        "địa phương được giao chủ động. Còn các đơn vị như Vụ thị trường nước ngoài, Vụ Chính sách thương mại "
        "đa biên, Bộ trưởng yêu cầu. Cục Quản lý xuất nhập cảnh (Bộ Công an) hướng dẫn."
    )[ORGANIZATION]
    assert {
        "Cục Xuất nhập khẩu",
        "Vụ Thị trường ngoài nước",
        "Tổng cục Quản lý thị trường",
        "Cục Cạnh tranh và Bảo vệ người tiêu dùng",
        "Cục Công Thương địa phương",
        "Vụ Chính sách thương mại đa biên",
        "Cục Quản lý xuất nhập cảnh",
        "Bộ Công an",
    } <= found
    assert not any(label in found for label in ("Tổng cục Quản lý", "Cục Cạnh tranh", "Vụ Thị trường"))


def test_an_unknown_unit_ends_at_punctuation_or_its_heads_name():
    text = (
        "Báo cáo tại hội nghị, Phó Cục trưởng Cục Quản lý chất lượng Phạm Quốc Khánh tóm tắt các nội dung. "
        "Ông Trần Văn B, Vụ trưởng Vụ Hợp tác kinh tế đa phương, Bộ Ngoại giao cho biết."
    )
    found = posts(text)
    assert ("Phạm Quốc Khánh", "Phó Cục trưởng Cục Quản lý chất lượng") in found
    assert ("Trần Văn B", "Vụ trưởng Vụ Hợp tác kinh tế đa phương Bộ Ngoại giao") in found
