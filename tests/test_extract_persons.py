from graph.article import Article
from graph.extract.rules import RuleExtractor


def extract(text):
    return RuleExtractor().extract(Article(id="t", text=text))


def persons(text):
    return {e.name: e for e in extract(text).entities if e.kind == "person"}


def test_person_after_office_without_honorifics():
    assert "Budi Santoso" in persons("Kepala Dinas Kesehatan Kota Malang, Dr. H. Budi Santoso, M.Si hadir.")


def test_short_form_becomes_alias_of_full_name():
    found = persons("Wakil Bupati Sleman Dewi Kartika Sari hadir. Menurut Dewi, acara berjalan baik.")
    assert "Dewi" in found["Dewi Kartika Sari"].aliases


def test_office_and_short_name_resolve_to_person():
    found = persons('Bupati Klaten Hendro Wibisono membuka acara. "Kita siap," kata Bupati Hendro.')
    assert list(found) == ["Hendro Wibisono"]


def test_speaker_after_speech_verb_is_a_person():
    assert "Rina Marlina" in persons('"Semua lancar," ujar Rina Marlina kepada wartawan.')


def test_speaker_before_speech_verb_is_a_person():
    assert "Slamet Riyadi" in persons("Slamet Riyadi mengatakan jalan itu segera diperbaiki.")


def test_nickname_is_alias():
    found = persons("Gubernur Jawa Tengah Ganjar Pranowo hadir. Ganjar --sapaan Ganjar Pranowo-- berpidato.")
    assert "Ganjar Pranowo" in found


def test_region_before_name_is_not_part_of_it():
    found = persons("Gubernur DKI Jakarta Anies Baswedan menyatakan rapat selesai.")
    assert list(found) == ["Anies Baswedan"]


def test_police_rank_is_kept_as_written_form_only():
    found = persons("Kepala Polres Kota Bogor Komisaris Besar Hendra Gunawan mengatakan jalan ditutup.")
    assert "Komisaris Besar Hendra Gunawan" in found["Hendra Gunawan"].aliases


def test_rank_with_corps_in_parentheses():
    found = persons("Wakil Kepala Polda Papua Brigadir Jenderal (Pol) Yosef Manuhutu mengatakan situasi aman.")
    assert "Yosef Manuhutu" in found


def test_lower_case_doctor_title_is_written_form():
    found = persons("Ketua Ikatan Dokter Gigi dr Rina Sari mengatakan stok cukup.")
    assert "dr Rina Sari" in found["Rina Sari"].aliases


def test_body_word_used_alone_elsewhere_leaves_the_name():
    text = (
        "Kepala Humas Unpaz Lestari Ayu Ningrum mengatakan kampus ditutup. "
        "Mahasiswa Unpaz belajar dari rumah. Lestari menambahkan jadwal ujian tetap."
    )
    assert "Lestari Ayu Ningrum" in persons(text)


def test_holder_name_is_not_a_place():
    ex = extract("Kepala BKN Bima Santoso Wirawan mengatakan seleksi dibuka.")
    assert not any(e.kind == "place" and e.name == "Bima" for e in ex.entities)
