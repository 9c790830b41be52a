"""SPARQL over the built graph: ad-hoc or named queries, as a table, CSV or JSON.

Named queries live in ``kg/queries/NAME.rq``; their first line is a comment that
describes them (``# Resolutions cited, with the number of articles citing each``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox
from tabulate import tabulate

from kg.store import query_prefixes


class QueryError(ValueError):
    """A query that cannot be parsed or run, or an unknown query name."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """All named queries shipped in ``kg/queries``."""
    out = {}
    for entry in sorted(resources.files("kg.queries").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else ""
            description = first.lstrip("# ").strip() if first.startswith("#") else ""
            out[entry.name[:-3]] = NamedQuery(entry.name[:-3], description, text)
    return out


def named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known: {', '.join(sorted(queries)) or 'none'}")
    return queries[name]


@dataclass
class Result:
    """A query result: a table (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    variables: list[str]
    rows: list[list[ox.Term | None]]
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None


def run_query(store: ox.Store, sparql: str, bindings: dict[str, ox.Term] | None = None) -> Result:
    """Run a query; the default graph is the union of the data graphs (``GRAPH ?g`` reaches each one).

    ``bindings`` substitute variables with RDF terms (never pasted into the text); a
    bound variable must be one the query returns (pyoxigraph's substitution rule).
    """
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    try:
        answer = store.query(sparql, prefixes=query_prefixes(), substitutions=subs or None)
    except SyntaxError as exc:
        raise QueryError(f"invalid SPARQL: {exc}") from exc
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc
    if isinstance(answer, ox.QueryBoolean):
        return Result(["result"], [], boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        triples = list(answer)
        return Result(
            ["subject", "predicate", "object"], [[t.subject, t.predicate, t.object] for t in triples], triples=triples
        )
    variables = [v.value for v in answer.variables]
    rows = [[solution[v] for v in variables] for solution in answer]
    return Result(variables, rows)


def term_text(term: ox.Term | None) -> str:
    """A term as a person reads it: IRIs in full, literals by their value."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def term_json(term: ox.Term | None) -> dict | None:
    """SPARQL 1.1 JSON results form of a term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def format_result(result: Result, fmt: str = "table") -> str:
    """Render as an aligned table, CSV, or SPARQL JSON results."""
    if result.boolean is not None:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if fmt == "json":
        bindings = [
            {v: term_json(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        return json.dumps(
            {"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=2
        )
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([[term_text(t) for t in row] for row in result.rows])
        return buf.getvalue().rstrip("\n")
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}: use table, csv or json")
    rows = [[_short(term_text(t)) for t in row] for row in result.rows]
    table = tabulate(rows, headers=result.variables, tablefmt="simple", disable_numparse=True)
    return f"{table}\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


_TABLE_PREFIXES = (
    ("https://w3id.org/vnkg/id/", "vid:"),
    ("https://w3id.org/vnkg/ontology#", "vnkg:"),
    ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
    ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"),
    ("http://purl.org/dc/terms/", "dcterms:"),
    ("http://www.w3.org/2004/02/skos/core#", "skos:"),
    ("http://www.w3.org/ns/org#", "org:"),
)


def _short(text: str, limit: int = 90) -> str:
    """A cell for the table: IRIs with their usual prefixes, one line, cut at ``limit``."""
    for long, short in _TABLE_PREFIXES:
        if text.startswith(long):
            text = short + text[len(long) :]
            break
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def term_value(term: ox.Term | None):
    """A term as a Python value: numbers and dates as such, everything else as a string."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        try:
            if datatype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
                return int(term.value)
            if datatype.endswith(("#decimal", "#double", "#float")):
                return float(term.value)
            if datatype.endswith("#date"):
                return dt.date.fromisoformat(term.value)
            if datatype.endswith("#boolean"):
                return term.value == "true"
        except ValueError:
            return term.value
    return term_text(term)


def to_dataframe(result: Result):
    """A SELECT result as a pandas DataFrame (one column per variable, Python values)."""
    import pandas as pd

    if result.boolean is not None:
        return pd.DataFrame({"result": [result.boolean]})
    return pd.DataFrame([[term_value(t) for t in row] for row in result.rows], columns=result.variables)
