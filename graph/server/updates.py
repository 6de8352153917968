"""Writes through the server: SPARQL Update and Graph Store Protocol PUT/POST/DELETE.

Only reached with ``--allow-update`` and the bearer token. The default graph
is the deduplicated union of the article graphs (see graph/store/base.py), so
every write must keep it so: graph writes go through ``Store.write_graphs`` and
``remove_graphs``, which maintain it; a SPARQL Update is followed, in the same
update request, by a resynchronisation of the union. That resync scans every
named graph, so updates cost time proportional to the store: fine for
corrections, not a bulk-loading path (use ``warta ingest``).
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph

from ..errors import Errors, QueryError
from .guard import check_update
from .using import with_dataset

RESYNC_UNION = """
DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;
INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }
"""

#: Media types accepted in Graph Store Protocol writes -> rdflib parser names.
RDF_PARSERS = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}


def apply_update(
    store,
    sparql: str,
    *,
    allow_service: bool = False,
    base_iri: str | None = None,
    using: Sequence[str] = (),
    using_named: Sequence[str] = (),
) -> None:
    """Run a SPARQL Update, then rebuild the union default graph in the same request.

    Args:
        base_iri: resolves relative IRIs in the update (the endpoint URL).
        using, using_named: the protocol's ``using-graph-uri`` / ``using-named-graph-uri``.
    """
    sparql = with_dataset(sparql, using, using_named)
    check_update(sparql, allow_service=allow_service)
    # The newline ends a trailing comment in the user's text, which would swallow our part.
    store.update(sparql + "\n;\n" + RESYNC_UNION, base_iri=base_iri)
    store.publish(force=True)


# --- jobs for the writer process (graph/server/worker_main.py) --------------------------
def ready(context) -> bool:
    """Answered once the writer has opened the store and published a snapshot."""
    return True


def update_job(context, sparql: str, **options) -> None:
    apply_update(context.store, sparql, **options)


def put_graph_job(context, graph_iri: str, body: bytes, content_type: str | None, *, merge: bool = False) -> bool:
    # Parsed here, not in the server: a 1 MB body is CPU work the event loop must not do.
    return put_graph(context.store, graph_iri, parse_graph(body, content_type), merge=merge)


def delete_graph_job(context, graph_iri: str) -> bool:
    return delete_graph(context.store, graph_iri)


def parse_graph(body: bytes, content_type: str | None) -> Graph:
    media = (content_type or "text/turtle").split(";")[0].strip().lower()
    parser = RDF_PARSERS.get(media)
    if parser is None:
        raise QueryError(Errors.E002.format(kind="RDF media type", name=media, known=", ".join(RDF_PARSERS)))
    graph = Graph()
    try:
        graph.parse(data=body.decode("utf-8"), format=parser)
    except Exception as error:  # rdflib raises many kinds for bad input; all are the client's
        raise QueryError(f"cannot parse the {media} body: {error}") from error
    return graph


def put_graph(store, graph_iri: str, graph: Graph, *, merge: bool = False) -> bool:
    """Replace (or, with ``merge``, add to) a named graph; True if it was new."""
    existing = list(store.triples(graph_iri))
    triples = set(graph)
    if merge:
        triples.update(existing)
    store.write_graphs([(graph_iri, triples)])
    store.publish(force=True)
    return not existing


def delete_graph(store, graph_iri: str) -> bool:
    removed = store.remove_graphs([graph_iri])
    store.publish(force=True)
    return removed > 0
