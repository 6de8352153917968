"""Synthetic corpora of Indonesian regional-government news, for benchmarks.

Articles read like the genre: a dateline, a meeting (rapat koordinasi,
audiensi, kunjungan kerja) with a date and a venue, officials named with their
offices, quotes, sometimes an MoU or a programme with a target, and the usual
closing paragraphs, about 400 words each. Officials, agencies and programmes
recur across articles with Zipf popularity (a few in thousands of articles,
most in a handful), as in real regional news.

Deterministic: article ``i`` of seed ``s`` is the same whatever the corpus
size, so the 1k corpus is the start of the 10k one.

Each article also comes with the extraction an ideal extractor would return
(``truth=True``): the benchmark builds query-scale graphs from it directly
(the contract's graph shape, without spending hours in extraction).

Usage::

    python bench/generate.py --articles 10000 --out corpus/      # shards of 1,000 articles
    python bench/generate.py --articles 1000 -o corpus.jsonl.gz
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import gzip
import itertools
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from graph.extract.types import (
    Agreement,
    Entity,
    Extraction,
    Meeting,
    Membership,
    Program,
    Quote,
    Sentence,
    Span,
)

# --- the world: regions, organisations, officials, programmes -------------------------
REGIONS = [  # (name, kind, province)
    ("Samarinda", "Kota", "Kalimantan Timur"),
    ("Balikpapan", "Kota", "Kalimantan Timur"),
    ("Kutai Kartanegara", "Kabupaten", "Kalimantan Timur"),
    ("Bontang", "Kota", "Kalimantan Timur"),
    ("Bandung", "Kota", "Jawa Barat"),
    ("Bogor", "Kabupaten", "Jawa Barat"),
    ("Bekasi", "Kota", "Jawa Barat"),
    ("Garut", "Kabupaten", "Jawa Barat"),
    ("Surabaya", "Kota", "Jawa Timur"),
    ("Malang", "Kota", "Jawa Timur"),
    ("Banyuwangi", "Kabupaten", "Jawa Timur"),
    ("Semarang", "Kota", "Jawa Tengah"),
    ("Banyumas", "Kabupaten", "Jawa Tengah"),
    ("Makassar", "Kota", "Sulawesi Selatan"),
    ("Gowa", "Kabupaten", "Sulawesi Selatan"),
    ("Manado", "Kota", "Sulawesi Utara"),
    ("Medan", "Kota", "Sumatera Utara"),
    ("Deli Serdang", "Kabupaten", "Sumatera Utara"),
    ("Padang", "Kota", "Sumatera Barat"),
    ("Pekanbaru", "Kota", "Riau"),
    ("Palembang", "Kota", "Sumatera Selatan"),
    ("Denpasar", "Kota", "Bali"),
    ("Badung", "Kabupaten", "Bali"),
    ("Kupang", "Kota", "Nusa Tenggara Timur"),
    ("Mataram", "Kota", "Nusa Tenggara Barat"),
    ("Pontianak", "Kota", "Kalimantan Barat"),
    ("Banjarmasin", "Kota", "Kalimantan Selatan"),
    ("Jayapura", "Kota", "Papua"),
    ("Ambon", "Kota", "Maluku"),
    ("Yogyakarta", "Kota", "Daerah Istimewa Yogyakarta"),
]
TIMEZONE = {
    "Kalimantan Timur": "WITA",
    "Sulawesi Selatan": "WITA",
    "Sulawesi Utara": "WITA",
    "Bali": "WITA",
    "Nusa Tenggara Timur": "WITA",
    "Nusa Tenggara Barat": "WITA",
    "Kalimantan Selatan": "WITA",
    "Papua": "WIT",
    "Maluku": "WIT",
}
DINAS = [
    ("Dinas Pendidikan", "Disdik"),
    ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "PUPR"),
    ("Dinas Perhubungan", "Dishub"),
    ("Dinas Sosial", "Dinsos"),
    ("Dinas Tenaga Kerja", "Disnaker"),
    ("Dinas Pariwisata", "Dispar"),
    ("Dinas Lingkungan Hidup", "DLH"),
    ("Dinas Koperasi dan UKM", "Diskop UKM"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("Dinas Pertanian", "Distan"),
]
MINISTRIES = [
    ("Kementerian Ketenagakerjaan", "Kemnaker"),
    ("Kementerian Dalam Negeri", "Kemendagri"),
    ("Kementerian Keuangan", "Kemenkeu"),
    ("Kementerian Pekerjaan Umum dan Perumahan Rakyat", "Kementerian PUPR"),
    ("Kementerian Kesehatan", "Kemenkes"),
    ("Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi", "Kemendikbudristek"),
    ("Kementerian Koperasi dan Usaha Kecil dan Menengah", "KemenKopUKM"),
    ("Kementerian Perhubungan", "Kemenhub"),
    ("Kementerian Sosial", "Kemensos"),
    ("Kementerian Pariwisata dan Ekonomi Kreatif", "Kemenparekraf"),
    ("Badan Nasional Penanggulangan Bencana", "BNPB"),
    ("Badan Pusat Statistik", "BPS"),
]
COMPANIES = [
    ("PT Pertamina (Persero)", "Pertamina"),
    ("PT Bank Rakyat Indonesia (Persero) Tbk", "BRI"),
    ("PT Telkom Indonesia (Persero) Tbk", "Telkom"),
    ("PT PLN (Persero)", "PLN"),
    ("PT Pupuk Kalimantan Timur", "Pupuk Kaltim"),
    ("Bank Pembangunan Daerah Jawa Barat dan Banten", "bank bjb"),
    ("PT Angkasa Pura I", "Angkasa Pura I"),
    ("Universitas Mulawarman", "Unmul"),
    ("Universitas Padjadjaran", "Unpad"),
    ("Universitas Airlangga", "Unair"),
    ("Universitas Hasanuddin", "Unhas"),
    ("Institut Teknologi Sepuluh Nopember", "ITS"),
]
FIRST = [
    "Ali",
    "Andi",
    "Budi",
    "Dedi",
    "Eko",
    "Fitri",
    "Hendra",
    "Irwan",
    "Joko",
    "Kurniawan",
    "Lestari",
    "Muhammad",
    "Nur",
    "Rahmat",
    "Siti",
    "Sri",
    "Taufik",
    "Wahyu",
    "Yusuf",
    "Agus",
    "Bambang",
    "Dewi",
    "Hadi",
    "Iskandar",
    "Rina",
    "Sugeng",
    "Teguh",
    "Wulan",
    "Zainal",
    "Asep",
    "Made",
    "Nyoman",
    "Ketut",
    "Ahmad",
    "Rudy",
    "Syaharie",
    "Arief",
    "Ridwan",
    "Emil",
    "Tri",
    "Yuli",
    "Hasan",
    "Imam",
    "Lukman",
    "Putu",
    "Ratna",
    "Indah",
    "Yoga",
    "Akmal",
]
LAST = [
    "Noor",
    "Santoso",
    "Wibowo",
    "Pratama",
    "Saputra",
    "Hidayat",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Setiawan",
    "Gunawan",
    "Kusuma",
    "Rahman",
    "Hakim",
    "Jaang",
    "Malik",
    "Sulaiman",
    "Wijaya",
    "Halim",
    "Tanjung",
    "Pasaribu",
    "Sitompul",
    "Purnomo",
    "Susanto",
    "Hamid",
    "Syahputra",
    "Ramadhan",
    "Firmansyah",
    "Suryadi",
    "Anwar",
    "Fauzi",
    "Mahendra",
    "Permana",
    "Sembiring",
    "Mulyadi",
    "Aziz",
    "Effendi",
    "Rusdi",
    "Yamin",
]
TOPICS = [
    "penanganan banjir",
    "percepatan vaksinasi",
    "pengendalian inflasi daerah",
    "peningkatan kualitas SDM",
    "pelatihan vokasi",
    "pembangunan jalan lingkar",
    "penurunan angka stunting",
    "digitalisasi layanan publik",
    "penguatan UMKM",
    "pengelolaan sampah",
    "penataan kawasan kumuh",
    "pengembangan desa wisata",
    "penyaluran bantuan sosial",
    "persiapan Pemilu",
    "ketahanan pangan",
    "revitalisasi pasar tradisional",
    "pengembangan transportasi publik",
    "peningkatan pendapatan asli daerah",
    "penanganan kemiskinan ekstrem",
    "mitigasi bencana",
    "penyediaan air bersih",
    "sertifikasi halal UMKM",
    "rekrutmen tenaga kerja lokal",
]
PROGRAM_NAMES = [
    ("Kartu Prakerja", None),
    ("Program Keluarga Harapan", "PKH"),
    ("Bantuan Pangan Non Tunai", "BPNT"),
    ("Gerakan Nasional Bangga Buatan Indonesia", "Gernas BBI"),
    ("Kota Tanpa Kumuh", "Kotaku"),
    ("Program Indonesia Pintar", "PIP"),
    ("Sekolah Penggerak", None),
    ("Satu Data Indonesia", None),
    ("Desa Digital", None),
    ("Kampung Tangguh Bencana", None),
    ("Pelatihan Berbasis Kompetensi", "PBK"),
    ("Smart City", None),
    ("Bedah Rumah", None),
    ("Gerakan Tanam Cabai", None),
    ("Jaminan Kesehatan Daerah", "Jamkesda"),
]
MEETING_KINDS = [
    "rapat koordinasi",
    "audiensi",
    "kunjungan kerja",
    "rapat kerja",
    "rapat paripurna",
    "focus group discussion",
    "penandatanganan nota kesepakatan",
    "rapat evaluasi",
]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
PUBLISHERS = [
    "WartaKaltim.id",
    "ANALITIK.CO.ID",
    "Kabar Daerah",
    "Suara Nusantara",
    "Berita Kota",
    "Antara",
    "Pikiran Rakyat Online",
]
SAY = ["kata", "ujar", "ungkap", "jelas", "tegas", "tutur"]
QUOTES = [
    "Kami berharap kerja sama ini memberi manfaat langsung bagi masyarakat, terutama dalam {topic}",
    "Pemerintah daerah siap mendukung penuh langkah-langkah {topic} yang sudah disepakati bersama",
    "Target kami tahun ini adalah menuntaskan {topic} sebelum akhir tahun anggaran",
    "Koordinasi lintas sektor sangat penting agar {topic} berjalan efektif dan tepat sasaran",
    "Kami akan mengevaluasi pelaksanaan {topic} setiap tiga bulan sekali bersama seluruh perangkat daerah",
    "Anggaran untuk {topic} sudah kami siapkan dalam APBD perubahan",
]
FILLER = [
    "Menurut data yang dihimpun, capaian {topic} di {region} pada tahun lalu baru mencapai {pct} persen dari target yang ditetapkan.",
    "Pemerintah daerah juga meminta seluruh camat dan lurah aktif menyosialisasikan program tersebut kepada warga di wilayah masing-masing.",
    "Sejumlah kendala masih ditemui di lapangan, mulai dari keterbatasan anggaran, data penerima yang belum mutakhir, hingga koordinasi antarinstansi yang perlu diperkuat.",
    "Kegiatan tersebut diikuti sekitar {count} peserta dari unsur perangkat daerah, akademisi, pelaku usaha, dan tokoh masyarakat.",
    "Dalam paparannya, narasumber menjelaskan bahwa keberhasilan {topic} sangat bergantung pada partisipasi masyarakat dan dukungan dunia usaha.",
    "Ia menambahkan, hasil rapat akan dituangkan dalam rencana aksi daerah yang dilaporkan secara berkala kepada kepala daerah.",
    "Selain itu, pemerintah berencana memperluas jangkauan layanan hingga ke kecamatan-kecamatan yang selama ini sulit dijangkau.",
    "Pada tahun anggaran {year}, alokasi untuk sektor ini direncanakan naik menjadi Rp{money} miliar.",
    "Pertemuan berlangsung dalam suasana hangat dan ditutup dengan sesi tanya jawab serta foto bersama.",
    "Warga menyambut baik rencana tersebut dan berharap pelaksanaannya tidak berhenti pada seremoni semata.",
    "Sebelumnya, persoalan yang sama juga sempat dibahas dalam forum musyawarah perencanaan pembangunan tingkat kota.",
    "Pihaknya juga membuka kanal pengaduan daring agar masyarakat dapat melaporkan kendala yang mereka temui.",
    "Evaluasi menyeluruh dijadwalkan pada akhir semester, dengan melibatkan inspektorat dan lembaga pengawas eksternal.",
    "Dia menegaskan bahwa transparansi anggaran menjadi kunci agar kepercayaan publik terhadap program pemerintah tetap terjaga.",
    "Dengan langkah ini, {region} diharapkan dapat menjadi percontohan bagi daerah lain di {province}.",
]
ZIPF_EXPONENT = 1.05


@dataclass
class Org:
    name: str
    acronym: str | None
    org_type: str
    government: bool
    parent: Org | None = None
    region: tuple[str, str, str] | None = None


@dataclass
class Official:
    name: str
    role: str
    org: Org
    acting: bool = False


@dataclass
class World:
    """Everyone who can appear in the news, in Zipf rank order (rank 0 most popular)."""

    officials: list[Official]
    orgs: list[Org]
    programs: list[tuple[str, str | None, Org]]
    official_weights: list[float] = field(default_factory=list)
    org_weights: list[float] = field(default_factory=list)
    program_weights: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.official_weights = _zipf_cumulative(len(self.officials))
        self.org_weights = _zipf_cumulative(len(self.orgs))
        self.program_weights = _zipf_cumulative(len(self.programs))


def _zipf_cumulative(n: int) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(n)))


def _pick(rng: random.Random, items: list, cumulative: list[float]):
    return items[bisect.bisect_left(cumulative, rng.random() * cumulative[-1])]


def build_world(seed: int = 1, officials: int = 4000) -> World:
    rng = random.Random(seed)
    orgs: list[Org] = []
    people: list[Official] = []
    names = [f"{a} {b}" for a in FIRST for b in LAST]
    rng.shuffle(names)
    longer = [f"{a} {b} {c}" for a in FIRST for b in FIRST[:10] for c in LAST]
    rng.shuffle(longer)
    names_iter = iter(names + longer)
    for region in REGIONS:
        name, kind, _province = region
        head_title = "Wali Kota" if kind == "Kota" else "Bupati"
        pemda = Org(f"Pemerintah {kind} {name}", f"Pem{kind.lower()} {name}", "local_government", True, region=region)
        dprd = Org(f"Dewan Perwakilan Rakyat Daerah {kind} {name}", f"DPRD {kind} {name}", "legislature", True, region=region)
        orgs += [pemda, dprd]
        people.append(Official(next(names_iter), head_title, pemda))
        people.append(Official(next(names_iter), f"Wakil {head_title}", pemda))
        people.append(Official(next(names_iter), "Sekretaris Daerah", pemda, acting=rng.random() < 0.2))
        people.append(Official(next(names_iter), "Ketua", dprd))
        for dinas, acronym in DINAS:
            org = Org(f"{dinas} {kind} {name}", f"{acronym} {name}", "agency", True, parent=pemda, region=region)
            orgs.append(org)
            people.append(Official(next(names_iter), "Kepala", org, acting=rng.random() < 0.1))
    for ministry, acronym in MINISTRIES:
        org = Org(ministry, acronym, "ministry", True)
        orgs.append(org)
        people.append(Official(next(names_iter), "Menteri", org))
        for _ in range(3):
            people.append(Official(next(names_iter), "Direktur Jenderal", org))
    for company, acronym in COMPANIES:
        org = Org(company, acronym, "university" if "Universitas" in company or "Institut" in company else "company", False)
        orgs.append(org)
        people.append(Official(next(names_iter), "Rektor" if org.org_type == "university" else "Direktur Utama", org))
    while len(people) < officials:  # the long tail: council members and division heads
        org = rng.choice(orgs)
        role = "Anggota" if org.org_type == "legislature" else ("Kepala Bidang" if org.org_type == "agency" else "Staf Ahli")
        people.append(Official(next(names_iter), role, org))
    rng.shuffle(people)
    rng.shuffle(orgs)
    programs = [
        (f"Program {p}" if not p.startswith(("Program", "Gerakan", "Kartu", "Bantuan")) else p, acronym, rng.choice(orgs))
        for p, acronym in PROGRAM_NAMES
    ]
    programs += [
        (f"Program {topic[0].upper()}{topic[1:]} {region[0]}", None, rng.choice(orgs))
        for topic in TOPICS
        for region in REGIONS[:8]
    ]
    rng.shuffle(programs)
    return World(people, orgs, programs)


# --- one article ------------------------------------------------------------------
class _Text:
    """Builds the article text and records spans and sentence boundaries as it goes."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list[Sentence] = []
        self._sentence_start = 0

    def add(self, text: str) -> Span:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return Span(start, self.length, text, len(self.sentences))

    def end_sentence(self, closing: str = " ") -> None:
        self.sentences.append(Sentence(self._sentence_start, self.length))
        self.add(closing)
        self._sentence_start = self.length

    def paragraph(self) -> None:
        if self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1][:-1] + "\n\n"
            self.length += 1
            self._sentence_start = self.length

    @property
    def text(self) -> str:
        return "".join(self.parts).rstrip()


