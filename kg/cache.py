"""The extraction cache: an article whose text the extractor has already read is not read again.

An entry is keyed by the article's content hash, the byline and publisher read from the file
(the extractor uses them), and a fingerprint of the extractor itself: the source of
``kg/extract`` and the data files it reads. Change a rule or a lexicon entry and every entry is
stale at once; nothing needs a version number bumped by hand. Entries are pickles of the
mentions and facts, one file each, written atomically, so a build killed half-way leaves a
usable cache. The folder is ``$KG_CACHE_DIR``, else ``~/.cache/kg``; ``kg build --no-cache``
reads and writes none.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from kg.records import Article, Extraction

_FORMAT = b"kg-extraction-cache-1"


def default_cache_dir() -> Path:
    env = os.environ.get("KG_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


@cache
def extractor_fingerprint() -> str:
    """A hash of everything the extractor's output depends on: its code and its data files."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(_FORMAT)
    files = sorted((root / "extract").glob("*.py")) + sorted((root / "data").glob("*.json"))
    files += [root / "textnorm.py", root / "places.py", root / "records.py"]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """Extractions on disk, by article content and extractor fingerprint."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(folder) if folder is not None else default_cache_dir()
        self.folder = self.root / "extractions" / extractor_fingerprint()
        self.hits = 0
        self.misses = 0

    def _path(self, article: Article) -> Path:
        key = "\x1f".join([article.content_hash, *article.authors, "\x1e", article.publisher or ""])
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.folder / digest[:2] / f"{digest}.pickle"

    def get(self, article: Article) -> Extraction | None:
        path = self._path(article)
        try:
            with path.open("rb") as fh:
                mentions, facts = pickle.load(fh)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # a damaged entry is read again, not trusted
            self.misses += 1
            return None
        self.hits += 1
        return Extraction(article, mentions, facts)

    def put(self, extraction: Extraction) -> None:
        if extraction.problems:  # a failure is not remembered: the next build tries again
            return
        path = self._path(extraction.article)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((extraction.mentions, extraction.facts), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:  # a read-only or full disk makes the cache useless, not the build
            return
