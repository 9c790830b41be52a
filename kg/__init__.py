"""kg: a knowledge-graph builder for Vietnamese Party and State news.

    >>> import kg
    >>> result = kg.build(["seeds"], "out")          # ingest → extract → resolve → graph → files
    >>> store = kg.load("out")                        # the built graph, ready to query
    >>> kg.query(store, "SELECT ?s WHERE { ?s a vnkg:Resolution }").rows
    >>> kg.query_df(store, kg.named_query("posts"))  # a pandas DataFrame
    >>> kg.query_df(store, kg.named_query("provinces_citing"), symbol="21-KL/TW")
    >>> G = kg.entity_graph(store)                   # networkx: people, bodies, places, instruments
    >>> kg.export_graph(store, "graph.jsonld")       # also .nq, .graphml, .gexf

The stage modules (``kg.ingest``, ``kg.extract``, ``kg.resolve``, ``kg.graph``,
``kg.store``, ``kg.sparql``, ``kg.viz``) can be used one by one.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = [
    "__version__",
    "build",
    "entity_graph",
    "export_graph",
    "load",
    "named_query",
    "query",
    "query_df",
    "subgraph",
]


def build(*args, **kwargs):
    """Build the graph: see :func:`kg.builder.build`."""
    from kg.builder import build as _build

    return _build(*args, **kwargs)


def load(data_dir="out", store=None):
    """The built graph as a pyoxigraph store: from the folder ``kg build`` wrote (in memory), or
    from a persistent store written by ``kg build --store`` when ``store`` is given."""
    from kg.store import load_store, open_store

    return open_store(store) if store is not None else load_store(data_dir)


def query(store, sparql, bindings=None):
    """Run SPARQL over a loaded store: see :func:`kg.sparql.run_query`."""
    from kg.sparql import run_query

    return run_query(store, sparql, bindings)


def named_query(name):
    """The SPARQL text of a named query (``kg query --list`` lists them)."""
    from kg.sparql import named_query as _named

    return _named(name).text


def query_df(store, sparql, **bindings):
    """Run SPARQL and return a pandas DataFrame. Keyword arguments bind variables safely:
    strings become literals (``symbol="21-KL/TW"``), pyoxigraph terms are used as they are."""
    import pyoxigraph as ox

    from kg.sparql import run_query, to_dataframe

    terms = {
        k: v if isinstance(v, (ox.NamedNode, ox.Literal, ox.BlankNode)) else ox.Literal(str(v))
        for k, v in bindings.items()
    }
    return to_dataframe(run_query(store, sparql, terms))


def subgraph(store, construct, **bindings):
    """The triples of a CONSTRUCT query as an rdflib Graph (to draw with :mod:`kg.viz`, or export)."""
    import pyoxigraph as ox

    from kg.store import construct_graph

    terms = {
        k: v if isinstance(v, (ox.NamedNode, ox.Literal, ox.BlankNode)) else ox.Literal(str(v))
        for k, v in bindings.items()
    }
    return construct_graph(store, construct, terms)


def entity_graph(store, include_documents=False):
    """The entities and their relations as a networkx MultiDiGraph: see :func:`kg.network.entity_graph`."""
    from kg.network import entity_graph as _entity_graph

    return _entity_graph(store, include_documents=include_documents)


def export_graph(store, path, fmt=None, include_documents=False):
    """Write JSON-LD, N-Quads, GraphML or GEXF (by ``fmt`` or the file's extension): see :mod:`kg.export`."""
    from kg.export import export as _export

    return _export(store, path, fmt, include_documents=include_documents)
