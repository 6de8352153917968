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

from collections.abc import Iterable, Sequence
from email import policy
from email.parser import BytesParser
from pathlib import PurePosixPath

import pyoxigraph as ox

from ..errors import Errors, QueryError
from ..store.base import IN_UNION_FILTER, NIF_MARK, Triple
from ..store.statistics import PENDING, STATISTICS_GRAPH
from ..store.terms import from_ox
from .guard import check_update
from .using import with_dataset

# The union leaves NIF provenance out (graph/store/base.py), and the statistics graph is no
# article graph (graph/store/statistics.py). An update can change anything the statistics
# count, so it marks them pending in its own transaction; they are then rebuilt.
_STATISTICS = f"<{STATISTICS_GRAPH}>"
RESYNC_UNION = f"""
DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER (NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != {_STATISTICS}) }} || (isIRI(?s) && CONTAINS(STR(?s), "{NIF_MARK}"))) }} ;
INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != {_STATISTICS}) {IN_UNION_FILTER} FILTER NOT EXISTS {{ ?s ?p ?o }} }} ;
INSERT DATA {{ GRAPH {_STATISTICS} {{ {_STATISTICS} <{PENDING}> true }} }}
"""

#: Media types accepted in Graph Store Protocol writes -> pyoxigraph formats.
RDF_PARSERS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
MULTIPART = "multipart/form-data"


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
    store.rebuild_statistics()  # proportional to the store, as the resync above is
    store.publish(force=True)


# --- jobs for the writer process (graph/server/worker_main.py) --------------------------
def ready(context) -> bool:
    """Answered once the writer has opened the store and published a snapshot."""
    return True


def update_job(context, sparql: str, **options) -> None:
    apply_update(context.store, sparql, **options)


def put_graph_job(
    context, graph_iri: str, body: bytes, content_type: str | None, *, merge: bool = False, base_iri: str | None = None
) -> bool:
    # Parsed here, not in the server: a 1 MB body is CPU work the event loop must not do.
    return put_graph(context.store, graph_iri, parse_graph(body, content_type, base_iri), merge=merge)


def delete_graph_job(context, graph_iri: str) -> bool:
    return delete_graph(context.store, graph_iri)


def parse_graph(body: bytes, content_type: str | None, base_iri: str | None = None) -> set[Triple]:
    """The triples of a GSP body: one RDF document, or each file of a ``multipart/form-data`` upload.

    Parsed by Oxigraph's parsers, whose errors name the line and column; blank
    nodes get fresh identifiers, so two uploads never share one by their labels.
    Relative IRIs resolve against ``base_iri`` (the graph's IRI).
    """
    media = (content_type or "text/turtle").split(";")[0].strip().lower()
    if media == MULTIPART:
        return {t for part_type, part in _form_files(body, content_type or "") for t in parse_graph(part, part_type, base_iri)}
    parser = RDF_PARSERS.get(media)
    if parser is None:
        known = ", ".join([*RDF_PARSERS, MULTIPART])
        raise QueryError(Errors.E002.format(kind="RDF media type", name=media, known=known))
    try:
        quads = ox.parse(body, parser, base_iri=base_iri, rename_blank_nodes=True, without_named_graphs=True)
        return {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in quads}
    except (SyntaxError, ValueError) as error:  # the parser's message names line and column
        raise QueryError(Errors.E082.format(media=media, error=error)) from None


def _form_files(body: bytes, content_type: str) -> list[tuple[str, bytes]]:
    """(media type, bytes) of each part of a multipart/form-data body, in order.

    A part without a Content-Type takes one from its file name's extension.
    """
    message = BytesParser(policy=policy.HTTP).parsebytes(b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
    if not message.is_multipart():
        raise QueryError(Errors.E082.format(media=MULTIPART, error="no parts (is the boundary right?)"))
    files = []
    for part in message.iter_parts():
        media = part.get("content-type")
        if media is None:
            suffix = PurePosixPath(part.get_filename() or "").suffix.lower()
            media = _BY_SUFFIX.get(suffix, "text/turtle")
        payload = part.get_payload(decode=True)
        files.append((str(media), payload if isinstance(payload, bytes) else b""))
    return files


_BY_SUFFIX = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
}


def put_graph(store, graph_iri: str, graph: Iterable[Triple], *, merge: bool = False) -> bool:
    """Replace (or, with ``merge``, add to) a named graph; True if it was new."""
    if graph_iri == STATISTICS_GRAPH:
        raise QueryError(Errors.E085.format(graph=STATISTICS_GRAPH))
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
