"""The main job: files in, graph files out.

ingest → extract → resolve → graph → validate → write (graph.ttl, graph.trig,
graph.html, report.json), each output replaced atomically. A file that cannot be
read is reported and skipped; the build fails only when no article could be read,
and then the previous outputs stay as they were.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
import pickle
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg import __version__
from kg.cache import ExtractionCache
from kg.extract import PIPELINE_VERSION
from kg.graph import (
    REFERENCE_GRAPH,
    SUMMARY_GRAPH,
    Describer,
    _post,
    article_graph_iri,
    article_turtle,
    build_dataset,
    corpus_graphs,
    trig_block,
    turtle_header,
    union_graph,
)
from kg.incremental import (
    STATE_FILE,
    ArticleRecord,
    BuildState,
    FileRead,
    inputs_key,
    load_state,
    no_gc,
    save_state,
    stat_of,
    state_fingerprint,
)
from kg.ingest import IngestError, finish_ingest, ingest, read_file, read_or_reject, walk
from kg.overview import UnionIndex, own_triples, page_network, shared_statements
from kg.records import KINDS, Article, Entity, Extraction, Rejected, ResolvedArticle
from kg.resolve import Resolved, merge, resolve, resolve_article
from kg.shapes import validate_store
from kg.store import GRAPH_HTML, GRAPH_TRIG, GRAPH_TTL, REPORT_JSON, Staging
from kg.viz import DEFAULT_MAX_NODES, render_html

PROGRESS_MIN_FILES = 50


class BuildError(RuntimeError):
    """Nothing could be built (no input file could be read)."""


@dataclass
class BuildResult:
    report: dict
    resolved: Resolved  # the articles and entities the graphs were written from
    outputs: dict[str, Path] = field(default_factory=dict)
    build_id: str = ""  # written into a store loaded from these outputs
    # (the build a store must hold, the graphs to change in it, the earlier text of some of them)
    # when this build started from the last one's outputs (see kg.store.update_store)
    store_changes: tuple[str, dict[str, str | None], dict[str, str]] | None = None

    @functools.cached_property
    def dataset(self) -> Dataset:
        """All graphs as an rdflib Dataset (made when first asked for)."""
        return build_dataset(self.resolved)

    @functools.cached_property
    def graph(self) -> Graph:
        """The union of the data graphs (the ontology left out) as an rdflib Graph."""
        return union_graph(self.dataset)


def _gid(article: Article) -> str:
    """The IRI of an article's named graph, as text."""
    return _graph_iri_text(article.article_id)


@functools.lru_cache(maxsize=1 << 17)
def _graph_iri_text(article_id: str) -> str:
    return str(article_graph_iri(article_id))


_TO_RENDER: tuple[Describer, list[ResolvedArticle]] | None = None  # what forked render workers read


def _render_chunk(indices: list[int]) -> list[tuple[bytes, bytes]]:
    describer, articles = _TO_RENDER
    out = []
    for i in indices:
        ra = articles[i]
        text = article_turtle(ra, describer)
        gid = _gid(ra.article)
        out.append((trig_block(gid, text).encode("utf-8"), text.encode("utf-8")))
    return out


