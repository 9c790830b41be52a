"""The main job: files in, graph files out.

ingest → extract → resolve → graph → validate → write (graph.ttl, graph.trig,
graph.html, report.json), each output replaced atomically. A file that cannot be
read is reported and skipped; the build fails only when no article could be read,
and then the previous outputs stay as they were.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from kg import __version__
from kg.extract import PIPELINE_VERSION, extract
from kg.graph import build_dataset, serialize_trig, serialize_turtle, union_graph
from kg.ingest import ingest
from kg.records import KINDS, Article, Rejected
from kg.resolve import resolve
from kg.shapes import validate
from kg.store import GRAPH_HTML, GRAPH_TRIG, GRAPH_TTL, REPORT_JSON, atomic_write
from kg.viz import write_page

PROGRESS_MIN_FILES = 50


class BuildError(RuntimeError):
    """Nothing could be built (no input file could be read)."""


@dataclass
class BuildResult:
    report: dict
    dataset: Dataset
    graph: Graph  # the union of the data graphs
    outputs: dict[str, Path] = field(default_factory=dict)


def _progress(items: list, desc: str, show: bool | None):
    if show is False or len(items) < PROGRESS_MIN_FILES:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit="file", file=sys.stderr, disable=None if show is None else not show)


def read_inputs(
    paths: Sequence[str | os.PathLike[str]],
    show_progress: bool | None = None,
    on_reject: Callable[[Rejected], None] | None = None,
) -> tuple[list[Article], list[Rejected]]:
    """Read every file; a file that cannot be read becomes a ``Rejected`` and the rest go on."""
    articles, rejected = ingest(paths, progress=lambda files: _progress(files, "reading", show_progress))
    for r in rejected:
        if on_reject:
            on_reject(r)
    return articles, rejected


def build(
    paths: Sequence[str | os.PathLike[str]] = ("seeds",),
    out: str | os.PathLike[str] = "out",
    *,
    show_progress: bool | None = None,
    write: bool = True,
    on_reject: Callable[[Rejected], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph from ``paths`` and write the outputs to ``out``."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    articles, rejected = read_inputs(paths, show_progress, on_reject)
    timings["ingest_s"] = time.perf_counter() - t0
    if not articles:
        reasons = "; ".join(f"{r.path}: {r.reason}" for r in rejected[:5]) or "no .txt files found"
        raise BuildError(f"no article could be read from {', '.join(map(str, paths))} ({reasons})")
    t = time.perf_counter()
    extractions = list(extract(_progress(articles, "extracting", show_progress)))
    timings["extract_s"] = time.perf_counter() - t
    t = time.perf_counter()
    resolved = resolve(extractions)
    timings["resolve_s"] = time.perf_counter() - t
    t = time.perf_counter()
    dataset = build_dataset(resolved)
    graph = union_graph(dataset)
    timings["graph_s"] = time.perf_counter() - t
    t = time.perf_counter()
    validation = validate(graph)
    timings["validate_s"] = time.perf_counter() - t

    mentioned: set[str] = {rm.entity_key for ra in resolved.articles for rm in ra.mentions}
    by_kind = Counter(resolved.entities[k].kind for k in mentioned)
    out_dir = Path(out)
    outputs = {
        "ttl": out_dir / GRAPH_TTL,
        "trig": out_dir / GRAPH_TRIG,
        "html": out_dir / GRAPH_HTML,
        "report": out_dir / REPORT_JSON,
    }
    report = {
        "kg_version": __version__,
        "pipeline_version": PIPELINE_VERSION,
        "inputs": [str(p) for p in paths],
        "counts": {
            "files": len(articles) + len(rejected),
            "articles": len(articles),
            "rejected": len(rejected),
            "entities": {kind: by_kind.get(kind, 0) for kind in KINDS},
            "mentions": sum(len(ra.mentions) for ra in resolved.articles),
            "triples": len(graph),
            "named_graphs": len(resolved.articles),
        },
        "articles": [
            {
                "file": ra.article.path,
                "id": ra.article.article_id,
                "mentions": len(ra.mentions),
                "facts": len(ra.facts),
                "province": ra.province_key,
            }
            for ra in sorted(resolved.articles, key=lambda r: r.article.article_id)
        ],
        "rejected": [{"file": r.path, "reason": r.reason} for r in sorted(rejected, key=lambda r: r.path)],
        "validation": {"conforms": validation.conforms, "violations": validation.violations},
        "outputs": {k: str(v) for k, v in outputs.items()},
    }
    if write:
        t = time.perf_counter()
        atomic_write(outputs["trig"], serialize_trig(dataset))
        atomic_write(outputs["ttl"], serialize_turtle(graph))
        # the page shows what the articles say: reference provinces nobody mentions stay out
        articles_only = union_graph(dataset, include_reference=False)
        page = write_page(articles_only, outputs["html"], title="kg — đồ thị tri thức / knowledge graph")
        report["counts"]["nodes_drawn"] = page.nodes
        report["counts"]["nodes_in_graph"] = page.total  # the page draws the most-mentioned when there are many
        timings["write_s"] = time.perf_counter() - t
    timings["total_s"] = time.perf_counter() - t0
    report["timings"] = {k: round(v, 3) for k, v in timings.items()}
    if write:
        atomic_write(outputs["report"], json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return BuildResult(report, dataset, graph, outputs if write else {})
