"""Offices: who holds which role in which organisation.

Reads ``[acting] office [unit] [organisation | region] [,] Name`` — the way
Indonesian news introduces officials (``Plh Sekda Kota Samarinda Ali Fitri
Noor``, ``Kepala BKPPD Kasmuddin``, ``Menteri Ketenagakerjaan, M. Hanif
Dhakiri``) — and the apposition ``Name, office ...`` / ``Name selaku office``.
Regional heads belong to their region's government; when the region is left
out (``Bupati Agus``) the article's own local government of that level is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..types import Entity, Membership
from .doc import Doc
from .lexicon import NAME_CONNECTORS, ORG_HEADS, UNIT_HEADS, acronyms, is_org_word, role_forms
from .names import match_name
from .organizations import OrgMatch, _paren_acronym, _text, local_government_name, match_org, org_entity
from .regions import match_district, match_region
from .tokens import Token

#: Offices written in full; short forms come from ``roles.tsv``.
_OFFICES = [
    "Wakil Ketua Umum", "Ketua Umum", "Wakil Ketua", "Ketua", "Wakil Kepala", "Kepala",
    "Sekretaris Daerah", "Sekretaris Jenderal", "Sekretaris Kabinet", "Sekretaris Utama", "Sekretaris",
    "Direktur Jenderal", "Direktur Utama", "Direktur Eksekutif", "Wakil Direktur", "Presiden Direktur",
    "Direktur", "Menteri Koordinator", "Wakil Menteri", "Menteri", "Wakil Presiden", "Presiden",
    "Anggota", "Asisten", "Staf Ahli", "Staf Khusus", "Juru Bicara", "Komisioner", "Deputi",
    "Koordinator", "Inspektur", "Wakil Rektor", "Rektor", "Dekan", "Camat", "Lurah", "Kepala Desa",
    "Bendahara", "Komandan", "Panglima", "Chief Executive Officer", "CEO", "General Manager",
    "Manajer", "Komisaris Utama", "Guru Besar", "Ketua Pelaksana", "Kabag", "Kasubag",
]
_ACTING = {"plh": "Pelaksana Harian", "plt": "Pelaksana Tugas", "pj": "Penjabat", "pjs": "Penjabat Sementara"}
_ACTING_LONG = ("Pelaksana Harian", "Pelaksana Tugas", "Penjabat Sementara", "Penjabat")
_ORG_OF_OFFICE = {"Direktur Jenderal": "Direktorat Jenderal", "Direktur": "Direktorat", "Menteri": "Kementerian",
                  "Menteri Koordinator": "Kementerian Koordinator", "Wakil Menteri": "Kementerian",
                  "Deputi": "Kedeputian", "Inspektur": "Inspektorat"}
_SHORT_OF_ORG = {"Direktorat Jenderal": "Ditjen", "Kementerian": "Kementerian"}
_SUFFIX_ROLES = ("Asisten", "Staf Ahli", "Staf Khusus", "Juru Bicara", "Koordinator", "Komisioner", "Deputi")
_APPOSITION_CUES = frozenset({"selaku", "sebagai", "yang", "merupakan", "adalah"})
_MAX_OFFICE_WORDS = 4


@dataclass
class RoleMatch:
    start: int
    end: int
    office: str
    acting: bool = False
    org: OrgMatch | None = None
    implied_gov: str | None = None  # "city", "regency", "province" or "any": the article's own
    label: str | None = None
    unit_words: list[str] = field(default_factory=list)


_OFFICE_INDEX = {office.casefold(): office for office in _OFFICES}


def _first_words() -> frozenset[str]:
    global _FIRST_WORDS
    if _FIRST_WORDS is None:
        _FIRST_WORDS = frozenset(k.split()[0] for k in [*_OFFICE_INDEX, *role_forms()])
    return _FIRST_WORDS


_FIRST_WORDS: frozenset[str] | None = None


def _office_at(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    """``(end, office, implies)`` for the longest office written at ``i``."""
    if i >= len(tokens) or tokens[i].text.casefold() not in _first_words():
        return None
    for n in range(_MAX_OFFICE_WORDS, 0, -1):
        if i + n > len(tokens):
            continue
        written = " ".join(t.text for t in tokens[i : i + n])
        key = written.casefold()
        form = role_forms().get(key)
        if form is not None and key not in _ACTING:
            if not tokens[i].cap and n == 1:
                continue
            return i + n, form.office, form.implies
        office = _OFFICE_INDEX.get(key)
        if office is not None and (tokens[i].cap or n > 1 or office in ("Kepala", "Ketua")):
            return i + n, office, ""
    return None


def match_role(tokens: list[Token], i: int) -> RoleMatch | None:
    """An office named at ``tokens[i]`` with the organisation it is in, if written."""
    start = i
    acting = False
    word = tokens[i].text.casefold() if i < len(tokens) else ""
    if word in _ACTING and tokens[i].cap:
        acting, i = True, i + 1
    elif word in ("pelaksana", "penjabat"):
        for long in _ACTING_LONG:
            n = len(long.split())
            if " ".join(t.text for t in tokens[i : i + n]) == long:
                acting, i = True, i + n
                paren = _paren_acronym(tokens, i)
                if paren:
                    i = paren[0]
                break
    found = _office_at(tokens, i)
    if found is None:
        return None
    j, office, implies = found
    paren = _paren_acronym(tokens, j)
    if paren and paren[1].casefold() in role_forms():
        j = paren[0]
    role = RoleMatch(start, j, office, acting)
    if implies.startswith("@"):
        _read_region_head(tokens, role, implies[1:])
    elif implies:
        _read_implied_body(tokens, role, implies)
    else:
        _read_office_object(tokens, role)
    if role.end < len(tokens) and tokens[role.end].text.casefold() == "sementara":
        role.acting = True
        role.end += 1
    return role


def _read_region_head(tokens: list[Token], role: RoleMatch, level: str) -> None:
    kind = None if level == "region" else level
    region = match_region(tokens, role.end, kind=kind)
    if region is None:
        role.implied_gov = kind or "any"
        return
    rtype = region.region.type if kind is None else kind
    if rtype not in ("city", "regency", "province"):
        rtype = region.region.type
    name = local_government_name(region.name, rtype)
    role.org = OrgMatch(region.start, region.end, name, "local_government",
                        [f"{_gov_short(rtype)} {_text(tokens, region.start, region.end)}"], region=region)
    role.label = f"{role.office} {_text(tokens, region.start, region.end)}"
    role.end = region.end


def _gov_short(rtype: str) -> str:
    return {"city": "Pemkot", "regency": "Pemkab", "province": "Pemprov"}.get(rtype, "Pemda")


def _read_implied_body(tokens: list[Token], role: RoleMatch, short: str) -> None:
    entry = acronyms().get(short.casefold())
    if entry is None:
        return
    name = entry.name
    aliases = [entry.short]
    end = role.end
    if entry.scope == "regional":
        region = match_region(tokens, end)
        if region is None:
            return
        written = _text(tokens, region.start, region.end)
        name, aliases, end = f"{name} {written}", [f"{entry.short} {written}"], region.end
    role.org = OrgMatch(role.start, end, name, entry.org_type, aliases)
    role.end = end


def _body(tokens: list[Token], j: int) -> int:
    """End of a run of organisation words ("Pembiayaan Pertanian", "Sarana dan Prasarana")."""
    k = j
    while k < len(tokens):
        tok = tokens[k]
        if tok.text.casefold() in ("dan", "&") and k > j and k + 1 < len(tokens) and is_org_word(tokens[k + 1].text):
            k += 1
            continue
        if tok.cap and (is_org_word(tok.text) or tok.text in UNIT_HEADS) and tok.text not in ORG_HEADS - UNIT_HEADS:
            if match_region(tokens, k, bare=False) or (match_region(tokens, k) and not is_org_word(tok.text)):
                break
            k += 1
            continue
        break
    return k


def _read_office_object(tokens: list[Token], role: RoleMatch) -> None:
    j = role.end
    if j >= len(tokens) or not tokens[j].cap:
        return
    office = role.office
    if office in ("Camat", "Lurah", "Kepala Desa"):
        # "Camat Ngaglik": the district or village is the office's area, not a name.
        area = match_district(tokens, j)
        if area is not None:
            role.label = f"{office} {area[1].name}"
            role.end = area[0]
        return
    # A unit inside the organisation belongs to the role ("Kepala Seksi Program").
    if office.split()[-1] in UNIT_HEADS | {"Subdirektorat", "Subbagian", "Subbidang"} and is_org_word(tokens[j].text):
        k = _body(tokens, j)
        role.office = f"{office} {_text(tokens, j, k)}"
        role.end = j = k
    elif tokens[j].text in UNIT_HEADS or (office in _SUFFIX_ROLES and tokens[j].text == "Bidang"):
        k = _body(tokens, j + 1)
        paren = _paren_acronym(tokens, k)
        unit = _text(tokens, j, k)
        if tokens[j].text == "Subdit":
            unit = "Subdirektorat" + unit[len("Subdit"):]
        role.office = f"{office} {unit}"
        j = paren[0] if paren else k
        role.end = j
    elif office in _SUFFIX_ROLES and is_org_word(tokens[j].text) and tokens[j].text not in ORG_HEADS:
        k = _body(tokens, j)
        role.office = f"{office} {_text(tokens, j, k)}"
        role.end = j = k
    org = match_org(tokens, j)
    if org is not None:
        role.org, role.end = org, org.end
        role.label = f"{role.office} {_text(tokens, org.start, org.end)}"
        return
    if office in _ORG_OF_OFFICE and tokens[j].text not in ORG_HEADS:
        k = _body(tokens, j)
        if k == j:
            return
        body = _text(tokens, j, k)
        prefix = _ORG_OF_OFFICE[office]
        aliases = []
        paren = _paren_acronym(tokens, k)
        if paren:
            k, short = paren
            aliases.append(f"{_SHORT_OF_ORG.get(prefix, prefix)} {short}")
        if office.startswith("Menteri") or office == "Wakil Menteri":
            # "Menteri Kesehatan" names the ministry; the minister's role is "Menteri".
            role.label = f"{office} {body}"
        org = OrgMatch(j, k, f"{prefix} {body}", "ministry" if prefix.startswith("Kementerian") else "agency",
                       aliases + [f"{_SHORT_OF_ORG.get(prefix, prefix)} {body}"] if prefix == "Direktorat Jenderal" else aliases)
        parent = match_org(tokens, k)
        if parent is not None and parent.org_type in ("ministry", "agency"):
            org.parent, k = parent, parent.end
        role.org, role.end = org, k
    elif role.office.startswith(("Asisten", "Staf Ahli", "Sekretaris Daerah")):
        role.implied_gov = "any"


def _resolve_implied(doc: Doc, role: RoleMatch) -> Entity | None:
    """The article's own local government for an office written without its region."""
    govs = [e for e in doc.entities if e.kind == "organization" and e.org_type == "local_government"]
    if role.implied_gov not in (None, "any"):
        word = {"city": "Kota", "regency": "Kabupaten", "province": "Provinsi"}[role.implied_gov]
        govs = [e for e in govs if e.name.startswith(f"Pemerintah {word} ")]
    if not govs:
        return None
    return max(govs, key=lambda e: len(e.mentions))


