"""The `warta ingest` contract on bad input, end to end through the command line.

One batch holds a good article beside every kind of bad input the issue names.
`warta ingest` runs once on it (as a subprocess, like a user would); each test
then checks one kind: a clear message naming the file (and the line for JSON
Lines) and the problem, the rest of the batch stored, exit code 1.
"""

from __future__ import annotations

import io
import json
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "reliability"))

from checks import assert_consistent, open_db, run, warta_command

BODY = (
    "SAMARINDA - Wali Kota Samarinda Andi Harun memimpin rapat koordinasi bersama Kepala Dinas Kesehatan "
    "Kota Samarinda di Balai Kota, Senin (4/4/2022). Rapat itu membahas program vaksinasi untuk warga "
    "yang tinggal di daerah terpencil dan tindak lanjut dari kunjungan kerja gubernur."
)
ENGLISH = (
    "JAKARTA - The governor of East Kalimantan met the minister of home affairs on Monday to discuss "
    "the relocation of the capital and the budget that will be allocated to it in the coming year."
)
# Zero-width space, no-break space, narrow no-break space, a decomposed é, curly and straight quotes.
MESSY = (
    "SAMARINDA\u00a0- Wali\u200bKota Samarinda Andi Harun menghadiri acara Cafe\u0301 Literasi di Balai\u202fKota, "
    'Senin (4/4/2022). \u201cKami dukung penuh,\u201d kata Andi. "Ini program bagus untuk warga," ujarnya '
    "dengan 'semangat' yang tinggi di hadapan para peserta dari dinas pendidikan."
)
FIFTY_MB = 50 * 1024 * 1024


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("berita.txt", BODY)
    return buffer.getvalue()


def write_batch(folder: Path) -> None:
    files: dict[str, bytes] = {
        "good.txt": BODY.encode("utf-8"),
        "empty.txt": b"",
        "blank.txt": b"  \n\t \r\n   \n",
        "png-named.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        "zip-named.jsonl": zip_bytes(),
        "utf16.txt": "\ufeff".encode("utf-16-le") + BODY.replace("rapat", "rapat kerja").encode("utf-16-le"),
        "cp1252.txt": ("Judul Berita Cafe\u0301\n\n" + BODY + " \u201cKafe\u201d itu ramai.").encode("cp1252", "ignore"),
        "nul.txt": BODY.encode("utf-8")[:50] + b"\x00" + BODY.encode("utf-8")[50:],
        "nobody.html": b"<!doctype html><html><head><title>Berita</title></head></html>",
        "english.txt": ENGLISH.encode("utf-8"),
        "messy.txt": MESSY.encode("utf-8"),
    }
    records = [
        json.dumps({"id": "jsonl-ok-1", "title": "Baik", "text": BODY}),
        '{"id": "jsonl-broken", "text": "tanpa penutup',
        json.dumps({"id": "jsonl-no-text", "title": "Tanpa teks"}),
        json.dumps({"id": "jsonl-ok-2", "title": "Baik juga", "text": BODY.replace("Senin", "Selasa")}),
    ]
    files["records.jsonl"] = "\n".join(records).encode("utf-8")
    files["cp1252.txt"] = files["cp1252.txt"].replace(b"Cafe", b"Caf\xe9")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as huge:  # sparse: refused by size before a byte is read
        huge.truncate(FIFTY_MB)


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    write_batch(folder)
    store = tmp_path_factory.mktemp("store") / "store"
    result = run(warta_command(), "ingest", str(folder), "--store", str(store), "--json", check=False)
    db = open_db(store)
    ids = {
        row["i"].value
        for row in db.query("SELECT ?i WHERE { ?a a <https://schema.org/NewsArticle> ; <https://schema.org/identifier> ?i }")
    }
    texts = {
        row["i"].value: row["t"].value
        for row in db.query(
            # The text (nif:Context) is provenance: in its article graph, not the union.
            """SELECT ?i ?t WHERE { ?a <https://schema.org/identifier> ?i .
                 GRAPH ?a { ?c <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#sourceUrl> ?a ;
                    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t } }"""
        )
    }
    assert_consistent(db)
    del db
    return {"result": result, "folder": folder, "store": store, "ids": ids, "texts": texts}


