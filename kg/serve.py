"""``kg serve``: the built graph as a read-only SPARQL 1.1 Protocol endpoint.

``GET /sparql?query=…``, ``POST /sparql`` with ``application/x-www-form-urlencoded``
(``query=…``) or with an ``application/sparql-query`` body. ``default-graph-uri`` and
``named-graph-uri`` narrow the dataset as the protocol says; without them the default graph
is the union graph and ``GRAPH ?g`` reaches each article's graph, as in ``kg query``, and the
prefixes of :func:`kg.store.query_prefixes` need no declaration.

Answers are negotiated from the ``Accept`` header, or chosen by a ``format`` parameter
(``json``, ``xml``, ``csv``, ``tsv`` for SELECT and ASK; ``turtle``, ``nt``, ``jsonld``,
``rdfxml``, ``n3`` for CONSTRUCT and DESCRIBE); pyoxigraph writes them all.

Status codes: 400 malformed request or query (with the parser's message), or a SERVICE
clause (federated queries are refused: the endpoint answers from its own graph and never
opens a connection); 403 SPARQL Update, whether as an ``update`` parameter, an
``application/sparql-update`` body or an update sent as a query; 404 unknown path; 405
other methods; 406 no acceptable format; 411 POST without Content-Length; 413 body over
1 MB; 415 other POST content types; 500 a query that fails while running; 503 a query
that ran past ``--timeout`` (its worker is killed and replaced), or every worker busy for
``--queue-timeout`` seconds (a burst of requests queues for the workers rather than failing:
1,000 clients at once are all answered). Results over ``--max-results`` rows (or triples) are cut to that many and the
answer carries ``X-SPARQL-MaxRows: N`` (Virtuoso's convention), with status 200.

Queries run in a small pool of worker processes, each holding its own store (loaded from
``--data``, or the persistent store of ``--store`` opened read-only): pyoxigraph cannot be
interrupted from Python, so the server kills a worker whose query runs too long and starts
a fresh one. Nothing in the server ever writes to a store.
"""

from __future__ import annotations

import contextlib
import html
import itertools
import multiprocessing
import os
import queue
import re
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg import __version__
from kg.store import StoreError, load_store, open_store, query_prefixes

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 100_000
DEFAULT_WORKERS = 2
DEFAULT_QUEUE_TIMEOUT = 30.0  # seconds a request may wait for a free worker (a burst queues, it is not refused)
LISTEN_BACKLOG = 1024  # connections the kernel holds before they are accepted (capped by net.core.somaxconn)
MAX_BODY_BYTES = 1 << 20

TEXT = "text/plain; charset=utf-8"
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "X-SPARQL-MaxRows"}


class ServeError(RuntimeError):
    """The server cannot start: no graph to serve, or the address is taken."""


# --------------------------------------------------------------------------- formats


@dataclass(frozen=True)
class Format:
    """An answer format: its media type, the media types and ``format`` names that ask for it."""

    name: str
    media_type: str
    accepts: tuple[str, ...]
    names: tuple[str, ...]
    writer: ox.QueryResultsFormat | ox.RdfFormat

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8" if self.media_type.startswith("text/") else self.media_type


R = ox.QueryResultsFormat
G = ox.RdfFormat
RESULT_FORMATS = (  # SELECT and ASK; the first is the default
    Format("json", "application/sparql-results+json", ("application/sparql-results+json", "application/json"),
           ("json", "srj"), R.JSON),
    Format("xml", "application/sparql-results+xml", ("application/sparql-results+xml",), ("xml", "srx"), R.XML),
    Format("csv", "text/csv", ("text/csv",), ("csv",), R.CSV),
    Format("tsv", "text/tab-separated-values", ("text/tab-separated-values",), ("tsv",), R.TSV),
)  # fmt: skip
GRAPH_FORMATS = (  # CONSTRUCT and DESCRIBE; the first is the default
    Format("turtle", "text/turtle", ("text/turtle", "application/x-turtle"), ("turtle", "ttl"), G.TURTLE),
    Format("ntriples", "application/n-triples", ("application/n-triples",), ("nt", "ntriples", "n-triples"),
           G.N_TRIPLES),
    Format("jsonld", "application/ld+json", ("application/ld+json", "application/json"), ("jsonld", "json-ld", "json"),
           G.JSON_LD),
    Format("rdfxml", "application/rdf+xml", ("application/rdf+xml",), ("rdfxml", "rdf", "xml"), G.RDF_XML),
    Format("n3", "text/n3", ("text/n3",), ("n3",), G.N3),
)  # fmt: skip


