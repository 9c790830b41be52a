"""Export the built graph: JSON-LD, N-Quads (RDF) or GraphML, GEXF (the entity network).

* ``jsonld`` — the union graph (what ``graph.ttl`` holds) as compacted JSON-LD with an
  embedded ``@context`` (:data:`JSONLD_CONTEXT`): prefixes, and short terms such as
  ``label`` for ``rdfs:label`` (@vi) or ``mentions`` for ``vnkg:mentions`` (an IRI).
  pyoxigraph 0.5 writes JSON-LD only in expanded form (full IRIs, no context) and rdflib's
  serializer takes 19 s on the corpus graph, shrinks IRIs only up to their last ``/`` and
  orders nodes by hash, so the compaction is done here, from the fixed context (3 s).
* ``nquads`` — every named graph (articles, reference data, ontology), one quad a line,
  blank nodes canonicalised (RDFC-1.0) and lines sorted: the same dataset gives the
  same bytes.
* ``graphml`` / ``gexf`` — :func:`kg.network.entity_graph` (optionally with documents),
  attributes as plain strings and integers, edges with ids ``e0``, ``e1``… in order.

Files are written atomically (:func:`kg.store.atomic_write`).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.network import entity_graph
from kg.store import atomic_write
from kg.vocab import PREFIXES

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "JSONLD_CONTEXT",
    "ExportError",
    "export",
    "format_for_path",
    "gexf_bytes",
    "graphml_bytes",
    "jsonld_bytes",
    "nquads_bytes",
]

FORMATS = ("jsonld", "nquads", "graphml", "gexf")
"""Export formats, in the order ``kg export --format`` lists them."""

EXTENSIONS = {".jsonld": "jsonld", ".json": "jsonld", ".nq": "nquads", ".graphml": "graphml", ".gexf": "gexf"}
"""File extension → format, when ``--format`` is not given."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class ExportError(ValueError):
    """An unknown format, or a file name that does not tell the format."""


def _ref(curie: str) -> dict[str, str]:
    return {"@id": curie, "@type": "@id"}


def _vi(curie: str) -> dict[str, str]:
    return {"@id": curie, "@language": "vi"}


def _typed(curie: str, datatype: str) -> dict[str, str]:
    return {"@id": curie, "@type": datatype}


JSONLD_CONTEXT: dict[str, str | dict[str, str]] = {
    **{prefix: str(ns) for prefix, ns in PREFIXES.items() if prefix != "foaf"},
    # classes
    "Document": "vnkg:Document",
    "Person": "vnkg:Person",
    "Organization": "vnkg:Organization",
    "Province": "vnkg:Province",
    "District": "vnkg:District",
    "Resolution": "vnkg:Resolution",
    "Event": "vnkg:Event",
    "Mention": "vnkg:Mention",
    "Post": "org:Post",
    # names
    "label": _vi("rdfs:label"),
    "altLabel": _vi("skos:altLabel"),
    "title": _vi("dcterms:title"),
    # documents
    "date": _typed("dcterms:date", "xsd:date"),
    "creator": _ref("dcterms:creator"),
    "publisher": _ref("dcterms:publisher"),
    "sourceFile": "vnkg:sourceFile",
    "contentHash": "vnkg:contentHash",
    "mentions": _ref("vnkg:mentions"),
    # resolutions
    "symbol": "vnkg:symbol",
    "instrumentType": _vi("vnkg:instrumentType"),
    "issued": _typed("dcterms:issued", "xsd:date"),
    "issuedBy": _ref("vnkg:issuedBy"),
    "implements": _ref("vnkg:implements"),
    "term": "vnkg:term",
    # posts and bodies
    "holds": _ref("org:holds"),
    "postIn": _ref("org:postIn"),
    "subOrganizationOf": _ref("org:subOrganizationOf"),
    "honorific": _vi("vnkg:honorific"),
    # places
    "province": _ref("vnkg:province"),
    "district": _ref("vnkg:district"),
    "successor": _ref("vnkg:successor"),
    "gsoCode": "vnkg:gsoCode",
    "administrativeType": _vi("vnkg:administrativeType"),
    "validFrom": _typed("vnkg:validFrom", "xsd:date"),
    "validUntil": _typed("vnkg:validUntil", "xsd:date"),
    # events
    "eventType": _vi("vnkg:eventType"),
    "organizedBy": _ref("vnkg:organizedBy"),
    "chairedBy": _ref("vnkg:chairedBy"),
    # evidence
    "inDocument": _ref("vnkg:inDocument"),
    "refersTo": _ref("vnkg:refersTo"),
    "text": "vnkg:text",
    "start": _typed("vnkg:start", "xsd:integer"),
    "end": _typed("vnkg:end", "xsd:integer"),
    "sentence": "vnkg:sentence",
}
"""The JSON-LD ``@context``: the project's prefixes (but foaf, unused) and one short term per property."""