def find_offices(doc: Doc, tokens: list[Token]) -> None:
    """Stage: persons introduced with their office, and their memberships."""
    pending: list[tuple[RoleMatch, Entity, int]] = []
    i = 0
    while i < len(tokens):
        if i > 0 and tokens[i - 1].text.casefold() == "mantan":
            i += 1
            continue
        role = match_role(tokens, i)
        if role is None:
            i += 1
            continue
        k = role.end
        if k < len(tokens) and tokens[k].text == ",":
            k += 1
        name = match_name(tokens, k)
        person = None
        if name is not None:
            end, canonical, written = name
            span = doc.span(tokens[k].start, tokens[end - 1].end)
            person = doc.find_entity(canonical, "person") if len(canonical.split()) == 1 else None
            if person is not None:
                doc.add_entity("person", person.name, span, aliases=[canonical, written])
            else:
                person = doc.add_entity("person", canonical, span, aliases=[written])
            i = end
        else:
            person = _apposition_person(doc, tokens, role.start)
            i = role.end if role.end > i else i + 1
        if role.org is not None:
            org_entity(doc, tokens, role.org)
        if person is not None:
            pending.append((role, person, i))
    for role, person, end in pending:
        org = None
        evidence = doc.span(tokens[role.start].start, tokens[max(end, role.end) - 1].end)
        if role.org is not None:
            org = doc.find_entity(role.org.name, "organization")
        elif role.implied_gov is not None:
            org = _resolve_implied(doc, role)
        _add_membership(doc, person, role, org, evidence)


