"""kg: a knowledge-graph builder for Vietnamese Party and State news.

    >>> import kg
    >>> result = kg.build(["seeds"], "out")          # ingest → extract → resolve → graph → files
    >>> store = kg.load("out")                        # the built graph, ready to query
    >>> kg.query(store, "SELECT ?s WHERE { ?s a vnkg:Resolution }").rows

The stage modules (``kg.ingest``, ``kg.extract``, ``kg.resolve``, ``kg.graph``,
``kg.store``, ``kg.sparql``, ``kg.viz``) can be used one by one.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "build", "load", "query"]


def build(*args, **kwargs):
    """Build the graph: see :func:`kg.builder.build`."""
    from kg.builder import build as _build

    return _build(*args, **kwargs)


def load(data_dir="out"):
    """The built graph of ``data_dir`` as a pyoxigraph store: see :func:`kg.store.load_store`."""
    from kg.store import load_store

    return load_store(data_dir)


def query(store, sparql, bindings=None):
    """Run SPARQL over a loaded store: see :func:`kg.sparql.run_query`."""
    from kg.sparql import run_query

    return run_query(store, sparql, bindings)
