"""Reported gatherings (graph.extract.rules.meetings), through the whole rule extractor."""

from graph.article import Article
from graph.extract.rules import RuleExtractor


def extract(text, published="2021-05-12"):
    return RuleExtractor().extract(Article(id="t", text=text, date=published))


def test_meeting_with_date_time_zone_and_venue():
    ex = extract(
        "Bupati Lombok Barat Rina Wati memimpin rapat koordinasi penanganan stunting di Ruang Rapat Utama, "
        "Kantor Bupati, Senin (10/5/2021) pukul 09.00 WITA."
    )
    (meeting,) = ex.meetings
    assert (meeting.date, meeting.time, meeting.timezone) == ("2021-05-10", "09:00", "WITA")
    assert ex.entity(meeting.location).name == "Ruang Rapat Utama"
    assert ex.entity(meeting.location).place_type == "venue"


def test_repeated_mentions_of_one_meeting_are_one_meeting():
    ex = extract(
        "Gubernur Andi Saputra memimpin rapat terbatas dengan para bupati. "
        "Dalam rapat yang digelar di Gedung Graha Praja, Selasa (11/5/2021), dibahas banjir. "
        "Rapat tersebut berlangsung dua jam."
    )
    assert [m.date for m in ex.meetings] == ["2021-05-11"]


def test_verb_bertemu_with_a_date_is_a_meeting():
    ex = extract("Sekda Kota Bima Yusuf Ahmad bertemu pihak Kementerian Sosial pada Rabu (5/5/2021) di Jakarta.")
    assert [(m.kind, m.date) for m in ex.meetings] == [("pertemuan", "2021-05-05")]


def test_attendees_include_the_official_and_the_body_he_serves():
    ex = extract("Sekda Kota Bima Yusuf Ahmad bertemu pihak Kementerian Sosial pada Rabu (5/5/2021) di Jakarta.")
    names = {ex.entity(k).name for k in ex.meetings[0].attendees}
    assert {"Yusuf Ahmad", "Kementerian Sosial"} <= names


def test_presence_list_joins_the_meeting():
    ex = extract(
        "Wali Kota Dodi Firman memimpin rapat paripurna, Senin (10/5/2021). "
        "Hadir dalam kesempatan itu Wakil Wali Kota Hasan Basri."
    )
    names = {ex.entity(k).name for k in ex.meetings[0].attendees}
    assert "Hasan Basri" in names


def test_meeting_room_is_not_a_meeting():
    ex = extract("Ruang rapat itu direnovasi tahun lalu dengan biaya besar.")
    assert ex.meetings == []


def test_idea_of_a_meeting_without_date_is_not_a_meeting():
    ex = extract("Pemprov menggagas rapat koordinasi lintas daerah setahun tiga kali.")
    assert ex.meetings == []


def test_meeting_named_in_a_quote_is_not_a_separate_meeting():
    ex = extract(
        "Gubernur Andi Saputra memimpin rapat pimpinan, Senin (10/5/2021). "
        '"Pertemuan seperti ini harus rutin," kata Andi Saputra.'
    )
    assert len(ex.meetings) == 1


def test_inauguration_with_relative_date():
    ex = extract("Sebanyak 45 anggota dewan yang dilantik 20 April lalu mulai bekerja.")
    assert [(m.kind, m.date) for m in ex.meetings] == [("pelantikan", "2021-04-20")]


def test_date_in_the_next_sentence_belongs_to_the_meeting():
    ex = extract(
        "Hasil evaluasi itu dilaporkan dalam rapat pimpinan dewan. "
        '"Semua sudah kami jawab," kata Sekda Joni Iskandar, Rabu (12/5/2021).'
    )
    assert [m.date for m in ex.meetings] == ["2021-05-12"]


def test_signing_meeting_is_about_the_agreement():
    ex = extract(
        "Pemerintah Kota Bima dan Universitas Mataram menandatangani nota kesepahaman tentang pengembangan "
        "riset daerah, Kamis (6/5/2021)."
    )
    (meeting,) = ex.meetings
    assert meeting.about == [ex.agreements[0].key]


def attendee_names(ex, meeting):
    return {ex.entity(k).name for k in meeting.attendees}


def test_presence_list_joins_the_meeting_even_with_a_unit_named_like_a_gathering():
    ex = extract(
        "Bupati Sigi Nur Hasanah memimpin rapat evaluasi kinerja pegawai, Senin (10/5/2021).\n"
        "Rapat berlangsung di ruang kerja bupati. Hadir dalam kesempatan itu Wakil Bupati Fajar Hidayat "
        "dan Kabid Mutasi BKD, Lukman Hakim."
    )
    assert len(ex.meetings) == 1
    assert {"Fajar Hidayat", "Lukman Hakim"} <= attendee_names(ex, ex.meetings[0])


