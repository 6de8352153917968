"""Who an attribution names: the speaker's name inside a run of office words.

Indonesian news writes the speaker's office, the body they serve and its region
before the name, sometimes in appositions (``kata Kepala Dusun X, Kelurahan Y,
Wahyu Wibowo di ...``, ``ujar Ketua Komnas HAM Maluku Benediktus Sarkol``).
The name is the run of name-like words that closes the attribution: read from
the end backwards, it stops at an office word, a region, an acronym or a word
the article uses for a body. A rank or title just before the name (``Komisaris
Besar``, ``Prof``) is not part of the canonical name but is kept as the written
form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...calendar import WEEKDAYS
from ...resolve import PREFIX_TITLES, ROLE_WORDS, fold
from ..types import Entity
from .doc import Doc
from .lexicon import REPORTING_VERBS, is_common_word, is_name_word, regions_by_name, seen_outside_names
from .wordindex import word_index

#: Ranks of more than one word, written before a name (police, military, civil service).
_RANKS = re.compile(
    r"(?:(?:Ajun\s+)?Komisaris\s+(?:Besar\s+)?(?:Polisi\s+)?|(?:Brigadir|Inspektur|Komisaris)\s+Jenderal\s+(?:Polisi\s+)?"
    r"|(?:Letnan|Mayor)\s+Jenderal\s+(?:TNI\s+)?|(?:Letnan\s+)?Kolonel\s+(?:\w+\s+)?|Laksamana\s+(?:Muda\s+|Madya\s+|Pertama\s+)?(?:TNI\s+)?"
    r"|Marsekal\s+(?:Muda\s+|Madya\s+|Pertama\s+)?(?:TNI\s+)?|Inspektur\s+(?:Satu|Dua)\s+|Ajun\s+Komisaris\s+)$"
)
# Where the name part of an attribution ends: the first lower-case word that
# is not a connector inside an office ("Menteri ... Politik, Hukum, dan Keamanan").
_CONNECTORS = frozenset(
    {
        "dan",
        "&",
        "of",
        "for",
        "and",
        "the",
        "bin",
        "binti",
        "van",
        "de",
        "der",
        "al",
        "el",
        "-",
        "/",
    }
)
_WORD = re.compile(r"[^\s,]+|,")
_MAX_NAME_WORDS = 4
_MAX_LEAD_WORDS = 5
_NOT_A_LEAD = frozenset(
    {
        "dia",
        "ia",
        "beliau",
        "mereka",
        "kami",
        "saya",
        "kita",
        "pihak",
        "yang",
        "saat",
        "di",
        "kepada",
    }
)
#: Office words that ROLE_WORDS leaves out, English ones included ("Head of ...", "CEO").
_OFFICE_WORDS = frozenset(
    """head chief ceo cfo coo cto founder pendiri president vice general manager director officer
    regional senior executive koordinator deputi rektor dekan camat lurah jubir kabid kasubdit
    kasatreskrim kapolsek kasat danramil pengamat peneliti ekonom dosen guru""".split()
)
_ORG_CONTEXT = r"(?:di|dari|ke|oleh|pihak|kampus|perusahaan|mahasiswa|kader|partai|organisasi|lembaga)"


@dataclass(frozen=True)
class NamedSpeaker:
    """A name read from an attribution.

    Args:
        name: the name without rank or title ("Gatot Repli Handoko").
        written: the name as written with a rank or title before it, if any.
        start: offset of the name's first character.
        end: offset after the name.
        title_only: the attribution names an office and no person ("kata Menaker").
        words: the words of the attribution chunk read (for title look-ups).
    """

    name: str
    written: str
    start: int
    end: int
    title_only: bool = False
    words: tuple[str, ...] = ()


def read_named_speaker(doc: Doc, begin: int, limit: int) -> NamedSpeaker | None:
    """The speaker named in ``doc.text[begin:limit]``, the text after a speech verb.

    Returns:
        None when the attribution starts with a lower-case word (``kata seorang
        petugas``) or holds no capitalised word.
    """
    text = doc.text
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(text, begin, limit)]
    chunks: list[list[tuple[int, int]]] = [[]]
    lead = 0
    # "kata juru bicara Gugus Tugas ..., Tutuko Raharjo": a lower-case office before the name.
    while lead < min(len(tokens), _MAX_LEAD_WORDS) and text[tokens[lead][0]].islower():
        if text[tokens[lead][0] : tokens[lead][1]].casefold() in _NOT_A_LEAD:
            return None
        lead += 1
    for start, end in tokens[lead:] if lead < len(tokens) and text[tokens[lead][0]].isupper() else tokens:
        word = text[start:end]
        if word == ",":
            chunks.append([])
            continue
        if not (word[0].isupper() or word[0].isdigit() or word[0] in "(-)") and word.casefold() not in _CONNECTORS:
            break
        chunks[-1].append((start, end))
    # "kata Camat X, Kabupaten Y, Ali, Sabtu (...)": trailing dates are not the name.
    named_chunks = [c for c in chunks if _has_name_word(text, c)]
    if not named_chunks:
        return None
    chunk = named_chunks[-1]
    while chunk and not text[chunk[-1][0]].isupper():
        chunk = chunk[:-1]
    if not chunk:
        return None
    named = _name_at_end(doc, chunk)
    first = named_chunks[0]
    if first != chunk and _starts_with_office(text, chunk):
        # "kata Russell Cohen, Regional Head of Operations Grab": the name, then its office.
        before = _name_at_end(doc, first)
        if not before.title_only and before.start == first[0][0]:
            return before
    return named


def _starts_with_office(text: str, chunk: list[tuple[int, int]]) -> bool:
    head = [_key(text[s:e]) for s, e in chunk[:2]]
    return any(w in ROLE_WORDS or w in _OFFICE_WORDS for w in head)


def _has_name_word(text: str, chunk: list[tuple[int, int]]) -> bool:
    return any(text[s].isupper() for s, _ in chunk) and not _is_date_chunk(text, chunk)


def _is_date_chunk(text: str, chunk: list[tuple[int, int]]) -> bool:
    return fold(text[chunk[0][0] : chunk[0][1]]) in WEEKDAYS


def _name_at_end(doc: Doc, chunk: list[tuple[int, int]]) -> NamedSpeaker:
    text = doc.text
    words = [text[s:e].strip(".") or text[s:e] for s, e in chunk]
    if _office_area_at_end(words):
        # "kata Wali Kota Samarinda", "ujar Gubernur Jawa Barat": the office's area, no holder.
        return NamedSpeaker("", "", chunk[0][0], chunk[-1][1], title_only=True, words=tuple(words))
    taken = _covered_by_bodies(doc, chunk[0][0], chunk[-1][1])
    i = len(chunk)
    while i > 0 and len(chunk) - i < _MAX_NAME_WORDS:
        word = words[i - 1]
        following = words[i] if i < len(chunk) else None
        if not _can_be_name(doc, word, words[i - 2] if i > 1 else "", chunk[i - 1][0], taken, following):
            break
        if following is not None and _ends_region(words[:i]):
            # "Ombudsman Papua Barat Yosef": "Barat" closes a region's name.
            break
        i -= 1
    i = _model_adjusted_start(doc, chunk, words, i)
    if i == len(chunk):
        return NamedSpeaker("", "", chunk[0][0], chunk[-1][1], title_only=True, words=tuple(words))
    name_start, name_end = chunk[i][0], chunk[-1][1]
    name = " ".join(text[name_start:name_end].split()).rstrip(".,")
    lead = text[chunk[0][0] : name_start]
    rank = _RANKS.search(lead)
    written = name
    if rank is not None:
        written = " ".join((lead[rank.start() :] + name).split())
    elif i > 0 and _key(words[i - 1]) in PREFIX_TITLES:
        written = f"{words[i - 1]} {name}"
    return NamedSpeaker(name, written, name_start, name_start + len(name), words=tuple(words))


def _model_adjusted_start(doc: Doc, chunk: list[tuple[int, int]], words: list[str], i: int) -> int:
    """The name's first word in ``chunk`` once the model has had its say.

    The words read one by one end at ``i``. Where the model's person name closing the
    chunk starts later, the words between are dropped when each is a region or body
    word to it or to the word lists ("Kementan Sarwo Edhy" stays whole; "Sumbagsel
    Hendrafan Silvianus" loses "Sumbagsel"); where it starts earlier, its words are
    taken when each can be a name ("Hari Nugroho", "Hari" also meaning "day").
    """
    found = doc.model_name_at(chunk[-1][0], "PER")
    if found is None:
        return i
    k = next((n for n, (start, _) in enumerate(chunk) if start >= found.start), len(chunk))
    if k > i and all(_body_word(doc, chunk[n][0], words[n]) or not is_name_word(words[n]) for n in range(i, k)):
        return k
    if k < i and all(
        w[:1].isupper()
        and (is_name_word(w) or is_common_word(w))
        and _key(w) not in ROLE_WORDS
        and _key(w) not in PREFIX_TITLES
        and _key(w) not in _OFFICE_WORDS
        and not _body_word(doc, chunk[n][0], w)
        for n, w in enumerate(words[k:i], start=k)
    ):
        return k
    return i


def _body_word(doc: Doc, offset: int, word: str) -> bool:
    found = doc.model_name_at(offset)
    return (found is not None and found.label in ("LOC", "ORG")) or _key(word) in regions_by_name() or seen_outside_names(word)


def _ends_region(words: list[str]) -> bool:
    regions = regions_by_name()
    return any(" ".join(words[-n:]).casefold() in regions for n in (2, 3) if len(words) >= n)


def _office_area_at_end(words: list[str]) -> bool:
    """The words end with a region written right after an office word."""
    regions = regions_by_name()
    for n in (1, 2, 3):
        if len(words) > n and " ".join(words[-n:]).casefold() in regions and _key(words[-n - 1]) in ROLE_WORDS:
            return True
    return False


def _key(word: str) -> str:
    return fold(word).replace(" ", "")


def _can_be_name(
    doc: Doc,
    word: str,
    previous: str,
    offset: int,
    taken: list[tuple[int, int]],
    following: str | None,
) -> bool:
    """Whether ``word`` can belong to the name; ``following`` is the name's next word (None at the end)."""
    key = _key(word)
    if not key or key in ROLE_WORDS or key in PREFIX_TITLES or key in _OFFICE_WORDS:
        return False
    if word.isupper() and len(word) >= 2:
        # "Mahfud MD": a short upper-case word closing a name is part of it; elsewhere an acronym.
        return following is None and len(word) <= 3 and is_name_word(previous) and not previous.isupper()
    if ("." in word.rstrip(".") and len(word) > 3) or not is_name_word(word) or any(s <= offset < e for s, e in taken):
        return False
    if following is None:
        return True
    return not (key in regions_by_name() or _used_as_body(doc, word) or _closes_other_name(doc, previous, word, following))


def _closes_other_name(doc: Doc, previous: str, word: str, following: str) -> bool:
    """The word and the one before it name something else elsewhere: "Terminal Pulo Gebang,"
    makes "Gebang" in "Pulo Gebang Bernad Pasaribu" part of the place, not the name."""
    if not previous or not previous[0].isupper():
        return False
    return word_index(doc).pair_without(previous, word, following)


def _covered_by_bodies(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    # A body whose mention ends where the attribution ends swallowed the name
    # ("PT Pertamina Sylvia Grace Yuvenna"): it does not count. One running past it
    # ("Partai Demokrat (PD) itu", its bracketed short form trimmed off) does.
    return [(m.start, m.end) for m, e in doc.mentions_overlapping(start, end) if e.kind != "person" and m.end != end]


_AFTER_BODY_CUE = re.compile(rf"\b{_ORG_CONTEXT}\s+(\w+)")


def _used_as_body(doc: Doc, word: str) -> bool:
    """The article uses the word for a body or place elsewhere ("di Tokopedia", "dari Unair").

    The words written after such a cue are collected in one pass over the text,
    so asking about many words costs one scan, not one per word.
    """
    after_cue = doc.derived("words after a body cue", lambda: {m.group(1) for m in _AFTER_BODY_CUE.finditer(doc.text)})
    return word in after_cue if word.isalnum() else re.search(rf"\b{_ORG_CONTEXT}\s+{re.escape(word)}\b", doc.text) is not None


def resolve_speaker(doc: Doc, named: NamedSpeaker) -> Entity:
    """The person a read name refers to, added as a person when the article did not have it.

    A person the persons stage built with office or region words before the
    name ("Maluku Benediktus Sarkol") is not reused: the speaker gets their
    own clean name.
    """
    span = doc.span(named.start, named.end)
    folded = fold(named.name)
    entity = next(
        (e for e in doc.entities if e.kind == "person" and (fold(e.name) == folded or any(fold(a) == folded for a in e.aliases))),
        None,
    )
    if entity is None:
        # "ujar Djoko": the short form of someone introduced in full.
        entity = doc.find_entity(named.name, "person")
        if entity is not None and (not is_clean_name(entity.name) or _glued_to_office(doc.text, entity.name, named)):
            entity = None
    if entity is not None:
        name = entity.name
    else:
        name = _fullest_form(doc.text, named.name, named.start) or named.name
    return _with_written_form(doc, doc.add_entity("person", name, span), named)


def _glued_to_office(text: str, name: str, named: NamedSpeaker) -> bool:
    """The known name is the read one plus the words the reading left out before it."""
    if fold(name) == fold(named.name) or not fold(name).endswith(fold(named.name)):
        return False
    extra = name[: len(name) - len(named.name)].strip()
    return text[: named.start].rstrip().endswith(extra)


def is_clean_name(name: str) -> bool:
    """A person name with no office, region or acronym words before the name proper."""
    words = name.split()
    return all(
        is_name_word(w)
        and _key(w) not in PREFIX_TITLES
        and _key(w) not in ROLE_WORDS
        and _key(w) not in _OFFICE_WORDS
        and (i == len(words) - 1 or _key(w) not in regions_by_name())
        and not (w.isupper() and len(w) > 3)
        for i, w in enumerate(words)
    )


def _with_written_form(doc: Doc, entity: Entity, named: NamedSpeaker) -> Entity:
    if named.written != named.name:
        doc.add_alias(entity, named.written)
    return entity


def _fullest_form(text: str, name: str, before: int) -> str | None:
    """The longest earlier writing of a short name: "Sunggono" → "Sunggono Prasetyo"."""
    best: str | None = None
    pattern = re.compile(rf"\b{re.escape(name)}(?:\s+[A-Z][a-z][\w'’-]*)+")
    for match in pattern.finditer(text, 0, before):
        words = match.group().split()
        while len(words) > len(name.split()) and (_key(words[-1]) in ROLE_WORDS or not is_name_word(words[-1])):
            words.pop()
        form = " ".join(words)
        if len(words) <= _MAX_NAME_WORDS and (best is None or len(form) > len(best)):
            best = form
    return best if best is not None and best != name else None


# -- who "dia" and "-nya" point at ------------------------------------------------

# "menurut Ali", ", lanjut Ali,", "kata Ali": a cue word with the name after it.
_CUE_BEFORE_NAME = re.compile(
    r"\b(?:[Mm]enurut|lanjut|kata|ujar|tutur|imbuh|tambah|jelas|ungkap|terang|papar|sebut|tegas"
    r"|(?:disampaikan|dikatakan|diungkapkan|dijelaskan|ditegaskan|dipaparkan)(?:\s+oleh)?)\s+(?=[A-Z])"
)
_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[,.]\s*|\b(?:[Mm]enurut|lanjut|kata|ujar|tambah)\s*)(?:[Ii]a|[Dd]ia|[Bb]eliau)\b|\b(?:[Mm]enurutnya|lanjutnya|katanya|ujarnya|imbuhnya|tambahnya|pihaknya)\b"
)
_WORDS = re.compile(r"\w+")
_VERB_AFTER = re.compile(r"[\s,]*(?:(?:juga|pun|lalu|kemudian|pun|telah|sudah|akan|masih|tetap|tidak)\s+)*(?P<verb>\w+)")
# How many sentences before a quote are read for its speaker.
_SUBJECT_REACH = 6


