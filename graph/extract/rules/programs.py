"""Programmes and targets: ``program Kartu Prakerja``, ``10 program prioritas``,
``menciptakan 10.000 UKM dalam lima tahun``.

Government news names a programme in a few fixed ways: after the word
``program`` (capitalised or in quotes), as a capitalised name headed by a
programme noun (``Bantuan Langsung Tunai (BLT)``, ``Kartu Sembako``), as a
fund (``dana hibah``), or as a numeric target after a verb of aiming
(``menargetkan``, ``mencanangkan``). Lower-case ``program ...`` phrases are
left alone: they are descriptions ("program kebijakan umum"), not names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from weakref import WeakKeyDictionary

from ...resolve import fold
from ..types import Program
from .dates import keyword_matches
from .doc import Doc
from .lexicon import programmes

_CAP = r"(?:[A-Z][\w'’.-]*|\d[\d.,]*)"
_CAP_RUN = rf"{_CAP}(?:\s+(?:dan|&|untuk|bagi)\s+{_CAP}|\s+{_CAP})*"
_ACRONYM = r"(?:\s*\((?P<acr>[A-Za-z][\w-]{1,10})\))?"

# "program 'Jakarta Ramah Bersepeda'", "program “Kampung Tangguh”".
_QUOTED = re.compile(r"\bprogram\s+['‘\"“](?P<name>[^'’\"”\n]{3,80})['’\"”]", re.IGNORECASE)
# "program Kartu Prakerja", "program BLK Komunitas", "program Asuransi Usaha Tani Padi (AUTP)".
_NAMED = re.compile(rf"\bprogram\s+(?P<name>{_CAP_RUN}){_ACRONYM}")
# "10 program prioritas Wali Kota dan Wakil Wali Kota Samarinda".
_PRIORITY = re.compile(
    rf"\b(?P<name>(?:(?P<count>\d+)\s+)?(?i:program\s+(?:prioritas|unggulan|strategis|andalan))(?:\s+(?:{_CAP_RUN}))?)"
)
# Capitalised names headed by a programme noun: "Bantuan Langsung Tunai (BLT)".
_HEADED = re.compile(
    rf"\b(?P<name>(?:Program|Bantuan|Kartu|Gerakan|Jaminan|Asuransi|Beasiswa|Kredit|Subsidi|Dana|Kampung)"
    rf"\s+(?!Rp\b){_CAP_RUN}){_ACRONYM}"
)
# Funds: "dana hibah", "dana kompensasi Bantargebang", "dana desa".
# "Kepala Seksi Program BBPLK": "Program" names a unit in an office.
_UNIT_BEFORE = re.compile(r"\b(?:Seksi|Kasi|Bidang|Kabid|Bagian|Kabag|Subbagian|Subbag|Kasubag|Direktorat|Kepala)\s+$")
# "berkomitmen dalam penanganan pencemaran Sungai Cileungsi": a body commits to
# an undertaking named by an action noun and what it acts on.
_COMMITTED = re.compile(
    r"(?i:berkomitmen|komitmen|fokus|memprioritaskan)\s+(?:(?:dalam|untuk|pada|terhadap|melakukan)\s+)?"
    r"(?P<name>pe[a-z]{3,}an(?:\s+[a-z]+){0,2}(?:\s+[A-Z][\w'’-]*)+)"
)
_FUND = re.compile(
    r"\b[Dd]ana\s+(?P<kind>hibah|kemitraan|kompensasi|desa|kelurahan|bantuan|insentif|alokasi\s+khusus|alokasi\s+umum"
    r"|bagi\s+hasil|otonomi\s+khusus|abadi|bergulir|stimulan|talangan|darurat)(?P<place>(?:\s+(?!Rp\b)[A-Z][\w-]+)*)"
    r"(?P<purpose>\s+untuk\s+(?:[a-z]+\s+){0,2}[a-z]+)?"
    r"(?P<amount>\s+(?:sebesar\s+)?Rp\.?\s?\d[\d.,]*(?:\s*(?:ribu|juta|miliar|triliun|M|T)\b)?)?"
)
# "menargetkan akan menciptakan 10.000 Usaha Kecil Menengah (UKM) dan wirausaha muda".
_TARGET = re.compile(
    r"\b(?:menargetkan|ditargetkan|target(?:nya)?|mencanangkan|dicanangkan|menciptakan|mencetak)"
    r"(?:\s+(?:akan|untuk|bisa|dapat|sebanyak|sekitar|hingga|mencapai|menciptakan|membangun|mencetak))*"
    r"\s+(?P<noun>pembangunan\s+|pembentukan\s+|penyaluran\s+|pelatihan\s+)?"
    r"(?P<value>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?P<scale>ribu|juta|miliar)?"
    r"\s+(?P<unit>(?!persen\b|tahun\b|bulan\b|hari\b)[A-Za-z][\w-]*(?:\s+(?!di\b|pada\b|dalam\b|yang\b|untuk\b|sebagai\b|pada\b|ke\b|dari\b|hingga\b|tahun\b)[A-Za-z][\w-]*){0,5})"
    r"(?:\s*\((?P<acr>[A-Z]{2,8})\))?"
    r"(?P<more>\s+dan\s+[a-z]+(?:\s+[a-z]+)?)?"
)
# "menargetkan 60 persen lahan rawa ikut asuransi": a share of something to reach. The
# first word after "persen" is a noun, not a verb or a state ("ditargetkan 100 persen rampung").
_PERCENT = re.compile(
    r"\b(?:menargetkan|ditargetkan|target(?:nya)?|mencanangkan)"
    r"(?:\s+(?:sebanyak|sekitar|hingga|mencapai|minimal|sedikitnya|sebesar))*"
    r"\s+(?P<value>\d+(?:,\d+)?)\s+persen\s+"
    r"(?P<what>(?!(?:me|di|ber|ter)[a-z]+\b|(?:rampung|tuntas|selesai|sesuai|lebih|per|dari|pada|tahun)\b)[a-z][\w-]*"
    r"(?:\s+(?!(?:di|pada|dalam|yang|untuk|dari|ke|hingga|tahun|bisa|dapat|akan|sudah|telah|pada|dan|atau|pun)\b)"
    r"[A-Za-z][\w-]*){0,4})(?:\s*\((?P<acr>[A-Z][A-Za-z-]{1,10})\))?"
)
_CAP_TAIL = re.compile(r"(?:\s+[A-Z][\w-]*)+$")
# Named programmes in a list: "Program Bapak Asuh Anak Stunting, Dapur Sehat Atasi Stunting
# (Dashat), dan Desa Digital", "program unggulan seperti Desa Digital, One Village One Company
# (OVOC), dan Kartu Tani".
_LIST_ITEM = r"(?:[A-Z][\w'’.-]*|\d[\d.,]*)(?:\s+(?:[A-Z][\w'’.-]*|\d[\d.,]*))*(?:\s*\([A-Za-z][\w-]{1,10}\))?"
_LISTED = re.compile(
    rf"\b(?i:program(?:-program)?)\s+(?:[^.\n“”\"]{{0,60}}?\b(?i:seperti|yakni|yaitu|antara\s+lain|berupa|meliputi|di\s+antaranya)\s*:?\s+)?"
    rf"(?P<items>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*\s*,?\s+(?:dan|serta)\s+(?:program\s+)?{_LIST_ITEM})"
)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta)\s+(?:program\s+)?")
_ITEM_PARTS = re.compile(r"(?P<name>.+?)(?:\s*\((?P<acr>[A-Za-z][\w-]{1,10})\))?$")
# The words the patterns above start with, for keyword_matches.
_HEAD_WORDS = (
    "program",
    "bantuan",
    "kartu",
    "gerakan",
    "jaminan",
    "asuransi",
    "beasiswa",
    "kredit",
    "subsidi",
    "dana",
    "kampung",
)
_TARGET_WORDS = (
    "menargetkan",
    "ditargetkan",
    "target",
    "mencanangkan",
    "dicanangkan",
    "menciptakan",
    "mencetak",
)
_SCALES = {"ribu": 1e3, "juta": 1e6, "miliar": 1e9}
_NOT_NAMES = frozenset({"ini", "itu", "tersebut", "pemerintah", "kerja", "yang", "baru"})


# Meetings ask for the programmes before the programmes stage runs; each
# document is read once.
_FOUND: WeakKeyDictionary[Doc, list[Program]] = WeakKeyDictionary()


def find_programs(doc: Doc) -> list[Program]:
    """Find named programmes and targets and add them to ``doc.extraction.programs``.

    Safe to call twice: the second call returns the first call's result.

    Returns:
        The programmes, in order of first mention, one per name.
    """
    if doc in _FOUND:
        return _FOUND[doc]
    programs: list[Program] = []
    taken: list[tuple[int, int]] = []
    for finder in (_priority, _quoted, _known, _listed, _headed, _named, _fund, _target, _percent, _committed):
        for start, end, name, aliases, target in finder(doc):
            # A list introduced as programmes names programmes even where a word looks like a
            # place ("Desa Digital"); finalize drops the place read inside it.
            listed = finder is _listed
            if any(s < end and start < e for s, e in taken) or (not listed and _is_entity(doc, name)):
                continue
            taken.append((start, end))
            _record(doc, programs, start, end, name, aliases, target)
    programs.sort(key=lambda p: p.evidence[0].start)
    doc.extraction.programs.extend(programs)
    _FOUND[doc] = programs
    return programs


def _priority(doc: Doc):
    for m in _PRIORITY.finditer(doc.text) if "rogram" in doc.text else ():
        name = m["name"].rstrip(".,")
        aliases = [f"{m['count']} program prioritas"] if m["count"] else []
        yield (
            m.start(),
            m.start() + len(name),
            name,
            aliases,
            (float(m["count"]), "program") if m["count"] else None,
        )


def _quoted(doc: Doc):
    for m in keyword_matches(_QUOTED, doc.text, ("program",)):
        yield (
            m.start(),
            m.end(),
            m["name"].strip(),
            [f"program {m['name'].strip()}"],
            None,
        )


@lru_cache(maxsize=1)
def _known_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern for the official names (any case), one for the short forms (as written)."""
    forms = programmes()
    names = sorted((f for f, (_, short) in forms.items() if not short), key=len, reverse=True)
    shorts = sorted((f for f, (_, short) in forms.items() if short), key=len, reverse=True)
    return (
        re.compile(r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")\b", re.IGNORECASE),
        re.compile(r"\b(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in shorts) + r")\b"),
    )


