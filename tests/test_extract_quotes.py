"""Direct quotations and their speakers (graph.extract.rules.quotes)."""

from graph.article import Article
from graph.extract.rules.doc import Doc
from graph.extract.rules.quotes import find_quote_spans, find_quotes
from graph.extract.rules.sentences import find_sentences


def doc_with(text, *persons):
    """A document whose persons stage found ``persons`` (full names) where written."""
    doc = Doc(Article(id="t", text=text))
    find_sentences(doc)
    for name in persons:
        start = text.index(name)
        doc.add_entity("person", name, doc.span(start, start + len(name)))
    return doc


def speakers(doc):
    return [(q.text.split()[0], doc.extraction.entity(q.speaker).name) for q in find_quotes(doc)]


def test_speaker_named_after_the_quote():
    doc = doc_with(
        'Bupati Rudi Hartono meninjau lokasi. "Jalan ini harus selesai tahun depan," ujar Rudi Hartono.',
        "Rudi Hartono",
    )
    assert speakers(doc) == [("Jalan", "Rudi Hartono")]


def test_short_name_after_the_quote_resolves_to_the_full_name():
    doc = doc_with(
        'Wali Kota Dewi Lestari hadir. "Kami siap membantu warga," kata Dewi.',
        "Dewi Lestari",
    )
    assert speakers(doc) == [("Kami", "Dewi Lestari")]


def test_speaker_before_the_quote():
    doc = doc_with(
        'Camat Budi Santoso mengatakan, "Pendataan warga sudah selesai minggu lalu."',
        "Budi Santoso",
    )
    assert speakers(doc) == [("Pendataan", "Budi Santoso")]


def test_menurut_before_the_quote():
    doc = doc_with('Menurut Siti Aminah, "Anggaran itu belum cair sampai sekarang."', "Siti Aminah")
    assert speakers(doc) == [("Anggaran", "Siti Aminah")]


def test_nya_cue_is_the_most_recent_person():
    doc = doc_with(
        'Kepala Dinas Ahmad Yani menjelaskan rencana itu. "Semua sekolah akan dibantu," pungkasnya.',
        "Ahmad Yani",
    )
    assert speakers(doc) == [("Semua", "Ahmad Yani")]


def test_pronoun_before_a_verb_is_the_most_recent_person():
    doc = doc_with(
        'Rina Marlina datang pagi. "Kami menunggu kepastian dari pusat," ia menambahkan.',
        "Rina Marlina",
    )
    assert speakers(doc) == [("Kami", "Rina Marlina")]


def test_names_inside_an_earlier_quote_are_not_speakers():
    text = 'Agus Salim hadir. "Saya sudah bicara dengan Tono Wijaya soal ini," kata Agus Salim. "Besok kami lanjutkan rapatnya," tambahnya.'
    doc = doc_with(text, "Agus Salim", "Tono Wijaya")
    assert speakers(doc) == [("Saya", "Agus Salim"), ("Besok", "Agus Salim")]


def test_speaker_missed_by_the_persons_stage_becomes_a_person():
    doc = doc_with('"Harga beras mulai turun pekan ini," kata Yusuf Mansur.')
    assert speakers(doc) == [("Harga", "Yusuf Mansur")]
    assert doc.find_entity("Yusuf Mansur", "person") is not None


def test_quote_without_a_named_speaker_is_left_out():
    doc = doc_with('"Antrean sudah panjang sejak subuh," kata seorang petugas.')
    assert find_quotes(doc) == []


def test_span_covers_the_text_inside_the_marks():
    text = 'Lina Sari berkata, "Program ini berjalan baik sekali."'
    doc = doc_with(text, "Lina Sari")
    (quote,) = find_quotes(doc)
    assert quote.text == text[quote.span.start : quote.span.end] == "Program ini berjalan baik sekali."


def test_curly_quote_spanning_lines_opened_by_a_right_mark():
    # Re-assembled corpora put the opening mark, as a right mark, at the end of the line before.
    text = "Pemerintah menyiapkan bantuan.”\nSaya minta semua bergerak.\nMinggu ini harus jalan,” kata Joko Susilo."
    doc = doc_with(text, "Joko Susilo")
    assert speakers(doc) == [("Saya", "Joko Susilo")]


