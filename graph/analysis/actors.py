"""The network of officials and agencies: who works with whom, and who is central.

Two actors (persons and organisations) are linked when a relation joins them
(an office held), when they share a meeting, agreement or programme, or when
an article names both. Each kind of tie is counted separately so a view can
say *why* two actors are linked. Centrality is weighted PageRank, computed
here with numpy (networkx's own needs scipy, which Warta does not depend on).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
import numpy as np

from .network import ACTORS, SHARED_CONTEXT

#: How much one tie of each kind weighs: a shared office or meeting says more than a co-mention.
TIE_WEIGHTS = {
    "office": 3.0,
    "meeting": 2.0,
    "agreement": 2.0,
    "program": 2.0,
    "organization": 1.0,
    "direct": 2.0,
    "article": 0.5,
}
#: Articles naming more actors than this are lists (of attendees, of agencies): their co-mentions are skipped.
MAX_ACTORS_PER_ARTICLE = 40


@dataclass
class ActorNetwork:
    """The actor graph with scores: ``graph`` edges carry ``weight`` and ``ties`` (a Counter by kind)."""

    graph: nx.Graph
    centrality: dict = field(default_factory=dict)
    isolated: int = 0  # actors linked to no other actor


def actor_network(entities: nx.MultiDiGraph) -> ActorNetwork:
    """The weighted network of officials and agencies in an entity graph.

    Args:
        entities: from :func:`graph.analysis.load_entity_graph` (possibly filtered).
    """
    actors = {n for n, d in entities.nodes(data=True) if d.get("kind") in ACTORS}
    ties: dict[tuple, Counter] = defaultdict(Counter)
    for s, o, data in entities.edges(data=True):
        if s in actors and o in actors and s != o:
            kind = "office" if data.get("relation") == "office" else "direct"
            ties[_pair(s, o)][kind] += 1
    for hub, data in entities.nodes(data=True):
        kind = data.get("kind")
        if kind not in SHARED_CONTEXT:
            continue
        members = sorted({n for n in nx.all_neighbors(entities, hub) if n in actors and n != hub}, key=str)
        for a, b in combinations(members, 2):
            ties[(a, b)][kind] += 1
    by_article: dict[str, list] = defaultdict(list)
    for node in actors:
        for article in entities.nodes[node].get("articles", ()):
            by_article[article].append(node)
    for named in by_article.values():
        if len(named) <= MAX_ACTORS_PER_ARTICLE:
            for a, b in combinations(sorted(named, key=str), 2):
                ties[(a, b)]["article"] += 1
    graph = nx.Graph()
    for node in actors:
        graph.add_node(node, **entities.nodes[node])
    for (a, b), counts in ties.items():
        graph.add_edge(a, b, ties=counts, weight=sum(TIE_WEIGHTS[k] * n for k, n in counts.items()))
    isolated = sum(1 for n in graph if graph.degree(n) == 0)
    return ActorNetwork(graph, pagerank(graph), isolated)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if str(a) <= str(b) else (b, a)


def pagerank(graph: nx.Graph, *, damping: float = 0.85, iterations: int = 100, tol: float = 1e-9) -> dict:
    """Weighted PageRank by power iteration over a sparse edge list."""
    nodes = list(graph)
    n = len(nodes)
    if not n:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    rows, cols, weights = [], [], []
    for a, b, w in graph.edges(data="weight", default=1.0):
        for x, y in ((a, b), (b, a)):
            rows.append(index[x])
            cols.append(index[y])
            weights.append(w)
    src, dst, w = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(weights, dtype=float)
    strength = np.bincount(src, weights=w, minlength=n) if len(src) else np.zeros(n)
    dangling = strength == 0
    share = np.divide(w, strength[src], out=np.zeros_like(w), where=strength[src] > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        spread = np.bincount(dst, weights=rank[src] * share, minlength=n) if len(src) else np.zeros(n)
        new = (1 - damping) / n + damping * (spread + rank[dangling].sum() / n)
        if np.abs(new - rank).sum() < tol:
            rank = new
            break
        rank = new
    return {node: float(rank[index[node]]) for node in nodes}


def communities(graph: nx.Graph, *, seed: int = 1) -> list[set]:
    """Louvain communities of a weighted graph, largest first."""
    if not graph.number_of_edges():
        return [{n} for n in graph]
    groups = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return sorted(groups, key=lambda c: (-len(c), min(str(n) for n in c)))