def _known(doc: Doc):
    """National programmes by their official names or the short forms the press uses
    ("penerima PKH", "Kartu Prakerja", "dana BOS")."""
    forms = programmes()
    by_name, by_short = _known_patterns()
    for pattern, short in ((by_name, False), (by_short, True)):
        for m in pattern.finditer(doc.text):
            written = " ".join(m.group().split())
            name = forms[written if short else written.casefold()][0]
            yield m.start(), m.end(), name, [written] if written != name else [], None


def _listed(doc: Doc):
    for m in keyword_matches(_LISTED, doc.text, ("program",)):
        offset = m.start("items")
        placed = []
        for piece in _LIST_SPLIT.split(m["items"]):
            start = doc.text.index(piece, offset)
            offset = start + len(piece)
            placed.append((start, piece))
        if len(placed) >= 2 and _one_name_with_acronym(placed[-2][1], placed[-1][1]):
            # "Stabilisasi Pasokan dan Harga Pangan (SPHP)": the brackets name both halves as one.
            start = placed[-2][0]
            placed[-2:] = [(start, doc.text[start : placed[-1][0] + len(placed[-1][1])])]
        for start, piece in placed:
            parts = _ITEM_PARTS.match(piece.strip())
            if parts is None:
                continue
            name, acr = parts["name"].rstrip(".,"), parts["acr"]
            if fold(name) in _NOT_NAMES or (len(name.split()) < 2 and not acr):
                continue  # a single capitalised word in a list is as likely a body or place
            yield start, start + len(piece), name, [acr] if acr else [], None


