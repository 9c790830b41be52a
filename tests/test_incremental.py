"""Incremental builds: the next build of the same inputs redoes only what changed, and writes
what a full build would."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import A000, A001, A002, CORPUS, ROOT, SEEDS, kg

from kg.builder import build
from kg.incremental import STATE_FILE

CORPUS_SAMPLE = 24  # corpus files beside the seeds: enough entities shared between articles


def _outputs(folder: Path) -> dict[str, object]:
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    report.pop("timings")
    report.pop("outputs")
    return {name: (folder / name).read_bytes() for name in ("graph.trig", "graph.ttl", "graph.html")} | {
        "report": report
    }


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in SEEDS.iterdir():
        shutil.copy(f, folder / f.name)
    if CORPUS.is_dir():
        for f in sorted(CORPUS.glob("*.txt"))[:CORPUS_SAMPLE]:
            shutil.copy(f, folder / f.name)
    return folder


def _insert(path: Path, sentence: str, where: float = 0.5) -> None:
    """Add a paragraph inside an article (text after the closing "/." is not part of it)."""
    text = path.read_text(encoding="utf-8")
    cut = text.index("\n", int(len(text) * where))
    path.write_text(text[:cut] + "\n" + sentence + text[cut:], encoding="utf-8")


def _rebuild_matches_full(inputs: Path, out: Path, tmp_path: Path) -> dict:
    timings = build([inputs], out, show_progress=False).report["timings"]
    full = tmp_path / "full"
    shutil.rmtree(full, ignore_errors=True)
    build([inputs], full, show_progress=False, incremental=False)
    assert _outputs(out) == _outputs(full)
    return timings


def test_each_change_redoes_only_what_it_touches_and_gives_the_full_build(inputs, tmp_path):
    out = tmp_path / "out"
    first = build([inputs], out, show_progress=False).report["timings"]
    assert "articles_redone" not in first  # nothing to start from: a full build
    assert (out / STATE_FILE).is_file()

    again = _rebuild_matches_full(inputs, out, tmp_path)
    assert (again["articles_redone"], again["graphs_rewritten"]) == (0, 0)

    _insert(inputs / A002, "Bí thư Tỉnh ủy Hà Giang Nguyễn Văn An chủ trì hội nghị.")
    edited = _rebuild_matches_full(inputs, out, tmp_path)
    assert edited["articles_redone"] == 1
    people = (out / "graph.ttl").read_text(encoding="utf-8")
    assert '"Nguyễn Văn An"@vi' in people and '"Tỉnh ủy Hà Giang"@vi' in people

    # the first article naming an entity gives its label and attributes: naming the same man with
    # his academic title in the first file redescribes him in the article edited above
    _insert(inputs / A000, "Tiến sĩ Nguyễn Văn An dự hội nghị.", 0.2)
    redescribed = _rebuild_matches_full(inputs, out, tmp_path)
    assert (redescribed["articles_redone"], redescribed["graphs_rewritten"]) == (1, 2)
    assert '"Tiến sĩ"@vi' in (out / "graph.trig").read_text(encoding="utf-8").split("graph/" + A002[:-4])[1]

    os.utime(inputs / A001)  # touched, not edited
    touched = _rebuild_matches_full(inputs, out, tmp_path)
    assert (touched["articles_redone"], touched["graphs_rewritten"]) == (0, 0)

    # the first article naming an entity gives its label: removing it relabels entities that
    # other articles name, and those articles' graphs are written again
    first_file = sorted(inputs.glob("*.txt"))[0]
    first_file.unlink()
    removed = _rebuild_matches_full(inputs, out, tmp_path)
    assert removed["articles_redone"] == 0

    shutil.copy(inputs / A002, inputs / "zz-copy.txt")  # a duplicate is rejected, as in a full build
    (inputs / "zz-empty.txt").write_bytes(b"")  # so is an empty file
    shutil.copy(SEEDS / first_file.name, inputs / "new article.txt")
    added = _rebuild_matches_full(inputs, out, tmp_path)
    assert added["articles_redone"] == 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {r["file"].rsplit("/", 1)[-1] for r in report["rejected"]} == {"zz-copy.txt", "zz-empty.txt"}


def test_a_rebuild_extracts_the_changed_articles_in_a_process_of_their_own(inputs, tmp_path):
    """With two workers, a rebuild of a few changed articles extracts them in a forked process
    while it reads the others' records back: the build's own process never imports spaCy, and
    the outputs are the full build's."""
    out = tmp_path / "out"
    build([inputs], out, show_progress=False)
    _insert(inputs / A002, "Bí thư Tỉnh ủy Hà Giang Nguyễn Văn An chủ trì hội nghị.")
    code = (
        "import sys; from kg.builder import build; "
        f"t = build([{str(inputs)!r}], {str(out)!r}, show_progress=False, workers=2).report['timings']; "
        "print(t['articles_redone'], 'spacy' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["1", "False"]
    full = tmp_path / "full"
    build([inputs], full, show_progress=False, incremental=False)
    assert _outputs(out) == _outputs(full)
    assert '"Nguyễn Văn An"@vi' in (out / "graph.ttl").read_text(encoding="utf-8")


def _refuse(*_args):
    raise OSError(18, "Invalid cross-device link")


@pytest.mark.parametrize("copy", ["absent", "refused"])
def test_graphs_are_copied_where_the_kernel_cannot_copy_them(inputs, tmp_path, monkeypatch, copy):
    """A rebuild copies the unchanged graphs with os.copy_file_range; without it (another
    system) or when the file system refuses it, it copies them itself, to the same bytes."""
    out = tmp_path / "out"
    build([inputs], out, show_progress=False)
    if copy == "absent":
        monkeypatch.delattr(os, "copy_file_range", raising=False)
    else:
        monkeypatch.setattr(os, "copy_file_range", _refuse)
    _insert(inputs / A001, "Chủ tịch UBND tỉnh Cao Bằng Hoàng Xuân Ánh phát biểu.")
    timings = _rebuild_matches_full(inputs, out, tmp_path)
    assert (timings["articles_redone"], timings["graphs_rewritten"]) == (1, 1)


def test_a_build_starts_afresh_when_it_cannot_trust_the_state(inputs, tmp_path):
    out = tmp_path / "out"
    build([inputs], out, show_progress=False)

    # outputs changed by hand since: the state no longer describes them
    with (out / "graph.ttl").open("a", encoding="utf-8") as fh:
        fh.write("# edited\n")
    timings = _rebuild_matches_full(inputs, out, tmp_path)
    assert "articles_redone" not in timings

    # a damaged state
    (out / STATE_FILE).write_bytes(b"not a pickle")
    timings = _rebuild_matches_full(inputs, out, tmp_path)
    assert "articles_redone" not in timings

    # other inputs into the same folder
    other = build([SEEDS], out, show_progress=False)
    assert "articles_redone" not in other.report["timings"]
    assert other.report["counts"]["articles"] == 5


def test_kg_build_full_ignores_the_state(tmp_path):
    out = tmp_path / "out"
    assert kg("build", str(SEEDS), "-o", str(out), "-q").returncode == 0
    before = _outputs(out)
    run = kg("build", str(SEEDS), "-o", str(out), "--full", "-q")
    assert run.returncode == 0, run.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "articles_redone" not in report["timings"]
    assert _outputs(out) == before
    run = kg("build", str(SEEDS), "-o", str(out), "-q")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["timings"]["articles_redone"] == 0
    assert _outputs(out) == before


def _quads(store_dir: Path) -> tuple[set[str], int]:
    """A store's quads, and how many have a blank node (the ontology's, named anew at each load)."""
    from kg.store import open_store

    quads = [str(q) for q in open_store(store_dir).quads_for_pattern(None, None, None, None)]
    return {q for q in quads if "_:" not in q}, sum("_:" in q for q in quads)


def test_a_store_is_changed_where_the_graph_changed(inputs, tmp_path):
    """`kg build --store` after an edit changes only the graphs that changed in the store the last
    build loaded; it then holds what loading the new outputs afresh gives."""
    from kg.store import write_store

    out, store = tmp_path / "out", tmp_path / "store"
    assert kg("build", str(inputs), "-o", str(out), "--store", str(store), "-q").returncode == 0
    _insert(inputs / A002, "Bí thư Tỉnh ủy Hà Giang Nguyễn Văn An chủ trì hội nghị.")
    (inputs / A001).unlink()
    run = kg("build", str(inputs), "-o", str(out), "--store", str(store))
    assert run.returncode == 0, run.stderr
    # the edited article, the one gone, the summary, and those naming entities the gone one had labelled
    changed = int(re.search(r"\(store, (\d+) graph\(s\) changed\)", run.stdout).group(1))
    assert 3 <= changed < 10
    write_store(out, tmp_path / "afresh")
    assert _quads(store) == _quads(tmp_path / "afresh")
    assert any("Nguyễn Văn An" in q for q in _quads(store)[0])

    # a store that is not the last build's (here: loaded from other outputs) is loaded afresh
    assert kg("build", str(SEEDS), "-o", str(tmp_path / "other"), "--store", str(store), "-q").returncode == 0
    _insert(inputs / A002, "Phó Bí thư Tỉnh ủy Hà Giang Trần Văn Bình dự hội nghị.", 0.3)
    run = kg("build", str(inputs), "-o", str(out), "--store", str(store))
    assert run.returncode == 0, run.stderr
    assert f"{store}/ (store)" in run.stdout
    write_store(out, tmp_path / "afresh2")
    assert _quads(store) == _quads(tmp_path / "afresh2")
