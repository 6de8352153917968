"""Node positions computed in Python, so the browser need not simulate physics.

networkx's ``spring_layout`` needs scipy beyond 500 nodes (not a dependency
here) and its ``forceatlas2_layout`` took 295 s for 5,000 nodes on two cores,
so this is a small Fruchterman-Reingold of our own: repulsion is estimated
from a random sample of other nodes (O(n·s) per step instead of O(n²)), each
connected component is laid out alone and the components are packed in rows,
so isolated nodes do not drift off to the edge of the canvas.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

#: Pixels between two linked nodes, in vis-network coordinates.
EDGE_LENGTH = 110.0
#: Other nodes each node is repelled by per step; the estimate is scaled to all of them.
REPULSION_SAMPLE = 48


def layout(graph: nx.Graph, *, seed: int = 7) -> dict:
    """Positions ``{node: (x, y)}`` in pixels for every node of ``graph``."""
    undirected = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() else nx.Graph(graph)
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c))))
    rng = np.random.default_rng(seed)
    boxes = []
    for component in components:
        nodes = sorted(component, key=str)
        coords = _component_layout(undirected.subgraph(nodes), nodes, rng) * EDGE_LENGTH
        boxes.append((nodes, coords))
    return _pack(boxes)


def _component_layout(graph: nx.Graph, nodes: list, rng: np.random.Generator) -> np.ndarray:
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n <= 3:
        angles = np.arange(n) * 2 * math.pi / n
        return np.column_stack([np.cos(angles), np.sin(angles)]) * 0.8
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in graph.edges()], dtype=np.int64).reshape(-1, 2)
    side = math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    sample = min(REPULSION_SAMPLE, n - 1)
    scale = (n - 1) / sample
    steps = 80 if n < 2000 else 60
    temperature = side / 4
    for step in range(steps):
        others = rng.integers(0, n, size=(n, sample))
        delta = pos[:, None, :] - pos[others]
        dist2 = np.maximum((delta**2).sum(-1), 1e-4)
        # FR repulsion k²/d along the unit vector, i.e. delta / d² with k = 1.
        force = (delta / dist2[..., None]).sum(1) * scale
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            length = np.sqrt((d**2).sum(1))[:, None]
            pull = d * length  # FR attraction d²/k along the unit vector
            np.add.at(force, edges[:, 0], -pull)
            np.add.at(force, edges[:, 1], pull)
        force -= pos * 0.05  # mild gravity keeps sampled repulsion from scattering the fringe
        norm = np.maximum(np.sqrt((force**2).sum(1))[:, None], 1e-9)
        pos += force / norm * np.minimum(norm, temperature * (1 - step / steps) + 0.01)
    return pos - pos.mean(0)


def _pack(boxes: list[tuple[list, np.ndarray]]) -> dict:
    """Place components left to right in rows (largest first), in a roughly square area."""
    pad = EDGE_LENGTH
    sizes = [(c.max(0) - c.min(0)) + pad for _, c in boxes]
    row_width = max(math.sqrt(sum(w * h for w, h in sizes)) * 1.2, max(w for w, _ in sizes))
    positions, x, y, row_height = {}, 0.0, 0.0, 0.0
    for (nodes, coords), (w, h) in zip(boxes, sizes):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        origin = np.array([x, y]) - coords.min(0) + pad / 2
        for node, (px, py) in zip(nodes, coords + origin):
            positions[node] = (round(float(px), 1), round(float(py), 1))
        x += w
        row_height = max(row_height, h)
    return positions
