from graph.resolve import fold, person_name_core, strip_titles


def test_strip_titles_removes_honorifics_and_degrees():
    assert strip_titles("Bapak H. Ali Fitri Noor, S.Sos., M.Si") == "Ali Fitri Noor"


def test_strip_titles_keeps_initials():
    assert strip_titles("Drs. M. Yusuf") == "M. Yusuf"


def test_person_name_core_drops_leading_office():
    assert person_name_core("Bupati Agus") == "Agus"


def test_fold_ignores_case_and_punctuation():
    assert fold("Kemnaker R.I.") == fold("kemnaker ri")
