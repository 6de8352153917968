"""A small news graph written triple by triple, for the analysis and view tests.

Three articles, with provenance as the model stage writes it (NIF phrases
pointing at the facts, sentences, article graphs):

* a1 (2022-03-01, Kaltim Pos; its headline is an XSS attempt): Andi Harun, Wali Kota of
  Pemerintah Kota Samarinda, and Rudi Hartono, Sekda of Pemerintah Kota Balikpapan,
  attend a meeting in Samarinda; Andi is quoted.
* a2 (2022-05-10, Antara): Pemerintah Kota Balikpapan and Kementerian Koperasi (Kemenkop)
  sign an MoU; Teten Masduki is Menteri of Kemenkop; Kemenkop provides a programme;
  DPMPTSP is part of Pemerintah Kota Samarinda; Samarinda lies in Kalimantan Timur.
* a3 (2022-07-01, Antara): Teten meets a person whose name is an XSS attempt, Zulkifli Hasan
  (with accents in an alias).

The shortest chain from Andi Harun to Teten Masduki is six links long:
Andi → meeting ← Rudi → Pemkot Balikpapan → MoU ← Kemenkop ← Teten.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from graph.model.namespaces import ITSRDF, NIF, ORG, SCHEMA, WARTA

BASE = "http://example.org/"
XSS_TITLE = 'Rapat <script>alert("title")</script> di Samarinda'
XSS_NAME = 'Zulkifli "><img src=x onerror=alert(1)>'


def iri(path: str) -> URIRef:
    return URIRef(BASE + path)


ANDI, RUDI, TETEN, XSS = iri("person/andi-harun"), iri("person/rudi-hartono"), iri("person/teten"), iri("person/xss")
SAMARINDA_GOV, BALIKPAPAN_GOV = iri("organization/pemkot-samarinda"), iri("organization/pemkot-balikpapan")
KEMENKOP, DPMPTSP = iri("organization/kemenkop"), iri("organization/dpmptsp-samarinda")
SAMARINDA, KALTIM = iri("place/samarinda"), iri("place/kalimantan-timur")
MEETING1, MEETING2 = iri("meeting/a1/1"), iri("meeting/a3/1")
MOU, PROGRAM, QUOTE = iri("agreement/a2/1"), iri("program/kemenkop--umkm-naik-kelas"), iri("quote/a1/1")


class ArticleGraph:
    """Triples of one article graph, with phrases placed in its sentences."""

    def __init__(self, ident: str, title: str, date: str, publisher: str, sentences: list[str], url: str | None = None):
        self.iri = iri(f"article/{ident}")
        self.sentences = sentences
        self.text = " ".join(sentences)
        self.starts = []
        offset = 0
        for sentence in sentences:
            self.starts.append(offset)
            offset += len(sentence) + 1
        self.context = URIRef(f"{self.iri}#char=0,{len(self.text)}")
        self.triples = []
        a = self.iri
        self.add(a, RDF.type, SCHEMA.NewsArticle)
        self.add(a, SCHEMA.identifier, Literal(ident))
        self.add(a, SCHEMA.headline, Literal(title))
        self.add(a, SCHEMA.datePublished, Literal(date, datatype=XSD.date))
        if url:
            self.add(a, SCHEMA.url, Literal(url, datatype=XSD.anyURI))
        pub = iri("publisher/" + publisher.lower().replace(" ", "-"))
        self.add(a, SCHEMA.publisher, pub)
        self.add(pub, SCHEMA.name, Literal(publisher))
        self.add(self.context, RDF.type, NIF.Context)
        self.add(self.context, NIF.isString, Literal(self.text))
        self.add(self.context, NIF.sourceUrl, a)

    def add(self, s, p, o) -> None:
        self.triples.append((s, p, o))

    def entity(self, node: URIRef, classes, name: str, sentence: int, aliases=()) -> URIRef:
        self.add(self.iri, SCHEMA.mentions, node)
        for cls in classes:
            self.add(node, RDF.type, cls)
        self.add(node, SCHEMA.name, Literal(name))
        for alias in aliases:
            self.add(node, SKOS.altLabel, Literal(alias))
        self.phrase(node, sentence, name)
        return node

    def phrase(self, target: URIRef, sentence: int, anchor: str | None = None) -> None:
        text = self.sentences[sentence]
        local = text.find(anchor) if anchor else -1
        start = self.starts[sentence] + max(local, 0)
        end = start + (len(anchor) if local >= 0 else len(text))
        node = URIRef(f"{self.iri}#char={start},{end}")
        sent = URIRef(f"{self.iri}#char={self.starts[sentence]},{self.starts[sentence] + len(text)}")
        self.add(node, RDF.type, NIF.Phrase)
        self.add(node, NIF.referenceContext, self.context)
        self.add(node, ITSRDF.taIdentRef, target)
        self.add(node, NIF.sentence, sent)
        self.add(sent, RDF.type, NIF.Sentence)
        self.add(sent, NIF.anchorOf, Literal(text))

    def office(self, person: URIRef, role: str, org: URIRef, sentence: int) -> None:
        m = URIRef(f"{person}--{role.lower().replace(' ', '-')}")
        r = iri("role/" + role.lower().replace(" ", "-"))
        self.add(m, RDF.type, ORG.Membership)
        self.add(m, ORG.member, person)
        self.add(m, ORG.organization, org)
        self.add(m, ORG.role, r)
        self.add(r, SKOS.prefLabel, Literal(role))
        self.add(person, ORG.hasMembership, m)
        self.phrase(m, sentence)


GOV = (ORG.Organization, SCHEMA.GovernmentOrganization)


def article_graphs() -> list[tuple[str, list]]:
    a1 = ArticleGraph(
        "a1",
        XSS_TITLE,
        "2022-03-01",
        "Kaltim Pos",
        [
            "Wali Kota Samarinda Andi Harun menerima Sekda Balikpapan Rudi Hartono di Samarinda.",
            "Rapat itu membahas investasi.",
            '"Kami siap bekerja sama," kata Andi Harun.',
        ],
        url="https://kaltimpos.example/a1",
    )
    a1.entity(ANDI, [SCHEMA.Person], "Andi Harun", 0, aliases=["Andi"])
    a1.entity(RUDI, [SCHEMA.Person], "Rudi Hartono", 0)
    a1.entity(SAMARINDA_GOV, GOV, "Pemerintah Kota Samarinda", 0, aliases=["Pemkot Samarinda"])
    a1.entity(BALIKPAPAN_GOV, GOV, "Pemerintah Kota Balikpapan", 0, aliases=["Pemkot Balikpapan"])
    a1.entity(SAMARINDA, [SCHEMA.Place], "Samarinda", 0)
    a1.office(ANDI, "Wali Kota", SAMARINDA_GOV, 0)
    a1.office(RUDI, "Sekretaris Daerah", BALIKPAPAN_GOV, 0)
    a1.add(a1.iri, SCHEMA.mentions, MEETING1)
    for t in (
        (MEETING1, RDF.type, WARTA.Meeting),
        (MEETING1, SCHEMA.name, Literal("Rapat investasi")),
        (MEETING1, SCHEMA.startDate, Literal("2022-02-28", datatype=XSD.date)),
        (MEETING1, SCHEMA.attendee, ANDI),
        (MEETING1, SCHEMA.attendee, RUDI),
        (MEETING1, SCHEMA.location, SAMARINDA),
    ):
        a1.add(*t)
    a1.phrase(MEETING1, 0, "menerima")
    a1.phrase(MEETING1, 1)
    for t in (
        (QUOTE, RDF.type, SCHEMA.Quotation),
        (QUOTE, SCHEMA.text, Literal("Kami siap bekerja sama,")),
        (QUOTE, SCHEMA.creator, ANDI),
        (QUOTE, SCHEMA.isPartOf, a1.iri),
    ):
        a1.add(*t)
    a1.phrase(QUOTE, 2)

    a2 = ArticleGraph(
        "a2",
        "Balikpapan dan Kemenkop teken MoU",
        "2022-05-10",
        "Antara",
        [
            "Pemerintah Kota Balikpapan dan Kementerian Koperasi menandatangani MoU pemberdayaan UMKM.",
            "Menteri Koperasi Teten Masduki meluncurkan program UMKM Naik Kelas.",
            "DPMPTSP Pemerintah Kota Samarinda ikut hadir dari Samarinda, Kalimantan Timur.",
        ],
    )
    a2.entity(BALIKPAPAN_GOV, GOV, "Pemerintah Kota Balikpapan", 0)
    a2.entity(KEMENKOP, GOV, "Kementerian Koperasi", 0, aliases=["Kemenkop"])
    a2.entity(TETEN, [SCHEMA.Person], "Teten Masduki", 1, aliases=["Teten"])
    a2.entity(DPMPTSP, GOV, "DPMPTSP", 2)
    a2.entity(SAMARINDA_GOV, GOV, "Pemerintah Kota Samarinda", 2)
    a2.entity(SAMARINDA, [SCHEMA.Place], "Samarinda", 2)
    a2.entity(KALTIM, [SCHEMA.Place], "Kalimantan Timur", 2)
    a2.office(TETEN, "Menteri", KEMENKOP, 1)
    a2.add(DPMPTSP, ORG.subOrganizationOf, SAMARINDA_GOV)
    a2.add(SAMARINDA, SCHEMA.containedInPlace, KALTIM)
    a2.add(a2.iri, SCHEMA.mentions, MOU)
    for t in (
        (MOU, RDF.type, WARTA.Agreement),
        (MOU, SCHEMA.name, Literal("MoU pemberdayaan UMKM")),
        (MOU, WARTA.party, BALIKPAPAN_GOV),
        (MOU, WARTA.party, KEMENKOP),
        (MOU, WARTA.status, Literal("signed")),
    ):
        a2.add(*t)
    a2.phrase(MOU, 0, "MoU pemberdayaan UMKM")
    a2.add(a2.iri, SCHEMA.mentions, PROGRAM)
    for t in (
        (PROGRAM, RDF.type, WARTA.Program),
        (PROGRAM, SCHEMA.name, Literal("UMKM Naik Kelas")),
        (PROGRAM, SCHEMA.provider, KEMENKOP),
    ):
        a2.add(*t)
    a2.phrase(PROGRAM, 1, "UMKM Naik Kelas")

    a3 = ArticleGraph(
        "a3",
        "Teten bertemu tokoh",
        "2022-07-01",
        "Antara",
        [
            f"Menteri Teten Masduki bertemu {XSS_NAME} di Jakarta.",
        ],
    )
    a3.entity(TETEN, [SCHEMA.Person], "Teten Masduki", 0)
    a3.entity(XSS, [SCHEMA.Person], XSS_NAME, 0, aliases=["Zulkifli Hasan", "Zülkîflî"])
    a3.add(a3.iri, SCHEMA.mentions, MEETING2)
    for t in (
        (MEETING2, RDF.type, WARTA.Meeting),
        (MEETING2, SCHEMA.name, Literal("Pertemuan")),
        (MEETING2, SCHEMA.attendee, TETEN),
        (MEETING2, SCHEMA.attendee, XSS),
    ):
        a3.add(*t)
    a3.phrase(MEETING2, 0, "bertemu")
    return [(str(a.iri), a.triples) for a in (a1, a2, a3)]


def populate(store) -> None:
    store.write_graphs(article_graphs())
