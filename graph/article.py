"""The article: what every reader produces and every later stage reads."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# Characters that cannot be told apart at the end of an id when printed:
# controls, format characters (zero-width space, BOM) and every separator.
_INVISIBLE_EDGE = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp"))


def normalize_id(raw: str) -> str:
    """The one normal form of an article id: NFC, invisible characters trimmed at both ends.

    Ids that print the same must name the same article, so ``"same"``,
    ``"same "`` and ``"same\\x1f"`` are one id (and collide, which ingest
    reports) instead of three IRIs or a silent overwrite decided elsewhere.
    """
    text = unicodedata.normalize("NFC", raw)
    start, end = 0, len(text)
    while start < end and _invisible(text[start]):
        start += 1
    while end > start and _invisible(text[end - 1]):
        end -= 1
    return text[start:end]


def _invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in _INVISIBLE_EDGE


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
        publisher: publisher name as written (``ANALITIK.CO.ID``, ``Kompas``), or the
            outlet's one name when a reader knows it (see ``graph/data/outlets.tsv``).
        publisher_source: where the publisher name came from (``og:site_name``,
            ``outlet table (kompas.com)``, ``dateline``), when a reader says.
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
    publisher_source: str | None = None
    dateline: str | None = None
    language: str = "id"
    source: str | None = None
    warnings: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        # Every reader builds an Article, so this is the one place ids are normalised.
        object.__setattr__(self, "id", normalize_id(self.id))
