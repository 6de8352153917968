"""Places: provinces, regencies and cities from the gazetteer, districts and villages
after ``Kecamatan``/``Desa``/``Kelurahan``, venues (``Ruang Rapat Karangasan``), the dateline."""

from __future__ import annotations

from .doc import Doc
from .lexicon import Region, regions
from .regions import match_district, match_region
from .tokens import Token

_VENUE_HEADS = ("Ruang Rapat", "Ruang", "Gedung", "Aula", "Balai Agung", "Balai Kota", "Balaikota", "Kompleks",
                "Hotel", "Istana", "Pendopo", "Pendapa", "Lapangan", "Stadion", "Taman", "Monumen")
_MAX_VENUE_WORDS = 6
_VILLAGE_WORDS = {"Desa": "village", "Kelurahan": "village", "Dusun": "village"}
_TYPE = {"province": "province", "regency": "regency", "city": "city", "district": "district"}


def _region_entity(doc: Doc, region: Region, span, written: str):
    parent = None
    if region.parent:
        parent_region = regions().get(region.parent)
        if parent_region is not None and parent_region.type == "province":
            parent = doc.add_entity("place", parent_region.name, None, place_type="province",
                                    code=parent_region.code).key
    return doc.add_entity("place", region.name, span, aliases=[written], place_type=_TYPE[region.type],
                          code=region.code, parent=parent)


_VENUE_FIRST = frozenset(h.split()[0] for h in _VENUE_HEADS)


def _venue(tokens: list[Token], i: int) -> int | None:
    if tokens[i].text not in _VENUE_FIRST:
        return None
    for head in _VENUE_HEADS:
        n = len(head.split())
        if " ".join(t.text for t in tokens[i : i + n]) != head:
            continue
        j = i + n
        while j < len(tokens) and j - i < _MAX_VENUE_WORDS and (tokens[j].cap or tokens[j].text.isdigit()):
            j += 1
        if j > i + n or head in ("Balai Agung", "Balai Kota", "Balaikota"):
            return j
    return None


def find_places(doc: Doc, tokens: list[Token], taken: set[int]) -> None:
    """Stage: every place named outside organisation names (token indices in ``taken``)."""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i in taken or not tok.cap:
            i += 1
            continue
        if tok.text == "Kecamatan":
            found = match_district(tokens, i + 1)
            if found:
                end, region = found
                doc.add_entity("place", region.name, doc.span(tok.start, tokens[end - 1].end),
                               aliases=[f"Kecamatan {region.name}"], place_type="district", code=region.code)
                i = end
                continue
        if tok.text in _VILLAGE_WORDS and i + 1 < len(tokens) and tokens[i + 1].cap:
            j = i + 1
            while j < len(tokens) and tokens[j].cap and j - i <= 3:
                j += 1
            if j - i > 3:
                j = i + 2  # "Kepala Desa Mernek Bustanul Arifin": the village, then a name
            name = " ".join(t.text for t in tokens[i + 1 : j])
            doc.add_entity("place", name, doc.span(tok.start, tokens[j - 1].end),
                           aliases=[f"{tok.text} {name}"], place_type="village")
            i = j
            continue
        venue_end = _venue(tokens, i)
        if venue_end is not None:
            name = " ".join(t.text for t in tokens[i:venue_end])
            doc.add_entity("place", name, doc.span(tok.start, tokens[venue_end - 1].end), place_type="venue")
            i = venue_end
            continue
        region = match_region(tokens, i)
        if region is not None and not any(k in taken for k in range(region.start, region.end)):
            span = doc.span(tokens[region.start].start, tokens[region.end - 1].end)
            _region_entity(doc, region.region, span, span.text)
            i = region.end
            continue
        i += 1


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
