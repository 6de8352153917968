"""Indonesian calendar words, one list for every reader and extractor.

Weekdays and months as Indonesian news writes them, with the short and older
spellings (``Pebruari``, ``Nopember``, ``Ahad``), and the English month names some
site templates print. Readers parse publication dates with them; the rules read
dates in the text and keep these words out of names.
"""

from __future__ import annotations

#: Weekday -> Python's weekday number (Monday 0). "Ahad" is Sunday's other name.
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6, "ahad": 6,
}  # fmt: skip

#: Month -> number, full names, short forms and older spellings.
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
}  # fmt: skip

#: English month names that differ from the Indonesian ones, for sites with an English template.
ENGLISH_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "aug": 8, "october": 10, "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip

#: Full month names (no short forms), for word lists that keep them out of names.
MONTH_NAMES: tuple[str, ...] = (
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
    "november", "desember",
)  # fmt: skip