def error_lines(outcome) -> list[str]:
    return [line for line in outcome["result"].stderr.splitlines() if line.startswith("error:")]


def assert_refused(outcome, name: str, problem: str, line: int | None = None) -> None:
    where = str(outcome["folder"] / name) + (f":{line}" if line else "")
    matching = [e for e in error_lines(outcome) if f"{where}:" in e]
    assert matching, f"no error names {where}:\n" + outcome["result"].stderr[-3000:]
    assert any(problem in e for e in matching), matching
    assert "Traceback" not in outcome["result"].stderr


def test_batch_with_bad_files_exits_1_and_stores_the_rest(outcome):
    result = outcome["result"]
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["failed"] is True
    # Every good or recoverable input is stored, and nothing else.
    assert outcome["ids"] == {"good", "utf16", "cp1252", "english", "messy", "jsonl-ok-1", "jsonl-ok-2"}
    assert len(error_lines(outcome)) == 9, error_lines(outcome)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("empty.txt", "the file is empty"),
        ("blank.txt", "only whitespace"),
        ("png-named.txt", "binary (PNG image)"),
        ("zip-named.jsonl", "binary (ZIP archive"),
        ("nul.txt", "NUL bytes"),
        ("huge.txt", "larger than the limit of"),
        ("nobody.html", "no article text"),
    ],
)
def test_unreadable_file_is_named_with_its_problem(outcome, name, problem):
    assert_refused(outcome, name, problem)


def test_huge_file_message_names_the_max_bytes_option(outcome):
    assert_refused(outcome, "huge.txt", "--max-bytes")


def test_malformed_jsonl_line_is_named_by_file_and_line(outcome):
    assert_refused(outcome, "records.jsonl", "invalid JSON", line=2)


def test_jsonl_record_without_text_is_named_by_file_and_line(outcome):
    assert_refused(outcome, "records.jsonl", "no 'text' field", line=3)


def test_utf16_with_bom_is_decoded(outcome):
    assert "rapat kerja" in outcome["texts"]["utf16"]


def test_cp1252_text_is_decoded_with_a_warning_not_mangled(outcome):
    text = outcome["texts"]["cp1252"]
    assert "\u201cKafe\u201d" in text and "\ufffd" not in text
    warnings = [line for line in outcome["result"].stderr.splitlines() if line.startswith("warning:")]
    assert any(str(outcome["folder"] / "cp1252.txt") in w and "cp1252" in w for w in warnings), warnings


def test_article_in_another_language_is_stored_with_a_warning(outcome):
    warnings = [line for line in outcome["result"].stderr.splitlines() if line.startswith("warning:")]
    assert any("english.txt" in w and "not Indonesian" in w for w in warnings), warnings


def test_article_in_another_language_is_skipped_with_lang(tmp_path):
    (tmp_path / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    result = run(warta_command(), "ingest", str(tmp_path), "--store", str(tmp_path / "store"), "--lang", "id", check=False)
    assert result.returncode == 1
    assert f"{tmp_path / 'english.txt'}: skipped: language en" in result.stderr
    db = open_db(tmp_path / "store")
    assert {row["i"].value for row in db.query("SELECT ?i WHERE { ?a <https://schema.org/identifier> ?i }")} == {"good"}


def test_invisible_and_odd_spaces_are_normalised_and_accents_composed(outcome):
    text = outcome["texts"]["messy"]
    assert not any(c in text for c in "\u200b\u00a0\u202f")
    assert unicodedata.is_normalized("NFC", text) and "Caf\u00e9 Literasi" in text
    assert "\u201cKami dukung penuh,\u201d" in text and '"Ini program bagus untuk warga,"' in text


def test_file_with_no_reader_is_named(tmp_path):
    image = tmp_path / "foto.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run(warta_command(), "ingest", str(image), "--store", str(tmp_path / "store"), check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"error: {image}: no reader" in result.stderr
