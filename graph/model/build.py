"""The model stage: an Article and its Extraction in, one rdflib Graph out.

This is the only stage that knows RDF terms. The graph it builds is the
article's named graph; its identifier is the article IRI. Everything in it
follows the published contract (see README, "The contract").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_namespaces

from .. import __version__
from ..article import Article
from ..extract import DEFAULT_EXTRACTOR
from ..extract.types import Entity, Extraction, Span
from . import namespaces as ns
from .iris import IriMinter, slug
from .namespaces import DEFAULT_BASE_IRI, CachedTerms, bind_prefixes

# The vocabulary, each term built once (see CachedTerms).
SCHEMA, ORG, NIF, ITSRDF, WARTA = (CachedTerms(v) for v in (ns.SCHEMA, ns.ORG, ns.NIF, ns.ITSRDF, ns.WARTA))
PROV, RDF, RDFS, SKOS, XSD = (
    CachedTerms(v)
    for v in (
        rdflib_namespaces.PROV,
        rdflib_namespaces.RDF,
        rdflib_namespaces.RDFS,
        rdflib_namespaces.SKOS,
        rdflib_namespaces.XSD,
    )
)

SOFTWARE = URIRef(f"https://w3id.org/warta/software/{__version__}")

_ZONE_OFFSETS = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}

_PLACE_CLASSES = {
    "province": WARTA.Province,
    "regency": WARTA.Regency,
    "city": WARTA.City,
    "district": WARTA.District,
    "village": WARTA.Village,
    "country": SCHEMA.Country,
    "venue": WARTA.Venue,
}


@lru_cache(maxsize=1 << 16)
def offset(value: int) -> Literal:
    """A NIF offset literal; articles reuse the same small numbers, so they are built once."""
    return Literal(value, datatype=XSD.nonNegativeInteger)


def content_hash(article: Article, extractor: str, base_iri: str) -> str:
    """A fingerprint of everything that decides an article's graph.

    Re-ingesting an article with the same fingerprint changes nothing, so the
    pipeline can skip it.
    """
    digest = hashlib.sha256()
    for part in (
        __version__,
        extractor,
        base_iri,
        article.id,
        article.text,
        article.title or "",
        article.date or "",
        article.url or "",
        article.publisher or "",
        article.dateline or "",
        article.language,
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def date_literal(value: str | None) -> Literal | None:
    """An ISO date or datetime string as a typed literal; None when it is not ISO."""
    if not value:
        return None
    try:
        if len(value) <= 10:
            return Literal(date.fromisoformat(value), datatype=XSD.date)
        return Literal(datetime.fromisoformat(value.replace("Z", "+00:00")), datatype=XSD.dateTime)
    except ValueError:
        return None


def candidate_triples(node: URIRef, other: URIRef, score: float) -> list[tuple]:
    """A possible same-as that was not merged: recorded with its score, never fused."""
    link = URIRef(f"{node}#match-{slug(str(other).rstrip('/').rsplit('/', 1)[-1])}")
    return [
        (node, WARTA.candidateMatch, link),
        (link, RDF.type, WARTA.CandidateMatch),
        (link, WARTA.matchTarget, other),
        (link, WARTA.matchScore, Literal(Decimal(str(round(score, 3))), datatype=XSD.decimal)),
    ]


class GraphBuilder:
    """Builds the named graph of one article.

    Args:
        base_iri: the base every minted IRI starts with.
        extractor: the extractor's name, recorded in the provenance.
    """

    def __init__(self, base_iri: str = DEFAULT_BASE_IRI, extractor: str = DEFAULT_EXTRACTOR):
        self.iris = IriMinter(base_iri)
        self.base_iri = self.iris.base
        self.extractor = extractor

    def build(self, article: Article, extraction: Extraction, generated_at: datetime | None = None) -> Graph:
        art, triples = self.build_triples(article, extraction, generated_at)
        g = Graph(identifier=art)
        bind_prefixes(g)
        for triple in triples:
            g.add(triple)
        return g

    def entity_iri(self, entity: Entity) -> URIRef:
        """One node per kind and canonical name, across every article."""
        return self.iris.node(entity.kind, entity.name)

    def build_triples(
        self, article: Article, extraction: Extraction, generated_at: datetime | None = None
    ) -> tuple[URIRef, set[tuple[URIRef, URIRef, URIRef | Literal]]]:
        """The article IRI and its graph's triples as a plain set (the ingest hot path skips rdflib's Graph)."""
        art = self.iris.article(article.id)
        writer = _ArticleGraph(self, article, extraction, art)
        writer.write(generated_at or datetime.now(UTC))
        return art, writer.triples


class _ArticleGraph:
    """The writing of one article's graph; holds the per-article IRI maps."""

    def __init__(self, builder: GraphBuilder, article: Article, extraction: Extraction, art: URIRef):
        self.b = builder
        self.iris = builder.iris
        self.article = article
        self.x = extraction
        self.art = art
        self.triples: set = set()
        self.context = self.iris.span(art, 0, len(article.text))
        self.entity_iris: dict[str, URIRef] = {}
        self.node_names: dict[URIRef, str] = {}
        self.sentences_used: set[int] = set()

    # --- helpers -------------------------------------------------------
    def add(self, s, p, o) -> None:
        if o is not None:
            self.triples.add((s, p, o))

    def lit(self, value) -> Literal | None:
        return None if value is None or value == "" else Literal(value)

    def ref(self, key: str | None) -> URIRef | None:
        return self.entity_iris.get(key) if key else None

    def phrase(self, span: Span, denotes: URIRef) -> None:
        """A NIF phrase for ``span`` that points at the node it evidences."""
        node = self.iris.span(self.art, span.start, span.end)
        g = self.triples
        g.add((node, RDF.type, NIF.String))
        g.add((node, RDF.type, NIF.Phrase))
        g.add((node, NIF.beginIndex, offset(span.start)))
        g.add((node, NIF.endIndex, offset(span.end)))
        g.add((node, NIF.anchorOf, Literal(self.article.text[span.start : span.end])))
        g.add((node, NIF.referenceContext, self.context))
        g.add((node, ITSRDF.taIdentRef, denotes))
        # A span (a long quote) may cover several sentences: link each one it overlaps.
        index = span.sentence
        while 0 <= index < len(self.x.sentences):
            sentence = self.x.sentences[index]
            if sentence.start >= span.end:
                break
            g.add((node, NIF.sentence, self.iris.span(self.art, sentence.start, sentence.end)))
            self.sentences_used.add(index)
            index += 1

    def phrases(self, spans: Iterable[Span], denotes: URIRef) -> None:
        for span in spans:
            self.phrase(span, denotes)

    # --- the graph -----------------------------------------------------
    def write(self, generated_at: datetime) -> None:
        self.write_article(generated_at)
        for entity in self.x.entities:
            self.entity_iris[entity.key] = self.b.entity_iri(entity)
        for entity in self.x.entities:
            self.write_entity(entity)
        for i, agreement in enumerate(self.x.agreements, 1):
            node = self.iris.scoped("agreement", self.article.id, str(i))
            self.entity_iris[agreement.key] = node
        for program in self.x.programs:
            provider = self.x.entity(program.provider) if program.provider else None
            keys = (provider.name, program.name) if provider else (program.name,)
            self.entity_iris[program.key] = self.iris.node("program", *keys)
        for i, meeting in enumerate(self.x.meetings, 1):
            self.entity_iris[meeting.key] = self.iris.scoped("meeting", self.article.id, str(i))
        self.write_memberships()
        self.write_agreements()
        self.write_programs()
        self.write_meetings()
        self.write_quotes()
        self.write_sentences()

    def write_article(self, generated_at: datetime) -> None:
        a, art, g = self.article, self.art, self.triples
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        g.add((art, SCHEMA.identifier, Literal(a.id)))
        self.add(art, SCHEMA.headline, self.lit(a.title))
        self.add(art, SCHEMA.datePublished, date_literal(a.date))
        self.add(art, SCHEMA.inLanguage, self.lit(a.language))
        if a.url:
            g.add((art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.publisher:
            publisher = self.iris.node("publisher", a.publisher)
            g.add((art, SCHEMA.publisher, publisher))
            g.add((publisher, RDF.type, SCHEMA.NewsMediaOrganization))
            g.add((publisher, SCHEMA.name, Literal(a.publisher)))
        self.add(art, WARTA.dateline, self.lit(a.dateline))
        g.add((art, WARTA.contentHash, Literal(content_hash(a, self.b.extractor, self.b.base_iri))))
        g.add((self.context, RDF.type, NIF.Context))
        g.add((self.context, RDF.type, NIF.String))
        g.add((self.context, NIF.isString, Literal(a.text)))
        g.add((self.context, NIF.beginIndex, offset(0)))
        g.add((self.context, NIF.endIndex, offset(len(a.text))))
        g.add((self.context, NIF.sourceUrl, art))
        activity = URIRef(f"{art}#extraction")
        g.add((art, PROV.wasGeneratedBy, activity))
        g.add((activity, RDF.type, PROV.Activity))
        g.add((activity, PROV.wasAssociatedWith, SOFTWARE))
        g.add((activity, PROV.endedAtTime, Literal(generated_at, datatype=XSD.dateTime)))
        g.add((activity, WARTA.extractor, Literal(self.b.extractor)))
        g.add((SOFTWARE, RDF.type, PROV.SoftwareAgent))
        g.add((SOFTWARE, SCHEMA.softwareVersion, Literal(__version__)))
        g.add((SOFTWARE, SCHEMA.name, Literal("Warta")))

    def write_entity(self, entity: Entity) -> None:
        node, g = self.entity_iris[entity.key], self.triples
        g.add((self.art, SCHEMA.mentions, node))
        # Two entities whose names slug alike ("Andi", "Andi ð") share a node: the first
        # gives its one schema:name, the others' names become aliases.
        name = self.node_names.setdefault(node, entity.name)
        g.add((node, SCHEMA.name, Literal(name)))
        for alias in (entity.name, *entity.aliases):
            if alias and alias != name:
                g.add((node, SKOS.altLabel, Literal(alias)))
        parent = self.ref(entity.parent)
        if entity.kind == "person":
            g.add((node, RDF.type, SCHEMA.Person))
        elif entity.kind == "organization":
            g.add((node, RDF.type, ORG.Organization))
            if entity.government:
                g.add((node, RDF.type, SCHEMA.GovernmentOrganization))
            self.add(node, WARTA.organizationType, self.lit(entity.org_type))
            self.add(node, ORG.subOrganizationOf, parent)
        else:
            g.add((node, RDF.type, SCHEMA.Place))
            place_class = _PLACE_CLASSES.get(entity.place_type or "")
            if place_class is not None:
                g.add((node, RDF.type, place_class))
            self.add(node, SCHEMA.containedInPlace, parent)
            self.add(node, WARTA.kemendagriCode, self.lit(entity.code))
        for candidate, score in entity.same_as_candidates:
            self.write_candidate(node, entity, candidate, score)
        self.phrases(entity.mentions, node)

    def write_candidate(self, node: URIRef, entity: Entity, candidate: str, score: float) -> None:
        self.triples.update(candidate_triples(node, self.iris.node(entity.kind, candidate), score))

    def write_memberships(self) -> None:
        g = self.triples
        # The same office stated twice (once "Plt", once not) is one node; it is acting if any mention says so.
        acting_nodes: set = set()
        role_of: dict[URIRef, URIRef] = {}  # one role per membership: the first form the article used
        form_of: dict[URIRef, str] = {}
        for m in self.x.memberships:
            person = self.ref(m.person)
            person_entity = self.x.entity(m.person)
            if person is None or person_entity is None or not m.role:
                continue
            organization = self.ref(m.organization)
            org_entity = self.x.entity(m.organization) if m.organization else None
            org_name = org_entity.name if organization is not None and org_entity is not None else ""
            person_name = person_entity.name
            node = self.iris.node("membership", person_name, m.role, org_name)
            if node not in role_of:
                role_of[node] = self.write_role(m.role, m.label)
            g.add((node, RDF.type, ORG.Membership))
            g.add((node, ORG.member, person))
            g.add((node, ORG.role, role_of[node]))
            self.add(node, ORG.organization, organization)
            if m.acting:
                acting_nodes.add(node)
            g.add((node, WARTA.acting, Literal(node in acting_nodes)))
            g.discard((node, WARTA.acting, Literal(node not in acting_nodes)))
            # Which title the text wrote (Plh, Plt, Pj): the first mention that wrote one.
            if m.acting_form and node not in form_of:
                form_of[node] = m.acting_form
                g.add((node, WARTA.actingForm, Literal(m.acting_form)))
            g.add((person, ORG.hasMembership, node))
            self.phrases(m.evidence, node)

    def write_role(self, office: str, written: str | None) -> URIRef:
        """The role of a membership.

        ``office`` alone ("Gubernur") is the generic ``org:Role``. When the
        article writes the office with what it heads ("Gubernur Jawa Barat"),
        the membership points at that specific role, labelled as written, with
        the same ``skos:prefLabel`` and ``skos:broader`` the generic one.
        """
        g = self.triples
        generic = self.iris.node("role", office)
        g.add((generic, RDF.type, ORG.Role))
        g.add((generic, SKOS.prefLabel, Literal(office)))
        if not written or written == office:
            return generic
        specific = self.iris.node("role", written)
        g.add((specific, RDF.type, ORG.Role))
        g.add((specific, SKOS.prefLabel, Literal(office)))
        g.add((specific, RDFS.label, Literal(written)))
        g.add((specific, SKOS.broader, generic))
        return specific

    def write_agreements(self) -> None:
        g = self.triples
        for agreement in self.x.agreements:
            node = self.entity_iris[agreement.key]
            g.add((self.art, SCHEMA.mentions, node))
            g.add((node, RDF.type, WARTA.Agreement))
            g.add((node, SCHEMA.name, Literal(agreement.name)))
            for alias in agreement.aliases:
                if alias and alias != agreement.name:
                    g.add((node, SKOS.altLabel, Literal(alias)))
            for party in agreement.parties:
                self.add(node, WARTA.party, self.ref(party))
            g.add((node, WARTA.status, Literal(agreement.status)))
            self.add(node, SCHEMA.startDate, date_literal(agreement.date))
            self.phrases(agreement.evidence, node)

    def write_programs(self) -> None:
        g = self.triples
        for program in self.x.programs:
            node = self.entity_iris[program.key]
            g.add((self.art, SCHEMA.mentions, node))
            g.add((node, RDF.type, WARTA.Program))
            g.add((node, SCHEMA.name, Literal(program.name)))
            for alias in program.aliases:
                if alias and alias != program.name:
                    g.add((node, SKOS.altLabel, Literal(alias)))
            self.add(node, SCHEMA.provider, self.ref(program.provider))
            if program.target_value is not None:
                g.add((node, WARTA.targetValue, Literal(Decimal(str(program.target_value)), datatype=XSD.decimal)))
            self.add(node, WARTA.targetUnit, self.lit(program.target_unit))
            self.add(node, WARTA.targetText, self.lit(program.target_text))
            self.phrases(program.evidence, node)

    def write_meetings(self) -> None:
        g = self.triples
        for meeting in self.x.meetings:
            node = self.entity_iris[meeting.key]
            g.add((self.art, SCHEMA.mentions, node))
            g.add((node, RDF.type, WARTA.Meeting))
            g.add((node, RDF.type, SCHEMA.Event))
            g.add((node, SCHEMA.name, Literal(meeting.name)))
            self.add(node, WARTA.meetingType, self.lit(meeting.kind))
            self.add(node, SCHEMA.startDate, date_literal(meeting.date))
            if meeting.date and meeting.time:
                offset = _ZONE_OFFSETS.get(meeting.timezone or "", "")
                self.add(node, WARTA.startDateTime, date_literal(f"{meeting.date}T{meeting.time}:00{offset}"))
            self.add(node, WARTA.timezone, self.lit(meeting.timezone))
            self.add(node, SCHEMA.location, self.ref(meeting.location))
            for attendee in meeting.attendees:
                self.add(node, SCHEMA.attendee, self.ref(attendee))
            for subject in meeting.about:
                self.add(node, SCHEMA.about, self.ref(subject))
            self.add(node, WARTA.topic, self.lit(meeting.topic))
            self.phrases(meeting.evidence, node)

    def write_quotes(self) -> None:
        g = self.triples
        for i, quote in enumerate(self.x.quotes, 1):
            node = self.iris.scoped("quote", self.article.id, str(i))
            g.add((node, RDF.type, SCHEMA.Quotation))
            g.add((node, SCHEMA.text, Literal(quote.text)))
            g.add((node, SCHEMA.isPartOf, self.art))
            self.add(node, SCHEMA.creator, self.ref(quote.speaker))
            self.phrase(quote.span, node)
            if quote.cue is not None:
                self.phrase(quote.cue, node)

    def write_sentences(self) -> None:
        g = self.triples
        for index in sorted(self.sentences_used):
            sentence = self.x.sentences[index]
            node = self.iris.span(self.art, sentence.start, sentence.end)
            g.add((node, RDF.type, NIF.String))
            g.add((node, RDF.type, NIF.Sentence))
            g.add((node, NIF.beginIndex, offset(sentence.start)))
            g.add((node, NIF.endIndex, offset(sentence.end)))
            g.add((node, NIF.anchorOf, Literal(self.article.text[sentence.start : sentence.end])))
            g.add((node, NIF.referenceContext, self.context))
