"""Programmes and targets (graph.extract.rules.programs), through the whole rule extractor."""

from graph.article import Article
from graph.extract.rules import RuleExtractor


def extract(text):
    return RuleExtractor().extract(Article(id="t", text=text, date="2021-05-12"))


def names(ex):
    return [p.name for p in ex.programs]


def test_program_followed_by_a_capitalised_name():
    assert names(extract("Warga diminta mendaftar program Kartu Prakerja secepatnya.")) == ["Kartu Prakerja"]


def test_program_name_in_quotes():
    assert names(extract("Pemprov menyiapkan program 'Kota Ramah Pejalan Kaki' tahun ini.")) == ["Kota Ramah Pejalan Kaki"]


def test_headed_name_with_acronym():
    ex = extract("Warga menerima Bantuan Sosial Tunai (BST) bulan ini.")
    assert names(ex) == ["Bantuan Sosial Tunai"]
    assert "BST" in ex.programs[0].aliases


def test_priority_programmes_with_owner():
    ex = extract("Hal ini sejalan dengan 9 program prioritas Bupati dan Wakil Bupati Lombok Barat dalam lima tahun.")
    assert names(ex) == ["9 program prioritas Bupati dan Wakil Bupati Lombok Barat"]


def test_numeric_target_value_and_unit():
    ex = extract("Pemkot menargetkan akan menciptakan 5.000 Usaha Mikro Kecil (UMK) dalam tiga tahun.")
    (program,) = ex.programs
    assert (program.target_value, program.target_unit) == (5000.0, "UMK")
    assert program.name == "5.000 Usaha Mikro Kecil"


def test_target_with_a_nominalised_verb():
    ex = extract("Kementerian mencanangkan pembangunan 2000 Rumah Layak Huni di tahun 2021.")
    assert names(ex) == ["pembangunan 2000 Rumah Layak Huni"]


def test_fund_named_by_its_kind():
    assert names(extract("Pemkot mengajukan dana hibah sebesar Rp 10 miliar.")) == ["dana hibah"]


def test_lower_case_programme_description_is_not_a_name():
    assert names(extract("Evaluasi meliputi program kebijakan umum dan belanja daerah.")) == []


def test_repeated_programme_is_one_programme():
    ex = extract("Program Keluarga Harapan (PKH) diperluas. Penerima PKH bertambah tahun ini.")
    assert len(ex.programs) == 1


def test_provider_is_the_organisation_in_the_sentence():
    ex = extract("Pemerintah Kota Bima meluncurkan program Kampung Sehat tahun ini.")
    assert ex.entity(ex.programs[0].provider).name == "Pemerintah Kota Bima"


def test_commitment_to_an_action_on_a_named_thing_is_a_programme():
    ex = RuleExtractor().extract(
        Article(id="t", text="Pemerintah Kota Batu berkomitmen dalam pemulihan lahan kritis Gunung Panderman tahun ini.")
    )
    assert "pemulihan lahan kritis Gunung Panderman" in [p.name for p in ex.programs]


def test_unit_named_program_in_an_office_is_not_a_programme():
    ex = RuleExtractor().extract(
        Article(id="t", text="Kepala Seksi Program Balai Latihan Kerja Ambon Yohana Latu memberi sambutan.")
    )
    assert ex.programs == []


def test_currency_after_a_fund_is_not_its_place():
    ex = RuleExtractor().extract(Article(id="t", text="Pemkab menyalurkan dana hibah Rp 5 miliar kepada sekolah."))
    assert [p.name for p in ex.programs] == ["dana hibah"]


def test_fund_keeps_its_amount_as_written_form():
    ex = extract("Pemkot menerima dana hibah Rp 12 miliar dari provinsi.")
    assert "dana hibah Rp 12 miliar" in ex.programs[0].aliases


def test_percent_target_of_a_noun():
    ex = extract("Dinas menargetkan 90 persen sekolah memiliki sanitasi layak pada 2024.")
    assert (ex.programs[0].target_value, ex.programs[0].target_unit) == (90.0, "persen")


def test_percent_of_completion_is_no_target():
    assert names(extract("Jembatan itu ditargetkan 100 persen rampung tahun depan.")) == []


def test_percent_target_takes_the_short_form_in_brackets():
    ex = extract("Kementan menargetkan 70 persen sawah Lahan Rawa Lestari (Larasati) di dua provinsi.")
    assert "target 70 persen sawah Larasati" in ex.programs[0].aliases


def test_named_programmes_in_a_list_with_their_short_forms():
    from graph.article import Article
    from graph.extract.rules import RuleExtractor

    ex = RuleExtractor().extract(
        Article(
            id="t",
            text=(
                "Usai rapat, Hasto mengatakan Program Bapak Asuh Anak Stunting, Dapur Sehat Atasi Stunting (Dashat), "
                "dan Desa Digital akan diperluas tahun depan."
            ),
        )
    )
    programs = {p.name: p for p in ex.programs}
    assert {"Bapak Asuh Anak Stunting", "Dapur Sehat Atasi Stunting", "Desa Digital"} <= set(programs)
    assert "Dashat" in programs["Dapur Sehat Atasi Stunting"].aliases
    # Words of a programme's name are not persons or places of their own.
    assert [e.name for e in ex.entities if e.kind in ("person", "place")] == ["Hasto"]


def test_national_programmes_by_their_short_forms_and_official_names():
    from graph.article import Article
    from graph.extract.rules import RuleExtractor

    ex = RuleExtractor().extract(
        Article(
            id="t",
            text=(
                "Dinas Sosial Kota Medan mencatat 12.000 keluarga penerima PKH dan 8.000 penerima BPNT tahun ini. "
                "Pemkot juga membuka pendaftaran kartu prakerja bagi warga yang terkena PHK."
            ),
        )
    )
    programs = {p.name: p for p in ex.programs}
    assert {"Program Keluarga Harapan", "Bantuan Pangan Non Tunai", "Kartu Prakerja"} <= set(programs)
    assert "PKH" in programs["Program Keluarga Harapan"].aliases


def test_acronym_spelling_both_halves_of_a_dan_list_names_one_programme():
    ex = extract("Operasi pasar dilakukan melalui program Stabilisasi Pasokan dan Harga Pangan (SPHP) oleh Bulog.")
    assert names(ex) == ["Stabilisasi Pasokan dan Harga Pangan"]
    assert "SPHP" in ex.programs[0].aliases


def test_a_list_of_two_programmes_stays_two():
    ex = extract("Warga menerima program Kartu Indonesia Sehat dan Program Keluarga Harapan (PKH) tahun ini.")
    assert "Kartu Indonesia Sehat" in names(ex) and "Program Keluarga Harapan" in names(ex)
