"""An entity's timeline: its meetings, offices, quotes, agreements and programmes in date order."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .entities import Evidence


@dataclass
class Event:
    date: str  # ISO date; "" when neither the fact nor its article is dated
    relation: str  # as seen from the entity: "attended", "holds office in (Wali Kota)", "said"...
    other: str  # the name at the other end
    other_iri: str
    other_kind: str
    evidence: Evidence | None = None

    def as_dict(self) -> dict:
        return {
            "date": self.date,
            "relation": self.relation,
            "other": self.other,
            "other_iri": self.other_iri,
            "other_kind": self.other_kind,
            "evidence": self.evidence.as_dict() if self.evidence else None,
        }


#: How an incoming relation reads from its target's side.
INVERSE = {
    "holds office in": "has office holder",
    "attended": "attended by",
    "party to": "has party",
    "provides": "provided by",
    "said": "said by",
    "held in": "place of",
    "about": "subject of",
    "part of": "has part",
    "located in": "contains",
}


def timeline(graph: nx.MultiDiGraph, entity: str) -> list[Event]:
    """Every link of ``entity``, once per article reporting it, oldest first (undated last).

    A meeting is dated by its own start date when known, anything else by its article.
    """
    events = []
    for source, target, data in list(graph.out_edges(entity, data=True)) + list(graph.in_edges(entity, data=True)):
        outgoing = source == entity
        other = target if outgoing else source
        label = data.get("label", "")
        relation = label if outgoing else INVERSE.get(label, f"{label} (by)")
        if data.get("detail"):
            relation += f" ({data['detail']})"
        info = graph.nodes[other]
        own_date = info.get("date", "") if info.get("kind") == "meeting" else ""
        for evidence in data.get("evidence") or [None]:
            date = own_date or (evidence.article.date if evidence else "")
            events.append(Event(date, relation, info.get("name", other), other, info.get("kind", ""), evidence))
    events.sort(key=lambda e: (e.date == "", e.date, e.relation, e.other))
    return _unique(events)


def _unique(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        key = (e.date, e.relation, e.other_iri, e.evidence.article.iri if e.evidence else "")
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
