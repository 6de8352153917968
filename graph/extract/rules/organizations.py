"""Organisations: ministries, local governments, agencies, legislatures, police, companies.

:func:`match_org` reads one organisation name at a token; the stage
:func:`find_organizations` runs it over the article. Names are made canonical
here: acronyms expanded (``Pemkot Samarinda`` → ``Pemerintah Kota
Samarinda``), ``Long Name (ACR)`` recorded with the acronym as an alias, and a
trailing national body read as the parent (``Ditjen Binalavotas Kemnaker``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from .doc import Doc
from .lexicon import (
    NAME_CONNECTORS,
    ORG_HEADS,
    ORG_WORDS,
    Acronym,
    acronyms,
    is_org_word,
    name_word_counts,
    role_forms,
    seen_in_names,
    seen_outside_names,
)
from .regions import RegionMatch, match_region
from .tokens import Token

_LOCAL_GOV_TYPES = {"city": "Kota", "regency": "Kabupaten", "province": "Provinsi"}
_LOCAL_GOV_SHORT = {"pemkot": "city", "pemkab": "regency", "pemprov": "province", "pemdaprov": "province"}
#: Heads followed by a proper name rather than descriptive words.
_PROPER_HEADS = frozenset(
    "Yayasan Universitas Institut Politeknik Akademi Sekolah Pondok Partai Bank Rumah Hotel PT CV Perum Koperasi Paguyuban Forum Institute Center Foundation".split()
)
#: Heads of bodies that stand on their own: met inside another body's name ("Badan Ketahanan
#: Pangan Kementerian Pertanian", "Satuan Reserse Kriminal Polres ...") they open its parent.
_TOP_HEADS = frozenset(
    """Kementerian Kemenko Kepolisian Polda Polres Polresta Polrestabes Polsek Polrestro Universitas Institut
    Politeknik Bank PT Kejaksaan Kejati Kejari Kodam Korem Kodim""".split()
)
#: Heads too common as plain nouns ("pusat peradaban") to open a name without "(ACR)" after it.
_ACRONYM_HEADS = frozenset({"Pusat", "Wahana", "Network", "Jaringan", "Gerakan"})
#: Heads that are also common nouns ("pusat kota"): their body must be organisation words.
_WEAK_HEADS = frozenset({"Pusat", "Koalisi", "Aliansi", "Serikat", "Satgas", "Satuan", "Tim", "Kelompok"})
#: Words after a lower-case connector or before "(ACR)" that may continue a name ("Koalisi Rakyat
#: untuk Keadilan Perikanan (Kiara)", "Network for Democracy and Electoral Integrity").
_RUN_CONNECTORS = frozenset({"dan", "&", "untuk", "di", "for", "of", "and", "the", "on"})
#: "Rumah ..." that are buildings people live or gather in, not institutions like "Rumah Sakit".
_RESIDENCES = frozenset({"Dinas", "Jabatan", "Adat", "Warga", "Singgah", "Ibadah", "Makan", "Susun", "Kediaman"})
_GOV_TYPES = {"ministry": True, "local_government": True, "agency": True, "legislature": True, "police": True}
_MAX_BODY = 10


@dataclass
class OrgMatch:
    """An organisation named at tokens ``[start, end)``."""

    start: int
    end: int
    name: str
    org_type: str = "other"
    aliases: list[str] = field(default_factory=list)
    parent: OrgMatch | None = None
    region: RegionMatch | None = None

    @property
    def government(self) -> bool:
        return _GOV_TYPES.get(self.org_type, False)


def local_government_name(region_name: str, region_type: str) -> str:
    """``Pemerintah Kota Samarinda`` for the city of Samarinda."""
    return f"Pemerintah {_LOCAL_GOV_TYPES.get(region_type, 'Daerah')} {region_name}"


def match_org(tokens: list[Token], i: int) -> OrgMatch | None:
    """The organisation named at ``tokens[i]``, or None."""
    if i >= len(tokens) or not tokens[i].cap:
        return None
    defined = tokens[i].defined_org
    if defined is not None:
        return replace(defined, aliases=list(defined.aliases))  # callers move a match's end: a copy
    found = (
        _party_board(tokens, i)
        or _local_government(tokens, i)
        or _acronym_org(tokens, i)
        or _headed_org(tokens, i)
        or _known_full_name(tokens, i)
    )
    if found is None:
        return None
    return _with_parent(tokens, found)


#: A party's boards: central (Dewan Pimpinan Pusat), province, city or regency.
_PARTY_BOARDS = frozenset({"DPP", "DPD", "DPW", "DPC"})


def _party_board(tokens: list[Token], i: int) -> OrgMatch | None:
    """``DPD Partai Golkar Jawa Barat``, ``DPP PDI-P``: a board of the party named after it (not the
    Dewan Perwakilan Daerah): an office there is held in the party."""
    if tokens[i].text not in _PARTY_BOARDS or i + 1 >= len(tokens):
        return None
    party = _acronym_org(tokens, i + 1) or _headed_org(tokens, i + 1)
    if party is None or party.org_type != "political_party":
        return None
    end = party.end
    region = match_region(tokens, end)
    if region is not None:
        end = region.end  # the board's province or city belongs to the board, not to a name
    return OrgMatch(i, end, party.name, "political_party", [*party.aliases, _text(tokens, i, end)])


def _text(tokens: list[Token], start: int, end: int) -> str:
    out = ""
    for k in range(start, end):
        if k > start and tokens[k].start > tokens[k - 1].end and tokens[k].text not in ",)":
            out += " "
        out += tokens[k].text
    return out.replace("( ", "(").replace(" )", ")")


def _paren_acronym(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """``(BKPPD)`` or ``( KASN )`` at ``i``: the index after it and the acronym."""
    if i + 2 < len(tokens) and tokens[i].text == "(":
        j = i + 1
        while j < len(tokens) and j < i + 5 and tokens[j].text != ")":
            j += 1
        if j < len(tokens) and tokens[j].text == ")" and j > i + 1:
            inner = _text(tokens, i + 1, j)
            if any(c.isupper() for c in inner) and len(inner) <= 30:
                return j + 1, inner
    return None


def _local_government(tokens: list[Token], i: int) -> OrgMatch | None:
    word = tokens[i].text
    j = i + 1
    kind: str | None = None
    aliases: list[str] = []
    if word.casefold() in _LOCAL_GOV_SHORT:
        kind = _LOCAL_GOV_SHORT[word.casefold()]
    elif word.casefold() == "pemda":
        kind = None
    elif word == "Pemerintah":
        if j < len(tokens) and tokens[j].text == "Daerah":
            j += 1
        if j < len(tokens) and tokens[j].text.casefold() in ("kota", "kabupaten", "provinsi"):
            kind = {"kota": "city", "kabupaten": "regency", "provinsi": "province"}[tokens[j].text.casefold()]
            j += 1
        paren = _paren_acronym(tokens, j)
        if paren:
            j, short = paren
            aliases.append(short)
    else:
        return None
    region = match_region(tokens, j)
    if region is None:
        return None
    rtype = region.region.type if region.written_type is None or kind is None else kind
    if kind is not None and region.region.type != kind and region.written_type is None:
        rtype = kind
    name = local_government_name(region.name, rtype)
    written = _text(tokens, i, region.end)
    aliases = [f"{a} {_text(tokens, region.start, region.end)}" for a in aliases] + [written]
    return OrgMatch(i, region.end, name, "local_government", aliases, region=region)


@lru_cache(maxsize=1)
def _full_names() -> dict[str, list[tuple[tuple[str, ...], Acronym]]]:
    """The lexicon's bodies by the first word of their full name, longest name first."""
    by_first: dict[str, list[tuple[tuple[str, ...], Acronym]]] = {}
    for entry in acronyms().values():
        words = tuple(entry.name.casefold().split())
        if len(words) >= 2 and entry.scope != "unit":
            by_first.setdefault(words[0], []).append((words, entry))
    for names in by_first.values():
        names.sort(key=lambda named: -len(named[0]))
    return by_first


