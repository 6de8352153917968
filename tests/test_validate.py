"""The SHACL shapes accept what the model stage writes and reject broken graphs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from graph.article import Article
from graph.cli.validate import command as validate_command
from graph.extract.types import (
    Agreement,
    Entity,
    Extraction,
    Meeting,
    Membership,
    Program,
    Quote,
    Sentence,
    Span,
)
from graph.model.build import GraphBuilder
from graph.model.namespaces import NIF, ORG, SCHEMA, WARTA
from graph.store import open_store
from graph.validate import ontology_dir, validate_graph, validate_store

TEXT = (
    "SAMARINDA - Plh Sekretaris Daerah Kota Samarinda Ali Fitri Noor memimpin rapat koordinasi "
    "bersama Dinas Koperasi dan UKM di Balai Kota Samarinda, Rabu (6/4/2022) pukul 09.00 WITA. "
    "Rapat membahas nota kesepahaman dengan Bank Kaltimtara. "
    "Pemkot menargetkan 10.000 UKM naik kelas dalam lima tahun. "
    "\u201cKami ingin UKM Samarinda naik kelas,\u201d ujar Ali Fitri. "
    "Kelurahan Sungai Pinang Dalam ikut hadir \U0001f44d."
)


def span(text: str, sentence: int, occurrence: int = 0) -> Span:
    """The ``occurrence``-th appearance of ``text`` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text), text, sentence)


def sentences() -> list[Sentence]:
    """Sentences end at ". " (the numbers in TEXT use dots without a following space)."""
    ends = [i + 1 for i in range(len(TEXT)) if TEXT.startswith(". ", i)] + [len(TEXT)]
    starts = [0] + [end + 1 for end in ends[:-1]]
    return [Sentence(start, end) for start, end in zip(starts, ends)]


@pytest.fixture(scope="module")
def article() -> Article:
    return Article(
        id="analitik-2022-04-06-ukm",
        text=TEXT,
        title="Pemkot Samarinda Targetkan 10.000 UKM Naik Kelas",
        date="2022-04-06",
        url="https://analitik.co.id/2022/04/06/ukm",
        publisher="ANALITIK.CO.ID",
        dateline="Samarinda",
    )


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    sents = sentences()
    assert TEXT[sents[-1].start :].startswith("Kelurahan")
    return Extraction(
        article_id="analitik-2022-04-06-ukm",
        extractor="rules",
        sentences=sents,
        entities=[
            Entity(
                "per:ali-fitri-noor",
                "person",
                "Ali Fitri Noor",
                aliases=["Ali Fitri"],
                mentions=[span("Ali Fitri Noor", 0), span("Ali Fitri", 3, 1)],
                same_as_candidates=[("Ali Fitri", 0.82)],
            ),
            Entity(
                "org:pemkot-samarinda",
                "organization",
                "Pemerintah Kota Samarinda",
                aliases=["Pemkot"],
                mentions=[span("Pemkot", 2)],
                government=True,
                org_type="local_government",
                parent=None,
            ),
            Entity(
                "org:diskop-samarinda",
                "organization",
                "Dinas Koperasi dan UKM Kota Samarinda",
                aliases=["Dinas Koperasi dan UKM"],
                mentions=[span("Dinas Koperasi dan UKM", 0)],
                government=True,
                org_type="agency",
                parent="org:pemkot-samarinda",
            ),
            Entity(
                "org:bankaltimtara",
                "organization",
                "Bank Kaltimtara",
                mentions=[span("Bank Kaltimtara", 1)],
                org_type="company",
            ),
            Entity("place:kaltim", "place", "Kalimantan Timur", place_type="province", code="64"),
            Entity(
                "place:samarinda",
                "place",
                "Samarinda",
                mentions=[span("SAMARINDA", 0)],
                place_type="city",
                code="64.72",
                parent="place:kaltim",
            ),
            Entity(
                "place:balai-kota",
                "place",
                "Balai Kota Samarinda",
                mentions=[span("Balai Kota Samarinda", 0)],
                place_type="venue",
                parent="place:samarinda",
            ),
            Entity(
                "place:sungai-pinang-dalam",
                "place",
                "Sungai Pinang Dalam",
                mentions=[span("Sungai Pinang Dalam", 4)],
                place_type="village",
                code="64.72.06.1004",
                parent="place:samarinda",
            ),
        ],
        memberships=[
            Membership(
                "per:ali-fitri-noor",
                "Sekretaris Daerah",
                organization="org:pemkot-samarinda",
                acting=True,
                evidence=[span("Plh Sekretaris Daerah Kota Samarinda Ali Fitri Noor", 0)],
            )
        ],
        meetings=[
            Meeting(
                "meeting:1",
                "rapat koordinasi",
                "Rapat koordinasi tentang nota kesepahaman",
                date="2022-04-06",
                time="09:00",
                timezone="WITA",
                location="place:balai-kota",
                attendees=["per:ali-fitri-noor", "org:diskop-samarinda"],
                about=["agreement:1"],
                topic="UKM naik kelas",
                evidence=[span("rapat koordinasi", 0)],
            )
        ],
        agreements=[
            Agreement(
                "agreement:1",
                "Nota kesepahaman Pemkot Samarinda dan Bank Kaltimtara",
                aliases=["nota kesepahaman"],
                parties=["org:pemkot-samarinda", "org:bankaltimtara"],
                status="discussed",
                evidence=[span("nota kesepahaman", 1)],
            )
        ],
        programs=[
            Program(
                "program:1",
                "10.000 UKM naik kelas",
                provider="org:pemkot-samarinda",
                target_value=10000,
                target_unit="UKM",
                target_text="10.000 UKM naik kelas dalam lima tahun",
                evidence=[span("10.000 UKM naik kelas dalam lima tahun", 2)],
            )
        ],
        quotes=[
            Quote(
                "Kami ingin UKM Samarinda naik kelas,",
                span("Kami ingin UKM Samarinda naik kelas,", 3),
                speaker="per:ali-fitri-noor",
                cue=span("ujar Ali Fitri", 3),
            )
        ],
    )


