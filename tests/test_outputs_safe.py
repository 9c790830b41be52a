"""Nothing lost, nothing random: outputs are replaced as a whole (even under SIGKILL), a changed
article changes only its own named graph, and the outputs do not depend on file order or workers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, OUTPUT_FILES, SEEDS, kg, outputs, stable

from kg.store import load_store, open_store


def graphs(files: dict[str, bytes]) -> dict[str, bytes]:
    """The three graph files of a build's outputs (the report is compared apart)."""
    return {name: files[name] for name in OUTPUT_FILES[:3]}


pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not beside the repository")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for path in sorted(CORPUS.glob("*.txt"))[:80]:
        shutil.copy(path, folder / path.name)
    return folder


def test_killing_a_build_leaves_the_previous_outputs_and_store_whole(tmp_path, corpus_dir):
    out, store = tmp_path / "out", tmp_path / "store"
    assert kg("build", str(SEEDS), "-o", str(out), "--store", str(store), "-q").returncode == 0
    old = outputs(out)
    old_count = len(open_store(store))
    finished = tmp_path / "finished"
    assert kg("build", str(corpus_dir), "-o", str(finished), "-q").returncode == 0
    new = outputs(finished)
    new_count = len(load_store(finished))
    results = []
    for delay in (0.3, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "build", str(corpus_dir), "-o", str(out), "--store", str(store), "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _left_running(str(out)) == [], f"worker processes outlived the build killed after {delay} s"
        now = outputs(out)
        if now == old:
            results.append("old")
        else:  # the new set, whole (the report differs only in its timings and output paths)
            assert graphs(now) == graphs(new), f"killed after {delay} s"
            assert stable(now["report.json"]) == stable(new["report.json"])
            results.append("new")
        assert len(load_store(out)) in (len(load_store(finished)), len(_seed_store(tmp_path, old)))
        assert len(open_store(store)) in (old_count, new_count)
        if results[-1] == "new":
            break
    assert results[0] == "old"


def _left_running(marker: str, wait: float = 3.0) -> list[int]:
    """Processes whose command line names ``marker`` (a killed build's workers), after ``wait`` s."""
    deadline = time.monotonic() + wait
    while True:
        found = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if marker in cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace"):
                    found.append(int(cmdline.parent.name))
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def _seed_store(tmp_path: Path, files: dict[str, bytes]):
    folder = tmp_path / "old-copy"
    if not folder.is_dir():
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
    return load_store(folder)


def test_a_changed_article_changes_only_its_own_graph(tmp_path, corpus_dir):
    folder = tmp_path / "in"
    shutil.copytree(corpus_dir, folder)
    assert kg("build", str(folder), "-o", str(tmp_path / "a"), "-q").returncode == 0
    changed = sorted(folder.glob("*.txt"))[6]
    with changed.open("a", encoding="utf-8") as fh:
        fh.write("\nBí thư Tỉnh ủy Lạng Sơn Nguyễn Văn An chủ trì hội nghị.\n")
    assert kg("build", str(folder), "-o", str(tmp_path / "b"), "-q").returncode == 0

    def blocks(path: Path) -> dict[str, str]:
        text = path.read_text(encoding="utf-8")
        return {b.split(" {", 1)[0]: b for b in text.split("\n<")[1:]}

    a, b = blocks(tmp_path / "a" / "graph.trig"), blocks(tmp_path / "b" / "graph.trig")
    assert a.keys() == b.keys()
    differ = [g for g in a if a[g] != b[g]]
    # besides the article's own graph, only the corpus-wide counts of the summary graph may change
    summary = "https://w3id.org/vnkg/id/graph/summary>"
    assert [g for g in differ if g != summary] == [f"https://w3id.org/vnkg/id/graph/{changed.stem}>"]
    assert _without_counts(tmp_path / "a", summary) == _without_counts(tmp_path / "b", summary)


def _without_counts(out: Path, graph: str) -> set:
    """The triples of one named graph of ``out/graph.trig`` less the build-time counts
    (``vnkg:articleCount``, ``vnkg:rank`` and the ``vnkg:CoMention`` and ``vnkg:ProvinceYear`` nodes)."""
    from rdflib import Dataset, URIRef
    from rdflib.namespace import RDF

    from kg.vocab import VNKG

    g = Dataset().parse(out / "graph.trig", format="trig").graph(URIRef(graph.rstrip(">")))
    tallies = set(g.subjects(RDF.type, VNKG.CoMention)) | set(g.subjects(RDF.type, VNKG.ProvinceYear))
    assert tallies
    return {t for t in g if t[1] not in (VNKG.articleCount, VNKG.rank) and t[0] not in tallies}


def test_outputs_do_not_depend_on_file_order_or_workers(tmp_path, corpus_dir):
    files = [str(p) for p in sorted(corpus_dir.glob("*.txt"))]
    one = kg("build", *files, "-o", str(tmp_path / "one"), "-q", "-j", "1")
    two = kg("build", *reversed(files), "-o", str(tmp_path / "two"), "-q", "-j", "2")
    assert one.returncode == two.returncode == 0
    a, b = outputs(tmp_path / "one"), outputs(tmp_path / "two")
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert a[name] == b[name], name
    assert stable(a["report.json"]) == stable(b["report.json"])
    env = dict(os.environ, PYTHONHASHSEED="12345")
    three = kg("build", *files, "-o", str(tmp_path / "three"), "-q", env=env)
    assert three.returncode == 0
    assert outputs(tmp_path / "three")["graph.trig"] == a["graph.trig"]


def test_folders_are_exchanged_in_one_step(tmp_path):
    from kg.store import exchange, publish

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("from a")
    (b / "x").write_text("from b")
    assert exchange(a, b)  # Linux renameat2(RENAME_EXCHANGE), as kg build uses it
    assert (a / "x").read_text() == "from b" and (b / "x").read_text() == "from a"
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("the user's own file")
    publish({out / "graph.ttl": "new ttl", out / "report.json": "{}"})
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "notes.txt", "report.json"]
    assert (out / "notes.txt").read_text() == "the user's own file"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.new-")]


def test_the_extraction_cache_redoes_only_changed_articles(tmp_path, corpus_dir, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "in"
    shutil.copytree(corpus_dir, folder)
    assert kg("build", str(folder), "-o", str(tmp_path / "cold"), "-q").returncode == 0
    assert kg("build", str(folder), "-o", str(tmp_path / "warm"), "-q").returncode == 0
    cold, warm = outputs(tmp_path / "cold"), outputs(tmp_path / "warm")
    assert graphs(cold) == graphs(warm)
    assert json.loads(cold["report.json"])["timings"]["extract_cached"] == 0
    assert json.loads(warm["report.json"])["timings"]["extract_cached"] == 80
    changed = sorted(folder.glob("*.txt"))[3]
    with changed.open("a", encoding="utf-8") as fh:
        fh.write("\nChủ tịch UBND tỉnh Điện Biên Lê Thành Đô dự hội nghị.\n")
    assert kg("build", str(folder), "-o", str(tmp_path / "edit"), "-q").returncode == 0
    assert kg("build", str(folder), "-o", str(tmp_path / "full"), "-q", "--no-cache").returncode == 0
    edit, full = outputs(tmp_path / "edit"), outputs(tmp_path / "full")
    assert json.loads(edit["report.json"])["timings"]["extract_cached"] == 79
    assert "extract_cached" not in json.loads(full["report.json"])["timings"]
    assert graphs(edit) == graphs(full)  # the same as a full rebuild
    assert b"L\xc3\xaa Th\xc3\xa0nh \xc4\x90\xc3\xb4" in edit["graph.ttl"]