def _known_full_name(tokens: list[Token], i: int) -> OrgMatch | None:
    """A body the lexicon knows, written in full ("Mahkamah Agung", "Kejaksaan Agung"): its words
    may be name words ("Agung"), which the open reading of a body's name stops at."""
    for words, entry in _full_names().get(tokens[i].low, ()):
        end = i + len(words)
        if tuple(t.low for t in tokens[i:end]) != words:
            continue
        if entry.scope != "regional":
            return OrgMatch(i, end, entry.name, entry.org_type, [entry.short])
        # One body per region: without its region ("Pemerintah Provinsi, Pemerintah Kabupaten")
        # the words name a level of government, not a body.
        region = match_region(tokens, end)
        if region is None:
            return None
        written = _text(tokens, region.start, region.end)
        return OrgMatch(i, region.end, f"{entry.name} {written}", entry.org_type, [f"{entry.short} {written}"], region=region)
    return None


def _acronym_org(tokens: list[Token], i: int) -> OrgMatch | None:
    for n in (3, 2, 1):
        words = tokens[i : i + n]
        if len(words) < n:
            continue
        short = _text(tokens, i, i + n)
        entry = acronyms().get(short.casefold())
        if entry is None or entry.scope == "unit":
            continue
        if n == 1 and not (
            tokens[i].acronym
            or (tokens[i].text[0].isupper() and tokens[i].text.startswith("Kemen"))
            or entry.short == tokens[i].text
        ):
            continue
        end = i + n
        if entry.scope == "regional":
            region = match_region(tokens, end)
            if region is None:
                if entry.short in ("Pemkot", "Pemkab", "Pemprov", "Pemdaprov", "Pemda"):
                    return None
                return OrgMatch(i, end, entry.name, entry.org_type, [short])
            written_region = _text(tokens, region.start, region.end)
            return OrgMatch(
                i,
                region.end,
                f"{entry.name} {written_region}",
                entry.org_type,
                [_text(tokens, i, region.end), short],
                region=region,
            )
        aliases = [short]
        region = match_region(tokens, end)
        if region is not None and region.written_type is None and _body_region(tokens, region):
            # "KPU Papua", "Bawaslu Jatim", "KPU Sidoarjo": a national body's office in a region.
            written_region = _text(tokens, region.start, region.end)
            return OrgMatch(
                i, region.end, f"{entry.name} {written_region}", entry.org_type, [f"{short} {written_region}"], region=region
            )
        if end < len(tokens) and tokens[end].text == "RI":
            aliases.append(f"{short} RI")
            end += 1
        return OrgMatch(i, end, entry.name, entry.org_type, aliases)
    return None


