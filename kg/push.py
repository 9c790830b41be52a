"""``kg push``: the named graphs of a built graph into any SPARQL 1.1 server, through the
SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph (one per article, ``vid:graph/reference``, ``vid:graph/summary``, ``vid:graph/ontology``) is sent
to ``<graph store>?graph=<IRI>``: ``PUT`` replaces the graph on the server, ``POST`` merges
into it. A graph of more than ``batch`` triples goes in several requests (the first a PUT when
replacing, the rest POSTs); triples with blank nodes all travel in its first request, so a
blank node keeps its identity. The union default graph of the build is not sent: it is derived
from the named graphs, and every server can query their union.

Transient failures (HTTP 429, 500, 502, 503, 504, a dropped connection) are retried with
exponential backoff; anything else stops the push with a :class:`PushError` that says which
graphs were sent.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pyoxigraph as ox

from kg.vocab import PREFIXES

EXIT_UNREACHABLE = 3
EXIT_AUTH = 4
EXIT_REJECTED = 5

FORMATS = {
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples; charset=utf-8"),
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
}
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
TRANSIENT_ERRORS = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)


class PushError(RuntimeError):
    """The push stopped: the message is one line, ``exit_code`` the documented exit code."""

    def __init__(self, message: str, exit_code: int, sent: list[str] | None = None) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.sent = sent or []


@dataclass
class PushResult:
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    seconds: float = 0.0
    sent: list[str] = field(default_factory=list)


def http_url(text: str) -> httpx.URL:
    """``text`` as an http(s) URL, or ValueError."""
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL as exc:
        raise ValueError(f"{text!r} is not a URL: {exc}") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"{text!r} is not an http(s) URL")
    return url


def graph_store_url(endpoint: str, authenticated: bool = False) -> str:
    """The Graph Store Protocol URL for a server, from its base or SPARQL endpoint URL.

    ``http://host:7878`` or ``…/query`` (Oxigraph) → ``…/store``; ``…/ds/sparql`` or
    ``…/ds/query`` (Fuseki) → ``…/ds/data``; ``http://host:8890/sparql`` (Virtuoso) →
    ``…/sparql-graph-crud-auth`` with credentials, else ``…/sparql-graph-crud``. A URL that
    already ends in ``/store``, ``/data`` or ``/sparql-graph-crud[-auth]`` is kept.
    """
    url = http_url(endpoint)
    path = url.path.rstrip("/")
    last = path.rpartition("/")[2]
    if last in ("store", "data", "sparql-graph-crud", "sparql-graph-crud-auth"):
        new = path
    elif path in ("", "/query"):
        new = "/store"
    elif path == "/sparql":
        new = "/sparql-graph-crud-auth" if authenticated else "/sparql-graph-crud"
    elif last in ("query", "sparql", "update"):
        new = path.rpartition("/")[0] + "/data"
    else:
        raise ValueError(
            f"cannot tell the graph store URL of {endpoint}: give --graph-store-url "
            "(Oxigraph …/store, Fuseki …/DATASET/data, Virtuoso …/sparql-graph-crud-auth)"
        )
    return str(url.copy_with(path=new, query=None, fragment=None))


def graph_sizes(store: ox.Store) -> dict[str, int]:
    """Triples per named graph, sorted by graph IRI (the order they are sent in)."""
    counts = {g.value: 0 for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    for row in store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
        if isinstance(row["g"], ox.NamedNode):
            counts[row["g"].value] = int(row["n"].value)
    return dict(sorted(counts.items()))


def _has_blank(t: ox.Triple) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)


def graph_parts(store: ox.Store, graph: str, batch: int) -> list[list[ox.Triple]]:
    """One graph cut into requests of at most ``batch`` triples (blank-node triples all in the first)."""
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
    blank = [t for t in triples if _has_blank(t)]
    plain = [t for t in triples if not _has_blank(t)]
    first = max(batch - len(blank), 0)
    return [blank + plain[:first]] + [plain[i : i + batch] for i in range(first, len(plain), batch)]


def graph_batches(store: ox.Store, graph: str, batch: int, fmt: str = "nt") -> Iterator[tuple[int, bytes]]:
    """The request bodies of one graph: (triples, UTF-8 N-Triples or Turtle)."""
    rdf_format = FORMATS[fmt][0]
    prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt == "turtle" else None
    for part in graph_parts(store, graph, batch):
        yield len(part), ox.serialize(part, format=rdf_format, prefixes=prefixes)


def _server_message(response: httpx.Response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.text or "")  # Virtuoso and Fuseki answer errors in HTML
    text = " ".join(text.split())
    return (text[:300] + "…") if len(text) > 300 else text


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", text)
    return text[:1].lower() + text[1:]


class Pusher:
    """Sends graphs to one graph store, with retries; raises :class:`PushError` on failure."""

    def __init__(
        self,
        url: str,
        *,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
        digest: bool = False,
        timeout: float = 60.0,
        retries: int = 3,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url
        self.retries = retries
        self.backoff = backoff
        auth: httpx.Auth | None = None
        headers = {"User-Agent": "kg-push"}
        if user is not None:
            auth = (httpx.DigestAuth if digest else httpx.BasicAuth)(user, password or "")
        elif token:
            headers["Authorization"] = f"Bearer {token}"
        self.client = httpx.Client(
            auth=auth, headers=headers, timeout=timeout, transport=transport, follow_redirects=False
        )

    def close(self) -> None:
        self.client.close()

    def send(self, graph: str, body: bytes, content_type: str, replace: bool) -> None:
        """PUT (replace) or POST (merge) one body into ``graph``."""
        method = "PUT" if replace else "POST"
        target = httpx.URL(self.url).copy_merge_params({"graph": graph})
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self.client.request(method, target, content=body, headers={"Content-Type": content_type})
            except httpx.ConnectTimeout as exc:
                raise PushError(f"cannot connect to {self.url}: timed out", EXIT_UNREACHABLE) from exc
            except httpx.ConnectError as exc:
                raise PushError(f"cannot connect to {self.url}: {_reason(exc)}", EXIT_UNREACHABLE) from exc
            except httpx.TimeoutException as exc:
                raise PushError(
                    f"{method} {graph}: no answer from {self.url} within the timeout (raise --timeout)",
                    EXIT_REJECTED,
                ) from exc
            except TRANSIENT_ERRORS as exc:
                if last:
                    raise PushError(
                        f"{method} {graph}: connection to {self.url} failed {attempt + 1} time(s): {_reason(exc)}",
                        EXIT_REJECTED,
                    ) from exc
            else:
                status = response.status_code
                if 200 <= status < 300:
                    return
                message = _server_message(response)
                detail = f"HTTP {status} {response.reason_phrase}" + (f": {message}" if message else "")
                if status in (401, 403):
                    hint = "check --user/--password or KG_PUSH_TOKEN" + (
                        "; Virtuoso's …/sparql-graph-crud-auth wants --digest" if status == 401 else ""
                    )
                    raise PushError(f"{method} {graph} refused by {self.url}: {detail} ({hint})", EXIT_AUTH)
                if status not in RETRY_STATUS or last:
                    tries = f" after {attempt + 1} tries" if attempt else ""
                    raise PushError(f"{method} {graph} failed at {self.url}{tries}: {detail}", EXIT_REJECTED)
            time.sleep(self.backoff * 2**attempt)


def push(
    store: ox.Store,
    pusher: Pusher,
    *,
    replace: bool = True,
    batch: int = 50_000,
    fmt: str = "nt",
    progress: bool | None = None,
) -> PushResult:
    """Send every named graph of ``store``; the :class:`PushResult` counts what was sent.

    On failure the :class:`PushError` lists, in ``sent``, the graphs sent completely, and its
    message says where the push stopped.
    """
    from tqdm import tqdm

    sizes = graph_sizes(store)
    content_type = FORMATS[fmt][1]
    result = PushResult()
    started = time.perf_counter()
    bar = tqdm(
        total=sum(sizes.values()),
        unit="triple",
        unit_scale=True,
        desc="push",
        file=sys.stderr,
        disable=None if progress is None else not progress,
    )
    try:
        for n, graph in enumerate(sizes):
            done = 0
            try:
                for i, (count, body) in enumerate(graph_batches(store, graph, batch, fmt)):
                    pusher.send(graph, body, content_type, replace=replace and i == 0)
                    result.requests += 1
                    result.triples += count
                    done += 1
                    bar.update(count)
            except PushError as exc:
                partly = f"; {done} request(s) of this graph went through, so it is incomplete" if done else ""
                exc.args = (f"{exc}{partly}; {_sent_summary(result.sent, len(sizes))}",)
                exc.sent = list(result.sent)
                raise
            result.sent.append(graph)
            result.graphs = n + 1
    finally:
        bar.close()
        result.seconds = time.perf_counter() - started
    return result


def _sent_summary(sent: list[str], total: int) -> str:
    if not sent:
        return f"none of the {total} graph(s) was sent"
    span = sent[0] if len(sent) == 1 else f"{sent[0]} … {sent[-1]}, in IRI order"
    return f"{len(sent)} of {total} graph(s) were sent ({span})"
