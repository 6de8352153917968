"""A small hand-built graph for the server tests: two articles written through the model stage.

Built from Extraction objects rather than by running the extractor, so the
server tests do not move when extraction rules change.
"""

from __future__ import annotations

from graph.article import Article
from graph.extract.types import Agreement, Entity, Extraction, Meeting, Membership, Program, Quote, Sentence, Span
from graph.model import GraphBuilder

BASE = "https://w3id.org/warta/resource/"
ALI = BASE + "person/ali-fitri-noor"
KEMNAKER = BASE + "organization/kementerian-ketenagakerjaan"
PEMKOT = BASE + "organization/pemerintah-kota-samarinda"

TEXT_1 = (
    "Plh Sekretaris Daerah Kota Samarinda Ali Fitri Noor menerima audiensi Kementerian Ketenagakerjaan "
    "(Kemnaker) di Balai Kota Samarinda, Rabu (6/4/2022). "
    "Pemerintah Kota Samarinda dan Kemnaker menandatangani nota kesepakatan pelatihan vokasi. "
    '"Kami menargetkan 10.000 pekerja terlatih," ujar Ali Fitri Noor.'
)
TEXT_2 = (
    "Wakil Gubernur Sulawesi Selatan Andi Sudirman Sulaimân bertemu Ali Fitri Noor di Makassar, Senin (9/5/2022). "
    "Keduanya membahas program Kartu Prakerja."
)


def _span(text: str, needle: str, sentence: int, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle, sentence)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for end in [i + 1 for i, c in enumerate(text) if c in '.!?"' and (i + 1 == len(text) or text[i + 1] == " ")]:
        if end - start > 2:
            out.append(Sentence(start, end))
            start = end + 1
    return out


def article_one() -> tuple[Article, Extraction]:
    t = TEXT_1
    article = Article(
        id="samarinda-kemnaker",
        text=t,
        title="Pemkot Samarinda dan Kemnaker teken MoU pelatihan vokasi",
        date="2022-04-06",
        publisher="ANALITIK.CO.ID",
        dateline="Samarinda",
    )
    x = Extraction(article_id=article.id, sentences=_sentences(t), extractor="test")
    x.entities = [
        Entity(
            "per:ali",
            "person",
            "Ali Fitri Noor",
            mentions=[_span(t, "Ali Fitri Noor", 0), _span(t, "Ali Fitri Noor", 2, 1)],
        ),
        Entity(
            "org:kemnaker",
            "organization",
            "Kementerian Ketenagakerjaan",
            aliases=["Kemnaker"],
            government=True,
            mentions=[_span(t, "Kementerian Ketenagakerjaan", 0), _span(t, "Kemnaker", 1, 1)],
        ),
        Entity(
            "org:pemkot",
            "organization",
            "Pemerintah Kota Samarinda",
            government=True,
            mentions=[_span(t, "Pemerintah Kota Samarinda", 1)],
        ),
        Entity(
            "loc:balai",
            "place",
            "Balai Kota Samarinda",
            place_type="venue",
            mentions=[_span(t, "Balai Kota Samarinda", 0)],
        ),
    ]
    x.memberships = [
        Membership(
            "per:ali",
            "Sekretaris Daerah",
            "org:pemkot",
            acting=True,
            evidence=[_span(t, "Plh Sekretaris Daerah Kota Samarinda", 0)],
            acting_form="Plh",
        )
    ]
    x.meetings = [
        Meeting(
            "meeting:1",
            "audiensi",
            "Audiensi Kemnaker",
            date="2022-04-06",
            location="loc:balai",
            attendees=["per:ali", "org:kemnaker"],
            evidence=[_span(t, "audiensi", 0)],
        )
    ]
    x.agreements = [
        Agreement(
            "agr:1",
            "nota kesepakatan pelatihan vokasi",
            parties=["org:pemkot", "org:kemnaker"],
            status="signed",
            date="2022-04-06",
            evidence=[_span(t, "nota kesepakatan", 1)],
        )
    ]
    x.programs = [
        Program(
            "prog:1",
            "pelatihan vokasi",
            provider="org:kemnaker",
            target_value=10000,
            target_unit="pekerja terlatih",
            evidence=[_span(t, "10.000 pekerja terlatih", 2)],
        )
    ]
    x.quotes = [
        Quote(
            "Kami menargetkan 10.000 pekerja terlatih,",
            _span(t, "Kami menargetkan 10.000 pekerja terlatih,", 2),
            speaker="per:ali",
        )
    ]
    return article, x


def article_two() -> tuple[Article, Extraction]:
    t = TEXT_2
    article = Article(id="makassar-prakerja", text=t, title="Wagub Sulsel bertemu Sekda Samarinda", date="2022-05-09")
    x = Extraction(article_id=article.id, sentences=_sentences(t), extractor="test")
    x.entities = [
        Entity("per:ali", "person", "Ali Fitri Noor", mentions=[_span(t, "Ali Fitri Noor", 0)]),
        Entity(
            "per:andi",
            "person",
            "Andi Sudirman Sulaimân",
            aliases=["Andi Sudirman"],
            mentions=[_span(t, "Andi Sudirman Sulaimân", 0)],
        ),
        Entity("loc:makassar", "place", "Makassar", place_type="city", mentions=[_span(t, "Makassar", 0)]),
    ]
    x.meetings = [
        Meeting(
            "meeting:1",
            "pertemuan",
            "Pertemuan di Makassar",
            date="2022-05-09",
            location="loc:makassar",
            attendees=["per:andi", "per:ali"],
            evidence=[_span(t, "bertemu", 0)],
        )
    ]
    return article, x


def write_examples(store) -> None:
    builder = GraphBuilder(BASE, extractor="test")
    graphs = []
    for article, extraction in (article_one(), article_two()):
        g = builder.build(article, extraction)
        graphs.append((str(g.identifier), list(g)))
    store.write_graphs(graphs)
    store.publish(force=True)
