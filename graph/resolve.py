"""Names: folding, honorific stripping, acronym expansion and cross-article keys.

Everything here is a pure function of strings, used by the rule extractor to
merge mentions within an article and make canonical names. The model stage
mints one IRI per kind and canonical name (graph/model/iris.py, with :func:`slug`),
so the same official or agency in two articles is one node.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")

#: Honorifics and titles written before a name ("Bapak", "H.", "Dr.", "Kombes").
PREFIX_TITLES = frozenset(
    """bapak ibu pak bu bpk sdr sdri saudara saudari tuan nyonya nona h hj haji hajah hajjah
    dr drs dra ir prof kh kyai kiai ustaz ustadz ustad ust habib drg apt
    jenderal jend letjen mayjen brigjen kolonel kol letkol mayor kapten lettu letda
    komjen irjen kombes akbp kompol akp iptu ipda aiptu aipda bripka brigadir briptu bripda
    laksamana laksda marsekal marsda marsma pol""".split()
)

#: Academic degrees written after a name, compared without dots or spaces.
DEGREES = frozenset(
    """se sh ssos msi mm st mt spd mpd skom sip map phd mba sag mag shut skm mkes mph ssi sp mp
    sikom spsi amd lc ma msc bsc mh mhum shum mip sthi spdi mpdi sked spog spa sppd mkn sfarm
    ak ca mec meng dea sstp msp ss sipem magr spt shi mhi ssy me skep ns mars sgz skh mtp cpa
    mpa mpp msm ipu ipm asean eng mkom ms ssn md mkm sst sant msn mikom mtr mars skg ssit
    mba mcom llm mbe bba mpdi mag mhum dess dipl ing aks mapp""".split()
)

#: Words of an office that may stand before a short name ("Bupati Agus").
ROLE_WORDS = frozenset(
    """bupati wabup wakil wali kota walikota wawali gubernur wagub sekda sekkab sekdaprov
    sekretaris daerah kadis kepala menteri menko wamen camat lurah kades kapolres kapolda
    kapolri kapolsek ketua anggota direktur dirjen presiden wapres plt plh pj pjs dinas
    kabid kasi kasubag kabag asisten staf ahli komisaris dandim danrem pangdam""".split()
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _PUNCT.sub(" ", text.casefold().replace(".", "").replace("'", "").replace("’", ""))
    return _SPACES.sub(" ", text).strip()


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated: ``"Pemerintah Kota Samarinda"`` → ``pemerintah-kota-samarinda``.

    The one slug: entity keys and IRIs (graph/model/iris.py) both use it, and stored IRIs
    depend on it, so it must not change (``O'Neil`` → ``o-neil``).
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    result = _NON_WORD.sub("-", folded).strip("-")
    if result:
        return result[:120]
    # A name with no ASCII letters still needs a stable, distinct key.
    return "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _token_key(token: str) -> str:
    return token.replace(".", "").replace(" ", "").casefold()


def strip_degrees(name: str) -> str:
    """Drop academic degrees written after a name (``Ali, S.Sos., M.Si`` → ``Ali``)."""
    parts = [p.strip() for p in name.split(",")]
    kept = [parts[0]]
    for part in parts[1:]:
        if not part:
            continue
        words = part.split()
        if _token_key(part) in DEGREES or all(_token_key(w) in DEGREES or _is_specialist(w) for w in words):
            continue
        kept.append(part)
    name = ", ".join(kept)
    # Degrees written without a comma after the last name word ("Andi Harun SE MM").
    words = name.split()
    while len(words) > 1 and _token_key(words[-1]) in DEGREES and _looks_like_degree(words[-1]):
        words.pop()
    return " ".join(words)


def _is_specialist(word: str) -> bool:
    # Medical specialisations: "Sp.OG", "Sp.PD(K)".
    return bool(re.fullmatch(r"Sp\.?[A-Z]{1,4}(\(K\))?\.?", word))


def _looks_like_degree(word: str) -> bool:
    # A degree after a name without a comma is written with dots or in
    # capitals ("S.Sos", "MM"); "Ma" or "Se" as a plain word is a name.
    return "." in word or word.isupper()


def strip_titles(name: str) -> str:
    """Drop honorifics before a name and degrees after it.

    ``Bapak H. Ali Fitri Noor, S.Sos., M.Si`` → ``Ali Fitri Noor``.
    """
    name = strip_degrees(name)
    words = name.replace(".", ". ").split()
    while len(words) > 1 and _token_key(words[0]) in PREFIX_TITLES:
        words.pop(0)
    return _rejoin(words)


def _rejoin(words: list[str]) -> str:
    # Undo the ". " spacing used for splitting ("Muh. Saal" keeps its dot).
    return " ".join(words).replace(" .", ".").strip(" ,")


def person_name_core(text: str) -> str:
    """A person form without honorifics, degrees or a leading office word.

    ``Bupati Agus`` → ``Agus``; ``Pak Ali`` → ``Ali``.
    """
    words = strip_titles(text).split()
    while len(words) > 1 and (_token_key(words[0]) in ROLE_WORDS or _token_key(words[0]) in PREFIX_TITLES):
        words.pop(0)
    return " ".join(words)


def candidate_matches(name: str, known: list[str], threshold: float = 0.85) -> list[tuple[str, float]]:
    """Names in ``known`` that may be the same entity, with a 0..1 score, best first.

    Used to record ``Entity.same_as_candidates`` instead of merging silently:
    "Rahmat Effendi" and "Rahmat Efendi" score high but stay two entities
    until someone confirms.
    """
    from rapidfuzz import fuzz

    target = fold(name)
    scored = []
    for other in known:
        score = fuzz.token_sort_ratio(target, fold(other)) / 100
        if score >= threshold and fold(other) != target:
            scored.append((other, round(score, 3)))
    return sorted(scored, key=lambda pair: -pair[1])
