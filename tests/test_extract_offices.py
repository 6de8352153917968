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
