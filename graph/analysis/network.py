"""Who matters in the graph: centrality of officials and agencies, communities, closest pairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations

import networkx as nx

#: Kinds ranked by centrality and paired: officials and agencies.
ACTORS = ("person", "organization")
#: What two actors can share that says they work together (places and quotes say little).
SHARED_CONTEXT = ("meeting", "agreement", "program", "organization")
#: Exact betweenness up to this many nodes; above it, sampled (k pivots) to stay in seconds.
EXACT_BETWEENNESS_LIMIT = 3000
BETWEENNESS_SAMPLES = 300


@dataclass
class Ranked:
    iri: str
    name: str
    kind: str
    value: float
    links: int = 0


@dataclass
class Community:
    size: int
    members: list[str]  # names, best connected first


@dataclass
class Pair:
    a: str
    b: str
    a_iri: str
    b_iri: str
    strength: int  # direct links plus shared meetings, agreements, programmes and organisations
    via: list[str]


@dataclass
class NetworkStats:
    nodes: int = 0
    links: int = 0
    components: int = 0
    largest_component: int = 0
    degree: list[Ranked] = field(default_factory=list)
    betweenness: list[Ranked] = field(default_factory=list)
    betweenness_sampled: bool = False
    communities: list[Community] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def simple_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, one edge per linked pair, ``weight`` = how many relations link them."""
    out = nx.Graph()
    out.add_nodes_from(graph.nodes(data=True))
    for s, o in graph.edges():
        if out.has_edge(s, o):
            out[s][o]["weight"] += 1
        else:
            out.add_edge(s, o, weight=1)
    return out


def network_stats(graph: nx.MultiDiGraph, *, top: int = 10, seed: int = 1) -> NetworkStats:
    """Centrality, communities and the most connected pairs of an entity graph.

    Args:
        graph: from :func:`graph.analysis.load_entity_graph` (entity relations only:
            with ``rdf:type`` edges, classes would top every ranking).
        top: how many entries per ranking.
        seed: for sampled betweenness and Louvain, so runs repeat.
    """
    g = simple_graph(graph)
    stats = NetworkStats(nodes=g.number_of_nodes(), links=graph.number_of_edges())
    if not g.number_of_nodes():
        return stats
    components = list(nx.connected_components(g))
    stats.components = len(components)
    stats.largest_component = max(len(c) for c in components)
    actors = [n for n, d in g.nodes(data=True) if d.get("kind") in ACTORS]
    degree = nx.degree_centrality(g)
    stats.degree = _ranked(g, actors, degree, top)
    k = None if g.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT else BETWEENNESS_SAMPLES
    stats.betweenness_sampled = k is not None
    betweenness = nx.betweenness_centrality(g, k=k, seed=seed, normalized=True)
    stats.betweenness = _ranked(g, actors, betweenness, top)
    stats.communities = _communities(g, top, seed)
    stats.pairs = most_connected_pairs(g, top=top)
    return stats


def _ranked(g: nx.Graph, nodes, score: dict, top: int) -> list[Ranked]:
    order = sorted(nodes, key=lambda n: (-score[n], g.nodes[n].get("name", ""), str(n)))[:top]
    return [
        Ranked(str(n), g.nodes[n].get("name", str(n)), g.nodes[n].get("kind", ""), round(score[n], 4), g.degree(n))
        for n in order
        if score[n] > 0
    ]


def _communities(g: nx.Graph, top: int, seed: int) -> list[Community]:
    connected = g.subgraph(n for n in g if g.degree(n) > 0)
    if not connected.number_of_edges():
        return []
    try:
        groups = nx.community.louvain_communities(connected, weight="weight", seed=seed)
    except (AttributeError, NotImplementedError):  # older networkx: no Louvain
        groups = nx.community.greedy_modularity_communities(connected, weight="weight")
    groups = sorted(groups, key=lambda c: (-len(c), min(str(n) for n in c)))[:top]
    return [
        Community(
            len(c),
            [g.nodes[n].get("name", str(n)) for n in sorted(c, key=lambda n: (-g.degree(n), g.nodes[n].get("name", "")))[:8]],
        )
        for c in groups
    ]


def most_connected_pairs(g: nx.Graph, *, top: int = 10) -> list[Pair]:
    """Pairs of officials or agencies linked most often: directly, or through a shared meeting,
    agreement, programme or organisation."""
    strength: Counter = Counter()
    via: dict[tuple, list[str]] = defaultdict(list)
    for a, b, data in g.edges(data=True):
        if g.nodes[a].get("kind") in ACTORS and g.nodes[b].get("kind") in ACTORS:
            key = tuple(sorted((a, b), key=str))
            strength[key] += data.get("weight", 1)
            via[key].append("direct link")
    for hub, data in g.nodes(data=True):
        if data.get("kind") not in SHARED_CONTEXT:
            continue
        members = sorted((n for n in g[hub] if g.nodes[n].get("kind") in ACTORS), key=str)
        for a, b in combinations(members, 2):
            strength[(a, b)] += 1
            via[(a, b)].append(data.get("name", str(hub)))
    best = sorted(strength.items(), key=lambda item: (-item[1], str(item[0])))[:top]
    return [
        Pair(g.nodes[a].get("name", str(a)), g.nodes[b].get("name", str(b)), str(a), str(b), n, via[(a, b)][:5])
        for (a, b), n in best
    ]
