"""Indonesian dates and times as news writes them.

Finds ``Rabu (6/4/2022)``, ``Senin (13 / 04 / 2020)``, ``Kamis, 19 September
2019``, ``Senin (14/3)``, ``Rabu lalu``, ``hari ini``, ``kemarin`` and
``pukul 09.00 WITA`` with our own patterns, then reads the matched strings with
a month table. A general date searcher is not used on purpose: it reads law
numbers (``No 105 Tahun 2014``) and decimals as dates.

Dates without a year, weekdays and relative words are resolved against the
publication date; without one they stay unresolved (``date`` is None) rather
than borrowing today's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ...calendar import MONTHS, WEEKDAYS

# Relative day words and their offset from the publication date.
RELATIVE_DAYS = {
    "hari ini": 0,
    "tadi pagi": 0,
    "tadi siang": 0,
    "tadi sore": 0,
    "tadi malam": 0,
    "kemarin": -1,
    "kemarin lusa": -2,
    "besok": 1,
    "esok hari": 1,
    "esok": 1,
    "lusa": 2,
}

_WD = r"(?:Senin|Selasa|Rabu|Kamis|Jum['’]?at|Sabtu|Minggu|Ahad)"
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))

# "(6/4/2022)", "(Rabu, 18/9/2019)", "(13 / 04 / 2020)", "(14/3)"; a weekday
# written before the parenthesis is taken in by _with_weekday_before.
_NUMERIC_PAREN = re.compile(
    rf"\(\s*(?:{_WD}\s*,?\s*)?(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)",
    re.IGNORECASE,
)
# "6/4/2022" written without parentheses; not part of a letter number ("800.2/737/BKPPD").
# The pattern opens on a digit so the scan stays fast; the character before is checked in code.
_NUMERIC_BARE = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])")
# "19 September 2019", "20 Agustus"; a weekday before it is taken in by _with_weekday_before.
_TEXTUAL = re.compile(
    rf"(?P<d>\d{{1,2}})\s+(?P<mon>{_MON})\b\.?(?:\s+(?P<y>\d{{4}})\b)?\)?",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(rf"{_WD}\s*,?\s*\(?\s*$", re.IGNORECASE)
# A weekday alone, optionally with "lalu"/"kemarin"/"mendatang"/"depan"/"nanti".
# Capitalised only: "minggu ini" means "this week", not Sunday.
_WEEKDAY = re.compile(
    rf"(?=[SRKJMA])\b(?P<wd>{_WD})\b(?:\s+(?P<dir>lalu|kemarin|mendatang|depan|nanti|besok))?",
)
_RELATIVE = re.compile(
    r"(?=[hHtTkKbBeElL])\b(?P<rel>" + "|".join(sorted(map(re.escape, RELATIVE_DAYS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# "pukul 09.00 WITA", "pukul 14.00-15.30 WIB", "jam 10:00".
_TIME = re.compile(
    r"(?=[pPjJ])\b(?:pukul|jam|pkl\.?)\s+(?P<h>\d{1,2})[.:](?P<mi>\d{2})"
    r"(?:\s*(?:-|–|—|s\.?d\.?|sampai|hingga)\s*(?:pukul\s+)?\d{1,2}[.:]\d{2})?"
    r"(?:\s*(?P<tz>WIB|WITA|WIT)\b)?",
    re.IGNORECASE,
)
_WEEKDAY_WORDS = tuple(sorted({w[:3] if w.startswith("jum") else w for w in WEEKDAYS}))
_RELATIVE_WORDS = tuple(sorted({w.split()[0] for w in RELATIVE_DAYS}))
# "Minggu" followed by these is the word "week", not Sunday.
_WEEK_WORDS = re.compile(r"\s+(?:ini|itu|depan|lalu|ke-?|pertama|kedua|ketiga|keempat|terakhir|pagi|sebelumnya)\b")

# "26 Agustus lalu" lies before the publication date, "20 Oktober mendatang" after it.
_DIRECTION = re.compile(r"\s+(?P<dir>lalu|mendatang|depan|nanti)\b")

_FORWARD = {"mendatang", "depan", "nanti", "besok"}
_BACKWARD = {"lalu", "kemarin"}


@dataclass(frozen=True)
class DateMention:
    """A date written in the text.

    Args:
        start: offset of the first character.
        end: offset after the last character.
        date: ISO date, or None when it cannot be resolved (no year and no
            publication date).
        relative: True when read against the publication date (a weekday,
            ``kemarin``, a day and month without year).
    """

    start: int
    end: int
    date: str | None
    relative: bool = False


@dataclass(frozen=True)
class TimeMention:
    """A clock time: ``pukul 09.00 WITA`` → ``09:00``, ``WITA``."""

    start: int
    end: int
    time: str
    timezone: str | None = None


def reference_date(value: str | None) -> date | None:
    """The publication date of an ISO date or datetime string, if it parses."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Every date written in ``text``, in order, without overlaps.

    Args:
        text: the text to read.
        reference: the publication date, used for dates without a year,
            weekdays and relative words.

    Returns:
        The mentions; the longest match wins where patterns overlap.
    """
    found: list[DateMention] = []
    for match in _NUMERIC_PAREN.finditer(text):
        found.append(_numeric(match, reference))
    for match in _NUMERIC_BARE.finditer(text) if "/" in text else ():
        if match.start() and text[match.start() - 1] in "0123456789/.":
            continue
        found.append(_numeric(match, reference))
    for match in _TEXTUAL.finditer(text):
        if match.start() and text[match.start() - 1] in "0123456789.,":
            continue
        month = MONTHS[match["mon"].lower()]
        mention = _day_month(match, int(match["d"]), month, match["y"], reference)
        found.append(_towards(mention, _DIRECTION.match(text, match.end()), reference))
    for match in keyword_matches(_WEEKDAY, text, _WEEKDAY_WORDS):
        if match["wd"].lower() == "minggu" and not match["dir"] and _WEEK_WORDS.match(text, match.end()):
            continue
        found.append(_weekday(match, reference))
    for match in keyword_matches(_RELATIVE, text, _RELATIVE_WORDS):
        offset = RELATIVE_DAYS[match["rel"].lower()]
        resolved = (reference + timedelta(days=offset)).isoformat() if reference else None
        found.append(DateMention(match.start(), match.end(), resolved, relative=True))
    return _without_overlaps([_with_weekday_before(text, m) for m in found])


def keyword_matches(pattern: re.Pattern[str], text: str, keywords: tuple[str, ...]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only start at one of ``keywords``.

    A regex scan enters its alternation at every position of the text; finding
    the few places where a keyword starts a word (case-insensitively) with
    ``str.find`` and matching only there gives the same matches several times
    faster on a news article.

    Args:
        pattern: the pattern; every match starts with one of ``keywords``.
        text: the text.
        keywords: lower-case literal words a match starts with.
    """
    lower = text.lower()
    if len(lower) != len(text):
        # A few non-ASCII letters change length when lowered: offsets would drift.
        return list(pattern.finditer(text))
    starts: set[int] = set()
    for keyword in keywords:
        i = lower.find(keyword)
        while i >= 0:
            if i == 0 or not lower[i - 1].isalnum():
                starts.add(i)
            i = lower.find(keyword, i + 1)
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            found.append(match)
            end = max(match.end(), start + 1)
    return found


