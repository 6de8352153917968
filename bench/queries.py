"""The six typical questions, as researchers ask them (over the deduplicated union, no GRAPH).

``{person}`` and ``{org}`` are filled with the most-mentioned person and
organisation of the corpus: the worst case, since Zipf makes them far more
connected than the rest.
"""

PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX warta: <https://w3id.org/warta/ontology#>
"""

QUERIES = {
    "a_meetings_of_person": """SELECT ?meeting ?title ?date WHERE {
  ?person schema:name "{person}" .
  ?meeting a warta:Meeting ; schema:attendee ?person ; schema:name ?title .
  OPTIONAL { ?meeting schema:startDate ?date }
} ORDER BY DESC(?date)""",
    # (b) and (c) read the statistics graph (graph/store/statistics.py); RECOMPUTED has them as
    # aggregates over every article, the way they were asked before it existed.
    "b_top_orgs_by_articles": """SELECT ?org ?name ?articles WHERE {
  { SELECT ?org ?articles WHERE { GRAPH <https://w3id.org/warta/statistics> { ?org warta:articleCount ?articles }
                                  ?org a org:Organization } ORDER BY DESC(?articles) LIMIT 20 }
  ?org schema:name ?name .
} ORDER BY DESC(?articles)""",
    "c_coattending_org_pairs": """SELECT ?a ?b ?meetings WHERE {
  { SELECT ?pair ?meetings WHERE { GRAPH <https://w3id.org/warta/statistics> { ?pair warta:organizationCoAttendance ?meetings } }
    ORDER BY DESC(?meetings) LIMIT 20 }
  GRAPH <https://w3id.org/warta/statistics> { ?pair warta:pairFirst ?a ; warta:pairSecond ?b }
} ORDER BY DESC(?meetings)""",
    "d_offices_in_org": """SELECT ?person ?name ?role ?acting WHERE {
  ?org schema:name "{org}" .
  ?membership org:organization ?org ; org:member ?person ; org:role ?r .
  ?r skos:prefLabel ?role .
  ?person schema:name ?name .
  OPTIONAL { ?membership warta:acting ?acting }
} ORDER BY ?name""",
    "e_two_hop_person_links": """SELECT DISTINCT ?other ?name WHERE {
  ?person schema:name "{person}" .
  { ?meeting schema:attendee ?person, ?other . }
  UNION
  { ?person org:hasMembership/org:organization ?o . ?other org:hasMembership/org:organization ?o . }
  ?other a schema:Person ; schema:name ?name .
  FILTER (?other != ?person)
}""",
    "f_name_search": """SELECT ?entity ?name WHERE {
  { ?entity schema:name ?name } UNION { ?entity skos:altLabel ?name }
  FILTER (CONTAINS(LCASE(?name), "{needle}"))
}""",
}

RECOMPUTED = {
    "b_top_orgs_by_articles": """SELECT ?org ?name (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?article a schema:NewsArticle ; schema:mentions ?org .
  ?org a org:Organization ; schema:name ?name .
} GROUP BY ?org ?name ORDER BY DESC(?articles) LIMIT 20""",
    "c_coattending_org_pairs": """SELECT ?a ?b (COUNT(DISTINCT ?meeting) AS ?meetings) WHERE {
  ?meeting a warta:Meeting ; schema:attendee ?a, ?b .
  ?a a org:Organization . ?b a org:Organization .
  FILTER (STR(?a) < STR(?b))
} GROUP BY ?a ?b ORDER BY DESC(?meetings) LIMIT 20""",
}

TOP_PERSON = """SELECT ?name (COUNT(*) AS ?n) WHERE { ?m schema:attendee ?p . ?p a schema:Person ; schema:name ?name }
GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"""
TOP_ORG = """SELECT ?name (COUNT(*) AS ?n) WHERE { ?ms org:organization ?o . ?o schema:name ?name }
GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"""


def render(name: str, person: str, org: str, needle: str = "samarinda") -> str:
    text = QUERIES[name].replace("{person}", person).replace("{org}", org).replace("{needle}", needle)
    return PREFIXES + text
