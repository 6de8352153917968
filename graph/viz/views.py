"""Which part of the graph a view shows: the whole, an ego network, a query's nodes, filtered."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from rdflib import URIRef

from ..analysis.entities import load_entity_graph
from ..analysis.filters import ViewFilter, apply_filter, ego_nodes, parse_types
from ..analysis.resolve import resolve_entity
from ..errors import Errors, WartaError
from ..model.namespaces import sparql_prologue
from ..store import Store
from .overview import render_overview
from .page import page
from .payload import payload
from .triples import triples_graph, with_names_from


def render_view(
    store: Store,
    *,
    entity: str | None = None,
    hops: int = 2,
    query: str | None = None,
    types: str | Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    publisher: str | None = None,
    base_iri: str | None = None,
    title: str | None = None,
    size_by: str = "mentions",
    overview: bool | None = None,
) -> str:
    """A complete, self-contained HTML page drawing part of the store's entity graph.

    Args:
        store: the store to read.
        entity: centre of an ego view: a name, alias or IRI (or an IRI relative to ``base_iri``).
            With no entity, query or types, the page is the overview (:func:`render_overview`).
        hops: how many links away from ``entity`` to go.
        query: SPARQL text: a CONSTRUCT/DESCRIBE is drawn as is; a SELECT's IRI values
            pick the nodes shown (with the links among them).
        types: node kinds to keep, as ``"person,organization"`` or an iterable.
        date_from: keep what articles published on or after this ISO date support.
        date_to: keep what articles published on or before this ISO date support.
        publisher: keep what this publisher's articles support (part of its name).
        base_iri: the base Warta minted IRIs under; shown IRIs are relative to it.
        title: the page heading; a description of the view by default.
        size_by: node size by ``mentions`` (articles) or ``degree`` (links).
        overview: draw the overview of officials and agencies; by default, when no
            entity, query or types are given. ``types="all"`` draws every node instead.

    Raises:
        WartaError: the entity is unknown or ambiguous, or the query is not drawable.
    """
    if overview or (overview is None and not entity and not query and not types):
        # The whole corpus: the overview of officials and agencies, not every node at once.
        return render_overview(store, date_from=date_from, date_to=date_to, publisher=publisher, base_iri=base_iri, title=title)
    view = ViewFilter(types=_types(types), date_from=date_from or None, date_to=date_to or None, publisher=publisher or None)
    if query and _kind(store, query) != "SELECT":
        triples = _construct(store, query)
        return render_triples(triples, title=title or "Query result", base_iri=base_iri, store=store)
    focus = None
    if entity:
        focus = _resolve(store, entity, base_iri)
        # Read only the neighbourhood: hop by hop, so a large store is not read whole.
        graph = _neighbourhood(store, focus, hops)
    else:
        graph = load_entity_graph(store)
    graph = apply_filter(graph, view)
    if focus is not None:
        graph = graph.subgraph(ego_nodes(graph, focus, hops) or {focus} & set(graph)).copy()
    if query:
        graph = graph.subgraph(_selected(store, query)).copy()
    subtitle = _describe(graph, focus, hops, view, query)
    heading = title or (f"{graph.nodes[focus]['name']} and links" if focus in graph else "Warta graph view")
    return page(payload(graph, title=heading, subtitle=subtitle, size_by=size_by, focus=focus, base_iri=base_iri))


def render_triples(
    triples: Iterable[tuple], *, title: str = "Query result", base_iri: str | None = None, store: Store | None = None
) -> str:
    """A complete HTML page drawing arbitrary triples (CONSTRUCT results, as rdflib terms).

    With ``store``, nodes the triples leave unnamed are labelled from it (bounded, see
    :func:`graph.viz.triples.with_names_from`).
    """
    if store is not None:
        triples = with_names_from(store, triples)
    graph = triples_graph(triples)
    subtitle = f"{graph.number_of_nodes()} nodes and {graph.number_of_edges()} links from the query's triples"
    return page(payload(graph, title=title, subtitle=subtitle, size_by="degree", base_iri=base_iri))


#: Predicates left out of a resource's neighbourhood: NIF text structure and bookkeeping, not facts.
_NOT_DRAWN = (
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/ns/its/rdf#",
)
_AROUND = """
CONSTRUCT { ?e ?p ?o . ?o ?label ?ol . ?o a ?ot . ?s ?q ?e . ?s ?label ?sl . ?s a ?st . ?e ?label ?el . ?e a ?et }
WHERE {
  VALUES ?label { schema:name schema:headline skos:prefLabel rdfs:label }
  { ?e ?p ?o FILTER(isIRI(?o) && ?p != rdf:type) OPTIONAL { ?o ?label ?ol } OPTIONAL { ?o a ?ot } }
  UNION { ?s ?q ?e OPTIONAL { ?s ?label ?sl } OPTIONAL { ?s a ?st } }
  UNION { ?e ?label ?el } UNION { ?e a ?et }
}"""
_ARTICLE_NODES = "SELECT ?x WHERE { { ?e schema:mentions ?x } UNION { ?x schema:isPartOf ?e } }"


def render_resource(store: Store, iri: str, *, base_iri: str | None = None) -> str:
    """A page for any resource that is not itself an entity-graph node.

    An article is drawn as the entity graph of what it mentions (its facts);
    anything else (an office held, a role, a publisher) with the resources one
    link away, labelled by name. Raises WartaError when the store has nothing on it.
    """
    node = URIRef(iri)
    mentioned = {str(r[0]) for r in store.query(sparql_prologue() + _ARTICLE_NODES, bindings={"e": node}).rows}
    if mentioned:
        graph = load_entity_graph(store, around=mentioned)
        graph = graph.subgraph(mentioned & set(graph)).copy()
        headline = next(
            (
                str(r[0])
                for r in store.query(sparql_prologue() + "SELECT ?h WHERE { ?e schema:headline ?h }", bindings={"e": node}).rows
            ),
            None,
        )
        subtitle = f"what the article mentions: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} links"
        return page(payload(graph, title=headline or "Article", subtitle=subtitle, base_iri=base_iri))
    triples = [
        t for t in store.query(sparql_prologue() + _AROUND, bindings={"e": node}).triples if not str(t[1]).startswith(_NOT_DRAWN)
    ]
    if not triples:
        raise WartaError(Errors.E042.format(iri=iri))
    graph = triples_graph(triples)
    title = graph.nodes[iri]["name"] if iri in graph else iri
    subtitle = f"{graph.number_of_nodes()} nodes and {graph.number_of_edges()} links one step from it"
    return page(payload(graph, title=title, subtitle=subtitle, size_by="degree", focus=iri, base_iri=base_iri))


def write_view(store: Store, path: str | Path, **options) -> Path:
    """Write :func:`render_view` output to ``path`` (parents created); returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_view(store, **options), encoding="utf-8")
    return target


