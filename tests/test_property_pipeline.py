"""Property tests (hypothesis) over readers, the extractor and the model.

Whatever the bytes, a reader yields articles or InputErrors and never raises;
whatever the text, extraction never raises, every NIF mention's
``nif:anchorOf`` is exactly the article text between its offsets, and the
article graph conforms to the SHACL shapes.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graph.article import Article
from graph.errors import InputError
from graph.extract import get_extractor
from graph.model import GraphBuilder
from graph.model.namespaces import NIF
from graph.model.ntriples import to_ntriples
from graph.readers import read_paths, readers

# WARTA_PROPERTY_EXAMPLES=1000 for a deeper search than the suite's default.
SETTINGS = settings(
    max_examples=int(os.environ.get("WARTA_PROPERTY_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Pieces of the genre, so that generated text reaches the extractor's rules
# (offices, names, acronyms, dates, quotes, meetings, MoUs), glued with noise.
FRAGMENTS = [
    "SAMARINDA, ANALITIK.CO.ID - ",
    "JAKARTA, KOMPAS \u2014 ",
    "Wali Kota Samarinda ",
    "Plh Sekda ",
    "Pj Bupati Paser ",
    "Andi Harun",
    "Ali Fitri Noor",
    "Sekretaris Daerah Kota Samarinda",
    "Kepala Dinas Kesehatan",
    "Kemnaker",
    "Kementerian Dalam Negeri (Kemendagri)",
    "BPJS Kesehatan",
    "Pemkab Kutai Kartanegara",
    "Provinsi Kalimantan Timur",
    "rapat koordinasi",
    "audiensi",
    "menandatangani nota kesepakatan",
    "MoU",
    "perjanjian kerja sama",
    "Program Keluarga Harapan",
    "menargetkan 10.000 UKM dalam lima tahun",
    "Rabu (6/4/2022)",
    "Senin (14/3)",
    "pukul 09.00 WITA",
    "di Ruang Rapat Balai Kota",
    "\u201cKami siap,\u201d kata Andi.",
    '"Ini penting," ujarnya.',
    "ujar ",
    "kata ",
    ", ",
    ". ",
    "\n",
    " dan ",
    " yang ",
    "(",
    ")",
    "Jl. Merdeka",
    "PT Pertamina (Persero) Tbk.",
    "\u00a0",
    "\u200b",
    "e\u0301",
    "\u2019",
    "Baca juga: ",
    "(*)",
    "Artikel Terkait",
]
# Mostly genre fragments (three branches of four), some arbitrary Unicode.
text_pieces = st.one_of(*[st.sampled_from(FRAGMENTS)] * 3, st.text(min_size=1, max_size=8))
noise = st.one_of(
    st.just(""), st.just(" "), st.sampled_from(["\u00a0", "\u200b", "  ", "\n", "e\u0301", "\u2019"]), st.text(max_size=3)
)
# Whole genre sentences with noise between the parts, so the rules for offices,
# meetings and quotes fire (and their offsets are tested) most of the time.
templated = st.tuples(*[st.one_of(st.sampled_from(FRAGMENTS), noise) for _ in range(4)]).map(
    lambda n: (
        f"SAMARINDA, ANALITIK.CO.ID - Plh Sekda Kota Samarinda{n[0]} Ali Fitri Noor memimpin rapat koordinasi "
        f"bersama Kemnaker{n[1]} di Ruang Rapat Balai Kota, Rabu (6/4/2022).\n"
        f"\u201cKami siap mendukung{n[2]} program ini,\u201d kata Ali Fitri{n[3]}.\n"
        "Pemkot Samarinda dan BPJS Kesehatan menandatangani nota kesepakatan tentang Program Keluarga Harapan."
    )
)
article_texts = st.one_of(st.lists(text_pieces, min_size=1, max_size=60).map("".join), templated)


def article_from(text: str, title: str | None = None) -> Article | None:
    """The article a reader would make of ``text`` (readers normalise; the extractor sees that)."""
    items = list(readers.get("jsonl")().read(json.dumps({"id": "p", "title": title, "text": text}).encode(), "p.jsonl", "p"))
    (item,) = items
    return item if isinstance(item, Article) else None


@pytest.fixture(scope="module")
def extractor():
    return get_extractor()


@pytest.fixture(scope="module")
def validate():
    from graph.validate import validate_graph

    return validate_graph


@SETTINGS
@given(data=st.binary(max_size=3000), name=st.sampled_from(["txt", "html", "jsonl", "json"]))
def test_readers_never_raise_on_arbitrary_bytes(data, name):
    for item in readers.get(name)().read(data, f"input.{name}", "input"):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert item.text.strip(), "an article with no text"


@SETTINGS
@given(text=article_texts, wrap=st.sampled_from(["txt", "html", "jsonl"]))
def test_readers_never_raise_on_genre_text_in_any_format(text, wrap):
    if wrap == "html":
        data = f"<html><body><nav>Beranda</nav><article><h1>Judul</h1><p>{text}</p></article></body></html>".encode()
    elif wrap == "jsonl":
        data = (json.dumps({"id": "x", "text": text}) + "\n{bad\n").encode()
    else:
        data = text.encode("utf-8", "surrogatepass")
    for item in readers.get(wrap)().read(data, f"input.{wrap}", "input"):
        assert isinstance(item, Article | InputError)


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_read_paths_turns_every_file_into_articles_or_named_errors(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("any")
    for suffix in (".txt", ".html", ".jsonl", ".json"):
        (folder / f"f{suffix}").write_bytes(data)
    for item in read_paths([folder]):
        if isinstance(item, InputError):
            assert str(folder) in str(item), "an error that does not name its file"
        else:
            assert isinstance(item, Article)


@SETTINGS
@given(text=article_texts, title=st.one_of(st.none(), article_texts))
def test_extraction_spans_are_the_text_between_their_offsets(extractor, text, title):
    article = article_from(text, title)
    assume(article is not None)
    extraction = extractor.extract(article)
    spans = [m for e in extraction.entities for m in e.mentions]
    spans += [
        s
        for items in (extraction.memberships, extraction.meetings, extraction.agreements, extraction.programs)
        for i in items
        for s in i.evidence
    ]
    spans += [q.span for q in extraction.quotes] + [q.cue for q in extraction.quotes if q.cue is not None]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(article.text), span
        assert article.text[span.start : span.end] == span.text, span


@SETTINGS
@given(text=article_texts, title=st.one_of(st.none(), article_texts))
def test_every_nif_anchor_is_the_article_text_between_its_offsets(extractor, text, title):
    article = article_from(text, title)
    assume(article is not None)
    graph = GraphBuilder().build(article, extractor.extract(article))
    context = URIRef(f"{graph.identifier}#char=0,{len(article.text)}")
    assert str(graph.value(context, NIF.isString)) == article.text
    for node in graph.subjects(NIF.anchorOf, None):
        begin, end = int(graph.value(node, NIF.beginIndex)), int(graph.value(node, NIF.endIndex))
        assert str(graph.value(node, NIF.anchorOf)) == article.text[begin:end], node
        assert graph.value(node, NIF.referenceContext) == context


@SETTINGS
@given(text=article_texts, title=st.one_of(st.none(), article_texts))
def test_article_graphs_conform_to_the_shapes(extractor, validate, text, title):
    article = article_from(text, title)
    assume(article is not None)
    graph = GraphBuilder().build(article, extractor.extract(article))
    report = validate(graph, str(graph.identifier))
    assert report.conforms, report.text()


@SETTINGS
@given(text=article_texts, article_id=st.text(min_size=1, max_size=20))
def test_model_output_survives_the_store_round_trip(extractor, text, article_id):
    """What the model writes is what the store holds, for any id and text (N-Triples escaping included)."""
    from graph.store import open_store

    article = article_from(text)
    assume(article is not None and article_id.strip())
    article = Article(**{**article.__dict__, "id": article_id})
    graph = GraphBuilder().build(article, extractor.extract(article))
    parsed = Graph().parse(data=to_ntriples(graph), format="nt")
    assert len(parsed) == len(graph)
    store = open_store("memory:")
    store.write_ntriples([(str(graph.identifier), to_ntriples(graph))])
    assert store.quad_count() == len(graph)
    assert store.graph_hash(str(graph.identifier)) is not None
    assert (graph.identifier, RDF.type, None) in graph
