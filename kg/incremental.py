"""What a build leaves beside its outputs so that the next build redoes only what changed.

``kg build`` writes ``build-state.pickle`` into the output folder with the other outputs (all
published together). It holds, for each input file, its size, modification time and raw
content hash with what reading it gave; for each article, its extraction and resolution; where
each article's named graph lies in ``graph.trig`` and ``graph.ttl``; and the corpus-wide
entities and post labels the graphs were written with.

The next build of the same inputs into the same folder:

- reads again only the files whose size or time changed and whose bytes differ (a file touched
  but not edited is not read again);
- extracts and resolves only the articles whose text or metadata changed;
- writes again only the graphs of those articles and of the articles naming an entity whose
  corpus-wide label, other names or attributes changed (or a post whose label did); the other
  graphs are copied from the previous files, byte for byte;
- validates the graphs it wrote, with the descriptions of every entity and the summary graph.

The outputs are the ones a full build would write (tests compare them byte for byte). The state
is not used, and the build is a full one, when kg or its extractor changed, the inputs are
named differently, the previous outputs are not the ones it describes, or the previous build
did not conform to the shapes; ``kg build --full`` asks for a full build.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from kg import __version__
from kg.records import Article, Entity, Rejected

STATE_FILE = "build-state.pickle"
_FORMAT = "kg-build-state-4"


@dataclass
class FileRead:
    """One input file as the last build saw it."""

    size: int
    mtime_ns: int
    digest: str  # sha256 of the bytes
    result: Article | Rejected  # what reading it gave (before duplicates and ids were settled)


@dataclass
class ArticleRecord:
    """One article of the last build: the article, what it gave, and where its graph is."""

    article: Article
    done: bytes  # the kg.builder.ArticleDone, pickled on its own: the next state copies it as it is
    trig: tuple[int, int]  # offset and length of its block in graph.trig
    ttl: tuple[int, int]  # offset and length of its statements in graph.ttl

    def unpickled(self):
        return pickle.loads(self.done)


@dataclass
class BuildState:
    fingerprint: str  # kg version and extractor (see :func:`state_fingerprint`)
    inputs: list[str]
    build_id: str  # a store loaded from the build's outputs says it holds this build
    files: dict[str, FileRead] = field(default_factory=dict)
    articles: dict[str, ArticleRecord] = field(default_factory=dict)  # by graph IRI
    entities: dict[str, Entity] = field(default_factory=dict)
    post_labels: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, tuple[int, int]] = field(default_factory=dict)  # file name → (size, mtime_ns)
    summary: str = ""  # the summary graph's statements (a store is changed where they differ)


def state_fingerprint() -> str:
    from kg.cache import extractor_fingerprint

    return f"{_FORMAT}/{__version__}/{extractor_fingerprint()}"


def inputs_key(paths) -> list[str]:
    return sorted(os.path.abspath(os.fspath(p)) for p in paths)


def stat_of(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@contextlib.contextmanager
def no_gc():
    """The cycle collector paused: it would walk the objects a pickle makes or reads again and
    again while there are many (three quarters of the time of a load)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load_state(out_dir: Path, paths) -> BuildState | None:
    """The state the last build left in ``out_dir``, when this build can start from it."""
    try:
        with (out_dir / STATE_FILE).open("rb") as fh, no_gc():
            state = pickle.load(fh)
    except Exception:  # missing, damaged or from another kg: a full build
        return None
    if not isinstance(state, BuildState) or state.fingerprint != state_fingerprint():
        return None
    if state.inputs != inputs_key(paths):
        return None
    for name, seen in state.outputs.items():
        if stat_of(out_dir / name) != seen:  # the outputs were changed or replaced since
            return None
    return state


def save_state(state: BuildState, path: Path) -> None:
    with path.open("wb") as fh, no_gc():
        pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
