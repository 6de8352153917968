"""Finding entities by name or alias, ignoring case and accents.

Runs in query workers: each builds an index of every ``schema:name`` and
``skos:altLabel`` once per store snapshot (cached on the job context), then
answers searches from memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.namespaces import sparql_prologue
from ..resolve import fold
from .jobs import Context

LABELS = (
    sparql_prologue()
    + """
SELECT ?entity ?label ?name ?type WHERE {
  { ?entity schema:name ?label } UNION { ?entity skos:altLabel ?label }
  ?entity schema:name ?name .
  OPTIONAL { ?entity a ?type .
             FILTER(?type IN (schema:Person, org:Organization, schema:Place, warta:Meeting,
                              warta:Agreement, warta:Program, schema:NewsArticle)) }
}"""
)

_TYPE_NAMES = {
    "https://schema.org/Person": "person",
    "http://www.w3.org/ns/org#Organization": "organization",
    "https://schema.org/Place": "place",
    "https://w3id.org/warta/ontology#Meeting": "meeting",
    "https://w3id.org/warta/ontology#Agreement": "agreement",
    "https://w3id.org/warta/ontology#Program": "program",
}


@dataclass
class Hit:
    iri: str
    name: str
    kind: str
    matched: str  # the label that matched (the name or an alias)
    score: int


def _index(context: Context) -> dict[str, dict]:
    index = context.cache.get("search")
    if index is None:
        index = {}
        for entity, label, name, rdf_type in context.store.query(LABELS).rows:
            entry = index.setdefault(str(entity), {"name": str(name), "kind": "", "labels": set()})
            entry["labels"].add(str(label))
            kind = _TYPE_NAMES.get(str(rdf_type)) if rdf_type is not None else None
            if kind:
                entry["kind"] = kind
        for entry in index.values():
            entry["folded"] = [(fold(label), label) for label in sorted(entry["labels"])]
        context.cache["search"] = index
    return index


def _score(query: str, words: list[str], label: str) -> int:
    if label == query:
        return 100
    if label.startswith(query):
        return 80
    if query in label:
        return 60
    if all(w in label for w in words):
        return 40
    return 0


def search(context: Context, text: str, limit: int = 50) -> list[Hit]:
    """Entities whose name or alias contains ``text`` (all its words), best first."""
    query = fold(text)
    if not query:
        return []
    words = query.split()
    hits = []
    for iri, entry in _index(context).items():
        best, matched = 0, ""
        for folded, label in entry["folded"]:
            score = _score(query, words, folded)
            if score > best:
                best, matched = score, label
        if best:
            hits.append(Hit(iri, entry["name"], entry["kind"], matched, best))
    hits.sort(key=lambda h: (-h.score, len(h.name), h.name))
    return hits[:limit]