# --------------------------------------------------------------------------- RDF

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _expand(curie: str) -> str:
    prefix, _, rest = curie.partition(":")
    ns = JSONLD_CONTEXT.get(prefix)
    return ns + rest if isinstance(ns, str) and rest else curie


_NAMESPACES = sorted(
    ((ns, prefix) for prefix, ns in JSONLD_CONTEXT.items() if isinstance(ns, str) and ns.endswith(("/", "#"))),
    key=lambda item: -len(item[0]),
)
_CLASS_TERMS = {
    _expand(spec): name for name, spec in JSONLD_CONTEXT.items() if isinstance(spec, str) and name[:1].isupper()
}


def _term_table() -> dict[str, tuple[str, str | None, str | None]]:
    """Property IRI → (term, coercion: "@id", a datatype IRI or None, language or None)."""
    table: dict[str, tuple[str, str | None, str | None]] = {}
    for name, spec in JSONLD_CONTEXT.items():
        if isinstance(spec, dict):
            coercion = spec.get("@type")
            if coercion is not None and coercion != "@id":
                coercion = _expand(coercion)
            table[_expand(spec["@id"])] = (name, coercion, spec.get("@language"))
        elif not name[:1].isupper() and not spec.endswith(("/", "#")):
            table[_expand(spec)] = (name, None, None)
    return table


_TERMS = _term_table()


def _shrink(iri: str) -> str:
    """A compact IRI, ``vid:person/nguyễn-quốc-khánh``, when a prefix of the context fits."""
    for ns, prefix in _NAMESPACES:
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns) :].startswith("//"):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return _shrink(term.value) if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _value_object(term: ox.Term) -> str | dict[str, str]:
    """A value under a key without coercion: plain string for xsd:string, else a value or node object."""
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return {"@id": _node_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == _XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": _shrink(term.datatype.value)}


def _entry(predicate: str, term: ox.Term) -> tuple[str, str | dict[str, str]]:
    """(key, value) of one triple in its subject's node object, using the context's terms when they fit."""
    if predicate == _RDF_TYPE and isinstance(term, ox.NamedNode | ox.BlankNode):
        return "@type", _CLASS_TERMS.get(term.value) or _node_id(term)
    spec = _TERMS.get(predicate)
    if spec is not None:
        name, coercion, language = spec
        if coercion == "@id":
            if isinstance(term, ox.NamedNode | ox.BlankNode):
                return name, _node_id(term)
        elif isinstance(term, ox.Literal):
            if language is not None:
                if term.language == language:
                    return name, term.value
            elif coercion is not None:
                if not term.language and term.datatype.value == coercion:
                    return name, term.value
            else:
                return name, _value_object(term)
        elif coercion is None and language is None:
            return name, _value_object(term)
    # no term fits (another language or datatype, or an unknown property): the compact IRI, no coercion
    return _shrink(predicate), _value_object(term)


def _sort_key(value: str | dict[str, str]) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)


