"""Command line: ``kg build``, ``kg query``, ``kg viz``, ``kg serve``, ``kg export``, ``kg push``
and ``kg eval`` (``python -m kg`` works the same).

Exit codes: 0 success (a build that skipped some files still succeeds; they are
listed); 1 nothing could be built, or the query failed; 2 wrong usage; ``kg push`` also
3 server unreachable, 4 credentials refused (401/403), 5 the server failed or refused a graph;
``kg build --scheduler`` 2 without Dask installed, 3 scheduler unreachable, 1 the cluster failed
(no workers, workers without the same kg, a chunk of articles failed).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from kg import __version__


def _err(message: str) -> None:
    click.echo(f"kg: {message}", err=True)


def graph_source(verb: str):
    """The ``--data OUT`` / ``--store DIR`` pair every command that reads the graph takes."""

    def add(command):
        command = click.option(
            "--store",
            "store_dir",
            type=click.Path(path_type=Path),
            help=f"{verb} the persistent store `kg build --store DIR` wrote instead of --data.",
        )(command)
        return click.option(
            "--data",
            default="out",
            show_default=True,
            type=click.Path(path_type=Path),
            help="The folder `kg build` wrote.",
        )(command)

    return add


def _give_back_memory() -> None:
    """Return the memory the build freed to the system. Python and the C library keep freed
    memory for reuse; without this the process's peak during a store load is what the build
    held plus what the loader needs (after a build of 8,000 articles: 260 MB held instead of 620)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)  # glibc
    except (OSError, AttributeError):
        pass


def open_graph(data: Path, store_dir: Path | None):
    """The built graph: the persistent store when given, else the files of ``data``."""
    from kg.store import load_store, open_store

    return open_store(store_dir) if store_dir else load_store(data)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build and query a knowledge graph of Vietnamese Party and State news."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    default="out",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for graph.ttl, graph.trig, graph.html and report.json.",
)
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: on a terminal, for many files).")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also load the graph into a persistent pyoxigraph store in this folder (for large graphs and kg serve).",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    help="Processes for the extraction stage (default: one per core; with --scheduler local, Dask workers).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the extraction stage on a Dask cluster: its scheduler's address (tcp://host:8786), "
    "or `local` for a LocalCluster here. Needs `pip install 'kg[dist]'`, here and on every worker.",
)
@click.option(
    "--scheduler-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Give up when the scheduler does not answer, or no worker joins it, within this time.",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Reuse the extraction of articles read before (folder: $KG_CACHE_DIR or ~/.cache/kg).",
)
@click.option(
    "--full",
    is_flag=True,
    help="Redo every article and graph, ignoring what the last build left in OUT (by default only "
    "what changed is redone; the outputs are the same).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but problems.")
def build(
    paths: tuple[Path, ...],
    out: Path,
    progress: bool | None,
    store_dir: Path | None,
    workers: int | None,
    cache: bool,
    scheduler: str | None,
    scheduler_timeout: float,
    full: bool,
    quiet: bool,
) -> None:
    """Build the graph from article files and folders (default: seeds/)."""
    from kg.builder import BuildError
    from kg.builder import build as run_build
    from kg.dist import DaskMissing, DistError, SchedulerUnreachable

    inputs = list(paths) or [Path("seeds")]
    try:
        result = run_build(
            inputs,
            out,
            show_progress=progress,
            on_reject=lambda r: _err(f"skipped {r.path}: {r.reason}"),
            workers=workers,
            cache=cache,
            scheduler=scheduler,
            scheduler_timeout=scheduler_timeout,
            incremental=not full,
        )
    except BuildError as exc:
        _err(f"nothing built: {exc}")
        sys.exit(1)
    except DistError as exc:
        _err(str(exc))
        sys.exit(2 if isinstance(exc, DaskMissing) else 3 if isinstance(exc, SchedulerUnreachable) else 1)
    report, outputs, build_id, changes = result.report, result.outputs, result.build_id, result.store_changes
    _BUILT.append(result)  # freed, if at all, by the interpreter at the end (see run)
    if store_dir is not None:
        from kg.store import store_build_id, update_store, write_store

        if changes is not None and store_build_id(store_dir) == changes[0]:
            from kg.graph import turtle_header

            # the store holds the last build: change what changed
            update_store(store_dir, changes[1], build_id, turtle_header(), before=changes[2])
            store_note = f"{store_dir}/ (store, {len(changes[1])} graph(s) changed)"
        else:
            _BUILT.clear()  # the articles and entities: the store is loaded from the files just written
            del result
            _give_back_memory()  # the store loader's memory comes on top of what the build kept
            write_store(out, store_dir, build_id)
            store_note = f"{store_dir}/ (store)"
    _BUILT.append(report)  # every output is written and the store closed: run() may end the process
    counts = report["counts"]
    violations = report["validation"]["violations"]
    if violations:
        _err(f"the graph breaks {len(violations)} SHACL constraint(s); see {outputs['report']}")
        for v in violations[:5]:
            _err(f"  {v['focus']} {v['path']}: {v['message']}")
    if quiet:
        return
    entities = ", ".join(f"{n} {kind}" for kind, n in counts["entities"].items())
    click.echo(
        f"read {counts['articles']} article(s) from {', '.join(map(str, inputs))} ({counts['rejected']} rejected)"
    )
    click.echo(f"entities: {entities}")
    click.echo(
        f"triples: {counts['triples']} in {counts['named_graphs']} article graph(s); "
        f"SHACL: {'conforms' if report['validation']['conforms'] else 'violations, see report'}"
    )
    if counts.get("nodes_drawn", 0) < counts.get("nodes_in_graph", 0):
        click.echo(
            f"graph.html draws the {counts['nodes_drawn']} most-mentioned of {counts['nodes_in_graph']} nodes; "
            "use `kg viz --focus NAME` for any part of the graph"
        )
    written = [str(p) for p in outputs.values()] + ([store_note] if store_dir else [])
    click.echo("wrote " + ", ".join(written) + f" in {report['timings']['total_s']:.1f} s")


