"""Shared fixtures: the seeds built once per test session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# builds in the tests (and the kg commands they run) use a cache of their own, empty at the start
os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp(prefix="kg-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpora" / "vi-news-unc"
A000, A001, A002, A003, A004 = sorted(p.name for p in SEEDS.glob("*.txt"))


def entities(text: str) -> dict[str, set[str]]:
    """Labels of the resolved entities of one article text, by kind."""
    from kg.extract import extract
    from kg.ingest import build_article
    from kg.resolve import resolve

    resolved = resolve(extract([build_article(text, "t.txt")]))
    out: dict[str, set[str]] = {}
    for rm in resolved.articles[0].mentions:
        ent = resolved.entities[rm.entity_key]
        out.setdefault(ent.kind, set()).add(ent.label)
    return out


def posts(text: str) -> set[tuple[str, str]]:
    """(person, post label) pairs of one article text, as the graph labels them."""
    from kg.extract import extract
    from kg.ingest import build_article
    from kg.resolve import resolve

    resolved = resolve(extract([build_article(text, "t.txt")]))
    out = set()
    for s, relation, o, attrs in resolved.articles[0].facts:
        if relation == "holds":
            label = attrs.get("post_label") or f"{attrs['title']} {resolved.entities[o].label}"
            out.add((resolved.entities[s].label, label))
    return out


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """`kg build seeds/` into a temporary folder: the BuildResult."""
    from kg.builder import build

    out = tmp_path_factory.mktemp("out")
    return build([SEEDS], out, show_progress=False)


@pytest.fixture(scope="session")
def seed_store(seed_build):
    from kg.store import load_store

    return load_store(seed_build.outputs["trig"].parent)


@pytest.fixture(scope="session")
def ask(seed_store):
    """Run SELECT over the seed graph; rows as lists of plain strings."""
    from kg.sparql import run_query, term_text

    def run(sparql: str, **bindings):
        result = run_query(seed_store, sparql, bindings or None)
        if result.boolean is not None:
            return result.boolean
        return [[term_text(t) for t in row] for row in result.rows]

    return run


# ------------------------------------------------------------------ builds run as a user runs them

OUTPUT_FILES = ("graph.ttl", "graph.trig", "graph.html", "report.json")


def kg(*args: str, cwd: Path = ROOT, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    """``kg ARGS`` in a subprocess (``python -m kg``) from the repository root, output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, **kw
    )


def build_seeds_with_store(tmp: Path) -> Path:
    """`kg build seeds -o TMP/out --store TMP/store`; returns TMP."""
    done = kg("build", str(SEEDS), "-o", str(tmp / "out"), "--store", str(tmp / "store"), "-q")
    assert done.returncode == 0, done.stderr
    return tmp


def outputs(folder: Path) -> dict[str, bytes]:
    """The bytes of a build's four output files."""
    return {name: (folder / name).read_bytes() for name in OUTPUT_FILES}


def stable(report: bytes) -> dict:
    """report.json less what may differ between equal builds: timings and output paths."""
    data = json.loads(report)
    data.pop("timings")
    data.pop("outputs")
    return data
