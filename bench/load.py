"""A small HTTP load generator for `kg serve`: N well-formed SPARQL requests, all in flight at once.

    python bench/load.py http://127.0.0.1:7878/sparql --requests 1000 --concurrency 1000

Each request opens its own connection (as N separate clients would), sends a GET or POST
of a SELECT, ASK or CONSTRUCT query in turn, and checks the answer: status 200 and a body
of the kind asked for. Prints one JSON object: counts, failures (with the first few
reasons), requests per second and latency percentiles; exits 1 if any request failed.
Only for servers on this machine: the address must be a loopback one.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import sys
import time
from urllib.parse import urlsplit

import httpx

QUERIES = (
    ("select", 'SELECT ?code WHERE { ?p a vnkg:Province ; rdfs:label "Lạng Sơn"@vi ; vnkg:gsoCode ?code }'),
    ("ask", "ASK { ?r vnkg:symbol ?s }"),
    ("construct", "CONSTRUCT WHERE { ?p a vnkg:Province ; vnkg:gsoCode ?code } LIMIT 20"),
    ("select", "SELECT ?label WHERE { ?o a vnkg:Organization ; rdfs:label ?label } ORDER BY ?label LIMIT 10"),
)


def _check(kind: str, response: httpx.Response) -> str | None:
    """Why the answer is wrong, or None."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:120]!r}"
    if kind == "construct":
        return None if response.headers.get("content-type", "").startswith("text/turtle") else "not Turtle"
    try:
        body = response.json()
    except ValueError:
        return "not JSON"
    if kind == "ask":
        return None if isinstance(body.get("boolean"), bool) else "no boolean"
    return None if "results" in body else "no results"


async def _one(client: httpx.AsyncClient, url: str, i: int, start: asyncio.Event) -> tuple[float, str | None]:
    kind, query = QUERIES[i % len(QUERIES)]
    await start.wait()
    t = time.perf_counter()
    try:
        if i % 2:
            response = await client.post(url, data={"query": query})
        else:
            response = await client.get(url, params={"query": query})
        problem = _check(kind, response)
    except httpx.HTTPError as exc:
        problem = f"{type(exc).__name__}: {exc}"
    return time.perf_counter() - t, problem


async def run(url: str, requests: int, concurrency: int, timeout: float) -> dict:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=0)
    semaphore = asyncio.Semaphore(concurrency)
    start = asyncio.Event()

    async def limited(client: httpx.AsyncClient, i: int) -> tuple[float, str | None]:
        async with semaphore:
            return await _one(client, url, i, start)

    async with httpx.AsyncClient(limits=limits, timeout=timeout, headers={"Connection": "close"}) as client:
        tasks = [asyncio.create_task(limited(client, i)) for i in range(requests)]
        await asyncio.sleep(0)  # every task waits at the start line
        t0 = time.perf_counter()
        start.set()
        results = await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - t0
    latencies = sorted(r[0] for r in results)
    failures = [r[1] for r in results if r[1]]

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 3)

    return {
        "requests": requests,
        "concurrency": concurrency,
        "ok": requests - len(failures),
        "failed": len(failures),
        "failures": sorted(set(failures))[:5],
        "seconds": round(elapsed, 3),
        "requests_per_s": round(requests / elapsed, 1) if elapsed else None,
        "latency_s": {"p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99), "max": round(latencies[-1], 3)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the SPARQL endpoint, e.g. http://127.0.0.1:7878/sparql")
    parser.add_argument("--requests", type=int, default=1000, help="how many requests in all (default 1000)")
    parser.add_argument("--concurrency", type=int, default=1000, help="how many in flight at once (default 1000)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a request may take (default 60)")
    args = parser.parse_args(argv)
    host = urlsplit(args.url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        parser.error(f"{host!r} is not a loopback address: load only servers on this machine")
    if not 0 < args.requests <= 100_000 or not 0 < args.concurrency <= 5_000:
        parser.error("--requests must be 1..100000 and --concurrency 1..5000")
    summary = asyncio.run(run(args.url, args.requests, args.concurrency, args.timeout))
    print(json.dumps(summary))
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
