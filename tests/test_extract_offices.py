from graph.article import Article
from graph.extract.rules import RuleExtractor


def memberships(text):
    ex = RuleExtractor().extract(Article(id="t", text=text))
    name = {e.key: e.name for e in ex.entities}
    return {(name[m.person], m.role, name.get(m.organization), m.acting) for m in ex.memberships}


def test_acting_secretary_with_acronyms():
    found = memberships("Pelaksana Harian (Plh) Sekretaris Daerah (Sekda) Kota Bontang Rudi Hartono hadir.")
    assert ("Rudi Hartono", "Sekretaris Daerah", "Pemerintah Kota Bontang", True) in found


def test_regional_head_belongs_to_region_government():
    found = memberships("Gubernur Jawa Barat Dedi Mulyana meninjau lokasi.")
    assert ("Dedi Mulyana", "Gubernur", "Pemerintah Provinsi Jawa Barat", False) in found


def test_head_without_region_uses_article_government():
    found = memberships("Pemkab Pasuruan menggelar rapat. Hadir Bupati Irwan Setiawan.")
    assert ("Irwan Setiawan", "Bupati", "Pemerintah Kabupaten Pasuruan", False) in found


def test_office_with_comma_before_name():
    found = memberships("Kepala Dinas Pendidikan Kota Depok, Wawan Hermawan, menjelaskan jadwal.")
    assert ("Wawan Hermawan", "Kepala", "Dinas Pendidikan Kota Depok", False) in found


def test_minister_short_form_implies_ministry():
    found = memberships("Menkeu Sri Wahyuni meninjau pelabuhan.")
    assert ("Sri Wahyuni", "Menteri", "Kementerian Keuangan", False) in found


def test_list_of_officials():
    found = memberships("Pemkab Sigi rapat. Hadir Wakil Bupati Andi Lamba, Sekkab Rahman dan Kabid Mutasi BKD, Yusuf.")
    assert ("Rahman", "Sekretaris Daerah", "Pemerintah Kabupaten Sigi", False) in found


def test_unit_belongs_to_role():
    found = memberships("Kabid Mutasi BKD, Yusuf Amir menjelaskan.")
    assert ("Yusuf Amir", "Kepala Bidang Mutasi", "Badan Kepegawaian Daerah", False) in found


def test_director_names_directorate():
    found = memberships("Direktur Pembiayaan Pertanian Kementan Siti Rahma menambahkan.")
    assert ("Siti Rahma", "Direktur", "Direktorat Pembiayaan Pertanian", False) in found


def test_apposition_after_name():
    found = memberships("Menurut Joko Susilo, selaku Camat Ngaglik, warga diminta waspada.")
    assert any(p == "Joko Susilo" and r == "Camat" for p, r, _, _ in found)


def labels(text):
    ex = RuleExtractor().extract(Article(id="t", text=text))
    name = {e.key: e.name for e in ex.entities}
    return {name[m.person]: m.label for m in ex.memberships}


def test_name_closes_a_long_unknown_body():
    found = memberships("Ketua Tim Ahli Satuan Tugas Penanganan Covid - 19 Rudi Santoso mengatakan hal itu.")
    assert any(p == "Rudi Santoso" and r == "Ketua" for p, r, _, _ in found)


def test_written_office_is_the_label():
    found = labels("Kepala Bidang Pengembangan Usaha Asosiasi Perajin Rotan Nusantara Wahyu Prasetyo menyampaikan data.")
    assert found["Wahyu Prasetyo"].startswith("Kepala Bidang Pengembangan Usaha Asosiasi")


def test_profession_with_institution_then_name_in_commas():
    found = memberships("Epidemiolog Universitas Gadjah Mada, Sinta Dewi Lestari, mengatakan kasus naik.")
    assert ("Sinta Dewi Lestari", "Epidemiolog", "Universitas Gadjah Mada", False) in found


