"""The dateline that opens an Indonesian news body.

Recognised shapes (the dash may be ``-``, ``–``, ``—`` or ``--``)::

    ANALITIK.CO.ID, SAMARINDA - ...     publisher, place
    TRIBUNNEWS.COM, MAKASSAR - ...      publisher, place
    JAKARTA, KOMPAS — ...               place, publisher (print style)
    Samarinda (ANTARA) - ...            place (publisher)
    KOMPAS.com - ...                    publisher only
    Jakarta - ...                       place only
    Samarinda, 6 April 2022 - ...       place, date
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_indonesian_date

# A name of one to four words, each capitalised (or a domain such as
# ``suaramerdeka.com``), so an ordinary sentence with a dash never matches.
_WORD = r"(?:[A-Z0-9][\w.&'’]*|[a-z][\w]*\.[a-z]{2,}[\w.]*|detik\w*)"
_NAME = rf"{_WORD}(?: {_WORD}){{0,3}}"
_DATE = r"\d{1,2} [A-Za-z]+ \d{4}"
_DASH = r"\s*(?:--|[-–—])\s+"

_PAREN = re.compile(rf"^(?P<a>{_NAME})\s*,?\s*\((?P<b>[^()\n]{{2,40}})\){_DASH}")
_PAIR = re.compile(rf"^(?P<a>{_NAME}),\s*(?P<b>{_NAME}|{_DATE}){_DASH}")
_SINGLE = re.compile(rf"^(?P<a>{_NAME}){_DASH}")

_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?:\s|$)")
_DOMAIN = re.compile(r"\.(?:com|co\.id|id|net|org|co|news|tv)\b", re.IGNORECASE)
# Outlets whose bare name appears in datelines without a domain.
_PUBLISHERS = frozenset(
    "antara kompas tempo detik detikcom detiknews reuters afp ap bisnis kontan republika "
    "tribun tribunnews liputan6 sindonews okezone suara jawapos fajar tribun-timur "
    "cnn viva merdeka kumparan beritasatu inews metrotv tvri rri".split()
)


@dataclass(frozen=True)
class Dateline:
    """What a dateline says, and where the body proper starts.

    Args:
        place: the place, title-cased (``Samarinda``), when given.
        publisher: the publisher as written (``ANALITIK.CO.ID``), when given.
        date: an ISO date when the dateline carries one.
        end: offset just past the dash, where the first sentence starts.
    """

    place: str | None
    publisher: str | None
    date: str | None
    end: int


def parse_opening(line: str) -> Dateline | None:
    """The dateline opening a body paragraph; None for a title like ``Place - Topic``.

    A dateline is followed by a sentence, so the rest of the line must hold a
    sentence end; a headline usually has none.
    """
    dateline = parse_dateline(line)
    if dateline and _SENTENCE_END.search(line, dateline.end):
        return dateline
    return None


def parse_dateline(line: str) -> Dateline | None:
    """Parse the dateline at the start of ``line``; None when there is none."""
    if m := _PAREN.match(line):
        return Dateline(_place(m["a"]), m["b"].strip(), None, m.end())
    if m := _PAIR.match(line):
        a, b = m["a"], m["b"]
        if date := parse_indonesian_date(b):
            return Dateline(_place(a), None, date, m.end())
        if _is_publisher(a) and not _is_publisher(b):
            return Dateline(_place(b), a, None, m.end())
        # Two bare names: print style, place first (``JAKARTA, KOMPAS``).
        return Dateline(_place(a), b, None, m.end())
    if m := _SINGLE.match(line):
        a = m["a"]
        if _is_publisher(a):
            return Dateline(None, a, None, m.end())
        if a.isupper() or a.istitle():
            return Dateline(_place(a), None, None, m.end())
    return None


def _is_publisher(name: str) -> bool:
    return bool(_DOMAIN.search(name)) or name.lower() in _PUBLISHERS


def _place(name: str) -> str:
    """``SAMARINDA`` -> ``Samarinda``; mixed case is kept as written."""
    return name.title() if name.isupper() else name
