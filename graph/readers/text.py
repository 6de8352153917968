"""Plain-text articles as scrapers save them.

A typical file (see ``examples/txt/``)::

    <the lede again, as a teaser>

    <title>

    ANALITIK.CO.ID, SAMARINDA - <first paragraph> ...
    ...
    "...," pungkasnya. (*)

    Artikel Terkait ...

The body runs from the dateline line, kept as published, to the last line
before the boilerplate tail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Article
from ..errors import Errors, InputError
from . import Reader
from .boilerplate import strip_boilerplate
from .dateline import Dateline, parse_opening
from .dates import parse_indonesian_date
from .decode import decode
from .language import detect_language

# The dateline opens the body within the first few lines or not at all;
# looking further only finds false matches inside the story.
MAX_HEAD_LINES = 6
MAX_TITLE_CHARS = 200
# A repeated lede is a full sentence; shorter head lines are titles or labels.
MIN_LEDE_CHARS = 60
# A line that is one URL or a numbered/bulleted URL (``1. https://...``, ``- www.x.id/...``).
_LINK_LINE = re.compile(r"^(?:[-*•]|\d+[.)])?\s*(?:https?://|www\.)\S+$", re.IGNORECASE)


class TextReader(Reader):
    """Reads a scraped plain-text article into one Article."""

    name = "txt"
    extensions = (".txt",)

    def read(self, data: bytes, source: str, stem: str) -> Iterator[Article | InputError]:
        try:
            text, warnings = decode(data, source)
        except InputError as error:
            yield error
            return
        yield parse_plain_article(text, stem, source, warnings)


def parse_plain_article(text: str, article_id: str, source: str, warnings: list[str] | None = None) -> Article | InputError:
    """Split normalised plain text into title, dateline and body.

    Args:
        text: normalised text (see :func:`graph.readers.decode.normalize_text`).
        article_id: the id to give the article.
        source: where it came from, for messages.
        warnings: warnings already collected (e.g. from decoding).
    """
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if why := not_an_article([lines[i] for i in filled]):
        return InputError(source, Errors.E028.format(why=why))
    start, dateline = _find_dateline(lines, filled)
    if start is None:
        start = _body_start_without_dateline(lines, filled)
    head = [lines[i].strip() for i in filled if i < start]
    body = strip_boilerplate("\n".join(lines[start:]))
    if not body:
        return InputError(source, Errors.E092)
    title, date = _title_and_date(head, body)
    if dateline and dateline.date:
        date = date or dateline.date
    language = detect_language(body)
    return Article(
        id=article_id,
        text=body,
        title=title,
        date=date,
        publisher=dateline.publisher if dateline else None,
        dateline=dateline.place if dateline else None,
        language=language or "id",
        source=source,
        warnings=tuple(warnings or ()) + (() if language else (Errors.E091,)),
    )


def not_an_article(lines: list[str]) -> str | None:
    """Why a text file is not an article (a list of links), or None when it may be one.

    A folder of articles often holds a ``SOURCES.txt`` of the URLs they came
    from; read as an article it would be stored with no facts and a language
    warning. An article quotes a link now and then; it is not mostly links.
    """
    links = sum(1 for line in lines if _LINK_LINE.match(line.strip()))
    if links >= 2 and links * 2 >= len(lines):
        return f"{links} of its {len(lines)} lines are links: a list of sources, not a story"
    return None


def _find_dateline(lines: list[str], filled: list[int]) -> tuple[int | None, Dateline | None]:
    for i in filled[:MAX_HEAD_LINES]:
        line = lines[i].strip()
        if dateline := parse_opening(line):
            return i, dateline
    return None, None


def _body_start_without_dateline(lines: list[str], filled: list[int]) -> int:
    """Skip leading lines that are a repeated lede, a title or a date."""
    for n, i in enumerate(filled[: MAX_HEAD_LINES - 1]):
        line = lines[i].strip()
        later = "\n".join(lines[i + 1 :])
        head_like = _is_repeated_lede(line, later) or _is_title(line) or _is_date_line(line)
        # Always leave at least one line of body.
        if not head_like or len(filled) - n <= 1:
            return i
    return filled[0] if filled else 0


def _title_and_date(head: list[str], body: str) -> tuple[str | None, str | None]:
    title = date = None
    for line in head:
        if _is_date_line(line):
            date = date or parse_indonesian_date(line)
        elif _is_repeated_lede(line, body):
            continue
        elif _is_title(line):
            title = line  # the last title-like line is nearest the body
    return title, date


def _is_repeated_lede(line: str, later: str) -> bool:
    return len(line) >= MIN_LEDE_CHARS and _squash(line) in _squash(later)


def _is_title(line: str) -> bool:
    return len(line) <= MAX_TITLE_CHARS and len(line.split()) >= 3 and not line.endswith(".")


def _is_date_line(line: str) -> bool:
    return len(line) <= 60 and parse_indonesian_date(line) is not None


def _squash(text: str) -> str:
    return " ".join(text.split())
