"""Meetings and other reported gatherings, with date, time, venue and attendees.

A gathering is named by a noun (``rapat paripurna``, ``audiensi``,
``pelantikan``), a verb (``bertemu``, ``dilantik``, ``meresmikan``) or an
event someone attends (``menghadiri Hari Perhubungan Nasional``). One report
usually names the same gathering several times ("memimpin rapat terbatas ...
Dalam rapat yang digelar ... Senin (16/9/19)"), so mentions are merged: a bare
or demonstrative noun (``rapat``, ``rapat tersebut``) refers to the last
gathering of its family, and a qualified noun repeated with a compatible date
is the same gathering. A gathering is kept when it has a date, or when a noun
reports it taking place (``dalam rapat pimpinan``) rather than mentioning the
idea of it (``menggagas rapat koordinasi setahun tiga kali``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...resolve import fold
from ..types import Agreement, Meeting, Program
from .agreements import find_agreements
from .dates import find_dates, find_times, keyword_matches, reference_date
from .doc import Doc
from .programs import find_programs
from .quotes import find_quote_spans

_RAPAT_QUALIFIERS = (
    r"paripurna|pimpinan|koordinasi|terbatas|kerja|dengar\s+pendapat|evaluasi|pleno|internal|gabungan"
    r"|khusus|konsultasi|persiapan|perdana|teknis|tertutup|virtual|daring|anggaran|banggar|komisi"
)
# Each pattern opens with a class of its possible first letters: the scan skips
# other positions without entering the alternation (about twice as fast).
_NOUN = re.compile(
    rf"\b(?=[rRsSpPaAkKhHmMcCjJuUlLwWfFdDtTgG])(?:(?P<rapat>rapat|sidang)(?:\s+(?P<qual>{_RAPAT_QUALIFIERS}|kabinet))?"
    r"|(?P<abbr>rakor\w*|rapim|ratas|musrenbang|kunker|paripurna|raker(?:nas|da|wil)?|rdp)"
    r"|(?P<noun>pertemuan|audiensi|kunjungan\s+kerja|pelantikan|penandatanganan|peresmian|peluncuran"
    r"|halalbihalal|halal\s+bihalal|mutasi|silaturahmi|silaturahim|konferensi\s+pers|jumpa\s+pers"
    r"|kongres|muktamar|munas|musyawarah\s+nasional|upacara|apel|seminar|lokakarya|webinar|sarasehan"
    r"|focus\s+group\s+discussion|FGD|temu\s+(?:ramah|wicara)|dialog|diskusi|peringatan(?=\s+Hari\b)"
    r"|debat|deklarasi|jamuan\s+makan(?:\s+(?:malam|siang|pagi))?|makan\s+(?:malam|siang)\s+bersama"
    r"|acara|kegiatan))\b",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"(?=[bBmMdD])\b(?P<verb>bertemu|menemui|menerima\s+(?:kunjungan|audiensi|kedatangan)|melantik|dilantik"
    r"|bersilaturahmi|bersilaturahim|berdialog|berkunjung|mengunjungi|dikunjungi"
    r"|menandatangani|ditandatangani|meneken|diteken|meresmikan|diresmikan|meluncurkan|diluncurkan)\b",
    re.IGNORECASE,
)
# "menghadiri Hari Perhubungan Nasional tingkat Provinsi": an event by its name.
_ATTEND = re.compile(
    r"(?=[MmHh])\b(?:[Mm]enghadiri|[Hh]adiri|[Mm]enghadiri\s+acara)\s+(?P<event>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|tingkat|ke-?\d+))+)"
)
# The words a noun or verb match starts with, for keyword_matches.
_NOUN_WORDS = (
    "rapat", "sidang", "rakor", "rapim", "ratas", "musrenbang", "kunker", "paripurna", "pertemuan", "audiensi",
    "kunjungan", "pelantikan", "penandatanganan", "peresmian", "peluncuran", "halal", "mutasi", "raker", "rdp",
    "silaturahmi", "silaturahim", "konferensi", "jumpa", "kongres", "muktamar", "munas", "musyawarah", "upacara",
    "apel", "seminar", "lokakarya", "webinar", "sarasehan", "focus", "fgd", "temu", "dialog", "diskusi",
    "peringatan", "acara", "kegiatan", "debat", "deklarasi", "jamuan", "makan",
)  # fmt: skip
_VERB_WORDS = (
    "bertemu", "menemui", "menerima", "melantik", "dilantik", "bersilaturahmi", "bersilaturahim", "berdialog",
    "berkunjung", "mengunjungi", "dikunjungi", "menandatangani", "ditandatangani", "meneken",
    "diteken", "meresmikan", "diresmikan", "meluncurkan", "diluncurkan",
)  # fmt: skip
_ABBREVIATIONS = {
    "raker": ("rapat", "kerja"),
    "rakernas": ("rapat", "kerja"),
    "rakerda": ("rapat", "kerja"),
    "rakerwil": ("rapat", "kerja"),
    "rdp": ("rapat", "dengar pendapat"),
    "rapim": ("rapat", "pimpinan"),
    "ratas": ("rapat", "terbatas"),
    "paripurna": ("rapat", "paripurna"),
    "kunker": ("kunjungan kerja", None),
    "musrenbang": ("musrenbang", None),
}
_VERB_KINDS = {
    "bersilaturahmi": "silaturahmi",
    "bersilaturahim": "silaturahmi",
    "berdialog": "dialog",
    "berkunjung": "kunjungan kerja",
    "mengunjungi": "kunjungan kerja",
    "dikunjungi": "kunjungan kerja",
    "bertemu": "pertemuan",
    "menemui": "pertemuan",
    "menerima": "audiensi",
    "melantik": "pelantikan",
    "dilantik": "pelantikan",
    "menandatangani": "penandatanganan",
    "ditandatangani": "penandatanganan",
    "meneken": "penandatanganan",
    "diteken": "penandatanganan",
    "meresmikan": "peresmian",
    "diresmikan": "peresmian",
    "meluncurkan": "peluncuran",
    "diluncurkan": "peluncuran",
}
# Kinds that name the same sort of gathering for merging.
_FAMILY = {
    "silaturahim": "silaturahmi",
    "jumpa pers": "konferensi pers",
    "focus group discussion": "fgd",
    "peluncuran": "peresmian",
    "sidang": "rapat",
    "halal bihalal": "halalbihalal",
}
# Nouns that only count with a date: they also name procedures, not gatherings.
_DATED_ONLY = {
    "mutasi", "pelantikan", "penandatanganan", "peluncuran", "peresmian", "silaturahmi", "silaturahim", "upacara",
    "apel", "seminar", "lokakarya", "webinar", "sarasehan", "fgd", "focus group discussion", "dialog", "diskusi",
    "kunjungan kerja", "kongres", "muktamar", "munas", "musyawarah nasional", "konferensi pers", "jumpa pers",
    "temu ramah", "temu wicara", "peringatan", "debat", "deklarasi", "jamuan makan", "jamuan makan malam",
    "jamuan makan siang", "jamuan makan pagi", "makan malam bersama", "makan siang bersama",
}  # fmt: skip
# Words that name a gathering only when they point back at one already reported
# ("dalam acara itu", "kegiatan tersebut"); such a mention joins the last gathering
# whatever it was called ("audiensi ... Dalam pertemuan itu").
_BACK_REFERENCE_ONLY = {"acara", "kegiatan"}
_GENERIC = {"pertemuan", "acara", "kegiatan"}
# The noun is part of a place or a document, not a gathering.
_NOT_A_GATHERING_BEFORE = re.compile(
    r"\b(?:ruang|gedung|meja|bahan|materi|notulen|notula|persetujuan|permohonan|rekomendasi|rencana|surat"
    r"|undangan|usulan|jadwal|tata\s+tertib|perihal|izin|berita\s+acara|biaya|anggaran)\s*$",
    re.IGNORECASE,
)
_DEMONSTRATIVE_AFTER = re.compile(
    r"\s*,?\s*(?:ini|itu|tersebut|tadi|kali\s+ini|yang\s+(?:digelar|berlangsung|dilaksanakan|diadakan|dihadiri))\b",
    re.IGNORECASE,
)
# A noun reporting a gathering that took place, rather than the idea of one.
_REPORTING_BEFORE = re.compile(
    r"\b(?:dalam|pada|saat|ketika|usai|seusai|selepas|setelah|menggelar|digelar|memimpin|dipimpin|pimpin"
    r"|menghadiri|hadiri|mengikuti|melakukan|mengadakan|menyelenggarakan|membuka|acara|agenda)\s+$",
    re.IGNORECASE,
)
_AGREEMENT_NEAR = re.compile(
    r"\b(?:nota|mou|memorandum|perjanjian|kesepakatan|kerja\s*sama|pks)\b",
    re.IGNORECASE,
)
# "Hadir pula ...", "Bima didampingi Kepala Dinas ...": the people named came to the gathering.
_PRESENT = re.compile(
    r"(?=[HhdDTtm])\b(?:[Hh]adir|dihadiri|[Tt]urut\s+hadir|[Tt]ampak\s+hadir|[Hh]adir\s+pula|[Tt]urut\s+serta"
    r"|didampingi|[Tt]urut\s+mendampingi)\b"
)
_VENUE = re.compile(
    r"\b(?:di|bertempat\s+di)\s+(?P<venue>(?:Ruang|Gedung|Aula|Balai|Balaikota|Kantor|Hotel|Istana|Pendopo|Pendapa|Rumah\s+Dinas"
    r"|Rumah\s+Jabatan|Wisma|Graha|Kompleks|Auditorium|Lapangan|Monumen|Markas|Masjid|Mapolda|Mapolres|Taman"
    r"|ruang\s+kerja|ruang\s+rapat|ruang|gedung|kantor|aula|rumah\s+dinas|pendopo)"
    r"(?:\s+(?!Kota\b|Kabupaten\b|Kab\.|Provinsi\b)(?:[A-Z][\w'’.-]*|\d+))*)"
    r"(?P<more>,\s+(?:Gedung|Balai|Kantor|Kompleks|Komplek|Wisma|Graha)(?:\s+[A-Z][\w'’.-]*)+)?"
)
_TOPIC = re.compile(
    r"\b(?:membahas|untuk\s+membahas|terkait|tentang|mengenai|dengan\s+agenda|beragendakan)\s+(?P<topic>[^,.;:\"“”\n]+)",
    re.IGNORECASE,
)
_MAX_TOPIC_WORDS = 12
# How far (in sentences) a gathering looks for its date when its own sentence gives none.
_DATE_REACH = 1
# Sittings of a council (DPR, DPRD): the council takes part.
_COUNCIL_SITTINGS = frozenset({"paripurna", "dengar pendapat", "banggar", "anggaran", "komisi"})
# Sentences that make up a report's lead.
_LEAD_SENTENCES = 2
# "Kabid Mutasi", "Kepala Bagian Rapat": the noun names a unit in an office, not a gathering.
_UNIT_BEFORE = re.compile(r"\b(?:Kabid|Kasi|Kasubag|Kasubbag|Kabag|Bidang|Seksi|Bagian|Subbagian|Sub|Biro|Subdit)\s+$")


@dataclass
class _Mention:
    start: int
    end: int
    kind: str
    qualifier: str | None
    sentence: int
    anaphoric: bool
    reported: bool
    label: str
    date: str | None = None


@dataclass
class _Gathering:
    meeting: Meeting
    family: str
    qualifier: str | None
    sentences: set[int] = field(default_factory=set)


def find_meetings(doc: Doc) -> list[Meeting]:
    """Find the gatherings ``doc`` reports and add them to ``doc.extraction.meetings``.

    Agreements and programmes are found first (once) so a meeting can point
    at what it was about.

    Returns:
        The meetings, one per reported gathering.
    """
    agreements = find_agreements(doc)
    programs = find_programs(doc)
    reference = reference_date(doc.article.date)
    quoted = [(s, e) for s, e, _ in find_quote_spans(doc.text)]
    dates = [d for d in find_dates(doc.text, reference) if d.date]
    mentions = _mentions(doc, quoted)
    _date_mentions(doc, mentions, dates)
    if mentions and not mentions[0].date and mentions[0].sentence < _LEAD_SENTENCES and dates:
        # The report opens on the gathering it is about ("Gubernur X melakukan
        # penandatanganan ..."), dated later in the text by the report's first date.
        mentions[0].date = dates[0].date

    gatherings: list[_Gathering] = []
    for mention in mentions:
        target = _merge_target(gatherings, mention)
        if target is None:
            if not (mention.date or (mention.reported and mention.kind not in _DATED_ONLY)):
                continue
            target = _Gathering(
                Meeting(key="", kind=mention.kind, name=mention.label),
                _family(mention.kind),
                mention.qualifier,
            )
            gatherings.append(target)
        if mention.date and not target.meeting.date:
            target.meeting.date = mention.date
        target.sentences.add(mention.sentence)
        target.meeting.evidence.append(doc.span(mention.start, mention.end))

    if gatherings and not gatherings[0].meeting.date and dates:
        # The lead gathering of a report took place on the report's first date.
        gatherings[0].meeting.date = dates[0].date
    _attach_presence(doc, gatherings)
    meetings = []
    topics: list[Agreement | Program] = [*agreements, *programs]
    for gathering in gatherings:
        meeting = gathering.meeting
        meeting.key = doc.new_key("meeting")
        _describe(doc, gathering, quoted, gathering is gatherings[0])
        meeting.about = [
            item.key
            for item in topics
            if any(
                span.sentence in gathering.sentences or doc.sentence_index(span.start) in gathering.sentences
                for span in item.evidence
            )
        ]
        meetings.append(meeting)
    doc.extraction.meetings.extend(meetings)
    return meetings


# -- mentions ----------------------------------------------------------------------


def _mentions(doc: Doc, quoted: list[tuple[int, int]]) -> list[_Mention]:
    text = doc.text
    found: list[_Mention] = []
    for match in keyword_matches(_NOUN, text, _NOUN_WORDS):
        if (
            _inside(match.start(), quoted)
            or _UNIT_BEFORE.search(text, max(0, match.start() - 12), match.start())
            or _NOT_A_GATHERING_BEFORE.search(text[max(0, match.start() - 25) : match.start()])
        ):
            continue
        kind, qualifier = _noun_kind(match)
        bare = match["rapat"] is not None and qualifier is None
        demonstrative = bool(_DEMONSTRATIVE_AFTER.match(text, match.end()))
        if kind in _BACK_REFERENCE_ONLY and not demonstrative:
            continue
        anaphoric = demonstrative or bare
        reported = bool(_REPORTING_BEFORE.search(text[max(0, match.start() - 30) : match.start()]))
        found.append(_mention(doc, match.start(), match.end(), kind, qualifier, anaphoric, reported))
    for match in keyword_matches(_VERB, text, _VERB_WORDS):
        if _inside(match.start(), quoted):
            continue
        kind = _VERB_KINDS[match["verb"].split()[0].lower()]
        if kind == "penandatanganan" and not _AGREEMENT_NEAR.search(text, match.end(), match.end() + 60):
            continue
        found.append(_mention(doc, match.start(), match.end(), kind, None, False, False))
    for match in _ATTEND.finditer(text) if "hadiri" in text else ():
        if _inside(match.start(), quoted) or _NOUN.match(match["event"]):
            continue
        mention = _mention(
            doc,
            match.start("event"),
            match.end("event"),
            "acara",
            match["event"],
            False,
            True,
        )
        mention.label = match["event"]
        found.append(mention)
    found.sort(key=lambda m: m.start)
    return _one_per_sentence(found)


def _noun_kind(match: re.Match[str]) -> tuple[str, str | None]:
    if match["rapat"]:
        qualifier = " ".join(match["qual"].lower().split()) if match["qual"] else None
        return "rapat", qualifier
    if match["abbr"]:
        word = match["abbr"].lower()
        if word.startswith("rakor"):
            return "rapat", "koordinasi"
        return _ABBREVIATIONS.get(word, (word, None))
    return " ".join(match["noun"].lower().split()), None


def _mention(
    doc: Doc,
    start: int,
    end: int,
    kind: str,
    qualifier: str | None,
    anaphoric: bool,
    reported: bool,
) -> _Mention:
    label = kind.capitalize() + (f" {qualifier}" if qualifier else "")
    return _Mention(
        start,
        end,
        kind,
        qualifier,
        doc.sentence_index(start),
        anaphoric,
        reported,
        label,
    )


def _one_per_sentence(mentions: list[_Mention]) -> list[_Mention]:
    """A sentence reports one gathering: keep its first named one, plus demonstratives."""
    kept: list[_Mention] = []
    named_in: set[int] = set()
    for mention in mentions:
        if not mention.anaphoric:
            if mention.sentence in named_in:
                continue
            named_in.add(mention.sentence)
        kept.append(mention)
    return kept


def _date_mentions(doc: Doc, mentions: list[_Mention], dates) -> None:
    """Give each mention the date its sentence states, else a neighbour's unclaimed one."""
    by_sentence: dict[int, list] = {}
    for found in dates:
        by_sentence.setdefault(doc.sentence_index(found.start), []).append(found)
    claimed: set[int] = set()
    in_sentence: dict[int, list[_Mention]] = {}
    for mention in mentions:
        in_sentence.setdefault(mention.sentence, []).append(mention)
    for mention in mentions:
        own = by_sentence.get(mention.sentence, [])
        # A date belongs to the event written nearest to it: in "kehadiran rapat, dari anggota
        # yang dilantik 26 Agustus lalu" the date is the swearing-in's, not the meeting's.
        own = [d for d in own if min(in_sentence[mention.sentence], key=lambda m: _distance(m, d)) is mention]
        if own:
            nearest = min(own, key=lambda d: _distance(mention, d))
            mention.date = nearest.date
            claimed.add(mention.sentence)
    named_sentences = {m.sentence for m in mentions}
    for mention in mentions:
        if mention.date or mention.anaphoric:
            continue
        for step in range(1, _DATE_REACH + 1):
            for neighbour in (mention.sentence + step, mention.sentence - step):
                if neighbour in by_sentence and neighbour not in claimed and neighbour not in named_sentences:
                    mention.date = by_sentence[neighbour][0].date
                    claimed.add(neighbour)
                    break
            if mention.date:
                break


