"""The graphs are written as Turtle/TriG text directly (kg.graph): whatever the article holds,
both files parse, in rdflib and in pyoxigraph, back to exactly the article's text."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kg.builder import build
from kg.ingest import read_article
from kg.vocab import VNKG

NASTY = (
    'Tiêu đề: "Nghị quyết" \\ của Tỉnh ủy\n\n'
    'Ngày 5-3-2021, Ban Thường vụ Tỉnh ủy Lạng Sơn ban hành Kế hoạch số 83-KH/TU "thực hiện" '
    "Kết luận số 21-KL/TW\tvề C:\\đường\\dẫn {ngoặc} <góc> và 'nháy'.\r\n"
    'Đồng chí Nguyễn Quốc Khánh, Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn\nphát biểu """ ba dấu nháy.\n'
)


def test_quotes_backslashes_and_line_breaks_survive_both_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "nasty.txt").write_text(NASTY, encoding="utf-8")
    result = build([src], tmp_path / "out", show_progress=False, cache=False)
    text = read_article(src / "nasty.txt").text
    trig, ttl = result.outputs["trig"], result.outputs["ttl"]

    quads = list(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    sentences = [q.object.value for q in quads if q.predicate.value == str(VNKG.sentence)]
    assert sentences and all(s in text for s in sentences)
    assert any("\\" in s and '"' in s for s in sentences)  # the backslash and the quotes came back as they were

    ds = Dataset().parse(trig, format="trig")
    art = ds.graph(URIRef("https://w3id.org/vnkg/id/graph/nasty"))
    assert set(art.objects(None, VNKG.sentence)) and all(str(s) in text for s in art.objects(None, VNKG.sentence))
    union = Graph().parse(ttl, format="turtle")
    assert len(union) == result.report["counts"]["triples"]
    assert {str(s) for s in union.objects(None, VNKG.sentence)} == set(sentences)
