"""The extraction stage on a Dask cluster (``kg build --scheduler tcp://host:8786``).

Only the per-article extraction leaves this machine: chunks of articles (the records, not
paths, since the workers need not share a file system) go to the workers, and the mentions
and facts come back in article order; resolving, the graph, validation and writing stay
here. The result is the same as a local build's, byte for byte.

Dask is optional (``pip install 'kg[dist]'``): this module imports it only when a build asks
for a cluster, so ``import kg`` never does.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator, Sequence

from kg import __version__
from kg.records import Article, Extraction

LOCAL = "local"  # --scheduler local: a LocalCluster on this machine
DEFAULT_TIMEOUT = 10.0  # seconds to reach the scheduler and to see a worker
INSTALL_HINT = "pip install 'kg[dist]'"


class DistError(RuntimeError):
    """The cluster could not run the extraction (the message is one line for the user)."""


class DaskMissing(DistError):
    """dask.distributed is not installed here."""


class SchedulerUnreachable(DistError):
    """No scheduler answered at the address within the timeout."""


class WorkerError(DistError):
    """No workers, or workers without the same version of kg."""


class ChunkFailed(DistError):
    """A chunk of articles failed on the cluster."""


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise DaskMissing(f"--scheduler needs Dask's distributed scheduler: {INSTALL_HINT} ({exc})") from None
    return distributed


@contextlib.contextmanager
def _quiet(names: Sequence[str] = ("distributed", "tornado", "asyncio")) -> Iterator[None]:
    """Dask's own log lines (connection retries, worker start-up, shutdown) stay out of the user's way."""
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def _probe():
    """Run on each worker: the kg there, as (version, pipeline version) or (None, why).

    Sent by value (see :func:`_by_value`): it must run on a worker that has no kg at all.
    """
    try:
        import kg
        from kg.extract import PIPELINE_VERSION
    except ImportError as exc:
        return None, f"{type(exc).__name__}: {exc}"
    return kg.__version__, PIPELINE_VERSION


def _by_value(func):
    """``func`` as a fresh function that cloudpickle sends by value, not as ``kg.dist.<name>``."""
    import types

    clone = types.FunctionType(func.__code__, {"__builtins__": __builtins__}, func.__name__)
    clone.__module__ = "__main__"
    clone.__qualname__ = f"kg_{func.__name__}"
    return clone


def check_workers(client, timeout: float) -> list[str]:
    """The workers' addresses once each has this kg (same version, same pipeline), else ``WorkerError``."""
    from kg.extract import PIPELINE_VERSION

    try:
        client.wait_for_workers(1, timeout=timeout)
    except Exception:  # noqa: BLE001 - a TimeoutError whose module moved between Dask versions
        raise WorkerError(
            f"no Dask worker joined the scheduler within {timeout:g} s (start some with `dask worker ADDRESS`)"
        ) from None
    try:
        found = client.run(_by_value(_probe))
    except Exception as exc:  # noqa: BLE001 - the probe itself could not run there
        raise WorkerError(f"could not ask the Dask workers for their kg version: {_one_line(exc)}") from None
    mine = (__version__, PIPELINE_VERSION)
    for worker, (version, pipeline) in sorted(found.items()):
        if version is None:
            raise WorkerError(
                f"Dask worker {worker} cannot import kg ({pipeline}): "
                f"`pip install 'kg[dist]=={__version__}'` on every worker"
            )
        if (version, pipeline) != mine:
            raise WorkerError(
                f"Dask worker {worker} has kg {version} (pipeline {pipeline}), this machine kg {__version__} "
                f"(pipeline {PIPELINE_VERSION}): install the same kg on every worker"
            )
    return sorted(found)