def _distance(mention: _Mention, found) -> int:
    return found.start - mention.end if found.start >= mention.end else max(0, mention.start - found.end)


def _family(kind: str) -> str:
    return _FAMILY.get(kind, kind)


def _merge_target(gatherings: list[_Gathering], mention: _Mention) -> _Gathering | None:
    family = _family(mention.kind)
    if mention.anaphoric and mention.kind in _GENERIC and gatherings and mention.qualifier is None:
        last = gatherings[-1]
        if not mention.date or not last.meeting.date or mention.date == last.meeting.date:
            return last
    for gathering in reversed(gatherings):
        if gathering.family != family:
            continue
        dates_agree = not mention.date or not gathering.meeting.date or mention.date == gathering.meeting.date
        if mention.anaphoric and dates_agree:
            return gathering
        if (mention.qualifier == gathering.qualifier or mention.qualifier is None or family == "peresmian") and dates_agree:
            return gathering
    return None


# -- description -------------------------------------------------------------------


def _attach_presence(doc: Doc, gatherings: list[_Gathering]) -> None:
    """ "Hadir dalam kesempatan itu ...": the attendance list joins the gathering before it."""
    if not gatherings:
        return
    for index in sorted({doc.sentence_index(m.start()) for m in _PRESENT.finditer(doc.text)}):
        before = [g for g in gatherings if min(g.sentences) < index] or [g for g in gatherings if min(g.sentences) <= index]
        (before[-1] if before else gatherings[0]).sentences.add(index)