def test_last_comma_part_names_the_holder():
    found = memberships("kata Kepala Dusun Kalisari, Kelurahan Sidomulyo, Kecamatan Godean, Bambang Wijaya di Sleman.")
    assert any(p == "Bambang Wijaya" for p, _, _, _ in found)


def test_province_after_national_body_is_its_office_not_a_first_name():
    found = memberships("Ketua KPU Maluku Yohanes Tarigan mengatakan logistik sudah tiba.")
    assert ("Yohanes Tarigan", "Ketua", "Komisi Pemilihan Umum Maluku", False) in found


def test_city_after_national_body_stays_a_first_name():
    found = memberships("Kepala BKN Bima Santoso Wirawan mengatakan seleksi dibuka.")
    assert any(p == "Bima Santoso Wirawan" for p, _, _, _ in found)


def test_lower_case_office_in_apposition():
    found = memberships("Dani Kurniawan, juru bicara Partai Hijau Nusantara, mengatakan hal itu.")
    assert any(p == "Dani Kurniawan" and r == "Juru Bicara" for p, r, _, _ in found)


def test_village_head_village_is_one_word():
    found = labels("Kepala Desa Sukamaju Agus Salim Harahap mengatakan jalan rusak.")
    assert found["Agus Salim Harahap"] == "Kepala Desa Sukamaju"


def test_unknown_body_between_office_and_name_is_the_organisation():
    found = memberships("Analis senior Lintas Data Riset, Yudi Hartanto, mengatakan pasar stabil.")
    assert ("Yudi Hartanto", "Analis", "Lintas Data Riset", False) in found


def test_office_in_a_unit_is_also_held_in_the_body_named_after_it():
    found = memberships("Direktur Jenderal Pajak Kemenkeu Rudi Hartono Saputra menjelaskan aturan baru.")
    orgs = {o for p, _, o, _ in found if p == "Rudi Hartono Saputra"}
    assert orgs == {"Direktorat Jenderal Pajak", "Kementerian Keuangan"}


def test_police_unit_office_is_held_in_the_resort():
    found = memberships("Kepala Satuan Lalu Lintas Polres Bogor Ajun Komisaris Besar Dedi Kurnia mengatakan jalan ditutup.")
    assert any(p == "Dedi Kurnia" and o == "Kepolisian Resor Bogor" for p, _, o, _ in found)


def test_national_body_office_in_a_regency():
    found = memberships("Ketua KPU Sidoarjo Ahmad Fauzan mengatakan tahapan dimulai.")
    assert ("Ahmad Fauzan", "Ketua", "Komisi Pemilihan Umum Sidoarjo", False) in found


def test_body_word_known_from_a_company_name_is_not_the_holders_first_name():
    text = "PT Lautan Biru Tbk merugi. Direktur Utama Lautan Hendra Wijaya mengatakan, perseroan bertahan."
    found = memberships(text)
    assert any(p == "Hendra Wijaya" for p, _, _, _ in found)


def test_holder_name_is_taken_back_from_a_university_name():
    text = "Rektor Universitas Bina Karya Suwarno Adi Prasetyo mengatakan kuliah daring. Menurut Suwarno, kampus siap."
    found = memberships(text)
    assert ("Suwarno Adi Prasetyo", "Rektor", "Universitas Bina Karya", False) in found


def test_unknown_company_word_before_a_known_first_name():
    found = memberships("CEO Kopiku William Santoso mengatakan penjualan naik.")
    assert ("William Santoso", "CEO", "Kopiku", False) in found


def test_a_candidate_or_a_former_holder_does_not_hold_the_office():
    from graph.article import Article
    from graph.extract.rules import RuleExtractor

    ex = RuleExtractor().extract(
        Article(
            id="t",
            text=(
                "Calon Wali Kota Medan Bobby Nasution berkampanye di Medan. "
                "Mantan Gubernur DKI Jakarta Basuki Tjahaja Purnama hadir dalam acara itu."
            ),
        )
    )
    assert ex.memberships == []


