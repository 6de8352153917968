from graph.article import Article
from graph.extract.rules import RuleExtractor


def places(text, **kw):
    ex = RuleExtractor().extract(Article(id="t", text=text, **kw))
    return {e.name: e for e in ex.entities if e.kind == "place"}


def test_city_from_gazetteer_has_code_and_province():
    found = places("Banjir melanda Kota Pekalongan kemarin.")
    assert (found["Pekalongan"].code, found["Pekalongan"].place_type) == ("33.75", "city")


def test_city_is_contained_in_its_province_when_both_are_named():
    found = places("Banjir melanda Kota Pekalongan, Jawa Tengah, kemarin.")
    assert found["Pekalongan"].parent == found["Jawa Tengah"].key


def test_province_not_named_is_not_a_place_of_the_article():
    assert "Jawa Tengah" not in places("Banjir melanda Kota Pekalongan kemarin.")


def test_jakarta_city_without_administrasi():
    assert places("Kantor itu di Jakarta Timur.")["Jakarta Timur"].place_type == "city"


def test_province_short_name_is_resolved():
    assert "Kalimantan Timur" in places("Investor datang ke Kaltim.")


def test_district_only_after_kecamatan():
    assert places("Warga Kecamatan Moyudan berkumpul.")["Moyudan"].place_type == "district"


def test_village_after_desa():
    assert places("Jembatan di Desa Sukamaju rusak.")["Sukamaju"].place_type == "village"


def test_venue():
    assert places("Rapat digelar di Ruang Rapat Melati, kantor wali kota.")["Ruang Rapat Melati"].place_type == "venue"


def test_dateline_is_a_place():
    assert "Samarinda" in places("Acara berlangsung meriah.", dateline="SAMARINDA")


def test_village_is_held_by_the_district_after_it():
    found = places("Banjir di Desa Sukamaju, Kecamatan Moyudan, kemarin.")
    assert found["Sukamaju"].parent == found["Moyudan"].key


def test_room_in_a_building_is_two_venues():
    found = places("Rapat di Ruang Rapat Melati Gedung Merdeka, Senin.")
    assert found["Ruang Rapat Melati"].parent == found["Gedung Merdeka"].key


def test_venue_ends_before_the_city_that_holds_it():
    found = places("Acara di Gedung Merdeka Kota Cirebon, Senin.")
    assert found["Gedung Merdeka"].parent == found["Cirebon"].key


def test_venue_named_by_its_region():
    assert "Pendopo Kabupaten Sleman" in places("Bupati menerima tamu di Pendopo Kabupaten Sleman.")


def test_road():
    assert places("Kantornya di Jalan Gatot Subroto, Jakarta.")["Jalan Gatot Subroto"].place_type == "other"


def test_river():
    assert "Sungai Brantas" in places("Pencemaran Sungai Brantas makin parah.")


def test_facility_with_acronym_in_brackets():
    found = places("Sampah dibuang ke Tempat Pembuangan Akhir (TPA) Suwung.")
    assert "TPA Suwung" in found["Tempat Pembuangan Akhir Suwung"].aliases


def test_landmark_short_form_in_brackets():
    found = places("Warga berkumpul di Monumen Perjuangan (Monju) pagi ini.")
    assert "Monju" in found["Monumen Perjuangan"].aliases


def test_capital_city_acronym_joins_its_long_form():
    found = places("Persiapan Ibu Kota Negara (IKN) dibahas. Pembangunan IKN Nusantara berjalan.")
    assert [n for n in found if "Ibu Kota" in n or "IKN" in n] == ["Ibu Kota Negara Nusantara"]


def test_area_after_kawasan():
    assert "kawasan Simpang Lima" in places("Festival digelar di kawasan Simpang Lima, Minggu.")["Simpang Lima"].aliases


def test_country():
    assert places("Delegasi datang dari Belanda kemarin.")["Belanda"].place_type == "country"


def test_country_ending_an_unread_name_is_no_place():
    assert "Indonesia" not in places("Ia menggandeng Lembaga Swadaya Peduli Indonesia, kemarin.")


def test_island():
    assert "Sulawesi" in places("Pasokan beras dikirim ke Sulawesi pekan ini.")


def test_island_word_opening_a_name_is_no_place():
    assert "Jawa" not in places("Ia membaca Jawa Pos setiap pagi.")


def test_facility_acronym_is_written_out():
    assert "PLTU Suralaya" in places("Listrik dari PLTU Suralaya padam.")["Pembangkit Listrik Tenaga Uap Suralaya"].aliases