def _with_weekday_before(text: str, mention: DateMention) -> DateMention:
    """Take in the weekday written before a date ("Rabu (6/4/2022)", "Kamis, 19 September")."""
    if mention.start == 0 or text[mention.start - 1] not in " (,":
        return mention
    lead = _WEEKDAY_BEFORE.search(text, max(0, mention.start - 14), mention.start)
    if lead is None or lead.end() != mention.start:
        return mention
    return DateMention(lead.start(), mention.end, mention.date, mention.relative)


def find_times(text: str) -> list[TimeMention]:
    """Every clock time (``pukul 09.00 WITA``) in ``text``, in order."""
    times = []
    for match in keyword_matches(_TIME, text, ("pukul", "jam", "pkl")):
        hour, minute = int(match["h"]), int(match["mi"])
        if hour > 24 or minute > 59:
            continue
        zone = match["tz"].upper() if match["tz"] else None
        times.append(TimeMention(match.start(), match.end(), f"{hour:02d}:{minute:02d}", zone))
    return times


def _numeric(match: re.Match[str], reference: date | None) -> DateMention:
    return _day_month(match, int(match["d"]), int(match["m"]), match["y"], reference)


def _day_month(
    match: re.Match[str],
    day: int,
    month: int,
    year_text: str | None,
    reference: date | None,
) -> DateMention:
    if year_text:
        year = int(year_text)
        if year < 100:
            year += 2000 if year < 70 else 1900
        return DateMention(match.start(), match.end(), _iso(year, month, day))
    if reference is None:
        return DateMention(match.start(), match.end(), None, relative=True)
    # A day and month without a year: the publication year, unless that puts
    # it half a year away ("28/12" in a January article is last December).
    resolved = _iso(reference.year, month, day)
    if resolved is not None:
        delta = (date.fromisoformat(resolved) - reference).days
        if delta > 183:
            resolved = _iso(reference.year - 1, month, day)
        elif delta < -183:
            resolved = _iso(reference.year + 1, month, day)
    return DateMention(match.start(), match.end(), resolved, relative=True)


def _towards(mention: DateMention, direction: re.Match[str] | None, reference: date | None) -> DateMention:
    """Move a year-less date to the side of the publication date its direction word says."""
    if direction is None or reference is None or mention.date is None or not mention.relative:
        return mention
    resolved = date.fromisoformat(mention.date)
    past = direction["dir"].lower() == "lalu"
    if past and resolved > reference:
        resolved = resolved.replace(year=resolved.year - 1) if (resolved.month, resolved.day) != (2, 29) else resolved
    elif not past and resolved < reference:
        resolved = resolved.replace(year=resolved.year + 1) if (resolved.month, resolved.day) != (2, 29) else resolved
    return DateMention(mention.start, direction.end(), resolved.isoformat(), relative=True)


def _weekday(match: re.Match[str], reference: date | None) -> DateMention:
    if reference is None:
        return DateMention(match.start(), match.end(), None, relative=True)
    wanted = WEEKDAYS[match["wd"].lower().replace("'", "").replace("’", "")]
    direction = (match["dir"] or "").lower()
    back = (reference.weekday() - wanted) % 7
    if direction in _FORWARD:
        resolved = reference + timedelta(days=(wanted - reference.weekday()) % 7 or 7)
    elif direction in _BACKWARD:
        resolved = reference - timedelta(days=back or 7)
    else:
        # News reports the week that ends on the publication day.
        resolved = reference - timedelta(days=back)
    return DateMention(match.start(), match.end(), resolved.isoformat(), relative=True)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _without_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    # Longest first, then keep those that do not overlap anything kept.
    kept: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