def test_a_coordinating_minister_by_the_press_short_form():
    from graph.article import Article
    from graph.extract.rules import RuleExtractor

    ex = RuleExtractor().extract(Article(id="t", text="Menko Polhukam Mahfud menegaskan pemerintah mendukung langkah KPK."))
    names = {e.key: e.name for e in ex.entities}
    assert [(names[m.person], m.role, names[m.organization]) for m in ex.memberships] == [
        ("Mahfud", "Menteri Koordinator", "Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan")
    ]


def _forms(text):
    ex = RuleExtractor().extract(Article(id="t", text=text))
    name = {e.key: e.name for e in ex.entities}
    return {name[m.person]: (m.acting, m.acting_form) for m in ex.memberships}


def test_acting_form_keeps_the_title_the_text_wrote():
    assert _forms("Plh Sekretaris Daerah Kota Bontang Rudi Hartono hadir.")["Rudi Hartono"] == (True, "Plh")
    assert _forms("Plt Kepala Dinas Pendidikan Kota Depok Wawan Hermawan hadir.")["Wawan Hermawan"] == (True, "Plt")
    assert _forms("Pj Bupati Paser I Made Wiradarma membuka acara.")["I Made Wiradarma"] == (True, "Pj")


def test_acting_form_from_the_long_title_is_abbreviated():
    found = _forms("Pelaksana Harian (Plh) Sekretaris Daerah (Sekda) Kota Bontang Rudi Hartono hadir.")
    assert found["Rudi Hartono"] == (True, "Plh")
    assert _forms("Penjabat Gubernur Sulawesi Selatan Bahtiar Baharuddin hadir.")["Bahtiar Baharuddin"] == (True, "Pj")


def test_not_acting_has_no_acting_form():
    assert _forms("Gubernur Jawa Barat Dedi Mulyana meninjau lokasi.")["Dedi Mulyana"] == (False, None)


def test_two_offices_joined_by_dan_have_two_holders():
    found = memberships("Rapat dihadiri Ketua Komisi V DPR Hendra Wiratama dan Wakil Ketua Umum Partai Golkar Rudi Santoso.")
    assert ("Hendra Wiratama", "Ketua", "Dewan Perwakilan Rakyat", False) in found
    assert ("Rudi Santoso", "Wakil Ketua Umum", "Partai Golongan Karya", False) in found


def test_holder_named_before_selaku_or_yang_menjabat_sebagai():
    found = memberships(
        "Rudi Hartono selaku Ketua Panitia Musrenbang membuka acara. "
        "Dewi Anggraini, yang menjabat sebagai Kepala Dinas Kesehatan Kota Bekasi, mengatakan stok vaksin cukup."
    )
    assert ("Dewi Anggraini", "Kepala", "Dinas Kesehatan Kota Bekasi", False) in found
    assert {person for person, *_ in found} == {"Rudi Hartono", "Dewi Anggraini"}  # "Musrenbang" is no one


def test_a_party_board_is_the_party_not_the_regional_senate():
    found = memberships("Ketua DPD Partai Golkar Jawa Barat Rudi Santoso dan anggota DPD RI Awang Kurnia hadir.")
    assert ("Rudi Santoso", "Ketua", "Partai Golongan Karya", False) in found
    assert ("Awang Kurnia", "Anggota", "Dewan Perwakilan Daerah", False) in found


def test_a_former_holder_is_a_person_without_the_office():
    ex = RuleExtractor().extract(
        Article(id="t", text="Sekda Uju diperiksa sebagai saksi untuk tersangka mantan Bupati Bekasi Neneng Hasanah Yasin.")
    )
    names = {e.key: e.name for e in ex.entities}
    assert "Neneng Hasanah Yasin" in names.values()
    assert "Neneng Hasanah Yasin" not in {names[m.person] for m in ex.memberships}
