"""``warta extract``: one article's graph, printed, not stored."""

from __future__ import annotations

import json

import click

from ..article import Article
from ..errors import InputError, WartaError
from ..extract import get_extractor
from ..model import GraphBuilder
from ..readers import DEFAULT_MAX_BYTES, read_paths
from ._util import base_iri_option, extractor_option, user_errors


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


@click.command("extract")
@click.argument("path")
@click.option("--format", "fmt", help="Reader to use instead of the extension.")
@click.option(
    "-f",
    "--output-format",
    type=click.Choice(["turtle", "trig", "jsonld", "nt", "json"]),
    default="turtle",
    show_default=True,
    help="RDF serialisation, or 'json' for the article as read (title, date, publisher, dateline, text) and the extraction results with offsets.",
)
@base_iri_option
@extractor_option
@user_errors
def command(path, fmt, output_format, base_iri, extractor):
    """Extract one file (or '-') and print its graph without storing it."""
    engine = get_extractor(extractor)
    builder = GraphBuilder(base_iri, extractor)
    failed = False
    for item in read_paths([path], fmt=fmt, max_bytes=DEFAULT_MAX_BYTES):
        if isinstance(item, InputError):
            click.echo(f"error: {item}", err=True)
            failed = True
            continue
        extraction = engine.extract(item)
        if output_format == "json":
            shown = {"article": article_as_read(item), **extraction.to_dict()}
            click.echo(json.dumps(shown, ensure_ascii=False, indent=2))
        else:
            click.echo(builder.build(item, extraction).serialize(format=output_format))
    if failed:
        raise WartaError(f"{path}: some input could not be read")
