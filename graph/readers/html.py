"""Saved news web pages, read with trafilatura.

trafilatura finds the main text and drops navigation, sidebars, related links
and footers; it also reads the title, date, site name and canonical URL from
``<meta>``/``<link>`` tags. The text then goes through the same normalising
and boilerplate trimming as plain-text articles.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..article import Article
from ..errors import Errors, InputError
from . import Reader
from .boilerplate import strip_boilerplate
from .dateline import parse_opening
from .decode import decode, normalize_text
from .language import detect_language


MIN_BODY_CHARS = 40


class HtmlReader(Reader):
    """Reads one saved HTML page into one Article."""

    name = "html"
    extensions = (".html", ".htm", ".xhtml")

    def read(self, data: bytes, source: str, stem: str) -> Iterator[Article | InputError]:
        try:
            html, warnings = decode(data, source)
        except InputError as error:
            yield error
            return
        meta = extract_page(html)
        title = _clean(meta.get("title"))
        body = _drop_title_line(strip_boilerplate(normalize_text(meta.get("text") or "")), title)
        # trafilatura falls back to any text it finds; a few words are a menu.
        if len(body) < MIN_BODY_CHARS:
            yield InputError(source, Errors.E010)
            return
        first_line = body.split("\n", 1)[0]
        dateline = parse_opening(first_line)
        language = detect_language(body)
        yield Article(
            id=stem,
            text=body,
            title=title,
            date=_clean(meta.get("date")),
            url=_clean(meta.get("url")),
            publisher=_clean(meta.get("sitename")) or (dateline.publisher if dateline else None),
            dateline=dateline.place if dateline else None,
            language=language or "id",
            source=source,
            warnings=tuple(warnings) + (() if language else (Errors.E091,)),
        )


def extract_page(html: str) -> dict[str, Any]:
    """Run trafilatura on a page; an empty dict when it finds no main text.

    Imported here, not at module level, because trafilatura is slow to import
    and a batch of plain-text files should not pay for it.
    """
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    return result.as_dict() if result is not None else {}


def _drop_title_line(body: str, title: str | None) -> str:
    """The page's ``<h1>`` often opens the extracted text; it is the title, not body."""
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        return rest.strip()
    return body


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = normalize_text(value).strip()
    return value or None
