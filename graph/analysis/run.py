"""Store-level entry points: resolve the arguments, read only what is needed, analyse."""

from __future__ import annotations

from ..store import Store
from .entities import load_entity_graph
from .network import NetworkStats, network_stats
from .paths import Step, shortest_chains
from .resolve import resolve_entity
from .timeline import Event, timeline


def store_network_stats(store: Store, *, top: int = 10) -> NetworkStats:
    """:func:`network_stats` of the whole store's entity graph."""
    return network_stats(load_entity_graph(store), top=top)


def chains_between(store: Store, a: str, b: str, *, limit: int = 3) -> tuple[str, str, list[list[Step]]]:
    """The shortest chains linking the entities ``a`` and ``b`` name: ``(iri_a, iri_b, chains)``."""
    graph = load_entity_graph(store)
    iri_a, iri_b = resolve_entity(graph, a), resolve_entity(graph, b)
    return iri_a, iri_b, shortest_chains(graph, iri_a, iri_b, limit=limit)


def entity_timeline(store: Store, entity: str) -> tuple[str, str, list[Event]]:
    """``(iri, name, events)`` of the entity ``entity`` names; only its own links are read."""
    iri = resolve_entity(store, entity)
    graph = load_entity_graph(store, around={iri})
    return iri, graph.nodes[iri]["name"] if iri in graph else iri, timeline(graph, iri) if iri in graph else []
