"""`kg serve`: real HTTP against real `python -m kg serve` processes built from the seeds."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, build_seeds_with_store

LANG_SON = 'SELECT ?code WHERE { ?p a vnkg:Province ; rdfs:label "Lạng Sơn"@vi ; vnkg:gsoCode ?code }'
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~2k³ rows: runs for minutes
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
INSERT = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
JSON_RESULTS = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A `python -m kg serve` subprocess, its URL and its log."""

    def __init__(self, args: list[str], log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.log = log
        with open(log, "wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kg", "serve", "--port", str(self.port), *args],
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2) as page:
                    if page.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"kg serve did not start:\n{self.output()}")
            time.sleep(0.05)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        return self.proc.returncode


def request(url: str, method: str = "GET", params: dict | None = None, body: bytes | None = None, **headers: str):
    """(status, headers, text) of one HTTP request; error statuses are returned, not raised."""
    if params and method == "GET":
        url = f"{url}?{urllib.parse.urlencode(params)}"
    elif params:
        body = urllib.parse.urlencode(params).encode("utf-8")
        headers.setdefault("Content_Type", FORM)
    headers = {k.replace("_", "-"): v for k, v in headers.items()}
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8")


def bindings(text: str) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in row.items()} for row in json.loads(text)["results"]["bindings"]]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`kg build seeds -o TMP/out --store TMP/store`, once for the module."""
    return build_seeds_with_store(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def endpoint(built):
    """The seed graph served from the persistent store, with the default limits."""
    server = Server(["--store", str(built / "store")], built / "serve.log")
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def strict(built):
    """The seed graph served from the output folder: one worker, 1 s per query, 5 rows per answer."""
    server = Server(
        ["--data", str(built / "out"), "--timeout", "1", "--max-results", "5", "--workers", "1"],
        built / "strict.log",
    )
    yield server.url
    server.stop()


def test_sparqlwrapper_select_json(endpoint):
    sparqlwrapper = pytest.importorskip("SPARQLWrapper")
    client = sparqlwrapper.SPARQLWrapper(endpoint)
    client.setQuery(LANG_SON)
    client.setReturnFormat(sparqlwrapper.JSON)
    answer = client.query().convert()
    assert answer["head"]["vars"] == ["code"]
    assert [row["code"]["value"] for row in answer["results"]["bindings"]] == ["20"]
    client.setMethod(sparqlwrapper.POST)
    assert client.query().convert() == answer


def test_rdflib_sparqlstore(endpoint):
    from rdflib import Literal, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(endpoint)  # GET, SPARQL XML results
    try:
        assert [str(row.code) for row in store.query(LANG_SON)] == ["20"]
        graph = store.query('CONSTRUCT WHERE { ?p a vnkg:Province ; vnkg:gsoCode "20" }').graph
        assert (URIRef("https://w3id.org/vnkg/id/province/20"), None, Literal("20")) in graph
    finally:
        store.close()


def test_get_and_post_agree(endpoint):
    got = request(endpoint, params={"query": LANG_SON})
    form = request(endpoint, "POST", params={"query": LANG_SON})
    direct = request(endpoint, "POST", body=LANG_SON.encode("utf-8"), Content_Type="application/sparql-query")
    for status, headers, text in (got, form, direct):
        assert status == 200
        assert headers.get_content_type() == JSON_RESULTS
        assert headers["Access-Control-Allow-Origin"] == "*"
        assert bindings(text) == [{"code": "20"}]


def test_csv_tsv_and_xml(endpoint):
    status, headers, text = request(endpoint, params={"query": LANG_SON}, Accept="text/csv")
    assert status == 200 and headers.get_content_type() == "text/csv"
    assert text.splitlines() == ["code", "20"]
    status, headers, text = request(endpoint, "POST", params={"query": LANG_SON}, Accept="text/tab-separated-values")
    assert status == 200 and headers.get_content_type() == "text/tab-separated-values"
    assert text.splitlines() == ["?code", '"20"']
    status, headers, text = request(endpoint, params={"query": LANG_SON, "format": "xml"})
    assert status == 200 and headers.get_content_type() == "application/sparql-results+xml"
    assert "<literal>20</literal>" in text
    status, _, text = request(endpoint, params={"query": LANG_SON, "format": "csv"}, Accept=JSON_RESULTS)
    assert status == 200 and text.splitlines() == ["code", "20"]  # the format parameter wins


def test_ask(endpoint):
    status, _, text = request(endpoint, params={"query": 'ASK { ?p vnkg:gsoCode "20" }'})
    assert status == 200 and json.loads(text)["boolean"] is True
    status, _, text = request(endpoint, params={"query": 'ASK { ?p vnkg:gsoCode "nowhere" }'})
    assert status == 200 and json.loads(text)["boolean"] is False


def test_construct_is_turtle(endpoint):
    from rdflib import Graph, Literal, URIRef

    query = "CONSTRUCT WHERE { ?p a vnkg:Province ; rdfs:label ?label ; vnkg:gsoCode ?code }"
    status, headers, text = request(endpoint, params={"query": query})
    assert status == 200 and headers.get_content_type() == "text/turtle"
    graph = Graph().parse(data=text, format="turtle")
    lang_son = URIRef("https://w3id.org/vnkg/id/province/20")
    assert (lang_son, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Lạng Sơn", lang="vi")) in graph
    status, headers, text = request(endpoint, params={"query": query}, Accept="application/n-triples")
    assert status == 200 and headers.get_content_type() == "application/n-triples"
    assert len(Graph().parse(data=text, format="nt")) == len(graph)


def test_updates_refused_and_nothing_changes(endpoint):
    before = bindings(request(endpoint, params={"query": COUNT})[2])
    attempts = [
        request(endpoint, "POST", params={"update": INSERT}),
        request(endpoint, "POST", params={"query": INSERT}),
        request(endpoint, params={"query": f"PREFIX ex: <http://example.org/#> # a comment\n{INSERT}"}),
        request(endpoint, "POST", body=INSERT.encode(), Content_Type="application/sparql-update"),
        request(endpoint, "POST", params={"query": "DROP ALL"}),
    ]
    for status, _, text in attempts:
        assert status == 403, text
        assert "read-only" in text
    assert request(endpoint, "PUT", body=b"<urn:a> <urn:b> <urn:c> .", Content_Type="text/turtle")[0] == 405
    status, _, text = request(endpoint, params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"})
    assert json.loads(text)["boolean"] is False
    assert bindings(request(endpoint, params={"query": COUNT})[2]) == before


def test_malformed_query_is_400_with_the_parsers_message(endpoint):
    status, headers, text = request(endpoint, params={"query": "SELEC ?s WHERE { ?s ?p ?o }"})
    assert status == 400 and headers.get_content_type() == "text/plain"
    assert "invalid SPARQL" in text and "1:" in text
    assert "Traceback" not in text
    assert request(endpoint)[0] == 400  # no query at all
    assert request(endpoint, params={"query": LANG_SON}, Accept="image/png")[0] == 406


def test_oversize_body_is_413(endpoint):
    url = urllib.parse.urlsplit(endpoint)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:  # announce 2 MB, send none of it: the server answers from the headers
        conn.putrequest("POST", url.path)
        conn.putheader("Content-Type", FORM)
        conn.putheader("Content-Length", str(2 << 20))
        conn.endheaders()
        response = conn.getresponse()
        assert response.status == 413
        assert "limit" in response.read().decode()
    finally:
        conn.close()
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (1 << 20)
    assert request(endpoint, "POST", params={"query": big})[0] == 413


def test_service_refused(endpoint):
    for query in (
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * { ?x ?y ?z . service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o FILTER(?o<'>') SERVICE <http://example.org/> { ?a ?b ?c } FILTER(?o != '') }",
        "SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ):
        status, _, text = request(endpoint, "POST", params={"query": query})
        assert status == 400, query
        assert "SERVICE" in text
    status, _, text = request(endpoint, params={"query": 'SELECT ?service WHERE { BIND("service" AS ?service) }'})
    assert status == 200 and bindings(text) == [{"service": "service"}]


def test_default_graph_uri_narrows_the_dataset(endpoint):
    graphs = bindings(request(endpoint, params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"})[2])
    assert graphs
    union = int(bindings(request(endpoint, params={"query": COUNT})[2])[0]["n"])
    one = request(endpoint, params={"query": COUNT, "default-graph-uri": graphs[0]["g"]})
    assert one[0] == 200 and 0 < int(bindings(one[2])[0]["n"]) < union


def test_page_and_unknown_paths(endpoint):
    base = endpoint.rsplit("/", 1)[0]
    status, headers, text = request(f"{base}/")
    assert status == 200 and headers.get_content_type() == "text/html"
    assert 'href="/sparql"' in text and "<script" not in text and "stylesheet" not in text
    assert request(f"{base}/nothing-here")[0] == 404
    assert request(endpoint, "OPTIONS")[0] == 204


def test_timeout_stops_the_query_and_the_server_goes_on(strict):
    started = time.monotonic()
    status, _, text = request(strict, params={"query": SLOW})
    assert status == 503, text
    assert "1 s" in text
    assert time.monotonic() - started < 10
    status, _, text = request(strict, params={"query": LANG_SON})  # the killed worker's replacement answers
    assert status == 200 and bindings(text) == [{"code": "20"}]


def test_a_crashing_query_does_not_take_the_server_down(strict):
    # pyoxigraph 0.5.13 aborts the process (a Rust panic) sorting mixed terms; the worker dies, not the server
    status, _, text = request(strict, params={"query": "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"})
    assert status in (200, 500) and "Traceback" not in text
    status, _, text = request(strict, params={"query": LANG_SON})
    assert status == 200 and bindings(text) == [{"code": "20"}]


def test_long_answers_are_cut_and_marked(strict):
    status, headers, text = request(strict, params={"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"})
    assert status == 200 and headers["X-SPARQL-MaxRows"] == "5"
    assert len(bindings(text)) == 5
    status, headers, text = request(strict, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, Accept="text/turtle")
    assert status == 200 and headers["X-SPARQL-MaxRows"] == "5"
    from rdflib import Graph

    assert len(Graph().parse(data=text, format="turtle")) == 5
    status, headers, text = request(strict, params={"query": LANG_SON})
    assert status == 200 and "X-SPARQL-MaxRows" not in headers


@pytest.mark.skipif(os.name != "posix", reason="Ctrl-C is SIGINT on POSIX")
def test_ctrl_c_stops_cleanly(built):
    server = Server(["--store", str(built / "store"), "--workers", "1"], built / "stop.log")
    assert request(server.url, params={"query": LANG_SON})[0] == 200
    assert server.stop(signal.SIGINT) == 0
    log = server.output()
    assert f"http://127.0.0.1:{server.port}/sparql" in log
    assert "stopped" in log and "Traceback" not in log
