"""The vocabularies of Warta's published contract, and the default base IRI."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WARTA = Namespace("https://w3id.org/warta/ontology#")

#: Entity, article and fact IRIs are minted under this base unless --base-iri says otherwise.
DEFAULT_BASE_IRI = "https://w3id.org/warta/resource/"

PREFIXES: dict[str, str] = {
    "schema": str(SCHEMA),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "warta": str(WARTA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
}


class CachedTerms:
    """A namespace whose attributes are built once.

    rdflib's ``Namespace.x`` builds a new URIRef on every access; the model
    stage writes thousands of triples per article, so it reads its
    vocabulary through these instead.
    """

    def __init__(self, base: str | type[DefinedNamespace]):
        self._base = str(base)

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = URIRef(self._base + name)
        setattr(self, name, term)
        return term


def sparql_prologue() -> str:
    """``PREFIX`` lines for every contract vocabulary, to prepend to queries."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def bind_prefixes(graph) -> None:
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
