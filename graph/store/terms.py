"""Conversion between rdflib terms (the modelling API) and pyoxigraph terms."""

from __future__ import annotations

from typing import overload

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier, Node

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r} ({type(term).__name__})")


def to_ox_triple(s: Node, p: Node, o: Node) -> ox.Triple:
    subject, predicate = to_ox(s), to_ox(p)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"cannot store a triple with subject {s!r} and predicate {p!r}")
    return ox.Triple(subject, predicate, to_ox(o))


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# rdflib has no RDF 1.2 triple terms; one already in a store (``warta import``
# refuses them, SPARQL Update can still write one) is read as a literal holding
# its N-Triples 1.2 form, so every reader shows it instead of failing.
TRIPLE_TERM = URIRef("https://w3id.org/warta/ontology#TripleTerm")
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@overload
def from_ox(term: OxTerm) -> Identifier: ...
@overload
def from_ox(term: OxTerm | ox.DefaultGraph | None) -> Identifier | None: ...
def from_ox(term: OxTerm | ox.DefaultGraph | None) -> Identifier | None:
    """The rdflib term for a pyoxigraph one; None for an unbound variable or the default graph."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _RDF_LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.DefaultGraph):
        return None
    if isinstance(term, ox.Triple):
        return Literal(f"<<( {term} )>>", datatype=TRIPLE_TERM)
    raise TypeError(f"unsupported term {term!r}")
