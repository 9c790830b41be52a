"""The graphs are written as Turtle/TriG text directly (kg.graph): whatever the article holds,
both files parse, in rdflib and in pyoxigraph, back to exactly the article's text."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from conftest import ROOT
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


def test_the_ontology_text_is_kept_in_the_cache_folder_and_a_damaged_copy_made_again(tmp_path):
    """The ontology's canonical text (its blank nodes named by content) is made once and kept in
    kg's cache folder; a file there that cannot be read back is made again, to the same text."""
    code = "import sys; from kg.graph import ontology_turtle; sys.stdout.write(ontology_turtle())"
    env = dict(os.environ, KG_CACHE_DIR=str(tmp_path))

    def text() -> str:
        run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return run.stdout

    first = text()
    assert "vnkg:Resolution" in first and "sh:NodeShape" in first
    (kept,) = tmp_path.glob("ontology-*.pickle")
    assert pickle.loads(kept.read_bytes())[0] == first
    kept.write_bytes(b"damaged")
    assert text() == first
    assert pickle.loads(kept.read_bytes())[0] == first
