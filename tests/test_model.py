"""The model stage writes the published contract from plain extraction results."""

from __future__ import annotations

from datetime import UTC

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from graph.article import Article
from graph.extract.types import Entity, Extraction, Meeting, Membership, Quote, Sentence, Span
from graph.model import NIF, ORG, SCHEMA, WARTA, GraphBuilder
from graph.model.namespaces import ITSRDF

TEXT = (
    "Plh Sekda Kota Balikpapan Rudi Hartono bertemu Kementerian Dalam Negeri (Kemendagri), "
    'Senin (3/10/2022). "Kami siap," ujar Rudi.'
)


def span(text: str, needle: str, sentence: int = 0, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle, sentence)


def sample() -> tuple[Article, Extraction]:
    article = Article(
        id="bpn-1",
        text=TEXT,
        title="Pemkot Balikpapan ke Kemendagri",
        date="2022-10-04",
        publisher="Kaltim Pos",
        url="https://example.org/bpn-1",
    )
    first_end = TEXT.index("2022).") + 6
    x = Extraction(article_id="bpn-1", sentences=[Sentence(0, first_end), Sentence(first_end + 1, len(TEXT))])
    x.entities = [
        Entity("p1", "person", "Rudi Hartono", aliases=["Rudi"], mentions=[span(TEXT, "Rudi Hartono"), span(TEXT, "Rudi", 1, 1)]),
        Entity("o1", "organization", "Pemerintah Kota Balikpapan", government=True),
        Entity(
            "o2",
            "organization",
            "Kementerian Dalam Negeri",
            aliases=["Kemendagri"],
            government=True,
            mentions=[span(TEXT, "Kementerian Dalam Negeri")],
        ),
        Entity("pl1", "place", "Balikpapan", place_type="city", code="64.71", mentions=[span(TEXT, "Balikpapan")]),
    ]
    x.memberships = [
        Membership("p1", "Sekretaris Daerah", "o1", acting=True, evidence=[span(TEXT, "Plh Sekda Kota Balikpapan Rudi Hartono")])
    ]
    x.meetings = [
        Meeting("m1", "pertemuan", "Pertemuan", date="2022-10-03", attendees=["p1", "o1", "o2"], evidence=[span(TEXT, "bertemu")])
    ]
    q = span(TEXT, "Kami siap,", 1)
    x.quotes = [Quote(q.text, q, speaker="p1", cue=span(TEXT, "ujar Rudi", 1))]
    return article, x


def test_article_node_carries_identifier_headline_date_and_publisher():
    article, x = sample()
    g = GraphBuilder("http://example.org/").build(article, x)
    art = URIRef("http://example.org/article/bpn-1")
    assert g.identifier == art
    assert (art, RDF.type, SCHEMA.NewsArticle) in g
    assert g.value(art, SCHEMA.identifier) == Literal("bpn-1")
    assert g.value(art, SCHEMA.datePublished) == Literal("2022-10-04", datatype=XSD.date)
    assert g.value(g.value(art, SCHEMA.publisher), SCHEMA.name) == Literal("Kaltim Pos")


def test_entities_are_mentioned_named_and_aliased():
    article, x = sample()
    g = GraphBuilder("http://example.org/").build(article, x)
    person = URIRef("http://example.org/person/rudi-hartono")
    assert (URIRef("http://example.org/article/bpn-1"), SCHEMA.mentions, person) in g
    assert g.value(person, SCHEMA.name) == Literal("Rudi Hartono")
    assert (person, SKOS.altLabel, Literal("Rudi")) in g
    ministry = URIRef("http://example.org/organization/kementerian-dalam-negeri")
    assert (ministry, RDF.type, SCHEMA.GovernmentOrganization) in g
    assert g.value(URIRef("http://example.org/place/balikpapan"), WARTA.kemendagriCode) == Literal("64.71")


def test_membership_has_member_role_organization_and_acting():
    article, x = sample()
    g = GraphBuilder("http://example.org/").build(article, x)
    (membership,) = list(g.subjects(RDF.type, ORG.Membership))
    assert g.value(membership, ORG.member) == URIRef("http://example.org/person/rudi-hartono")
    assert g.value(g.value(membership, ORG.role), SKOS.prefLabel) == Literal("Sekretaris Daerah")
    assert g.value(membership, ORG.organization) == URIRef("http://example.org/organization/pemerintah-kota-balikpapan")
    assert g.value(membership, WARTA.acting) == Literal(True)
    assert g.value(membership, WARTA.actingForm) is None  # acting, but no title given


def test_membership_keeps_the_acting_title_written():
    article, x = sample()
    x.memberships[0].acting_form = "Plh"
    g = GraphBuilder("http://example.org/").build(article, x)
    (membership,) = list(g.subjects(RDF.type, ORG.Membership))
    assert g.value(membership, WARTA.actingForm) == Literal("Plh")
    assert g.value(membership, WARTA.acting) == Literal(True)


def test_meeting_and_quote_follow_the_contract():
    article, x = sample()
    g = GraphBuilder("http://example.org/").build(article, x)
    (meeting,) = list(g.subjects(RDF.type, WARTA.Meeting))
    assert g.value(meeting, SCHEMA.startDate) == Literal("2022-10-03", datatype=XSD.date)
    assert len(list(g.objects(meeting, SCHEMA.attendee))) == 3
    (quote,) = list(g.subjects(RDF.type, SCHEMA.Quotation))
    assert g.value(quote, SCHEMA.creator) == URIRef("http://example.org/person/rudi-hartono")
    assert str(g.value(quote, SCHEMA.text)) == "Kami siap,"


def test_every_mention_anchor_equals_the_text_between_its_offsets():
    article, x = sample()
    g = GraphBuilder("http://example.org/").build(article, x)
    phrases = list(g.subjects(RDF.type, NIF.Phrase))
    assert phrases
    for phrase in phrases:
        begin, end = int(g.value(phrase, NIF.beginIndex)), int(g.value(phrase, NIF.endIndex))
        assert str(g.value(phrase, NIF.anchorOf)) == TEXT[begin:end]
        assert g.value(phrase, ITSRDF.taIdentRef) is not None


def test_mentions_link_to_their_sentence():
    article, x = sample()
    g = GraphBuilder("http://example.org/").build(article, x)
    cue = URIRef(f"http://example.org/article/bpn-1#char={TEXT.index('ujar Rudi')},{TEXT.index('ujar Rudi') + 9}")
    sentence = g.value(cue, NIF.sentence)
    assert sentence is not None and (sentence, RDF.type, NIF.Sentence) in g
    assert str(g.value(sentence, NIF.anchorOf)).startswith('"Kami siap')


def test_building_twice_gives_the_same_triples_apart_from_the_run_time():
    from datetime import datetime

    article, x = sample()
    when = datetime(2026, 1, 1, tzinfo=UTC)
    a = GraphBuilder().build(article, x, generated_at=when)
    b = GraphBuilder().build(article, x, generated_at=when)
    assert set(a) == set(b)


def test_entities_whose_names_slug_alike_share_one_name():
    text = "Andi dan Andi ð hadir."
    article = Article(id="slug-twins", text=text)
    x = Extraction(article_id="slug-twins", sentences=[Sentence(0, len(text))])
    x.entities = [Entity("p1", "person", "Andi"), Entity("p2", "person", "Andi ð")]
    g = GraphBuilder("http://example.org/").build(article, x)
    node = URIRef("http://example.org/person/andi")
    assert list(g.objects(node, SCHEMA.name)) == [Literal("Andi")]
    assert (node, SKOS.altLabel, Literal("Andi ð")) in g
