"""The corpus overview: the most central officials and agencies, grouped into communities.

What a first-time viewer wants from a whole corpus is who matters and who
works with whom, not every quote and place (a 3,000-node hairball). So the
overview draws only persons and organisations, linked by shared offices,
meetings, agreements, programmes and co-mentions (graph.analysis.actors),
keeps the top N by weighted PageRank, colours communities and names each by
its most central member, and labels only the largest nodes. The rest stays one
click away: each drawn node carries its other neighbours (meetings, quotes,
places...) which the page adds around it when clicked.
"""

from __future__ import annotations

import math

import networkx as nx

from ..analysis.actors import actor_network, communities
from ..analysis.entities import RELATION_LABELS, load_entity_graph
from ..analysis.filters import ViewFilter, apply_filter
from ..store import Store
from .page import page
from .payload import _clip, _short, payload
from .style import style

#: Officials and agencies drawn by default.
DEFAULT_TOP = 300
#: Nodes whose name may be written on the canvas, most central first; the page writes as many of
#: them as fit its canvas without overlap (static/labels.js), the rest show it on hover.
LABELLED = 40
#: Ties drawn per actor at most, its strongest (see strongest_ties).
TIES_PER_NODE = 8
#: Neighbours a click can add around one node.
EXPAND_LIMIT = 30
#: Community colours (Okabe-Ito and Tol's muted, told apart in colour-blind simulation); smaller groups are grey.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#882255",
    "#117733",
    "#999933",
    "#332288",
    "#AA4499",
    "#44AA99",
)
OTHER_COLOR = "#B8B8B8"
#: Neighbour kinds a click adds, most telling first.
_EXPAND_ORDER = {"meeting": 0, "agreement": 1, "program": 2, "organization": 3, "person": 4, "quote": 5, "place": 6}
_TIE_WORDS = {
    "office": ("office", "offices"),
    "meeting": ("shared meeting", "shared meetings"),
    "agreement": ("shared agreement", "shared agreements"),
    "program": ("shared programme", "shared programmes"),
    "organization": ("shared organisation", "shared organisations"),
    "direct": ("direct link", "direct links"),
    "article": ("article naming both", "articles naming both"),
}


def render_overview(
    store: Store,
    *,
    top: int = DEFAULT_TOP,
    date_from: str | None = None,
    date_to: str | None = None,
    publisher: str | None = None,
    base_iri: str | None = None,
    title: str | None = None,
) -> str:
    """The overview page (see the module docstring) of ``store``, optionally narrowed to dates and a publisher."""
    view = ViewFilter(date_from=date_from or None, date_to=date_to or None, publisher=publisher or None)
    entities = apply_filter(load_entity_graph(store), view)
    return page(overview_payload(entities, top=top, base_iri=base_iri, title=title, view=view))


def overview_payload(
    entities: nx.MultiDiGraph,
    *,
    top: int = DEFAULT_TOP,
    base_iri: str | None = None,
    title: str | None = None,
    view: ViewFilter | None = None,
) -> dict:
    net = actor_network(entities)
    score = net.centrality
    linked = [n for n in net.graph if net.graph.degree(n) > 0]
    ranked = sorted(linked, key=lambda n: (-score[n], entities.nodes[n].get("name", ""), str(n)))[: max(top, 1)]
    shown = net.graph.subgraph(ranked)
    # A node whose partners all fell below the cut would float alone: leave it out too.
    kept = [n for n in ranked if shown.degree(n) > 0]
    shown = net.graph.subgraph(kept)
    groups = communities(shown)
    community = {n: i for i, group in enumerate(groups) for n in group}

    drawn = nx.MultiDiGraph(articles=entities.graph.get("articles", {}))
    # Least central first: vis draws in this order, so the named hubs and their names end up on top.
    for n in reversed(kept):
        drawn.add_node(n, **entities.nodes[n])
    ties = strongest_ties(shown, TIES_PER_NODE)
    for a, b, _ in ties:
        drawn.add_edge(a, b, label="", detail="", relation="tie", evidence=[])
    data = payload(drawn, title=title or "Who works with whom", subtitle="", base_iri=base_iri)
    index = {n: i for i, n in enumerate(drawn.nodes)}
    best = max((score[n] for n in kept), default=1.0) or 1.0
    heads = [max(g, key=lambda n: score[n]) for g in groups]
    # Each group's head may be named too: the legend names groups by them.
    named = set(sorted(kept, key=lambda n: -score[n])[:LABELLED]) | {h for h, g in zip(heads, groups) if len(g) > 1}
    for n, node in zip(drawn.nodes, data["nodes"]):
        group = community[n]
        node["community"] = group
        node["color"] = PALETTE[group] if group < len(PALETTE) and len(groups[group]) > 1 else OTHER_COLOR
        node["size"] = round(8 + 34 * math.sqrt(score[n] / best), 1)
        node["centrality"] = round(score[n], 5)
        if n not in named:
            node["label"] = ""  # the page names as many of the others as its canvas holds (labels.js)
    for edge, (_a, _b, tie) in zip(data["edges"], ties):
        edge["label"] = ""
        edge["title"] = describe_ties(tie["ties"])
        edge["width"] = round(1 + math.log2(1 + tie["weight"]) / 2, 2)
        edge["undirected"] = True
    data["physics"] = len(kept) <= 500
    data["overview"] = {
        "communities": [
            {
                "id": i,
                "name": _clip(entities.nodes[heads[i]].get("name", "")),
                "head": index[heads[i]],
                "size": len(g),
                "color": PALETTE[i] if i < len(PALETTE) and len(g) > 1 else OTHER_COLOR,
            }
            for i, g in enumerate(groups)
        ],
        "linked": len(linked),
        "isolated": net.isolated,
        "dropped": len(ranked) - len(kept),
        "expand": _expansion(entities, kept, index, base_iri),
    }
    data["subtitle"] = _subtitle(len(kept), len(linked), view, len(ties) < shown.number_of_edges())
    data["legend"] = [entry for entry in data["legend"] if entry["kind"] in ("person", "organization")]
    return data


