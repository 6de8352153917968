"""The ontology files parse, and declare every term the model stage writes, in English and Indonesian."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from graph.model import build
from graph.model.namespaces import ITSRDF, NIF, ORG, SCHEMA, WARTA
from graph.validate import ontology_dir

ONTOLOGY_IRI = URIRef("https://w3id.org/warta/ontology")
LANGUAGES = ("en", "id")
DECLARED_KINDS = (ns.OWL.Class, ns.OWL.ObjectProperty, ns.OWL.DatatypeProperty, ns.OWL.AnnotationProperty)
_NAMESPACES = {
    "SCHEMA": SCHEMA,
    "ORG": ORG,
    "SKOS": ns.SKOS,
    "PROV": ns.PROV,
    "NIF": NIF,
    "ITSRDF": ITSRDF,
    "WARTA": WARTA,
    "RDFS": ns.RDFS,
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "warta.ttl", format="turtle")


def terms_in_build(prefix: str) -> set[URIRef]:
    """Every ``PREFIX.name`` attribute the model stage's source uses."""
    tree = ast.parse(inspect.getsource(build))
    names = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == prefix
    }
    return {_NAMESPACES[prefix][name] for name in names}


def declared(ontology: Graph) -> set[URIRef]:
    return {s for kind in DECLARED_KINDS for s in ontology.subjects(ns.RDF.type, kind) if isinstance(s, URIRef)}


@pytest.mark.parametrize("path", sorted(Path(ontology_dir()).glob("*.ttl")), ids=lambda p: p.name)
def test_every_ontology_file_parses(path):
    assert len(Graph().parse(path, format="turtle")) > 0


def test_ontology_folder_holds_the_ontology_and_the_shapes():
    assert {p.name for p in ontology_dir().glob("*.ttl")} >= {"warta.ttl", "shapes.ttl"}


def test_ontology_header(ontology):
    assert (ONTOLOGY_IRI, ns.RDF.type, ns.OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, ns.OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, ns.DCTERMS.license) is not None
    assert {t.language for t in ontology.objects(ONTOLOGY_IRI, ns.DCTERMS.title)} >= set(LANGUAGES)
    assert {d.language for d in ontology.objects(ONTOLOGY_IRI, ns.DCTERMS.description)} >= set(LANGUAGES)


def test_build_uses_warta_terms_at_all():
    # Guards the source scan below against silently finding nothing.
    assert WARTA.Meeting in terms_in_build("WARTA")
    assert len(terms_in_build("WARTA")) >= 25


@pytest.mark.parametrize("prefix", sorted(_NAMESPACES))
def test_every_term_build_writes_is_declared(ontology, prefix):
    missing = terms_in_build(prefix) - declared(ontology)
    assert not missing, f"used in graph/model/build.py but not declared in warta.ttl: {sorted(missing)}"


def test_every_declared_term_has_labels_and_comments_in_both_languages(ontology):
    problems = []
    for term in sorted(declared(ontology)):
        for prop in (ns.RDFS.label, ns.RDFS.comment):
            languages = {o.language for o in ontology.objects(term, prop) if isinstance(o, Literal)}
            for language in LANGUAGES:
                if language not in languages:
                    problems.append(f"{term} lacks {prop.n3(ontology.namespace_manager)}@{language}")
    assert not problems, "\n".join(problems)


def test_every_warta_term_is_defined_here(ontology):
    for term in declared(ontology):
        if term.startswith(str(WARTA)):
            assert (term, ns.RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology, term


def test_reused_terms_point_at_their_vocabulary(ontology):
    for term in declared(ontology):
        if not term.startswith(str(WARTA)):
            assert ontology.value(term, ns.RDFS.isDefinedBy) is not None, term


def test_warta_properties_have_domains_or_ranges(ontology):
    for kind in (ns.OWL.ObjectProperty, ns.OWL.DatatypeProperty):
        for prop in ontology.subjects(ns.RDF.type, kind):
            if str(prop).startswith(str(WARTA)):
                has_domain = ontology.value(prop, ns.RDFS.domain) is not None
                has_range = ontology.value(prop, ns.RDFS.range) is not None
                assert has_domain or has_range, prop


def test_class_hierarchy(ontology):
    assert (WARTA.Meeting, ns.RDFS.subClassOf, SCHEMA.Event) in ontology
    for place in ("Province", "Regency", "City", "District", "Village", "Venue"):
        assert (WARTA[place], ns.RDFS.subClassOf, SCHEMA.Place) in ontology


def test_kemendagri_code_points_at_wikidata(ontology):
    p1588 = URIRef("http://www.wikidata.org/entity/P1588")
    assert (WARTA.kemendagriCode, ns.SKOS.closeMatch, p1588) in ontology
    assert (WARTA.kemendagriCode, ns.RDFS.seeAlso, p1588) in ontology


def test_agreement_status_values_are_documented(ontology):
    comments = " ".join(str(c) for c in ontology.objects(WARTA.status, ns.RDFS.comment))
    for status in ("discussed", "planned", "signed"):
        assert comments.count(f'"{status}"') == 2, status  # once in English, once in Indonesian
    datatype = ontology.value(WARTA.status, ns.RDFS.range)
    values = ontology.value(datatype, ns.OWL.oneOf)
    assert [str(v) for v in ontology.items(values)] == ["discussed", "planned", "signed"]


def test_status_values_match_the_extraction_types():
    from typing import get_args

    from graph.extract.types import AgreementStatus

    assert get_args(AgreementStatus) == ("discussed", "planned", "signed")


def test_no_rdf_terms_outside_the_declared_namespaces():
    # build.py should only reach for the namespaces this test knows how to check.
    source = inspect.getsource(build)
    used = set(re.findall(r"\b([A-Z][A-Z]+)\.[A-Za-z]", source))
    assert used - {"RDF", "XSD"} <= set(_NAMESPACES), used


@pytest.mark.parametrize("name", ["warta.ttl", "shapes.ttl"])
def test_oxigraph_parses_the_files_too(name):
    # A second, stricter Turtle parser: what users load into a triple store.
    import pyoxigraph

    assert any(True for _ in pyoxigraph.parse(path=str(ontology_dir() / name), format=pyoxigraph.RdfFormat.TURTLE))


def test_shapes_are_valid_shacl():
    from pyshacl import validate

    from graph.validate import shapes_graph

    conforms, _, text = validate(Graph(), shacl_graph=shapes_graph(), meta_shacl=True, inference="none")
    assert conforms, text
