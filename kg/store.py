"""Output files and the query store.

Every output is written atomically (a temporary file in the same folder, then
``os.replace``), so an interrupted build leaves the previous file intact. For
querying, the named graphs of ``graph.trig`` are loaded into an in-memory
pyoxigraph store: the named graphs from ``graph.trig`` and, as the default graph,
the union graph of ``graph.ttl`` (a set: a triple stated by three articles is one
triple there, so queries need no DISTINCT to undo the named graphs). ``kg build --store
DIR`` keeps the same on disk, for large graphs and for ``kg serve``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from kg.vocab import PREFIXES

GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"
GRAPH_HTML = "graph.html"
REPORT_JSON = "report.json"


class StoreError(RuntimeError):
    """The built graph cannot be found or read."""


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_store(data_dir: str | os.PathLike[str]) -> ox.Store:
    """An in-memory store: named graphs of ``DATA/graph.trig``, default graph ``DATA/graph.ttl``."""
    store = ox.Store()
    for name, fmt in ((GRAPH_TRIG, ox.RdfFormat.TRIG), (GRAPH_TTL, ox.RdfFormat.TURTLE)):
        path = Path(data_dir) / name
        if not path.is_file():
            raise StoreError(f"no graph at {path}: run `kg build` first (or pass --data DIR)")
        try:
            store.bulk_load(path=str(path), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"cannot read {path}: {exc}") from exc
    return store


_RENAME_EXCHANGE = 2  # linux/fs.h


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system or
    the file system cannot, and then nothing has changed."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd = -100
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0


def replace_dir(fresh: Path, target: Path) -> None:
    """Put the directory ``fresh`` in place of ``target``: at every moment ``target`` is the old
    directory or the new one (an atomic exchange where the system allows; otherwise two renames,
    and a reader finds the old one at ``.<name>.old`` in between, see :func:`_existing`)."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists() and exchange(fresh, target):
        shutil.rmtree(fresh, ignore_errors=True)
        return
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


