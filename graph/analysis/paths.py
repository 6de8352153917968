"""Shortest chains between two entities, each link with the article sentence behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice, pairwise

import networkx as nx

from ..errors import Errors, WartaError
from .entities import Evidence
from .network import simple_graph


@dataclass
class Step:
    """One link of a chain, read ``source relation target`` (``forward`` False: walked backwards)."""

    source: str
    source_iri: str
    relation: str
    target: str
    target_iri: str
    forward: bool
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "source_iri": self.source_iri,
            "relation": self.relation,
            "target": self.target,
            "target_iri": self.target_iri,
            "forward": self.forward,
            "evidence": [e.as_dict() for e in self.evidence],
        }


def shortest_chains(graph: nx.MultiDiGraph, a: str, b: str, *, limit: int = 3) -> list[list[Step]]:
    """Up to ``limit`` shortest chains linking nodes ``a`` and ``b``, links in any direction.

    Raises:
        WartaError: nothing links them.
    """
    g = simple_graph(graph)
    try:
        paths = list(islice(nx.all_shortest_paths(g, a, b), limit))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        raise WartaError(Errors.E062.format(a=_name(graph, a), b=_name(graph, b))) from None
    return [[_step(graph, u, v) for u, v in pairwise(path)] for path in paths]


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node].get("name", node) if node in graph else node


def _step(graph: nx.MultiDiGraph, u: str, v: str) -> Step:
    # Of the relations between u and v, show the best supported one, in its own direction.
    options = [(data, True) for data in (graph.get_edge_data(u, v) or {}).values()]
    options += [(data, False) for data in (graph.get_edge_data(v, u) or {}).values()]
    data, forward = max(options, key=lambda item: (len(item[0].get("evidence", ())), item[1]))
    source, target = (u, v) if forward else (v, u)
    relation = data.get("label", "")
    if data.get("detail"):
        relation += f" ({data['detail']})"
    return Step(_name(graph, source), source, relation, _name(graph, target), target, forward, list(data.get("evidence", ())))