def describe_ties(ties) -> str:
    """``Counter({'meeting': 2, 'article': 5})`` → "2 shared meetings, 5 articles naming both"."""
    parts = []
    for kind in ("office", "meeting", "agreement", "program", "organization", "direct", "article"):
        n = ties.get(kind, 0)
        if n:
            one, many = _TIE_WORDS[kind]
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def _expansion(entities: nx.MultiDiGraph, kept: list, index: dict, base_iri: str | None) -> dict:
    """For each drawn node, the neighbours a click adds: ``{"nodes": [...], "edges": [...], "of": {id: [ids]}}``."""
    extra: dict[str, int] = {}
    nodes, edges, of = [], [], {}
    next_id = len(index)
    for n in kept:
        around: dict[str, tuple[str, str, dict]] = {}
        for s, o, data in list(entities.out_edges(n, data=True)) + list(entities.in_edges(n, data=True)):
            other = o if s == n else s
            if other == n:
                continue
            around.setdefault(other, (s, o, data))
        order = sorted(
            around, key=lambda x: (_EXPAND_ORDER.get(entities.nodes[x].get("kind"), 9), entities.nodes[x].get("date", ""), str(x))
        )[:EXPAND_LIMIT]
        ids = []
        for other in order:
            if other in index:
                target = index[other]
            else:
                if other not in extra:
                    extra[other] = next_id
                    next_id += 1
                    d = entities.nodes[other]
                    nodes.append(
                        {
                            "id": extra[other],
                            "iri": _short(str(other), base_iri),
                            "label": _clip(d.get("name") or str(other)),
                            "name": d.get("name") or str(other),
                            "kind": d.get("kind", "other"),
                            "date": d.get("date", ""),
                            "size": 9,
                            "aliases": [],
                            "offices": list(d.get("offices", ()))[:5],
                            "mentions": len(d.get("articles", ())),
                            "links": entities.degree(other),
                            "government": bool(d.get("government")),
                            "properties": [],
                            "evidence": [e.as_dict() for e in d.get("evidence", ())[:2]],
                            "color": style(d.get("kind", "other")).color,
                        }
                    )
                target = extra[other]
            s, o, data = around[other]
            label = data.get("label") or RELATION_LABELS.get(data.get("relation", ""), "")
            detail = data.get("detail", "")
            edges.append(
                {
                    "from": index.get(s, extra.get(s)),
                    "to": index.get(o, extra.get(o)),
                    "label": f"{label} ({detail})" if detail else label,
                    "relation": data.get("relation", ""),
                    "evidence": [e.as_dict() for e in data.get("evidence", ())[:2]],
                }
            )
            ids.append(target)
        of[index[n]] = ids
    return {"nodes": nodes, "edges": edges, "of": of}


def strongest_ties(graph: nx.Graph, per_node: int) -> list[tuple]:
    """The ties among each node's ``per_node`` strongest (by weight), in the graph's edge order.

    Where nearly everyone is named beside everyone (10,000 generated articles: 34,001 ties among
    300 actors), drawing every tie hides who works with whom; the communities and centrality
    are still computed on all of them.
    """
    keep: set[frozenset] = set()
    for node in graph:
        edges = sorted(graph.edges(node, data="weight"), key=lambda e: (-e[2], str(e[1])))[:per_node]
        keep.update(frozenset((a, b)) for a, b, _ in edges)
    return [(a, b, d) for a, b, d in graph.edges(data=True) if frozenset((a, b)) in keep]


def _subtitle(shown: int, linked: int, view: ViewFilter | None, thinned: bool = False) -> str:
    parts = [
        f"the {shown} most central officials and agencies of {linked} linked to others"
        if shown < linked
        else f"all {shown} officials and agencies linked to others"
    ]
    if view is not None:
        if view.date_from or view.date_to:
            parts.append(f"articles dated {view.date_from or '…'} to {view.date_to or '…'}")
        if view.publisher:
            parts.append(f"published by {view.publisher}")
    parts.append("links: shared offices, meetings, agreements and articles")
    if thinned:
        parts.append(f"each actor's {TIES_PER_NODE} strongest drawn")
    return "; ".join(parts)