def write_graphs(
    resolved: Resolved,
    trig_path: Path,
    ttl_path: Path,
    workers: int = 1,
    reuse: dict[str, tuple[tuple[int, int], tuple[int, int]]] | None = None,
    previous: tuple[Path, Path] | None = None,
    describer: Describer | None = None,
) -> tuple[dict[str, str], dict[str, tuple[tuple[int, int], tuple[int, int]]]]:
    """Write the named graphs (TriG) and the union of the article graphs (Turtle), the articles
    rendered in ``workers`` processes and written in graph order as they come: neither text is
    ever whole in memory. Returns the Turtle of the graphs that are not an article's (graph IRI
    → text: the reference and summary graphs, which the caller adds to the end of the union, see
    :func:`build`, and the ontology), and where each article's graph was written (graph IRI → its
    (offset, length) in the TriG and in the Turtle file).

    ``reuse``: graphs copied from the ``previous`` TriG and Turtle files, by graph IRI, from the
    ranges given, instead of being rendered (see :mod:`kg.incremental`).

    In the union a subject may have several statements (one per article that describes it),
    which Turtle allows; a store holds each triple once."""
    global _TO_RENDER
    reuse = reuse or {}
    articles = sorted(resolved.articles, key=lambda ra: _gid(ra.article))
    gids = [_gid(ra.article) for ra in articles]
    fixed = corpus_graphs(resolved)
    header = turtle_header().encode("utf-8")
    _TO_RENDER = (describer or Describer(resolved.entities, resolved.articles), articles)
    todo = [i for i, gid in enumerate(gids) if gid not in reuse]
    places: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
    try:
        rendered = _map_chunks(_render_chunk, todo, workers, None, chunk=64)
        fixed_blocks = sorted((gid, trig_block(gid, text).encode("utf-8")) for gid, text in fixed.items())
        with contextlib.ExitStack() as stack:
            trig = _Output(stack.enter_context(trig_path.open("wb", buffering=0)))
            ttl = _Output(stack.enter_context(ttl_path.open("wb", buffering=0)))
            if reuse:
                trig.source = stack.enter_context(previous[0].open("rb", buffering=0))
                ttl.source = stack.enter_context(previous[1].open("rb", buffering=0))
            trig.write(header)
            ttl.write(header)
            k = 0
            for gid in gids:
                while k < len(fixed_blocks) and fixed_blocks[k][0] < gid:
                    trig.write(fixed_blocks[k][1])
                    k += 1
                if gid in reuse:
                    (trig_at, trig_n), (ttl_at, ttl_n) = reuse[gid]
                    places[gid] = ((trig.copy(trig_at, trig_n), trig_n), (ttl.copy(ttl_at, ttl_n), ttl_n))
                else:
                    block, text = next(rendered)
                    places[gid] = ((trig.write(block), len(block)), (ttl.write(text), len(text)))
            for _graph, block in fixed_blocks[k:]:
                trig.write(block)
            trig.flush()
            ttl.flush()
    finally:
        _TO_RENDER = None
    return fixed, places


def _read_range(fh, at: int, n: int) -> bytes:
    fh.seek(at)
    data = fh.read(n)
    if len(data) != n:
        raise OSError(f"{fh.name} is shorter than the build state says")
    return data


class _Output:
    """A file written in order, from new bytes and from ranges of the previous build's file (its
    ``source``). Consecutive ranges are copied as one run, by the kernel where it can
    (``os.copy_file_range``): a rebuild copies nearly all of its graph files."""

    BUFFER = 1 << 20

    def __init__(self, raw) -> None:
        self.raw = raw
        self.source = None
        self.pos = 0  # where the next bytes go
        self.buffer: list[bytes] = []
        self.buffered = 0
        self.run: list[int] | None = None  # [source offset, length] of the range still to copy

    def write(self, data: bytes) -> int:
        """Append ``data``; returns where it starts."""
        self._copy_run()
        at = self.pos
        self.buffer.append(data)
        self.buffered += len(data)
        self.pos += len(data)
        if self.buffered >= self.BUFFER:
            self._write_buffer()
        return at

    def copy(self, at: int, n: int) -> int:
        """Append ``n`` bytes of the source from offset ``at``; returns where they start."""
        where = self.pos
        if self.run is not None and self.run[0] + self.run[1] == at:
            self.run[1] += n
        else:
            self._copy_run()
            self.run = [at, n]
        self.pos += n
        return where

    def flush(self) -> None:
        self._copy_run()
        self._write_buffer()

    def _write_buffer(self) -> None:
        if self.buffer:
            _write_all(self.raw, b"".join(self.buffer))
            self.buffer, self.buffered = [], 0

    def _copy_run(self) -> None:
        if self.run is None:
            return
        self._write_buffer()
        at, n = self.run
        self.run = None
        copy = getattr(os, "copy_file_range", None)
        while n:
            done = 0
            if copy is not None:
                try:
                    done = copy(self.source.fileno(), self.raw.fileno(), n, at)
                except OSError:  # a system or file system that cannot: copied here instead
                    copy = None
                    continue
                if done == 0:
                    raise OSError(f"{self.source.name} is shorter than the build state says")
            else:
                done = min(n, self.BUFFER)
                _write_all(self.raw, _read_range(self.source, at, done))
            at += done
            n -= done


