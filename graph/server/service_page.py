"""The service description as people read it: plain rows for the HTML page.

The RDF graph of :func:`graph.server.sparql.service_description` stays the one
source; this module only reads it back, so the page can never say something the
description does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from .sparql import FORMATS, SD

DESCRIPTION = URIRef("http://purl.org/dc/terms/description")

#: What each term of the description means to someone deciding how to query.
LANGUAGES = {
    SD.SPARQL11Query: "SPARQL 1.1 Query",
    SD.SPARQL11Update: "SPARQL 1.1 Update (with the bearer token)",
}
FEATURES = {
    SD.UnionDefaultGraph: "The default graph is the union of the article graphs, each triple once; "
    "GRAPH ?article reaches one article's graph and its text provenance",
    SD.BasicFederatedQuery: "SERVICE may call other SPARQL endpoints",
}
#: Result format -> (name, media type to ask for in Accept).
RESULT_FORMATS = {
    FORMATS["SPARQL_Results_JSON"]: ("SPARQL results, JSON", "application/sparql-results+json"),
    FORMATS["SPARQL_Results_XML"]: ("SPARQL results, XML", "application/sparql-results+xml"),
    FORMATS["SPARQL_Results_CSV"]: ("SPARQL results, CSV", "text/csv"),
    FORMATS["SPARQL_Results_TSV"]: ("SPARQL results, TSV", "text/tab-separated-values"),
    FORMATS["Turtle"]: ("Turtle", "text/turtle"),
    FORMATS["N-Triples"]: ("N-Triples", "application/n-triples"),
    FORMATS["JSON-LD"]: ("JSON-LD", "application/ld+json"),
    FORMATS["RDF_XML"]: ("RDF/XML", "application/rdf+xml"),
    FORMATS["TriG"]: ("TriG", "application/trig"),
}


@dataclass
class ServiceSummary:
    """What the page shows, in the order it shows it."""

    endpoint: str
    description: str = ""
    languages: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    result_formats: list[tuple[str, str]] = field(default_factory=list)


def _labelled(graph: Graph, subject, predicate, names: dict) -> list:
    # Terms without a readable name are shown as their IRI, never dropped.
    return [names.get(term, str(term)) for term in sorted(graph.objects(subject, predicate), key=str)]


def service_summary(graph: Graph) -> ServiceSummary:
    """Read the service description ``graph`` back into rows for the HTML page."""
    service = next(graph.subjects(RDF.type, SD.Service))
    summary = ServiceSummary(endpoint=str(graph.value(service, SD.endpoint)))
    summary.description = str(graph.value(service, DESCRIPTION) or "")
    summary.languages = _labelled(graph, service, SD.supportedLanguage, LANGUAGES)
    summary.features = _labelled(graph, service, SD.feature, FEATURES)
    formats = set(graph.objects(service, SD.resultFormat))
    summary.result_formats = [RESULT_FORMATS[f] for f in RESULT_FORMATS if f in formats]
    summary.result_formats += [(str(f), "") for f in sorted(formats - RESULT_FORMATS.keys(), key=str)]
    return summary
