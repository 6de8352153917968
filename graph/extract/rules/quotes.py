"""Direct quotations and who said them.

Indonesian news closes a quote with its attribution (``"...," ujar Ali
Fitri.``, ``"...," pungkasnya.``) or opens it with one (``Ali mengatakan,
"..."``, ``Menurut Ali, "..."``). Quote marks are paired from the attribution
outwards: a mark followed by a speech verb, or preceded by a comma, closes a
quote, whatever its shape. That matters because re-assembled corpora write the
opening mark as a closing one at the end of the previous line
(``... bantuan.”\\nSaya minta ...,” kata Presiden``).

A quotation whose speaker cannot be named is left out: an anonymous
``kata petugas`` gives the graph a quote with no creator to hang it on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...resolve import fold
from ..types import Entity, Quote, Span
from .doc import Doc
from .speakers import current_speaker, read_named_speaker, resolve_speaker

QUOTE_MARKS = frozenset('"“”„‟〝〞«»')
_MARK = re.compile("[\"“”„‟〝〞«»’']")

#: Speech verbs, in the bare form used after a quote (``ujar Ali``) and
#: before ``-nya`` (``ujarnya``).
SPEECH_VERBS = frozenset(
    """kata ujar ucap tutur terang ungkap papar sebut lanjut tambah imbuh tegas jelas pungkas
    tandas sambung tukas timpal seru pinta harap aku klaim cetus tutup beber urai kilah jawab
    tanya ajak pesan sindir singgung nilai akui sahut tuding kisah cerita canda keluh bilang
    ulas urainya tulis katakan""".split()
)
#: Verbs that introduce a quote after the speaker (``Ali mengatakan, "..."``).
INTRO_VERBS = frozenset(
    """mengatakan menyatakan menjelaskan mengungkapkan menuturkan menegaskan menambahkan
    menyampaikan menerangkan memaparkan menyebutkan menyebut berujar berkata bertutur
    mengaku mengakui berpesan mengimbau meminta berharap mengingatkan melanjutkan
    menandaskan memungkaskan mengucapkan menilai menjawab bercerita mengisahkan
    menginstruksikan menekankan mengajak menyatakan""".split()
)
PRONOUNS = frozenset({"ia", "dia", "beliau"})

_AFTER_CUE = re.compile(r"\s*,?\s*(?P<word>[a-z]+)\b")
# A full stop ends the attribution unless it closes an initial or a title ("M.", "Drs.").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bDr)(?<!\bIr)(?<!\bDrs)(?<!\bHj)(?<!\bProf)(?<!\bMuh)(?<!\bMoh)[.!?](?=\s|$)|\n")
# How far an attribution may run after the quote before the sentence is over.
_CUE_WINDOW = 200
# A quote with no attribution continues the previous speaker only this close by.
_CONTINUATION_GAP = 400


@dataclass
class _Pair:
    """The offsets of an opening and a closing mark (opening -1 when missing)."""

    open: int
    close: int
    cue_after: bool


def find_quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Direct quotations as ``(start, end, attributed_after)`` over the text inside the marks.

    Args:
        text: the article text.

    Returns:
        Inner spans trimmed of whitespace, in order; ``attributed_after`` says
        the closing mark is followed by a speech verb or pronoun cue.
    """
    spans = []
    for pair in _pair_marks(text):
        start = pair.open + 1 if pair.open >= 0 else _line_start(text, pair.close)
        start, end = _trim(text, start, pair.close)
        if end <= start:
            continue
        words = len(text[start:end].split())
        # Scare quotes around a name or term ('program "Jakarta Ramah Bersepeda"')
        # are short and unattributed; a real quotation is neither.
        # A short answer closed by its own punctuation and a speech verb is still quoted speech
        # ('"Kami siap," ujar Ridwan').
        punctuated = text[: pair.close].rstrip()[-1:] in (",", ".", "!", "?")
        if words >= (2 if punctuated else 3) if pair.cue_after else (words >= 4 and _has_clause_end(text[start:end])):
            spans.append((start, end, pair.cue_after))
    return spans


def find_quotes(doc: Doc) -> list[Quote]:
    """Find the direct quotations in ``doc`` and attribute each to a speaker.

    Speakers are persons: one named after the quote (``kata Ali``), before it
    (``Ali mengatakan,``), by a pronoun cue (``katanya``, ``ia menambahkan``)
    resolved to the most recent person, or, for a quote with no cue right
    after another, the previous speaker. A speaker the persons stage missed is
    added as a person. Results are stored in ``doc.extraction.quotes``.

    Returns:
        The quotes found (only those with a speaker).
    """
    quotes: list[Quote] = []
    previous: Quote | None = None
    spans = find_quote_spans(doc.text)
    quoted = [(start, end) for start, end, _ in spans]
    for start, end, _ in spans:
        speaker, cue = _attribute(doc, start, end, previous, quoted)
        if speaker is None:
            continue
        quote = Quote(
            text=doc.text[start:end],
            span=doc.span(start, end),
            speaker=speaker.key,
            cue=cue,
        )
        quotes.append(quote)
        previous = quote
    doc.extraction.quotes.extend(quotes)
    return quotes


