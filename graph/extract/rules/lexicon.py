"""Word lists the rules share, loaded once from ``graph/data``.

Names of regions come from the gazetteer; acronyms and office short forms
from curated tables (their sources are in the files' header comments). The
rest are closed classes of Indonesian news language: words that head an
organisation's name, words that make up the body of one ("Perhubungan",
"Daerah"), office words, and cue words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.id.stop_words import STOP_WORDS

from ...calendar import MONTH_NAMES, WEEKDAYS


def _rows(name: str) -> list[list[str]]:
    text = resources.files("graph.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    type: str  # province, regency, city, district
    parent: str  # code of the containing region, "" for provinces


@dataclass(frozen=True)
class Acronym:
    short: str
    name: str
    org_type: str
    scope: str  # national, regional, unit


@dataclass(frozen=True)
class RoleForm:
    short: str
    office: str
    implies: str  # "", "@region", "@province", "@city", "@regency", or an acronym
    acting: bool


#: Display names where the gazetteer's official name is not the one the press uses.
_DISPLAY = {"Daerah Khusus Ibukota Jakarta": "DKI Jakarta"}


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    """Every province, regency, city and district by code."""
    out = {}
    for code, name, kind, parent in (r + [""] * (4 - len(r)) for r in _rows("gazetteer.tsv")):
        out[code] = Region(code, _DISPLAY.get(name, name), kind, parent)
    return out


@lru_cache(maxsize=1)
def regions_by_name() -> dict[str, list[Region]]:
    """Provinces, regencies and cities by lower-cased name (districts are left out:
    they are only read after ``Kecamatan``)."""
    out: dict[str, list[Region]] = {}
    for region in regions().values():
        if region.type != "district":
            out.setdefault(region.name.casefold(), []).append(region)
    for short, full in province_short_names().items():
        province = next(r for r in regions().values() if r.name == full and r.type == "province")
        out.setdefault(short.casefold(), []).append(province)
    return out


@lru_cache(maxsize=1)
def districts_by_name() -> dict[str, list[Region]]:
    out: dict[str, list[Region]] = {}
    for region in regions().values():
        if region.type == "district":
            out.setdefault(region.name.casefold(), []).append(region)
    return out


@lru_cache(maxsize=1)
def province_short_names() -> dict[str, str]:
    return {short: _DISPLAY.get(full, full) for short, full in _rows("provinces.tsv")}


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, str]]:
    """``written form (lower-cased) → (ISO code, name)`` for every country."""
    out: dict[str, tuple[str, str]] = {}
    for row in _rows("countries.tsv"):
        code, name, other = ([*row, ""])[:3]
        for form in [name, *filter(None, other.split("|"))]:
            out.setdefault(form.casefold(), (code, name))
    return out


#: Islands and island groups the press names as places ("dari Jawa ke Kalimantan"); the
#: provinces named after them ("Kalimantan Timur") are read first, as regions.
ISLANDS = frozenset(
    """Jawa Sumatera Sumatra Kalimantan Sulawesi Madura Lombok Sumbawa Flores Sumba Timor Halmahera
    Seram Borneo""".split()
) | {"Nusa Tenggara"}


@lru_cache(maxsize=1)
def acronyms() -> dict[str, Acronym]:
    """Acronyms by lower-cased short form."""
    return {r[0].casefold(): Acronym(*r[:4]) for r in _rows("acronyms.tsv")}


@lru_cache(maxsize=1)
def programmes() -> dict[str, tuple[str, bool]]:
    """National programmes: written form (folded for names, as written for short forms) ->
    (official name, whether the form is a short form, matched with its capitals)."""
    forms: dict[str, tuple[str, bool]] = {}
    for row in _rows("programmes.tsv"):
        name = row[0].strip()
        forms[name.casefold()] = (name, False)
        for short in row[1].split(",") if len(row) > 1 else []:
            if short.strip():
                forms[short.strip()] = (name, True)
    return forms


@lru_cache(maxsize=1)
def role_forms() -> dict[str, RoleForm]:
    """Office short forms by lower-cased form."""
    return {r[0].casefold(): RoleForm(r[0], r[1], r[2], r[3] == "1") for r in _rows("roles.tsv")}


#: Words that open an organisation's name.
ORG_HEADS = frozenset(
    """Kementerian Kemenko Dinas Badan Balai Direktorat Inspektorat Sekretariat Biro Komisi Dewan
    Majelis Mahkamah Kepolisian Kejaksaan Pengadilan Universitas Institut Politeknik
    Akademi Sekolah Yayasan Lembaga Satuan Satgas Gugus Tim Komite Asosiasi Ikatan Himpunan
    Perkumpulan Persatuan Gabungan Kamar Rumah Puskesmas Kantor Pondok Partai Fraksi Ombudsman
    Otoritas Bank Koperasi Perusahaan Perum Korps Unit Institute Center Foundation Forum Organisasi Kelompok Paguyuban
    Pengurus Kodam Korem Kodim Polda Polres Polresta Polrestabes Polsek Polrestro Kejati
    Kejari Subdirektorat Subdit Ditjen Koalisi Federasi Konfederasi Serikat Aliansi Fakultas""".split()
)

#: Heads that name a unit inside an organisation: with an office before them
#: ("Kepala Seksi Program BBPLK") they belong to the role, not the organisation.
UNIT_HEADS = frozenset("Seksi Bidang Subbidang Bagian Subbagian Subbag Subdit Subdirektorat Departemen Divisi Humas Sub".split())

#: Words that make up the body of an organisation's or unit's name.
ORG_WORDS = frozenset(
    """Daerah Negara Nasional Umum Sosial Dalam Negeri Luar Kerja Tenaga Sipil Aparatur Rakyat
    Perwakilan Sumber Daya Manusia Mineral Energi Hidup Lingkungan Hutan Laut Darat Udara Agama
    Hukum Hak Asasi Pariwisata Kebudayaan Ekonomi Kreatif Informatika Komunikasi Statistik Pusat
    Bina Produktivitas Mutasi Administrasi Program Sarana Prasarana Pasar Pajak Bea Cukai Tata
    Ruang Pangan Industri Usaha Kecil Menengah Mikro Pemuda Olahraga Perempuan Anak Keluarga
    Berencana Catatan Pemadam Kebakaran Bencana Polisi Pamong Praja Lalu Lintas Air Minum Sakit
    Terpadu Satu Pintu Modal Investasi Aset Riset Teknologi Inovasi Transmigrasi Tertinggal Vokasi
    Latihan Komunitas Sama Protokol Tugas Khusus Reserse Kriminal Narkoba Besar Tinggi Jenderal
    Muda Utama Madya Pratama Metro Resor Sektor Kota Kabupaten Provinsi Desa Republik Indonesia
    RI Tim Pakar Ahli Dokter Pendidikan Kesehatan Jaminan Kesatuan Bangsa Politik Perlindungan
    Saksi Korban Pemilihan Pengawas Obat Makanan Keamanan Ketertiban Perumahan Permukiman
    Kawasan Pertanahan Perikanan Kelautan Peternakan Perkebunan Kehutanan Pertanian Keuangan
    Kepegawaian Pelatihan Pembangunan Perencanaan Penelitian Pengembangan Kemaritiman Inspektur
    Covid Percepatan Penanganan Pemulihan Keselamatan Kerja Pelaksana Harian Persero Tbk Cabang
    Wilayah Regional Kantor Kanwil Staf Urusan Istimewa Ibukota Pembinaan Koperasi""".split()
)

#: Connectors allowed inside a name ("Pendidikan dan Pelatihan", "Kementerian Dalam Negeri").
NAME_CONNECTORS = frozenset({"dan", "&", "bin", "binti", "van", "der", "de", "di", "al", "el"})

_DERIVED_NOUN = re.compile(r"^(?:pe|per|pem|pen|peng|peny|ke|pel)\w{3,}an$", re.I)
_VERB = re.compile(r"^(?:meng|meny|mem|men|ber|ter|di)\w{3,}(?:kan|i|nya)$", re.I)

_FUNCTION_WORDS = frozenset(
    """adalah akan bahwa bagaimana bahkan belum berbagai bisa dapat hanya harus jika juga kalau karena
    kemudian ketika lagi lalu maka masih menjadi menurut namun oleh pada para saat sebagai sedang
    sejumlah selain selama semua sudah supaya tentang terhadap tetapi untuk yaitu yakni""".split()
)

#: Capitalised words that start sentences or headlines but never names.
NOT_NAME = (
    frozenset(
        w.capitalize()
        for w in """pimpin hadiri hadir resmikan buka tutup bahas sambut tinjau minta ajak
    rapat sidang acara kegiatan pertemuan kunjungan menurut sementara selain namun tetapi
    jadi maka saat ketika setelah sebelum sejak dalam pada untuk dengan oleh dari ke di
    hari ini itu tersebut ia dia beliau kami kita saya
    mereka hal tahun bulan pekan pukul wib wita wit sapaan akrab selaku sebagai yakni yaitu
    turut juga pun pihak warga masyarakat tim ibu bapak kota kabupaten provinsi desa kecamatan
    kelurahan gedung ruang jalan jl jln kompleks ketua kepala wakil direktur menteri sekretaris
    anggota asisten presiden gubernur bupati camat lurah rektor dekan juru bicara komisioner
    deputi koordinator rangka institute center centre foundation group company corporation association
    council agency university policy development sementara pemerintah pemkot pemkab pemprov
    dinas badan kementerian balai komisi dewan polisi""".split()
    )
    | {w.capitalize() for w in STOP_WORDS if len(w) <= 4 or w in _FUNCTION_WORDS}
    | {w.capitalize() for w in (*WEEKDAYS, *MONTH_NAMES)}
)


#: Verbs written after a speaker or the subject of an attribution ("Agus mengatakan",
#: "Pantas menilai"): the persons stage reads the name before them, the quote stage the
#: speaker of the sentence. One list for both (there were two, differing in 33 words).
REPORTING_VERBS = frozenset(
    """mengatakan menyatakan menjelaskan mengungkapkan menuturkan menegaskan menambahkan menyampaikan
    menerangkan memaparkan menyebutkan menyebut berujar berkata bertutur mengaku mengakui berpesan
    mengimbau meminta berharap mengharapkan mengingatkan melanjutkan menandaskan mengucapkan menilai
    menjawab bercerita mengisahkan menekankan mengajak memastikan mengungkap berpendapat membenarkan
    mengklaim menganggap menyoroti mengkritik mengutarakan menanggapi menduga memperkirakan mengusulkan
    mendorong meyakini mengemukakan menyarankan menolak membantah mengeluhkan mengaku optimistis
    menginstruksikan memerintahkan mengatakannya menguraikan mencontohkan menyebutnya
    bilang""".split()
)


def is_org_word(word: str) -> bool:
    """True for a word that belongs to an organisation's name rather than a person's."""
    if word in ORG_WORDS or word in ORG_HEADS:
        return True
    return bool(_DERIVED_NOUN.match(word)) and word.casefold() not in acronyms()


def is_common_word(word: str) -> bool:
    """True for a word on the list of common words that are rarely names ("Hari", "Rapat")."""
    return word.rstrip(".") in NOT_NAME


def is_name_word(word: str) -> bool:
    """True for a capitalised word that can be part of a person's name."""
    if not word or not word[0].isupper():
        return False
    bare = word.rstrip(".")
    if bare in NOT_NAME or is_org_word(bare) or bare.casefold() in acronyms() or bare.casefold() in role_forms():
        return False
    if _VERB.match(bare) and not bare.isupper():
        return False
    return True


@lru_cache(maxsize=1)
def region_first_words() -> frozenset[str]:
    """Lower-cased first words of region names and type words, to skip most tokens fast."""
    return frozenset(name.split()[0] for name in regions_by_name()) | {"kota", "kabupaten", "kab.", "provinsi", "prov."}


@lru_cache(maxsize=1)
def name_word_counts() -> dict[str, tuple[int, int]]:
    """``word → (times in a person name, times elsewhere)`` from public NER train splits."""
    return {r[0]: (int(r[1]), int(r[2])) for r in _rows("name_words.tsv") if len(r) == 3}


def seen_outside_names(word: str) -> bool:
    """True for a capitalised word the NER corpora use several times, never in a person's name
    ("Nomor", "Papua", "Hotel")."""
    person, other = name_word_counts().get(word, (0, 0))
    return person == 0 and other >= 3


def seen_in_names(word: str) -> bool:
    """True for a word the NER corpora tag as part of a person's name at least as often as not."""
    person, other = name_word_counts().get(word, (0, 0))
    return person > 0 and person >= other
