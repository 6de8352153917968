from graph.article import Article
from graph.extract.rules import RuleExtractor


def orgs(text):
    ex = RuleExtractor().extract(Article(id="t", text=text))
    return {e.name: e for e in ex.entities if e.kind == "organization"}


def test_local_government_acronym_is_expanded():
    assert "Pemerintah Kota Balikpapan" in orgs("Pemkot Balikpapan menggelar pasar murah.")


def test_long_name_with_acronym_records_alias():
    found = orgs("Pemerintah Kabupaten (Pemkab) Gresik menerima bantuan.")
    assert "Pemkab Gresik" in found["Pemerintah Kabupaten Gresik"].aliases


def test_province_short_name_is_expanded():
    assert "Pemerintah Provinsi Jawa Timur" in orgs("Pemprov Jatim menyiapkan anggaran.")


def test_ministry_acronym_is_expanded():
    assert "Kementerian Dalam Negeri" in orgs("Kemendagri mengevaluasi anggaran daerah.")


def test_agency_with_acronym_and_region():
    found = orgs("Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Garut siaga.")
    assert "BPBD" in found["Badan Penanggulangan Bencana Daerah Kabupaten Garut"].aliases


def test_directorate_general_has_ministry_parent():
    found = orgs("Direktorat Jenderal Perhubungan Darat (Ditjen Hubdat) Kemenhub menyiapkan bus.")
    assert found["Direktorat Jenderal Perhubungan Darat"].parent == found["Kementerian Perhubungan"].key


def test_government_bodies_are_flagged():
    assert orgs("Dinas Sosial Kota Medan membagikan beras.")["Dinas Sosial Kota Medan"].government


def test_listed_companies_are_organisations():
    found = orgs("Pemkot bekerja sama dengan tiga perusahaan rintisan, yaitu Kopiku, Jalanin dan Sewaan.")
    assert {"Kopiku", "Jalanin", "Sewaan"} <= set(found)


def test_covid_task_force_keeps_its_number():
    found = orgs("Gugus Tugas Percepatan Penanganan Covid - 19 menggelar rapat.")
    assert "Gugus Tugas Percepatan Penanganan Covid - 19" in found


def test_acronym_in_brackets_vouches_for_the_whole_name():
    found = orgs("Ketua Asosiasi Petani Kopi Nusantara (APKN) Joko Susilo hadir.")
    assert "APKN" in found["Asosiasi Petani Kopi Nusantara"].aliases


def test_country_after_the_acronym_closes_the_name():
    assert "Himpunan Nelayan Muda (HNM) Indonesia" not in orgs("Himpunan Nelayan Muda (HNM) Indonesia menolak.")
    assert "Himpunan Nelayan Muda Indonesia" in orgs("Himpunan Nelayan Muda (HNM) Indonesia menolak.")


def test_agency_name_written_as_a_list():
    found = orgs("Dinas Kelautan, Perikanan, dan Peternakan Kabupaten Garut membagikan bibit.")
    assert "Dinas Kelautan, Perikanan, dan Peternakan Kabupaten Garut" in found


def test_unit_inside_a_ministry_has_the_ministry_as_parent():
    found = orgs("Badan Ketahanan Pangan Kementerian Pertanian memantau harga.")
    assert found["Badan Ketahanan Pangan"].parent == found["Kementerian Pertanian"].key


def test_common_noun_head_needs_an_acronym():
    assert not any(name.startswith("Pusat") for name in orgs("Kota itu menjadi Pusat Peradaban baru."))
    assert "Pusat Riset Gempa Bumi" in orgs("Pusat Riset Gempa Bumi (PRGB) mencatat getaran.")


