"""Offices: who holds which role in which organisation.

Reads ``[acting] office [unit] [organisation | region] [,] Name`` — the way
Indonesian news introduces officials (``Plh Sekda Kota Samarinda Ali Fitri
Noor``, ``Kepala BKPPD Kasmuddin``, ``Menteri Ketenagakerjaan, M. Hanif
Dhakiri``) — and the apposition ``Name, office ...`` / ``Name selaku office``.
Regional heads belong to their region's government; when the region is left
out (``Bupati Agus``) the article's own local government of that level is used.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...calendar import WEEKDAYS
from ...resolve import strip_titles
from ..types import Entity, Membership
from .doc import Doc
from .lexicon import (
    NAME_CONNECTORS,
    NOT_NAME,
    ORG_HEADS,
    UNIT_HEADS,
    acronyms,
    districts_by_name,
    is_name_word,
    is_org_word,
    role_forms,
    seen_in_names,
    seen_outside_names,
)
from .names import _LOWER_TITLES, match_name, tail_name
from .organizations import OrgMatch, _paren_acronym, _text, local_government_name, match_org, org_entity
from .regions import match_district, match_region
from .tokens import Token

#: Offices written in full; short forms come from ``roles.tsv``.
_OFFICES = [
    "Wakil Ketua Umum",
    "Ketua Umum",
    "Wakil Ketua",
    "Ketua",
    "Wakil Kepala",
    "Kepala",
    "Sekretaris Daerah",
    "Sekretaris Jenderal",
    "Sekretaris Kabinet",
    "Sekretaris Utama",
    "Sekretaris",
    "Direktur Jenderal",
    "Direktur Utama",
    "Direktur Eksekutif",
    "Wakil Direktur",
    "Presiden Direktur",
    "Direktur",
    "Menteri Koordinator",
    "Wakil Menteri",
    "Menteri",
    "Wakil Presiden",
    "Presiden",
    "Anggota",
    "Asisten",
    "Staf Ahli",
    "Staf Khusus",
    "Juru Bicara",
    "Komisioner",
    "Deputi",
    "Koordinator",
    "Inspektur",
    "Wakil Rektor",
    "Rektor",
    "Dekan",
    "Camat",
    "Lurah",
    "Kepala Desa",
    "Kepala Dusun",
    "Bendahara",
    "Komandan",
    "Panglima",
    "Chief Executive Officer",
    "CEO",
    "General Manager",
    "Manajer",
    "Komisaris Utama",
    "Guru Besar",
    "Ketua Pelaksana",
    "Kabag",
    "Kasubag",
]
_ACTING = {"plh": "Pelaksana Harian", "plt": "Pelaksana Tugas", "pj": "Penjabat", "pjs": "Penjabat Sementara"}
_ACTING_LONG = ("Pelaksana Harian", "Pelaksana Tugas", "Penjabat Sementara", "Penjabat")
#: The short acting title for each way of writing it, kept on the membership (warta:actingForm).
_ACTING_FORM = {
    "plh": "Plh",
    "plt": "Plt",
    "pj": "Pj",
    "pjs": "Pjs",
    "Pelaksana Harian": "Plh",
    "Pelaksana Tugas": "Plt",
    "Penjabat Sementara": "Pjs",
    "Penjabat": "Pj",
}
_ORG_OF_OFFICE = {
    "Direktur Jenderal": "Direktorat Jenderal",
    "Direktur": "Direktorat",
    "Menteri": "Kementerian",
    "Menteri Koordinator": "Kementerian Koordinator",
    "Wakil Menteri": "Kementerian",
    "Deputi": "Kedeputian",
    "Inspektur": "Inspektorat",
}
_SHORT_OF_ORG = {"Direktorat Jenderal": "Ditjen", "Kementerian": "Kementerian"}
_SUFFIX_ROLES = ("Asisten", "Staf Ahli", "Staf Khusus", "Juru Bicara", "Koordinator", "Komisioner", "Deputi")
_APPOSITION_CUES = frozenset({"selaku", "sebagai", "yang", "merupakan", "adalah"})
_APPOSITION_LEAD = frozenset({"juga", "menjabat", "kini", "saat", "ini"})
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
    acting_form: str | None = None


_OFFICE_INDEX = {office.casefold(): office for office in _OFFICES}


def _role_first_words() -> frozenset[str]:
    """Lower-cased words that can open an office (acting prefixes and professions included)."""
    global _ROLE_FIRST
    if _ROLE_FIRST is None:
        _ROLE_FIRST = _first_words() | set(_ACTING) | {"pelaksana", "penjabat"} | {p.split()[0] for p in _PROFESSIONS}
    return _ROLE_FIRST


_ROLE_FIRST: frozenset[str] | None = None


def _first_words() -> frozenset[str]:
    global _FIRST_WORDS
    if _FIRST_WORDS is None:
        _FIRST_WORDS = frozenset(k.split()[0] for k in [*_OFFICE_INDEX, *role_forms()])
    return _FIRST_WORDS


_FIRST_WORDS: frozenset[str] | None = None


def _office_at(tokens: list[Token], i: int, lower_ok: bool = False) -> tuple[int, str, str] | None:
    """``(end, office, implies)`` for the longest office written at ``i``."""
    if i >= len(tokens) or tokens[i].text.casefold() not in _first_words():
        return None
    if lower_ok and not tokens[i].cap:
        n = 2 if i + 1 < len(tokens) and f"{tokens[i].text} {tokens[i + 1].text}".casefold() in _OFFICE_INDEX else 1
        office = _OFFICE_INDEX.get(" ".join(t.text for t in tokens[i : i + n]).casefold())
        if office is not None:
            return i + n, office, ""
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


#: Professions that introduce a quoted expert the way an office introduces an official
#: ("epidemiolog Universitas Indonesia, Name", "pengamat kebijakan publik dari ..., Name").
_PROFESSIONS = {
    w: w.capitalize()
    for w in """pengajar dosen peneliti pengamat ekonom analis pakar ahli epidemiolog psikolog sosiolog
    antropolog arkeolog sejarawan akademisi praktisi pemerhati pengacara advokat aktivis guru
    konsultan arsitek dokter jaksa hakim politikus politisi""".split()
}
_PROFESSIONS.update({"kuasa hukum": "Kuasa Hukum", "guru besar": "Guru Besar", "juru bicara": "Juru Bicara"})


def _profession_at(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    if i >= len(tokens):
        return None
    word = tokens[i].text.casefold()
    if i + 1 < len(tokens):
        two = f"{word} {tokens[i + 1].text.casefold()}"
        if two in _PROFESSIONS:
            return i + 2, _PROFESSIONS[two], ""
    if word in _PROFESSIONS:
        return i + 1, _PROFESSIONS[word], ""
    return None


def match_role(tokens: list[Token], i: int, lower_ok: bool = False) -> RoleMatch | None:
    """An office named at ``tokens[i]`` with the organisation it is in, if written.

    ``lower_ok`` also reads an office written in lower case ("Decky, sekretaris tim ...").
    """
    start = i
    acting, form = False, None
    word = tokens[i].text.casefold() if i < len(tokens) else ""
    if word in _ACTING and tokens[i].cap:
        acting, form, i = True, _ACTING_FORM[word], i + 1
    elif word in ("pelaksana", "penjabat"):
        for long in _ACTING_LONG:
            n = len(long.split())
            if " ".join(t.text for t in tokens[i : i + n]) == long:
                acting, form, i = True, _ACTING_FORM[long], i + n
                paren = _paren_acronym(tokens, i)
                if paren:
                    i = paren[0]
                break
    found = _office_at(tokens, i, lower_ok) or _profession_at(tokens, i)
    if found is None:
        return None
    j, office, implies = found
    paren = _paren_acronym(tokens, j)
    if paren and paren[1].casefold() in role_forms():
        j = paren[0]
    role = RoleMatch(start, j, office, acting, acting_form=form)
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
    role.org = OrgMatch(
        region.start,
        region.end,
        name,
        "local_government",
        [f"{_gov_short(rtype)} {_text(tokens, region.start, region.end)}"],
        region=region,
    )
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
    if office in ("Camat", "Lurah", "Kepala Desa", "Kepala Dusun"):
        # "Camat Ngaglik": the district or village is the office's area, not a name.
        area = match_district(tokens, j)
        if area is not None:
            role.label = f"{office} {area[1].name}"
            role.end = area[0]
        elif (
            office != "Camat" and j + 2 < len(tokens) and (tokens[j + 1].text == "," or (tokens[j + 1].cap and tokens[j + 2].cap))
        ):
            # "Kepala Desa Mernek Bustanul Arifin": a village has no gazetteer entry; one word, then the name.
            role.label = f"{office} {tokens[j].text}"
            role.end = j + 1
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
            unit = "Subdirektorat" + unit[len("Subdit") :]
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
        org = OrgMatch(
            j,
            k,
            f"{prefix} {body}",
            "ministry" if prefix.startswith("Kementerian") else "agency",
            [*aliases, f"{_SHORT_OF_ORG.get(prefix, prefix)} {body}"] if prefix == "Direktorat Jenderal" else aliases,
        )
        parent = match_org(tokens, k)
        if parent is not None and parent.org_type in ("ministry", "agency", "police", "university"):
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
    first = _role_first_words()
    # Only tokens that can open an office are tried (most tokens cannot: keep this stage cheap).
    candidates = [n for n, tok in enumerate(tokens) if tok.low in first]
    evidence = _Evidence(doc, tokens)
    i = 0
    for c in candidates:
        if c < i:
            continue
        i = c
        # "mantan Bupati Bekasi Neneng ...", "calon Wali Kota X": the person is named, the office not held.
        former = i > 0 and tokens[i - 1].low in _NOT_HOLDING
        lower_ok = (i > 1 and tokens[i - 1].text.casefold() in (",", "selaku", "sebagai") and tokens[i - 2].cap) or (
            # "anggota DPD RI Awang ...", "ketua Komisi III DPR ...": an office written in lower
            # case is still one when a body it is held in follows at once.
            i + 1 < len(tokens)
            and tokens[i + 1].cap
            and (is_org_word(tokens[i + 1].text) or match_org(tokens, i + 1) is not None)
        )
        role = match_role(tokens, i, lower_ok)
        if role is None:
            continue
        # "Rudi selaku Ketua Panitia ...", "Rudi, yang menjabat sebagai Kepala Dinas ...": the
        # holder is named before the office, and what follows the office is not a name.
        appositive = _apposition_person(doc, tokens, role.start) if tokens[i - 1].low in ("selaku", "sebagai") else None
        holder = None if appositive is not None else _split_holder(doc, tokens, role, _holder_after(tokens, role), evidence)
        person = None
        if holder is not None:
            written_start, begin, end, canonical, written = holder
            span = doc.span(tokens[begin].start, tokens[end - 1].end)
            person = doc.find_entity(canonical, "person") if len(canonical.split()) == 1 else None
            if person is not None:
                doc.add_entity("person", person.name, span, aliases=[canonical, written])
            else:
                person = doc.add_entity("person", canonical, span, aliases=[written])
            _body_before_name(tokens, role, written_start)
            i = end
        else:
            person = appositive or _apposition_person(doc, tokens, role.start)
            if person is not None and role.label is None:
                stop = _clause_end(tokens, role.end)
                role.label = _text(tokens, _office_start(tokens, role), stop).rstrip(" ,") or None
            i = role.end if role.end > i else i + 1
        if role.org is not None:
            org_entity(doc, tokens, role.org)
        if person is not None and not former:
            pending.append((role, person, i))
    for role, person, end in pending:
        org = None
        span = doc.span(tokens[role.start].start, tokens[max(end, role.end) - 1].end)
        if role.org is not None:
            org = doc.find_entity(role.org.name, "organization")
        elif role.implied_gov is not None:
            org = _resolve_implied(doc, role)
        _add_membership(doc, person, role, org, span)
        if role.org is not None and role.org.parent is not None and org is not None:
            # "Direktur Jenderal X Kemenkeu", "Kasat Reskrim Polres Y": the office is held in the
            # unit and, through it, in the body the text names after it.
            parent = doc.find_entity(role.org.parent.name, "organization")
            if parent is not None and parent is not org:
                _add_membership(doc, person, role, parent, span)


# -- the holder's name after an office and its body --------------------------------

_WEEKDAYS = frozenset(WEEKDAYS)
#: Words before an office that say the person does not hold it: a former holder, a candidate
#: ("mantan Gubernur", "calon Wali Kota", "bakal calon Bupati", "eks Kapolda").
_NOT_HOLDING = frozenset({"mantan", "calon", "cawalkot", "eks", "bekas", "almarhum", "mendiang"})
#: Lower-case words that continue an office's body ("Komisi II DPR dari Fraksi ...").
_BODY_CONNECTORS = frozenset(
    {"dan", "untuk", "dari", "bidang", "pada", "sekaligus", "serta", "&", "of", "for", "and", "the", "-", "/", "(", ")", "se"}
)
#: Words that cannot be in a name but can be in an office's body.
_BODY_NOT_NAME = frozenset(
    """kota kabupaten provinsi desa kecamatan kelurahan ketua kepala wakil direktur menteri sekretaris anggota
    asisten presiden gubernur bupati camat lurah rektor dekan juru bicara komisioner deputi koordinator
    institute center centre foundation group company corporation association council agency university
    policy development pemerintah pemkot pemkab pemprov dinas badan kementerian balai komisi dewan polisi
    gedung ruang pihak warga masyarakat tim""".split()
)
_HARD_STOPS = frozenset(". ! ? : ; \" “ ” ‘ ’ ' ".split()) | {"'"}
_MAX_SCAN = 24
_MAX_DESCRIPTORS = 6
Holder = tuple[int, int, int, str, str]


def _holder_after(tokens: list[Token], role: RoleMatch) -> Holder | None:
    """The holder named after the office: ``(written start, name start, end, name, written)``."""
    k = role.end
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    found = match_name(tokens, k)
    if found is not None:
        end, canonical, written = found
        # A name run that goes on past the longest name is the body's end plus a name.
        if _is_region_run(tokens, _titles_skipped(tokens, k, end), end):
            return _scan_holder(tokens, role)  # "Anggota Bawaslu Papua, Ronald ...": a region, not a name
        cut = end < len(tokens) and (
            (tokens[end].cap and not _segment_stop(tokens, end) and tokens[end].text not in NOT_NAME)
            or tokens[end].text in _LOWER_TITLES
        )
        if not cut:
            # "KPU Papua Theodorus Kossay": a province the name opened with belongs to the body.
            tail = tail_name(tokens, k, end, strict=True)
            if tail is not None and tail[1] > k and _is_region_run(tokens, k, tail[0]):
                return tail[0], tail[1], end, tail[2], tail[3]
            return k, _titles_skipped(tokens, k, end), end, canonical, written
    return _scan_holder(tokens, role)


class _Evidence:
    """What the rest of the article says about a word: how often it is written, and whether it
    belongs to an organisation already found. Built on first use (most articles never ask)."""

    def __init__(self, doc: Doc, tokens: list[Token]):
        self.doc, self.tokens = doc, tokens
        self._counts: dict[str, int] | None = None

    def count(self, word: str) -> int:
        if self._counts is None:
            self._counts = {}
            for tok in self.tokens:
                if tok.cap:
                    self._counts[tok.text] = self._counts.get(tok.text, 0) + 1
        return self._counts.get(word, 0)

    def org_word(self, word: str, start: int, end: int) -> bool:
        """True when an organisation named outside ``[start, end)`` has ``word`` in its name."""
        for entity in self.doc.entities:
            if entity.kind != "organization" or any(m.start < end and m.end > start for m in entity.mentions):
                continue
            if any(word in form.split() for form in (entity.name, *entity.aliases)):
                return True
        return False


def _name_start(ev: _Evidence, tokens: list[Token], lo: int, end: int, must_split: bool, loose: bool = False) -> int | None:
    """Where a person's name begins in a run of capitalised words after an office whose body the
    lexicon does not know ("CEO Torch Ben Wirawan", "Universitas Sam Ratulangi Flora Pricilia
    Kalalo"). Kompas-style articles refer back to a person by the first name: the leftmost word
    written again elsewhere opens the name; else a word the name corpora know as a name."""
    if tokens[end - 1].in_person:
        # The statistical model reads where the name opens: "CEO Torch Ben Wirawan".
        opening = next((p for p in range(end - 1, lo, -1) if tokens[p].person_start), None)
        if opening is not None and end - opening <= 4:
            return opening
    first = max(lo, end - 4)
    cands = [p for p in range(first, end - 1) if not tokens[p].acronym and is_name_word(tokens[p].text)]
    start_tok = tokens[lo].start
    stop_tok = tokens[end - 1].end

    def dropped_ok(p: int) -> bool:
        return must_split or loose or not any(seen_in_names(t.text) or len(t.text.rstrip(".")) == 1 for t in tokens[lo:p])

    q = lo
    while q < end - 2 and ev.org_word(tokens[q].text, start_tok, stop_tok) and not seen_in_names(tokens[q].text):
        q += 1  # "Direktur Utama Telkomsel Name" after "PT Telkomsel": the body's own word
    if q > lo:
        return q
    for p in cands:
        if p > lo and ev.count(tokens[p].text) >= 2 and not ev.org_word(tokens[p].text, start_tok, stop_tok) and dropped_ok(p):
            return p
    for p in cands:
        if p > lo and seen_in_names(tokens[p].text) and dropped_ok(p):
            return p
    if must_split and cands:
        return max(cands[0], lo + 1) if max(cands[0], lo + 1) < end - 1 else None
    return None


def _split_holder(doc: Doc, tokens: list[Token], role: RoleMatch, holder: Holder | None, ev: _Evidence) -> Holder | None:
    """Give the body of an office back the words the name reader took from it, or take the
    holder's name back from a proper name that ran on into it."""
    org = role.org
    target = org.parent if org is not None and org.parent is not None and org.parent.end == role.end else org
    proper = (
        target is not None
        and target.end == role.end
        and tokens[target.start].text in _PROPER_HEADS_OF_NAMES
        and target.name == _text(tokens, target.start, target.end)
    )
    if holder is not None:
        written_start, begin, end, _canonical, _written = holder
        if written_start != begin or end - begin < 3 or begin != _after_comma(tokens, role.end):
            return holder
        if target is not None and not (proper and begin == role.end):
            return holder
        p = _name_start(ev, tokens, begin, end, must_split=False, loose=target is not None)
        if p is None:
            return holder
        if target is not None:
            _move_org_end(doc, tokens, role, target, p)
        text = _text(tokens, p, end)
        return p, p, end, strip_titles(text), text
    if not proper or target is None:
        return None
    end = target.end
    p = _name_start(ev, tokens, target.start + 1, end, must_split=True)
    if p is None:
        return None
    _move_org_end(doc, tokens, role, target, p)
    text = _text(tokens, p, end)
    return p, p, end, strip_titles(text), text


def _move_org_end(doc: Doc, tokens: list[Token], role: RoleMatch, target: OrgMatch, p: int) -> None:
    """End ``target`` (the role's organisation or its parent) at token ``p``, in the document too."""
    new = _text(tokens, target.start, p)
    old = doc.find_entity(target.name, "organization")
    if old is not None and old.name == target.name:
        old.aliases = [a for a in old.aliases if a != target.name]
        doc.replace_mentions(
            old, [doc.span(m.start, tokens[p - 1].end) if m.start == tokens[target.start].start else m for m in old.mentions]
        )
        doc.rename(old, new)
        old.aliases = [a for a in old.aliases if a != target.name]
    if role.org is not None and role.org is not target:
        role.org.aliases = [a for a in role.org.aliases if not a.endswith(target.name)]
        unit = doc.find_entity(role.org.name, "organization")
        if unit is not None:
            unit.aliases = [a for a in unit.aliases if not a.endswith(target.name)]
        role.org.end = p
    target.name, target.aliases, target.end = new, [], p
    role.end = p
    role.label = _text(tokens, _office_start(tokens, role), p)


#: Heads followed by a proper name that may run on into the holder's name.
_PROPER_HEADS_OF_NAMES = frozenset("Universitas Institut Institute Yayasan PT Bank Hotel Lembaga Center Centre".split())


def _after_comma(tokens: list[Token], k: int) -> int:
    return k + 1 if k < len(tokens) and tokens[k].text == "," else k


def _titles_skipped(tokens: list[Token], k: int, end: int) -> int:
    from .names import _titles_end

    return min(_titles_end(tokens, k), end - 1)


def _is_region_run(tokens: list[Token], start: int, end: int) -> bool:
    j = start
    while j < end:
        region = match_region(tokens, j)
        if region is not None and region.end <= end:
            j = region.end
            continue
        if tokens[j].text.casefold() in districts_by_name() or seen_outside_names(tokens[j].text):
            j += 1
            continue
        return False
    return end > start


def _descriptor(tok: Token) -> bool:
    """A lower-case word describing an office or profession ("riset", "hukum tata negara")."""
    word = tok.text
    if not word.isalpha() or not word.islower() or len(word) < 3:
        return False
    if word in _CLAUSE_WORDS or word in _WEEKDAYS:
        return False
    return not word.startswith(("me", "ber", "di", "ter")) or word in ("dinas", "direktur")


_CLAUSE_WORDS = frozenset(
    """yang itu ini tersebut adalah akan sudah telah bahwa juga pun saat ketika kepada dengan oleh
    menurut mengatakan kata ujar tidak belum masih bisa dapat harus ada para lain kita kami
    mereka ia dia setiap semua banyak baru lagi sejak hingga sampai agar supaya karena jika""".split()
)


def _segment_stop(tokens: list[Token], j: int) -> bool:
    """True where a comma-separated part of a body cannot go on: a date, an office, a clause."""
    tok = tokens[j]
    word = tok.text.casefold()
    if tok.text in _HARD_STOPS or word in _WEEKDAYS or tok.text[:1].isdigit():
        return True
    if not tok.cap and word not in _BODY_CONNECTORS:
        return True
    return _office_at(tokens, j) is not None


def _scan_holder(tokens: list[Token], role: RoleMatch) -> Holder | None:
    """``Ketua Tim Pakar Gugus Tugas ... Covid - 19 Wiku Adisasmito``; ``epidemiolog UGM, Riris
    Andono Ahmad, mengatakan``: the name closes the last comma-separated part of the body."""
    j = role.end
    descriptors = 0
    while j < len(tokens) and descriptors < _MAX_DESCRIPTORS and _descriptor(tokens[j]):
        j, descriptors = j + 1, descriptors + 1
    if j >= len(tokens) or not (tokens[j].cap or tokens[j].text in ",-()" or tokens[j].text.isdigit()):
        return None
    best: Holder | None = None
    seg = j
    limit = min(len(tokens), role.end + _MAX_SCAN)
    k = j
    while k < limit:
        tok = tokens[k]
        word = tok.text.casefold()
        if tok.text == ",":
            best = _segment_name(tokens, seg, k) or best
            if k + 1 >= len(tokens) or _segment_stop(tokens, k + 1):
                return best
            seg = k = k + 1
            continue
        if (
            tok.text == "("
            and k + 1 < len(tokens)
            and (tokens[k + 1].text[:1].isdigit() or tokens[k + 1].text.casefold() in _WEEKDAYS)
        ):
            break
        if word == "di" and k > seg and not is_org_word(tokens[k - 1].text):
            break
        if word in ("dan", "serta") and k > seg and k + 1 < len(tokens) and _office_at(tokens, k + 1) is not None:
            break  # "Ketua Komisi II DPR A dan Wakil Ketua Umum Partai Gerindra B": a second office, a second holder
        if tok.text in NOT_NAME and not is_org_word(tok.text) and word not in _BODY_NOT_NAME:
            break  # "Bupati X Pimpin Rapat ...": a headline goes on with a verb
        if tok.text in _LOWER_TITLES and k + 1 < len(tokens) and tokens[k + 1].cap:
            k += 1  # "Ikatan Dokter Gigi dr Rina Sari": a title opens the name
            continue
        if tok.text in _HARD_STOPS or (not tok.cap and not tok.text[:1].isdigit() and word not in _BODY_CONNECTORS | {"di"}):
            break
        k += 1
    return _segment_name(tokens, seg, k) or best


def _segment_name(tokens: list[Token], start: int, end: int) -> Holder | None:
    if end <= start:
        return None
    found = tail_name(tokens, start, end)
    if found is None:
        return None
    written_start, begin, name, written = found
    while begin < end - 1 and len(tokens[begin].text) == 1:
        begin += 1  # "Wilayah I Jawa Barat": a numeral before a region is no name
    if _is_region_run(tokens, begin, end) or name.casefold() in role_forms():
        return None
    return written_start, begin, end, name, written


def _office_start(tokens: list[Token], role: RoleMatch) -> int:
    """The office's first token, after an acting prefix ("Plt", "Pelaksana Tugas")."""
    j = role.start
    if tokens[j].text.casefold() in _ACTING:
        return j + 1
    for long in _ACTING_LONG:
        n = len(long.split())
        if " ".join(t.text for t in tokens[j : j + n]) == long:
            paren = _paren_acronym(tokens, j + n)
            return paren[0] if paren else j + n
    return j


def _clause_end(tokens: list[Token], j: int) -> int:
    while j < len(tokens) and j < len(tokens) and tokens[j].text not in _HARD_STOPS and tokens[j].text != ",":
        if not tokens[j].cap and tokens[j].text.casefold() not in _BODY_CONNECTORS and not _descriptor(tokens[j]):
            break
        j += 1
    return j


def _body_before_name(tokens: list[Token], role: RoleMatch, upto: int) -> None:
    """Fit the office's body to what stands before the name: the written label, a region the
    name reader gave back ("KPU Papua"), or the organisation named inside the body."""
    while upto > role.end and tokens[upto - 1].text == ",":
        upto -= 1
    if upto <= role.end and role.label is not None:
        return
    label = _text(tokens, _office_start(tokens, role), upto).rstrip(" ,")
    if label and label.casefold() != role.office.casefold():
        role.label = label
    if role.org is not None and role.org.end < upto:
        region = match_region(tokens, role.org.end)
        if region is not None and region.end == upto and role.org.org_type != "local_government":
            written = _text(tokens, region.start, region.end)
            org = role.org
            role.org = OrgMatch(
                org.start,
                region.end,
                f"{org.name} {written}",
                org.org_type,
                [f"{a} {written}" for a in org.aliases],
                region=region,
            )
        return
    if role.org is None and upto > role.end:
        role.org = _last_org(tokens, role.end, upto) or _named_body(tokens, role.end, upto)


def _named_body(tokens: list[Token], start: int, end: int) -> OrgMatch | None:
    """``Analis riset Capital Asset Management, Name``: the capitalised words between the office
    and the name, up to the first comma, name a body the lexicon does not know."""
    j = start
    while j < end and _descriptor(tokens[j]):
        j += 1
    k = j
    while k < end and tokens[k].text != ",":
        if not (tokens[k].cap or tokens[k].text.casefold() in ("dan", "&", "-") or tokens[k].text.isdigit()):
            return None
        k += 1
    paren = None
    if k - j >= 3 and tokens[k - 1].text == ")" and tokens[k - 3].text == "(":
        paren = _text(tokens, k - 2, k - 1)
        k -= 3
    if k <= j or not tokens[j].cap or _is_region_run(tokens, j, k) or k - j > 8:
        return None
    return OrgMatch(j, k + (3 if paren else 0), _text(tokens, j, k), "other", [paren] if paren else [])


def _last_org(tokens: list[Token], start: int, end: int) -> OrgMatch | None:
    """The last organisation named inside ``tokens[start:end]`` and ending there."""
    j = start
    found = None
    while j < end:
        org = match_org(tokens, j) if tokens[j].cap else None
        if org is not None and org.end <= end:
            found = org
            j = org.end
            continue
        j += 1
    return found


def _apposition_person(doc: Doc, tokens: list[Token], role_start: int) -> Entity | None:
    """``Ali Fitri Noor, selaku Plh Sekda``: the person named just before the office."""
    k = role_start - 1
    cued = False
    # "yang menjabat sebagai", "yang juga", "selaku": a short lead between the name and the office.
    while k >= 0 and role_start - k <= 4 and tokens[k].low in _APPOSITION_CUES | _APPOSITION_LEAD:
        cued = cued or tokens[k].low in _APPOSITION_CUES
        k -= 1
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
            m.acting_form = m.acting_form or role.acting_form
            return
        if m.person == person.key and m.role == role.office and m.organization is None:
            m.organization = org_key
            return
    doc.extraction.memberships.append(
        Membership(person.key, role.office, org_key, role.acting, [evidence], role.label, role.acting_form)
    )
