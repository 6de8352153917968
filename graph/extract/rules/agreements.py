"""Agreements: nota kesepakatan, MoU, perjanjian kerja sama, named cooperation.

An agreement is named by its instrument ("Nota Kesepakatan", "MoU",
"perjanjian kerja sama") and what it is about ("tentang Peningkatan Kompetensi
SDM") or with whom ("dengan berbagai pihak"). Mentions without a subject of
their own ("kerja sama tersebut", "kesepakatan antara A dengan B") refer to the
agreement already introduced and only add parties to it. Its status comes from
the verb nearest before it: signing, planning or discussing.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from ...resolve import fold
from ..types import Agreement, AgreementStatus
from .dates import keyword_matches
from .doc import Doc
from .lexicon import is_common_word

_INSTRUMENT = re.compile(
    r"\b(?P<head>nota\s+kesepakatan(?:\s+bersama)?|nota\s+kesepahaman|memorandum\s+of\s+understanding"
    r"|perjanjian\s+kerja\s*sama|perjanjian\s+kerjasama|kesepakatan\s+bersama|letter\s+of\s+intent"
    r"|MoU|MOU|LoI|kerja\s*sama|kesepakatan)\b",
    re.IGNORECASE,
)
# Words that make "kerja sama"/"kesepakatan" something else: a unit
# ("Bagian Kerja Sama"), a verb ("bekerja sama") or a vague noun ("sebuah kerja sama").
_INSTRUMENT_HEADS = (
    "nota",
    "memorandum",
    "perjanjian",
    "kesepakatan",
    "letter",
    "mou",
    "loi",
    "kerja",
)
_NOT_AN_AGREEMENT_BEFORE = re.compile(
    r"(?:\b(?:bagian|biro|subbagian|sub\s+bagian|sebuah|suatu|bentuk|semangat|pola|skema|model|peluang|prinsip|be)\s*)$"
    # The last of a unit's listed fields: "Biro Humas, Hukum dan Kerja Sama".
    r"|\b(?:bagian|biro|bidang|subbagian|seksi|divisi|direktorat|deputi|asisten|kepala)\b[\w\s,]{0,40}?(?:\bdan|,)\s*$",
    re.IGNORECASE,
)
_ANAPHORIC_AFTER = re.compile(
    r"\s*(?:ini|itu|tersebut|tadi|yang\s+(?:telah|sudah)\s+(?:ada|terjalin))\b",
    re.IGNORECASE,
)
_ALSO_CALLED = re.compile(r"\s*(?:atau|/)\s+(?P<alt>[A-Z][\w ]+?)(?=\s*[(,.]|\s+(?:dengan|antara|tentang)\b)")
_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Za-z]{2,8})\)")
_TOPIC = re.compile(
    r"\s+(?P<prep>tentang|mengenai|terkait|soal|di\s+bidang|bidang|untuk)\s+(?P<topic>[^,.;:()\"“”\n]+)",
    re.IGNORECASE,
)
_PARTIES = re.compile(r"\s+(?P<prep>dengan|antara)\s+(?P<parties>[^.;:\"“”\n]+)", re.IGNORECASE)
# "Kerja Sama Peningkatan Kompetensi SDM", "kerja sama multi pihak".
_MODIFIER = re.compile(r"\s+(?:[A-Z][\w-]*|multi|lintas|antar)\b(?:\s+(?:[A-Z][\w-]*|pihak|sektor|daerah))*")
# Where a topic or party phrase stops.
_STOPWORDS = re.compile(
    r"\s+(?:pada|di|yang|agar|supaya|guna|sebagai|serta|sehingga|karena|oleh|saat|ketika|untuk|dalam|nantinya|akan|telah|sudah|seperti)\b",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"\b(?:menandatangani|ditandatangani|penandatanganan|meneken|diteken|teken|tandatangani|menyepakati|disepakati|meresmikan)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:akan|rencana|berencana|merencanakan|direncanakan|menawarkan|ditawarkan|tawaran|coba|segera|menjajaki|penjajakan)\b",
    re.IGNORECASE,
)
_DISCUSSED = re.compile(
    r"\b(?:membahas|dibahas|pembahasan|membicarakan|dibicarakan|mendiskusikan|mengusulkan|diusulkan)\b",
    re.IGNORECASE,
)
_MAX_TOPIC_WORDS = 12
_LOWER_SUBJECT = re.compile(
    r"\s+(?!(?:ini|itu|tersebut|tadi|dengan|antara|yang|di|ke|dari|pada|oleh|dan|serta)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*)*"
)
# Signing reported after the instrument: "MoU itu diteken kedua belah pihak". A plan
# ("akan ditandatangani") stays a plan.
_SIGNED_AFTER = re.compile(
    r"\b(?P<plan>(?:akan|rencananya|segera|bakal)\s+)?(?:ditandatangani|diteken|ditanda\s+tangani|diresmikan|disepakati)\b",
    re.IGNORECASE,
)


# Meetings ask for the agreements before the agreements stage runs; each
# document is read once.
_FOUND: WeakKeyDictionary[Doc, list[Agreement]] = WeakKeyDictionary()


def find_agreements(doc: Doc) -> list[Agreement]:
    """Find the agreements ``doc`` reports and add them to ``doc.extraction.agreements``.

    Safe to call twice: the second call returns the first call's result.

    Returns:
        The agreements, in order of first mention.
    """
    if doc in _FOUND:
        return _FOUND[doc]
    agreements: list[Agreement] = []
    _FOUND[doc] = agreements
    text = doc.text
    for match in keyword_matches(_INSTRUMENT, text, _INSTRUMENT_HEADS):
        head = match["head"]
        if _NOT_AN_AGREEMENT_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        end, aliases = match.end(), []
        for pattern in (_ALSO_CALLED, _ACRONYM):
            extra = pattern.match(text, end)
            if extra:
                aliases.append(extra.group(extra.lastgroup or 0).strip())
                end = extra.end()
        if any(e.kind == "organization" for _, e in doc.mentions_overlapping(match.start(), match.end())):
            continue  # "Biro Humas, Hukum dan Kerja Sama BKN": part of a body's name
        if _ANAPHORIC_AFTER.match(text, end):
            if agreements:
                _add_parties(doc, agreements[-1], match.start(), end)
            continue
        subject_end = _subject_end(text, end, head)
        if subject_end is None:
            # No subject of its own: the agreement already introduced, or, for
            # a formal instrument, one named by its parties ("MoU dengan ...").
            parties_end = _parties_end(text, end)
            target = _same_instrument(agreements, head) or (agreements[-1] if agreements else None)
            if target is None and parties_end > end and (not _is_generic(head) or _signed_here(doc, match.start())):
                # "kerja sama dengan BNN" is cooperation, not an agreement, unless it is signed.
                target = _new(doc, agreements, text[match.start() : parties_end], match.start())
            if target is not None:
                _mention(doc, target, match.start(), parties_end, aliases, formal=False)
            continue
        name = _clean(text[match.start() : subject_end])
        target = _merge_target(agreements, name)
        if target is None:
            target = _new(doc, agreements, name, match.start())
        elif _is_generic(_head_of(target.name)) and not _is_generic(head):
            # "Kerja Sama X" in a headline, "Nota Kesepakatan tentang X" in the
            # body: the formal instrument names the agreement.
            target.aliases.append(target.name)
            target.name = name
        _mention(doc, target, match.start(), subject_end, aliases, formal=True)
    return agreements


def _is_generic(head: str) -> bool:
    return fold(head) in {"kerja sama", "kerjasama", "kesepakatan"}


def _head_of(name: str) -> str:
    match = _INSTRUMENT.match(name)
    return match["head"] if match else ""


def _subject_end(text: str, end: int, head: str) -> int | None:
    """Where the agreement's name ends when it says what it is about, else None."""
    topic = _TOPIC.match(text, end)
    if topic and topic["prep"].lower() != "untuk":
        return _phrase_stop(text, topic.start("topic"), topic.end("topic"))
    modifier = _MODIFIER.match(text, end)
    if modifier and not any(is_common_word(w) for w in modifier.group().split()[:1]):
        # ("Kerja sama Beberapa pekan ...": a heading run into the next sentence is no name.)
        return modifier.end()
    if not _is_generic(head):
        # "perjanjian kerja sama perlindungan pekerja rentan": a formal instrument's
        # subject written straight after it, without a preposition.
        direct = _LOWER_SUBJECT.match(text, end)
        if direct:
            return _phrase_stop(text, end + 1, direct.end())
    if fold(head) == "kesepakatan":
        # "kesepakatan hasil evaluasi ... atas ...": a signed text names its content directly.
        direct = re.compile(r"\s+hasil\s+[^,.;:()\"“”\n]+").match(text, end)
        if direct:
            return _phrase_stop(text, end + 1, direct.end())
    return None


