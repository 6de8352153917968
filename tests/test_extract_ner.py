"""The shipped statistical NER model: loads offline, finds PER / ORG / LOC, offsets exact."""

from __future__ import annotations

import pytest

from graph.errors import WartaError
from graph.extract import ner

VISIT = "Wali Kota Bogor Dedie Rachim menerima kunjungan Kementerian Koperasi di Balai Kota Bogor, Senin (6/4/2022)."
PARAGRAPHS = (
    "Gubernur Jawa Tengah Ahmad Luthfi meresmikan jembatan baru di Kabupaten Klaten.\n\n"
    "Menurut Kepala Badan Pusat Statistik Amalia Widyasanti, inflasi di Surabaya turun pada bulan lalu.\n"
    "Menteri Kesehatan Budi Gunadi Sadikin berkunjung ke Rumah Sakit Umum Daerah Kota Makassar."
)


def labels(spans, label):
    return {s.text for s in spans if s.label == label}


def assert_offsets_exact(text, spans):
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.label in ner.LABELS


def test_model_loads_offline_once():
    assert ner.load() is ner.load()
    assert ner.load().pipe_names == ["tok2vec", "ner"]


def test_finds_person_organisation_and_place_in_a_typical_sentence():
    spans = ner.find_names(VISIT)
    assert "Dedie Rachim" in labels(spans, "PER")
    assert any("Kementerian Koperasi" in name for name in labels(spans, "ORG"))
    assert any("Bogor" in name for name in labels(spans, "LOC") | labels(spans, "ORG"))
    assert_offsets_exact(VISIT, spans)


def test_offsets_are_exact_across_paragraphs():
    spans = ner.find_names(PARAGRAPHS)
    assert_offsets_exact(PARAGRAPHS, spans)
    assert "Budi Gunadi Sadikin" in labels(spans, "PER")
    assert [s.start for s in spans] == sorted(s.start for s in spans)


def test_empty_and_blank_text_have_no_names():
    assert ner.find_names("") == []
    assert ner.find_names(" \n\n \t") == []


def test_long_text_is_chunked_and_offsets_stay_exact():
    text = ("\n".join([VISIT, PARAGRAPHS]) + "\n") * 550  # about 200 KB
    assert len(text) > 150_000
    spans = ner.find_names(text)
    assert_offsets_exact(text, spans)
    assert sum(s.text == "Dedie Rachim" for s in spans) >= 540


def test_a_long_line_without_newlines_is_cut_into_pieces():
    text = " ".join([VISIT] * 200)
    pieces = list(ner.chunks(text, max_chars=1000))
    assert all(len(piece) <= 1000 for _, piece in pieces)
    assert "".join(piece for _, piece in pieces) == text.strip()
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_batch_gives_the_same_names_as_one_at_a_time():
    texts = [VISIT, "", PARAGRAPHS, "tidak ada nama di sini."]
    assert ner.find_names_batch(texts) == [ner.find_names(text) for text in texts]


def test_name_span_is_frozen_plain_data():
    span = ner.NameSpan(0, 5, "LOC", "Bogor")
    with pytest.raises(AttributeError):
        span.label = "PER"


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(WartaError, match="make model"):
        ner._load_pipeline(tmp_path / "nowhere")


def test_blas_runs_on_one_thread_during_a_call_and_is_restored_after():
    from graph.extract.ner import blas

    ner.load()  # numpy and its OpenBLAS are loaded by now
    controls = blas._controls()
    if controls is None:
        pytest.skip("no OpenBLAS thread control here (OPENBLAS_NUM_THREADS set, or not Linux)")
    get, _ = controls
    before = get()
    with blas.one_thread():
        assert get() == 1
    assert get() == before


def test_the_model_adds_places_the_text_puts_somewhere_and_the_rules_do_not_know():
    from graph.article import Article
    from graph.extract import get_extractor

    text = (
        "Wali Kota Bogor Bima Arya bertolak ke Washington untuk menghadiri forum kota cerdas. Ia juga singgah di Kyoto, Jepang."
    )
    model = {e.name for e in get_extractor("ner").extract(Article(id="t", text=text)).entities if e.kind == "place"}
    rules = {e.name for e in get_extractor("rules").extract(Article(id="t", text=text)).entities if e.kind == "place"}
    assert {"Washington", "Kyoto"} <= model - rules


def _entities(name, text):
    from graph.article import Article
    from graph.extract import get_extractor

    return {(e.kind, e.name) for e in get_extractor(name).extract(Article(id="t", text=text)).entities if e.kind != "place"}


def test_persons_named_without_an_office_or_a_speech_verb_come_from_the_model():
    text = "Dalam kunjungan itu, Siti Nurbaya dan Budi Karya Sumadi meninjau pelabuhan baru di Makassar."
    assert _entities("rules", text) == set()
    assert _entities("ner", text) == {("person", "Siti Nurbaya"), ("person", "Budi Karya Sumadi")}


def test_an_organisation_name_ends_where_the_model_opens_a_persons_name():
    # A party the lexicon does not know by a short form: the rules alone read on into the name.
    text = "Politikus Partai Buruh Nurul Arifin berharap pembahasan tidak berlarut-larut."
    assert ("organization", "Partai Buruh Nurul Arifin") in _entities("rules", text)
    assert _entities("ner", text) == {("organization", "Partai Buruh"), ("person", "Nurul Arifin")}


def test_a_later_word_of_a_name_the_model_reads_whole_is_kept_even_if_it_is_a_body_word():
    from graph.article import Article
    from graph.extract import get_extractor

    ex = get_extractor("ner").extract(
        Article(id="t", text="Anggota DPRD DKI Jakarta William Aditya Sarana menemukan anggaran lem aibon.")
    )
    names = {e.key: e.name for e in ex.entities}
    assert [(names[m.person], m.role) for m in ex.memberships] == [("William Aditya Sarana", "Anggota")]


def test_a_region_the_model_reads_before_a_speaker_is_not_in_the_speakers_written_form():
    from graph.article import Article
    from graph.extract import get_extractor

    ex = get_extractor("ner").extract(
        Article(id="t", text="Sementara itu, Gubernur Jawa Barat Ridwan Kamil mengatakan anggaran sudah siap.")
    )
    person = next(e for e in ex.entities if e.kind == "person")
    assert person.name == "Ridwan Kamil" and not [a for a in person.aliases if "Jawa" in a]
