"""`kg serve` is safe to leave running: real requests against real `python -m kg serve` processes.

It refuses SPARQL Update, LOAD and SERVICE (and opens no connection for them), limits request
size, answer size and query time, answers malformed requests with a 400 and one line, and
answers every request of a burst of 1,000 at once, sent by a real HTTP load generator.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from conftest import ROOT, build_seeds_with_store
from test_serve import COUNT, FORM, LANG_SON, SLOW, Server, bindings, request

TIMEOUT = 2  # seconds a query may run on the `safe` server
MAX_ROWS = 1000


class Listener:
    """A TCP port on 127.0.0.1 that records every connection made to it (none should be)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_seeds_with_store(tmp_path_factory.mktemp("safety"))


@pytest.fixture(scope="module")
def safe(built):
    """The seed graph with tight limits: 2 s per query, 1000 rows per answer."""
    server = Server(
        ["--store", str(built / "store"), "--timeout", str(TIMEOUT), "--max-results", str(MAX_ROWS), "-q"],
        built / "safe.log",
    )
    yield server
    server.stop()


@pytest.fixture
def outside():
    listener = Listener()
    yield listener
    listener.close()


def _count(url: str) -> int:
    return int(bindings(request(url, params={"query": COUNT})[2])[0]["n"])


def test_updates_and_load_are_refused_and_change_nothing(safe, outside):
    url = safe.url
    before = _count(url)
    target = f"http://127.0.0.1:{outside.port}/graph.ttl"
    updates = [
        "INSERT DATA { <urn:x> <urn:y> <urn:z> }",
        "insert data { graph <urn:g> { <urn:x> <urn:y> 'z' } }",
        "DELETE WHERE { ?s ?p ?o }",
        "DELETE DATA { <https://w3id.org/vnkg/id/province/20> vnkg:gsoCode '20' }",
        "DELETE { ?s ?p ?o } INSERT { ?s ?p 'x' } WHERE { ?s ?p ?o }",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        f"LOAD <{target}>",
        f"LOAD SILENT <{target}> INTO GRAPH <urn:g>",
        "CLEAR ALL",
        "CLEAR DEFAULT",
        "CREATE GRAPH <urn:new>",
        "DROP GRAPH <https://w3id.org/vnkg/id/graph/reference>",
        "COPY DEFAULT TO <urn:g>",
        "MOVE DEFAULT TO <urn:g>",
        "ADD DEFAULT TO <urn:g>",
        "PREFIX ex: <http://example.org/>\n# a comment\nINSERT DATA { ex:a ex:b ex:c }",
        "\\u0049NSERT DATA { <urn:x> <urn:y> <urn:z> }",  # "INSERT" with a codepoint escape
    ]
    for update in updates:
        for status, _, text in (
            request(url, params={"query": update}),
            request(url, "POST", params={"query": update}),
            request(url, "POST", params={"update": update}),
            request(url, "POST", body=update.encode(), Content_Type="application/sparql-update"),
        ):
            assert status in (400, 403), (update, status, text)
            assert "Traceback" not in text
    assert _count(url) == before
    status, _, text = request(url, params={"query": "ASK { GRAPH ?g { <urn:x> ?p ?o } }"})
    assert status == 200 and json.loads(text)["boolean"] is False
    assert outside.connections == 0  # LOAD fetched nothing


def test_service_to_another_host_is_refused_without_a_connection(safe, outside):
    for query in (
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{outside.port}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{outside.port}/> {{ ?s ?p ?o }} }}",
        f"ASK {{ ?s ?p ?o . sErViCe <http://127.0.0.1:{outside.port}/> {{ ?a ?b ?c }} }}",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE ?endpoint { ?a ?b ?c } } }",
    ):
        for status, _, text in (
            request(safe.url, params={"query": query}),
            request(safe.url, "POST", body=query.encode(), Content_Type="application/sparql-query"),
        ):
            assert status == 400, (query, status, text)
            assert "SERVICE" in text and "Traceback" not in text
    time.sleep(0.3)
    assert outside.connections == 0