def _body_region(tokens: list[Token], region: RegionMatch) -> bool:
    """A bare region after a national body is its office there: always for a province; for a city
    or regency only when its name is not also a first name before a name ("BKN Bima Haria")."""
    if region.region.type == "province":
        return True
    word = tokens[region.start].text
    if region.end - region.start == 1 and seen_in_names(word):
        return False
    nxt = tokens[region.end] if region.end < len(tokens) else None
    return (
        nxt is None or not nxt.cap or nxt.acronym or region.end - region.start > 1 or name_word_counts().get(word, (0, 0))[1] > 0
    )


def _acronym_run(tokens: list[Token], i: int, j: int) -> int | None:
    """End of ``Capitalised words (ACR)`` read from ``j`` when the acronym in brackets shares the
    name's first letter: the brackets vouch for every word before them ("Kamar Dagang dan
    Industri (Kadin)", "Koalisi Rakyat untuk Keadilan Perikanan (Kiara)")."""
    k = j
    while k < len(tokens) and k - i <= 12:
        tok = tokens[k]
        if tok.text == "(":
            paren = _paren_acronym(tokens, k)
            if paren is None or (k == j and j == i + 1):
                return None
            short = paren[1].replace(" ", "")
            if short[:1].casefold() != tokens[i].text[:1].casefold() or not short[:1].isupper():
                return None
            return k
        if tok.cap or tok.text.isdigit() or (tok.text == "-" and k > j):
            k += 1
            continue
        if tok.text.casefold() in _RUN_CONNECTORS and k + 1 < len(tokens) and tokens[k + 1].cap:
            k += 1
            continue
        return None
    return None