def _phrase_stop(text: str, start: int, end: int) -> int:
    """The end of a topic phrase: before a stop word, at most a dozen words."""
    stop = _STOPWORDS.search(text, start, end)
    end = stop.start() if stop else end
    words = list(re.finditer(r"\S+", text[start:end]))[:_MAX_TOPIC_WORDS]
    return start + words[-1].end() if words else start


def _parties_end(text: str, end: int) -> int:
    parties = _PARTIES.match(text, end)
    if parties is None:
        return end
    stop = _STOPWORDS.search(text, parties.start("parties"), parties.end("parties"))
    stop_at = stop.start() if stop else parties.end("parties")
    chunk = text[parties.start("parties") : stop_at]
    # "dengan 8 perusahaan rintisan (startup), yaitu A, B": the phrase before the list.
    cut = re.search(r",\s*(?:yaitu|yakni|antara\s+lain|seperti)\b|\s+\(", chunk)
    if cut:
        stop_at = parties.start("parties") + cut.start()
    return stop_at


def _same_instrument(agreements: list[Agreement], head: str) -> Agreement | None:
    for agreement in reversed(agreements):
        if fold(head) in {fold(a) for a in [agreement.name, *agreement.aliases]}:
            return agreement
    return None


def _merge_target(agreements: list[Agreement], name: str) -> Agreement | None:
    """An agreement already named with the same subject words (acronyms aside)."""
    words = _content_words(name)
    for agreement in agreements:
        for form in [agreement.name, *agreement.aliases]:
            other = _content_words(form)
            if words and other and (len(words & other) / min(len(words), len(other))) >= 0.6:
                return agreement
    return None