def _apposition_person(doc: Doc, tokens: list[Token], role_start: int) -> Entity | None:
    """``Ali Fitri Noor, selaku Plh Sekda``: the person named just before the office."""
    k = role_start - 1
    cued = False
    if k >= 0 and tokens[k].text.casefold() in _APPOSITION_CUES:
        k, cued = k - 1, True
    if k >= 0 and tokens[k].text == ",":
        k, cued = k - 1, True
    if not cued:
        return None
    if k < 0 or not tokens[k].cap:
        return None
    begin = k
    while begin > 0 and (tokens[begin - 1].cap or tokens[begin - 1].text.casefold() in NAME_CONNECTORS - {"dan", "di"}):
        begin -= 1
    for b in range(begin, k + 1):
        name = match_name(tokens, b)
        if name is not None and name[0] == k + 1:
            span = doc.span(tokens[b].start, tokens[k].end)
            known = doc.find_entity(name[1], "person")
            return doc.add_entity("person", known.name if known else name[1], span, aliases=[name[1], name[2]])
    return None


def _add_membership(doc: Doc, person: Entity, role: RoleMatch, org: Entity | None, evidence) -> None:
    org_key = org.key if org is not None else None
    for m in doc.extraction.memberships:
        if m.person == person.key and m.role == role.office and (m.organization == org_key or org_key is None):
            m.acting = m.acting or role.acting
            return
        if m.person == person.key and m.role == role.office and m.organization is None:
            m.organization = org_key
            return
    doc.extraction.memberships.append(
        Membership(person.key, role.office, org_key, role.acting, [evidence], role.label)
    )
