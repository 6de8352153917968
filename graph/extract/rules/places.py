"""Places: provinces, regencies and cities from the gazetteer, districts and villages
after ``Kecamatan``/``Desa``/``Kelurahan``, venues and landmarks (``Ruang Rapat Karangasan``,
``Jalan Rasuna Said``, ``Sungai Citarum``), areas (``kawasan Monas``), islands, countries, the
dateline; and which of them holds which, where the article says so."""

from __future__ import annotations

from functools import lru_cache

from .doc import Doc
from .lexicon import (
    ISLANDS,
    NOT_NAME,
    Region,
    countries,
    is_org_word,
    region_first_words,
    regions,
)
from .regions import match_district, match_region
from .tokens import Token
from .venues import FIRST as _VENUE_FIRST
from .venues import STOP as _STOP
from .venues import read_venue, venue_first_words

_VILLAGE_WORDS = {"Desa": "village", "Kelurahan": "village", "Dusun": "village"}
_TYPE = {"province": "province", "regency": "regency", "city": "city", "district": "district"}
#: How large a place of each type is: a place is held only by a larger one.
_LEVEL = {"venue": 0, "other": 0, "village": 1, "district": 2, "regency": 3, "city": 3, "province": 4, "country": 5}
_MAX_COUNTRY_WORDS = 4
_SENTENCE_END = frozenset('.!?"”')
_LANGUAGE_WORDS = frozenset({"bahasa", "berbahasa", "logat", "aksen"})


def _region_entity(doc: Doc, region: Region, span, written: str):
    return doc.add_entity("place", region.name, span, aliases=[written], place_type=_TYPE[region.type], code=region.code)


@lru_cache(maxsize=1)
def _country_first_words() -> frozenset[str]:
    return frozenset(form.split()[0] for form in countries())


def _next_is_name(doc: Doc, tokens: list[Token], j: int) -> bool:
    """True when a capitalised word follows on the same line ("Jawa Pos", "Jerman Barat")."""
    return j < len(tokens) and tokens[j].cap and "\n" not in doc.text[tokens[j - 1].end : tokens[j].start]


def _inside_name(doc: Doc, tokens: list[Token], i: int) -> bool:
    """True when a capitalised word leads up to ``tokens[i]`` on its line ("Tentara Nasional Indonesia",
    "Bank Sumatera"): the word ends a name the other stages did not read, not a place."""
    prev = tokens[i - 1] if i else None
    if prev is None or not prev.cap or prev.text in NOT_NAME or "\n" in doc.text[prev.end : tokens[i].start]:
        return False
    # A sentence's first word is capitalised whatever it is ("Aliran Sungai Citarum ...").
    return i >= 2 and tokens[i - 2].text not in _SENTENCE_END and "\n" not in doc.text[tokens[i - 2].end : prev.start]


