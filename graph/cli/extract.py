"""``warta extract``: one article's graph, printed, not stored."""

from __future__ import annotations

import json
import sys

import click

from ..article import Article
from ..errors import InputError
from ..extract import get_extractor
from ..model import GraphBuilder
from ..readers import DEFAULT_MAX_BYTES, read_paths
from ._util import base_iri_option, extractor_option, input_format_option, output_format_option, user_errors


def article_as_read(article: Article) -> dict:
    """What the reader made of the input, so a user can see why extraction went wrong."""
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date,
        "publisher": article.publisher,
        "publisher_source": article.publisher_source,
        "dateline": article.dateline,
        "url": article.url,
        "language": article.language,
        "source": article.source,
        "warnings": list(article.warnings),
        "text": article.text,
    }


@click.command(
    "extract",
    epilog="""\b
Examples:
  warta extract examples/txt/balikpapan-kemenkop-mou.txt            # Turtle
  warta extract examples/txt/balikpapan-kemenkop-mou.txt -f json    # what was read, and the results with offsets
  cat article.txt | warta extract - --input-format txt""",
)
@click.argument("path")
@input_format_option("Reader to use instead of the extension (txt, html, jsonl, json).", old=())
@output_format_option(
    ["turtle", "trig", "jsonld", "nt", "json"],
    "turtle",
    "RDF serialisation, or 'json' for the article as read (title, date, publisher, dateline, text) "
    "and the extraction results with offsets.",
)
@base_iri_option
@extractor_option
@user_errors
def command(path, input_format, fmt, base_iri, extractor):
    """Extract one file (or '-') and print its graph without storing it.

    Exits with 1, after naming each record that could not be read, when any input failed.
    """
    engine = get_extractor(extractor)
    builder = GraphBuilder(base_iri, extractor)
    failed = False
    for item in read_paths([path], fmt=input_format, max_bytes=DEFAULT_MAX_BYTES):
        if isinstance(item, InputError):
            click.echo(f"Error: {item}", err=True)
            failed = True
            continue
        extraction = engine.extract(item)
        if fmt == "json":
            shown = {"article": article_as_read(item), **extraction.to_dict()}
            click.echo(json.dumps(shown, ensure_ascii=False, indent=2))
        else:
            click.echo(builder.build(item, extraction).serialize(format=fmt))
    if failed:
        sys.exit(1)  # each failure was named above; a second summary line would only repeat it