def _existing(path: Path) -> Path:
    """``path``, or the previous version a build interrupted between two renames left beside it."""
    old = path.with_name(f".{path.name}.old")
    return old if not path.exists() and old.exists() else path


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Staging:
    """New versions of some files of one folder, written in a fresh folder beside it and then
    published together (:meth:`publish`): readers see all the old files or all the new ones.

    Write each file at :meth:`path`. Publishing exchanges the fresh folder with the output
    folder in one step, with hard links to anything else the output folder holds. Where that
    cannot be done (another file system, a folder holding sub-folders, no renameat2), each file
    is moved into place atomically on its own. Leaving the ``with`` block without publishing
    throws the new files away.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        self.fresh = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}.new-", dir=self.folder.parent))
        self.names: list[str] = []
        self._syncing: dict[str, Future] = {}
        self._sync_pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc) -> None:
        if self._sync_pool is not None:
            self._sync_pool.shutdown()
        shutil.rmtree(self.fresh, ignore_errors=True)

    def sync_soon(self, name: str) -> None:
        """Start putting a file written in full on disk, in a thread of its own, while the caller
        goes on (:meth:`publish` waits for it): hundreds of megabytes of graphs are written out
        while the page is made, instead of after it."""
        if self._sync_pool is None:
            self._sync_pool = ThreadPoolExecutor(2, thread_name_prefix="kg-sync")
        self._syncing[name] = self._sync_pool.submit(_fsync, self.path(name))

    def path(self, name: str) -> Path:
        if name not in self.names:
            self.names.append(name)
        return self.fresh / name

    def write(self, name: str, data: str | bytes) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        with self.path(name).open("wb") as fh:
            fh.write(raw)

    def publish(self) -> None:
        for name in self.names:  # on disk before anyone can see them
            syncing = self._syncing.get(name)
            if syncing is not None:
                syncing.result()
            else:
                _fsync(self.fresh / name)
            os.chmod(self.fresh / name, 0o644)
        folder = self.folder
        if not folder.exists():
            os.chmod(self.fresh, 0o755)
            os.replace(self.fresh, folder)
            return
        others = [p for p in folder.iterdir() if p.name not in self.names] if folder.is_dir() else []
        if folder.is_dir() and not any(p.is_dir() and not p.is_symlink() for p in others):
            try:
                for p in others:
                    os.link(p, self.fresh / p.name, follow_symlinks=False)
                os.chmod(self.fresh, folder.stat().st_mode & 0o7777)
                if exchange(self.fresh, folder):
                    return  # self.fresh now holds the old files, removed on leaving
            except OSError:
                pass
            for p in others:
                (self.fresh / p.name).unlink(missing_ok=True)
        folder.mkdir(parents=True, exist_ok=True)
        for name in self.names:
            os.replace(self.fresh / name, folder / name)


def publish(outputs: dict[Path, str | bytes]) -> None:
    """Write several files of one folder so that readers see all the old ones or all the new ones
    (see :class:`Staging`)."""
    folder = next(iter(outputs)).parent
    with Staging(folder) as staging:
        for path, data in outputs.items():
            staging.write(path.name, data)
        staging.publish()


BUILD_ID_FILE = "kg-build-id"  # in a store folder: the build whose graphs it holds


def store_build_id(store_dir: str | os.PathLike[str]) -> str | None:
    """The build a store written by ``kg build --store`` holds (None if unknown)."""
    try:
        return (Path(store_dir) / BUILD_ID_FILE).read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def write_store(data_dir: str | os.PathLike[str], store_dir: str | os.PathLike[str], build_id: str = "") -> Path:
    """Load the built graph into a persistent pyoxigraph store at ``store_dir``.

    The new store is built beside the old one and swapped in by renames, so a failed or
    interrupted load leaves the previous store as it was. The files are loaded a few tens of
    megabytes at a time: the bulk loader's memory grows with what it is given at once.
    """
    target = Path(store_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        store = ox.Store(str(fresh))
        for name, fmt, end in ((GRAPH_TRIG, ox.RdfFormat.TRIG, b"}\n\n<"), (GRAPH_TTL, ox.RdfFormat.TURTLE, b" .\n<")):
            for piece in _pieces(Path(data_dir) / name, end):
                store.bulk_load(piece, fmt)
        store.optimize()
        store.flush()
        del store
        (fresh / BUILD_ID_FILE).write_text(build_id, encoding="ascii")
        replace_dir(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return target


def update_store(
    store_dir: str | os.PathLike[str],
    changes: dict[str, str | None],
    build_id: str = "",
    header: str = "",
    before: dict[str, str] | None = None,
) -> Path:
    """Bring a store written by ``kg build --store`` to the next build by changing only the graphs
    that changed: ``changes`` maps a graph IRI to its new Turtle statements (None: the graph is
    gone), ``header`` their prefixes. The default graph stays the union of the named graphs: a triple leaves it when no
    named graph holds it any more.

    ``before``: the statements some of those graphs held, as the last build wrote them, each
    subject in one statement ending " .\n" (as the summary graph is written). Only the
    statements that differ are then parsed and changed, not the whole graph.

    The store is copied first (a checkpoint: hard links to its immutable files), the copy changed
    and swapped in, so readers and an interrupted update see the previous store whole."""
    target = _existing(Path(store_dir))
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    fresh.rmdir()  # the checkpoint makes it
    try:
        ox.Store.read_only(str(target)).backup(str(fresh))
        store = ox.Store(str(fresh))
        default = ox.DefaultGraph()
        added: list[ox.Quad] = []
        gone: set[tuple] = set()
        for iri, text in changes.items():
            graph = ox.NamedNode(iri)
            if text is not None and iri in (before or {}):
                was, now = _statements(before[iri]), _statements(text)
                old, new = _triples(header, was - now), _triples(header, now - was)
            else:
                old = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)}
                new = _triples(header, [text]) if text is not None else set()
            for s, p, o in old - new:
                store.remove(ox.Quad(s, p, o, graph))
                gone.add((s, p, o))
            added += (ox.Quad(s, p, o, graph) for s, p, o in new - old)
            if text is None:
                store.remove_graph(graph)
        for s, p, o in gone:  # still stated by some other graph?
            if not any(q.graph_name != default for q in store.quads_for_pattern(s, p, o, None)):
                store.remove(ox.Quad(s, p, o, default))
        store.extend(added)
        store.extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in added)
        store.flush()
        del store
        (fresh / BUILD_ID_FILE).write_text(build_id, encoding="ascii")
        replace_dir(fresh, Path(store_dir))
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return Path(store_dir)


def _statements(text: str) -> set[str]:
    """The statements of a graph written one subject per statement, each ending " .\n"."""
    return {part + " .\n" for part in text.split(" .\n") if part.strip()}


def _triples(header: str, statements) -> set[tuple]:
    text = "".join(sorted(statements))
    if not text:
        return set()
    return {(q.subject, q.predicate, q.object) for q in ox.parse((header + text).encode("utf-8"), ox.RdfFormat.TURTLE)}


PIECE_BYTES = 32 << 20


def _pieces(path: Path, end: bytes, size: int = PIECE_BYTES) -> Iterator[bytes]:
    """A Turtle or TriG file as pieces of about ``size`` bytes that each parse on their own: the
    file's prefixes, then whole statements (or graphs), cut where ``end`` (the end of one and
    the start of the next, as ``kg build`` writes them) is found. A file written otherwise comes
    whole."""
    with path.open("rb") as fh:
        head = b""
        while True:  # the prefix lines, up to the first blank line
            line = fh.readline()
            head += line
            if not line or not line.strip():
                break
        if not head.lstrip().startswith(b"@prefix"):
            fh.seek(0)
            yield fh.read()
            return
        rest = b""
        while True:
            block = fh.read(size)
            if not block:
                break
            rest += block
            cut = rest.rfind(end)
            if cut < 0:
                continue
            cut += len(end) - 1  # keep the "<" that starts the next one
            yield head + rest[:cut]
            rest = rest[cut:]
        if rest.strip():
            yield head + rest


def open_store(store_dir: str | os.PathLike[str]) -> ox.Store:
    """A persistent store written by ``kg build --store``, opened read-only."""
    path = _existing(Path(store_dir))
    if not path.is_dir():
        raise StoreError(f"no store at {path}: run `kg build --store {path}` first")
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from exc


def query_prefixes() -> dict[str, str]:
    """Prefixes every query may use without declaring them."""
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    prefixes.setdefault("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    prefixes.setdefault("owl", "http://www.w3.org/2002/07/owl#")
    return prefixes


def construct_graph(store: ox.Store, sparql: str, bindings: dict[str, ox.Term] | None = None):
    """Run a CONSTRUCT (or DESCRIBE) query and return its triples as an rdflib Graph:
    a subgraph to draw, analyse or export."""
    from rdflib import Graph

    from kg.vocab import bind_prefixes

    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    triples = store.query(sparql, prefixes=query_prefixes(), substitutions=subs or None)
    if not isinstance(triples, ox.QueryTriples):
        raise ValueError("construct_graph needs a CONSTRUCT or DESCRIBE query")
    data = triples.serialize(format=ox.RdfFormat.N_TRIPLES)
    graph = bind_prefixes(Graph())
    graph.parse(data=data.decode("utf-8") if isinstance(data, bytes) else data, format="nt")
    return graph