def test_people_quoted_attend_the_gathering_the_report_leads_with():
    ex = extract(
        "Pemkot Palu menggelar rapat pimpinan bersama DPRD Kota Palu, Selasa (11/5/2021).\n"
        '"Semua usulan sudah kami terima," kata Sekda Kota Palu Irwan Lahace.\n'
        "Usulan itu akan disahkan dalam rapat paripurna pada Kamis (13/5/2021)."
    )
    lead = next(m for m in ex.meetings if m.date == "2021-05-11")
    assert "Irwan Lahace" in attendee_names(ex, lead)


def test_lead_signing_is_dated_by_the_report_date_given_later():
    ex = extract(
        "Wali Kota Kendari Siska Karina melakukan penandatanganan nota kesepahaman dengan PT Sinar Laut.\n"
        "Kegiatan ini merupakan bentuk kolaborasi.\n"
        '"Kami berharap banyak dari kerja sama ini," ujar Siska dalam sambutannya, Jumat (7/5/2021).'
    )
    assert [(m.kind, m.date) for m in ex.meetings] == [("penandatanganan", "2021-05-07")]


def test_plenary_sitting_is_attended_by_the_council():
    ex = extract(
        "DPRD Kabupaten Gowa menggelar rapat paripurna pengesahan APBD Perubahan, Rabu (12/5/2021).\n"
        "Bupati Gowa Adnan Purichta hadir dalam rapat itu."
    )
    names = attendee_names(ex, ex.meetings[0])
    assert any(n.startswith("Dewan Perwakilan Rakyat Daerah") or "DPRD" in n for n in names)


def test_date_belongs_to_the_event_written_nearest_to_it():
    ex = extract(
        "DPRD Kota Tegal menggelar rapat paripurna pada Senin (10/5/2021). "
        "Menurut daftar hadir rapat, dari 45 anggota yang dilantik 2 Maret lalu, 40 hadir."
    )
    assert sorted(m.date for m in ex.meetings) == ["2021-03-02", "2021-05-10"]


def _meetings(text, date="2023-01-13"):
    from graph.article import Article
    from graph.extract.rules import RuleExtractor

    ex = RuleExtractor().extract(Article(id="t", text=text, date=date))
    names = {e.key: e.name for e in ex.entities}
    return [(m.kind, m.date, sorted(names.get(a, a) for a in m.attendees)) for m in ex.meetings], ex


def test_an_audience_referred_back_to_as_a_meeting_is_one_gathering():
    found, _ = _meetings(
        "Wali Kota Kendari Siska Karina Imran menerima audiensi pengurus KADIN Kota Kendari di ruang kerjanya, "
        "Kamis (12/1/2023). Dalam pertemuan itu, Ketua KADIN Kota Kendari Hasbullah Idris menyampaikan rencana pameran."
    )
    assert [(kind, date) for kind, date, _ in found] == [("audiensi", "2023-01-12")]
    assert "Hasbullah Idris" in found[0][2] and "Siska Karina Imran" in found[0][2]


def test_a_coordination_meeting_written_as_rakor_with_its_own_date_and_chair():
    found, _ = _meetings(
        "Pemerintah Provinsi Jambi dan BPJS Ketenagakerjaan menandatangani perjanjian kerja sama di Auditorium "
        "Rumah Dinas Gubernur Jambi, Selasa (7/2/2023). Gubernur Jambi Al Haris hadir. Sebelumnya, Senin (6/2/2023), "
        "Al Haris memimpin rakor bersama para bupati membahas pendataan pekerja rentan.",
        date="2023-02-07",
    )
    by_date = {date: (kind, attendees) for kind, date, attendees in found}
    assert by_date["2023-02-06"][0] == "rapat" and "Al Haris" in by_date["2023-02-06"][1]
    assert by_date["2023-02-07"][0] == "penandatanganan"
    assert all("Rumah Dinas" not in attendees for _, _, attendees in found)


def test_a_working_meeting_of_parliament_and_a_dated_hearing_by_abbreviation():
    found, _ = _meetings(
        "Komisi II DPR menggelar raker dengan Menteri Dalam Negeri Tito Karnavian, Senin (16/1/2023). "
        "Sehari kemudian, Selasa (17/1/2023), Komisi II menggelar RDP dengan KPU."
    )
    assert sorted(date for _, date, _ in found) == ["2023-01-16", "2023-01-17"]


def test_an_activity_mentioned_without_pointing_back_is_not_a_gathering():
    found, _ = _meetings("Kegiatan ekonomi warga kembali normal setelah banjir surut, Kamis (12/1/2023).")
    assert found == []


def test_a_body_named_as_the_topic_of_a_meeting_did_not_attend_it():
    found, _ = _meetings(
        "Bupati Pasangkayu Agus Ambo Djiwa memimpin rapat Tim Penilai Kinerja, Selasa (17/9/2019), yang membahas "
        "rekomendasi Komisi Aparatur Sipil Negara (KASN) tentang mutasi pejabat.",
        date="2019-09-17",
    )
    ((_, date, attendees),) = found
    assert date == "2019-09-17" and "Agus Ambo Djiwa" in attendees
    assert "Komisi Aparatur Sipil Negara" not in attendees
