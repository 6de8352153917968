"""The article: what every reader produces and every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as plain data.

    ``text`` is the body after the reader removed boilerplate; every character
    offset produced later (mentions, quotes, sentences) indexes into it.

    Args:
        id: stable identifier (the JSON ``id``, else the file stem).
        text: the body text.
        title: the headline, when known.
        date: publication date or datetime, ISO 8601 (``2022-04-06`` or
            ``2022-04-06T09:00:00+08:00``), when known.
        url: canonical URL, when known.
        publisher: publisher name as written (``ANALITIK.CO.ID``, ``Kompas``).
        dateline: the place in the dateline (``Samarinda``), when present.
        language: ISO 639-1 code; ``id`` unless the source says otherwise.
        source: where it came from (a path, ``path:line`` or ``<stdin>``), for messages.
        warnings: non-fatal problems the reader noticed (e.g. decoded as cp1252).
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    language: str = "id"
    source: str | None = None
    warnings: tuple[str, ...] = field(default=())
