"""Read a named venue, landmark or natural feature at a token.

A venue is a type word ("Gedung", "Ruang Rapat", "Jalan", "Sungai", "TPST") and the
capitalised words that name it: ``Gedung Sate``, ``Jalan Rasuna Said``. The name ends at
the end of the line, at a weekday or month, at a region that follows it (``Gedung Sate
Kota Bandung``: the venue, then the city that holds it) and at a second venue type once
the first has a name (``Ruang Rapat Melati Gedung Merdeka``: a room in a building).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...calendar import MONTH_NAMES, WEEKDAYS
from .regions import match_region
from .tokens import Token

#: Type words of buildings and rooms (``venue``) and of landmarks, roads and natural
#: features (``other``), longest first where one is the start of another.
_HEADS: dict[str, str] = {
    **dict.fromkeys(
        """Ruang Rapat|Ruang Sidang|Ruang Pertemuan|Ruang|Gedung|Aula|Auditorium|Balai Agung|Balai Kota|Balaikota|
        Balai Sidang|Kompleks|Komplek|Hotel|Istana|Pendopo|Pendapa|Graha|Wisma|Rumah Dinas|Rumah Jabatan|Masjid|
        Gereja|Pura|Vihara|Klenteng|Stadion|Gelanggang|Lapangan|Alun-alun|Alun-Alun|Taman|Monumen|Tugu|Candi|
        Benteng|Pelabuhan|Bandara|Bandar Udara|Terminal|Stasiun|GOR|Sirkuit""".split("|"),
        "venue",
    ),
    **dict.fromkeys(
        """Jalan|Jl.|Jln.|Jl|Sungai|Danau|Gunung|Pantai|Pulau|Teluk|Selat|Jembatan|Bendungan|Waduk|
        Tempat Pengolahan Sampah Terpadu|Tempat Pemrosesan Akhir|Tempat Pembuangan Akhir|TPST|TPA|
        PLTU|PLTA|PLTS|PLTD|PLTP|Ibu Kota Negara|IKN""".split("|"),
        "other",
    ),
}
HEADS = {" ".join(h.split()): kind for h, kind in _HEADS.items()}
#: Names that stand for their whole type phrase: "IKN" alone is the capital, "TPST" alone is no place.
_PROPER = {"Ibu Kota Negara": "IKN", "IKN": "IKN"}
#: Short type words written for the whole type phrase: the name is given in full, the written form kept.
_EXPAND = {
    "IKN": "Ibu Kota Negara",
    "TPST": "Tempat Pengolahan Sampah Terpadu",
    "GOR": "Gelanggang Olahraga",
    "PLTU": "Pembangkit Listrik Tenaga Uap",
    "PLTA": "Pembangkit Listrik Tenaga Air",
    "PLTS": "Pembangkit Listrik Tenaga Surya",
    "PLTD": "Pembangkit Listrik Tenaga Diesel",
    "PLTP": "Pembangkit Listrik Tenaga Panas Bumi",
}
FIRST = frozenset(h.split()[0] for h in HEADS)
_BY_FIRST: dict[str, list[tuple[list[str], str]]] = {}
for _head in sorted(HEADS, key=lambda h: -len(h.split())):
    _BY_FIRST.setdefault(_head.split()[0], []).append((_head.split(), _head))

#: Heads that name their place without more words ("Balai Kota", "Ibu Kota Negara").
_COMPLETE = {"Balai Agung", "Balai Kota", "Balaikota", "Ibu Kota Negara", "IKN"}
_MAX_NAME_WORDS = 7
STOP = frozenset(w.capitalize() for w in (*WEEKDAYS, *MONTH_NAMES)) | {"Pukul", "WIB", "WITA", "WIT"}
#: Words after a type word that make a common phrase, not a name ("Lapangan Kerja", "Jalan Tengah").
_NOT_NAME = frozenset("Kerja Usaha Tengah Keluar Pintas Panjang Kesatuan".split())
#: Road and place words that do not name anything alone ("Jalan Raya" + region is a road in that region).
_GENERIC = frozenset("Raya Utama Lama Baru Besar Tol Lintas Poros Provinsi Nasional".split())
_TYPE_WORDS = frozenset({"Kota", "Kabupaten", "Provinsi"})
_VILLAGE_WORDS = frozenset({"Kecamatan", "Desa", "Kelurahan", "Dusun", "RT", "RW"})


@dataclass
class Venue:
    start: int  # token index of the type word
    end: int  # token index after the name
    head: str
    kind: str  # venue or other
    name: str
    aliases: list[str]


def _head_at(tokens: list[Token], i: int) -> str | None:
    if i >= len(tokens) or tokens[i].text not in FIRST:
        return None
    for words, head in _BY_FIRST[tokens[i].text]:
        if all(i + k < len(tokens) and tokens[i + k].text == w for k, w in enumerate(words)):
            return head
    return None


def venue_first_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in FIRST)


def _same_line(text: str, a: Token, b: Token) -> bool:
    return "\n" not in text[a.end : b.start]


def read_venue(text: str, tokens: list[Token], i: int) -> Venue | None:
    """The venue named at ``tokens[i]``, or None."""
    head = _head_at(tokens, i)
    if head is None:
        return None
    j = i + len(head.split())
    acronym = None
    # "Tempat Pengolahan Sampah Terpadu (TPST) Bantargebang", "Ibu Kota Negara (IKN) Nusantara"
    if (
        j + 2 < len(tokens)
        and tokens[j].text == "("
        and tokens[j + 1].acronym
        and tokens[j + 2].text == ")"
        and len(head.split()) > 1
    ):
        acronym, j = tokens[j + 1].text, j + 3
    name_start = j
    while j < len(tokens) and j - name_start < _MAX_NAME_WORDS:
        tok = tokens[j]
        if not (tok.cap or tok.text.isdigit()) or tok.text in STOP or not _same_line(text, tokens[j - 1], tok):
            break
        if j > name_start and _head_at(tokens, j) is not None:
            break  # a room in a building: the building is read on its own
        if tok.text in _VILLAGE_WORDS or (tok.text in _TYPE_WORDS and match_region(tokens, j) is not None):
            break
        j += 1
        if len(tok.text) == 2 and tok.text.endswith("."):
            break  # "Pulau K." closing a sentence: the next capital opens the next one
    if j > name_start and tokens[name_start].text in _NOT_NAME:
        return None
    if j == name_start and head not in _COMPLETE and acronym is None:
        region = match_region(tokens, j)
        if region is None or not _same_line(text, tokens[j - 1], tokens[j]):
            return None
        # "Pendopo Kabupaten Bogor": the region names the venue, and is read next as a place of its own.
        name = " ".join(t.text for t in tokens[i : region.end])
        return Venue(i, j, head, HEADS[head], name, [])
    j = _before_region(tokens, name_start, j, head in _COMPLETE)
    words = " ".join(t.text for t in tokens[name_start:j])
    name = f"{_EXPAND.get(head, head)} {words}".strip()
    aliases = [f"{head} {words}".strip()] if head in _EXPAND else []
    if acronym:
        aliases.append(f"{acronym} {words}".strip())
    if head in _PROPER:
        aliases.append(_PROPER[head])
    # "Monumen Nasional (Monas)": the short form the article goes on to use.
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].cap and tokens[j + 2].text == ")" and j > name_start:
        aliases.append(tokens[j + 1].text)
    return Venue(i, j, head, HEADS[head], name, aliases)


def _before_region(tokens: list[Token], start: int, end: int, complete: bool) -> int:
    """Where the name ends when its last words name a region ("Gedung Sate Bandung")."""
    for k in range(start if complete else start + 1, end):
        found = match_region(tokens, k)
        if found is not None and found.end == end:
            if all(t.text in _GENERIC for t in tokens[start:k]):
                return end  # "Jalan Raya Bogor" is a road's name
            return k
    return end