def test_malformed_requests_get_400_and_one_line(safe):
    url = safe.url
    for query in (
        "SELEC ?s WHERE { ?s ?p ?o }",
        "SELECT * WHERE { ?s ?p }",
        "SELECT * WHERE { ?s ?p ?o ",
        "SELECT ?x WHERE { ?s undeclared:p ?x }",
        "SELECT * WHERE { FILTER(" + "(" * 500 + ") }",
        "\x00\x01\x02 binary",
        "",
        "   ",
    ):
        status, headers, text = request(url, params={"query": query})
        assert status == 400, (query, status, text)
        assert headers.get_content_type() == "text/plain"
        assert text.endswith("\n") and "\n" not in text.rstrip("\n"), text
        assert "Traceback" not in text and 'File "' not in text
    # the parser's message says where: line and column
    status, _, text = request(url, params={"query": "SELEC ?s WHERE { ?s ?p ?o }"})
    assert "invalid SPARQL" in text and "1:" in text
    # bytes that are not UTF-8, and a form that is not one
    status, _, text = request(url, "POST", body=b"query=%FF%FE", Content_Type=FORM)
    assert status == 400 and "UTF-8" in text and "Traceback" not in text
    status, _, text = request(url, "POST", body=b"\xff\xfe{", Content_Type="application/sparql-query")
    assert status == 400 and "Traceback" not in text
    status, _, text = request(url, "POST", body=b"<x/>", Content_Type="application/xml")
    assert status == 415 and "Traceback" not in text
    status, _, text = request(url, params={"query": LANG_SON, "default-graph-uri": "not an iri"})
    assert status == 400 and "Traceback" not in text
    # a request line that is not HTTP at all
    with socket.create_connection(("127.0.0.1", safe.port), timeout=5) as sock:
        sock.sendall(b"HELLO THERE ODD REQUEST HTTP/1.1\r\n\r\n")
        answer = sock.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.") and " 400 " in answer.split("\r\n")[0]
    assert request(url, params={"query": LANG_SON})[0] == 200


def test_request_size_is_limited(safe):
    url = urllib.parse.urlsplit(safe.url)
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (2 << 20)
    assert request(safe.url, "POST", params={"query": big})[0] == 413
    status, _, text = request(safe.url, "POST", body=big.encode(), Content_Type="application/sparql-query")
    assert status == 413 and "limit" in text
    # a URL too long for a request line
    status, _, text = request(safe.url, params={"query": "SELECT * WHERE { ?s ?p ?o } #" + "y" * 100_000})
    assert status in (413, 414) and "Traceback" not in text
    # a client that announces a huge body and sends none gets its answer from the headers alone
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(
            f"POST {url.path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nContent-Length: {1 << 30}\r\n\r\n".encode()
        )
        answer = sock.recv(4096).decode("latin-1")
    assert " 413 " in answer.split("\r\n")[0]
    assert request(safe.url, params={"query": LANG_SON})[0] == 200


def test_answers_without_limit_are_capped(safe):
    # every pair of quads: millions of rows, cut at the server's limit, quickly
    started = time.monotonic()
    status, headers, text = request(safe.url, params={"query": "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }"})
    assert status == 200, text
    assert headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(bindings(text)) == MAX_ROWS
    assert time.monotonic() - started < TIMEOUT + 3
    status, headers, text = request(
        safe.url, params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"}, Accept="application/n-triples"
    )
    assert status == 200 and headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(text.splitlines()) == MAX_ROWS
    status, headers, text = request(safe.url, params={"query": COUNT})
    assert status == 200 and "X-SPARQL-MaxRows" not in headers


def test_a_slow_query_is_stopped_with_503_within_the_timeout(safe):
    started = time.monotonic()
    status, headers, text = request(safe.url, params={"query": SLOW})
    elapsed = time.monotonic() - started
    assert status == 503, text
    assert f"{TIMEOUT} s" in text and "Traceback" not in text
    assert TIMEOUT <= elapsed < TIMEOUT + 3
    deadline = time.monotonic() + 30  # the stopped worker is replaced; the server answers on
    while True:
        status, _, text = request(safe.url, params={"query": LANG_SON})
        if status == 200 or time.monotonic() > deadline:
            break
    assert status == 200 and bindings(text) == [{"code": "20"}]


def test_a_burst_of_1000_concurrent_requests_is_all_answered(built):
    server = Server(["--store", str(built / "store"), "-q"], built / "burst.log")
    try:
        run = subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "load.py"),
                server.url,
                "--requests",
                "1000",
                "--concurrency",
                "1000",
                "--timeout",
                "60",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        summary = json.loads(run.stdout)
        assert run.returncode == 0 and summary["failed"] == 0, (summary, run.stderr[-2000:])
        assert summary["ok"] == 1000
        # and the server goes on answering
        status, _, text = request(server.url, params={"query": LANG_SON})
        assert status == 200 and bindings(text) == [{"code": "20"}]
        assert server.proc.poll() is None
    finally:
        server.stop()
    assert "Traceback" not in server.output()
