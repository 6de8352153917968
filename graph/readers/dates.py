"""Indonesian publication dates as written on news pages.

Only the shapes seen in scraped headers and datelines (``Rabu, 6 April 2022``,
``6 Apr 2022 10:15 WITA``); anything else is left to the extractors.
"""

from __future__ import annotations

import re

from ..calendar import ENGLISH_MONTHS, MONTHS

_MONTHS = {**MONTHS, **ENGLISH_MONTHS}

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
