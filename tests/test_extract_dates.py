"""Indonesian dates and times (graph.extract.rules.dates)."""

from datetime import date

from graph.extract.rules.dates import find_dates, find_times, reference_date

PUBLISHED = date(2021, 3, 17)  # a Wednesday


def only_date(text, reference=PUBLISHED):
    found = find_dates(text, reference)
    assert len(found) == 1, found
    return found[0].date


def test_weekday_with_numeric_date_in_parentheses():
    assert only_date("digelar Kamis (4/3/2021) di Balai Desa") == "2021-03-04"


def test_numeric_date_with_spaces_around_slashes():
    assert only_date("Jumat (12 / 02 / 2021) sore") == "2021-02-12"


def test_two_digit_year():
    assert only_date("Selasa (2/3/21)") == "2021-03-02"


def test_day_month_year_in_words():
    assert only_date("pada Senin, 1 Februari 2021 lalu") == "2021-02-01"


def test_day_month_without_year_takes_the_publication_year():
    assert only_date("Senin (15/3)") == "2021-03-15"


def test_day_month_without_year_and_without_publication_date_stays_unresolved():
    assert only_date("Senin (15/3)", None) is None


def test_bare_weekday_is_the_one_on_or_before_publication():
    assert only_date("rapat yang digelar Senin itu") == "2021-03-15"


def test_weekday_lalu_is_strictly_before_publication():
    assert only_date("Rabu lalu") == "2021-03-10"


def test_weekday_mendatang_is_after_publication():
    assert only_date("Jumat mendatang") == "2021-03-19"


def test_relative_words():
    assert only_date("kemarin") == "2021-03-16"
    assert only_date("hari ini") == "2021-03-17"
    assert only_date("besok") == "2021-03-18"


def test_month_with_lalu_is_in_the_past():
    assert only_date("dilantik 20 Agustus lalu") == "2020-08-20"


def test_law_numbers_are_not_dates():
    assert find_dates("sesuai Perda No 7 Tahun 2019 dan surat 800/123/2021", PUBLISHED) == []


def test_minggu_ini_means_this_week():
    assert find_dates("Minggu ini semua harus jalan", PUBLISHED) == []


def test_time_with_zone():
    (found,) = find_times("dimulai pukul 09.30 WITA di aula")
    assert (found.time, found.timezone) == ("09:30", "WITA")


def test_time_range_keeps_the_start_and_the_zone():
    (found,) = find_times("pukul 13.00-15.00 WIB")
    assert (found.time, found.timezone) == ("13:00", "WIB")


def test_reference_date_reads_datetimes():
    assert reference_date("2021-03-17T08:00:00+07:00") == PUBLISHED
    assert reference_date("kemarin") is None