def _types(types) -> frozenset[str] | None:
    if types is None or isinstance(types, str):
        return parse_types(types)
    return parse_types(",".join(types))


def _resolve(store: Store, entity: str, base_iri: str | None) -> str:
    if base_iri and not entity.startswith(("http://", "https://", "urn:")) and "/" in entity:
        try:
            return resolve_entity(store, base_iri + entity)
        except WartaError:
            pass
    return resolve_entity(store, entity)


def _neighbourhood(store: Store, center: str, hops: int) -> nx.MultiDiGraph:
    seen = {center}
    frontier = {center}
    graph = load_entity_graph(store, around=seen)
    for _ in range(max(hops, 0)):
        frontier = set(graph.nodes) - seen
        if not frontier:
            break
        seen |= frontier
        graph = load_entity_graph(store, around=seen)
    return graph


def _kind(store: Store, query: str) -> str:
    # Cheap: run it and look at what came back; a syntax error surfaces as QueryError.
    result = store.query(_with_prologue(query), max_rows=0)
    if result.kind in ("ASK",):
        raise WartaError(Errors.E063.format(kind=result.kind))
    return result.kind


def _construct(store: Store, query: str):
    return store.query(_with_prologue(query)).triples


def _selected(store: Store, query: str) -> set[str]:
    result = store.query(_with_prologue(query))
    return {str(value) for row in result.rows for value in row if isinstance(value, URIRef)}


def _with_prologue(query: str) -> str:
    # Redeclaring a prefix is allowed, so the contract prefixes can always go first.
    return sparql_prologue() + query


def _describe(graph: nx.MultiDiGraph, focus, hops: int, view: ViewFilter, query) -> str:
    parts = []
    if focus in graph:
        parts.append(f"within {hops} link{'s' if hops != 1 else ''} of {graph.nodes[focus]['name']}")
    if query:
        parts.append("nodes named by a query")
    if view.types:
        parts.append("only " + ", ".join(sorted(view.types)))
    if view.date_from or view.date_to:
        parts.append(f"articles dated {view.date_from or '…'} to {view.date_to or '…'}")
    if view.publisher:
        parts.append(f"published by {view.publisher}")
    counts = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} links"
    return "; ".join([*parts, counts])
