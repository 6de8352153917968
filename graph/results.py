"""Serialising query results: SPARQL result formats, RDF formats and a table for humans.

Used by the CLI and the web server alike, so both give the same bytes for the
same result.
"""

from __future__ import annotations

import io
import json

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Variable

from .errors import Errors, WartaError
from .model.namespaces import bind_prefixes
from .store.base import QueryResult

#: Result formats for SELECT/ASK, with their media types.
TABULAR_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
#: Formats for CONSTRUCT/DESCRIBE graphs (rdflib serializer names), with their media types.
GRAPH_FORMATS = {
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "xml": "application/rdf+xml",
    "trig": "application/trig",
}

#: Where rdflib's plugin name differs from ours.
_RDFLIB_NAMES = {"jsonld": "json-ld"}


def to_rdflib_result(result: QueryResult) -> Result:
    out = Result(result.kind)
    if result.kind == "SELECT":
        out.vars = [Variable(v) for v in result.variables]
        out.bindings = [{Variable(v): term for v, term in zip(result.variables, row) if term is not None} for row in result.rows]
    elif result.kind == "ASK":
        out.askAnswer = bool(result.boolean)
    else:
        out.graph = to_graph(result)
    return out


def to_graph(result: QueryResult) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    for triple in result.triples:
        graph.add(triple)
    return graph


def serialize(result: QueryResult, fmt: str) -> bytes:
    """``result`` in ``fmt``: a SPARQL results format for SELECT/ASK, an RDF format for graphs."""
    if result.kind in ("SELECT", "ASK"):
        if fmt == "table":
            return table(result).encode("utf-8")
        if fmt not in TABULAR_FORMATS:
            raise WartaError(Errors.E002.format(kind="result format", name=fmt, known=", ".join(TABULAR_FORMATS)))
        if fmt == "json":
            return json_results(result)
        if fmt == "tsv":
            return tsv_results(result)  # rdflib has a TSV results parser but no serializer
        buffer = io.BytesIO()
        to_rdflib_result(result).serialize(buffer, format=fmt, encoding="utf-8")
        return buffer.getvalue()
    fmt = {"ntriples": "nt", "table": "turtle", "json": "jsonld"}.get(fmt, fmt)
    if fmt not in GRAPH_FORMATS:
        raise WartaError(Errors.E002.format(kind="graph format", name=fmt, known=", ".join(GRAPH_FORMATS)))
    return to_graph(result).serialize(format=_RDFLIB_NAMES.get(fmt, fmt), encoding="utf-8")


def _json_term(term: Identifier) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    value: dict = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None:
        value["datatype"] = str(term.datatype)
    return value


def json_results(result: QueryResult) -> bytes:
    """SPARQL 1.1 Query Results JSON, written directly (faster than rdflib's serializer)."""
    if result.kind == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}).encode("utf-8")
    bindings = [{v: _json_term(term) for v, term in zip(result.variables, row) if term is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode("utf-8")


def short(term: Identifier | None, width: int = 60) -> str:
    """A term as a person reads it in a table."""
    if term is None:
        return ""
    text = str(term) if not isinstance(term, URIRef) else f"<{term}>"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(result: QueryResult) -> str:
    """An aligned text table for humans."""
    if result.kind == "ASK":
        return ("yes" if result.boolean else "no") + "\n"
    headers = result.variables
    cells = [[short(term) for term in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells)
    n = len(result.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if result.truncated else ''})")
    return "\n".join(lines) + "\n"


def serialize_graph(graph: Graph, fmt: str) -> bytes:
    """An rdflib graph in one of :data:`GRAPH_FORMATS` (the web server's documents and service description)."""
    fmt = {"ntriples": "nt", "json": "jsonld"}.get(fmt, fmt)
    if fmt not in GRAPH_FORMATS:
        raise WartaError(Errors.E002.format(kind="graph format", name=fmt, known=", ".join(GRAPH_FORMATS)))
    return graph.serialize(format=_RDFLIB_NAMES.get(fmt, fmt), encoding="utf-8")


def _tsv_term(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        # Escaped as in N-Triples: a raw tab or newline would break the TSV layout.
        text = str(term).replace("\\", "\\\\").replace('"', '\\"')
        text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return term.n3()


def tsv_results(result: QueryResult) -> bytes:
    """SPARQL 1.1 Query Results TSV: a header of ``?var`` names, terms in N-Triples syntax."""
    if result.kind == "ASK":
        return b"?_askResult\n" + (b"true\n" if result.boolean else b"false\n")
    lines = ["\t".join("?" + v for v in result.variables)]
    lines.extend("\t".join(_tsv_term(term) for term in row) for row in result.rows)
    return ("\n".join(lines) + "\n").encode("utf-8")
