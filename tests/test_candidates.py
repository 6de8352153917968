"""Cross-article candidate matches are recorded with a score, never merged."""

from __future__ import annotations

from rdflib import Literal, URIRef

from graph.article import Article
from graph.candidates import PersonIndex, match_score
from graph.model.namespaces import sparql_prologue
from graph.pipeline import ingest

FULL = Article(
    id="a-full",
    text="Plh Sekretaris Daerah Kota Samarinda Ali Fitri Noor membuka rapat koordinasi di Balai Kota.",
    date="2022-04-06",
)
SHORT = Article(
    id="b-short",
    text='"Kami siap bekerja sama," ujar Sekda Samarinda Ali Fitri saat ditemui wartawan.',
    date="2022-04-08",
)


def test_a_contained_short_form_scores_by_coverage():
    assert match_score("Ali Fitri", "Ali Fitri Noor") > match_score("Ali", "Ali Fitri Noor")


def test_a_different_surname_is_not_a_candidate():
    assert match_score("Budi Santoso", "Budi Hartono") == 0.0


def test_a_spelling_variant_is_a_candidate():
    assert match_score("Rahmat Efendi", "Rahmat Effendi") >= 0.9


def test_index_finds_stored_fuller_name(memory_store):
    person = URIRef("http://example.org/person/ali-fitri-noor")
    memory_store.write_graphs([("http://example.org/g", [(person, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef("https://schema.org/Person")), (person, URIRef("https://schema.org/name"), Literal("Ali Fitri Noor"))])])
    found = PersonIndex(memory_store).candidates("http://example.org/person/ali-fitri", "Ali Fitri")
    assert [iri for iri, _ in found] == [str(person)]


def test_ingest_records_a_candidate_instead_of_merging(memory_store):
    report = ingest([FULL, SHORT], memory_store, batch_size=1)
    assert report.candidate_matches >= 1
    rows = memory_store.query(
        sparql_prologue()
        + """SELECT ?short ?long ?score WHERE {
               ?s warta:candidateMatch ?m ; schema:name ?short . ?m warta:matchTarget ?l ; warta:matchScore ?score .
               ?l schema:name ?long }"""
    ).rows
    assert [(str(a), str(b)) for a, b, _ in rows] == [("Ali Fitri", "Ali Fitri Noor")]
    names = {str(r[0]) for r in memory_store.query(sparql_prologue() + "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }").rows}
    assert {"Ali Fitri", "Ali Fitri Noor"} <= names  # two nodes: recorded, not fused


def test_equal_scores_give_the_same_candidates_whatever_the_set_order(memory_store):
    """Six stored "Siti ..." persons tie for the short form "Siti": the five kept are the same
    in every process (a killed and resumed ingest once recorded different ones)."""
    index = PersonIndex(memory_store)
    for n, surname in enumerate(["Hidayat", "Kasmuddin", "Rahma", "Nurhaliza", "Aminah", "Zubaidah"]):
        index.add(f"http://example.org/person/{n}-{surname.lower()}", f"Siti {surname}")
    found = index.candidates("http://example.org/person/siti", "Siti")
    assert [iri for iri, _ in found] == sorted(iri for iri, _ in found)
    assert len(found) == 5
