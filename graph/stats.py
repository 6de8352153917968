"""Counts over the store: per class, per publisher, per month."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model.namespaces import sparql_prologue
from .store import Store

CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES ?class { schema:NewsArticle schema:Person org:Organization schema:Place org:Membership
                  warta:Meeting warta:Agreement warta:Program schema:Quotation }
  ?x a ?class .
} GROUP BY ?class ORDER BY DESC(?n)
"""

PUBLISHER_COUNTS = """
SELECT ?publisher (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:publisher/schema:name ?name }
  BIND(COALESCE(?name, "(unknown)") AS ?publisher)
} GROUP BY ?publisher ORDER BY DESC(?n) ?publisher
"""

MONTH_COUNTS = """
SELECT ?month (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:datePublished ?d }
  BIND(IF(BOUND(?d), SUBSTR(STR(?d), 1, 7), "(undated)") AS ?month)
} GROUP BY ?month ORDER BY ?month
"""


@dataclass
class StoreStats:
    quads: int = 0
    graphs: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    publishers: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)


def _local_name(iri: str) -> str:
    for prefix, short in (
        ("https://schema.org/", "schema:"),
        ("http://www.w3.org/ns/org#", "org:"),
        ("https://w3id.org/warta/ontology#", "warta:"),
    ):
        if iri.startswith(prefix):
            return short + iri[len(prefix) :]
    return iri


def store_stats(store: Store) -> StoreStats:
    def pairs(query: str) -> dict[str, int]:
        return {str(k): int(n or 0) for k, n in store.query(sparql_prologue() + query).rows}

    return StoreStats(
        quads=store.quad_count(),
        graphs=sum(1 for _ in store.named_graphs()),
        classes={_local_name(k): v for k, v in pairs(CLASS_COUNTS).items()},
        publishers=pairs(PUBLISHER_COUNTS),
        months=pairs(MONTH_COUNTS),
    )
