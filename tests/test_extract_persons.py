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


def test_one_letter_spelling_variants_in_one_article_are_one_person():
    text = (
        "Wali Kota Bekasi Rahmat Effendi meninjau banjir di Jatiasih. "
        '"Pompa air sudah kami tambah," kata Rahmat Efendi kepada wartawan.'
    )
    ex = extract(text)
    found = [e for e in ex.entities if e.kind == "person"]
    assert [e.name for e in found] == ["Rahmat Effendi"]
    assert "Rahmat Efendi" in found[0].aliases
    assert all(q.speaker == found[0].key for q in ex.quotes)


def test_a_short_form_written_first_joins_the_full_name():
    text = (
        '"Kami akan menata ulang pasar," kata Made Wiradarma. '
        "Kepala Dinas Perdagangan Kabupaten Badung I Made Wiradarma menambahkan anggaran sudah siap."
    )
    found = [e for e in extract(text).entities if e.kind == "person"]
    assert len(found) == 1 and found[0].name.endswith("Made Wiradarma")


def test_names_one_letter_apart_that_are_not_spelling_variants_stay_two_persons():
    found = persons('"Lancar," kata Ahmad Rizal. "Aman," ujar Ahmad Rizki. "Siap," ucap Ahmad Faizal.')
    assert {"Ahmad Rizal", "Ahmad Rizki", "Ahmad Faizal"} <= set(found)


def test_old_and_new_spellings_of_one_name_are_one_person():
    found = persons('Bupati Sragen Djoko Santoso hadir. "Kami siap," kata Joko Santoso.')
    assert list(found) == ["Djoko Santoso"]


def test_the_region_an_office_serves_is_not_part_of_the_speakers_name():
    found = persons('"Kami siap bekerja sama," ujar Sekda Samarinda Ali Fitri saat ditemui wartawan.')
    assert list(found) == ["Ali Fitri"]


def _persons_after_merge(text, *names):
    """A document whose persons stage found ``names`` where first written, after the merge."""
    from graph.extract.rules.doc import Doc
    from graph.extract.rules.finalize import merge_person_variants

    doc = Doc(Article(id="t", text=text))
    for name in names:
        start = text.index(name)
        doc.add_entity("person", name, doc.span(start, start + len(name)))
    merge_person_variants(doc)
    return {e.name: e for e in doc.entities if e.kind == "person"}


def test_a_first_name_alone_joins_the_one_person_it_belongs_to():
    found = _persons_after_merge(
        '"Dinas mesti memetakan saluran air," kata Nirwono. Hal itu disampaikan pengamat Nirwono Joga.',
        "Nirwono",
        "Nirwono Joga",
    )
    assert list(found) == ["Nirwono Joga"] and "Nirwono" in found["Nirwono Joga"].aliases


def test_a_surname_two_persons_share_stays_apart():
    found = _persons_after_merge(
        '"Kami siap," ujar Widodo. Presiden Joko Widodo dan Gubernur Tri Widodo meninjau lokasi.',
        "Widodo",
        "Joko Widodo",
        "Tri Widodo",
    )
    assert set(found) == {"Widodo", "Joko Widodo", "Tri Widodo"}


def test_a_corps_after_a_rank_is_not_part_of_the_name():
    found = persons('Komandan Kodim 0815 Letkol Arh Yudi Prasetyo memimpin apel siaga. "Semua siap," kata Yudi.')
    assert list(found) == ["Yudi Prasetyo"]


def test_an_office_with_a_possessive_is_not_a_person():
    text = "Lantai dua gedung itu rusak. Sejauh ini belum ada korban, kata Bupatinya. Hal itu juga disampaikan Sekdanya."
    assert persons(text) == {}


def test_second_name_word_opening_another_name_does_not_cut_the_first():
    # "Sri" is written alone only as the start of another person's name, so "Kustiani" is the
    # person's own first word, not a body word in front of the name.
    found = persons(
        "Bupati Sleman Kustiani Sri Wulandari membuka acara. Kustiani memaparkan capaian. "
        "Gubernur DIY Sri Sultan Hamengku Buwono X hadir."
    )
    assert "Kustiani Sri Wulandari" in found and "Sri Wulandari" not in found