def _one_name_with_acronym(first: str, last: str) -> bool:
    """``last`` closes with an acronym that spells the initials of ``first`` and ``last`` together."""
    parts = _ITEM_PARTS.match(last.strip())
    if parts is None or not parts["acr"]:
        return False
    initials = "".join(w[0] for w in f"{first} {parts['name']}".split() if w[:1].isupper())
    return initials.casefold() == parts["acr"].casefold()


def _named(doc: Doc):
    for m in keyword_matches(_NAMED, doc.text, ("program",)):
        name = m["name"].rstrip(".,")
        if fold(name) in _NOT_NAMES:
            continue
        aliases = [f"program {name}"] + ([m["acr"], f"program {m['acr']}"] if m["acr"] else [])
        yield m.start(), m.end(), name, aliases, None


def _headed(doc: Doc):
    for m in keyword_matches(_HEADED, doc.text, _HEAD_WORDS):
        name = m["name"].rstrip(".,")
        if len(name.split()) < 2 or _UNIT_BEFORE.search(doc.text, max(0, m.start() - 20), m.start()):
            continue
        yield m.start(), m.end(), name, [m["acr"]] if m["acr"] else [], None


def _committed(doc: Doc):
    for m in keyword_matches(_COMMITTED, doc.text, ("berkomitmen", "komitmen", "fokus", "memprioritaskan")):
        name = m["name"].rstrip(".,")
        yield m.start("name"), m.start("name") + len(name), name, [], None


