"""Indonesian publication dates as written on news pages.

Only the shapes seen in scraped headers and datelines (``Rabu, 6 April 2022``,
``6 Apr 2022 10:15 WITA``); anything else is left to the extractors.
"""

from __future__ import annotations

import re

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6,
    "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nopember": 11, "nop": 11, "desember": 12, "des": 12,
    # English month names that differ, for sites with an English template.
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "aug": 8, "october": 10, "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip

_DATE = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})\b")


def parse_indonesian_date(text: str) -> str | None:
    """Return the first ``day month year`` in ``text`` as ISO ``YYYY-MM-DD``.

    Args:
        text: a short string such as ``Rabu, 6 April 2022 | 10:15 WITA``.

    Returns:
        The ISO date, or None when there is no valid date.
    """
    m = _DATE.search(text)
    if not m:
        return None
    day, month, year = int(m[1]), _MONTHS.get(m[2].lower()), int(m[3])
    if month is None or not 1 <= day <= 31 or not 1900 <= year <= 2100:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
