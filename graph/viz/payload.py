"""The data a view page draws: nodes, edges, legend and drawing options, as plain JSON.

Everything a reader sees travels as data and is put on the page with
``textContent`` by the page's script, never as HTML, so a name or headline
holding ``<script>`` stays text.
"""

from __future__ import annotations

import math

import networkx as nx

from .layout import layout
from .style import style

#: Above this many nodes the page draws a precomputed layout with physics off
#: (measured in headless Chromium: see docs/viz.md, "How large a view stays usable").
PHYSICS_LIMIT = 500
#: Physics iterations allowed before the first frame of a small view (1,000 by default in vis).
STABILIZATION_ITERATIONS = 150
#: Longest node label drawn on the canvas; the full name is in the tooltip.
LABEL_CHARS = 40


def payload(
    graph: nx.MultiDiGraph,
    *,
    title: str,
    size_by: str = "mentions",
    subtitle: str = "",
    focus: str | None = None,
    base_iri: str | None = None,
) -> dict:
    """The page data for ``graph`` (an entity graph, or one built from triples).

    Args:
        graph: nodes with ``kind``, ``name``, ``aliases``, ``articles``... edges with ``label``.
        title: the page heading.
        size_by: ``mentions`` (articles naming the node) or ``degree`` (its links).
        subtitle: what the view shows (filters), printed under the title.
        focus: a node to select when the page opens (an ego view's centre).
        base_iri: shown IRIs drop this prefix.
    """
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    large = len(nodes) > PHYSICS_LIMIT
    positions = layout(graph) if nodes else {}
    degree = dict(graph.degree())
    kinds_present = []
    out_nodes = []
    for node in nodes:
        data = graph.nodes[node]
        kind = data.get("kind", "other")
        if kind not in kinds_present:
            kinds_present.append(kind)
        weight = len(data.get("articles", ())) if size_by == "mentions" else degree.get(node, 0)
        x, y = positions.get(node, (0.0, 0.0))
        out_nodes.append(
            {
                "id": index[node],
                "iri": _short(str(node), base_iri),
                "label": _clip(data.get("name") or str(node)),
                "kind": kind,
                "size": round(10 + 6 * math.log2(1 + max(weight, 0)), 1),
                "x": x,
                "y": y,
                "name": data.get("name") or str(node),
                "aliases": list(data.get("aliases", ())),
                "offices": list(data.get("offices", ())),
                "date": data.get("date", ""),
                "mentions": len(data.get("articles", ())),
                "links": degree.get(node, 0),
                "government": bool(data.get("government")),
                "properties": [list(p) for p in data.get("properties", ())],
                "evidence": [e.as_dict() for e in data.get("evidence", ())],
            }
        )
    out_edges = []
    for s, o, data in graph.edges(data=True):
        label = data.get("label", "")
        detail = data.get("detail", "")
        out_edges.append(
            {
                "from": index[s],
                "to": index[o],
                "label": f"{label} ({detail})" if detail else label,
                "relation": data.get("relation", ""),
                "evidence": [e.as_dict() for e in data.get("evidence", ())],
            }
        )
    order = list(_KIND_ORDER) + [k for k in kinds_present if k not in _KIND_ORDER]
    return {
        "title": title,
        "subtitle": subtitle,
        "nodes": out_nodes,
        "edges": out_edges,
        "legend": [
            {"kind": k, "label": style(k).label, "color": style(k).color, "glyph": style(k).glyph, "shape": style(k).shape}
            for k in order
            if k in kinds_present
        ],
        "physics": not large,
        "stabilization": STABILIZATION_ITERATIONS,
        "focus": index.get(focus) if focus is not None else None,
    }


_KIND_ORDER = ("person", "organization", "place", "meeting", "agreement", "program", "quote")


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "\u2026"


def _short(iri: str, base: str | None) -> str:
    return iri[len(base) :] if base and iri.startswith(base) and len(iri) > len(base) else iri
