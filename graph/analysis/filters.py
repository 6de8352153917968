"""Narrowing the entity graph: by node kind, article date and publisher, and around one entity."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..errors import Errors, WartaError
from ..resolve import fold
from .entities import KINDS


@dataclass(frozen=True)
class ViewFilter:
    """What part of the graph to keep.

    Args:
        types: node kinds to keep (``person``, ``organization``...); None keeps all.
        date_from: keep what articles published on or after this ISO date support.
        date_to: ... on or before this ISO date.
        publisher: keep what articles of this publisher support (case- and
            accent-insensitive substring of the publisher's name).
    """

    types: frozenset[str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    publisher: str | None = None

    def __post_init__(self):
        unknown = sorted(set(self.types or ()) - set(KINDS))
        if unknown:
            raise WartaError(Errors.E002.format(kind="node type", name=unknown[0], known=", ".join(KINDS)))

    @property
    def by_article(self) -> bool:
        return bool(self.date_from or self.date_to or self.publisher)

    def keeps_article(self, article) -> bool:
        date = article.date[:10]
        if self.date_from and (not date or date < self.date_from):
            return False
        if self.date_to and (not date or date > self.date_to):
            return False
        return not self.publisher or fold(self.publisher) in fold(article.publisher)


def parse_types(text: str | None) -> frozenset[str] | None:
    """``"person,organization"`` → a set of kinds (plural and ``org`` forms accepted); ``"all"`` → None."""
    if not text or text.strip().lower() == "all":
        return None
    aliases = {"org": "organization", "orgs": "organization", "programme": "program", "people": "person"}
    kinds = set()
    for part in text.split(","):
        part = part.strip().lower()
        if part:
            part = aliases.get(part, part)
            kinds.add(part[:-1] if part.endswith("s") and part[:-1] in KINDS else part)
    return frozenset(kinds)


def apply_filter(graph: nx.MultiDiGraph, view: ViewFilter) -> nx.MultiDiGraph:
    """A copy of ``graph`` holding only what ``view`` keeps; evidence is narrowed to kept articles."""
    articles = graph.graph.get("articles", {})
    allowed = {iri for iri, a in articles.items() if view.keeps_article(a)} if view.by_article else None
    out = nx.MultiDiGraph(**graph.graph)
    for node, data in graph.nodes(data=True):
        if view.types is None or data["kind"] in view.types:
            out.add_node(node, **_narrowed(data, allowed))
    for s, o, data in graph.edges(data=True):
        if s in out and o in out and (allowed is None or data["articles"] & allowed):
            out.add_edge(s, o, **_narrowed(data, allowed))
    if allowed is not None:
        idle = [n for n, d in out.nodes(data=True) if not d["articles"] and out.degree(n) == 0]
        out.remove_nodes_from(idle)
    return out


def _narrowed(data: dict, allowed: set[str] | None) -> dict:
    if allowed is None:
        return dict(data)
    copy = dict(data)
    copy["articles"] = data["articles"] & allowed
    copy["evidence"] = [e for e in data["evidence"] if e.article.iri in allowed]
    return copy


def ego_nodes(graph: nx.MultiDiGraph, center: str, hops: int) -> set[str]:
    """Nodes within ``hops`` links of ``center``, whatever the links' direction."""
    if center not in graph:
        return set()
    return set(nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, cutoff=max(hops, 0)))