def _binding(spec: str):
    import pyoxigraph as ox

    name, sep, value = spec.partition("=")
    if not sep or not name:
        raise click.BadParameter(f"{spec!r}: expected NAME=VALUE", param_hint="--bind")
    if value.startswith("<") and value.endswith(">"):
        return name.lstrip("?$"), ox.NamedNode(value[1:-1])
    literal = re.fullmatch(r'"(.*)"(?:@([A-Za-z-]+)|\^\^<([^>]+)>)?', value, re.S)
    if literal:  # '"Lạng Sơn"@vi', '"2022-05-27"^^<http://www.w3.org/2001/XMLSchema#date>'
        text, lang, datatype = literal.groups()
        if lang:
            return name.lstrip("?$"), ox.Literal(text, language=lang)
        return name.lstrip("?$"), ox.Literal(text, datatype=ox.NamedNode(datatype) if datatype else None)
    if value.startswith(("http://", "https://")):
        return name.lstrip("?$"), ox.NamedNode(value)
    return name.lstrip("?$"), ox.Literal(value)


@cli.command()
@click.argument("sparql", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the query from a .rq file.",
)
@click.option("--name", help="Run a named query (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@graph_source("Query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option(
    "--bind",
    "binds",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to a value (an <IRI> or http(s) IRI, else a string literal); repeatable.",
)
def query(
    sparql: str | None,
    query_file: Path | None,
    name: str | None,
    list_queries: bool,
    data: Path,
    store_dir: Path | None,
    fmt: str,
    binds: tuple[str, ...],
) -> None:
    """Run a SPARQL query over the built graph (all graphs form the default graph)."""
    from kg.sparql import QueryError, format_result, named_queries, named_query, run_query
    from kg.store import StoreError

    if list_queries:
        for q in named_queries().values():
            click.echo(f"{q.name:16} {q.description}")
        return
    given = [x for x in (sparql, query_file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, --file F or --name NAME (or --list)")
    try:
        if name:
            text = named_query(name).text
        elif query_file:
            text = query_file.read_text(encoding="utf-8")
        else:
            text = sparql or ""
        bindings = dict(_binding(b) for b in binds)
        store = open_graph(data, store_dir)
        result = run_query(store, text, bindings)
    except (QueryError, StoreError) as exc:
        _err(str(exc))
        sys.exit(1)
    click.echo(format_result(result, fmt))


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--data",
    default="out",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The folder `kg build` wrote (built from the gold's articles).",
)
@click.option("--baseline/--no-baseline", default=False, help="Score underthesea's shipped NER model beside kg.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--details/--no-details", default=True, help="List the misses and false hits.")
def eval_command(gold: tuple[Path, ...], data: Path, baseline: bool, fmt: str, details: bool) -> None:
    """Score the built graph against GOLD files: precision, recall and F1 per type."""
    import json

    from kg.evaluate import (
        GoldError,
        baseline_underthesea,
        format_report,
        load_gold,
        predictions_from_store,
        score,
        scores_json,
    )
    from kg.store import REPORT_JSON, StoreError, load_store

    try:
        gold_articles = load_gold(gold)
        store = load_store(data)
        predicted = predictions_from_store(store)
        built = {
            Path(a["file"]).name: Path(a["file"])
            for a in json.loads((data / REPORT_JSON).read_text(encoding="utf-8"))["articles"]
        }
        absent = sorted(set(gold_articles) - set(built))
        if absent:
            raise GoldError(f"{len(absent)} gold article(s) are not in the build at {data}: {', '.join(absent[:5])}")
        ours = score(gold_articles, predicted)
        theirs = None
        if baseline:
            theirs = score(gold_articles, baseline_underthesea({n: built[n] for n in gold_articles}))
    except (GoldError, StoreError, OSError) as exc:
        _err(str(exc))
        sys.exit(1)
    if fmt == "json":
        out = {"kg": scores_json(ours)}
        if theirs:
            out["underthesea"] = scores_json(theirs)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{len(gold_articles)} gold article(s); kg" + (" vs underthesea NER" if theirs else ""))
        click.echo(format_report(ours, theirs, details))


@cli.command()
@graph_source("Serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds a query may run before it is stopped (503).",
)
@click.option(
    "--max-results",
    default=100_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Rows (or triples) per answer; longer answers are cut and marked X-SPARQL-MaxRows.",
)
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Query processes, each with the graph."
)
@click.option(
    "--queue-timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds a request may wait for a free query process before it is refused (503).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not log requests.")
def serve(
    data: Path,
    store_dir: Path | None,
    host: str,
    port: int,
    timeout: float,
    max_results: int,
    workers: int,
    queue_timeout: float,
    quiet: bool,
) -> None:
    """Serve the graph read-only over the SPARQL 1.1 Protocol at http://HOST:PORT/sparql."""
    from kg.serve import ServeError
    from kg.serve import serve as run_serve

    try:
        run_serve(
            data=data,
            store=store_dir,
            host=host,
            port=port,
            timeout=timeout,
            max_results=max_results,
            workers=workers,
            queue_timeout=queue_timeout,
            quiet=quiet,
        )
    except ServeError as exc:
        _err(str(exc))
        sys.exit(1)


@cli.command("export")
@graph_source("Export")
@click.option(
    "-o", "--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonld", "nquads", "graphml", "gexf"]),
    help="jsonld: union graph with @context; nquads: all named graphs; graphml/gexf: the entity network. "
    "Default: from the extension (.jsonld .json .nq .graphml .gexf).",
)
@click.option("--include-documents", is_flag=True, help="Add the articles to the GraphML/GEXF network.")
def export_command(
    data: Path, store_dir: Path | None, out_file: Path, fmt: str | None, include_documents: bool
) -> None:
    """Export the graph as JSON-LD or N-Quads, or its entity network as GraphML or GEXF."""
    from kg.export import ExportError, export, format_for_path
    from kg.store import StoreError

    try:
        fmt = format_for_path(out_file, fmt)
    except ExportError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        store = open_graph(data, store_dir)
        path = export(store, out_file, fmt, include_documents=include_documents)
    except (ExportError, StoreError) as exc:
        _err(str(exc))
        sys.exit(1)
    except OSError as exc:
        _err(f"cannot write {out_file}: {exc.strerror or exc}")
        sys.exit(1)
    click.echo(f"wrote {path} ({fmt}, {path.stat().st_size:,} bytes)")


