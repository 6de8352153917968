"""Read a person's name at a token: capitalised words, initials, honorifics and ranks stripped.

Two readers: :func:`match_name` reads forwards from a token that opens a name;
:func:`tail_name` reads backwards from the end of a run of office and body
words, where Indonesian news writes the holder's name last
(``Ketua KPU Papua Theodorus Kossay``, ``Direktur Lalu Lintas Polda Metro Jaya
Komisaris Besar Sambodo Purnomo Yogo``).
"""

from __future__ import annotations

from ...resolve import PREFIX_TITLES, strip_titles
from .lexicon import (
    districts_by_name,
    is_common_word,
    is_name_word,
    name_word_counts,
    regions_by_name,
    role_forms,
    seen_in_names,
    seen_outside_names,
)
from .tokens import Token

_MAX_WORDS = 5
_PARTICLES = frozenset({"bin", "binti", "van", "de", "al", "el"})

#: Police and military ranks of more than one word, and the words that may follow a rank
#: ("Brigadir Jenderal (Pol)", "Letjen TNI (Purn)", "Letnan Kolonel Inf"). A rank is read
#: before a name and kept in its written form only.
_RANKS = tuple(
    tuple(r.split())
    for r in sorted(
        """Ajun Komisaris Besar|Komisaris Besar|Komisaris Jenderal|Inspektur Jenderal|Brigadir Jenderal
        |Ajun Komisaris|Komisaris|Inspektur Polisi Satu|Inspektur Polisi Dua|Inspektur Satu|Inspektur Dua
        |Ajun Inspektur Satu|Ajun Inspektur Dua|Brigadir Kepala|Brigadir Polisi|Brigadir|Letnan Jenderal
        |Mayor Jenderal|Letnan Kolonel|Kolonel|Mayor|Kapten|Letnan Satu|Letnan Dua|Jenderal|Laksamana Madya
        |Laksamana Muda|Laksamana Pertama|Laksamana|Marsekal Madya|Marsekal Muda|Marsekal Pertama|Marsekal
        |Sersan Mayor|Sersan|Kopral""".replace("\n", "").split("|"),
        key=lambda r: -len(r.split()),
    )
)
_RANK_FIRST = frozenset(r[0] for r in _RANKS)
# Ranks are followed by the service and the corps (TNI branch abbreviations: infantry, cavalry,
# field and air-defence artillery, engineers, signals, ordnance, transport, military police,
# medical, finance, marines, navy and air force specialities).
_RANK_SUFFIXES = frozenset({
    "TNI", "Pol", "Polisi", "Purn", "Purnawirawan", "Inf", "Kav", "Art", "Arm", "Arh", "Czi", "Chb", "Cpl", "Cba",
    "Cpm", "Ckm", "Cku", "Caj", "Cke", "Mar", "Laut", "Pnb", "Nav", "Tek", "Kes", "Lek", "Adm", "Sus", "Pas", "P",
})  # fmt: skip
_LOWER_TITLES = frozenset({"dr", "drg", "dr.", "drg."})


def _rank_end(tokens: list[Token], i: int) -> int:
    """Index after a rank written at ``i`` (with ``TNI``, ``(Pol)``...), or ``i`` when none."""
    if i >= len(tokens) or tokens[i].text not in _RANK_FIRST:
        return i
    for rank in _RANKS:
        n = len(rank)
        if tuple(t.text for t in tokens[i : i + n]) == rank:
            j = i + n
            while j < len(tokens):
                if tokens[j].text in _RANK_SUFFIXES:
                    j += 1
                elif (
                    tokens[j].text == "("
                    and j + 2 < len(tokens)
                    and tokens[j + 1].text in _RANK_SUFFIXES
                    and tokens[j + 2].text == ")"
                ):
                    j += 3
                else:
                    break
            return j
    return i


def _titles_end(tokens: list[Token], i: int) -> int:
    """Index after the honorifics, titles and ranks written at ``i``."""
    j = i
    while j < len(tokens):
        tok = tokens[j]
        nxt_cap = j + 1 < len(tokens) and tokens[j + 1].cap
        if tok.text.rstrip(".").casefold() in PREFIX_TITLES and tok.cap and nxt_cap:
            k = j + 1
            while k < len(tokens) and (tokens[k].text in _RANK_SUFFIXES or tokens[k].text in "()") and k < j + 4:
                k += 1
            j = k if k < len(tokens) and tokens[k].cap and tokens[k].text not in "()" else j + 1
            continue
        if tok.text in _LOWER_TITLES and nxt_cap:
            j += 1
            continue
        k = _rank_end(tokens, j)
        if k > j and k < len(tokens) and is_name_word(tokens[k].text):
            j = k
            continue
        break
    return j


def name_word(tok: Token) -> bool:
    """A word that can be part of a name: by the word lists, or because the statistical
    model reads it inside a person's name ("Hari Nugroho", where "Hari" is also "day")."""
    if is_name_word(tok.text):
        return True
    if tok.in_person and not tok.model_start and tok.cap and not tok.acronym and tok.low not in role_forms():
        return True  # a later word of a name the model reads whole ("William Aditya Sarana")
    # The model lifts the common-word list only ("Hari", "Bayu"), never offices, bodies or
    # verbs, and only for a word the corpora have seen inside a person's name.
    return (
        tok.in_person
        and tok.cap
        and is_common_word(tok.text)
        and name_word_counts().get(tok.text, (0, 0))[0] > 0
        and tok.low not in role_forms()
    )