def _describe(doc: Doc, gathering: _Gathering, quoted: list[tuple[int, int]], lead: bool) -> None:
    meeting = gathering.meeting
    sentences = sorted(gathering.sentences)
    attendees: list[str] = []
    for index in sentences:
        sentence = doc.sentences[index]
        for entity in doc.entities_in(sentence.start, sentence.end):
            if entity.kind == "place" or entity.key in attendees:
                continue
            here = [m for m in entity.mentions if sentence.start <= m.start < sentence.end]
            if all(_inside(m.start, quoted) for m in here):
                continue
            if all(_only_talked_about(doc, sentence.start, m.start) for m in here):
                continue  # "rapat membahas rekomendasi KASN": the body is the topic, not present
            attendees.append(entity.key)
    if lead:
        # The people a report quotes spoke at the gathering it leads with.
        attendees += [q.speaker for q in doc.extraction.quotes if q.speaker and q.speaker not in attendees]
    if gathering.qualifier in _COUNCIL_SITTINGS:
        # A plenary or hearing is a sitting of the council the article names.
        attendees += [e.key for e in doc.entities if e.org_type == "legislature" and e.key not in attendees][:1]
    for membership in doc.extraction.memberships:
        # Officials attend for the body they serve.
        if membership.person in attendees and membership.organization and membership.organization not in attendees:
            attendees.append(membership.organization)
    meeting.attendees = attendees
    for index in sentences:
        sentence = doc.sentences[index]
        _venue(doc, meeting, sentence.start, sentence.end)
        _time(doc, meeting, sentence.start, sentence.end)
        _topic(doc, meeting, sentence.start, sentence.end)