# -- pairing marks -------------------------------------------------------------


def _pair_marks(text: str) -> list[_Pair]:
    marks = [m.start() for m in _MARK.finditer(text) if m.group() in QUOTE_MARKS or _single_closes(text, m.start())]
    pairs: list[_Pair] = []
    opening: int | None = None
    for i in marks:
        cue = _cue_follows(text, i)
        closing = cue or _comma_before(text, i)
        if opening is not None and text[i] == "“" and not closing:
            # A left mark always opens: the pending one was closed by a mark
            # we do not pair (a stray or a single quote).
            opening = i
        elif opening is None and text[i] in "’'":
            continue
        elif opening is None and closing and (cue or _ends_line_before(text, i)):
            # A closing mark with no opening: the opening got lost (scraped
            # text) or was written on another line; the quote starts its line.
            pairs.append(_Pair(-1, i, cue))
        elif opening is None:
            opening = i
        else:
            pairs.append(_Pair(opening, i, cue))
            opening = None
    return pairs


def _single_closes(text: str, i: int) -> bool:
    # Some writers close a double-quoted speech with a single mark: ',’ kata Heri'.
    return _comma_before(text, i) and _cue_follows(text, i)


def _cue_follows(text: str, i: int) -> bool:
    match = _AFTER_CUE.match(text, i + 1)
    if match is None:
        return False
    word = match["word"]
    return (
        word in SPEECH_VERBS
        or word == "menurut"
        or _is_nya_cue(word)
        or (word in PRONOUNS and re.match(r"\s+me\w+", text[match.end() :]) is not None)
    )


def _is_nya_cue(word: str) -> bool:
    return word.endswith("nya") and word[:-3] in SPEECH_VERBS


def _comma_before(text: str, i: int) -> bool:
    # 'kata dia, "Kami ...' opens after a comma; only a mark not followed by a word closes.
    if i + 1 < len(text) and text[i + 1].isalnum():
        return False
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and text[j] == ","


def _ends_line_before(text: str, i: int) -> bool:
    return "\n" not in text[_line_start(text, i) : i] and _line_start(text, i) < i


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _has_clause_end(quote: str) -> bool:
    return bool(re.search(r"[.!?]", quote)) or len(quote.split()) >= 8


# -- attribution -----------------------------------------------------------------


def _attribute(
    doc: Doc,
    start: int,
    end: int,
    previous: Quote | None,
    quoted: list[tuple[int, int]],
) -> tuple[Entity | None, Span | None]:
    close = _closing_mark(doc.text, end)
    found = _after_quote(doc, start, close, previous, quoted)
    if found[0] is not None:
        return found
    found = _before_quote(doc, start, previous, quoted)
    if found[0] is not None:
        return found
    if previous is not None and previous.speaker and _continues(doc.text, previous.span.end, start):
        return doc.extraction.entity(previous.speaker), None
    return None, None


def _closing_mark(text: str, end: int) -> int:
    i = end
    while i < len(text) and text[i] not in QUOTE_MARKS and text[i] not in "’'":
        i += 1
    return i


def _after_quote(
    doc: Doc,
    start: int,
    close: int,
    previous: Quote | None,
    quoted: list[tuple[int, int]],
) -> tuple[Entity | None, Span | None]:
    text = doc.text
    match = _AFTER_CUE.match(text, close + 1)
    if match is None:
        return None, None
    word = match["word"]
    cue_start = match.start("word")
    if _is_nya_cue(word):
        return _pronoun_target(doc, start, quoted, previous), doc.span(cue_start, match.end())
    if word in PRONOUNS:
        verb = re.match(r"\s+me\w+", text[match.end() :])
        if verb is None:
            return None, None
        return _pronoun_target(doc, start, quoted, previous), doc.span(cue_start, match.end() + verb.end())
    if word not in SPEECH_VERBS and word != "menurut":
        return None, None
    limit = _sentence_end(text, match.end())
    rest = text[match.end() : limit]
    pronoun = re.match(r"\s+(?:dia|ia|beliau)\b", rest)
    if pronoun:
        return _pronoun_target(doc, start, quoted, previous), doc.span(cue_start, match.end() + pronoun.end())
    speaker, name_end = _named_after(doc, match.end(), limit, previous)
    if speaker is None:
        # "tegas politikus PKB itu", "ujar mantan Wali Kota Solo tersebut": a description
        # closed by a demonstrative refers back, as a pronoun does.
        described = _DESCRIBED_BACK.match(rest)
        if described is None:
            return None, None
        return _pronoun_target(doc, start, quoted, previous), doc.span(cue_start, match.end() + described.end())
    return speaker, doc.span(cue_start, name_end)


