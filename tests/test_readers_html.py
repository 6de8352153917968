"""The HTML reader on news-page layouts: whole body, no furniture, clean headline, time, publisher."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graph.article import Article
from graph.cli import main
from graph.errors import Errors, InputError
from graph.extract.types import Extraction
from graph.model import SCHEMA, GraphBuilder
from graph.readers import read_paths
from graph.readers.boilerplate import strip_boilerplate
from graph.readers.htmlmeta import PageMeta, headline, published
from graph.readers.maintext import choose
from graph.readers.outlets import choose_publisher, registrable_domain
from graph.validate import validate_graph

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def read(name: str, **kwargs) -> Article | InputError:
    (item,) = read_paths([str(FIXTURES / name)], **kwargs)
    return item


def article(name: str) -> Article:
    item = read(name)
    assert isinstance(item, Article), item
    return item


# --- main text ------------------------------------------------------------------


def test_inline_baca_juga_box_is_removed_in_place_and_the_rest_is_kept():
    a = article("inline-box.html")
    assert a.text.startswith("Kabarnusa.com, Jakarta - Sebuah operator seluler")
    assert '"Kami ingin pelanggan di luar Jawa' in a.text
    assert a.text.endswith("terutama di Makassar dan Medan.")
    for junk in ("Baca Juga", "Harga Ponsel Lipat", "Berita Terkait", "Kecepatan Internet", "newsletter", "5G\n"):
        assert junk not in a.text


def test_first_paragraph_outside_p_tags_is_kept_and_tweet_and_load_more_dropped():
    a = article("span-body.html")
    assert a.text.startswith("SUARAPAGI.co.id - Pianis muda asal Bali")
    assert a.text.endswith("yang memenuhi gedung.")
    for junk in ("standing ovation", "@TheAwards", "Load More", "TAG:", "Tweet"):
        assert junk not in a.text


def test_photo_page_keeps_the_caption_body_and_drops_lists_contacts_and_index():
    a = article("photo-page.html")
    assert a.text == (
        "Perusahaan listrik negara hari ini mengoperasikan gardu induk baru di Tangerang beserta "
        "jaringannya. Gardu itu bagian dari sistem transmisi Banten."
    )


def test_related_photo_section_and_share_counter_are_dropped():
    a = article("kicker-dateline.html")
    assert a.text.endswith("dari serangkaian penggeledahan.")
    for junk in ("FOTO TERKAIT", "SHARE", "In Picture", "Suasana Gedung"):
        assert junk not in a.text


def test_body_in_plain_paragraphs_wins_over_a_teaser_list_the_extractor_preferred():
    teasers = "\n".join(f"Artis {n} mengaku bahagia dengan kado ulang tahun dari keluarganya." for n in range(5))
    body = "\n".join(f"Paragraf {n} isi berita yang panjang tentang sang aktor dan keluarganya di Jakarta." for n in range(12))
    assert choose(teasers, body) == body


def test_extractor_text_is_kept_when_the_markup_holds_less():
    extracted = "Paragraf pertama berita yang lengkap dan panjang sekali.\nParagraf kedua juga panjang dan lengkap."
    assert choose(extracted, "Paragraf pertama berita yang lengkap dan panjang sekali.") == extracted


def test_empty_extraction_falls_back_to_the_markup():
    assert choose("", "Satu paragraf berita yang cukup panjang untuk dibaca.") != ""


def test_comment_disclaimer_and_capitalised_author_sign_off_are_dropped():
    text = (
        "Dokter itu menyebut aktivitas sederhana seperti jalan kaki sudah cukup.\n"
        "DINI TEJA\n"
        "Disclaimer : Komentar adalah tanggapan pribadi, tidak mewakili kebijakan redaksi."
    )
    assert strip_boilerplate(text) == "Dokter itu menyebut aktivitas sederhana seperti jalan kaki sudah cukup."


def test_a_bare_baca_juga_label_drops_its_headlines_not_the_story_after_it():
    text = (
        "Paragraf pertama berita.\nBaca Juga\nHarga Cabai Naik di Pasar\nBandara Baru Dibuka\n"
        '"Kami siap," ujar wali kota.\nParagraf terakhir berita.'
    )
    assert strip_boilerplate(text) == 'Paragraf pertama berita.\n"Kami siap," ujar wali kota.\nParagraf terakhir berita.'


# --- headline ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Polres Serahkan Tersangka ke Kejaksaan - Kompas.com Regional", {"kompas"}, "Polres Serahkan Tersangka ke Kejaksaan"),
        (
            "Sering Begadang, Hati-Hati Diabetes! - Health :: Okezone Lifestyle",
            {"okezone"},
            "Sering Begadang, Hati-Hati Diabetes!",
        ),
        ("Menteri Ancam PNS Malas | Republika Online", {"republika"}, "Menteri Ancam PNS Malas"),
        ("Indra Jaga Keromantisan dengan Istri : Okezone Celebrity", {"okezone"}, "Indra Jaga Keromantisan dengan Istri"),
        ("Jokowi - Prabowo Bertemu di Istana", {"kompas"}, "Jokowi - Prabowo Bertemu di Istana"),
    ],
)
def test_title_loses_the_site_suffix_only(title, site, expected):
    assert headline(PageMeta(titles=[title]), site) == expected


def test_headline_keeps_the_kicker_the_page_shows():
    a = article("kicker-dateline.html")
    assert a.title == "In Picture: KPK Periksa Pejabat Pengadilan yang Tertangkap Tangan"


def test_title_suffix_named_by_outlet_table_and_section_is_removed():
    assert article("english.html").title == "Indonesia can Learn from Finland's Peatland Management"


# --- time ------------------------------------------------------------------------


def test_published_time_keeps_its_offset():
    assert article("span-body.html").date == "2016-02-16T13:01:52+07:00"


def test_stamp_marking_wib_as_utc_is_read_as_the_time_the_page_shows():
    assert article("photo-page.html").date == "2016-02-23T15:32:01+07:00"


def test_utc_stamp_at_the_shown_instant_is_written_in_the_shown_zone():
    assert article("inline-box.html").date == "2024-03-05T09:10:56+07:00"


def test_shown_time_with_zone_is_used_when_the_page_has_no_stamp():
    assert article("kicker-dateline.html").date == "2016-02-23T17:15:00+07:00"
    assert article("english.html").date == "2015-11-04T07:28:00+07:00"


def test_naive_stamp_without_a_shown_zone_keeps_only_the_day():
    assert published(PageMeta(stamps=["2017-02-17 13:30:08"])) == "2017-02-17"


def test_datetime_is_an_xsd_datetime_the_shapes_accept_and_its_day_is_the_first_ten_characters():
    a = article("photo-page.html")
    g = GraphBuilder().build(a, Extraction(article_id=a.id), datetime(2026, 1, 1, tzinfo=UTC))
    value = g.value(URIRef(str(g.identifier)), SCHEMA.datePublished)
    assert value == Literal("2016-02-23T15:32:01+07:00", datatype=XSD.dateTime)
    assert str(value)[:10] == "2016-02-23"
    assert validate_graph(g).conforms, validate_graph(g).violations


# --- publisher -------------------------------------------------------------------


def test_publisher_is_the_outlet_table_name_for_a_channel_host():
    a = article("photo-page.html")
    assert (a.publisher, a.publisher_source) == ("detikFinance", "outlet table (finance.detik.com)")


def test_site_name_variants_of_one_outlet_give_one_name():
    names = {choose_publisher(None, [(n, "og:site_name")]).name for n in ("Antara News", "Antara News Agency")}
    assert names == {"ANTARA News"}
    assert choose_publisher("gaya.tempo.co", [("Tempo Gaya", "og:site_name")]).name == "Tempo"


def test_unknown_outlet_gets_its_registrable_domain_not_a_handle_or_host():
    a = article("inline-box.html")
    assert (a.publisher, a.publisher_source) == ("kabarnusa.com", "domain")
    assert article("span-body.html").publisher == "suarapagi.co.id"
    assert registrable_domain("berita.kota.contoh.co.id") == "contoh.co.id"


def test_a_real_site_name_of_an_unknown_outlet_is_kept():
    assert choose_publisher("tepian.contoh.id", [("Tepian Contoh", "og:site_name")]).name == "Tepian Contoh"


# --- dateline, language, non-articles, extract -----------------------------------------


def test_html_dateline_is_parsed_like_the_text_readers():
    a = article("kicker-dateline.html")
    assert (a.dateline, a.publisher) == ("Jakarta", "Republika")


def test_english_page_is_read_with_a_warning_that_says_what_is_not_extracted():
    a = article("english.html")
    assert a.language == "en"
    assert Errors.E090.format(lang="en") in a.warnings
    assert "Indonesian only" in Errors.E090


def test_english_page_is_skipped_clearly_under_lang_id():
    item = read("english.html", lang="id")
    assert isinstance(item, InputError)
    assert item.problem == Errors.E015.format(lang="en", wanted="id")


def test_a_list_of_source_urls_in_an_input_folder_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "SOURCES.txt").write_text(
        "https://www.antaranews.com/berita/1\nhttps://news.detik.com/berita/2\n- https://kompas.com/read/3\n"
    )
    (item,) = read_paths([tmp_path])
    assert isinstance(item, InputError)
    assert item.problem.startswith("skipped: not an article (3 of its 3 lines are links")


def test_extract_json_shows_the_article_as_read_beside_the_extraction():
    result = CliRunner().invoke(main, ["extract", "-f", "json", str(FIXTURES / "kicker-dateline.html")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["article"]["title"].startswith("In Picture: KPK")
    assert shown["article"]["date"] == "2016-02-23T17:15:00+07:00"
    assert shown["article"]["publisher"] == "Republika"
    assert shown["article"]["dateline"] == "Jakarta"
    assert shown["article"]["text"].startswith("REPUBLIKA.CO.ID, JAKARTA --")
    assert "entities" in shown
