"""SPARQL read by :mod:`graph.analysis.entities`.

``#RESTRICT`` marks where a ``VALUES`` clause narrows a query to some nodes.
Relation patterns bind ``?s ?o ?fact ?g ?detail``: source, target, the fact
node whose NIF phrases are the evidence (a membership, a meeting...), the
article graph asserting it and a detail such as the role held.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SAFE_IRI = re.compile(r"^[^\s<>\"{}|\\^`]+$")

ARTICLES = """
SELECT ?a ?id ?title ?url ?date ?publisher WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:identifier ?id }
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?a schema:publisher/schema:name ?publisher }
}
"""

NODES = """
SELECT ?x ?class ?name WHERE {
  #RESTRICT
  VALUES ?class { schema:Person schema:GovernmentOrganization org:Organization schema:Place
                  warta:Meeting warta:Agreement warta:Program schema:Quotation }
  ?x a ?class .
  OPTIONAL { ?x schema:name ?n }
  OPTIONAL { ?x schema:text ?t }
  BIND(COALESCE(?n, ?t) AS ?name)
}
"""

ALIASES = "SELECT ?x ?alias WHERE { #RESTRICT ?x skos:altLabel ?alias }"

# Where a node appears: the articles mentioning it (quotes belong to one article), and
# its own date when it has one (a meeting's start), else the article's.
MENTIONS = """
SELECT ?x ?a ?date WHERE {
  #RESTRICT
  { GRAPH ?a { ?a schema:mentions ?x } } UNION { GRAPH ?a { ?x schema:isPartOf ?a } }
  OPTIONAL { ?x schema:startDate ?start }
  OPTIONAL { ?a schema:datePublished ?published }
  BIND(COALESCE(?start, ?published) AS ?date)
}
"""

OFFICES = """
SELECT ?p ?role ?org ?acting ?form WHERE {
  #RESTRICT
  ?m org:member ?p ; org:role ?r .
  OPTIONAL { ?r rdfs:label ?written } OPTIONAL { ?r skos:prefLabel ?generic }
  BIND(COALESCE(?written, ?generic) AS ?role)
  FILTER(BOUND(?role))
  OPTIONAL { ?m org:organization/schema:name ?org }
  OPTIONAL { ?m warta:acting ?acting }
  OPTIONAL { ?m warta:actingForm ?form }
}
"""

PHRASES = """
SELECT ?target ?g ?ph ?sent ?begin ?text WHERE {
  #RESTRICT
  GRAPH ?g { ?ph itsrdf:taIdentRef ?target ; nif:sentence ?sent . ?sent nif:anchorOf ?text OPTIONAL { ?sent nif:beginIndex ?begin } }
}
"""

RELATIONS = {
    # The role as written (rdfs:label, "Kepala Bappeda Berau") reads better than the generic office.
    "office": "GRAPH ?g { ?fact org:member ?s ; org:organization ?o . OPTIONAL { ?fact org:role ?r } }"
    " OPTIONAL { ?r rdfs:label ?written } OPTIONAL { ?r skos:prefLabel ?generic }"
    " BIND(COALESCE(?written, ?generic) AS ?detail)",
    "attended": "GRAPH ?g { ?o schema:attendee ?s } BIND(?o AS ?fact)",
    "party": "GRAPH ?g { ?o warta:party ?s } BIND(?o AS ?fact)",
    "provides": "GRAPH ?g { ?o schema:provider ?s } BIND(?o AS ?fact)",
    "said": "GRAPH ?g { ?o schema:creator ?s } BIND(?o AS ?fact)",
    "held_in": "GRAPH ?g { ?s schema:location ?o } BIND(?s AS ?fact)",
    "about": "GRAPH ?g { ?s schema:about ?o ; a warta:Meeting } BIND(?s AS ?fact)",
    "part_of": "GRAPH ?g { ?s org:subOrganizationOf ?o }",
    "located_in": "GRAPH ?g { ?s schema:containedInPlace ?o }",
}


def values_clause(var: str, iris: Sequence[str]) -> str:
    """``VALUES ?var { <iri> ... }`` for IRIs read from the store; unsafe ones are dropped."""
    terms = " ".join(f"<{iri}>" for iri in iris if _SAFE_IRI.match(iri))
    return f"VALUES ?{var} {{ {terms} }} "