@pytest.fixture(scope="module")
def built(article, extraction) -> Graph:
    return GraphBuilder().build(article, extraction, datetime(2026, 1, 1, tzinfo=UTC))


@pytest.fixture
def good(built) -> Graph:
    """A fresh copy each test may break."""
    copy = Graph(identifier=built.identifier)
    for triple in built:
        copy.add(triple)
    return copy


def one(g: Graph, cls: URIRef) -> URIRef:
    (node,) = g.subjects(ns.RDF.type, cls)
    return node


def messages(report) -> list[str]:
    return [r.message for r in report.violations]


def test_shapes_live_in_the_ontology_folder():
    assert (ontology_dir() / "shapes.ttl").is_file()


def test_built_graph_covers_every_kind_of_node(built):
    for cls in (
        SCHEMA.NewsArticle,
        SCHEMA.Person,
        ORG.Organization,
        WARTA.City,
        WARTA.Village,
        WARTA.Venue,
        ORG.Membership,
        ORG.Role,
        WARTA.Meeting,
        WARTA.Agreement,
        WARTA.Program,
        SCHEMA.Quotation,
        WARTA.CandidateMatch,
        NIF.Phrase,
        NIF.Sentence,
        NIF.Context,
    ):
        assert (None, ns.RDF.type, cls) in built, cls
    assert (None, WARTA.startDateTime, None) in built
    assert (None, ORG.subOrganizationOf, None) in built


def test_built_graph_conforms(built):
    report = validate_graph(built)
    assert report.conforms, report.text()
    assert report.results == []
    assert report.graphs_checked == 1


def test_anchor_check_counts_code_points_beyond_the_bmp(good):
    # The emoji after the village name is one code point but two UTF-16 units.
    context = one(good, NIF.Context)
    assert "\U0001f44d" in str(good.value(context, NIF.isString))
    assert validate_graph(good).conforms


def test_missing_name_fails(good):
    person = one(good, SCHEMA.Person)
    good.remove((person, SCHEMA.name, None))
    report = validate_graph(good)
    assert not report.conforms
    (result,) = report.violations
    assert result.focus == str(person)
    assert result.path == "schema:name"
    assert result.message == "needs exactly one non-empty string schema:name"
    assert result.graph == str(good.identifier)


def test_two_names_fail(good):
    program = one(good, WARTA.Program)
    good.add((program, SCHEMA.name, Literal("Program lain")))
    assert messages(validate_graph(good)) == ["needs exactly one non-empty string schema:name"]