#: A short description after a speech verb that ends in "itu"/"tersebut" (bounded: linear).
_DESCRIBED_BACK = re.compile(r"\s+[^\W\d][\w.'’()-]*(?:\s+[\w.'’()-]+){0,7}?\s+(?:itu|tersebut)\b(?=\s*[.,;!?]|\s*$)")


def _named_after(doc: Doc, begin: int, limit: int, previous: Quote | None) -> tuple[Entity | None, int]:
    """The person named in an attribution: ``ujar Kepala Dinas X, Ali Fitri saat ...``."""
    named = read_named_speaker(doc, begin, limit)
    if named is None:
        return None, begin
    if named.title_only:
        # A title alone ("kata Menaker"): the official who holds it, or the
        # previous speaker when the article keeps calling them by it.
        return _person_by_title(doc, list(named.words), begin, previous), named.end
    return resolve_speaker(doc, named), named.end


def _person_by_title(doc: Doc, words: list[str], offset: int, previous: Quote | None) -> Entity | None:
    title = fold(" ".join(words))
    best = None
    for membership in doc.extraction.memberships:
        evidence = [s for s in membership.evidence if s.start < offset]
        role = fold(membership.role)
        if evidence and (role.startswith(title) or any(title in fold(s.text) for s in evidence)):
            if best is None or evidence[-1].start > best[0]:
                best = (evidence[-1].start, membership.person)
    if best is not None:
        return doc.extraction.entity(best[1])
    if previous is not None and previous.cue is not None and title in fold(previous.cue.text):
        return doc.extraction.entity(previous.speaker or "")
    return None


def _before_quote(
    doc: Doc, start: int, previous: Quote | None, quoted: list[tuple[int, int]]
) -> tuple[Entity | None, Span | None]:
    """``Ali mengatakan, "..."`` / ``Menurut Ali, "..."`` / ``Ia menegaskan: "..."``."""
    text = doc.text
    mark = start - 1
    while mark > 0 and text[mark] not in QUOTE_MARKS:
        mark -= 1
    # The sentence stage may cut at the quote mark, so find the lead-in's start here.
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n", text[max(0, mark - 300) : mark])]
    lead_start = max(0, mark - 300) + (ends[-1] if ends else 0)
    if previous is not None:
        lead_start = max(lead_start, previous.span.end + 1)
    lead = text[lead_start:mark]
    stripped = lead.rstrip()
    if not stripped.endswith((",", ":")):
        return None, None
    words = [w.strip(",:").casefold() for w in stripped.split()]
    has_cue = any(w in INTRO_VERBS for w in words[-4:]) or "menurut" in words
    if not has_cue:
        return None, None
    cue = doc.span(lead_start + len(lead) - len(lead.lstrip()), lead_start + len(stripped))
    persons = doc.entities_in(lead_start, mark, "person")
    if persons:
        return persons[-1], cue
    if re.search(r"\b(?:[Ii]a|[Dd]ia|[Bb]eliau|[Mm]enurutnya)\b", lead):
        return _pronoun_target(doc, mark, quoted, previous), cue
    return None, None


def _pronoun_target(doc: Doc, offset: int, quoted: list[tuple[int, int]], previous: Quote | None) -> Entity | None:
    """The person a pronoun cue points at: the subject of the attribution before the quote,
    else the last person named before it."""
    mark = offset - 1
    while mark > 0 and doc.text[mark] not in QUOTE_MARKS and offset - mark < 3:
        mark -= 1
    floor = _closing_mark(doc.text, previous.span.end) + 1 if previous is not None else 0
    found = current_speaker(
        doc,
        min(mark + 1, offset),
        quoted,
        floor,
        previous.speaker if previous else None,
    )
    return found if found is not None else _most_recent_person(doc, offset, quoted)


def _most_recent_person(doc: Doc, offset: int, quoted: list[tuple[int, int]]) -> Entity | None:
    """The last person named before ``offset``.

    Names inside quotations are talked about, not speaking, so they do not count.
    """
    best: tuple[int, Entity] | None = None
    for entity in doc.entities:
        if entity.kind != "person":
            continue
        starts = [m.start for m in entity.mentions if m.start < offset and not _inside(m.start, quoted)]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), entity)
    return best[1] if best else None


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _continues(text: str, previous_end: int, start: int) -> bool:
    """A quote right after another with nothing but a cue between continues it."""
    gap = text[previous_end:start]
    return len(gap) <= _CONTINUATION_GAP and gap.count("\n") <= 2 and not re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", gap[20:])


def _sentence_end(text: str, offset: int) -> int:
    limit = min(len(text), offset + _CUE_WINDOW)
    match = _SENTENCE_END.search(text, offset, limit)
    end = match.start() if match else limit
    for i in range(offset, end):
        if text[i] in QUOTE_MARKS:
            return i
    return end
