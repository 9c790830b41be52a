"""`kg push` into a real SPARQL server: the Oxigraph server (PyPI `oxigraph`) started here,
on a free port with a temporary store, then queried over the SPARQL 1.1 Protocol."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from conftest import A001, A002, A004
from conftest import kg as run_kg

from kg.push import EXIT_AUTH, EXIT_REJECTED, Pusher, PushError, graph_batches, graph_store_url, push
from kg.store import load_store

GRAPH = "https://w3id.org/vnkg/id/graph/"
PREFIXES = (
    "PREFIX vnkg: <https://w3id.org/vnkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "PREFIX org: <http://www.w3.org/ns/org#> "
)


def kg(*args: str) -> subprocess.CompletedProcess:
    return run_kg(*args, timeout=60)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph server on a free port; its base URL. Stopped after the module."""
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install -e '.[dev]')")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                if httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                message = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"oxigraph serve did not start: {message}")
            time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def empty(server):
    """The server, emptied."""
    httpx.post(f"{server}/update", data={"update": "CLEAR ALL"}, timeout=10).raise_for_status()
    return server


@pytest.fixture(scope="module")
def data(seed_build) -> Path:
    return seed_build.outputs["trig"].parent


@pytest.fixture(scope="module")
def local(data):
    return load_store(data)


def select(server: str, sparql: str) -> list[dict[str, str]]:
    r = httpx.post(
        f"{server}/query",
        data={"query": PREFIXES + sparql},
        headers={"Accept": "application/sparql-results+json"},
        timeout=10,
    )
    r.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def counts(server: str) -> dict[str, int]:
    rows = select(server, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"]: int(r["n"]) for r in rows}


def local_counts(store: ox.Store) -> dict[str, int]:
    return {g.value: len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()}


def server_graph(server: str, graph: str) -> set[ox.Triple]:
    r = httpx.post(
        f"{server}/query",
        data={"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"},
        headers={"Accept": "application/n-triples"},
        timeout=10,
    )
    r.raise_for_status()
    return {q.triple for q in ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES)}


