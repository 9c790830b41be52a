"""The command line, as a user runs it: real processes, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, kg


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "out"
    run = kg("build", str(SEEDS), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "read 5 article(s)" in run.stdout
    assert "SHACL: conforms" in run.stdout
    for name in ("graph.ttl", "graph.trig", "graph.html", "report.json"):
        assert (out / name).is_file()
    return out


def test_build_default_input_is_seeds(tmp_path):
    """`kg build` with no path reads seeds/ and writes out/ in the working folder."""
    (tmp_path / "seeds").symlink_to(SEEDS)
    run = kg("build", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "entities:" in run.stdout and "Resolution" in run.stdout
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_two_builds_give_identical_files(built, tmp_path):
    again = tmp_path / "again"
    assert kg("build", str(SEEDS), "-o", str(again)).returncode == 0
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (built / name).read_bytes() == (again / name).read_bytes(), name
    first, second = (json.loads((d / "report.json").read_text()) for d in (built, again))
    for report in (first, second):
        report.pop("timings")
        report.pop("outputs")
    assert first == second


def test_query_table_by_default(built):
    run = kg(
        "query",
        "--data",
        str(built),
        "SELECT ?code WHERE { ?p a vnkg:Province ; rdfs:label 'Lạng Sơn'@vi ; vnkg:gsoCode ?code }",
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].strip() == "code"
    assert "20" in lines[2]
    assert lines[-1] == "(1 row)"


def test_named_query_and_formats(built):
    listing = kg("query", "--list").stdout
    assert "resolutions" in listing and "posts" in listing
    run = kg("query", "--data", str(built), "--name", "resolutions", "--format", "csv")
    assert run.returncode == 0, run.stderr
    rows = run.stdout.splitlines()
    assert rows[0] == "label,symbol,issued,issuer,articles"
    assert rows[1] == "Kết luận số 21-KL/TW,21-KL/TW,2021-10-25,Ban Chấp hành Trung ương,3"
    run = kg("query", "--data", str(built), "--name", "posts", "--format", "json")
    data = json.loads(run.stdout)
    posts = {(b["person"]["value"], b["post"]["value"]) for b in data["results"]["bindings"]}
    assert ("Nguyễn Quốc Khánh", "Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn") in posts


def test_query_from_file_with_a_bound_parameter(built, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?s ?label WHERE { ?r vnkg:symbol ?s ; rdfs:label ?label }", encoding="utf-8")
    run = kg("query", "--data", str(built), "--file", str(rq), "--bind", "s=05-CT/TW", "--format", "csv")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[1:] == ["05-CT/TW,Chỉ thị số 05-CT/TW"]


def test_bad_queries_give_a_clear_error(built, tmp_path):
    run = kg("query", "--data", str(built), "SELECT ?x WHERE { ?x ")
    assert run.returncode == 1
    assert "invalid SPARQL" in run.stderr and "Traceback" not in run.stderr
    run = kg("query", "--data", str(built), "--name", "no-such-query")
    assert run.returncode == 1 and "no named query 'no-such-query'" in run.stderr
    run = kg("query", "--data", str(tmp_path / "nothing"), "ASK {}")
    assert run.returncode == 1 and "run `kg build` first" in run.stderr
    assert kg("query").returncode == 2


def test_unreadable_files_are_named_and_the_rest_is_built(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in SEEDS.glob("*.txt"):
        (src / f.name).write_bytes(f.read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    out = tmp_path / "out"
    run = kg("build", str(src), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "empty.txt" in run.stderr and "scan.txt" in run.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["counts"]["articles"] == 5
    rejected = {Path(r["file"]).name: r["reason"] for r in report["rejected"]}
    assert set(rejected) == {"empty.txt", "scan.txt"}
    assert "empty" in rejected["empty.txt"].lower()
    assert "pdf" in rejected["scan.txt"].lower()


def test_nothing_readable_fails_and_keeps_the_previous_graph(built, tmp_path):
    before = {p.name: p.read_bytes() for p in built.iterdir()}
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    run = kg("build", str(bad), "-o", str(built))
    assert run.returncode == 1
    assert "nothing built" in run.stderr and "x.txt" in run.stderr
    assert {p.name: p.read_bytes() for p in built.iterdir()} == before
    run = kg("build", str(tmp_path / "missing"), "-o", str(built))
    assert run.returncode == 1 and "no such file" in run.stderr


def test_graph_html_opens_offline(built):
    html = (built / "graph.html").read_text(encoding="utf-8")
    assert 'src="http' not in html and 'href="http' not in html
    assert "vis-network" in html or "vis.Network" in html
