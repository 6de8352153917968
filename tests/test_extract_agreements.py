"""Agreements (graph.extract.rules.agreements), through the whole rule extractor."""

from graph.article import Article
from graph.extract.rules import RuleExtractor


def extract(text):
    return RuleExtractor().extract(Article(id="t", text=text, date="2021-05-12"))


def test_named_memorandum_with_topic():
    ex = extract("Pemkot Bima membahas Nota Kesepakatan tentang Pengembangan Pariwisata Daerah (PPD) dengan Kemenparekraf.")
    (agreement,) = ex.agreements
    assert agreement.name == "Nota Kesepakatan tentang Pengembangan Pariwisata Daerah"


def test_discussed_status():
    ex = extract("Pemkot Bima membahas Nota Kesepakatan tentang Pengembangan Pariwisata Daerah dengan Kemenparekraf.")
    assert ex.agreements[0].status == "discussed"


def test_signed_status():
    ex = extract("Bupati dan rektor menandatangani MoU tentang beasiswa mahasiswa daerah pada Senin (10/5/2021).")
    assert ex.agreements[0].status == "signed"


def test_planned_status():
    ex = extract("Pemprov akan membuat MoU dengan berbagai pihak, seperti TNI, untuk menjaga sungai.")
    assert ex.agreements[0].status == "planned"


def test_alternative_name_and_acronym_become_aliases():
    ex = extract("Gubernur meneken Nota Kesepahaman atau Memorandum of Understanding (MoU) dengan tiga perusahaan rintisan.")
    assert {"Memorandum of Understanding", "MoU"} <= set(ex.agreements[0].aliases)


def test_back_reference_is_not_a_new_agreement():
    ex = extract(
        "Pemkot membahas Nota Kesepakatan tentang Pelatihan Kerja Pemuda. Kerja sama tersebut akan ditandatangani bulan depan."
    )
    assert len(ex.agreements) == 1


def test_headline_and_body_forms_merge_under_the_formal_name():
    ex = extract(
        "Pemkot Bahas Kerja Sama Pelatihan Kerja dengan Kemnaker\n\n"
        "Pemkot membahas Nota Kesepakatan tentang Pelatihan Kerja Pemuda (PKP) dengan Kemnaker."
    )
    (agreement,) = ex.agreements
    assert agreement.name.startswith("Nota Kesepakatan")


def test_cooperation_unit_is_not_an_agreement():
    ex = extract("Usulan itu diverifikasi oleh bagian kerja sama pemerintah daerah.")
    assert ex.agreements == []


def test_working_together_verb_is_not_an_agreement():
    ex = extract("Pemprov terbuka untuk bekerja sama dengan semua pihak.")
    assert ex.agreements == []


def test_parties_include_the_organisations_named():
    ex = extract("Pemerintah Kota Bima menandatangani MoU dengan Universitas Mataram tentang riset pangan.")
    names = {ex.entity(k).name for k in ex.agreements[0].parties}
    assert "Universitas Mataram" in names


def test_agreement_between_parties_refers_to_the_one_introduced():
    ex = extract(
        "Pemkot Bima membahas Nota Kesepakatan tentang Pengembangan Pariwisata Daerah. "
        "Mereka akan membuat kesepakatan antara Pemkot Bima dengan Kemenparekraf."
    )
    assert len(ex.agreements) == 1


def _agreements(text):
    from graph.article import Article
    from graph.extract.rules import RuleExtractor

    ex = RuleExtractor().extract(Article(id="t", text=text))
    names = {e.key: e.name for e in ex.entities}
    return [(a.name, a.status, sorted(names[p] for p in a.parties)) for a in ex.agreements]


def test_a_signed_agreement_with_its_subject_written_without_a_preposition():
    found = _agreements(
        "Pemerintah Provinsi Jambi dan BPJS Ketenagakerjaan menandatangani perjanjian kerja sama "
        "perlindungan pekerja rentan di Auditorium Rumah Dinas Gubernur Jambi, Selasa (7/2/2023)."
    )
    assert found == [
        (
            "perjanjian kerja sama perlindungan pekerja rentan",
            "signed",
            ["Badan Penyelenggara Jaminan Sosial Ketenagakerjaan", "Pemerintah Provinsi Jambi"],
        )
    ]


def test_signing_reported_after_the_instrument_is_signed_and_a_plan_stays_a_plan():
    signed = _agreements("Nota kesepakatan tentang pengelolaan sampah itu diteken Pemkot Bogor dan PT Jasa Tirta, Senin.")
    planned = _agreements("Nota kesepakatan tentang pengelolaan air akan ditandatangani Pemkab Bogor pekan depan.")
    assert [s for _, s, _ in signed] == ["signed"]
    assert [s for _, s, _ in planned] == ["planned"]


def test_cooperation_in_general_and_a_unit_name_are_not_agreements():
    assert _agreements("Selama ini Pemkot Malang rutin menggencarkan kerja sama dengan Badan Narkotika Nasional.") == []
    assert _agreements("Kepala Biro Humas, Hukum dan Kerja Sama BKN Paryono menyampaikan aturan baru.") == []
