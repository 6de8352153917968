"""Any set of RDF triples (a CONSTRUCT result) as a drawable graph.

IRIs and blank nodes become nodes, triples between them edges labelled with
the predicate's local name; names, labels and other literals go into the
tooltip. ``rdf:type`` only picks a node's colour: as an edge it would turn
each class into a hub.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

from ..analysis.entities import KIND_OF_CLASS
from ..model.namespaces import SCHEMA

NAME_PREDICATES = (SCHEMA.name, SKOS.prefLabel, RDFS.label, SCHEMA.headline, SCHEMA.text)
ALIAS_PREDICATES = (SKOS.altLabel, SCHEMA.alternateName)
_EXTRA_KINDS = {"https://schema.org/NewsArticle": "article"}
#: Literal properties shown per node in the tooltip.
MAX_PROPERTIES = 12


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