def _country(doc: Doc, tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    if tokens[i].low not in _country_first_words() or (i and tokens[i - 1].low in _LANGUAGE_WORDS):
        return None
    if _inside_name(doc, tokens, i):
        return None
    table = countries()
    for n in range(_MAX_COUNTRY_WORDS, 0, -1):
        words = tokens[i : i + n]
        if len(words) < n or not words[-1].cap:
            continue
        hit = table.get(" ".join(t.text for t in words).casefold())
        if hit and not _next_is_name(doc, tokens, i + n):
            return i + n, hit[0], hit[1]
    return None


def _island(doc: Doc, tokens: list[Token], i: int) -> int | None:
    text = tokens[i].text
    if text == "Nusa" and i + 1 < len(tokens) and tokens[i + 1].text == "Tenggara":
        end = i + 2
    elif text in ISLANDS:
        end = i + 1
    else:
        return None
    return None if _next_is_name(doc, tokens, end) or _inside_name(doc, tokens, i) else end


def _area(doc: Doc, tokens: list[Token], i: int, taken: set[int]) -> int | None:
    """``kawasan Monas``: the capitalised words after "kawasan" name an area."""
    j = i + 1
    while j < len(tokens) and j - i <= 3 and tokens[j].cap and j not in taken:
        if tokens[j].text in _STOP or "\n" in doc.text[tokens[j - 1].end : tokens[j].start]:
            break
        j += 1
    if j == i + 1 or _next_is_name(doc, tokens, j) or is_org_word(tokens[i + 1].text):
        return None  # nothing named, a longer name than an area's, or an organisation's
    if match_region(tokens, i + 1) is not None:
        return None
    return j


def find_places(doc: Doc, tokens: list[Token], taken: set[int]) -> None:
    """Stage: every place named outside organisation names (token indices in ``taken``)."""
    i = 0
    previous = None  # (entity, token index after it): the place just read, which a larger one may hold
    while i < len(tokens):
        tok = tokens[i]
        if i in taken or not (tok.cap or tok.low == "kawasan") or tok.low not in _first_words():
            i += 1
            continue
        joined = previous is not None and previous[1] == i
        found = _read_place(doc, tokens, i, taken, joined)
        if found is None:
            i += 1
            continue
        entity, end = found
        if previous is not None:
            _contain(doc, tokens, previous, entity, i)
        previous = (entity, end)
        i = end


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Lower-cased words that can open a place, so most capitalised words are passed over at once."""
    words = {"kawasan", "kecamatan", "nusa", *(w.casefold() for w in _VILLAGE_WORDS), *(w.casefold() for w in ISLANDS)}
    return frozenset(words | region_first_words() | _country_first_words() | venue_first_words())


def _read_place(doc: Doc, tokens: list[Token], i: int, taken: set[int], joined: bool = False):
    tok = tokens[i]
    if tok.low == "kawasan":
        end = _area(doc, tokens, i, taken)
        if end is None:
            return None
        name = " ".join(t.text for t in tokens[i + 1 : end])
        span = doc.span(tokens[i + 1].start, tokens[end - 1].end)
        return doc.add_entity("place", name, span, aliases=[f"{tok.text} {name}"], place_type="other"), end
    if tok.text == "Kecamatan":
        found = match_district(tokens, i + 1)
        if found:
            end, region = found
            entity = doc.add_entity(
                "place",
                region.name,
                doc.span(tok.start, tokens[end - 1].end),
                aliases=[f"Kecamatan {region.name}"],
                place_type="district",
                code=region.code,
            )
            return entity, end
    if tok.text in _VILLAGE_WORDS and i + 1 < len(tokens) and tokens[i + 1].cap:
        j = i + 1
        while j < len(tokens) and tokens[j].cap and j - i <= 3:
            j += 1
        if j - i > 3:
            j = i + 2  # "Kepala Desa Mernek Bustanul Arifin": the village, then a name
        name = " ".join(t.text for t in tokens[i + 1 : j])
        entity = doc.add_entity(
            "place", name, doc.span(tok.start, tokens[j - 1].end), aliases=[f"{tok.text} {name}"], place_type="village"
        )
        return entity, j
    # "Kementerian Agraria dan Tata Ruang": a type word inside a name read by no stage is no venue;
    # right after a place it is ("Ruang Rapat Melati Gedung Sate").
    venue = None
    if tok.text in _VENUE_FIRST and (joined or not _inside_name(doc, tokens, i)):
        venue = read_venue(doc.text, tokens, i)
    if venue is not None:
        return _venue_entity(doc, tokens, venue), venue.end
    region_match = match_region(tokens, i)
    if region_match is not None and not any(k in taken for k in range(region_match.start, region_match.end)):
        span = doc.span(tokens[region_match.start].start, tokens[region_match.end - 1].end)
        return _region_entity(doc, region_match.region, span, span.text), region_match.end
    country = _country(doc, tokens, i)
    if country is not None:
        end, _iso, name = country
        span = doc.span(tok.start, tokens[end - 1].end)
        return doc.add_entity("place", name, span, place_type="country"), end
    end = _island(doc, tokens, i)
    if end is not None:
        span = doc.span(tok.start, tokens[end - 1].end)
        return doc.add_entity("place", span.text, span, place_type="other"), end
    return None


def _venue_entity(doc: Doc, tokens: list[Token], venue):
    span = doc.span(tokens[venue.start].start, tokens[venue.end - 1].end)
    name, aliases = venue.name, list(venue.aliases)
    island = name.removeprefix("Pulau ")
    if venue.head == "Pulau" and island in ISLANDS:
        name, aliases = island, [venue.name]
    entity = doc.add_entity("place", name, span, aliases=aliases, place_type=venue.kind)
    # "Ibu Kota Negara (IKN)" first, "Ibu Kota Negara (IKN) Nusantara" later: the fuller name wins.
    if name != entity.name and name.startswith(entity.name + " "):
        doc.rename(entity, name)
    return entity


def _contain(doc: Doc, tokens: list[Token], previous, entity, start: int) -> None:
    """``Ruang Rapat X, Gedung Y`` / ``Desa X, Kecamatan Y``: the larger place right after holds the first."""
    inner, end = previous
    between = tokens[end:start]
    if inner is entity or inner.parent or len(between) > 1 or (between and between[0].text != ","):
        return
    if "\n" in doc.text[tokens[end - 1].end : tokens[start].start]:
        return
    low, high = _LEVEL.get(inner.place_type or "", 0), _LEVEL.get(entity.place_type or "", 0)
    if high < low or (high == low and not (low == 0 and inner.place_type == "venue")):
        return
    if inner.code and entity.code and not inner.code.startswith(entity.code + "."):
        return  # the gazetteer says the second place does not hold the first: a list of places
    inner.parent = entity.key


def contain_by_code(doc: Doc) -> None:
    """A region is held by the nearest larger region the article also names (Kemendagri codes)."""
    by_code = {e.code: e for e in doc.entities if e.kind == "place" and e.code}
    for entity in by_code.values():
        if entity.parent:
            continue
        code = regions()[entity.code].parent if entity.code in regions() else ""
        while code and code not in by_code:
            code = regions()[code].parent if code in regions() else ""
        if code:
            entity.parent = by_code[code].key


def add_dateline(doc: Doc, tokens: list[Token]) -> None:
    """The article's dateline is a place; resolve it through the gazetteer when it can be."""
    dateline = (doc.article.dateline or "").strip()
    if not dateline:
        return
    written = dateline.title() if dateline.isupper() else dateline
    from .tokens import tokenize

    region = match_region(tokenize(written), 0)
    if region is not None:
        _region_entity(doc, region.region, None, written)
    else:
        doc.add_entity("place", written, None, place_type="other")
