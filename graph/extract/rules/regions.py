"""Read a region name at a token: ``Kota Samarinda``, ``Provinsi Sulawesi Barat``, ``Jabar``."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Region, districts_by_name, region_first_words, regions_by_name
from .tokens import Token

_TYPE_WORDS = {"kota": "city", "kabupaten": "regency", "kab.": "regency", "provinsi": "province", "prov.": "province"}
_PREFERENCE = {"province": 0, "city": 1, "regency": 2}
_MAX_WORDS = 4


@dataclass(frozen=True)
class RegionMatch:
    start: int  # token index
    end: int  # token index after the match
    region: Region
    written_type: str | None  # the type word used ("Kota"), if any

    @property
    def name(self) -> str:
        return self.region.name


def match_region(tokens: list[Token], i: int, *, bare: bool = True, kind: str | None = None) -> RegionMatch | None:
    """The region named at ``tokens[i]``, preferring the longest name.

    Args:
        tokens: the article's tokens.
        i: where to look.
        bare: also accept a name without ``Kota``/``Kabupaten``/``Provinsi``.
        kind: the region type to prefer for a bare name (``Wali Kota Bogor`` is the city).
    """
    if i >= len(tokens):
        return None
    word = tokens[i].text.casefold()
    if word not in region_first_words():
        return None
    if word in _TYPE_WORDS:
        kind = _TYPE_WORDS[word]
        found = _longest(tokens, i + 1, kind)
        return RegionMatch(i, found[0], found[1], kind) if found else None
    if not bare or not tokens[i].cap:
        return None
    found = _longest(tokens, i, kind)
    return RegionMatch(i, found[0], found[1], None) if found else None


def match_district(tokens: list[Token], i: int) -> tuple[int, Region] | None:
    """A district name at ``tokens[i]`` (read only after ``Kecamatan``)."""
    for n in range(_MAX_WORDS, 0, -1):
        words = tokens[i : i + n]
        if len(words) < n or not all(t.cap for t in words):
            continue
        hits = districts_by_name().get(" ".join(t.text for t in words).casefold())
        if hits:
            return i + n, hits[0]
    return None


def _longest(tokens: list[Token], i: int, kind: str | None) -> tuple[int, Region] | None:
    for n in range(_MAX_WORDS, 0, -1):
        words = tokens[i : i + n]
        if len(words) < n or not all(t.cap for t in words):
            continue
        hits = regions_by_name().get(" ".join(t.text for t in words).casefold())
        if not hits:
            continue
        if kind is not None:
            typed = [r for r in hits if r.type == kind]
            if typed:
                return i + n, typed[0]
        return i + n, min(hits, key=lambda r: _PREFERENCE.get(r.type, 9))
    return None