def _trailing_region(tokens: list[Token], i: int) -> RegionMatch | None:
    """A region closing an organisation's name, unless it opens a person's name
    ("BKN Bima Haria Wibisana": Bima is a city, but here a first name)."""
    from .lexicon import is_name_word

    region = match_region(tokens, i)
    if region is None or region.written_type is not None:
        return region
    nxt = tokens[region.end] if region.end < len(tokens) else None
    if nxt is not None and is_name_word(nxt.text) and not nxt.acronym:
        return None
    return region


def _headed_org(tokens: list[Token], i: int) -> OrgMatch | None:
    head = tokens[i].text
    if head in _ACRONYM_HEADS:
        acr = _acronym_run(tokens, i, i + 1)
        if acr is None:
            return None
        paren = _paren_acronym(tokens, acr)
        if paren is None:  # _acronym_run ends at a bracketed acronym, so this does not happen
            return None
        name, end, short = _text(tokens, i, acr), paren[0], paren[1]
        region = match_region(tokens, end)
        if region is None:
            return OrgMatch(i, end, name, "other", [short])
        written = _text(tokens, region.start, region.end)
        return OrgMatch(i, region.end, f"{name} {written}", "other", [f"{short} {written}", name, short], region=region)
    if head not in ORG_HEADS and head not in _PROPER_HEADS:
        return None
    if head.casefold() in role_forms():
        return None
    if head == "Rumah" and i + 1 < len(tokens) and tokens[i + 1].text in _RESIDENCES:
        return None  # "Rumah Dinas Gubernur": an official's residence is a place, not a body
    proper = head in _PROPER_HEADS
    j = i + 1
    last_word = i
    while j < len(tokens) and j - i <= (_MAX_BODY if proper else 16):
        tok = tokens[j]
        if (
            tok.text.casefold() in NAME_CONNECTORS
            and j + 1 < len(tokens)
            and tokens[j + 1].cap
            and tok.text.casefold() in ("dan", "&")
        ):
            j += 1
            continue
        if tok.text == "," and not proper and _list_part(tokens, j + 1):
            j += 1  # "Dinas Pertanian, Pangan, dan Perikanan": the body is a list
            if tokens[j].text == "dan":
                j += 1
            continue
        if proper and tok.text in ("for", "of", "and", "the") and j + 1 < len(tokens) and tokens[j + 1].cap:
            j += 1
            continue
        if tok.text == "-" and j + 1 < len(tokens) and tokens[j + 1].text.isdigit() and tokens[j - 1].text == "Covid":
            last_word = j + 1  # "Gugus Tugas Percepatan Penanganan Covid - 19"
            j += 2
            continue
        if not tok.cap:
            break
        if tok.person_start and last_word > i:
            break  # the model reads a person's name here ("Politikus Partai Golkar Nurul Arifin")
        if match_region(tokens, j, bare=False) or (not proper and match_region(tokens, j) and not is_org_word(tok.text)):
            break
        if last_word > i and tok.text in _TOP_HEADS and head not in _TOP_HEADS:
            break  # the parent body opens here; _with_parent reads it
        if proper:
            if tok.text.casefold() in role_forms():
                break
            known = acronyms().get(tok.text.casefold()) if j == i + 1 else None
            if known is not None and known.org_type == _type_of(head):
                # "Partai Golkar Rudi Santoso", "PT Pertamina Nicke Widyawati": the body's short
                # form after its head is its whole name; what follows is someone's name.
                return OrgMatch(i, j + 1, known.name, known.org_type, [_text(tokens, i, j + 1), tok.text])
            if tok.text in ("Tbk", "Persero"):
                last_word = j
                break
        elif not (is_org_word(tok.text) or (head not in _WEAK_HEADS and _body_word(tokens, j))):
            break
        last_word = j
        j += 1
    if not proper or last_word == i:
        acr = _acronym_run(tokens, i, last_word + 1)
        if acr is not None:
            last_word = acr - 1
    end = last_word + 1
    if all(t.text in ("Kota", "Kabupaten", "Provinsi", "Daerah") for t in tokens[i + 1 : end]) and head != "Pemerintah":
        return None  # "Balai Kota" is a building
    if end == i + 1 and head not in ("Inspektorat", "Ombudsman") and not proper:
        return None
    if proper and end == i + 1:
        return None
    name = _text(tokens, i, end)
    aliases: list[str] = []
    paren = _paren_acronym(tokens, end)
    if paren:
        end, short = paren
        aliases.append(short)
        if end < len(tokens) and tokens[end].text in ("Indonesia", "RI"):
            # "Kamar Dagang dan Industri (Kadin) Indonesia": the country closes the name.
            aliases = [f"{short} {tokens[end].text}", short]
            name = f"{name} {tokens[end].text}"
            end += 1
    org_type = _type_of(head)
    national = any(w in name.split() for w in ("Negara", "Nasional", "Indonesia", "Republik", "RI"))
    region = _trailing_region(tokens, end) if national else match_region(tokens, end)
    if region is not None and org_type not in ("company", "university", "other"):
        written_region = _text(tokens, region.start, region.end)
        aliases += [name] + [f"{a} {written_region}" for a in aliases]
        name = f"{name} {written_region}"
        end = region.end
    return OrgMatch(i, end, name, org_type, aliases, region=region)