def test_push_loads_every_named_graph_exactly(empty, data, local):
    run = kg("push", empty, "--data", str(data))
    assert run.returncode == 0, run.stderr
    expected = local_counts(local)
    total = sum(expected.values())
    summary = f"pushed {len(expected)} graph(s), {total:,} triples in {len(expected)} request(s)"
    assert run.stdout.strip().startswith(summary)
    assert f"to {empty}/store in " in run.stdout and run.stdout.strip().endswith("(replace)")

    on_server = counts(empty)
    assert on_server == expected  # the same named graphs, each with its triple count
    assert {f"{GRAPH}reference", f"{GRAPH}ontology"} <= set(on_server)
    assert select(empty, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": "0"}]  # default graph untouched

    # every article graph and the reference graph, triple for triple (the ontology's blank nodes aside)
    for g in expected:
        if g != f"{GRAPH}ontology":
            built = {q.triple for q in local.quads_for_pattern(None, None, None, ox.NamedNode(g))}
            assert server_graph(empty, g) == built


def test_known_facts_and_vietnamese_letters_survive(empty, data, local):
    assert kg("push", empty, "--data", str(data)).returncode == 0
    rows = select(
        empty,
        "SELECT ?g WHERE { GRAPH ?g { ?r a vnkg:Resolution ; vnkg:symbol '21-KL/TW' } } ORDER BY ?g",
    )
    assert [r["g"] for r in rows] == [GRAPH + name[:-4] for name in sorted((A001, A002, A004))]
    rows = select(
        empty,
        "SELECT DISTINCT ?post WHERE { GRAPH ?g { <https://w3id.org/vnkg/id/person/nguyễn-quốc-khánh> "
        "rdfs:label 'Nguyễn Quốc Khánh'@vi ; org:holds/rdfs:label ?post } }",
    )
    assert {"post": "Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn"} in rows
    # every label, language tag and all, as built
    query = "SELECT DISTINCT ?s ?l (LANG(?l) AS ?lang) WHERE { GRAPH ?g { ?s rdfs:label ?l } }"
    ours = {(r[0].value, r[1].value, r[2].value) for r in local.query(PREFIXES + query)}
    theirs = {(r["s"], r["l"], r["lang"]) for r in select(empty, query)}
    assert theirs == ours
    assert ("https://w3id.org/vnkg/id/province/20", "Lạng Sơn", "vi") in theirs


def test_replace_twice_is_idempotent(empty, data, local):
    assert kg("push", empty, "--data", str(data), "--replace").returncode == 0
    first = counts(empty)
    run = kg("push", empty, "--data", str(data), "--replace")
    assert run.returncode == 0, run.stderr
    assert counts(empty) == first == local_counts(local)


def test_merge_adds_and_replace_replaces(empty, data, local):
    graph = GRAPH + A001[:-4]
    extra = '<https://example.org/kept> <https://example.org/note> "giữ nguyên"@vi .\n'
    put = httpx.put(
        f"{empty}/store",
        params={"graph": graph},
        content=extra.encode(),
        headers={"Content-Type": "application/n-triples"},
    )
    assert put.status_code in (200, 201, 204)
    expected = local_counts(local)

    run = kg("push", empty, "--data", str(data), "--merge")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("(merge)")
    assert counts(empty)[graph] == expected[graph] + 1  # the server's triple stays, the built ones are added
    kept = select(empty, f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ <https://example.org/kept> ?p ?o }} }}")
    assert kept == [{"o": "giữ nguyên"}]

    assert kg("push", empty, "--data", str(data), "--replace").returncode == 0
    assert counts(empty) == expected  # replaced: the server's triple is gone


def test_batches_send_the_same_graphs(empty, data, local):
    run = kg("push", empty, "--data", str(data), "--batch", "100", "--format", "turtle")
    assert run.returncode == 0, run.stderr
    assert counts(empty) == local_counts(local)
    requests = int(run.stdout.split(" request(s)")[0].rsplit(" ", 1)[1])
    assert requests > len(local_counts(local))


def test_push_from_a_persistent_store(empty, data, local, tmp_path):
    from kg.store import write_store

    store_dir = write_store(data, tmp_path / "store")
    run = kg("push", f"{empty}/query", "--store", str(store_dir))
    assert run.returncode == 0, run.stderr
    assert counts(empty) == local_counts(local)  # the named graphs only, not the store's union default graph


def test_refused_connection_is_one_clear_line(data):
    port = free_port()  # nothing listens there
    run = kg("push", f"http://127.0.0.1:{port}", "--data", str(data))
    assert run.returncode == 3
    lines = run.stderr.strip().splitlines()
    assert lines == [
        f"kg: cannot connect to http://127.0.0.1:{port}/store: connection refused; none of the 8 graph(s) was sent"
    ]
    assert run.stdout == ""


def test_wrong_graph_store_url_gives_the_servers_message(server, data):
    run = kg("push", server, "--graph-store-url", f"{server}/nothere", "--data", str(data))
    assert run.returncode == EXIT_REJECTED
    [line] = run.stderr.strip().splitlines()
    assert line.startswith("kg: PUT https://w3id.org/vnkg/id/graph/") and "HTTP 404" in line
    assert "not supported by this server" in line  # Oxigraph's own words


def test_usage_errors_and_missing_build(tmp_path, data):
    assert kg("push", "ftp://example.org", "--data", str(data)).returncode == 2
    assert kg("push", "http://127.0.0.1:9/unknown/path", "--data", str(data)).returncode == 2
    run = kg("push", "http://127.0.0.1:9", "--data", str(tmp_path))
    assert run.returncode == 1 and "run `kg build` first" in run.stderr


def test_dry_run_sends_nothing(empty, data, local):
    run = kg("push", empty, "--data", str(data), "--dry-run", "--merge")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    assert len(lines) == len(local_counts(local)) + 1
    assert all(line.startswith(f"POST {GRAPH}") for line in lines[:-1])
    assert lines[-1].startswith("dry run: would send 8 graph(s)") and lines[-1].endswith("nothing was sent")
    assert counts(empty) == {}


@pytest.mark.parametrize(
    ("endpoint", "user", "expected"),
    [
        ("http://localhost:7878", False, "http://localhost:7878/store"),
        ("http://localhost:7878/", False, "http://localhost:7878/store"),
        ("http://localhost:7878/query", False, "http://localhost:7878/store"),
        ("http://localhost:7878/store", False, "http://localhost:7878/store"),
        ("http://localhost:3030/kg/sparql", False, "http://localhost:3030/kg/data"),
        ("http://localhost:3030/kg/query", False, "http://localhost:3030/kg/data"),
        ("http://localhost:3030/kg/data", False, "http://localhost:3030/kg/data"),
        ("http://localhost:8890/sparql", True, "http://localhost:8890/sparql-graph-crud-auth"),
        ("http://localhost:8890/sparql", False, "http://localhost:8890/sparql-graph-crud"),
        ("https://db.example.org/sparql-graph-crud-auth", True, "https://db.example.org/sparql-graph-crud-auth"),
    ],
)
def test_graph_store_url_derivation(endpoint, user, expected):
    assert graph_store_url(endpoint, authenticated=user) == expected


# The failures a real server rarely gives on demand, through httpx's mock transport.


def mock_pusher(handler, **kw) -> Pusher:
    return Pusher("http://gsp.test/store", transport=httpx.MockTransport(handler), backoff=0, **kw)


def test_credentials_refused_exit_code(local):
    seen = []

    def handler(request):
        seen.append(request.headers.get("Authorization"))
        return httpx.Response(401, text="<html><body><h1>Unauthorized</h1></body></html>")

    with pytest.raises(PushError) as err:
        push(local, mock_pusher(handler, user="dba", password="sai"))
    assert err.value.exit_code == EXIT_AUTH
    assert "HTTP 401 Unauthorized: Unauthorized" in str(err.value) and "\n" not in str(err.value)
    assert seen == ["Basic ZGJhOnNhaQ=="]  # no retry on a refusal

    seen.clear()
    with pytest.raises(PushError):
        push(local, mock_pusher(handler, token="t0k"))
    assert seen == ["Bearer t0k"]


def test_failure_part_way_says_which_graphs_were_sent(local):
    calls = []

    def handler(request):
        calls.append(request.url.params["graph"])
        if len(set(calls)) == 3:
            return httpx.Response(500, text="Virtuoso 42000 Error SR008: out of disk")
        return httpx.Response(204)

    with pytest.raises(PushError) as err:
        push(local, mock_pusher(handler, retries=2))
    names = sorted(g.value for g in local.named_graphs())
    assert err.value.exit_code == EXIT_REJECTED
    assert err.value.sent == names[:2]
    message = str(err.value)
    assert message.startswith(f"PUT {names[2]} failed at http://gsp.test/store after 3 tries: HTTP 500")
    assert "out of disk" in message
    assert message.endswith(f"2 of 8 graph(s) were sent ({names[0]} … {names[1]}, in IRI order)")


def test_transient_errors_are_retried(local):
    failures = {"n": 0}

    def handler(request):
        if failures["n"] < 2:
            failures["n"] += 1
            if failures["n"] == 1:
                raise httpx.RemoteProtocolError("connection reset", request=request)
            return httpx.Response(503, text="busy")
        return httpx.Response(201)

    result = push(local, mock_pusher(handler))
    assert result.graphs == 8 and result.sent == sorted(g.value for g in local.named_graphs())


def test_bodies_are_utf8_and_batches_keep_blank_nodes_together(local):
    bodies: dict[str, list[tuple[str, bytes]]] = {}

    def handler(request):
        assert request.headers["Content-Type"] == "application/n-triples; charset=utf-8"
        bodies.setdefault(request.url.params["graph"], []).append((request.method, request.content))
        return httpx.Response(204)

    result = push(local, mock_pusher(handler), batch=50)
    assert result.triples == sum(local_counts(local).values())
    for graph, sent in bodies.items():
        assert [m for m, _ in sent] == ["PUT"] + ["POST"] * (len(sent) - 1)
        triples = [t for _, body in sent for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
        assert len(triples) == len(list(local.quads_for_pattern(None, None, None, ox.NamedNode(graph))))
        for _, body in sent[1:]:
            assert b"_:" not in body
    reference = b"".join(body for _, body in bodies[GRAPH + "reference"])
    assert '"Lạng Sơn"@vi'.encode() in reference  # raw UTF-8, not \\u escapes
    [(count, _)] = list(graph_batches(local, GRAPH + "ontology", 100_000, "turtle"))
    assert count == local_counts(local)[GRAPH + "ontology"]