class _ArticleBuilder:
    def __init__(self, world: World, rng: random.Random, article_id: str):
        self.w, self.rng = world, rng
        self.t = _Text()
        self.x = Extraction(article_id, extractor="bench-truth")
        self.entities: dict[str, Entity] = {}

    def entity(self, kind: str, name: str, **extra) -> Entity:
        key = f"{kind[:3]}:{name}"
        if key not in self.entities:
            self.entities[key] = Entity(key, kind, name, **extra)  # type: ignore[arg-type]
            self.x.entities.append(self.entities[key])
        return self.entities[key]

    def org(self, org: Org, *, short: bool = False) -> Entity:
        parent = self.org_entity_only(org.parent) if org.parent else None
        e = self.entity(
            "organization", org.name, government=org.government, org_type=org.org_type, parent=parent.key if parent else None
        )
        written = org.acronym if short and org.acronym else org.name
        if written != org.name and written not in e.aliases:
            e.aliases.append(written)
        e.mentions.append(self.t.add(written))
        return e

    def org_entity_only(self, org: Org) -> Entity:
        return self.entity("organization", org.name, government=org.government, org_type=org.org_type)

    def official(self, person: Official, *, with_office: bool = True) -> Entity:
        office = f"{'Plt ' if person.acting else ''}{person.role}"
        if with_office:
            start = self.t.length
            self.t.add(f"{office} ")
            org = self.org(person.org, short=self.rng.random() < 0.5)
            self.t.add(" ")
            e = self.entity("person", person.name)
            e.mentions.append(self.t.add(person.name))
            evidence = Span(start, self.t.length, "", len(self.t.sentences))
            self.x.memberships.append(Membership(e.key, person.role, org.key, person.acting, [evidence]))
            return e
        e = self.entity("person", person.name)
        e.mentions.append(self.t.add(person.name))
        return e

    def place(self, region: tuple[str, str, str]) -> Entity:
        name, kind, province = region
        prov = self.entity("place", province, place_type="province")
        e = self.entity("place", name, place_type="city" if kind == "Kota" else "regency", parent=prov.key)
        e.mentions.append(self.t.add(f"{kind} {name}"))
        return e

    def build(self, index: int, seed: int) -> dict:
        rng, w, t = self.rng, self.w, self.t
        host = _pick(rng, w.officials, w.official_weights)
        region = host.org.region or rng.choice(REGIONS)
        topic = rng.choice(TOPICS)
        kind = rng.choice(MEETING_KINDS)
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
        publisher = PUBLISHERS[(index * 7 + seed) % len(PUBLISHERS)]
        guests = []
        while len(guests) < rng.randint(2, 4):
            guest = _pick(rng, w.officials, w.official_weights)
            if guest is not host and guest not in guests:
                guests.append(guest)
        partner = _pick(rng, w.orgs, w.org_weights)
        if partner is host.org:
            partner = w.orgs[(w.orgs.index(partner) + 1) % len(w.orgs)]

        # Lede: dateline, host, meeting, venue, date.
        dateline = t.add(f"{region[0].upper()}, {publisher} – ")
        city = self.entity("place", region[0])
        city.mentions.append(Span(dateline.start, dateline.start + len(region[0]), region[0].upper(), 0))
        host_e = self.official(host)
        t.add(f" menggelar {kind} tentang {topic} bersama ")
        partner_e = self.org(partner)
        t.add(" di ")
        venue_name = rng.choice(
            [
                f"Ruang Rapat Utama Balai Kota {region[0]}",
                f"Aula Kantor {region[1]} {region[0]}",
                f"Gedung DPRD {region[1]} {region[0]}",
                f"Hotel Grand {region[0]}",
            ]
        )
        venue = self.entity("place", venue_name, place_type="venue", parent=city.key)
        venue.mentions.append(t.add(venue_name))
        t.add(", ")
        hour = rng.choice(["09.00", "10.00", "13.30", "14.00"])
        tz = TIMEZONE.get(region[2], "WIB")
        t.add(f"{HARI[day.weekday()]} ({day.day}/{day.month}/{day.year}) pukul {hour} {tz}")
        t.end_sentence(". ")
        meeting = Meeting(
            "meeting:1",
            kind,
            f"{kind[0].upper()}{kind[1:]} tentang {topic}",
            day.isoformat(),
            hour.replace(".", ":"),
            tz,
            venue.key,
            [host_e.key, self.org_entity_only(host.org).key, partner_e.key],
            [],
            topic,
            [Span(0, t.length, "", 0)],
        )
        self.x.meetings.append(meeting)

        # Attendees.
        t.add("Hadir dalam kegiatan tersebut ")
        for i, guest in enumerate(guests):
            if i:
                t.add(", " if i < len(guests) - 1 else ", dan ")
            meeting.attendees.append(self.official(guest).key)
            meeting.attendees.append(self.org_entity_only(guest.org).key)
        t.end_sentence(". ")
        t.paragraph()

        # Quotes.
        self.quote(host, topic)
        self.filler(region, topic, 2)
        # An MoU, half the time.
        if rng.random() < 0.5:
            start = t.length
            t.add("Pada kesempatan itu, ")
            a = self.org(host.org)
            t.add(" dan ")
            b = self.org(partner, short=True)
            mou = f"nota kesepakatan tentang {topic}"
            t.add(f" menandatangani {mou}")
            t.end_sentence(". ")
            agreement = Agreement(
                "agreement:1",
                mou.capitalize(),
                [],
                [a.key, b.key],
                "signed",
                day.isoformat(),
                [Span(start, t.length, "", len(t.sentences) - 1)],
            )
            self.x.agreements.append(agreement)
            meeting.about.append(agreement.key)
        # A programme with a target, often.
        if rng.random() < 0.6:
            name, acronym, provider = _pick(rng, w.programs, w.program_weights)
            start = t.length
            p_org = self.org(provider)
            t.add(" menargetkan ")
            t.add(name)
            if acronym:
                t.add(f" ({acronym})")
            target = rng.choice([500, 1000, 2500, 10000, 25000])
            unit = rng.choice(["UMKM", "keluarga penerima manfaat", "peserta", "rumah tidak layak huni", "siswa"])
            t.add(f" menjangkau {target:,} {unit} hingga {day.year + rng.randint(1, 4)}".replace(",", "."))
            t.end_sentence(". ")
            self.x.programs.append(
                Program(
                    "program:1",
                    name,
                    [acronym] if acronym else [],
                    p_org.key,
                    float(target),
                    unit,
                    f"{target} {unit}",
                    [Span(start, t.length, "", len(t.sentences) - 1)],
                )
            )
        t.paragraph()
        self.quote(guests[0], topic)
        while len("".join(t.parts).split()) < 400:
            self.filler(region, topic, 1)
        t.add(f"({rng.choice(['adv', 'red', 'ant', 'hms'])})")
        self.x.sentences = t.sentences
        title = f"{host.role} {host.name.split()[0]} Bahas {topic.title()} Bersama {partner.acronym or partner.name}"
        return {
            "id": f"bench-{seed}-{index:07d}",
            "title": title,
            "text": t.text,
            "date": day.isoformat(),
            "url": f"https://{publisher.lower().replace(' ', '')}.example/berita/{seed}/{index}",
            "publisher": publisher,
            "language": "id",
        }

    def quote(self, speaker: Official, topic: str) -> None:
        t = self.t
        t.add("“")
        body = self.rng.choice(QUOTES).format(topic=topic)
        span = t.add(body)
        t.add(",” ")
        cue = t.add(self.rng.choice(SAY) + " ")
        person = self.official(speaker, with_office=False)
        t.end_sentence(". ")
        self.x.quotes.append(Quote(body, span, person.key, Span(cue.start, t.length - 2, "", span.sentence)))
        t.paragraph()

    def filler(self, region: tuple[str, str, str], topic: str, sentences: int) -> None:
        for _ in range(sentences):
            template = self.rng.choice(FILLER)
            self.t.add(
                template.format(
                    topic=topic,
                    region=f"{region[1]} {region[0]}",
                    province=region[2],
                    pct=self.rng.randint(40, 95),
                    count=self.rng.randint(50, 400),
                    year=self.rng.randint(2020, 2026),
                    money=self.rng.randint(5, 250),
                )[:-1]
            )
            self.t.end_sentence(". ")
        self.t.paragraph()