def _model_name_start(tokens: list[Token], first: int, end: int) -> int:
    """Where the model says the person's name in ``tokens[first:end]`` starts (``first`` when
    it says nothing): "Kalbar Sutarmidji", "Sumbagsel Hendrafan Silvianus" — the region word
    before the name belongs to the office, not the name."""
    if tokens[first].in_person or not tokens[end - 1].in_person:
        return first
    q = end - 1
    while q > first and not tokens[q].person_start:
        q -= 1
    if not tokens[q].person_start:
        return first
    # Only words that are not name words move to the office: a region or body by the
    # gazetteer, the corpora or the model's own reading. A model that reads "Imran"
    # alone in "Siska Karina Imran" must not cut the first names.
    if all(_body_word(t) for t in tokens[first:q]):
        return q
    return first


def _body_word(tok: Token) -> bool:
    return (
        tok.model in ("LOC", "ORG")
        or tok.low in regions_by_name()
        or tok.low in districts_by_name()
        or seen_outside_names(tok.text)
    )


def match_name(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    """A person's name starting at ``tokens[i]``.

    Returns:
        ``(end, canonical name, written form)``, or None when no name starts here.
        Honorifics, ranks and degrees ("Drs.", "H.", "Komisaris Besar", ", S.Sos")
        are read and dropped from the canonical name but kept in the written form.
    """
    first = j = _titles_end(tokens, i)
    words = 0
    while j < len(tokens) and words < _MAX_WORDS:
        tok = tokens[j]
        if tok.text.casefold() in _PARTICLES and words and j + 1 < len(tokens) and tokens[j + 1].cap:
            j += 1
            continue
        if not (name_word(tok) or _initial(tok)):
            break
        if words == 0 and tok.acronym and not _initial(tok):
            return None  # "DKI Jakarta Anies": a name does not start with an acronym
        if words and tok.text.rstrip(".").casefold() in PREFIX_TITLES and j + 1 < len(tokens) and tokens[j + 1].cap:
            break  # "Unesa Prof Nurhasan": a title inside the run opens another name
        words += 1
        j += 1
    if words == 0 or (words == 1 and _initial(tokens[first])):
        return None
    end = j
    while end > first and tokens[end - 1].text.casefold() in _PARTICLES:
        end -= 1
    if end > first:
        start = _model_name_start(tokens, first, end)
        if start > first:
            i = first = start
    written = _written(tokens, i, end)
    name = strip_titles(" ".join(t.text for t in tokens[first:end]))
    if not name or not any(c.islower() for c in name):
        return None  # all capitals: an acronym, not a name
    return end, name, written


def _written(tokens: list[Token], start: int, end: int) -> str:
    return " ".join(t.text for t in tokens[start:end]).replace("( ", "(").replace(" )", ")")


def tail_name(tokens: list[Token], start: int, end: int, strict: bool = False) -> tuple[int, int, str, str] | None:
    """The name that closes ``tokens[start:end]`` (an office, its body, then a name).

    Reads name words backwards from ``end``; leading words that name a region or
    are only ever seen outside names ("Papua", "Hotel") go to the body unless the
    name would be left with a single word. With ``strict``, only provinces and such
    words do: a city may open a name ("Bima Haria Wibisana"). Ranks and titles just before the name
    are kept in the written form.

    Returns:
        ``(written start, name start, canonical name, written form)`` or None.
    """
    p = end
    while p > start and p > end - _MAX_WORDS and (name_word(tokens[p - 1]) or _initial(tokens[p - 1])):
        if tokens[p - 1].text.rstrip(".").casefold() in PREFIX_TITLES:
            break
        if end - p >= 2 and seen_outside_names(tokens[p - 1].text):
            break  # "Asosiasi ... Nusantara Wahyu Prasetyo": a body word before a full name
        p -= 1
    if p == end:
        return None
    p = _strip_body_words(tokens, p, end, strict)
    # A corps after a rank is not part of the name: "Letkol Arh Yudi Prasetyo".
    while (
        p < end - 1
        and p > start
        and tokens[p].text in _RANK_SUFFIXES
        and (tokens[p - 1].text.rstrip(".").casefold() in PREFIX_TITLES or tokens[p - 1].text in _RANK_SUFFIXES)
    ):
        p += 1
    if p < end:
        p = max(p, _model_name_start(tokens, p, end))
    if p >= end or all(_initial(t) for t in tokens[p:end]):
        return None
    if tokens[p].acronym and not _initial(tokens[p]):
        return None
    w = p
    # Titles and ranks written just before the name ("Komisaris Besar", "Prof", "dr").
    for back in range(1, 6):
        b = p - back
        if b < start:
            break
        if _titles_end(tokens, b) == p:
            w = b
    name = strip_titles(" ".join(t.text for t in tokens[p:end]))
    if not name or not any(c.islower() for c in name):
        return None
    return w, p, name, _written(tokens, w, end)


def _strip_body_words(tokens: list[Token], p: int, end: int, strict: bool) -> int:
    while p < end - 1:
        word = tokens[p].text
        left = end - p - 1
        two = f"{word} {tokens[p + 1].text}".casefold() if p + 2 < end else ""
        if two and not strict and (two in regions_by_name() or two in districts_by_name()) and left >= 3:
            p += 2
            continue
        if seen_outside_names(word):
            p += 1
            continue
        hits = regions_by_name().get(word.casefold())
        if hits and (any(r.type == "province" for r in hits) or (not strict and left >= 2 and not seen_in_names(word))):
            p += 1
            continue
        if not strict and word.casefold() in districts_by_name() and left >= 2 and not seen_in_names(word):
            p += 1
            continue
        break
    return p


def _initial(tok: Token) -> bool:
    bare = tok.text.rstrip(".")
    return len(bare) == 1 and bare.isupper()