def _write_all(raw, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[raw.write(view) :]


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


PARALLEL_MIN_ARTICLES = 64  # below this, starting processes costs more than it saves
_CHUNK = 16


def _extract_chunk(articles: list[Article]) -> list[Extraction]:
    from kg.extract import extract

    return list(extract(articles))


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_all(
    articles: list[Article],
    workers: int | None = None,
    show_progress: bool | None = None,
    cache: ExtractionCache | None = None,
    run: Callable[[list[Article]], list[Extraction]] | None = None,
) -> list[Extraction]:
    """Extractions in article order, from ``workers`` processes (the pipeline is per article, so
    the result does not depend on how many) or from ``run`` (a cluster); articles in ``cache``
    are not read again."""

    def fresh_of(todo: list[Article]) -> list[Extraction]:
        return run(todo) if run is not None and todo else _extract_fresh(todo, workers, show_progress)

    if cache is None:
        return fresh_of(articles)
    found = [cache.get(a) for a in articles]
    todo = [a for a, ex in zip(articles, found, strict=True) if ex is None]
    fresh = iter(fresh_of(todo))
    out = []
    for ex in found:
        if ex is None:
            ex = next(fresh)
            cache.put(ex)
        out.append(ex)
    return out


def _extract_fresh(articles: list[Article], workers: int | None, show_progress: bool | None) -> list[Extraction]:
    workers = default_workers() if workers is None else max(1, workers)
    bar = _progress(articles, "extracting", show_progress)
    try:
        return list(_map_chunks(_extract_chunk, articles, workers, None if bar is articles else bar))
    finally:
        if bar is not articles:
            bar.close()


def _pool(workers: int):
    """Worker processes started by fork where the system can (they inherit what this process has
    read, so only small results travel back); they end with the build, even a killed one."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_end_with_parent,
        initargs=(os.getpid(),),
    )


def _end_with_parent(parent: int) -> None:
    """Make this worker end when the build process does (Linux): a killed build would otherwise
    leave its workers waiting for work forever (they hold their own task queue open)."""
    # the build pauses the collector in its own process only (see build). What this process
    # inherited is set aside first: the collector would otherwise walk every inherited object
    # (millions, after reading tens of thousands of articles) and, by touching them, copy the
    # pages they share with the build process
    gc.freeze()
    gc.enable()
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import ctypes.util
    import signal

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the build ended before the line above
        os._exit(1)


def _map_chunks(fn, items: list, workers: int, bar, *args, chunk: int = _CHUNK):
    """``fn(chunk, *args)`` over chunks of ``items``, yielding the results in order, flattened;
    in ``workers`` processes when there are enough items to pay for them."""
    chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    if workers == 1 or len(items) < PARALLEL_MIN_ARTICLES:
        results = (fn(c, *args) for c in chunks)
        pool = contextlib.nullcontext()
    else:
        pool = _pool(workers)
        results = pool.map(fn, chunks, *([a] * len(chunks) for a in args))
    with pool:
        for done in results:
            yield from done
            if bar is not None:
                bar.update(len(done))


def _read_chunk(paths: list[Path]) -> list[tuple[Article | Rejected, int, int, str | None]]:
    """Each file read, with its size and time (taken before reading) and the hash of its bytes."""
    out = []
    for p in paths:
        seen = stat_of(p) or (0, 0)
        try:
            data = read_file(p)
        except IngestError as exc:  # not read: nothing to remember, the next build tries again
            out.append((Rejected(path=str(p), reason=exc.reason), *seen, None))
            continue
        out.append((read_or_reject(p, data), *seen, hashlib.sha256(data).hexdigest()))
    return out


_TO_EXTRACT: list[Article] = []  # what the forked workers of extract_and_resolve read


@dataclass
class ArticleDone:
    """One article extracted (or found in the cache) and resolved on its own; the article
    itself is left out (the caller has it), so that little travels between processes."""

    mentions: list
    facts: list
    problems: list[str]
    cached: bool
    resolved: ResolvedArticle
    entities: dict[str, Entity]

    def attach(self, article: Article) -> tuple[Extraction, ResolvedArticle]:
        self.resolved.article = article
        return Extraction(article, self.mentions, self.facts, self.problems), self.resolved


def _extract_resolve_chunk(indices: list[int], cache_dir: Path | None) -> list[ArticleDone]:
    from kg.extract import extract

    articles = [_TO_EXTRACT[i] for i in indices]
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    found = [cache.get(a) if cache is not None else None for a in articles]
    fresh = iter(extract([a for a, ex in zip(articles, found, strict=True) if ex is None]))
    out = []
    for ex in found:
        cached = ex is not None
        if ex is None:
            ex = next(fresh)
            if cache is not None:
                cache.put(ex)
        ra, entities = resolve_article(ex)
        ra.article = None  # the caller attaches it again
        out.append(ArticleDone(ex.mentions, ex.facts, ex.problems, cached, ra, entities))
    return out


def extract_and_resolve(
    articles: list[Article], workers: int, show_progress: bool | None, cache: ExtractionCache | None
) -> list[ArticleDone]:
    """Each article extracted (or found in ``cache``) and resolved on its own, in ``workers``
    processes; in article order (each is done on its own, so the result does not depend on how
    many processes)."""
    global _TO_EXTRACT
    _TO_EXTRACT = articles  # forked workers inherit the list: only indices are sent to them
    bar = _progress(articles, "extracting", show_progress)
    try:
        return list(
            _map_chunks(
                _extract_resolve_chunk,
                list(range(len(articles))),
                workers,
                None if bar is articles else bar,
                cache.root if cache is not None else None,
            )
        )
    finally:
        _TO_EXTRACT = []
        if bar is not articles:
            bar.close()


def _extract_aside(articles: list[Article], cache: ExtractionCache | None):
    """A few articles extracted and resolved in a process of its own, started now: the pool and
    the future of their :class:`ArticleDone` list, or None where processes cannot be forked. A
    build that redoes a few articles reads the others' records back meanwhile, and its own
    process does not import spaCy."""
    import multiprocessing

    global _TO_EXTRACT
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    _TO_EXTRACT = articles
    pool = _pool(1)
    try:  # the worker is forked here, holding the list
        future = pool.submit(_extract_resolve_chunk, list(range(len(articles))), cache.root if cache else None)
    except BaseException:
        pool.shutdown()
        raise
    finally:
        _TO_EXTRACT = []
    return pool, future


def _extract_on_cluster(client, articles: list[Article], show_progress: bool | None, timeout: float):
    from kg import dist

    bar = _progress(articles, "extracting", show_progress)
    try:
        return dist.extract_on(client, articles, None if bar is articles else bar, timeout)
    finally:
        if bar is not articles:
            bar.close()


def _nothing_read(paths, rejected: list[Rejected]) -> None:
    reasons = "; ".join(f"{r.path}: {r.reason}" for r in rejected[:5]) or "no .txt or .html files found"
    raise BuildError(f"no article could be read from {', '.join(map(str, paths))} ({reasons})")


def _build_on_cluster(paths, workers, show_progress, on_reject, store_of, scheduler, scheduler_timeout, timings):
    """Read here, extract on a Dask cluster (reached first: a wrong address fails before any
    work), resolve here."""
    from kg import dist

    t0 = time.perf_counter()
    with dist.connect(scheduler, workers, scheduler_timeout) as client:
        timings["cluster_s"] = time.perf_counter() - t0  # reaching it (or starting it) and checking its workers
        t = time.perf_counter()
        articles, rejected = read_inputs(paths, show_progress, on_reject)
        timings["ingest_s"] = time.perf_counter() - t
        if not articles:
            _nothing_read(paths, rejected)
        t = time.perf_counter()

        def on_cluster(todo: list[Article]) -> list[Extraction]:
            return _extract_on_cluster(client, todo, show_progress, scheduler_timeout)

        extractions = extract_all(articles, workers, show_progress, store_of, run=on_cluster)
    timings["extract_s"] = time.perf_counter() - t
    if store_of is not None:
        timings["extract_cached"] = store_of.hits
    t = time.perf_counter()
    resolved = resolve(extractions)
    timings["resolve_s"] = time.perf_counter() - t
    return articles, rejected, extractions, resolved


def _read_files(
    files: list[Path], state: BuildState | None, workers: int, show_progress: bool | None
) -> tuple[list[Article | Rejected], dict[str, FileRead]]:
    """What each file gives (in file order), and what the next build needs to know of it: a file
    whose size and time are those the ``state`` saw is not read again, nor one whose bytes are."""
    seen = state.files if state is not None else {}
    results: list[Article | Rejected | None] = [None] * len(files)
    reads: dict[str, FileRead] = {}
    todo: list[int] = []
    for i, path in enumerate(files):
        old = seen.get(str(path))
        if old is not None and stat_of(path) == (old.size, old.mtime_ns):
            results[i], reads[str(path)] = old.result, old
        else:
            todo.append(i)
    bar = _progress([files[i] for i in todo], "reading", show_progress)
    try:
        found = _map_chunks(_read_chunk, [files[i] for i in todo], workers, None if isinstance(bar, list) else bar)
        for i, (result, size, mtime, digest) in zip(todo, found, strict=True):
            old = seen.get(str(files[i]))
            if old is not None and digest is not None and digest == old.digest:
                result = old.result  # touched, not changed
            results[i] = result
            if digest is not None:
                reads[str(files[i])] = FileRead(size, mtime, digest, result)
    finally:
        if not isinstance(bar, list):
            bar.close()
    return results, reads


def _reusable(ra: ResolvedArticle, entities: dict, changed: set[str], changed_posts: set[str]) -> bool:
    """Whether an article's graph, unchanged itself, is written as before: none of the entities
    it describes, nor the posts it names, is described differently now."""
    for rm in ra.mentions:
        if rm.entity_key in changed:
            return False
    for subj, relation, obj, attrs in ra.facts:
        if subj in changed or obj in changed:
            return False
        if relation == "holds" and _post(entities[obj], attrs)[0] in changed_posts:
            return False
    return True


def _collector_paused(fn):
    """Run ``fn`` with the cycle collector paused. A build holds millions of objects (articles,
    their extractions, the last build's state) from start to end, and the collector would walk
    them all again and again: a fifth of the time of an incremental build at 26,000 articles.
    What the build drops is freed by reference counting; worker processes turn it back on."""

    @functools.wraps(fn)
    def paused(*args, **kwargs):
        with no_gc():
            try:
                return fn(*args, **kwargs)
            finally:
                # what the build made and keeps joins the oldest generation at once: the first
                # collection once the collector is back would otherwise walk all of it as new
                gc.freeze()
                gc.unfreeze()

    return paused


@_collector_paused
def build(
    paths: Sequence[str | os.PathLike[str]] = ("seeds",),
    out: str | os.PathLike[str] = "out",
    *,
    show_progress: bool | None = None,
    write: bool = True,
    on_reject: Callable[[Rejected], None] | None = None,
    workers: int | None = None,
    cache: ExtractionCache | bool = True,
    scheduler: str | None = None,
    scheduler_timeout: float = 10.0,
    incremental: bool = True,
) -> BuildResult:
    """Build the knowledge graph from ``paths`` and write the outputs to ``out``.

    ``workers``: processes for the extraction stage (default: one per core; 1 runs it here).
    ``cache``: the extraction cache (True: the default folder, see :mod:`kg.cache`; False: none).
    ``scheduler``: run the extraction stage on a Dask cluster instead, by address
    (``"tcp://host:8786"``, reached within ``scheduler_timeout`` seconds) or ``"local"`` (a
    LocalCluster of ``workers`` processes); the outputs are the same. Raises
    :class:`kg.dist.DistError` when the cluster cannot do it.
    ``incremental``: start from what the last build of the same inputs left in ``out`` and redo
    only what changed (see :mod:`kg.incremental`); the outputs are those of a full build.
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    out_dir = Path(out)
    build_id = uuid.uuid4().hex
    changes: dict[str, str | None] | None = None
    store_of = ExtractionCache() if cache is True else cache or None
    local_workers = default_workers() if workers is None else max(1, workers)
    state = load_state(out_dir, paths) if incremental and write and scheduler is None else None
    reads: dict[str, FileRead] = {}
    reused: dict[str, ArticleRecord] = {}  # graph IRI → the last build's record, for articles unchanged
    if scheduler is not None:
        articles, rejected, extractions, resolved = _build_on_cluster(
            paths, workers, show_progress, on_reject, store_of, scheduler, scheduler_timeout, timings
        )
        done = None
    else:
        t = time.perf_counter()
        files, others = walk(list(paths))
        found, reads = _read_files(files, state, local_workers, show_progress)
        articles, rejected = finish_ingest(
            [f for f in found if isinstance(f, Article)], [f for f in found if isinstance(f, Rejected)], others
        )
        for r in rejected:
            if on_reject:
                on_reject(r)
        if not articles:
            _nothing_read(paths, rejected)
        timings["ingest_s"] = time.perf_counter() - t
        t = time.perf_counter()
        done: list[ArticleDone | None] = [None] * len(articles)
        kept: list[tuple[int, ArticleRecord]] = []  # unchanged articles and their records
        if state is not None:
            for i, art in enumerate(articles):
                record = state.articles.get(_gid(art))
                if record is not None and record.article == art:
                    kept.append((i, record))
                    reused[_gid(art)] = record
        todo = [i for i, art in enumerate(articles) if _gid(art) not in reused]
        to_extract = [articles[i] for i in todo]
        aside = None
        if kept and 0 < len(todo) < PARALLEL_MIN_ARTICLES and local_workers > 1:
            aside = _extract_aside(to_extract, store_of)
        with aside[0] if aside is not None else contextlib.nullcontext():
            for i, record in kept:
                done[i] = record.unpickled()
            if aside is not None:
                fresh = aside[1].result()
            else:
                fresh = extract_and_resolve(to_extract, local_workers, show_progress, store_of)
        for i, d in zip(todo, fresh, strict=True):
            done[i] = d
        timings["extract_s"] = time.perf_counter() - t  # extracting and resolving each article
        if store_of is not None:
            timings["extract_cached"] = sum(d.cached for d in done)  # articles whose extraction was kept
        if state is not None:
            timings["articles_redone"] = len(todo)
        t = time.perf_counter()
        extractions, per_article = [], []
        for art, d in zip(articles, done, strict=True):
            ex, ra = d.attach(art)
            extractions.append(ex)
            per_article.append((ra, d.entities))
        resolved = merge(per_article)
        timings["resolve_s"] = time.perf_counter() - t  # merging the articles' entities

    outputs = {
        "ttl": out_dir / GRAPH_TTL,
        "trig": out_dir / GRAPH_TRIG,
        "html": out_dir / GRAPH_HTML,
        "report": out_dir / REPORT_JSON,
    }
    describer = Describer(resolved.entities, resolved.articles)
    reuse: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
    if state is not None:
        changed = {k for k, e in resolved.entities.items() if state.entities.get(k) != e}
        changed_posts = {k for k, label in describer.post_labels.items() if state.post_labels.get(k) != label}
        for ra in resolved.articles:
            gid = _gid(ra.article)
            record = reused.get(gid)
            if record is not None and _reusable(ra, resolved.entities, changed, changed_posts):
                reuse[gid] = (record.trig, record.ttl)
        timings["graphs_rewritten"] = len(resolved.articles) - len(reuse)
    with Staging(out_dir) as staging:
        t = time.perf_counter()
        fixed, places = write_graphs(
            resolved,
            staging.path(GRAPH_TRIG),
            staging.path(GRAPH_TTL),
            local_workers,
            reuse,
            (out_dir / GRAPH_TRIG, out_dir / GRAPH_TTL),
            describer,
        )
        shared = fixed[str(REFERENCE_GRAPH)] + fixed[str(SUMMARY_GRAPH)]
        timings["graph_s"] = time.perf_counter() - t
        t = time.perf_counter()
        store = ox.Store()
        union_index = None
        if state is None:
            # the union of the article graphs (each triple once), then the reference and summary
            store.bulk_load(path=str(staging.path(GRAPH_TTL)), format=ox.RdfFormat.TURTLE)
            store.load((turtle_header() + shared).encode("utf-8"), ox.RdfFormat.TURTLE)
            n_triples = len(store)
        else:
            # what changed, with every entity's description and the reference and summary graphs:
            # the graphs copied were valid with the descriptions they were written with
            with staging.path(GRAPH_TTL).open("rb") as ttl:
                for gid, (_trig, (at, n)) in places.items():
                    if gid not in reuse:
                        store.load(turtle_header().encode("utf-8") + _read_range(ttl, at, n), ox.RdfFormat.TURTLE)
            union_index = UnionIndex(resolved.articles, describer)
            text = shared_statements(union_index).text()
            store.load((turtle_header() + text + shared).encode("utf-8"), ox.RdfFormat.TURTLE)
            n_triples = len(store) + sum(own_triples(ra) for ra in resolved.articles if _gid(ra.article) in reuse)
        if state is not None:
            changes = _graph_changes(state, resolved, reuse, places, staging.path(GRAPH_TTL))
            if changes is not None:
                changes[str(SUMMARY_GRAPH)] = fixed[str(SUMMARY_GRAPH)]
        with staging.path(GRAPH_TTL).open("a", encoding="utf-8") as ttl:
            ttl.write(shared)
        if write:
            for name in (GRAPH_TRIG, GRAPH_TTL):  # written in full: on disk while the rest is made
                staging.sync_soon(name)
        # the store validates in threads of its own, without the interpreter lock: the page is
        # made meanwhile
        with ThreadPoolExecutor(1) as pool:
            validating = pool.submit(validate_store, store, union=False)
            if write:
                tp = time.perf_counter()
                # the page shows what the articles say: reference provinces nobody mentions stay out
                if union_index is None:
                    union_index = UnionIndex(resolved.articles, describer)
                net = page_network(union_index, max_nodes=DEFAULT_MAX_NODES)
                html = render_html(net, title="kg — đồ thị tri thức / knowledge graph")
                timings["write_s"] = time.perf_counter() - tp  # the page, while validating
            validation = validating.result()
        del store
        timings["validate_s"] = time.perf_counter() - t

        mentioned: set[str] = {rm.entity_key for ra in resolved.articles for rm in ra.mentions}
        by_kind = Counter(resolved.entities[k].kind for k in mentioned)
        report = {
            "kg_version": __version__,
            "pipeline_version": PIPELINE_VERSION,
            "inputs": sorted(str(p) for p in paths),
            "counts": {
                "files": len(articles) + len(rejected),
                "articles": len(articles),
                "rejected": len(rejected),
                "entities": {kind: by_kind.get(kind, 0) for kind in KINDS},
                "mentions": sum(len(ra.mentions) for ra in resolved.articles),
                "triples": n_triples,
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
            # articles the extractor failed on: kept, with no mentions, and the reason
            "problems": [
                {"file": ex.article.path, "reason": reason}
                for ex in sorted(extractions, key=lambda e: e.article.article_id)
                for reason in ex.problems
            ],
            "validation": {"conforms": validation.conforms, "violations": validation.violations},
            "outputs": {k: str(v) for k, v in outputs.items()},
        }
        if write:
            report["counts"]["nodes_drawn"] = len(net.nodes)
            # the page draws the most-mentioned nodes when there are many
            report["counts"]["nodes_in_graph"] = net.kg_page["meta"]["total"]
        if write and done is not None and validation.conforms:
            t = time.perf_counter()
            summary = fixed[str(SUMMARY_GRAPH)]
            _save_state(staging, paths, reads, articles, done, reused, places, resolved, describer, build_id, summary)
            timings["state_s"] = time.perf_counter() - t
        timings["total_s"] = time.perf_counter() - t0
        report["timings"] = {k: round(v, 3) for k, v in timings.items()}
        if write:
            # all the files change together: killing the build leaves the previous set whole
            staging.write(GRAPH_HTML, html)
            staging.write(REPORT_JSON, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
            staging.publish()
    result = BuildResult(report, resolved, outputs if write else {})
    if write:
        result.build_id = build_id
        if state is not None and changes is not None:
            before = {str(SUMMARY_GRAPH): state.summary} if state.summary else {}
            result.store_changes = (state.build_id, changes, before)
    return result


MAX_GRAPHS_CHANGED = 0.25  # above this share of graphs written again, a store is loaded afresh


def _graph_changes(state: BuildState, resolved: Resolved, reuse: dict, places: dict, ttl_path: Path):
    """What a store of the last build needs to become this one's (see
    :func:`kg.store.update_store`): each article graph written again, with its statements, and
    each gone; None when so many changed that loading the store afresh is as quick."""
    now = {_gid(ra.article) for ra in resolved.articles}
    written = sorted(now - reuse.keys())
    if len(written) > MAX_GRAPHS_CHANGED * max(len(now), 1):
        return None
    changes: dict[str, str | None] = dict.fromkeys(sorted(state.articles.keys() - now))
    with ttl_path.open("rb") as ttl:
        for gid in written:
            at, n = places[gid][1]
            changes[gid] = _read_range(ttl, at, n).decode("utf-8")
    return changes


def _save_state(
    staging: Staging, paths, reads, articles, done, reused, places, resolved, describer, build_id, summary
) -> None:
    """What the next build of the same inputs starts from (see :mod:`kg.incremental`); written
    last, with the sizes and times of the outputs it describes. Called by :func:`build`, with the
    cycle collector paused."""
    state = BuildState(state_fingerprint(), inputs_key(paths), build_id, reads)
    for art, d in zip(articles, done, strict=True):
        gid = _gid(art)
        trig, ttl = places[gid]
        record = reused.get(gid)
        if record is not None:
            blob = record.done  # unchanged: as the last state had it
        else:
            d.resolved.article = None  # the record has it
            blob = pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL)
            d.resolved.article = art
        state.articles[gid] = ArticleRecord(art, blob, trig, ttl)
    state.entities = resolved.entities
    state.post_labels = describer.post_labels
    state.outputs = {name: stat_of(staging.path(name)) for name in (GRAPH_TRIG, GRAPH_TTL)}
    state.summary = summary
    save_state(state, staging.path(STATE_FILE))
