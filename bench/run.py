"""Benchmark: the whole build, the extraction stage, the practical floor and the NER baseline.

    python bench/run.py [--corpus DIR] [--ner-articles 200] [--out bench]
    python bench/run.py --queries-only --store DIR [--repeat 5] [--json FILE]

Measures side by side, in one run (machines here are noisy: compare ratios, not seconds):
the full ``kg build`` of the corpus (in a subprocess, with its peak resident memory), the
extraction stage alone, a plain read + NFC + one regular expression over the same files (the
floor), underthesea's NER on a fixed subset, and the median latency of every named query on the
built persistent store. Writes ``bench/results.json`` and ``bench/results.md``.

``--queries-only --store DIR`` measures only the named queries, on a store built before with
``kg build --store DIR`` (opened read-only), and prints their medians (nothing is written unless
``--json FILE`` is given).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _floor(files: list[Path]) -> dict:
    pattern = re.compile(r"\d+\s*-\s*[A-ZĐ]{1,4}/[A-ZĐ]{1,6}")
    t = time.perf_counter()
    chars = hits = 0
    for f in files:
        text = unicodedata.normalize("NFC", f.read_text(encoding="utf-8", errors="replace"))
        chars += len(text)
        hits += len(pattern.findall(text))
    return {"seconds": time.perf_counter() - t, "characters": chars, "symbol_hits": hits}


def _extraction(files: list[Path]) -> dict:
    """The extraction stage alone, with one worker process and with two (no cache)."""
    from kg.builder import extract_all
    from kg.extract import extract
    from kg.ingest import read_article

    articles = [read_article(f) for f in files]
    list(extract(articles[:20]))  # warm the lexicons
    out: dict = {"characters": sum(len(a.text) for a in articles)}
    for workers in (1, 2):
        t = time.perf_counter()
        done = extract_all(articles, workers=workers, show_progress=False)
        out[f"seconds_{workers}_worker"] = time.perf_counter() - t
        out["mentions"] = sum(len(ex.mentions) for ex in done)
    out["seconds"] = out["seconds_1_worker"]
    out["speedup_2_workers"] = out["seconds_1_worker"] / out["seconds_2_worker"]
    return out


def _build(inputs: list[Path], out: Path, cache: Path, extra: list[str] = ()) -> dict:
    """One ``kg build`` in a subprocess, as a user runs it: wall time, peak memory, report."""
    env = dict(os.environ, KG_CACHE_DIR=str(cache))
    cmd = [sys.executable, "-m", "kg", "build", *map(str, inputs), "-o", str(out), "-q", *extra]
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    wall = time.perf_counter() - t
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {
        "seconds": wall,
        "peak_rss_mb": rss_kb / 1024,
        "triples": report["counts"]["triples"],
        "timings": report["timings"],
    }


def edit_one_article(folder: Path) -> None:
    """Add a paragraph in the middle of the middle file of ``folder`` (what the rebuild
    measurements redo; text after an article's closing "/." is not part of it)."""
    files = sorted(folder.glob("*.txt"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    cut = text.index("\n", len(text) // 2)
    sentence = "\nBí thư Tỉnh ủy Lạng Sơn Nguyễn Văn An chủ trì hội nghị."
    path.write_text(text[:cut] + sentence + text[cut:], encoding="utf-8")


def same_outputs(a: Path, b: Path) -> bool:
    """Whether two builds wrote the same graph files, page and report (timings aside)."""
    for name in ("graph.trig", "graph.ttl", "graph.html"):
        if (a / name).read_bytes() != (b / name).read_bytes():
            return False
    reports = [json.loads((d / "report.json").read_text(encoding="utf-8")) for d in (a, b)]
    for r in reports:
        r.pop("timings")
        r.pop("outputs")
    return reports[0] == reports[1]


def _full_build(corpus: Path, work: Path) -> dict:
    """The full build with an empty extraction cache, then the rebuild after editing one article."""
    folder = work / "corpus"
    folder.mkdir()
    for f in sorted(corpus.glob("*.txt")):
        (folder / f.name).write_bytes(f.read_bytes())
    full = _build([folder], work / "out", work / "cache")
    edit_one_article(folder)
    rebuild = _build([folder], work / "out", work / "cache")  # from what the full build left in out/
    _build([folder], work / "out-full", work / "cache", ["--full"])
    rebuild["equals_full_build"] = same_outputs(work / "out", work / "out-full")
    full["rebuild_one_edit"] = rebuild
    full["rebuild_speedup"] = full["seconds"] / rebuild["seconds"]
    return full


def distinct_copy(text: str, i: int) -> str:
    """Copy ``i`` of an article, made a different article by one line after its header (the
    build keeps one of several files holding the same text); copy 0 is the article itself."""
    if i == 0:
        return text
    lines = text.split("\n")
    at = next((k for k, line in enumerate(lines) if not line.startswith("#")), 0)
    lines.insert(at + 1, f"(Bản sao số {i:02d}.)")
    return "\n".join(lines)


def _scaled(corpus: Path, work: Path, times: int, repeat: int) -> dict:
    """A corpus of ``times`` distinct copies with distinct file names, built with an empty cache
    and a persistent store; the named queries on that store; the rebuild after editing one article."""
    folder = work / f"corpus-x{times}"
    folder.mkdir()
    for f in sorted(corpus.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        for i in range(times):
            (folder / f"c{i:02d}_{f.name}").write_text(distinct_copy(text, i), encoding="utf-8")
    store = work / "store-x"
    built = _build([folder], work / f"out-x{times}", work / f"cache-x{times}", ["--store", str(store)])
    from kg.store import open_store

    queries = query_medians(open_store(store), repeat)
    edit_one_article(folder)
    rebuild = _build([folder], work / f"out-x{times}", work / f"cache-x{times}", ["--store", str(store)])
    return {
        **built,
        "copies": times,
        "query_median_ms": queries,
        "rebuild_one_edit": rebuild,
        "rebuild_speedup": built["seconds"] / rebuild["seconds"],
    }


def example_bindings(store) -> dict[str, object]:
    """A value for each parameter of the named queries, taken from the store: the most cited
    symbol, the most mentioned province's label, the most mentioned organisation (its label and
    its IRI)."""
    from kg.sparql import run_query

    def first(sparql: str):
        rows = run_query(store, sparql).rows
        return rows[0][0] if rows else None

    return {
        "symbol": first("SELECT ?s WHERE { ?r vnkg:symbol ?s ; vnkg:rank ?k } ORDER BY ?k LIMIT 1"),
        "province": first("SELECT ?l WHERE { ?p a vnkg:Province ; vnkg:rank 1 ; rdfs:label ?l }"),
        "organization": first("SELECT ?l WHERE { ?o a vnkg:Organization ; vnkg:rank 1 ; rdfs:label ?l }"),
        "entity": first("SELECT ?o WHERE { ?o a vnkg:Organization ; vnkg:rank 1 }"),
    }


def query_medians(store, repeat: int = 5) -> dict[str, float]:
    """Median latency in ms of every named query over ``store``, results read to the last row; one
    run first, untimed, to warm the caches. A query with a parameter is timed with it bound to a
    value from the store (:func:`example_bindings`), and, when it makes sense unbound (a listing),
    also without it (as ``name (all)``)."""
    from kg.sparql import named_queries, run_query

    examples = example_bindings(store)
    out = {}
    for name, q in named_queries().items():
        wanted = re.findall(r"bind \?(\w+)", q.description)  # "(bind ?symbol, e.g. …)"
        params = {k: examples[k] for k in wanted if examples.get(k) is not None}
        runs = [(name, params)] if params else [(name, {})]
        if params and "entity" not in params:
            runs = [(f"{name} (all)", {}), *runs]
        for label, bindings in runs:
            run_query(store, q.text, bindings)
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                run_query(store, q.text, bindings)
                times.append(time.perf_counter() - t)
            out[label] = statistics.median(times) * 1000
    return out


def _queries(work: Path) -> dict:
    from kg.store import open_store, write_store

    return query_medians(open_store(write_store(work / "out", work / "store")))


def _ner(files: list[Path], n: int) -> dict | None:
    try:
        from underthesea import ner
    except ImportError:
        return None
    from kg.ingest import read_article

    texts = [read_article(f).text for f in files[:n]]
    ner("Khởi động.")
    t = time.perf_counter()
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                ner(line)
    return {"seconds": time.perf_counter() - t, "articles": len(texts), "characters": sum(map(len, texts))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "vi-news-unc")
    parser.add_argument("--ner-articles", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "bench")
    parser.add_argument(
        "--scale", type=int, default=0, help="Also build a corpus of N distinct copies (e.g. 10), with a store."
    )
    parser.add_argument("--queries-only", action="store_true", help="only the named queries, on --store")
    parser.add_argument("--store", type=Path, help="a store written by `kg build --store DIR`")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query (the median is kept)")
    parser.add_argument("--json", type=Path, help="with --queries-only: also write the medians here")
    args = parser.parse_args()
    if args.queries_only:
        if args.store is None:
            parser.error("--queries-only needs --store DIR")
        queries_only(args.store, args.repeat, args.json)
        return
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt files in {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = {
            "date": time.strftime("%Y-%m-%d"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "articles": len(files),
            "floor": _floor(files),
            "extraction": _extraction(files),
            "full_build": _full_build(args.corpus, work),
            "query_median_ms": _queries(work),
            "underthesea_ner": _ner(files, args.ner_articles),
            "scaled_build": _scaled(args.corpus, work, args.scale, args.repeat) if args.scale > 1 else None,
            "bench_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(table(results), encoding="utf-8")
    print(table(results))


def queries_only(store_dir: Path, repeat: int = 5, json_path: Path | None = None) -> dict[str, float]:
    """Median latency of each named query on an existing store; printed as a table."""
    from kg.store import open_store

    store = open_store(store_dir)
    triples = len(store)
    medians = query_medians(store, repeat)
    lines = [f"Named queries on {store_dir} ({triples:,} quads), median of {repeat} runs:", ""]
    lines += ["| named query | median ms |", "|---|---|"]
    lines += [f"| {k} | {v:.1f} |" for k, v in sorted(medians.items())]
    print("\n".join(lines))
    if json_path is not None:
        json_path.write_text(json.dumps(medians, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return medians


def table(r: dict) -> str:
    chars = r["floor"]["characters"]
    ex, full = r["extraction"], r["full_build"]
    rows = [
        ("read + NFC + one regex (floor)", r["floor"]["seconds"], r["articles"]),
        ("extraction stage, 1 worker", ex["seconds_1_worker"], r["articles"]),
        ("extraction stage, 2 workers", ex["seconds_2_worker"], r["articles"]),
        ("full `kg build`, empty cache, outputs written", full["seconds"], r["articles"]),
        ("rebuild after editing one article", full["rebuild_one_edit"]["seconds"], r["articles"]),
    ]
    sc = r.get("scaled_build")
    if sc:
        n = r["articles"] * sc["copies"]
        rows.append((f"×{sc['copies']} corpus ({n:,} distinct articles), empty cache, `--store`", sc["seconds"], n))
        rebuild = sc["rebuild_one_edit"]["seconds"]
        rows.append((f"×{sc['copies']} corpus, rebuild after editing one article", rebuild, n))
    if r["underthesea_ner"]:
        ner = r["underthesea_ner"]
        rows.append((f"underthesea NER ({ner['articles']} articles)", ner["seconds"], ner["articles"]))
    lines = [
        f"Benchmark of {r['date']} on {r['machine']}: {r['articles']} articles, {chars:,} characters.",
        "",
        "| stage | seconds | articles/s | × floor |",
        "|---|---|---|---|",
    ]
    floor = r["floor"]["seconds"] / r["articles"]
    for name, seconds, n in rows:
        lines.append(f"| {name} | {seconds:.2f} | {n / seconds:,.0f} | {seconds / n / floor:,.0f} |")
    lines += [
        "",
        f"Two workers vs one on the extraction stage: ×{ex['speedup_2_workers']:.2f}. "
        f"Rebuild after one edit vs full build: ×{full['rebuild_speedup']:.1f} "
        f"({full['rebuild_one_edit']['timings'].get('articles_redone', 'all')} article(s) redone, "
        f"{full['rebuild_one_edit']['timings'].get('graphs_rewritten', 'all')} graph(s) written again; outputs "
        + ("identical to" if full["rebuild_one_edit"].get("equals_full_build") else "NOT identical to")
        + " those of `kg build --full`).",
        "",
        f"Full build peak RSS: {full['peak_rss_mb']:.0f} MB"
        + (
            f" (×{r['scaled_build']['copies']}: {r['scaled_build']['peak_rss_mb']:.0f} MB)"
            if r.get("scaled_build")
            else ""
        )
        + "; "
        f"{full['triples']:,} triples; stage timings {full['timings']}.",
        "",
        "| named query | median ms |",
        "|---|---|",
    ]
    if sc:
        lines[-2] = f"| named query | median ms (×1) | median ms (×{sc['copies']}) |"
        lines[-1] = "|---|---|---|"
        lines += [
            f"| {k} | {v:.1f} | {sc['query_median_ms'].get(k, float('nan')):.1f} |"
            for k, v in sorted(r["query_median_ms"].items())
        ]
        lines += [
            "",
            f"×{sc['copies']}: peak RSS {sc['peak_rss_mb']:.0f} MB, {sc['triples']:,} triples, "
            f"rebuild after one edit ×{sc['rebuild_speedup']:.1f} faster than the full build; "
            f"stage timings {sc['timings']}; rebuild stage timings {sc['rebuild_one_edit']['timings']}.",
        ]
    else:
        lines += [f"| {k} | {v:.1f} |" for k, v in sorted(r["query_median_ms"].items())]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
