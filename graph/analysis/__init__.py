"""Network analysis of the entity graph: centrality, communities, chains, timelines.

Plain functions over a store (or a graph read from it), importable without
click; the CLI in :mod:`graph.cli.analysis` only parses options and prints.
"""

from __future__ import annotations

from .entities import KINDS, RELATION_LABELS, Evidence, StoredArticle, load_entity_graph
from .filters import ViewFilter, apply_filter, ego_nodes
from .network import NetworkStats, network_stats, simple_graph
from .paths import Step, shortest_chains
from .resolve import resolve_entity
from .timeline import Event, timeline

__all__ = [
    "KINDS",
    "RELATION_LABELS",
    "Event",
    "Evidence",
    "NetworkStats",
    "Step",
    "StoredArticle",
    "ViewFilter",
    "apply_filter",
    "ego_nodes",
    "load_entity_graph",
    "network_stats",
    "resolve_entity",
    "shortest_chains",
    "simple_graph",
    "timeline",
]