def _fund(doc: Doc):
    for m in keyword_matches(_FUND, doc.text, ("dana",)):
        base = f"dana {m['kind']}{m['place'] or ''}".strip()
        # The amount is part of how the article names a fund ("dana hibah Rp 5 miliar").
        aliases = [m.group(0).strip()] if m["purpose"] or m["amount"] else []
        yield m.start(), m.end(), base, aliases, None


def _target(doc: Doc):
    for m in keyword_matches(_TARGET, doc.text, _TARGET_WORDS):
        unit_text = (m["unit"] + (f" ({m['acr']})" if m["acr"] else "") + (m["more"] or "")).strip()
        name = f"{(m['noun'] or '')}{m['value']}{' ' + m['scale'] if m['scale'] else ''} {unit_text}".strip()
        name = re.sub(r"\s*\([A-Z]{2,8}\)", "", name) if m["acr"] else name
        value = _number(m["value"]) * _SCALES.get((m["scale"] or "").lower(), 1)
        unit = m["acr"] or m["unit"].split()[0]
        aliases = [f"{m['value']} {m['acr']}"] if m["acr"] else []
        start = m.start("noun") if m["noun"] else m.start("value")
        yield start, m.end(), name, aliases, (value, unit, m.group(0))


def _percent(doc: Doc):
    for m in keyword_matches(_PERCENT, doc.text, _TARGET_WORDS[:4]):
        name = f"target {m['value']} persen {m['what']}"
        aliases = [f"{m['value']} persen {m['what']}"]
        tail = _CAP_TAIL.search(m["what"]) if m["acr"] else None
        if tail:  # "lahan Selamatkan Rawa Sejahterakan Petani (Serasi)": also the short form
            aliases.append(f"target {m['value']} persen {m['what'][: tail.start()]} {m['acr']}")
        yield m.start(), m.end(), name, aliases, (_number(m["value"]), "persen", m.group(0))


def _number(text: str) -> float:
    # Indonesian writes thousands with dots and decimals with a comma.
    return float(text.replace(".", "").replace(",", "."))


def _is_entity(doc: Doc, name: str) -> bool:
    """A capitalised run that is an organisation or place is not a programme."""
    entity = doc.find_entity(name, "organization") or doc.find_entity(name, "place")
    return entity is not None


def _record(
    doc: Doc,
    programs: list[Program],
    start: int,
    end: int,
    name: str,
    aliases: list[str],
    target,
) -> None:
    span = doc.span(start, end)
    program = next(
        (p for p in programs if fold(name) in {fold(n) for n in [p.name, *p.aliases]}),
        None,
    )
    if program is None:
        program = Program(key=doc.new_key("program"), name=name, provider=_provider(doc, start))
        programs.append(program)
    for alias in [*aliases, span.text]:
        if alias and fold(alias) != fold(program.name) and fold(alias) not in {fold(a) for a in program.aliases}:
            program.aliases.append(alias)
    program.evidence.append(span)
    if target is not None and program.target_value is None:
        program.target_value, program.target_unit = target[0], target[1]
        program.target_text = target[2] if len(target) > 2 else span.text


def _provider(doc: Doc, offset: int) -> str | None:
    """The organisation running it: the sentence's organisation before the mention,
    or the organisation of the official who speaks of it."""
    sentence = doc.sentences[doc.sentence_index(offset)]
    orgs = doc.entities_in(sentence.start, offset, "organization")
    if orgs:
        return orgs[0].key
    for person in doc.entities_in(sentence.start, offset, "person"):
        for membership in doc.extraction.memberships:
            if membership.person == person.key and membership.organization:
                return membership.organization
    return None