def test_a_city_government_stays_apart_from_its_province_of_the_same_name():
    """Jambi is a province and a city: "Wali Kota Jambi" heads the city, not the province."""
    ex = RuleExtractor().extract(
        Article(
            id="t",
            text=(
                "Pemprov Jambi menggelar rapat koordinasi pendataan pekerja. "
                "Wali Kota Jambi Syarif Fasha menyatakan Pemkot Jambi siap mendata 5.000 pekerja."
            ),
        )
    )
    names = {e.key: e.name for e in ex.entities}
    assert {"Pemerintah Provinsi Jambi", "Pemerintah Kota Jambi"} <= set(names.values())
    (mayor,) = [m for m in ex.memberships if m.role == "Wali Kota"]
    assert names[mayor.organization] == "Pemerintah Kota Jambi"


def test_parties_by_their_short_forms_are_the_office_holders_bodies():
    ex = RuleExtractor().extract(
        Article(
            id="t",
            text=(
                "Sekretaris Jenderal PDI-P Hasto Kristiyanto menyatakan partainya menolak perubahan ambang batas. "
                "Anggota Komisi II dari Fraksi PKB Luqman Hakim menilai pembahasan harus terbuka."
            ),
        )
    )
    names = {e.key: e.name for e in ex.entities}
    held = {names[m.person]: names.get(m.organization) for m in ex.memberships}
    assert held["Hasto Kristiyanto"] == "Partai Demokrasi Indonesia Perjuangan"
    assert held["Luqman Hakim"] == "Partai Kebangkitan Bangsa"
    # "PKS" is left out: in government news it is the Perjanjian Kerja Sama as often as the party.


def test_a_syllable_short_form_of_a_named_body_is_that_body():
    ex = RuleExtractor().extract(
        Article(
            id="t",
            text="Pemprov dan Universitas Tanjungpura menandatangani kerja sama. Hadir Rektor Untan Hendro Susilo. "
            "Menurut Hendro, mahasiswa Untan akan magang.",
        )
    )
    names = {e.key: e.name for e in ex.entities}
    org = next(e for e in ex.entities if e.name == "Universitas Tanjungpura")
    assert "Untan" in org.aliases
    assert ("Hendro Susilo", "Rektor", "Universitas Tanjungpura") in {
        (names[m.person], m.role, names.get(m.organization)) for m in ex.memberships
    }


def test_a_short_form_spells_the_openings_of_every_word():
    from graph.extract.rules.organizations import _spells_openings

    words = ["universitas", "mulawarman"]
    assert _spells_openings("unmul", words) and _spells_openings("univmulawarman", words)
    assert not _spells_openings("unggul", words)  # "ggul" opens no word
    assert not _spells_openings("univ", words)  # the second word is not used
    assert not _spells_openings("um", words)  # openings are two letters or more


def test_a_known_short_form_after_its_head_is_the_whole_name():
    ex = RuleExtractor().extract(Article(id="t", text="Direktur Utama PT Pertamina Nicke Wulandari meninjau kilang."))
    names = {e.key: e.name for e in ex.entities}
    assert [(names[m.person], names[m.organization]) for m in ex.memberships] == [("Nicke Wulandari", "PT Pertamina (Persero)")]


def test_a_body_the_lexicon_knows_in_full_despite_name_words():
    found = orgs("Kejaksaan Agung menahan tersangka setelah Mahkamah Agung menolak kasasi.")
    assert {"Kejaksaan Agung", "Mahkamah Agung"} <= set(found)


def test_a_phrase_with_its_short_form_in_brackets_is_not_a_body_by_that_alone():
    # Indonesian writing puts short forms after concepts as often as after bodies.
    found = orgs("Pelatihan itu meningkatkan Sumber Daya Manusia (SDM) dan Usaha Kecil Menengah (UKM) di desa.")
    assert not found


def test_a_body_word_before_a_speech_verb_is_not_a_person():
    ex = RuleExtractor().extract(Article(id="t", text="Kantor Staf Presiden dan Sekretariat Kabinet menanggapi kritik itu."))
    assert not [e.name for e in ex.entities if e.kind == "person"]