def test_scare_quotes_around_a_name_are_not_quotations():
    assert find_quote_spans('Pemkot meluncurkan program "Kota Hijau" tahun ini.') == []


def test_continuing_quote_keeps_the_previous_speaker():
    text = '"Kami akan mulai bulan depan," kata Hendra Gunawan.\n\n"Semua warga akan mendapat giliran yang sama."'
    doc = doc_with(text, "Hendra Gunawan")
    assert speakers(doc) == [("Kami", "Hendra Gunawan"), ("Semua", "Hendra Gunawan")]


def test_region_before_the_name_is_not_part_of_the_speaker():
    text = '"Laporan warga terus kami tampung," kata Ketua Ombudsman Papua Barat Yosef Kambu.'
    doc = doc_with(text)
    # The persons stage glued the region to the name; the speaker gets the clean name.
    doc.add_entity(
        "person",
        "Barat Yosef Kambu",
        doc.span(text.index("Barat Yosef"), len(text) - 1),
    )
    assert speakers(doc) == [("Laporan", "Yosef Kambu")]


def test_speaker_after_comma_separated_offices_and_places():
    text = '"Air bersih belum sampai ke rumah kami," kata Kepala Desa Sukamaju, Kecamatan Cibeber, Asep Sunarya di balai desa.'
    assert speakers(doc_with(text)) == [("Air", "Asep Sunarya")]


def test_rank_before_the_name_is_kept_as_the_written_form():
    text = '"Pelaku sudah kami tahan sejak kemarin," kata Kepala Polres Lebak Ajun Komisaris Besar Rudi Hartanto.'
    doc = doc_with(text)
    assert speakers(doc) == [("Pelaku", "Rudi Hartanto")]
    assert "Ajun Komisaris Besar Rudi Hartanto" in doc.find_entity("Rudi Hartanto", "person").aliases


def test_name_before_its_office_after_the_quote():
    text = '"Pesanan naik dua kali lipat bulan ini," kata Maria Ulfa, Head of Marketing Sentosa Digital.'
    assert speakers(doc_with(text)) == [("Pesanan", "Maria Ulfa")]


def test_lower_case_office_before_the_name():
    text = '"Tes usap kami tambah pekan ini," kata juru bicara Satgas Kabupaten Lebak, Hendra Wijaya, dalam rekaman suara.'
    assert speakers(doc_with(text)) == [("Tes", "Hendra Wijaya")]


def test_quote_closed_by_a_single_mark():
    text = "“\nKami sudah menyiapkan gudang baru di sana,’ kata Nur Aini.\nIa tidak merinci."
    assert speakers(doc_with(text)) == [("Kami", "Nur Aini")]


def test_trailing_weekday_after_the_name_is_not_the_speaker():
    text = '"Kafe itu segera kami datangi," kata Kepala Dinas Pariwisata Kota Bogor Dedi Kurnia, Sabtu, saat dihubungi.'
    assert speakers(doc_with(text)) == [("Kafe", "Dedi Kurnia")]


def test_nya_cue_is_the_subject_of_the_attribution_not_the_last_name():
    text = (
        "Kepala Dinas Pertanian Budi Santoso mengatakan, panen raya digelar bersama Camat Rudi Hartono.”\n"
        "Kami terus memantau harga gabah,” katanya."
    )
    doc = doc_with(text, "Budi Santoso", "Rudi Hartono")
    assert speakers(doc) == [("Kami", "Budi Santoso")]


def test_menurut_inside_the_attribution_names_the_speaker():
    text = (
        "Gubernur Andi Malik, menurut Sekda Rahmat Hidayat, meminta semua dinas bergerak.”\nTidak ada alasan menunda,” ujarnya."
    )
    doc = doc_with(text, "Andi Malik", "Rahmat Hidayat")
    assert speakers(doc) == [("Tidak", "Rahmat Hidayat")]


