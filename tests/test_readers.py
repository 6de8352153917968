"""Readers: every format on clean and messy input, and every bad input named clearly."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from graph.article import Article
from graph.errors import Errors, InputError, WartaError
from graph.readers import read_paths, reader_for, readers
from graph.readers.boilerplate import strip_boilerplate
from graph.readers.dateline import parse_dateline
from graph.readers.decode import decode, normalize_text
from graph.readers.language import detect_language

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
EXAMPLES = Path(__file__).parent.parent / "examples"

# An Indonesian paragraph long enough for the language guess.
BODY = (
    "SAMARINDA - Pemerintah Kota Samarinda menggelar rapat koordinasi dengan seluruh camat "
    "untuk membahas persiapan musim hujan di wilayah yang rawan banjir pada pekan ini."
)


def read_all(*paths: str | Path, **kwargs) -> list[Article | InputError]:
    return list(read_paths([str(p) for p in paths], **kwargs))


def read_one(path: Path, **kwargs) -> Article | InputError:
    (item,) = read_all(path, **kwargs)
    return item


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_error(item: object, path: Path | str, problem: str) -> None:
    assert isinstance(item, InputError), item
    assert str(path) in str(item), f"{item} does not name the file"
    assert problem in str(item)


# --- text reader --------------------------------------------------------------


def test_text_reader_recovers_title_publisher_dateline_and_body():
    article = read_one(FIXTURES / "scraped.txt")
    assert isinstance(article, Article)
    assert article.id == "scraped"
    assert article.title == "Pemkab Paser dan BPJS Kesehatan Teken Kerja Sama Jaminan Kesehatan Warga"
    assert article.publisher == "KABARPASER"
    assert article.dateline == "Tanah Grogot"
    # The body starts at the dateline line, kept as published; the repeated lede is gone.
    assert article.text.startswith("Tanah Grogot (KABARPASER) - Pemerintah Kabupaten Paser")
    assert article.text.count("menandatangani perjanjian kerja sama") == 1


def test_text_reader_drops_trailing_and_inline_boilerplate():
    text = read_one(FIXTURES / "scraped.txt").text
    assert text.endswith('"Anggarannya sudah kami siapkan dalam APBD," pungkasnya.')
    for junk in ("Baca juga", "Editor:", "Artikel Terkait", "Puskesmas Baru", "(*)"):
        assert junk not in text


def test_text_reader_reads_the_shared_dev_article():
    path = Path("/work/shared/eval/dev/news/articles/samarinda-kemnaker-sdm.txt")
    if not path.exists():
        pytest.skip("shared dev set not present")
    article = read_one(path)
    assert article.title.startswith("Sambut IKN, Pemkot Samarinda")
    assert (article.publisher, article.dateline) == ("ANALITIK.CO.ID", "Samarinda")
    assert article.text.startswith("ANALITIK.CO.ID, SAMARINDA - Dalam rangka")
    assert "Artikel Terkait" not in article.text


def test_text_reader_without_title_keeps_whole_body():
    article = read_one(FIXTURES / "no-title.txt")
    assert article.title is None
    assert (article.publisher, article.dateline) == ("KOMPAS", "Jakarta")
    assert article.text.endswith("pertumbuhan ekonomi di daerah.")  # "(adv)" removed


def test_text_reader_without_dateline_takes_first_short_line_as_title(tmp_path):
    path = write(tmp_path, "plain.txt", "Judul Tanpa Dateline Sama Sekali\n\n" + BODY[len("SAMARINDA - ") :] + "\n")
    article = read_one(path)
    assert article.title == "Judul Tanpa Dateline Sama Sekali"
    assert article.dateline is None
    assert article.text.startswith("Pemerintah Kota Samarinda")


def test_text_reader_reads_a_date_line_above_the_title(tmp_path):
    content = "Rabu, 6 April 2022 | 10:15 WITA\n\nJudul Berita Hari Ini\n\n" + BODY
    article = read_one(write(tmp_path, "dated.txt", content))
    assert article.date == "2022-04-06"
    assert article.title == "Judul Berita Hari Ini"


@pytest.mark.parametrize(
    ("line", "place", "publisher"),
    [
        ("ANALITIK.CO.ID, SAMARINDA - Dalam", "Samarinda", "ANALITIK.CO.ID"),
        ("JAKARTA, KOMPAS — Presiden", "Jakarta", "KOMPAS"),
        ("Samarinda (ANTARA) - Pemkot", "Samarinda", "ANTARA"),
        ("KOMPAS.com - Pemerintah", None, "KOMPAS.com"),
        ("TRIBUNNEWS.COM, MAKASSAR - Wali", "Makassar", "TRIBUNNEWS.COM"),
        ("TANJUNG REDEB, KABARBERAU.ID -- Bupati", "Tanjung Redeb", "KABARBERAU.ID"),
        ("Liputan6.com, Jakarta - Menteri", "Jakarta", "Liputan6.com"),
    ],
)
def test_dateline_shapes(line, place, publisher):
    dateline = parse_dateline(line)
    assert dateline is not None
    assert (dateline.place, dateline.publisher) == (place, publisher)
    assert line[dateline.end :][0].isalpha()


def test_dateline_with_date_and_no_dateline_in_plain_sentence():
    dateline = parse_dateline("Samarinda, 6 April 2022 - Pemerintah Kota")
    assert (dateline.place, dateline.date) == ("Samarinda", "2022-04-06")
    assert parse_dateline("Menurutnya dari program prioritas Wali - Wawali Kota") is None


def test_headline_shaped_like_a_dateline_is_not_one(tmp_path):
    content = "Pemkot Balikpapan - Kemenkop UKM Teken Nota Kesepahaman\n\n" + BODY
    article = read_one(write(tmp_path, "headline.txt", content))
    assert article.title == "Pemkot Balikpapan - Kemenkop UKM Teken Nota Kesepahaman"
    assert article.dateline == "Samarinda"


def test_boilerplate_keeps_a_parenthesis_that_is_content():
    body = "Dia bicara tentang Ibu Kota Negara (IKN)"
    assert strip_boilerplate(body) == body
    assert strip_boilerplate("Kalimat terakhir. (ant/rls)") == "Kalimat terakhir."


# --- decoding and normalisation -------------------------------------------------


def test_crlf_nbsp_zero_width_and_combining_accents_are_normalised(tmp_path):
    messy = (
        "Judul\u00a0Berita\u200b Yang Berantakan\r\n\r\n"
        "SAMARINDA - Pemerintah\u00a0Kota\u200b Samarinda bertemu Andre\u0301 di kafe\u0301 "
        "untuk membahas rencana kerja sama dengan kementerian pada pekan ini.\r\n"
    )
    article = read_one(write(tmp_path, "messy.txt", messy))
    assert article.title == "Judul Berita Yang Berantakan"
    assert "\r" not in article.text and "\u00a0" not in article.text and "\u200b" not in article.text
    assert "André" in article.text and "kafé" in article.text  # NFC: one code point each


def test_curly_and_straight_quotes_are_kept_as_written():
    text = normalize_text("“Kami siap,” ujar dia. \"Ya,\" kata Ali. ‘Baik’ dan 'oke'.")
    assert text == "“Kami siap,” ujar dia. \"Ya,\" kata Ali. ‘Baik’ dan 'oke'."


def test_utf8_bom_is_dropped():
    text, warnings = decode(b"\xef\xbb\xbfKata pertama", "x.txt")
    assert (text, warnings) == ("Kata pertama", [])


def test_utf16_with_bom_is_decoded(tmp_path):
    content = "Judul Berita Dalam UTF Enam Belas\n\n" + BODY.replace("Samarinda", "Samarinda ñ")
    article = read_one(write(tmp_path, "utf16.txt", content.encode("utf-16")))
    assert isinstance(article, Article), article
    assert "Samarinda ñ" in article.text
    assert article.warnings == ()


def test_cp1252_text_is_decoded_with_a_warning(tmp_path):
    content = "Judul Berita Dengan Kutip\n\n" + BODY + " “Siap,” kata Pak José."
    article = read_one(write(tmp_path, "legacy.txt", content.encode("cp1252")))
    assert "“Siap,” kata Pak José." in article.text
    assert Errors.E019.format(encoding="cp1252") in article.warnings


def _misread(data: bytes, encoding: str) -> str:
    """Bytes decoded as a browser or editor does with the wrong code page (bytes cp1252
    leaves undefined pass through as Latin-1)."""
    out = []
    for byte in data:
        try:
            out.append(bytes([byte]).decode(encoding))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@pytest.mark.parametrize("wrong", ["cp1252", "mac_roman"])
def test_double_encoded_utf8_is_repaired_and_flagged(tmp_path, wrong):
    clean = "Judul Berita\n\n" + BODY + " Kata “kutip” di kafé."
    data = _misread(clean.encode("utf-8"), wrong).encode("utf-8")
    article = read_one(write(tmp_path, "mojibake.txt", data))
    assert article.text == read_one(write(tmp_path, "clean.txt", clean.encode("utf-8"))).text
    assert Errors.E093 in article.warnings


def test_text_that_only_contains_a_capital_a_tilde_is_not_changed(tmp_path):
    article = read_one(write(tmp_path, "ok.txt", ("Judul Berita\n\n" + BODY + " Merek ÃX dijual.").encode("utf-8")))
    assert "Merek ÃX dijual." in article.text


def test_paragraphs_joined_with_a_comma_are_split_and_degrees_are_not(tmp_path):
    joined = (
        "Judul Berita\n\n"
        + BODY
        + " Rapat itu berlangsung lancar.,Selanjutnya Dr. H. Ali Fitri, S.H., M.Si hadir.,“Kami siap,” katanya."
    )
    article = read_one(write(tmp_path, "joined.txt", joined.encode("utf-8")))
    assert "berlangsung lancar.\nSelanjutnya" in article.text
    assert "Ali Fitri, S.H., M.Si hadir.\n“Kami siap,” katanya." in article.text


def test_undecodable_bytes_are_an_error(tmp_path):
    path = write(tmp_path, "bad.txt", b"Kata \x81\x8d\x8f\x90\x9d \xff")
    assert_error(read_one(path), path, Errors.E012)


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", Errors.E003),
        ("blank.txt", b"  \n\t\r\n  \n", Errors.E004),
        ("invisible.txt", "\u200b\u00a0\ufeff\n".encode(), Errors.E004),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Errors.E005.format(what="PNG image")),
        ("paper.html", b"%PDF-1.7\n%\xe2\xe3", Errors.E005.format(what="PDF document")),
        ("nul.txt", b"Kata pertama\x00kata kedua", Errors.E011),
        ("empty.jsonl", b"", Errors.E003),
        ("blank.json", b"\n\n", Errors.E004),
    ],
)
def test_bad_bytes_are_errors_that_name_file_and_problem(tmp_path, name, data, problem):
    path = write(tmp_path, name, data)
    assert_error(read_one(path), path, problem)


def test_zip_bytes_are_rejected(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("artikel.txt", BODY)
    path = write(tmp_path, "archive.jsonl", buffer.getvalue())
    assert_error(read_one(path), path, "ZIP archive")


def test_oversized_file_is_refused_unread(tmp_path):
    path = write(tmp_path, "big.txt", "Judul\n\n" + BODY * 10)
    assert_error(read_one(path, max_bytes=100), path, Errors.E006.format(limit=100))
    assert isinstance(read_one(path, max_bytes=10_000), Article)


def test_oversized_stdin_is_refused():
    (item,) = read_all("-", stdin=io.BytesIO(BODY.encode() * 10), max_bytes=50)
    assert_error(item, "<stdin>", Errors.E006.format(limit=50))


# --- HTML ---------------------------------------------------------------------


def test_html_reader_keeps_the_article_and_drops_navigation():
    article = read_one(FIXTURES / "portal.html")
    assert isinstance(article, Article), article
    assert article.title == "Pemkot Balikpapan Bahas MoU dengan Kemenkop UKM"
    assert article.url == "https://tepian.contoh.id/berita/pemkot-balikpapan-bahas-mou"
    assert article.date == "2023-03-14T10:30:00+08:00"
    assert article.publisher == "Tepian Contoh"
    assert article.dateline == "Balikpapan"
    assert article.text.startswith("BALIKPAPAN, TEPIAN.CONTOH.ID - Pemerintah Kota Balikpapan")
    assert "“Kami ingin 10.000 UKM naik kelas" in article.text
    for junk in ("Beranda", "Olahraga", "Breaking", "Berita Terkait", "Terpopuler", "Pedoman", "Baca juga", "©"):
        assert junk not in article.text


def test_html_without_article_text_is_an_error():
    path = FIXTURES / "nav-only.html"
    assert_error(read_one(path), path, Errors.E010)


def test_html_without_body_is_an_error(tmp_path):
    path = write(tmp_path, "head.htm", "<html><head><title>Kosong</title></head></html>")
    assert_error(read_one(path), path, Errors.E010)


# --- JSON and JSON Lines ---------------------------------------------------------


def test_jsonl_bad_lines_are_errors_with_line_numbers_and_the_rest_is_read():
    path = FIXTURES / "mixed.jsonl"
    items = read_all(path)
    articles = [i for i in items if isinstance(i, Article)]
    errors = {i.line: i for i in items if isinstance(i, InputError)}
    assert [a.id for a in articles] == ["baik-1", "mixed-4", "42"]
    assert set(errors) == {2, 3, 6, 7}
    assert f"{path}:2: invalid JSON" in str(errors[2])
    assert f"{path}:3: {Errors.E008}" == str(errors[3])
    assert f"{path}:6: {Errors.E009}" == str(errors[6])
    assert f"{path}:7: {Errors.E013}" == str(errors[7])


def test_jsonl_records_carry_fields_source_and_type_warnings():
    articles = {a.id: a for a in read_all(FIXTURES / "mixed.jsonl") if isinstance(a, Article)}
    first = articles["baik-1"]
    assert (first.title, first.date, first.publisher, first.dateline) == (
        "Rapat Paripurna DPRD Kaltim",
        "2023-08-21",
        "Contoh",
        "Samarinda",
    )
    assert first.source == f"{FIXTURES / 'mixed.jsonl'}:1"
    assert articles["42"].title is None
    assert Errors.E018.format(field="title", type="int") in articles["42"].warnings


def test_json_list_gives_one_article_per_object_and_numbers_missing_ids():
    articles = read_all(FIXTURES / "list.json")
    assert [a.id for a in articles] == ["satu", "list-2"]
    assert articles[1].title == "Berita Dua"


def test_json_single_object_without_id_takes_the_file_stem(tmp_path):
    path = write(tmp_path, "satu-berita.json", json.dumps({"title": "T", "text": BODY}))
    assert read_one(path).id == "satu-berita"


def test_invalid_json_file_names_file_and_line(tmp_path):
    path = write(tmp_path, "broken.json", '{\n  "text": "a",\n  oops\n}')
    item = read_one(path)
    assert_error(item, path, "invalid JSON")
    assert item.line == 3


def test_empty_json_list_is_an_error(tmp_path):
    path = write(tmp_path, "none.json", "[]")
    assert_error(read_one(path), path, Errors.E016)


def test_json_text_is_normalised_but_line_separator_does_not_split_a_record(tmp_path):
    record = {"id": "u2028", "text": "Baris satu\u2028baris\u00a0dua\r\ndengan kafe\u0301 untuk pada yang."}
    path = write(tmp_path, "sep.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    article = read_one(path)
    assert article.text == "Baris satu\nbaris dua\ndengan kafé untuk pada yang."


def test_pfsa_style_text_is_kept_as_given(tmp_path):
    text = "JAKARTA, KOMPAS — Rapat membahas Covid - 19 .\nRapat berlangsung Senin ( 13 / 04 / 2020 ) ."
    path = write(tmp_path, "pfsa.jsonl", json.dumps({"id": "p", "publisher": "Kompas", "text": text}))
    article = read_one(path)
    assert article.text == text
    assert (article.publisher, article.dateline) == ("Kompas", "Jakarta")


# --- language -------------------------------------------------------------------


def test_english_article_is_kept_with_a_warning_when_no_lang_is_given():
    article = read_one(FIXTURES / "english.txt")
    assert article.language == "en"
    assert Errors.E090.format(lang="en") in article.warnings


def test_lang_skips_articles_in_another_language():
    path = FIXTURES / "english.txt"
    assert_error(read_one(path, lang="id"), path, "skipped: language en")
    assert isinstance(read_one(FIXTURES / "scraped.txt", lang="id"), Article)


def test_record_language_wins_over_the_guess(tmp_path):
    path = write(tmp_path, "ms.jsonl", json.dumps({"id": "m", "language": "ms", "text": BODY}))
    assert_error(read_one(path, lang="id"), f"{path}:1", "skipped: language ms")
    assert Errors.E090.format(lang="ms") in read_one(path).warnings


def test_language_guess():
    assert detect_language(BODY) == "id"
    assert detect_language("The governor said that the ministry will sign the agreement in June.") == "en"
    assert detect_language("Samarinda") is None


# --- walking paths ------------------------------------------------------------------


def test_directory_is_read_recursively_in_order_skipping_hidden_and_unknown_files():
    items = read_all(FIXTURES / "tree")
    assert [a.id for a in items] == ["a", "tree-b"]
    assert all(isinstance(a, Article) for a in items)


def test_explicit_file_with_unknown_extension_is_an_error():
    path = FIXTURES / "tree" / "README.md"
    item = read_one(path)
    assert_error(item, path, "unknown extension '.md'")


def test_format_overrides_the_extension():
    article = read_one(FIXTURES / "tree" / "README.md", fmt="txt")
    assert isinstance(article, Article)


def test_unknown_format_is_a_usage_error():
    with pytest.raises(WartaError, match="unknown reader 'docx'"):
        read_all(FIXTURES / "scraped.txt", fmt="docx")


def test_missing_path_is_an_error_and_the_batch_goes_on():
    items = read_all(FIXTURES / "missing.txt", FIXTURES / "scraped.txt")
    assert_error(items[0], FIXTURES / "missing.txt", Errors.E014)
    assert isinstance(items[1], Article)


@pytest.mark.parametrize(
    ("data", "fmt", "expected_id"),
    [
        (("Judul Dari Stdin\n\n" + BODY).encode(), None, "stdin"),
        (json.dumps({"id": "dari-pipa", "text": BODY}).encode() + b"\n", None, "dari-pipa"),
        (b"<html><body><article><p>" + BODY.encode() + b"</p></article></body></html>", None, "stdin"),
        (("Judul Dari Stdin\n\n" + BODY).encode(), "txt", "stdin"),
    ],
)
def test_stdin_dash_is_read_and_sniffed(data, fmt, expected_id):
    (article,) = read_all("-", fmt=fmt, stdin=io.BytesIO(data))
    assert isinstance(article, Article), article
    assert article.id == expected_id
    assert article.source.startswith("<stdin>")


def test_every_registered_reader_declares_extensions_and_is_found_by_them():
    for name in readers:
        cls = readers.get(name)
        assert cls.name == name and cls.extensions
        for ext in cls.extensions:
            assert type(reader_for(f"x{ext.upper()}")) is cls


# --- bundled examples ----------------------------------------------------------------


def test_examples_read_cleanly_with_unique_ids():
    items = read_all(EXAMPLES)
    errors = [i for i in items if isinstance(i, InputError)]
    assert not errors, errors
    ids = [a.id for a in items]
    assert len(ids) >= 8 and len(set(ids)) == len(ids)
    for article in items:
        assert article.language == "id" and not article.warnings, (article.id, article.warnings)
        assert article.title and article.publisher and article.date, article.id
        assert 200 <= len(article.text.split()) <= 500, (article.id, len(article.text.split()))


@pytest.mark.parametrize("folder", ["txt", "html", "jsonl", "json"])
def test_examples_exist_in_every_format(folder):
    assert any(read_all(EXAMPLES / folder))


# --- inputs that once stopped or hung the batch ----------------------------------------


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json_line_is_an_error_for_that_line_and_the_rest_is_read(tmp_path, depth):
    lines = [json.dumps({"id": "a", "text": BODY}), "[" * depth, json.dumps({"id": "c", "text": BODY})]
    deep = write(tmp_path, "deep.jsonl", "\n".join(lines) + "\n")
    good = write(tmp_path, "good.txt", "Judul Yang Baik Sekali\n\n" + BODY)
    items = read_all(deep, good)
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "c", "good"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert_error(error, f"{deep}:2", "nests arrays or objects too deeply")


def test_deeply_nested_json_file_and_stdin_are_errors_not_exceptions(tmp_path):
    deep = write(tmp_path, "deep.json", '{"text": ' + "[" * 5_000 + "]" * 5_000 + "}")
    assert_error(read_one(deep), deep, "nests arrays or objects too deeply")
    (item,) = read_all("-", stdin=io.BytesIO(b"[" * 5_000))
    assert_error(item, "<stdin>", "nests arrays or objects too deeply")


def test_a_reader_that_raises_is_reported_for_its_file_and_the_batch_goes_on(tmp_path, monkeypatch):
    from graph.readers.text import TextReader

    def explode(self, data, source, stem):
        raise RecursionError("maximum recursion depth exceeded")
        yield  # pragma: no cover

    monkeypatch.setattr(TextReader, "read", explode)
    bad = write(tmp_path, "a.txt", BODY)
    good = write(tmp_path, "b.jsonl", json.dumps({"id": "b", "text": BODY}))
    first, second = read_all(bad, good)
    assert_error(first, bad, "the txt reader failed on this file (RecursionError")
    assert isinstance(second, Article)


def _special_files(folder: Path) -> list[Path]:
    import os
    import socket

    pipe = folder / "pipe.txt"
    os.mkfifo(pipe)
    sock_path = folder / "sock.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))  # the socket file stays after the socket closes
    return [pipe, sock_path]


def test_named_pipe_and_socket_in_a_folder_are_skipped_with_a_message_never_opened(tmp_path):
    import signal

    pipe, sock = _special_files(tmp_path)
    write(tmp_path, "real.txt", "Judul Yang Baik Sekali\n\n" + BODY)
    # Opening the pipe for reading would block forever: fail the test instead.
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading the folder hung on the named pipe"))
    signal.alarm(10)
    try:
        items = read_all(tmp_path)
    finally:
        signal.alarm(0)
    assert [i.id for i in items if isinstance(i, Article)] == ["real"]
    errors = {i.source: i.problem for i in items if isinstance(i, InputError)}
    assert errors == {
        str(pipe): Errors.E025.format(kind="named pipe"),
        str(sock): Errors.E025.format(kind="socket"),
    }


def test_a_named_pipe_given_explicitly_is_read_like_cat(tmp_path):
    import os
    import threading

    pipe = tmp_path / "piped.txt"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_text, args=("Judul Dari Pipa Ini\n\n" + BODY,))
    writer.start()
    (item,) = read_all(pipe)
    writer.join(10)
    assert isinstance(item, Article) and item.id == "piped"


def test_an_unreadable_sub_folder_is_reported_not_skipped_silently(tmp_path, monkeypatch):
    import os

    (tmp_path / "locked").mkdir()
    write(tmp_path / "locked", "hidden.txt", BODY)
    write(tmp_path, "open.txt", "Judul Yang Baik Sekali\n\n" + BODY)
    real_scandir = os.scandir

    def scandir(path=None):
        if Path(path) == tmp_path / "locked":  # chmod 000 does not stop root, so fail the listing here
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = read_all(tmp_path)
    assert_error(items[0], tmp_path / "locked", "cannot read the folder: Permission denied")
    assert [i.id for i in items[1:]] == ["open"]