def current_speaker(
    doc: Doc,
    offset: int,
    quoted: list[tuple[int, int]],
    floor: int = 0,
    previous: str | None = None,
) -> Entity | None:
    """The person a pronoun cue (``katanya``, ``ia menambahkan``) points at.

    In this genre that is the subject of the last attribution sentence before
    the quote: the person who ``mengatakan``/``menjelaskan`` something, or who
    is named after ``menurut``/``lanjut``. Sentences whose subject is a pronoun
    keep the speaker of the sentence before them. Reading backwards stops at
    ``floor`` (the end of the previous quotation), where the speaker is still
    ``previous`` (a person key).

    Returns:
        The person, or None when nothing before the quote names one.
    """
    index = doc.sentence_index(max(0, offset - 1))
    for step in range(_SUBJECT_REACH):
        if index - step < 0:
            break
        sentence = doc.sentences[index - step]
        start, end = max(sentence.start, floor), min(sentence.end, offset)
        if start < end:
            found = _attributed_subject(doc, start, end, quoted)
            if found is not None:
                return found
        if sentence.start <= floor:
            return doc.extraction.entity(previous) if previous else None
    return None


def _attributed_subject(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> Entity | None:
    text = doc.text
    persons = [
        (m.start, m.end, e) for m, e in doc.mentions_in(start, end, "person") if not any(s <= m.start < q for s, q in quoted)
    ]
    for cue in _CUE_BEFORE_NAME.finditer(text, start, end):
        named = read_named_speaker(doc, cue.end(), _clause_end(text, cue.end(), end))
        if named is not None and not named.title_only:
            return resolve_speaker(doc, named)
        holder = [p for p in persons if p[0] >= cue.end()]
        if holder and holder[0][0] - cue.end() < 80:
            return _cleaned(doc, *holder[0])
    for word in _WORDS.finditer(text, start, end):
        if word.group().casefold() in REPORTING_VERBS:
            before = [p for p in persons if p[1] <= word.start()]
            if before:
                return _cleaned(doc, *before[-1])
            break
    if persons:
        # A person as the subject of the sentence ("Bupati X meninjau ..."): the
        # first mention, when a verb follows it.
        p_start, p_end, entity = persons[0]
        verb = _VERB_AFTER.match(text, p_end)
        if verb and re.match(r"(?:me|ber)\w{3,}", verb["verb"]) and not _PRONOUN_SUBJECT.search(text, start, p_start):
            return _cleaned(doc, p_start, p_end, entity)
    return None


def _cleaned(doc: Doc, start: int, end: int, entity: Entity) -> Entity:
    """The speaker behind a mention whose name took in office or place words
    ("Penyu Nagaraja Cilacap Jumawan" → "Jumawan")."""
    if is_clean_name(entity.name) and len(entity.name.split()) < _MAX_NAME_WORDS:
        return entity
    chunk = [(m.start(), m.end()) for m in _WORD.finditer(doc.text, start, end)]
    if not chunk:
        return entity
    named = _name_at_end(doc, chunk)
    if named.title_only or fold(named.name) == fold(entity.name):
        return entity
    return resolve_speaker(doc, named)


def _clause_end(text: str, begin: int, end: int) -> int:
    stop = re.compile(r",\s+(?=[a-z])|[.;:](?=\s)").search(text, begin, end)
    return stop.start() if stop else end