def _fix_spans(record: dict, extraction: Extraction) -> None:
    """Spans were recorded while the text grew; fill their ``text`` from the final text."""
    text = record["text"]

    def fix(span: Span | None) -> None:
        if span is not None:
            span.end = min(span.end, len(text))
            span.text = text[span.start : span.end]

    for e in extraction.entities:
        for span in e.mentions:
            fix(span)
    for item in (*extraction.memberships, *extraction.meetings, *extraction.agreements, *extraction.programs):
        for span in item.evidence:
            fix(span)
    for q in extraction.quotes:
        fix(q.span)
        fix(q.cue)


def articles(count: int, seed: int = 1, *, start: int = 0, truth: bool = False, world: World | None = None) -> Iterator:
    """Article records (dicts ready for JSON); with ``truth``, ``(record, extraction)`` pairs."""
    world = world or build_world(seed)
    for index in range(start, start + count):
        builder = _ArticleBuilder(world, random.Random(seed * 1_000_003 + index), "")
        record = builder.build(index, seed)
        if truth:
            builder.x.article_id = record["id"]
            _fix_spans(record, builder.x)
            yield record, builder.x
        else:
            yield record


def write_corpus(count: int, out: str, seed: int = 1, shard: int = 1000) -> list[Path]:
    """Write ``count`` articles as JSONL: into ``out/part-NNNNN.jsonl`` shards, or one file (``.gz`` compresses)."""
    target = Path(out)
    if out.endswith((".jsonl", ".jsonl.gz", ".ndjson")) or out == "-":
        with contextlib.ExitStack() as stack:
            if out == "-":
                handle = sys.stdout
            elif out.endswith(".gz"):
                handle = stack.enter_context(gzip.open(target, "wt", encoding="utf-8"))
            else:
                handle = stack.enter_context(open(target, "w", encoding="utf-8"))
            for record in articles(count, seed):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    world = build_world(seed)
    for part, first in enumerate(range(0, count, shard)):
        path = target / f"part-{part:05d}.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for record in articles(min(shard, count - first), seed, start=first, world=world):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", "-o", default="-", help="a directory (shards), a .jsonl(.gz) file, or - for stdout")
    parser.add_argument("--shard", type=int, default=1000, help="articles per shard file when --out is a directory")
    args = parser.parse_args(argv)
    write_corpus(args.articles, args.out, args.seed, args.shard)


if __name__ == "__main__":
    main()