# A clause that names what a gathering was about, not who came.
_ABOUT_BEFORE = re.compile(
    r"\b(?:membahas|dibahas|tentang|mengenai|soal)\b[^,;:.()]*$",
    re.IGNORECASE,
)


def _only_talked_about(doc: Doc, sentence_start: int, offset: int) -> bool:
    """The mention sits in the clause that says what the gathering discussed."""
    return _ABOUT_BEFORE.search(doc.text, sentence_start, offset) is not None


def _venue(doc: Doc, meeting: Meeting, start: int, end: int) -> None:
    if meeting.location:
        return
    match = _VENUE.search(doc.text, start, end)
    if match is None or len(match["venue"].split()) < 2:
        return
    name = match["venue"].rstrip(".,")
    aliases = [name + match["more"]] if match["more"] else []
    span = doc.span(match.start("venue"), match.start("venue") + len(name))
    place = doc.add_entity("place", name, span, place_type="venue", aliases=aliases)
    meeting.location = place.key


def _time(doc: Doc, meeting: Meeting, start: int, end: int) -> None:
    if meeting.time:
        return
    for found in find_times(doc.text[start:end]):
        meeting.time, meeting.timezone = found.time, found.timezone
        return


def _topic(doc: Doc, meeting: Meeting, start: int, end: int) -> None:
    if meeting.topic:
        return
    match = _TOPIC.search(doc.text, start, end)
    if match is None:
        return
    words = match["topic"].split()[:_MAX_TOPIC_WORDS]
    topic = " ".join(words).strip(" ,")
    stop = re.search(r"\s+(?:pada|di|yang|dengan|bersama|oleh|saat)\b", topic)
    meeting.topic = topic[: stop.start()] if stop else topic
    if meeting.topic and fold(meeting.topic) not in fold(meeting.name):
        meeting.name = f"{meeting.name} tentang {meeting.topic}"


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)