class NotAcceptable(ValueError):
    """No format the client accepts fits the kind of answer."""


def _accept_ranges(header: str) -> list[tuple[str, float]]:
    ranges = []
    for part in header.split(","):
        bits = part.split(";")
        media = bits[0].strip().lower()
        if not media:
            continue
        q = 1.0
        for param in bits[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific media range that matches (0 when none does)."""
    kind = media_type.split("/")[0]
    best, best_rank = 0.0, 0
    for media, q in ranges:
        rank = 3 if media == media_type else 2 if media == f"{kind}/*" else 1 if media == "*/*" else 0
        if rank > best_rank:
            best, best_rank = q, rank
    return best


def negotiate(kind: str, accept: str | None = None, fmt: str | None = None) -> Format:
    """The format for a ``kind`` of answer ("results" or "graph"): ``fmt`` wins, else the Accept header."""
    formats = RESULT_FORMATS if kind == "results" else GRAPH_FORMATS
    what = "SELECT and ASK" if kind == "results" else "CONSTRUCT and DESCRIBE"
    if fmt:
        wanted = fmt.strip().lower()
        for f in formats:
            if wanted in f.names or wanted in f.accepts or wanted == f.media_type:
                return f
        known = ", ".join(f"{f.name} ({f.media_type})" for f in formats)
        raise NotAcceptable(f"format {fmt!r} does not fit {what} answers; use one of: {known}")
    ranges = _accept_ranges(accept or "")
    if not ranges:
        return formats[0]
    scored = [(max(_quality(m, ranges) for m in f.accepts), -i, f) for i, f in enumerate(formats)]
    q, _, best = max(scored, key=lambda s: s[:2])
    if q <= 0:
        known = ", ".join(f.media_type for f in formats)
        raise NotAcceptable(f"no acceptable format for {what} answers in Accept: {accept}; offered: {known}")
    return best


# --------------------------------------------------------------------------- query checks

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_PROLOGUE = re.compile(r"(?:\s+|#[^\n\r]*|(?i:PREFIX)\s*[^\s:]*:\s*<[^<>]*>|(?i:BASE)\s*<[^<>]*>)*")
_UPDATE_START = re.compile(r"(?i:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b")


def _unescape(text: str) -> str:
    """SPARQL's codepoint escapes (``\\u0053`` is ``S``), applied before parsing."""

    def repl(m: re.Match[str]) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group(0)

    return _CODEPOINT.sub(repl, text)


def looks_like_update(text: str) -> bool:
    """Whether the text is a SPARQL Update (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, …) rather than a query."""
    text = _unescape(text)
    prologue = _PROLOGUE.match(text)
    return bool(_UPDATE_START.match(text, prologue.end() if prologue else 0))


def uses_service(text: str) -> bool:
    """Whether a query holds a SERVICE clause, or might and cannot be checked.

    A query that never spells "service" has none; one that does is parsed with rdflib's
    SPARQL 1.1 grammar and looked through; one rdflib cannot parse counts as having one.
    """
    if "service" not in _unescape(text).lower():
        return False
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    def walk(node) -> bool:
        if isinstance(node, CompValue):
            return node.name == "ServiceGraphPattern" or any(walk(v) for v in node.values())
        if isinstance(node, list | tuple | ParseResults):
            return any(walk(v) for v in node)
        if isinstance(node, dict):
            return any(walk(v) for v in node.values())
        return False

    try:
        return walk(parseQuery(text))
    except Exception:  # noqa: BLE001 - a query that cannot be checked is refused
        return True


# --------------------------------------------------------------------------- the workers


@dataclass(frozen=True)
class QueryRequest:
    query: str
    accept: str = ""
    fmt: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str = TEXT
    headers: dict[str, str] = field(default_factory=dict)


MAX_MESSAGE = 400  # characters of an error message: one line, however long the parser's was


def one_line(message: str, limit: int = MAX_MESSAGE) -> str:
    """The message on one line (whitespace runs made one space), cut to ``limit`` characters."""
    message = " ".join(str(message).split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


def text_reply(status: int, message: str, **headers: str) -> Reply:
    """A plain-text answer of one line."""
    return Reply(status, (one_line(message) + "\n").encode("utf-8"), TEXT, dict(headers))


SERVICE_REFUSED = (
    "SERVICE (federated query) is not allowed: this endpoint answers from its own graph and calls no other host "
    "(a query that spells 'service' outside a SERVICE clause must parse as SPARQL 1.1 to pass this check)"
)


class _Full(Exception):
    """Raised by :class:`_LineSink` to stop a serializer once it has enough lines."""


class _LineSink:
    """A binary writer that keeps the first ``limit`` lines, and stops the writer after them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.chunks: list[bytes] = []
        self.lines = 0
        self.full = False

    def write(self, data) -> int:
        chunk = bytes(data)
        self.chunks.append(chunk)
        self.lines += chunk.count(b"\n")
        if self.lines > self.limit:
            self.full = True
            raise _Full
        return len(chunk)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        data = b"".join(self.chunks)
        if not self.full:
            return data
        end = -1
        for _ in range(self.limit):
            end = data.index(b"\n", end + 1)
        return data[: end + 1]


def _serialize(answer, fmt: Format, max_results: int, prefixes: dict[str, str]) -> tuple[bytes, bool]:
    """The answer in ``fmt``, cut to ``max_results`` rows or triples; and whether it was cut."""
    if isinstance(answer, ox.QueryBoolean):
        return answer.serialize(format=fmt.writer), False
    if isinstance(answer, ox.QueryTriples):
        triples = list(itertools.islice(answer, max_results + 1))
        return ox.serialize(triples[:max_results], format=fmt.writer, prefixes=prefixes), len(triples) > max_results
    # Solutions go through TSV (one line per row, lossless) so they can be cut after max_results rows.
    sink = _LineSink(max_results + 1)
    with contextlib.suppress(_Full):
        answer.serialize(sink, format=R.TSV)
    tsv = sink.value()
    if fmt.writer == R.TSV:
        return tsv, sink.full
    return ox.parse_query_results(tsv, format=R.TSV).serialize(format=fmt.writer), sink.full


def answer_query(store: ox.Store, request: QueryRequest, max_results: int, prefixes: dict[str, str]) -> Reply:
    """Run one query against ``store``; every outcome, failures included, is a :class:`Reply`."""
    if not request.query.strip():
        return text_reply(400, "empty query")
    if uses_service(request.query):
        return text_reply(400, SERVICE_REFUSED)
    options: dict[str, object] = {}
    try:
        if request.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        if request.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
    except ValueError as exc:
        return text_reply(400, f"invalid default-graph-uri or named-graph-uri: {exc}")
    try:
        answer = store.query(request.query, prefixes=prefixes, **options)
        kind = "graph" if isinstance(answer, ox.QueryTriples) else "results"
        fmt = negotiate(kind, request.accept, request.fmt)
        body, cut = _serialize(answer, fmt, max_results, prefixes)
    except NotAcceptable as exc:
        return text_reply(406, str(exc))
    except SyntaxError as exc:
        return text_reply(400, f"invalid SPARQL query: {exc}")
    except Exception as exc:  # noqa: BLE001 - a message for the client, never a traceback
        return text_reply(500, f"the query failed: {exc}")
    headers = {"X-SPARQL-MaxRows": str(max_results)} if cut else {}
    return Reply(200, body, fmt.content_type, headers)


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the process that started it dies."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _worker_main(conn, source: tuple[str, str], max_results: int) -> None:
    """A worker process: open the store, say "ready", then answer requests until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    _die_with_parent()
    kind, path = source
    try:
        store = open_store(path) if kind == "store" else load_store(path)
    except (StoreError, OSError) as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", len(store)))
    prefixes = query_prefixes()
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        try:
            reply = answer_query(store, request, max_results, prefixes)
        except Exception as exc:  # noqa: BLE001
            reply = text_reply(500, f"the query failed: {exc}")
        conn.send(reply)


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: object


class WorkerPool:
    """Worker processes, each with its own read-only store; a query over time kills its worker."""

    def __init__(self, source: tuple[str, str], size: int, max_results: int) -> None:
        self.source = source
        self.size = size
        self.max_results = max_results
        methods = multiprocessing.get_all_start_methods()
        self._ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if self._ctx.get_start_method() == "forkserver":
            self._ctx.set_forkserver_preload(["kg.serve", "rdflib.plugins.sparql.parser"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.triples = 0

    def start(self) -> None:
        """Start every worker and wait until each holds its store; :class:`ServeError` if one cannot."""
        try:
            starting = [self._launch() for _ in range(self.size)]
            for worker in starting:
                self._await_ready(worker)
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def _launch(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main, args=(child, self.source, self.max_results), name="kg-serve-worker", daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> None:
        while not worker.conn.poll(0.1):
            if not worker.process.is_alive() and not worker.conn.poll(0):
                self._discard(worker)
                raise ServeError(f"a query worker exited on start (code {worker.process.exitcode})")
        try:
            status, detail = worker.conn.recv()
        except (EOFError, OSError) as exc:
            self._discard(worker)
            raise ServeError(f"a query worker failed on start: {exc}") from exc
        if status != "ready":
            self._discard(worker)
            raise ServeError(str(detail))
        self.triples = detail

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        with contextlib.suppress(Exception):
            worker.process.kill()
        with contextlib.suppress(Exception):
            worker.process.join(5)
        with contextlib.suppress(Exception):
            worker.conn.close()

    def _replace(self) -> None:
        """Start a worker in the background to take a killed one's place."""

        def run() -> None:
            for attempt in range(3):
                if self._closed:
                    return
                try:
                    worker = self._launch()
                    self._await_ready(worker)
                except ServeError as exc:
                    print(f"kg serve: cannot start a query worker: {exc}", file=sys.stderr, flush=True)
                    time.sleep(1 + attempt)
                    continue
                if self._closed:
                    self._discard(worker)
                else:
                    self._idle.put(worker)
                return

        threading.Thread(target=run, name="kg-serve-replace", daemon=True).start()

    def run(self, request: QueryRequest, timeout: float, wait: float | None = None) -> Reply:
        """Answer a request within ``timeout`` seconds, after waiting up to ``wait`` seconds
        (default: ``timeout``) for a free worker."""
        wait = timeout if wait is None else wait
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            return text_reply(
                503, f"every query worker has been busy for {wait:g} s; try again later", **{"Retry-After": "1"}
            )
        try:
            worker.conn.send(request)
            if not worker.conn.poll(timeout):
                self._discard(worker)
                self._replace()
                return text_reply(503, f"the query ran longer than the {timeout:g} s limit and was stopped")
            reply = worker.conn.recv()
        except (EOFError, OSError, ValueError):
            self._discard(worker)
            if self._closed:
                return text_reply(503, "the server is stopping")
            self._replace()
            return text_reply(
                500, "the query crashed its worker (a pyoxigraph panic, or out of memory); the worker was replaced"
            )
        self._idle.put(worker)
        return reply

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            self._discard(worker)


# --------------------------------------------------------------------------- HTTP

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em}}
textarea{{width:100%;font:14px monospace}}code{{background:#f3f3f3;padding:0 .2em}}</style></head>
<body><h1>kg — read-only SPARQL endpoint</h1>
<p>The knowledge graph of Vietnamese Party and State news built by <code>kg build</code>
({source}, {triples} quads), served over the
<a href="https://www.w3.org/TR/sparql11-protocol/">SPARQL 1.1 Protocol</a> at
<a href="/sparql"><code>/sparql</code></a>: <code>GET /sparql?query=…</code>, or <code>POST</code> a form
(<code>query=…</code>) or an <code>application/sparql-query</code> body. The default graph is the union of the
article graphs; <code>GRAPH ?g</code> reaches each article's own graph. These prefixes need no declaration:
{prefixes}.</p>
<p>SELECT and ASK answer in JSON (default), XML, CSV or TSV; CONSTRUCT and DESCRIBE in Turtle (default),
N-Triples, JSON-LD, RDF/XML or N3 — by <code>Accept</code> header or a <code>format</code> parameter.
Updates and SERVICE are refused; a query may run {timeout:g} s and return {max_results} rows.</p>
<form action="/sparql" method="get"><textarea name="query" rows="8">{example}</textarea>
<p><label>format <select name="format"><option>json</option><option>csv</option><option>tsv</option>
<option>xml</option><option>turtle</option><option>nt</option><option>jsonld</option></select></label>
<button type="submit">Run</button></p></form></body></html>
"""

EXAMPLE = """SELECT ?province ?code WHERE {
  ?p a vnkg:Province ; rdfs:label ?province ; vnkg:gsoCode ?code .
} ORDER BY ?code"""


class Handler(BaseHTTPRequestHandler):
    """The SPARQL endpoint. ``server`` is a :class:`SparqlServer`."""

    server: SparqlServer
    server_version = f"kg-sparql/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may take to send its request
    # headers and body go out in two writes: without TCP_NODELAY the body waits for the client's
    # delayed ACK (40 ms a request on a kept-alive connection)
    disable_nagle_algorithm = True

    # -- responses

    def _send(self, reply: Reply, head_only: bool = False) -> None:
        self.send_response(reply.status)
        headers = {
            "Content-Type": reply.content_type,
            "Content-Length": str(len(reply.body)),
            "Vary": "Accept",
            "Cache-Control": "no-store",
            **CORS,
            **reply.headers,
        }
        if self.close_connection:
            headers["Connection"] = "close"
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head_only:
            self.wfile.write(reply.body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (bad request line, header too long…) as plain text too."""
        self.close_connection = True
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = ""
        self._send(text_reply(code, message or phrase), head_only=self.command == "HEAD")

    def _page(self, head_only: bool = False) -> None:
        s = self.server
        prefixes = ", ".join(f"<code>{html.escape(p)}:</code>" for p in query_prefixes())
        body = PAGE.format(
            source=html.escape(s.source_label),
            triples=s.pool.triples,
            prefixes=prefixes,
            timeout=s.query_timeout,
            max_results=s.max_results,
            example=html.escape(EXAMPLE),
        )
        self._send(Reply(200, body.encode("utf-8"), "text/html; charset=utf-8"), head_only)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if not self.server.quiet:
            message = format % args
            sys.stderr.write(f"{self.address_string()} [{self.log_date_time_string()}] {message[:300]}\n")

    # -- methods

    def do_GET(self) -> None:
        self._guard(self._get)

    def do_HEAD(self) -> None:
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            self._page(head_only=True)
        else:
            self._send(text_reply(405 if path == "/sparql" else 404, "HEAD is only for /"), head_only=True)

    def do_POST(self) -> None:
        self._guard(self._post)

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        for name, value in {
            **CORS,
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type, Accept",
            "Access-Control-Max-Age": "86400",
            "Allow": "GET, POST, OPTIONS",
            "Content-Length": "0",
        }.items():
            self.send_header(name, value)
        self.end_headers()

    def _refuse_method(self) -> None:
        self.close_connection = True
        self._send(text_reply(405, f"{self.command} is not allowed: this endpoint is read-only", Allow="GET, POST"))

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    def _guard(self, handler) -> None:
        try:
            handler()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001 - log it here, send the client a message only
            self.log_error("internal error: %r", exc)
            self.close_connection = True
            with contextlib.suppress(Exception):
                self._send(text_reply(500, "internal server error"))

    def _get(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._page()
            return
        if url.path != "/sparql":
            self._send(text_reply(404, f"no such page: {url.path}; the endpoint is /sparql"))
            return
        params = self._params(url.query)
        if params is None:
            return
        if not params.get("query") and "update" not in params and "text/html" in self.headers.get("Accept", ""):
            self._page()
            return
        self._answer(params)

    def _post(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self.close_connection = True
            self._send(text_reply(404, f"no such page: {url.path}; the endpoint is /sparql"))
            return
        body = self._body()
        if body is None:
            return
        params = self._params(url.query)
        if params is None:
            return
        ctype = self.headers.get_content_type()
        charset = self.headers.get_content_charset() or "utf-8"
        if ctype == "application/sparql-update":
            self._send(text_reply(403, "SPARQL Update is not allowed: this endpoint is read-only"))
            return
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = self._params(body.decode("utf-8"), what="form")
            except UnicodeDecodeError as exc:
                self._send(text_reply(400, f"the form is not valid UTF-8: {exc}"))
                return
            if form is None:
                return
            params = {**{k: v for k, v in params.items() if k != "query"}, **form}
        elif ctype == "application/sparql-query":
            try:
                params = {**params, "query": [body.decode(charset)]}
            except (LookupError, UnicodeDecodeError) as exc:
                self._send(text_reply(400, f"the query is not valid {charset}: {exc}"))
                return
        else:
            self._send(
                text_reply(
                    415,
                    f"unsupported Content-Type {ctype!r}: POST application/x-www-form-urlencoded (query=…) "
                    "or application/sparql-query",
                )
            )
            return
        self._answer(params)

    # -- request parts

    def _body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            self._send(text_reply(411, "chunked bodies are not supported: send a Content-Length"))
            return None
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            self._send(text_reply(411, "a POST needs a Content-Length"))
            return None
        try:
            size = int(length)
            if size < 0:
                raise ValueError(length)
        except ValueError:
            self.close_connection = True
            self._send(text_reply(400, f"bad Content-Length: {length!r}"))
            return None
        if size > MAX_BODY_BYTES:
            self.close_connection = True
            self._send(text_reply(413, f"the request body is {size} bytes; the limit is {MAX_BODY_BYTES} bytes"))
            self.wfile.flush()
            self._drain(size)
            return None
        return self.rfile.read(size)

    def _drain(self, size: int) -> None:
        """Read (a few MB of) a refused body, so that a client still sending it gets to read the answer."""
        if size > 8 * MAX_BODY_BYTES:
            return
        with contextlib.suppress(OSError):
            self.connection.settimeout(2)
            while size > 0:
                chunk = self.rfile.read(min(1 << 16, size))
                if not chunk:
                    break
                size -= len(chunk)

    def _params(self, text: str, what: str = "URL") -> dict[str, list[str]] | None:
        try:
            return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict")
        except (UnicodeError, ValueError) as exc:
            self._send(text_reply(400, f"the {what} parameters are not valid UTF-8: {exc}"))
            return None

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._send(text_reply(403, "SPARQL Update is not allowed: this endpoint is read-only"))
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            message = "no query: pass query=… (see /)" if not queries else "give exactly one query parameter"
            self._send(text_reply(400, message))
            return
        text = queries[0]
        if looks_like_update(text):
            self._send(text_reply(403, "SPARQL Update is not allowed: this endpoint is read-only"))
            return
        formats = params.get("format", [])
        request = QueryRequest(
            query=text,
            accept=self.headers.get("Accept", ""),
            fmt=formats[-1] if formats else None,
            default_graphs=tuple(params.get("default-graph-uri", [])),
            named_graphs=tuple(params.get("named-graph-uri", [])),
        )
        self._send(self.server.pool.run(request, self.server.query_timeout, self.server.queue_timeout))


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server with its worker pool; :meth:`close` stops both."""

    daemon_threads = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(
        self,
        address: tuple[str, int],
        pool: WorkerPool,
        *,
        source_label: str,
        query_timeout: float,
        max_results: int,
        queue_timeout: float = DEFAULT_QUEUE_TIMEOUT,
        quiet: bool = False,
    ) -> None:
        if ":" in address[0]:
            import socket

            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.pool = pool
        self.source_label = source_label
        self.query_timeout = query_timeout
        self.queue_timeout = queue_timeout
        self.max_results = max_results
        self.quiet = quiet

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/sparql"

    def close(self) -> None:
        self.server_close()
        self.pool.close()


def make_server(
    *,
    data: str | os.PathLike[str] | None = None,
    store: str | os.PathLike[str] | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = DEFAULT_TIMEOUT,
    max_results: int = DEFAULT_MAX_RESULTS,
    workers: int = DEFAULT_WORKERS,
    queue_timeout: float = DEFAULT_QUEUE_TIMEOUT,
    quiet: bool = False,
) -> SparqlServer:
    """A started server (workers ready, socket bound) for the persistent ``store`` or the folder ``data``."""
    if store is not None:
        if not Path(store).is_dir():
            raise ServeError(f"no store at {store}: run `kg build --store {store}` first")
        source = ("store", str(store))
    else:
        folder = Path(data if data is not None else "out")
        if not folder.is_dir():
            raise ServeError(f"no graph at {folder}: run `kg build` first (or pass --data DIR or --store DIR)")
        source = ("data", str(folder))
    pool = WorkerPool(source, workers, max_results)
    try:
        server = SparqlServer(
            (host, port),
            pool,
            source_label=source[1],
            query_timeout=timeout,
            max_results=max_results,
            queue_timeout=queue_timeout,
            quiet=quiet,
        )
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    try:
        pool.start()
    except BaseException:
        server.server_close()
        raise
    return server


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def serve(**options) -> None:
    """Run the endpoint until Ctrl-C or SIGTERM; options as for :func:`make_server`."""
    server = make_server(**options)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    host = server.server_address[0]
    note = "; reachable from other machines" if host in ("0.0.0.0", "::") else ""
    print(
        f"kg: serving {server.source_label} ({server.pool.triples} quads) at {server.url}{note}\n"
        f"kg: {server.pool.size} worker(s), {server.query_timeout:g} s per query, "
        f"{server.max_results} rows at most; Ctrl-C stops",
        flush=True,
    )
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        print("kg: stopped", flush=True)
