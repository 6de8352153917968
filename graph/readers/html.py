"""Saved news web pages.

A page goes through small stages, each testable alone:

1. :func:`graph.readers.maintext.main_text` - the whole article body and only it;
2. :func:`clean_body` - the same line rules as plain text (credits, tails,
   end marks) plus the head a page repeats above the body (date, kicker,
   headline, photographer);
3. :mod:`graph.readers.htmlmeta` - headline without the site suffix, the
   publication time with its offset;
4. :mod:`graph.readers.outlets` - one publisher name per outlet;
5. the dateline, parsed as every reader parses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from ..article import Article
from ..errors import Errors, InputError
from . import Reader
from .boilerplate import strip_boilerplate
from .dateline import parse_opening
from .decode import decode, normalize_text
from .htmlmeta import PageMeta, headline, published, read_meta
from .language import detect_language
from .maintext import is_prose, main_text
from .outlets import choose_publisher, host_of, outlet_for_host, outlet_for_name, registrable_domain

MIN_BODY_CHARS = 40
# Words too common in site names to mark a title segment as the site's.
_GENERIC = frozenset("news online portal berita indonesia indonesian the com co id www net org".split())
# Line furniture that survives in a body: obfuscated contact addresses, index links.
_JUNK_LINE = re.compile(r"\[at\]|\bindex\s*»|^»|^\d+$|^(?:share|bagikan|tweet)$", re.IGNORECASE)


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
        yield read_page(html, stem, source, warnings)


def read_page(html: str, article_id: str, source: str, warnings: list[str] | None = None) -> Article | InputError:
    """Read one page's article: body, headline, time, publisher and dateline."""
    meta = _meta(html)
    host = host_of(meta.url)
    title = _clean(headline(meta, _site_words(host, meta)))
    body = clean_body(normalize_text(main_text(html)), title)
    if len(body) < MIN_BODY_CHARS:
        return InputError(source, Errors.E010)
    dateline = parse_opening(body.split("\n", 1)[0])
    publisher = choose_publisher(host, meta.site_names, dateline.publisher if dateline else None)
    language = detect_language(body)
    return Article(
        id=article_id,
        text=body,
        title=title,
        date=published(meta),
        url=_clean(meta.url),
        publisher=publisher.name if publisher else None,
        publisher_source=publisher.source if publisher else None,
        dateline=dateline.place if dateline else None,
        language=language or "id",
        source=source,
        warnings=tuple(warnings or ()) + (() if language else (Errors.E091,)),
    )


def _meta(html: str) -> PageMeta:
    try:
        return read_meta(lxml_html.document_fromstring(html))
    except (etree.ParserError, ValueError):
        return PageMeta()


def _site_words(host: str | None, meta: PageMeta) -> set[str]:
    """Words that name the site: its domain label, its listed names, its ``og:site_name``."""
    names = [name for name, where in meta.site_names if where != "twitter:site"]
    outlets = [outlet_for_host(host)] + [outlet_for_name(n) for n in names]
    for outlet in filter(None, outlets):
        names += [outlet.name, outlet.host, *outlet.aliases]
    if host:
        names.append(registrable_domain(host))
    words = {w for name in names for w in re.split(r"[\W_]+", name.lower()) if len(w) > 1}
    return words - _GENERIC


def clean_body(text: str, title: str | None) -> str:
    """Drop the page head above the first paragraph, furniture lines and the usual tails."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line and not _JUNK_LINE.search(line)]
    # Date, kicker, headline and photo credit come before the first paragraph; a heading
    # between paragraphs ("Layanan 4G") is part of the article and stays.
    start = next((i for i, line in enumerate(lines) if is_prose(line) or parse_opening(line)), len(lines))
    lines = lines[start:]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    return strip_boilerplate("\n".join(lines))


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(normalize_text(value).split())
    return value or None