_INSTRUMENT_WORDS = set(
    "nota kesepakatan kesepahaman memorandum of understanding mou perjanjian kerja sama kerjasama pks tentang mengenai terkait soal bidang di dengan antara dan".split()
)


def _content_words(name: str) -> set[str]:
    return {w for w in fold(name).split() if w not in _INSTRUMENT_WORDS}


def _new(doc: Doc, agreements: list[Agreement], name: str, offset: int) -> Agreement:
    agreement = Agreement(key=doc.new_key("agreement"), name=_clean(name))
    agreement.status = _status(doc, offset)
    agreements.append(agreement)
    doc.extraction.agreements.append(agreement)
    return agreement


def _mention(
    doc: Doc,
    agreement: Agreement,
    start: int,
    end: int,
    aliases: list[str],
    formal: bool,
) -> None:
    span = doc.span(start, end)
    agreement.evidence.append(span)
    for alias in [_clean(span.text), *aliases, _head_form(span.text)]:
        if alias and fold(alias) != fold(agreement.name) and fold(alias) not in {fold(a) for a in agreement.aliases}:
            agreement.aliases.append(alias)
    status = _status(doc, start)
    # Signing outranks planning outranks discussing: the strongest report
    # stands. A passing back-reference ("membuat kesepakatan antara A dengan
    # B") does not speak for the agreement's state.
    if formal and _RANK[status] > _RANK[agreement.status]:
        agreement.status = status
    _add_parties(doc, agreement, start, end)


_RANK = {"discussed": 0, "planned": 1, "signed": 2}


def _head_form(text: str) -> str:
    match = _INSTRUMENT.match(text)
    return match["head"] if match and not _is_generic(match["head"]) else ""


def _signed_here(doc: Doc, offset: int) -> bool:
    return _status(doc, offset) == "signed"


def _status(doc: Doc, offset: int) -> AgreementStatus:
    """Signed, planned or discussed: the verb nearest before the mention in its sentence,
    else a passive signing verb after it ("MoU tersebut diteken ...")."""
    sentence = doc.sentences[doc.sentence_index(offset)]
    lead = doc.text[sentence.start : offset]
    found: list[tuple[int, AgreementStatus]] = [(m.end(), "signed") for m in _SIGNED.finditer(lead)]
    found += [(m.end(), "planned") for m in _PLANNED.finditer(lead)]
    found += [(m.end(), "discussed") for m in _DISCUSSED.finditer(lead)]
    if found:
        return max(found)[1]
    after = _SIGNED_AFTER.search(doc.text, offset, sentence.end)
    if after:
        return "planned" if after["plan"] else "signed"
    return "discussed"


def _add_parties(doc: Doc, agreement: Agreement | None, start: int, end: int) -> None:
    """Organisations named with the agreement, and the one signing or discussing it."""
    if agreement is None:
        return
    sentence = doc.sentences[doc.sentence_index(start)]
    parties_end = max(end, _parties_end(doc.text, end))
    # The subject: every body before the instrument in a clause joined by "dan", "serta",
    # "bersama" ("Pemprov Jambi dan BPJS Ketenagakerjaan menandatangani ..."), else the first.
    before = doc.entities_in(sentence.start, start, "organization")
    lead = doc.text[sentence.start : start]
    candidates = before if len(before) > 1 and _JOINED_SUBJECTS.search(lead) else before[:1]
    # Named with it: the parties phrase, not a venue later in the sentence ("di Rumah Dinas ...").
    venue = _VENUE_AFTER.search(doc.text, end, sentence.end)
    candidates += doc.entities_in(start, min(parties_end + 200, venue.start() if venue else sentence.end), "organization")
    if not candidates:
        for person in doc.entities_in(sentence.start, start, "person")[:1]:
            candidates += _organisations_of(doc, person.key)
    for entity in candidates:
        if entity.key not in agreement.parties:
            agreement.parties.append(entity.key)


_JOINED_SUBJECTS = re.compile(r"\b(?:dan|serta|bersama|beserta)\b")
_VENUE_AFTER = re.compile(r"\b(?:di|bertempat\s+di)\s+(?=[A-Z])")


def _organisations_of(doc: Doc, person: str) -> list:
    keys = [m.organization for m in doc.extraction.memberships if m.person == person and m.organization]
    return [e for e in (doc.extraction.entity(k) for k in keys) if e is not None]


def _clean(name: str) -> str:
    return " ".join(name.split()).strip(" ,.-")