@contextlib.contextmanager
def connect(scheduler: str, workers: int | None = None, timeout: float = DEFAULT_TIMEOUT) -> Iterator[object]:
    """A ``distributed.Client`` to ``scheduler`` whose workers all run this kg.

    ``scheduler`` is an address (``tcp://host:8786``) or ``"local"``: a LocalCluster here with
    ``workers`` processes (default one per core), closed afterwards.
    """
    distributed = _distributed()
    with contextlib.ExitStack() as stack:
        stack.enter_context(_quiet())
        if scheduler == LOCAL:
            from kg.builder import default_workers

            cluster = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=workers or default_workers(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,  # no dashboard; its bare HTTP server on a free port, not 8787
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                )
            )
            client = stack.enter_context(distributed.Client(cluster, timeout=timeout, set_as_default=False))
        else:
            try:  # before making a Client: one that failed to start hangs on exit
                distributed.comm.get_address_host_port(scheduler)
            except ValueError as exc:  # "foo", "tcp://host:port"
                raise SchedulerUnreachable(
                    f"not a Dask scheduler address: {scheduler!r} ({exc}; expected tcp://host:8786 or `local`)"
                ) from None
            try:
                client = distributed.Client(scheduler, timeout=timeout, set_as_default=False)
            except (OSError, TimeoutError) as exc:
                why = "" if "timed out" in str(exc).lower() else f" ({_one_line(exc)})"
                raise SchedulerUnreachable(
                    f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s{why}"
                ) from None
            stack.enter_context(client)
        check_workers(client, timeout)
        yield client


def _extract_remote(articles: list[Article]) -> list[tuple[list, list, list]]:
    """On a worker: the extraction of each article without the article (the client has it)."""
    from kg.extract import extract

    return [(ex.mentions, ex.facts, ex.problems) for ex in extract(articles)]


def _chunks(articles: list[Article], threads: int) -> list[list[Article]]:
    """Chunks small enough to spread over the workers, big enough to keep task overhead low."""
    size = max(1, min(32, len(articles) // max(1, 4 * threads)))
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def extract_on(client, articles: list[Article], bar=None, timeout: float = DEFAULT_TIMEOUT) -> list[Extraction]:
    """Extractions of ``articles`` from the cluster, in article order; ``bar`` (tqdm) counts articles.

    Raises ``ChunkFailed`` (naming the chunk's files) when a chunk fails, and ``WorkerError``
    when the scheduler has had no worker for ``timeout`` seconds (its tasks would wait forever).
    """
    distributed = _distributed()
    chunks = _chunks(articles, sum(client.nthreads().values()) or 1)
    token = os.urandom(6).hex()
    futures = [
        client.submit(_extract_remote, chunk, key=f"kg-extract-{token}-{i:06d}", pure=False)
        for i, chunk in enumerate(chunks)
    ]
    index = {f.key: i for i, f in enumerate(futures)}
    results: list[list | None] = [None] * len(chunks)
    ready = distributed.as_completed(futures, loop=client.loop)
    alone_since: float | None = None
    last_look = time.monotonic()
    try:
        while not ready.is_empty():
            done = ready.next_batch(block=False)
            if not done:
                time.sleep(0.05)
                if time.monotonic() - last_look < 1.0:
                    continue
                last_look = time.monotonic()
                if client.nthreads():
                    alone_since = None
                elif alone_since is None:
                    alone_since = last_look
                elif last_look - alone_since > timeout:
                    left = sum(len(chunks[i]) for i, r in enumerate(results) if r is None)
                    raise WorkerError(
                        f"the Dask scheduler has had no worker for {timeout:g} s (see the workers' logs); "
                        f"{left} article(s) not extracted"
                    ) from None
                continue
            for future in done:
                i = index[future.key]
                try:
                    results[i] = future.result()
                except Exception as exc:  # noqa: BLE001 - named with its files, one line
                    raise ChunkFailed(
                        f"extraction failed on the cluster for {_files(chunks[i])}: {_one_line(exc)}"
                    ) from None
                if bar is not None:
                    bar.update(len(chunks[i]))
    except BaseException:
        client.cancel(futures)
        raise
    del futures
    out: list[Extraction] = []
    log = logging.getLogger("kg")
    for chunk, found in zip(chunks, results, strict=True):
        for article, (mentions, facts, problems) in zip(chunk, found, strict=True):
            for problem in problems:  # the worker's warning, repeated where the user sees it
                log.warning("kg: %s: %s", article.path, problem)
            out.append(Extraction(article, mentions, facts, problems))
    return out


def _files(chunk: list[Article]) -> str:
    names = [a.path for a in chunk]
    return ", ".join(names) if len(names) <= 4 else f"{', '.join(names[:3])} … {names[-1]} ({len(names)} files)"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__
