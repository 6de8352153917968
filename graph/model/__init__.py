"""The model stage: plain extraction results in, one rdflib Graph per article out."""

from .build import GraphBuilder, content_hash
from .iris import IriMinter, slug
from .namespaces import DEFAULT_BASE_IRI, ITSRDF, NIF, ORG, PREFIXES, SCHEMA, WARTA

__all__ = [
    "DEFAULT_BASE_IRI",
    "ITSRDF",
    "NIF",
    "ORG",
    "PREFIXES",
    "SCHEMA",
    "WARTA",
    "GraphBuilder",
    "IriMinter",
    "content_hash",
    "slug",
]