def jsonld_bytes(store: ox.Store) -> bytes:
    """The store's default (union) graph as compacted JSON-LD with :data:`JSONLD_CONTEXT` embedded.

    One node object per subject in a ``@graph`` list, sorted by ``@id``; keys sorted; a
    property with several values lists them sorted (RDF values are a set). A value the
    context's term does not fit (another language, another datatype) goes under the compact
    IRI of its property in expanded form, so nothing is lost or re-typed.
    """
    nodes: dict[str, dict[str, list]] = {}
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        key, value = _entry(quad.predicate.value, quad.object)
        nodes.setdefault(_node_id(quad.subject), {}).setdefault(key, []).append(value)
    graph = []
    for node_id in sorted(nodes):
        node: dict[str, object] = {"@id": node_id}
        for key in sorted(nodes[node_id]):
            values = sorted(nodes[node_id][key], key=_sort_key)
            node[key] = values[0] if len(values) == 1 else values
        graph.append(node)
    text = json.dumps({"@context": JSONLD_CONTEXT, "@graph": graph}, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def nquads_bytes(store: ox.Store) -> bytes:
    """Every named graph of the store as N-Quads: blank nodes canonicalised (RDFC-1.0), lines sorted.

    Graphs without blank nodes are dumped as N-Triples and given their graph name; the
    graphs with blank nodes (the ontology's OWL and SHACL lists) are canonicalised together,
    so a blank node shared between graphs keeps one label.
    """
    lines: list[bytes] = []
    with_blanks = ox.Dataset()
    for graph in store.named_graphs():
        raw = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
        if b"_:" in raw or not isinstance(graph, ox.NamedNode):  # maybe a blank node (or a literal with "_:")
            for quad in store.quads_for_pattern(None, None, None, graph):
                with_blanks.add(quad)
            continue
        name = f" <{graph.value}> .".encode()
        lines.extend(line[:-2] + name for line in raw.split(b"\n") if line.endswith(b" ."))
    if len(with_blanks):
        with_blanks.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        raw = ox.serialize(with_blanks, format=ox.RdfFormat.N_QUADS) or b""
        lines.extend(line for line in raw.split(b"\n") if line)
    lines.sort()
    return b"".join(line + b"\n" for line in lines)


# --------------------------------------------------------------------------- networks


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(value) -> str | int:
    """An attribute value GraphML and GEXF can hold: an int, or a str without XML-forbidden characters."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    return _XML_INVALID.sub("", str(value))


def _plain_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with str/int attributes only and edges keyed ``e0``, ``e1``… (the GraphML/GEXF edge ids)."""
    out = nx.MultiDiGraph()
    out.graph.update({k: _plain(v) for k, v in graph.graph.items() if v is not None})
    for node, data in graph.nodes(data=True):
        out.add_node(str(node), **{k: _plain(v) for k, v in data.items() if v is not None})
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        attrs = {k: _plain(val) for k, val in data.items() if val is not None}
        attrs.setdefault("relation", str(key))
        out.add_edge(str(u), str(v), key=f"e{i}", **attrs)
    return out


def graphml_bytes(graph: nx.MultiDiGraph) -> bytes:
    """``graph`` as GraphML (edge ids ``e0``…, attributes ``relation``/``post``; node ``label``, ``type``…)."""
    buf = io.BytesIO()
    nx.write_graphml(_plain_graph(graph), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf_bytes(graph: nx.MultiDiGraph) -> bytes:
    """``graph`` as GEXF 1.2 (edge ``label`` = relation), without the writer's date stamp."""
    plain = _plain_graph(graph)
    labelled = nx.MultiDiGraph()
    labelled.graph.update(plain.graph)
    labelled.add_nodes_from(plain.nodes(data=True))
    for u, v, key, data in plain.edges(keys=True, data=True):
        labelled.add_edge(u, v, key=key, id=key, label=data["relation"], **data)
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)  # optional in GEXF; it would change the bytes every day
    writer.add_graph(labelled)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- entry point


def format_for_path(path: Path, fmt: str | None = None) -> str:
    """The format to write: ``fmt`` if given (checked), else from the file extension."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise ExportError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
        return fmt
    found = EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise ExportError(
            f"cannot tell the format from {Path(path).name!r}: pass --format ({', '.join(FORMATS)}) "
            f"or use an extension {', '.join(EXTENSIONS)}"
        )
    return found


def export(store: ox.Store, path: str | Path, fmt: str | None = None, *, include_documents: bool = False) -> Path:
    """Write the graph in ``fmt`` (default: from the extension of ``path``) to ``path``; return the path.

    ``include_documents`` adds the articles to the GraphML/GEXF network (the RDF formats
    always hold everything).
    """
    path = Path(path)
    fmt = format_for_path(path, fmt)
    if fmt == "jsonld":
        data = jsonld_bytes(store)
    elif fmt == "nquads":
        data = nquads_bytes(store)
    else:
        graph = entity_graph(store, include_documents=include_documents)
        data = graphml_bytes(graph) if fmt == "graphml" else gexf_bytes(graph)
    atomic_write(path, data)
    return path