@cli.command("push")
@click.argument("endpoint")
@graph_source("Push")
@click.option(
    "--graph-store-url",
    metavar="URL",
    help="The server's Graph Store Protocol URL (default: derived from ENDPOINT; see the README).",
)
@click.option("--replace/--merge", default=True, show_default=True, help="PUT each graph (replace) or POST it (merge).")
@click.option("--user", help="User name for HTTP authentication (password: --password or KG_PUSH_PASSWORD).")
@click.option("--password", envvar="KG_PUSH_PASSWORD", help="Password for --user.")
@click.option("--digest", is_flag=True, help="HTTP Digest instead of Basic authentication (Virtuoso).")
@click.option(
    "--batch",
    default=50_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Triples per request: larger graphs are sent in several requests.",
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds to wait for the server to answer one request.",
)
@click.option(
    "--retries",
    default=3,
    show_default=True,
    type=click.IntRange(0, 10),
    help="Retries, with backoff, after HTTP 429/5xx or a dropped connection.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["nt", "turtle"]),
    default="nt",
    show_default=True,
    help="Request body: N-Triples or Turtle (UTF-8).",
)
@click.option("--dry-run", is_flag=True, help="List what would be sent, and send nothing.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
def push_command(
    endpoint: str,
    data: Path,
    store_dir: Path | None,
    graph_store_url: str | None,
    replace: bool,
    user: str | None,
    password: str | None,
    digest: bool,
    batch: int,
    timeout: float,
    retries: int,
    fmt: str,
    dry_run: bool,
    progress: bool | None,
) -> None:
    """Load every named graph into a SPARQL 1.1 server through the Graph Store HTTP Protocol.

    ENDPOINT is the server (http://127.0.0.1:7878 for Oxigraph) or its SPARQL endpoint. A bearer
    token is read from KG_PUSH_TOKEN.
    """
    import os

    from kg.push import Pusher, PushError, graph_parts, graph_sizes, http_url
    from kg.push import graph_store_url as derive
    from kg.push import push as run_push
    from kg.store import StoreError

    if password is not None and user is None:
        raise click.UsageError("--password needs --user")
    try:
        http_url(endpoint)
        url = str(http_url(graph_store_url)) if graph_store_url else derive(endpoint, authenticated=user is not None)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        store = open_graph(data, store_dir)
    except StoreError as exc:
        _err(str(exc))
        sys.exit(1)
    mode = "replace" if replace else "merge"
    if dry_run:
        sizes = graph_sizes(store)
        requests = 0
        for graph, size in sizes.items():
            n = len(graph_parts(store, graph, batch))
            requests += n
            method = "PUT" if replace else "POST"
            click.echo(f"{method} {graph}  {size} triple(s) in {n} request(s)")
        click.echo(
            f"dry run: would send {len(sizes)} graph(s), {sum(sizes.values()):,} triples in {requests} request(s) "
            f"to {url} ({mode}); nothing was sent"
        )
        return
    if user is not None and password is None:
        if not sys.stdin.isatty():
            raise click.UsageError("--user needs --password or KG_PUSH_PASSWORD")
        password = click.prompt("password", hide_input=True, err=True)
    pusher = Pusher(
        url,
        user=user,
        password=password,
        token=os.environ.get("KG_PUSH_TOKEN"),
        digest=digest,
        timeout=timeout,
        retries=retries,
    )
    try:
        result = run_push(store, pusher, replace=replace, batch=batch, fmt=fmt, progress=progress)
    except PushError as exc:
        _err(str(exc))
        sys.exit(exc.exit_code)
    finally:
        pusher.close()
    click.echo(
        f"pushed {result.graphs} graph(s), {result.triples:,} triples in {result.requests} request(s) "
        f"to {url} in {result.seconds:.1f} s ({mode})"
    )


@cli.command("viz")
@graph_source("Draw")
@click.option(
    "-o",
    "--out",
    "out_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write.",
)
@click.option(
    "--focus",
    metavar="NAME_OR_IRI",
    help="Draw this entity (its IRI, or its name ignoring case and diacritics) and its neighbourhood only.",
)
@click.option(
    "--hops", default=2, show_default=True, type=click.IntRange(0, 20), help="With --focus: how many steps out."
)
@click.option(
    "--max-nodes",
    default=1500,
    show_default=True,
    type=click.IntRange(min=1),
    help="Draw at most this many nodes: the most mentioned (nearest the focus first).",
)
@click.option("--no-documents", is_flag=True, help="Leave the articles out: the entity network only.")
@click.option("--title", help="Page title (default: the focus, or the whole graph's title).")
def viz_command(
    data: Path,
    store_dir: Path | None,
    out_file: Path,
    focus: str | None,
    hops: int,
    max_nodes: int,
    no_documents: bool,
    title: str | None,
) -> None:
    """Write the interactive, offline graph page for the whole graph or a part of it."""
    from kg.store import StoreError
    from kg.viz import FocusError, graph_from_store, write_page

    try:
        store = open_graph(data, store_dir)
        graph = graph_from_store(store)
        result = write_page(
            graph,
            out_file,
            title=title,
            focus=focus,
            hops=hops,
            max_nodes=max_nodes,
            documents=not no_documents,
        )
    except (StoreError, FocusError) as exc:
        _err(str(exc))
        sys.exit(1)
    except OSError as exc:
        _err(f"cannot write {out_file}: {exc.strerror or exc}")
        sys.exit(1)
    if result.truncated:
        _err(
            f"showing the {result.nodes} most-mentioned of {result.total} nodes "
            "(raise --max-nodes, or narrow with --focus/--no-documents)"
        )
    around = f" around {result.focus!r} ({hops} hop{'' if hops == 1 else 's'})" if result.focus else ""
    click.echo(f"wrote {out_file}: {result.nodes} nodes, {result.edges} edges{around}")


_BUILT: list = []  # what `kg build` made, once its outputs (and store) are written and closed


def run() -> None:
    """The ``kg`` script and ``python -m kg``: :func:`main`, then exit with its status. After a
    build, the process ends without freeing the build's records one by one (millions of objects
    after tens of thousands of articles: a second or more), since every output file and the store
    are written and closed by then."""
    code = main()
    if _BUILT and code == 0:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    """The command line as a function: runs ``kg ARGV`` and returns its exit status (see :func:`run`)."""
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
