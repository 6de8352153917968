from graph.article import Article
from graph.extract.rules import RuleExtractor


def places(text, **kw):
    ex = RuleExtractor().extract(Article(id="t", text=text, **kw))
    return {e.name: e for e in ex.entities if e.kind == "place"}


def test_city_from_gazetteer_has_code_and_province():
    found = places("Banjir melanda Kota Pekalongan kemarin.")
    assert (found["Pekalongan"].code, found["Pekalongan"].place_type) == ("33.75", "city")


def test_city_is_contained_in_its_province():
    found = places("Banjir melanda Kota Pekalongan kemarin.")
    assert found["Pekalongan"].parent == found["Jawa Tengah"].key


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