def test_anchor_mismatch_fails(good):
    phrase = next(p for p in good.subjects(ns.RDF.type, NIF.Phrase) if str(good.value(p, NIF.anchorOf)) == "Bank Kaltimtara")
    good.set((phrase, NIF.anchorOf, Literal("Bank Kaltimtar")))
    report = validate_graph(good)
    (result,) = report.violations
    assert result.focus == str(phrase)
    assert result.message.startswith("nif:anchorOf Bank Kaltimtar is not the context text between")
    assert "(Bank Kaltimtara)" in result.message


def test_anchor_off_by_one_fails(good):
    phrase = next(p for p in good.subjects(ns.RDF.type, NIF.Phrase) if str(good.value(p, NIF.anchorOf)) == "Sungai Pinang Dalam")
    begin = int(good.value(phrase, NIF.beginIndex))
    good.set((phrase, NIF.beginIndex, Literal(begin + 1, datatype=ns.XSD.nonNegativeInteger)))
    assert any(m.startswith("nif:anchorOf Sungai Pinang Dalam is not") for m in messages(validate_graph(good)))


def test_end_past_the_text_fails(good):
    sentence = max(good.subjects(ns.RDF.type, NIF.Sentence), key=lambda s: int(good.value(s, NIF.endIndex)))
    good.set((sentence, NIF.endIndex, Literal(len(TEXT) + 5, datatype=ns.XSD.nonNegativeInteger)))
    assert any(m.startswith("nif:anchorOf ") for m in messages(validate_graph(good)))


def test_phrase_linked_to_a_sentence_it_does_not_overlap_warns(good):
    phrase = next(p for p in good.subjects(ns.RDF.type, NIF.Phrase) if str(good.value(p, NIF.anchorOf)) == "Bank Kaltimtara")
    first = min(good.subjects(ns.RDF.type, NIF.Sentence), key=lambda s: int(good.value(s, NIF.beginIndex)))
    good.set((phrase, NIF.sentence, first))
    report = validate_graph(good)
    assert report.conforms  # worth a look, not a failure
    assert [w.message for w in report.warnings] == [f"the phrase does not overlap its nif:sentence {first}"]


def test_bad_status_fails(good):
    agreement = one(good, WARTA.Agreement)
    good.set((agreement, WARTA.status, Literal("ditandatangani")))
    (result,) = validate_graph(good).violations
    assert result.path == "warta:status"
    assert result.value == "ditandatangani"
    assert result.message == 'an agreement needs exactly one warta:status: "discussed", "planned" or "signed"'


@pytest.mark.parametrize("status", ["discussed", "planned", "signed"])
def test_every_documented_status_passes(good, status):
    good.set((one(good, WARTA.Agreement), WARTA.status, Literal(status)))
    assert validate_graph(good).conforms


def test_membership_without_role_fails(good):
    membership = one(good, ORG.Membership)
    good.remove((membership, ORG.role, None))
    (result,) = validate_graph(good).violations
    assert result.path == "org:role"
    assert result.message == "a membership needs exactly one org:role that is an org:Role"


def test_membership_whose_member_is_not_a_person_fails(good):
    membership = one(good, ORG.Membership)
    organization = next(good.subjects(ns.RDF.type, ORG.Organization))
    good.set((membership, ORG.member, organization))
    assert "a membership needs exactly one org:member that is a schema:Person" in messages(validate_graph(good))


def test_role_without_label_fails(good):
    good.remove((one(good, ORG.Role), ns.SKOS.prefLabel, None))
    assert messages(validate_graph(good)) == ["an org:Role needs a non-empty string skos:prefLabel"]


def test_role_with_two_labels_only_warns(good):
    good.add((one(good, ORG.Role), ns.SKOS.prefLabel, Literal("Sekretaris daerah")))
    report = validate_graph(good)
    assert report.conforms
    (warning,) = report.warnings
    assert warning.severity == "Warning"


def test_membership_acting_both_ways_fails(good):
    # One membership node read as "Plh Sekda" and as "Sekda" in one article.
    membership = one(good, ORG.Membership)
    good.add((membership, WARTA.acting, Literal(False)))
    assert messages(validate_graph(good)) == ["a membership needs exactly one xsd:boolean warta:acting"]


def test_bad_place_code_fails(good):
    city = one(good, WARTA.City)
    good.set((city, WARTA.kemendagriCode, Literal("6472")))
    assert any(m.startswith("warta:kemendagriCode is at most one") for m in messages(validate_graph(good)))