def _list_part(tokens: list[Token], j: int) -> bool:
    """``Pangan,`` or ``dan Perikanan`` at ``j``: one more part of a body written as a list."""
    last = j < len(tokens) and tokens[j].text == "dan"
    k = j + last
    start = k
    while (
        k < len(tokens)
        and k - start < 4
        and tokens[k].cap
        and is_org_word(tokens[k].text)
        and (tokens[k].text not in ORG_HEADS or tokens[k].text in ORG_WORDS)
    ):
        k += 1
    if k == start:
        return False
    return last or (k < len(tokens) and tokens[k].text in (",", "dan"))


def _body_word(tokens: list[Token], j: int) -> bool:
    """A capitalised word the name corpora never put in a person's name ("Masyarakat"), or one
    followed closely by an organisation word ("Otonomi Daerah"): part of a descriptive body."""
    word = tokens[j].text
    if tokens[j].acronym or match_region(tokens, j):
        return False
    if word in ("I", "V", "X"):
        return False  # a one-letter Roman numeral reads as "II" or "IV" do (upper case, not a body word)
    if seen_outside_names(word):
        return True
    for k in range(j + 1, min(j + 3, len(tokens))):
        if not tokens[k].cap:
            return False
        if is_org_word(tokens[k].text) and tokens[k].text not in ORG_HEADS:
            return True
    return False


def _type_of(head: str) -> str:
    if head in ("Kementerian", "Kemenko"):
        return "ministry"
    if head in ("Dewan", "Majelis"):
        return "legislature"
    if head in ("Kepolisian", "Polda", "Polres", "Polresta", "Polrestabes", "Polsek", "Polrestro"):
        return "police"
    if head in ("PT", "CV", "Bank", "Perusahaan", "Perum", "Hotel"):
        return "company"
    if head in ("Universitas", "Institut", "Politeknik", "Akademi", "Sekolah", "Fakultas"):
        return "university"
    if head in ("Partai", "Fraksi"):
        return "political_party"
    if head in (
        "Yayasan",
        "Asosiasi",
        "Ikatan",
        "Himpunan",
        "Perkumpulan",
        "Persatuan",
        "Gabungan",
        "Pondok",
        "Paguyuban",
        "Forum",
        "Organisasi",
        "Kelompok",
        "Koperasi",
        "Kamar",
    ):
        return "other"
    return "agency"


def _with_parent(tokens: list[Token], found: OrgMatch) -> OrgMatch:
    """Read a national body right after the name as its parent (``... Kemnaker RI``)."""
    nxt = _acronym_org(tokens, found.end)
    if nxt is None and found.end < len(tokens) and tokens[found.end].text in _TOP_HEADS and found.org_type != "company":
        nxt = _headed_org(tokens, found.end)
    if (
        nxt is not None
        and nxt.org_type in ("ministry", "agency", "police", "university", "company")
        and found.org_type != "local_government"
    ):
        found.parent = nxt
        # The whole written form names the unit too ("Badan Ketahanan Pangan Kementerian Pertanian").
        found.aliases.append(_text(tokens, found.start, nxt.end))
        found.end = nxt.end
    return found


