"""The statistics graph checked against a recomputation from the article graphs (tests share it).

The reference queries are written independently of graph/store/statistics.py: aggregates over
``GRAPH ?g``, so a mistake on either side shows.
"""

from __future__ import annotations

from graph.store.statistics import STATISTICS_GRAPH

W = "https://w3id.org/warta/ontology#"
PREFIXES = f"PREFIX schema: <https://schema.org/> PREFIX org: <http://www.w3.org/ns/org#> PREFIX warta: <{W}>\n"


def rows(store, sparql: str) -> set[tuple]:
    """A query's rows as strings, from a Warta store or a raw ``pyoxigraph.Store``."""
    if hasattr(store, "quads_for_pattern"):
        results = store.query(PREFIXES + sparql, use_default_graph_as_union=False)
        names = [v.value for v in results.variables]
        return {tuple(None if r[n] is None else r[n].value for n in names) for r in results}
    return {tuple(None if v is None else str(v) for v in row) for row in store.query(PREFIXES + sparql).rows}


ENTITY_KINDS = "VALUES ?class { schema:Person org:Organization schema:Place }"
SAME_KIND = 'VALUES (?class ?kind) { (schema:Person "person") (org:Organization "organization") }'

# What the statistics must hold, recomputed from the article graphs (GRAPH ?g), per property.
RECOMPUTED = {
    "articles": f"""SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?g schema:mentions ?e . ?e a ?class }} {ENTITY_KINDS} }} GROUP BY ?e""",
    "first_last": f"""SELECT ?e (MIN(?day) AS ?first) (MAX(?day) AS ?last) WHERE {{
        GRAPH ?g {{ ?g schema:mentions ?e ; schema:datePublished ?d . ?e a ?class }} {ENTITY_KINDS}
        BIND (SUBSTR(STR(?d), 1, 10) AS ?day) }} GROUP BY ?e""",
    "months": """SELECT ?e ?month (COUNT(DISTINCT ?g) AS ?n) WHERE {
        GRAPH ?g { ?g schema:mentions ?e ; schema:datePublished ?d . ?e a schema:Person }
        BIND (SUBSTR(STR(?d), 1, 7) AS ?month) } GROUP BY ?e ?month""",
    "meetings": """SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE { GRAPH ?g { ?m a warta:Meeting ; schema:attendee ?e } } GROUP BY ?e""",
    "hosted": """SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE { GRAPH ?g { ?m a warta:Meeting ; schema:location ?e } } GROUP BY ?e""",
    "co_attendance": f"""SELECT ?a ?b ?kind (COUNT(DISTINCT ?m) AS ?n) WHERE {{
        GRAPH ?g {{ ?m a warta:Meeting ; schema:attendee ?a, ?b . ?a a ?class . ?b a ?class }} {SAME_KIND}
        FILTER (STR(?a) < STR(?b)) }} GROUP BY ?a ?b ?kind""",
    "last_meeting": f"""SELECT ?a ?b (MAX(?day) AS ?last) WHERE {{
        GRAPH ?g {{ ?m a warta:Meeting ; schema:attendee ?a, ?b ; schema:startDate ?d . ?a a ?class . ?b a ?class }} {SAME_KIND}
        FILTER (STR(?a) < STR(?b)) BIND (SUBSTR(STR(?d), 1, 10) AS ?day) }} GROUP BY ?a ?b""",
    "co_mention": """SELECT ?a ?b (COUNT(DISTINCT ?g) AS ?n) WHERE {
        GRAPH ?g { ?g schema:mentions ?a, ?b . ?a a org:Organization . ?b a org:Organization }
        FILTER (STR(?a) < STR(?b)) } GROUP BY ?a ?b""",
}

STORED = {
    "articles": f"SELECT ?e ?n WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?e warta:articleCount ?n }} }}",
    "first_last": f"SELECT ?e ?first ?last WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?e warta:firstMentioned ?first ; warta:lastMentioned ?last }} }}",
    "months": f"SELECT ?e ?month ?n WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?x warta:statisticsOf ?e ; warta:month ?month ; warta:articlesInMonth ?n }} }}",
    "meetings": f"SELECT ?e ?n WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?e warta:meetingCount ?n }} }}",
    "hosted": f"SELECT ?e ?n WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?e warta:hostedMeetingCount ?n }} }}",
    "co_attendance": f"""SELECT ?a ?b ?kind ?n WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?x warta:pairFirst ?a ; warta:pairSecond ?b ; ?count ?n }}
        VALUES (?count ?kind) {{ (warta:personCoAttendance "person") (warta:organizationCoAttendance "organization") }} }}""",
    "last_meeting": f"SELECT ?a ?b ?last WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?x warta:pairFirst ?a ; warta:pairSecond ?b ; warta:lastMeeting ?last }} }}",
    "co_mention": f"SELECT ?a ?b ?n WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?x warta:pairFirst ?a ; warta:pairSecond ?b ; warta:organizationCoMention ?n }} }}",
}


def assert_statistics_exact(store) -> None:
    for name, sparql in RECOMPUTED.items():
        assert rows(store, STORED[name]) == rows(store, sparql), name
    # Nothing else: every node in the graph is one of the above (no stale node, no leftover mark).
    orphans = f"""SELECT ?x WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ ?x ?p ?o }}
        FILTER NOT EXISTS {{ GRAPH <{STATISTICS_GRAPH}> {{ ?x warta:articleCount|warta:meetingCount|warta:hostedMeetingCount|warta:articlesInMonth|warta:organizationCoMention|warta:personCoAttendance|warta:organizationCoAttendance ?n }} }}
        FILTER (?x != <{STATISTICS_GRAPH}>) }}"""
    assert rows(store, orphans) == set()
    assert rows(store, f"SELECT ?p WHERE {{ GRAPH <{STATISTICS_GRAPH}> {{ <{STATISTICS_GRAPH}> ?p ?o }} }}") == {
        (W + "statisticsVersion",)
    }
