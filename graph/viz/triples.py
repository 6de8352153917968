"""Any set of RDF triples (a CONSTRUCT result) as a drawable graph.

IRIs and blank nodes become nodes, triples between them edges labelled with
the predicate's local name; names, labels and other literals go into the
tooltip. ``rdf:type`` only picks a node's colour: as an edge it would turn
each class into a hub. A result often holds no names at all (``CONSTRUCT { ?a
schema:mentions ?b }``): :func:`with_names_from` looks them up in the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ..analysis.entities import KIND_OF_CLASS
from ..model.namespaces import SCHEMA
from ..store import Store

NAME_PREDICATES = (SCHEMA.name, SKOS.prefLabel, RDFS.label, SCHEMA.headline, SCHEMA.text)
ALIAS_PREDICATES = (SKOS.altLabel, SCHEMA.alternateName)
_EXTRA_KINDS = {"https://schema.org/NewsArticle": "article"}
#: Literal properties shown per node in the tooltip.
MAX_PROPERTIES = 12


#: Nodes of one result whose names are looked up at most; the rest keep their IRI's tail.
MAX_LOOKUP = 2_000
#: IRIs per look-up query, so each stays short.
LOOKUP_CHUNK = 250
_LOOKUP = (
    "SELECT ?e ?p ?v WHERE { VALUES ?p { "
    + " ".join(p.n3() for p in (*NAME_PREDICATES, RDF.type))
    + " } VALUES ?e { %s } ?e ?p ?v }"
)
#: Characters that cannot appear in an IRI written between angle brackets.
_NOT_IN_IRI = frozenset('<>" {}|\\^`')


def local_name(iri: str) -> str:
    """The readable tail of an IRI: ``https://schema.org/attendee`` → ``attendee``."""
    tail = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return tail or iri


def triples_graph(triples: Iterable[tuple]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    literal_props: dict[str, list[tuple[str, str]]] = {}
    aliases: dict[str, list[str]] = {}
    links = []
    for s, p, o in triples:
        s_key = str(s)
        graph.add_node(s_key)
        if p == RDF.type:
            kind = KIND_OF_CLASS.get(str(o)) or _EXTRA_KINDS.get(str(o))
            if kind and s_key not in kinds:
                kinds[s_key] = kind
        elif isinstance(o, Literal):
            if p in NAME_PREDICATES and s_key not in names:
                names[s_key] = str(o)
            elif p in ALIAS_PREDICATES:
                aliases.setdefault(s_key, []).append(str(o))
            else:
                literal_props.setdefault(s_key, []).append((local_name(str(p)), str(o)))
        else:
            links.append((s_key, str(p), str(o)))
    for s, p, o in links:
        if s != o:
            graph.add_edge(s, o, label=local_name(p), relation=p, evidence=[])
    for node in graph.nodes:
        data = graph.nodes[node]
        data.update(
            kind=kinds.get(node, "other"),
            name=names.get(node, local_name(node)),
            aliases=sorted(set(aliases.get(node, []))),
            properties=literal_props.get(node, [])[:MAX_PROPERTIES],
            articles=set(),
            evidence=[],
        )
    return graph


def _drawn_nodes(triples: list[tuple]) -> list:
    """The IRIs :func:`triples_graph` draws as nodes, in first-seen order."""
    seen: dict = {}
    for s, p, o in triples:
        seen.setdefault(s, None)
        if p != RDF.type and not isinstance(o, Literal):
            seen.setdefault(o, None)
    return [node for node in seen if isinstance(node, URIRef)]


def with_names_from(store: Store, triples: Iterable[tuple], *, limit: int = MAX_LOOKUP) -> list[tuple]:
    """``triples`` followed by the names and types ``store`` holds for the nodes they leave unnamed.

    Bounded: at most ``limit`` nodes are looked up, :data:`LOOKUP_CHUNK` to a
    query, each answer capped; the result's own names always come first, so a
    name the query chose wins over the stored one.
    """
    triples = list(triples)
    named = {s for s, p, o in triples if p in NAME_PREDICATES and isinstance(o, Literal)}
    unnamed = [n for n in _drawn_nodes(triples) if n not in named and not _NOT_IN_IRI.intersection(n)][:limit]
    found: list[tuple] = []
    for start in range(0, len(unnamed), LOOKUP_CHUNK):
        chunk = unnamed[start : start + LOOKUP_CHUNK]
        result = store.query(_LOOKUP % " ".join(f"<{iri}>" for iri in chunk), max_rows=len(chunk) * 12)
        found += [row for row in result.rows if (row[1] == RDF.type) != isinstance(row[2], Literal)]
    # schema:name first, then the other name properties, as NAME_PREDICATES orders them
    rank = {p: i for i, p in enumerate(NAME_PREDICATES)}
    found.sort(key=lambda row: rank.get(row[1], len(rank)))
    return triples + [tuple(row) for row in found]
