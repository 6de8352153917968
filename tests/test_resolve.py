from graph.resolve import fold, person_name_core, strip_titles


def test_strip_titles_removes_honorifics_and_degrees():
    assert strip_titles("Bapak H. Ali Fitri Noor, S.Sos., M.Si") == "Ali Fitri Noor"


def test_strip_titles_keeps_initials():
    assert strip_titles("Drs. M. Yusuf") == "M. Yusuf"


def test_person_name_core_drops_leading_office():
    assert person_name_core("Bupati Agus") == "Agus"


def test_fold_ignores_case_and_punctuation():
    assert fold("Kemnaker R.I.") == fold("kemnaker ri")


def test_candidate_matches_scores_near_spellings():
    from graph.resolve import candidate_matches

    assert candidate_matches("Rahmat Effendi", ["Rahmat Efendi", "Tri Rismaharini"])[0][0] == "Rahmat Efendi"


def test_one_slug_for_entity_keys_and_iris():
    from graph.model.iris import IriMinter
    from graph.resolve import slug

    assert slug("O'Neil") == "o-neil"  # what stored IRIs already say
    assert slug("Pemerintah Kota Samarinda") == "pemerintah-kota-samarinda"
    assert slug("بسم") == slug("بسم") and slug("بسم").startswith("x")  # no ASCII letters: a stable hash
    assert str(IriMinter("http://e/").node("person", "O'Neil")) == "http://e/person/o-neil"