def test_date_published_must_be_a_date(good):
    good.set((one(good, SCHEMA.NewsArticle), SCHEMA.datePublished, Literal("6 April 2022")))
    assert "schema:datePublished is at most one xsd:date or xsd:dateTime" in messages(validate_graph(good))


def test_quote_with_two_speakers_fails(good):
    quote = one(good, SCHEMA.Quotation)
    good.add((quote, SCHEMA.creator, next(good.subjects(ns.RDF.type, ORG.Organization))))
    assert messages(validate_graph(good)) == [
        "a quotation has at most one schema:creator, a schema:Person or an org:Organization"
    ]


def test_unknown_timezone_fails(good):
    good.set((one(good, WARTA.Meeting), WARTA.timezone, Literal("UTC")))
    assert messages(validate_graph(good)) == ["warta:timezone is at most one of WIB, WITA, WIT"]


def test_report_text_names_the_graph_and_the_problem(good):
    good.remove((one(good, SCHEMA.Person), SCHEMA.name, None))
    text = validate_graph(good).text()
    assert text.startswith("does not conform: 1 violations in 1 of 1 article graphs checked")
    assert str(good.identifier) in text
    assert "schema:name: needs exactly one non-empty string schema:name" in text


def _store_with(graphs: list[Graph]):
    store = open_store("memory:")
    store.write_graphs([(str(g.identifier), list(g)) for g in graphs])
    return store


def test_validate_store_checks_each_article_graph_on_its_own(built, good):
    # Two articles naming one person with two spellings: fine per graph, though
    # the union then holds two schema:name values for the person.
    other = Graph(identifier=URIRef(str(built.identifier) + "-2"))
    person = one(good, SCHEMA.Person)
    for s, p, o in good:
        if (s, p) == (person, SCHEMA.name):
            o = Literal("Ali Fitri NOOR")
        other.add((s, p, o))
    with _store_with([built, other]) as store:
        report = validate_store(store)
    assert report.conforms, report.text()
    assert report.graphs_checked == 2


def test_validate_store_reports_the_broken_graph_and_honours_limit(built, good):
    good.remove((one(good, SCHEMA.Quotation), SCHEMA.text, None))
    broken = Graph(identifier=URIRef(str(built.identifier) + "-broken"))
    for triple in good:
        broken.add(triple)
    with _store_with([built, broken]) as store:
        report = validate_store(store)
        assert report.graphs_checked == 2
        assert not report.conforms
        assert {r.graph for r in report.violations} == {str(broken.identifier)}
        assert validate_store(store, limit=1).graphs_checked == 1


def test_cli_validate_exits_0_when_the_store_conforms(tmp_path, built):
    path = tmp_path / "store"
    with open_store(str(path)) as store:
        store.write_graphs([(str(built.identifier), list(built))])
    result = CliRunner().invoke(validate_command, ["--store", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "conforms: 1 article graphs checked" in result.output


def test_cli_validate_exits_1_with_a_readable_report(tmp_path, good):
    good.set((one(good, WARTA.Agreement), WARTA.status, Literal("ditandatangani")))
    path = tmp_path / "store"
    with open_store(str(path)) as store:
        store.write_graphs([(str(good.identifier), list(good))])
    result = CliRunner().invoke(validate_command, ["--store", str(path), "--limit", "5"])
    assert result.exit_code == 1, result.output
    assert "does not conform" in result.output
    assert "warta:status" in result.output
    assert "ditandatangani" in result.output


def test_example_corpus_conforms(memory_store):
    """What the real extractor makes of examples/ meets the contract (warnings allowed)."""
    from graph.pipeline import ingest
    from graph.readers import read_paths

    examples = ontology_dir().parent / "examples"
    report = ingest(read_paths([str(examples)]), memory_store)
    assert not report.errors
    result = validate_store(memory_store)
    assert result.graphs_checked == report.new >= 5
    assert result.conforms, result.text()


def test_a_stored_triple_term_does_not_crash_validate(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main
    from graph.store import open_store

    store = open_store(str(tmp_path / "s"))
    store.update(
        "INSERT DATA { GRAPH <https://w3id.org/warta/resource/article/x> { "
        "<https://w3id.org/warta/resource/person/a> <http://example.org/says> "
        "<<( <http://example.org/s> <http://example.org/p> <http://example.org/o> )>> } }"
    )
    store.publish(force=True)
    store.close()
    result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "s")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output and "article graphs checked" in result.output, result.output
