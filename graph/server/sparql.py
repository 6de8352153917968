"""SPARQL execution for the server, outside the web layer.

The functions taking a :class:`~graph.server.jobs.Context` run inside query
workers; they return bytes ready to send, so results cross the process
boundary once, already serialised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from rdflib.term import Identifier

from .. import __version__
from ..errors import Errors, QueryError
from ..model.namespaces import bind_prefixes
from ..results import serialize
from ..store.base import QueryResult, SerializedAnswer, capped, with_bindings
from . import conneg
from .guard import check_query, fetching_operations
from .jobs import Context, NotFound

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")


@dataclass
class Reply:
    """A serialised answer: the bytes, their media type, extra headers."""

    body: bytes
    media_type: str
    headers: dict[str, str] = field(default_factory=dict)


def run_query(
    context: Context,
    sparql: str,
    *,
    bindings: Mapping[str, Identifier] | None = None,
    default_graph_uris: Sequence[str] = (),
    named_graph_uris: Sequence[str] = (),
    accept: str | None = None,
    fmt: str | None = None,
    max_rows: int | None = None,
    max_bytes: int | None = None,
    allow_service: bool = False,
    base_iri: str | None = None,
) -> Reply:
    """Run a protocol query and serialise it as the client asked.

    Parameters are bound here, before the policy check, so the check reads the
    exact text the engine runs. Relative IRIs resolve against ``base_iri`` (the
    endpoint URL; the protocol lets the service choose).
    """
    if bindings:
        sparql = with_bindings(sparql, bindings)
    check_query(sparql, allow_service=allow_service)
    try:
        # Bytes straight from the engine's writers where it has them (no rdflib terms built).
        result = context.store.query_serialized(
            sparql,
            lambda kind: conneg.choose(kind, accept, fmt)[0],
            default_graph_uris=list(default_graph_uris) or None,
            named_graph_uris=list(named_graph_uris) or None,
            max_rows=max_rows,
            max_bytes=max_bytes,
            base_iri=base_iri,
        )
    except OSError as error:
        # With --allow-service the engine fetches other endpoints; their failure is the
        # query's (4xx), while an I/O error of our own store stays a 500.
        if allow_service and "SERVICE" in fetching_operations(sparql):
            raise QueryError(Errors.E078.format(error=error)) from None
        raise
    name, media_type = conneg.choose(result.kind, accept, fmt)
    headers = {"X-Warta-Query-Kind": result.kind}
    if isinstance(result, SerializedAnswer):
        return Reply(result.body, media_type, headers)  # complete and within both limits
    return _bounded_reply(result, name, media_type, max_rows, max_bytes, headers)


def _bounded_reply(
    result: QueryResult, name: str, media_type: str, max_rows: int | None, max_bytes: int | None, headers: dict[str, str]
) -> Reply:
    """Serialise ``result`` within ``max_bytes``, saying in ``X-Warta-Truncated`` which limit cut it.

    The store already stopped collecting near the byte limit (by its estimate
    of each term); escaping can still make the text longer, so the answer is
    measured and, if over, shortened in proportion until it fits.
    """
    body = serialize(result, name)
    while max_bytes is not None and len(body) > max_bytes:
        items = result.rows if result.kind == "SELECT" else result.triples
        if not items:
            break
        keep = min(len(items) - 1, int(len(items) * max_bytes / len(body) * 0.9))
        if result.kind == "SELECT":
            result = replace(result, rows=result.rows[:keep], truncated=True, truncated_by="max-bytes-out")
        else:
            result = replace(result, triples=result.triples[:keep], truncated=True, truncated_by="max-bytes-out")
        body = serialize(result, name)
    if result.truncated:
        # Unlike a silent cap, say so, naming the limit: clients that read headers know the answer is partial.
        limit = result.truncated_by or "max-rows"
        headers["X-Warta-Truncated"] = f"{limit}={max_bytes if limit == 'max-bytes-out' else max_rows}"
    return Reply(body, media_type, headers)


def select(
    context: Context, sparql: str, *, bindings: Mapping[str, Identifier] | None = None, max_rows: int | None = None
) -> QueryResult:
    """An internal query (pages, search), returned as rdflib terms."""
    return context.store.query(sparql, bindings=bindings or None, max_rows=max_rows)


_GRAPH_EXISTS = "ASK { GRAPH ?g { ?s ?p ?o } }"


def read_graph(
    context: Context,
    graph_iri: str | None,
    *,
    always_exists: bool = False,
    accept: str | None = None,
    fmt: str | None = None,
    max_rows: int | None = None,
    max_bytes: int | None = None,
) -> Reply:
    """Graph Store Protocol GET: one named graph, or the (deduplicated union) default graph.

    Bounded like a query answer: at most ``max_rows`` triples and ``max_bytes`` bytes.
    ``always_exists``: an absent graph reads as empty, not 404 (the GSP default graph).
    """
    store = context.store
    if graph_iri is not None and not always_exists and not store.query(_GRAPH_EXISTS, bindings={"g": URIRef(graph_iri)}).boolean:
        raise NotFound(Errors.E041.format(graph=graph_iri))
    triples, cut = capped(store.triples(graph_iri), max_rows, max_bytes)
    result = QueryResult("CONSTRUCT", triples=triples, truncated=cut is not None, truncated_by=cut)
    name, media_type = conneg.choose("CONSTRUCT", accept, fmt)
    return _bounded_reply(result, name, media_type, max_rows, max_bytes, {})


def service_description(endpoint: str, *, allow_update: bool, allow_service: bool) -> Graph:
    """The SPARQL 1.1 Service Description of this endpoint."""
    g = Graph()
    bind_prefixes(g)
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    service = URIRef(endpoint + "#service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if allow_update:
        g.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    # Queries without GRAPH see the deduplicated union of the article graphs.
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    if allow_service:
        g.add((service, SD.feature, SD.BasicFederatedQuery))
    for fmt in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
        "TriG",
    ):
        g.add((service, SD.resultFormat, FORMATS[fmt]))
    dataset = URIRef(endpoint + "#dataset")
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    default_graph = URIRef(endpoint + "#default-graph")
    g.add((dataset, SD.defaultGraph, default_graph))
    g.add((default_graph, RDF.type, SD.Graph))
    g.add(
        (
            service,
            URIRef("http://purl.org/dc/terms/description"),
            Literal(f"Warta {__version__}: a knowledge graph of Indonesian regional-government news"),
        )
    )
    return g