def org_entity(doc: Doc, tokens: list[Token], found: OrgMatch):
    """Add ``found`` (and its parent) to the document; return the entity."""
    span = doc.span(tokens[found.start].start, tokens[found.end - 1].end)
    parent_key = None
    if found.parent is not None:
        parent_key = org_entity(doc, tokens, found.parent).key
    entity = doc.add_entity(
        "organization",
        found.name,
        span,
        aliases=found.aliases,
        government=found.government,
        org_type=found.org_type,
        parent=parent_key,
    )
    if entity.name != found.name and found.name.startswith(entity.name):
        # A later, fuller mention ("BKPPD Pasangkayu" after "BKPPD") names it better.
        doc.rename(entity, found.name)
    return entity


@lru_cache(maxsize=1)
def _org_first_words() -> frozenset[str]:
    """Lower-cased words that can open an organisation's name."""
    heads = {h.casefold() for h in ORG_HEADS | _PROPER_HEADS | _ACRONYM_HEADS}
    return frozenset(heads | {a.split()[0] for a in acronyms()} | set(_LOCAL_GOV_SHORT) | {"pemerintah", "pemda"})


def find_organizations(doc: Doc, tokens: list[Token]) -> list[tuple[OrgMatch, object]]:
    """Stage: every organisation named in the article, left to right."""
    found_all = []
    first = _org_first_words()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        word = tok.low
        if not tok.cap or (word not in first and not word.startswith("kemen")):
            i += 1  # most tokens cannot open an organisation's name: skip them cheaply
            continue
        found = match_org(tokens, i)
        if found is None:
            i += 1
            continue
        found_all.append((found, org_entity(doc, tokens, found)))
        i = found.end
    found_all.extend(_syllable_short_forms(doc, tokens, found_all))
    return found_all


def _syllable_short_forms(doc: Doc, tokens: list[Token], found: list[tuple[OrgMatch, object]]) -> list[tuple[OrgMatch, object]]:
    """Words the article writes for an organisation it named in full, by the opening syllables of
    its words (``Unmul`` for Universitas Mulawarman, ``Undip`` for Universitas Diponegoro): the
    Indonesian way of shortening a name, so the word is the body, not part of a person's name."""
    by_opening: dict[str, list[tuple[list[str], OrgMatch]]] = {}
    covered: set[int] = set()
    for match, _entity in found:
        covered.update(range(match.start, match.end))
        words = [w.casefold() for w in match.name.split() if w[:1].isupper()]
        if len(words) >= 2:
            by_opening.setdefault(words[0][:2], []).append((words, match))
    if not by_opening:
        return []
    spelled: dict[str, OrgMatch | None] = {}
    out = []
    for k, tok in enumerate(tokens):
        if k in covered or not tok.cap or tok.text.isupper() or not 4 <= len(tok.text) <= 12 or not tok.text.isalpha():
            continue
        if tok.low in acronyms() or tok.low in role_forms():
            continue  # "Pemprov", "Kadis": the lexicon's own short forms, read by their own rules
        if tok.text not in spelled:
            short = tok.text.casefold()
            hits = {m.name: m for words, m in by_opening.get(short[:2], ()) if _spells_openings(short, words)}
            spelled[tok.text] = next(iter(hits.values())) if len(hits) == 1 else None
        full = spelled[tok.text]
        if full is None:
            continue
        match = OrgMatch(k, k + 1, full.name, full.org_type, [tok.text])
        tok.defined_org = match
        out.append((match, org_entity(doc, tokens, match)))
    return out


def _spells_openings(short: str, words: list[str]) -> bool:
    """``short`` is the words' openings of two letters or more, in order, every word used."""
    reachable = {0}  # positions in ``short`` reached after the words read so far
    for word in words:
        reachable = {p + n for p in reachable for n in range(2, len(word) + 1) if short.startswith(word[:n], p)}
        if not reachable:
            return False
    return len(short) in reachable