def test_pronoun_subject_keeps_the_speaker_of_the_sentence_before():
    text = (
        "Bupati Yusuf Halim menjelaskan, jalan desa diperbaiki tahun ini.\n"
        "Ia menambahkan, anggaran dibahas bersama Ketua DPRD Sri Wahyuni.”\n"
        "Kami tidak ingin ada yang tertinggal,” ujarnya."
    )
    doc = doc_with(text, "Yusuf Halim", "Sri Wahyuni")
    assert speakers(doc) == [("Kami", "Yusuf Halim")]


def test_lanjut_before_the_name_marks_the_speaker():
    text = "Rapat dipimpin Wali Kota Hana Putri.\nDalam rapat itu, lanjut Agus Salim, target vaksinasi dinaikkan.”\nSemua puskesmas siap,” tuturnya."
    doc = doc_with(text, "Hana Putri", "Agus Salim")
    assert speakers(doc) == [("Semua", "Agus Salim")]


def test_scraped_text_gives_the_same_quotes_as_clean_text(tmp_path):
    """Mojibake quotation marks (UTF-8 read as Mac Roman), paragraphs joined by '.,' and
    non-breaking spaces inside names: the reader repairs them, so the facts are the same."""
    from graph.extract.rules import RuleExtractor
    from graph.readers import read_paths

    clean = (
        "Pemkot Bogor Siapkan Pasar Baru\n\n"
        "BOGOR - Wali Kota Bogor Dedie Rachim meninjau Pasar Kebon Kembang, Senin (4/3/2024).\n"
        "“Pasar ini harus selesai sebelum Lebaran,” kata Dedie Rachim.\n"
        "Kepala Dinas Koperasi dan UMKM Kota Bogor Samson Purba mengatakan pedagang sudah didata.\n"
        "“Kami tidak ingin ada pedagang yang tertinggal,” ujar Samson.\n"
    )
    scraped = (
        clean.replace("“", "‚Äú")
        .replace("”", "‚Äù")
        .replace("Dedie Rachim", "Dedie\u00a0Rachim")
        .replace("(4/3/2024).\n", "(4/3/2024).,")
    )
    (tmp_path / "clean.txt").write_text(clean, encoding="utf-8")
    (tmp_path / "scraped.txt").write_text(scraped, encoding="utf-8")

    def facts(name):
        article = next(a for a in read_paths([tmp_path / name]))
        extraction = RuleExtractor().extract(article)
        names = {e.key: e.name for e in extraction.entities}
        return sorted((q.text, names.get(q.speaker)) for q in extraction.quotes)

    assert facts("scraped.txt") == facts("clean.txt")
    assert sorted(speaker for _, speaker in facts("clean.txt")) == ["Dedie Rachim", "Samson Purba"]


def test_a_short_answer_closed_by_its_own_comma_is_a_quote():
    doc = doc_with('Gubernur Andi Wirawan mengatakan hal itu. "Kami siap," ujar Andi Wirawan.', "Andi Wirawan")
    assert speakers(doc) == [("Kami", "Andi Wirawan")]


def test_a_description_closed_by_itu_refers_back_like_a_pronoun():
    from graph.article import Article
    from graph.extract.rules import RuleExtractor

    text = (
        'Anggota DPR Rina Kartika meninjau pasar. "Harga cabai mulai turun pekan ini," tegas politikus '
        'Partai Demokrat (PD) itu. "Kami pantau terus sampai Lebaran," kata mantan Wali Kota Bogor tersebut.'
    )
    ex = RuleExtractor().extract(Article(id="t", text=text))
    names = {e.key: e.name for e in ex.entities}
    assert [(q.text.split()[0], names[q.speaker]) for q in ex.quotes] == [("Harga", "Rina Kartika"), ("Kami", "Rina Kartika")]


def test_an_office_with_its_region_and_no_name_is_not_a_person():
    from graph.article import Article
    from graph.extract.rules import RuleExtractor

    ex = RuleExtractor().extract(
        Article(id="t", text='Rapat digelar di balai kota. "Kami siapkan anggaran tahun depan," kata Wali Kota Samarinda.')
    )
    assert not [e.name for e in ex.entities if e.kind == "person"]
