"""Plain-text reports of chains, timelines and network statistics, for the terminal."""

from __future__ import annotations

from .entities import Evidence
from .network import BETWEENNESS_SAMPLES, NetworkStats
from .paths import Step
from .timeline import Event


def _source(evidence: Evidence | None, indent: str) -> list[str]:
    if evidence is None:
        return []
    a = evidence.article
    lines = []
    if evidence.sentence:
        # Marked as an excerpt, not wrapped in quotation marks: the passage often has its own.
        lines.append(f"{indent}> {evidence.sentence}")
    meta = ", ".join(x for x in (a.publisher, a.date) if x)
    lines.append(f"{indent}— {a.title or a.identifier or a.iri}{f' ({meta})' if meta else ''} <{a.link}>")
    return lines


def chains_text(chains: list[list[Step]]) -> str:
    lines = []
    for number, chain in enumerate(chains, 1):
        lines.append(f"Chain {number} ({len(chain)} link{'s' if len(chain) != 1 else ''}):")
        for step in chain:
            lines.append(f"  {step.source} —{step.relation}→ {step.target}")
            lines.extend(_source(step.evidence[0] if step.evidence else None, "      "))
    return "\n".join(lines)


def timeline_text(name: str, events: list[Event]) -> str:
    lines = [f"Timeline of {name} ({len(events)} event{'s' if len(events) != 1 else ''}):"]
    for event in events:
        lines.append(f"  {event.date or 'undated':10}  {event.relation} {event.other}")
        lines.extend(_source(event.evidence, " " * 14))
    return "\n".join(lines)


def network_text(stats: NetworkStats) -> str:
    lines = [
        f"network: {stats.nodes} nodes, {stats.links} links, {stats.components} components (largest {stats.largest_component})"
    ]

    def ranking(title: str, rows, fmt: str) -> None:
        lines.append(title)
        width = max((len(r.name) for r in rows), default=0)
        lines.extend(f"  {r.name.ljust(width)}  {r.kind:<12} {format(r.value, fmt)}  ({r.links} links)" for r in rows)

    ranking("degree centrality (officials and agencies):", stats.degree, ".3f")
    sampled = f", sampled over {BETWEENNESS_SAMPLES} pivots" if stats.betweenness_sampled else ""
    ranking(f"betweenness centrality (officials and agencies{sampled}):", stats.betweenness, ".3f")
    lines.append("communities (Louvain), largest first:")
    lines.extend(f"  {c.size:>4}  {', '.join(c.members)}" for c in stats.communities)
    lines.append("most connected pairs (direct links + shared meetings, agreements, programmes, organisations):")
    lines.extend(f"  {p.strength:>3}  {p.a} — {p.b}  via {', '.join(p.via)}" for p in stats.pairs)
    return "\n".join(lines)
